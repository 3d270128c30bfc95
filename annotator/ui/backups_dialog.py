"""File ▸ Backups…: the automatic backups of the open project, newest first;
one can be put back (the file as it is is backed up first)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from annotator.store.backups import Backup


class BackupsDialog(QDialog):
    def __init__(self, name: str, backups: list[Backup], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Backups of {0}").format(name))
        self.chosen: int | None = None
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("A copy is made each time the project is opened; the last few are kept. "
                      "Restoring one backs up the project as it is now first."))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.list = QListWidget()
        for backup in backups:
            item = QListWidgetItem(backup.describe())
            item.setData(256, backup.number)
            self.list.addItem(item)
        if backups:
            self.list.setCurrentRow(0)
        else:
            self.list.addItem(self.tr("No backups yet."))
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = buttons.addButton(self.tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(bool(backups))
        buttons.accepted.connect(self._on_restore)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _on_restore(self) -> None:
        item = self.list.currentItem()
        if item is not None and item.data(256) is not None:
            self.chosen = int(item.data(256))
            self.accept()
