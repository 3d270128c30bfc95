"""Hypothesis fuzzes every importer: whatever the bytes, the reader gives
either records that hold (offsets inside the text, start before end, a
label that is a name) or :class:`InputError` naming the file; nothing else
(no traceback) and no hang (a deadline per example). CoNLL, brat and
Label Studio get structure-aware strategies: files that are nearly right
reach deeper than random bytes do."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.formats.problems import InputError
from annotator.formats.registry import read_paths
from annotator.formats.textfile import control_problem

QUICK = settings(max_examples=60, deadline=2000, derandomize=True,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SLOW = settings(max_examples=1500, deadline=2000,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

GOOD_LABELS = st.sampled_from(["PER", "LOC", "ORG", "O\"'; --"])
LABELS = st.one_of(st.sampled_from(["PER", "LOC", "ORG"]),
                   st.sampled_from(["", " ", "B-PER", "a b", "ش", "\t", "O\"'; --"]))
CLEAN = st.text(st.sampled_from("Ala ma kota\tأحمد \n\r\u00a0\u200f.,-é"), min_size=1, max_size=30)
# Mostly clean text, so most records get past the first check and reach the spans.
WORDS = st.one_of(CLEAN, CLEAN, CLEAN, st.text(st.sampled_from("a \x00\x07\ufeff\r\n\u2028"), max_size=8))


@st.composite
def good_spans(draw, text: str, shape: str, clean: bool = False) -> list:
    """Spans inside ``text`` in one of the JSONL shapes (a few a bit off)."""
    spans = []
    for _ in range(draw(st.integers(0, 3))):
        start = draw(st.integers(0, max(len(text) - 1, 0)))
        end = draw(st.integers(start + 1, len(text) + (0 if clean else 1)))  # maybe one past
        label = draw(GOOD_LABELS if clean else LABELS)
        spans.append({"spans": {"start": start, "end": end, "label": label},
                      "label": [start, end, label],
                      "entities": {"start_offset": start, "end_offset": end, "label": label}}[shape])
    return spans


@st.composite
def good_record(draw, clean: bool = False) -> dict:
    text = draw(CLEAN if clean else WORDS)
    shape = draw(st.sampled_from(["spans", "label", "entities"]))
    return {"id": draw(CLEAN), "text": text, shape: draw(good_spans(text, shape, clean))}
OFFSET = st.one_of(st.integers(-3, 40), st.sampled_from(["1", 1.5, None, True, [1]]))


def check(files: dict[str, bytes], fmt: str = "auto") -> None:
    """Read the files: records that hold, or InputError naming a file."""
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for name, data in files.items():
            path = Path(folder) / name
            path.write_bytes(data)
            paths.append(path)
        main = paths[0]
        try:
            records = read_paths([main], fmt)
        except InputError as error:
            assert error.problems
            for problem in error.problems:
                assert problem.path.startswith(folder) and "\n" not in problem.message
            return
    for record in records:
        assert isinstance(record.text, str) and control_problem(record.text) is None
        assert isinstance(record.name, str)
        for span in record.spans:
            assert type(span.start) is int and type(span.end) is int
            assert 0 <= span.start < span.end <= len(record.text)
            assert isinstance(span.label, str) and span.label.strip()


# --- any bytes, under every extension --------------------------------------

@pytest.mark.parametrize("name", ["a.jsonl", "a.json", "a.conll", "a.txt", "a.ann"])
@QUICK
@given(data=st.binary(max_size=300))
def test_random_bytes(name, data):
    files = {name: data}
    if name == "a.ann":
        files["a.txt"] = b"Ala ma kota\n"
    check(files)


# --- JSON Lines (native and doccano) ---------------------------------------

SPAN = st.one_of(
    st.fixed_dictionaries({"start": OFFSET, "end": OFFSET, "label": LABELS}),
    st.lists(st.one_of(OFFSET, LABELS), max_size=4),
    st.fixed_dictionaries({"start_offset": OFFSET, "end_offset": OFFSET, "label": LABELS}),
    st.dictionaries(st.sampled_from(["start", "end", "label", "x"]), OFFSET, max_size=4))
JSON_VALUE = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(-5, 50), WORDS),
                          lambda inner: st.lists(inner, max_size=3)
                          | st.dictionaries(st.sampled_from(["a", "start", "label"]), inner, max_size=3),
                          max_leaves=8)
RECORD = st.one_of(
    good_record(), good_record(),
    st.fixed_dictionaries({"text": WORDS}, optional={
        "id": st.one_of(WORDS, st.integers()), "spans": st.lists(SPAN, max_size=3),
        "label": st.lists(SPAN, max_size=3), "entities": st.lists(SPAN, max_size=3),
        "lang": JSON_VALUE, "meta": JSON_VALUE, "annotator": JSON_VALUE,
        "relations": JSON_VALUE, "extra": JSON_VALUE}),
    JSON_VALUE)


def jsonl_of(records: list, raw: str) -> bytes:
    return ("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + raw).encode(
        "utf-8", "surrogatepass")


@pytest.mark.parametrize("fmt", ["jsonl", "doccano"])
@QUICK
@given(records=st.one_of(st.lists(good_record(clean=True), min_size=1, max_size=4),
                        st.lists(RECORD, max_size=4)), raw=st.sampled_from(["", "\n", "\n{", "\n[1]"]))
def test_jsonl_records(fmt, records, raw):
    check({"a.jsonl": jsonl_of(records, raw)}, fmt)


# --- CoNLL, structure-aware --------------------------------------------------

TAG = st.one_of(st.sampled_from(["O", "B-PER", "I-PER", "E-PER", "S-LOC", "I-LOC"]),
                st.sampled_from(["O", "B-PER", "I-PER"]),
                st.sampled_from(["B-", "X-Y", "b-per", "O-PER", "B-PER-X", "BI"]), LABELS)
TOKEN = st.one_of(st.text(st.sampled_from("Alakot\u0627\u062d.-#="), min_size=1, max_size=6),
                  st.text(st.sampled_from("a\u00a0\x00 "), max_size=3))
GOOD_CONLL_LINE = st.one_of(
    st.tuples(st.text(st.sampled_from("Alakot\u0627\u062d."), min_size=1, max_size=6),
              st.sampled_from(["O", "B-PER", "I-PER", "B-LOC"])).map(lambda t: f"{t[0]} {t[1]}"),
    st.just(""))
CONLL_LINE = st.one_of(
    st.tuples(TOKEN, TAG).map(lambda t: f"{t[0]} {t[1]}"),
    st.tuples(TOKEN, TAG).map(lambda t: f"{t[0]} {t[1]}"),
    st.tuples(TOKEN, TOKEN, TAG).map(lambda t: f"{t[0]}\t{t[1]}\t{t[2]}"),
    st.just(""), st.just("-DOCSTART- -X- O O"), st.just("# comment"), TOKEN)


@QUICK
@given(lines=st.one_of(st.lists(GOOD_CONLL_LINE, min_size=1, max_size=12),
                      st.lists(CONLL_LINE, max_size=12)), ending=st.sampled_from(["", "\n", "\r\n"]))
def test_conll_files(lines, ending):
    data = (ending or "\n").join(lines) + ending
    check({"a.conll": data.encode("utf-8")})


# --- brat, structure-aware ---------------------------------------------------

BRAT_TEXT = st.text(st.sampled_from("Ala ma kota\nأحمد.é\r"), min_size=1, max_size=25)


@st.composite
def brat_pair(draw, clean: bool = False):
    text = draw(BRAT_TEXT)
    lines = []
    if clean:  # text-bound annotations that match the text
        for number in range(draw(st.integers(1, 3))):
            start = draw(st.integers(0, len(text) - 1))
            end = draw(st.integers(start + 1, len(text)))
            shown = text[start:end]
            if "\n" not in shown and "\r" not in shown and shown.strip() == shown:
                lines.append(f"T{number}\tPER {start} {end}\t{shown}")
        return text, "\n".join(lines) + "\n"
    for number in range(draw(st.integers(0, 4))):
        start, end = draw(st.one_of(st.tuples(st.integers(0, len(text)), st.integers(0, len(text))),
                                    st.tuples(OFFSET, OFFSET)))
        if draw(st.booleans()) and isinstance(start, int) and isinstance(end, int) and 0 <= start <= end:
            shown = text[start:end]  # mostly right, so the deeper checks run
        else:
            shown = draw(WORDS)
        label = draw(st.sampled_from(["PER", "LOC", "PER", "", "A B"]))
        lines.append(draw(st.sampled_from([
            f"T{number}\t{label} {start} {end}\t{shown}",
            f"T{number}\t{label} {start} {end};{end} {end}\t{shown}",
            f"R{number}\tRel Arg1:T0 Arg2:T1", f"A{number}\tNeg T0", f"#{number}\tNote T0\tx",
            f"T{number} {label} {start} {end} {shown}", f"E{number}\tEv:T0"])))
    return text, "\n".join(lines) + draw(st.sampled_from(["", "\n"]))


@QUICK
@given(pair=st.one_of(brat_pair(clean=True), brat_pair()))
def test_brat_pairs(pair):
    text, ann = pair
    check({"a.ann": ann.encode("utf-8", "surrogatepass"), "a.txt": text.encode("utf-8")})


# --- Label Studio, structure-aware ------------------------------------------

@st.composite
def good_task(draw, clean: bool = False) -> dict:
    text = draw(CLEAN if clean else WORDS)
    regions = [{"type": "labels", "value": {**span, "labels": [span.pop("label")]}}
               for span in draw(good_spans(text, "spans", clean))]
    return {"data": {"text": text}, "annotations": [{"result": regions}]}


REGION = st.one_of(
    st.fixed_dictionaries({"type": st.sampled_from(["labels", "choices", "rectangle"])}, optional={
        "value": st.fixed_dictionaries({}, optional={
            "start": OFFSET, "end": OFFSET, "labels": st.one_of(st.lists(LABELS, max_size=2), LABELS),
            "text": WORDS})}),
    JSON_VALUE)
TASK = st.one_of(
    good_task(), good_task(),
    st.fixed_dictionaries({"data": st.one_of(st.fixed_dictionaries({"text": WORDS}), JSON_VALUE)},
                          optional={"id": st.integers(), "annotations": st.lists(
                              st.fixed_dictionaries({"result": st.lists(REGION, max_size=3)}, optional={
                                  "was_cancelled": st.booleans(), "completed_by": JSON_VALUE}),
                              max_size=2), "predictions": JSON_VALUE}),
    JSON_VALUE)


@QUICK
@given(tasks=st.one_of(st.lists(good_task(clean=True), min_size=1, max_size=3),
                      st.lists(TASK, max_size=3), TASK))
def test_labelstudio_tasks(tasks):
    check({"a.json": json.dumps(tasks, ensure_ascii=False).encode("utf-8", "surrogatepass")})


# --- plain text --------------------------------------------------------------

@QUICK
@given(text=st.text(max_size=200))
def test_plain_text(text):
    check({"a.txt": text.encode("utf-8", "surrogatepass")})


# --- the same, with many more examples (slow suite) --------------------------

@pytest.mark.slow
@SLOW
@given(data=st.data())
def test_every_importer_long(data):
    which = data.draw(st.sampled_from(["bytes", "jsonl", "conll", "brat", "labelstudio", "txt"]))
    if which == "bytes":
        name = data.draw(st.sampled_from(["a.jsonl", "a.json", "a.conll", "a.txt"]))
        check({name: data.draw(st.binary(max_size=2000))})
    elif which == "jsonl":
        check({"a.jsonl": jsonl_of(data.draw(st.lists(RECORD, max_size=8)), "")})
    elif which == "conll":
        check({"a.conll": "\n".join(data.draw(st.lists(CONLL_LINE, max_size=40))).encode()})
    elif which == "brat":
        text, ann = data.draw(brat_pair())
        check({"a.ann": ann.encode("utf-8", "surrogatepass"), "a.txt": text.encode()})
    elif which == "labelstudio":
        check({"a.json": json.dumps(data.draw(st.lists(TASK, max_size=5))).encode(
            "utf-8", "surrogatepass")})
    else:
        check({"a.txt": data.draw(st.text(max_size=2000)).encode("utf-8", "surrogatepass")})
