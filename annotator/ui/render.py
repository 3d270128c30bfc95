"""Draw a document as the window shows it into a PNG, with no display."""

from __future__ import annotations

import os
from pathlib import Path

from annotator.store import Project, ProjectError
from annotator.store.own_files import overwrite_problem


def render_document(project_path: Path, document_name: str, out: Path,
                    annotator: str | None = None, width: int = 900) -> Path:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QFrame, QLabel, QVBoxLayout, QWidget

    from annotator.ui.fonts import load_bundled_fonts
    from annotator.ui.label_palette import LabelPalette
    from annotator.ui.text_view import AnnotationView

    problem = overwrite_problem(out, project_path)
    if problem is not None:
        raise ProjectError(problem)
    app = QApplication.instance()
    if app is None:
        # A picture needs no screen: never let Qt look for one (and abort).
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QApplication(["annotator-render"])
    load_bundled_fonts()
    with Project.open(project_path, create=False) as project:
        doc = project.document_by_name(document_name)
        if annotator is None:
            annotator = _busiest_annotator(project, doc.id)
        elif annotator not in project.annotators():
            raise ProjectError(f"{project_path}: no annotator named {annotator!r}")
        spans = project.spans(doc.id, annotator) if annotator else []
        labels = project.labels()

    page = QWidget()
    page.setStyleSheet("background: white;")
    layout = QVBoxLayout(page)
    title = QLabel(f"{doc.name}  ·  {doc.lang}  ·  {doc.effective_direction.value}"
                   f"  ·  {annotator or 'no annotator'}  ·  {len(spans)} spans")
    title.setTextFormat(Qt.TextFormat.PlainText)
    layout.addWidget(title)
    view = AnnotationView()
    view.setFrameShape(QFrame.Shape.NoFrame)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.show_document(doc.text, doc.direction, doc.direction_override, spans,
                       {label.key: label.color for label in labels})
    view.setFixedWidth(width)
    view.document().setTextWidth(view.viewport().width())
    view.setFixedHeight(int(view.document().size().height()) + 12)
    layout.addWidget(view)
    legend = LabelPalette()
    legend.set_labels(labels)
    layout.addWidget(legend)
    page.adjustSize()
    page.resize(page.sizeHint())
    out.parent.mkdir(parents=True, exist_ok=True)
    if not page.grab().save(str(out)):
        raise OSError(f"{out}: could not write the image")
    page.deleteLater()
    app.processEvents()
    return out


def _busiest_annotator(project: Project, document_id: int) -> str | None:
    counts: dict[str, int] = {}
    for span in project.spans(document_id):
        counts[span.annotator] = counts.get(span.annotator, 0) + 1
    return max(counts, key=counts.get) if counts else None
