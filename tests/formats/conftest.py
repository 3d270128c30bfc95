"""The sample articles with alice's spans (see ``tests/fixtures/export_cases``)
and helpers to compare exports with what is stored."""

from __future__ import annotations

from collections import Counter

import pytest

from annotator.formats.report import LEFT_OUT, ExportReport
from tests.fixtures.export_cases import (  # noqa: F401 (re-exported for the tests)
    CLITIC_SPANS,
    HARD_CASES,
    OVERLAPS_LEFT_OUT,
    SPLIT_WORDS,
    TOTAL_SPANS,
    records,
)


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
