"""The sample articles with alice's spans: the shared dozen per article, plus
the hard cases for token exports: proclitics before a span (وقازاقستان,
والصين, لشي, لمبادرة), a span ending inside a word (Tokajew|em) and
overlapping spans."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from annotator.core.model import DocumentRecord, Span
from annotator.formats.report import LEFT_OUT, ExportReport
from tests.fixtures.sample_annotations import (
    ARABIC_DOC,
    PHRASES,
    POLISH_DOC,
    annotated_records,
    find_occurrence,
)

# (the words around the span, which occurrence of them, the span's text, label)
HARD_CASES = {
    ARABIC_DOC: [
        ("وقازاقستان", 0, "قازاقستان", "COUNTRY"),
        ("والصين", 0, "الصين", "COUNTRY"),
        ("لشي،", 0, "شي", "PERSON"),
        ("لمبادرة الحزام والطريق", 0, "مبادرة الحزام والطريق", "INITIATIVE"),
        # With the title: overlaps شي جين بينغ.
        ("الرئيس الصيني شي جين بينغ", 0, "الرئيس الصيني شي جين بينغ", "PERSON"),
    ],
    POLISH_DOC: [
        # Overlaps "Komunistyczna Partia Chin" and "KPCh".
        ("Komunistyczna Partia Chin (KPCh)", 0, "Komunistyczna Partia Chin (KPCh)", "ORG"),
        # Ends inside a word, and lies inside "Kassymem-Jomartem Tokajewem".
        ("Tokajewem", 0, "Tokajew", "PERSON"),
    ],
}
CLITIC_SPANS = 4
SPLIT_WORDS = 1
OVERLAPS_LEFT_OUT = 4  # شي جين بينغ, Komunistyczna Partia Chin, KPCh, Tokajew
TOTAL_SPANS = (sum(1 for spans in PHRASES.values() for *_, label in spans if label)
               + sum(len(cases) for cases in HARD_CASES.values()))


def hard_spans(name: str, text: str) -> list[Span]:
    spans = []
    for around, occurrence, phrase, label in HARD_CASES[name]:
        start = find_occurrence(text, around, occurrence) + around.index(phrase)
        spans.append(Span(start, start + len(phrase), label))
    return spans


def records(seeds_dir: Path, annotator: str = "alice") -> list[DocumentRecord]:
    out = annotated_records(seeds_dir, annotator)
    for record in out:
        record.spans = record.spans + hard_spans(record.name, record.text)
    return out


@pytest.fixture
def annotated(seeded_project, seeds_dir):
    """All five sample articles; alice's spans on the Arabic and Polish calls."""
    seeded_project.import_records(records(seeds_dir))
    return seeded_project


def stored(project, annotator: str = "alice") -> set[tuple[str, int, int, str]]:
    return {(doc.name, s.start, s.end, s.label)
            for doc in project.iter_documents() for s in project.spans(doc.id, annotator)}


def squashed(text: str) -> str:
    """A span's text without whitespace: what its tokens spell, however split."""
    return "".join(text.split())


def expected_in_tokens(project, report: ExportReport, annotator: str = "alice") -> Counter:
    """(document, label, text without spaces) of every span a token export must hold."""
    left_out = {(e.document, e.start, e.end, e.label) for e in report.entries if e.action in LEFT_OUT}
    texts = {doc.name: doc.text for doc in project.iter_documents()}
    return Counter((name, label, squashed(texts[name][s:e]))
                   for name, s, e, label in stored(project, annotator)
                   if (name, s, e, label) not in left_out)
