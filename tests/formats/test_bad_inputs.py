"""Every file of tests/data/bad through ``annotator import``: exit status 2,
one line naming the file and line (or byte offset), the project unchanged
byte for byte."""

from __future__ import annotations

import shutil

import pytest

from annotator.cli import main
from annotator.store import Project
from tests.helpers.bad_inputs import (BAD, EXPECTED, bad_files, file_bytes, first_line,
                                      what_a_reader_sees)


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "project.db"
    assert main(["import", str(path), str(BAD / "accepted" / "odd_names.jsonl")]) == 0
    return path


def test_every_bad_file_has_its_expected_line():
    names = {p.name for p in bad_files()}
    assert names == set(EXPECTED)
    assert len(names) >= 25


@pytest.mark.parametrize("path", bad_files(), ids=lambda p: p.name)
def test_a_bad_file_is_refused_with_one_line_and_the_project_is_unchanged(
        path, project, tmp_path, capsys):
    before, seen = file_bytes(project), what_a_reader_sees(project)
    copy = tmp_path / path.name  # the brat .txt goes along
    for companion in path.parent.glob(path.stem + ".*"):
        shutil.copyfile(companion, tmp_path / companion.name)
    assert main(["import", str(project), str(copy)]) == 2
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert captured.out == ""
    assert lines and lines[0].startswith(first_line(copy)), lines
    assert EXPECTED[path.name][1] in lines[0]
    assert "Traceback" not in captured.err
    assert file_bytes(project) == before
    assert what_a_reader_sees(project) == seen


def test_odd_names_import_safely_and_are_stored_exactly(project):
    with Project.open(project) as opened:
        names = set(opened.document_names().values())
        labels = {label.key for label in opened.labels()}
    assert names == {"../../etc/passwd", "a/b\\c:d", "Robert'); DROP TABLE documents;--"}
    assert labels >= {"PER'; DROP TABLE spans; --", 'O"Brien\\', "%_*"}
    assert not (project.parent.parent / "etc").exists()
