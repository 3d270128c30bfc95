"""Entities (a label and its other mentions grouped as one) in exports: JSONL
(a span's "entity"), spaCy (one span group per entity) and brat (Equiv lines)
carry them and read back into the same groups; the other formats say once
in the report that the grouping is not written."""

from __future__ import annotations

import json

import pytest

from annotator.formats.export import export_project
from annotator.formats.problems import ProblemList
from annotator.formats import jsonl
from annotator.formats.registry import read_paths
from annotator.store import Project
from annotator.store.editing import Labelling
from annotator.suggest.sources import mention_spans
from tests.extras import require

POLISH = "pl-2021-06-02-xi-tokayev-phone-call"


@pytest.fixture
def grouped(seeded_project):
    """alice's Polish call: two entities (Tokajew: 3 mentions, Xi: 6), all
    accepted, and one span in no entity."""
    service = Labelling(seeded_project, "alice")
    service.open(seeded_project.document_by_name(POLISH).id)
    text = service.document.text
    for phrase in ("Kassymem-Jomartem Tokajewem", "Xi Jinping"):
        start = text.index(phrase)
        source = service.add(start, start + len(phrase), "PERSON").spans[0].after.span
        service.suggest_mentions(source.id, mention_spans(service.document, [(phrase, "PERSON")]))
        service.accept_entity(source.id)
    start = text.index("Komunistyczna Partia Chin")
    service.add(start, start + len("Komunistyczna Partia Chin"), "ORG")
    return seeded_project


def partition(spans, text):
    """The entities as sets of (start, end, label, text), and the spans in none."""
    groups: dict = {}
    alone = set()
    for s in spans:
        key = (s.start, s.end, s.label, text[s.start:s.end])
        if s.entity is None:
            alone.add(key)
        else:
            groups.setdefault(s.entity, set()).add(key)
    return sorted(map(sorted, groups.values())), alone


def stored_partition(project):
    document = project.document_by_name(POLISH)
    return partition(project.spans(document.id, "alice"), document.text)


def test_the_fixture_has_two_entities_and_a_span_alone(grouped):
    groups, alone = stored_partition(grouped)
    assert sorted(len(g) for g in groups) == [3, 6]
    assert len(alone) == 1


def test_jsonl_writes_entity_numbers_and_reads_them_back(grouped, tmp_path):
    out = tmp_path / "out.jsonl"
    report = export_project(grouped, "jsonl", out, annotator="alice")
    assert report.entities_not_written == 0
    lines = {json.loads(l)["id"]: json.loads(l) for l in out.read_text("utf-8").splitlines()}
    spans = lines[POLISH]["spans"]
    # Numbered by first mention: Xi Jinping (1) comes before Tokajew (2).
    assert [s["entity"] for s in spans if "entity" in s][:2] == [1, 2]
    assert sorted({s.get("entity") for s in spans}, key=str) == [1, 2, None]
    assert sum("entity" not in s for s in spans) == 1
    # Spans without an entity are written as before, with three keys.
    assert all(set(s) == {"start", "end", "label"} for s in spans if "entity" not in s)
    assert all(set(s) == {"start", "end", "label"}
               for name, line in lines.items() if name != POLISH for s in line["spans"])
    with Project.open(tmp_path / "again.db") as again:
        again.import_records(read_paths([out]))
        assert stored_partition(again) == stored_partition(grouped)
        export_project(again, "jsonl", tmp_path / "again.jsonl")
    assert (tmp_path / "again.jsonl").read_bytes() == out.read_bytes()


def test_a_jsonl_entity_may_be_a_string_but_not_a_list(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"text": "Xi met Xi", "spans": [
        {"start": 0, "end": 2, "label": "PERSON", "entity": "xi"},
        {"start": 7, "end": 9, "label": "PERSON", "entity": "xi"}]}) + "\n"
        + json.dumps({"text": "Xi", "spans": [
            {"start": 0, "end": 2, "label": "PERSON", "entity": [1]}]}) + "\n", encoding="utf-8")
    problems = ProblemList()
    records = list(jsonl.read(path, problems))
    assert [s.entity for s in records[0].spans] == [1, 1]
    assert len(records) == 1
    assert [str(p) for p in problems] == [
        f"{path}:2: a span's \"entity\" must be a number or a string, not [1]"]


def test_spacy_writes_one_span_group_per_entity(grouped, tmp_path):
    spacy = require("spacy")
    from spacy.tokens import DocBin

    out = tmp_path / "train.spacy"
    report = export_project(grouped, "spacy", out, annotator="alice")
    assert report.entities_not_written == 0
    docs = list(DocBin().from_disk(out).get_docs(spacy.blank("xx").vocab))
    [doc] = [d for d in docs if d.user_data["name"] == POLISH]
    clusters = sorted(k for k in doc.spans if k.startswith("coref_clusters_"))
    assert clusters == ["coref_clusters_1", "coref_clusters_2"]
    read = sorted(sorted((s.start_char, s.end_char, s.label_, s.text) for s in doc.spans[k])
                  for k in clusters)
    assert read == stored_partition(grouped)[0]
    assert len(doc.spans["sc"]) == 10  # every span, grouped or not
    # Each group has the number the JSONL export gives the same entity.
    export_project(grouped, "jsonl", tmp_path / "out.jsonl", annotator="alice")
    line = next(json.loads(l) for l in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()
                if json.loads(l)["id"] == POLISH)
    numbered = {(s["start"], s["end"]): s["entity"] for s in line["spans"] if "entity" in s}
    assert all(numbered[s.start_char, s.end_char] == int(k.rsplit("_", 1)[1])
               for k in clusters for s in doc.spans[k])


def test_brat_ties_an_entity_by_an_equivalence_line_and_reads_it_back(grouped, tmp_path):
    out = tmp_path / "brat"
    report = export_project(grouped, "brat", out, annotator="alice")
    assert report.entities_not_written == 0
    ann = (out / f"{POLISH}.ann").read_text("utf-8").splitlines()
    equivalences = [line for line in ann if line.startswith("*")]
    assert len(equivalences) == 2
    assert all(line.startswith("*\tEquiv T") for line in equivalences)
    assert sorted(len(line.split()) - 2 for line in equivalences) == [3, 6]
    assert "Equiv\tArg1:<ENTITY>, Arg2:<ENTITY>, <REL-TYPE>:symmetric-transitive" in (
        out / "annotation.conf").read_text("utf-8")
    with Project.open(tmp_path / "again.db") as again:
        again.import_records(read_paths([out]), annotator="alice")
        assert stored_partition(again) == stored_partition(grouped)


def test_brat_chained_equivalences_are_one_entity(tmp_path):
    from annotator.formats import brat

    (tmp_path / "d.txt").write_text("Xi met Xi and Xi", encoding="utf-8")
    (tmp_path / "d.ann").write_text(
        "T1\tPERSON 0 2\tXi\nT2\tPERSON 7 9\tXi\nT3\tPERSON 14 16\tXi\n"
        "*\tEquiv T1 T2\n*\tEquiv T3 T2\n", encoding="utf-8")
    [record] = brat.read(tmp_path / "d.ann", ProblemList())
    assert len({s.entity for s in record.spans}) == 1 and record.spans[0].entity is not None


@pytest.mark.parametrize("fmt", ["conll", "hf", "doccano"])
def test_formats_without_entities_say_so_once(grouped, tmp_path, fmt):
    if fmt == "hf":
        require("datasets")
    out = tmp_path / f"out.{fmt}"
    report = export_project(grouped, fmt, out, annotator="alice")
    assert report.entities_not_written == 9
    lines = [l for l in report.summary_lines() if "grouping" in l]
    assert lines == [f"  9 spans belong to entities (mentions grouped as one); {fmt} cannot "
                     "carry the grouping, so it is not written (jsonl, spacy and brat do)"]
    saved = json.loads((tmp_path / f"out.{fmt}.report.json").read_text("utf-8"))
    assert saved["entities_not_written"] == 9


def test_a_project_without_entities_reports_nothing_about_them(seeded_project, tmp_path):
    report = export_project(seeded_project, "conll", tmp_path / "out.conll")
    assert report.entities_not_written == 0
    assert not any("grouping" in line for line in report.summary_lines())
