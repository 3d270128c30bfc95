"""The pipeline of every format that writes tagged sentences (CoNLL, HF):
tokens, the spans on them, one span per token (``core.overlaps``), or with
``nested`` every span on a nesting level of its own, words split at the
edges of the spans written, labels a tag can hold, sentences and their tags.
A writer only says how one document's sentences are written."""

from __future__ import annotations

from typing import NamedTuple

from annotator.core.model import Document, Span
from annotator.core.tokenize import PRETOKENIZED, Tokens
from annotator.formats.align import align, keep_longest, nesting_levels, rename_labels
from annotator.formats.report import ExportReport
from annotator.formats.writing import ExportOptions, SingleFileWriter


class TaggedDocument(NamedTuple):
    tokens: Tokens
    sentences: list[tuple[int, int]]  # each sentence's first token and the token after its last
    levels: list[list[str]]  # one tag per token on each level, outer first; at least one

    @property
    def tags(self) -> list[str]:
        """The tags of the outer level (the only one unless ``nested``)."""
        return self.levels[0]


def tag_document(document: Document, spans: list[Span], options: ExportOptions,
                 report: ExportReport, nested: bool = False) -> TaggedDocument | None:
    """The document's tokens, sentences and tags, every change to a span in
    ``report``; None when the document has no token. With ``nested``
    overlapping spans are all written, each level's tags of their own;
    without, one level of non-overlapping spans, the others reported."""
    aligned = align(document.name, document.text, spans, options.clitics, report,
                    pretokenized=bool(document.meta.get(PRETOKENIZED)))
    if nested:
        settled = aligned.settle(aligned.spans, report)
    else:
        settled = aligned.settle(keep_longest(aligned, report), report)
    kept = rename_labels(aligned, settled, options.labels, report)
    if not aligned.tokens:
        return None
    levels = nesting_levels(kept) if nested else [kept]
    sentences, tags = aligned.tag_levels(levels, options.scheme, report)
    return TaggedDocument(aligned.tokens, sentences, tags)


class TaggedSentenceWriter(SingleFileWriter):
    """One file of tagged sentences; subclasses write one document's."""

    def nested(self) -> bool:
        """Whether nesting levels are written (else one span per token)."""
        return False

    def add(self, document: Document, spans: list[Span]) -> None:
        tagged = tag_document(document, spans, self.options, self.report, self.nested())
        if tagged is None:
            self.report.skipped.append(document.name)  # nothing a reader could read back
            return
        self.write_document(document, tagged)

    def write_document(self, document: Document, tagged: TaggedDocument) -> None:
        raise NotImplementedError
