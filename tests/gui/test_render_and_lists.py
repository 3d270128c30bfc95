"""The render command, and the document list on a large project."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtGui import QColor, QImage

from annotator.core.model import DocumentRecord
from annotator.store import Project
from annotator.ui.document_list import PAGE_SIZE, DocumentListModel
from annotator.ui.text_view import AnnotationView
from tests.fixtures.sample_annotations import ARABIC_DOC, POLISH_DOC, annotated_records


def test_render_draws_the_document_with_highlights(tmp_path, sample_db, seeds_dir):
    with Project.open(sample_db) as project:
        project.import_records(annotated_records(seeds_dir))
    for name in (ARABIC_DOC, POLISH_DOC):
        out = tmp_path / f"{name}.png"
        result = subprocess.run([sys.executable, "-m", "annotator", "render", str(sample_db),
                                 "--doc", name, "--out", str(out), "--width", "700"],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        image = QImage(str(out))
        assert image.width() > 700 and image.height() > 400
        person = QColor("#f4a261").rgb()
        assert any(image.pixel(x, y) == person
                   for x in range(0, image.width(), 3) for y in range(0, image.height(), 3))


def test_render_of_an_unknown_document_is_one_line_with_status_2(tmp_path, sample_db):
    result = subprocess.run([sys.executable, "-m", "annotator", "render", str(sample_db),
                             "--doc", "nope", "--out", str(tmp_path / "x.png")],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.strip() == "no document named 'nope'"


def test_highlight_pixels_sit_on_the_span_rectangles(qtbot, seeds_dir):
    text = (seeds_dir / f"{ARABIC_DOC}.txt").read_text(encoding="utf-8")
    view = AnnotationView()
    qtbot.addWidget(view)
    view.resize(700, 900)
    view.show()
    qtbot.waitUntil(view.isVisible)
    from annotator.core.model import Direction, Span

    start = text.index("شي جين بينغ")
    span = Span(start, start + len("شي جين بينغ"), "PERSON", id=1)
    view.show_document(text, Direction.RTL, None, [span], {"PERSON": "#f4a261"})
    [rect] = view.span_rects(span)
    image = view.viewport().grab().toImage()
    person = QColor("#f4a261").rgb()
    inside = [image.pixel(x, rect.top() + 2) for x in range(rect.left() + 1, rect.right() - 1)]
    assert sum(p == person for p in inside) > 0.6 * len(inside)
    for x in (rect.left() - 6, rect.right() + 6):
        assert image.pixel(x, rect.top() + 2) != person


def test_document_list_fetches_pages_as_it_scrolls():
    project = Project.in_memory()
    project.import_records(DocumentRecord(f"doc-{i}", f"text number {i}") for i in range(1000))
    model = DocumentListModel(project, "alice")
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 2 * PAGE_SIZE
    assert model.row_of(project.document_ids()[-1]) == 999
    assert not model.canFetchMore()
