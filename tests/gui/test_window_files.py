"""File handling in the window: first start, import, new project, zoom."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog

from annotator.ui import main_window
from annotator.app import annotator_name
from annotator.ui.main_window import MainWindow
from tests.helpers.gui import type_text


def test_first_start_asks_the_annotators_name_once(qtbot, settings):
    def answer():
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, QInputDialog) and w.isVisible())
        dialog.setTextValue("")
        type_text(dialog.focusWidget() or dialog, "Leila")
        dialog.accept()

    QTimer.singleShot(100, answer)
    assert annotator_name(settings) == ("Leila", None)
    assert settings.value("annotator/name") == "Leila"
    # The second start does not ask again.
    assert annotator_name(settings) == ("Leila", None)


def _import_through_the_menu(qtbot, window, path):
    """Ctrl+I, type the path, press Return: what the File ▸ Import dialog shows."""
    seen = {}

    def fill_in():
        dialog = QApplication.activeModalWidget()
        dialog.paths.setFocus()
        qtbot.keyClicks(dialog.paths, str(path))
        qtbot.keyClick(dialog.paths, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=30000)  # its thread has ended
        seen["problems"] = dialog.problems.toPlainText()
        if dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(200, fill_in)
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    return seen["problems"]


def test_a_bad_import_changes_nothing_and_says_where(window, qtbot, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"text": "abc", "spans": [{"start": 0, "end": 9, "label": "ORG"}]}) + "\n")
    before = window.project.stats()
    problems = _import_through_the_menu(qtbot, window, bad)
    assert problems == f"{bad}:1: span end 9 is past the end of the text (3)"
    assert window.project.stats() == before


def test_import_adds_documents_to_the_list_and_labels_to_the_palette(window, qtbot, tmp_path):
    good = tmp_path / "new.jsonl"
    good.write_text(json.dumps({"id": "fresh", "text": "Nowy tekst o Chinach.",
                                "spans": [{"start": 13, "end": 20, "label": "PLACE"}]}) + "\n")
    rows = window.doc_model.rowCount()
    assert _import_through_the_menu(qtbot, window, good) == ""
    assert window.doc_model.rowCount() == rows + 1
    assert [b.text() for b in window.palette.buttons][-1].endswith("Place")
    assert window.statusBar().currentMessage().startswith("Imported 1 new documents")


def test_new_project_opens_empty_and_becomes_recent(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "fresh.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window._on_new_project()
    assert window.project.path == target
    assert window.doc_model.rowCount() == 0
    assert window.recent_menu.actions()[0].text() == str(target)


def test_zoom_keys_change_the_text_size(window, qtbot):
    size = window.view.point_size
    qtbot.keyClick(window.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.view.point_size > size
    qtbot.keyClick(window.view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.view.point_size > size + 2
    qtbot.keyClick(window.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.view.point_size == size


def test_a_project_that_cannot_open_is_reported(qtbot, settings, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(main_window, "show_message",
                        lambda parent, icon, title, text: shown.append(text))
    not_a_project = tmp_path / "notes.db"
    not_a_project.write_text("plain notes")
    win = MainWindow(settings, "alice")
    qtbot.addWidget(win)
    assert not win.open_project(not_a_project)
    assert "not a project file" in shown[0]


def test_labels_can_be_added_renamed_recoloured_and_reordered(window, qtbot, monkeypatch):
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QColorDialog

    from annotator.ui.labels_dialog import LabelsDialog

    dialog = LabelsDialog(window.project, window)
    qtbot.addWidget(dialog)
    answers = iter([("loc", True), ("Place", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    dialog._on_add()
    dialog._on_rename()
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#123456"))
    dialog._on_colour()
    dialog._on_move(-1)
    labels = window.project.labels()
    assert [l.key for l in labels] == ["PERSON", "ORG", "DATE", "LOC", "INITIATIVE"]
    loc = labels[3]
    assert (loc.name, loc.color, loc.shortcut) == ("Place", "#123456", "4")
    window.refresh_labels()
    assert window.palette.buttons[3].text() == "4  Place"
    # Key 4 now labels with LOC.
    from tests.helpers.gui import open_document
    doc = open_document(window, "pl-2021-06-02-xi-tokayev-phone-call")
    window.view.set_selection(0, 7)
    qtbot.keyClick(window.view, Qt.Key.Key_4)
    assert [(s.start, s.end, s.label) for s in window.project.spans(doc.id, "alice")] == [(0, 7, "LOC")]


def test_language_override_from_the_view_menu(window, qtbot, monkeypatch):
    from tests.helpers.gui import open_document

    doc = open_document(window, "pl-2021-06-02-xi-tokayev-phone-call")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("en", True))
    window._on_set_language()
    assert window.project.document(doc.id).lang == "en"
    row = window.doc_model.row_of(doc.id)
    assert window.doc_model.data(window.doc_model.index(row, 1)) == "en"
    assert window.project.stats()["by_lang"] == {"ar": 4, "en": 1}


def test_moving_a_label_keeps_every_labels_colour_and_the_dialog_shows_them(window, qtbot,
                                                                            monkeypatch):
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QColorDialog

    from annotator.ui.labels_dialog import LabelsDialog

    before = window.editor.colors()
    dialog = LabelsDialog(window.project, window, window.label_colors)
    qtbot.addWidget(dialog)
    shown = {dialog.list.item(i).data(Qt.ItemDataRole.UserRole):
             dialog.list.item(i).background().color().name().upper()
             for i in range(dialog.list.count())}
    assert shown == {key: color.upper() for key, color in before.items()}  # as the text shows them
    dialog.list.setCurrentRow(0)
    dialog._on_move(1)  # Person below Organization: keys 1 and 2 swap, colours stay
    window.refresh_labels()
    assert [l.key for l in window.project.labels()][:2] == ["ORG", "PERSON"]
    assert window.editor.colors() == before
    # A colour picked in the dialog is the one the text shows, whatever the palette.
    dialog.list.setCurrentRow(0)
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#123456"))
    dialog._on_colour()
    window.refresh_labels()
    assert window.editor.colors()["ORG"] == "#123456"


def test_working_under_a_name_the_file_does_not_hold_is_said(qtbot, settings, tmp_path):
    from annotator.core.model import DocumentRecord, Span
    from annotator.store import Project

    path = tmp_path / "alice.db"
    with Project.open(path) as project:
        project.import_records([DocumentRecord("d", "Xi spoke.", [Span(0, 2, "PERSON")])],
                               annotator="alice")
    window = MainWindow(settings, "Alice")  # a capital too many: another layer
    qtbot.addWidget(window)
    assert window.open_project(path)
    message = window.statusBar().currentMessage()
    assert message.startswith("You work as Alice; this file holds the work of alice")
    same = MainWindow(settings, "alice")
    qtbot.addWidget(same)
    assert same.open_project(path)
    assert "You work as" not in same.statusBar().currentMessage()


def test_the_label_buttons_stay_in_place_when_the_labels_are_shown_again(window, qtbot):
    palette = window.palette
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    top = palette.buttons[0].geometry().top()
    for _ in range(3):  # as after the Labels dialog, or a restore
        window.refresh_labels()
    qtbot.wait(10)
    assert palette.buttons[0].geometry().top() == top
    assert palette._layout.count() == len(palette.buttons) + 1  # the buttons and one stretch


def test_a_file_handed_out_to_someone_else_says_whose_it_is(qtbot, settings, tmp_path):
    """bob's file opened under alice's name (a shared laptop): said at once,
    even before bob has labelled anything in it."""
    from annotator.cli import main as cli_main
    from annotator.store import Project

    master = tmp_path / "master.db"
    texts = [tmp_path / "a.txt", tmp_path / "b.txt"]
    texts[0].write_text("Xi Jinping met Tokayev.", encoding="utf-8")
    texts[1].write_text("Wang Yi visited Astana.", encoding="utf-8")
    assert cli_main(["import", str(master), *map(str, texts)]) == 0
    assert cli_main(["assign", str(master), "--to", "alice", "bob", "--out",
                     str(tmp_path / "team")]) == 0
    window = MainWindow(settings, "alice")
    qtbot.addWidget(window)
    assert (tmp_path / "team" / "bob.db").exists()
    assert window.open_project(tmp_path / "team" / "bob.db")
    assert window.statusBar().currentMessage().startswith(
        "This file was handed out to bob, and you work as alice")
    with Project.open(tmp_path / "team" / "bob.db") as project:
        assert "alice" in project.people()  # a team file lists every member: no help there
    own = MainWindow(settings, "alice")
    qtbot.addWidget(own)
    window.close()
    assert own.open_project(tmp_path / "team" / "alice.db")
    assert "handed out" not in own.statusBar().currentMessage()
