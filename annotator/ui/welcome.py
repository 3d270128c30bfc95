"""The welcome strip above the text on first start: the three things to know.
A strip in the window, not a dialog: nothing waits for it, so the window
opens (and paints) as always. "Don't show again" is kept in the settings;
Help ▸ Welcome shows it again."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout

DISMISSED = "welcome/dismissed"


def welcome_dismissed(settings: QSettings) -> bool:
    return settings.value(DISMISSED, False) in (True, "true")


class WelcomePanel(QFrame):
    def __init__(self, settings: QSettings, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("welcome")
        self.setStyleSheet("QFrame#welcome { background: #e8f1fb; border-bottom: 1px solid #9bbbe0; }"
                           " QLabel { color: #15324f; }")
        title = QLabel(self.tr("Welcome. Three things are enough to start:"))
        title.setStyleSheet("font-weight: bold;")
        steps = [self.tr("1. Select text with the mouse: drag, or double-click a word."),
                 self.tr("2. Press a label's number (1, 2, 3 …) to label the selection."),
                 self.tr("3. Everything saves itself: there is no Save button.")]
        text = QVBoxLayout()
        for line in [title, *map(QLabel, steps)]:
            line.setTextFormat(Qt.TextFormat.PlainText)
            line.setWordWrap(True)
            text.addWidget(line)
        self.close_button = QPushButton(self.tr("&Close"))
        self.close_button.setToolTip(self.tr("Hide until the next start"))
        # Alt+A: Alt+D is the Document menu's.
        self.never_button = QPushButton(self.tr("Don't Show &Again"))
        self.never_button.setToolTip(self.tr("Help ▸ Welcome shows it again"))
        buttons = QVBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.never_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addLayout(text, 1)
        layout.addLayout(buttons)
        # As tall as its lines, no taller: the text view below takes the rest.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.close_button.clicked.connect(self.hide)
        self.never_button.clicked.connect(self.dismiss)
        if welcome_dismissed(settings):
            self.hide()  # (never setVisible(True) here: without a parent yet, it would be a window)

    def dismiss(self) -> None:
        """Hide for good (until Help ▸ Welcome)."""
        self.settings.setValue(DISMISSED, True)
        self.hide()

    def show_again(self) -> None:
        self.settings.setValue(DISMISSED, False)
        self.show()
