"""File ▸ Export: training data from one annotator's spans (or the gold ones).

The export runs in a thread with its own connection to the project file (an
SQLite connection belongs to the thread that opened it), reports progress
through a signal and shows the report's summary when done. Every text here
that comes from users (names, paths, messages) is shown as plain text.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QThread, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from annotator.core.model import GOLD_ANNOTATOR
from annotator.formats import catalog
from annotator.formats.declaration import Format
from annotator.formats.export import export_project
from annotator.formats.report import DIALOG_CHOICES
from annotator.formats.writing import ExportError, sidecar
from annotator.store import Project, ProjectError
from annotator.ui.format_options import FormatOptions, format_title
from annotator.ui.plain_text import left_to_right
from annotator.ui.stopping import StopFlag, StopRequested


class ExportThread(QThread):
    progressed = Signal(int, int)
    finished_with = Signal(object)  # the ExportReport
    failed = Signal(str)

    def __init__(self, project_path: Path, fmt: str, out: Path, options: dict, parent=None):
        super().__init__(parent)
        self.project_path, self.fmt, self.out, self.options = project_path, fmt, out, options
        self._percent = -1
        self.stop = StopFlag()

    def _progress(self, done: int, total: int) -> None:
        self.stop.check()  # stopped: the files are never written (they appear whole or not at all)
        # One signal per percent, not per document: 100,000 documents stay cheap.
        percent = done * 100 // max(total, 1)
        if percent != self._percent or done == total:
            self._percent = percent
            self.progressed.emit(done, total)

    def run(self) -> None:
        try:
            with Project.open(self.project_path, create=False) as project:
                report = export_project(project, self.fmt, self.out, progress=self._progress,
                                        **self.options)
        except StopRequested:
            self.failed.emit("")
            return
        except (ExportError, ProjectError, OSError) as error:
            self.failed.emit(str(error))
            return
        self.finished_with.emit(report)


class ExportDialog(QDialog):
    def __init__(self, project_path: Path, annotators: list[str], parent=None, settings=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export training data"))
        self.project_path = Path(project_path)
        # The format, "done only" and the folder of the last export, when given
        # the window's settings: the next export starts from them.
        self.settings = settings
        self._worker: ExportThread | None = None
        self.report = None

        self.format = QComboBox()
        for fmt in catalog.writers():
            self.format.addItem(self.tr("{0}, a folder").format(format_title(fmt)) if fmt.folder
                                else format_title(fmt), fmt.name)
        self.format.setCurrentIndex(max(self.format.findData(catalog.DEFAULT_EXPORT), 0))
        self.who = QComboBox()
        for name in annotators:
            if name != GOLD_ANNOTATOR:
                self.who.addItem(name, name)
        # Gold only once a review has written it: an empty gold layer offered
        # in every project exported nothing, and said little more.
        if GOLD_ANNOTATOR in annotators:
            self.who.addItem(self.tr("Gold (adjudicated)"), GOLD_ANNOTATOR)
        if not self.who.count():
            self.who.addItem(self.tr("Nobody yet (the texts, no spans)"), None)
        self.options = FormatOptions(catalog.write_options(), lambda fmt: fmt.write_options)
        self.done_only = QCheckBox(self.tr("Only documents marked &done"))
        self.path = QLineEdit()
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._on_browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)

        form = QFormLayout()
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow(self.tr("&Spans of:"), self.who)
        self.options.add_rows(form)
        form.addRow("", self.done_only)
        output_label = QLabel(self.tr("&Output:"))
        output_label.setBuddy(self.path)  # a row of two widgets gets no buddy by itself
        form.addRow(output_label, path_row)

        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.summary = QPlainTextEdit()
        self.summary.setReadOnly(True)
        self.summary.setPlaceholderText(self.tr("The report appears here: every span adjusted or left out."))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(self.tr("&Export"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.buttons)
        # Once the button is in the dialog: a button made default before that
        # is not the dialog's, and Return pressed the first other button (Browse).
        self.export_button.setDefault(True)

        self._default_path = ""
        self._recall()
        self.format.currentIndexChanged.connect(self._on_choice)
        self.who.currentIndexChanged.connect(self._on_choice)
        self._on_choice()
        self.resize(560, 460)

    # -- choices ---------------------------------------------------------------

    def fmt(self) -> str:
        return self.format.currentData()

    def chosen_format(self) -> Format:
        return catalog.get(self.fmt())

    def option(self, name: str):
        """The widget of the write option ``name`` (``scheme``, ``clitics``...)."""
        return self.options.widgets[name]

    def _suggested_path(self) -> str:
        ending = self.chosen_format().output_ending
        who = self.who.currentData() or "export"
        folder = self._remembered("export/folder")
        folder = Path(folder) if folder and Path(folder).is_dir() else self.project_path.parent
        return str(folder / f"{self.project_path.stem}-{who}{ending}")

    def _remembered(self, key: str):
        return self.settings.value(key) if self.settings is not None else None

    def _recall(self) -> None:
        at = self.format.findData(self._remembered("export/format"))
        if at >= 0:
            self.format.setCurrentIndex(at)
        self.done_only.setChecked(self._remembered("export/done_only") in (True, "true"))

    def _remember(self, out: Path) -> None:
        if self.settings is None:
            return
        self.settings.setValue("export/format", self.fmt())
        self.settings.setValue("export/done_only", self.done_only.isChecked())
        self.settings.setValue("export/folder", str(out.parent.resolve()))

    def _on_choice(self) -> None:
        self.options.follow(self.chosen_format())
        # Follow the choices until the user types or picks a path of their own.
        if self.path.text() in ("", self._default_path):
            self._default_path = self._suggested_path()
            self.path.setText(self._default_path)

    def _on_browse(self) -> None:
        current = self.path.text() or str(self.project_path.parent)
        if self.chosen_format().folder:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Export into folder"), current)
        else:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export to file"), current)
        if chosen:
            self.path.setText(chosen)

    # -- running ---------------------------------------------------------------

    def is_busy(self) -> bool:
        return self._worker is not None

    def start(self) -> None:
        out = self.path.text().strip()
        if not out:
            self.message.setText(self.tr("Choose where to write the export."))
            return
        who = self.who.currentData()
        options = {
            "annotator": None if who == GOLD_ANNOTATOR else who,
            "gold": who == GOLD_ANNOTATOR,
            "done_only": self.done_only.isChecked(),
            **self.options.values(),
        }
        self.report = None
        self.summary.clear()
        self.message.setText(self.tr("Exporting…"))
        self.progress.setRange(0, 0)  # busy until the first document
        self._set_running(True)
        self._worker = ExportThread(self.project_path, self.fmt(), Path(out), options, self)
        self._worker.progressed.connect(self._on_progress)
        self._worker.finished_with.connect(self._on_done)
        self._worker.failed.connect(self._on_failed)
        self._worker.finished.connect(self._on_thread_end)
        self._worker.start()

    def _set_running(self, running: bool) -> None:
        for widget in (self.format, self.who, self.done_only, self.path, self.export_button):
            widget.setEnabled(not running)
        self.options.set_enabled(not running)
        if not running:
            self._on_choice()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_done(self, report) -> None:
        self.report = report
        self._remember(Path(report.output))
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.message.setText(self.tr("Written: {0}").format(
            ", ".join(map(left_to_right, report.files or [report.output]))))
        warnings = [f"warning: {w}" for w in report.warnings]
        self.summary.setPlainText("\n".join(warnings + report.summary_lines(DIALOG_CHOICES)
                                            + [f"  report: {sidecar(Path(report.output), 'report.json')}"]))

    def _on_failed(self, message: str) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.message.setText(self.tr("Not exported: {0}").format(left_to_right(message)) if message
                             else self.tr("Cancelled: nothing was written."))

    def _on_thread_end(self) -> None:
        self._worker = None
        self._set_running(False)

    def reject(self) -> None:
        """Close (or Escape) during an export stops it: at its next document
        it leaves off, and nothing is written."""
        if self._worker is not None:
            self._worker.stop.request()
            self._worker.wait()
        super().reject()
