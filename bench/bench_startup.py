"""Start time to the first painted window: annotator (from the venv, and the
built bundle when there is one) against a bare PySide6 window, measured in the
same run, offscreen.

    .venv/bin/python bench/bench_startup.py [--runs 5] [--bundle dist/annotator/annotator]

Each start is timed from the launch of the process to the line the program
prints after its first paint (ANNOTATOR_QUIT_AFTER_PAINT); the window then
quits. The project is the sample one, already created (a warm start, as an
annotator's every start but the first)."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE_WINDOW = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("bare"))
window.resize(1200, 800)

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched.isWidgetType():
            app.removeEventFilter(self)
            QTimer.singleShot(0, lambda: (print("painted", flush=True), app.quit()))
        return False

first_paint = FirstPaint()
app.installEventFilter(first_paint)
window.show()
sys.exit(app.exec())
"""


def time_to_paint(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    for line in process.stdout:
        if "painted" in line:
            elapsed = time.perf_counter() - started
            break
    else:
        raise SystemExit(f"{command[0]}: no window was painted")
    process.wait(timeout=60)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    default_bundle = ROOT / "dist" / "annotator" / "annotator"
    parser.add_argument("--bundle", type=Path,
                        default=default_bundle if default_bundle.exists() else None)
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    config = home / ".config" / "annotator"
    config.mkdir(parents=True)
    (config / "annotator.conf").write_text("[annotator]\nname=bench\n", encoding="utf-8")
    # Python keeps its compiled modules, as on an annotator's machine.
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("XDG_") and key != "PYTHONDONTWRITEBYTECODE"}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", ANNOTATOR_QUIT_AFTER_PAINT="1",
               PYTHONPATH=str(ROOT))

    commands = {
        "bare PySide6 window": [sys.executable, "-c", BARE_WINDOW],
        "annotator (python -m annotator)": [sys.executable, "-m", "annotator"],
    }
    if args.bundle:
        commands["annotator bundle"] = [str(args.bundle)]
    for command in commands.values():  # warm-up: caches, and the sample project made once
        time_to_paint(command, env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):  # interleaved, so a busy moment hits all alike
        for name, command in commands.items():
            times[name].append(time_to_paint(command, env))

    baseline = statistics.median(times["bare PySide6 window"])
    print(f"start to first paint, median of {args.runs} (offscreen):")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {name:34} {median * 1000:6.0f} ms  {median / baseline:4.1f}x")


if __name__ == "__main__":
    main()
