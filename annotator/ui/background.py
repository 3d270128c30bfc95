"""Work the window hands to Qt's thread pool, its answer carried back to the
window's thread by a queued signal."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QThreadPool


def deliver(signal, *values) -> None:
    """Emit from a worker; the widget waiting may have closed meanwhile
    (another project opened, the window shut), and then nobody listens."""
    try:
        signal.emit(*values)
    except RuntimeError:
        pass


def answer_in_background(signal, request: int, compute: Callable[[], object]) -> None:
    """Run ``compute`` in the thread pool and emit ``(request, its result)``
    on ``signal``, or ``(request, the error's text)``: a failure is said by
    the receiver, never a crash of the worker."""

    def work() -> None:
        try:
            answer = compute()
        except Exception as error:  # noqa: BLE001 (reported by the receiver)
            answer = str(error)
        deliver(signal, request, answer)

    QThreadPool.globalInstance().start(work)
