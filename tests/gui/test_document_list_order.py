"""The document list sorted by a click on a column's header and narrowed by
its filters, driven by real clicks and key presses: the rows come in the
order asked for (read by a worker thread), the open document stays open and
selected, and a third click brings the import order back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from annotator.core.text import sha256_of
from annotator.store import Project
from tests.helpers.gui import open_window

# name, language, how many of alice's spans
DOCUMENTS = [("delta", "pl", 2), ("alpha", "ar", 0), ("echo", "ar", 3), ("bravo", "pl", 1),
             ("charlie", "ar", 0)]


@pytest.fixture
def window(qtbot, settings, tmp_path):
    path = tmp_path / "order.db"
    with Project.open(path) as project:
        ids = project.insert_documents([
            {"name": name, "text": f"{name} Ala ma kota i psa", "lang": lang, "direction": "ltr",
             "sha256": sha256_of(name)} for name, lang, _ in DOCUMENTS])
        for doc_id, (_, _, spans) in zip(ids, DOCUMENTS):
            for k in range(spans):
                project.add_span(doc_id, "alice", 7 + 4 * k, 9 + 4 * k, "PERSON")
    return open_window(qtbot, settings, path)


def names(window) -> list[str]:
    model = window.doc_model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def click_header(qtbot, window, column: int) -> None:
    header = window.documents.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    with qtbot.waitSignal(window.doc_model.listChanged, timeout=10_000):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_header_clicks_sort_ascending_descending_then_import_order(qtbot, window):
    assert names(window) == ["delta", "alpha", "echo", "bravo", "charlie"]
    opened = window.editor.document.id
    click_header(qtbot, window, 3)  # Spans
    # Ties (alpha, charlie: no spans) stay in import order.
    assert names(window) == ["alpha", "charlie", "bravo", "delta", "echo"]
    header = window.documents.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (3, Qt.SortOrder.AscendingOrder)
    click_header(qtbot, window, 3)
    assert names(window) == ["echo", "delta", "bravo", "charlie", "alpha"]
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    # The open document is still the open one, and its row is the selected one.
    assert window.editor.document.id == opened
    table = window.documents.table
    assert window.doc_model.document_id(table.currentIndex().row()) == opened
    click_header(qtbot, window, 3)
    assert names(window) == ["delta", "alpha", "echo", "bravo", "charlie"]
    click_header(qtbot, window, 0)  # Name
    assert names(window) == ["alpha", "bravo", "charlie", "delta", "echo"]


def test_language_and_span_filters_from_the_keyboard(qtbot, window):
    documents = window.documents
    qtbot.waitUntil(lambda: documents.language_filter.count() == 3)  # All, ar, pl
    documents.language_filter.setFocus()
    with qtbot.waitSignal(window.doc_model.listChanged, timeout=10_000):
        qtbot.keyClick(documents.language_filter, Qt.Key.Key_Down)  # ar
    assert names(window) == ["alpha", "echo", "charlie"]
    documents.span_filter.setFocus()
    with qtbot.waitSignal(window.doc_model.listChanged, timeout=10_000):
        qtbot.keyClick(documents.span_filter, Qt.Key.Key_Down)  # with spans
    assert names(window) == ["echo"]
    with qtbot.waitSignal(window.doc_model.listChanged, timeout=10_000):
        qtbot.keyClick(documents.span_filter, Qt.Key.Key_Down)  # without spans
    assert names(window) == ["alpha", "charlie"]
    # The filters and a sort together.
    click_header(qtbot, window, 0)
    click_header(qtbot, window, 0)
    assert names(window) == ["charlie", "alpha"]
    # Clicking a row opens its document.
    table = documents.table
    rect = table.visualRect(window.doc_model.index(1, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.editor.document.name == "alpha"


def test_a_labelled_document_shows_its_new_count_in_a_sorted_list(qtbot, window):
    click_header(qtbot, window, 3)
    alpha = window.project.document_by_name("alpha")
    window.documents.select_document(alpha.id)
    assert window.editor.document.id == alpha.id
    window.editor.labelling.add(0, 5, "PERSON")
    row = window.doc_model.row_of(alpha.id)
    assert window.doc_model.data(window.doc_model.index(row, 3)) == 1


def choose_from_menus(qtbot, window, *keys) -> None:
    """Alt+V, then each mnemonic key in the menu that opens."""
    qtbot.keyClick(window, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    menu = None
    for key in keys:
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() not in (None, menu))
        menu = QApplication.activePopupWidget()
        qtbot.keyClick(menu, key)


def test_the_view_menu_sorts_from_the_keyboard_and_follows_the_header(qtbot, window):
    with qtbot.waitSignal(window.doc_model.listChanged, timeout=10_000):
        choose_from_menus(qtbot, window, Qt.Key.Key_S, Qt.Key.Key_C)  # Sort ▸ Span Count
    assert names(window) == ["alpha", "charlie", "bravo", "delta", "echo"]
    documents = window.documents
    with qtbot.waitSignal(window.doc_model.listChanged, timeout=10_000):
        documents._descending.trigger()  # View ▸ Sort Documents By ▸ Descending
    assert names(window) == ["echo", "delta", "bravo", "charlie", "alpha"]
    header = window.documents.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (3, Qt.SortOrder.DescendingOrder)
    # A header click moves the menu's checks with it.
    click_header(qtbot, window, 0)
    checked = [a.text() for a in documents._sort_actions.values() if a.isChecked()]
    assert checked == [QApplication.translate("DocumentList", "&Name")]
    assert not documents._descending.isChecked()
    with qtbot.waitSignal(window.doc_model.listChanged, timeout=10_000):
        documents._sort_actions[None].trigger()  # Import Order
    assert names(window) == ["delta", "alpha", "echo", "bravo", "charlie"]
    assert header.sortIndicatorSection() == -1
    with qtbot.waitSignal(window.doc_model.listChanged, timeout=10_000):
        documents._descending.trigger()  # the newest documents first
    assert names(window) == ["charlie", "bravo", "echo", "alpha", "delta"]
    assert documents._descending.isChecked() and documents._sort_actions[None].isChecked()
