"""The document list of a 20,000-document project driven by real key presses
and wheel turns: the rows shown are the right ones wherever the list is, and
every step takes about the same time at the bottom as at the top (timings
are printed, not asserted: the machine is shared)."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from annotator.core.text import sha256_of
from annotator.store import Project
from annotator.ui.document_list import PAGE_SIZE
from tests.helpers.gui import open_window

DOCUMENTS = 20_000


@pytest.fixture
def big_db(tmp_path):
    path = tmp_path / "big.db"
    with Project.open(path) as project:
        for first in range(0, DOCUMENTS, 5000):
            rows = []
            for n in range(first, first + 5000):
                text = f"Document {n} about Xi Jinping and Tokayev."
                rows.append({"name": f"doc-{n:05d}", "text": text, "lang": "en",
                             "direction": "ltr", "sha256": sha256_of(text)})
            project.insert_documents(rows)
    return path


@pytest.fixture
def big_window(qtbot, settings, big_db):
    return open_window(qtbot, settings, big_db, active=False)


def shown_names(table) -> list[str]:
    """The names in the rows the viewport shows, top to bottom."""
    viewport = table.viewport()
    top = table.rowAt(0)
    bottom = table.rowAt(viewport.height() - 1)
    bottom = bottom if bottom >= 0 else table.model().rowCount() - 1
    return [table.model().data(table.model().index(r, 0)) for r in range(top, bottom + 1)]


def wheel(table, notches: int) -> None:
    """``notches`` turns of the mouse wheel over the list (negative: down)."""
    viewport = table.viewport()
    point = QPointF(viewport.width() / 2, viewport.height() / 2)
    event = QWheelEvent(point, QPointF(viewport.mapToGlobal(point.toPoint())), QPoint(),
                        QPoint(0, 120 * notches), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, event)


def timed(action) -> float:
    began = time.perf_counter()
    action()
    QApplication.processEvents()
    return (time.perf_counter() - began) * 1000


def test_keys_and_wheel_reach_any_row_with_the_right_names(qtbot, big_window):
    table = big_window.documents.table
    model = big_window.doc_model
    assert model.rowCount() == DOCUMENTS
    table.setFocus()
    timings = {}

    timings["Ctrl+End"] = timed(lambda: qtbot.keyClick(table, Qt.Key.Key_End,
                                                        Qt.KeyboardModifier.ControlModifier))
    assert table.currentIndex().row() == DOCUMENTS - 1
    names = shown_names(table)
    assert names[-1] == f"doc-{DOCUMENTS - 1:05d}"
    assert names == [f"doc-{n:05d}" for n in range(DOCUMENTS - len(names), DOCUMENTS)]
    assert big_window.editor.document.name == f"doc-{DOCUMENTS - 1:05d}"
    # Only the pages in sight were read, not the 100 pages before them.
    assert len(model.pages_read()) <= 3

    timings["PageUp at the bottom"] = timed(lambda: qtbot.keyClick(table, Qt.Key.Key_PageUp))
    row = table.currentIndex().row()
    assert row < DOCUMENTS - 1
    assert model.data(model.index(row, 0)) == f"doc-{row:05d}"
    assert big_window.editor.document.name == f"doc-{row:05d}"

    timings["wheel up at the bottom"] = timed(lambda: wheel(table, 5))
    names = shown_names(table)
    first = int(names[0].split("-")[1])
    assert names == [f"doc-{n:05d}" for n in range(first, first + len(names))]
    assert first < row

    timings["Ctrl+Home"] = timed(lambda: qtbot.keyClick(table, Qt.Key.Key_Home,
                                                         Qt.KeyboardModifier.ControlModifier))
    assert table.currentIndex().row() == 0
    assert shown_names(table)[0] == "doc-00000"

    timings["PageDown at the top"] = timed(lambda: qtbot.keyClick(table, Qt.Key.Key_PageDown))
    row = table.currentIndex().row()
    assert row > 0 and big_window.editor.document.name == f"doc-{row:05d}"

    timings["wheel down at the top"] = timed(lambda: wheel(table, -5))
    names = shown_names(table)
    first = int(names[0].split("-")[1])
    assert first > 0
    assert names == [f"doc-{n:05d}" for n in range(first, first + len(names))]

    middle = big_window.project.document_by_name("doc-12345").id
    timings["jump to doc-12345"] = timed(lambda: big_window.documents.select_document(middle))
    assert table.currentIndex().row() == 12345
    assert "doc-12345" in shown_names(table)
    assert model.pages_read()[-1] == 12345 // PAGE_SIZE

    print("\ndocument list of 20,000: " + ", ".join(f"{k} {v:.1f} ms" for k, v in timings.items()))


def test_a_labelled_document_updates_its_row_far_down_the_list(qtbot, big_window):
    table = big_window.documents.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    doc = big_window.editor.document
    big_window.editor.labelling.add(9, 11, "PERSON")
    model = big_window.doc_model
    row = model.row_of(doc.id)
    assert row == DOCUMENTS - 1
    assert model.data(model.index(row, 3)) == 1
    assert model.data(model.index(row, 2)) == "in progress"
