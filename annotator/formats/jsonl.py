"""JSON Lines: the native shape and doccano's, told apart line by line.

Native: ``{"id", "text", "lang", "spans": [{"start", "end", "label"}], "annotator", "meta"}``
doccano: ``{"text", "label": [[start, end, "LABEL"], ...]}`` (``labels`` is accepted too)

Both are read here and written by :class:`JsonlWriter` and :class:`DoccanoWriter`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from annotator.core.model import Document, DocumentRecord, Span
from annotator.core.offsets import SpanBoundsError, check_bounds
from annotator.core.text import normalize_with_map
from annotator.formats.problems import ProblemList
from annotator.formats.textfile import read_utf8
from annotator.formats.writing import SingleFileWriter, json_line

EXTENSIONS = (".jsonl", ".ndjson")
# Keys that carry spans: native, doccano (older and newer shapes).
SPAN_KEYS = ("spans", "label", "labels", "entities")


def read(path: Path, problems: ProblemList) -> Iterator[DocumentRecord]:
    raw = read_utf8(path, problems)
    if raw is None:
        return
    # split("\n"), not splitlines(): JSON strings may hold U+2028 and U+0085 raw.
    for number, line in enumerate(raw.lstrip("\ufeff").split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as error:
            problems.add(path, number, f"not valid JSON ({error.msg} at column {error.colno})")
            continue
        record = parse_object(obj, path, number, problems)
        if record is not None:
            yield record


def parse_object(obj: object, path: Path, number: int, problems: ProblemList) -> DocumentRecord | None:
    if not isinstance(obj, dict):
        problems.add(path, number, "expected a JSON object")
        return None
    text = obj.get("text")
    if not isinstance(text, str):
        problems.add(path, number, 'missing "text" (a string)')
        return None
    raw_spans = _raw_spans(obj, path, number, problems)
    if raw_spans is None:
        return None
    stored, mapping = normalize_with_map(text)
    spans: list[Span] = []
    ok = True
    for start, end, label in raw_spans:
        problem = _bounds_problem(start, end, label, len(text))
        if problem:
            problems.add(path, number, problem)
            ok = False
            continue
        if mapping is not None:
            start, end = mapping[start], mapping[end]
        spans.append(Span(start, end, label))
    if not ok:
        return None
    meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
    name = obj.get("id", obj.get("name"))
    name = str(name) if name is not None else f"{path.stem}-{number}"
    lang = obj.get("lang") if isinstance(obj.get("lang"), str) else None
    annotator = obj.get("annotator") if isinstance(obj.get("annotator"), str) else None
    return DocumentRecord(name=name, text=stored, spans=spans, lang=lang, annotator=annotator,
                          meta=meta, source=str(path), line=number,
                          annotated=any(key in obj for key in SPAN_KEYS))


def _raw_spans(obj: dict, path: Path, number: int, problems: ProblemList):
    if "spans" in obj:
        items = obj["spans"]
        if not isinstance(items, list):
            problems.add(path, number, '"spans" must be a list')
            return None
        out = []
        for item in items:
            if not isinstance(item, dict) or not {"start", "end", "label"} <= item.keys():
                problems.add(path, number, 'each span needs "start", "end" and "label"')
                return None
            out.append((item["start"], item["end"], item["label"]))
        return out
    items = obj.get("label", obj.get("labels", []))
    if not isinstance(items, list):
        problems.add(path, number, '"label" must be a list of [start, end, "LABEL"]')
        return None
    out = []
    for item in items:
        if not isinstance(item, list) or len(item) != 3:
            problems.add(path, number, 'each doccano label must be [start, end, "LABEL"]')
            return None
        out.append(tuple(item))
    return out


def _bounds_problem(start: object, end: object, label: object, length: int) -> str | None:
    if not isinstance(label, str) or not label.strip():
        return f"span label {label!r} is not a name"
    try:
        check_bounds(start, end, length)
    except SpanBoundsError as error:
        return str(error)
    return None


class JsonlWriter(SingleFileWriter):
    """Native JSONL: every span as stored, overlapping ones too."""

    def add(self, document: Document, spans: list[Span]) -> None:
        obj = {"id": document.name, "text": document.text, "lang": document.lang,
               "spans": [{"start": s.start, "end": s.end, "label": s.label} for s in spans]}
        if self.options.annotator:
            obj["annotator"] = self.options.annotator
        obj["meta"] = document.meta
        self.file.write(json_line(obj))


class DoccanoWriter(SingleFileWriter):
    """doccano's sequence-labelling JSONL: ``{"text", "label": [[start, end, "LABEL"]]}``."""

    def add(self, document: Document, spans: list[Span]) -> None:
        obj = {"id": document.name, "text": document.text,
               "label": [[s.start, s.end, s.label] for s in spans]}
        self.file.write(json_line(obj))
