"""A damaged project file (cut short, a page overwritten, not SQLite at all)
gets one clear message, in the window and on the command line (exit status
2), and is never written to."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.reliability.gui_helpers import digest
from tests.reliability.kill_harness import child_env


def cut_short(path):
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def page_overwritten(path, number=3):
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")  # the file's page size, from its header
    data[(number - 1) * page: number * page] = bytes(range(256)) * (page // 256)
    path.write_bytes(bytes(data))


def not_sqlite(path):
    path.write_bytes(b"PK\x03\x04 a zip file renamed to .db" + bytes(5000))


def emptied(path):
    path.write_bytes(b"")  # a copy that failed: opened as a project it became a new one


DAMAGE = {"cut short": cut_short, "page overwritten": page_overwritten, "not SQLite": not_sqlite,
          "emptied": emptied}


@pytest.fixture(params=DAMAGE)
def damaged(request, sample_db):
    DAMAGE[request.param](sample_db)
    return sample_db


def test_the_command_line_refuses_a_damaged_file_in_one_line(damaged):
    before = digest(damaged)
    result = subprocess.run([sys.executable, "-m", "annotator", "stats", str(damaged), "--json"],
                            capture_output=True, text=True, env=child_env())
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(damaged) in lines[0]
    assert "damaged" in lines[0] or "not an SQLite database" in lines[0]
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert digest(damaged) == before
    assert not damaged.with_name(damaged.name + "-wal").exists()


def test_the_window_refuses_a_damaged_file_with_one_message(damaged, qtbot, settings, shown):
    from annotator.ui.main_window import MainWindow

    before = digest(damaged)
    window = MainWindow(settings, "alice")
    qtbot.addWidget(window)
    assert not window.open_project(damaged)
    assert len(shown) == 1 and str(damaged) in shown[0]
    assert window.project is None
    assert digest(damaged) == before


def test_starting_the_window_on_a_damaged_file_says_so_and_exits_2(sample_db, tmp_path):
    page_overwritten(sample_db)
    before = digest(sample_db)
    script = ("import sys\nfrom annotator.ui import main_window\n"
              "main_window.show_message = lambda *a: None\n"
              "from annotator.cli import main\nsys.exit(main(sys.argv[1:]))\n")
    config = tmp_path / "config" / "annotator"
    config.mkdir(parents=True)
    (config / "annotator.conf").write_text("[annotator]\nname=alice\n")  # no first-start question
    env = dict(child_env(), XDG_CONFIG_HOME=str(tmp_path / "config"))
    result = subprocess.run([sys.executable, "-c", script, str(sample_db)],
                            capture_output=True, text=True, env=env, input="")
    assert result.returncode == 2, result.stderr
    assert "damaged" in result.stderr and str(sample_db) in result.stderr
    assert digest(sample_db) == before


def test_a_file_cut_short_is_refused_by_its_header_without_the_whole_check(sample_db):
    from annotator.store import Project
    from annotator.store.repository import DamagedProjectError

    cut_short(sample_db)
    before = digest(sample_db)
    with pytest.raises(DamagedProjectError, match="cut short"):
        Project.open(sample_db, create=False, check="later")
    assert digest(sample_db) == before


def test_a_large_file_is_not_checked_at_open_and_a_read_meeting_damage_names_the_file(
        sample_db, monkeypatch):
    from annotator.store import Project, integrity
    from annotator.store.repository import DamagedProjectError

    page_overwritten(sample_db)  # an index the document list never reads
    monkeypatch.setattr(integrity, "SMALL_FILE", 0)  # every file counts as large
    with Project.open(sample_db, create=False) as project:
        assert project.stats()["documents"] == 5  # the damaged page is not in the way
    with pytest.raises(DamagedProjectError) as refused:
        with Project.open(sample_db, create=False, check="always"):
            pass
    assert str(sample_db) in str(refused.value) and "Page 3" in str(refused.value)
    page_overwritten(sample_db, 2)  # the documents' table: any read of documents starts there
    before = digest(sample_db)
    with pytest.raises(DamagedProjectError) as met:
        with Project.open(sample_db, create=False) as project:
            project.stats()
    assert str(sample_db) in str(met.value) and "damaged" in str(met.value)
    assert digest(sample_db) == before


def test_the_window_that_starts_checks_a_large_project_after_the_first_paint(
        sample_db, qtbot, settings, shown, monkeypatch):
    from annotator.store import integrity
    from annotator.ui.main_window import MainWindow

    page_overwritten(sample_db)
    monkeypatch.setattr(integrity, "SMALL_FILE", 0)
    window = MainWindow(settings, "alice")
    qtbot.addWidget(window)
    assert window.open_project(sample_db, finish_later=True)  # shown at once, unchecked
    assert shown == []
    assert window.finish_opening() is not None
    assert len(shown) == 1 and "damaged" in shown[0] and str(sample_db) in shown[0]
    assert window.project is None and window.editor is None


def test_a_small_project_is_checked_before_the_window_shows_it(sample_db, qtbot, settings, shown):
    from annotator.ui.main_window import MainWindow

    page_overwritten(sample_db)
    window = MainWindow(settings, "alice")
    qtbot.addWidget(window)
    assert not window.open_project(sample_db, finish_later=True)
    assert len(shown) == 1 and "damaged" in shown[0]


def test_damage_a_large_project_shows_while_the_window_opens_it_is_refused_at_once(
        sample_db, qtbot, settings, shown, monkeypatch):
    from annotator.store import integrity
    from annotator.ui.main_window import MainWindow

    page_overwritten(sample_db, 2)  # the documents' table
    before = digest(sample_db)
    monkeypatch.setattr(integrity, "SMALL_FILE", 0)
    window = MainWindow(settings, "alice")
    qtbot.addWidget(window)
    assert not window.open_project(sample_db, finish_later=True)
    assert len(shown) == 1 and "damaged" in shown[0] and str(sample_db) in shown[0]
    assert window.project is None and window.finish_opening() is None
    assert digest(sample_db) == before
