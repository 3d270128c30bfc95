"""spaCy: a ``.spacy`` DocBin with one Doc per document (spaCy is an optional
extra: ``pip install 'annotator[spacy]'``).

Each Doc is built from the exporter's own tokens (see ``align``), with extra
whitespace kept as whitespace tokens and each run of invisible marks (which
the tokenizer passes over) a token of its own, so ``doc.text`` is the stored
text and every span sits on token boundaries. ``doc.ents`` cannot overlap, so:

- ``doc.spans["sc"]`` holds every span (what spaCy's ``spancat`` trains on);
- ``doc.ents`` holds the non-overlapping ones, the longest winning as in
  CoNLL (what ``ner`` trains on); the others are listed in the report.

Spans that name one entity (a label and its other mentions) are also a span
group of their own, ``doc.spans["coref_clusters_1"]``, ``..._2``, ... in order
of first mention: the shape spaCy's coreference component trains on.

Sentence starts follow ``split_sentences``; ``doc.user_data["name"]`` is the
document's name.
"""

from __future__ import annotations

import re
from pathlib import Path

from annotator.core.model import Document, Span, entity_numbers
from annotator.core.tokenize import INVISIBLE, PRETOKENIZED, Tokens
from annotator.formats.align import align, keep_longest
from annotator.formats.declaration import Format
from annotator.formats.options import CLITICS
from annotator.formats.report import ExportReport
from annotator.formats.writing import ExportError, ExportOptions, SingleFileWriter

SPAN_KEY = "sc"
ENTITY_KEY = "coref_clusters_"  # + 1, 2, ...: one span group per entity


class SpacyWriter(SingleFileWriter):
    binary = True

    def __init__(self, out: Path, options: ExportOptions, report: ExportReport):
        try:
            from spacy.tokens import Doc, DocBin
            from spacy.vocab import Vocab
        except ImportError as error:
            raise ExportError("the spacy format needs spaCy: pip install 'annotator[spacy]'") from error
        super().__init__(out, options, report)
        self.Doc = Doc
        self.vocab = Vocab()
        self.docs = DocBin(store_user_data=True)

    def add(self, document: Document, spans: list[Span]) -> None:
        aligned = align(document.name, document.text, spans, self.options.clitics, self.report,
                        pretokenized=bool(document.meta.get(PRETOKENIZED)))
        # Every span is written (in doc.spans), so every span splits words.
        aligned.spans = aligned.settle(aligned.spans, self.report)
        sentence_starts = {aligned.tokens.starts[a]
                           for a, _ in aligned.sentence_ranges(aligned.spans, self.report)}
        words, spaces, starts = _words(document.text, aligned.tokens, sentence_starts)
        doc = self.Doc(self.vocab, words=words, spaces=spaces, sent_starts=starts or None)
        doc.user_data["name"] = document.name
        group = []
        clusters: dict[int, list] = {}  # entity -> its spans
        for placed in aligned.spans:
            span = doc.char_span(placed.start, placed.end, label=placed.label)
            if span is None:  # cannot happen with our tokens; never drop silently
                self.report.add(document.name, placed.original.start, placed.original.end,
                                placed.label, document.text[placed.original.start:placed.original.end],
                                "not-aligned", "spaCy found no tokens at these offsets")
                continue
            group.append(span)
            if placed.original.entity is not None:
                clusters.setdefault(placed.original.entity, []).append(span)
        doc.spans[SPAN_KEY] = group
        # Numbered as the JSONL export numbers them, by first mention.
        numbers = entity_numbers(p.original for p in aligned.spans)
        for entity, members in sorted(clusters.items(), key=lambda item: numbers[item[0]]):
            doc.spans[f"{ENTITY_KEY}{numbers[entity]}"] = members
        kept = keep_longest(aligned, self.report, action="ents-overlap")
        doc.ents = [doc.char_span(p.start, p.end, label=p.label) for p in kept]
        self.docs.add(doc)

    def finish(self) -> list[Path]:
        self.file.write(self.docs.to_bytes())
        return super().finish()


# A gap between tokens in spaCy's words: whitespace tokens, and runs of
# invisible marks, which are no whitespace to spaCy (a word of them and spaces
# would be a token of its own, neither space nor word).
_GAP_PIECES = re.compile(f"[{INVISIBLE}]+|[^{INVISIBLE}]+")


def _words(text: str, tokens: Tokens, sentence_starts: set[int]):
    """spaCy's words, trailing-space flags and sentence starts for ``text``:
    one space after a token is its flag, any other whitespace a token."""
    words: list[str] = []
    spaces: list[bool] = []
    starts: list[bool] = []

    def gap(blank: str) -> None:
        for piece in _GAP_PIECES.findall(blank):
            if words and not spaces[-1] and piece[0] == " ":
                spaces[-1] = True
                piece = piece[1:]
            if piece:
                words.append(piece)
                spaces.append(False)
                starts.append(not starts)

    position = 0
    for start, end, word in zip(tokens.starts, tokens.ends, tokens.texts):
        gap(text[position:start])
        words.append(word)
        spaces.append(False)
        starts.append(start in sentence_starts or not starts)
        position = end
    gap(text[position:])
    if len(words) > 1 and not words[0].strip():
        starts[1] = False  # leading whitespace opens the first sentence
    return words, spaces, starts


FORMAT = Format("spacy", "spaCy DocBin", writer=SpacyWriter, write_options=(CLITICS,),
                output_ending=".spacy", entities=True)
