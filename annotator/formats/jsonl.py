"""JSON Lines: the native shape and doccano's, told apart line by line.

Native: ``{"id", "text", "lang", "spans": [{"start", "end", "label"}], "annotator", "meta"}``;
a span may add ``"entity"``: spans of a line with the same value (a number or
a string) name one entity (a label and its other mentions), for coreference
or linking. Written only on spans in an entity, numbered 1, 2, ... by first
mention in each line; readers that do not know it may ignore it.
doccano: ``{"text", "label": [[start, end, "LABEL"], ...]}`` (``labels`` is accepted too),
and its newer shape ``{"text", "entities": [{"id", "label", "start_offset", "end_offset"}],
"relations": [...]}`` (relations are not spans: they are not imported, and
their count is noted in the import summary)

Both are read here and written by :class:`JsonlWriter` and :class:`DoccanoWriter`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from annotator.core.model import Document, DocumentRecord, Origin, Span, entity_numbers
from annotator.core.offsets import ASTRAL, SpanBoundsError, Utf16Map, check_bounds
from annotator.core.text import BOM_ONLY, normalize_with_map, remap_span
from annotator.formats.declaration import Format
from annotator.formats.problems import ProblemList
from annotator.formats.reading import note
from annotator.formats.textfile import (
    control_problem,
    json_problem,
    lone_surrogate_problem,
    strict_loads,
    utf8_lines,
)
from annotator.formats.report import ExportReport
from annotator.formats.writing import ExportOptions, SingleFileWriter, json_line

EXTENSIONS = (".jsonl", ".ndjson")
# Keys that carry spans: native, doccano (older and newer shapes).
SPAN_KEYS = ("spans", "label", "labels", "entities")


def read(path: Path, problems: ProblemList) -> Iterator[DocumentRecord]:
    """The records of ``path``, a line at a time: memory does not grow with the file."""
    relations = lines_with = comments = marks = 0
    first = True  # no line with content read yet
    # Lines end at "\n" only: JSON strings may hold U+2028 and U+0085 raw.
    for number, line in utf8_lines(path, problems):
        if line.startswith("\ufeff"):
            # Files joined end to end leave each one's byte-order mark at the
            # start of a line: invisible, and no part of the record.
            line = line.lstrip("\ufeff")
            marks += 1
        if not line.strip():
            continue
        try:
            obj = strict_loads(line)
        except json.JSONDecodeError as error:
            if first and _one_value_over_lines(path):
                # doccano's documentation shows records pretty-printed: one
                # clear line, not a problem for each of its lines.
                problems.add(path, number, "one JSON value spread over several lines, not "
                                           "JSON Lines: write each record on a line of its own")
                return
            problems.add(path, number, json_problem(error))
            continue
        finally:
            first = False
        surrogate = lone_surrogate_problem(line, obj)
        if surrogate is not None:
            problems.add(path, number, surrogate)
            continue
        record = parse_object(obj, path, number, problems)
        if record is not None:
            yield record
            if isinstance(obj.get("relations"), list) and obj["relations"]:
                relations += len(obj["relations"])
                lines_with += 1
            if isinstance(obj.get("Comments"), list):
                comments += len(obj["Comments"])
    if marks:
        note(problems, path, 0, f"{marks} byte-order marks (U+FEFF, invisible) at the start of a "
                                "line passed over: files joined end to end leave them")
    if comments:
        note(problems, path, 0, f"not imported: {comments} comments (doccano's \"Comments\")")
    if relations:
        note(problems, path, 0, f"not imported: {relations} relations on {lines_with} lines "
                                "(doccano relation extraction; relations are not spans)")


# A pretty-printed file is told apart by parsing it whole: only small ones.
_PRETTY_MAX_BYTES = 64 * 1024 * 1024


def _one_value_over_lines(path: Path) -> bool:
    if path.stat().st_size > _PRETTY_MAX_BYTES:
        return False
    raw = path.read_bytes().decode("utf-8", "replace").lstrip("\ufeff")
    try:
        strict_loads(raw)
    except json.JSONDecodeError:
        return False
    return "\n" in raw.strip()


def parse_object(obj: object, path: Path, number: int, problems: ProblemList) -> DocumentRecord | None:
    if not isinstance(obj, dict):
        problems.add(path, number, "expected a JSON object")
        return None
    text = obj.get("text")
    if not isinstance(text, str):
        if "text" not in obj and {"tokens", "ner_tags"} <= obj.keys():
            problems.add(path, number, 'a Hugging Face row ("tokens", "ner_tags"), a format this '
                                       "tool writes but does not read: import a JSONL or CoNLL "
                                       "export instead")
            return None
        problems.add(path, number, 'missing "text" (a string)')
        return None
    control = control_problem(text)
    if control:
        problems.add(path, number, f'"text": {control}')
        return None
    found = _raw_spans(obj, path, number, problems)
    if found is None:
        return None
    raw_spans, key = found
    stated = _stated_texts(obj.get(key)) if key else []
    unknown = sorted(set(obj) - _TOP_KEYS)
    if unknown:
        problems.add(path, number, f"unknown keys {', '.join(map(repr, unknown))}: "
                                   f'put what is not a span under "meta"')
        return None
    if "spans" not in obj and raw_spans:
        raw_spans = _doccano_offsets(text, raw_spans, path, number, problems, stated)
    stored, mapping = normalize_with_map(text)
    spans: list[Span] = []
    groups: dict[object, int] = {}  # the line's entity values -> 1, 2, ...
    ok = True
    for (start, end, label, *extra), shown in zip(raw_spans, stated or [None] * len(raw_spans)):
        # extra: the entity, then "suggested"
        problem = _bounds_problem(start, end, label, len(text))
        if problem is None and shown is not None and text[start:end] != shown:
            # A span's own "text" says where it was meant: offsets that
            # disagree would label other letters, unseen.
            problem = (f"span text {shown!r} does not match the text at {start}-{end} "
                       f"({text[start:end]!r})")
        if problem:
            problems.add(path, number, problem)
            ok = False
            continue
        moved = remap_span(mapping, start, end)
        if moved is None:
            problems.add(path, number, f"span {start}-{end} {BOM_ONLY}")
            ok = False
            continue
        start, end = moved
        entity = extra[0] if extra else None
        group = groups.setdefault(entity, len(groups) + 1) if entity is not None else None
        if len(extra) > 1:  # a proposal: it waits in the window to be accepted or rejected
            spans.append(Span(start, end, label, entity=group, origin=Origin.SUGGESTED,
                              reason=f"imported from {path.name}"))
        else:
            spans.append(Span(start, end, label, entity=group))
    if not ok:
        return None
    meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
    name = obj.get("id", obj.get("name"))
    name = str(name) if name is not None else f"{path.stem}-{number}"
    lang = obj.get("lang") if isinstance(obj.get("lang"), str) else None
    annotator = obj.get("annotator") if isinstance(obj.get("annotator"), str) else None
    return DocumentRecord(name=name, text=stored, spans=spans, lang=lang, annotator=annotator,
                          meta=meta, source=str(path), line=number,
                          # proposals alone: nobody has worked on it
                          annotated=any(key in obj for key in SPAN_KEYS)
                          and not (spans and all(span.is_suggestion for span in spans)))


def _doccano_offsets(text: str, raw_spans: list, path: Path, number: int,
                     problems: ProblemList, stated: list[str | None]) -> list:
    """doccano's spans, in code points. doccano's web page counts offsets in
    UTF-16 units, which differ after an emoji (a character beyond U+FFFF);
    a script writes code points. Where the text has such a character before
    a span, spans that state their text decide; else the reading under which
    more spans begin and end at word edges is taken (with a note when it is
    UTF-16, or when some still do not); on a tie, code points (with a note to
    check, unless every span fits)."""
    if ASTRAL.search(text) is None:
        return raw_spans
    from annotator.core.word_edges import span_cuts

    units = Utf16Map(text)

    def fitting(spans: list) -> int:  # how many begin and end at word edges
        return sum(isinstance(a, int) and isinstance(b, int) and 0 <= a < b <= len(text)
                   and not span_cuts(text, a, b) for a, b, *_ in spans)

    if not all(isinstance(a, int) and isinstance(b, int) and 0 <= a < b <= units.utf16_length
               for a, b, *_ in raw_spans):
        return raw_spans  # not offsets of either kind: the bounds check says why
    as_utf16 = [(units.to_index(a), units.to_index(b), *rest) for a, b, *rest in raw_spans]
    if as_utf16 == raw_spans:
        return raw_spans
    def says(spans: list) -> bool:  # every span with a "text" holds that text
        return all(shown is None or (0 <= a < b <= len(text) and text[a:b] == shown)
                   for (a, b, *_), shown in zip(spans, stated))

    if any(shown is not None for shown in stated) and says(as_utf16) and not says(raw_spans):
        note(problems, path, number, "offsets read as UTF-16 units (as doccano counts them past "
                                     "an emoji): so read, every span holds the text it states")
        return as_utf16
    code_points, utf16 = fitting(raw_spans), fitting(as_utf16)
    if utf16 > code_points:  # the reading under which more spans hold whole words
        held = ("every span holds" if utf16 == len(raw_spans)
                else f"{utf16} of {len(raw_spans)} spans hold")
        note(problems, path, number, "offsets read as UTF-16 units (as doccano counts them past "
                                     f"an emoji): so read, {held} whole words"
                                     + ("" if utf16 == len(raw_spans) else ": check the others"))
        return as_utf16
    if code_points < len(raw_spans):
        note(problems, path, number, "the text has an emoji before a span, and its offsets fit "
                                     "words neither as code points nor as UTF-16 units (as "
                                     "doccano counts them); read as code points: check its spans")
    return raw_spans


def _raw_spans(obj: dict, path: Path, number: int, problems: ProblemList):
    """The spans of a line, from whichever span-carrying key it has, and
    that key (None: no spans).

    Two keys are fine when they give the same spans; keys that disagree, or
    any other key that looks like it holds spans, are problems: a span is
    never passed over in silence."""
    found: dict[str, list] = {}
    for key in SPAN_KEYS:
        if key in obj:
            spans = _READ_KEY[key](obj[key], key)
            if isinstance(spans, str):
                problems.add(path, number, spans)
                return None
            found[key] = spans
    for key, value in obj.items():
        if key not in SPAN_KEYS and key not in _NOT_SPANS and _looks_like_spans(value):
            problems.add(path, number, f'"{key}" looks like spans in a shape this reader does not '
                                       'know; give them as "spans": [{"start", "end", "label"}]')
            return None
    keys = list(found)
    for other in keys[1:]:
        if sorted(map(_sortable, found[other])) != sorted(map(_sortable, found[keys[0]])):
            problems.add(path, number, f'"{keys[0]}" and "{other}" give different spans; '
                                       'keep only one of them')
            return None
    return (found[keys[0]], keys[0]) if keys else ([], None)


def _stated_texts(items: list) -> list[str | None]:
    """Each span's own "text" (doccano's entities and our spans may carry
    it), None where it has none; in the order of the spans read."""
    return [item.get("text") if isinstance(item, dict) and isinstance(item.get("text"), str)
            else None for item in items]


def _sortable(span: tuple) -> tuple:
    return tuple(repr(x) for x in span)


def _native(items: object, key: str):
    if not isinstance(items, list):
        return f'"{key}" must be a list'
    out = []
    for item in items:
        if not isinstance(item, dict) or not _NEEDED_KEYS.issubset(item):
            return 'each span needs "start", "end" and "label"'
        if not _SPAN_KEYS.issuperset(item):
            unknown = ", ".join(map(repr, sorted(item.keys() - _SPAN_KEYS)))
            return (f'unknown keys {unknown} in a span: a span has "start", "end" and "label" '
                    '(and an optional "entity" and "suggested")')
        entity = item.get("entity")
        if entity is not None and (isinstance(entity, bool) or not isinstance(entity, (int, str))):
            return f'a span\'s "entity" must be a number or a string, not {entity!r}'
        suggested = item.get("suggested", False)
        if not isinstance(suggested, bool):
            return f'a span\'s "suggested" must be true or false, not {suggested!r}'
        if suggested:
            out.append((item["start"], item["end"], item["label"], entity, True))
        elif entity is not None:
            out.append((item["start"], item["end"], item["label"], entity))
        else:
            out.append((item["start"], item["end"], item["label"]))
    return out


def _doccano(items: object, key: str):
    if not isinstance(items, list):
        return f'"{key}" must be a list of [start, end, "LABEL"]'
    out = []
    for item in items:
        if not isinstance(item, list) or len(item) != 3:
            return 'each doccano label must be [start, end, "LABEL"]'
        out.append(tuple(item))
    return out


def _entities(items: object, key: str):
    if not isinstance(items, list):
        return f'"{key}" must be a list of {{"label", "start_offset", "end_offset"}}'
    out = []
    for item in items:
        if not isinstance(item, dict) or not {"start_offset", "end_offset", "label"} <= item.keys():
            return (f'each item of "{key}" (doccano entities) needs "label", '
                    '"start_offset" and "end_offset"')
        out.append((item["start_offset"], item["end_offset"], item["label"]))
    return out



_READ_KEY = {"spans": _native, "label": _doccano, "labels": _doccano, "entities": _entities}
# Keys read elsewhere, or known to hold no character spans.
_NOT_SPANS = frozenset({"id", "name", "text", "lang", "annotator", "meta", "relations"})
# doccano exports add "Comments"; "id" of a span is its tool's, not kept.
_TOP_KEYS = _NOT_SPANS | set(SPAN_KEYS) | {"Comments"}
_SPAN_KEYS = frozenset({"start", "end", "label", "id", "text", "entity", "suggested"})
_NEEDED_KEYS = frozenset({"start", "end", "label"})
_EDGE_KEYS = frozenset({"start", "end", "begin", "start_offset", "end_offset", "startOffset",
                        "endOffset", "start_char", "end_char", "char_start", "char_end", "offsets"})


def _looks_like_spans(value: object) -> bool:
    """A list (or a dict of lists) with an item that has offsets: a dict with an
    edge key, or ``[start, end, ...]``."""
    if isinstance(value, dict):
        return any(_looks_like_spans(v) for v in value.values() if isinstance(v, list))
    if not isinstance(value, list):
        return False
    for item in value:
        if isinstance(item, dict) and (_EDGE_KEYS & item.keys() or _looks_like_spans(item)):
            return True
        if (isinstance(item, list) and len(item) >= 2 and all(
                isinstance(x, int) and not isinstance(x, bool) for x in item[:2])):
            return True
    return False


def _bounds_problem(start: object, end: object, label: object, length: int) -> str | None:
    if not isinstance(label, str) or not label.strip():
        return f"span label {label!r} is not a name"
    try:
        check_bounds(start, end, length)
    except SpanBoundsError as error:
        return str(error)
    return None


class _RecordsById(SingleFileWriter):
    """A writer of one record per document whose ``"id"`` is the document's
    name: a name met before is counted and said, since the ids of those
    records do not tell them apart (their texts differ: one text is one
    document)."""

    def __init__(self, out: Path, options: ExportOptions, report: ExportReport):
        super().__init__(out, options, report)
        self.names: set[str] = set()
        self.repeated: list[str] = []

    def _id(self, document: Document) -> str:
        if document.name in self.names:
            self.repeated.append(document.name)
        self.names.add(document.name)
        return document.name

    def conclude(self) -> None:
        if self.repeated:
            shown = ", ".join(sorted(set(self.repeated))[:3])
            self.report.warnings.append(
                f"{len(self.repeated)} documents have the name of a document before them "
                f"({shown}): their \"id\" does not tell them apart")


class JsonlWriter(_RecordsById):
    """Native JSONL: every span as stored, overlapping ones too."""

    def add(self, document: Document, spans: list[Span]) -> None:
        numbers = entity_numbers(spans)
        obj = {"id": self._id(document), "text": document.text, "lang": document.lang,
               "spans": [_span_object(s, numbers) for s in spans]}
        if self.options.annotator:
            obj["annotator"] = self.options.annotator
        obj["meta"] = document.meta
        self.file.write(json_line(obj))


def _span_object(span: Span, numbers: dict[int, int]) -> dict:
    obj = {"start": span.start, "end": span.end, "label": span.label}
    if span.entity is not None:
        obj["entity"] = numbers[span.entity]
    if span.is_suggestion:  # written with --with-suggestions: read back as a proposal
        obj["suggested"] = True
    return obj


class DoccanoWriter(_RecordsById):
    """doccano's sequence-labelling JSONL: ``{"text", "label": [[start, end, "LABEL"]]}``."""

    shifted = 0  # documents with an emoji before a span: doccano's page shows those shifted
    with_meta = 0  # documents whose meta the format leaves out

    def add(self, document: Document, spans: list[Span]) -> None:
        obj = {"id": self._id(document), "text": document.text,
               "label": [[s.start, s.end, s.label] for s in spans]}
        self.with_meta += bool(document.meta)
        self.file.write(json_line(obj))
        first = ASTRAL.search(document.text)
        if first is not None and any(s.end > first.start() for s in spans):
            self.shifted += 1

    def conclude(self) -> None:
        super().conclude()
        if self.with_meta:
            self.report.warnings.append(
                f"{self.with_meta} documents have meta (source, date...) that doccano's lines "
                "do not carry: left out; the jsonl export keeps it")
        if self.shifted:
            # Offsets stay code points, which every reader but doccano's page
            # counts; it counts UTF-16 units, two for an emoji.
            self.report.warnings.append(
                f"{self.shifted} documents have an emoji (a character beyond U+FFFF) before a "
                "span: offsets are code points, and doccano's page, which counts UTF-16 units, "
                "shows those spans shifted by one character for each emoji before them")


FORMAT = Format("jsonl", "JSONL (the tool's own)", EXTENSIONS, reader=read, writer=JsonlWriter,
                output_ending=".jsonl", entities=True)
# doccano JSONL is told apart from native JSONL line by line: one reader.
DOCCANO = Format("doccano", "doccano JSONL", EXTENSIONS, reader=read, writer=DoccanoWriter,
                 output_ending="-doccano.jsonl")
