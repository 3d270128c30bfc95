"""The pipeline of every format that writes tagged sentences (CoNLL, HF):
tokens, the spans on them, one span per token (``core.overlaps``), words
split at the edges of the spans written, labels a tag can hold, sentences
and their tags. A writer only says how one document's sentences are written."""

from __future__ import annotations

from annotator.core.model import Document, Span
from annotator.core.tokenize import Token
from annotator.formats.align import align, keep_longest, rename_labels
from annotator.formats.report import ExportReport
from annotator.formats.writing import ExportOptions, SingleFileWriter

TaggedSentence = tuple[list[Token], list[str]]  # tokens and their tags


def tag_document(document: Document, spans: list[Span], options: ExportOptions,
                 report: ExportReport) -> list[TaggedSentence]:
    """The document's sentences with their tags, every change to a span in
    ``report``; no sentence when the document has no token."""
    aligned = align(document.name, document.text, spans, options.clitics, report)
    kept = aligned.settle(keep_longest(aligned, report), report)
    kept = rename_labels(aligned, kept, options.labels, report)
    if not aligned.tokens:
        return []
    return aligned.tagged_sentences(kept, options.scheme, report)


class TaggedSentenceWriter(SingleFileWriter):
    """One file of tagged sentences; subclasses write one document's."""

    def add(self, document: Document, spans: list[Span]) -> None:
        sentences = tag_document(document, spans, self.options, self.report)
        if not sentences:
            self.report.skipped.append(document.name)  # nothing a reader could read back
            return
        self.write_sentences(document, sentences)

    def write_sentences(self, document: Document, sentences: list[TaggedSentence]) -> None:
        raise NotImplementedError
