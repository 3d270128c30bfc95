"""User text (document names, label names, paths) shown exactly as typed.

Qt guesses rich text in tooltips, message boxes and input-dialog prompts, so
``<b>x</b>`` would render bold and ``R&D`` in a menu would lose its ``&``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

if TYPE_CHECKING:  # the dialogs' types are made when first used, not at start
    from PySide6.QtWidgets import QMessageBox, QWidget


def _escaped(text: str) -> str:
    """What ``html.escape`` gives (html loads its table of every named
    character, which a start does not need)."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#x27;"))


def escaped_rich_text(text: str) -> str:
    """For places that guess the format (tooltips, dialog prompts): escaped and
    marked as rich text, so Qt shows the characters themselves."""
    return "<qt>" + _escaped(text).replace("\n", "<br>") + "</qt>"


def escaped_paragraphs(lines: list[str]) -> str:
    """Like :func:`escaped_rich_text`, with each line a paragraph of its own, so
    an Arabic line runs right to left beside Latin ones."""
    return "<qt>" + "".join(f'<p style="margin:0">{_escaped(line)}</p>' for line in lines) + "</qt>"


def left_to_right(text: str) -> str:
    """``text`` (a path, a command) isolated as left to right: in a right-to-
    left interface ``/tmp/out/ar.conll`` would otherwise show its slashes at
    the wrong ends."""
    return f"\u2066{text}\u2069"


def menu_text(text: str) -> str:
    """For action texts: ``&`` would mark a mnemonic."""
    return text.replace("&", "&&")


def show_message(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> None:
    """A modal message whose text is plain, whatever it contains."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(icon, title, "", QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.exec()
