"""Plain data types shared by every layer."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

GOLD_ANNOTATOR = "gold"
IMPORTED_LAYER = "imported"  # the layer of spans imported without an annotator's name


class Origin(str, Enum):
    MANUAL = "manual"
    SUGGESTED = "suggested"
    IMPORTED = "imported"
    ADJUDICATED = "adjudicated"


class Status(str, Enum):
    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class Direction(str, Enum):
    RTL = "rtl"
    LTR = "ltr"


@dataclass(frozen=True)
class Label:
    key: str
    name: str
    color: str
    shortcut: str = ""
    position: int = 0
    # When the label was added, among the project's (0: not known): a
    # palette colours labels in this order, so moving one keeps every colour.
    added: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Guideline:
    """What a label covers, for annotators: a definition, examples that take
    the label and counter-examples that do not (one phrase each, plain text)."""

    label: str
    definition: str = ""
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()

    def is_empty(self) -> bool:
        return not (self.definition.strip() or self.examples or self.counter_examples)


@dataclass(frozen=True)
class Span:
    """Half-open ``[start, end)`` in code points of the stored text."""

    start: int
    end: int
    label: str
    id: int | None = None
    annotator: str | None = None
    origin: Origin = Origin.MANUAL
    # Why a suggestion was proposed ("date rule", "mention of «...»") and how
    # sure the tool is (0 to 1); kept once it is accepted.
    reason: str = ""
    confidence: float = 1.0
    # The entity the span names, shared by its other mentions in the document
    # and layer (a group id, unique there); None: in no group.
    entity: int | None = None

    @property
    def is_suggestion(self) -> bool:
        return self.origin is Origin.SUGGESTED

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    @property
    def key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.label)


def reading_order(span: Span) -> tuple:
    """The order spans are listed, stacked and kept in: by start, the longer
    first, then by label."""
    return (span.start, -span.end, span.label)


def entity_numbers(spans: Iterable[Span]) -> dict[int, int]:
    """Each entity of a document's spans -> 1, 2, ... in order of first
    mention: what an export writes (a file's own ids mean nothing outside
    it), the same in every format."""
    numbers: dict[int, int] = {}
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.entity is not None:
            numbers.setdefault(span.entity, len(numbers) + 1)
    return numbers


def place_in_order(spans: Sequence[Span], span: Span) -> int:
    """Where ``span`` (that very span, or the one with its id) stands in
    ``spans``, which are in :func:`reading_order`: found by bisection."""
    at = bisect_left(spans, reading_order(span), key=reading_order)
    while spans[at] is not span and spans[at].id != span.id:
        at += 1
    return at


@dataclass
class Document:
    name: str
    text: str
    lang: str
    direction: Direction
    sha256: str
    id: int | None = None
    direction_override: Direction | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def effective_direction(self) -> Direction:
        return self.direction_override or self.direction


@dataclass
class DocumentRecord:
    """A document as a reader hands it over, before it is stored.

    ``source`` and ``line`` say where it came from, for error messages.
    ``annotated`` says the record carries an annotation layer even if it holds
    no span (JSONL ``"spans": []``, a CoNLL file, a brat ``.ann``): whoever
    annotated it looked at the document and found nothing."""

    name: str
    text: str
    spans: list[Span] = field(default_factory=list)
    lang: str | None = None
    annotator: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    source: str = ""
    line: int = 0
    annotated: bool = False
    # 0, or the place of this record among the layers of one source record
    # (a Label Studio task's annotators: 1, 2, ...), which are no repeats.
    layer: int = 0
