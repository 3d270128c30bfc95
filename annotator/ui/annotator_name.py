"""Asking for the annotator's name: on first start, and from Project ▸
Annotator Name… whenever the user wants another one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from annotator.core.model import GOLD_ANNOTATOR

WHERE_TO_CHANGE = "Project ▸ Annotator Name…"
# The first start's title (app.py passes it; ask_name translates its title).
WELCOME = QT_TRANSLATE_NOOP("AnnotatorName", "Welcome")


def cancelled_note(name: str) -> str:
    """The status bar's note when the first start's question was cancelled."""
    return QCoreApplication.translate(
        "AnnotatorName", "Annotating as {0}; change the name in Project ▸ Annotator Name…").format(name)


def usable_name(name: str) -> str | None:
    """The name stripped, or ``None`` when it cannot name a layer."""
    name = name.strip()
    return name if name and name.lower() != GOLD_ANNOTATOR else None


def ask_name(parent: QWidget | None, title: str, current: str) -> str | None:
    """The name typed (asked again while it is empty or the reserved
    ``gold``), or ``None`` when the dialog is cancelled."""
    from PySide6.QtWidgets import QInputDialog  # its type is made when first used

    label = QCoreApplication.translate("AnnotatorName", "Your name as annotator:")
    why = ""  # why the last name was not taken, said above the question
    while True:
        name, ok = QInputDialog.getText(parent, QCoreApplication.translate("AnnotatorName", title),
                                        f"{why}\n\n{label}" if why else label, text=current)
        if not ok:
            return None
        if usable_name(name):
            return usable_name(name)
        why = (QCoreApplication.translate("AnnotatorName", "“{0}” names the reviewer's "
                                          "gold layer; choose another name.").format(name.strip())
               if name.strip() else
               QCoreApplication.translate("AnnotatorName", "A name cannot be empty."))
        current = name
