"""Big files: a 50 MB line is imported, a 1 GB file refused before it is
read; peak memory of the import stays bounded (measured in a child)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# VmHWM, not ru_maxrss: Linux keeps ru_maxrss across exec, so a child of a
# big test process would report its parent's peak.
MEASURE = """
import re, sys
from annotator.cli import main
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


@pytest.mark.slow
def test_a_one_gigabyte_file_is_refused_without_being_read(tmp_path):
    big = tmp_path / "big.jsonl"
    with open(big, "wb") as handle:
        handle.write(b'{"text": "a"}\n')
        handle.truncate(2**30)  # sparse: 1 GB on the file system, nothing to write
    project = tmp_path / "p.db"
    peak, status, err = import_measured(project, big)
    assert status == 2
    assert err.strip() == (f"{big}: is 1,024 MB; files over 512 MB are not imported: "
                           "split it into smaller files")
    assert peak < 300, f"peak {peak} MB"
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
