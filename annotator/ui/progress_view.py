"""Who is where in a team project, as a picture: a bar per annotator (done,
in progress, to do) and a grid of documents coloured by state. Saved as PNG
from the dialog or by ``annotator progress --png``."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt, QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QPushButton,
    QScrollArea,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from annotator.store import Project
from annotator.store.progress import DOCUMENT_STATES, ProgressReport, project_progress

STATE_COLORS = {"done": QColor("#3a9d5d"), "in_progress": QColor("#e0a526"),
                "todo": QColor("#c9ced6"), "unassigned": QColor("#f1f2f4")}
STATE_NAMES = {"done": QT_TRANSLATE_NOOP("ProgressView", "done"),
               "in_progress": QT_TRANSLATE_NOOP("ProgressView", "in progress"),
               "todo": QT_TRANSLATE_NOOP("ProgressView", "to do"),
               "unassigned": QT_TRANSLATE_NOOP("ProgressView", "not handed out")}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProgressView", text)


def state_name(state: str) -> str:
    return _tr(STATE_NAMES[state])

MARGIN, ROW, NAME_WIDTH, BAR_WIDTH, CELL = 16, 30, 120, 360, 16
TEXT_WIDTH = 470  # the numbers right of each bar


class ProgressView(QWidget):
    """Paints a ProgressReport; holds nothing the file does not."""

    def __init__(self, report: ProgressReport, parent: QWidget | None = None):
        super().__init__(parent)
        self.report = report
        self.setMouseTracking(True)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor("white"))
        self.setPalette(palette)

    def set_report(self, report: ProgressReport) -> None:
        self.report = report
        self.updateGeometry()
        self.adjustSize()
        self.update()

    # -- geometry ----------------------------------------------------------------

    def _columns(self) -> int:
        return max(1, (max(self.width(), self.sizeHint().width()) - 2 * MARGIN) // CELL)

    def _grid_top(self) -> int:
        return MARGIN + 34 + ROW * len(self.report.annotators) + 20 + 22 * self._agreement_lines() + 30

    def _agreement_lines(self) -> int:
        pairs = [p for p in (self.report.agreement or {}).get("pairs", []) if p["documents"]]
        return 1 + len(pairs)

    def sizeHint(self) -> QSize:
        width = 2 * MARGIN + NAME_WIDTH + BAR_WIDTH + 10 + TEXT_WIDTH
        columns = max(1, (width - 2 * MARGIN) // CELL)
        rows = -(-len(self.report.documents) // columns)
        top = (MARGIN + 34 + ROW * len(self.report.annotators) + 20
               + 22 * self._agreement_lines() + 30)
        return QSize(width, top + rows * CELL + 40 + MARGIN)

    def document_at(self, x: int, y: int):
        top, columns = self._grid_top(), self._columns()
        if y < top or x < MARGIN:
            return None
        index = ((y - top) // CELL) * columns + (x - MARGIN) // CELL
        if (x - MARGIN) // CELL >= columns or index >= len(self.report.documents):
            return None
        return self.report.documents[index]

    # -- painting ------------------------------------------------------------------

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        report = self.report
        bold = QFont(self.font())
        bold.setBold(True)
        bold.setPointSizeF(self.font().pointSizeF() * 1.15)
        painter.setFont(bold)
        counts = report.counts()
        painter.drawText(MARGIN, MARGIN + 16, QCoreApplication.translate("ProgressView", "{0} documents: {1}").format(len(report.documents), QCoreApplication.translate("ProgressView", ", ").join(
            f"{counts[s]} {state_name(s)}" for s in reversed(DOCUMENT_STATES))))
        painter.setFont(self.font())
        y = MARGIN + 34
        def held(a) -> int:
            """A person's documents: assigned (and edited besides), or, in a
            file that assigns nothing (a review), those they worked on."""
            if report.assignments:
                return a.assigned + a.unassigned_edits
            return a.todo + a.in_progress + a.done

        most = max(map(held, report.annotators), default=1) or 1
        for person in report.annotators:
            painter.setPen(QColor("black"))
            painter.drawText(QRect(MARGIN, y, NAME_WIDTH - 8, ROW - 6),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             person.name)
            x = MARGIN + NAME_WIDTH
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#f7f7f9"))
            painter.drawRect(x, y + 2, BAR_WIDTH, ROW - 10)
            for state in ("done", "in_progress", "todo"):
                width = round(BAR_WIDTH * getattr(person, state) / most)
                painter.setBrush(STATE_COLORS[state])
                painter.drawRect(x, y + 2, width, ROW - 10)
                x += width
            painter.setPen(QColor("#333"))
            spans = sum(person.spans_by_label.values())
            when = (person.last_collected or "")[:16].replace("T", " ")
            text = QCoreApplication.translate("ProgressView", "{0}/{1} done, {2} in progress, {3} spans, ").format(
                person.done, person.assigned if report.assignments else held(person),
                person.in_progress, spans) + (
                QCoreApplication.translate("ProgressView", "collected {0}").format(when) if when else QCoreApplication.translate("ProgressView", "not collected"))
            if person.unassigned_edits:
                text += QCoreApplication.translate("ProgressView", ", +{0} not assigned").format(person.unassigned_edits)
            painter.drawText(QRect(MARGIN + NAME_WIDTH + BAR_WIDTH + 10, y, TEXT_WIDTH, ROW - 6),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
            y += ROW
        y += 20
        painter.setPen(QColor("black"))
        for line in agreement_lines(report):
            painter.drawText(MARGIN, y, line)
            y += 22
        y += 8
        painter.drawText(MARGIN, y, QCoreApplication.translate("ProgressView", "Documents by state"))
        top, columns = self._grid_top(), self._columns()
        painter.setPen(QPen(QColor("#d5d9df"), 1))
        for index, document in enumerate(report.documents):
            row, column = divmod(index, columns)
            painter.setBrush(STATE_COLORS[document.state])
            painter.drawRect(MARGIN + column * CELL, top + row * CELL, CELL - 3, CELL - 3)
        rows = -(-len(report.documents) // columns)
        x, y = MARGIN, top + rows * CELL + 24
        for state in reversed(DOCUMENT_STATES):
            painter.setPen(QColor("#999"))
            painter.setBrush(STATE_COLORS[state])
            painter.drawRect(x, y - 11, 12, 12)
            painter.setPen(QColor("black"))
            label = f"{state_name(state)} ({counts[state]})"
            painter.drawText(x + 18, y, label)
            x += 40 + painter.fontMetrics().horizontalAdvance(label)
        painter.end()

    def mouseMoveEvent(self, event) -> None:
        point = event.position().toPoint()
        document = self.document_at(point.x(), point.y())
        if document is None:
            QToolTip.hideText()
            return
        holders = QCoreApplication.translate("ProgressView", ", ").join(f"{who}: {state_name(s)}" for who, s in document.holders.items())
        QToolTip.showText(event.globalPosition().toPoint(),
                          f"{document.name}\n{holders or state_name('unassigned')}", self)


def agreement_lines(report: ProgressReport) -> list[str]:
    if report.agreement is None:
        return [QCoreApplication.translate("ProgressView", "Agreement: no document finished by two annotators yet")]
    lines = [QCoreApplication.translate("ProgressView", "Agreement over {0} documents finished by two annotators:").format(report.finished_overlaps)]
    for pair in report.agreement["pairs"]:
        if pair["documents"]:
            f1, kappa = pair["exact_f1"]["micro"], pair["token_kappa"]
            lines.append("    " + QCoreApplication.translate("ProgressView", "{0} / {1}: {2} documents, exact F1 {3}, token kappa {4}").format(
                pair["a"], pair["b"], pair["documents"], "-" if f1 is None else f"{f1:.2f}",
                "-" if kappa is None else f"{kappa:.2f}"))
    return lines


class ProgressDialog(QDialog):
    """Project ▸ Progress: the picture, refreshed from the file, savable as PNG."""

    def __init__(self, project: Project, parent: QWidget | None = None):
        super().__init__(parent)
        self.project = project
        self.setWindowTitle(self.tr("Team Progress"))
        self.view = ProgressView(project_progress(project))
        scroll = QScrollArea()
        scroll.setWidget(self.view)
        scroll.setWidgetResizable(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = QPushButton(self.tr("Save as &PNG…"))
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self._on_save)
        self.refresh_button.clicked.connect(
            lambda: self.view.set_report(project_progress(self.project)))
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        hint = self.view.sizeHint()
        self.resize(min(hint.width() + 40, 1300), min(hint.height() + 80, 800))

    def _on_save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save Progress"), "progress.png",
                                              self.tr("PNG images (*.png)"))
        if path:
            save_png(self.view, Path(path))


def save_png(view: ProgressView, path: Path) -> Path:
    view.resize(view.sizeHint().expandedTo(view.size()))
    if not view.grab().save(str(path), "PNG"):
        raise OSError(f"{path}: cannot be written")
    return path


def render_progress(project_path: Path, out: Path) -> Path:
    """``annotator progress --png``: the picture with no display."""
    app = QApplication.instance()
    if app is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QApplication(["annotator-progress"])
    with Project.open(project_path, create=False) as project:
        view = ProgressView(project_progress(project))
    view.resize(view.sizeHint())
    return save_png(view, out)
