"""The export report: every span an export changed or left out, and why.

An export never drops a span silently: each stored span is either written
as it is, written with an adjustment listed here, or left out and listed here.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from annotator.formats.files import AtomicFile, write_atomic

# What an entry says was done, and whether the span is still in the output.
ACTIONS = {
    "clitic-split": ("written", "a proclitic was split off the word at the span's start"),
    "token-split": ("written", "the word was split at a span edge inside it"),
    "sentence-joined": ("written", "the span crosses a sentence end; those sentences are "
                        "written as one"),
    "ents-overlap": ("written", "in doc.spans['sc'], not in doc.ents, which cannot overlap"),
    "clitic-expand": ("adjusted", "the span was widened to the whole word (clitics expand)"),
    "number-edge": ("adjusted", "the edge fell just after a number's decimal mark; it moved "
                    "before the mark, so both pieces read back as numbers"),
    "trimmed": ("adjusted", "the span was trimmed to the tokens it covers"),
    "overlap": ("left out", "overlaps a span kept in its place (the longest, then the "
                "earliest); tags hold one span per token (CoNLL writes them all with {nesting})"),
    "no-token": ("left out", "covers no token"),
    "out-of-bounds": ("left out", "offsets outside the text"),
    "not-aligned": ("left out", "could not be placed on tokens"),
    "blank": ("left out", "covers only whitespace or line breaks, which the format cannot mark"),
    "label-renamed": ("adjusted", "the label was renamed to a name the format allows"),
}
LEFT_OUT = {action for action, (kind, _) in ACTIONS.items() if kind == "left out"}

# How the summary names the choices it points to: the command line's flags,
# or the export dialog's own controls (``summary_lines(DIALOG_CHOICES)``).
COMMAND_LINE_CHOICES = {
    "nesting": "--nesting columns",
    "done_only": "add --done-only to export only documents marked done",
    "with_suggestions": "accept them, or add --with-suggestions",
}
DIALOG_CHOICES = {
    "nesting": "Nesting: a tag column per nesting level",
    "done_only": "tick \"Only documents marked done\" to export only those",
    "with_suggestions": "accept them in the window to export them",
}


@dataclass(frozen=True)
class ReportEntry:
    document: str
    start: int
    end: int
    label: str
    text: str
    action: str
    detail: str = ""

    def __str__(self) -> str:
        where = f"{self.document}: {self.label} {self.start}-{self.end} {self.text!r}"
        return f"{where}: {self.action}{': ' + self.detail if self.detail else ''}"


@dataclass
class ExportReport:
    format: str
    output: str
    annotator: str | None
    scheme: str | None  # None: the format has no tags
    clitics: str | None  # None: the format has no tokens
    done_only: bool
    with_suggestions: bool = False
    open_suggestions: int = 0  # suggestions neither accepted nor rejected yet
    documents: int = 0
    spans: int = 0
    empty_documents: int = 0
    files: list[str] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)  # file name -> document name
    skipped: list[str] = field(default_factory=list)  # documents with nothing to write
    warnings: list[str] = field(default_factory=list)
    # Gold exports: documents marked settled while disagreements were still
    # open (document name -> how many).
    settled_with_open: dict[str, int] = field(default_factory=dict)
    # ... and those settled without spans every annotator agreed on (how many).
    settled_without_agreed: dict[str, int] = field(default_factory=dict)
    entries: list[ReportEntry] = field(default_factory=list)
    # Spans that name an entity with others, when the format cannot say so.
    entities_not_written: int = 0

    def add(self, document: str, start: int, end: int, label: str, text: str, action: str,
            detail: str = "") -> None:
        if action not in ACTIONS:
            raise ValueError(f"unknown report action {action!r}")
        self.entries.append(ReportEntry(document, start, end, label, text, action, detail))

    @property
    def left_out(self) -> int:
        return sum(1 for e in self.entries if e.action in LEFT_OUT)

    @property
    def written(self) -> int:
        return self.spans - self.left_out

    def counts(self) -> dict[str, int]:
        return dict(sorted(Counter(e.action for e in self.entries).items()))

    def to_dict(self) -> dict:
        data = {k: v for k, v in asdict(self).items() if k != "entries"}
        data.update(spans_written=self.written, spans_left_out=self.left_out,
                    counts=self.counts(), entries=[asdict(e) for e in self.entries])
        return data

    def summary_lines(self, choices: dict[str, str] = COMMAND_LINE_CHOICES) -> list[str]:
        """The summary, naming the choices it points to as ``choices`` says."""
        who = self.annotator or "nobody"
        lines = [f"{self.output}: {self.documents} documents, {self.written} of {self.spans} "
                 f"spans of {who} written as {self.format}"]
        for action, count in self.counts().items():
            kind, meaning = ACTIONS[action]
            lines.append(f"  {count} {action} ({kind}): {meaning.format(**choices)}")
        if self.renamed:
            lines.append(f"  {len(self.renamed)} documents written under safe file names")
        if self.skipped:
            shown = ", ".join(self.skipped[:5]) + (", ..." if len(self.skipped) > 5 else "")
            lines.append(f"  {len(self.skipped)} documents skipped (empty or only whitespace): "
                         f"{shown}")
        if self.settled_with_open:
            lines.append(_documents_line(self.settled_with_open, "{} open", "documents were "
                                         "settled with disagreements still open"))
        if self.settled_without_agreed:
            lines.append(_documents_line(self.settled_without_agreed, "{}", "documents were "
                                         "settled without spans every annotator agreed on"))
        if self.open_suggestions:
            lines.append(f"  {self.open_suggestions} suggestions of {who} still open: "
                         + ("written with the spans" if self.with_suggestions
                            else f"not written ({choices['with_suggestions']})"))
        if self.entities_not_written:
            lines.append(f"  {self.entities_not_written} spans belong to entities (mentions "
                         f"grouped as one); {self.format} cannot carry the grouping, so it is "
                         "not written (jsonl, spacy and brat do)")
        if self.empty_documents:
            lines.append(f"  {self.empty_documents} documents have no spans of {who}"
                         + ("" if self.done_only or self.annotator is None
                            else f" ({choices['done_only']})"))
        return lines

    def write(self, path: Path) -> None:
        write_atomic(path, self._json())

    def prepare(self, path: Path) -> AtomicFile:
        """The report written under its temporary name, to commit once the
        output it describes is in place (or abort with it)."""
        target = AtomicFile(path)
        try:
            target.write(self._json())
            target.flush()
        except BaseException:
            target.abort()
            raise
        return target

    def _json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1) + "\n"


def _documents_line(counts: dict[str, int], each: str, what: str) -> str:
    """``  N documents were ...: a (2 open), b (1 open), ...``: the first five named."""
    shown = ", ".join(f"{name} ({each.format(count)})" for name, count in list(counts.items())[:5])
    more = ", ..." if len(counts) > 5 else ""
    return f"  {len(counts)} {what}: {shown}{more}"
