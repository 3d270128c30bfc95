"""For any text and spans on or inside its tokens, CoNLL export -> import -> export
gives the same bytes, in every scheme (the reader rebuilds the text from the
tokens, one sentence per line, so the tokenizer and the sentence splitter
must find the same tokens and sentences in it)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.model import Direction, Document, Span
from annotator.core.tokenize import tokenize
from annotator.formats import conll
from annotator.formats.problems import ProblemList
from annotator.formats.report import ExportReport
from annotator.formats.writing import ExportOptions

PIECES = [
    # Arabic words, with proclitics and harakat
    "والصين", "بكين", "وقازاقستان", "لشي", "مُحَمَّـد", "فبالطريق", "الحزام",
    # Latin and Polish words
    "Xi", "Jinping", "Tokajewem", "środę", "H1N1", "COVID-19", "e.g.", "p.m.",
    # numbers
    "2021", "3.5", ".5", "٣٫٥", "٢٠٢١", "1,000", "100.",
    # punctuation
    ".", "...", "?!", "؟!", "؟", "!", "،", "؛", "«", "»", ",", "(", ")", "-", "…",
    "U.S.", "U.N.",
]
SEPARATORS = [" ", " ", " ", "", "\n", "\n\n", "  "]
LABELS = ["PERSON", "ORG", "BIG PERSON"]


@st.composite
def documents(draw):
    pieces = draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=25))
    text = "".join(p + draw(st.sampled_from(SEPARATORS)) for p in pieces)
    tokens = tokenize(text)
    # Edges on token boundaries and anywhere inside a token: a word, a number,
    # an abbreviation (U.S|.), letters with digits (H1|N1).
    edges = sorted({k for t in tokens for k in range(t.start, t.end + 1)})
    spans = []
    for _ in range(draw(st.integers(0, 6)) if tokens else 0):
        i = draw(st.integers(0, len(edges) - 2))
        j = draw(st.integers(i + 1, min(len(edges) - 1, i + 8)))
        if text[edges[i]:edges[j]].strip():
            spans.append(Span(edges[i], edges[j], draw(st.sampled_from(LABELS))))
    return text, spans


def export(path: Path, texts_and_spans, scheme: str) -> bytes:
    report = ExportReport("conll", str(path), "alice", scheme, "split", False)
    options = ExportOptions("alice", tuple(LABELS), scheme, "split")
    writer = conll.ConllWriter(path, options, report)
    for k, (text, spans) in enumerate(texts_and_spans):
        document = Document(f"d{k}", text, "und", Direction.LTR, "", id=k + 1)
        writer.add(document, spans)
    writer.finish()
    return path.read_bytes()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(documents(), min_size=1, max_size=3))
def test_conll_export_import_export_is_byte_identical(docs):
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        for scheme in ("iob2", "iob1", "bioes"):
            first = export(folder / f"first-{scheme}.conll", docs, scheme)
            problems = ProblemList()
            records = list(conll.read(folder / f"first-{scheme}.conll", problems))
            assert not problems, [str(p) for p in problems]
            second = export(folder / f"second-{scheme}.conll",
                            [(r.text, r.spans) for r in records], scheme)
            assert second == first


def test_a_span_cut_inside_an_abbreviation_reads_back_the_same():
    text = "Xi visited the U.S. on Monday."
    start = text.index("U.S")
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        first = export(folder / "first.conll", [(text, [Span(start, start + 3, "ORG")])], "iob2")
        assert "U. B-ORG\nS I-ORG\n. O\n" in first.decode()  # U. an initial, S, the dot
        problems = ProblemList()
        [record] = conll.read(folder / "first.conll", problems)
        assert [record.text[s.start:s.end] for s in record.spans] == ["U. S"]
        assert export(folder / "second.conll", [(record.text, record.spans)], "iob2") == first
