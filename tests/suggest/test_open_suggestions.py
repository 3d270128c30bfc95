"""A suggestion is not a label until accepted: it counts in no export, no
agreement figure and no merge; ``stats`` and the export report say how many
are open; ``suggest --mentions`` and ``--save-gazetteer`` on the command line."""

from __future__ import annotations

import json

import pytest

from annotator.cli import main
from annotator.core.model import Origin
from annotator.store import Project
from annotator.store.editing import Labelling
from annotator.store.layers import iter_document_layers
from annotator.store.merge import merge_projects

POLISH = "pl-2021-06-02-xi-tokayev-phone-call"
ARABIC = "ar-2021-06-02-xi-tokayev-phone-call"


@pytest.fixture
def db(tmp_path, seeds_dir, capsys):
    path = tmp_path / "p.db"
    assert main(["import", str(path), str(seeds_dir)]) == 0
    capsys.readouterr()
    return path


def label_first(path, annotator, document, phrase, label):
    with Project.open(path) as project:
        service = Labelling(project, annotator)
        service.open(project.document_by_name(document).id)
        start = service.document.text.index(phrase)
        service.add(start, start + len(phrase), label)


def layer(path, annotator):
    with Project.open(path) as project:
        return [s for d in project.document_ids() for s in project.spans(d, annotator)]


def test_suggest_mentions_proposes_the_other_mentions_of_what_was_labelled(db, capsys):
    label_first(db, "alice", ARABIC, "شي جين بينغ", "PERSON")
    label_first(db, "alice", POLISH, "Tokajew", "PERSON")
    assert main(["suggest", str(db), "--annotator", "alice", "--mentions"]) == 0
    out = capsys.readouterr().out
    assert "mention suggestion" in out
    spans = layer(db, "alice")
    suggested = [s for s in spans if s.origin is Origin.SUGGESTED]
    assert len([s for s in spans if s.origin is Origin.MANUAL]) == 2
    # full mentions, and the short forms of the Chinese name (شي)
    assert suggested and all(s.reason.startswith(("mention of «", "short form of «"))
                             for s in suggested)
    assert any(s.reason.startswith("mention of «") for s in suggested)
    with Project.open(db) as project:
        texts = {project.document(d).text[s.start:s.end]
                 for d in project.document_ids() for s in project.spans(d, "alice")
                 if s.is_suggestion}
    assert "شي جين بينغ" in texts and "Tokajew" in texts
    # Again: nothing new.
    assert main(["suggest", str(db), "--annotator", "alice", "--mentions"]) == 0
    assert "0 mention suggestions" in capsys.readouterr().out
    assert len(layer(db, "alice")) == len(spans)


def test_a_rejected_mention_is_not_proposed_again_by_the_command_line(db, capsys):
    label_first(db, "alice", POLISH, "Tokajew", "PERSON")
    assert main(["suggest", str(db), "--annotator", "alice", "--mentions"]) == 0
    with Project.open(db) as project:
        service = Labelling(project, "alice")
        service.open(project.document_by_name(POLISH).id)
        rejected = service.suggestions[0]
        service.reject(rejected.id)
    capsys.readouterr()
    assert main(["suggest", str(db), "--annotator", "alice", "--mentions"]) == 0
    assert "1 rejected before" in capsys.readouterr().out
    assert rejected.key not in {s.key for s in layer(db, "alice")}


def test_save_gazetteer_writes_the_labels_made_or_accepted(db, tmp_path, capsys):
    label_first(db, "alice", POLISH, "Tokajew", "PERSON")
    label_first(db, "alice", ARABIC, "الصين", "ORG")
    out = tmp_path / "names.tsv"
    assert main(["suggest", str(db), "--annotator", "alice", "--dates",
                 "--save-gazetteer", str(out)]) == 0
    # The dates just proposed are suggestions, not labels: not in the gazetteer.
    assert out.read_text(encoding="utf-8").splitlines()[1:] == ["Tokajew\tPERSON", "الصين\tORG"]
    assert f"{out}: 2 gazetteer entries" in capsys.readouterr().out
    # What was saved loads back as a gazetteer for another annotator.
    assert main(["suggest", str(db), "--annotator", "bob", "--gazetteer", str(out)]) == 0
    assert {s.reason for s in layer(db, "bob")} == {"gazetteer"}


def test_stats_and_export_count_open_suggestions_and_leave_them_out(db, tmp_path, capsys):
    label_first(db, "alice", POLISH, "Tokajew", "PERSON")
    assert main(["suggest", str(db), "--annotator", "alice", "--dates", "--mentions"]) == 0
    with Project.open(db) as project:
        open_count = project.open_suggestion_count("alice")
    assert open_count > 2
    capsys.readouterr()
    assert main(["stats", str(db), "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert (stats["spans"], stats["open_suggestions"]) == (1, open_count)

    out = tmp_path / "out.jsonl"
    assert main(["export", str(db), "--format", "jsonl", "--out", str(out)]) == 0
    assert f"{open_count} suggestions of alice still open" in capsys.readouterr().out
    written = [span for line in out.read_text(encoding="utf-8").splitlines()
               for span in json.loads(line)["spans"]]
    assert len(written) == 1
    report = json.loads((tmp_path / "out.jsonl.report.json").read_text(encoding="utf-8"))
    assert report["open_suggestions"] == open_count and report["with_suggestions"] is False

    assert main(["export", str(db), "--format", "jsonl", "--out", str(out),
                 "--with-suggestions"]) == 0
    written = [span for line in out.read_text(encoding="utf-8").splitlines()
               for span in json.loads(line)["spans"]]
    assert len(written) == 1 + open_count


def test_agreement_does_not_count_suggestions(db):
    label_first(db, "alice", POLISH, "Tokajew", "PERSON")
    label_first(db, "bob", POLISH, "Tokajew", "PERSON")
    assert main(["suggest", str(db), "--annotator", "bob", "--mentions", "--dates"]) == 0
    with Project.open(db) as project:
        [document] = list(iter_document_layers(project, ["alice", "bob"]))
        assert document.layers["alice"] == [
            s for s in document.layers["alice"] if s.origin is Origin.MANUAL]
        assert [s.key for s in document.layers["bob"]] == [s.key for s in document.layers["alice"]]
        # A document where carol only has suggestions is not one she annotated.
    assert main(["suggest", str(db), "--annotator", "carol", "--dates"]) == 0
    with Project.open(db) as project:
        assert list(iter_document_layers(project, ["alice", "carol"], min_annotators=2)) == []


def test_merge_leaves_out_suggestions(db, tmp_path):
    label_first(db, "alice", POLISH, "Tokajew", "PERSON")
    assert main(["suggest", str(db), "--annotator", "alice", "--mentions", "--dates"]) == 0
    with Project.open(tmp_path / "review.db") as review:
        merge_projects(review, [db])
        merged = [s for d in review.document_ids() for s in review.spans(d, "alice")]
    assert [(s.label, s.origin) for s in merged] == [("PERSON", Origin.MANUAL)]


def reject_first_date(path, document):
    with Project.open(path) as project:
        service = Labelling(project, "alice")
        service.open(project.document_by_name(document).id)
        date = next(s for s in service.suggestions if s.label == "DATE")
        service.reject(date.id)
        return date.key


def date_keys(path, document):
    with Project.open(path) as project:
        doc = project.document_by_name(document)
        return {s.key for s in project.spans(doc.id, "alice") if s.label == "DATE"}


def test_forget_rejections_lets_rejected_suggestions_be_proposed_again(db, capsys):
    assert main(["suggest", str(db), "--annotator", "alice", "--dates"]) == 0
    polish, arabic = reject_first_date(db, POLISH), reject_first_date(db, ARABIC)
    capsys.readouterr()
    assert main(["suggest", str(db), "--annotator", "alice", "--dates"]) == 0
    assert "2 rejected before: not proposed again" in capsys.readouterr().out
    assert polish not in date_keys(db, POLISH) and arabic not in date_keys(db, ARABIC)

    # One document: only its rejection is forgotten, and its date comes back.
    assert main(["suggest", str(db), "--annotator", "alice", "--dates", "--doc", POLISH,
                 "--forget-rejections"]) == 0
    out = capsys.readouterr().out
    assert f"1 rejected suggestion of alice forgotten in {POLISH}" in out
    assert "1 date suggestion" in out
    assert polish in date_keys(db, POLISH) and arabic not in date_keys(db, ARABIC)

    # The whole project, on its own: forgotten now, proposed by the next run.
    assert main(["suggest", str(db), "--annotator", "alice", "--forget-rejections"]) == 0
    assert "1 rejected suggestion of alice forgotten\n" in capsys.readouterr().out
    assert arabic not in date_keys(db, ARABIC)
    assert main(["suggest", str(db), "--annotator", "alice", "--dates"]) == 0
    assert arabic in date_keys(db, ARABIC)
