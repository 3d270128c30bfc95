"""Spans onto tokens: clitics, words split at span edges, overlaps."""

from __future__ import annotations

import pytest

from annotator.core.model import Span
from annotator.formats.align import align, is_proclitic, keep_longest
from annotator.formats.report import ExportReport


def run(text, spans, clitics="split"):
    report = ExportReport("conll", "out", "alice", "iob2", clitics, False)
    document = align("doc", text, [Span(*s) for s in spans], clitics, report)
    return document, report


def words(document):
    return [t.text for t in document.tokens]


@pytest.mark.parametrize("prefix", ["و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك", "وَ"])
def test_proclitics(prefix):
    assert is_proclitic(prefix)


@pytest.mark.parametrize("prefix", ["", "ال", "وال", "م", "ولل", "x"])
def test_not_proclitics(prefix):
    assert not is_proclitic(prefix)


def test_split_gives_the_clitic_its_own_token_only_where_a_span_starts():
    text = "بين الصين وقازاقستان والصين"
    start = text.index("قازاقستان")
    document, report = run(text, [(start, start + 9, "GPE")])
    assert words(document) == ["بين", "الصين", "و", "قازاقستان", "والصين"]
    assert [p.triple for p in document.spans] == [(start, start + 9, "GPE")]
    [entry] = report.entries
    assert (entry.action, entry.text) == ("clitic-split", "قازاقستان")


def test_expand_gives_the_whole_word_the_label():
    text = "بين الصين وقازاقستان"
    start = text.index("قازاقستان")
    document, report = run(text, [(start, start + 9, "GPE")], clitics="expand")
    assert words(document) == ["بين", "الصين", "وقازاقستان"]
    assert [p.triple for p in document.spans] == [(start - 1, start + 9, "GPE")]
    assert report.entries[0].action == "clitic-expand"


def test_other_misalignments_split_the_word_and_are_reported():
    text = "z prezydentem Tokajewem oraz الصينية"
    tok = text.index("Tokajew")
    sin = text.index("الصين")
    spans = [(tok, tok + 7, "PER"), (text.index("ezydent"), text.index("ezydent") + 7, "X"),
             (sin, sin + 5, "GPE")]
    document, report = run(text, spans, clitics="expand")
    assert words(document) == ["z", "pr", "ezydent", "em", "Tokajew", "em", "oraz", "الصين", "ية"]
    assert [p.triple for p in document.spans] == [tuple(s) for s in spans]
    assert [e.action for e in report.entries] == ["token-split"] * 4


def test_edges_on_whitespace_are_trimmed_and_blank_spans_reported():
    text = "Xi  Jinping  spoke"
    document, report = run(text, [(2, 12, "PER"), (12, 13, "X")])
    assert [p.triple for p in document.spans] == [(4, 11, "PER")]
    assert [(e.action, e.detail) for e in report.entries] == [
        ("trimmed", "now 4-11 'Jinping'"), ("no-token", "")]


def test_keep_longest_then_earliest():
    text = "Komunistyczna Partia Chin (KPCh) i KPCh"
    spans = [(0, 25, "ORG"), (27, 31, "ORG"), (0, 32, "ORG"), (35, 39, "ORG"), (35, 39, "X")]
    document, report = run(text, spans)
    kept = keep_longest(document, report)
    assert [p.triple for p in kept] == [(0, 32, "ORG"), (35, 39, "ORG")]
    assert sorted((e.start, e.end, e.label) for e in report.entries) == [
        (0, 25, "ORG"), (27, 31, "ORG"), (35, 39, "X")]
    assert all(e.action == "overlap" for e in report.entries)
    assert "kept ORG 0-32" in report.entries[0].detail


def test_sentences_are_not_cut_inside_a_span():
    text = "Był w St. Petersburgu. Potem wrócił.\nNowa linia"
    start = text.index("St.")
    document, _ = run(text, [(start, start + len("St. Petersburgu"), "LOC")])
    sentences = [[t.text for t in s] for s in document.sentences(document.spans)]
    assert sentences == [["Był", "w", "St", ".", "Petersburgu", "."], ["Potem", "wrócił", "."],
                         ["Nowa", "linia"]]
    tagged = document.tagged_sentences(document.spans, "iob2")
    assert tagged[0][1] == ["O", "O", "B-LOC", "I-LOC", "I-LOC", "O"]
