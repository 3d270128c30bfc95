"""Merge knows a layer by its annotator's uid: copies of one project file
annotated by different people stay apart, and the reserved gold layer is the
review's own."""

import json
import re
import shutil
import sqlite3
import subprocess
import sys

import pytest

from annotator.store import Project
from annotator.store.merge import MergeError, merge_projects
from annotator.store.schema import SCHEMA_VERSION


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "annotator", *map(str, args)],
                          capture_output=True, text=True)


def first_words(text, count):
    """(start, end) of the first ``count`` words of a text."""
    return [m.span() for m in re.finditer(r"\w+", text)][:count]


@pytest.fixture
def base(tmp_path, seeds_dir):
    """The seeds imported, no annotations: what a lead hands out by copying."""
    path = tmp_path / "base.db"
    result = run_cli("import", path, seeds_dir)
    assert result.returncode == 0, result.stderr
    with Project.open(path) as project:
        texts = [d.text for d in project.iter_documents()]
    return path, texts


def annotate(path, texts, annotator, label, words=(0, 1)):
    """Import spans on some words of the first two documents as ``annotator``."""
    data = path.with_suffix(f".{annotator}.jsonl")
    lines = []
    for text in texts[:2]:
        spans = [first_words(text, 3)[w] for w in words]
        lines.append(json.dumps({"text": text, "spans": [
            {"start": s, "end": e, "label": label} for s, e in spans]}, ensure_ascii=False))
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli("import", path, data, "--annotator", annotator)
    assert result.returncode == 0, result.stderr


def layer(path, annotator):
    with Project.open(path) as project:
        return sorted((project.document(d).sha256, *s.key) for d in project.document_ids()
                      for s in project.spans(d, annotator))


def snapshot(path):
    conn = sqlite3.connect(path)
    try:
        return {table: conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
                for table in ("documents", "annotators", "labels", "spans", "document_status")}
    finally:
        conn.close()


def copies(tmp_path, base, *names):
    paths = []
    for name in names:
        paths.append(tmp_path / f"{name}.db")
        shutil.copy(base, paths[-1])
    return paths


def test_copies_of_one_file_annotated_by_different_people_keep_both_layers(tmp_path, base):
    base_path, texts = base
    y1, y2 = copies(tmp_path, base_path, "y1", "y2")
    annotate(y1, texts, "alice", "PERSON")
    annotate(y2, texts, "bob", "ORG")
    review = tmp_path / "rv.db"
    for source in (y1, y2):
        result = run_cli("merge", review, source)
        assert result.returncode == 0, result.stderr
    assert len(layer(review, "alice")) == 4 and layer(review, "alice") == layer(y1, "alice")
    assert len(layer(review, "bob")) == 4 and layer(review, "bob") == layer(y2, "bob")
    # Merged again, in either order, both files change nothing.
    before = snapshot(review)
    for source in (y2, y1):
        result = run_cli("merge", review, source)
        assert result.returncode == 0 and "nothing changed" in result.stdout
    assert snapshot(review) == before


def test_the_same_name_in_another_copy_is_refused_when_merged_one_at_a_time(tmp_path, base):
    base_path, texts = base
    y1, y2 = copies(tmp_path, base_path, "y1", "y2")
    annotate(y1, texts, "alice", "PERSON")
    annotate(y2, texts, "alice", "ORG", words=(2,))
    review = tmp_path / "rv.db"
    assert run_cli("merge", review, y1).returncode == 0
    before = review.read_bytes()
    result = run_cli("merge", review, y2)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert "y2.db" in result.stderr and "annotator 'alice'" in result.stderr
    assert "--rename alice=" in result.stderr
    assert review.read_bytes() == before
    # Given together they are refused too, without advice that would not help.
    result = run_cli("merge", tmp_path / "rv2.db", y1, y2)
    assert result.returncode == 2 and "one at a time" not in result.stderr
    assert "--rename alice=" in result.stderr
    # Renamed, the second alice gets her own layer and the first keeps hers.
    result = run_cli("merge", review, y2, "--rename", "alice=alice2")
    assert result.returncode == 0, result.stderr
    assert layer(review, "alice") == layer(y1, "alice")
    assert layer(review, "alice2") == layer(y2, "alice") and len(layer(y2, "alice")) == 2


def test_a_copy_of_a_merged_file_changes_nothing_and_an_emptied_layer_empties(tmp_path, base):
    base_path, texts = base
    y1, y2 = copies(tmp_path, base_path, "y1", "y2")
    annotate(y1, texts, "alice", "PERSON")
    annotate(y2, texts, "bob", "ORG")
    review = tmp_path / "rv.db"
    assert run_cli("merge", review, y1, y2).returncode == 0
    before = snapshot(review)
    moved = tmp_path / "elsewhere" / "alice-final.db"
    moved.parent.mkdir()
    shutil.copy(y1, moved)
    result = run_cli("merge", review, moved)
    assert result.returncode == 0 and "nothing changed" in result.stdout
    assert snapshot(review) == before
    # alice takes every span out of her file: her layer empties, bob's stays.
    with Project.open(y1) as project:
        for document_id in project.document_ids():
            for span in project.spans(document_id, "alice"):
                project.delete_span(span.id)
    result = run_cli("merge", review, y1)
    assert result.returncode == 0, result.stderr
    assert "-4 spans" in result.stdout
    assert layer(review, "alice") == []
    assert layer(review, "bob") == layer(y2, "bob") and len(layer(y2, "bob")) == 4


def test_annotators_get_distinct_uids_that_copies_keep(tmp_path, base):
    base_path, texts = base
    y1, y2 = copies(tmp_path, base_path, "y1", "y2")
    annotate(y1, texts, "alice", "PERSON")
    annotate(y2, texts, "alice", "PERSON")
    y3 = tmp_path / "y3.db"
    shutil.copy(y1, y3)
    uids = []
    for path in (y1, y2, y3):
        conn = sqlite3.connect(path)
        [(uid,)] = conn.execute("SELECT uid FROM annotators WHERE name = 'alice'").fetchall()
        conn.close()
        uids.append(uid)
    assert re.fullmatch(r"[0-9a-f]{32}", uids[0])
    assert uids[0] != uids[1] and uids[0] == uids[2]


def downgrade_to_schema_3(path):
    """Make a file as the version before annotator uids wrote it."""
    conn = sqlite3.connect(path)
    conn.executescript("DROP TABLE label_guidelines; DROP TABLE rejected_suggestions; DROP TABLE assignments; DROP TABLE collections;"
                       "ALTER TABLE spans DROP COLUMN reason;"
                       "ALTER TABLE spans DROP COLUMN confidence;"
                       "DROP TRIGGER annotators_new_uid; DROP INDEX annotators_uid;"
                       "ALTER TABLE annotators DROP COLUMN uid; PRAGMA user_version = 3;")
    conn.close()


def test_files_of_schema_3_migrate_and_still_merge_as_the_same_layers(tmp_path, base):
    assert SCHEMA_VERSION >= 4
    base_path, texts = base
    alice, bob = copies(tmp_path, base_path, "alice", "bob")
    annotate(alice, texts, "alice", "PERSON")
    annotate(bob, texts, "bob", "ORG")
    review = tmp_path / "rv.db"
    assert run_cli("merge", review, alice, bob).returncode == 0
    for path in (alice, bob, review):
        downgrade_to_schema_3(path)
    source_bytes = alice.read_bytes()
    with Project.open(review) as project:  # the review migrates
        assert project.schema_version == SCHEMA_VERSION
        uids = project.annotator_uids()
        assert len(set(uids.values())) == 2 and all(re.fullmatch(r"[0-9a-f]{32}", u)
                                                    for u in uids.values())
        # A source still at schema 3 is read as the same layer, and not written.
        assert not merge_projects(project, [alice, bob]).changed
    assert alice.read_bytes() == source_bytes
    with Project.open(alice) as project:  # the source migrates to the same uid
        assert project.annotator_uids()["alice"] == uids["alice"]
        # New annotators of a migrated file get a fresh random uid.
        project.add_annotator("carol")
        carol = project.annotator_uids()["carol"]
        assert carol and carol not in uids.values()
    with Project.open(review) as project:
        assert not merge_projects(project, [alice]).changed


@pytest.fixture
def gold_review(tmp_path, base):
    base_path, texts = base
    carol, other = copies(tmp_path, base_path, "carol", "other")
    annotate(carol, texts, "carol", "PERSON")
    annotate(other, texts, "gold", "ORG")
    review = tmp_path / "rv.db"
    assert run_cli("merge", review, carol, "--rename", "carol=carol1").returncode == 0
    from annotator.store.adjudication import Adjudication

    with Project.open(review) as project:
        document_id = project.document_ids()[0]
        Adjudication(project).accept(document_id, *first_words(texts[0], 1)[0], "DATE")
    return review, carol, other


def test_nothing_is_merged_as_gold(gold_review):
    review, carol, other = gold_review
    gold = layer(review, "gold")
    before = review.read_bytes()
    for args, message in (
        ([carol, "--rename", "carol=gold"], "--rename carol=gold: 'gold' is the reserved name"),
        ([other], "other.db: annotator 'gold' would be merged over the review's adjudicated "
                  "layer 'gold'; use --rename gold=NEW_NAME"),
    ):
        result = run_cli("merge", review, *args)
        assert result.returncode == 2
        assert result.stderr.strip().splitlines() == [result.stderr.strip()]
        assert message in result.stderr
        assert review.read_bytes() == before
    # Under another name, a file's gold layer is an annotator like any other.
    result = run_cli("merge", review, other, "--rename", "gold=other-gold")
    assert result.returncode == 0, result.stderr
    assert layer(review, "gold") == gold
    assert layer(review, "other-gold") == layer(other, "gold")


def test_the_api_refuses_gold_too(gold_review):
    review, carol, _ = gold_review
    with Project.open(review) as project:
        with pytest.raises(MergeError, match="reserved name"):
            merge_projects(project, [carol], {"carol": "gold"})
