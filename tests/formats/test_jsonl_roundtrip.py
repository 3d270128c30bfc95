"""JSONL and doccano: file -> project -> file keeps every span as it was."""

from __future__ import annotations

import json

import pytest

from annotator.formats.export import export_project
from annotator.formats.registry import read_paths
from annotator.store import Project
from tests.fixtures.export_cases import records
from tests.formats.readback import jsonl_spans


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


@pytest.mark.parametrize("fmt", ["jsonl", "doccano"])
def test_file_project_file_keeps_the_spans(tmp_path, seeds_dir, fmt):
    given = tmp_path / "given.jsonl"
    rows = []
    for record in records(seeds_dir):
        spans = [{"start": s.start, "end": s.end, "label": s.label} for s in reversed(record.spans)]
        if fmt == "jsonl":
            rows.append({"id": record.name, "text": record.text, "lang": record.name[:2],
                         "spans": spans, "annotator": "alice", "meta": {"source": "seeds"}})
        else:
            rows.append({"id": record.name, "text": record.text,
                         "label": [[s["start"], s["end"], s["label"]] for s in spans]})
    rows.append({"id": "odd", "text": "line\u2028separator and Xi", "lang": "en",
                 "spans": [{"start": 19, "end": 21, "label": "PERSON"}], "annotator": "alice",
                 "meta": {}} if fmt == "jsonl" else
                {"id": "odd", "text": "line\u2028separator and Xi", "label": [[19, 21, "PERSON"]]})
    write_jsonl(given, rows)
    with Project.open(tmp_path / "p.db") as project:
        project.import_records(read_paths([given], fmt), annotator="alice")
        out = tmp_path / "out.jsonl"
        report = export_project(project, fmt, out, annotator="alice")
    assert jsonl_spans(out) == jsonl_spans(given)
    assert report.entries == [] and report.spans == len(jsonl_spans(given))
    if fmt == "jsonl":
        # Everything else comes back too: a second round gives the same file.
        with Project.open(tmp_path / "q.db") as again:
            again.import_records(read_paths([out]))
            export_project(again, "jsonl", tmp_path / "again.jsonl")
        assert (tmp_path / "again.jsonl").read_bytes() == out.read_bytes()
        back = {json.loads(l)["id"]: json.loads(l) for l in out.read_text(encoding="utf-8").split("\n") if l}
        assert back["odd"]["text"] == "line\u2028separator and Xi"
        assert back["pl-2021-06-02-xi-tokayev-phone-call"]["meta"] == {"source": "seeds"}
