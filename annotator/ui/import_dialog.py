"""File ▸ Import: files or a folder, their format, and whose spans they are.

It calls the same import service as ``annotator import``: records are stored
as they are read, in one transaction, and on any problem nothing is kept and
the problems are listed one per line, as the command line prints them. A
long import says how far it has come. Text from users (paths, names,
messages) is shown as plain text.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QThread, Signal
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
    QPushButton,
    QVBoxLayout,
)

from annotator.formats import catalog
from annotator.formats.importing import import_paths, note_lines, reading_choices, summary_line
from annotator.formats.problems import InputError
from annotator.store import Project, ProjectError
from annotator.ui.format_options import FormatOptions, format_title
from annotator.ui.stopping import StopFlag, StopRequested

PATH_SEPARATOR = " ; "


def format_choices() -> list[tuple[str, str]]:
    """Format key and what the user sees: by extension, then each reader."""
    return [(catalog.AUTO, QCoreApplication.translate("ImportDialog", "By file extension"))] + [(f.name, format_title(f)) for f in catalog.readers()]


def file_filter() -> str:
    """Every extension a reader takes, then all files (a CoNLL file may be named .txt)."""
    extensions = sorted(set(catalog.read_extensions()) | {".txt"})
    return QCoreApplication.translate("ImportDialog", "Documents ({0});;All files (*)").format(
        " ".join("*" + e for e in extensions))


class ImportThread(QThread):
    """The import on a connection of its own, so that the window keeps
    painting and Cancel is heard; stopped, its one transaction rolls back."""

    progressed = Signal(int)
    finished_with = Signal(object, list)  # the ImportSummary, the readers' notes
    failed = Signal(list)  # problem lines; none when stopped

    def __init__(self, project_path: Path, paths: list[Path], fmt: str, annotator: str | None,
                 options: dict, strict_labels: bool, parent=None):
        super().__init__(parent)
        self.project_path, self.paths, self.fmt = project_path, paths, fmt
        self.annotator, self.options, self.strict_labels = annotator, options, strict_labels
        self.stop = StopFlag()

    def _progress(self, done: int) -> None:
        self.stop.check()
        self.progressed.emit(done)

    def run(self) -> None:
        notes: list = []
        try:
            with Project.open(self.project_path, create=False) as project:
                summary = import_paths(project, self.paths, self.fmt, self.annotator,
                                       self.options, notes, self.strict_labels, self._progress)
        except StopRequested:
            self.failed.emit([])
            return
        except InputError as error:
            self.failed.emit(error.lines() + note_lines(reading_choices(notes)))
            return
        except (ProjectError, OSError) as error:
            self.failed.emit([str(error)])
            return
        except Exception as error:  # never an import that ends without a word (it rolled back)
            self.failed.emit([f"{self.project_path}: not imported ({error})"])
            return
        self.finished_with.emit(summary, notes)


class ImportDialog(QDialog):
    def __init__(self, project: Project, annotator: str, parent=None):
        super().__init__(parent)
        self.project = project
        self.summary = None  # the ImportSummary once imported
        self._worker: ImportThread | None = None
        self._closing = False  # Cancel pressed during the import: close when it has stopped
        self.setWindowTitle(self.tr("Import documents"))

        self.paths = QLineEdit()
        self.paths.setPlaceholderText(self.tr("files or a folder"))
        files = QPushButton(self.tr("&Files…"))
        files.clicked.connect(self._choose_files)
        folder = QPushButton(self.tr("Fo&lder…"))
        folder.clicked.connect(self._choose_folder)
        where = QHBoxLayout()
        where.addWidget(self.paths, 1)
        where.addWidget(files)
        where.addWidget(folder)

        self.format = QComboBox()
        for key, shown in format_choices():
            self.format.addItem(shown, key)
        self.options = FormatOptions(catalog.read_options(), lambda fmt: fmt.read_options)
        self.annotator = QLineEdit(annotator)
        self.annotator.setToolTip(self.tr("Whose layer the imported spans join; it wins over an "
                                  "annotator named in the file"))

        form = QFormLayout()
        where_label = QLabel(self.tr("&Import from:"))
        where_label.setBuddy(self.paths)  # a row of several widgets gets no buddy by itself
        form.addRow(where_label, where)
        form.addRow(self.tr("F&ormat:"), self.format)
        self.options.add_rows(form)
        form.addRow(self.tr("&Annotator:"), self.annotator)
        self.strict_labels = QCheckBox(self.tr("Only labels the project &has (refuse others)"))
        self.strict_labels.setToolTip(self.tr("For a fixed scheme: a span with another label stops "
                                      "the import; otherwise new labels are added"))
        form.addRow("", self.strict_labels)
        self.format.currentIndexChanged.connect(self._on_format)
        self._on_format()

        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.problems.setPlaceholderText(self.tr("Problems found in the files show here; "
                                         "nothing is imported until there are none."))
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.run_import)
        buttons.rejected.connect(self.reject)

        self._inputs = (self.paths, files, folder, self.format, self.annotator,
                        self.strict_labels, self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(640, 360)

    def _on_format(self) -> None:
        key = self.format.currentData()
        self.options.follow(None if key == catalog.AUTO else catalog.get(key))

    def chosen_paths(self) -> list[Path]:
        return [Path(p.strip()) for p in self.paths.text().split(PATH_SEPARATOR.strip())
                if p.strip()]

    def _choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Import files"), str(Path.home()),
                                                file_filter())
        if paths:
            self.paths.setText(PATH_SEPARATOR.join(paths))

    def _choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Import a folder"), str(Path.home()))
        if path:
            self.paths.setText(path)

    def run_import(self) -> bool:
        """Start the import, or list the problems and store nothing. When the
        readers left notes (what the files hold that was not imported), the
        dialog stays open to show them; Import has become Close. False when
        it could not start."""
        if self.summary is not None:
            self.accept()
            return True
        if self._worker is not None:
            return False
        paths = self.chosen_paths()
        if not paths:
            self._show_problems([self.tr("Choose files or a folder to import.")])
            return False
        if self.project.path is None:
            self._show_problems([self.tr("This project is not a file: nothing can be imported "
                                         "into it.")])
            return False
        self.problems.clear()
        # A large import takes a while: say so; Cancel stops it.
        self.status.setText(self.tr("Reading and checking the files…"))
        self._set_running(True)
        self._worker = ImportThread(Path(self.project.path), paths, self.format.currentData(),
                                    self.annotator.text().strip() or None, self.options.values(),
                                    self.strict_labels.isChecked(), self)
        self._worker.progressed.connect(self._progress)
        self._worker.finished_with.connect(self._on_imported)
        self._worker.failed.connect(self._on_failed)
        self._worker.finished.connect(self._on_thread_end)
        self._worker.start()
        return True

    def is_busy(self) -> bool:
        return self._worker is not None

    def _set_running(self, running: bool) -> None:
        for widget in self._inputs:
            widget.setEnabled(not running)
        self.options.set_enabled(not running)

    def _on_imported(self, summary, notes: list) -> None:
        self.summary = summary
        self.status.setText(summary_line(summary).capitalize())
        if notes:
            self.problems.setPlainText("\n".join(note_lines(notes)))
            self.import_button.setText(self.tr("Close"))
            self.cancel_button.setEnabled(False)  # it is imported: nothing left to cancel

    def _on_failed(self, lines: list) -> None:
        if not lines:  # stopped
            self.problems.clear()
            self.status.setText(self.tr("Cancelled: nothing was imported."))
            return
        self._show_problems(lines)

    def _on_thread_end(self) -> None:
        self._worker = None
        self._set_running(False)
        if self._closing:
            super().reject()
        elif self.summary is not None and not self.problems.toPlainText():
            self.accept()

    def reject(self) -> None:
        """Cancel, Escape or closing: a running import is stopped first (it
        rolls back); the dialog closes once it has."""
        if self._worker is not None:
            self._closing = True
            self.status.setText(self.tr("Cancelling… nothing will be kept."))
            self._worker.stop.request()
            return
        super().reject()

    def _progress(self, done: int) -> None:
        self.status.setText(self.tr("Reading and checking the files… {0} documents so far "
                                    "(nothing is kept unless every one is valid)").format(f"{done:,}"))

    def _show_problems(self, lines: list[str]) -> None:
        self.problems.setPlainText("\n".join(lines))
        self.status.setText(self.tr("Nothing was imported."))
