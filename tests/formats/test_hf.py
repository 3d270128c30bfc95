"""The Hugging Face export, loaded by the ``datasets`` library itself."""

from __future__ import annotations

import json

import pytest

from annotator.formats.export import export_project
from tests.extras import require
from tests.formats.readback import conll_documents


@pytest.mark.parametrize("scheme", ["iob2", "bioes"])
def test_datasets_loads_the_export_with_its_label_names(annotated, tmp_path, scheme, monkeypatch):
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")  # local files only, never the hub
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    datasets = require("datasets")
    out = tmp_path / "train.jsonl"
    export_project(annotated, "hf", out, annotator="alice", scheme=scheme)
    names = json.loads((tmp_path / "train.jsonl.labels.json").read_text())["names"]
    assert names[0] == "O" and "B-COUNTRY" in names
    features = datasets.Features({
        "id": datasets.Value("string"),
        "document": datasets.Value("string"),
        "tokens": datasets.Sequence(datasets.Value("string")),
        "ner_tags": datasets.Sequence(datasets.ClassLabel(names=names)),
        "offsets": datasets.Sequence(datasets.Sequence(datasets.Value("int32"))),
    })
    dataset = datasets.load_dataset("json", data_files=str(out), features=features, split="train",
                                    cache_dir=str(tmp_path / "cache"))
    # The same sentences, tokens and tags as the CoNLL export.
    export_project(annotated, "conll", tmp_path / "same.conll", annotator="alice", scheme=scheme)
    sentences = [s for document in conll_documents(tmp_path / "same.conll") for s in document]
    assert dataset.num_rows == len(sentences)
    label_of = dataset.features["ner_tags"].feature.int2str
    texts = {d.name: d.text for d in annotated.iter_documents()}
    for row, (tokens, tags) in zip(dataset, sentences):
        assert row["tokens"] == tokens
        assert [label_of(t) for t in row["ner_tags"]] == tags
        # Each token's offsets point at that token in the document's text.
        assert [texts[row["document"]][s:e] for s, e in row["offsets"]] == tokens
    assert dataset[0]["document"] == "ar-2016-06-24-xi-nazarbayev-tashkent"


def test_a_label_missing_from_the_project_list_gets_the_next_ids(tmp_path):
    """Tags of a label the project's list lacks are numbered after the
    others, in the order first met, and named in the labels file."""
    from annotator.core.model import Direction, Document, Span
    from annotator.formats.hf import HfWriter
    from annotator.formats.report import ExportReport
    from annotator.formats.writing import ExportOptions

    out = tmp_path / "out.jsonl"
    writer = HfWriter(out, ExportOptions("a", ("PER",)), ExportReport("hf", str(out), "a", "iob2",
                                                                      "split", False))
    text = "Ala Nowak met Acme Corp and Ala."
    writer.add(Document("d", text, "pl", Direction.LTR, ""),
               [Span(0, 9, "PER"), Span(14, 23, "ORG")])
    writer.finish()
    row = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    names = json.loads((tmp_path / "out.jsonl.labels.json").read_text(encoding="utf-8"))["names"]
    assert names == ["O", "B-PER", "I-PER", "B-ORG", "I-ORG"]
    assert row["ner_tags"] == [1, 2, 0, 3, 4, 0, 0, 0]


def test_tag_ids_stay_when_labels_are_moved(annotated, tmp_path):
    # Train and dev sets exported either side of a reorder share one labels.json.
    export_project(annotated, "hf", tmp_path / "before.jsonl", annotator="alice")
    keys = [label.key for label in annotated.labels()]
    annotated.reorder_labels(list(reversed(keys)))
    export_project(annotated, "hf", tmp_path / "after.jsonl", annotator="alice")
    names = [json.loads((tmp_path / f"{n}.jsonl.labels.json").read_text(encoding="utf-8"))["names"]
             for n in ("before", "after")]
    assert names[0] == names[1]
    assert (tmp_path / "before.jsonl").read_bytes() == (tmp_path / "after.jsonl").read_bytes()


def test_documents_sharing_a_name_are_said_in_a_warning(tmp_path):
    from annotator.core.model import DocumentRecord, Span
    from annotator.store import Project

    with Project.open(tmp_path / "p.db") as project:
        project.import_records([DocumentRecord("same", "Xi spoke.", [Span(0, 2, "PERSON")]),
                                DocumentRecord("same", "Tokayev spoke.", [Span(0, 7, "PERSON")]),
                                DocumentRecord("same~2", "Wang spoke.", [Span(0, 4, "PERSON")])],
                               annotator="alice")
        report = export_project(project, "hf", tmp_path / "out.jsonl", annotator="alice")
    rows = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [(r["id"], r["document"], r["tokens"][0]) for r in rows] == [
        ("same#1", "same", "Xi"), ("same~2#1", "same", "Tokayev"),
        ("same~2~2#1", "same~2", "Wang")]
    # "document" cannot tell the two «same» apart: said, not left for the trainer to find.
    # Only the second «same» has an earlier one's name; «same~2» has the row ids made for it.
    assert report.warnings[0] == (
        '1 documents have the name of a document before them (same...): "document" does not '
        "tell their rows apart; their row ids begin same~2, same~3...")
    assert report.warnings[1] == ("1 documents are named as the row ids made for another "
                                  "(NAME~2): their own row ids begin NAME~2~2...")
