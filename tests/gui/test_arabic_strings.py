"""The Arabic window says in Arabic what the store and the suggesters keep in
English: the undo step in the Edit menu, why a mention was proposed, and the
review window's lines."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QPushButton

from annotator.ui.language import install_language
from annotator.ui.span_list import reason_text
from annotator.ui.undo_commands import step_text
from tests.helpers.gui import caret_point, drag, open_document

POLISH = "pl-2021-06-02-xi-tokayev-phone-call"
NAME = "Kassymem-Jomartem Tokajewem"


@pytest.fixture
def settings(tmp_path):
    """Other mentions proposed in the document, as on a first start."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def arabic(qapp):
    assert install_language(qapp, "ar") == "ar"
    yield qapp
    install_language(qapp, "en")


def test_a_label_names_its_undo_step_and_its_mentions_sources_in_arabic(qtbot, arabic, window):
    doc = open_document(window, POLISH)
    view = window.view
    start = doc.text.index(NAME)
    drag(view, caret_point(view, start, nudge=+2), caret_point(view, start + len(NAME), nudge=-2))
    qtbot.keyClick(view, Qt.Key.Key_1)  # PERSON, and its other mentions proposed
    assert window.undo_action.text() == "&تراجع عن إضافة PERSON"
    model = window.span_list.span_model
    sources = [model.index(row, 2).data() for row in range(model.rowCount())]
    # The label has no source; its two short forms say whose they are.
    short_form = f"\u202bصيغة مختصرة لـ«\u2068{NAME}\u2069»\u202c (80%)"
    assert sources == ["", short_form, short_form]
    # Undone, the menu offers to redo it, in Arabic too.
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.redo_action.text() == "إ&عادة إضافة PERSON"
    assert window.undo_action.text() == "&تراجع"


def test_store_names_and_reasons_are_translated_and_unknown_ones_kept(arabic):
    assert step_text("Suggest 3 spans") == "اقتراح 3 من المقاطع"
    assert step_text("Suggest 1 span") == "اقتراح مقطع واحد"
    assert step_text("Relabel PERSON as LOC") == "إعادة وسم PERSON بـ LOC"
    assert step_text("Undo Accept «Xi» (2 mentions)") == "التراجع عن قبول «Xi» (2 من الذكر)"
    assert step_text("Mark done") == "وضع علامة منجز"
    assert step_text("Something new") == "Something new"
    assert reason_text("short form of «Tokajew»") == "صيغة مختصرة لـ«\u2068Tokajew\u2069»"
    assert reason_text("date rule") == "قاعدة التواريخ"
    assert reason_text("learned from the model") == "learned from the model"


def test_the_review_window_reads_in_arabic(qtbot, arabic, window, review_project):
    from annotator.ui.review_window import ReviewWindow

    project, _, _ = review_project
    review = ReviewWindow(project, window)
    qtbot.addWidget(review)
    assert review.windowTitle().startswith("المراجعة — ")
    assert "المفاتيح… (F1)" in [button.text() for button in review.findChildren(QPushButton)]
    # The lists elide their lines; the tooltip holds each one whole.
    assert review.candidates.item(0).toolTip().startswith("الاختلاف 1 من ")
    assert review.legend.text().startswith("الخطوط: ")
    assert "للحسم" in review.documents.item(0).toolTip()
