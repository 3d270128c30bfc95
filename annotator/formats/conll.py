"""CoNLL: one ``token TAG`` line per token, a blank line between sentences,
``-DOCSTART-`` before each document.

Written in IOB2, IOB1 or BIOES; read in any of them (and with extra middle
columns, as in CoNLL-2003). A read document's text is its tokens joined by
single spaces, one sentence per line.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import regex

from annotator.core.model import Document, DocumentRecord, Span
from annotator.core.tagging import OUTSIDE, tags_to_spans
from annotator.core.text import normalize_text
from annotator.core.tokenize import Token
from annotator.formats.declaration import Format
from annotator.formats.options import CLITICS, SCHEME
from annotator.formats.problems import ProblemList
from annotator.formats.tagged import TaggedSentence, TaggedSentenceWriter
from annotator.formats.textfile import read_utf8

EXTENSIONS = (".conll", ".iob", ".bio", ".bioes")
DOCSTART = "-DOCSTART- -X- -X- O"

_COLUMNS = regex.compile(r"[ \t]+")
_TAG = regex.compile(r"[BIESLU]-\S+")


class ConllWriter(TaggedSentenceWriter):
    def write_sentences(self, document: Document, sentences: list[TaggedSentence]) -> None:
        lines = [DOCSTART, ""]
        for tokens, tags in sentences:
            lines.extend(f"{token.text} {tag}" for token, tag in zip(tokens, tags))
            lines.append("")
        self.file.write("\n".join(lines) + "\n")


# -- reading -------------------------------------------------------------------

Row = tuple[str, str]  # token, tag


def read(path: Path, problems: ProblemList) -> Iterator[DocumentRecord]:
    raw = read_utf8(path, problems)
    if raw is None:
        return
    # split("\n"), not splitlines(): the latter also breaks at U+2028, U+001C...
    lines = normalize_text(raw).split("\n")
    sentences: list[list[Row]] = []
    sentence: list[Row] = []
    doc_line = 0  # where the document being read starts
    count = 0
    for number, line in enumerate(lines, start=1):
        content = line.strip(" \t")
        if not content or content.startswith("-DOCSTART-"):
            if sentence:
                sentences.append(sentence)
                sentence = []
            if content:  # a new document
                if sentences:
                    count += 1
                    yield _record(path, count, doc_line, sentences)
                    sentences = []
                doc_line = number
            continue
        parts = _COLUMNS.split(content)
        if len(parts) < 2:
            problems.add(path, number, "expected a token and a tag, separated by a space or a tab")
            continue
        tag = parts[-1]
        if tag != OUTSIDE and not _TAG.fullmatch(tag):
            problems.add(path, number, f"unknown tag {tag!r} (expected O, or B-, I-, E- or S- "
                                       "and a label)")
            continue
        doc_line = doc_line or number
        sentence.append((parts[0], tag))
    if sentence:
        sentences.append(sentence)
    if sentences:
        yield _record(path, count + 1, doc_line, sentences)
    elif not count:
        problems.add(path, 0, "no tokens in this file")


def _record(path: Path, count: int, line: int, sentences: list[list[Row]]) -> DocumentRecord:
    pieces: list[str] = []
    spans: list[Span] = []
    position = 0
    for k, sentence in enumerate(sentences):
        if k:
            pieces.append("\n")
            position += 1
        tokens = []
        for i, (word, _) in enumerate(sentence):
            if i:
                pieces.append(" ")
                position += 1
            tokens.append(Token(position, position + len(word), word))
            pieces.append(word)
            position += len(word)
        spans.extend(Span(s, e, label) for s, e, label in
                     tags_to_spans(tokens, [tag for _, tag in sentence]))
    return DocumentRecord(name=f"{path.stem}-{count}", text="".join(pieces), spans=spans,
                          source=str(path), line=line, annotated=True)


FORMAT = Format("conll", "CoNLL (token per line)", EXTENSIONS, reader=read, writer=ConllWriter,
                write_options=(SCHEME, CLITICS), output_ending=".conll")
