"""Work that waits for the window's first paint runs once, after it; the
settings file is written after it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QMainWindow

from annotator.ui.first_paint import after_first_paint, write_settings_after_first_paint


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


def test_settings_reach_their_file_after_the_first_paint_and_read_back_before(qtbot, tmp_path):
    window = QMainWindow()
    qtbot.addWidget(window)
    held = QSettings(str(tmp_path / "held.conf"), QSettings.Format.IniFormat)
    free = QSettings(str(tmp_path / "free.conf"), QSettings.Format.IniFormat)
    write_settings_after_first_paint(held, window)
    for settings in (held, free):
        settings.setValue("project/last", "p.db")
    QCoreApplication.processEvents()  # the turn of the loop where Qt writes the file
    assert "p.db" in (tmp_path / "free.conf").read_text()
    assert not (tmp_path / "held.conf").exists()
    assert held.value("project/last") == "p.db"
    window.show()
    qtbot.waitUntil(lambda: (tmp_path / "held.conf").exists())
    assert "p.db" in (tmp_path / "held.conf").read_text()
    held.setValue("project/recent", "q.db")  # later changes are written as before
    QCoreApplication.processEvents()
    assert "q.db" in (tmp_path / "held.conf").read_text()
