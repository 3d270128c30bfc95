"""Spans onto tokens: clitics, words split at span edges, overlaps."""

from __future__ import annotations

import pytest

from annotator.core.model import Span
from annotator.core.tokenize import is_proclitic
from annotator.formats.align import align, keep_longest
from annotator.formats.report import ExportReport


def run(text, spans, clitics="split", settle=True):
    """Aligned, and with ``settle`` the overlaps resolved and words split."""
    report = ExportReport("conll", "out", "alice", "iob2", clitics, False)
    document = align("doc", text, [Span(*s) for s in spans], clitics, report)
    if settle:
        document.spans = document.settle(keep_longest(document, report), report)
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


@pytest.mark.parametrize("clitics, tokens, start_back, action", [
    ("split", ["دعا", "لل", "تعاون"], 0, "clitic-split"),
    ("expand", ["دعا", "للتعاون"], 2, "clitic-expand"),
])
def test_a_span_after_lam_lam_is_a_clitic_split_or_widened(clitics, tokens, start_back, action):
    """The window lets a span start after لل (ل before the article, its alef
    dropped): the export treats it as it treats any proclitic."""
    text = "دعا للتعاون"
    start = text.index("تعاون")
    document, report = run(text, [(start, len(text), "ORG")], clitics=clitics)
    assert words(document) == tokens
    assert [p.triple for p in document.spans] == [(start - start_back, len(text), "ORG")]
    assert [e.action for e in report.entries] == [action]


def test_other_misalignments_split_the_word_and_are_reported():
    text = "z prezydentem Tokajewem oraz الصينية"
    tok = text.index("Tokajew")
    sin = text.index("الصين")
    spans = [(tok, tok + 7, "PER"), (text.index("ezydent"), text.index("ezydent") + 7, "X"),
             (sin, sin + 5, "GPE")]
    document, report = run(text, spans, clitics="expand")
    assert words(document) == ["z", "pr", "ezydent", "em", "Tokajew", "em", "oraz", "الصين", "ية"]
    assert sorted(p.triple for p in document.spans) == sorted(tuple(s) for s in spans)
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
    document, report = run(text, spans, settle=False)
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
    words = document.tokens.texts
    sentences = [words[a:b] for a, b in document.sentence_ranges(document.spans)]
    assert sentences == [["Był", "w", "St", ".", "Petersburgu", "."], ["Potem", "wrócił", "."],
                         ["Nowa", "linia"]]
    ranges, [tags] = document.tag_levels([document.spans], "iob2")
    assert ranges == [(0, 6), (6, 9), (9, 11)]
    assert tags[:6] == ["O", "O", "B-LOC", "I-LOC", "I-LOC", "O"]


def test_a_span_left_out_for_overlapping_splits_no_word():
    text = "z prezydentem Kassymem-Jomartem Tokajewem oraz"
    whole = (text.index("Kassymem"), text.index(" oraz"), "PER")
    tok = text.index("Tokajew")
    document, report = run(text, [whole, (tok, tok + 7, "PER")])
    assert "Tokajewem" in words(document)
    assert [p.triple for p in document.spans] == [whole]
    assert [(e.action, e.text) for e in report.entries] == [("overlap", "Tokajew")]


def test_expand_does_not_widen_onto_a_neighbour_and_both_are_written():
    text = "بين الصين وقازاقستان"
    word = text.index("وقازاقستان")
    spans = [(word, word + 1, "X"), (word + 1, word + 10, "GPE")]
    document, report = run(text, spans, clitics="expand")
    assert words(document) == ["بين", "الصين", "و", "قازاقستان"]
    assert sorted(p.triple for p in document.spans) == [(word, word + 1, "X"),
                                                         (word + 1, word + 10, "GPE")]
    assert not any(e.action in ("overlap", "clitic-expand") for e in report.entries)


def test_a_span_across_a_sentence_end_is_reported():
    text = "Był w Moskwie. Potem wrócił."
    start = text.index("Moskwie")
    span = (start, start + len("Moskwie. Potem"), "LOC")
    document, report = run(text, [span])
    ranges, _ = document.tag_levels([document.spans], "iob2", report)
    assert ranges == [(0, 7)]
    [entry] = report.entries
    assert (entry.action, entry.detail) == ("sentence-joined", "2 sentences written as one")


def test_an_abbreviation_inside_a_span_ends_no_sentence():
    text = "Był w St. Petersburgu. Potem wrócił."
    start = text.index("St.")
    document, report = run(text, [(start, start + len("St. Petersburgu"), "LOC")])
    ranges, _ = document.tag_levels([document.spans], "iob2", report)
    assert ranges == [(0, 6), (6, 9)]
    assert report.entries == []


def test_an_edge_just_after_a_decimal_mark_moves_before_it():
    text = "wzrost 3.5 proc."
    three = text.index("3.5")
    document, report = run(text, [(three, three + 2, "NUM"), (three + 2, three + 3, "X")])
    assert words(document) == ["wzrost", "3", ".5", "proc", "."]
    assert sorted(p.triple for p in document.spans) == [(three, three + 1, "NUM"),
                                                         (three + 1, three + 3, "X")]
    assert sorted(e.action for e in report.entries) == ["number-edge", "number-edge",
                                                        "token-split", "token-split"]


def test_a_span_from_the_space_after_an_arabic_number_sign_is_written():
    # The sign and the space were once one token: the span's start fell
    # inside it and the CoNLL export stopped with a traceback.
    text = "مـحمد \u0600 5 ok.\nNext line"
    start = text.index(" 5")
    document, report = run(text, [(start, text.index("line"), "DATE")])
    assert [(p.start, p.end) for p in document.spans] == [(start + 1, text.index(" line"))]
    assert words(document)[:4] == ["مـحمد", "\u0600", "5", "ok"]
