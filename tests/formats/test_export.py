"""Every export of the annotated sample articles: not a single span dropped.

Each stored span is either in the output or listed in the report as left out."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest

from annotator.cli import main
from annotator.core.model import GOLD_ANNOTATOR, Status
from annotator.formats.export import export_project
from annotator.formats.writing import ExportError, safe_file_name
from tests.fixtures.export_cases import CLITIC_SPANS, OVERLAPS_LEFT_OUT, SPLIT_WORDS, TOTAL_SPANS
from tests.formats.readback import (
    brat_spans,
    conll_entities,
    expected_in_tokens,
    hf_entities,
    jsonl_spans,
    stored,
)


def out_path(tmp_path, fmt):
    return tmp_path / ("out" if fmt == "brat" else f"out.{fmt}")


@pytest.mark.parametrize("fmt", ["jsonl", "doccano", "brat"])
def test_character_formats_keep_every_span_exactly(annotated, tmp_path, fmt):
    out = out_path(tmp_path, fmt)
    report = export_project(annotated, fmt, out, annotator="alice")
    written = brat_spans(out) if fmt == "brat" else jsonl_spans(out)
    assert written == stored(annotated)
    assert report.entries == []
    assert report.written == report.spans == len(written) == TOTAL_SPANS
    assert json.loads((tmp_path / f"{out.name}.report.json").read_text())["spans_left_out"] == 0


@pytest.mark.parametrize("fmt", ["conll", "hf"])
def test_tag_formats_hold_every_span_not_reported_as_left_out(annotated, tmp_path, fmt):
    out = out_path(tmp_path, fmt)
    report = export_project(annotated, fmt, out, annotator="alice")
    names = [d.name for d in annotated.iter_documents()]
    found = conll_entities(out, names) if fmt == "conll" else hf_entities(out)
    assert found == expected_in_tokens(annotated, report)
    counts = report.counts()
    expected = {"clitic-split": CLITIC_SPANS, "token-split": SPLIT_WORDS,
                "overlap": OVERLAPS_LEFT_OUT}
    assert counts == {action: n for action, n in expected.items() if n}
    assert report.left_out == OVERLAPS_LEFT_OUT
    assert sum(found.values()) + report.left_out == report.spans == TOTAL_SPANS


def test_the_report_says_which_document_which_span_and_what_was_done(annotated, tmp_path):
    out = tmp_path / "train.conll"
    export_project(annotated, "conll", out, annotator="alice")
    data = json.loads((tmp_path / "train.conll.report.json").read_text(encoding="utf-8"))
    by_text = {(e["text"], e["action"]): e for e in data["entries"]}
    clitic = by_text[("الصين", "clitic-split")]
    assert clitic["document"] == "ar-2021-06-02-xi-tokayev-phone-call"
    assert clitic["label"] == "COUNTRY"
    assert "'والصين' split into 'و' + 'الصين'" in clitic["detail"]
    overlap = by_text[("شي جين بينغ", "overlap")]
    assert "kept PERSON" in overlap["detail"] and "الرئيس الصيني شي جين بينغ" in overlap["detail"]
    # Left out for overlapping, Tokajew splits no word.
    assert ("Tokajew", "overlap") in by_text and ("Tokajew", "token-split") not in by_text
    assert data["spans"] == TOTAL_SPANS and data["spans_left_out"] == OVERLAPS_LEFT_OUT
    assert data["spans_written"] == TOTAL_SPANS - OVERLAPS_LEFT_OUT
    assert data["annotator"] == "alice" and data["scheme"] == "iob2" and data["clitics"] == "split"


def test_clitics_split_gives_the_proclitic_its_own_token(annotated, tmp_path):
    out = tmp_path / "out.conll"
    export_project(annotated, "conll", out, annotator="alice")
    lines = out.read_text(encoding="utf-8").split("\n")
    at = lines.index("الصين B-COUNTRY")
    assert lines[at - 1] == "و O"
    assert "قازاقستان B-COUNTRY" in lines and "و O" in lines
    assert "ل O" in lines and "مبادرة B-INITIATIVE" in lines
    # The same word inside a span is not split: والطريق stays whole.
    assert "والطريق I-INITIATIVE" in lines


def test_clitics_expand_labels_the_whole_word(annotated, tmp_path):
    out = tmp_path / "out.conll"
    report = export_project(annotated, "conll", out, annotator="alice", clitics="expand")
    lines = out.read_text(encoding="utf-8").split("\n")
    assert "والصين B-COUNTRY" in lines and "وقازاقستان B-COUNTRY" in lines
    assert "لمبادرة B-INITIATIVE" in lines
    assert report.counts()["clitic-expand"] == CLITIC_SPANS
    assert "clitic-split" not in report.counts()
    # Nothing is lost: the expanded spans are written (wider), the overlaps reported.
    names = [d.name for d in annotated.iter_documents()]
    assert sum(conll_entities(out, names).values()) + report.left_out == report.spans


@pytest.mark.parametrize("scheme,tags", [
    ("iob2", ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG"]),
    ("bioes", ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "E-ORG"]),
    ("iob1", ["I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG"]),
])
def test_schemes(annotated, tmp_path, scheme, tags):
    out = tmp_path / "out.conll"
    export_project(annotated, "conll", out, annotator="alice", scheme=scheme)
    lines = out.read_text(encoding="utf-8").split("\n")
    at = lines.index(f"Komunistyczna {tags[0]}")
    assert [line.split(" ")[1] for line in lines[at:at + 6]] == tags


def test_sentences_and_documents(annotated, tmp_path):
    out = tmp_path / "out.conll"
    export_project(annotated, "conll", out, annotator="alice")
    text = out.read_text(encoding="utf-8")
    assert text.count("-DOCSTART- -X- O O\n\n") == 5
    blocks = text.split("\n\n")
    # "Ten rok ma wyjątkowe znaczenie ..." starts a sentence after "podstawy ."
    assert any(b.startswith("Ten B-DATE\nrok I-DATE\n") for b in blocks)
    assert any(b.endswith("؟ O") or b.endswith(". O") for b in blocks)


def test_done_only_and_progress(annotated, tmp_path):
    polish = annotated.document_by_name("pl-2021-06-02-xi-tokayev-phone-call")
    annotated.set_status(polish.id, "alice", Status.DONE)
    calls = []
    report = export_project(annotated, "jsonl", tmp_path / "done.jsonl", annotator="alice",
                            done_only=True, progress=lambda done, total: calls.append((done, total)))
    rows = [json.loads(l) for l in (tmp_path / "done.jsonl").read_text().splitlines()]
    assert [r["id"] for r in rows] == [polish.name]
    assert report.documents == 1 and calls == [(1, 1)]
    calls.clear()
    export_project(annotated, "jsonl", tmp_path / "all.jsonl", annotator="alice",
                   progress=lambda done, total: calls.append((done, total)))
    assert calls == [(k, 5) for k in range(1, 6)]


def test_choosing_the_annotator_or_gold(annotated, tmp_path):
    arabic = annotated.document_by_name("ar-2021-06-02-xi-tokayev-phone-call")
    annotated.add_span(arabic.id, "bob", 0, 2, "PERSON")
    with pytest.raises(ExportError, match="several annotators"):
        export_project(annotated, "jsonl", tmp_path / "x.jsonl")
    with pytest.raises(ExportError, match="no gold"):
        export_project(annotated, "jsonl", tmp_path / "x.jsonl", gold=True)
    annotated.add_span(arabic.id, GOLD_ANNOTATOR, 0, 2, "PERSON")
    report = export_project(annotated, "jsonl", tmp_path / "gold.jsonl", gold=True)
    assert report.annotator == "gold" and report.spans == 1
    assert jsonl_spans(tmp_path / "gold.jsonl") == {(arabic.name, 0, 2, "PERSON")}
    report = export_project(annotated, "jsonl", tmp_path / "bob.jsonl", annotator="bob")
    assert report.spans == 1


def test_spans_outside_the_text_are_reported_never_written(annotated, tmp_path):
    polish = annotated.document_by_name("pl-2021-06-02-xi-tokayev-phone-call")
    # Only a damaged file could hold this: the store checks every write.
    with sqlite3.connect(annotated.path) as damage:
        damage.execute(
            'INSERT INTO spans (document_id, annotator_id, start, "end", label) '
            "VALUES (?, (SELECT id FROM annotators WHERE name = 'alice'), ?, ?, ?)",
            [polish.id, 10, len(polish.text) + 5, "ORG"])
    for fmt in ("jsonl", "conll"):
        report = export_project(annotated, fmt, tmp_path / f"x.{fmt}", annotator="alice")
        [entry] = [e for e in report.entries if e.action == "out-of-bounds"]
        assert entry.document == polish.name and "past the end of the text" in entry.detail
        left_out = 1 + (OVERLAPS_LEFT_OUT if fmt == "conll" else 0)
        assert report.spans == TOTAL_SPANS + 1 and report.written == report.spans - left_out


def test_brat_file_names_are_made_safe(project, tmp_path):
    from annotator.core.model import DocumentRecord, Span

    names = ["../../etc/passwd", "a/b\\c", "CON", "..", "same", "SAME", "x" * 300]
    project.import_records([DocumentRecord(n, f"Xi Jinping {i}", [Span(0, 2, "PERSON")])
                            for i, n in enumerate(names)], annotator="alice")
    out = tmp_path / "brat"
    report = export_project(project, "brat", out, annotator="alice")
    files = sorted(p.name for p in out.iterdir())
    assert len(files) == 2 * len(names) + 1  # .txt and .ann each, and annotation.conf
    assert all(p.parent == out for p in out.iterdir())
    assert all(".." not in f and "/" not in f and "\\" not in f for f in files)
    assert len({f.lower() for f in files}) == len(files)
    assert set(report.renamed.values()) == set(names) - {"same"}
    assert len(brat_spans(out)) == len(names)
    assert safe_file_name("..") == "document_" and safe_file_name("CON.txt").startswith("document_")


def test_a_failed_export_leaves_no_half_file(annotated, tmp_path, monkeypatch):
    from annotator.formats import jsonl

    out = tmp_path / "out.jsonl"
    out.write_text("previous export\n")

    def broken(self, document, spans):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(jsonl.JsonlWriter, "add", broken)
    with pytest.raises(ExportError, match="No space left"):
        export_project(annotated, "jsonl", out, annotator="alice")
    assert out.read_text() == "previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl", "project.db",
                                                          "project.db-shm", "project.db-wal"]


# -- the command line -----------------------------------------------------------


def test_cli_export_prints_a_summary_and_writes_the_report(annotated, project_path, tmp_path, capsys):
    annotated.close()
    out = tmp_path / "train.conll"
    assert main(["export", str(project_path), "--format", "conll", "--out", str(out),
                 "--annotator", "alice", "--scheme", "bioes"]) == 0
    printed = capsys.readouterr().out
    assert f"{TOTAL_SPANS - 4} of {TOTAL_SPANS} spans of alice written as conll" in printed
    assert "4 overlap (left out)" in printed
    assert str(tmp_path / "train.conll.report.json") in printed
    assert "S-COUNTRY" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("args,message", [
    (["--annotator", "nobody"], "unknown annotator 'nobody' (the project has: alice)"),
    (["--gold"], "no gold"),
    (["--out", "{tmp}/missing/out.conll"], "does not exist"),
    (["--out", "{tmp}"], "is a folder"),
])
def test_cli_errors_are_one_line_with_status_2(annotated, project_path, tmp_path, args, message):
    annotated.close()
    full = ["export", project_path, "--format", "conll", "--out", tmp_path / "x.conll"]
    for option, value in zip(args[::2], args[1::2] + [None]):
        if option in full:
            full[full.index(option) + 1] = value.format(tmp=tmp_path)
        else:
            full += [option] + ([value] if value else [])
    result = subprocess.run([sys.executable, "-m", "annotator", *map(str, full)],
                            capture_output=True, text=True)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    from annotator.store import Project

    with Project.open(project_path, create=False) as project:
        assert project.annotators() == ["alice"]  # nothing was added by asking


def test_an_option_the_format_does_not_take_is_refused_and_not_reported(annotated, tmp_path,
                                                                           capsys):
    """--scheme bioes on a JSONL export would be ignored, and its report said
    bioes: the command refuses it, naming the formats that take it."""
    project = annotated.path
    out = tmp_path / "out.jsonl"
    code = main(["export", str(project), "--format", "jsonl", "--out", str(out), "--annotator",
                 "alice", "--scheme", "bioes"])
    assert code == 2 and not out.exists()
    assert capsys.readouterr().err.strip() == "--scheme does not apply to jsonl (it is for conll and hf)"
    assert main(["export", str(project), "--format", "jsonl", "--out", str(out), "--annotator",
                 "alice"]) == 0
    report = json.loads((tmp_path / "out.jsonl.report.json").read_text(encoding="utf-8"))
    assert (report["scheme"], report["clitics"]) == (None, None)
    assert main(["export", str(project), "--format", "conll", "--out", str(tmp_path / "o.conll"),
                 "--annotator", "alice", "--scheme", "bioes"]) == 0
    report = json.loads((tmp_path / "o.conll.report.json").read_text(encoding="utf-8"))
    assert (report["scheme"], report["clitics"]) == ("bioes", "split")


@pytest.mark.parametrize("fmt", ["jsonl", "doccano"])
def test_two_documents_of_one_name_are_said_since_their_ids_are_one(tmp_path, fmt):
    from annotator.core.model import DocumentRecord
    from annotator.store import Project

    with Project.open(tmp_path / "p.db") as project:
        project.import_records([DocumentRecord("a/b", "Ala ma kota."),
                                DocumentRecord("a/b", "Ola ma psa."),
                                DocumentRecord("c", "Jan ma rybki.")])
        report = export_project(project, fmt, tmp_path / "out.jsonl")
    ids = [json.loads(line)["id"] for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert ids == ["a/b", "a/b", "c"]  # the id is the name, as the format holds it
    assert report.warnings == ['1 documents have the name of a document before them (a/b): '
                               'their "id" does not tell them apart']


@pytest.mark.parametrize("fmt", ["jsonl", "doccano", "hf"])
def test_the_report_file_holds_the_warnings_said_at_the_end(tmp_path, fmt):
    """Warnings a writer knows only once every document is in (repeated
    names, doccano's emoji shift) are in OUT.report.json as well."""
    from annotator.core.model import DocumentRecord, Span
    from annotator.store import Project

    with Project.open(tmp_path / "p.db") as project:
        project.import_records([
            DocumentRecord("a", "Jan Kowalski.", [Span(0, 12, "PERSON")], annotator="alice"),
            DocumentRecord("a", "Anna Nowak.", [Span(0, 10, "PERSON")], annotator="alice"),
            DocumentRecord("e", "😀 Ola Lis.", [Span(2, 9, "PERSON")], annotator="alice")])
        report = export_project(project, fmt, tmp_path / "out")
    written = json.loads((tmp_path / "out.report.json").read_text(encoding="utf-8"))
    assert report.warnings and written["warnings"] == report.warnings
    assert any("name of a document before them" in w for w in written["warnings"])
    if fmt == "doccano":
        assert any("emoji" in w for w in written["warnings"])


def test_a_doccano_export_says_it_leaves_meta_out(tmp_path):
    from annotator.core.model import DocumentRecord, Span
    from annotator.store import Project

    with Project.open(tmp_path / "p.db") as project:
        project.import_records([
            DocumentRecord("a", "Jan Kowalski.", [Span(0, 12, "PERSON")],
                           meta={"source": "PAP", "date": "2024-05-01"}),
            DocumentRecord("b", "Anna Nowak.", [Span(0, 10, "PERSON")])])
        report = export_project(project, "doccano", tmp_path / "out.jsonl")
    lines = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert all("meta" not in line for line in lines)
    assert report.warnings == ["1 documents have meta (source, date...) that doccano's lines do "
                               "not carry: left out; the jsonl export keeps it"]
