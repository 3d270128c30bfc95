"""Sentence ends in token exports: abbreviations, ordinals, initials, domain
names and e-mail addresses end no sentence and stay whole tokens."""

from __future__ import annotations

import pytest

from annotator.core.tokenize import split_sentences, tokenize


def sentences(text: str) -> list[str]:
    return [" ".join(t.text for t in s) for s in split_sentences(text, tokenize(text))]


@pytest.mark.parametrize("text", [
    "W latach 80. w Polsce rosła inflacja.",
    "Kazachstan obchodzi 30. rocznicę niepodległości.",
    "Kościół św. Jana stoi na ul. Floriańskiej.",
    "Przyjechali m.in. z Chin, tj. z Pekinu.",
    "W 2021 r. było inaczej.",
    "Mieszka pod nr. 5 od lat.",
    "Mr. Smith of Acme Corp. met J. R. R. Tolkien.",
    "Xinhua (arabic.news.cn) reported it.",
    "Write to news@xinhua.net.cn or see https://arabic.news.cn/2021-06/02/c_1.htm today.",
    "ونقلت وكالة arabic.news.cn الخبر.",
])
def test_one_sentence(text):
    assert len(sentences(text)) == 1, sentences(text)


@pytest.mark.parametrize("text, expected", [
    ("Koniec. Potem wrócił.", ["Koniec .", "Potem wrócił ."]),
    ("Rok 1990. Potem 1991.", ["Rok 1990 .", "Potem 1991 ."]),
    ("Powiedział: „Tak.” Dodał, że nie.", ["Powiedział : „ Tak . ”", "Dodał , że nie ."]),
    ("قال شي. وأضاف؟ نعم!", ["قال شي .", "وأضاف ؟", "نعم !"]),
    ("Wait... What?! Yes.", ["Wait . . .", "What ? !", "Yes ."]),
])
def test_sentence_ends(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("token", ["arabic.news.cn", "news@xinhua.net.cn", "m.in.", "U.S.",
                                   "https://arabic.news.cn/2021-06/02/c_1.htm", "xinhua.net", "J."])
def test_whole_tokens(token):
    assert [t.text for t in tokenize(f"See {token} now")] == ["See", token, "now"]


def test_the_sample_articles_lose_their_false_sentence_ends(seeds_dir):
    text = (seeds_dir / "pl-2021-06-02-xi-tokayev-phone-call.txt").read_text(encoding="utf-8")
    found = sentences(text)
    assert not any(s.endswith(("100 .", "30 .")) for s in found)
    text = (seeds_dir / "ar-2021-06-02-xi-tokayev-phone-call.txt").read_text(encoding="utf-8")
    assert any("arabic.news.cn" in s.split() for s in sentences(text))


def _token_by_token(text, tokens):
    """The rule read one token after another: a new sentence at a line end
    between two tokens, or where ``_ends_before`` says so."""
    from annotator.core.tokenize import _ends_before

    out, current = [], []
    for i, token in enumerate(tokens):
        if current and (text.find("\n", current[-1].end, token.start) >= 0
                        or _ends_before([t.text for t in tokens], i)):
            out.append(current)
            current = []
        current.append(token)
    return out + [current] if current else out


def test_sentences_found_from_the_marks_are_those_of_every_token_read_in_turn():
    import random

    pieces = ["Ala", "ma", "kota", "Mr", "r", "2021", "3.5", "U.S.", "J.", ".", ". ", "!", "?",
              "؟", "…", "۔", "»", ")", "”", "\n", " \n ", "قال", "والصين", "x.pl", "a@b.cc"]
    rng = random.Random(11)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", " "])
                       for _ in range(rng.randrange(0, 14)))
        tokens = tokenize(text)
        assert split_sentences(text, tokens) == _token_by_token(text, tokens), text
