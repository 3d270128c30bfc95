"""Project ▸ Assign…: hand documents out to a team, with the numbers shown
before anything is written (the same plan as ``annotator assign``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.store import Project, ProjectError
from annotator.store.assignments import AssignmentPlan, plan_assignment, write_assignment


class AssignDialog(QDialog):
    def __init__(self, project: Project, parent: QWidget | None = None):
        super().__init__(parent)
        self.project = project
        self.plan: AssignmentPlan | None = None
        self.written = False
        self.setWindowTitle(self.tr("Assign Documents"))
        self.names = QLineEdit()
        self.names.setPlaceholderText("alice bob carol")
        self.folder = QLineEdit(str(Path(project.path).parent / "assigned") if project.path else "")
        browse = QPushButton(self.tr("&Browse…"))
        browse.setAutoDefault(False)  # Return writes the files, never opens a folder dialog
        browse.clicked.connect(self._on_browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder)
        folder_row.addWidget(browse)
        self.overlap = QDoubleSpinBox()
        self.overlap.setRange(0, 100)
        self.overlap.setSuffix(" %")
        self.overlap.setValue(10)
        self.per_annotator = QSpinBox()
        self.per_annotator.setRange(0, 1_000_000)
        self.per_annotator.setSpecialValueText(self.tr("no limit"))
        self.seed = QSpinBox()
        self.seed.setRange(0, 1_000_000)
        form = QFormLayout()
        form.addRow(self.tr("&Annotators:"), self.names)
        form.addRow(self.tr("&Folder:"), folder_row)
        form.addRow(self.tr("&Overlap:"), self.overlap)
        form.addRow(self.tr("&Per annotator:"), self.per_annotator)
        form.addRow(self.tr("&Seed:"), self.seed)
        self.preview = QLabel()
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setWordWrap(True)
        self.preview.setMinimumHeight(120)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.assign_button = self.buttons.addButton(self.tr("Write Files"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._on_write)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addWidget(self.buttons)
        self.assign_button.setDefault(True)  # once in the dialog: Return writes
        for widget in (self.names, self.folder):
            widget.textChanged.connect(self.update_plan)
        for spin in (self.overlap, self.per_annotator, self.seed):
            spin.valueChanged.connect(self.update_plan)
        self.resize(520, 380)
        self.update_plan()

    def annotator_names(self) -> list[str]:
        return self.names.text().replace(",", " ").split()

    def update_plan(self) -> None:
        """Plan again from the fields and show the numbers (nothing written)."""
        self.plan = None
        names = self.annotator_names()
        if not names:
            message = self.tr("Name the annotators, separated by spaces.")
        elif not self.folder.text().strip():
            message = self.tr("Choose the folder the annotators' files go to.")
        else:
            try:
                self.plan = plan_assignment(
                    self.project, names, Path(self.folder.text().strip()),
                    self.overlap.value() / 100 if len(names) > 1 else 0.0,
                    self.per_annotator.value() or None, self.seed.value())
                message = "\n".join(self.plan.lines())
            except ProjectError as error:
                message = str(error)
        self.preview.setText(message)
        self.assign_button.setEnabled(self.plan is not None)

    def _on_browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the annotators' files"),
                                                  self.folder.text())
        if folder:
            self.folder.setText(folder)

    def _on_write(self) -> None:
        if self.plan is None:
            return
        try:
            write_assignment(self.project, self.plan)
        except (ProjectError, OSError) as error:
            self.preview.setText(self.tr("Nothing was written: {0}").format(error))
            self.update_plan()
            return
        self.written = True
        self.accept()
