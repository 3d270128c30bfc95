"""A full disk during an export: the command says it failed, and then no new
output is in place (a trainer would take it), no temporary file is left to
keep the disk full, and an earlier output is as it was."""

from __future__ import annotations

import errno

import pytest

from annotator.core.model import DocumentRecord, Span
from annotator.formats import files
from annotator.formats import report as report_module
from annotator.formats.export import export_project
from annotator.formats.writing import ExportError


def _disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("fmt", ["jsonl", "conll", "hf"])
def test_no_room_for_the_report_leaves_no_new_output(annotated, tmp_path, monkeypatch, fmt):
    out = tmp_path / "train.out"
    export_project(annotated, fmt, out, annotator="alice")
    before = outputs(tmp_path)
    annotated.import_records([DocumentRecord("new", "Xi Jinping spoke.", [Span(0, 10, "PERSON")])],
                             annotator="alice")
    # The new output fits; its report, written next, does not.
    monkeypatch.setattr(report_module.json, "dumps", _disk_full)
    with pytest.raises(ExportError, match="No space left on device"):
        export_project(annotated, fmt, out, annotator="alice")
    assert outputs(tmp_path) == before  # no temporary file either


def outputs(folder):
    """The export's files (the project beside them aside), hidden ones too."""
    return {p.name: p.read_bytes() for p in folder.iterdir() if "train" in p.name}


def test_an_abort_whose_close_fails_again_still_removes_its_file(tmp_path):
    target = files.AtomicFile(tmp_path / "out.conll")
    target.write("x" * 100)

    class FullDisk:
        def __init__(self, handle):
            self.handle = handle

        def close(self):
            self.handle.close()
            _disk_full()

    target.handle = FullDisk(target.handle)
    target.abort()
    assert list(tmp_path.iterdir()) == []
