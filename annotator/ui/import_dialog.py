"""File ▸ Import: files or a folder, their format, and whose spans they are.

It calls the same import service as ``annotator import``: records are stored
as they are read, in one transaction, and on any problem nothing is kept and
the problems are listed one per line, as the command line prints them. A
long import says how far it has come. Text from users (paths, names,
messages) is shown as plain text.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import (
    QApplication,
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
from annotator.formats.importing import import_paths, note_lines, summary_line
from annotator.formats.problems import InputError
from annotator.store import Project, ProjectError
from annotator.ui.format_options import FormatOptions, format_title

PATH_SEPARATOR = " ; "


def format_choices() -> list[tuple[str, str]]:
    """Format key and what the user sees: by extension, then each reader."""
    return [(catalog.AUTO, QCoreApplication.translate("ImportDialog", "By file extension"))] + [(f.name, format_title(f)) for f in catalog.readers()]


def file_filter() -> str:
    """Every extension a reader takes, then all files (a CoNLL file may be named .txt)."""
    extensions = sorted(set(catalog.read_extensions()) | {".txt"})
    return QCoreApplication.translate("ImportDialog", "Documents ({0});;All files (*)").format(
        " ".join("*" + e for e in extensions))


class ImportDialog(QDialog):
    def __init__(self, project: Project, annotator: str, parent=None):
        super().__init__(parent)
        self.project = project
        self.summary = None  # the ImportSummary once imported
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
        """Import, or list the problems and store nothing. When the readers
        left notes (what the files hold that was not imported), the dialog
        stays open to show them; Import has become Close."""
        if self.summary is not None:
            self.accept()
            return True
        paths = self.chosen_paths()
        if not paths:
            self._show_problems([self.tr("Choose files or a folder to import.")])
            return False
        annotator = self.annotator.text().strip() or None
        # A large import takes a while: say so, and show the busy cursor.
        self.status.setText(self.tr("Reading and checking the files…"))
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self._repaint()
        notes: list = []
        try:
            self.summary = import_paths(self.project, paths, self.format.currentData(), annotator,
                                        self.options.values(), notes,
                                        self.strict_labels.isChecked(), self._progress)
        except InputError as error:
            self._show_problems(error.lines())
            return False
        except ProjectError as error:
            self._show_problems([str(error)])
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.status.setText(summary_line(self.summary).capitalize())
        if notes:
            self.problems.setPlainText("\n".join(note_lines(notes)))
            self.import_button.setText(self.tr("Close"))
            self.cancel_button.setEnabled(False)  # it is imported: nothing left to cancel
            return True
        self.accept()
        return True

    def _progress(self, done: int) -> None:
        self.status.setText(self.tr("Reading and checking the files… {0} documents so far "
                                    "(nothing is kept unless every one is valid)").format(f"{done:,}"))
        self._repaint()

    @staticmethod
    def _repaint() -> None:
        # Paint only: a click or a key now would act on a half-done import.
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def _show_problems(self, lines: list[str]) -> None:
        self.problems.setPlainText("\n".join(lines))
        self.status.setText(self.tr("Nothing was imported."))
