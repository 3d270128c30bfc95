import errno
import json
import sqlite3
import subprocess
import sys

import pytest

from annotator import __version__, app
from annotator.app import XVFB_HINT
from annotator.cli import main


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "annotator", *map(str, args)],
                          capture_output=True, text=True)


def test_version_and_help():
    result = run_cli("--version")
    assert result.stdout.strip() == f"annotator {__version__}"
    help_text = run_cli("--help").stdout
    for command in ("import", "stats"):
        assert command in help_text


def test_import_seeds_then_stats(tmp_path, seeds_dir, capsys):
    db = tmp_path / "p.db"
    assert main(["import", str(db), str(seeds_dir)]) == 0
    capsys.readouterr()
    assert main(["stats", str(db), "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["documents"] == 5
    assert stats["by_direction"] == {"rtl": 4, "ltr": 1}
    assert stats["by_lang"] == {"ar": 4, "pl": 1}
    # Importing the same texts again adds nothing.
    assert main(["import", str(db), str(seeds_dir)]) == 0
    capsys.readouterr()
    main(["stats", str(db), "--json"])
    assert json.loads(capsys.readouterr().out)["documents"] == 5


def test_a_bad_third_line_fails_whole_and_leaves_the_file_byte_for_byte(tmp_path, seeds_dir):
    db = tmp_path / "p.db"
    assert run_cli("import", db, seeds_dir).returncode == 0
    before = db.read_bytes()
    bad = tmp_path / "bad.jsonl"
    lines = [
        {"text": "Xi Jinping met Tokayev.", "spans": [{"start": 0, "end": 10, "label": "PERSON"}]},
        {"text": "Another good line."},
        {"text": "x" * 42, "spans": [{"start": 12, "end": 90, "label": "ORG"}]},
    ]
    bad.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    result = run_cli("import", db, bad)
    assert result.returncode == 2
    assert result.stderr.strip() == f"{bad}:3: span end 90 is past the end of the text (42)"
    assert db.read_bytes() == before


def test_every_problem_gets_its_own_line_and_a_new_project_is_not_left_behind(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "ok"}\nnot json\n{"no_text": 1}\n{"text": "ab", "label": [[1, 0, "ORG"]]}\n')
    db = tmp_path / "new.db"
    result = run_cli("import", db, bad)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert [line.split(": ")[0] for line in lines] == [f"{bad}:2", f"{bad}:3", f"{bad}:4"]
    assert not db.exists()


def test_doccano_and_native_jsonl_with_crlf_text(tmp_path, capsys):
    data = tmp_path / "mixed.jsonl"
    rows = [
        {"id": "n1", "text": "Xi\r\nJinping spoke", "lang": "en", "annotator": "alice",
         "spans": [{"start": 4, "end": 11, "label": "PERSON"}]},
        {"text": "وقال شي", "label": [[5, 7, "PERSON"]]},
    ]
    data.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    db = tmp_path / "p.db"
    assert main(["import", str(db), str(data), "--annotator", "bob"]) == 0
    from annotator.store import Project

    with Project.open(db) as project:
        first = project.document_by_name("n1")
        assert first.text == "Xi\nJinping spoke"
        # --annotator wins over the annotator the line names.
        assert project.spans(first.id, "alice") == []
        [span] = project.spans(first.id, "bob")
        assert first.text[span.start:span.end] == "Jinping"
        second = project.document_by_name("mixed-2")
        [span] = project.spans(second.id, "bob")
        assert second.text[span.start:span.end] == "شي"


def test_txt_files_drop_bom_and_crlf(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes("\ufeffسطر\r\nline".encode("utf-8"))
    (tmp_path / "in" / "b.txt").write_bytes(b"\xff\xfe broken")
    db = tmp_path / "p.db"
    result = run_cli("import", db, tmp_path / "in")
    assert result.returncode == 2
    assert "b.txt: is UTF-16 (little-endian, with a byte order mark), not UTF-8 text" in result.stderr
    (tmp_path / "in" / "b.txt").unlink()
    assert run_cli("import", db, tmp_path / "in").returncode == 0
    from annotator.store import Project

    with Project.open(db) as project:
        assert project.document_by_name("a").text == "سطر\nline"


@pytest.mark.parametrize("args,message", [
    (["stats", "missing.db"], "no such project file"),
    (["import", "p.db", "nowhere"], "nowhere: no such file or folder"),
])
def test_errors_are_one_line_with_status_2(tmp_path, args, message):
    args = [str(tmp_path / a) if a.endswith(".db") or a == "nowhere" else a for a in args]
    result = run_cli(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_window_without_display_says_so_in_one_line(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "annotator", str(tmp_path / "p.db")],
                            capture_output=True, text=True, env=env)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "xvfb-run" in result.stderr


def test_a_display_that_does_not_answer_is_named_in_one_line(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "DISPLAY": ":873"}
    result = subprocess.run([sys.executable, "-m", "annotator", str(tmp_path / "p.db")],
                            capture_output=True, text=True, env=env)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"annotator: the display :873 does not answer; {XVFB_HINT}"]
    assert not (tmp_path / "p.db").exists()


def test_a_missing_x11_library_is_named(monkeypatch):
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(app, "x_server_answers", lambda display: True)
    monkeypatch.setattr(app, "library_loads", lambda name: name != "libxcb-cursor.so.0")
    assert "libxcb-cursor0" in app.display_problem()
    monkeypatch.setattr(app, "library_loads", lambda name: True)
    assert app.display_problem() is None


def test_x_server_answers_on_its_socket(tmp_path, monkeypatch):
    import socket

    assert not app.x_server_answers(":872")
    assert not app.x_server_answers("nonsense")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind("\0/tmp/.X11-unix/X871")
    server.listen(1)
    try:
        assert app.x_server_answers(":871.0")
    finally:
        server.close()


def test_a_command_on_a_big_file_of_an_older_version_says_it_upgrades_it(tmp_path, capsys,
                                                                         monkeypatch):
    from annotator.store import session
    from annotator.store.schema import SCHEMA_VERSION
    from tests.helpers.old_schema import ONE_DOCUMENT, PERSON_LABEL, write_file_at_schema

    path = tmp_path / "old.db"
    write_file_at_schema(path, SCHEMA_VERSION - 1, ONE_DOCUMENT + PERSON_LABEL)
    monkeypatch.setattr(session, "UPGRADE_NOTICE_BYTES", 0)  # the test file is small
    assert main(["stats", str(path)]) == 0
    assert f"{path}: upgrading to this version's format" in capsys.readouterr().err
    # Upgraded once: the next command says nothing of it.
    assert main(["stats", str(path)]) == 0
    assert "upgrading" not in capsys.readouterr().err


@pytest.mark.parametrize("raised, said", [
    (sqlite3.OperationalError("database or disk is full"),
     "database or disk is full: the disk is full; free some space and run it again"),
    (sqlite3.OperationalError("attempt to write a readonly database"),
     "attempt to write a readonly database: the project file or its folder cannot be written "
     "here (permissions, or a read-only disk)"),
    (sqlite3.OperationalError("database is locked"),
     "database is locked: another program is writing the project (the window, another "
     "command); run it again once it is done"),
    (OSError(errno.ENOSPC, "No space left on device"),
     "No space left on device: the disk is full; free some space and run it again"),
])
def test_a_write_the_system_refuses_is_one_line_and_status_2(tmp_path, monkeypatch, capsys,
                                                             raised, said):
    from annotator.store import Project

    records = tmp_path / "a.jsonl"
    records.write_text('{"text": "Ala ma kota"}\n', encoding="utf-8")

    def refused(*args, **kwargs):
        raise raised

    monkeypatch.setattr(Project, "import_records", refused)
    assert main(["import", str(tmp_path / "p.db"), str(records)]) == 2
    err = capsys.readouterr().err
    assert err.splitlines() == [f"{tmp_path / 'p.db'}: {said}"]


def test_a_merge_into_a_new_file_that_the_disk_refuses_leaves_no_file(tmp_path, monkeypatch,
                                                                      capsys):
    from annotator.commands import merge_cmd
    from annotator.core.model import DocumentRecord
    from annotator.store import Project

    source = tmp_path / "alice.db"
    with Project.open(source) as project:
        project.import_records([DocumentRecord("d", "Ala ma kota.")], annotator="alice")

    def disk_full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(merge_cmd, "merge_projects", disk_full)
    review = tmp_path / "review.db"
    assert main(["merge", str(review), str(source)]) == 2
    assert capsys.readouterr().err.startswith(f"{review}: database or disk is full: the disk is full")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("review.db")]


def test_a_project_left_empty_by_a_stopped_first_import_says_import_starts_it(tmp_path, capsys):
    path = tmp_path / "p.db"
    path.write_bytes(b"")  # what a first import killed before it wrote leaves
    assert main(["stats", str(path)]) == 2
    assert "importing into it again starts it" in capsys.readouterr().err
    records = tmp_path / "a.jsonl"
    records.write_text('{"text": "Ala ma kota"}\n', encoding="utf-8")
    assert main(["import", str(path), str(records)]) == 0


def test_long_work_shows_its_progress_on_a_terminal_only():
    import io

    from annotator.commands.common import TerminalProgress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    terminal, log = Terminal(), io.StringIO()
    for stream in (terminal, log):
        progress = TerminalProgress("suggest", stream)
        for done in range(1, 2001):
            progress(done, 2000)
    assert terminal.getvalue().startswith("\rsuggest: 1 of 2,000 documents")
    assert terminal.getvalue().endswith("\rsuggest: 2,000 of 2,000 documents\n")
    assert log.getvalue() == ""
