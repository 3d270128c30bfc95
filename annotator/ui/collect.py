"""Project ▸ Collect…: merge annotators' returned files into the open
project (the master), as ``annotator merge`` does, and say what changed."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from annotator.store import Project, ProjectError
from annotator.store.merge import MergeSummary, merge_projects
from annotator.ui.plain_text import show_message


def summary_text(summary: MergeSummary) -> str:
    lines = [f"{summary.documents_added} new documents"]
    for layer in summary.layers:
        lines.append(f"{layer.annotator}: +{layer.spans_added} -{layer.spans_removed} spans, "
                     f"{layer.statuses_changed} statuses changed")
    if summary.unassigned:
        lines.append("Edited without being assigned (accepted):")
        lines += [f"  {who}: {document}" for who, document in summary.unassigned]
    if not summary.changed:
        lines.append("Nothing changed.")
    return "\n".join(lines)


def collect_files(project: Project, paths: list[str]) -> MergeSummary:
    return merge_projects(project, paths)


def collect(window: QWidget, project: Project) -> MergeSummary | None:
    """Ask for the returned files and merge them; None when cancelled or refused."""
    paths, _ = QFileDialog.getOpenFileNames(window, "Collect Annotators' Files", "",
                                            "Project files (*.db);;All files (*)")
    if not paths:
        return None
    try:
        summary = collect_files(project, paths)
    except ProjectError as error:
        show_message(window, QMessageBox.Icon.Warning, "Collect", f"Nothing was collected: {error}")
        return None
    show_message(window, QMessageBox.Icon.Information, "Collect", summary_text(summary))
    return summary
