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
