"""Highlighting cost as a ratio to showing the bare text in the same widget."""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator.core.model import Direction, Span  # noqa: E402
from annotator.ui.text_view import AnnotationView  # noqa: E402

COLORS = {"PERSON": "#f4a261", "ORG": "#8ecae6"}


def main() -> None:
    app = QApplication([])
    rng = random.Random(3)
    sentence = "قال الرئيس الصيني شي جين بينغ إن الصين وقازاقستان شريكتان استراتيجيتان. "
    paragraph = sentence * 7 + "\n"  # news articles come in paragraphs of a few lines
    text = (paragraph * (200_000 // len(paragraph) + 1))[:200_000]
    starts = sorted(rng.sample(range(0, len(text) - 10), 5000))
    spans = [Span(s, s + 6, rng.choice(list(COLORS)), id=i) for i, s in enumerate(starts)]
    view = AnnotationView()
    view.resize(900, 700)
    view.show()

    began = time.perf_counter()
    view.show_document(text, Direction.RTL, None, [], COLORS)
    app.processEvents()
    base = time.perf_counter() - began

    began = time.perf_counter()
    view.show_document(text, Direction.RTL, None, spans, COLORS)
    app.processEvents()
    full = time.perf_counter() - began

    began = time.perf_counter()
    view.add_span(Span(100, 110, "ORG", id=99_999))
    app.processEvents()
    one = time.perf_counter() - began

    # Overlapping spans are drawn as underlines on every paint: a scroll or a
    # repaint must only measure the ones in sight.
    view.show_document(text, Direction.RTL, None, [], COLORS)
    began = time.perf_counter()
    view.viewport().grab()
    bare_paint = time.perf_counter() - began
    overlapping = spans + [Span(s.start + 2, s.end + 4, "ORG", id=10_000 + s.id) for s in spans[:1000]]
    view.show_document(text, Direction.RTL, None, overlapping, COLORS)
    app.processEvents()
    began = time.perf_counter()
    view.viewport().grab()
    paint = time.perf_counter() - began

    print(f"text of {len(text)} characters, {len(spans)} spans")
    print(f"repaint, no spans         {bare_paint * 1000:.1f} ms")
    print(f"repaint, 1,000 overlaps   {paint * 1000:.1f} ms   ratio {paint / bare_paint:.2f}")
    print(f"baseline (text only)      {base * 1000:.0f} ms")
    print(f"text with all highlights  {full * 1000:.0f} ms   ratio {full / base:.2f}")
    print(f"adding one span           {one * 1000:.1f} ms   ratio {one / base:.3f}")


if __name__ == "__main__":
    main()
