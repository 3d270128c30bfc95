"""Regenerates docs/window.png, the picture of the window in README.md:
the sample project with the test fixture's spans, grabbed offscreen."""

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator.formats.registry import read_paths  # noqa: E402
from annotator.store import Project  # noqa: E402
from annotator.ui.main_window import MainWindow  # noqa: E402
from tests.fixtures.sample_annotations import ARABIC_DOC, annotated_records  # noqa: E402


def main() -> None:
    app = QApplication([])
    folder = Path(tempfile.mkdtemp())
    db = folder / "sample.db"
    with Project.open(db) as project:
        project.import_records(read_paths([ROOT / "seeds"]))
        project.import_records(annotated_records(ROOT / "seeds"))
    window = MainWindow(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat), "alice")
    window.open_project(db)
    window.resize(1280, 800)
    window.show()
    doc = window.project.document_by_name(ARABIC_DOC)
    window.documents.select_document(doc.id)
    app.processEvents()
    window.grab().save(str(ROOT / "docs" / "window.png"))
    window.close()


if __name__ == "__main__":
    main()
