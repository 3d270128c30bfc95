"""ANNOTATOR_QUIT_AFTER_PAINT (the bundle's smoke test, the start-time bench):
the window quits after its first paint, and a dialog that would wait for a
person ends the run at once instead."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT


def run_window(home, *args):
    env = {key: value for key, value in os.environ.items() if not key.startswith("XDG_")}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", ANNOTATOR_QUIT_AFTER_PAINT="1",
               PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "annotator", *args], cwd=home, env=env,
                          capture_output=True, text=True, timeout=120)


def test_the_window_quits_after_its_first_paint(tmp_path):
    config = tmp_path / ".config" / "annotator"
    config.mkdir(parents=True)
    (config / "annotator.conf").write_text("[annotator]\nname=alice\n", encoding="utf-8")
    result = run_window(tmp_path, "p.db")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("annotator: painted p.db")
    assert (tmp_path / "p.db").is_file()


def test_a_dialog_before_the_window_ends_the_run(tmp_path):
    # No annotator name yet: the first-start question would wait for a person.
    result = run_window(tmp_path, "p.db")
    assert result.returncode == 3
    assert "annotator: the dialog '" in result.stderr
    assert "' opened before the window" in result.stderr
    assert "painted" not in result.stdout
