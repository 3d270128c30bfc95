"""``annotator suggest``: one transaction, idempotent, all or nothing."""

import sqlite3
import subprocess
import sys

import pytest

from annotator.cli import main
from annotator.core.model import Origin
from annotator.store import Project

GAZETTEER = "# names\nالصين\tORG\nشي جين بينغ\tPERSON\nXi Jinping\tPERSON\nKPCh\tORG\n"


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "annotator", *map(str, args)],
                          capture_output=True, text=True)


@pytest.fixture
def db(tmp_path, seeds_dir, capsys):
    path = tmp_path / "p.db"
    assert main(["import", str(path), str(seeds_dir)]) == 0
    capsys.readouterr()
    return path


@pytest.fixture
def gazetteer(tmp_path):
    path = tmp_path / "names.tsv"
    path.write_text(GAZETTEER, encoding="utf-8")
    return path


def spans_of(path, annotator):
    with Project.open(path, create=False) as project:
        return [s for doc_id in project.document_ids() for s in project.spans(doc_id, annotator)]


def test_suggestions_are_spans_of_origin_suggested_and_a_second_run_adds_nothing(
        db, gazetteer, capsys):
    assert main(["suggest", str(db), "--annotator", "alice", "--dates",
                 "--gazetteer", str(gazetteer)]) == 0
    first = capsys.readouterr().out.splitlines()
    spans = spans_of(db, "alice")
    dates = [s for s in spans if s.label == "DATE"]
    assert first == [f"{db}: {len(dates)} date suggestions",
                     f"{db}: {len(spans) - len(dates)} gazetteer suggestions"]
    assert len(dates) == 14 and len(spans) > len(dates)
    assert {s.origin for s in spans} == {Origin.SUGGESTED}
    with Project.open(db) as project:
        polish = project.document_by_name("pl-2021-06-02-xi-tokayev-phone-call")
        texts = [polish.text[s.start:s.end] for s in project.spans(polish.id, "alice")]
    assert texts[:4] == ["Xi Jinping", "w środę", "Ten rok", "KPCh"]

    assert main(["suggest", str(db), "--annotator", "alice", "--dates",
                 "--gazetteer", str(gazetteer)]) == 0
    second = capsys.readouterr().out.splitlines()
    assert second == [
        f"{db}: 0 date suggestions ({len(dates)} skipped: overlap a span of alice)",
        f"{db}: 0 gazetteer suggestions ({len(spans) - len(dates)} skipped: overlap a span of alice)"]
    assert spans_of(db, "alice") == spans


def test_an_annotators_own_spans_are_left_alone(db, capsys):
    with Project.open(db) as project:
        document = project.document_by_name("pl-2021-06-02-xi-tokayev-phone-call")
        start = document.text.index("środę")
        project.add_span(document.id, "bob", start, start + 5, "ORG")
    assert main(["suggest", str(db), "--annotator", "bob", "--dates",
                 "--doc", "pl-2021-06-02-xi-tokayev-phone-call"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{db}: 1 date suggestion (1 skipped: overlap a span of bob)"]
    spans = spans_of(db, "bob")
    assert [(s.label, s.origin) for s in spans] == [("ORG", Origin.MANUAL),
                                                     ("DATE", Origin.SUGGESTED)]
    assert spans_of(db, "alice") == []  # another layer is untouched


def test_only_the_named_document(db, capsys):
    assert main(["suggest", str(db), "--annotator", "carol", "--dates",
                 "--doc", "ar-2021-06-02-xi-tokayev-phone-call"]) == 0
    assert capsys.readouterr().out.strip() == f"{db}: 4 date suggestions"
    with Project.open(db) as project:
        document = project.document_by_name("ar-2021-06-02-xi-tokayev-phone-call")
        assert len(project.spans(document.id, "carol")) == 4
        # Suggestions are counted apart: they are not labels until accepted.
        assert project.stats()["spans"] == 0
        assert project.stats()["open_suggestions"] == 4


def test_a_bad_gazetteer_line_changes_nothing(db, tmp_path):
    before = db.read_bytes()
    bad = tmp_path / "bad.tsv"
    bad.write_text("الصين\tORG\n# fine\nشي جين بينغ PERSON\n", encoding="utf-8")
    result = run_cli("suggest", db, "--annotator", "alice", "--dates", "--gazetteer", bad)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{bad}:3: ")
    assert db.read_bytes() == before


def test_gold_is_refused(db):
    before = db.read_bytes()
    result = run_cli("suggest", db, "--annotator", "gold", "--dates")
    assert result.returncode == 2
    assert "gold" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert db.read_bytes() == before
    assert spans_of(db, "alice") == []


def test_something_to_suggest_is_required(db):
    result = run_cli("suggest", db, "--annotator", "alice")
    assert result.returncode == 2
    assert "--dates" in result.stderr and "--gazetteer" in result.stderr


def test_unknown_document_or_missing_project(db, tmp_path):
    before = db.read_bytes()
    result = run_cli("suggest", db, "--annotator", "alice", "--dates", "--doc", "nope")
    assert result.returncode == 2 and "nope" in result.stderr
    assert db.read_bytes() == before
    missing = tmp_path / "missing.db"
    result = run_cli("suggest", missing, "--annotator", "alice", "--dates")
    assert result.returncode == 2 and not missing.exists()


def test_dates_need_a_date_label(db, capsys):
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM labels WHERE key = 'DATE'")
    assert main(["suggest", str(db), "--annotator", "alice", "--dates"]) == 2
    assert "no DATE label" in capsys.readouterr().err


def test_nothing_proposed_says_nothing_of_groups():
    from annotator.commands.suggest_cmd import summary_line
    from annotator.suggest.apply import SourceSummary

    assert summary_line(SourceSummary("mention", entities=1, rejected=2), "alice") == (
        "0 mention suggestions (2 rejected before: not proposed again)")
    assert summary_line(SourceSummary("mention", added=3, entities=1), "alice") == (
        "3 mention suggestions grouped as 1 entity (one per name and document)")
