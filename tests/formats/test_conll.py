"""CoNLL: export, import, export gives the same file; seqeval reads the tags;
the reader knows IOB1, IOB2 and BIOES and names file and line on bad input."""

from __future__ import annotations

import subprocess
import sys

import pytest

from annotator.core.model import DocumentRecord, Span
from annotator.formats import conll
from annotator.formats.export import export_project
from annotator.formats.problems import ProblemList
from annotator.formats.registry import read_paths
from annotator.store import Project
from tests.extras import require
from tests.fixtures.export_cases import OVERLAPS_LEFT_OUT, TOTAL_SPANS
from tests.formats.readback import conll_documents


@pytest.mark.parametrize("scheme", ["iob2", "iob1", "bioes"])
@pytest.mark.parametrize("clitics", ["split", "expand"])
def test_export_import_export_gives_the_same_file(annotated, tmp_path, scheme, clitics):
    first = tmp_path / "first.conll"
    export_project(annotated, "conll", first, annotator="alice", scheme=scheme, clitics=clitics)
    with Project.open(tmp_path / "again.db") as again:
        again.import_records(read_paths([first], "conll"), annotator="carol")
        second = tmp_path / "second.conll"
        report = export_project(again, "conll", second, scheme=scheme, clitics=clitics)
    assert second.read_bytes() == first.read_bytes()
    # The second time every span is already on tokens and none overlaps.
    assert report.entries == []


@pytest.mark.parametrize("scheme", ["iob2", "iob1", "bioes"])
def test_seqeval_reads_the_tags(annotated, tmp_path, scheme):
    require("seqeval")
    from seqeval.metrics import f1_score
    from seqeval.scheme import IOB1, IOB2, IOBES, Entities

    seqeval_scheme = {"iob2": IOB2, "iob1": IOB1, "bioes": IOBES}[scheme]
    out = tmp_path / "out.conll"
    report = export_project(annotated, "conll", out, annotator="alice", scheme=scheme)
    sentences = [tags for document in conll_documents(out) for _, tags in document]
    entities = Entities(sentences, seqeval_scheme).entities
    assert sum(len(found) for found in entities) == report.written == TOTAL_SPANS - OVERLAPS_LEFT_OUT
    # Strict mode refuses sequences that break the scheme; these score 1 against themselves.
    assert f1_score(sentences, sentences, mode="strict", scheme=seqeval_scheme) == 1.0
    labels = {e.tag for found in entities for e in found}
    assert labels == {"PERSON", "ORG", "DATE", "INITIATIVE", "COUNTRY"}


def read(tmp_path, content: str):
    path = tmp_path / "in.conll"
    path.write_text(content, encoding="utf-8")
    problems = ProblemList()
    return list(conll.read(path, problems)), problems


@pytest.mark.parametrize("tags", [
    ["B-PER", "I-PER", "O", "B-PER", "B-PER", "O"],   # IOB2
    ["I-PER", "I-PER", "O", "I-PER", "B-PER", "O"],   # IOB1
    ["B-PER", "E-PER", "O", "S-PER", "S-PER", "O"],   # BIOES
])
def test_the_three_schemes_read_alike(tmp_path, tags):
    words = ["Xi", "Jinping", "met", "Tokayev", "Kassym", "."]
    body = "\n".join(f"{w}\t{t}" for w, t in zip(words, tags))
    [record], problems = read(tmp_path, f"-DOCSTART- -X- -X- O\n\n{body}\n")
    assert not problems
    assert record.text == "Xi Jinping met Tokayev Kassym ."
    assert [record.text[s.start:s.end] for s in record.spans] == ["Xi Jinping", "Tokayev", "Kassym"]


def test_documents_sentences_and_extra_columns(tmp_path):
    content = ("-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n. . O O\n\n"
               "Peter NNP B-NP B-PER\n\n-DOCSTART- -X- -X- O\n\nو NN B-NP O\nالصين NNP I-NP B-LOC\n")
    records, problems = read(tmp_path, content)
    assert not problems
    assert [r.text for r in records] == ["EU rejects .\nPeter", "و الصين"]
    assert [r.name for r in records] == ["in-1", "in-2"]
    assert [(s.start, s.end, s.label) for s in records[0].spans] == [(0, 2, "ORG"), (13, 18, "PER")]
    assert records[1].spans[0].label == "LOC" and records[1].line == 9


def test_a_line_with_fewer_columns_than_the_rest_is_a_problem(tmp_path):
    content = "EU NNP B-NP B-ORG\nrejects VBZ B-VP O\n. . O O\n\nو O\n"
    records, problems = read(tmp_path, content)
    assert [(p.line, p.message) for p in problems] == [
        (5, "expected 4 columns like the other lines (token in column 1, tags in column 4), found 2")]


def test_a_file_without_docstart_is_one_document(tmp_path):
    records, problems = read(tmp_path, "Xi B-PER\nspoke O\n\nTak O\n")
    assert not problems and [r.text for r in records] == ["Xi spoke\nTak"]


def test_bad_lines_are_problems_naming_file_and_line(tmp_path):
    _, problems = read(tmp_path, "Xi B-PER\nlonely\nspoke X-PER\nok O\nbad B-\n")
    assert [(p.line, p.message.split(" (")[0]) for p in problems] == [
        (2, "expected a token and a tag, separated by a space or a tab"),
        (3, "unknown tag 'X-PER'"),
        (5, "unknown tag 'B-'"),
    ]
    assert str(problems[0]).startswith(f"{tmp_path / 'in.conll'}:2: ")


def test_cli_import_refuses_bad_conll_and_leaves_the_project(tmp_path, seeds_dir):
    db = tmp_path / "p.db"
    run = lambda *a: subprocess.run([sys.executable, "-m", "annotator", *map(str, a)],
                                    capture_output=True, text=True)
    assert run("import", db, seeds_dir).returncode == 0
    before = db.read_bytes()
    bad = tmp_path / "bad.conll"
    bad.write_text("Xi B-PER\nJinping I-PER\nspoke Q\n", encoding="utf-8")
    result = run("import", db, bad, "--format", "conll", "--annotator", "dave")
    assert result.returncode == 2
    assert result.stderr.strip() == (f"{bad}:3: unknown tag 'Q' (expected O, or B-, I-, E- or S- "
                                     "and a label)")
    assert db.read_bytes() == before
    good = tmp_path / "good.conll"
    good.write_text("Xi B-PER\nJinping I-PER\nspoke O\n", encoding="utf-8")
    assert run("import", db, good, "--annotator", "dave").returncode == 0  # found by extension
    with Project.open(db) as project:
        document = project.document_by_name("good-1")
        [span] = project.spans(document.id, "dave")
        assert document.text[span.start:span.end] == "Xi Jinping"


def test_a_file_without_tokens_is_a_problem(tmp_path):
    records, problems = read(tmp_path, "-DOCSTART- -X- -X- O\n\n")
    assert records == [] and [str(p) for p in problems] == [f"{tmp_path / 'in.conll'}: no tokens in this file"]


@pytest.mark.parametrize("scheme", ["iob2", "bioes"])
def test_nesting_columns_write_every_overlapping_span_and_read_back(annotated, tmp_path, scheme):
    first = tmp_path / "first.conll"
    report = export_project(annotated, "conll", first, annotator="alice", scheme=scheme,
                            nesting="columns")
    assert report.written == TOTAL_SPANS and report.left_out == 0
    assert [e for e in report.entries if e.action == "overlap"] == []
    with Project.open(tmp_path / "again.db") as again:
        again.import_records(read_paths([first], "conll"), annotator="carol")
        assert sum(len(again.spans(d.id, "carol")) for d in again.iter_documents()) == TOTAL_SPANS
        second = tmp_path / "second.conll"
        export_project(again, "conll", second, scheme=scheme, nesting="columns")
    assert second.read_bytes() == first.read_bytes()
    widths = {len(line.split()) for line in first.read_text(encoding="utf-8").split("\n")
              if line and not line.startswith("-DOCSTART-")}
    assert widths == {2, 3}  # a third column only where a token is inside two spans


def test_nesting_columns_outer_first_same_type_and_crossing(tmp_path):
    text = "Uniwersytet Warszawski w Polsce ma nowy rektor"
    spans = [(0, 22, "ORG"), (12, 22, "ORG"),  # Warszawski: an ORG inside an ORG
             (25, 31, "LOC"), (25, 34, "X"), (32, 39, "Y")]  # Polsce ma nowy: X and Y cross
    with Project.open(tmp_path / "p.db") as project:
        project.import_records(read_paths([_jsonl(tmp_path, text, spans)]))
        out = tmp_path / "out.conll"
        export_project(project, "conll", out, annotator="imported", nesting="columns")
        assert out.read_text(encoding="utf-8").split("\n")[2:10] == [
            "Uniwersytet B-ORG", "Warszawski I-ORG B-ORG", "w O",
            "Polsce B-X B-LOC", "ma I-X B-Y", "nowy O I-Y", "rektor O", ""]
        with Project.open(tmp_path / "again.db") as again:
            again.import_records(read_paths([out], "conll"))
            [document] = list(again.iter_documents())
            assert sorted((s.start, s.end, s.label) for s in again.spans(document.id, "imported")) \
                == sorted(spans)


def test_one_tag_column_is_the_default(annotated, tmp_path):
    default, longest = tmp_path / "default.conll", tmp_path / "longest.conll"
    export_project(annotated, "conll", default, annotator="alice")
    report = export_project(annotated, "conll", longest, annotator="alice", nesting="longest")
    assert default.read_bytes() == longest.read_bytes()
    assert {len(line.split()) for line in default.read_text(encoding="utf-8").split("\n")
            if line and not line.startswith("-DOCSTART-")} == {2}
    assert report.left_out == OVERLAPS_LEFT_OUT


def _jsonl(tmp_path, text: str, spans):
    import json
    path = tmp_path / "in.jsonl"
    line = {"text": text, "spans": [{"start": s, "end": e, "label": l} for s, e, l in spans]}
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_a_huge_malformed_file_prints_the_first_problems_then_how_many_more(tmp_path, seeds_dir,
                                                                            capsys):
    from annotator.cli import main

    db = tmp_path / "p.db"
    assert main(["import", str(db), str(seeds_dir)]) == 0
    before = db.read_bytes()
    capsys.readouterr()
    bad = tmp_path / "huge.conll"
    bad.write_text("Xi B-PER\n" + "".join(f"word{k} Q{k}\n" for k in range(5000)), encoding="utf-8")
    assert main(["import", str(db), str(bad)]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 21
    assert lines[0] == f"{bad}:2: unknown tag 'Q0' (expected O, or B-, I-, E- or S- and a label)"
    assert lines[19].startswith(f"{bad}:21: unknown tag 'Q19'")
    assert lines[20] == f"{bad}: 4980 more problems of the same kinds as above (not shown)"
    assert db.read_bytes() == before


def test_problems_past_the_first_ones_are_counted_by_kind_and_file():
    from annotator.formats.problems import Problem, problem_lines

    same = [Problem("a.conll", k, f"unknown tag 'Q{k}'") for k in range(1, 4)]
    assert problem_lines(same, limit=3) == [str(p) for p in same]  # none left: no count line
    assert problem_lines(same, limit=2)[-1] == "a.conll: 1 more problem of the same kinds as above (not shown)"
    mixed = same + [Problem("b.conll", 1, "expected a token and a tag")]
    assert problem_lines(mixed, limit=2)[2:] == ["2 more problems in 2 files (not shown)"]


SOURCE = """-DOCSTART- O

The O
X-Files B-WORK
aired O
in O
the O
U.S. B-LOC
. O

Version O
2 O
. O
0 O
of O
Ch O
. O
Wang B-PER
shipped O
. O

"""


@pytest.mark.parametrize("fmt", ["conll", "hf"])
def test_a_conll_file_comes_back_with_its_own_tokens_and_sentences(tmp_path, fmt):
    # Re-tokenized, X-Files became three tokens and "2 . 0" or "Ch . Wang"
    # new sentences: a corpus exported again is to train as it was.
    path = tmp_path / "src.conll"
    path.write_text(SOURCE, encoding="utf-8")
    with Project.open(tmp_path / "p.db") as project:
        project.import_records(read_paths([path]))
        out = tmp_path / f"out.{fmt}"
        report = export_project(project, fmt, out)
        assert report.entries == []
    given = [[line.split() for line in block.splitlines() if not line.startswith("-DOCSTART-")]
             for block in SOURCE.split("\n\n")]
    given = [sentence for sentence in given if sentence]
    if fmt == "conll":
        written = [[line.split() for line in block.splitlines()]
                   for block in out.read_text(encoding="utf-8").split("\n\n") if block.strip()]
        written = [[row for row in sentence if row[0] != "-DOCSTART-"] for sentence in written]
        assert [s for s in written if s] == given
    else:
        import json
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert [row["tokens"] for row in rows] == [[t for t, _ in s] for s in given]


def test_invisible_marks_in_the_text_leave_no_line_the_reader_refuses(tmp_path):
    """A byte-order mark left inside a text where two files were joined, and
    direction marks around a name: no token of them is written (the reader
    takes a byte-order mark for nothing, so its line had no token), and the
    file reads back with the same entities."""
    text = "First part.\n\ufeffSecond\u200f part by Xi\u200e Jinping\u200f."
    name = text.index("Xi"), text.index("Jinping") + len("Jinping")
    out = tmp_path / "d.conll"
    with Project.open(tmp_path / "p.db") as project:
        project.import_records([DocumentRecord("d", text, [Span(*name, "PERSON")])],
                               annotator="alice")
        export_project(project, "conll", out, annotator="alice")
    lines = out.read_text(encoding="utf-8").split("\n")
    assert not [line for line in lines if any(c in line for c in "\ufeff\u200e\u200f")]
    problems = ProblemList()
    [document] = conll.read(out, problems)
    assert problems.total == 0
    assert [document.text[s.start:s.end] for s in document.spans] == ["Xi Jinping"]


def test_a_file_without_blank_lines_is_read_as_one_sentence_and_said(tmp_path):
    """ANERcorp as published: token and tag lines, no blank line anywhere."""
    from annotator.formats.registry import read_paths

    path = tmp_path / "aner.conll"
    path.write_text("".join(f"كلمة{k} {'B-LOC' if k % 50 == 0 else 'O'}\n" for k in range(1500)),
                    encoding="utf-8")
    records = read_paths([path])
    [record] = records
    assert "\n" not in record.text and len(record.spans) == 30
    [message] = [n.message for n in records.notes if "sentence of" in n.message]
    assert message.startswith("a sentence of 1,500 tokens (no blank line between sentences?)")
    short = tmp_path / "short.conll"
    short.write_text("Ala O\nma O\n\nkota O\n", encoding="utf-8")
    assert not [n for n in read_paths([short]).notes if "sentence of" in n.message]


def test_tokens_holding_a_space_are_said_on_import(tmp_path):
    """A tab-separated file may hold «Nowym Jorku» or «7 000» (a no-break
    space) as one token: the text keeps it, token exports would split it."""
    from annotator.formats.registry import read_paths

    path = tmp_path / "spaced.conll"
    path.write_text("Cena\tO\n7\u00a0000\tO\nw\tO\nNowym Jorku\tB-LOC\n.\tO\n", encoding="utf-8")
    records = read_paths([path])
    [record] = records
    assert record.text == "Cena 7\u00a0000 w Nowym Jorku ."
    assert [n.message for n in records.notes if "hold a space" in n.message] == [
        "2 tokens hold a space (the first at line 2): the text keeps it, but token exports "
        "split such a token in two there"]
