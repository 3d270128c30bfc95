"""Regenerates docs/window.png, the picture of the window in README.md:
the sample project with a few spans on one Arabic article, grabbed offscreen."""

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
from annotator.core.model import DocumentRecord, Span  # noqa: E402

ARABIC_DOC = "ar-2021-06-02-xi-tokayev-phone-call"
# (phrase, label): the first occurrence of each is labelled for the picture.
EXAMPLE_SPANS = [
    ("2 يونيو 2021", "DATE"), ("شينخوا", "ORG"), ("شي جين بينغ", "PERSON"),
    ("الأربعاء", "DATE"), ("قاسم-جومارت توكاييف", "PERSON"),
    ("الحزب الشيوعي الصيني", "ORG"), ("مبادرة الحزام والطريق", "INITIATIVE"),
]


def example_record(seeds: Path) -> DocumentRecord:
    text = (seeds / f"{ARABIC_DOC}.txt").read_text(encoding="utf-8")
    spans = [Span(text.index(p), text.index(p) + len(p), label) for p, label in EXAMPLE_SPANS]
    return DocumentRecord(ARABIC_DOC, text, spans, annotator="alice")


def main() -> None:
    app = QApplication([])
    folder = Path(tempfile.mkdtemp())
    db = folder / "sample.db"
    with Project.open(db) as project:
        project.import_records(read_paths([ROOT / "seeds"]))
        project.import_records([example_record(ROOT / "seeds")])
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
