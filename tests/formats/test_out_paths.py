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


def _digest(path):
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("fmt", ["jsonl", "conll", "hf", "doccano"])
def test_the_project_file_itself_is_never_an_output(db, tmp_path, fmt):
    before = _digest(db)
    link = tmp_path / "link.out"
    link.symlink_to(db)
    for out in (db, link):
        result = cli("export", db, "--format", fmt, "--out", out)
        assert result.returncode == 2
        [line] = result.stderr.strip().splitlines()
        assert line == f"{out}: is the project file ({db}); give the output another name"
    assert _digest(db) == before
    assert "documents  1" in cli("stats", db).stdout


def test_a_report_that_would_land_on_the_project_is_refused(tmp_path):
    project = tmp_path / "out.jsonl.report.json"  # an odd name, but a project file
    with Project.open(project) as made:
        made.import_records([DocumentRecord("d", "Xi Jinping spoke.")])
    before = _digest(project)
    result = cli("export", project, "--format", "jsonl", "--out", tmp_path / "out.jsonl")
    assert result.returncode == 2
    assert "is the project file" in result.stderr
    assert _digest(project) == before
    assert not (tmp_path / "out.jsonl").exists()


def test_render_never_draws_over_the_project(db):
    before = _digest(db)
    result = cli("render", db, "--doc", "d", "--out", db)
    assert result.returncode == 2
    assert result.stderr.strip() == f"{db}: is the project file ({db}); give the output another name"
    assert _digest(db) == before


@pytest.mark.parametrize("out", [".", ".."])
def test_the_current_folder_as_out_is_one_clear_refusal(db, tmp_path, out):
    work = tmp_path / "work" / "here"
    work.mkdir(parents=True)
    (work / "notes.txt").write_text("mine")
    result = subprocess.run([sys.executable, "-m", "annotator", "export", str(db),
                             "--format", "brat", "--out", out], capture_output=True, text=True,
                            cwd=work, timeout=60)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert (work / "notes.txt").read_text() == "mine"
