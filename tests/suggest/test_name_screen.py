"""Screening a project's names before matching them in a document: what the
screen lets through is a superset of what matching finds, so the mentions
proposed are the same with the screen as without it."""

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Indel

from annotator.suggest import mentions, variants
from annotator.suggest.mentions import find_mentions
from annotator.suggest.name_screen import LONGEST_SCREENED, NameScreen, variant_keys_of
from annotator.suggest.words import word_index

SEEDS = ["ar-2021-06-02-xi-tokayev-phone-call", "ar-2022-wang-yi-meets-tokayev",
         "ar-2016-06-24-xi-nazarbayev-tashkent", "ar-2022-30-years-diplomatic-relations",
         "pl-2021-06-02-xi-tokayev-phone-call"]
# Names of the articles, spelled as they are and the other ways they are
# written (variants, a proclitic labelled with the name, one name in two words).
NAMES = ["توكاييف", "توقاييف", "قاسم-جومارت توكاييف", "وكازاخستان", "كازاخستان", "قازاقستان",
         "شي جين بينغ", "الصين", "نزارباييف", "طشقند", "وانغ يي",
         "Tokajew", "Tokayev", "Kazachstan", "Kazachstanem", "Xi Jinping", "Chin",
         "Kasym-Żomart Tokajew", "Pekin", "Nursultan Nazarbajew", "Organizacja Szanghajska",
         "منظمة شانغهاي للتعاون", "الرئيس الصيني", "الحزام والطريق", "Jedwabnego Szlaku",
         "Tokajewem", "Nazarbajewa", "Nursułtana"]
# Written otherwise than in the articles: a name in two words, other cases.
OTHERWISE = ("وقال نزار باييف إن الرئيس توكاييف زار بكين. "
             "Rozmowa z Nursułtanem Nazarbajewem i prezydentem Tokajewem o Kazachstanie.")


def texts(seeds_dir):
    found = {name: (seeds_dir / f"{name}.txt").read_text(encoding="utf-8") for name in SEEDS}
    return found | {"ar-otherwise": OTHERWISE, "pl-otherwise": OTHERWISE}


def unscreened(monkeypatch, text, names, lang):
    with monkeypatch.context() as patch:
        patch.setattr(mentions, "SCREEN_FROM", len(names) + 1)
        return find_mentions(text, names, lang)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_screen_changes_no_proposal(seeds_dir, monkeypatch, seed):
    """Names of the articles and words cut from them at random (short, long,
    after clitics), in every article: the same proposals, screened or not."""
    rng = random.Random(seed)
    articles = texts(seeds_dir)
    words = sorted({w for text in articles.values() for w in text.split() if len(w) > 1})
    names = [(n, "PERSON") for n in NAMES] + [
        (" ".join(rng.sample(words, rng.choice([1, 1, 1, 2]))), rng.choice(["ORG", "DATE"]))
        for _ in range(60)]
    assert len(names) >= mentions.SCREEN_FROM
    total = 0
    for article, text in articles.items():
        lang = article[:2]
        screened = find_mentions(text, names, lang)
        assert screened == unscreened(monkeypatch, text, names, lang), article
        total += len(screened)
    assert total > 100  # the names were found: the comparison says something
    otherwise = {articles["ar-otherwise"][p.span.start:p.span.end]
                 for p in find_mentions(articles["ar-otherwise"], names, "pl")}
    assert {"نزار باييف", "Tokajewem", "Nazarbajewem"} <= otherwise


def test_names_found_nowhere_in_a_text_are_screened_out(seeds_dir):
    text = texts(seeds_dir)["ar-2021-06-02-xi-tokayev-phone-call"]
    names = [("توكاييف", "PERSON"), ("Tokajew", "PERSON"), ("برازيليا", "LOC"),
             ("Mozambik", "LOC"), ("وكازاخستان", "LOC"), ("توقاييف", "PERSON")]
    possible = NameScreen(names).possible(word_index(text))
    # the Arabic name, its variant, and the name labelled with its proclitic
    assert [names[i][0] for i in possible] == ["توكاييف", "وكازاخستان", "توقاييف"]


@settings(max_examples=300, deadline=None)
@given(st.text("abcdeklmnotyz", min_size=variants.MIN_LENGTH, max_size=LONGEST_SCREENED),
       st.text("abcdeklmnotyz", min_size=variants.MIN_LENGTH, max_size=16))
def test_words_close_enough_to_be_variants_share_a_deletion(name, word):
    if Indel.normalized_similarity(name, word) >= variants.MIN_SIMILARITY:
        assert variant_keys_of(name, LONGEST_SCREENED) & variant_keys_of(word)


@pytest.mark.parametrize("name, word", [
    ("tokajev", "tokaev"),  # a letter left out
    ("nazarbajev", "nazarbaev"),
    ("abcdefghij", "abcdefghijkl"),  # two letters more: the most a text's word needs
])
def test_known_variants_share_a_deletion(name, word):
    assert Indel.normalized_similarity(name, word) >= variants.MIN_SIMILARITY
    assert variant_keys_of(name, LONGEST_SCREENED) & variant_keys_of(word)


def test_a_long_first_word_always_passes_where_the_text_has_long_words():
    screen = NameScreen([("Konstantynopolitańczykiewiczówna", "PERSON")])
    assert screen.possible(word_index("Ala ma kota i Konstantynopol.")) == [0]
    assert screen.possible(word_index("Ala ma kota.")) == []  # no word of five letters

