"""Pictures of agreement for one pair of annotators: per-label F1 bars and a
heatmap of labels (same span, which label each gave)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from annotator.core.agreement import AgreementReport, PairAgreement

ROW = 22
NAME_WIDTH = 110
CELL = 36


class F1Bars(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.values: dict[str, float | None] = {}
        self.colors: dict[str, str] = {}

    def set_values(self, values: dict[str, float | None], colors: dict[str, str]) -> None:
        self.values, self.colors = values, colors
        self.setMinimumHeight(ROW * (len(values) + 1))
        self.update()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        width = max(10, self.width() - NAME_WIDTH - 50)
        for row, (label, value) in enumerate(self.values.items()):
            y = row * ROW + 4
            painter.setPen(QColor("#202020"))
            painter.drawText(QRectF(0, y, NAME_WIDTH - 6, ROW - 4),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            if value is not None:
                painter.fillRect(QRectF(NAME_WIDTH, y + 2, width * value, ROW - 8),
                                 QColor(self.colors.get(label, "#999999")))
            painter.drawText(QRectF(NAME_WIDTH + width + 4, y, 46, ROW - 4),
                             Qt.AlignmentFlag.AlignVCenter, "—" if value is None else f"{value:.2f}")
        painter.end()


class ConfusionHeatmap(QWidget):
    """Rows: the first annotator's label; columns: the second's. The diagonal
    counts exact agreements, the rest same-span label disagreements."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.labels: list[str] = []
        self.counts: dict[tuple[str, str], int] = {}

    def set_counts(self, labels: list[str], counts: dict[tuple[str, str], int]) -> None:
        self.labels, self.counts = labels, counts
        self.setMinimumHeight(ROW + CELL * len(labels) + 4)
        self.update()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        n = len(self.labels)
        if not n:
            painter.end()
            return
        cell = float(CELL)
        top = ROW
        most = max(self.counts.values(), default=0) or 1
        for j, label in enumerate(self.labels):
            painter.drawText(QRectF(NAME_WIDTH + j * cell, 0, cell, ROW),
                             Qt.AlignmentFlag.AlignCenter, label[:4])
        for i, row_label in enumerate(self.labels):
            painter.setPen(QColor("#202020"))
            painter.drawText(QRectF(0, top + i * cell, NAME_WIDTH - 6, cell),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, row_label)
            for j, column_label in enumerate(self.labels):
                count = self.counts.get((row_label, column_label), 0)
                shade = int(255 - 200 * count / most)
                colour = QColor(shade, shade, 255) if i == j else QColor(255, shade, shade)
                rect = QRectF(NAME_WIDTH + j * cell, top + i * cell, cell - 1, cell - 1)
                painter.fillRect(rect, colour)
                if count:
                    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(count))
        painter.end()


class AgreementCharts(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.pair_choice = QComboBox()
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.bars = F1Bars()
        self.heatmap = ConfusionHeatmap()
        layout = QVBoxLayout(self)
        layout.addWidget(self.pair_choice)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("Exact-span F1 by label")))
        layout.addWidget(self.bars)
        layout.addWidget(QLabel(self.tr("Labels on the same span (rows: first annotator)")))
        layout.addWidget(self.heatmap)
        layout.addStretch(1)
        self._report: AgreementReport | None = None
        self._colors: dict[str, str] = {}
        self.pair_choice.currentIndexChanged.connect(self._on_pair_choice_changed)

    def set_waiting(self) -> None:
        """Until a worker's report comes: the last figures stay, said to be old."""
        self.summary.setText(self.tr("Measuring agreement…"))

    def set_failed(self, reason: str) -> None:
        self.summary.setText(self.tr("Agreement could not be measured: {0}").format(reason))

    def set_report(self, report: AgreementReport, colors: dict[str, str]) -> None:
        self._report, self._colors = report, colors
        self.pair_choice.blockSignals(True)
        self.pair_choice.clear()
        for pair in report.pairs:
            self.pair_choice.addItem(f"{pair.a} ↔ {pair.b}")
        self.pair_choice.blockSignals(False)
        self._on_pair_choice_changed(0)

    def _on_pair_choice_changed(self, index: int) -> None:
        if self._report is None or not 0 <= index < len(self._report.pairs):
            self.summary.setText(self.tr("Agreement needs two annotators with a document in common."))
            return
        self.show_pair(self._report.pairs[index])

    def show_pair(self, pair: PairAgreement) -> None:
        data = pair.to_json()
        kappa = data["token_kappa"]
        alpha = self._report.alpha.alpha if self._report else None
        self.summary.setText(
            self.tr("{0} documents · exact F1 {1} · overlap F1 {2} · token kappa {3}").format(
                data["documents"], _number(data["exact_f1"]["micro"]), _number(data["overlap_f1"]["micro"]),
                _number(kappa))
            + (self.tr(" · alpha (all annotators) {0}").format(_number(alpha))
               if len(self._report.annotators) > 2 else ""))
        self.bars.set_values(dict(data["exact_f1"]["by_label"]), self._colors)
        labels = sorted(set(data["exact_f1"]["by_label"]) | set(self._colors))
        # The diagonal of the confusion counts holds the exact agreements.
        self.heatmap.set_counts(labels, {k: v for k, v in pair.spans.confusion.items() if v})


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"
