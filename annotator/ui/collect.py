"""Project ▸ Collect…: merge annotators' returned files into the open
project (the master), as ``annotator merge`` does, and say what changed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from annotator.store import Project, ProjectError
from annotator.store.merge import MergeSummary, merge_projects
from annotator.ui.plain_text import show_message


def summary_text(summary: MergeSummary) -> str:
    lines = [QCoreApplication.translate("Collect", "1 new document") if summary.documents_added == 1
             else QCoreApplication.translate("Collect", "{0} new documents").format(summary.documents_added)]
    for layer in summary.layers:
        lines.append(QCoreApplication.translate("Collect", "{0}: +{1} -{2} spans, {3} statuses changed").format(
            layer.annotator, layer.spans_added, layer.spans_removed, layer.statuses_changed))
    if summary.unassigned:
        lines.append(QCoreApplication.translate("Collect", "Edited without being assigned (accepted):"))
        lines += [f"  {who}: {document}" for who, document in summary.unassigned]
    if not summary.changed:
        lines.append(QCoreApplication.translate("Collect", "Nothing changed."))
    return "\n".join(lines)


def collect_files(project: Project, paths: list[str]) -> MergeSummary:
    return merge_projects(project, paths)


def collect(window: QWidget, project: Project) -> MergeSummary | None:
    """Ask for the returned files and merge them; None when cancelled or refused."""
    paths, _ = QFileDialog.getOpenFileNames(window, QCoreApplication.translate("Collect", "Collect Annotators' Files"), "",
                                            QCoreApplication.translate("Collect", "Project files (*.db);;All files (*)"))
    if not paths:
        return None
    try:
        summary = collect_files(project, paths)
    except ProjectError as error:
        show_message(window, QMessageBox.Icon.Warning, QCoreApplication.translate("Collect", "Collect"),
                     QCoreApplication.translate("Collect", "Nothing was collected: {0}").format(error))
        return None
    show_message(window, QMessageBox.Icon.Information, QCoreApplication.translate("Collect", "Collect"), summary_text(summary))
    return summary
