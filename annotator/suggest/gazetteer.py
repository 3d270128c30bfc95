"""A gazetteer: known names and their labels, found wherever they occur.

The file is UTF-8 text, one entry a line, ``phrase<TAB>LABEL``; blank lines
and lines starting with ``#`` are ignored. A phrase is found the way Ctrl+F
finds it (ignoring harakat, tatweel, hamza and alef forms, and case in Latin
text; see ``core.search``), only as whole words, except that it may follow an
Arabic proclitic: ``الصين`` is found in ``والصين`` (as ``الصين``) but not in
``الصينية``; after لل the article's alef is not written (``للصين``). Where
matches overlap the longest wins.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from annotator.core.model import Span
from annotator.core.overlaps import keep_longest
from annotator.core.offsets import word_at
from annotator.core.search import SearchableText, search_key
from annotator.core.text import normalize_text
from annotator.core.tokenize import is_proclitic
from annotator.formats.problems import InputError, ProblemList


@dataclass(frozen=True)
class Entry:
    phrase: str
    label: str


@dataclass(frozen=True)
class Gazetteer:
    entries: tuple[Entry, ...]

    def find(self, text: str) -> list[Span]:
        """Every whole-word occurrence of every phrase, by position, without overlaps."""
        searchable = SearchableText(text)
        found = []
        for entry in self.entries:
            for start, end in searchable.find_all(entry.phrase):
                if _stands_alone(text, start, end):
                    found.append(Span(start, end, entry.label))
            # لل is ل + ال: للصين holds الصين without its alef. The span starts
            # at the article's ل, as a mention's does.
            bare = _without_articles_alef(entry.phrase)
            if bare is not None:
                for start, end in searchable.find_all(bare):
                    if start and text[start - 1] == _LAM and _stands_alone(text, start, end):
                        found.append(Span(start, end, entry.label))
        return keep_longest(found)


_LAM = "\u0644"
_ALEFS = "\u0627\u0623\u0625\u0622"
# The rest of a word after a proclitic must be a name of its own, not the
# tail of another word: و alone is no name inside لو, nor اب (Ibb) inside
# باب (a door), the commonest words being of two or three letters.
_MIN_AFTER_PROCLITIC = 3


def _without_articles_alef(phrase: str) -> str | None:
    """``الصين`` -> ``لصين`` (the article's alef left out), else None."""
    if len(phrase) > 2 and phrase[0] in _ALEFS and phrase[1] == _LAM:
        return phrase[1:]
    return None


def _stands_alone(text: str, start: int, end: int) -> bool:
    """``[start, end)`` begins a word (or follows a proclitic) and ends one."""
    word = word_at(text, start)
    if word is not None and word[0] < start and (
            not is_proclitic(text[word[0]:start]) or end - start < _MIN_AFTER_PROCLITIC):
        return False
    word = word_at(text, end) if end < len(text) else None
    return word is None or word[0] >= end


def read_gazetteer(path: str | Path, labels: Iterable[str]) -> Gazetteer:
    """The entries of the file at ``path``; every bad line is a problem
    (``FILE:LINE: ...``), raised together as :class:`InputError`."""
    path = Path(path)
    problems = ProblemList()
    try:
        data = path.read_bytes()
    except OSError as error:
        problems.add(path, 0, error.strerror or str(error))
        raise InputError(problems) from None
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as error:
        problems.add(path, data.count(b"\n", 0, error.start) + 1, "not UTF-8 text")
        raise InputError(problems) from None
    return parse_gazetteer(normalize_text(raw), labels, path)


def parse_gazetteer(text: str, labels: Iterable[str], source: object = "gazetteer") -> Gazetteer:
    labels = list(labels)
    problems = ProblemList()
    entries: dict[str, Entry] = {}  # by the phrase as it is searched
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if "\t" not in line:
            problems.add(source, number, "no tab between the phrase and its label "
                         "(expected phrase<TAB>LABEL)")
            continue
        phrase, label = (part.strip() for part in line.split("\t", 1))
        if not phrase:
            problems.add(source, number, "the phrase is empty")
            continue
        if label not in labels:
            problems.add(source, number, f"label {label!r} is not one of the project's labels "
                         f"({', '.join(labels)})")
            continue
        key, _ = search_key(phrase)
        if not key:
            problems.add(source, number, f"the phrase {phrase!r} has no letters to find")
            continue
        earlier = entries.get(key)
        if earlier is not None and earlier.label != label:
            problems.add(source, number, f"{phrase!r} is given the label {earlier.label} "
                         f"on an earlier line and {label} here")
            continue
        entries.setdefault(key, Entry(phrase, label))
    if problems:
        raise InputError(problems)
    return Gazetteer(tuple(entries.values()))
