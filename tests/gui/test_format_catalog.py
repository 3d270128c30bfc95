"""A format registered in the catalog shows in both dialogs, with its
options as widgets that follow the chosen format, chosen with real keys."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.formats.registry import read_paths
from annotator.store import Project
from annotator.ui.export_dialog import ExportDialog
from annotator.ui.import_dialog import ImportDialog
from tests.gui.test_import_dialog import click_import


def pick(qtbot, combo, key):
    """Walk the combo box down with the arrow key until ``key`` is chosen."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    while combo.currentData() != key:
        before = combo.currentIndex()
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentIndex() != before, f"no choice {key!r}"


def type_into(qtbot, line_edit, text):
    line_edit.setFocus()
    qtbot.keyClick(line_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(line_edit, text)


def test_the_import_dialog_lists_the_toy_format_and_its_option(qtbot, window, toy_format,
                                                                tmp_path):
    source = tmp_path / "news.toy"
    source.write_text("Xi Jinping spoke.\n", encoding="utf-8")
    dialog = ImportDialog(window.project, window.annotator, window)
    qtbot.addWidget(dialog)
    dialog.show()
    prefix = dialog.options.widgets["prefix"]
    assert prefix.isEnabled()  # by extension: any format may read the files
    pick(qtbot, dialog.format, "conll")
    assert not prefix.isEnabled()
    pick(qtbot, dialog.format, "toy")
    assert dialog.format.currentText() == "Toy lines" and prefix.isEnabled()
    assert prefix.toolTip() == "put before each document's name"
    type_into(qtbot, dialog.paths, str(source))
    type_into(qtbot, prefix, "wire")
    click_import(qtbot, dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert window.project.document_by_name("wire-news1").text == "Xi Jinping spoke."


def test_a_bad_option_value_is_listed_and_nothing_is_imported(qtbot, window, toy_format,
                                                              tmp_path):
    source = tmp_path / "news.toy"
    source.write_text("Xi Jinping spoke.\n", encoding="utf-8")
    count = window.project.document_count()
    dialog = ImportDialog(window.project, window.annotator, window)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.paths, str(source))
    type_into(qtbot, dialog.options.widgets["prefix"], "a/b")
    click_import(qtbot, dialog)
    assert dialog.problems.toPlainText() == (
        f"{source}: a prefix is letters and digits, not 'a/b'")
    assert window.project.document_count() == count


def test_the_export_dialog_lists_the_toy_format_and_its_option(qtbot, toy_format, tmp_path,
                                                                seeds_dir):
    path = tmp_path / "project.db"
    with Project.open(path) as project:
        project.import_records(read_paths([seeds_dir]))
        document = next(project.iter_documents())
        project.add_span(document.id, "alice", 0, 2, "ORG")
    dialog = ExportDialog(path, ["alice"])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.fmt() == "conll"  # the catalog's default export
    case = dialog.option("case")
    assert not case.isEnabled() and dialog.option("scheme").isEnabled()
    pick(qtbot, dialog.format, "toy")
    assert case.isEnabled() and not dialog.option("scheme").isEnabled()
    assert dialog.path.text().endswith("project-alice.toy")
    pick(qtbot, case, "upper")
    out = tmp_path / "out.toy"
    dialog.path.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=30000)
    # Lower case unless the option's widget reached the writer.
    assert out.read_text(encoding="utf-8").startswith(document.text + " [ORG]\n")
