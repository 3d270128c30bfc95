"""The windows close as Ctrl+Q closes them when the system asks the process
to end: SIGTERM (log-out, shutdown, ``kill``) and SIGHUP (the terminal it was
started from closed). Every edit is in the file already; what closing adds is
the window's size, place and panels, which ``closeEvent`` saves.

Qt's event loop runs in C++: a Python signal handler would wait for the next
Python code to run. Python writes each signal's number to a socket instead
(``signal.set_wakeup_fd``), and a notifier on its other end wakes the loop."""

from __future__ import annotations

import os
import signal
import socket

from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QApplication

SIGNALS = ("SIGTERM", "SIGHUP")


def close_windows_on_termination(app: QApplication) -> None:
    """From now on, SIGTERM or SIGHUP closes every window, then the application."""
    if os.name != "posix":
        return  # Windows ends a process with no signal to answer
    reader, writer = socket.socketpair()
    for end in (reader, writer):
        end.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    for name in SIGNALS:
        signal.signal(getattr(signal, name), _noted)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def close_all() -> None:
        try:
            reader.recv(64)  # the signals' numbers, read so the notifier rests
        except OSError:
            pass
        QApplication.closeAllWindows()
        app.quit()

    notifier.activated.connect(close_all)
    app._termination = (reader, writer, notifier)  # alive as long as the application


def _noted(signum, frame) -> None:
    """Nothing here: the wakeup socket has the signal, the event loop acts on it."""
