"""A label with whitespace in it is written by the token formats as a name the
tokens' own reader takes back, and the report says so."""

from __future__ import annotations

import json

import pytest

from annotator.core.model import DocumentRecord, Span
from annotator.formats.export import export_project
from annotator.formats.registry import read_paths
from annotator.store import Project

TEXT = "Xi Jinping met Tokayev in Beijing."


@pytest.fixture
def spaced(tmp_path):
    """Two labels that differ only in their spaces (as the Labels dialog or an
    older import could make them): a plain one and one with a no-break space."""
    with Project.open(tmp_path / "p.db") as project:
        project.add_label("BIG PERSON")
        project.add_label("BIG\u00a0PERSON")
        project.import_records([DocumentRecord("d", TEXT, spans=[
            Span(0, 10, "BIG PERSON"), Span(15, 22, "BIG\u00a0PERSON"), Span(26, 33, "PLACE")])],
            annotator="alice")
        yield project


@pytest.mark.parametrize("scheme", ["iob2", "iob1", "bioes"])
def test_conll_with_spaced_labels_reads_back(spaced, tmp_path, scheme):
    first = tmp_path / "first.conll"
    report = export_project(spaced, "conll", first, scheme=scheme)
    written = first.read_text(encoding="utf-8")
    assert "-BIG_PERSON\n" in written and "BIG PERSON" not in written
    renamed = [e for e in report.entries if e.action == "label-renamed"]
    # Two labels, two tags: never merged into one.
    assert {(e.label, e.detail) for e in renamed} == {
        ("BIG PERSON", "written as BIG_PERSON"), ("BIG\u00a0PERSON", "written as BIG_PERSON_")}
    [record] = read_paths([first], "conll")
    assert [(s.start, s.end, s.label) for s in record.spans] == [
        (0, 10, "BIG_PERSON"), (15, 22, "BIG_PERSON_"), (26, 33, "PLACE")]
    with Project.open(tmp_path / "again.db") as again:
        again.import_records([record], annotator="carol")
        second = tmp_path / "second.conll"
        export_project(again, "conll", second, scheme=scheme)
    assert second.read_bytes() == first.read_bytes()


def test_hf_tag_names_have_no_whitespace(spaced, tmp_path):
    out = tmp_path / "out.jsonl"
    report = export_project(spaced, "hf", out)
    names = json.loads((tmp_path / "out.jsonl.labels.json").read_text())["names"]
    assert all(" " not in n and "\t" not in n for n in names)
    assert "B-BIG_PERSON" in names and "B-BIG_PERSON_" in names
    assert len(set(names)) == len(names)  # datasets' ClassLabel refuses a name twice
    [row] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [names[t] for t in row["ner_tags"]][:5] == [
        "B-BIG_PERSON", "I-BIG_PERSON", "O", "B-BIG_PERSON_", "O"]
    assert sum(e.action == "label-renamed" for e in report.entries) == 2
