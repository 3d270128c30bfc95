"""The measurement of bench/suggestions.py on the hand-labelled sample: the
simulated annotator labels the first mention of each entity and accepts
nothing else (issue targets; figures, not timings)."""

import importlib.util
import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "suggestions.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_suggestions", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def records(bench):
    return bench.read_gold()


def test_the_sample_covers_every_seed_article_in_the_jsonl_shape(records, seeds_dir):
    assert sorted(r["id"] for r in records) == sorted(p.stem for p in seeds_dir.glob("*.txt"))
    labels = {"PERSON", "ORG", "DATE", "INITIATIVE"}
    for record in records:
        assert record["text"] == (seeds_dir / f"{record['id']}.txt").read_text(encoding="utf-8")
        assert set(record) >= {"id", "text", "lang", "spans"}
        for span in record["spans"]:
            assert 0 <= span["start"] < span["end"] <= len(record["text"])
            assert span["label"] in labels and span["entity"]


def test_mentions_and_dates_meet_the_targets(bench, records):
    figures = bench.measure(records, short=True)
    assert figures.remaining >= 50
    assert figures.share >= 0.7, figures.summary()
    assert figures.precision >= 0.9, figures.summary()
    assert figures.date_precision >= 0.9 and figures.date_recall >= 0.9, figures.summary()


def test_short_forms_raise_the_share_and_keep_the_precision(bench, records):
    without = bench.measure(records, short=False)
    with_short = bench.measure(records, short=True)
    assert with_short.proposed_exactly > without.proposed_exactly
    assert with_short.precision >= 0.9


def test_the_measure_counts_what_it_says(bench):
    # one entity labelled first, mentioned twice more: one proposed exactly,
    # one not at all, and one proposal that is wrong
    text = "Tokajew rozmawiał. Tokajew dodał. Xi Jinping i Tokajewa."
    spans = [{"start": 0, "end": 7, "label": "PERSON", "entity": "t"},
             {"start": 19, "end": 26, "label": "PERSON", "entity": "t"},
             {"start": 47, "end": 55, "label": "ORG", "entity": "t"}]
    figures = bench.measure([{"id": "x", "text": text, "lang": "pl", "spans": spans}])
    assert (figures.remaining, figures.proposed_exactly) == (2, 1)
    assert (figures.proposals, figures.correct_proposals) == (2, 1)


def test_the_script_prints_the_figures_as_json(bench, capsys, monkeypatch):
    monkeypatch.setattr(bench, "time_large_document", lambda records: {"characters": 0})
    assert bench.main(["--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result) == {"with_short_forms", "without_short_forms", "timing"}
    assert result["with_short_forms"]["share"] >= 0.7
