"""annotator progress: per annotator, per document, and agreement once two
annotators have finished the same document."""

from __future__ import annotations

import json

import pytest

from annotator.core.model import Status
from annotator.store import Project
from tests.team.test_collect import label_all


@pytest.fixture
def team(master, tmp_path, cli):
    out = tmp_path / "out"
    assert cli("assign", master, "--to", "alice", "bob", "carol", "--out", out,
               "--overlap", "0.3", "--per-annotator", "8")[0] == 0
    return master, out


def progress(cli, path):
    status, text, err = cli("progress", path, "--json")
    assert status == 0, err
    return json.loads(text)


def test_before_anything_is_collected_everyone_has_everything_to_do(team, cli):
    master, _ = team
    report = progress(cli, master)
    by_name = {a["name"]: a for a in report["annotators"]}
    assert set(by_name) == {"alice", "bob", "carol"}
    assert all(a["assigned"] == 8 and a["todo"] == 8 and a["done"] == 0
               and a["last_collected"] is None for a in by_name.values())
    # 24 places; about 30% of the documents handed out go to two people
    doubled = len([d for d in report["by_document"] if len(d["holders"]) == 2])
    handed = 24 - doubled
    assert 0.25 <= doubled / handed <= 0.35
    assert report["documents"] == {"unassigned": 40 - handed, "todo": handed,
                                   "in_progress": 0, "done": 0}
    assert report["agreement"] is None and report["finished_overlaps"] == 0


def test_collected_work_shows_per_annotator_per_document_and_agreement(team, cli):
    master, out = team
    label_all(out / "alice.db", "alice", limit=5)           # 5 done
    label_all(out / "bob.db", "bob", label="ORG")           # all 8 done, another label
    label_all(out / "carol.db", "carol", done=False, limit=2)  # 2 in progress
    assert cli("merge", master, *(out / f"{n}.db" for n in ("alice", "bob", "carol")))[0] == 0
    report = progress(cli, master)
    by_name = {a["name"]: a for a in report["annotators"]}
    assert (by_name["alice"]["done"], by_name["alice"]["todo"]) == (5, 3)
    assert by_name["alice"]["spans_by_label"] == {"PERSON": 5}
    assert by_name["bob"]["done"] == 8 and by_name["bob"]["spans_by_label"] == {"ORG": 8}
    assert (by_name["carol"]["in_progress"], by_name["carol"]["todo"]) == (2, 6)
    assert all(a["last_collected"] for a in by_name.values())
    # agreement over the documents both alice and bob finished: they always differ in label
    with Project.open(master) as project:
        both = [d for d in project.document_ids()
                if project.status(d, "alice") == Status.DONE == project.status(d, "bob")]
    assert report["finished_overlaps"] == len(both) and both
    [pair] = [p for p in report["agreement"]["pairs"] if p["documents"]]
    assert (pair["a"], pair["b"], pair["documents"]) == ("alice", "bob", len(both))
    assert pair["exact_f1"]["micro"] == 0.0
    text = cli("progress", master)[1]
    assert "alice" in text and "last collected" in text


def test_agreement_appears_as_soon_as_two_annotators_finish_one_document(master, tmp_path, cli):
    out = tmp_path / "out"
    assert cli("assign", master, "--to", "alice", "bob", "--out", out, "--overlap", "1",
               "--per-annotator", "3")[0] == 0
    label_all(out / "alice.db", "alice", limit=1)
    label_all(out / "bob.db", "bob", limit=1, done=False)
    assert cli("merge", master, out / "alice.db", out / "bob.db")[0] == 0
    assert progress(cli, master)["agreement"] is None
    with Project.open(out / "bob.db") as project:
        project.set_status(project.document_ids()[0], "bob", Status.DONE)
    assert cli("merge", master, out / "bob.db")[0] == 0
    report = progress(cli, master)
    assert report["finished_overlaps"] == 1
    [pair] = report["agreement"]["pairs"]
    assert pair["documents"] == 1 and pair["exact_f1"]["micro"] == 1.0


def test_a_missing_file_is_one_line_and_status_2(tmp_path, cli):
    status, _, err = cli("progress", tmp_path / "none.db")
    assert status == 2 and "no such project file" in err and not (tmp_path / "none.db").exists()


def test_a_file_without_assignments_counts_each_persons_own_documents(master, tmp_path, cli):
    """A review file merged from the annotators' files holds no assignment:
    each person's documents are counted, not shown as 0 done and all "not
    assigned" beside "2 documents finished by two annotators"."""
    out = tmp_path / "out"
    assert cli("assign", master, "--to", "alice", "bob", "--out", out, "--overlap", "1",
               "--per-annotator", "3")[0] == 0
    label_all(out / "alice.db", "alice", limit=2)
    label_all(out / "bob.db", "bob", limit=2)
    review = tmp_path / "review.db"
    assert cli("merge", review, out / "alice.db", out / "bob.db")[0] == 0
    report = progress(cli, review)
    assert report["assignments"] is False
    by_name = {a["name"]: a for a in report["annotators"]}
    assert {(n, a["done"], a["unassigned_edits"]) for n, a in by_name.items()} == {
        ("alice", 2, 0), ("bob", 2, 0)}
    status, text, _ = cli("progress", review)
    assert status == 0
    [alice_row] = [line for line in text.splitlines() if line.startswith("alice")]
    assert alice_row.split()[1:5] == ["-", "0", "0", "2"] and "not assigned" not in alice_row
    assert progress(cli, master)["assignments"] is True
