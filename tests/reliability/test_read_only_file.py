"""A project on a read-only disk opens read-only with a banner, and labelling
keys say why nothing happens. Tests run as root, which ignores file
permissions, so the disk here is a real read-only bind mount."""

from __future__ import annotations

import shutil

import pytest

from annotator.store import Project
from annotator.store.session import not_writable_reason, open_for_window
from tests.helpers.gui import open_document
from tests.reliability.gui_helpers import digest, label_phrase

POLISH = "pl-2021-06-02-xi-tokayev-phone-call"


@pytest.fixture
def read_only_copy(tmp_path, sample_db, mount_point):
    source = tmp_path / "source"
    source.mkdir()
    shutil.copy(sample_db, source / "project.db")
    mounted = mount_point(tmp_path / "ro", "--bind", "-o", "ro", str(source))
    return mounted / "project.db"


def test_a_project_on_a_read_only_disk_opens_read_only_with_a_banner(
        qtbot, settings, read_only_copy, shown):
    from annotator.ui.main_window import MainWindow

    before = digest(read_only_copy)
    window = MainWindow(settings, "alice")
    qtbot.addWidget(window)
    assert window.open_project(read_only_copy)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.read_only_banner.isVisible()
    assert "read-only disk" in window.read_only_banner.text()
    open_document(window, POLISH)
    label_phrase(window, qtbot, "Xi Jinping")
    message = window.statusBar().currentMessage()
    assert message.startswith("Nothing changed") and "read-only disk" in message
    assert window.view.spans == [] and shown == []
    window.statusBar().clearMessage()
    window.import_action.trigger()  # no dialog: it says why
    assert "read-only disk" in window.statusBar().currentMessage()
    window.close()
    assert digest(read_only_copy) == before


def test_the_reason_names_the_read_only_disk(read_only_copy):
    assert not_writable_reason(read_only_copy) == "it is on a read-only disk or share"
    opened = open_for_window(read_only_copy)
    assert opened.project.read_only and opened.read_only_reason
    assert opened.project.stats()["documents"] == 5
    opened.project.close()


def test_a_read_only_project_refuses_writes_even_for_root(sample_db):
    before = digest(sample_db)
    with Project.open(sample_db, read_only=True) as project:
        with pytest.raises(Exception, match="readonly"):
            project.add_label("EVENT")
    assert digest(sample_db) == before
