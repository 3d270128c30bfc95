"""Label Studio's JSON and JSON-MIN exports, read."""

from __future__ import annotations

import json

from annotator.formats import labelstudio
from annotator.formats.problems import ProblemList
from annotator.formats.registry import read_paths
from annotator.store import Project


def task(text, results, completed_by=1, cancelled=False, task_id=7, data_extra=None,
         predicted=False):
    made = {"id": task_id, "data": {"text": text, **(data_extra or {})},
            "annotations": [{"id": 1, "completed_by": completed_by, "was_cancelled": cancelled,
                             "result": results}]}
    if predicted:  # a model's proposal of the first two characters
        made["predictions"] = [{"model_version": "ner-v2", "score": 0.75,
                                "result": [region(0, 2, text[:2], "PREDICTED")]}]
    return made


def region(start, end, text, *labels):
    return {"id": "r", "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": start, "end": end, "text": text, "labels": list(labels)}}


def read(tmp_path, tasks, raw: str | None = None):
    path = tmp_path / "export.json"
    path.write_text(raw if raw is not None else json.dumps(tasks, ensure_ascii=False, indent=2),
                    encoding="utf-8")
    problems = ProblemList()
    return list(labelstudio.read(path, problems)), problems


def test_regions_become_spans_and_predictions_suggestions(tmp_path):
    text = "Xi Jinping spoke to Tokayev.\r\nوقال شي"
    results = [region(0, 10, "Xi Jinping", "PERSON"), region(20, 27, "Tokayev", "PERSON", "VIP"),
               region(35, 37, "شي", "PERSON"), {"type": "choices", "value": {"choices": ["ok"]}}]
    [record], problems = read(tmp_path, [task(text, results, predicted=True)])
    assert not problems
    assert record.text == "Xi Jinping spoke to Tokayev.\nوقال شي"
    labels = [s for s in record.spans if not s.is_suggestion]
    assert [(record.text[s.start:s.end], s.label) for s in labels] == [
        ("Xi Jinping", "PERSON"), ("Tokayev", "PERSON"), ("Tokayev", "VIP"), ("شي", "PERSON")]
    assert record.name == "export-7" and record.annotator is None
    # The model's proposal joins the layer: a suggestion, its source and score kept.
    [proposal] = [s for s in record.spans if s.is_suggestion]
    assert (proposal.start, proposal.end, proposal.label, proposal.is_suggestion,
            proposal.reason, proposal.confidence) == (0, 2, "PREDICTED", True,
                                                      "prediction of ner-v2", 0.75)


def test_predictions_wait_as_suggestions_of_the_annotator_named(tmp_path):
    tasks = [{"id": 1, "data": {"text": "Tokayev met Xi."},
              "predictions": [{"model_version": "m1", "result": [
                  dict(region(0, 7, "Tokayev", "PERSON"), score=0.9),
                  region(12, 14, "Xi", "PERSON")]}]}]
    path = tmp_path / "predicted.json"
    path.write_text(json.dumps(tasks), encoding="utf-8")
    with Project.open(tmp_path / "p.db") as project:
        summary = project.import_records(read_paths([path]), annotator="alice")
        assert (summary.spans_added, summary.suggestions_added) == (2, 2)
        doc = project.document_by_name("predicted-1")
        assert [(s.start, s.label, s.origin.value, s.reason, s.confidence)
                for s in project.spans(doc.id, "alice")] == [
            (0, "PERSON", "suggested", "prediction of m1", 0.9),
            (12, "PERSON", "suggested", "prediction of m1", 1.0)]
        assert project.spans(doc.id, "alice", suggestions=False) == []
        assert project.stats()["by_status"] == {}  # nobody has worked on it yet


def test_utf16_offsets_after_an_emoji_are_recognised(tmp_path):
    text = "💩 Xi Jinping 👨‍👩‍👧 Tokayev"
    # What a browser counts: the emoji are 2 and 8 UTF-16 units long.
    [record], problems = read(tmp_path, [task(text, [region(3, 13, "Xi Jinping", "PERSON"),
                                                     region(23, 30, "Tokayev", "PERSON")])])
    assert not problems
    assert [text[s.start:s.end] for s in record.spans] == ["Xi Jinping", "Tokayev"]


def test_several_users_become_annotators_and_cancelled_work_is_skipped(tmp_path):
    first = task("Xi Jinping", [region(0, 2, "Xi", "PERSON")], completed_by={"id": 1, "email": "a@x.org"})
    first["annotations"].append({"completed_by": 2, "result": [region(0, 10, "Xi Jinping", "PERSON")]})
    first["annotations"].append({"completed_by": 3, "was_cancelled": True,
                                 "result": [region(3, 10, "Jinping", "PERSON")]})
    records, problems = read(tmp_path, [first])
    assert not problems
    assert [(r.annotator, [(s.start, s.end) for s in r.spans]) for r in records] == [
        ("a@x.org", [(0, 2)]), ("labelstudio-user-2", [(0, 10)])]
    # One task, two layers: no text repeated, nothing "added to an earlier record".
    with Project.open(tmp_path / "p.db") as project:
        summary = project.import_records(records)
        assert (summary.documents_added, summary.documents_existing, summary.documents_repeated,
                summary.spans_from_repeats) == (1, 0, 0, 0)
    second = task("Xi Jinping", [region(0, 2, "Xi", "PERSON")], task_id=8)  # the same text again
    path = tmp_path / "again.json"
    path.write_text(json.dumps([first, second]), encoding="utf-8")
    with Project.open(tmp_path / "q.db") as project:
        summary = project.import_records(read_paths([path]))
        assert (summary.documents_added, summary.documents_repeated) == (1, 1)


def test_predictions_join_the_annotation_of_the_layer_named_less_its_labels(tmp_path):
    text = "Tokayev met Xi."
    tasks = [task(text, [region(0, 7, "Tokayev", "PERSON")], task_id=1)]
    tasks[0]["predictions"] = [{"result": [region(0, 7, "Tokayev", "PERSON"),
                                           region(12, 14, "Xi", "PERSON")]}]
    [record], problems = read(tmp_path, tasks)
    assert not problems and record.annotated
    assert [(s.start, s.is_suggestion, s.reason) for s in record.spans] == [
        (0, False, ""), (12, True, "prediction")]


def test_json_min(tmp_path):
    tasks = [{"id": 3, "text": "Xi Jinping spoke", "annotator": "a@x.org",
              "label": [{"start": 0, "end": 10, "text": "Xi Jinping", "labels": ["PERSON"]}]},
             {"id": 4, "text": "nothing here"}]
    records, problems = read(tmp_path, tasks)
    assert not problems
    assert [(r.text, len(r.spans)) for r in records] == [("Xi Jinping spoke", 1), ("nothing here", 0)]


def test_problems_name_the_line_of_the_task(tmp_path):
    good = task("Xi Jinping", [region(0, 2, "Xi", "PERSON")])
    bad_offsets = task("Xi", [region(0, 9, "Xi Jinping", "PERSON")])
    wrong_text = task("Xi Jinping", [region(0, 2, "Ji", "PERSON")])
    no_text = {"id": 9, "data": {"a": 1}, "annotations": []}
    raw = "[\n" + ",\n".join(json.dumps(t) for t in (good, bad_offsets, wrong_text, no_text)) + "\n]\n"
    _, problems = read(tmp_path, None, raw)
    path = tmp_path / "export.json"
    assert [str(p) for p in problems] == [
        f"{path}:3: span end 9 is past the end of the text (2)",
        f"{path}:4: region text 'Ji' does not match the text at 0-2 ('Xi')",
        f'{path}:5: no text: expected "data": {{"text": ...}} or "text"',
    ]
    _, problems = read(tmp_path, None, '[{"data": {"text": "x"}},\n{"data": ')
    assert [p.line for p in problems] == [2]


def test_imported_through_the_registry_by_extension(tmp_path):
    path = tmp_path / "ls.json"
    path.write_text(json.dumps([task("Xi Jinping", [region(0, 10, "Xi Jinping", "PERSON")])]))
    with Project.open(tmp_path / "p.db") as project:
        project.import_records(read_paths([path]), annotator="erin")
        [document] = project.iter_documents()
        assert [(s.start, s.end, s.label) for s in project.spans(document.id, "erin")] == [(0, 10, "PERSON")]


def test_an_empty_list_is_a_problem(tmp_path):
    records, problems = read(tmp_path, [])
    assert records == [] and [p.message for p in problems] == ["no tasks in this file"]


def test_non_text_results_and_predictions_are_noted_and_mark_no_layer(tmp_path):
    rectangle = {"type": "rectanglelabels", "from_name": "box", "to_name": "image",
                 "value": {"x": 1, "y": 2, "width": 3, "height": 4, "rectanglelabels": ["Face"]}}
    choice = {"type": "choices", "from_name": "c", "to_name": "text", "value": {"choices": ["ok"]}}
    tasks = [task("Xi Jinping spoke.", [rectangle, choice], task_id=1, predicted=True),
             task("Tokayev spoke.", [region(0, 7, "Tokayev", "PERSON"), choice], task_id=2,
                  predicted=True),
             task("Nobody spoke.", [], task_id=3, predicted=True)]
    path = tmp_path / "export.json"
    path.write_text(json.dumps(tasks), encoding="utf-8")
    records = read_paths([path])
    assert [(r.text, sum(not s.is_suggestion for s in r.spans), r.annotated)
            for r in records] == [
        ("Xi Jinping spoke.", 0, False),  # only a rectangle and a choice: no entity layer
        ("Tokayev spoke.", 1, True),
        ("Nobody spoke.", 0, True)]  # looked at and found nothing
    assert [sum(s.is_suggestion for s in r.spans) for r in records] == [1, 1, 1]  # predicted
    assert [n.message for n in records.notes] == [
        "not imported: 3 results that are not text spans (2 choices, 1 rectanglelabels)"]
    with Project.open(tmp_path / "p.db") as project:
        project.import_records(records, annotator="ann")
        assert project.stats()["by_status"] == {"in_progress": 2}


def test_json_min_non_text_results_are_noted_with_counts(tmp_path):
    boxes = [{"x": 1, "y": 2, "width": 3, "height": 4, "rectanglelabels": ["Face"]},
             {"x": 5, "y": 6, "width": 7, "height": 8, "rectanglelabels": ["Face"]}]
    tasks = [{"id": 1, "text": "Xi Jinping spoke.", "annotator": "a@x.org", "annotation_id": 7,
              "created_at": "2024-01-02T03:04:05Z", "lead_time": 3.5,
              "box": boxes, "sentiment": "Positive"},
             {"id": 2, "text": "Tokayev spoke.", "annotator": "a@x.org",
              "label": [{"start": 0, "end": 7, "text": "Tokayev", "labels": ["PERSON"]}],
              "topics": {"choices": ["politics", "asia"]}, "comment": ["short", "fine"]}]
    path = tmp_path / "min.json"
    path.write_text(json.dumps(tasks), encoding="utf-8")
    records = read_paths([path])
    assert [(r.text, len(r.spans), r.annotated) for r in records] == [
        ("Xi Jinping spoke.", 0, False),  # only boxes and a choice: no entity layer
        ("Tokayev spoke.", 1, True)]
    assert [n.message for n in records.notes] == [
        "not imported: 6 results that are not text spans "
        "(1 choices, 2 comment, 2 rectanglelabels, 1 sentiment)"]


def test_json_min_with_only_text_spans_has_no_note(tmp_path):
    tasks = [{"id": 3, "text": "Xi Jinping spoke", "annotator": "a@x.org", "annotation_id": 1,
              "created_at": "2024-01-02T03:04:05Z", "updated_at": "2024-01-02T03:04:05Z",
              "lead_time": 1.0,
              "label": [{"start": 0, "end": 10, "text": "Xi Jinping", "labels": ["PERSON"]}]}]
    path = tmp_path / "min.json"
    path.write_text(json.dumps(tasks), encoding="utf-8")
    records = read_paths([path])
    assert len(records) == 1 and records.notes == []


def test_a_json_list_of_jsonl_or_doccano_records_keeps_its_spans(tmp_path):
    # json.dump(records) of this tool's or doccano's lines: not Label Studio
    # tasks, whose reading dropped every span with a note only.
    rows = [{"id": 3, "text": "Ala ma kota i psa", "label": [[0, 3, "PER"], [14, 17, "ANIMAL"]]},
            {"id": 4, "text": "Xi met Tokayev", "spans": [{"start": 0, "end": 2, "label": "PERSON"}]},
            {"text": "Warsaw is big", "entities": [{"label": "LOC", "start_offset": 0,
                                                    "end_offset": 6}]},
            {"text": "Bad one", "spans": [{"start": 0, "end": 90, "label": "X"}]}]
    records, problems = read(tmp_path, rows[:3])
    assert not problems
    assert [[(r.text[s.start:s.end], s.label) for s in r.spans] for r in records] == [
        [("Ala", "PER"), ("psa", "ANIMAL")], [("Xi", "PERSON")], [("Warsaw", "LOC")]]
    assert read_paths([tmp_path / "export.json"]).notes == []
    _, problems = read(tmp_path, rows)
    assert [p.message for p in problems] == ["span end 90 is past the end of the text (7)"]


def test_a_labelled_relation_is_noted_not_read_as_a_span(tmp_path):
    relation = {"type": "relation", "from_id": "a", "to_id": "b", "direction": "right",
                "labels": ["visited"]}
    tasks = [task("Xi visited Astana.", [dict(region(0, 2, "Xi", "PERSON"), id="a"),
                                          dict(region(11, 17, "Astana", "LOC"), id="b"),
                                          relation])]
    path = tmp_path / "export.json"
    path.write_text(json.dumps(tasks), encoding="utf-8")
    records = read_paths([path])
    assert [(s.start, s.label) for s in records[0].spans] == [(0, "PERSON"), (11, "LOC")]
    assert [n.message for n in records.notes] == [
        "not imported: 1 results that are not text spans (1 relation)"]


def test_a_task_annotated_twice_by_nobody_named_keeps_two_layers(tmp_path):
    twice = {"id": 1, "data": {"text": "Barack Obama visited Warsaw."}, "annotations": [
        {"id": 11, "result": [region(0, 12, "Barack Obama", "PER"), region(21, 27, "Warsaw", "LOC")]},
        {"id": 12, "result": [region(0, 6, "Barack", "PER"), region(21, 27, "Warsaw", "ORG")]}]}
    once = task("Angela Merkel spoke.", [region(0, 13, "Angela Merkel", "PER")], task_id=2,
                completed_by=None)
    records, problems = read(tmp_path, [twice, once])
    assert not problems
    assert [(r.annotator, [(s.start, s.end, s.label) for s in r.spans]) for r in records] == [
        ("labelstudio-annotation-1", [(0, 12, "PER"), (21, 27, "LOC")]),
        ("labelstudio-annotation-2", [(0, 6, "PER"), (21, 27, "ORG")]),
        (None, [(0, 13, "PER")])]


def test_annotator_named_for_several_peoples_work_is_refused(tmp_path, capsys):
    from annotator.cli import main

    first = task("Xi Jinping", [region(0, 2, "Xi", "PERSON")], completed_by=1)
    first["annotations"].append({"completed_by": 2, "result": [region(0, 10, "Xi Jinping", "PERSON")]})
    path = tmp_path / "two.json"
    path.write_text(json.dumps([first]), encoding="utf-8")
    project = tmp_path / "p.db"
    assert main(["import", str(project), str(path), "--annotator", "alice"]) == 2
    assert (f"{path}:1: this document holds the work of several annotators (labelstudio-user-1, "
            "labelstudio-user-2); --annotator alice would put it all in one layer"
            in capsys.readouterr().err)
    assert not project.exists()
    assert main(["import", str(project), str(path)]) == 0


def test_a_region_with_no_label_is_noted(tmp_path):
    path = tmp_path / "export.json"
    path.write_text(json.dumps([task("Xi spoke.", [region(0, 2, "Xi"), region(3, 8, "spoke", "X")])]),
                    encoding="utf-8")
    records = read_paths([path])
    assert [(s.start, s.label) for s in records[0].spans] == [(3, "X")]
    assert [n.message for n in records.notes] == ["not imported: a region with no label at 0-2"]


def test_json_lines_in_a_json_file_are_refused_with_a_hint(tmp_path):
    _, problems = read(tmp_path, None, raw='{"text": "a", "label": []}\n{"text": "b", "label": []}\n')
    assert [p.message for p in problems] == [
        "expected , or ] between tasks: one JSON object a line is JSON Lines, read as such "
        "from a .jsonl file or with --format jsonl"]
