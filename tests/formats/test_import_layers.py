"""Whose layer imported spans join, and that a record's layer is kept even
when it holds no span."""

import json
import subprocess
import sys

from annotator.store import Project


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "annotator", *map(str, args)],
                          capture_output=True, text=True)


def write_jsonl(path, *objects):
    path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects),
                    encoding="utf-8")
    return path


XI = "Xi Jinping met Tokayev in Beijing."


def layers(db):
    with Project.open(db, create=False) as project:
        return {name: len(project.spans(1, name)) for name in project.annotators()}


def test_explicit_annotator_wins_over_the_one_named_in_the_file(tmp_path):
    source = write_jsonl(tmp_path / "alice.jsonl", {
        "text": XI, "annotator": "alice", "spans": [{"start": 0, "end": 10, "label": "PERSON"}]})
    one = tmp_path / "one.db"
    assert run_cli("import", one, source).returncode == 0
    # Our own export names the annotator; it can come back under another name.
    out = tmp_path / "export.jsonl"
    assert run_cli("export", one, "--format", "jsonl", "--out", out).returncode == 0
    assert json.loads(out.read_text(encoding="utf-8"))["annotator"] == "alice"
    two = tmp_path / "two.db"
    result = run_cli("import", two, out, "--annotator", "bob")
    assert result.returncode == 0, result.stderr
    assert layers(two) == {"bob": 1}
    # Without --annotator the file's name holds, and without both the default.
    three = tmp_path / "three.db"
    assert run_cli("import", three, out).returncode == 0
    assert layers(three) == {"alice": 1}
    nameless = write_jsonl(tmp_path / "nameless.jsonl", {
        "text": XI, "spans": [{"start": 0, "end": 10, "label": "PERSON"}]})
    four = tmp_path / "four.db"
    assert run_cli("import", four, nameless).returncode == 0
    assert layers(four) == {"imported": 1}


def test_an_annotator_who_found_nothing_still_annotated_the_document(tmp_path):
    text = "Xi Jinping met Tokayev. Nothing else happened."
    alice = write_jsonl(tmp_path / "alice.jsonl", {
        "id": "d", "text": text,
        "spans": [{"start": 0, "end": 10, "label": "PERSON"},
                  {"start": 15, "end": 22, "label": "PERSON"}]})
    zed = write_jsonl(tmp_path / "zed.jsonl", {"id": "d", "text": text, "spans": []})
    a_db, z_db, review = tmp_path / "a.db", tmp_path / "z.db", tmp_path / "r.db"
    assert run_cli("import", a_db, alice, "--annotator", "alice").returncode == 0
    result = run_cli("import", z_db, zed, "--annotator", "zed")
    assert result.returncode == 0, result.stderr
    with Project.open(z_db, create=False) as project:
        assert project.status(1, "zed").value == "in_progress"
    result = run_cli("merge", review, a_db, z_db)
    assert result.returncode == 0, result.stderr
    result = run_cli("agreement", review, "--json")
    assert result.returncode == 0, result.stderr
    [pair] = json.loads(result.stdout)["pairs"]
    assert {pair["a"], pair["b"]} == {"alice", "zed"}
    assert pair["documents"] == 1
    # alice's two spans are misses, none is matched.
    exact = pair["exact_f1"]
    assert exact["micro"] == 0
    assert (exact["tp"], exact["fp"] + exact["fn"]) == (0, 2)


def test_the_file_names_the_empty_layer_and_doccano_empty_labels_count(tmp_path):
    named = write_jsonl(tmp_path / "named.jsonl",
                        {"text": "One.", "spans": [], "annotator": "zed"})
    doccano = write_jsonl(tmp_path / "doccano.jsonl", {"text": "Two.", "label": []})
    db = tmp_path / "p.db"
    assert run_cli("import", db, named).returncode == 0
    assert run_cli("import", db, doccano, "--annotator", "amy").returncode == 0
    with Project.open(db, create=False) as project:
        one, two = (project.document_by_name(n) for n in ("named-1", "doccano-1"))
        assert project.status(one.id, "zed").value == "in_progress"
        assert project.status(two.id, "amy").value == "in_progress"
        assert project.stats()["by_status"] == {"in_progress": 2}


def test_plain_text_without_spans_makes_no_layer(tmp_path):
    (tmp_path / "a.txt").write_text("Just text.", encoding="utf-8")
    db = tmp_path / "p.db"
    assert run_cli("import", db, tmp_path / "a.txt", "--annotator", "zed").returncode == 0
    with Project.open(db, create=False) as project:
        assert project.stats()["by_status"] == {}
