"""JSONL shapes: doccano's newer ``entities``, and keys that carry spans the
reader must not pass over in silence."""

import json
import subprocess
import sys

import pytest

from annotator.formats.problems import InputError
from annotator.formats.registry import read_paths
from annotator.store import Project

TEXT = "Xi Jinping met Tokayev in Beijing."


def write(path, *objects):
    path.write_text("".join(json.dumps(o) + "\n" for o in objects), encoding="utf-8")
    return path


def test_doccano_entities_shape_is_read(tmp_path):
    path = write(tmp_path / "d.jsonl", {
        "id": 7, "text": TEXT,
        "entities": [{"id": 1, "label": "PERSON", "start_offset": 0, "end_offset": 10},
                     {"id": 2, "label": "PERSON", "start_offset": 15, "end_offset": 22}],
        "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "MET"}]})
    [record] = read_paths([path])
    assert [(s.start, s.end, s.label) for s in record.spans] == [(0, 10, "PERSON"), (15, 22, "PERSON")]
    db = tmp_path / "p.db"
    result = subprocess.run([sys.executable, "-m", "annotator", "import", str(db), str(path),
                             "--annotator", "amy"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "2 new spans" in result.stdout
    assert (f"note: {path}: not imported: 1 relations on 1 lines (doccano relation extraction; "
            "relations are not spans)") in result.stdout
    assert read_paths([path]).notes[0].message.startswith("not imported: 1 relations")
    with Project.open(db, create=False) as project:
        assert len(project.spans(1, "amy")) == 2


def problems_of(path):
    with pytest.raises(InputError) as error:
        read_paths([path])
    return [str(p) for p in error.value.problems]


@pytest.mark.parametrize("obj, expected", [
    ({"text": TEXT, "spans": [], "label": [[0, 10, "PERSON"]]}, '"spans" and "label"'),
    ({"text": TEXT, "label": [[0, 2, "PERSON"]],
      "entities": [{"label": "PERSON", "start_offset": 0, "end_offset": 10}]}, '"label" and "entities"'),
    ({"text": TEXT, "entities": [{"label": "PERSON", "start": 0, "end": 10}]}, '"entities"'),
    ({"text": TEXT, "ents": [{"start": 0, "end": 10, "label": "PERSON"}]}, '"ents"'),
    ({"text": TEXT, "annotations": [[0, 10, "PERSON"]]}, '"annotations"'),
    ({"text": TEXT, "spans": [], "mentions": [{"begin": 0, "end": 10, "type": "PERSON"}]},
     '"mentions"'),
])
def test_conflicting_or_unknown_span_keys_are_problems(tmp_path, obj, expected):
    path = write(tmp_path / "bad.jsonl", {"text": "fine"}, obj)
    [line] = problems_of(path)
    assert line.startswith(f"{path}:2: ") and expected in line


def test_the_same_spans_under_two_keys_are_one_layer(tmp_path):
    path = write(tmp_path / "both.jsonl", {
        "text": TEXT, "spans": [{"start": 0, "end": 10, "label": "PERSON"}],
        "label": [[0, 10, "PERSON"]]})
    [record] = read_paths([path])
    assert [(s.start, s.end, s.label) for s in record.spans] == [(0, 10, "PERSON")]


def test_a_cli_import_with_a_conflict_exits_2_and_changes_nothing(tmp_path):
    path = write(tmp_path / "bad.jsonl", {"text": TEXT, "spans": [], "label": [[0, 10, "PERSON"]]})
    db = tmp_path / "p.db"
    result = subprocess.run([sys.executable, "-m", "annotator", "import", str(db), str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.startswith(f"{path}:1: ")
    assert not db.exists()


def test_a_pretty_printed_record_is_one_clear_problem(tmp_path):
    path = tmp_path / "pretty.jsonl"
    path.write_text(json.dumps({"text": TEXT, "label": [[0, 2, "PERSON"]]}, indent=4), encoding="utf-8")
    assert problems_of(path) == [f"{path}:1: one JSON value spread over several lines, not JSON "
                                 "Lines: write each record on a line of its own"]


EMOJI_TEXT = "Super mecz 😀😀 Lewandowski strzelił, a Barcelona wygrała w Madrycie."


def words_read(path):
    records = read_paths([path])
    return [[r.text[s.start:s.end] for s in r.spans] for r in records], records.notes


def test_doccano_offsets_counted_in_utf16_past_an_emoji_are_recognised(tmp_path):
    # What doccano's page writes: each emoji counts two.
    path = write(tmp_path / "d.jsonl",
                 {"text": EMOJI_TEXT, "label": [[16, 27, "PER"], [40, 49, "ORG"], [60, 68, "LOC"]]},
                 {"text": EMOJI_TEXT, "entities": [
                     {"label": "PER", "start_offset": 16, "end_offset": 27}]})
    spans, notes = words_read(path)
    assert spans == [["Lewandowski", "Barcelona", "Madrycie"], ["Lewandowski"]]
    assert [n.line for n in notes] == [1, 2]
    assert "read as UTF-16 units" in notes[0].message


def test_code_point_offsets_past_an_emoji_stay_code_points(tmp_path):
    # A script's file, or this tool's own doccano export: code points.
    path = write(tmp_path / "d.jsonl",
                 {"text": EMOJI_TEXT, "label": [[14, 25, "PER"], [38, 47, "ORG"]]})
    spans, notes = words_read(path)
    assert spans == [["Lewandowski", "Barcelona"]] and notes == []
    # Offsets that fit words neither way are read as code points, with a note.
    path = write(tmp_path / "e.jsonl", {"text": EMOJI_TEXT, "label": [[15, 20, "PER"]]})
    spans, notes = words_read(path)
    assert spans == [["ewand"]] and "check its spans" in notes[0].message


def test_doccano_comments_are_counted_in_a_note(tmp_path):
    path = write(tmp_path / "d.jsonl", {"text": TEXT, "label": [[0, 10, "PERSON"]],
                                         "Comments": ["check the name", "ok"]})
    assert [n.message for n in read_paths([path]).notes] == [
        'not imported: 2 comments (doccano\'s "Comments")']


def test_the_doccano_export_warns_of_spans_doccano_would_show_shifted(tmp_path):
    from annotator.formats.export import export_project

    path = write(tmp_path / "d.jsonl", {"text": EMOJI_TEXT, "spans": [
        {"start": 0, "end": 5, "label": "ORG"}, {"start": 14, "end": 25, "label": "PER"}]},
        {"text": "Xi 😀", "spans": [{"start": 0, "end": 2, "label": "PER"}]})
    with Project.open(tmp_path / "p.db") as project:
        project.import_records(read_paths([path]))
        report = export_project(project, "doccano", tmp_path / "out.jsonl")
    assert report.warnings == [
        "1 documents have an emoji (a character beyond U+FFFF) before a span: offsets are code "
        "points, and doccano's page, which counts UTF-16 units, shows those spans shifted by one "
        "character for each emoji before them"]


def test_files_joined_end_to_end_keep_no_byte_order_mark_in_between(tmp_path):
    """Two JSONL files saved with a byte-order mark, joined by cat: the second
    one's mark starts a line, where JSON refuses it ("decode using utf-8-sig")."""
    first = '\ufeff{"text": "Ala ma kota", "spans": [{"start": 0, "end": 3, "label": "PER"}]}\n'
    second = '\ufeff{"text": "قال شي", "spans": [{"start": 4, "end": 6, "label": "PERSON"}]}\n'
    path = tmp_path / "joined.jsonl"
    path.write_text(first + second, encoding="utf-8")
    records = read_paths([path])
    assert [(r.text, [(r.text[s.start:s.end]) for s in r.spans]) for r in records] == [
        ("Ala ma kota", ["Ala"]), ("قال شي", ["شي"])]
    assert [n.message for n in records.notes] == [
        "1 byte-order marks (U+FEFF, invisible) at the start of a line passed over: files "
        "joined end to end leave them"]


def test_a_span_whose_own_text_disagrees_with_its_offsets_is_refused(tmp_path):
    """A span that states its text ("text" of our spans, of doccano's
    entities) must hold it: offsets one letter off would label other letters."""
    text = "Jan Kowalski mieszka tu."
    for shape in ({"spans": [{"start": 1, "end": 12, "label": "PER", "text": "Jan Kowalski"}]},
                  {"entities": [{"start_offset": 1, "end_offset": 12, "label": "PER",
                                 "text": "Jan Kowalski"}]}):
        path = write(tmp_path / "d.jsonl", {"text": text, **shape})
        with pytest.raises(InputError) as refused:
            read_paths([path])
        assert refused.value.lines()[0] == (
            f"{path}:1: span text 'Jan Kowalski' does not match the text at 1-12 ('an Kowalski')")
    # Holding its text, it is read; a span without one is read as before.
    path = write(tmp_path / "ok.jsonl", {"text": text, "spans": [
        {"start": 0, "end": 12, "label": "PER", "text": "Jan Kowalski"},
        {"start": 13, "end": 20, "label": "LOC"}]})
    [record] = read_paths([path])
    assert [(s.start, s.end) for s in record.spans] == [(0, 12), (13, 20)]


def test_entities_stating_their_text_decide_how_offsets_past_an_emoji_count(tmp_path):
    # UTF-16 units (doccano's page), told by the entity's own text even where
    # the code-point reading would also fall on word edges.
    text = "😀😀 a b c d"  # read as code points, 7-8 is «c», a whole word too
    path = write(tmp_path / "d.jsonl", {"text": text, "entities": [
        {"label": "X", "start_offset": 7, "end_offset": 8, "text": "b"}]})
    spans, notes = words_read(path)
    assert spans == [["b"]] and "states" in notes[0].message


def test_offsets_past_an_emoji_take_the_reading_more_spans_fit(tmp_path):
    # Two of three spans are whole words only as UTF-16 units (doccano's
    # page); the third cuts a word either way.
    text = "😀 قال محمد إن القاهرة والجيزة مدينتان"
    path = write(tmp_path / "d.jsonl",
                 {"text": text, "label": [[7, 11, "PER"], [15, 22, "LOC"], [26, 30, "LOC"]]})
    spans, notes = words_read(path)
    assert spans[0][:2] == ["محمد", "القاهرة"]
    assert "2 of 3 spans hold whole words: check the others" in notes[0].message
