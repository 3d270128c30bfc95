"""For any text and spans on its tokens (or cutting into a number), CoNLL export -> import -> export
gives the same bytes, in every scheme (the reader rebuilds the text from the
tokens, one sentence per line, so the tokenizer and the sentence splitter
must find the same tokens and sentences in it)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.model import Direction, Document, Span
from annotator.core.tokenize import is_number, tokenize
from annotator.formats import conll
from annotator.formats.problems import ProblemList
from annotator.formats.report import ExportReport
from annotator.formats.writing import ExportOptions

PIECES = [
    # Arabic words, with proclitics and harakat
    "والصين", "بكين", "وقازاقستان", "لشي", "مُحَمَّـد", "فبالطريق", "الحزام",
    # Latin and Polish words
    "Xi", "Jinping", "Tokajewem", "środę", "H1N1", "COVID-19", "e.g.",
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
    # Edges on token boundaries, and anywhere inside a number.
    edges = sorted({t.start for t in tokens} | {t.end for t in tokens}
                   | {k for t in tokens if is_number(t.text) for k in range(t.start, t.end)})
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


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
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
