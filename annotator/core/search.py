"""Find text in a document the way an Arabic reader means it: ignoring
harakat, tatweel and the forms of hamza and alef, and case in Latin text."""

from __future__ import annotations

import unicodedata

from pyarabic import araby

# Marks a reader reads past: harakat, tatweel, the dagger alef and the
# combining maddah and hamzas (the suggesters read past the same ones).
IGNORED_MARKS = frozenset(araby.TASHKEEL) | {araby.TATWEEL, "\u0670", "\u0653", "\u0654", "\u0655"}
# Alef forms fold to bare alef; hamza on waw, on ya and on the line fold to
# one hamza, since spellings differ between them (شؤون / شئون, المسؤول / المسئول);
# alef maqsura folds to ya.
_FOLD = {
    "\u0622": "\u0627", "\u0623": "\u0627", "\u0625": "\u0627", "\u0671": "\u0627",  # آ أ إ ٱ -> ا
    "\u0624": "\u0621", "\u0626": "\u0621",  # ؤ ئ -> ء
    "\u0649": "\u064a",  # ى -> ي
}


def search_key(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index it came from."""
    folded: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        if ch in IGNORED_MARKS or (unicodedata.category(ch) == "Mn" and "\u0600" <= ch <= "\u06ff"):
            continue
        ch = _FOLD.get(ch, ch)
        for piece in ch.casefold():
            folded.append(piece)
            origin.append(index)
    return "".join(folded), origin


class SearchableText:
    """A text folded once (see :func:`search_key`), to find many queries in it."""

    def __init__(self, text: str):
        self.text = text
        self.folded, self.origin = search_key(text)

    def find_all(self, query: str) -> list[tuple[int, int]]:
        """Every match of ``query`` as ``(start, end)`` code-point offsets into the text.

        A match takes the harakat that follow its last letter, so it covers whole
        graphemes."""
        needle, _ = search_key(query)
        if not needle:
            return []
        text, haystack, origin = self.text, self.folded, self.origin
        matches: list[tuple[int, int]] = []
        at = haystack.find(needle)
        while at >= 0:
            start = origin[at]
            end = origin[at + len(needle) - 1] + 1
            while end < len(text) and (text[end] in IGNORED_MARKS or unicodedata.category(text[end]) == "Mn"):
                end += 1
            matches.append((start, end))
            at = haystack.find(needle, at + len(needle))
        return matches


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """Every match of ``query`` in ``text`` (see :meth:`SearchableText.find_all`)."""
    if not search_key(query)[0]:
        return []
    return SearchableText(text).find_all(query)
