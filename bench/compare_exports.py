"""Every token-based export of a hard corpus, by this tree and by another
revision, compared byte for byte: a change to the tokenizer, the aligner or a
writer made for speed must not change a token, a sentence, a tag or a report.

    python bench/compare_exports.py REV [--keep DIR]

REV is any git revision (``main``, ``HEAD~3``, a commit). The corpus: the
hand-labelled sample (``sample_gold.jsonl``), 1,500 bench documents, and 400
pieces of the sample articles and of texts made to be hard (abbreviations,
numbers, URLs, harakat, an Arabic number sign, emoji) with spans at random
character offsets: inside words, over whitespace, overlapping, across
sentence ends. It is exported in CoNLL (three schemes, both clitic rules,
both nesting rules), hf (three schemes, both clitic rules) and spaCy, by each
tree in turn. Exit status 1 when any file differs (the report's output path
aside), 2 when an export fails.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

import corpus  # noqa: E402 (bench/ on the path first)

HARD_TEXTS = [
    "Dr. J. R. R. Tolkien met Mr. Smith at 3.5 p.m. on 1,000 U.S. e-mail a.b@x.com "
    "http://x.cn/a?b=1. (Wow!) «نعم» ؟! 3. Stop...",
    "وَالصِّينِ قَالَ ٢٠٢١ و٢٠٢١ ٣٫٥ مـحمد H1N1 \u200cx \u0600 5 \U0001F600\U0001F3FD ok.\n"
    "Next line ends here\n\n\nEnd.",
    "lat 80. w 30. rocznicę św. Jana tj. nr. 5 r. 2021 Nr. 7. Koniec.",
]
LABELS = ["PERSON", "ORG", "DATE", "INITIATIVE", "LOC"]


def hard_rows(count: int = 400, seed: int = 3) -> list[dict]:
    rng = random.Random(seed)
    sources = corpus.articles() + HARD_TEXTS
    rows = []
    for k in range(count):
        base = rng.choice(sources)
        start = rng.randrange(0, max(1, len(base) - 600))
        text = f"{k} " + base[start:start + rng.randrange(20, 600)]
        spans = set()
        for _ in range(rng.randrange(0, 12)):
            a = rng.randrange(0, len(text))
            b = min(len(text), a + rng.randrange(1, 40))
            if a < b:
                spans.add((a, b, rng.choice(LABELS)))
        rows.append({"id": f"hard-{k}", "text": text,
                     "spans": [{"start": a, "end": b, "label": label}
                               for a, b, label in sorted(spans)]})
    return rows


def write_corpus(path: Path) -> Path:
    rows = [json.loads(line) for line in (BENCH / "sample_gold.jsonl").open(encoding="utf-8")]
    rows = [{"id": r["id"], "text": r["text"],
             "spans": [{k: s[k] for k in ("start", "end", "label")} for s in r["spans"]]}
            for r in rows]
    rows += corpus.records(1500, seed=7) + hard_rows()
    return corpus.write_jsonl(path, rows)


def exports() -> list[tuple[str, list[str]]]:
    """(output name, export options) for every tagged format and option."""
    out = []
    for scheme in ("iob2", "iob1", "bioes"):
        for clitics in ("split", "expand"):
            for nesting in ("longest", "columns"):
                out.append((f"{scheme}-{clitics}-{nesting}.conll",
                            ["--format", "conll", "--scheme", scheme, "--clitics", clitics,
                             "--nesting", nesting]))
            out.append((f"{scheme}-{clitics}.hf.jsonl",
                        ["--format", "hf", "--scheme", scheme, "--clitics", clitics]))
    out.append(("split.spacy", ["--format", "spacy", "--clitics", "split"]))
    return out


def run_tree(tree: Path, jsonl: Path, out: Path) -> None:
    """Import the corpus and export it every way with the code in ``tree``."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    project = out / "project.db"
    out.mkdir(parents=True)

    def annotator(*args: str) -> None:
        done = subprocess.run([sys.executable, "-m", "annotator", *args], env=env, cwd=out,
                              capture_output=True, text=True)
        if done.returncode != 0:
            print(f"{tree}: annotator {' '.join(args)} failed:\n{done.stderr.strip()}",
                  file=sys.stderr)
            raise SystemExit(2)

    annotator("import", str(project), str(jsonl))
    for name, options in exports():
        annotator("export", str(project), *options, "--out", str(out / name))
    project.unlink()


def differences(ours: Path, theirs: Path) -> list[str]:
    differ = []
    for name in sorted(p.name for p in theirs.iterdir() if p.is_file()):
        mine, other = ours / name, theirs / name
        if not mine.exists():
            differ.append(f"{name}: missing")
        elif name.endswith(".report.json"):
            if _report(mine, ours) != _report(other, theirs):
                differ.append(name)
        elif not filecmp.cmp(mine, other, shallow=False):
            differ.append(name)
    return differ


def _report(path: Path, folder: Path) -> str:
    return path.read_text(encoding="utf-8").replace(str(folder), "OUT")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("revision", help="the git revision to compare with")
    parser.add_argument("--keep", type=Path, help="leave the exports in this folder")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        work = args.keep or Path(scratch)
        other = work / "revision"
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.revision],
                                 capture_output=True, check=True).stdout
        other.mkdir(parents=True)
        subprocess.run(["tar", "-x", "-C", str(other)], input=archive, check=True)
        jsonl = write_corpus(work / "corpus.jsonl")
        run_tree(ROOT, jsonl, work / "ours")
        run_tree(other, jsonl, work / "theirs")
        differ = differences(work / "ours", work / "theirs")
        count = len(list((work / "theirs").iterdir()))
        if differ:
            print(f"{len(differ)} of {count} files differ from {args.revision}: " + ", ".join(differ))
            return 1
        print(f"all {count} files are the same as {args.revision}'s")
        return 0


if __name__ == "__main__":
    sys.exit(main())
