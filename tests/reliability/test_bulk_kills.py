"""Import, merge, adjudication and export killed (SIGKILL) part way: the
project file is as it was or complete, never in between; an export's output
is the old file or the whole new one."""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
from contextlib import closing

import pytest

from annotator.cli import main as cli
from annotator.store import Project
from annotator.store.adjudication import Adjudication
from tests.reliability.kill_harness import integrity, run_and_kill

DOCUMENTS = 1000
WORDS = ("Xi Jinping met Tokayev in Beijing on Tuesday to talk about the Belt and Road "
         "Initiative and the Shanghai Cooperation Organisation").split()


def write_corpus(path, annotator: str, shift: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for i in range(DOCUMENTS):
            text = f"Report {i}: " + " ".join(WORDS * 4)
            starts = [m for m in range(len(text)) if text.startswith("Xi", m)]
            spans = [{"start": s, "end": s + 10, "label": "PERSON"} for s in starts]
            if (i + shift) % 3 == 0:  # the annotators disagree on every third document
                spans[0]["label"] = "ORG"
            out.write(json.dumps({"id": f"doc{i}", "text": text, "spans": spans,
                                  "annotator": annotator}) + "\n")


def signature(path) -> tuple:
    """What a complete or untouched file is known by: document count and the
    spans of each layer."""
    if not path.exists():
        return ()
    with closing(sqlite3.connect(path)) as conn:
        documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        layers = conn.execute("SELECT a.name, count(*) FROM spans s JOIN annotators a "
                              "ON a.id = s.annotator_id GROUP BY a.name ORDER BY a.name").fetchall()
    return documents, tuple(layers)


def gold_by_document(path) -> dict[int, list]:
    with closing(sqlite3.connect(path)) as conn:
        rows = conn.execute('SELECT s.document_id, s.start, s."end", s.label FROM spans s '
                            "JOIN annotators a ON a.id = s.annotator_id WHERE a.name = 'gold'")
        found: dict[int, list] = {}
        for document_id, *key in rows:
            found.setdefault(document_id, []).append(key)
    return {doc: sorted(keys) for doc, keys in found.items()}


class Corpus:
    """The files the kills start from and the complete results to compare
    with, each made the first time a test needs it."""

    def __init__(self, folder):
        self.folder = folder

    def __truediv__(self, name: str):
        path = self.folder / name
        if not path.exists():
            getattr(self, "_make_" + name.replace(".", "_"))(path)
        return path

    def _make_alice_jsonl(self, path):
        write_corpus(path, "alice", 0)

    def _make_bob_jsonl(self, path):
        write_corpus(path, "bob", 1)

    def _make_alice_db(self, path):
        assert cli(["import", str(path), str(self / "alice.jsonl")]) == 0

    def _make_bob_db(self, path):
        assert cli(["import", str(path), str(self / "bob.jsonl")]) == 0

    def _make_empty_db(self, path):
        Project.open(path).close()

    def _make_imported_db(self, path):
        shutil.copy(self / "empty.db", path)
        assert cli(["import", str(path), str(self / "alice.jsonl")]) == 0

    def _make_merged_db(self, path):
        shutil.copy(self / "empty.db", path)
        assert cli(["merge", str(path), str(self / "alice.db"), str(self / "bob.db")]) == 0

    def _make_adjudicated_db(self, path):
        shutil.copy(self / "merged.db", path)
        with Project.open(path) as project:
            adjudication = Adjudication(project)
            for row in adjudication.ranked_documents():
                adjudication.accept_agreed(row.document_id)

    def _make_exported_jsonl(self, path):
        assert cli(["export", str(self / "merged.db"), "--format", "jsonl", "--annotator", "bob",
                    "--out", str(path)]) == 0


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return Corpus(tmp_path_factory.mktemp("bulk"))


def fresh(corpus, tmp_path, name: str):
    target = tmp_path / f"{name}-{random.randrange(10**9)}.db"
    shutil.copy(corpus / name, target)
    return target


def kill_import(corpus, tmp_path, delay, timing=None):
    target = fresh(corpus, tmp_path, "empty.db")
    before = signature(target)
    lines = run_and_kill(["-m", "tests.reliability.bulk_child", "import", str(target),
                          str(corpus / "alice.jsonl")], delay, timing=timing)
    assert integrity(target) == ["ok"]
    assert signature(target) in (before, signature(corpus / "imported.db"))
    return lines


def kill_merge(corpus, tmp_path, delay, timing=None):
    target = fresh(corpus, tmp_path, "empty.db")
    before = signature(target)
    lines = run_and_kill(["-m", "tests.reliability.bulk_child", "merge", str(target),
                          str(corpus / "alice.db"), str(corpus / "bob.db")], delay, timing=timing)
    assert integrity(target) == ["ok"]
    assert signature(target) in (before, signature(corpus / "merged.db"))
    return lines


def kill_adjudication(corpus, tmp_path, delay, timing=None):
    target = fresh(corpus, tmp_path, "merged.db")
    lines = run_and_kill(["-m", "tests.reliability.bulk_child", "adjudicate", str(target)], delay,
                         timing=timing)
    assert integrity(target) == ["ok"]
    complete, found = gold_by_document(corpus / "adjudicated.db"), gold_by_document(target)
    # Each document's decision is all there or not at all; every one reported is there.
    assert all(found[doc] == complete[doc] for doc in found)
    saved = [int(line.split()[1]) for line in lines if line.startswith("saved")]
    assert all(found.get(doc) == complete[doc] for doc in saved if doc in complete)
    return lines


def kill_export(corpus, tmp_path, delay, timing=None):
    out = tmp_path / "out.jsonl"
    out.write_text("the old export\n", encoding="utf-8")
    lines = run_and_kill(["-m", "tests.reliability.bulk_child", "export",
                          str(corpus / "merged.db"), "--format", "jsonl", "--annotator", "bob",
                          "--out", str(out)], delay, timing=timing)
    assert out.read_bytes() in (b"the old export\n", (corpus / "exported.jsonl").read_bytes())
    return lines


KILLS = {"import": kill_import, "merge": kill_merge, "adjudication": kill_adjudication,
         "export": kill_export}


def test_a_kill_part_way_through_an_import_leaves_the_file_as_before(corpus, tmp_path):
    lines = kill_import(corpus, tmp_path, delay=0.05)
    # The kill came while the operation was under way, not after it.
    assert not any(line.startswith("done") for line in lines), lines


@pytest.mark.slow
@pytest.mark.parametrize("operation", KILLS)
def test_a_kill_part_way_leaves_the_file_as_before(corpus, tmp_path, operation):
    lines = KILLS[operation](corpus, tmp_path, delay=0.05)
    assert not any(line.startswith("done") for line in lines), lines


@pytest.mark.slow
@pytest.mark.parametrize("operation", KILLS)
def test_kills_at_random_moments_leave_the_file_as_before_or_complete(
        corpus, tmp_path, operation):
    rng = random.Random(operation)
    # How long the whole operation takes here: the kills fall within that
    # (and a little after), on a fast machine as on a slow one.
    timing: dict = {}
    lines = KILLS[operation](corpus, tmp_path, delay=120, timing=timing)
    assert any(line.startswith("done") for line in lines), lines
    whole = timing["after_start"]
    finished = 0
    for _ in range(12):
        lines = KILLS[operation](corpus, tmp_path, delay=rng.uniform(0, whole * 1.3))
        finished += any(line.startswith("done") for line in lines)
    assert finished < 12, "every kill came after the operation had finished"
