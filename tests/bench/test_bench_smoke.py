"""bench/run.py runs every scenario end to end at a tiny size. Figures are
not asserted (the machine is shared); the report's shape is."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_scenario_runs_and_reports_a_ratio(tmp_path):
    out = tmp_path / "report.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--tiny", "--out", str(out)],
                          env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    scenarios = json.loads(out.read_text())["scenarios"]
    names = " | ".join(s["name"] for s in scenarios)
    for expected in ("import", "peak memory", "export conll", "export hf", "agreement", "mentions of",
                     "open a", "add one span", "label to painted suggestions", "--version",
                     "first window", "against showing its first text", "window memory",
                     "document list", "jump to the last"):
        assert expected in names, f"{expected!r} missing from {names}"
    for scenario in scenarios:
        assert set(scenario) >= {"name", "seconds", "baseline_seconds", "ratio", "target"}
        assert scenario["seconds"] > 0 and scenario["baseline_seconds"] > 0, scenario
        assert scenario["ratio"] == round(scenario["seconds"] / scenario["baseline_seconds"], 2)
    assert "document list" in done.stdout  # the printed table
    table = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--markdown", str(out)],
                           env=env, capture_output=True, text=True, check=True).stdout
    assert len(table.strip().splitlines()) == 2 + len(scenarios)
    assert f"| {scenarios[0]['name']} |" in table
