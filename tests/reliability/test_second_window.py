"""A second window on a project that one window has open is told so and
opens it read-only: the two never write past each other. The lock goes with
the process that held it, however it ended."""

from __future__ import annotations

import pytest

from annotator.store.session import open_for_window
from tests.helpers.gui import open_document, stored_spans
from tests.reliability.gui_helpers import label_phrase
from tests.reliability.kill_harness import run_and_kill

POLISH = "pl-2021-06-02-xi-tokayev-phone-call"


@pytest.fixture
def second_window(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from annotator.ui.main_window import MainWindow

    def make(path):
        settings = QSettings(str(tmp_path / f"second-{id(path)}.ini"), QSettings.Format.IniFormat)
        win = MainWindow(settings, "bob")
        qtbot.addWidget(win)
        assert win.open_project(path)
        win.show()
        return win

    return make


def test_a_second_window_opens_the_project_read_only_and_says_why(
        window, second_window, qtbot, sample_db):
    second = second_window(sample_db)
    assert second.read_only_banner.isVisible()
    assert "open in another window" in second.read_only_banner.text()
    assert second.status_label.text().endswith("Read-only")
    assert not window.read_only_banner.isVisible()
    # Chosen (Ctrl+L), what would write says why nothing happens.
    second.labels_action.trigger()
    assert "read-only" in second.statusBar().currentMessage()
    second.statusBar().clearMessage()
    second.review_action.trigger()
    assert "read-only" in second.statusBar().currentMessage()
    assert not hasattr(second, "review_window")  # no review window was made
    doc = open_document(second, POLISH)
    second.activateWindow()
    qtbot.waitUntil(second.isActiveWindow)
    label_phrase(second, qtbot, "Xi Jinping")
    assert "read-only" in second.statusBar().currentMessage()
    assert stored_spans(second.project, doc.id, "bob") == [] and second.view.spans == []
    # The first window still labels, and the second reads what it wrote.
    open_document(window, POLISH)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    label_phrase(window, qtbot, "Xi Jinping")
    assert stored_spans(second.project, doc.id, "alice") == [
        (doc.text.index("Xi Jinping"), doc.text.index("Xi Jinping") + 10, "PERSON")]


def test_when_the_first_window_closes_the_next_one_may_write(window, second_window, sample_db):
    window.close()
    second = second_window(sample_db)
    assert not second.read_only_banner.isVisible() and not second.project.read_only


def test_reopening_its_own_project_keeps_a_window_writable(window, sample_db):
    assert window.open_project(sample_db)
    assert not window.project.read_only and not window.read_only_banner.isVisible()


HOLDER = """
import sys, time
from pathlib import Path
from annotator.store.session import open_for_window
opened = open_for_window(Path(sys.argv[1]))
print("ready", opened.read_only_reason, flush=True)
time.sleep(60)
"""


def test_a_lock_held_by_another_process_and_released_by_its_crash(sample_db, tmp_path):
    script = tmp_path / "holder.py"
    script.write_text(HOLDER)
    lines = run_and_kill([str(script), str(sample_db)], delay=0.0, start_word="ready")
    assert lines == ["ready None"]  # the other process had the project for writing
    # It was killed without closing anything: no stale lock is left.
    opened = open_for_window(sample_db)
    try:
        assert opened.read_only_reason is None
    finally:
        opened.project.close()


def test_a_project_in_use_by_another_process_opens_read_only(sample_db, tmp_path):
    import subprocess
    import sys

    from tests.reliability.kill_harness import child_env

    script = tmp_path / "holder.py"
    script.write_text(HOLDER)
    holder = subprocess.Popen([sys.executable, str(script), str(sample_db)],
                              stdout=subprocess.PIPE, text=True, env=child_env())
    try:
        assert holder.stdout.readline().startswith("ready")
        opened = open_for_window(sample_db)
        assert "open in another window" in opened.read_only_reason
        assert f"process {holder.pid}" in opened.read_only_reason
        with pytest.raises(Exception, match="readonly"):
            opened.project.add_label("EVENT")
        opened.project.close()
    finally:
        holder.kill()
        holder.wait()
