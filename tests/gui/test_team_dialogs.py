"""Project ▸ Assign…, Collect… and Team Progress… with real keys: the numbers
before anything is written, files written on Return, returns collected, the
progress picture saved as PNG."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from annotator.store import Project
from annotator.ui import collect as collect_module
from annotator.ui.assign_dialog import AssignDialog
from annotator.ui.progress_view import ProgressDialog, save_png


def action(window, text):
    [found] = [a for menu in window.menuBar().actions() for a in menu.menu().actions()
               if a.text().replace("&", "") == text]
    return found


def type_into(qtbot, line_edit, text):
    line_edit.setFocus()
    qtbot.keyClick(line_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(line_edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(line_edit, text)


def make_assign(qtbot, window):
    dialog = AssignDialog(window.project, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_assign_shows_the_numbers_and_writes_only_on_return(qtbot, window, tmp_path):
    out = tmp_path / "team"
    count = window.project.document_count()
    dialog = make_assign(qtbot, window)
    assert not dialog.assign_button.isEnabled()  # no names yet
    type_into(qtbot, dialog.folder, str(out))
    type_into(qtbot, dialog.names, "alice bob")
    assert dialog.preview.text().startswith(f"round 1: {count} documents to 2 annotators")
    assert "alice.db" in dialog.preview.text() and dialog.assign_button.isEnabled()
    assert not out.exists()  # the numbers come before anything is written
    type_into(qtbot, dialog.per_annotator.lineEdit(), "1")
    assert dialog.per_annotator.value() == 1
    assert f"{count - 2} documents left for a later round" in dialog.preview.text()
    qtbot.keyClick(dialog.names, Qt.Key.Key_Return)
    assert dialog.written and not dialog.isVisible(), dialog.preview.text()
    assert sorted(p.name for p in out.iterdir()) == ["alice.db", "bob.db"]
    assert len(window.project.assignments()) == 2


def test_assign_with_bad_names_says_why_and_return_writes_nothing(qtbot, window, tmp_path):
    before = window.project.assignments()
    dialog = make_assign(qtbot, window)
    type_into(qtbot, dialog.folder, str(tmp_path / "team"))
    type_into(qtbot, dialog.names, "alice alice")
    assert "'alice' is named twice" in dialog.preview.text()
    assert not dialog.assign_button.isEnabled()
    qtbot.keyClick(dialog.names, Qt.Key.Key_Return)
    assert not dialog.written and not (tmp_path / "team").exists()
    assert window.project.assignments() == before


def test_collect_merges_returned_files_and_progress_shows_them(qtbot, window, tmp_path,
                                                               monkeypatch):
    out = tmp_path / "team"
    dialog = make_assign(qtbot, window)
    type_into(qtbot, dialog.folder, str(out))
    type_into(qtbot, dialog.names, "bob carol")
    qtbot.keyClick(dialog.names, Qt.Key.Key_Return)
    assert dialog.written
    with Project.open(out / "carol.db") as carol:
        first = carol.document_ids()[0]
        carol.add_span(first, "carol", 0, 2, "PERSON")
    shown = []
    monkeypatch.setattr(collect_module.QFileDialog, "getOpenFileNames",
                        lambda *a, **k: ([str(out / "bob.db"), str(out / "carol.db")], ""))
    monkeypatch.setattr(collect_module, "show_message", lambda *a: shown.append(a[3]))
    action(window, "Collect…").trigger()
    assert shown and "carol: +1 -0 spans" in shown[0]
    assert window.project.last_collections().keys() == {"bob", "carol"}

    progress = ProgressDialog(window.project, window)
    qtbot.addWidget(progress)
    progress.show()
    qtbot.waitExposed(progress)
    carol = next(a for a in progress.view.report.annotators if a.name == "carol")
    assert carol.in_progress == 1 and carol.last_collected
    png = save_png(progress.view, tmp_path / "progress.png")
    image = QImage(str(png))
    assert image.width() >= progress.view.sizeHint().width()
    # the first document's cell is coloured by its state
    top = progress.view._grid_top()
    cell = progress.view.document_at(20, top + 4)
    assert cell is not None and cell.id == window.project.document_ids()[0]


def test_collect_refuses_a_file_of_another_team_with_a_message(qtbot, window, tmp_path,
                                                               monkeypatch):
    from tests.team.conftest import make_master
    from annotator.cli import main

    other = make_master(tmp_path / "other.db", count=3)
    assert main(["assign", str(other), "--to", "zoe", "--out", str(tmp_path / "o")]) == 0
    dialog = make_assign(qtbot, window)
    type_into(qtbot, dialog.folder, str(tmp_path / "team"))
    type_into(qtbot, dialog.names, "bob")
    qtbot.keyClick(dialog.names, Qt.Key.Key_Return)
    shown = []
    monkeypatch.setattr(collect_module.QFileDialog, "getOpenFileNames",
                        lambda *a, **k: ([str(tmp_path / "o" / "zoe.db")], ""))
    monkeypatch.setattr(collect_module, "show_message", lambda *a: shown.append(a[3]))
    action(window, "Collect…").trigger()
    assert shown and "belongs to another team project" in shown[0]
    assert window.project.last_collections() == {}
