"""Spelling variants of a name: the same name transliterated another way
(توكاييف / توقاييف, كازاخستان / قازاقستان, Tokayev / Tokajew).

Two words are variants when their skeletons (letters that transliterations
swap for one sound folded to one) are equal, or close enough by rapidfuzz's
normalized Indel similarity for long words. Variants are proposed with a
lower confidence and never accepted without the annotator.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Indel

# Arabic letters transliterations use for one foreign sound: k/q/kh/g, t, s, d, z.
_ARABIC_SKELETON = str.maketrans({
    "\u0642": "\u0643", "\u062e": "\u0643", "\u063a": "\u0643", "\u062c": "\u0643",  # ق خ غ ج -> ك
    "\u0637": "\u062a",  # ط -> ت
    "\u0635": "\u0633",  # ص -> س
    "\u0636": "\u062f",  # ض -> د
    "\u0638": "\u0632", "\u0630": "\u0632",  # ظ ذ -> ز
})
# Latin: j/y and v/w spell one sound in Polish and English transliterations.
_LATIN_SKELETON = str.maketrans({"y": "j", "w": "v"})

MIN_LENGTH = 5  # shorter words are too often another word
MIN_SIMILARITY = 0.88


def skeleton(key: str) -> str:
    return key.translate(_ARABIC_SKELETON).translate(_LATIN_SKELETON)


_ARTICLE = "\u0627\u0644"  # ال, folded


def _stem(key: str) -> str:
    """An Arabic key without its article: الأرض and الأردن share two letters
    that say nothing of the name."""
    return key[len(_ARTICLE):] if key.startswith(_ARTICLE) else key


def is_variant(a: str, b: str) -> bool:
    """``a`` and ``b`` (folded keys, not equal) spell one name two ways."""
    if a == b:
        return False
    a, b = _stem(a), _stem(b)
    if min(len(a), len(b)) < MIN_LENGTH:
        return False
    sa, sb = skeleton(a), skeleton(b)
    # A word holding the other with letters added is another word (الصين,
    # الصيني), or the same one after a proclitic, read as such elsewhere
    # (وقازاقستان), or both (وكازاخستاني).
    for x, y in ((a, b), (sa, sb)):
        shorter, longer = sorted((x, y), key=len)
        if len(longer) > len(shorter) and shorter in longer:
            return False
    if sa == sb:
        return True
    if _ARABIC_LETTER.search(sa) and _consonants(sa) != _consonants(sb):
        # Transliterations of one name differ in the vowel letters they
        # write (توكاييف / توكايف), not in a consonant: الأنبار is not
        # الانبهار, nor بكابل بتقابل.
        return False
    return Indel.normalized_similarity(sa, sb) >= MIN_SIMILARITY


_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_VOWEL_LETTERS = str.maketrans("", "", "\u0627\u0648\u064a\u0649\u0621")  # ا و ي ى ء


def _consonants(key: str) -> str:
    return key[:1] + key[1:].translate(_VOWEL_LETTERS)
