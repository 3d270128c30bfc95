"""The window is killed (SIGKILL) while it is labelling with real key
presses, again and again: every edit it reported saved is in the file with
its exact offsets, none it undid is, and the file stays sound."""

from __future__ import annotations

import json
import random
from concurrent.futures import ThreadPoolExecutor

import pytest

from annotator.formats.registry import read_paths
from annotator.store import Project
from tests.reliability.kill_harness import integrity, run_and_kill, spans_of


def kill_window_repeatedly(folder, seeds_dir, kills: int, seed: int) -> int:
    folder.mkdir(exist_ok=True)
    path, settings = folder / "p.db", folder / "settings.ini"
    with Project.open(path) as project:
        project.import_records(read_paths([seeds_dir]))
    rng = random.Random(seed)
    saved_in_all = 0
    for kill in range(kills):
        lines = run_and_kill(["-m", "tests.reliability.window_child", str(path), str(settings),
                              str(rng.randrange(10**6))], delay=rng.uniform(0.0, 0.8),
                             # killed only once the window has saved an edit: a window
                             # that never writes fails here instead of passing idly
                             start_word="saved")
        assert not any(line.startswith("mismatch") for line in lines), lines[-2:]
        states = [(kind, json.loads(state)) for kind, _, state in
                  (line.partition(" ") for line in lines)
                  if kind in ("ready", "pending", "saved")]
        saved = [state for kind, state in states if kind in ("ready", "saved")][-1]
        last_kind, last_state = states[-1]
        saved_in_all += sum(kind == "saved" for kind, _ in states)
        assert integrity(path) == ["ok"], f"kill {kill}"
        in_file = spans_of(path)
        # Every edit reported saved is there; the one under way when the kill
        # came may or may not be, and nothing else.
        allowed = [saved] + ([last_state] if last_kind == "pending" else [])
        assert in_file in allowed, f"kill {kill}: file {in_file}, expected one of {allowed}"
    return saved_in_all


def test_three_kills_of_the_labelling_window(tmp_path, seeds_dir):
    saved = kill_window_repeatedly(tmp_path / "one", seeds_dir, kills=3, seed=3)
    assert saved >= 1, "the window never saved an edit before it was killed"


@pytest.mark.slow
def test_a_hundred_kills_of_the_labelling_window(tmp_path, seeds_dir):
    # Two files side by side, one window on each: the kills take half the time.
    with ThreadPoolExecutor(2) as lanes:
        saved = sum(lanes.map(lambda lane: kill_window_repeatedly(
            tmp_path / f"lane{lane}", seeds_dir, kills=50, seed=lane), (1, 2)))
    assert saved >= 200, f"only {saved} edits were saved over 100 kills"
