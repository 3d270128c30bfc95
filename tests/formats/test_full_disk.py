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


def test_what_a_killed_export_left_is_removed_by_the_next(annotated, tmp_path):
    """A killed export leaves its temporary file (a brat folder of them): the
    next export to that place removes it, as long as its process is gone and
    it is not being written to; another live process's is left alone."""
    import os
    import subprocess
    import sys
    import time

    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    old = time.time() - 600
    left = tmp_path / f".train.conll.{gone}.tmp"
    left.write_text("half an export")
    folder = tmp_path / f".corpus.{gone}.tmp"
    folder.mkdir()
    (folder / "d.ann").write_text("T1\tPERSON 0 2\tXi\n")
    live = tmp_path / f".train.conll.{os.getppid()}.tmp"  # a process that runs
    live.write_text("another export")
    for path in (left, folder, live):
        os.utime(path, (old, old))
    export_project(annotated, "conll", tmp_path / "train.conll", annotator="alice")
    export_project(annotated, "brat", tmp_path / "corpus", annotator="alice")
    assert not left.exists() and not folder.exists()
    assert live.exists()
