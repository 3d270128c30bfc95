"""A main window driven by real key presses, for the kill tests: run as
``python -m tests.reliability.window_child PROJECT.db SETTINGS.ini SEED``.

Before each key press it prints ``pending`` and the spans the file must hold
once the edit is saved; after the press returns (the commit is in by then) it
prints ``saved`` and the spans the labelling service holds. The parent kills
it at any moment and checks the file against the last two lines."""

from __future__ import annotations

import json
import os
import random
import sys

import regex
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

CTRL = Qt.KeyboardModifier.ControlModifier


def keys(spans) -> list[list]:
    return sorted([s.start, s.end, s.label] for s in spans)


def say(kind: str, state) -> None:
    print(kind, json.dumps(state), flush=True)


def main(path: str, settings_path: str, seed: int) -> int:
    from annotator.ui.main_window import MainWindow
    from pathlib import Path

    app = QApplication.instance() or QApplication([])
    settings = QSettings(settings_path, QSettings.Format.IniFormat)
    # The labels alone are followed: no mentions proposed after each one.
    settings.setValue("suggestions/mentions", "off")
    window = MainWindow(settings, "alice")
    if not window.open_project(Path(path)):
        return 3
    window.show()
    window.activateWindow()
    while not window.isActiveWindow():  # window shortcuts (Ctrl+Z) need an active window
        QTest.qWait(10)
    view, editor = window.view, window.editor
    text = editor.document.text
    labels = [label.key for label in editor.labels][:4]
    words = [(m.start(), m.end()) for m in regex.finditer(r"\w{3,}", text)]
    rng = random.Random(seed)
    # The window's own history: states[index] is what the file holds.
    states, index = [keys(editor.labelling.spans)], 0
    say("ready", states[0])
    for _ in range(100000):
        current = states[index]
        spans = editor.labelling.spans
        choice = rng.random()
        if choice < 0.12 and index > 0:
            expected, action = states[index - 1], "undo"
        elif choice < 0.2 and index + 1 < len(states):
            expected, action = states[index + 1], "redo"
        elif choice < 0.35 and spans:
            span = rng.choice(spans)
            others = [k for k in labels if k != span.label
                      and [span.start, span.end, k] not in current]
            if not others:
                continue
            label = rng.choice(others)
            expected = sorted([k for k in current if k != [span.start, span.end, span.label]]
                              + [[span.start, span.end, label]])
            action = ("relabel", span, labels.index(label))
        elif choice < 0.5 and spans:
            span = rng.choice(spans)
            expected = [k for k in current if k != [span.start, span.end, span.label]]
            action = ("delete", span)
        else:
            start, end = rng.choice(words)
            label = rng.choice(labels)
            if [start, end, label] in current:
                continue
            expected, action = sorted(current + [[start, end, label]]), ("add", start, end, label)
        say("pending", expected)
        if action == "undo":
            QTest.keyClick(view, Qt.Key.Key_Z, CTRL)
            index -= 1
        elif action == "redo":
            QTest.keyClick(view, Qt.Key.Key_Y, CTRL)
            index += 1
        else:
            if action[0] == "add":
                view.set_selection(action[1], action[2])
                QTest.keyClick(view, Qt.Key(Qt.Key.Key_1 + labels.index(action[3])))
            elif action[0] == "relabel":
                view.select_span(action[1])
                QTest.keyClick(view, Qt.Key(Qt.Key.Key_1 + action[2]))
            else:
                view.select_span(action[1])
                QTest.keyClick(view, Qt.Key.Key_Delete)
            del states[index + 1:]
            states.append(expected)
            index += 1
        held = keys(editor.labelling.spans)
        if held != expected:
            say("mismatch", {"expected": expected, "held": held, "action": str(action)})
            return 4
        say("saved", held)
    return 0


if __name__ == "__main__":
    sys.stdout.flush()
    os._exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))  # no teardown of Qt needed
