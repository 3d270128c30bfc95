"""The short forms news uses after a full name (issue: names as news writes
them): a person's family name (Tokajew after Kassym-Jomart Tokajew), the
first word of a Chinese name, where the surname comes first (شي after
شي جين بينغ, Xi after Xi Jinping), and an organization's acronym given in
brackets after its name (KPCh after Komunistyczna Partia Chin (KPCh)).
"""

from __future__ import annotations

import regex

from annotator.suggest.inflection import is_common_word

PERSON = "PERSON"
# Named initiatives take an acronym the same way (Inicjatywa Pasa i Szlaku (BRI)).
ACRONYM_LABELS = frozenset({"ORG", "INITIATIVE"})

# Pinyin syllables, to tell a Chinese name in Latin script (Xi Jinping,
# Wang Yi) from others: the closed set of initials and finals.
_PINYIN_SYLLABLE = (r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
                    r"(?:iang|iong|uang|iao|ian|uai|uan|ang|eng|ing|ong|ai|ei|ui|ao|ou|iu|ie"
                    r"|ue|üe|er|an|en|in|un|ün|ia|ua|uo|a|o|e|i|u|ü)")
_ONE_SYLLABLE = regex.compile(rf"{_PINYIN_SYLLABLE}", regex.IGNORECASE)
_SYLLABLES = regex.compile(rf"(?:{_PINYIN_SYLLABLE}){{1,3}}", regex.IGNORECASE)
_ARABIC = regex.compile(r"\p{Arabic}")
_MARKS = regex.compile(r"[\p{M}\u0640]")
# Chinese names in Arabic are written a syllable a word: شي جين بينغ, وانغ يي.
_ARABIC_SYLLABLE_LETTERS = 5
_ARABIC_SURNAME_LETTERS = 4

# An acronym in brackets right after a name: (KPCh), (سيكا).
_BRACKETED = regex.compile(r"[ \t\u00a0]*\(\s*(?P<acronym>[\p{L}\p{M}\u0640][\p{L}\p{M}\p{N}\u0640.]{1,9})\s*\)")
_REACH = 40
_LATIN_ACRONYM = regex.compile(r"(?=(?:\w*\p{Lu}){2})\p{Lu}[\p{L}.]{1,9}")


def _parts(surface: str) -> list[str]:
    """The words of a full name as written, a hyphenated given name as one."""
    return surface.split()


def is_chinese_name(parts: list[str]) -> bool:
    if not 2 <= len(parts) <= 3:
        return False
    if all(_ARABIC.search(p) for p in parts):
        letters = [len(_MARKS.sub("", p)) for p in parts]
        return letters[0] <= _ARABIC_SURNAME_LETTERS and max(letters) <= _ARABIC_SYLLABLE_LETTERS
    return (_ONE_SYLLABLE.fullmatch(parts[0]) is not None
            and all(_SYLLABLES.fullmatch(p) for p in parts))


def short_name(surface: str, label: str) -> str | None:
    """The short form of a multi-word person's name, or None."""
    if label != PERSON:
        return None
    parts = _parts(surface)
    if len(parts) < 2:
        return None
    return parts[0] if is_chinese_name(parts) else parts[-1]


def acronym_after(text: str, end: int) -> tuple[str, int] | None:
    """The acronym in brackets right after a name ending at ``end``, and where
    it starts."""
    # Matched on a short slice: a pattern run at an offset of a long text
    # costs in proportion to the text.
    match = _BRACKETED.match(text[end:end + _REACH])
    if match is None:
        return None
    acronym = match.group("acronym")
    if not _ARABIC.search(acronym) and _LATIN_ACRONYM.fullmatch(acronym) is None:
        return None
    return acronym, end + match.start("acronym")


def abbreviates(acronym: str, name: str, before: str) -> bool:
    """Whether a bracketed acronym after a name stands for it. Not when the
    name ends a longer name (a capitalized word ``before`` it) whose first
    letter the acronym has and the name has not: KPCh after «Komunistyczna
    Partia Chin» is the party's, not a short form of Chiny. An acronym of
    another language (BRI after «Inicjatywa Pasa i Drogi») still is."""
    words = before.split()
    if not words or not words[-1][:1].isupper() or not acronym[:1].isascii():
        return True
    return acronym[:1].casefold() == name[:1].casefold()


def needs_context(short: str, lang: str) -> bool:
    """A short form that is also a dictionary word is proposed only where
    the context makes it a name."""
    return is_common_word(short, lang) or is_common_word(short.lower(), lang)
