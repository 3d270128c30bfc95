"""A text is tokenized once while recent, and the cached tokens cannot be
changed through a caller's list; agreement's tags by token index are what
spans_to_tags gives."""

from __future__ import annotations

import random

from annotator.core import tokenize as tokenize_module
from annotator.core.agreement import token_tags
from annotator.core.overlaps import keep_longest
from annotator.core.tagging import spans_to_tags
from annotator.core.tokenize import tokenize

TEXT = "قال الرئيس الصيني شي جين بينغ إن الصين وقازاقستان شريكتان. Xi met U.S. envoys in 2021."


def test_a_whole_text_is_tokenized_once_and_callers_get_their_own_list(monkeypatch):
    calls = []
    whole = tokenize_module._all_tokens
    finditer = tokenize_module._token_pattern().finditer

    class Counting:
        def finditer(self, *args):
            calls.append(args[1:])
            return finditer(*args)

    monkeypatch.setattr(tokenize_module, "_all_tokens", lambda text: calls.append(text) or whole(text))
    monkeypatch.setattr(tokenize_module, "_token_pattern", lambda: Counting())
    tokenize_module._cache.clear()
    first = tokenize(TEXT)
    first.pop()
    second = tokenize(TEXT)
    assert len(calls) == 1
    assert len(second) == len(first) + 1
    assert second[-1].text == "."
    tokenize(TEXT, 4, 10)  # a piece is not the whole text: read afresh
    assert len(calls) == 2


def test_a_whole_text_gives_the_tokens_matched_one_after_another():
    """The one match that makes a whole text's tokens agrees with matching
    token after token."""
    text = TEXT + " www.example.com/a, a.b@c.org ٣٫٥ H1N1 والصين\n  «Ja» 😀👍🏽 3.5 .5\u00a0x"
    tokenize_module._cache.clear()
    assert tokenize(text) == tokenize(text, 0, len(text))
    assert [text[t.start:t.end] for t in tokenize(text)] == [t.text for t in tokenize(text)]


def test_tags_by_index_match_spans_to_tags_on_random_layers():
    tokens = tokenize(TEXT * 3)
    rng = random.Random(7)
    for _ in range(200):
        spans = []
        for _ in range(rng.randrange(0, 8)):
            a = rng.randrange(0, len(tokens))
            b = min(len(tokens) - 1, a + rng.randrange(0, 3))
            spans.append((tokens[a].start, tokens[b].end, rng.choice(["PERSON", "ORG"])))
        expected = spans_to_tags(tokens, keep_longest(spans, place=lambda span: span))
        assert token_tags(tokens, spans) == expected


def test_the_quick_plain_word_alternative_changes_no_token():
    """Random strings of the characters the alternatives turn on give the
    same tokens with the quick first alternative as without it."""
    import regex

    without = regex.compile(tokenize_module._TOKENS, regex.VERBOSE)
    alphabet = list("abcXYZ wwwhttps:/.@-_%+,;!?()«»\"'0123٣٫٬،؛؟والصينـ\u064e\u0651\u200c\u200d"
                    "\n\t\x1c\x85\u00a0ﾞ😀👍🏽\u0301ŁżĘJ.") + ["www.", "http://", ".pl", "@"]
    rng = random.Random(3)
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 25)))
        expected = [(m.start(), m.end(), m.group()) for m in without.finditer(text)]
        assert tokenize(text) == expected, text


def test_two_threads_share_the_recent_texts_without_losing_one(monkeypatch):
    """An export's thread and the window's agreement tokenize at once: a
    text one thread finds may be dropped by the other before it is marked
    recent. A slow lookup makes that happen on every call."""
    import threading
    import time
    from collections import OrderedDict

    class SlowLookup(OrderedDict):
        def get(self, key, default=None):
            found = super().get(key, default)
            time.sleep(0.0005)  # the other thread runs meanwhile
            return found

    monkeypatch.setattr(tokenize_module, "_cache", SlowLookup())
    monkeypatch.setattr(tokenize_module, "_CACHED_TEXTS", 2)
    texts = [f"{TEXT} {n}" for n in range(3)]
    expected = {text: tokenize_module._all_tokens(text) for text in texts}
    failures = []

    def work():
        try:
            for _ in range(60):
                for text in texts:
                    assert tokenize_module.token_columns(text) == expected[text]
        except Exception as error:  # noqa: BLE001 - reported by the test below
            failures.append(error)

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert len(tokenize_module._cache) <= 2
