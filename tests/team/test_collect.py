"""Collecting handed-out files with annotator merge: several returns over
time, several rounds of one annotator, files of another team, and edits by
someone a document was not assigned to."""

from __future__ import annotations

import pytest

from annotator.core.model import Status
from annotator.store import Project
from annotator.store.merge import MergeError, merge_projects
from tests.team.conftest import make_master


@pytest.fixture
def handed(master, tmp_path, cli):
    out = tmp_path / "out"
    assert cli("assign", master, "--to", "alice", "bob", "--out", out, "--overlap", "0.2",
               "--per-annotator", "12")[0] == 0
    return master, out


def label_all(path, annotator, label="PERSON", done=True, limit=None):
    """Label 'Xi Jinping' in the first ``limit`` documents of a file, as the window would."""
    with Project.open(path) as project:
        ids = project.document_ids()[:limit]
        for document_id in ids:
            text = project.document(document_id).text
            start = text.index("Xi Jinping")
            project.add_span(document_id, annotator, start, start + 10, label)
            if done:
                project.set_status(document_id, annotator, Status.DONE)
        return [project.document(d).sha256 for d in ids]


def layer(path, annotator):
    with Project.open(path) as project:
        return sorted((project.document(d).name, s.start, s.end, s.label)
                      for d in project.document_ids() for s in project.spans(d, annotator))


def test_returns_over_time_bring_each_layer_up_to_date(handed, cli):
    master, out = handed
    label_all(out / "alice.db", "alice", limit=3, done=False)
    status, text, err = cli("merge", master, out / "alice.db", out / "bob.db")
    assert status == 0, err
    assert len(layer(master, "alice")) == 3 and layer(master, "bob") == []
    label_all(out / "bob.db", "bob", label="ORG")
    with Project.open(out / "alice.db") as project:  # alice removes one span
        first = project.document_ids()[0]
        project.delete_span(project.spans(first, "alice")[0].id)
    status, text, err = cli("merge", master, out / "alice.db", out / "bob.db")
    assert status == 0, err
    assert layer(master, "alice") == layer(out / "alice.db", "alice")
    assert len(layer(master, "alice")) == 2
    assert layer(master, "bob") == layer(out / "bob.db", "bob") and len(layer(master, "bob")) == 12
    with Project.open(master) as project:
        assert set(project.last_collections()) == {"alice", "bob"}
    assert cli("merge", master, out / "alice.db")[1].strip().endswith("nothing changed")


def test_two_rounds_of_one_annotator_add_up_to_one_layer(handed, cli):
    master, out = handed
    label_all(out / "alice.db", "alice")
    assert cli("assign", master, "--to", "alice", "bob", "--out", out, "--overlap", "0",
               "--per-annotator", "5")[0] == 0
    label_all(out / "alice-round2.db", "alice")
    # either order, together or one at a time: round 2 does not empty round 1
    assert cli("merge", master, out / "alice-round2.db")[0] == 0
    assert cli("merge", master, out / "alice.db", out / "alice-round2.db")[0] == 0
    assert cli("merge", master, out / "alice-round2.db")[0] == 0
    expected = sorted(layer(out / "alice.db", "alice") + layer(out / "alice-round2.db", "alice"))
    assert layer(master, "alice") == expected and len(expected) == 12 + 5


def test_a_file_of_another_team_is_refused_and_nothing_changes(handed, tmp_path, cli):
    master, out = handed
    other = make_master(tmp_path / "other.db", count=6)
    assert cli("assign", other, "--to", "carol", "--out", tmp_path / "other")[0] == 0
    label_all(tmp_path / "other" / "carol.db", "carol")
    label_all(out / "alice.db", "alice")
    before = master.read_bytes()
    status, _, err = cli("merge", master, out / "alice.db", tmp_path / "other" / "carol.db")
    assert status == 2 and "carol.db: belongs to another team project" in err
    assert len(err.strip().splitlines()) == 1
    assert master.read_bytes() == before
    # a fresh review file joins the team of the first file collected into it
    review = tmp_path / "review.db"
    assert cli("merge", review, out / "alice.db")[0] == 0
    with Project.open(review) as project, Project.open(master) as m:
        assert project.info("team_id") == m.info("team_id")
    status, _, err = cli("merge", review, tmp_path / "other" / "carol.db")
    assert status == 2 and "another team project" in err


def test_an_edit_by_someone_not_assigned_is_accepted_and_reported(handed, cli):
    master, out = handed
    # bob sits at alice's laptop and labels her first document under his own name
    shas = label_all(out / "alice.db", "bob", label="ORG", limit=1)
    label_all(out / "bob.db", "bob")
    status, text, err = cli("merge", master, out / "alice.db", out / "bob.db")
    assert status == 0, err
    with Project.open(master) as project:
        name = next(project.document(d).name for d in project.document_ids()
                    if project.document(d).sha256 == shas[0])
        bobs = {a.document_id for a in project.assignments() if a.annotator == "bob"}
    assert f"note: bob edited 1 documents not assigned to them (accepted): {name}" in text
    assert (name, 0 + 9, 19, "ORG") in [(n, s, e, l) for n, s, e, l in layer(master, "bob")]
    assert len(layer(master, "bob")) == len(bobs) + 1
    # his own file again, later: the document he did at alice's stays his
    assert cli("merge", master, out / "bob.db")[0] == 0
    assert len(layer(master, "bob")) == len(bobs) + 1


def test_the_store_summary_lists_unassigned_edits(handed):
    master, out = handed
    shas = set(label_all(out / "bob.db", "alice", limit=4))
    with Project.open(master) as project:
        alices = {a.document_id for a in project.assignments() if a.annotator == "alice"}
        expected = sorted(("alice", project.document(d).name) for d in project.document_ids()
                          if project.document(d).sha256 in shas and d not in alices)
        summary = merge_projects(project, [out / "bob.db"])
    assert list(summary.unassigned) == expected and expected
    with Project.open(master) as project:
        with pytest.raises(MergeError, match="is the review file itself"):
            merge_projects(project, [master])


def test_edits_in_anothers_file_never_replace_an_annotators_own_work(handed, cli):
    """alice's name set on bob's laptop: her label in bob's file, on a
    document of the overlap she finished in her own file, would replace that
    work on the next merge. It is left out, and the note names the document."""
    master, out = handed
    label_all(out / "alice.db", "alice")  # every document of alice's, done
    label_all(out / "bob.db", "bob")
    assert cli("merge", master, out / "alice.db", out / "bob.db")[0] == 0
    before = layer(master, "alice")
    with Project.open(out / "alice.db") as alices, Project.open(out / "bob.db") as bobs:
        shared = sorted(set(alices.document_ids_by_sha()) & set(bobs.document_ids_by_sha()))
        assert shared  # the overlap
        document = bobs.document_ids_by_sha()[shared[0]]
        name = bobs.document(document).name
        bobs.add_span(document, "alice", 0, 2, "ORG")  # alice's name, bob's file
    status, text, err = cli("merge", master, out / "bob.db")
    assert status == 0, err
    assert layer(master, "alice") == before  # her own work stands
    assert ("holds edits of alice on 1 documents where the review has other work of theirs, "
            f"not merged from this file (merge their own file for those): {name}\n") in text


def test_an_older_copy_of_a_file_merged_before_is_refused(handed, cli, tmp_path):
    """The file as assign wrote it, or last week's mail: merged after a newer
    copy, it would take back the annotator's work. Refused in one line, the
    review as it was; --older takes it all the same."""
    import shutil

    master, out = handed
    pristine = shutil.copyfile(out / "alice.db", tmp_path / "alice-as-handed-out.db")
    label_all(out / "alice.db", "alice", limit=3)
    earlier = shutil.copyfile(out / "alice.db", tmp_path / "alice-earlier.db")
    with Project.open(out / "alice.db") as project:  # she goes on: one more label
        document = project.document_ids()[5]
        project.add_span(document, "alice", 0, 2, "ORG")  # as an import or the window would
        project.count_edit()
    assert cli("merge", master, out / "alice.db")[0] == 0
    merged = layer(master, "alice")
    assert len(merged) == 4
    before = master.read_bytes()
    for copy in (earlier, pristine):
        status, text, err = cli("merge", master, copy)
        assert status == 2
        [line] = err.strip().splitlines()
        assert line.startswith(f"{copy}: an older copy of a file merged before")
        assert "--older" in line
        assert master.read_bytes() == before
    status, text, err = cli("merge", master, earlier, "--older")
    assert status == 0, err
    assert len(layer(master, "alice")) == 3  # as asked: the earlier copy's work
    # The newest copy again: accepted, and the work is back.
    assert cli("merge", master, out / "alice.db")[0] == 0
    assert layer(master, "alice") == merged


def test_a_members_edits_in_anothers_file_do_not_stop_a_merge_of_the_whole_team(handed, cli):
    """``merge master team/*.db`` with alice's label in bob's file on a
    document of hers: one command, as merged one file at a time."""
    master, out = handed
    label_all(out / "alice.db", "alice")
    with Project.open(out / "alice.db") as alices, Project.open(out / "bob.db") as bobs:
        shared = sorted(set(alices.document_ids_by_sha()) & set(bobs.document_ids_by_sha()))
        bobs.add_span(bobs.document_ids_by_sha()[shared[0]], "alice", 0, 2, "ORG")
    for order in ((out / "bob.db", out / "alice.db"), (out / "alice.db", out / "bob.db")):
        with Project.open(master) as project:  # the review as it was before
            project_path = project.path
        copy = project_path.with_name(f"review-{order[0].stem}.db")
        copy.write_bytes(master.read_bytes())
        status, text, err = cli("merge", copy, *order)
        assert status == 0, err
        assert layer(copy, "alice") == layer(out / "alice.db", "alice")  # her own file's
