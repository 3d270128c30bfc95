"""A note on screen while a big project file of an older version is
upgraded as it opens (a few seconds, once): without it the window would
simply not appear for that long."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget


def show_upgrade_notice(parent: QWidget | None, path: Path) -> QProgressDialog:
    """Shown and painted before the caller starts the upgrade; the caller closes it."""
    text = QCoreApplication.translate(
        "UpgradeNotice", "Upgrading %1 to this version of the annotator.\n"
                         "This happens once; a big project takes a few seconds.").replace(
        "%1", path.name)
    notice = QProgressDialog(text, "", 0, 0, parent)  # a busy bar: the steps are not counted
    notice.setWindowTitle(QCoreApplication.translate("UpgradeNotice", "Upgrading the project"))
    notice.setCancelButton(None)  # stopping halfway would leave nothing better
    notice.setWindowModality(Qt.WindowModality.ApplicationModal)
    notice.setMinimumDuration(0)
    notice.show()
    for _ in range(3):  # shown, laid out, painted
        QApplication.processEvents()
    return notice
