"""What the export report and summary count: renamed files, skipped empty
documents, unique row ids, and a warning when --done-only finds nothing."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from annotator.core.model import DocumentRecord, Span
from annotator.formats.export import export_project
from annotator.store import Project


def cli(*args):
    return subprocess.run([sys.executable, "-m", "annotator", *map(str, args)],
                          capture_output=True, text=True)


@pytest.fixture
def same_names(tmp_path):
    path = tmp_path / "p.db"
    with Project.open(path) as project:
        project.import_records([
            DocumentRecord("a/b", f"Text number {k}. Second sentence.", [Span(0, 4, "ORG")])
            for k in range(3)], annotator="alice")
    return path


def test_each_renamed_brat_file_is_listed(same_names, tmp_path):
    with Project.open(same_names) as project:
        report = export_project(project, "brat", tmp_path / "out")
    assert report.renamed == {"a_b": "a/b", "a_b-2": "a/b", "a_b-3": "a/b"}
    assert sorted(p.name for p in (tmp_path / "out").glob("*.txt")) == [
        "a_b-2.txt", "a_b-3.txt", "a_b.txt"]
    assert "3 documents written under safe file names" in "\n".join(report.summary_lines())


def test_hf_row_ids_are_unique_when_document_names_repeat(same_names, tmp_path):
    with Project.open(same_names) as project:
        project.import_records([DocumentRecord("a/b~2", "Other text.")])
        export_project(project, "hf", tmp_path / "out.jsonl", annotator="alice")
    rows = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids)) == 7
    assert ids[:2] == ["a/b#1", "a/b#2"]
    assert [row["document"] for row in rows].count("a/b") == 6


@pytest.mark.parametrize("fmt", ["conll", "hf"])
def test_empty_documents_are_skipped_not_counted_as_written(tmp_path, fmt):
    db = tmp_path / "p.db"
    with Project.open(db) as project:
        project.import_records([DocumentRecord("full", "Xi spoke.", [Span(0, 2, "PERSON")]),
                                DocumentRecord("blank", " \n\t ")], annotator="alice")
    out = tmp_path / f"out.{fmt}"
    result = cli("export", db, "--format", fmt, "--out", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{out}: 1 documents, 1 of 1 spans")
    assert "1 documents skipped (empty or only whitespace): blank" in result.stdout
    report = json.loads((tmp_path / f"out.{fmt}.report.json").read_text())
    assert report["documents"] == 1 and report["skipped"] == ["blank"]


def test_done_only_with_nothing_done_writes_an_empty_file_and_warns(tmp_path):
    db = tmp_path / "p.db"
    with Project.open(db) as project:
        project.import_records([DocumentRecord("d", "Xi spoke.", [Span(0, 2, "PERSON")])],
                               annotator="alice")
    out = tmp_path / "out.jsonl"
    result = cli("export", db, "--format", "jsonl", "--out", out, "--done-only")
    assert result.returncode == 0, result.stderr
    assert out.read_text() == ""
    [warning] = result.stderr.strip().splitlines()
    assert warning.startswith("warning: ") and "no document is marked done" in warning
