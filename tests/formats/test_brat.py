"""brat standoff: export, import, export gives the same files; the reader
pairs .txt and .ann and names file and line on bad input."""

from __future__ import annotations

import filecmp

from annotator.core.model import DocumentRecord, Span
from annotator.formats import brat
from annotator.formats.export import export_project
from annotator.formats.problems import ProblemList
from annotator.formats.registry import read_paths
from annotator.store import Project
from tests.formats.readback import brat_spans, stored


def same_folders(a, b) -> bool:
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(p.name for p in b.iterdir())
    match, mismatch, errors = filecmp.cmpfiles(a, b, names, shallow=False)
    return not mismatch and not errors


def test_export_import_export_gives_the_same_files(annotated, tmp_path):
    first = tmp_path / "first"
    export_project(annotated, "brat", first, annotator="alice")
    with Project.open(tmp_path / "again.db") as again:
        records = read_paths([first])  # auto: each .txt/.ann pair is one document
        assert len(records) == 5
        again.import_records(records, annotator="alice")
        assert stored(again) == stored(annotated)
        second = tmp_path / "second"
        export_project(again, "brat", second)
    assert same_folders(first, second)


def test_overlaps_and_line_breaks(project, tmp_path):
    text = "Komunistyczna Partia Chin (KPCh)\nobchodzi rocznicę. Xi\nJinping"
    xi = text.index("Xi")
    spans = [Span(0, 32, "ORG"), Span(0, 25, "ORG"), Span(27, 31, "ORG"), Span(xi, len(text), "PERSON")]
    project.import_records([DocumentRecord("doc", text, spans)], annotator="alice")
    out = tmp_path / "out"
    report = export_project(project, "brat", out, annotator="alice")
    ann = (out / "doc.ann").read_text(encoding="utf-8").splitlines()
    assert f"T4\tPERSON {xi} {xi + 2};{xi + 3} {len(text)}\tXi Jinping" in ann
    assert brat_spans(out) == {("doc", s.start, s.end, s.label) for s in spans}
    assert report.entries == []
    conf = (out / "annotation.conf").read_text()
    assert "ORG\nPERSON" in conf and "<OVERLAP>" in conf
    [record] = read_paths([out / "doc.ann"], "brat")
    assert {(s.start, s.end, s.label) for s in record.spans} == {(s.start, s.end, s.label) for s in spans}


def test_a_span_of_only_a_line_break_is_left_out_as_blank(project, tmp_path):
    """brat has no tokens: such a span is not "not placed on tokens"."""
    text = "Xi Jinping\nTokajew"
    project.import_records([DocumentRecord("doc", text, [Span(10, 11, "PERSON"),
                                                          Span(0, 2, "PERSON")])],
                           annotator="alice")
    report = export_project(project, "brat", tmp_path / "out", annotator="alice")
    assert [(e.start, e.action, e.detail) for e in report.entries] == [(10, "blank", "only line breaks")]
    assert report.left_out == 1
    assert any("covers only whitespace or line breaks" in line for line in report.summary_lines())


def read(tmp_path, text: str, ann: str, txt_bytes: bytes | None = None):
    (tmp_path / "d.txt").write_bytes(txt_bytes if txt_bytes is not None else text.encode("utf-8"))
    (tmp_path / "d.ann").write_text(ann, encoding="utf-8")
    problems = ProblemList()
    return list(brat.read(tmp_path / "d.ann", problems)), problems


def test_crlf_text_is_remapped_and_other_annotations_are_skipped(tmp_path):
    ann = ("T1\tPERSON 4 11\tJinping\nR1\tRel Arg1:T1 Arg2:T1\n#1\tAnnotatorNotes T1\tnote\n"
           "A1\tNegated T1\n")
    [record], problems = read(tmp_path, "", ann, "Xi\r\nJinping spoke".encode())
    assert not problems
    assert record.text == "Xi\nJinping spoke"
    [span] = record.spans
    assert record.text[span.start:span.end] == "Jinping"


def test_bad_entities_are_problems_naming_file_and_line(tmp_path):
    ann = ("T1\tPERSON 0 2\tXi\n"
           "T2\tPERSON zero 2\tXi\n"
           "T3\tORG 3 90\tJinping\n"
           "T4\tORG 3 10\tSomething else\n")
    _, problems = read(tmp_path, "Xi Jinping", ann)
    path = tmp_path / "d.ann"
    assert [str(p) for p in problems] == [
        f"{path}:2: expected T<id><TAB><type> <start> <end><TAB><text>",
        f"{path}:3: span end 90 is past the end of the text (10)",
        f"{path}:4: span text 'Something else' does not match the text at 3-10 ('Jinping')",
    ]


def test_an_ann_without_its_text_is_a_problem_and_a_text_alone_has_no_spans(tmp_path):
    (tmp_path / "lonely.ann").write_text("T1\tORG 0 2\tXi\n")
    problems = ProblemList()
    assert list(brat.read(tmp_path / "lonely.ann", problems)) == []
    assert "no text file lonely.txt" in str(problems[0])
    (tmp_path / "plain.txt").write_text("Xi Jinping")
    [record] = brat.read(tmp_path / "plain.txt", problems)
    assert record.spans == [] and record.text == "Xi Jinping"


def _cli(*args):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "annotator", *map(str, args)],
                          capture_output=True, text=True)


def _project_with(db, name, text, span):
    """A project file holding one document with one span of alice's."""
    with Project.open(db) as project:
        project.import_records([DocumentRecord(name, text, [span])], annotator="alice")
    return db


def test_a_second_export_replaces_the_folder_as_a_whole(tmp_path):
    db = _project_with(tmp_path / "p.db", "new", "Xi Jinping spoke.", Span(0, 10, "PERSON"))
    out = tmp_path / "brat"
    # An older export, of a document no longer in the project.
    older = _project_with(tmp_path / "older.db", "old", "Old text.", Span(0, 3, "ORG"))
    assert _cli("export", older, "--format", "brat", "--out", out).returncode == 0
    older.unlink()
    assert sorted(p.name for p in out.iterdir()) == ["annotation.conf", "old.ann", "old.txt"]
    result = _cli("export", db, "--format", "brat", "--out", out)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["annotation.conf", "new.ann", "new.txt"]
    assert [r.name for r in read_paths([out])] == ["new"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brat", "brat.report.json", "p.db"]


def test_a_folder_with_other_files_is_refused_and_left_as_it_was(tmp_path):
    db = _project_with(tmp_path / "p.db", "new", "Xi Jinping spoke.", Span(0, 10, "PERSON"))
    out = tmp_path / "mine"
    (out / "sub").mkdir(parents=True)
    (out / "thesis.tex").write_text("precious", encoding="utf-8")
    (out / "a.txt").write_text("a", encoding="utf-8")
    before = sorted((p.relative_to(out), p.read_bytes() if p.is_file() else b"")
                    for p in out.rglob("*"))
    result = _cli("export", db, "--format", "brat", "--out", out)
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"{out}: ") and "brat export" in line
    assert sorted((p.relative_to(out), p.read_bytes() if p.is_file() else b"")
                  for p in out.rglob("*")) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine", "p.db"]


def test_a_brat_corpus_made_elsewhere_is_never_replaced(tmp_path):
    db = _project_with(tmp_path / "p.db", "new", "Xi Jinping spoke.", Span(0, 10, "PERSON"))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Hand-made text.", encoding="utf-8")
    (corpus / "a.ann").write_text("T1\tORG 0 9\tHand-made\n", encoding="utf-8")
    (corpus / "annotation.conf").write_text("[entities]\nORG\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in corpus.iterdir()}
    result = _cli("export", db, "--format", "brat", "--out", corpus)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"{corpus}: not an earlier brat export of this tool (no mark in its annotation.conf), "
        "so it is not replaced; choose a new or empty folder"]
    assert {p.name: p.read_bytes() for p in corpus.iterdir()} == before


def read_noting(tmp_path, text: str, ann: str):
    from annotator.formats.reading import ReadContext

    (tmp_path / "d.txt").write_text(text, encoding="utf-8")
    (tmp_path / "d.ann").write_text(ann, encoding="utf-8")
    context = ReadContext()
    records = list(brat.read(tmp_path / "d.ann", context))
    return records, context


def test_a_discontinuous_entity_is_one_span_per_fragment_never_widened(tmp_path):
    text = "North and South America"
    [record], context = read_noting(tmp_path, text, "T1\tLocation 0 5;16 23\tNorth America\n"
                                                    "T2\tLocation 10 23\tSouth America\n")
    assert not context
    assert sorted((text[s.start:s.end], s.label) for s in record.spans) == [
        ("America", "Location"), ("North", "Location"), ("South America", "Location")]
    [note] = context.notes
    assert str(note) == (f"{tmp_path / 'd.ann'}:1: Location 0 5;16 23 'North America' is "
                         "discontinuous: imported as 2 spans, one per fragment")


def test_lines_that_are_not_entities_are_counted_in_a_note(tmp_path):
    ann = ("T1\tPERSON 0 2\tXi\nT2\tPERSON 11 18\tTokayev\nR1\tMet Arg1:T1 Arg2:T2\n"
           "R2\tMet Arg1:T2 Arg2:T1\nE1\tMeet:T1 Agent:T2\nA1\tNegated E1\nM1\tSpeculated E1\n"
           "N1\tReference T1 Wikipedia:1234\tXi\n#1\tAnnotatorNotes T1\tleader\n*\tAlias T1 T2\n")
    [record], context = read_noting(tmp_path, "Xi met and Tokayev", ann)
    assert len(record.spans) == 2 and not context
    # Only an Equiv line groups spans as one entity (see test_entity_export).
    assert [s.entity for s in record.spans] == [None, None]
    assert [n.message for n in context.notes] == [
        "not imported (not entity spans): 1 attributes (A), 1 attributes (M), 1 equivalences (*), "
        "1 events (E), 1 normalizations (N), 1 notes (#), 2 relations (R)"]


def test_cli_prints_what_was_not_imported_and_from_which_file(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Xi met Tokayev", encoding="utf-8")
    (tmp_path / "in" / "a.ann").write_text("T1\tPERSON 0 2\tXi\nR1\tMet Arg1:T1 Arg2:T1\n",
                                           encoding="utf-8")
    result = _cli("import", tmp_path / "p.db", tmp_path / "in")
    assert result.returncode == 0
    assert (f"note: {tmp_path / 'in' / 'a.ann'}: not imported (not entity spans): "
            "1 relations (R)") in result.stdout


def test_a_label_renamed_for_brat_never_takes_another_labels_name(project, tmp_path):
    text = "Xi met Tokayev in Astana."
    spans = [Span(0, 2, "New Label"), Span(7, 14, "New_Label"), Span(18, 24, "New:Label")]
    project.import_records([DocumentRecord("doc", text, spans)], annotator="alice")
    out = tmp_path / "out"
    report = export_project(project, "brat", out, annotator="alice")
    types = [line.split("\t")[1].split()[0]
             for line in (out / "doc.ann").read_text(encoding="utf-8").splitlines()]
    assert types == ["New_Label_", "New_Label", "New_Label__"]
    assert [e.detail for e in report.entries] == ["written as New_Label_", "written as New_Label__"]
    # Read back: three labels still, none merged into another.
    assert sorted(s.label for s in read_paths([out]).pop().spans) == [
        "New_Label", "New_Label_", "New_Label__"]


def test_an_empty_document_is_skipped_and_reported_so_the_folder_reads_back(project, tmp_path):
    project.import_records([DocumentRecord("spaces", "   "), DocumentRecord("empty", ""),
                            DocumentRecord("doc", "Xi spoke.", [Span(0, 2, "PERSON")])],
                           annotator="alice")
    out = tmp_path / "out"
    report = export_project(project, "brat", out, annotator="alice")
    assert report.skipped == ["spaces", "empty"] and report.documents == 1
    assert sorted(p.name for p in out.iterdir()) == ["annotation.conf", "doc.ann", "doc.txt"]
    assert [r.name for r in read_paths([out])] == ["doc"]


def test_a_brat_export_ended_between_its_renames_gets_its_folder_back(annotated, tmp_path,
                                                                      monkeypatch):
    """Ended after the old folder went aside and before the new one took its
    place: the next export puts the old one back first (it was hidden under a
    temporary name, and the place empty), then replaces it as usual."""
    import os

    out = tmp_path / "corpus"
    export_project(annotated, "brat", out, annotator="alice")
    before = sorted(p.name for p in out.iterdir())
    real_replace = os.replace

    def ended_after_the_first(source, target):
        real_replace(source, target)
        if str(target).endswith(".old"):
            raise SystemExit("killed")  # as a kill -9 between the two renames

    with monkeypatch.context() as patch:
        patch.setattr(brat.os, "replace", ended_after_the_first)
        try:
            export_project(annotated, "brat", out, annotator="alice")
        except SystemExit:
            pass
    assert not out.exists()  # hidden
    [hidden] = tmp_path.glob(".corpus.*.old")
    with monkeypatch.context() as patch:
        patch.setattr(brat, "process_alive", lambda pid: False)  # its process is gone
        export_project(annotated, "brat", out, annotator="alice")
    assert sorted(p.name for p in out.iterdir()) == before
    assert not list(tmp_path.glob(".corpus.*"))


def test_brat_texts_named_alone_are_read_with_their_annotations(tmp_path):
    """``import p.db corpus/*.txt`` on a brat corpus: each text with the .ann
    beside it, said in a note; ``--format txt`` takes the text alone."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Jan Kowalski mieszka w Warszawie.", encoding="utf-8")
    (corpus / "a.ann").write_text("T1\tPER 0 12\tJan Kowalski\nT2\tLOC 23 32\tWarszawie\n",
                                  encoding="utf-8")
    (corpus / "b.txt").write_text("Ala.", encoding="utf-8")  # no annotations: plain text
    records = read_paths([corpus / "a.txt", corpus / "b.txt"])
    assert [[(s.start, s.end, s.label) for s in r.spans] for r in records] == [
        [(0, 12, "PER"), (23, 32, "LOC")], []]
    [notice] = records.notes
    assert notice.message.startswith("read with the brat annotations beside it (a.ann)")
    [alone] = read_paths([corpus / "a.txt"], "txt")
    assert alone.spans == []
