"""Opening a project file of the schema before compact span timestamps (10):
the one-time upgrade (the whole-file check, then migration 11 rebuilding
``spans``) against SQLite copying the same spans table as it is, measured on
copies of one file in the same run.

    .venv/bin/python bench/bench_migration.py [--spans 1000000] [--runs 3]

The file holds documents of about 2,000 characters with 10 spans each
(``corpus.py``), as an import of that many spans makes them."""

from __future__ import annotations

import argparse
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import corpus  # noqa: E402
from annotator.core.labels import DEFAULT_LABELS  # noqa: E402
from annotator.store import Project  # noqa: E402
from annotator.store.repository import PAGE_SIZE  # noqa: E402
from annotator.store.schema import MIGRATIONS, SPAN_MS_VERSION, register_functions  # noqa: E402


def old_file(path: Path, spans: int) -> None:
    """A file at the schema before 11, with ``spans`` spans of one annotator."""
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        conn.execute("PRAGMA journal_mode = WAL")
        register_functions(conn)
        for script in MIGRATIONS[:SPAN_MS_VERSION - 1]:
            conn.executescript(script)
        conn.executemany("INSERT OR IGNORE INTO labels (key, name, color) VALUES (?, ?, ?)",
                         [(label.key, label.name, label.color) for label in DEFAULT_LABELS])
        conn.execute("INSERT INTO annotators (name) VALUES ('bench')")
        for i, record in enumerate(corpus.iter_records(spans // 10, seed=1), 1):
            conn.execute("INSERT INTO documents (id, name, text, lang, direction, sha256) "
                         "VALUES (?, ?, ?, 'ar', 'rtl', ?)", [i, record["id"], record["text"], str(i)])
            conn.executemany('INSERT INTO spans (document_id, annotator_id, start, "end", label, '
                             "origin) VALUES (?, 1, ?, ?, ?, 'imported')",
                             [(i, s["start"], s["end"], s["label"]) for s in record["spans"]])
        conn.execute(f"PRAGMA user_version = {SPAN_MS_VERSION - 1}")
        conn.commit()


def time_open(path: Path) -> float:
    started = time.perf_counter()
    Project.open(path).close()
    return time.perf_counter() - started


def time_plain_copy(path: Path) -> float:
    """SQLite copying the spans table with its unique index, converting nothing."""
    started = time.perf_counter()
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("BEGIN")
        sql = conn.execute("SELECT sql FROM sqlite_schema WHERE name = 'spans'").fetchone()[0]
        conn.execute(re.sub(r'CREATE TABLE "?spans"?', "CREATE TABLE spans_copy", sql, count=1))
        conn.execute("INSERT INTO spans_copy SELECT * FROM spans ORDER BY id")
        conn.execute("DROP TABLE spans")
        conn.execute("ALTER TABLE spans_copy RENAME TO spans")
        conn.execute("COMMIT")
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--spans", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        original = Path(folder) / "old.db"
        old_file(original, args.spans)
        ours, plain = [], []
        for _ in range(args.runs):  # in turns, so that both meet the same load
            for times, measure in ((ours, time_open), (plain, time_plain_copy)):
                copy = Path(folder) / "copy.db"
                shutil.copy(original, copy)
                times.append(measure(copy))
                for suffix in ("", "-wal", "-shm", ".lock"):
                    Path(f"{copy}{suffix}").unlink(missing_ok=True)
        mb = original.stat().st_size / 2**20
        print(f"{args.spans:,} spans ({mb:.0f} MB file): opening with the upgrade "
              f"{statistics.median(ours):.2f} s, a plain copy of the spans table "
              f"{statistics.median(plain):.2f} s "
              f"({statistics.median(ours) / statistics.median(plain):.2f}x), medians of {args.runs}")


if __name__ == "__main__":
    main()
