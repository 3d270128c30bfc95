"""What the benchmarks run in a fresh process, so that start-up, imports and
peak memory are measured as a user meets them. Each probe prints one JSON
line: ``{"seconds": …, "peak_mb": …}`` (``seconds`` from the probe's start
to the end of its work, the parent also times the whole process;
``peak_mb`` is the process's own peak resident memory).

    python bench/probes.py import JSONL PROJECT.db
    python bench/probes.py raw-insert JSONL RAW.db
    python bench/probes.py window PROJECT.db
    python bench/probes.py bare-window [TEXTFILE]
    python bench/probes.py export FORMAT PROJECT.db OUT   (FORMAT "none": open only)
    python bench/probes.py tokenize PROJECT.db
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path

BEGAN = time.perf_counter()
ROOT = Path(__file__).resolve().parent.parent


def _peak_mb() -> float:
    """This process's own peak resident memory: VmHWM where Linux gives it
    (its ru_maxrss keeps the parent's peak across exec, and the bench's
    parent is big), ru_maxrss elsewhere."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _done(**extra) -> None:
    peak = _peak_mb()
    print(json.dumps({"seconds": time.perf_counter() - BEGAN, "peak_mb": peak, **extra}), flush=True)
    os._exit(0)  # the teardown of Qt and SQLite is not what is measured


def our_import(jsonl: str, db: str) -> None:
    sys.path.insert(0, str(ROOT))
    from annotator.cli import main

    status = main(["import", db, jsonl, "--annotator", "bench"])
    _done(status=status)


def raw_insert(jsonl: str, db: str) -> None:
    """What ``sqlite-utils insert`` does with the same records: documents and
    their spans as rows, streamed."""
    sys.path.insert(0, str(ROOT))
    # Loaded as the tool loads it (without pandas and numpy), so the baseline
    # is not slowed by imports the tool avoids.
    from annotator.store.lean_sqlite_utils import load

    database = load().Database(db)

    def rows():
        with open(jsonl, encoding="utf-8") as lines:
            for i, line in enumerate(lines):
                yield i, json.loads(line)

    database["documents"].insert_all(
        ({"id": i, "name": r["id"], "text": r["text"]} for i, r in rows()), pk="id", batch_size=500)
    database["spans"].insert_all(
        ({"document_id": i, "start": s["start"], "end": s["end"], "label": s["label"]}
         for i, r in rows() for s in r["spans"]), batch_size=2000)
    database.close()
    _done()


def _paint_and_exit(app, window) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                window.removeEventFilter(self)
                QTimer.singleShot(0, _done)  # once the whole window is painted
            return False

    # The event loop's first turn comes before the first paint: the paint
    # event itself is waited for. The filter watches the window alone: one
    # on the application would make PySide build the Python type of every
    # object an event goes to, a cost neither start has.
    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.resize(1000, 700)
    window.show()
    app.exec()


def window(db: str) -> None:
    """The window as ``annotator PROJECT.db`` starts it, settings in a
    folder of their own (the annotator's name already given)."""
    config = Path(db).parent / "config"
    (config / "annotator").mkdir(parents=True, exist_ok=True)
    (config / "annotator" / "annotator.conf").write_text("[annotator]\nname=bench\n")
    os.environ["XDG_CONFIG_HOME"] = str(config)
    sys.path.insert(0, str(ROOT))
    from annotator.app import open_window

    started = open_window(Path(db))
    if started is None:
        sys.exit(2)
    _paint_and_exit(*started)


def bare_window(textfile: str | None = None) -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit

    app = QApplication([])
    win = QMainWindow()
    if textfile:
        view = QPlainTextEdit()
        view.setPlainText(Path(textfile).read_text(encoding="utf-8"))
        win.setCentralWidget(view)
    _paint_and_exit(app, win)


def _warm_tokenizer() -> None:
    """What a process pays once, whatever the size: the tokenizer's patterns
    and scanner built (about a billion instructions). Every counted probe
    pays it, so that one less another is the work per document."""
    from annotator.core.tokenize import token_columns

    token_columns("Warm up, 1.5 كلمة.")


def export(fmt: str, db: str, out: str) -> None:
    """One export of the project; with ``none``, the same process up to the
    export (to be subtracted: what the export itself costs)."""
    sys.path.insert(0, str(ROOT))
    from annotator.formats.export import export_project
    from annotator.store import Project

    _warm_tokenizer()
    with Project.open(Path(db), create=False) as project:
        if fmt != "none":
            export_project(project, fmt, Path(out), annotator="bench")
    _done()


def tokenize(db: str) -> None:
    """Every text of the project tokenized once, as a token export meets it."""
    sys.path.insert(0, str(ROOT))
    import annotator.formats.export  # noqa: F401  (loaded as by "export none", which is subtracted)
    from annotator.core.tokenize import _cache, token_columns
    from annotator.store import Project

    _warm_tokenizer()
    with Project.open(Path(db), create=False) as project:
        for _, text in project.document_texts():
            token_columns(text)
            _cache.clear()  # every text afresh, as an export meets it
    _done()


PROBES = {"import": our_import, "raw-insert": raw_insert, "window": window,
          "bare-window": bare_window, "export": export, "tokenize": tokenize}

if __name__ == "__main__":
    PROBES[sys.argv[1]](*sys.argv[2:])
