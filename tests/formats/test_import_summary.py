"""The import summary counts what was stored: new spans apart from spans
given twice in the files and spans already in the project."""

from __future__ import annotations

import json

from annotator.cli import main
from annotator.formats.importing import summary_line
from annotator.formats.registry import read_paths


def test_duplicates_and_spans_already_present_are_not_counted_as_new(tmp_path, capsys):
    path = tmp_path / "a.jsonl"
    line = {"id": "d", "text": "Xi Jinping met Tokayev.",
            "spans": [{"start": 0, "end": 10, "label": "PERSON"},
                      {"start": 0, "end": 10, "label": "PERSON"},
                      {"start": 15, "end": 22, "label": "PERSON"}]}
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    project = tmp_path / "p.db"
    assert main(["import", str(project), str(path)]) == 0
    assert ("imported 1 new documents (0 already present), 2 new spans "
            "(1 duplicates in the files: not stored again)") in capsys.readouterr().out
    assert main(["import", str(project), str(path)]) == 0
    assert ("imported 0 new documents (1 already present), 0 new spans "
            "(1 duplicates in the files, 2 already in the project: not stored again)"
            ) in capsys.readouterr().out


def test_spans_of_a_document_already_present_that_are_new_are_counted_new(project, tmp_path):
    path = tmp_path / "a.jsonl"
    text = "Xi Jinping met Tokayev."
    path.write_text(json.dumps({"text": text, "spans": [{"start": 0, "end": 10, "label": "P"}]})
                    + "\n" + json.dumps({"text": text, "spans": [{"start": 15, "end": 22, "label": "P"}]})
                    + "\n", encoding="utf-8")
    summary = project.import_records(read_paths([path]))
    assert (summary.documents_added, summary.documents_existing, summary.spans_added,
            summary.spans_duplicate, summary.spans_present) == (1, 1, 2, 0, 0)
    # One text, one document: the second record's span joins the first's, and
    # the summary says so, with where the repeat is.
    assert (summary.documents_repeated, summary.spans_from_repeats,
            summary.first_repeat) == (1, 1, f"{path}:2")
    line = summary_line(summary)
    assert line.startswith("imported 1 new documents (1 already present, 1 of them repeating "
                           "a text earlier in the files), 2 new spans; 1 of the new spans came "
                           f"with a repeated text (first at {path}:2)")
    assert project.stats()["spans"] == 2


def test_a_repeated_text_with_the_same_spans_is_named_but_brings_nothing(project, tmp_path):
    path = tmp_path / "a.jsonl"
    row = json.dumps({"text": "Xi met Tokayev.", "spans": [{"start": 0, "end": 2, "label": "P"}]})
    path.write_text(f"{row}\n{row}\n", encoding="utf-8")
    summary = project.import_records(read_paths([path]))
    assert (summary.documents_repeated, summary.spans_from_repeats, summary.first_repeat) == (
        1, 0, None)
    assert summary_line(summary) == (
        "imported 1 new documents (1 already present, 1 of them repeating a text earlier in the "
        "files), 1 new spans (1 duplicates in the files: not stored again)")


def test_a_text_already_in_the_project_is_no_repeat(project, tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": "Xi met Tokayev.", "spans": [
        {"start": 0, "end": 2, "label": "P"}]}) + "\n", encoding="utf-8")
    project.import_records(read_paths([path]))
    again = project.import_records(read_paths([path]))
    assert (again.documents_existing, again.documents_repeated) == (1, 0)


def test_counts_are_the_same_whatever_the_batches(tmp_path):
    """Batches of one record and of all: documents given again in a later
    batch, spans given twice across batches and spans already present."""
    from annotator.core.model import DocumentRecord, Span
    from annotator.store import Project

    def records():
        xi, tok, other = Span(0, 2, "PERSON"), Span(7, 14, "PERSON"), Span(0, 5, "ORG")
        return [DocumentRecord("old", "Xi met Tokayev.", [xi, tok]),  # xi was there before
                DocumentRecord("a", "Other text.", [other, other]),
                DocumentRecord("old again", "Xi met Tokayev.", [tok]),
                DocumentRecord("a again", "Other text.", [other]),
                DocumentRecord("b", "New one.", [])]

    figures = []
    for batch_size in (1, 2, 100):
        with Project.open(tmp_path / f"p{batch_size}.db") as project:
            project.import_records([DocumentRecord("old", "Xi met Tokayev.",
                                                   [Span(0, 2, "PERSON")])])
            summary = project.import_records(records(), batch_size=batch_size)
            figures.append((summary, project.stats()["spans"], project.document_count()))
    first = figures[0][0]
    assert (first.documents_added, first.documents_existing, first.spans_added,
            first.spans_duplicate, first.spans_present) == (2, 3, 2, 3, 1)
    assert (first.documents_repeated, first.spans_from_repeats) == (1, 0)  # "a again"
    assert all(f == figures[0] for f in figures), figures
    assert figures[0][1:] == (3, 3)


def test_labels_with_spaces_at_their_ends_are_one_label_and_said(project, tmp_path):
    path = tmp_path / "spaced.jsonl"
    path.write_text(json.dumps({"text": "Ala ma kota w Polsce", "spans": [
        {"start": 0, "end": 3, "label": " PER"}, {"start": 7, "end": 11, "label": "PER "},
        {"start": 14, "end": 20, "label": "ORG\t"}]}) + "\n", encoding="utf-8")
    summary = project.import_records(read_paths([path]))
    assert summary.labels_trimmed == {" PER": "PER", "PER ": "PER", "ORG\t": "ORG"}
    assert summary.labels_added == ("PER",)  # ORG is a default label already
    assert sorted(s.label for s in project.spans(1)) == ["ORG", "PER", "PER"]
    assert ("read with single plain spaces (' PER' as 'PER', 'PER ' as 'PER', 'ORG\\t' as "
            "'ORG')") in summary_line(summary)


def test_a_label_with_a_no_break_space_inside_is_the_label_with_a_plain_one(project, tmp_path):
    """Pasted from a web page, «GEO LOC» may hold a no-break space: it looks
    the same, so it is the same label, not a second one that token exports
    would then write under the same tag."""
    path = tmp_path / "nbsp.jsonl"
    path.write_text(json.dumps({"text": "Paryż i Berlin", "spans": [
        {"start": 0, "end": 5, "label": "GEO\u00a0LOC"},
        {"start": 8, "end": 14, "label": "GEO LOC"}]}) + "\n", encoding="utf-8")
    summary = project.import_records(read_paths([path]))
    assert summary.labels_added == ("GEO LOC",)
    assert [s.label for s in project.spans(1)] == ["GEO LOC", "GEO LOC"]
    assert summary.labels_trimmed == {"GEO\u00a0LOC": "GEO LOC"}
