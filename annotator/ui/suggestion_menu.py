"""The Suggestions menu of the main window: stepping through the suggestions
of the document, accepting and rejecting them (each an undoable edit of the
labelling service), the other mentions proposed after each label (in the
document, the project, or not at all: a remembered setting), and dates, a
gazetteer or every mention proposed on request."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication  # the dialogs: imported where they open

from annotator.core.model import Span
from annotator.store import ProjectError
from annotator.store.editing import Edit, EditError
from annotator.ui.plain_text import show_message

if TYPE_CHECKING:
    from annotator.suggest.apply import Source

# The suggesters (dates, gazetteers, mentions with their lemmatizer) are
# imported when first used: the window's start does not wait for them.

SCOPE_KEY = "suggestions/mentions"
SCOPES = (("document", QT_TRANSLATE_NOOP("SuggestionMenu", "Propose Other Mentions in the &Document")),
          ("project", QT_TRANSLATE_NOOP("SuggestionMenu", "Propose Other Mentions in the Whole &Project")),
          ("off", QT_TRANSLATE_NOOP("SuggestionMenu", "Propose &No Mentions")))

# Layout-independent keys (they work with an Arabic keyboard) that no desktop
# takes and the window does not use otherwise.
KEYS = {
    "next": "Alt+Down", "previous": "Alt+Up", "accept": "Alt+Return",
    "reject": "Alt+Delete", "accept all": "Alt+Shift+Return", "reject all": "Alt+Shift+Delete",
    "accept entity": "Ctrl+Alt+Return",
}
# Alt + a label's key relabels every mention of the selected span's entity
# (the text view handles it, as it handles the label keys).
ENTITY_LABEL_KEYS = "Alt+1 … 9"


class SuggestionMenu(QObject):
    def __init__(self, window, settings: QSettings):
        super().__init__(window)
        self.window, self.settings = window, settings
        scope = settings.value(SCOPE_KEY, "document")
        self.scope = scope if scope in dict(SCOPES) else "document"

    @property
    def editor(self):
        return self.window.editor

    # -- the menu ------------------------------------------------------------

    def build(self, menu) -> None:
        add = self._add
        add(menu, self.tr("&Next Suggestion"), lambda: self.step(1), KEYS["next"])
        add(menu, self.tr("&Previous Suggestion"), lambda: self.step(-1), KEYS["previous"])
        add(menu, self.tr("&Accept Suggestion"), self.accept_selected, KEYS["accept"])
        add(menu, self.tr("&Reject Suggestion"), self.reject_selected, KEYS["reject"])
        add(menu, self.tr("Accept A&ll Suggestions of the Document"), self.accept_all, KEYS["accept all"])
        add(menu, self.tr("Reject All Suggestions of the Doc&ument"), self.reject_all, KEYS["reject all"])
        menu.addSeparator()
        add(menu, self.tr("Accept Every Mention of the &Entity"), self.accept_entity, KEYS["accept entity"])
        add(menu, self.tr("Reject the Open Mentions of the En&tity"), self.reject_entity)
        add(menu, self.tr("Take the Span &Out of Its Entity"), self.leave_entity)
        menu.addSeparator()
        group = QActionGroup(self)
        for scope, text in SCOPES:
            action = add(menu, self.tr(text), lambda _=False, s=scope: self.set_scope(s))
            action.setCheckable(True)
            action.setChecked(scope == self.scope)
            group.addAction(action)
        menu.addSeparator()
        add(menu, self.tr("Propose Every &Mention in the Project…"), self.mentions_in_project)
        add(menu, self.tr("Propose Dates in This Document"), lambda: self.propose_dates(False))
        add(menu, self.tr("Propose Dates in Every Document…"), lambda: self.propose_dates(True))
        add(menu, self.tr("Load &Gazetteer…"), self.load_gazetteer)
        menu.addSeparator()
        add(menu, self.tr("&Forget Rejections in This Document"), lambda: self.forget_rejections(False))
        add(menu, self.tr("Forget Rejections in the Pro&ject"), lambda: self.forget_rejections(True))
        add(menu, self.tr("&Save My Labels as a Gazetteer…"), self.save_my_gazetteer)

    def _add(self, menu, text: str, slot, shortcut: str | None = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def set_scope(self, scope: str) -> None:
        self.scope = scope
        self.settings.setValue(SCOPE_KEY, scope)

    # -- after a label ---------------------------------------------------------

    def after_label(self, edit: Edit) -> Edit | None:
        """The other mentions of a name just labelled, proposed in the document
        (and, with the project scope, in every other document)."""
        if self.scope == "off" or self.editor is None:
            return None
        from annotator.suggest.sources import mention_source, mention_spans

        labelling = self.editor.labelling
        names = _names_of(edit, labelling.document.text)
        if not names:
            return None
        from annotator.suggest.sources import mention_source, mention_spans

        added = [c.after.span for c in edit.spans if c.before is None and c.after is not None]
        try:
            found = mention_spans(labelling.document, names)
            # One name labelled: its mentions and the label are one entity.
            proposed = (labelling.suggest_mentions(added[0].id, found) if len(added) == 1
                        else labelling.suggest(found))
        except EditError as error:
            self.editor.failed.emit(str(error))
            return None
        elsewhere = 0
        if self.scope == "project":
            others = [i for i in self.window.project.document_ids()
                      if i != labelling.document.id]
            since = self.window.project.last_span_id()
            elsewhere = self._apply([mention_source(names)], others, self.tr("Proposing mentions"))
            # On the label's undo step: its undo takes them back from every document.
            proposed = labelling.proposed_elsewhere(proposed, since, edit.name)
        here = sum(change.before is None and change.after.document_id == labelling.document.id
                   for change in proposed.spans) if proposed is not None else 0
        if here or elsewhere:
            message = (self.tr("1 other mention proposed; {0} steps to it.") if here == 1 else
                       self.tr("{1} other mentions proposed; {0} steps to them."))
            text = message.format(KEYS["next"], here)
            if elsewhere:
                text += " " + self.tr("{0} more in other documents.").format(elsewhere)
            self.editor.message.emit(text)
        return proposed

    # -- stepping, accepting, rejecting ----------------------------------------

    def step(self, direction: int) -> None:
        if self.editor is None:
            return
        suggestions = self.editor.labelling.suggestions
        if not suggestions:
            self.editor.message.emit(self.tr("No suggestion in this document."))
            return
        current = self.editor.view.selected_span()
        here = current.start if current is not None else (
            self.editor.view.textCursor().position() if direction > 0 else 10**12)
        if direction > 0:
            after = [s for s in suggestions if (s.start, s.id) > (here, current.id if current else -1)]
            target = after[0] if after else suggestions[0]
        else:
            before = [s for s in suggestions if (s.start, s.id) < (here, current.id if current else 10**12)]
            target = before[-1] if before else suggestions[-1]
        self.editor.view.select_span(target)
        self.editor.view.center_on(target.start)
        self.window.span_list.show_selected(target)

    def _selected_suggestion(self) -> Span | None:
        span = self.editor._selected() if self.editor else None
        if span is None or not span.is_suggestion:
            if self.editor is not None:
                self.editor.message.emit(self.tr("Select a suggestion first ({0}).").format(KEYS["next"]))
            return None
        return span

    def accept_selected(self) -> None:
        span = self._selected_suggestion()
        if span is not None and self.editor._edit(lambda: self.editor.labelling.accept(span.id)):
            self.editor.view.select_span(self.editor.labelling.span(span.id))
            self.step(1)

    def reject_selected(self) -> None:
        span = self._selected_suggestion()
        if span is None:
            return
        following = [s for s in self.editor.labelling.suggestions if s.start > span.start]
        if self.editor._edit(lambda: self.editor.labelling.reject(span.id)) and following:
            self.editor.view.select_span(following[0])

    # -- the whole entity of the selected span ----------------------------------

    def _selected_entity(self) -> int | None:
        span = self.editor._selected() if self.editor else None
        if span is None or span.entity is None:
            if self.editor is not None:
                self.editor.message.emit(
                    self.tr("Select a span whose name was labelled with its other mentions first."))
            return None
        return span.entity

    def accept_entity(self) -> None:
        self._on_entity(lambda labelling, entity: labelling.accept_entity(entity),
                        self.tr("Every mention of this entity is accepted already."))

    def reject_entity(self) -> None:
        self._on_entity(lambda labelling, entity: labelling.reject_entity(entity),
                        self.tr("This entity has no open mention."))

    def _on_entity(self, edit, nothing_to_do: str) -> None:
        """Run ``edit`` on the selected span's entity; say ``nothing_to_do`` when it changed nothing."""
        entity = self._selected_entity()
        if entity is None:
            return
        if self.editor._edit(lambda: edit(self.editor.labelling, entity)) is None:
            self.editor.message.emit(nothing_to_do)

    def leave_entity(self) -> None:
        span = self.editor._selected() if self.editor else None
        if span is not None and span.entity is not None:
            self.editor._edit(lambda: self.editor.labelling.set_entity([span.id], None))
        elif self.editor is not None:
            self.editor.message.emit(self.tr("The selected span is in no entity."))

    def accept_all(self) -> None:
        if self.editor is not None and self.editor.document is not None:
            self.editor._edit(self.editor.labelling.accept_all)

    def reject_all(self) -> None:
        if self.editor is not None and self.editor.document is not None:
            self.editor._edit(self.editor.labelling.reject_all)

    # -- on request ----------------------------------------------------------

    def mentions_in_project(self) -> None:
        from annotator.suggest.sources import mention_source

        if self.window.project is None:
            return
        names = [(surface, label) for surface, label, _
                 in self.window.project.labelled_names(self.window.annotator)]
        if not names:
            self._tell(self.tr("Label some names first: their other mentions are proposed."))
            return
        from annotator.suggest.sources import mention_source

        self._apply([mention_source(names)], None, self.tr("Proposing every mention"))

    def propose_dates(self, every_document: bool) -> None:
        from annotator.suggest.dates import LABEL as DATE_LABEL
        from annotator.suggest.sources import date_source

        project = self.window.project
        if project is None or (not every_document and self.editor.document is None):
            return
        from annotator.suggest.dates import LABEL as DATE_LABEL
        from annotator.suggest.sources import date_source

        if DATE_LABEL not in {label.key for label in project.labels()}:
            self._tell(self.tr("The project has no {0} label.").format(DATE_LABEL))
            return
        if every_document:
            self._apply([date_source()], None, self.tr("Proposing dates"))
        else:
            self._apply([date_source()], [self.editor.document.id], self.tr("Proposing dates"))

    def forget_rejections(self, whole_project: bool) -> None:
        """Let the suggestions the annotator rejected be proposed again (by the
        next proposal: nothing is proposed here)."""
        project = self.window.project
        if project is None or (not whole_project and self.editor.document is None):
            return
        document_id = None if whole_project else self.editor.document.id
        try:
            count = project.forget_rejections(document_id, self.window.annotator)
        except ProjectError as error:
            self.editor.failed.emit(str(error))
            return
        if whole_project:
            text = (self.tr("1 rejected suggestion in the project forgotten: proposing again may bring it back.")
                    if count == 1 else self.tr("{0} rejected suggestions in the project forgotten: "
                                               "proposing again may bring them back."))
        else:
            text = (self.tr("1 rejected suggestion in this document forgotten: proposing again may bring it back.")
                    if count == 1 else self.tr("{0} rejected suggestions in this document forgotten: "
                                               "proposing again may bring them back."))
        self._tell(text.format(count))

    def load_gazetteer(self) -> None:
        project = self.window.project
        if project is None:
            return
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Load gazetteer"), str(Path.home()),
            self.tr("Gazetteers (*.tsv *.txt);;All files (*)"))
        if not path:
            return
        from annotator.formats.problems import InputError
        from annotator.suggest.gazetteer import read_gazetteer

        try:
            gazetteer = read_gazetteer(path, [label.key for label in project.labels()])
        except InputError as error:
            show_message(self.window, QMessageBox.Icon.Warning, self.tr("Gazetteer not loaded"),
                         "\n".join(error.problems[:20]))
            return
        from annotator.suggest.sources import gazetteer_source

        self._apply([gazetteer_source(gazetteer)], None, self.tr("Proposing gazetteer names"))

    def save_my_gazetteer(self) -> None:
        project = self.window.project
        if project is None:
            return
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save labels as a gazetteer"), str(Path.home() / "gazetteer.tsv"),
            self.tr("Gazetteers (*.tsv)"))
        if path:
            self.save_gazetteer_to(path)

    def save_gazetteer_to(self, path: str | Path) -> int | None:
        from annotator.suggest.sources import save_gazetteer

        names = [(s, l) for s, l, _ in self.window.project.labelled_names(self.window.annotator)]
        try:
            count = save_gazetteer(path, names)
        except OSError as error:
            from PySide6.QtWidgets import QMessageBox

            show_message(self.window, QMessageBox.Icon.Warning, self.tr("Not saved"),
                         self.tr("{0}: cannot write ({1})").format(path, error.strerror or error))
            return None
        self._tell(self.tr("{0} names saved to {1}.").format(count, Path(path).name))
        return count

    def _apply(self, sources: list[Source], document_ids, title: str) -> int:
        """Run ``sources`` over documents with a progress bar, then show the
        open document as the file now holds it; how many were proposed."""
        from PySide6.QtWidgets import QProgressDialog

        from annotator.suggest.apply import apply_suggestions

        project = self.window.project
        total = len(document_ids) if document_ids is not None else project.document_count()
        progress = QProgressDialog(title + "…", "", 0, max(total, 1), self.window)
        progress.setCancelButton(None)  # one transaction: all or nothing
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)

        def advance(done: int, _total: int) -> None:
            progress.setValue(done)
            QApplication.processEvents()

        try:
            summaries = apply_suggestions(project, self.window.annotator, sources,
                                          document_ids, advance)
        except ProjectError as error:
            self.editor.failed.emit(str(error))
            return 0
        finally:
            progress.close()
        added = sum(s.added for s in summaries)
        if self.editor is not None:
            # Bulk proposals are not on the undo stack, and need not clear it:
            # span ids are never given twice, so an older undo still finds
            # its rows (or their free ids) as it left them.
            self.editor.labelling.reload()
        open_id = self.editor.document.id if self.editor and self.editor.document else None
        if document_ids is None or any(i != open_id for i in document_ids):
            self.window.doc_model.recount()  # other rows' counts changed too
        self._tell(self.tr("1 suggestion proposed.") if added == 1
                   else self.tr("{0} suggestions proposed.").format(added))
        return added

    def _tell(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)


def _names_of(edit: Edit, text: str) -> list[tuple[str, str]]:
    """(surface, label) of the spans an edit added, but for a span that
    begins inside a word (letters marked exactly): its mentions as a whole
    word would be another word ("i" of "Xi" is the Polish "and")."""
    from annotator.core.word_edges import starts_inside_a_word

    return [(text[span.start:span.end], span.label) for span in
            (c.after.span for c in edit.spans if c.before is None and c.after is not None)
            if not starts_inside_a_word(text, span.start, span.end)]
