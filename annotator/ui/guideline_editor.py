"""Project ▸ Labels ▸ Guideline…: a label's definition, examples and
counter-examples (one per line), saved in one transaction on OK."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QTextEdit,
)

from annotator.core.model import Guideline
from annotator.store import Project, ProjectError
from annotator.ui.plain_text import show_message


def _editor(text: str, lines: int) -> QTextEdit:
    # QTextEdit gives each line its own direction (QPlainTextEdit would
    # left-align Arabic); it takes no rich text, so what is typed stays plain.
    edit = QTextEdit()
    edit.setAcceptRichText(False)
    edit.setPlainText(text)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * lines + 12)
    return edit


class GuidelineEditor(QDialog):
    def __init__(self, project: Project, key: str, parent=None):
        super().__init__(parent)
        self.project = project
        self.key = key
        self.setWindowTitle(self.tr("Guideline of {0}").format(key))
        current = project.guideline(key)
        self.definition = _editor(current.definition, 3)
        self.examples = _editor("\n".join(current.examples), 4)
        self.counter_examples = _editor("\n".join(current.counter_examples), 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Definition:"), self.definition)
        form.addRow(self.tr("&Examples:"), self.examples)
        form.addRow(self.tr("&Not this label:"), self.counter_examples)
        hint = QLabel(self.tr("One example per line, as it appears in the text."))
        form.addRow(hint)
        form.addRow(buttons)
        self.resize(480, 420)

    def guideline(self) -> Guideline:
        return Guideline(self.key, self.definition.toPlainText(),
                         tuple(self.examples.toPlainText().splitlines()),
                         tuple(self.counter_examples.toPlainText().splitlines()))

    def _on_save(self) -> None:
        try:
            self.project.set_guideline(self.guideline())
        except ProjectError as error:
            show_message(self, QMessageBox.Icon.Warning, self.windowTitle(), str(error))
            return
        self.accept()
