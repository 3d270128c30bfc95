"""Help ▸ Annotation Guidelines (F2): every label's definition, examples and
counter-examples in one readable window, opened without leaving the text.

The text comes from users, so every piece is escaped before it is laid out;
each example is a paragraph of its own so an Arabic one runs right to left
and a Polish one left to right, whatever the interface's direction."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from annotator.core.model import Guideline, Label


def guidelines_html(labels: list[Label], guidelines: dict[str, Guideline]) -> str:
    """The guidelines as escaped HTML: a heading per label in its colour."""
    parts = []
    for index, label in enumerate(labels):
        key = f"{index + 1}  " if index < 9 else ""
        guideline = guidelines.get(label.key, Guideline(label.key))
        parts.append(f'<h3 style="background:{html.escape(label.color)}; color:#111">'
                     f"&nbsp;{html.escape(key + label.name)} ({html.escape(label.key)})</h3>")
        if guideline.is_empty():
            parts.append("<p><i>" + html.escape(QCoreApplication.translate(
                "GuidelinesDialog", "No guideline yet (Project ▸ Labels ▸ Guideline).")) + "</i></p>")
            continue
        for line in guideline.definition.splitlines():
            if line.strip():
                parts.append(f"<p>{html.escape(line)}</p>")
        for title, items, mark in ((QT_TRANSLATE_NOOP("GuidelinesDialog", "Examples"), guideline.examples, "✓"),
                                   (QT_TRANSLATE_NOOP("GuidelinesDialog", "Not this label"),
                                    guideline.counter_examples, "✗")):
            if items:
                title = html.escape(QCoreApplication.translate("GuidelinesDialog", title))
                parts.append(f"<p><b>{title}</b></p>")
                parts.extend(f'<p style="margin-left:12px; margin-right:12px">{mark} '
                             f"{html.escape(item)}</p>" for item in items)
    return "\n".join(parts)


class GuidelinesDialog(QDialog):
    """Not modal: it can stay open beside the text while annotating."""

    def __init__(self, labels: list[Label], guidelines: dict[str, Guideline], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Annotation Guidelines"))
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.close_buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(self.close_buttons)
        self.resize(520, 640)
        self.show_guidelines(labels, guidelines)

    def show_guidelines(self, labels: list[Label], guidelines: dict[str, Guideline]) -> None:
        self.browser.setHtml(guidelines_html(labels, guidelines))
        self.browser.setFocus(Qt.FocusReason.OtherFocusReason)
