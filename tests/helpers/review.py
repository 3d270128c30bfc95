"""The review window on a small merged project: alice and bob on the Polish
sample article, disagreeing in three ways. ``review_project`` is a fixture
(registered through tests/helpers/gui_fixtures.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from annotator.core.model import DocumentRecord
from annotator.store import Project
from annotator.ui.review_window import ReviewWindow
from tests.fixtures.sample_annotations import POLISH_DOC, annotated_records


@pytest.fixture
def review_project(tmp_path, seeds_dir):
    """alice and bob on the Polish article: bob drops one span, relabels one
    and moves the boundary of another."""
    [_, polish] = [r for r in annotated_records(seeds_dir) if r.name in (POLISH_DOC,)] * 2
    alice = replace(polish, annotator="alice")
    bob_spans = list(polish.spans)
    dropped = bob_spans.pop(1)  # w środę
    bob_spans[0] = replace(bob_spans[0], end=bob_spans[0].start + 2)  # "Xi" only
    bob_spans[2] = replace(bob_spans[2], label="INITIATIVE")  # Komunistyczna Partia Chin
    bob = DocumentRecord(polish.name, polish.text, bob_spans, annotator="bob")
    with Project.open(tmp_path / "review.db") as project:
        project.import_records([alice, bob])
    project = Project.open(tmp_path / "review.db")
    yield project, polish, dropped
    project.close()


def open_review(qtbot, project):
    window = ReviewWindow(project)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def painted_lines(listing, item) -> list[str]:
    """The lines of a list item as its delegate paints them (elided)."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    option = QStyleOptionViewItem()
    option.rect = listing.visualItemRect(item)
    option.fontMetrics = listing.fontMetrics()
    listing.itemDelegate().initStyleOption(option, listing.indexFromItem(item))
    return option.text.split("\u2028")  # Qt's line break in display text
