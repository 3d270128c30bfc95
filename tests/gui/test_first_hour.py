"""The first hour: the welcome strip on first start, the Settings dialog
(Ctrl+,) whose changes show at once and are remembered, and the interface in
Arabic, right to left."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QColorDialog

from annotator.ui.colors import label_color, selected_color
from annotator.ui.label_colors import PALETTES
from annotator.ui.language import install_language
from annotator.ui.settings_dialog import SettingsDialog
from annotator.ui.welcome import WelcomePanel
from tests.helpers.gui import open_document, open_window

POLISH = "pl-2021-06-02-xi-tokayev-phone-call"


def _window(qtbot, settings, path):
    return open_window(qtbot, settings, path)


def _menu_action(window, text: str):
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if action.text() == text:
                return action
    raise AssertionError(f"no menu entry {text!r}")


def test_the_welcome_shows_on_first_start_and_stays_gone_after_dont_show_again(
        qtbot, tmp_path, sample_db):
    first_start = QSettings(str(tmp_path / "first.ini"), QSettings.Format.IniFormat)
    window = _window(qtbot, first_start, sample_db)
    welcome = window.findChild(WelcomePanel)
    assert welcome.isVisible()
    text = " ".join(label.text() for label in welcome.findChildren(type(window.status_label)))
    assert "Select text" in text and "number" in text and "saves itself" in text
    # Close hides it for now only: it comes back on the next start.
    qtbot.mouseClick(welcome.close_button, Qt.MouseButton.LeftButton)
    assert not welcome.isVisible()
    window.close()
    window = _window(qtbot, first_start, sample_db)
    welcome = window.findChild(WelcomePanel)
    assert welcome.isVisible()
    qtbot.mouseClick(welcome.never_button, Qt.MouseButton.LeftButton)
    assert not welcome.isVisible()
    window.close()
    again = _window(qtbot, first_start, sample_db)
    assert not again.findChild(WelcomePanel).isVisible()
    # Help ▸ Welcome brings it back.
    _menu_action(again, "&Welcome").trigger()
    assert again.findChild(WelcomePanel).isVisible()


def _in_settings_dialog(qtbot, window, work) -> None:
    """Open Settings with its real shortcut and run ``work(dialog)`` in it."""
    done = {}

    def when_open(tries=50):
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SettingsDialog):
            if tries:  # (no dialog: the assertion below says so)
                QTimer.singleShot(20, lambda: when_open(tries - 1))
            return
        try:
            work(dialog)
        finally:
            done["yes"] = True
            dialog.reject()

    QTimer.singleShot(0, when_open)
    qtbot.keyClick(window.view, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert done, "Ctrl+, did not open the Settings dialog"


def _type_into(qtbot, spin_box, text: str) -> None:
    spin_box.setFocus()
    qtbot.keyClick(spin_box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin_box, text)  # each key applies (the view follows the typing)


def _fill(view, span) -> str:
    """The colour a span is shown in (as its label colour, also when selected)."""
    cursor = view.textCursor()
    cursor.setPosition(view._map.to_utf16(span.start) + 1)
    shown = cursor.charFormat().background().color()
    for color in {*PALETTES["tol-light"], *PALETTES["okabe-ito"], "#123456"}:
        if shown in (label_color(color), selected_color(color)):
            return color
    return shown.name()


def test_settings_change_the_open_view_at_once_and_are_remembered(
        qtbot, window, settings, sample_db, monkeypatch):
    open_document(window, POLISH)
    window.view.set_selection(0, len("Chiński"))
    qtbot.keyClick(window.view, Qt.Key.Key_1)  # the first label: PERSON
    span = window.view.spans[0]
    assert _fill(window.view, span) == PALETTES["tol-light"][0]  # the default palette

    def change(dialog):
        _type_into(qtbot, dialog.font_size, "21")
        assert window.view.font().pointSizeF() == 21
        _type_into(qtbot, dialog.line_spacing, "180")
        assert window.view.line_spacing == 180
        block = window.view.document().firstBlock().blockFormat()
        assert block.lineHeight() > 180  # with the label tags' room
        dialog.label_tags.click()
        assert not window.view.label_tags and not window.label_tags_action.isChecked()
        assert window.view.document().firstBlock().blockFormat().lineHeight() == 180
        dialog.palette.setCurrentIndex(dialog.palette.findData("okabe-ito"))
        assert _fill(window.view, window.view.spans[0]) == PALETTES["okabe-ito"][0]
        # A colour of its own for one label (the colour picker answers at once).
        monkeypatch.setattr(QColorDialog, "getColor", lambda *args: QColor("#123456"))
        qtbot.mouseClick(dialog.color_buttons["PERSON"], Qt.MouseButton.LeftButton)
        assert _fill(window.view, window.view.spans[0]) == "#123456"
        assert window.palette.buttons[0].styleSheet().count("#123456") == 1

    _in_settings_dialog(qtbot, window, change)
    window.close()
    again = _window(qtbot, settings, sample_db)
    open_document(again, POLISH)
    assert again.view.font().pointSizeF() == 21
    assert again.view.line_spacing == 180
    assert not again.view.label_tags
    assert _fill(again.view, again.view.spans[0]) == "#123456"

    def check(dialog):
        assert dialog.font_size.value() == 21
        assert dialog.line_spacing.value() == 180
        assert not dialog.label_tags.isChecked()
        assert dialog.palette.currentData() == "okabe-ito"

    _in_settings_dialog(qtbot, again, check)


@pytest.fixture
def arabic(qapp):
    assert install_language(qapp, "ar") == "ar"
    yield qapp
    install_language(qapp, "en")


def test_the_window_in_arabic_is_right_to_left_with_arabic_menus(qtbot, arabic, settings, sample_db):
    window = _window(qtbot, settings, sample_db)
    assert arabic.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles[:3] == ["&ملف", "&تحرير", "&عرض"]
    # The first menu sits at the right edge of the bar.
    bar = window.menuBar()
    first, last = (bar.actionGeometry(bar.actions()[i]) for i in (0, -1))
    assert first.left() > last.left()
    assert _menu_action(window, "&تراجع") is window.undo_action
    # Labels are data: their names stay as the project has them.
    assert window.palette.buttons[0].text().endswith("Person")
    # The lists select their rows right to left too: the first document is
    # open, another one opens, and a new span is the span list's current row.
    assert window.editor.document is not None
    open_document(window, POLISH)
    window.view.set_selection(0, len("Chiński"))
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert window.span_list.currentIndex().row() == 0
    assert window.span_list.selectionModel().isRowSelected(0)


def test_the_language_follows_the_system_unless_chosen(tmp_path):
    from PySide6.QtCore import QLocale

    from annotator.ui.language import chosen_setting, resolved_language

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert chosen_setting(settings) == "system"
    assert resolved_language("system", QLocale("ar_EG")) == "ar"
    assert resolved_language("system", QLocale("pl_PL")) == "en"
    assert resolved_language("en", QLocale("ar_EG")) == "en"
    settings.setValue("ui/language", "klingon")
    assert chosen_setting(settings) == "system"


def test_choosing_arabic_in_settings_turns_the_window_right_to_left_and_is_remembered(
        qtbot, qapp, window, settings):
    from annotator.ui.language import apply_setting

    def choose(dialog):
        assert dialog.language.currentData() == "system"
        dialog.language.setCurrentIndex(dialog.language.findText("العربية"))
        assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert dialog.language_note.isVisible()  # menus change on the next start

    try:
        _in_settings_dialog(qtbot, window, choose)
        assert settings.value("ui/language") == "ar"
        install_language(qapp, "en")
        assert apply_setting(qapp, settings) == "ar"  # what the next start does
    finally:
        install_language(qapp, "en")


def test_the_review_window_shows_labels_in_the_main_windows_colours(qtbot, window, review_project):
    from annotator.ui.review_window import ReviewWindow

    project, _, _ = review_project
    review = ReviewWindow(project, window)
    qtbot.addWidget(review)
    own = {label.key: label.color for label in project.labels()}
    assert review.colors == {key: PALETTES["tol-light"][i] for i, key in enumerate(own)}
    assert review.colors != own
