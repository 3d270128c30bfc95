"""Labels the project lacks: added and named, or with --strict-labels
refused (exit 2, file and line named, nothing stored)."""

from __future__ import annotations

import json

from annotator.cli import main
from annotator.store import Project
from tests.helpers.bad_inputs import file_bytes, what_a_reader_sees


def write(path, *objs):
    path.write_text("".join(json.dumps(o) + "\n" for o in objs), encoding="utf-8")
    return path


def labelled_project(tmp_path):
    project = tmp_path / "p.db"
    first = write(tmp_path / "first.jsonl",
                  {"id": "a", "text": "Ala ma kota", "spans": [{"start": 0, "end": 3, "label": "PER"}]})
    assert main(["import", str(project), str(first)]) == 0
    return project


def test_strict_labels_refuses_a_label_the_project_lacks(tmp_path, capsys):
    project = labelled_project(tmp_path)
    capsys.readouterr()
    more = write(tmp_path / "more.jsonl",
                 {"id": "b", "text": "Jan w Gdańsku", "spans": [{"start": 0, "end": 3, "label": "PER"}]},
                 {"id": "c", "text": "Ewa w Krakowie", "spans": [{"start": 6, "end": 14, "label": "LOC"}]})
    before, seen = file_bytes(project), what_a_reader_sees(project)
    assert main(["import", str(project), str(more), "--strict-labels"]) == 2
    out = capsys.readouterr()
    [line] = out.err.splitlines()
    assert line.startswith(f"{more}:2: label 'LOC' is not in the project (--strict-labels); "
                           "its labels: ")
    assert "PER" in line.split("its labels: ")[1].split(", ")
    assert file_bytes(project) == before and what_a_reader_sees(project) == seen


def test_strict_labels_on_a_new_project_leaves_no_file(tmp_path, capsys):
    project = tmp_path / "new.db"
    more = write(tmp_path / "more.jsonl",
                 {"text": "Ewa", "spans": [{"start": 0, "end": 3, "label": "PER"}]})
    assert main(["import", str(project), str(more), "--strict-labels"]) == 2
    assert "label 'PER' is not in the project" in capsys.readouterr().err
    assert not project.exists()


def test_without_strict_labels_new_labels_are_added_and_named(tmp_path, capsys):
    project = labelled_project(tmp_path)
    more = write(tmp_path / "more.jsonl",
                 {"id": "c", "text": "Ewa w Krakowie", "spans": [{"start": 6, "end": 14, "label": "LOC"}]})
    capsys.readouterr()
    assert main(["import", str(project), str(more)]) == 0
    assert f"{project}: new labels LOC" in capsys.readouterr().out
    with Project.open(project) as opened:
        assert {label.key for label in opened.labels()} >= {"PER", "LOC"}


def test_strict_labels_takes_labels_the_project_has(tmp_path):
    project = labelled_project(tmp_path)
    more = write(tmp_path / "more.jsonl",
                 {"id": "b", "text": "Jan ma psa", "spans": [{"start": 0, "end": 3, "label": "PER"}]})
    assert main(["import", str(project), str(more), "--strict-labels"]) == 0
