import sqlite3

import pytest

from annotator.core.labels import DEFAULT_LABELS
from annotator.core.model import Direction, DocumentRecord, Origin, Span, Status
from annotator.core.offsets import SpanBoundsError
from annotator.store import NewerProjectError, Project, ProjectError
from annotator.store.repository import DuplicateSpanError
from annotator.store.schema import SCHEMA_VERSION


def test_new_project_has_schema_wal_foreign_keys_and_default_labels(project, project_path):
    conn = sqlite3.connect(project_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert project.foreign_keys_enforced
    assert [l.key for l in project.labels()] == ["PERSON", "ORG", "DATE", "INITIATIVE"]
    assert project.labels() == list(DEFAULT_LABELS)


def test_a_file_from_a_newer_version_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "newer.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NewerProjectError, match="newer version"):
        Project.open(path)
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("hello")
    with pytest.raises(ProjectError, match="not a project file"):
        Project.open(path)


def test_migration_runs_forward_from_an_empty_database(tmp_path):
    path = tmp_path / "old.db"
    sqlite3.connect(path).close()
    with Project.open(path) as project:
        assert project.schema_version == SCHEMA_VERSION


def test_same_text_is_one_document_keyed_by_sha256(project):
    first = project.import_records([DocumentRecord("a", "نص واحد")])
    second = project.import_records([DocumentRecord("b", "نص واحد"), DocumentRecord("c", "other")])
    assert (first.documents_added, second.documents_added, second.documents_existing) == (1, 1, 1)
    assert project.document_count() == 2


def test_import_detects_direction_and_language(seeded_project):
    stats = seeded_project.stats()
    assert stats["documents"] == 5
    assert stats["by_direction"] == {"rtl": 4, "ltr": 1}
    assert stats["by_lang"] == {"ar": 4, "pl": 1}


def test_imported_spans_go_to_their_annotator_with_unknown_labels_added(project):
    record = DocumentRecord("d", "Xi met Tokayev in Astana", spans=[Span(0, 2, "PERSON"), Span(18, 24, "CITY")],
                            annotator="alice")
    summary = project.import_records([record])
    assert summary.labels_added == ("CITY",)
    doc_id = project.document_ids()[0]
    spans = project.spans(doc_id, "alice")
    assert [(s.start, s.end, s.label, s.origin) for s in spans] == [
        (0, 2, "PERSON", Origin.IMPORTED), (18, 24, "CITY", Origin.IMPORTED)]
    assert project.status(doc_id, "alice") == Status.IN_PROGRESS


def test_span_lifecycle_keeps_ids(seeded_project):
    doc = seeded_project.document_by_name("ar-2021-06-02-xi-tokayev-phone-call")
    start = doc.text.index("شي جين بينغ")
    span = seeded_project.add_span(doc.id, "alice", start, start + len("شي جين بينغ"), "PERSON")
    assert seeded_project.status(doc.id, "alice") == Status.IN_PROGRESS
    with pytest.raises(DuplicateSpanError):
        seeded_project.add_span(doc.id, "alice", span.start, span.end, "PERSON")
    relabelled = seeded_project.relabel_span(span.id, "ORG")
    assert relabelled.label == "ORG" and relabelled.id == span.id
    deleted = seeded_project.delete_span(span.id)
    assert seeded_project.spans(doc.id, "alice") == []
    restored = seeded_project.restore_span(deleted)
    assert restored.id == span.id
    assert seeded_project.spans(doc.id, "alice") == [restored]
    assert seeded_project.span_record(span.id) == deleted  # timestamps included


def test_every_write_checks_bounds(seeded_project):
    doc = seeded_project.document_by_name("pl-2021-06-02-xi-tokayev-phone-call")
    with pytest.raises(SpanBoundsError):
        seeded_project.add_span(doc.id, "alice", 0, len(doc.text) + 1, "PERSON")
    with pytest.raises(ProjectError, match="unknown label"):
        seeded_project.add_span(doc.id, "alice", 0, 3, "NOPE")


def test_the_database_itself_refuses_a_backwards_span(seeded_project, project_path):
    doc_id = seeded_project.document_ids()[0]
    seeded_project.add_annotator("alice")
    with pytest.raises(sqlite3.IntegrityError):
        sqlite3.connect(project_path).execute(
            'INSERT INTO spans (document_id, annotator_id, start, "end", label) '
            "VALUES (?, (SELECT id FROM annotators WHERE name = 'alice'), 5, 3, ?)",
            [doc_id, "PERSON"])


def test_status_and_document_rows(seeded_project):
    ids = seeded_project.document_ids()
    seeded_project.set_status(ids[0], "alice", Status.DONE)
    rows = seeded_project.document_rows("alice")
    assert [r.status for r in rows] == [Status.DONE] + [Status.TODO] * 4
    done = seeded_project.document_rows("alice", status=Status.DONE)
    assert [r.id for r in done] == [ids[0]]
    assert seeded_project.document_count("alice", Status.TODO) == 4
    assert seeded_project.document_rows("bob", offset=3, limit=5)[0].id == ids[3]


def test_direction_override(seeded_project):
    doc_id = seeded_project.document_ids()[0]
    seeded_project.set_direction_override(doc_id, Direction.LTR)
    assert seeded_project.document(doc_id).effective_direction == Direction.LTR
    assert seeded_project.stats()["by_direction"] == {"ltr": 2, "rtl": 3}


def test_committed_edits_survive_a_second_connection(seeded_project, project_path):
    doc_id = seeded_project.document_ids()[0]
    seeded_project.add_span(doc_id, "alice", 0, 2, "PERSON")
    other = sqlite3.connect(project_path)
    assert other.execute("SELECT count(*) FROM spans").fetchone()[0] == 1


def test_a_file_of_the_first_schema_migrates_forward_with_its_data(tmp_path):
    from annotator.store.schema import MIGRATIONS

    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0])
    conn.executescript(
        "INSERT INTO labels (key, name, color, shortcut, position) VALUES ('PERSON', 'Person', '#f4a261', '1', 0);"
        "INSERT INTO documents (id, name, text, lang, direction, sha256) "
        "  VALUES (1, 'old', 'شي جين بينغ', 'ar', 'rtl', 'abc');"
        "INSERT INTO annotators (id, name) VALUES (1, 'alice');"
        "INSERT INTO spans (document_id, annotator_id, start, \"end\", label) VALUES (1, 1, 0, 2, 'PERSON');"
        "PRAGMA user_version = 1;")
    conn.close()
    with Project.open(path) as project:
        assert project.schema_version == SCHEMA_VERSION
        doc = project.document_by_name("old")
        assert [(s.start, s.end, s.label, s.annotator) for s in project.spans(doc.id)] == [
            (0, 2, "PERSON", "alice")]
        assert len(project.project_id) == 32
    # Opening again runs no migration twice.
    with Project.open(path) as project:
        assert project.schema_version == SCHEMA_VERSION


def test_add_spans_stores_all_or_none_and_marks_the_document_started(seeded_project):
    project = seeded_project
    doc_id = project.document_ids()[0]
    good = [Span(0, 3, "ORG"), Span(4, 8, "DATE")]
    for bad in (Span(5, 10**6, "ORG"), Span(10, 12, "CITY")):
        with pytest.raises((SpanBoundsError, ProjectError)):
            project.add_spans(doc_id, "alice", [*good, bad], Origin.SUGGESTED)
        assert project.spans(doc_id, "alice") == []
    assert project.add_spans(doc_id, "alice", good, Origin.SUGGESTED) == 2
    assert [(s.start, s.end, s.label, s.origin) for s in project.spans(doc_id, "alice")] == [
        (0, 3, "ORG", Origin.SUGGESTED), (4, 8, "DATE", Origin.SUGGESTED)]
    # A suggestion is not a label: the document stays to do until one is made.
    assert project.status(doc_id, "alice") == Status.TODO
    with pytest.raises(DuplicateSpanError):
        project.add_spans(doc_id, "alice", [Span(20, 22, "ORG"), Span(0, 3, "ORG")])
    assert len(project.spans(doc_id, "alice")) == 2
    assert project.add_spans(doc_id, "alice", [Span(20, 22, "ORG")]) == 1
    assert project.status(doc_id, "alice") == Status.IN_PROGRESS
    assert project.add_spans(doc_id, "alice", []) == 0
