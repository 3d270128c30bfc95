"""Whether two Latin-script words are forms of one word (Polish cases:
Partia / Partii, Komunistyczna / Komunistycznej, Tokajew / Tokajewem).

Dictionary words are compared by lemma (simplemma). Names the dictionary
does not know (Tokajew, Nazarbajew, Jinping) are compared by their shared
beginning: at least four letters, after which each form has at most three
letters of its own, the shorter at most two (Tokajewem / Tokajewowi); that is how declension changes
a foreign name in Polish, without listing endings. A dictionary word is
never a shortened form of an unknown one (Tokaj is not Tokajew).
"""

from __future__ import annotations

import sys
import threading
from functools import lru_cache
from types import ModuleType

_MIN_SHARED = 4
_MAX_OWN = 3
_MAX_OWN_SHORTER = 2  # Tokajew / Tokayev differ by more than an ending


def _lemmatizer() -> ModuleType:
    """simplemma, imported at its first use: a tenth of a second that a
    window's start need not wait for."""
    import simplemma

    return simplemma


def _code(lang: str) -> str:
    return (lang or "").split("-")[0].split("_")[0].lower()


@lru_cache(maxsize=None)
def _language(lang: str) -> str | None:
    from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES

    code = _code(lang)
    return code if code in SUPPORTED_LANGUAGES else None


def is_common_word(word: str, lang: str) -> bool:
    """``word`` is a headword of ``lang``'s dictionary (نور, Duda), so as a
    name it is ambiguous; a rare inflected form of another word (شي of شوى)
    is not counted."""
    code = _language(lang)
    if code is not None:
        warm_up(code)
    return (code is not None and _lemmatizer().is_known(word, lang=code)
            and _lemmatizer().lemmatize(word, lang=code).casefold() == word.casefold())


@lru_cache(maxsize=65536)
def _lemma(word: str, lang: str) -> tuple[str, bool]:
    simplemma = _lemmatizer()
    return simplemma.lemmatize(word, lang=lang).casefold(), simplemma.is_known(word, lang=lang)


def same_word(a: str, b: str, lang: str) -> bool:
    """``a`` and ``b`` (folded keys) are forms of one word in ``lang``."""
    if a == b:
        return True
    code = _language(lang)
    if code is None:
        return False
    warm_up(code)
    (lemma_a, known_a), (lemma_b, known_b) = _lemma(a, code), _lemma(b, code)
    if lemma_a == lemma_b:
        return True
    if known_a and known_b:
        return False
    # The dictionary knows its words' forms: a longer word it does not know
    # is no form of one it knows (Tokaj, a wine and a town, and Tokajew).
    if known_a != known_b and len(a if known_a else b) < len(b if known_a else a):
        return False
    shorter, longer = sorted((a, b), key=len)
    shared = 0
    for x, y in zip(shorter, longer):
        if x != y:
            break
        shared += 1
    return (shared >= _MIN_SHARED and len(shorter) - shared <= _MAX_OWN_SHORTER
            and len(longer) - shared <= _MAX_OWN)


_loading = threading.Lock()  # one dictionary read at a time, never the same twice at once
_loaded: set[str] = set()


def warm_up(lang: str) -> None:
    """Load ``lang``'s dictionary now (a Polish one takes seconds to read),
    for a caller that would rather not pause at the first label. A caller
    that comes while another thread loads it waits for that load."""
    code = _language(lang)
    if code is None or code in _loaded:
        return
    with _loading:
        if code not in _loaded:
            _lemmatizer().is_known("a", lang=code)
            _loaded.add(code)


def warm_up_in_background(lang: str) -> None:
    """Start loading ``lang``'s dictionary in a thread of its own (the window
    calls this when a document opens, long before the first label). Whether
    there is one is known once simplemma is in: until then the thread finds
    out, so that the caller never waits for the import."""
    code = _code(lang)
    if code in _loaded or (_imported() and _language(lang) is None):
        return
    threading.Thread(target=warm_up, args=(lang,), name=f"dictionary-{code}",
                     daemon=True).start()


def _imported() -> bool:
    return "simplemma" in sys.modules
