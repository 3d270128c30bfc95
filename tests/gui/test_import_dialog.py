"""The import dialog: a format and an annotator chosen with real keys and
clicks; problems listed as the command line prints them, nothing stored."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from annotator.ui.import_dialog import ImportDialog, file_filter

CONLL = "Xi B-PERSON\nJinping I-PERSON\nspoke O\n. O\n"


def make_dialog(qtbot, window):
    dialog = ImportDialog(window.project, window.annotator, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def click_import(qtbot, dialog):
    """A real click on Import, then the wait for the import's thread to end."""
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=60000)


def type_into(qtbot, line_edit, text):
    line_edit.setFocus()
    qtbot.keyClick(line_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(line_edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(line_edit, text)


def pick_format(qtbot, dialog, key):
    dialog.format.setFocus()
    while dialog.format.currentData() != key:
        before = dialog.format.currentIndex()
        qtbot.keyClick(dialog.format, Qt.Key.Key_Down)
        assert dialog.format.currentIndex() != before, f"no format {key!r}"


def test_a_conll_file_named_txt_comes_in_as_conll_with_bobs_spans(qtbot, window, tmp_path):
    path = tmp_path / "tagged.txt"
    path.write_text(CONLL, encoding="utf-8")
    dialog = make_dialog(qtbot, window)
    assert dialog.annotator.text() == "alice"  # the window's user to start with
    type_into(qtbot, dialog.paths, str(path))
    pick_format(qtbot, dialog, "conll")
    type_into(qtbot, dialog.annotator, "bob")
    click_import(qtbot, dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    project = window.project
    document = project.document_by_name("tagged-1")
    assert document.text == "Xi Jinping spoke ."
    [span] = project.spans(document.id, "bob")
    assert (document.text[span.start:span.end], span.label) == ("Xi Jinping", "PERSON")
    assert project.spans(document.id, "alice") == []


def test_problems_are_listed_like_the_command_line_and_nothing_is_stored(qtbot, window, tmp_path):
    bad = tmp_path / "bad.conll"
    bad.write_text("Xi B-PERSON\nJinping\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("A good text.", encoding="utf-8")
    count = window.project.document_count()
    dialog = make_dialog(qtbot, window)
    type_into(qtbot, dialog.paths, f"{good} ; {bad}")
    click_import(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.problems.toPlainText() == (
        f"{bad}:2: expected a token and a tag, separated by a space or a tab")
    assert window.project.document_count() == count


def test_file_menu_import_opens_the_dialog(qtbot, window):
    seen = []

    def close_it():
        dialog = QApplication.activeModalWidget()
        seen.append(type(dialog))
        dialog.reject()

    QTimer.singleShot(200, close_it)
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert seen == [ImportDialog]


def test_the_file_filter_offers_every_extension():
    for extension in (".txt", ".jsonl", ".ndjson", ".conll", ".iob", ".bio", ".bioes", ".ann",
                      ".json"):
        assert f"*{extension}" in file_filter()


def test_notes_stay_on_screen_and_columns_can_be_chosen(qtbot, window, tmp_path):
    path = tmp_path / "gold-and-predicted.conll"
    path.write_text("Xi B-PER B-PER\nJinping I-PER I-PER\nmet O O\nTak B-PER O\n", encoding="utf-8")
    dialog = make_dialog(qtbot, window)
    type_into(qtbot, dialog.paths, str(path))
    click_import(qtbot, dialog)
    assert dialog.isVisible() and "--columns token=1,tag=2" in dialog.problems.toPlainText()
    type_into(qtbot, dialog.options.widgets["columns"], "token=1,tag=3")
    click_import(qtbot, dialog)
    # Imported, and the note on the columns read stays on screen until Close.
    assert dialog.isVisible() and dialog.import_button.text() == "Close"
    assert "tags in column 3" in dialog.problems.toPlainText()
    document = window.project.document_by_name("gold-and-predicted-1")
    [span] = window.project.spans(document.id, "alice")
    assert (document.text[span.start:span.end], span.label) == ("Xi Jinping", "PER")
    click_import(qtbot, dialog)
    assert dialog.result() == dialog.DialogCode.Accepted


def test_the_columns_field_comes_from_the_catalog_and_follows_the_format(qtbot, window):
    dialog = make_dialog(qtbot, window)
    columns = dialog.options.widgets["columns"]
    assert columns.placeholderText() == "token=N,tag=M" and "nesting levels" in columns.toolTip()
    assert columns.isEnabled()  # by extension: a CoNLL file may be among them
    pick_format(qtbot, dialog, "conll")
    assert columns.isEnabled()
    pick_format(qtbot, dialog, "brat")
    assert not columns.isEnabled()


def test_bad_columns_are_listed_and_nothing_is_imported(qtbot, window, tmp_path):
    path = tmp_path / "news.conll"
    path.write_text(CONLL, encoding="utf-8")
    count = window.project.document_count()
    dialog = make_dialog(qtbot, window)
    type_into(qtbot, dialog.paths, str(path))
    type_into(qtbot, dialog.options.widgets["columns"], "token=1,tag=1")
    click_import(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.problems.toPlainText() == (
        f"{path}: --columns 'token=1,tag=1': the token column cannot be a tag column")
    assert window.project.document_count() == count



def test_a_file_with_many_problems_lists_the_first_then_how_many_more(qtbot, window, tmp_path):
    bad = tmp_path / "many.jsonl"
    bad.write_text("\n".join("{not json" for _ in range(60)) + "\n", encoding="utf-8")
    dialog = make_dialog(qtbot, window)
    type_into(qtbot, dialog.paths, str(bad))
    click_import(qtbot, dialog)
    lines = dialog.problems.toPlainText().splitlines()
    assert len(lines) == 21 and lines[0].startswith(f"{bad}:1:")
    assert "40 more problems" in lines[-1]


def test_a_long_import_says_how_far_it_has_come(qtbot, window, tmp_path):
    path = tmp_path / "many.jsonl"
    path.write_text("".join(f'{{"id": "n{n}", "text": "Text number {n}."}}\n' for n in range(1200)),
                    encoding="utf-8")
    dialog = make_dialog(qtbot, window)
    type_into(qtbot, dialog.paths, str(path))
    seen: list[str] = []
    shown = dialog._progress

    def progress(done):  # what the dialog shows at each step the import's thread reports
        shown(done)
        seen.append(dialog.status.text())

    dialog._progress = progress
    click_import(qtbot, dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert any("500 documents so far" in text for text in seen), seen
    assert any("1,000 documents so far" in text for text in seen), seen
    assert window.project.document_by_name("n1199").text == "Text number 1199."


def test_cancel_stops_a_running_import_and_nothing_is_kept(qtbot, window, tmp_path):
    import json

    big = tmp_path / "big.jsonl"
    with big.open("w", encoding="utf-8") as out:
        for i in range(20_000):
            out.write(json.dumps({"id": f"d{i}", "text": f"Report {i}: Xi Jinping met Tokayev.",
                                  "spans": [{"start": 0, "end": 6, "label": "ORG"}]}) + "\n")
    count = window.project.document_count()
    dialog = make_dialog(qtbot, window)
    type_into(qtbot, dialog.paths, str(big))
    seen = []
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.is_busy() and not dialog.paths.isEnabled()  # the window is not held up
    qtbot.waitUntil(lambda: "documents so far" in dialog.status.text(), timeout=60000)
    seen.append(dialog.status.text())
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=60000)
    assert dialog.result() == dialog.DialogCode.Rejected and not dialog.isVisible()
    assert window.project.document_count() == count
    assert seen and seen[0].startswith("Reading and checking the files… ")
