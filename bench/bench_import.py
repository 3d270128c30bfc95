"""Import speed as a ratio to a raw sqlite-utils insert of the same rows."""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

import sqlite_utils

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.formats.registry import read_paths  # noqa: E402
from annotator.store import Project  # noqa: E402

WORDS = "قال الرئيس الصيني شي جين بينغ إن الصين Xi Jinping powiedział w środę Chiny".split()


def make_jsonl(path: Path, documents: int, rng: random.Random) -> list[dict]:
    rows = []
    with path.open("w", encoding="utf-8") as out:
        for n in range(documents):
            words, length = [], 0
            while length < 2000:
                word = rng.choice(WORDS)
                words.append(word)
                length += len(word) + 1
            text = f"{n} " + " ".join(words)
            starts = sorted(rng.sample(range(0, len(text) - 20), 10))
            spans = [{"start": s, "end": s + 5, "label": "PERSON"} for s in starts]
            row = {"id": f"doc-{n}", "text": text, "spans": spans}
            rows.append(row)
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return rows


def baseline(rows: list[dict], db_path: Path) -> float:
    began = time.perf_counter()
    db = sqlite_utils.Database(db_path)
    db["documents"].insert_all(({"id": i, "name": r["id"], "text": r["text"]}
                                for i, r in enumerate(rows)), pk="id")
    db["spans"].insert_all({"document_id": i, "start": s["start"], "end": s["end"], "label": s["label"]}
                           for i, r in enumerate(rows) for s in r["spans"])
    db.close()
    return time.perf_counter() - began


def ours(jsonl: Path, db_path: Path) -> float:
    began = time.perf_counter()
    records = read_paths([jsonl])
    with Project.open(db_path) as project:
        project.import_records(records, annotator="bench")
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        rows = make_jsonl(folder / "in.jsonl", args.documents, random.Random(1))
        base = baseline(rows, folder / "raw.db")
        mine = ours(folder / "in.jsonl", folder / "project.db")
    print(f"documents {args.documents}, spans {10 * args.documents}")
    print(f"baseline (sqlite-utils insert_all) {base:.2f} s")
    print(f"annotator import                  {mine:.2f} s   ratio {mine / base:.2f}")


if __name__ == "__main__":
    main()
