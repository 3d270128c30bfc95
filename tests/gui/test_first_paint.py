"""Work that waits for the window's first paint runs once, after it."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from annotator.ui.first_paint import after_first_paint


def test_the_work_runs_once_after_the_window_has_painted(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    painted, ran = [], []
    window.paintEvent = lambda event: painted.append(len(ran))
    after_first_paint(window, lambda: ran.append(len(painted)), latest_ms=60_000)
    window.show()
    qtbot.waitUntil(lambda: bool(ran))
    assert ran == [1]  # after one paint, not before
    window.update()
    qtbot.waitUntil(lambda: len(painted) > 1)
    assert ran == [1]  # and once


def test_a_window_that_does_not_paint_still_gets_the_work(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    ran = []
    after_first_paint(window, lambda: ran.append(True), latest_ms=10)
    qtbot.waitUntil(lambda: bool(ran))
    assert ran == [True]
    qtbot.wait(50)
    assert ran == [True]
