"""``annotator merge`` and ``annotator agreement`` end to end."""

import json
import subprocess
import sys

import krippendorff
import numpy as np
import pytest

from annotator.core.agreement import token_tags
from annotator.core.tokenize import tokenize


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "annotator", *map(str, args)],
                          capture_output=True, text=True)


TEXT = "Xi Jinping met Tokayev in Astana on Wednesday."
LAYERS = {
    "alice": [[0, 10, "PERSON"], [15, 22, "PERSON"], [36, 45, "DATE"]],
    "bob": [[0, 10, "PERSON"], [15, 22, "ORG"], [33, 45, "DATE"]],
    "carol": [[0, 10, "PERSON"], [15, 22, "PERSON"]],
}


@pytest.fixture
def review(tmp_path):
    """Three annotators' files, merged, and a gold span in the review."""
    sources = []
    for name, spans in LAYERS.items():
        data = tmp_path / f"{name}.jsonl"
        data.write_text(json.dumps({"id": "xi", "text": TEXT, "label": spans}) + "\n")
        sources.append(tmp_path / f"{name}.db")
        assert run_cli("import", sources[-1], data, "--annotator", name).returncode == 0
    path = tmp_path / "review.db"
    result = run_cli("merge", path, *sources)
    assert result.returncode == 0, result.stderr
    from annotator.store import Project
    from annotator.store.adjudication import Adjudication

    with Project.open(path) as project:
        Adjudication(project).accept(project.document_ids()[0], 0, 2, "PERSON")
    return path


def test_agreement_json_has_the_contract_shape(review):
    result = run_cli("agreement", review, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["annotators"] == ["alice", "bob", "carol"]  # gold left out
    assert [(p["a"], p["b"]) for p in report["pairs"]] == [
        ("alice", "bob"), ("alice", "carol"), ("bob", "carol")]
    for pair in report["pairs"]:
        assert set(pair) >= {"a", "b", "exact_f1", "overlap_f1", "token_kappa", "documents"}
        assert set(pair["exact_f1"]) >= {"micro", "by_label"}
        assert "micro" in pair["overlap_f1"]
        assert pair["documents"] == 1
    alice_bob, alice_carol, _ = report["pairs"]
    assert alice_bob["exact_f1"]["micro"] == pytest.approx(1 / 3)
    assert alice_bob["overlap_f1"]["micro"] == pytest.approx(2 / 3)
    assert alice_bob["label_confusion"] == {"PERSON": {"ORG": 1, "PERSON": 1}}
    assert alice_bob["boundary_disagreements"]["by_label"] == {"DATE": 1}
    assert alice_carol["exact_f1"]["by_label"] == {"DATE": 0.0, "PERSON": 1.0}
    # alpha over the three annotators' token tags, as the krippendorff package
    # computes it from the same tokens.
    rows = []
    for name in ("alice", "bob", "carol"):
        spans = [tuple(s) for s in LAYERS[name]]
        rows.append(token_tags(tokenize(TEXT), spans))
    codes = {tag: i for i, tag in enumerate(sorted({t for row in rows for t in row}))}
    data = np.array([[codes[t] for t in row] for row in rows], dtype=float)
    expected = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    assert 0 < expected < 1
    assert report["token_alpha"] == pytest.approx(expected)


def test_agreement_with_chosen_annotators_and_a_table(review):
    result = run_cli("agreement", review, "--json", "--annotators", "carol", "gold")
    report = json.loads(result.stdout)
    [pair] = report["pairs"]
    assert (pair["a"], pair["b"], pair["documents"]) == ("carol", "gold", 1)
    table = run_cli("agreement", review)
    assert table.returncode == 0
    assert "alice / bob" in table.stdout and "Krippendorff" in table.stdout
    assert "alice PERSON / bob ORG: 1" in table.stdout


@pytest.mark.parametrize("args,message", [
    (["--annotators", "alice", "nobody"], "no annotator 'nobody'"),
    (["--annotators", "alice"], "agreement needs two annotators"),
])
def test_agreement_errors_are_one_line(review, args, message):
    result = run_cli("agreement", review, *args)
    assert result.returncode == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_agreement_on_a_missing_file(tmp_path):
    result = run_cli("agreement", tmp_path / "none.db", "--json")
    assert result.returncode == 2 and "no such project file" in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_help_lists_the_review_commands():
    help_text = run_cli("--help").stdout
    assert "merge" in help_text and "agreement" in help_text


def test_agreement_done_only_compares_finished_layers_alone(review):
    """carol has not finished: --done-only leaves her layer out, as progress
    does, where a half-done layer counts as disagreement."""
    from annotator.core.model import Status
    from annotator.store import Project

    with Project.open(review) as project:
        document = project.document_ids()[0]
        for name in ("alice", "bob"):
            project.set_status(document, name, Status.DONE)
    every = json.loads(run_cli("agreement", review, "--json").stdout)
    done = run_cli("agreement", review, "--json", "--done-only")
    assert done.returncode == 0, done.stderr
    finished = json.loads(done.stdout)
    pairs = {(p["a"], p["b"]): p["documents"] for p in finished["pairs"]}
    assert pairs == {("alice", "bob"): 1, ("alice", "carol"): 0, ("bob", "carol"): 0}
    assert [p for p in every["pairs"] if (p["a"], p["b"]) == ("alice", "bob")] == [
        p for p in finished["pairs"] if (p["a"], p["b"]) == ("alice", "bob")]
    assert {(p["a"], p["b"]): p["documents"] for p in every["pairs"]}[("alice", "carol")] == 1
