"""Suggestions through JSONL: written with --with-suggestions, marked
``"suggested": true``, and read back as proposals, never as labels."""

from __future__ import annotations

import json

from annotator.cli import main
from annotator.core.model import DocumentRecord, Origin, Span
from annotator.store import Project
from annotator.store.editing import Labelling

TEXT = "Xi Jinping met Tokayev on Wednesday in Astana."


def write_rows(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")


def row(spans):
    return {"id": "call", "text": TEXT, "annotator": "alice", "spans": spans}


def layer(path):
    with Project.open(path, create=False) as project:
        doc = project.document_by_name("call")
        return sorted((s.start, s.end, s.label, s.origin.value, s.reason)
                      for s in project.spans(doc.id, "alice"))


def test_a_suggestion_exported_and_imported_again_is_still_a_suggestion(tmp_path, capsys):
    source = tmp_path / "source.db"
    with Project.open(source) as project:
        project.import_records([DocumentRecord("call", TEXT, spans=[Span(0, 10, "PERSON")],
                                               annotator="alice")])
        doc = project.document_by_name("call")
        project.add_span(doc.id, "alice", 26, 35, "DATE", origin=Origin.SUGGESTED,
                         reason="date rule")
    out = tmp_path / "out.jsonl"
    assert main(["export", str(source), "--format", "jsonl", "--annotator", "alice",
                 "--with-suggestions", "--out", str(out)]) == 0
    [written] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert written["spans"] == [{"start": 0, "end": 10, "label": "PERSON"},
                                {"start": 26, "end": 35, "label": "DATE", "suggested": True}]

    again = tmp_path / "again.db"
    capsys.readouterr()
    assert main(["import", str(again), str(out)]) == 0
    assert "1 of the new spans are suggestions" in capsys.readouterr().out
    assert layer(again) == [(0, 10, "PERSON", "imported", ""),
                            (26, 35, "DATE", "suggested", "imported from out.jsonl")]


def test_a_suggestion_the_annotator_rejected_is_not_imported_again(tmp_path, capsys):
    path = tmp_path / "p.db"
    given = tmp_path / "proposals.jsonl"
    write_rows(given, [row([{"start": 0, "end": 10, "label": "PERSON", "suggested": True},
                            {"start": 15, "end": 22, "label": "PERSON", "suggested": True}])])
    assert main(["import", str(path), str(given)]) == 0
    with Project.open(path) as project:
        assert project.stats()["by_status"] == {}  # proposals alone: nobody worked on it yet
        labelling = Labelling(project, "alice")
        labelling.open(project.document_by_name("call").id)
        [xi] = [s for s in labelling.suggestions if s.start == 0]
        labelling.reject(xi.id)
        [tokayev] = labelling.suggestions
        labelling.accept(tokayev.id)
    capsys.readouterr()
    assert main(["import", str(path), str(given)]) == 0
    printed = capsys.readouterr().out
    assert "1 suggestions the annotator had rejected there were not stored again" in printed
    # Tokayev is the annotator's label now: the proposal of it is not stored beside it.
    assert [(s[0], s[3]) for s in layer(path)] == [(15, "manual")]


def test_suggested_must_be_true_or_false(tmp_path, capsys):
    path = tmp_path / "p.db"
    given = tmp_path / "bad.jsonl"
    write_rows(given, [row([]), row([{"start": 0, "end": 10, "label": "PERSON", "suggested": "yes"}])])
    assert main(["import", str(path), str(given)]) == 2
    assert f"{given}:2: a span's \"suggested\" must be true or false, not 'yes'" in capsys.readouterr().err
    assert not path.exists()
