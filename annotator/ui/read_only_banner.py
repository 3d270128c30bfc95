"""The strip above the text that says a project is open read-only, and why."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


class ReadOnlyBanner(QLabel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # file names are not markup
        self.setWordWrap(True)
        self.setStyleSheet("QLabel { background: #fff3c4; color: #5c4400; padding: 6px 10px;"
                           " border-bottom: 1px solid #e0c060; font-weight: bold; }")
        self.hide()

    def show_reason(self, name: str, reason: str | None) -> None:
        """Show the banner for a read-only project; hide it for ``None``."""
        if reason is None:
            self.clear()
            self.hide()
            return
        self.setText(self.tr("Read-only: {0} cannot be changed in this window because {1}. "
                             "You can read and export; labelling keys change nothing.").format(name, reason))
        self.show()
