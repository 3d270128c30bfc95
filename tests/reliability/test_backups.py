"""Automatic backups: one per opening in the window, the last few kept,
listed and restored from the command line and the File menu."""

from __future__ import annotations

import subprocess
import sys

from annotator.store import Project
from annotator.store.backups import KEEP, list_backups, make_backup, restore_backup
from annotator.store.session import open_for_window
from tests.helpers.gui import open_document, stored_spans
from tests.reliability.gui_helpers import label_phrase
from tests.reliability.kill_harness import child_env
from tests.reliability.test_damaged_files import page_overwritten

POLISH = "pl-2021-06-02-xi-tokayev-phone-call"


def span_count(path) -> int:
    with Project.open(path, create=False) as project:
        return project.stats()["spans"]


def test_each_opening_makes_a_backup_and_the_last_few_are_kept(sample_db, backups_in_tmp):
    for n in range(KEEP + 2):
        opened = open_for_window(sample_db)
        document = opened.project.document_ids()[0]
        opened.project.add_span(document, "alice", n, n + 1, "PERSON")  # an edit each time
        opened.project.close()
    found = list_backups(sample_db)
    assert [b.number for b in found] == list(range(1, KEEP + 1))
    assert found[0].made > found[-1].made
    # Each made as the window opened: before that opening's edit.
    assert [b.spans for b in found] == [KEEP + 1, KEEP, KEEP - 1, KEEP - 2, KEEP - 3]
    assert all(b.documents == 5 for b in found)
    assert all(b.path.is_relative_to(backups_in_tmp) for b in found)


def test_restoring_brings_back_the_file_and_backs_up_the_current_one(sample_db):
    with Project.open(sample_db) as project:
        make_backup(project)
        doc = project.document_ids()[0]
        project.add_span(doc, "alice", 0, 3, "PERSON")
    chosen, before = restore_backup(sample_db, 1)
    assert chosen.spans == 0 and span_count(sample_db) == 0
    assert "backup 1" in before
    assert list_backups(sample_db)[0].spans == 1  # the file as it was, kept


def test_a_damaged_file_is_moved_aside_not_deleted_when_a_backup_is_restored(sample_db):
    with Project.open(sample_db) as project:
        make_backup(project)
    page_overwritten(sample_db)
    damaged = sample_db.read_bytes()
    chosen, before = restore_backup(sample_db, 1)
    kept = [p for p in sample_db.parent.iterdir() if ".damaged-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged and kept[0].name in before
    assert span_count(sample_db) == 0


def run_cli(*args, env):
    return subprocess.run([sys.executable, "-m", "annotator", *args], capture_output=True,
                          text=True, env=env)


def test_a_restore_ended_at_any_moment_leaves_a_project_file_in_place(sample_db, monkeypatch):
    """The copy is made whole before the damaged file moves, and the damaged
    file keeps its place until the copy replaces it: a restore killed between
    its steps no longer left no project file (which the next import would
    have made anew, empty)."""
    import os

    from annotator.store import backups

    with Project.open(sample_db) as project:
        make_backup(project)
    page_overwritten(sample_db)
    damaged = sample_db.read_bytes()

    def killed(*args, **kwargs):
        raise SystemExit("killed")  # as a kill -9 before the copy takes its place

    with monkeypatch.context() as patch:
        patch.setattr(backups.os, "replace", killed)
        try:
            restore_backup(sample_db, 1)
        except SystemExit:
            pass
    assert sample_db.read_bytes() == damaged  # in place, not moved away
    [kept] = [p for p in sample_db.parent.iterdir() if ".damaged-" in p.name]
    assert kept.read_bytes() == damaged
    restore_backup(sample_db, 1)  # again, to the end
    assert span_count(sample_db) == 0
    assert os.path.exists(sample_db)


def test_a_restore_through_a_link_restores_the_file_it_names(sample_db, tmp_path):
    from annotator.store.locking import lock_path

    link = tmp_path / "link.db"
    link.symlink_to(sample_db)
    assert lock_path(link) == lock_path(sample_db)  # one lock: one writer, whichever name
    with Project.open(sample_db) as project:
        make_backup(project)
    page_overwritten(sample_db)
    restore_backup(link, 1)
    assert link.is_symlink() and span_count(sample_db) == 0


def test_the_command_line_lists_and_restores_backups(sample_db, tmp_path):
    env = dict(child_env(), XDG_DATA_HOME=str(tmp_path / "data"))
    empty = run_cli("backups", str(sample_db), env=env)
    assert empty.returncode == 0 and "no backups yet" in empty.stdout
    script = ("import sys\nfrom pathlib import Path\nfrom annotator.store.session import "
              "open_for_window\nopen_for_window(Path(sys.argv[1])).project.close()\n")
    subprocess.run([sys.executable, "-c", script, str(sample_db)], env=env, check=True)
    with Project.open(sample_db) as project:
        project.add_span(project.document_ids()[0], "alice", 0, 3, "PERSON")
    listed = run_cli("backups", str(sample_db), env=env)
    assert listed.returncode == 0 and listed.stdout.startswith("1. ")
    assert "(5 documents, 0 spans)" in listed.stdout
    restored = run_cli("backups", str(sample_db), "--restore", "1", env=env)
    assert restored.returncode == 0, restored.stderr
    assert span_count(sample_db) == 0
    missing = run_cli("backups", str(sample_db), "--restore", "9", env=env)
    assert missing.returncode == 2 and "no backup number 9" in missing.stderr


def test_backups_of_a_file_that_is_not_there(tmp_path):
    env = dict(child_env(), XDG_DATA_HOME=str(tmp_path / "data"))
    gone = tmp_path / "gone.db"
    listed = run_cli("backups", str(gone), env=env)
    assert listed.returncode == 2
    assert listed.stderr.strip() == f"{gone}: no such project file, and no backups of one there"
    restored = run_cli("backups", str(gone), "--restore", "1", env=env)
    assert restored.returncode == 2
    assert restored.stderr.strip() == f"{gone}: no backup number 1 (there are 0)"
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no lock file left behind


def test_the_damage_message_offers_a_restore_only_when_there_is_a_backup(sample_db, tmp_path,
                                                                         monkeypatch):
    from annotator.store import integrity
    from annotator.store.backups import make_backup

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert "It has no backup yet" in integrity.damage_message(sample_db, "disk image is malformed")
    with Project.open(sample_db) as project:
        make_backup(project)
    assert f"'annotator backups {sample_db} --restore 1'" in integrity.damage_message(
        sample_db, "disk image is malformed")


def test_the_command_line_does_not_restore_under_an_open_window(window, sample_db, tmp_path):
    before = sample_db.read_bytes()
    result = run_cli("backups", str(sample_db), "--restore", "1", env=child_env())
    assert result.returncode == 2 and "open in a window" in result.stderr
    assert sample_db.read_bytes() == before


def test_the_window_restores_a_backup_and_shows_it(window, qtbot, sample_db):
    doc = open_document(window, POLISH)
    label_phrase(window, qtbot, "Xi Jinping")
    assert len(stored_spans(window.project, doc.id)) == 1
    assert [b.spans for b in list_backups(sample_db)] == [0]  # made when the window opened
    assert window.restore_backup(1)
    assert stored_spans(window.project, doc.id) == []
    assert window.statusBar().currentMessage().startswith(
        "Restored backup 1; the file as it was is now backup 1. It held: 1. ")
    assert not window.project.read_only and not window.read_only_banner.isVisible()
    open_document(window, POLISH)
    assert window.view.spans == []
    # Newest first: the file before the restore, as the message says (the
    # file restored is no new backup: backup 2 is that copy), and the
    # opening of the window.
    assert "the file as it was is now backup 1" in window.statusBar().currentMessage()
    assert [b.spans for b in list_backups(sample_db)] == [1, 0]
    # Restored again and again, as the message says: no state is pushed out.
    assert window.restore_backup(1)
    assert [b.spans for b in list_backups(sample_db)] == [0, 1, 0]
    assert len(stored_spans(window.project, doc.id)) == 1  # the label is back


def test_the_file_menu_opens_the_backups_dialog(window, qtbot, monkeypatch):
    from annotator.ui import backups_dialog

    seen = []
    monkeypatch.setattr(backups_dialog.BackupsDialog, "exec",
                        lambda self: seen.append(self.list.count()) or 0)
    action = next(a for a in window.menuBar().actions() if a.text() == "&File")
    backups = next(a for a in action.menu().actions() if a.text() == "&Backups…")
    backups.trigger()
    assert seen == [1]


def test_opening_an_unchanged_file_again_makes_no_second_copy(sample_db, tmp_path):
    """Five openings with no edit between them would push every older state
    out of the five kept: an unchanged file is its newest backup already."""
    from annotator.store.backups import make_backup

    root = tmp_path / "backups"
    with Project.open(sample_db) as project:
        first = make_backup(project, root)
        for _ in range(5):
            assert make_backup(project, root) == first
        doc = project.document_by_name(POLISH)
        project.add_span(doc.id, "alice", 0, 2, "PERSON")
        second = make_backup(project, root)
    assert second != first
    assert [b.spans for b in list_backups(sample_db, root)] == [1, 0]


def test_backups_count_labels_and_open_suggestions_apart(sample_db, tmp_path):
    from annotator.core.model import Origin
    from annotator.store.backups import make_backup

    root = tmp_path / "backups"
    with Project.open(sample_db) as project:
        doc = project.document_by_name(POLISH)
        project.add_span(doc.id, "alice", 0, 2, "PERSON")
        project.add_span(doc.id, "alice", 3, 10, "PERSON", origin=Origin.SUGGESTED)
        make_backup(project, root)
    [backup] = list_backups(sample_db, root)
    assert (backup.spans, backup.suggestions) == (1, 1)
    assert backup.describe().endswith(f"({backup.documents} documents, 1 spans, 1 suggestions)")
