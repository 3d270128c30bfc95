"""The default project: the bundled sample articles."""

from __future__ import annotations

from pathlib import Path

from annotator.formats.registry import read_paths
from annotator.paths import default_project_path, seeds_dir
from annotator.store import Project


def ensure_sample_project(path: Path | None = None) -> Path:
    """Create the sample project from ``seeds/`` unless it exists already."""
    path = path or default_project_path()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        records = read_paths([seeds_dir()])
        partial = path.with_name(path.name + ".partial")
        # Built beside and renamed, so a killed first start leaves no half project.
        with Project.open(partial) as project:
            project.import_records(records)
        partial.replace(path)
    return path
