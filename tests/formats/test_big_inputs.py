"""Big files: an import streams, so its peak memory (measured in a child)
does not grow with the file: a 1 GB file is imported, a 50 MB line too,
and a file of binary data is refused at its first bad line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.formats import textfile
from annotator.formats.problems import SHOWN_PROBLEMS, ProblemList, problem_lines
from annotator.store import Project
from tests.helpers.bad_inputs import file_bytes

ROOT = Path(__file__).resolve().parents[2]
# VmHWM, not ru_maxrss: Linux keeps ru_maxrss across exec, so a child of a
# big test process would report its parent's peak.
MEASURE = """
import re, sys
from annotator.cli import main
from annotator.formats import textfile
from annotator.formats.problems import SHOWN_PROBLEMS, ProblemList, problem_lines
status = main(sys.argv[1:])
with open("/proc/self/status") as handle:
    peak_kb = int(re.search(r"VmHWM:\\s+(\\d+)", handle.read()).group(1))
print(peak_kb // 1024, status)
"""


def import_measured(*args) -> tuple[int, int, str]:
    """(peak resident MB, exit status, stderr) of ``annotator import`` in a child."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", MEASURE, "import", *map(str, args)],
                          capture_output=True, text=True, env=env, timeout=600)
    peak, status = done.stdout.split()[-2:]
    return int(peak), int(status), done.stderr


def write_records(path: Path, count: int, text_size: int = 8000, spans: int = 10) -> Path:
    """``count`` JSON Lines records of ``text_size`` characters, each text its
    own (numbered), with ``spans`` spans on words."""
    body = ("Ala ma kota, a Xi Jinping spotkał się w Pekinie z Tokajewem. "
            * (text_size // 61 + 1))[:text_size]
    with open(path, "w", encoding="utf-8") as handle:
        for n in range(count):
            text = f"{n:09d} {body}"
            found = [{"start": 10 + 61 * k + 15, "end": 10 + 61 * k + 25, "label": "PERSON"}
                     for k in range(spans)]
            handle.write(json.dumps({"id": f"d{n}", "text": text, "spans": found},
                                    ensure_ascii=False) + "\n")
    return path


def test_peak_memory_does_not_grow_with_the_file(tmp_path):
    small = write_records(tmp_path / "small.jsonl", 600)
    big = write_records(tmp_path / "big.jsonl", 2400)
    peak_small, status, err = import_measured(tmp_path / "small.db", small)
    assert status == 0, err
    peak_big, status, err = import_measured(tmp_path / "big.db", big)
    assert status == 0, err
    grown = (big.stat().st_size - small.stat().st_size) / 2**20  # 14 MB more to read
    # Holding the records would add a few times ``grown``; streaming adds nothing.
    assert peak_big - peak_small < grown / 4, (peak_small, peak_big)


def test_a_bad_line_after_stored_batches_leaves_the_project_as_it_was(tmp_path):
    project = tmp_path / "p.db"
    assert main(["import", str(project), str(write_records(tmp_path / "first.jsonl", 3))]) == 0
    before = file_bytes(project)
    path = write_records(tmp_path / "late.jsonl", 1500, text_size=200, spans=2)  # three batches
    with open(path, "a", encoding="utf-8") as handle:
        handle.write('{"text": "short", "spans": [{"start": 0, "end": 9, "label": "X"}]}\n')
    peak, status, err = import_measured(project, path)
    assert status == 2
    assert err.splitlines() == [f"{path}:1501: span end 9 is past the end of the text (5)"]
    assert file_bytes(project) == before


@pytest.mark.slow
def test_a_one_gigabyte_file_is_imported_in_flat_memory(tmp_path):
    big = write_records(tmp_path / "big.jsonl", 2**30 // 32_100, text_size=32_000, spans=40)
    assert big.stat().st_size > 0.95 * 2**30
    project = tmp_path / "p.db"
    peak, status, err = import_measured(project, big)
    assert status == 0, err
    assert peak < 250, f"peak {peak} MB"
    with Project.open(project, create=False) as opened:
        assert opened.stats()["documents"] == 2**30 // 32_100


@pytest.mark.slow
def test_a_one_gigabyte_file_of_binary_data_is_refused_at_its_bad_line(tmp_path):
    big = tmp_path / "big.jsonl"
    with open(big, "wb") as handle:
        handle.write(b'{"text": "a"}\n')
        handle.truncate(2**30)  # sparse: 1 GB of NUL bytes after the first line
    project = tmp_path / "p.db"
    peak, status, err = import_measured(project, big)
    assert status == 2
    assert err.strip() == (f"{big}:2: control character U+0000 at byte offset 14: "
                           "binary data, or text from a broken conversion")
    assert peak < 100, f"peak {peak} MB"  # one piece read, not the gigabyte
    assert not project.exists()


@pytest.mark.slow
def test_a_fifty_megabyte_line_is_imported_in_bounded_memory(tmp_path):
    text = ("Ala ma kota. " * (50 * 2**20 // 13 + 1))[: 50 * 2**20]
    line = tmp_path / "long.jsonl"
    line.write_text(json.dumps({"id": "long", "text": text,
                                "spans": [{"start": 0, "end": 3, "label": "PER"}]}) + "\n",
                    encoding="utf-8")
    del text
    peak, status, err = import_measured(tmp_path / "p.db", line)
    assert status == 0, err
    assert peak < 1200, f"peak {peak} MB"  # a few copies of 50 MB, not more


def test_problems_past_the_shown_ones_are_counted_not_kept():
    problems = ProblemList()
    for k in range(100_000):
        problems.add("big.jsonl", k + 1, f"span end {k + 9} is past the end of the text (3)")
    problems.add("other.jsonl", 1, "expected a JSON object")
    assert len(problems) == SHOWN_PROBLEMS and problems.total == 100_001
    lines = problem_lines(problems)
    assert lines[0] == "big.jsonl:1: span end 9 is past the end of the text (3)"
    assert lines[-1] == "99981 more problems in 2 files (not shown)"


def test_a_line_past_the_limit_is_refused_without_being_held(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(textfile, "MAX_LINE_BYTES", 3 * textfile.CHUNK)
    path = tmp_path / "long.jsonl"
    path.write_text('{"text": "a"}\n{"text": "' + "x" * (5 * textfile.CHUNK) + '"}\n')
    project = tmp_path / "p.db"
    assert main(["import", str(project), str(path)]) == 2
    assert capsys.readouterr().err == f"{path}:2: a line of over 3 MB: not a record of text; split it\n"
    assert not project.exists()
