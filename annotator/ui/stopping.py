"""Work in a thread that the user can stop (Cancel, Escape, closing the
dialog): its progress callback raises :class:`StopRequested` once a stop
is asked for, and the work's own all-or-nothing rules (one transaction for
an import, files written whole for an export) undo what was begun."""

from __future__ import annotations

import threading


class StopRequested(Exception):
    """The user stopped the work; nothing of it is kept."""


class StopFlag:
    def __init__(self) -> None:
        self._event = threading.Event()

    def request(self) -> None:
        self._event.set()

    @property
    def requested(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise StopRequested
