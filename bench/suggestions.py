"""How much of the labelling the suggestions do, on a hand-labelled sample.

A simulated annotator labels the first mention of each entity of a document
(every span with the entity's id in bench/sample_gold.jsonl, DATE aside),
accepts nothing else, and we count:

- the share of the remaining mentions proposed exactly (same start, end, label),
- the precision of all proposals (exactly a gold span),
- date precision and recall of the date rules (exact spans),

with and without the short-form proposals (family names, Chinese surnames,
acronyms), and the time of ``find_mentions`` on a 200,000-character document
(median over repeated labels; the first call, which reads the document and
loads the lemmatizer, is reported apart). Not a test: figures, not assertions.

    python bench/suggestions.py [--gold bench/sample_gold.jsonl] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.core.model import Span  # noqa: E402
from annotator.suggest.dates import find_dates  # noqa: E402
from annotator.suggest.mentions import find_mentions  # noqa: E402
from annotator.suggest.spans import split_free  # noqa: E402

GOLD = Path(__file__).resolve().parent / "sample_gold.jsonl"
DATE = "DATE"


@dataclass
class Figures:
    remaining: int = 0  # mentions left after the first of each entity
    proposed_exactly: int = 0
    proposals: int = 0
    correct_proposals: int = 0
    dates_gold: int = 0
    dates_found: int = 0
    dates_correct: int = 0

    @property
    def share(self) -> float:
        return self.proposed_exactly / self.remaining if self.remaining else 0.0

    @property
    def precision(self) -> float:
        return self.correct_proposals / self.proposals if self.proposals else 1.0

    @property
    def date_precision(self) -> float:
        return self.dates_correct / self.dates_found if self.dates_found else 1.0

    @property
    def date_recall(self) -> float:
        return self.dates_correct / self.dates_gold if self.dates_gold else 1.0

    def summary(self) -> dict:
        return {**asdict(self), "share": round(self.share, 3), "precision": round(self.precision, 3),
                "date_precision": round(self.date_precision, 3),
                "date_recall": round(self.date_recall, 3)}


def read_gold(path: Path = GOLD) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def first_mentions(record: dict) -> tuple[list[dict], list[dict]]:
    """The first mention of each entity (what the annotator labels) and the rest."""
    seen: set[str] = set()
    first, rest = [], []
    for span in sorted(record["spans"], key=lambda s: s["start"]):
        if span["label"] == DATE:
            continue
        (rest if span["entity"] in seen else first).append(span)
        seen.add(span["entity"])
    return first, rest


def measure(records: list[dict], short: bool = True) -> Figures:
    figures = Figures()
    for record in records:
        text = record["text"]
        first, rest = first_mentions(record)
        names = [(text[s["start"]:s["end"]], s["label"]) for s in first]
        labelled = [Span(s["start"], s["end"], s["label"]) for s in first]
        proposed = [p.span for p in find_mentions(text, names, record.get("lang", ""), short=short)]
        proposed, _ = split_free(proposed, labelled)  # the window leaves labelled places alone
        gold = {(s["start"], s["end"], s["label"]) for s in record["spans"]}
        keys = {s.key for s in proposed}
        figures.remaining += len(rest)
        figures.proposed_exactly += sum((s["start"], s["end"], s["label"]) in keys for s in rest)
        figures.proposals += len(proposed)
        figures.correct_proposals += len(keys & gold)
        gold_dates = {(s["start"], s["end"]) for s in record["spans"] if s["label"] == DATE}
        found = set(find_dates(text))
        figures.dates_gold += len(gold_dates)
        figures.dates_found += len(found)
        figures.dates_correct += len(found & gold_dates)
    return figures


def misses(records: list[dict], short: bool = True) -> list[str]:
    """Each remaining mention not proposed and each wrong proposal, for reading."""
    lines = []
    for record in records:
        text = record["text"]
        first, rest = first_mentions(record)
        names = [(text[s["start"]:s["end"]], s["label"]) for s in first]
        props = find_mentions(text, names, record.get("lang", ""), short=short)
        labelled = [Span(s["start"], s["end"], s["label"]) for s in first]
        free, _ = split_free([p.span for p in props], labelled)
        keys = {s.key for s in free}
        gold = {(s["start"], s["end"], s["label"]) for s in record["spans"]}
        for s in rest:
            if (s["start"], s["end"], s["label"]) not in keys:
                lines.append(f"missed  {record['id']}: {text[s['start']:s['end']]!r} {s['label']}")
        for p in props:
            if p.span.key not in gold and p.span in free:
                lines.append(f"wrong   {record['id']}: {text[p.span.start:p.span.end]!r} "
                             f"{p.span.label} ({p.reason})")
    return lines


def time_large_document(records: list[dict], size: int = 200_000, repeats: int = 21) -> dict:
    """find_mentions after one label on a ``size``-character Arabic document."""
    arabic = [r for r in records if r.get("lang") == "ar"]
    text = ""
    while len(text) < size:
        for record in arabic:
            text += record["text"] + "\n\n"
    text = text[:size]
    names = [("شي جين بينغ", "PERSON"), ("قاسم-جومارت توكاييف", "PERSON"),
             ("الحزب الشيوعي الصيني", "ORG"), ("مبادرة الحزام والطريق", "INITIATIVE")]
    started = time.perf_counter()
    find_mentions(text, names[:1], "ar")
    first = time.perf_counter() - started
    one, all_names = [], []
    for k in range(repeats):
        started = time.perf_counter()
        find_mentions(text, [names[k % len(names)]], "ar")
        one.append(time.perf_counter() - started)
        started = time.perf_counter()
        find_mentions(text, names, "ar")
        all_names.append(time.perf_counter() - started)
    return {"characters": len(text), "first_call_ms": round(first * 1000, 1),
            "one_name_median_ms": round(statistics.median(one) * 1000, 1),
            "four_names_median_ms": round(statistics.median(all_names) * 1000, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--misses", action="store_true", help="list what was missed or wrong")
    args = parser.parse_args(argv)
    records = read_gold(args.gold)
    result = {"with_short_forms": measure(records, short=True).summary(),
              "without_short_forms": measure(records, short=False).summary(),
              "timing": time_large_document(records)}
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for name in ("with_short_forms", "without_short_forms"):
            f = result[name]
            print(f"{name.replace('_', ' ')}: {f['proposed_exactly']}/{f['remaining']} remaining "
                  f"mentions proposed exactly ({f['share']:.0%}), precision {f['precision']:.2f} "
                  f"({f['correct_proposals']}/{f['proposals']})")
        f = result["with_short_forms"]
        print(f"dates: precision {f['date_precision']:.2f} ({f['dates_correct']}/{f['dates_found']}), "
              f"recall {f['date_recall']:.2f} ({f['dates_correct']}/{f['dates_gold']})")
        t = result["timing"]
        print(f"find_mentions on {t['characters']:,} characters: first call {t['first_call_ms']} ms, "
              f"then median {t['one_name_median_ms']} ms for one name, "
              f"{t['four_names_median_ms']} ms for four")
    if args.misses:
        print("\n".join(misses(records)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
