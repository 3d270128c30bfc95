"""Every file of tests/data/bad through File ▸ Import: the dialog lists the
line the command line prints, nothing is stored (the project file is
unchanged byte for byte) and the window keeps running."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt

from annotator.cli import main
from tests.gui.test_import_dialog import click_import, make_dialog, type_into
from tests.helpers.bad_inputs import bad_files, file_bytes, what_a_reader_sees


@pytest.mark.parametrize("path", bad_files(), ids=lambda p: p.name)
def test_the_dialog_shows_the_command_lines_message_and_the_window_keeps_running(
        qtbot, window, tmp_path, capsys, path):
    for companion in path.parent.glob(path.stem + ".*"):
        shutil.copyfile(companion, tmp_path / companion.name)
    copy = tmp_path / path.name
    other = tmp_path / "other.db"
    assert main(["import", str(other), str(copy)]) == 2
    printed = capsys.readouterr().err.strip()
    project = window.project.path
    before, seen = file_bytes(project), what_a_reader_sees(project)
    dialog = make_dialog(qtbot, window)
    type_into(qtbot, dialog.paths, str(copy))
    click_import(qtbot, dialog)
    assert dialog.problems.toPlainText() == printed
    assert dialog.status.text() == "Nothing was imported."
    assert dialog.isVisible() and window.isVisible()
    assert file_bytes(project) == before
    assert what_a_reader_sees(project) == seen
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert window.project.document_count() > 0  # the project still answers


def click_box(qtbot, box):
    """A click on the box itself: a check box in a form row is wider than
    its box and text, and a click past them does nothing."""
    from PySide6.QtCore import QPoint

    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def test_the_strict_labels_box_refuses_a_label_the_project_lacks(qtbot, window, tmp_path):
    path = tmp_path / "new-label.jsonl"
    path.write_text('{"id": "x", "text": "Ewa w Krakowie", '
                    '"spans": [{"start": 6, "end": 14, "label": "CITY"}]}\n', encoding="utf-8")
    project = window.project.path
    before = file_bytes(project)
    dialog = make_dialog(qtbot, window)
    type_into(qtbot, dialog.paths, str(path))
    click_box(qtbot, dialog.strict_labels)
    assert dialog.strict_labels.isChecked()
    click_import(qtbot, dialog)
    assert dialog.problems.toPlainText().startswith(
        f"{path}:1: label 'CITY' is not in the project (--strict-labels)")
    assert file_bytes(project) == before
    click_box(qtbot, dialog.strict_labels)  # unchecked: it is added
    click_import(qtbot, dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert "CITY" in {label.key for label in window.project.labels()}
