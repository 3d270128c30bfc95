"""The pre-annotators the window and ``annotator suggest`` share, each giving
spans that say why they are proposed (shown in the span list) and how sure
the tool is: the date rules, a gazetteer, and the other mentions of the names
an annotator has labelled."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from annotator.core.model import Document, Span
from annotator.suggest.apply import Source
from annotator.suggest.dates import LABEL as DATE_LABEL
from annotator.suggest.dates import suggest_dates
from annotator.suggest.gazetteer import Gazetteer
from annotator.suggest.mentions import find_mentions

DATE_REASON = "date rule"
GAZETTEER_REASON = "gazetteer"


def date_source(label: str = DATE_LABEL) -> Source:
    return Source("date", lambda document: [
        replace(span, reason=DATE_REASON) for span in suggest_dates(document.text, label)])


def gazetteer_source(gazetteer: Gazetteer) -> Source:
    return Source("gazetteer", lambda document: [
        replace(span, reason=GAZETTEER_REASON) for span in gazetteer.find(document.text)])


def mention_spans(document: Document, names: Sequence[tuple[str, str]]) -> list[Span]:
    """Where the labelled ``(surface, label)`` names occur in the document,
    each with the reason and confidence of its match (variants are less sure)."""
    if not names:
        return []
    return [replace(p.span, reason=p.reason, confidence=p.confidence)
            for p in find_mentions(document.text, names, document.lang)]


def mention_source(names: Sequence[tuple[str, str]]) -> Source:
    """The mentions of each name in a document, grouped by name: a name's
    mentions carry one provisional (negative) entity, which
    :func:`~annotator.suggest.apply.apply_suggestions` makes lasting."""
    def find(document: Document) -> list[Span]:
        if not names:
            return []
        return [replace(p.span, reason=p.reason, confidence=p.confidence, entity=-1 - p.name)
                for p in find_mentions(document.text, names, document.lang)]

    return Source("mention", find)


def gazetteer_lines(names: Iterable[tuple[str, str]]) -> str:
    """A gazetteer file's text (``phrase<TAB>LABEL`` a line) for these names;
    a phrase with a tab or a line break in it cannot be written and is left out."""
    lines = ["# phrase<TAB>LABEL, saved from the labels an annotator made or accepted"]
    seen = set()
    for phrase, label in names:
        phrase = phrase.strip()
        if phrase and not any(c in phrase for c in "\t\n\r") and (phrase, label) not in seen:
            seen.add((phrase, label))
            lines.append(f"{phrase}\t{label}")
    return "\n".join(lines) + "\n"


def save_gazetteer(path: str | Path, names: Iterable[tuple[str, str]]) -> int:
    """Write the names as a gazetteer file; how many entries it holds."""
    text = gazetteer_lines(names)
    Path(path).write_text(text, encoding="utf-8")
    return text.count("\n") - 1
