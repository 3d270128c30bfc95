"""Each paragraph takes its own text's direction; the per-document override still wins."""

from PySide6.QtCore import Qt

from annotator.core.model import Direction, DocumentRecord
from tests.helpers.gui import caret_point, open_document

TEXT = ("Xi Jinping spoke by phone with شي جين بينغ\n"
        "قال الرئيس الصيني شي جين بينغ اليوم\n"
        "Prezydent Kazachstanu قاسم-جومارت توكاييف")


def _block_directions(view):
    block, result = view.document().firstBlock(), []
    while block.isValid():
        result.append(block.blockFormat().layoutDirection())
        block = block.next()
    return result


def test_a_latin_line_ending_with_an_arabic_name_is_left_to_right(window, qtbot):
    window.project.import_records([DocumentRecord("mixed", TEXT)])
    window.doc_model.reload()
    doc = open_document(window, "mixed")
    view = window.view
    ltr, rtl = Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft
    assert _block_directions(view) == [ltr, rtl, ltr]
    # Drawn so: the English line starts at the left edge, the Arabic one at the right.
    assert caret_point(view, 0).x() < view.viewport().width() // 4
    second = TEXT.index("قال")
    assert caret_point(view, second).x() > view.viewport().width() * 3 // 4
    # View ▸ Text Direction ▸ Right to Left still turns every line.
    window.direction_actions[Direction.RTL].trigger()
    assert _block_directions(view) == [rtl, rtl, rtl]
    window.direction_actions[None].trigger()
    assert _block_directions(view) == [ltr, rtl, ltr]
    assert window.project.document(doc.id).direction_override is None
