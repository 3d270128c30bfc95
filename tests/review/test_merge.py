"""Merging annotators' files into a review project."""

import shutil
import sqlite3
import subprocess
import sys

import pytest

from annotator.core.model import DocumentRecord, Origin, Span, Status
from annotator.store import Project
from annotator.store.merge import MergeError, merge_projects
from annotator.store.schema import SCHEMA_VERSION

XI = "Xi Jinping met Tokayev in Astana on Wednesday."
CPC = "The Communist Party of China praised the Belt and Road Initiative."
ONLY_B = "Wang Yi visited Nur-Sultan."


def make_source(path, annotator, documents, done=()):
    """documents: {text: [(start, end, label)]}; the first span of each
    document is drawn by hand (manual), the rest imported."""
    with Project.open(path) as project:
        for number, (text, spans) in enumerate(documents.items()):
            project.import_records([DocumentRecord(
                f"{annotator}-{number}", text, spans=[Span(*s) for s in spans[1:]],
                annotator=annotator)])
            document = project.document_by_name(f"{annotator}-{number}")
            if spans:
                project.add_span(document.id, annotator, *spans[0])
            if text in done:
                project.set_status(document.id, annotator, Status.DONE)
    return path


def snapshot(path):
    """Everything merge may touch, with ids and timestamps."""
    conn = sqlite3.connect(path)
    try:
        return {table: conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
                for table in ("documents", "annotators", "labels", "spans", "document_status",
                              "merge_sources", "project_info")}
    finally:
        conn.close()


def layer(project, annotator):
    return sorted((project.document(s_doc).sha256[:8], *key, origin)
                  for s_doc, key, origin in (
                      (doc_id, s.key, s.origin.value)
                      for doc_id in project.document_ids()
                      for s in project.spans(doc_id, annotator)))


@pytest.fixture
def sources(tmp_path):
    a = make_source(tmp_path / "alice.db", "alice", {
        XI: [(0, 10, "PERSON"), (15, 22, "PERSON"), (36, 45, "DATE")],
        CPC: [(4, 28, "ORG")],
    }, done={XI})
    b = make_source(tmp_path / "bob.db", "bob", {
        CPC: [(4, 28, "ORG"), (41, 65, "INITIATIVE")],
        XI: [(0, 10, "PERSON"), (15, 22, "ORG")],
        ONLY_B: [],
    })
    return a, b


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "annotator", *map(str, args)],
                          capture_output=True, text=True)


def test_merge_brings_documents_together_by_text_and_keeps_each_layer(tmp_path, sources):
    review_path = tmp_path / "review.db"
    before = [p.read_bytes() for p in sources]
    with Project.open(review_path) as review:
        summary = merge_projects(review, sources)
        assert review.document_count() == 3
        assert summary.documents_added == 3
        assert [(l.annotator, l.spans_added) for l in summary.layers] == [("alice", 4),
                                                                          ("bob", 4)]
        xi = next(d for d in review.iter_documents() if d.text == XI)
        assert [(s.key, s.origin) for s in review.spans(xi.id, "alice")] == [
            ((0, 10, "PERSON"), Origin.MANUAL), ((15, 22, "PERSON"), Origin.IMPORTED),
            ((36, 45, "DATE"), Origin.IMPORTED)]
        assert [s.key for s in review.spans(xi.id, "bob")] == [(0, 10, "PERSON"),
                                                               (15, 22, "ORG")]
        assert review.status(xi.id, "alice") == Status.DONE
        assert review.status(xi.id, "bob") == Status.IN_PROGRESS
    # The sources are read, never written.
    assert [p.read_bytes() for p in sources] == before


def test_merging_the_same_file_again_even_copied_or_renamed_changes_nothing(tmp_path, sources):
    review_path = tmp_path / "review.db"
    with Project.open(review_path) as review:
        merge_projects(review, sources)
    first = snapshot(review_path)
    moved = tmp_path / "elsewhere" / "alice-final.db"
    moved.parent.mkdir()
    shutil.copy(sources[0], moved)
    with Project.open(review_path) as review:
        assert not merge_projects(review, sources).changed
        assert not merge_projects(review, [moved]).changed
    after = snapshot(review_path)
    assert after.pop("merge_sources") != first.pop("merge_sources")  # the new path
    assert after == first


def test_a_second_merge_brings_the_layer_up_to_date(tmp_path, sources):
    review_path = tmp_path / "review.db"
    with Project.open(review_path) as review:
        merge_projects(review, sources)
    with Project.open(sources[0]) as alice:
        xi = next(d for d in alice.iter_documents() if d.text == XI)
        date = next(s for s in alice.spans(xi.id, "alice") if s.label == "DATE")
        alice.delete_span(date.id)
        alice.add_span(xi.id, "alice", 26, 32, "ORG")
        cpc = next(d for d in alice.iter_documents() if d.text == CPC)
        alice.set_status(cpc.id, "alice", Status.DONE)
    with Project.open(review_path) as review:
        bob_before = layer(review, "bob")
        summary = merge_projects(review, [sources[0]])
        [change] = summary.layers
        assert (change.spans_added, change.spans_removed, change.statuses_changed) == (1, 1, 1)
        xi = next(d for d in review.iter_documents() if d.text == XI)
        assert [s.key for s in review.spans(xi.id, "alice")] == [
            (0, 10, "PERSON"), (15, 22, "PERSON"), (26, 32, "ORG")]
        cpc = next(d for d in review.iter_documents() if d.text == CPC)
        assert review.status(cpc.id, "alice") == Status.DONE
        assert layer(review, "bob") == bob_before


def test_another_file_with_the_same_annotator_is_refused_unless_renamed(tmp_path, sources):
    review_path = tmp_path / "review.db"
    assert run_cli("merge", review_path, *sources).returncode == 0
    other = make_source(tmp_path / "other.db", "alice", {XI: [(0, 2, "PERSON")]})
    before = review_path.read_bytes()
    result = run_cli("merge", review_path, other)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "annotator 'alice' was merged from another file" in result.stderr
    assert "--rename alice=" in result.stderr
    assert review_path.read_bytes() == before
    result = run_cli("merge", review_path, other, "--rename", "alice=alice2")
    assert result.returncode == 0, result.stderr
    with Project.open(review_path) as review:
        assert "alice2" in review.annotators()
    # The rename is remembered; giving the same file another name is refused.
    after = snapshot(review_path)
    assert run_cli("merge", review_path, other).returncode == 0
    assert snapshot(review_path) == after
    result = run_cli("merge", review_path, other, "--rename", "alice=alice3")
    assert result.returncode == 2 and "would count it twice" in result.stderr


def test_two_files_with_one_name_in_one_merge_are_refused(tmp_path, sources):
    other = make_source(tmp_path / "other.db", "bob", {XI: [(0, 2, "PERSON")]})
    review_path = tmp_path / "review.db"
    result = run_cli("merge", review_path, *sources, other)
    assert result.returncode == 2
    assert "annotator 'bob' is also in" in result.stderr
    assert not review_path.exists()  # a review file it created is not left behind
    # The same file twice is just the same file.
    assert run_cli("merge", review_path, sources[1], sources[1]).returncode == 0


def test_a_layer_made_in_the_review_file_is_not_overwritten(tmp_path, sources):
    review_path = tmp_path / "review.db"
    with Project.open(review_path) as review:
        review.import_records([DocumentRecord("x", XI, spans=[Span(0, 2, "PERSON")],
                                              annotator="alice")])
        with pytest.raises(MergeError, match="already has annotations in the review file"):
            merge_projects(review, sources)
        assert review.document_count() == 1
        merge_projects(review, sources, {"alice": "alice-laptop"})
        assert review.document_count() == 3


def test_labels_missing_in_the_review_are_added_with_their_colour(tmp_path):
    source = tmp_path / "s.db"
    with Project.open(source) as project:
        project.add_label("CITY", "City", "#123456")
        project.import_records([DocumentRecord("d", XI, spans=[Span(26, 32, "CITY")],
                                               annotator="alice")])
    with Project.open(tmp_path / "review.db") as review:
        summary = merge_projects(review, [source])
        assert summary.labels_added == ("CITY",)
        city = next(l for l in review.labels() if l.key == "CITY")
        assert (city.name, city.color) == ("City", "#123456")


def test_bad_sources_fail_with_one_line_and_leave_the_review_as_it_was(tmp_path, sources):
    review_path = tmp_path / "review.db"
    assert run_cli("merge", review_path, sources[0]).returncode == 0
    before = review_path.read_bytes()
    notes = tmp_path / "notes.db"
    notes.write_text("hello")
    newer = tmp_path / "newer.db"
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    cases = [
        (tmp_path / "missing.db", "no such project file"),
        (notes, "not a project file"),
        (newer, "newer version"),
        (review_path, "is the review file itself"),
    ]
    for bad, message in cases:
        # The good source comes first: its changes must be rolled back too.
        result = run_cli("merge", review_path, sources[1], bad)
        assert result.returncode == 2
        assert result.stderr.strip().splitlines() == [result.stderr.strip()]
        assert message in result.stderr and str(bad.name) in result.stderr
        assert review_path.read_bytes() == before
    result = run_cli("merge", review_path, sources[1], "--rename", "nobody=x")
    assert result.returncode == 2 and "no annotator 'nobody'" in result.stderr
    result = run_cli("merge", review_path, sources[1], "--rename", "bob")
    assert result.returncode == 2 and "expected OLD=NEW" in result.stderr
    assert review_path.read_bytes() == before


def test_a_source_from_before_project_ids_merges_by_its_path(tmp_path, sources):
    old = tmp_path / "old.db"
    shutil.copy(sources[0], old)
    conn = sqlite3.connect(old)
    conn.executescript("DROP TABLE project_info; DROP TABLE merge_sources;"
                       "PRAGMA user_version = 1;")
    conn.close()
    before = old.read_bytes()
    with Project.open(tmp_path / "review.db") as review:
        assert merge_projects(review, [old]).changed
        assert not merge_projects(review, [old]).changed
    assert old.read_bytes() == before


def test_new_projects_get_distinct_ids_that_copies_keep(tmp_path, sources):
    copy = tmp_path / "copy.db"
    shutil.copy(sources[0], copy)
    ids = []
    for path in (*sources, copy):
        with Project.open(path) as project:
            ids.append(project.project_id)
    assert ids[0] != ids[1] and ids[0] == ids[2] and len(ids[0]) == 32


def test_a_span_past_the_end_of_its_text_is_refused(tmp_path, sources):
    broken = tmp_path / "broken.db"
    shutil.copy(sources[0], broken)
    conn = sqlite3.connect(broken)
    conn.execute('UPDATE spans SET "end" = 90 WHERE label = \'ORG\'')
    conn.commit()
    conn.close()
    with Project.open(tmp_path / "review.db") as review:
        with pytest.raises(MergeError, match=r"broken.db: document 'alice-1', annotator "
                           r"'alice': span end 90 is past the end of the text \(66\)"):
            merge_projects(review, [broken])


def test_a_failure_while_writing_rolls_everything_back(tmp_path, sources, monkeypatch):
    from annotator.store import merge

    review_path = tmp_path / "review.db"
    with Project.open(review_path) as review:
        review.import_records([DocumentRecord("x", XI)])
    before = snapshot(review_path)
    calls = []

    def fail_on_second_layer(*args):
        calls.append(args)
        if len(calls) == 2:
            raise MergeError("disk on fire")

    monkeypatch.setattr(merge, "_record_source", fail_on_second_layer)
    with Project.open(review_path) as review:
        with pytest.raises(MergeError, match="disk on fire"):
            merge_projects(review, sources)
        assert review.annotators() == [] and review.document_count() == 1
    assert snapshot(review_path) == before


def test_a_layer_emptied_in_its_file_is_emptied_in_the_review(tmp_path, sources):
    review_path = tmp_path / "review.db"
    with Project.open(review_path) as review:
        merge_projects(review, sources)
    conn = sqlite3.connect(sources[0])
    conn.executescript("DELETE FROM spans; DELETE FROM document_status;")
    conn.close()
    with Project.open(review_path) as review:
        [change] = merge_projects(review, [sources[0]]).layers
        assert (change.annotator, change.spans_removed, change.statuses_changed) == ("alice", 4, 2)
        assert all(review.spans(d, "alice") == [] for d in review.document_ids())
        assert layer(review, "bob")


def test_a_review_started_as_a_copy_of_a_source_accepts_that_source(tmp_path, sources):
    review_path = tmp_path / "review.db"
    shutil.copy(sources[0], review_path)
    other = make_source(tmp_path / "other.db", "alice", {XI: [(0, 2, "PERSON")]})
    with Project.open(review_path) as review:
        assert not merge_projects(review, [sources[0]]).changed
        with pytest.raises(MergeError, match="'alice' (already has|was merged)"):
            merge_projects(review, [sources[1], other])
        merge_projects(review, [sources[1]])
        assert review.annotators() == ["alice", "bob"]


def _long_source(path):
    """A source whose documents fill many pages (texts of 20,000 characters)."""
    texts = {f"Document {n}: " + "Xi Jinping met Tokayev in Astana. " * 600: [(0, 8, "ORG")]
             for n in range(20)}
    return make_source(path, "bob", texts)


@pytest.mark.parametrize("damage", ["cut short", "a page overwritten"])
def test_a_damaged_source_is_named_and_the_review_is_left_as_it_was(tmp_path, damage):
    review = make_source(tmp_path / "review.db", "alice", {XI: [(0, 10, "PERSON")]})
    source = _long_source(tmp_path / "bob.db")
    data = bytearray(source.read_bytes())
    assert len(data) > 200_000
    if damage == "cut short":
        data = data[: len(data) // 2]
    else:  # the second half's pages (texts) overwritten, the file as long as it was
        half = len(data) // 2
        data[half:] = b"\x5a" * (len(data) - half)
    source.write_bytes(bytes(data))
    before = review.read_bytes()
    done = run_cli("merge", review, source)
    assert done.returncode == 2, done.stderr
    [line] = done.stderr.strip().splitlines()
    assert line.startswith(f"{source}: the file is damaged"), line
    assert "ask its annotator for it again" in line and str(review) not in line
    assert review.read_bytes() == before
