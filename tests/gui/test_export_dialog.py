"""The export dialog: choose, click Export, get the file and the report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.core.model import DocumentRecord
from annotator.formats.registry import read_paths
from annotator.store import Project
from annotator.ui.export_dialog import ExportDialog
from tests.extras import require
from tests.fixtures.export_cases import CLITIC_SPANS, OVERLAPS_LEFT_OUT, TOTAL_SPANS, records


@pytest.fixture
def annotated_db(tmp_path, seeds_dir):
    path = tmp_path / "project.db"
    with Project.open(path) as project:
        project.import_records(read_paths([seeds_dir]))
        project.import_records(records(seeds_dir))
    return path


def make_dialog(qtbot, path, annotators=("alice",)):
    dialog = ExportDialog(path, list(annotators))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def choose(combo, data):
    index = combo.findData(data)
    assert index >= 0
    combo.setCurrentIndex(index)


def export(qtbot, dialog):
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=30000)


def test_export_conll_with_progress_and_report(qtbot, annotated_db, tmp_path):
    dialog = make_dialog(qtbot, annotated_db)
    choose(dialog.format, "conll")
    choose(dialog.option("scheme"), "bioes")
    assert dialog.path.text().endswith("project-alice.conll")  # a suggestion to start from
    out = tmp_path / "train.conll"
    dialog.path.setText(str(out))
    export(qtbot, dialog)
    text = out.read_text(encoding="utf-8")
    assert "الصين S-COUNTRY" in text and "B-PERSON" in text
    assert dialog.progress.value() == dialog.progress.maximum() == 1
    assert dialog.report.spans == TOTAL_SPANS and dialog.report.left_out == OVERLAPS_LEFT_OUT
    summary = dialog.summary.toPlainText()
    assert f"{TOTAL_SPANS - OVERLAPS_LEFT_OUT} of {TOTAL_SPANS} spans of alice written as conll" in summary
    assert f"{CLITIC_SPANS} clitic-split" in summary
    report = json.loads((tmp_path / "train.conll.report.json").read_text(encoding="utf-8"))
    assert report["spans_left_out"] == OVERLAPS_LEFT_OUT


def test_conll_nesting_columns_from_the_catalog(qtbot, annotated_db, tmp_path):
    dialog = make_dialog(qtbot, annotated_db)
    choose(dialog.format, "hf")
    assert not dialog.option("nesting").isEnabled()  # HF keeps one tag per token
    choose(dialog.format, "conll")
    assert dialog.option("nesting").isEnabled()
    assert dialog.option("nesting").currentData() == "longest"
    choose(dialog.option("nesting"), "columns")
    out = tmp_path / "nested.conll"
    dialog.path.setText(str(out))
    export(qtbot, dialog)
    assert dialog.report.spans == TOTAL_SPANS and dialog.report.left_out == 0
    widths = {len(line.split()) for line in out.read_text(encoding="utf-8").split("\n")
              if line and not line.startswith("-DOCSTART-")}
    assert widths == {2, 3}


def test_progress_follows_the_documents(qtbot, annotated_db, tmp_path):
    dialog = make_dialog(qtbot, annotated_db)
    seen = []
    dialog.progress.valueChanged.connect(lambda v: seen.append((v, dialog.progress.maximum())))
    choose(dialog.format, "jsonl")
    dialog.path.setText(str(tmp_path / "all.jsonl"))
    export(qtbot, dialog)
    assert (5, 5) in seen
    rows = [json.loads(l) for l in (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sum(len(r["spans"]) for r in rows) == TOTAL_SPANS


def test_brat_folder_and_clitics_expand_for_spacy(qtbot, annotated_db, tmp_path):
    require("spacy")
    dialog = make_dialog(qtbot, annotated_db)
    choose(dialog.format, "brat")
    assert not dialog.option("scheme").isEnabled() and not dialog.option("clitics").isEnabled()
    dialog.path.setText(str(tmp_path / "brat"))
    export(qtbot, dialog)
    assert len(list((tmp_path / "brat").glob("*.ann"))) == 5
    choose(dialog.format, "spacy")
    assert dialog.option("clitics").isEnabled() and not dialog.option("scheme").isEnabled()
    choose(dialog.option("clitics"), "expand")
    dialog.path.setText(str(tmp_path / "train.spacy"))
    export(qtbot, dialog)
    assert (tmp_path / "train.spacy").stat().st_size > 0
    assert dialog.report.counts()["clitic-expand"] == CLITIC_SPANS


def test_errors_show_as_plain_text_and_write_nothing(qtbot, annotated_db, tmp_path):
    # A gold layer named in the list (a review wrote it) that the file no longer has.
    dialog = make_dialog(qtbot, annotated_db, ["alice", "<b>bob</b>", "gold"])
    assert dialog.who.itemText(1) == "<b>bob</b>"
    choose(dialog.who, "gold")
    dialog.path.setText(str(tmp_path / "<b>nowhere</b>" / "x.conll"))
    export(qtbot, dialog)
    assert dialog.message.textFormat() == Qt.TextFormat.PlainText
    assert dialog.message.text().startswith("Not exported: \u2066the project has no gold")
    choose(dialog.who, "alice")
    export(qtbot, dialog)
    assert "<b>nowhere</b>" in dialog.message.text() and "does not exist" in dialog.message.text()
    assert dialog.report is None and dialog.export_button.isEnabled()
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("project.db")) == []


def test_done_only(qtbot, annotated_db, tmp_path):
    with Project.open(annotated_db) as project:
        polish = project.document_by_name("pl-2021-06-02-xi-tokayev-phone-call")
        project.set_status(polish.id, "alice", "done")
    dialog = make_dialog(qtbot, annotated_db)
    choose(dialog.format, "jsonl")
    dialog.done_only.setChecked(True)
    dialog.path.setText(str(tmp_path / "done.jsonl"))
    export(qtbot, dialog)
    rows = (tmp_path / "done.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(r)["id"] for r in rows] == [polish.name]


def test_done_only_with_nothing_done_warns_in_the_summary(qtbot, annotated_db, tmp_path):
    dialog = make_dialog(qtbot, annotated_db)
    choose(dialog.format, "jsonl")
    dialog.done_only.setFocus()
    qtbot.keyClick(dialog.done_only, Qt.Key.Key_Space)
    assert dialog.done_only.isChecked()
    dialog.path.setText(str(tmp_path / "done.jsonl"))
    export(qtbot, dialog)
    assert (tmp_path / "done.jsonl").read_text(encoding="utf-8") == ""
    assert dialog.summary.toPlainText().startswith(
        "warning: no document is marked done by alice; the output is empty")


def test_close_during_an_export_stops_it_and_writes_nothing(qtbot, tmp_path):
    from annotator.core.model import DocumentRecord, Span

    path = tmp_path / "big.db"
    with Project.open(path) as project:
        project.import_records([DocumentRecord(f"d{i}", f"Report {i}: Xi Jinping met Tokayev.",
                                               [Span(0, 6, "ORG")]) for i in range(20_000)],
                               annotator="alice")
    dialog = make_dialog(qtbot, path)
    out = tmp_path / "out.conll"
    dialog.path.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.is_busy()
    qtbot.waitUntil(lambda: dialog.progress.maximum() > 1, timeout=60000)  # under way
    dialog.reject()  # Close, or Escape
    assert not dialog.is_busy() or dialog._worker.isFinished()
    assert not out.exists() and not (tmp_path / "out.conll.report.json").exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out")) == []


def test_the_next_export_starts_from_the_last_ones_choices(qtbot, annotated_db, tmp_path):
    from PySide6.QtCore import QSettings

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    first = ExportDialog(annotated_db, ["alice"], None, settings)
    qtbot.addWidget(first)
    first.show()
    assert first.fmt() == "conll" and not first.done_only.isChecked()  # the defaults
    choose(first.format, "jsonl")
    first.done_only.setChecked(True)
    folder = tmp_path / "exports"
    folder.mkdir()
    first.path.setText(str(folder / "train.jsonl"))
    export(qtbot, first)
    assert (folder / "train.jsonl").exists()
    again = ExportDialog(annotated_db, ["alice"], None, settings)
    qtbot.addWidget(again)
    assert again.fmt() == "jsonl" and again.done_only.isChecked()
    assert Path(again.path.text()).parent == folder


def test_the_written_path_reads_left_to_right_in_an_arabic_interface(qtbot, annotated_db, tmp_path):
    dialog = make_dialog(qtbot, annotated_db)
    dialog.path.setText(str(tmp_path / "ar.conll"))
    export(qtbot, dialog)
    # Isolated as left to right: its slashes stay where they are in a right-to-left line.
    assert f"\u2066{tmp_path / 'ar.conll'}\u2069" in dialog.message.text()


def test_gold_is_offered_once_a_review_wrote_it(qtbot, annotated_db):
    assert make_dialog(qtbot, annotated_db, ["alice"]).who.findData("gold") < 0
    assert make_dialog(qtbot, annotated_db, ["alice", "gold"]).who.findData("gold") == 1


def test_a_project_of_texts_only_exports_its_texts(qtbot, tmp_path, seeds_dir):
    path = tmp_path / "texts.db"
    with Project.open(path) as project:
        project.import_records(read_paths([seeds_dir]))
        annotators = project.annotators()
    dialog = make_dialog(qtbot, path, annotators)
    assert dialog.who.count() == 1 and dialog.who.currentData() is None
    choose(dialog.format, "conll")
    dialog.path.setText(str(tmp_path / "texts.conll"))
    export(qtbot, dialog)
    assert dialog.report.documents == 5 and dialog.report.spans == 0
    assert "--" not in dialog.summary.toPlainText()


def test_the_summary_names_the_dialogs_choices_not_command_line_flags(qtbot, annotated_db, tmp_path):
    with Project.open(annotated_db) as project:
        project.import_records([DocumentRecord("empty-one", "Nothing to label here.",
                                               annotator="alice")])
    dialog = make_dialog(qtbot, annotated_db)
    choose(dialog.format, "conll")
    dialog.path.setText(str(tmp_path / "train.conll"))
    export(qtbot, dialog)
    summary = dialog.summary.toPlainText()
    assert "overlap (left out)" in summary and "have no spans of alice" in summary
    assert "--" not in summary
    assert "Nesting: a tag column per nesting level" in summary
    assert 'tick "Only documents marked done"' in summary
