"""The adjudication window: documents by how much their annotators disagree,
each disagreement settled from the keyboard into the gold layer."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QT_TRANSLATE_NOOP, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.disagreements import DisagreementGroup, DocumentDisagreements
from annotator.core.model import GOLD_ANNOTATOR, Status
from annotator.core.offsets import snap_selection
from annotator.store import Project, ProjectError
from annotator.store.adjudication import Adjudication, DocumentReview
from annotator.store.layers import agreement_in_file, agreement_of
from annotator.ui.agreement_charts import AgreementCharts
from annotator.ui.background import answer_in_background
from annotator.ui.gold_commands import GoldDecisionCommand
from annotator.ui.eliding_list import ElidingList
from annotator.ui.keyboard_help import KeyboardHelpDialog
from annotator.ui.layout_keys import add_arabic_layout_keys
from annotator.ui.plain_text import show_message
from annotator.ui.review_layout import ask_agreed, confirm_settle, fit_to_screen, share_width
from annotator.ui.review_view import ANNOTATOR_STYLES, ReviewView
from annotator.ui.span_list import embedded
from annotator.ui.undo_commands import step

KEYS = [
    ("Tab / Shift+Tab",
     QT_TRANSLATE_NOOP("ReviewWindow", "next / previous disagreement")),
    ("1 … 9",
     QT_TRANSLATE_NOOP("ReviewWindow", "keep only that version (with text selected: put it in gold with that label)")),
    ("B",
     QT_TRANSLATE_NOOP("ReviewWindow", "keep every version (both)")),
    ("R or 0",
     QT_TRANSLATE_NOOP("ReviewWindow", "reject: no entity here")),
    ("E",
     QT_TRANSLATE_NOOP("ReviewWindow", "edit: select the disputed place; a label key then makes it the place's only gold span")),
    ("Shift+Left / Right",
     QT_TRANSLATE_NOOP("ReviewWindow", "(editing) move the end by a letter; with Ctrl: by a word")),
    ("Alt+Shift+Left / Right",
     QT_TRANSLATE_NOOP("ReviewWindow", "(editing) move the start by a letter")),
    ("[ / ]",
     QT_TRANSLATE_NOOP("ReviewWindow", "(editing) move the start by a word")),
    ("A",
     QT_TRANSLATE_NOOP("ReviewWindow", "accept everything all annotators agree on")),
    ("Ctrl+Down / Ctrl+Up",
     QT_TRANSLATE_NOOP("ReviewWindow", "select the next / previous gold span")),
    ("Delete",
     QT_TRANSLATE_NOOP("ReviewWindow", "take the selected gold span out")),
    ("Ctrl+Z / Ctrl+Y",
     QT_TRANSLATE_NOOP("ReviewWindow", "undo (and go to its place) / redo")),
    ("Ctrl+PgDown / Ctrl+PgUp",
     QT_TRANSLATE_NOOP("ReviewWindow", "next / previous document")),
    ("Ctrl+Return",
     QT_TRANSLATE_NOOP("ReviewWindow", "mark the document settled (asks if disagreements are open)")),
]

CHANGED_ELSEWHERE_CHECK_MS = 2000  # one PRAGMA a check: nothing to notice

STYLE_NAMES = {Qt.PenStyle.SolidLine: QT_TRANSLATE_NOOP("ReviewWindow", "solid"),
               Qt.PenStyle.DashLine: QT_TRANSLATE_NOOP("ReviewWindow", "dashed"),
               Qt.PenStyle.DotLine: QT_TRANSLATE_NOOP("ReviewWindow", "dotted"),
               Qt.PenStyle.DashDotLine: QT_TRANSLATE_NOOP("ReviewWindow", "dash-dot"),
               Qt.PenStyle.DashDotDotLine: QT_TRANSLATE_NOOP("ReviewWindow", "dash-dot-dot")}


class ReviewWindow(QMainWindow):
    def __init__(self, project: Project, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Review — {0}").format(project.path.name if project.path else self.tr("project")))
        self.project = project
        self.adjudication = Adjudication(project)
        # Annotators' files merged from the command line while the review is
        # open: the list, the disagreements and the agreement are read again.
        self._seen_version = project.data_version()
        self._watch = QTimer(self, interval=CHANGED_ELSEWHERE_CHECK_MS)
        self._watch.timeout.connect(self.read_again_if_changed)
        self._agreement = _AgreementDelivery(self)
        self._agreement.ready.connect(self._on_agreement_ready)
        self._agreement_request = 0
        # In the colours the main window shows them in (Settings), when opened from it.
        label_colors = getattr(parent, "label_colors", None)
        self.labels = label_colors.recolor(project.labels()) if label_colors else project.labels()
        self.colors = {label.key: label.color for label in self.labels}
        self.undo_stack = QUndoStack(self)
        self.document_id: int | None = None
        self.found: DocumentDisagreements | None = None
        self.decided: set[tuple[int, int]] = set()
        self.layers: dict = {}
        self.group_index = -1
        self.editing: DisagreementGroup | None = None  # the place E selected

        self.view = ReviewView()
        self.setCentralWidget(self.view)
        self.documents = ElidingList(uniform=True)  # two lines a document
        self.progress = QLabel()
        self.progress.setTextFormat(Qt.TextFormat.PlainText)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.progress)
        left_layout.addWidget(self.documents)
        self.candidates = ElidingList()
        self.candidates.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.PlainText)
        self.legend.setWordWrap(True)
        # What the number keys do now: keep a version, or (text selected) label it.
        self.number_keys = QLabel()
        self.number_keys.setTextFormat(Qt.TextFormat.PlainText)
        self.number_keys.setWordWrap(True)
        keys = QPushButton(self.tr("Keys… (F1)"))
        keys.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        keys.clicked.connect(self.show_keys)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        for widget in (QLabel(self.tr("This disagreement")), self.candidates, self.number_keys,
                       self.legend, keys):
            right_layout.addWidget(widget)
        self.charts = AgreementCharts()
        docks = {}
        left_area, right_area = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        for title, widget, area in ((QT_TRANSLATE_NOOP("ReviewWindow", "Documents"), left, left_area),
                                    (QT_TRANSLATE_NOOP("ReviewWindow", "Decide"), right, right_area),
                                    (QT_TRANSLATE_NOOP("ReviewWindow", "Agreement"), self.charts, right_area)):
            dock = QDockWidget(self.tr(title), self)
            dock.setObjectName(title)
            dock.setWidget(widget)
            self.addDockWidget(area, dock)
            docks[title] = dock
        # The charts in a tab behind Decide: the side column stays narrow and
        # the list of versions gets its full height.
        self.tabifyDockWidget(docks["Decide"], docks["Agreement"])
        docks["Decide"].raise_()

        self.view.labelKeyPressed.connect(self._on_view_number)
        self.view.nextSpanRequested.connect(self.step_group)
        self.view.deleteRequested.connect(self._on_delete_gold)
        self.view.commandKey.connect(self._on_command)
        self.view.goldStepRequested.connect(self.step_gold)
        self.view.selectionChanged.connect(self._on_selection_changed)
        self.documents.currentRowChanged.connect(self._on_documents_row_changed)
        for keys_, slot in ((QKeySequence.StandardKey.Undo, lambda: step(self.undo_stack, True)),
                            (QKeySequence("Ctrl+Shift+Z"), lambda: step(self.undo_stack, False)),
                            (QKeySequence("Ctrl+Y"), lambda: step(self.undo_stack, False)),
                            (QKeySequence("Ctrl+Return"), self.settle_document),
                            (QKeySequence("Ctrl+PgDown"), lambda: self._step_document(1)),
                            (QKeySequence("Ctrl+PgUp"), lambda: self._step_document(-1)),
                            (QKeySequence.StandardKey.HelpContents, self.show_keys)):
            QShortcut(QKeySequence(keys_), self, activated=slot)
        add_arabic_layout_keys(self)  # Ctrl+Z under an Arabic layout alone, too
        self.documents.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.candidates.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self._shown = False
        fit_to_screen(self, parent)
        self.reload()
        self._watch.start()

    def closeEvent(self, event) -> None:
        self._watch.stop()
        super().closeEvent(event)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.read_again_if_changed()

    def read_again_if_changed(self) -> bool:
        """Read the review again when another program wrote to the file;
        stays on the open document. True when it did."""
        try:
            version = self.project.data_version()
        except ProjectError:  # the project was closed under the window: nothing to watch
            self._watch.stop()
            return False
        if version == self._seen_version:
            return False
        self._seen_version = version
        current = self.document_id
        self.reload()
        row = next((i for i, r in enumerate(self.reviews) if r.document_id == current), None)
        if row is not None and row != self.documents.currentRow():
            self.documents.setCurrentRow(row)
        self.statusBar().showMessage(self.tr(
            "The file was changed by another program (a merge?): the review was read again."), 8000)
        return True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            share_width(self)

    # -- documents -----------------------------------------------------------

    def reload(self) -> None:
        # Documents one annotator labelled too: gold needs them, and nothing
        # but a review brings them there.
        self.reviews = self.adjudication.ranked_documents(min_annotators=1)
        self.documents.blockSignals(True)
        self.documents.clear()
        names = self.project.document_names()  # one query, no text read
        self.names = {r.document_id: names[r.document_id] for r in self.reviews}
        settled = self._settled_ids()
        for review in self.reviews:
            item = self.documents.add_line(self._item_text(
                review, review.undecided, review.document_id in settled))
            item.setData(Qt.ItemDataRole.UserRole, review.document_id)
        self.documents.blockSignals(False)
        self._update_progress()
        annotators = self.adjudication.annotators
        self._measure_agreement(annotators)
        if self.reviews:
            self.documents.setCurrentRow(0)

    def _measure_agreement(self, annotators) -> None:
        """The Agreement tab's figures: a review of thousands of documents
        takes seconds to measure (every text tokenized), so a worker does
        it while the reviewer starts on the first document."""
        self._agreement_request += 1
        if self.project.path is None:  # in memory: no second connection
            self.charts.set_report(agreement_of(self.project, annotators), self.colors)
            return
        self.charts.set_waiting()
        path = Path(self.project.path)
        answer_in_background(self._agreement.ready, self._agreement_request,
                             lambda: agreement_in_file(path, annotators))

    def _on_agreement_ready(self, request: int, answer: object) -> None:
        if request != self._agreement_request:
            return  # read again since: a newer measure is coming
        if isinstance(answer, str):
            self.charts.set_failed(answer)
        else:
            self.charts.set_report(answer, self.colors)

    def _item_text(self, review: DocumentReview, waiting: int, settled: bool) -> str:
        # Two lines, each elided in its middle when the list is narrow.
        line = self.tr("{0} of {1} to settle  ·  {2}% disputed").format(
            waiting, review.disagreements, round(100 * review.score))
        if waiting and settled:
            # Settled with these open, or merged again since: either way, said.
            line += "  ·  " + self.tr("settled with these open")
        return f"{self.names[review.document_id]}\n{line}"

    def _settled_ids(self) -> set[int]:
        """The documents whose gold is marked settled (one query for the list)."""
        return {document_id for document_id, name, status in self.project.all_statuses()
                if name == GOLD_ANNOTATOR and status == Status.DONE.value}

    def _update_progress(self) -> None:
        settled_ids = self._settled_ids()
        settled = [r for r in self.reviews if r.document_id in settled_ids]
        text = self.tr("Settled {0} of {1} documents").format(len(settled), len(self.reviews))
        # Settled with disagreements left open, or merged again since: a new
        # version came to a settled document, and the count alone hid it.
        open_ones = sum(1 for r in settled if r.undecided)
        if open_ones:
            text += " " + self.tr("({0} with disagreements open)").format(open_ones)
        self.progress.setText(text)

    def _on_documents_row_changed(self, row: int) -> None:
        if 0 <= row < len(self.reviews):
            self.open_document(self.reviews[row].document_id)

    def _step_document(self, step: int) -> None:
        row = self.documents.currentRow() + step
        if 0 <= row < self.documents.count():
            self.documents.setCurrentRow(row)

    def open_document(self, document_id: int) -> None:
        self.document_id = document_id
        doc = self.project.document(document_id)
        self.view.show_document(doc.text, doc.direction, doc.direction_override,
                                self.adjudication.gold(document_id), self.colors)
        self.group_index = 0
        self.refresh(document_id)
        waiting = self.undecided_groups()
        if waiting:
            self._select_group(waiting[0])
        self.view.setFocus()

    def refresh(self, document_id: int) -> None:
        """After a decision (or its undo): gold highlights, layers, disagreements."""
        if document_id != self.document_id:
            self.documents.setCurrentRow(
                next(i for i, r in enumerate(self.reviews) if r.document_id == document_id))
            return
        self.found = self.adjudication.disagreements(document_id)
        self.decided = self.adjudication.decided_places(document_id)
        self.view.set_spans(self.adjudication.gold(document_id))
        self.layers = {name: self.project.spans(document_id, name)
                       for name in self.found.annotators}
        if self.found.groups:
            self.group_index = max(0, min(self.group_index, len(self.found.groups) - 1))
        else:
            self.group_index = -1
        self.view.set_review(self.layers, list(self.found.groups), self.group_index,
                             self._decided_flags())
        self.legend.setText(self.tr("Lines: {0}; highlights: gold").format(self.tr(", ").join(
            f"{name} {self.tr(STYLE_NAMES[ANNOTATOR_STYLES[i % len(ANNOTATOR_STYLES)]])}"
            for i, name in enumerate(self.found.annotators))))
        self._show_group()
        row = next(i for i, r in enumerate(self.reviews) if r.document_id == document_id)
        waiting = len(self.undecided_groups())
        # The list's figures of this document as they are now, for when
        # another is open (the progress line counts them).
        self.reviews[row] = replace(self.reviews[row], undecided=waiting)
        self._update_progress()
        settled = self.project.status(document_id, GOLD_ANNOTATOR) is Status.DONE
        self.documents.set_line(self.documents.item(row),
                                self._item_text(self.reviews[row], waiting, settled))

    # -- disagreements -------------------------------------------------------

    def undecided_groups(self) -> list[int]:
        if self.found is None:
            return []
        return [i for i, group in enumerate(self.found.groups)
                if not self.adjudication.is_decided(self.document_id, group, self.decided)]

    def _advance(self) -> None:
        """After a decision: on to the next group still to settle, if any."""
        waiting = self.undecided_groups()
        if waiting:
            later = [i for i in waiting if i > self.group_index]
            self._select_group((later or waiting)[0])

    def _select_group(self, index: int) -> None:
        self.group_index = index
        self.view.set_review(self.layers, list(self.found.groups), self.group_index,
                             self._decided_flags())
        self._show_group()

    def _decided_flags(self) -> list[bool]:
        return [self.adjudication.is_decided(self.document_id, g, self.decided)
                for g in self.found.groups]

    def current_group(self) -> DisagreementGroup | None:
        if self.found is None or not 0 <= self.group_index < len(self.found.groups):
            return None
        return self.found.groups[self.group_index]

    def step_group(self, step: int) -> None:
        if self.found is None or not self.found.groups:
            return
        self._select_group((self.group_index + step) % len(self.found.groups))

    def _show_group(self) -> None:
        self.editing = None
        self._show_number_keys()
        self.candidates.clear()
        group = self.current_group()
        if group is None:
            # Two short lines: one long line lost its key to the panel's eliding.
            self.candidates.add_line(self.tr("No disagreements here."))
            self.candidates.add_line(self.tr("Ctrl+Return marks it settled."))
            return
        waiting = len(self.undecided_groups())
        total = len(self.found.groups)
        state = self.tr("settled") if self.adjudication.is_decided(self.document_id, group, self.decided) \
            else self.tr("to settle")
        self.candidates.add_line(self.tr("Disagreement {0} of {1} ({2}); {3} left to settle").format(
            self.group_index + 1, total, state, waiting))
        text = self.project.document(self.document_id).text
        gold = {s.key for s in self.adjudication.gold(self.document_id)}
        for number, candidate in enumerate(group.candidates, start=1):
            mark = "✓ " if candidate.key in gold else ""
            line = (f"{number}  {mark}{candidate.label}  «{embedded(text[candidate.start:candidate.end])}»"
                    f"  — {', '.join(candidate.annotators)}")
            self.candidates.add_line(line)
        if group.missing:
            self.candidates.add_line(self.tr("R  nothing here — {0}").format(", ".join(group.missing)))
        cursor = self.view.textCursor()
        cursor.clearSelection()
        self.view.setTextCursor(cursor)
        self.view.set_selection(group.start, group.start)
        self.view.center_on(group.start)

    # -- decisions -----------------------------------------------------------

    def _decide(self, text: str, action, place: tuple[int, int] | None = None) -> None:
        """Run ``action`` as one undoable decision, then show ``place`` (by
        default the selection, or else the current disagreement)."""
        if self.document_id is None:
            return
        group = self.current_group()
        place = place or self.view.selection() or (
            (group.start, group.end) if group is not None else None)
        try:
            command = GoldDecisionCommand.decide(
                self.adjudication, self.document_id, text, action,
                lambda document_id: self._show_place(document_id, place), self._on_store_failed)
        except (ProjectError, sqlite3.Error) as error:
            self._on_store_failed(str(error))
            return
        self.undo_stack.push(command)

    def _show_place(self, document_id: int, place: tuple[int, int] | None) -> None:
        """After a decision, its undo or its redo: redraw, and show where it
        was made (the disagreement there, if any, becomes the current one)."""
        self.refresh(document_id)
        if place is None or self.found is None or document_id != self.document_id:
            return
        start, end = place
        at = [i for i, g in enumerate(self.found.groups) if g.start < end and start < g.end]
        if at:
            self._select_group(at[0])
        else:
            self.view.center_on(start)

    def _on_store_failed(self, text: str) -> None:
        """A decision, undo or redo the file did not take: say so, show the file."""
        if self.document_id is not None:
            self.refresh(self.document_id)
        show_message(self, QMessageBox.Icon.Warning, self.tr("Not saved"), text)

    def _on_view_number(self, index: int) -> None:
        selection = self.view.selection()
        doc_id = self.document_id
        if selection is not None:
            if index >= len(self.labels):
                return
            # An edit (E, then Shift+arrows) sets its edges letter by letter.
            words = self.view.snaps_to_words and self.editing is None
            snapped = snap_selection(self.view.text, *selection, words=words)
            if snapped is None:
                return
            label = self.labels[index].key
            editing = self.editing
            if editing is not None:
                # An edit replaces whatever was decided for this place before.
                self._decide(self.tr("Edit to {0}").format(label),
                             lambda: self.adjudication.edit(doc_id, editing, *snapped, label))
                self._advance()
                return
            group = self.current_group()
            settles = group if group and group.start < snapped[1] and snapped[0] < group.end else None
            self._decide(self.tr("Gold {0}").format(label),
                         lambda: self.adjudication.accept(doc_id, *snapped, label, settles))
            self._advance()
            return
        group = self.current_group()
        if group is not None and index < len(group.candidates):
            chosen = group.candidates[index]
            self._decide(self.tr("Keep {0}").format(chosen.label),
                         lambda: self.adjudication.resolve(doc_id, group, [chosen]))
            self._advance()

    def _on_command(self, command: str) -> None:
        group = self.current_group()
        doc_id = self.document_id
        if command == "agreed":
            self._decide(self.tr("Accept agreed spans"), lambda: self.adjudication.accept_agreed(doc_id))
        elif command == "both" and group is not None:
            self._decide(self.tr("Keep all versions"),
                         lambda: self.adjudication.resolve(doc_id, group, group.candidates))
            self._advance()
        elif command == "reject" and group is not None:
            self._decide(self.tr("Reject"), lambda: self.adjudication.resolve(doc_id, group, []))
            self._advance()
        elif command == "edit" and group is not None:
            # Anchored at the start: Shift+arrows move the end, Alt+Shift+arrows the start.
            self.editing = group
            self.view.editing_edges = True
            self.view.set_selection(group.start, group.end)

    def _on_selection_changed(self) -> None:
        if self.view.selection() is None:
            self.editing = None
            self.view.editing_edges = False
        self._show_number_keys()

    def _show_number_keys(self) -> None:
        if self.view.selection() is not None:
            # Text selected (E, or a drag): the keys are the labels, not the versions.
            self.number_keys.setText(self.tr("Text selected: a number key puts it in gold as {0}").format(
                self.tr(", ").join(f"{i + 1} {label.name}" for i, label in enumerate(self.labels[:9]))))
        else:
            self.number_keys.setText(self.tr("1–9: keep that version"))

    def step_gold(self, step: int) -> None:
        """Select the next (+1) or previous (-1) gold span, from the selected
        one or else from the caret; Delete then takes it out."""
        spans = sorted(self.view.spans, key=lambda s: (s.start, s.end, s.label))
        if not spans:
            return
        current = self.view.selected_span()
        if current is not None:
            index = next(i for i, s in enumerate(spans) if s.id == current.id)
            target = spans[(index + step) % len(spans)]
        else:
            position = self.view.caret_index()
            if step > 0:
                target = next((s for s in spans if s.start >= position), spans[0])
            else:
                target = next((s for s in reversed(spans) if s.start < position), spans[-1])
        self.view.select_span(target)

    def _on_delete_gold(self) -> None:
        span = self.view.selected_span()
        if span is not None:
            # Shown where it was: a disagreement it settled is open there again.
            self._decide(self.tr("Remove gold span"), lambda: self.adjudication.remove(span.id),
                         (span.start, span.end))

    def show_keys(self) -> None:
        KeyboardHelpDialog([(keys, self.tr(what)) for keys, what in KEYS], self).exec()

    def settle_document(self) -> None:
        """Ctrl+Return: the document settled, one step of the undo history. It
        asks first when disagreements are open, and when spans everyone
        agreed on are not in gold (A not pressed): settled without them,
        gold would lack them unseen."""
        doc_id = self.document_id
        if doc_id is None:
            return
        name = self.names.get(doc_id, "")
        waiting = len(self.undecided_groups())
        if waiting and not confirm_settle(self, name, waiting):
            return
        missing = self.adjudication.agreed_missing(doc_id)
        take = ask_agreed(self, name, len(missing)) if missing else False
        if take is None:
            return

        def settle() -> None:
            if take:
                self.adjudication.accept_agreed(doc_id)
            self.adjudication.finish(doc_id)

        self._decide(self.tr("Settle"), settle)
        self._update_progress()
        self._step_document(1)


class _AgreementDelivery(QObject):
    """Carries a worker's agreement report to the window's thread."""

    ready = Signal(int, object)  # the request's number, its report or an error text
