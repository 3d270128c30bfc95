"""Regenerates docs/window.png, docs/review.png and docs/window-arabic.png,
the pictures in README.md: the sample project with a few spans on one Arabic
article, a review of two annotators' versions of it, and the first window in
the Arabic interface, each window at 1366 x 768, grabbed offscreen."""

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


SIZE = (1366, 768)  # a common laptop screen


def example_record(seeds: Path, annotator: str = "alice") -> DocumentRecord:
    text = (seeds / f"{ARABIC_DOC}.txt").read_text(encoding="utf-8")
    spans = [Span(text.index(p), text.index(p) + len(p), label) for p, label in EXAMPLE_SPANS]
    if annotator != "alice":
        # A second annotator who disagrees in three places, for the review.
        spans = [s for s in spans if s.label != "INITIATIVE"]
        spans = [Span(s.start, s.start + len("شي"), s.label) if text[s.start:s.end] == "شي جين بينغ"
                 else Span(s.start, s.end, "INITIATIVE") if s.label == "ORG" and text[s.start:s.end] != "شينخوا"
                 else s for s in spans]
    return DocumentRecord(ARABIC_DOC, text, spans, annotator=annotator)


def main() -> None:
    app = QApplication([])
    folder = Path(tempfile.mkdtemp())
    db = folder / "sample.db"
    with Project.open(db) as project:
        project.import_records(read_paths([ROOT / "seeds"]))
        project.import_records([example_record(ROOT / "seeds")])
    settings = QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("welcome/dismissed", True)  # the picture shows the work, not the welcome
    window = MainWindow(settings, "alice")
    window.open_project(db)
    window.resize(*SIZE)
    window.show()
    doc = window.project.document_by_name(ARABIC_DOC)
    window.documents.select_document(doc.id)
    app.processEvents()
    window.grab().save(str(ROOT / "docs" / "window.png"))
    window.close()
    review_screenshot(app, folder)
    arabic_screenshot(app, folder, db)


def arabic_screenshot(app, folder: Path, db: Path) -> None:
    """The window as on a first start in Arabic: right to left, welcome shown."""
    from annotator.ui.language import install_language

    install_language(app, "ar")
    window = MainWindow(QSettings(str(folder / "ar.ini"), QSettings.Format.IniFormat), "alice")
    window.open_project(db)
    window.resize(*SIZE)
    window.show()
    window.documents.select_document(window.project.document_by_name(ARABIC_DOC).id)
    app.processEvents()
    window.grab().save(str(ROOT / "docs" / "window-arabic.png"))
    window.close()
    install_language(app, "en")


def review_screenshot(app, folder: Path) -> None:
    from annotator.ui.review_window import ReviewWindow

    db = folder / "review.db"
    with Project.open(db) as project:
        project.import_records([example_record(ROOT / "seeds", "alice")])
        project.import_records([example_record(ROOT / "seeds", "bob")])
    project = Project.open(db)
    window = ReviewWindow(project)
    window.resize(*SIZE)
    window.show()
    app.processEvents()
    window.step_group(1)
    app.processEvents()
    window.grab().save(str(ROOT / "docs" / "review.png"))
    window.close()
    project.close()


if __name__ == "__main__":
    main()
