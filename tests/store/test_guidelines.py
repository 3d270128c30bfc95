"""Annotation guidelines: seeded for the default labels, edited in one
transaction, kept across a schema upgrade, handed out by assign and brought
back by merge."""

from __future__ import annotations


import pytest

from annotator.cli import main
from annotator.core.model import DocumentRecord, Guideline, Span
from annotator.store import Project, ProjectError
from annotator.store.merge import merge_projects
from annotator.store.schema import GUIDELINES_VERSION, MIGRATIONS, SCHEMA_VERSION
from tests.team.conftest import make_master
from tests.helpers.old_schema import ONE_DOCUMENT, write_file_at_schema

XI = "Xi Jinping visited Astana on Wednesday."


def test_a_new_project_has_the_default_guidelines_from_the_design(tmp_path):
    with Project.open(tmp_path / "p.db") as project:
        guidelines = project.guidelines()
    assert list(guidelines) == ["PERSON", "ORG", "DATE", "INITIATIVE"]
    date = guidelines["DATE"]
    assert "اليوم (الأربعاء)" in date.examples and "أمس الثلاثاء" in date.examples
    assert not any("30 عاما" in e for e in date.examples)
    assert any(c.startswith("30 عاما") for c in date.counter_examples)
    assert "durations" in date.definition
    assert "شي جين بينغ" in guidelines["PERSON"].examples
    assert "منظمة شانغهاي للتعاون" in guidelines["ORG"].examples
    assert "مبادرة الحزام والطريق" in guidelines["INITIATIVE"].examples


def test_a_guideline_is_replaced_whole_and_survives_reopening(tmp_path):
    path = tmp_path / "p.db"
    with Project.open(path) as project:
        project.add_label("LOC", "Place")
        assert project.guideline("LOC").is_empty()  # a new label starts without one
        project.set_guideline(Guideline("LOC", "A named place <b>not</b> a country.",
                                        ("أستانا", "  Astana  ", ""), ("الصين",)))
    with Project.open(path) as project:
        loc = project.guideline("LOC")
        assert loc == Guideline("LOC", "A named place <b>not</b> a country.",
                                ("أستانا", "Astana"), ("الصين",))
        with pytest.raises(ProjectError, match="unknown label"):
            project.set_guideline(Guideline("NOPE", "x"))
        project.update_label("LOC", name="Location")  # renaming keeps it
        assert project.guideline("LOC").definition.startswith("A named place")


def test_a_failed_write_leaves_the_old_guideline(tmp_path):
    with Project.open(tmp_path / "p.db") as project:
        before = project.guideline("DATE")
        with pytest.raises(RuntimeError):
            with project.transaction():
                project.set_guideline(Guideline("DATE", "changed"))
                raise RuntimeError("disk full")
        assert project.guideline("DATE") == before


def test_a_file_of_the_previous_schema_gets_guidelines_for_its_default_labels(tmp_path):
    assert GUIDELINES_VERSION <= SCHEMA_VERSION == len(MIGRATIONS)
    path = tmp_path / "old.db"
    write_file_at_schema(path, GUIDELINES_VERSION - 1, (
        "INSERT INTO labels VALUES ('DATE', 'Date', '#00ff00', '1', 0);"
        "INSERT INTO labels VALUES ('CITY', 'City', '#0000ff', '2', 1);") + ONE_DOCUMENT + (
        "INSERT INTO spans (document_id, annotator_id, start, \"end\", label) "
        "VALUES (1, 1, 0, 2, 'CITY');"))
    with Project.open(path) as project:
        assert project.schema_version == SCHEMA_VERSION
        assert [l.key for l in project.labels()] == ["DATE", "CITY"]  # none added
        guidelines = project.guidelines()
        assert "اليوم (الأربعاء)" in guidelines["DATE"].examples
        assert guidelines["CITY"].is_empty()
        assert [s.label for s in project.spans(1, "alice")] == ["CITY"]


def test_assign_hands_the_guidelines_to_every_annotator(tmp_path):
    master = make_master(tmp_path / "master.db")
    with Project.open(master) as project:
        project.set_guideline(Guideline("ORG", "Our own ORG rule.", ("شينخوا",), ("الصين",)))
        expected = project.guidelines()
    out = tmp_path / "out"
    assert main(["assign", str(master), "--to", "alice", "bob", "--out", str(out)]) == 0
    for name in ("alice", "bob"):
        with Project.open(out / f"{name}.db") as handed:
            assert handed.guidelines() == expected


def test_merge_takes_a_missing_guideline_and_keeps_the_reviews_own(tmp_path, capsys):
    source = tmp_path / "alice.db"
    with Project.open(source) as project:
        project.add_label("CITY", "City")
        project.set_guideline(Guideline("CITY", "A named city.", ("أستانا",)))
        project.set_guideline(Guideline("PERSON", "Alice's idea of a person."))
        project.import_records([DocumentRecord("d", XI, spans=[Span(19, 25, "CITY")],
                                               annotator="alice")])
    review_path = tmp_path / "review.db"
    with Project.open(review_path) as review:
        mine = review.guideline("PERSON")
        summary = merge_projects(review, [source])
        assert summary.guidelines_added == ("CITY",)
        assert summary.guidelines_differing == ("PERSON",)
        assert review.guideline("CITY") == Guideline("CITY", "A named city.", ("أستانا",))
        assert review.guideline("PERSON") == mine
    # the command line says what it did
    assert main(["merge", str(tmp_path / "r2.db"), str(source)]) == 0
    out = capsys.readouterr().out
    assert "guidelines taken for CITY" in out
    assert "guidelines of PERSON differ" in out and "review's are kept" in out
