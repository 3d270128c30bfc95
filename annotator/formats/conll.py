"""CoNLL: one ``token TAG`` line per token, a blank line between sentences,
``-DOCSTART-`` before each document. With ``--nesting columns`` a line has a
tag per nesting level, outer first (``جامعة I-ORG B-ORG``, the Wojood
convention), so that overlapping spans are all written.

Written in IOB2, IOB1 or BIOES; read in any of them. Which columns hold the
token and the tags is detected, or given with ``--columns`` (see
:mod:`conll_layout`: index columns, CoNLL-2003's POS and chunk columns,
nesting levels; ambiguous files are refused). A read document's text is its
tokens joined by single spaces, one sentence per line.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import regex

from annotator.core.model import Document, DocumentRecord, Span
from annotator.core.tagging import OUTSIDE, tags_to_spans
from annotator.core.text import normalize_text
from annotator.core.tokenize import PRETOKENIZED, Token
from annotator.formats.conll_layout import Layout, LayoutError, Row, detect, is_tag
from annotator.formats.declaration import Format
from annotator.formats.options import CLITICS, COLUMNS, NESTING, SCHEME
from annotator.formats.problems import ProblemList
from annotator.formats.reading import note
from annotator.formats.report import ExportReport
from annotator.formats.tagged import TaggedDocument, TaggedSentenceWriter
from annotator.formats.textfile import read_utf8
from annotator.formats.writing import ExportOptions

EXTENSIONS = (".conll", ".conllu", ".conllx", ".iob", ".bio", ".bioes")
# The document separator exactly as spaCy's ``spacy convert -c ner`` looks for it
# (it splits documents only at this line); readers of CoNLL-2003 (Hugging Face's
# conll2003 script, flair's ColumnCorpus, seqeval users) skip any line that
# starts with -DOCSTART-.
DOCSTART = "-DOCSTART- -X- O O"

_COLUMNS = regex.compile(r"[ \t]+")
# More tokens than any real sentence has: a file without sentence breaks.
LONG_SENTENCE = 1000


class ConllWriter(TaggedSentenceWriter):
    def __init__(self, out: Path, options: ExportOptions, report: ExportReport):
        super().__init__(out, options, report)
        self._line_endings = _LineEndings()

    def nested(self) -> bool:
        return self.options.values.get(NESTING.name) == "columns"

    def write_document(self, document: Document, tagged: TaggedDocument) -> None:
        words = tagged.tokens.texts
        if len(tagged.levels) == 1:
            # Word, then " TAG\n": the tags are few, so each line's end is
            # made once per tag rather than once per token.
            endings = self._line_endings
            ends = list(map(endings.__getitem__, tagged.levels[0]))
        else:
            ends = [" " + " ".join(_trimmed(list(tags))) + "\n" for tags in zip(*tagged.levels)]
        for _, end in tagged.sentences:
            ends[end - 1] += "\n"  # a blank line after each sentence
        pieces = [""] * (2 * len(words))
        pieces[0::2] = words
        pieces[1::2] = ends
        self.file.write(f"{DOCSTART}\n\n{''.join(pieces)}")


class _LineEndings(dict):
    """A tag's line ending, `` TAG\n``, made when first met."""

    def __missing__(self, tag: str) -> str:
        self[tag] = ending = f" {tag}\n"
        return ending


def _trimmed(tags: list[str]) -> list[str]:
    """A token's tags, outer level first, without the O of the levels below
    its innermost entity: as many tag columns as the line needs (Wojood's
    way, which the reader takes: see ``conll_layout``)."""
    while len(tags) > 1 and tags[-1] == OUTSIDE:
        tags = tags[:-1]
    return tags


# -- reading -------------------------------------------------------------------

# -DOCSTART- (CoNLL-2003, with or without its columns), #DOCSTART, CoNLL-U's # newdoc.
_DOCUMENT = regex.compile(r"-DOCSTART-|#\s*-?DOCSTART-?|#\s*newdoc\b")
# CoNLL-U multiword ranges (1-2) and empty nodes (1.1): their words have lines of their own.
_NOT_A_WORD = regex.compile(r"\d+[-.]\d+")


def read(path: Path, problems: ProblemList,
         columns: Layout | None = None) -> Iterator[DocumentRecord]:
    raw = read_utf8(path, problems)
    if raw is None:
        return
    yield from read_text(path, normalize_text(raw), problems, columns)


def read_text(path: Path, text: str, problems: ProblemList,
              columns: Layout | None = None) -> Iterator[DocumentRecord]:
    """Documents of token-per-line ``text``: its layout given (``columns``,
    the ``--columns`` option) or detected (see :mod:`conll_layout`), else a
    problem and nothing."""
    # split("\n"), not splitlines(): the latter also breaks at U+2028, U+001C...
    split = text.split("\n")
    lines = _classify(split)
    marks = sum(line.strip(" \t") != line.strip(" \t\ufeff") for line in split if "\ufeff" in line)
    if marks:
        note(problems, path, 0, f"{marks} byte-order marks (U+FEFF, invisible) inside the file "
                                "passed over: files joined end to end leave them")
    rows = [row for kind, row in lines if kind == "data"]
    if not rows:
        problems.add(path, 0, "no tokens in this file")
        return
    layout = columns or _detected(path, rows, problems)
    if layout is None:
        return
    documents: list[tuple[int, list[list[tuple[str, list[str]]]]]] = []
    sentence: list[tuple[str, list[str]]] = []
    skipped_words = 0
    spaced_tokens: list[int] = []  # the lines of tokens holding whitespace
    new_document = True
    document_line = 0  # its -DOCSTART- line, else its first token's
    # Entities start with B- (or S-): an I- that continues nothing is then a
    # level out of place, not IOB1's way of starting an entity. IOB1 writes
    # B- too, between two entities of a label that touch; its entities of the
    # first tag column beginning with I- tell it apart.
    begins = (any(p.startswith(("B-", "S-")) for r in rows for p in r.parts[1:])
              and not _first_level_begins_inside(rows, layout))
    for kind, row in lines:
        if kind == "comment" and layout.index is None and _fits(layout, row.parts):
            kind = "data"  # a token that starts with # (a hashtag)
        if kind == "data" and layout.index is not None and _NOT_A_WORD.fullmatch(row.parts[0]):
            skipped_words += 1
            continue
        if kind in ("blank", "document") and sentence:
            documents[-1][1].append(sentence)
            sentence = []
        if kind == "document":
            new_document = True
            document_line = row.line
        if kind != "data":
            continue
        if layout.width and len(row.parts) != layout.width:
            problems.add(path, row.line, f"expected {layout.width} columns like the other lines "
                                         f"({layout.describe()}), found {len(row.parts)}")
            continue
        if len(row.parts) < layout.min_columns():
            problems.add(path, row.line, f"expected {layout.min_columns()} columns "
                                         f"({layout.describe()}), found {len(row.parts)}"
                         if layout.min_columns() > 2 else
                         "expected a token and a tag, separated by a space or a tab")
            continue
        tags = layout.tag_values(row.parts)
        bad = next((tag for tag in tags if not is_tag(tag)), None)
        if bad is not None:
            problems.add(path, row.line, f"unknown tag {bad!r} (expected O, or B-, I-, E- or S- "
                                         "and a label)")
            continue
        misplaced = (_misplaced_level(tags, sentence[-1][1] if sentence else None)
                     if begins else None)
        if misplaced is not None:
            problems.add(path, row.line, f"{tags[misplaced]} in column "
                                         f"{_column(layout, misplaced) + 1} continues no entity of "
                                         "the line before in that column, though one of that "
                                         "label is there in another: nesting levels must be "
                                         "outer first, one column per level")
            continue
        if new_document:
            documents.append((document_line or row.line, []))
            document_line = 0
            new_document = False
        token = row.parts[layout.token]
        if any(c.isspace() for c in token):
            spaced_tokens.append(row.line)
        sentence.append((token, tags))
    if sentence:
        documents[-1][1].append(sentence)
    if layout not in (Layout(0, (1,)), Layout(0, (1,), width=2)):
        note(problems, path, 0, f"read as CoNLL with the {layout.describe()}")
    if skipped_words:
        note(problems, path, 0, f"{skipped_words} multiword-range or empty-node lines (1-2, 1.1) "
                                "skipped: their words are read from the lines that follow")
    if spaced_tokens:
        # The text is the tokens joined by spaces: a space inside one is a
        # token edge to every token export, and rows no longer line up.
        note(problems, path, 0, f"{len(spaced_tokens)} tokens hold a space (the first at line "
                                f"{spaced_tokens[0]}): the text keeps it, but token exports split "
                                "such a token in two there")
    longest = max((len(sentence) for _, sentences in documents for sentence in sentences),
                  default=0)
    if longest > LONG_SENTENCE:
        # ANERcorp has no blank line at all: one sentence, one Hugging Face
        # row, that a model truncating at 512 tokens would mostly never see.
        note(problems, path, 0, f"a sentence of {longest:,} tokens (no blank line between "
                                "sentences?): token exports keep the file's sentences, so it "
                                "stays one sentence, one Hugging Face row")
    for count, (line, sentences) in enumerate(documents, start=1):
        yield _record(path, count, line, sentences)


def _classify(lines: list[str]) -> list[tuple[str, Row]]:
    """Each line as blank, document (separator), comment or data, with its columns."""
    tabbed = all("\t" in line for line in lines if line.strip() and not line.startswith("#"))
    out: list[tuple[str, Row]] = []
    sentence = 0
    for number, line in enumerate(lines, start=1):
        content = line.strip(" \t\ufeff")  # a byte-order mark is no token (files joined)
        parts = ([p.strip(" ") for p in content.split("\t")] if tabbed
                 else _COLUMNS.split(content)) if content else []
        if not content:
            kind = "blank"
        elif _DOCUMENT.match(content):
            kind = "document"
        elif content.startswith("#"):
            kind = "comment"
        else:
            kind = "data"
        if kind != "data":
            sentence += 1
        out.append((kind, Row(number, parts, sentence)))
    return out


def _detected(path: Path, rows: list[Row], problems: ProblemList) -> Layout | None:
    try:
        candidates = [r for r in rows if not _NOT_A_WORD.fullmatch(r.parts[0])]
        return detect(candidates or rows)
    except LayoutError as error:
        problems.add(path, getattr(error, "line", 0), str(error))
        return None


def _first_level_begins_inside(rows: list[Row], layout: Layout) -> bool:
    """IOB1's mark: an entity of the first tag column that begins with I-
    (the line before, in the same sentence, has no entity of its label there)."""
    before, sentence = None, None
    for row in rows:
        if len(row.parts) < layout.min_columns():
            continue
        tag = layout.tag_values(row.parts)[0]
        if tag.startswith("I-") and (row.sentence != sentence or before != tag[2:]):
            return True
        before, sentence = (None if tag == OUTSIDE else tag[2:]), row.sentence
    return False


def _misplaced_level(tags: list[str], before: list[str] | None) -> int | None:
    """The level whose I-/E- tag continues an entity the line before has at
    another level only (levels written in another order), or None."""
    if before is None or len(tags) < 2:
        return None
    for level, tag in enumerate(tags):
        if tag[:2] in ("I-", "E-", "L-"):
            label = tag[2:]
            same = before[level][2:] if level < len(before) and before[level] != OUTSIDE else None
            if same != label and any(t[2:] == label for t in before if t != OUTSIDE):
                return level
    return None


def _column(layout: Layout, level: int) -> int:
    return layout.tags[0] + level if layout.tags_to_end else layout.tags[level]


def _fits(layout: Layout, parts: list[str]) -> bool:
    return len(parts) >= layout.min_columns() and all(is_tag(t) for t in layout.tag_values(parts))


def _record(path: Path, count: int, line: int,
            sentences: list[list[tuple[str, list[str]]]]) -> DocumentRecord:
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
        levels = max(len(tags) for _, tags in sentence)
        for level in range(levels):  # nesting levels, outer first: each its own spans
            level_tags = [tags[level] if level < len(tags) else OUTSIDE for _, tags in sentence]
            spans.extend(Span(s, e, label) for s, e, label in tags_to_spans(tokens, level_tags))
    # Its tokens and sentences are the file's: token exports keep them.
    return DocumentRecord(name=f"{path.stem}-{count}", text="".join(pieces), spans=spans,
                          meta={PRETOKENIZED: True}, source=str(path), line=line,
                          annotated=True)


FORMAT = Format("conll", "CoNLL (token per line)", EXTENSIONS, reader=read, writer=ConllWriter,
                read_options=(COLUMNS,), write_options=(SCHEME, CLITICS, NESTING),
                output_ending=".conll")
