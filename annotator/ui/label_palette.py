"""The label palette: a button per label with its colour and key; its tooltip
holds the label's guideline."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from annotator.core.model import Guideline, Label
from annotator.ui.plain_text import escaped_paragraphs


class LabelPalette(QWidget):
    labelChosen = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self.buttons: list[QPushButton] = []

    def set_labels(self, labels: list[Label], guidelines: dict[str, Guideline] | None = None) -> None:
        # Every item out, the stretch below the buttons too: one left behind
        # pushed the buttons down each time the labels were shown again.
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.buttons = []
        for index, label in enumerate(labels):
            key = f"{index + 1}  " if index < 9 else "   "
            # QPushButton shows its text as plain text.
            button = QPushButton(f"{key}{label.name}")
            tip = self.tr("{0}: press {1}").format(label.key, index + 1) if index < 9 else label.key
            tip = [tip, *guideline_tip((guidelines or {}).get(label.key))]
            button.setToolTip(escaped_paragraphs(tip))
            button.setStyleSheet(
                f"QPushButton {{ background: {label.color}; text-align: left; padding: 4px 8px;"
                " border: 1px solid #999; border-radius: 3px; color: #111; }")
            button.clicked.connect(lambda _=False, i=index: self.labelChosen.emit(i))
            self._layout.addWidget(button)
            self.buttons.append(button)
        self._layout.addStretch(1)


def guideline_tip(guideline: Guideline | None) -> list[str]:
    """The label's guideline as plain lines (escaped by the caller), an example
    a line so each keeps its own direction."""
    if guideline is None or guideline.is_empty():
        return []
    lines = guideline.definition.strip().splitlines()
    lines += [f"✓ {example}" for example in guideline.examples]
    lines += [f"✗ {example}" for example in guideline.counter_examples]
    return lines + [QCoreApplication.translate("LabelPalette", "F2: all guidelines")]
