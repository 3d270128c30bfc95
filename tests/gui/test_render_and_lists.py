"""The render command, and the document list on a large project."""

from __future__ import annotations

import subprocess
import sys

import pytest

from PySide6.QtGui import QColor, QImage

from annotator.core.model import DocumentRecord
from annotator.store import Project
from annotator.ui.colors import label_color
from annotator.ui.document_list import PAGE_SIZE, DocumentListModel
from annotator.ui.text_view import AnnotationView
from tests.fixtures.sample_annotations import ARABIC_DOC, POLISH_DOC


def _render(sample_db, out, *args, env=None):
    return subprocess.run([sys.executable, "-m", "annotator", "render", str(sample_db),
                           "--out", str(out), *args], capture_output=True, text=True, env=env)


def _colored(image: QImage, color: str) -> set[tuple[int, int]]:
    rgb = QColor(color).rgb()
    return {(x, y) for y in range(image.height()) for x in range(image.width())
            if image.pixel(x, y) == rgb}


@pytest.mark.parametrize("name, word, side", [
    (ARABIC_DOC, "شي", "right"),  # the first line reads right to left
    (POLISH_DOC, "Chiński", "left"),
])
def test_render_puts_the_highlight_on_the_word_at_its_reading_start(
        tmp_path, sample_db, name, word, side):
    with Project.open(sample_db) as project:
        doc = project.document_by_name(name)
        assert doc.text.startswith(word)
        project.add_span(doc.id, "alice", 0, len(word), "PERSON")
        project.add_annotator("bob")  # an annotator with no spans: the same page, unmarked
    person = label_color("#f4a261").name()
    images = {}
    for who in ("alice", "bob"):
        out = tmp_path / f"{who}.png"
        result = _render(sample_db, out, "--doc", name, "--annotator", who, "--width", "700")
        assert result.returncode == 0, result.stderr
        images[who] = QImage(str(out))
    marked = _colored(images["alice"], person) - _colored(images["bob"], person)
    assert marked, "the span is not highlighted"
    xs = sorted(x for x, _ in marked)
    ys = sorted(y for _, y in marked)
    width = images["alice"].width()
    # One word on one line: a small box at the side the line starts from.
    assert ys[-1] - ys[0] < 60
    assert xs[-1] - xs[0] < 120
    if side == "right":
        assert xs[0] > width * 0.8
    else:
        assert xs[-1] < width * 0.2


def test_render_needs_no_display_even_when_one_is_named(tmp_path, sample_db):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "DISPLAY": ":874",
           "QT_QPA_PLATFORM": ""}
    out = tmp_path / "page.png"
    result = _render(sample_db, out, "--doc", POLISH_DOC, env=env)
    assert result.returncode == 0, result.stderr
    assert QImage(str(out)).width() > 0


def test_render_of_an_unknown_annotator_is_refused_and_adds_nobody(tmp_path, sample_db):
    before = sample_db.read_bytes()
    result = _render(sample_db, tmp_path / "x.png", "--doc", POLISH_DOC, "--annotator", "zed")
    assert result.returncode == 2
    assert "no annotator named 'zed'" in result.stderr
    assert sample_db.read_bytes() == before


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


def test_document_list_reads_only_the_pages_it_shows():
    project = Project.in_memory()
    project.import_records(DocumentRecord(f"doc-{i}", f"text number {i}") for i in range(1000))
    model = DocumentListModel(project, "alice")
    assert model.rowCount() == 1000
    assert model.pages_read() == []
    last = project.document_ids()[-1]
    assert model.row_of(last) == 999  # found without reading a page
    assert model.data(model.index(999, 0)) == "doc-999"
    assert model.pages_read() == [999 // PAGE_SIZE]
    assert model.data(model.index(0, 0)) == "doc-0"
    assert model.document_id(999) == last
