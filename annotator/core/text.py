"""Text as imported, and what can be told from it: direction and language."""

from __future__ import annotations

import hashlib
from collections import Counter

from annotator.core.model import Direction

BOM = "\ufeff"


def normalize_with_map(raw: str) -> tuple[str, list[int]]:
    """Drop a leading BOM and turn ``\\r\\n`` and lone ``\\r`` into ``\\n``.

    Returns the stored text and, for every index of ``raw`` (and its end), the
    index it lands on in the stored text, so spans given on the raw text still
    cover the same characters.
    """
    out: list[str] = []
    mapping: list[int] = []
    i = 0
    n = len(raw)
    if raw.startswith(BOM):
        mapping.append(0)
        i = 1
    while i < n:
        ch = raw[i]
        if ch == "\r":
            mapping.append(len(out))
            if i + 1 < n and raw[i + 1] == "\n":
                # The \n of a \r\n pair belongs to the same stored newline.
                mapping.append(len(out))
                i += 1
            out.append("\n")
        else:
            mapping.append(len(out))
            out.append(ch)
        i += 1
    mapping.append(len(out))
    return "".join(out), mapping


def normalize_text(raw: str) -> str:
    if raw.startswith(BOM):
        raw = raw[1:]
    if "\r" not in raw:
        return raw
    return raw.replace("\r\n", "\n").replace("\r", "\n")


def sha256_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _is_rtl_letter(ch: str) -> bool:
    o = ord(ch)
    return (
        0x0590 <= o <= 0x08FF  # Hebrew, Arabic, Syriac, Thaana, NKo, Arabic ext.
        or 0xFB1D <= o <= 0xFDFF  # Hebrew and Arabic presentation forms A
        or 0xFE70 <= o <= 0xFEFF  # Arabic presentation forms B
    ) and ch.isalpha()


def _script_counts(text: str) -> Counter:
    counts: Counter = Counter()
    for ch in text:
        if not ch.isalpha():
            continue
        o = ord(ch)
        if _is_rtl_letter(ch):
            counts["hebrew" if 0x0590 <= o <= 0x05FF or 0xFB1D <= o <= 0xFB4F else "arabic"] += 1
        else:
            counts["ltr"] += 1
    return counts


def detect_direction(text: str) -> Direction:
    counts = _script_counts(text)
    rtl = counts["arabic"] + counts["hebrew"]
    return Direction.RTL if rtl > counts["ltr"] else Direction.LTR


def line_direction(line: str, default: Direction) -> Direction:
    """A line shows right-to-left when it holds any right-to-left letter (a
    mixed line is read right to left), left-to-right when it holds only other
    letters, and in the document's direction when it holds no letters."""
    has_ltr = False
    for ch in line:
        if ch.isalpha():
            if _is_rtl_letter(ch):
                return Direction.RTL
            has_ltr = True
    return Direction.LTR if has_ltr else default


_POLISH_LETTERS = set("ąćęłńśźżĄĆĘŁŃŚŹŻ")
_POLISH_WORDS = {"i", "w", "z", "na", "się", "że", "do", "nie", "jest", "oraz", "dla", "od", "po"}
_ENGLISH_WORDS = {"the", "and", "of", "to", "in", "is", "that", "for", "with", "on", "was"}
_PERSIAN_LETTERS = set("پچژگ")


def detect_language(text: str) -> str:
    """A language code: ``ar``, ``fa``, ``he``, ``pl``, ``en``, or ``und``."""
    counts = _script_counts(text)
    rtl = counts["arabic"] + counts["hebrew"]
    if rtl == 0 and counts["ltr"] == 0:
        return "und"
    if rtl > counts["ltr"]:
        if counts["hebrew"] > counts["arabic"]:
            return "he"
        persian = sum(1 for ch in text if ch in _PERSIAN_LETTERS)
        return "fa" if persian * 50 > counts["arabic"] else "ar"
    words = [w.strip(".,;:!?()\"'«»").lower() for w in text.split()]
    polish = sum(1 for w in words if w in _POLISH_WORDS)
    polish += 3 * sum(1 for ch in text if ch in _POLISH_LETTERS)
    english = sum(1 for w in words if w in _ENGLISH_WORDS)
    if polish > english:
        return "pl"
    if english:
        return "en"
    return "und"
