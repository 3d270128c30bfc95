"""Ctrl and Alt shortcuts that also work when the keyboard has an Arabic
layout alone.

Qt matches a shortcut by the character its key gives. With a Latin layout
beside the Arabic one, Qt finds the Latin letter of the key itself; with the
Arabic layout alone, Ctrl and the Z key arrive as Ctrl+ئ, which no shortcut
had, and undo, redo and find did nothing. Each Ctrl or Alt shortcut on a
letter key gets the character of the same key under the standard Arabic
(101) layout of Linux, Windows and macOS as further key sequences.
"""

from __future__ import annotations

from PySide6.QtCore import QKeyCombination, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut

# Latin letter -> (the Arabic layout's character on that key, with Shift).
ARABIC_KEYS = {
    "Q": ("\u0636", "\u064e"), "W": ("\u0635", "\u064b"), "E": ("\u062b", "\u064f"),
    "R": ("\u0642", "\u064c"), "T": ("\u0641", "\ufef9"), "Y": ("\u063a", "\u0625"),
    "U": ("\u0639", "`"), "I": ("\u0647", "\u00f7"), "O": ("\u062e", "\u00d7"),
    "P": ("\u062d", "\u061b"),
    "A": ("\u0634", "\u0650"), "S": ("\u0633", "\u064d"), "D": ("\u064a", "]"),
    "F": ("\u0628", "["), "G": ("\u0644", "\ufef7"), "H": ("\u0627", "\u0623"),
    "J": ("\u062a", "\u0640"), "K": ("\u0646", "\u060c"), "L": ("\u0645", "/"),
    "Z": ("\u0626", "~"), "X": ("\u0621", "\u0652"), "C": ("\u0624", "}"),
    "V": ("\u0631", "{"), "B": ("\ufefb", "\ufef5"), "N": ("\u0649", "\u0622"),
    "M": ("\u0629", "'"),
}
OWN_KEYS = "own_keys"  # an action's property: how many of its shortcuts are its own
_CTRL_OR_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
_SHIFT = Qt.KeyboardModifier.ShiftModifier


def arabic_layout_sequences(sequence: QKeySequence) -> list[QKeySequence]:
    """The sequences the same keys give under the Arabic layout, for a
    one-key sequence with Ctrl or Alt on a Latin letter; else none. With
    Shift, both ways Qt may tell it: the shifted character with Shift taken
    by it or not (Ctrl+~, Ctrl+Shift+~), and the key's own character with
    Shift (Ctrl+Shift+ئ)."""
    if sequence.count() != 1:
        return []
    combination = sequence[0]
    modifiers, key = combination.keyboardModifiers(), combination.key()
    if not modifiers & _CTRL_OR_ALT or not Qt.Key.Key_A.value <= key.value <= Qt.Key.Key_Z.value:
        return []
    plain, shifted = ARABIC_KEYS[chr(key.value)]
    if not modifiers & _SHIFT:
        return [_sequence(modifiers, plain)]
    return [_sequence(modifiers & ~_SHIFT, shifted), _sequence(modifiers, shifted),
            _sequence(modifiers, plain)]


def _sequence(modifiers, character: str) -> QKeySequence:
    return QKeySequence(QKeyCombination(modifiers, Qt.Key(ord(character))))


def with_arabic_layout(sequences: list[QKeySequence]) -> list[QKeySequence]:
    """``sequences``, then their Arabic layout's (the first stays the one
    menus show)."""
    out = list(sequences)
    for sequence in sequences:
        out.extend(s for s in arabic_layout_sequences(sequence) if s not in out)
    return out


def add_arabic_layout_keys(window) -> None:
    """Every action and shortcut of ``window`` answers its keys under an
    Arabic layout too. Called once its menus and shortcuts are made."""
    for action in window.findChildren(QAction):
        keys = action.shortcuts()
        if keys:
            action.setShortcuts(with_arabic_layout(keys))
            action.setProperty(OWN_KEYS, len(keys))  # what help lists: the others follow
    for shortcut in window.findChildren(QShortcut):
        keys = shortcut.keys()
        if keys:
            shortcut.setKeys(with_arabic_layout(keys))


def own_shortcuts(action: QAction) -> list[QKeySequence]:
    """An action's shortcuts without those added for the Arabic layout."""
    keys = action.shortcuts()
    own = action.property(OWN_KEYS)
    return keys[:own] if isinstance(own, int) else keys
