"""A folder of exports imports back: the reports an export writes beside its
output are passed over (with a note), and a Hugging Face export, which is
written but not read, says so rather than that a text is missing."""

from __future__ import annotations

from annotator.cli import main
from annotator.core.model import DocumentRecord, Span
from annotator.store import Project


def made_project(path):
    with Project.open(path) as project:
        project.import_records([DocumentRecord("d", "Xi Jinping met Tokayev in Astana.",
                                               [Span(0, 10, "PERSON"), Span(15, 22, "PERSON")])],
                               annotator="alice")
    return path


def test_a_folder_with_an_export_and_its_report_imports_the_export(tmp_path, capsys):
    source = made_project(tmp_path / "p.db")
    folder = tmp_path / "exports"
    folder.mkdir()
    assert main(["export", str(source), "--format", "jsonl", "--out", str(folder / "a.jsonl")]) == 0
    assert (folder / "a.jsonl.report.json").exists()
    capsys.readouterr()
    copy = tmp_path / "copy.db"
    assert main(["import", str(copy), str(folder)]) == 0
    out = capsys.readouterr().out
    assert "imported 1 new documents" in out and "2 new spans" in out
    assert f"note: {folder / 'a.jsonl.report.json'}: not imported: written by an export" in out
    with Project.open(copy, create=False) as project:
        assert len(project.spans(project.document_ids()[0])) == 2


def test_a_report_named_alone_is_still_read_as_asked(tmp_path, capsys):
    source = made_project(tmp_path / "p.db")
    out = tmp_path / "a.jsonl"
    assert main(["export", str(source), "--format", "jsonl", "--out", str(out)]) == 0
    capsys.readouterr()
    report = tmp_path / "a.jsonl.report.json"
    assert main(["import", str(tmp_path / "n.db"), str(report)]) == 2
    assert f"{report}:1: no text" in capsys.readouterr().err


def test_a_hugging_face_export_is_named_when_imported(tmp_path, capsys):
    source = made_project(tmp_path / "p.db")
    out = tmp_path / "train-hf.jsonl"
    assert main(["export", str(source), "--format", "hf", "--out", str(out)]) == 0
    capsys.readouterr()
    assert main(["import", str(tmp_path / "n.db"), str(out)]) == 2
    first = capsys.readouterr().err.splitlines()[0]
    assert first.startswith(f"{out}:1: a Hugging Face row")
    assert not (tmp_path / "n.db").exists()
