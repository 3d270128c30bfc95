import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.tagging import Scheme, TaggingError, detect_scheme, spans_to_tags, tags_to_spans
from annotator.core.tokenize import split_sentences, token_columns, tokenize


def texts_of(text):
    return [t.text for t in tokenize(text)]


def test_arabic_punctuation_and_numbers():
    text = "قال شي، في «بكين» عام 2021 و٢٠٢١ بنسبة 3.5٪؟ نعم."
    assert texts_of(text) == ["قال", "شي", "،", "في", "«", "بكين", "»", "عام", "2021",
                              "و", "٢٠٢١", "بنسبة", "3.5", "٪", "؟", "نعم", "."]


def test_words_keep_harakat_and_tatweel_and_emoji_stay_whole():
    text = "مُحَمَّـد 👨\u200d👩\u200d👧 🇵🇱!"
    assert texts_of(text) == ["مُحَمَّـد", "👨\u200d👩\u200d👧", "🇵🇱", "!"]


def test_offsets_point_at_the_token_text():
    text = "Xi Jinping powiedział w środę, że 100. rocznica"
    for token in tokenize(text):
        assert text[token.start:token.end] == token.text


def test_sentences_split_at_punctuation_and_line_ends():
    text = "أين؟ هنا. Tak!\nNowa linia bez kropki\nkoniec"
    sentences = split_sentences(text, tokenize(text))
    assert [[t.text for t in s] for s in sentences] == [
        ["أين", "؟"], ["هنا", "."], ["Tak", "!"], ["Nowa", "linia", "bez", "kropki"], ["koniec"]]


def test_the_three_schemes():
    text = "Xi Jinping met Tokayev Kassym ORG"
    tokens = tokenize(text)
    spans = [(0, 10, "PER"), (15, 22, "PER"), (23, 29, "PER")]
    assert spans_to_tags(tokens, spans, Scheme.IOB2) == ["B-PER", "I-PER", "O", "B-PER", "B-PER", "O"]
    assert spans_to_tags(tokens, spans, Scheme.IOB1) == ["I-PER", "I-PER", "O", "I-PER", "B-PER", "O"]
    assert spans_to_tags(tokens, spans, Scheme.BIOES) == ["B-PER", "E-PER", "O", "S-PER", "S-PER", "O"]
    for scheme in Scheme:
        assert tags_to_spans(tokens, spans_to_tags(tokens, spans, scheme), scheme) == spans


def test_detect_scheme():
    assert detect_scheme(["B-PER", "I-PER"]) == Scheme.IOB2
    assert detect_scheme(["I-PER", "O"]) == Scheme.IOB1
    assert detect_scheme(["S-PER", "O"]) == Scheme.BIOES


def test_misaligned_or_overlapping_spans_are_refused():
    tokens = tokenize("والصين وقازاقستان")
    with pytest.raises(TaggingError, match="token boundaries"):
        spans_to_tags(tokens, [(1, 6, "ORG")])
    with pytest.raises(TaggingError, match="overlaps"):
        spans_to_tags(tokens, [(0, 6, "ORG"), (0, 17, "ORG")])


@given(st.lists(st.tuples(st.integers(1, 3), st.sampled_from(["A", "B", None])), max_size=12),
       st.sampled_from(list(Scheme)))
def test_round_trip_any_layout(layout, scheme):
    words, spans, position = [], [], 0
    for length, label in layout:
        chunk = ["w"] * length
        start = position
        position += len(" ".join(chunk)) + 1
        words.extend(chunk)
        if label:
            spans.append((start, position - 1, label))
    text = " ".join(words)
    tokens = tokenize(text)
    assert tags_to_spans(tokens, spans_to_tags(tokens, spans, scheme), scheme) == spans


def test_runs_of_sentence_marks_end_one_sentence():
    text = "Czekaj... co?! قال؟! نعم"
    sentences = split_sentences(text, tokenize(text))
    assert [[t.text for t in s] for s in sentences] == [
        ["Czekaj", ".", ".", "."], ["co", "?", "!"], ["قال", "؟", "!"], ["نعم"]]


def test_abbreviations_numbers_and_letters_with_digits_stay_whole():
    text = "The U.S. and the U.N. met. H1N1 rose .5 or 3.5 (1,000) in COVID-19."
    assert texts_of(text) == ["The", "U.S.", "and", "the", "U.N.", "met", ".", "H1N1", "rose",
                              ".5", "or", "3.5", "(", "1,000", ")", "in", "COVID", "-", "19", "."]
    sentences = split_sentences(text, tokenize(text))
    assert [s[-1].text for s in sentences] == [".", "."]


def test_an_arabic_number_sign_before_a_space_is_a_token_without_the_space():
    # U+0600 is a grapheme "prepend" mark: as a grapheme it joins the space
    # after it, which would make a token holding whitespace.
    text = "رقم \u0600 5 و\u06dd \u064e x"
    assert texts_of(text) == ["رقم", "\u0600", "5", "و", "\u06dd", "\u064e", "x"]


INVISIBLE_MARKS = "\u200b\u200e\u200f\u061c\u202b\u202c\u2060\u2066\u2069\ufeff"


def test_invisible_marks_are_no_tokens_and_a_soft_hyphen_stays_in_its_word():
    # As pasted from a web page: direction marks around a name and a year,
    # a byte-order mark where two files were joined, isolates around a word.
    text = "قال\u200f شي\u200e جين\u061c 2016\u200f. \ufeffKazach\u00adstan \u2066ok\u2069 a\u200bb"
    assert texts_of(text) == ["قال", "شي", "جين", "2016", ".", "Kazach\u00adstan", "ok", "a", "b"]
    assert token_columns(text).texts == texts_of(text)
    assert texts_of("http://x.cn/a\u200f b") == ["http://x.cn/a", "b"]


@given(st.text(alphabet=st.sampled_from(list("ab1.,-@ \n\u0600\u06dd\u064e\u0640\u200dو٢😀🏽"
                                             + INVISIBLE_MARKS)),
               max_size=40))
def test_no_token_holds_whitespace_and_every_other_character_is_in_one(text):
    tokens = tokenize(text)
    assert all(not any(c.isspace() or c in INVISIBLE_MARKS for c in t.text) for t in tokens)
    assert all(text[t.start:t.end] == t.text for t in tokens)
    visible = "".join(c for c in text if c not in INVISIBLE_MARKS)
    assert "".join(t.text for t in tokens) == "".join(visible.split())


def test_iob1_looks_for_the_span_before_in_the_same_sentence_only():
    text = "Jan Nowak Anna Kowalska przyszła"
    tokens = token_columns(text)
    spans = [(0, 9, "PER"), (10, 23, "PER")]
    # One sentence: the second name follows the first directly, so it begins with B-.
    assert spans_to_tags(tokens, spans, Scheme.IOB1) == ["I-PER", "I-PER", "B-PER", "I-PER", "O"]
    # The second name starts a sentence: nothing before it there.
    assert spans_to_tags(tokens, spans, Scheme.IOB1, {2}) == ["I-PER"] * 4 + ["O"]


def test_columns_and_token_tuples_give_the_same_tags():
    text = "Xi Jinping met Kassym-Jomart Tokayev in Beijing."
    spans = [(0, 10, "PER"), (15, 36, "PER"), (40, 47, "LOC")]
    for scheme in Scheme:
        assert (spans_to_tags(token_columns(text), spans, scheme)
                == spans_to_tags(tokenize(text), spans, scheme))
