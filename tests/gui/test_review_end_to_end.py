"""Two annotators' files for the sample articles: merge, agreement against
scikit-learn, every disagreement settled from the keyboard, gold exported."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace

from PySide6.QtCore import Qt
from sklearn.metrics import cohen_kappa_score

from annotator.core.agreement import token_tags
from annotator.core.tokenize import tokenize
from annotator.formats.registry import read_paths
from annotator.store import Project
from annotator.ui.review_window import ReviewWindow
from tests.fixtures.sample_annotations import annotated_records


def cli(*args):
    return subprocess.run([sys.executable, "-m", "annotator", *map(str, args)],
                          capture_output=True, text=True)


def make_annotator_file(path, seeds_dir, name, change):
    with Project.open(path) as project:
        project.import_records(read_paths([seeds_dir]))
        project.import_records([replace(r, annotator=name, spans=change(r.spans))
                                for r in annotated_records(seeds_dir)])


def bob_changes(spans):
    spans = list(spans)
    spans.pop(2)                                          # misses one
    spans[0] = replace(spans[0], label="ORG")             # another label
    spans[4] = replace(spans[4], end=spans[4].end - 1)    # another boundary
    return spans


def test_merge_agree_adjudicate_and_export_gold(qtbot, tmp_path, seeds_dir):
    alice, bob, review = tmp_path / "alice.db", tmp_path / "bob.db", tmp_path / "review.db"
    make_annotator_file(alice, seeds_dir, "alice", list)
    make_annotator_file(bob, seeds_dir, "bob", bob_changes)
    assert cli("merge", review, alice, bob).returncode == 0

    report = json.loads(cli("agreement", review, "--json").stdout)
    [pair] = report["pairs"]
    assert (pair["a"], pair["b"], pair["documents"]) == ("alice", "bob", 2)
    tags = {"alice": [], "bob": []}
    with Project.open(review) as project:
        for doc_id in project.document_ids():
            text = project.document(doc_id).text
            layers = {n: [s.key for s in project.spans(doc_id, n)] for n in tags}
            if all(layers.values()):
                tokens = tokenize(text)
                for name in tags:
                    tags[name] += token_tags(tokens, layers[name])
    assert abs(pair["token_kappa"] - cohen_kappa_score(tags["alice"], tags["bob"])) < 1e-9
    assert pair["exact_f1"]["micro"] < 1.0

    project = Project.open(review)
    window = ReviewWindow(project)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    settled_groups = 0
    for _ in range(window.documents.count()):
        qtbot.keyClick(window.view, Qt.Key.Key_A)
        while window.undecided_groups():
            group = window.current_group()
            alice_version = next((i for i, c in enumerate(group.candidates)
                                  if "alice" in c.annotators), None)
            if alice_version is None:
                qtbot.keyClick(window.view, Qt.Key.Key_R)
            else:
                qtbot.keyClick(window.view, Qt.Key(Qt.Key.Key_1 + alice_version))
            settled_groups += 1
            assert settled_groups < 50
        qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert settled_groups >= 3
    assert window.progress.text() == "Settled 2 of 2 documents"
    project.close()

    out = tmp_path / "gold.jsonl"
    result = cli("export", review, "--format", "jsonl", "--gold", "--done-only", "--out", out)
    assert result.returncode == 0, result.stderr
    exported = {row["id"]: sorted((s["start"], s["end"], s["label"]) for s in row["spans"])
                for row in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    expected = {r.name: sorted(s.key for s in r.spans) for r in annotated_records(seeds_dir)}
    assert exported == expected
