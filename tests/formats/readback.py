"""Reading exports back independently of the writers, and what they must hold."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from annotator.core.tagging import tags_to_spans
from annotator.core.tokenize import Token
from annotator.formats.report import LEFT_OUT, ExportReport


def conll_documents(path: Path) -> list[list[tuple[list[str], list[str]]]]:
    """Documents, each a list of sentences (tokens, tags)."""
    documents: list[list[tuple[list[str], list[str]]]] = []
    tokens: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("-DOCSTART-") or not line:
            if tokens:
                documents[-1].append((tokens, tags))
                tokens, tags = [], []
            if line:
                documents.append([])
            continue
        token, tag = line.split(" ")
        tokens.append(token)
        tags.append(tag)
    return documents


def tagged_entities(tokens: list[str], tags: list[str]) -> list[tuple[str, str]]:
    """(label, its tokens joined) of each tagged entity."""
    positions = [Token(i, i + 1, t) for i, t in enumerate(tokens)]
    return [(label, "".join(tokens[s:e])) for s, e, label in tags_to_spans(positions, tags)]


def conll_entities(path: Path, names: list[str]) -> Counter:
    found: Counter = Counter()
    for name, sentences in zip(names, conll_documents(path), strict=True):
        for tokens, tags in sentences:
            found.update((name, label, words) for label, words in tagged_entities(tokens, tags))
    return found


def hf_entities(path: Path) -> Counter:
    names = json.loads(path.with_name(path.name + ".labels.json").read_text())["names"]
    found: Counter = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        tags = [names[i] for i in row["ner_tags"]]
        found.update((row["document"], label, words)
                     for label, words in tagged_entities(row["tokens"], tags))
    return found


def jsonl_spans(path: Path) -> set[tuple[str, int, int, str]]:
    out = set()
    for line in filter(None, path.read_text(encoding="utf-8").split("\n")):
        row = json.loads(line)
        items = row["spans"] if "spans" in row else [
            dict(zip(("start", "end", "label"), x)) for x in row["label"]]
        out.update((row["id"], s["start"], s["end"], s["label"]) for s in items)
    return out


def brat_spans(folder: Path) -> set[tuple[str, int, int, str]]:
    out = set()
    for ann in folder.glob("*.ann"):
        text = ann.with_suffix(".txt").read_text(encoding="utf-8")
        for line in ann.read_text(encoding="utf-8").splitlines():
            _, middle, shown = line.split("\t")
            label, offsets = middle.split(" ", 1)
            pieces = [tuple(map(int, p.split())) for p in offsets.split(";")]
            start, end = pieces[0][0], pieces[-1][1]
            assert shown == " ".join(text[a:b] for a, b in pieces)
            out.add((ann.stem, start, end, label))
    return out


def stored(project, annotator: str = "alice") -> set[tuple[str, int, int, str]]:
    return {(doc.name, s.start, s.end, s.label)
            for doc in project.iter_documents() for s in project.spans(doc.id, annotator)}


def squashed(text: str) -> str:
    """A span's text without whitespace: what its tokens spell, however split."""
    return "".join(text.split())


def expected_in_tokens(project, report: ExportReport, annotator: str = "alice") -> Counter:
    """(document, label, text without spaces) of every span a token export must hold."""
    left_out = {(e.document, e.start, e.end, e.label) for e in report.entries if e.action in LEFT_OUT}
    texts = {doc.name: doc.text for doc in project.iter_documents()}
    return Counter((name, label, squashed(texts[name][s:e]))
                   for name, s, e, label in stored(project, annotator)
                   if (name, s, e, label) not in left_out)
