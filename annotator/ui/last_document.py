"""Which document each project was last open on, kept in the settings so the
window reopens where the annotator was working."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCryptographicHash, QSettings


def _key(project_path: Path) -> str:
    # A path may hold characters QSettings keys cannot (/ and \ nest groups).
    # Qt's SHA-1, the digest hashlib gives, without loading OpenSSL at start.
    path = str(Path(project_path).resolve()).encode("utf-8")
    digest = bytes(QCryptographicHash.hash(path, QCryptographicHash.Algorithm.Sha1).toHex())
    digest = digest.decode("ascii")[:16]
    return f"project/last_document/{digest}"


def remember(settings: QSettings, project_path: Path, document_name: str) -> None:
    settings.setValue(_key(project_path), document_name)


def recall(settings: QSettings, project_path: Path) -> str | None:
    value = settings.value(_key(project_path))
    return str(value) if value else None
