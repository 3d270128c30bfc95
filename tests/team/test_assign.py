"""annotator assign: one file per annotator, recorded in the master, never
overwriting work; bad input changes nothing."""

from __future__ import annotations

import sqlite3
from collections import Counter
from contextlib import closing

import pytest

from annotator.store import Project
from annotator.store.assignments import plan_assignment
from annotator.store.team_queries import TEAM_ID, TEAM_MEMBER


def shas(path):
    with closing(sqlite3.connect(path)) as conn:
        return {r[0] for r in conn.execute("SELECT sha256 FROM documents")}


def test_each_annotator_gets_a_file_with_a_disjoint_share_plus_the_overlap(master, tmp_path, cli):
    out = tmp_path / "out"
    status, text, err = cli("assign", master, "--to", "alice", "bob", "carol", "--out", out,
                            "--overlap", "0.25", "--seed", "3")
    assert status == 0, err
    assert "round 1: 40 documents to 3 annotators, 10 of them to two" in text
    files = {n: out / f"{n}.db" for n in ("alice", "bob", "carol")}
    held = Counter(sha for path in files.values() for sha in shas(path))
    assert len(held) == 40  # every document handed out
    assert sorted(Counter(held.values()).items()) == [(1, 30), (2, 10)]
    sizes = sorted(len(shas(p)) for p in files.values())
    assert sizes[-1] - sizes[0] <= 1  # balanced: 50 places over 3 people
    with Project.open(master) as project:
        team_id = project.info(TEAM_ID)
        labels = project.labels()
        recorded = Counter(a.annotator for a in project.assignments())
        assert recorded == Counter({n: len(shas(p)) for n, p in files.items()})
        assert {a.round for a in project.assignments()} == {1}
        assert all(a.assigned_at for a in project.assignments())
        master_uids = project.annotator_uids()
    for name, path in files.items():
        with Project.open(path) as handed:
            assert handed.info(TEAM_ID) == team_id
            assert handed.info(TEAM_MEMBER) == name
            assert handed.labels() == labels
            assert handed.project_id != team_id  # its own file, in the master's team
            assert handed.annotator_uids() == {n: master_uids[n] for n in files}


def test_the_same_seed_gives_the_same_shares_and_another_seed_others(master, tmp_path):
    with Project.open(master) as project:
        one = plan_assignment(project, ["a", "b"], tmp_path, 0.1, seed=1)
        again = plan_assignment(project, ["a", "b"], tmp_path, 0.1, seed=1)
        other = plan_assignment(project, ["a", "b"], tmp_path, 0.1, seed=2)
    assert one.shares == again.shares and one.shares != other.shares
    assert len(one.overlap) == 4


def test_per_annotator_caps_a_round_and_the_next_round_hands_out_the_rest(master, tmp_path, cli):
    out = tmp_path / "out"
    status, text, _ = cli("assign", master, "--to", "alice", "bob", "--out", out,
                          "--per-annotator", "10", "--overlap", "0")
    assert status == 0 and "20 documents left for a later round" in text
    first = shas(out / "alice.db") | shas(out / "bob.db")
    alice_before = (out / "alice.db").read_bytes()
    status, text, _ = cli("assign", master, "--to", "alice", "bob", "--out", out, "--overlap", "0")
    assert status == 0 and "round 2: 20 documents" in text
    second = shas(out / "alice-round2.db") | shas(out / "bob-round2.db")
    assert len(first) == 20 and len(second) == 20 and not first & second
    assert (out / "alice.db").read_bytes() == alice_before
    status, _, err = cli("assign", master, "--to", "alice", "bob", "--out", out)
    assert status == 2 and "every document is handed out already" in err


def test_documents_of_someone_who_left_go_to_the_team_unless_finished(master, tmp_path, cli):
    out = tmp_path / "out"
    assert cli("assign", master, "--to", "alice", "dave", "--out", out, "--overlap", "0")[0] == 0
    with Project.open(master) as project:
        daves = [a.document_id for a in project.assignments() if a.annotator == "dave"]
        project.set_status(daves[0], "dave", "done")  # as a collect would bring it
    status, text, _ = cli("assign", master, "--to", "alice", "erin", "--out", out,
                          "--overlap", "0")
    assert status == 0, text
    assert f"{len(daves) - 1} documents taken back" in text
    with Project.open(master) as project:
        round2 = {a.document_id for a in project.assignments() if a.round == 2}
        erins = {a.document_id for a in project.assignments() if a.annotator == "erin"}
    assert round2 == set(daves[1:]) and erins and erins < round2


@pytest.mark.parametrize("args, message", [
    (["--to", "alice", "alice"], "'alice' is named twice"),
    (["--to", "gold"], "reserved name"),
    (["--to", "a/b"], "cannot be a file name"),
    (["--to", "alice", "--overlap", "0.5"], "two annotators at least"),
    (["--to", "alice", "bob", "--overlap", "1.5"], "between 0 and 1"),
    (["--to", "alice", "bob", "--per-annotator", "0"], "expected 1 or more"),
])
def test_bad_input_is_one_line_status_2_and_nothing_written(master, tmp_path, cli, args, message):
    before = master.read_bytes()
    out = tmp_path / "out"
    status, text, err = cli("assign", master, *args, "--out", out)
    assert status == 2 and message in err and len(err.strip().splitlines()) == 1
    assert master.read_bytes() == before
    assert not out.exists() or not any(out.iterdir())


def test_an_existing_file_is_never_overwritten(master, tmp_path, cli):
    out = tmp_path / "out"
    out.mkdir()
    (out / "bob.db").write_bytes(b"someone's work")
    status, _, err = cli("assign", master, "--to", "alice", "bob", "--out", out)
    assert status == 2 and "bob.db: exists already" in err
    assert (out / "bob.db").read_bytes() == b"someone's work"
    assert sorted(p.name for p in out.iterdir()) == ["bob.db"]
    with Project.open(master) as project:
        assert project.assignments() == []


def test_a_master_without_documents_or_a_missing_one_is_refused(tmp_path, cli):
    status, _, err = cli("assign", tmp_path / "none.db", "--to", "a", "--out", tmp_path)
    assert status == 2 and "no such project file" in err
    Project.open(tmp_path / "empty.db").close()
    status, _, err = cli("assign", tmp_path / "empty.db", "--to", "a", "--out", tmp_path / "o")
    assert status == 2 and "no documents to hand out" in err


def test_a_master_of_the_schema_before_assignments_migrates(master, tmp_path):
    with closing(sqlite3.connect(master)) as conn:
        conn.executescript("DROP TABLE label_guidelines; DROP TABLE assignments; DROP TABLE collections; "
                           "DROP TABLE rejected_suggestions; ALTER TABLE spans DROP COLUMN reason; "
                           "ALTER TABLE spans DROP COLUMN confidence; PRAGMA user_version = 4;")
    with Project.open(master) as project:
        assert project.assignments() == [] and project.last_collections() == {}
        plan = plan_assignment(project, ["a", "b"], tmp_path / "o")
        assert plan.handed_out == 40


def test_a_dry_run_shows_the_numbers_and_writes_nothing(master, tmp_path, cli):
    before = master.read_bytes()
    status, text, _ = cli("assign", master, "--to", "alice", "bob", "--out", tmp_path / "o",
                          "--dry-run")
    assert status == 0 and "round 1: 40 documents to 2 annotators, 4 of them" in text
    assert "dry run: nothing written" in text
    assert master.read_bytes() == before and not (tmp_path / "o").exists()


def test_an_assign_ended_between_the_masters_record_and_the_renames_is_finished(
        master, tmp_path, cli, monkeypatch):
    """Killed after the master recorded the round but before every file took
    its name: the next assign puts the written files in place, where those
    documents stayed handed out to files nobody had."""
    import os

    from annotator.store import assignments

    out = tmp_path / "out"
    renames = []

    def rename_once_then_die(source, target):
        if renames:
            raise SystemExit("killed")  # as a kill -9 here would leave things
        renames.append(target)
        os.rename(source, target)

    monkeypatch.setattr(assignments.os, "replace", rename_once_then_die)
    with pytest.raises(SystemExit):
        from annotator.cli import main

        main(["assign", str(master), "--to", "alice", "bob", "--out", str(out)])
    monkeypatch.undo()
    assert sorted(p.name for p in out.iterdir()) == [".bob.db.partial", "alice.db"]
    status, text, err = cli("assign", master, "--to", "alice", "bob", "--out", out)
    assert status == 0, err
    assert f"{out / 'bob.db'}: written before, now in place" in text
    assert sorted(p.name for p in out.iterdir() if not p.name.endswith(("-wal", "-shm"))) == [
        "alice.db", "bob.db"]
    with Project.open(master) as project:
        recorded = Counter(a.annotator for a in project.assignments())
    assert recorded["bob"] == len(shas(out / "bob.db"))
