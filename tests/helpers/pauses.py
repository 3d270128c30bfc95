"""How long the event loop went without handling its events while a block
ran: a 1 ms timer ticks throughout, and the longest gap between its ticks
is the longest pause a user would have met (the benchmarks use it too)."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer


class LongestPause:
    """``with LongestPause() as pause: ...``; then ``pause.seconds``."""

    def __enter__(self) -> LongestPause:
        self.ticks = [time.perf_counter()]
        self.timer = QTimer()
        self.timer.setInterval(1)
        self.timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))
        self.timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self.timer.stop()
        self.ticks.append(time.perf_counter())
        self.seconds = max(b - a for a, b in zip(self.ticks, self.ticks[1:]))
