"""Which document each project was last open on, kept in the settings so the
window reopens where the annotator was working."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QSettings


def _key(project_path: Path) -> str:
    # A path may hold characters QSettings keys cannot (/ and \ nest groups).
    digest = hashlib.sha1(str(Path(project_path).resolve()).encode("utf-8")).hexdigest()[:16]
    return f"project/last_document/{digest}"


def remember(settings: QSettings, project_path: Path, document_name: str) -> None:
    settings.setValue(_key(project_path), document_name)


def recall(settings: QSettings, project_path: Path) -> str | None:
    value = settings.value(_key(project_path))
    return str(value) if value else None
