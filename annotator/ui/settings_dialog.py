"""Edit ▸ Settings (Ctrl+,): the text's font, size and line spacing, label
colours, label tags and the interface language. Every change shows at once
in the open window and is kept in the settings."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFontComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.ui.fonts import ARABIC_FAMILY
from annotator.ui.label_colors import PALETTES, palette_name
from annotator.ui.language import LANGUAGES, SETTING as LANGUAGE_SETTING, SYSTEM, chosen_setting
from annotator.ui.language import install_language, resolved_language
from annotator.ui.view_settings import FONT_FAMILY, LINE_SPACING, POINT_SIZE


class SettingsDialog(QDialog):
    def __init__(self, window, parent=None):
        super().__init__(parent or window)
        self.window_ = window
        self.settings: QSettings = window.settings
        view = window.view
        self.setWindowTitle(self.tr("Settings"))
        layout = QVBoxLayout(self)

        text_box = QGroupBox(self.tr("Text"))
        form = QFormLayout(text_box)
        self.font_family = QFontComboBox()
        # Only fonts that can show Arabic (they show Latin letters as well).
        self.font_family.setWritingSystem(QFontDatabase.WritingSystem.Arabic)
        self.font_family.setCurrentFont(QFont(view.font_family or ARABIC_FAMILY))
        form.addRow(self.tr("&Font:"), self.font_family)
        self.font_size = QSpinBox()
        self.font_size.setRange(8, 48)
        self.font_size.setSuffix(self.tr(" pt"))
        self.font_size.setValue(round(view.point_size))
        form.addRow(self.tr("&Size:"), self.font_size)
        self.line_spacing = QSpinBox()
        self.line_spacing.setRange(100, 250)
        self.line_spacing.setSingleStep(5)
        self.line_spacing.setSuffix(" %")
        self.line_spacing.setValue(view.line_spacing)
        form.addRow(self.tr("&Line spacing:"), self.line_spacing)
        self.label_tags = QCheckBox(self.tr("Label &tags above spans"))
        self.label_tags.setChecked(window.label_tags_action.isChecked())
        form.addRow("", self.label_tags)
        layout.addWidget(text_box)

        colors_box = QGroupBox(self.tr("Label colours"))
        colors_form = QFormLayout(colors_box)
        self.palette = QComboBox()
        for key in PALETTES:
            self.palette.addItem(palette_name(key), key)
        self.palette.setCurrentIndex(self.palette.findData(window.label_colors.palette))
        colors_form.addRow(self.tr("&Palette:"), self.palette)
        self.color_buttons: dict[str, QPushButton] = {}
        for label in (window.project.labels() if window.project else []):
            colors_form.addRow(label.name, self._color_row(label.key))
        self._show_colors()
        layout.addWidget(colors_box)

        language_box = QGroupBox(self.tr("Interface"))
        language_form = QFormLayout(language_box)
        self.language = QComboBox()
        system = LANGUAGES[resolved_language(SYSTEM)]
        self.language.addItem(self.tr("System ({0})").format(system), SYSTEM)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(chosen_setting(self.settings)))
        language_form.addRow(self.tr("&Language:"), self.language)
        self.language_note = QLabel(self.tr("Menus and dialogs change language when annotator "
                                            "starts again; the direction changes now."))
        self.language_note.setWordWrap(True)
        self.language_note.setTextFormat(Qt.TextFormat.PlainText)
        self.language_note.hide()
        language_form.addRow(self.language_note)
        layout.addWidget(language_box)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.font_family.currentFontChanged.connect(self._on_font_family)
        self.font_size.valueChanged.connect(self._on_font_size)
        self.line_spacing.valueChanged.connect(self._on_line_spacing)
        self.label_tags.toggled.connect(window.label_tags_action.setChecked)
        self.palette.currentIndexChanged.connect(self._on_palette)
        self.language.currentIndexChanged.connect(self._on_language)

    def _color_row(self, key: str) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        button = QPushButton()
        button.setAutoDefault(False)  # Return in a field closes the dialog, not a colour picker
        button.setToolTip(self.tr("Choose this label's colour"))
        button.clicked.connect(lambda: self._choose_color(key))
        reset = QToolButton()
        reset.setText(self.tr("Palette"))
        reset.setToolTip(self.tr("Back to the palette's colour"))
        reset.clicked.connect(lambda: self.set_label_color(key, None))
        layout.addWidget(button, 1)
        layout.addWidget(reset)
        self.color_buttons[key] = button
        return row

    def _show_colors(self) -> None:
        project = self.window_.project
        labels = self.window_.label_colors.recolor(project.labels()) if project else []
        for label in labels:
            button = self.color_buttons.get(label.key)
            if button is not None:
                button.setProperty("color", label.color)
                button.setText("\u200e" + label.color)  # LRM: "#" stays before the digits right to left
                button.setStyleSheet(f"QPushButton {{ background: {label.color}; color: #111; }}")

    def _choose_color(self, key: str) -> None:
        current = QColor(self.color_buttons[key].property("color"))
        color = QColorDialog.getColor(current, self, self.tr("Label colour"))
        if color.isValid():
            self.set_label_color(key, color.name())

    def set_label_color(self, key: str, color: str | None) -> None:
        self.window_.label_colors.choose(key, color)
        self._recolor()

    def _recolor(self) -> None:
        if self.window_.project is not None:
            self.window_.refresh_labels()
        self._show_colors()

    def _on_palette(self) -> None:
        self.window_.label_colors.set_palette(self.palette.currentData())
        self._recolor()

    def _on_font_family(self, font: QFont) -> None:
        self.settings.setValue(FONT_FAMILY, font.family())
        self.window_.view.set_font_family(font.family())

    def _on_font_size(self, size: int) -> None:
        self.settings.setValue(POINT_SIZE, float(size))
        self.window_.view.set_point_size(float(size))

    def _on_line_spacing(self, percent: int) -> None:
        self.settings.setValue(LINE_SPACING, percent)
        self.window_.view.set_line_spacing(percent)

    def _on_language(self) -> None:
        choice = self.language.currentData()
        self.settings.setValue(LANGUAGE_SETTING, choice)
        install_language(QApplication.instance(), resolved_language(choice))
        self.language_note.show()
