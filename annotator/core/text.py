"""Text as imported, and what can be told from it: direction and language."""

from __future__ import annotations

import re
from itertools import repeat

from annotator.core.model import Direction

BOM = "\ufeff"


def normalize_with_map(raw: str) -> tuple[str, list[int] | None]:
    """Drop a leading BOM and turn ``\\r\\n`` and lone ``\\r`` into ``\\n``.

    Returns the stored text and, for every index of ``raw`` (and its end), the
    index it lands on in the stored text, so spans given on the raw text still
    cover the same characters; ``None`` when nothing moved (the common case).
    """
    if "\r" not in raw and not raw.startswith(BOM):
        return raw, None
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


def remap_span(mapping: list[int] | None, start: int, end: int) -> tuple[int, int] | None:
    """A span given on a raw text, on its stored text (``mapping`` from
    :func:`normalize_with_map`); None when it covered only the byte-order
    mark that is not stored (:data:`BOM_ONLY` says so to the user)."""
    if mapping is None:
        return start, end
    start, end = mapping[start], mapping[end]
    return (start, end) if start < end else None


BOM_ONLY = "covers only the byte-order mark (U+FEFF) that starts the text, which is not stored"


def normalize_text(raw: str) -> str:
    if raw.startswith(BOM):
        raw = raw[1:]
    if "\r" not in raw:
        return raw
    return raw.replace("\r\n", "\n").replace("\r", "\n")


def sha256_of(text: str) -> str:
    import hashlib  # imports need it, a window's start does not

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# Letters (not marks, digits or punctuation) of the right-to-left scripts, and
# of the left-to-right alphabets (Latin, Greek, Cyrillic). Plain ``re`` with
# explicit ranges: this runs on every imported document.
_RTL_LETTER = re.compile(
    "[\u05D0-\u05EA\u0620-\u064A\u066E-\u06D3\u06D5\u06EE-\u06FF\u0750-\u077F"
    "\u08A0-\u08C9\uFB1D-\uFDFF\uFE70-\uFEFC]")
_HEBREW_LETTER = re.compile("[\u05D0-\u05EA\uFB1D-\uFB4F]")
_LTR_LETTER = re.compile("[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u1E00-\u1EFF]")
# Runs of them: counted by the length of each run, one match per word
# instead of one per letter (this is on every import's hot path).
_RTL_RUN = re.compile(_RTL_LETTER.pattern + "+")
_HEBREW_RUN = re.compile(_HEBREW_LETTER.pattern + "+")
_LTR_RUN = re.compile(_LTR_LETTER.pattern + "+")
# Enough text to tell the script; a long document is not read to the end.
_SAMPLE = 20_000


def _letters(run: re.Pattern, text: str) -> int:
    return sum(map(len, run.findall(text)))


def _script_counts(text: str, exact: bool = True) -> tuple[int, int, int]:
    """Counts of (Arabic-script, Hebrew, left-to-right) letters. Not
    ``exact``: right-to-left letters that outnumber all the other characters
    outnumber the left-to-right ones too, whatever their count, so those are
    not counted (0): an Arabic document is not scanned for them."""
    sample = text[:_SAMPLE]
    rtl = _letters(_RTL_RUN, sample)
    hebrew = _letters(_HEBREW_RUN, sample) if rtl and _may_hold_hebrew(sample) else 0
    ltr = 0 if not exact and rtl * 2 > len(sample) else _letters(_LTR_RUN, sample)
    return rtl - hebrew, hebrew, ltr


def _may_hold_hebrew(sample: str) -> bool:
    """False only when ``sample`` has no Hebrew letter. The first bytes of
    the Hebrew letters in UTF-8 (U+05D0-05EA: D7; the presentation forms
    U+FB1D-FB4F: EF AC, EF AD) are looked for with a byte search, where
    counting Hebrew letters scans every character: an Arabic document, the
    common case, skips that scan."""
    data = sample.encode("utf-8", "surrogatepass")
    return b"\xd7" in data or b"\xef\xac" in data or b"\xef\xad" in data


def detect_direction(text: str) -> Direction:
    arabic, hebrew, ltr = _script_counts(text)
    return _direction_of(arabic + hebrew, ltr)


def _direction_of(rtl: int, ltr: int) -> Direction:
    return Direction.RTL if rtl > ltr else Direction.LTR


def describe(text: str) -> tuple[Direction, str]:
    """Direction and language code, counting the letters once (neither
    answer needs the exact left-to-right count of an Arabic document)."""
    counts = _script_counts(text, exact=False)
    return _direction_of(counts[0] + counts[1], counts[2]), _language_of(text, *counts)


def line_direction(line: str, default: Direction) -> Direction:
    """A line's own direction, as HTML's ``dir=auto`` finds it: that of its
    first letter, so an English or Polish line that ends with an Arabic name
    stays left to right. When the first letter's script holds under a quarter
    of the line's letters (``CNN: قال الرئيس ...``) the majority decides. A
    line without letters (a date, a number) takes the document's direction."""
    first = next((ch for ch in line if ch.isalpha()), None)
    if first is None:
        return default
    rtl = sum(map(len, _RTL_RUN.findall(line)))
    letters = sum(map(str.isalpha, line))  # in C: a document has thousands of lines
    first_is_rtl = _RTL_LETTER.match(first) is not None
    share = rtl if first_is_rtl else letters - rtl
    if share * 4 < letters:
        first_is_rtl = not first_is_rtl
    return Direction.RTL if first_is_rtl else Direction.LTR


_POLISH_LETTERS = re.compile("[ąćęłńśźżĄĆĘŁŃŚŹŻ]")
# Little words each language writes often and its neighbours do not: "na",
# "do", "i" are Portuguese, Catalan or Italian too; "in", "was", "to" German
# or Polish. A text with none of either is "und", not a guess.
_POLISH_WORDS = {"w", "z", "się", "że", "nie", "jest", "oraz", "dla", "od", "przez", "także",
                 "który", "która", "które", "jak"}
_ENGLISH_WORDS = {"the", "and", "of", "that", "is", "for", "with", "are", "this", "from"}
_PERSIAN_LETTERS = "پچژگ"
_WORD_MARKS = ".,;:!?()\"'«»"
_LONG_TEXT_WORDS = 50
_LEAST_SHARE = 0.01  # of a long text's words: its language's little words, at the least


def detect_language(text: str) -> str:
    """A language code: ``ar``, ``fa``, ``he``, ``pl``, ``en``, or ``und``."""
    return _language_of(text, *_script_counts(text))


def _language_of(text: str, arabic: int, hebrew: int, ltr: int) -> str:
    if arabic + hebrew == 0 and ltr == 0:
        return "und"
    if arabic + hebrew > ltr:
        if hebrew > arabic:
            return "he"
        sample = text[:_SAMPLE]
        persian = sum(map(sample.count, _PERSIAN_LETTERS))  # four counts in C: no match objects
        return "fa" if persian * 50 > arabic else "ar"
    text = text[:_SAMPLE]
    # Each word stripped of the marks around it, then in lower case (maps: in C).
    words = list(map(str.lower, map(str.strip, text.split(), repeat(_WORD_MARKS))))
    polish = sum(map(_POLISH_WORDS.__contains__, words))
    if polish or len(words) < _LONG_TEXT_WORDS:
        # Letters alone decide a short text only: a long Polish text has its
        # little words, and a French or German one with a few Polish names
        # (Łódź, Wałęsa) is not Polish.
        polish += 3 * len(_POLISH_LETTERS.findall(text))
    english = sum(map(_ENGLISH_WORDS.__contains__, words))
    if len(words) >= _LONG_TEXT_WORDS:
        # A long text in either language writes these words in every few
        # lines: a handful in thousands of words are quoted titles or names.
        least = len(words) * _LEAST_SHARE
        polish, english = (polish if polish >= least else 0), (english if english >= least else 0)
    if polish > english:
        return "pl"
    if english:
        return "en"
    return "und"
