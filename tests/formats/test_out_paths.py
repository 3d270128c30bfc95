"""--out is written only where a file (or, for brat, a folder) belongs: a FIFO,
a device or a dangling link is refused, a link to a file is written through."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

from annotator.core.model import DocumentRecord, Span
from annotator.store import Project


def cli(*args):
    return subprocess.run([sys.executable, "-m", "annotator", *map(str, args)],
                          capture_output=True, text=True, timeout=60)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "p.db"
    with Project.open(path) as project:
        project.import_records([DocumentRecord("d", "Xi Jinping spoke.", [Span(0, 10, "PERSON")])],
                               annotator="alice")
    return path


@pytest.mark.parametrize("fmt", ["jsonl", "conll", "hf", "brat"])
def test_a_fifo_at_out_is_refused_and_left_alone(db, tmp_path, fmt):
    out = tmp_path / "out"
    os.mkfifo(out)
    result = cli("export", db, "--format", fmt, "--out", out)
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"{out}: ") and "FIFO" in line
    assert stat.S_ISFIFO(os.lstat(out).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "p.db"]


def test_a_fifo_where_the_report_goes_is_refused_before_anything_is_written(db, tmp_path):
    out = tmp_path / "out.conll"
    os.mkfifo(tmp_path / "out.conll.report.json")
    result = cli("export", db, "--format", "conll", "--out", out)
    assert result.returncode == 2
    assert "FIFO" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_a_dangling_link_is_refused(db, tmp_path):
    out = tmp_path / "out.jsonl"
    out.symlink_to(tmp_path / "nowhere" / "x.jsonl")
    result = cli("export", db, "--format", "jsonl", "--out", out)
    assert result.returncode == 2
    assert out.is_symlink()


def test_a_link_to_a_file_is_written_through(db, tmp_path):
    target = tmp_path / "real.jsonl"
    target.write_text("old\n", encoding="utf-8")
    out = tmp_path / "link.jsonl"
    out.symlink_to(target)
    result = cli("export", db, "--format", "jsonl", "--out", out)
    assert result.returncode == 0, result.stderr
    assert out.is_symlink() and out.resolve() == target
    assert '"Xi Jinping spoke."' in target.read_text(encoding="utf-8")


def test_a_link_to_a_folder_is_written_through_by_brat(db, tmp_path):
    target = tmp_path / "real"
    target.mkdir()
    out = tmp_path / "link"
    out.symlink_to(target)
    result = cli("export", db, "--format", "brat", "--out", out)
    assert result.returncode == 0, result.stderr
    assert out.is_symlink()
    assert sorted(p.name for p in target.iterdir()) == ["annotation.conf", "d.ann", "d.txt"]
