"""brat standoff: ``NAME.txt`` holds the text, ``NAME.ann`` one line per entity,
``T1<TAB>LABEL START END<TAB>span text``, offsets in code points.

A span across a line break is written as brat's discontinuous fragments
(``START END;START END``), since brat shows no entity over a line break; it is
read back as one span from the first fragment's start to the last one's end.
Fragments with words between them (``T1 Location 0 5;16 23 North America``
over "North and South America") are never widened over the gap: each becomes
a span of its own, with a note.
Overlapping spans are all written, and ``annotation.conf`` allows them.

Spans that name one entity (a label and its other mentions) are tied by an
equivalence line, ``*<TAB>Equiv T1 T3 T4``, and read back as one entity.

Relations, events, attributes, normalizations, notes and other equivalences
(R, E, A, M, N, # and * lines) are not spans; each file's count of them is
noted in the import summary.
"""

from __future__ import annotations

import glob
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

from collections import Counter
from dataclasses import replace

import regex

from annotator.core.model import Document, DocumentRecord, Span
from annotator.core.offsets import SpanBoundsError, check_bounds
from annotator.core.text import BOM_ONLY, normalize_text, normalize_with_map, remap_span
from annotator.formats.declaration import Format
from annotator.formats.problems import ProblemList
from annotator.formats.reading import note
from annotator.formats.report import ExportReport
from annotator.formats.textfile import read_utf8
from annotator.formats.files import process_alive, temporary_name
from annotator.formats.writing import (ExportError, ExportOptions, Writer, output_target,
                                       safe_file_name, write_atomic)

EXTENSIONS = (".ann",)

_ENTITY = regex.compile(r"(T[^\t]*)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t?(.*)")
EQUIV = "Equiv"  # the relation type of an equivalence line that groups one entity's spans
_EQUIV = regex.compile(rf"\*[^\t]*\t{EQUIV}((?: T\S*)+)\s*")
_TYPE_UNSAFE = regex.compile(r"[^\w.\-]")


class BratWriter(Writer):
    """Writes the folder ``out`` afresh: into a temporary folder beside it,
    which replaces ``out`` as a whole when complete, so no document of an
    earlier export stays behind. A folder that holds anything but an earlier
    export's files is refused."""

    def __init__(self, out: Path, options: ExportOptions, report: ExportReport):
        out = output_target(out, folder=True)  # a link to a folder: its target
        _recover_hidden(out)
        check_replaceable(out)
        super().__init__(out, options, report)
        self.final = out
        self.out = temporary_name(out)
        if self.out.exists():
            shutil.rmtree(self.out)
        self.out.mkdir()
        self.taken: set[str] = set()  # lower case: some file systems ignore case
        self.types: set[str] = set()
        self.type_of: dict[str, str] = {}  # label -> the brat type written for it

    def add(self, document: Document, spans: list[Span]) -> None:
        text = document.text
        if not text.strip():
            # brat's tools, and this reader, take no empty .txt: skipped and
            # reported, as the token formats do, where the folder could not
            # be imported again.
            for span in spans:
                self.report.add(document.name, span.start, span.end, span.label,
                                text[span.start:span.end], "blank", "only whitespace")
            self.report.skipped.append(document.name)
            return
        name = self._file_name(document.name)
        lines = []
        clusters: dict[int, list[str]] = {}  # entity -> its T ids
        for span in spans:
            label = self._type(span.label)
            fragments = _fragments(text, span.start, span.end)
            if not fragments:
                self.report.add(document.name, span.start, span.end, span.label,
                                text[span.start:span.end], "blank", "only line breaks")
                continue
            if label != span.label:
                self.report.add(document.name, span.start, span.end, span.label,
                                text[span.start:span.end], "label-renamed", f"written as {label}")
            start, end = fragments[0][0], fragments[-1][1]
            if (start, end) != (span.start, span.end):
                self.report.add(document.name, span.start, span.end, span.label,
                                text[span.start:span.end], "trimmed",
                                f"now {start}-{end}: brat fragments hold no line break")
            self.types.add(label)
            offsets = ";".join(f"{a} {b}" for a, b in fragments)
            shown = " ".join(text[a:b] for a, b in fragments).replace("\t", " ")
            lines.append(f"T{len(lines) + 1}\t{label} {offsets}\t{shown}\n")
            if span.entity is not None:
                clusters.setdefault(span.entity, []).append(f"T{len(lines)}")
        lines += [f"*\t{EQUIV} {' '.join(ids)}\n" for ids in clusters.values() if len(ids) > 1]
        write_atomic(self.out / f"{name}.txt", text)
        write_atomic(self.out / f"{name}.ann", "".join(lines))

    def _type(self, label: str) -> str:
        """The brat type of ``label``: itself, or with each character brat's
        types cannot hold as ``_`` and more ``_`` at the end while the name is
        another label's (``New Label`` beside ``New_Label``: never one type)."""
        if label not in self.type_of:
            safe = _TYPE_UNSAFE.sub("_", label)
            if safe != label:
                others = set(self.options.labels) | set(self.type_of.values())
                while safe in others:
                    safe += "_"
            self.type_of[label] = safe
        return self.type_of[label]

    def _file_name(self, document_name: str) -> str:
        base = safe_file_name(document_name)
        name, n = base, 1
        while name.lower() in self.taken:
            n += 1
            name = f"{base}-{n}"
        self.taken.add(name.lower())
        if name != document_name:
            self.report.renamed[name] = document_name  # file names are unique, names may not be
        return name

    def finish(self) -> list[Path]:
        conf = [EXPORT_MARK, "[entities]", *sorted(self.types), "", "[relations]",
                "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>",
                f"{EQUIV}\tArg1:<ENTITY>, Arg2:<ENTITY>, <REL-TYPE>:symmetric-transitive", "",
                "[events]", "", "[attributes]", ""]
        write_atomic(self.out / "annotation.conf", "\n".join(conf))
        if self.final.exists():
            old = self.final.with_name(f".{self.final.name}.{os.getpid()}.old")
            os.replace(self.final, old)
            os.replace(self.out, self.final)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(self.out, self.final)
        return [self.final]

    def abort(self) -> None:
        shutil.rmtree(self.out, ignore_errors=True)


# The first line of the annotation.conf an export writes (brat reads # as a
# comment): a folder is replaced only when it carries this mark, so a brat
# corpus made by hand or by another tool is never overwritten.
EXPORT_MARK = "# written by annotator export; the whole folder is replaced by the next one"


def _ours(path: Path) -> bool:
    """A file a brat export (or its report) writes."""
    name = path.name
    return path.is_file() and not path.is_symlink() and (
        path.suffix.lower() in (".txt", ".ann") or name == "annotation.conf"
        or name.endswith(".report.json"))


def _marked(out: Path) -> bool:
    conf = out / "annotation.conf"
    try:
        return conf.is_file() and conf.read_text(encoding="utf-8").startswith(EXPORT_MARK)
    except (OSError, UnicodeDecodeError):
        return False


def _recover_hidden(out: Path) -> None:
    """An earlier export that was ended between its two renames left the
    folder before it under ``.NAME.PID.old``: put back in its place when that
    place is empty, removed when the new folder took it."""
    if os.name != "posix":
        return
    for old in sorted(out.parent.glob(f".{glob.escape(out.name)}.*.old")):
        pid = old.name[len(out.name) + 2:-len(".old")]
        if not pid.isdigit() or process_alive(int(pid)):
            continue
        if out.exists():
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(old, out)


def check_replaceable(out: Path) -> None:
    """:class:`ExportError` unless ``out`` is missing, empty or an earlier
    export of ours (its mark in ``annotation.conf``; ``.txt``, ``.ann`` and a
    report besides)."""
    if not out.is_dir() or not any(out.iterdir()):
        return
    if not _marked(out):
        raise ExportError(f"{out}: not an earlier brat export of this tool (no mark in its "
                          "annotation.conf), so it is not replaced; choose a new or empty folder")
    strangers = sorted(p.name for p in out.iterdir() if not _ours(p))
    if strangers:
        more = f" and {len(strangers) - 1} more" if len(strangers) > 1 else ""
        raise ExportError(f"{out}: not an earlier brat export (it holds {strangers[0]!r}{more}), "
                          "so it is not replaced; choose a new or empty folder")


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` cut at line breaks, without empty pieces."""
    out = []
    position = start
    while position < end:
        stop = text.find("\n", position, end)
        stop = end if stop < 0 else stop
        if stop > position:
            out.append((position, stop))
        position = stop + 1
    return out


# -- reading -------------------------------------------------------------------


def read(path: Path, problems: ProblemList) -> Iterator[DocumentRecord]:
    """One document from ``NAME.ann`` and ``NAME.txt`` (either may be named).
    A ``.txt`` without an ``.ann`` is a document without spans."""
    txt_path, ann_path = path.with_suffix(".txt"), path.with_suffix(".ann")
    if not txt_path.is_file():
        problems.add(path, 0, f"no text file {txt_path.name} next to it")
        return
    raw = read_utf8(txt_path, problems)
    if raw is None:
        return
    if not ann_path.is_file():
        yield DocumentRecord(name=path.stem, text=normalize_text(raw), source=str(txt_path), line=1)
        return
    ann = read_utf8(ann_path, problems, may_be_empty=True)  # a document without annotations
    if ann is None:
        return
    text, mapping = normalize_with_map(raw)
    spans: list[Span] = []
    left: Counter = Counter()
    by_id: dict[str, list[int]] = {}  # T id -> its spans' places in ``spans``
    equivalences: list[list[str]] = []
    for number, line in enumerate(normalize_text(ann).split("\n"), start=1):
        if not line.strip():
            continue
        if line.startswith("*") and (equiv := _EQUIV.fullmatch(line)) is not None:
            equivalences.append(equiv.group(1).split())
            continue
        if not line.startswith("T"):
            left[_KINDS.get(line[0], "other lines")] += 1
            continue
        for span in _parse_entity(line, raw, ann_path, number, problems):
            moved = remap_span(mapping, span.start, span.end)
            if moved is None:
                problems.add(ann_path, number, f"span {span.start}-{span.end} {BOM_ONLY}")
                continue
            span = Span(*moved, span.label)
            by_id.setdefault(line.split("\t", 1)[0], []).append(len(spans))
            spans.append(span)
    spans = _grouped(spans, by_id, equivalences)
    if left:
        counts = ", ".join(f"{count} {kind}" for kind, count in sorted(left.items()))
        note(problems, ann_path, 0, f"not imported (not entity spans): {counts}")
    yield DocumentRecord(name=path.stem, text=text, spans=spans, source=str(ann_path), line=1,
                         annotated=True)


def _parse_entity(line: str, raw: str, path: Path, number: int,
                  problems: ProblemList) -> list[Span]:
    """The spans of a T line: one, or one per fragment when words lie between
    fragments (a discontinuous entity: never widened over its gap)."""
    match = _ENTITY.fullmatch(line)
    if match is None:
        problems.add(path, number, "expected T<id><TAB><type> <start> <end><TAB><text>")
        return []
    _, label, offsets, shown = match.groups()
    fragments = [tuple(int(x) for x in pair.split()) for pair in offsets.split(";")]
    start, end = min(a for a, _ in fragments), max(b for _, b in fragments)
    try:
        for a, b in fragments:
            check_bounds(a, b, len(raw))
    except SpanBoundsError as error:
        problems.add(path, number, str(error))
        return []
    actual = " ".join(raw[a:b] for a, b in fragments)
    if shown and _squash(shown) != _squash(actual):
        problems.add(path, number, f"span text {shown!r} does not match the text at "
                                   f"{start}-{end} ({actual!r})")
        return []
    fragments.sort()
    gaps = [raw[b:a] for (_, b), (a, _) in zip(fragments, fragments[1:])]
    if all(not gap.strip() for gap in gaps):  # only line breaks between: one span
        return [Span(start, end, label)]
    note(problems, path, number, f"{label} {offsets} {shown!r} is discontinuous: imported as "
                                 f"{len(fragments)} spans, one per fragment")
    return [Span(a, b, label) for a, b in fragments]


def _grouped(spans: list[Span], by_id: dict[str, list[int]],
             equivalences: list[list[str]]) -> list[Span]:
    """``spans`` with the entity their equivalence lines give them: spans tied
    by a chain of Equiv lines are one entity."""
    entity_of: dict[int, int] = {}  # place in spans -> entity number
    for number, ids in enumerate(equivalences, 1):
        places = [p for i in ids for p in by_id.get(i, ())]
        joined = {entity_of[p] for p in places if p in entity_of}
        for place, entity in list(entity_of.items()):
            if entity in joined:
                entity_of[place] = number
        for place in places:
            entity_of[place] = number
    return [replace(span, entity=entity_of.get(i)) for i, span in enumerate(spans)]


# What each kind of brat line that is not an entity holds.
_KINDS = {"R": "relations (R)", "E": "events (E)", "A": "attributes (A)",
          "M": "attributes (M)", "N": "normalizations (N)", "#": "notes (#)",
          "*": "equivalences (*)"}


def _squash(text: str) -> str:
    return " ".join(text.split())


FORMAT = Format("brat", "brat standoff (.ann with .txt)", EXTENSIONS, reader=read,
                writer=BratWriter, companions=(".txt",), output_ending="-brat", folder=True,
                entities=True)
