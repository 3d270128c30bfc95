"""Files published by other tools and corpora (see tests/data/external/README.md):
what the project stores equals what an independent reader finds in them
(seqeval's get_entities for tags, brat's standoff rules for .ann), the text
is the file's where the format carries it, refusals name file and option,
and file -> import -> export in the same format -> import gives the same spans."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.formats.export import export_project
from annotator.formats.registry import read_paths
from annotator.store import Project
from tests.extras import require

EXTERNAL = Path(__file__).resolve().parent.parent / "data" / "external"


def sentences_of(path: Path) -> list[list[list[str]]]:
    """Each sentence as its lines' columns (blank lines part them)."""
    blocks = path.read_text(encoding="utf-8").split("\n\n")
    return [[line.split() for line in block.split("\n") if line.strip()]
            for block in blocks if block.strip()]


def entities_by_seqeval(sentences, token: int, levels: list[int] | None = None,
                        to_end: int | None = None) -> Counter:
    """(label, tokens) of each entity seqeval finds, level by level."""
    from seqeval.metrics.sequence_labeling import get_entities

    found: Counter = Counter()
    for rows in sentences:
        width = max(len(r) for r in rows)
        columns = levels if to_end is None else list(range(to_end, width))
        for column in columns:
            tags = [r[column] if column < len(r) else "O" for r in rows]
            for label, first, last in get_entities(tags):
                found[(label, " ".join(r[token] for r in rows[first:last + 1]))] += 1
    return found


def stored(project: Project, annotator: str = "imported") -> Counter:
    found: Counter = Counter()
    for document in list(project.iter_documents()):
        for span in project.spans(document.id, annotator):
            found[(span.label, document.text[span.start:span.end])] += 1
    return found


def import_into(tmp_path, path: Path, name: str = "p.db", **options) -> Project:
    project = Project.open(tmp_path / name)
    project.import_records(read_paths([path], options=options))
    return project


def round_trip(tmp_path, project: Project, fmt: str, suffix: str, name: str = "again.db",
               **options: str) -> Counter:
    out = tmp_path / f"again{suffix}"
    export_project(project, fmt, out, annotator="imported", **options)
    with Project.open(tmp_path / name) as again:
        again.import_records(read_paths([out], fmt))
        return stored(again)


def test_polish_wikineural_with_an_index_column(tmp_path):
    require("seqeval")
    path = EXTERNAL / "wikineural-pl" / "test-excerpt.conllu"
    sentences = sentences_of(path)
    with import_into(tmp_path, path) as project:
        [document] = list(project.iter_documents())
        assert document.text.split() == [r[1] for rows in sentences for r in rows]
        assert stored(project) == entities_by_seqeval(sentences, token=1, levels=[2])
        assert sum(stored(project).values()) == 34
        assert round_trip(tmp_path, project, "conll", ".conll") == stored(project)


def test_wojood_nested_levels_named_txt(tmp_path):
    require("seqeval")
    path = EXTERNAL / "wojood" / "test-excerpt.txt"
    sentences = sentences_of(path)
    records = read_paths([path])
    assert "read as CoNLL: its lines are tokens with tags" in [n.message for n in records.notes]
    with Project.open(tmp_path / "p.db") as project:
        project.import_records(records)
        expected = entities_by_seqeval(sentences, token=0, to_end=1)
        assert stored(project) == expected
        # same-type nesting: جامعة بيرزيت is an ORG inside an ORG
        assert expected[("ORG", "جامعة بيرزيت")] >= 1
        assert expected[("ORG", "نقابة العاملين في جامعة بيرزيت")] == 1
        # JSONL keeps nested spans: the round trip gives them all back
        assert round_trip(tmp_path, project, "jsonl", ".jsonl") == expected


def test_wojood_round_trip_through_conll_nesting_columns(tmp_path):
    path = EXTERNAL / "wojood" / "test-excerpt.txt"
    with import_into(tmp_path, path) as project:
        expected = stored(project)
        assert round_trip(tmp_path, project, "conll", ".conll", nesting="columns") == expected
        written = (tmp_path / "again.conll").read_text(encoding="utf-8")
        # Wojood's shape: as many tag columns as the line needs, outer first
        assert "جامعة I-ORG B-ORG" in written.split("\n")
        # one column (the default) keeps the longest span per token only
        assert round_trip(tmp_path, project, "conll", ".conll", "one.db") != expected


def test_seqeval_gold_and_predicted_columns_are_refused_then_chosen(tmp_path, capsys):
    require("seqeval")
    path = EXTERNAL / "seqeval" / "ground_truth-excerpt.txt"
    db = tmp_path / "p.db"
    assert main(["import", str(db), str(path)]) == 2
    error = capsys.readouterr().err
    assert error.startswith(f"{path}: columns 3 and 4 hold chunk tags")
    assert "--columns token=1,tag=3" in error and not db.exists()
    sentences = sentences_of(path)
    for column in (3, 4):
        with import_into(tmp_path, path, f"p{column}.db", columns=f"token=1,tag={column}") as project:
            assert stored(project) == entities_by_seqeval(sentences, token=0, levels=[column - 1])
    assert entities_by_seqeval(sentences, 0, [2]) != entities_by_seqeval(sentences, 0, [3])


def test_doccano_conll_example_named_txt(tmp_path):
    require("seqeval")
    path = EXTERNAL / "doccano" / "sequence_labeling-example.txt"
    with import_into(tmp_path, path) as project:
        assert stored(project) == entities_by_seqeval(sentences_of(path), token=0, levels=[1])
        assert stored(project) == Counter({("ORG", "EU"): 1, ("MISC", "German"): 1,
                                           ("MISC", "British"): 1, ("PER", "Peter Blackburn"): 1})
        assert round_trip(tmp_path, project, "conll", ".conll") == stored(project)


def test_doccano_relations_are_counted_and_entities_stored(tmp_path):
    path = EXTERNAL / "doccano" / "relation_extraction-example.jsonl"
    line = json.loads(path.read_text(encoding="utf-8"))
    records = read_paths([path])
    assert [n.message for n in records.notes] == [
        f"not imported: {len(line['relations'])} relations on 1 lines (doccano relation "
        "extraction; relations are not spans)"]
    [record] = records
    assert record.text == line["text"]
    assert sorted((s.start, s.end, s.label) for s in record.spans) == sorted(
        (e["start_offset"], e["end_offset"], e["label"]) for e in line["entities"])


def test_doccano_duplicate_span_is_counted_once(tmp_path):
    path = EXTERNAL / "doccano" / "sequence_labeling-example_overlapping.jsonl"
    with Project.open(tmp_path / "p.db") as project:
        summary = project.import_records(read_paths([path]))
        assert (summary.spans_added, summary.spans_duplicate) == (1, 1)
        assert project.stats()["spans"] == 1


def test_doccano_export_example_round_trip(tmp_path):
    path = EXTERNAL / "doccano" / "sequence_labeling-export-example.jsonl"
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    expected = Counter((label, line["text"][start:end]) for line in lines
                       for start, end, label in line["label"])
    with import_into(tmp_path, path) as project:
        assert stored(project) == expected
        assert round_trip(tmp_path, project, "doccano", ".jsonl") == expected


def brat_entities(folder: Path) -> Counter:
    """brat's standoff rules, read here on their own: a T line is an entity
    of a type over its fragments; its text field is the text there."""
    found: Counter = Counter()
    for ann in sorted(folder.glob("*.ann")):
        text = ann.with_suffix(".txt").read_text(encoding="utf-8")
        for line in ann.read_text(encoding="utf-8").splitlines():
            if line.startswith("T"):
                _, middle, shown = line.split("\t")
                label, offsets = middle.split(" ", 1)
                fragments = [tuple(map(int, f.split())) for f in offsets.split(";")]
                assert " ".join(text[a:b] for a, b in fragments) == shown
                for a, b in fragments:
                    found[(label, text[a:b])] += 1
    return found


def test_brat_tutorial_entities_and_what_is_not_imported(tmp_path):
    folder = EXTERNAL / "brat-tutorial-news"
    records = read_paths([folder])
    lines = {ann.name: Counter(line[0] for line in ann.read_text(encoding="utf-8").splitlines()
                               if line and line[0] != "T")
             for ann in folder.glob("*.ann")}
    for note in records.notes:
        counts = lines[Path(note.path).name]
        for kind, count in counts.items():
            assert f"{count} " in note.message and f"({kind})" in note.message
    assert len(records.notes) == sum(1 for c in lines.values() if c)
    for record in records:
        txt = Path(record.source).with_suffix(".txt").read_text(encoding="utf-8")
        assert record.text == txt
    with Project.open(tmp_path / "p.db") as project:
        project.import_records(records)
        assert stored(project) == brat_entities(folder)
        assert round_trip(tmp_path, project, "brat", "") == brat_entities(folder)


def test_label_studio_rectangles_and_predictions_are_noted_and_mark_no_layer(tmp_path):
    path = EXTERNAL / "label-studio" / "csv_test.json"
    tasks = json.loads(path.read_text(encoding="utf-8"))
    records = read_paths([path])
    assert [r.text for r in records] == [t["data"]["text"] for t in tasks]
    assert all(not r.spans and not r.annotated for r in records)
    results = sum(len(a["result"]) for t in tasks for a in t["annotations"])
    predicted = sum(len(p["result"]) for t in tasks for p in t["predictions"])
    assert [n.message for n in records.notes] == [
        f"not imported: {results + predicted} results that are not text spans "
        f"({results} rectanglelabels, {predicted} rectanglelabels predictions)"]
    with Project.open(tmp_path / "p.db") as project:
        project.import_records(records, annotator="hakan")
        assert project.stats()["by_status"] == {}


@pytest.mark.parametrize("folder", ["wikineural-pl", "wojood", "seqeval", "doccano",
                                    "brat-tutorial-news", "label-studio"])
def test_each_source_keeps_its_licence_and_is_small(folder):
    assert (EXTERNAL / folder / ("LICENSE.md" if folder.startswith("brat") else "LICENSE")).is_file()
    for path in (EXTERNAL / folder).iterdir():
        if not path.name.startswith("LICENSE"):
            assert path.stat().st_size < 8000, path
    assert f"`{folder}/" in (EXTERNAL / "README.md").read_text(encoding="utf-8")
