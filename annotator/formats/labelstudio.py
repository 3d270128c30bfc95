"""Label Studio's JSON export (a list of tasks), and its JSON-MIN variant.

JSON: ``[{"id", "data": {"text": ...}, "annotations": [{"completed_by",
"was_cancelled", "result": [{"type": "labels", "value": {"start", "end",
"text", "labels": [...]}}]}]}]``. JSON-MIN: ``[{"text", "label": [{"start",
"end", "text", "labels"}], "annotator"}]``.

Label Studio counts offsets in the browser's UTF-16 units, which differ from
code points after an emoji; when a region's ``text`` does not match at the
code-point offsets but does at the UTF-16 ones, those are used. Cancelled
annotations are not imported. Model predictions (``"predictions"``) become
suggestions in the layer of ``--annotator`` (else ``imported``), to accept
or reject in the window, with the model's version as their source and its
score as their confidence. Results that are not text spans (rectangles, choices, text areas, relations): the import summary notes
how many of each were left (in JSON-MIN, where a choice or a text area is a
bare value, by the field it sits in). An annotation whose results are all of that kind
does not mark the document annotated: it says nothing about its entities. When a file holds the
work of several users, each becomes an annotator (their e-mail, else
``labelstudio-user-ID``); otherwise ``--annotator`` names them. A task
annotated twice by one user, or by nobody named, keeps each annotation apart
(``labelstudio-annotation-1``, ``-2``...). A list of JSONL or doccano records
saved as one ``.json`` file is read as those records.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from annotator.core.model import DocumentRecord, Origin, Span
from annotator.core.offsets import SpanBoundsError, Utf16Map, check_bounds
from annotator.core.text import BOM_ONLY, normalize_with_map, remap_span
from annotator.formats import jsonl
from annotator.formats.declaration import Format
from annotator.formats.problems import ProblemList
from annotator.formats.reading import note
from annotator.formats.textfile import (
    control_problem,
    decode,
    json_problem,
    lone_surrogate_problem,
    read_utf8,
    strict_decoder,
)

EXTENSIONS = (".json",)


def read(path: Path, problems: ProblemList) -> Iterator[DocumentRecord]:
    raw = read_utf8(path, problems)
    if raw is None:
        return
    before = problems.total  # the list holds other files' problems too
    tasks = list(_tasks(raw.lstrip("\ufeff"), path, problems))
    if not tasks and problems.total == before:
        problems.add(path, 0, "no tasks in this file")
    # A list of this tool's JSONL or doccano records saved as one .json file:
    # read as those lines would be (as tasks their spans were dropped).
    shaped = [_jsonl_shaped(task) for _, task in tasks]
    for (number, task), jsonl_record in zip(tasks, shaped):
        if jsonl_record:
            record = jsonl.parse_object(task, path, number, problems)
            if record is not None:
                yield record
    tasks = [pair for pair, jsonl_record in zip(tasks, shaped) if not jsonl_record]
    parsed = [(number, task, _annotations(task)) for number, task in tasks if isinstance(task, dict)]
    users = {_user(who) for _, _, results in parsed for who, _ in results}
    # A task annotated twice by one user (or by nobody named): each
    # annotation its own layer, never one layer of both.
    twice = any(len({_user(who) for who, _ in results}) < len(results) for _, _, results in parsed)
    left: Counter = Counter()  # results not imported, by type
    for number, task in tasks:
        if not isinstance(task, dict):
            problems.add(path, number, "expected a task (a JSON object)")
    for number, task, results in parsed:
        if set(task) == _TAG_NAMES_KEYS:
            problems.add(path, number, "the tag names an hf export writes beside its rows "
                                       "(NAME.labels.json), not documents: nothing to import")
            continue
        text = _text(task)
        if text is None:
            problems.add(path, number, 'no text: expected "data": {"text": ...} or "text"')
            continue
        control = control_problem(text)
        if control:
            problems.add(path, number, f"the task's text: {control}")
            continue
        if "data" not in task:
            left.update(_min_others(task, text))
        stored, mapping = normalize_with_map(text)
        name = _name(task, path, number)
        layers = []  # the task's records: one per annotator
        if not results:
            layers.append(DocumentRecord(name=name, text=stored, source=str(path), line=number))
        for k, (who, regions) in enumerate(results, start=1):
            spans = []
            others = 0
            for region in regions:
                kind = _not_a_span(region)
                if kind:
                    left[kind] += 1
                    others += 1
                    continue
                spans.extend(Span(start, end, label) for start, end, label
                             in _stored_spans(region, text, mapping, path, number, problems))
            annotator = _user(who) if len(users) > 1 else None
            if twice and len(results) > 1:
                annotator = f"{_user(who) or 'labelstudio'}-annotation-{k}"
            # Only rectangles or choices: nothing said about entities, so no layer.
            annotated = bool(spans) or others < len(regions) or not regions
            layers.append(DocumentRecord(name=name, text=stored, spans=spans, annotator=annotator,
                                         source=str(path), line=number, annotated=annotated,
                                         layer=len(layers)))
        proposed = []
        for reason, confidence, region in _predicted_regions(task):
            kind = _not_a_span(region)
            if kind:
                left[f"{kind} predictions"] += 1
                continue
            proposed.extend(Span(start, end, label, origin=Origin.SUGGESTED, reason=reason,
                                 confidence=confidence) for start, end, label
                            in _stored_spans(region, text, mapping, path, number, problems))
        _add_proposals(layers, proposed)
        yield from layers
    if left:
        counts = ", ".join(f"{count} {kind}" for kind, count in sorted(left.items()))
        note(problems, path, 0, f"not imported: {sum(left.values())} results that are not text "
                                f"spans ({counts})")


def _tasks(raw: str, path: Path, problems: ProblemList) -> Iterator[tuple[int, object]]:
    """The elements of the top-level array, each with the line it starts on."""
    decoder = strict_decoder()
    i = _skip_blank(raw, 0)
    if raw.startswith("{", i):
        raw = f"[{raw}]"  # a single task
        i = 0
    if not raw.startswith("[", i):
        problems.add(path, 1, "expected a JSON list of Label Studio tasks")
        return
    line, seen = 1, 0

    def line_at(i: int) -> int:  # counted forward only: big files stay linear
        nonlocal line, seen
        line += raw.count("\n", seen, i)
        seen = i
        return line

    i = _skip_blank(raw, i + 1)
    while not raw.startswith("]", i):
        try:
            task, end = decode(decoder, raw, i)
        except json.JSONDecodeError as error:
            problems.add(path, error.lineno, json_problem(error))
            return
        surrogate = lone_surrogate_problem(raw[i:end], task)
        if surrogate is not None:
            problems.add(path, line_at(i), surrogate)
            return
        yield line_at(i), task
        i = _skip_blank(raw, end)
        if raw.startswith(",", i):
            i = _skip_blank(raw, i + 1)
        elif not raw.startswith("]", i):
            hint = (": one JSON object a line is JSON Lines, read as such from a .jsonl file "
                    "or with --format jsonl" if raw.startswith("{", i) and raw[i - 1] == "\n"
                    else "")
            problems.add(path, line_at(i), f"expected , or ] between tasks{hint}")
            return


def _skip_blank(raw: str, i: int) -> int:
    while i < len(raw) and raw[i] in " \t\r\n":
        i += 1
    return i


_TAG_NAMES_KEYS = {"names", "scheme"}  # hf's OUT.labels.json: its one string is no text


def _text(task: dict) -> str | None:
    data = task.get("data", task)
    if not isinstance(data, dict):
        return None
    if isinstance(data.get("text"), str):
        return data["text"]
    strings = [v for k, v in data.items() if isinstance(v, str) and k not in ("id", "annotator")]
    return strings[0] if len(strings) == 1 else None


def _name(task: dict, path: Path, number: int) -> str:
    data = task.get("data") if isinstance(task.get("data"), dict) else {}
    for key in ("id", "name"):
        if data.get(key) is not None:
            return str(data[key])
    task_id = task.get("id")
    return f"{path.stem}-{task_id if task_id is not None else number}"


def _annotations(task: dict) -> list[tuple[object, list]]:
    """(who, regions) of each annotation that was not cancelled."""
    if "data" in task:
        out = []
        for annotation in task.get("annotations", task.get("completions", [])) or []:
            if isinstance(annotation, dict) and not annotation.get("was_cancelled"):
                regions = annotation.get("result") or []
                out.append((annotation.get("completed_by"), regions if isinstance(regions, list) else [None]))
        return out
    # JSON-MIN: the regions sit under the labels control's name.
    regions = [r for v in task.values() if isinstance(v, list) for r in v
               if isinstance(r, dict) and "labels" in r]
    return [(task.get("annotator"), regions)] if regions else []


# JSON-MIN's own fields beside the task's data and its results.
_MIN_FIELDS = frozenset({"id", "annotator", "annotation_id", "created_at", "updated_at",
                         "lead_time", "draft", "drafts", "predictions", "meta"})


def _min_others(task: dict, text: str) -> Counter:
    """A JSON-MIN task's results that are not text spans, by kind: regions
    with no ``labels`` by their ``*labels`` key (rectanglelabels...), or
    ``choices`` for a multiple choice; plain values (a choice, a text area,
    a rating) by the field they sit in, which is all JSON-MIN keeps of them."""
    found: Counter = Counter()
    for key, value in task.items():
        if key in _MIN_FIELDS or value == text:
            continue
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, dict):
                if "labels" in item:
                    continue  # a text span
                kinds = [k for k in item if k.endswith("labels")] + ["choices"] * ("choices" in item)
                found[kinds[0] if kinds else key] += 1
            elif item is not None:
                found[key] += 1
    return found


def _stored_spans(region: object, text: str, mapping, path: Path, number: int,
                  problems: ProblemList) -> list[tuple[int, int, str]]:
    """A region's spans at their offsets in the stored text (line endings
    made ``\n``, a byte-order mark dropped)."""
    out = []
    for start, end, label in _spans(region, text, path, number, problems):
        moved = remap_span(mapping, start, end)
        if moved is None:
            problems.add(path, number, f"span {start}-{end} {BOM_ONLY}")
            continue
        out.append((*moved, label))
    return out


def _jsonl_shaped(task: object) -> bool:
    """A record of this tool's JSONL or of doccano's (``"spans"``, or
    ``"label"``/``"labels"``/``"entities"`` not holding Label Studio regions)."""
    if not isinstance(task, dict) or "data" in task or not isinstance(task.get("text"), str):
        return False
    for key in jsonl.SPAN_KEYS:
        value = task.get(key)
        if isinstance(value, list) and (key == "spans" or any(
                not (isinstance(item, dict) and "labels" in item) for item in value)):
            return True
    return False


def _add_proposals(layers: list[DocumentRecord], proposed: list[Span]) -> None:
    """Put a task's predicted spans in the layer of the annotator the import
    names (the record with no annotator of its own), less those its
    annotation already holds; a record of their own if every layer is a
    user's. Proposals alone mark nobody's work (not ``annotated``)."""
    if not proposed:
        return
    default = next((record for record in layers if record.annotator is None), None)
    if default is None:
        layers.append(DocumentRecord(name=layers[0].name, text=layers[0].text, spans=proposed,
                                     source=layers[0].source, line=layers[0].line,
                                     layer=len(layers)))
        return
    labelled = {span.key for span in default.spans}
    default.spans.extend(span for span in proposed if span.key not in labelled)


def _predicted_regions(task: dict) -> Iterator[tuple[str, float, object]]:
    """(source, confidence, region) of each region a model predicted:
    the source names the model's version; the confidence is the region's
    score, else the prediction's, when it is a number from 0 to 1."""
    predictions = task.get("predictions") if "data" in task else None
    for prediction in predictions if isinstance(predictions, list) else []:
        if not isinstance(prediction, dict) or not isinstance(prediction.get("result"), list):
            continue
        version = prediction.get("model_version")
        reason = f"prediction of {version}" if isinstance(version, str) and version else "prediction"
        for region in prediction["result"]:
            yield reason, _score(region, prediction), region


def _score(region: object, prediction: dict) -> float:
    for holder in (region, prediction):
        score = holder.get("score") if isinstance(holder, dict) else None
        if isinstance(score, (int, float)) and not isinstance(score, bool) and 0 <= score <= 1:
            return float(score)
    return 1.0


def _user(who: object) -> str | None:
    if isinstance(who, dict):
        if who.get("email"):
            return str(who["email"])
        who = who.get("id")
    if who is None:
        return None
    return str(who) if isinstance(who, str) and "@" in who else f"labelstudio-user-{who}"


def _not_a_span(region: object) -> str | None:
    """The type of a result that is not a text span (rectangle, choices...), or None."""
    if not isinstance(region, dict):
        return None
    if region.get("type") == "relation" or {"from_id", "to_id"} <= region.keys():
        return "relation"  # its "labels" name the relation, not a span
    value = region.get("value", region)
    if isinstance(value, dict) and "labels" in value or region.get("type") == "labels":
        return None
    return str(region.get("type") or "untyped")


def _spans(region: object, text: str, path: Path, number: int,
           problems: ProblemList) -> list[tuple[int, int, str]]:
    if not isinstance(region, dict):
        problems.add(path, number, "expected each result to be a JSON object")
        return []
    value = region.get("value", region)
    if region.get("type") == "labels" and not (isinstance(value, dict) and "labels" in value):
        problems.add(path, number, 'a "labels" result needs "value": '
                                   '{"start", "end", "labels"}')
        return []
    if not isinstance(value, dict) or "labels" not in value:
        return []  # choices, text areas, relations: not spans
    labels, start, end = value.get("labels"), value.get("start"), value.get("end")
    if not isinstance(labels, list) or not all(isinstance(l, str) and l.strip() for l in labels):
        problems.add(path, number, f"region labels {labels!r} are not a list of names")
        return []
    if not labels:  # a region whose label was taken off: nothing to keep, said
        note(problems, path, number, f"not imported: a region with no label at {start}-{end}")
        return []
    located = _locate(text, start, end, value.get("text"))
    if isinstance(located, str):
        problems.add(path, number, located)
        return []
    return [(*located, label) for label in labels]


def _locate(text: str, start: object, end: object, shown: object) -> tuple[int, int] | str:
    """Code-point offsets of a region, or what is wrong with it."""
    try:
        check_bounds(start, end, len(text))
        if not isinstance(shown, str) or text[start:end] == shown:
            return start, end
    except SpanBoundsError as error:
        problem = str(error)
    else:
        problem = f"region text {shown!r} does not match the text at {start}-{end} ({text[start:end]!r})"
    units = Utf16Map(text)
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= units.utf16_length:
        a, b = units.to_index(start), units.to_index(end)
        if text[a:b] == shown:
            return a, b
    return problem


FORMAT = Format("labelstudio", "Label Studio JSON", EXTENSIONS, reader=read)
