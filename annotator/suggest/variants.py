"""Spelling variants of a name: the same name transliterated another way
(توكاييف / توقاييف, كازاخستان / قازاقستان, Tokayev / Tokajew).

Two words are variants when their skeletons (letters that transliterations
swap for one sound folded to one) are equal, or close enough by rapidfuzz's
normalized Indel similarity for long words. Variants are proposed with a
lower confidence and never accepted without the annotator.
"""

from __future__ import annotations

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


def is_variant(a: str, b: str) -> bool:
    """``a`` and ``b`` (folded keys, not equal) spell one name two ways."""
    if a == b or min(len(a), len(b)) < MIN_LENGTH:
        return False
    # A word with letters added at an edge is another word (الصين, الصيني).
    shorter, longer = sorted((a, b), key=len)
    if longer.startswith(shorter) or longer.endswith(shorter):
        return False
    sa, sb = skeleton(a), skeleton(b)
    return sa == sb or Indel.normalized_similarity(sa, sb) >= MIN_SIMILARITY
