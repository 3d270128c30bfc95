"""The document list of a 100,000-document project, driven by real key
presses, wheel turns and header clicks: the rows shown are the right ones
at the bottom as at the top, and a sort or a filter of all 100,000 comes
back while the window keeps handling its events (timings are printed, not
asserted: the machine is shared)."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from annotator.core.text import sha256_of
from annotator.store import Project
from tests.gui.test_document_list_at_scale import shown_names, timed, wheel
from tests.helpers.gui import open_window
from tests.helpers.pauses import LongestPause

pytestmark = pytest.mark.slow

DOCUMENTS = 100_000


@pytest.fixture(scope="module")
def big_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("list") / "big.db"
    with Project.open(path) as project:
        for first in range(0, DOCUMENTS, 10_000):
            project.insert_documents([
                {"name": f"doc-{n:06d}", "text": f"Document {n} about Xi Jinping.",
                 "lang": "pl" if n % 3 else "ar", "direction": "ltr",
                 "sha256": sha256_of(f"{n}")} for n in range(first, first + 10_000)])
    return path


def names_in_sight(window) -> list[int]:
    return [int(name.split("-")[1]) for name in shown_names(window.documents.table)]


def click_header(qtbot, window, column: int) -> float:
    """Click a column's header; the milliseconds until the new order is shown,
    and the longest the window went meanwhile without handling its events."""
    header = window.documents.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    with LongestPause() as pause:
        began = time.perf_counter()
        with qtbot.waitSignal(window.doc_model.listChanged, timeout=60_000):
            qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                             pos=QPoint(x, header.height() // 2))
        shown = time.perf_counter()
    return (shown - began) * 1000, pause.seconds * 1000


def test_keys_wheel_sort_and_filter_at_100_000_documents(qtbot, settings, big_db):
    window = open_window(qtbot, settings, big_db, active=False)
    table = window.documents.table
    model = window.doc_model
    assert model.rowCount() == DOCUMENTS
    table.setFocus()
    timings = {}

    timings["Ctrl+End"] = timed(lambda: qtbot.keyClick(table, Qt.Key.Key_End,
                                                        Qt.KeyboardModifier.ControlModifier))
    assert window.editor.document.name == f"doc-{DOCUMENTS - 1:06d}"
    seen = names_in_sight(window)
    assert seen == list(range(DOCUMENTS - len(seen), DOCUMENTS))
    timings["PageUp at the bottom"] = timed(lambda: qtbot.keyClick(table, Qt.Key.Key_PageUp))
    timings["wheel up at the bottom"] = timed(lambda: wheel(table, 5))
    seen = names_in_sight(window)
    assert seen == list(range(seen[0], seen[0] + len(seen))) and seen[0] < DOCUMENTS - 30

    # Name, descending: the last document first, and the open one stays open.
    opened = window.editor.document.id
    timings["sort by name"], _ = click_header(qtbot, window, 0)
    timings["sort by name, descending"], pause = click_header(qtbot, window, 0)
    timings["longest pause while sorting"] = pause
    assert window.editor.document.id == opened
    assert model.data(model.index(0, 0)) == f"doc-{DOCUMENTS - 1:06d}"
    timings["Ctrl+Home"] = timed(lambda: qtbot.keyClick(table, Qt.Key.Key_Home,
                                                         Qt.KeyboardModifier.ControlModifier))
    assert names_in_sight(window)[:3] == [DOCUMENTS - 1, DOCUMENTS - 2, DOCUMENTS - 3]

    # Arabic only (every third document), still by name descending.
    languages = window.documents.language_filter
    qtbot.waitUntil(lambda: languages.count() == 3, timeout=30_000)  # All, ar, pl
    languages.setFocus()
    began = time.perf_counter()
    with qtbot.waitSignal(model.listChanged, timeout=60_000):
        qtbot.keyClick(languages, Qt.Key.Key_Down)
    timings["filter to one language"] = (time.perf_counter() - began) * 1000
    assert model.rowCount() == len(range(0, DOCUMENTS, 3))
    assert model.data(model.index(0, 0)) == f"doc-{DOCUMENTS - 1 - (DOCUMENTS - 1) % 3:06d}"
    table.setFocus()
    timings["Ctrl+End, filtered"] = timed(lambda: qtbot.keyClick(
        table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier))
    assert window.editor.document.name == "doc-000000"
    QApplication.processEvents()
    print(f"\ndocument list of {DOCUMENTS:,}: "
          + ", ".join(f"{k} {v:.1f} ms" for k, v in timings.items()))
