"""Synthetic corpora for the benchmarks, cut from the sample articles in
``seeds/`` and deterministic by seed: documents of about 2,000 characters,
each with 10 spans on whole words."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
LABELS = ("PERSON", "ORG", "DATE")
_WORD = re.compile(r"\w+")


def articles() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def document_text(rng: random.Random, texts: list[str], n: int, size: int = 2000) -> str:
    """About ``size`` characters of one article, from a random line on,
    numbered so that every document's text (and sha256) differs."""
    text = rng.choice(texts)
    lines = text.splitlines(keepends=True)
    start = rng.randrange(len(lines))
    out = f"{n}\n"
    while len(out) < size:
        out += lines[start % len(lines)]
        start += 1
    cut = out.rfind(" ", 0, size)
    return out[:cut if cut > 0 else size]


def word_spans(rng: random.Random, text: str, count: int = 10) -> list[dict]:
    words = [m.span() for m in _WORD.finditer(text)][1:]  # not the number in front
    chosen = sorted(rng.sample(words, min(count, len(words))))
    return [{"start": s, "end": e, "label": rng.choice(LABELS)} for s, e in chosen]


def records(documents: int, seed: int = 1, spans: int = 10) -> list[dict]:
    return list(iter_records(documents, seed, spans))


def iter_records(documents: int, seed: int = 1, spans: int = 10) -> Iterator[dict]:
    """The rows of :func:`records` one at a time (a big corpus is written
    without being held)."""
    rng = random.Random(seed)
    texts = articles()
    for n in range(documents):
        text = document_text(rng, texts, n)
        yield {"id": f"doc-{n:06d}", "text": text, "spans": word_spans(rng, text, spans)}


def shifted(rows: list[dict], seed: int) -> list[dict]:
    """A second annotator's version of ``rows``: same texts, most spans kept,
    some dropped or moved to another word."""
    rng = random.Random(seed)
    out = []
    for row in rows:
        spans = [s for s in row["spans"] if rng.random() > 0.2]
        spans += word_spans(rng, row["text"], 2)
        seen, kept = set(), []
        for s in sorted(spans, key=lambda s: (s["start"], s["end"])):
            if kept and s["start"] < kept[-1]["end"]:
                continue
            if (s["start"], s["end"]) not in seen:
                seen.add((s["start"], s["end"]))
                kept.append(s)
        out.append({"id": row["id"], "text": row["text"], "spans": kept})
    return out


def write_jsonl(path: Path, rows: Iterable[dict], annotator: str | None = None) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            if annotator:
                row = {**row, "annotator": annotator}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def big_text(length: int = 200_000) -> str:
    """The sample articles repeated to ``length`` characters (Arabic first)."""
    joined = "\n".join(articles())
    return (joined * (length // len(joined) + 1))[:length]


def big_spans(rng: random.Random, text: str, count: int = 5000) -> list[dict]:
    return word_spans(rng, text, count)
