"""The main window: document list, text view, label palette, span list."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
# The dialogs (QFileDialog, QInputDialog, QMessageBox) are imported where they
# open: PySide makes a class's type with its enums on first use, and the first
# paint needs none of them.
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMainWindow, QVBoxLayout, QWidget

from annotator import __version__
from annotator.core.model import Direction, Status
from annotator.store import Project, ProjectError
from annotator.store.editing import Change
from annotator.store.session import lengthy_upgrade, open_for_window
from annotator.store.team_queries import TEAM_MEMBER
from annotator.ui.annotation_editor import AnnotationEditor
from annotator.ui.annotator_name import ask_name
from annotator.ui.document_list import DocumentListModel, DocumentListWidget
from annotator.ui.label_colors import LabelColors
from annotator.ui.label_palette import LabelPalette
from annotator.ui import last_document
from annotator.ui.remembered_toggle import remembered_toggle
from annotator.ui.selection_mode import SelectionMode
from annotator.ui.plain_text import escaped_rich_text, menu_text, show_message
from annotator.ui.read_only_banner import ReadOnlyBanner
from annotator.ui.screen_fit import fit_to_available_screen
from annotator.ui.span_list import SpanListView
from annotator.ui.layout_keys import add_arabic_layout_keys
from annotator.ui.suggestion_menu import SuggestionMenu
from annotator.ui.text_view import AnnotationView
from annotator.ui.view_settings import apply_view_settings
from annotator.ui.welcome import WelcomePanel

if TYPE_CHECKING:
    from annotator.ui.find_bar import FindBar

MAX_RECENT = 8
PREFERRED_SIZE = (1200, 800)  # on first start; later the size the user left
# The docks' titles; their untranslated names name them in the saved window state.
DOCK_TITLES = (QT_TRANSLATE_NOOP("MainWindow", "Documents"), QT_TRANSLATE_NOOP("MainWindow", "Labels"),
               QT_TRANSLATE_NOOP("MainWindow", "Spans"))


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings, annotator: str):
        super().__init__()
        self.settings = settings
        self.annotator = annotator
        self.project: Project | None = None
        self.open_error: str | None = None  # why the last project could not be opened
        self.editor: AnnotationEditor | None = None
        self.doc_model: DocumentListModel | None = None
        self.guidelines_dialog = None  # Help ▸ Annotation Guidelines, made when first asked
        self._unfinished = None  # an opening whose check and backup wait (finish_opening)

        self.view = AnnotationView()
        self._find_bar = None  # made on the first Ctrl+F (find_bar)
        self.read_only_banner = ReadOnlyBanner()
        self.welcome = WelcomePanel(settings)
        self.label_colors = LabelColors(settings)
        centre = QWidget()
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.welcome)
        layout.addWidget(self.read_only_banner)
        layout.addWidget(self.view)
        self.setCentralWidget(centre)

        self.documents = DocumentListWidget()
        self.palette = LabelPalette()
        self.span_list = SpanListView()
        self._add_dock("Documents", self.documents, Qt.DockWidgetArea.LeftDockWidgetArea)
        self._add_dock("Labels", self.palette, Qt.DockWidgetArea.RightDockWidgetArea)
        self._add_dock("Spans", self.span_list, Qt.DockWidgetArea.RightDockWidgetArea)

        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.status_label)
        self.selection_mode = SelectionMode(self.view, settings, self)
        self.statusBar().addPermanentWidget(self.selection_mode.label)

        self._build_menus()
        add_arabic_layout_keys(self)  # Ctrl+Z under an Arabic layout alone, too
        self.documents.documentActivated.connect(self._on_documents_activated)
        self.span_list.spanActivated.connect(self._on_span_list_activated)
        self.span_list.spanChosen.connect(self._on_span_list_chosen)
        self.span_list.deleteRequested.connect(lambda: self.editor and self.editor.delete_selected())
        self.span_list.labelKeyPressed.connect(lambda i: self.editor and self.editor.apply_label(i))
        self.palette.labelChosen.connect(self._on_palette_label_chosen)
        self.view.spanClicked.connect(self.span_list.show_selected)
        fit_to_available_screen(self, PREFERRED_SIZE)
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        point_size = settings.value("view/point_size")
        if point_size is not None:
            self.view.set_point_size(float(point_size))
        apply_view_settings(self.view, settings)
        state = settings.value("window/state")  # where the docks are, and their sizes
        if state is not None:
            self.restoreState(state)

    def _add_dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(QCoreApplication.translate("MainWindow", title), self)
        dock.setObjectName(title)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    # -- menus ---------------------------------------------------------------

    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("&New Project…"), self._on_new_project, QKeySequence.StandardKey.New)
        self._action(file_menu, self.tr("&Open Project…"), self._on_open_project, QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        file_menu.addSeparator()
        self.import_action = self._action(file_menu, self.tr("&Import…"), self._on_import, "Ctrl+I")
        self._action(file_menu, self.tr("&Export…"), self._on_export, "Ctrl+E")
        self._action(file_menu, self.tr("&Backups…"), self._on_backups)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        self.undo_action = self._action(edit_menu, self.tr("&Undo"), self._on_undo, QKeySequence.StandardKey.Undo)
        self.redo_action = self._action(edit_menu, self.tr("&Redo"), self._on_redo, QKeySequence.StandardKey.Redo)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.undo_action.setProperty("help_text", self.tr("Undo the last step"))
        self.redo_action.setProperty("help_text", self.tr("Redo the step undone"))
        edit_menu.addSeparator()
        self._action(edit_menu, self.tr("&Find…"), self._on_find, QKeySequence.StandardKey.Find)
        self._action(edit_menu, self.tr("&Delete Span"), self._on_delete_span)
        edit_menu.addSeparator()
        edit_menu.addAction(self.selection_mode.action)
        self._action(edit_menu, self.tr("&Settings…"), self._on_settings, "Ctrl+,")

        view_menu = bar.addMenu(self.tr("&View"))
        zoom_in = self._action(view_menu, self.tr("Zoom &In"), lambda: self.view.zoom_by(1))
        # Ctrl+= as well: on most keyboards plus needs Shift.
        zoom_in.setShortcuts([QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")])
        self._action(view_menu, self.tr("Zoom &Out"), lambda: self.view.zoom_by(-1), QKeySequence.StandardKey.ZoomOut)
        self.label_tags_action = remembered_toggle(
            self, self.tr("Label &Tags Above Spans"), self.settings, "view/label_tags", True,
            self.view.set_label_tags)
        view_menu.addAction(self.label_tags_action)
        self.group_entities_action = remembered_toggle(
            self, self.tr("Group Spans by &Entity"), self.settings, "view/group_entities", False,
            self.span_list.span_model.set_grouped)
        view_menu.addAction(self.group_entities_action)
        # The keyboard's way to the panels: the text, the document list (its
        # filters a Shift+Tab away), the span list.
        self._action(view_menu, self.tr("Next &Panel"), lambda: self._step_panel(1),
                     QKeySequence("F6"))
        self._action(view_menu, self.tr("Previous Panel"), lambda: self._step_panel(-1),
                     QKeySequence("Shift+F6"))
        self.documents.build_sort_menu(view_menu.addMenu(self.tr("&Sort Documents By")))
        direction_menu = view_menu.addMenu(self.tr("Text &Direction"))
        self.direction_group = QActionGroup(self)
        self.direction_actions: dict[Direction | None, QAction] = {}
        for text, value in ((self.tr("&Automatic (per line)"), None), (self.tr("&Right to Left"), Direction.RTL),
                            (self.tr("&Left to Right"), Direction.LTR)):
            action = self._action(direction_menu, text,
                                  lambda _=False, v=value: self._on_direction_chosen(v))
            action.setCheckable(True)
            self.direction_group.addAction(action)
            self.direction_actions[value] = action

        project_menu = bar.addMenu(self.tr("&Project"))
        self.labels_action = self._action(project_menu, self.tr("&Labels…"), self._on_edit_labels, "Ctrl+L")
        self.review_action = self._action(project_menu, self.tr("&Review and Adjudicate…"),
                                          self._on_review, "Ctrl+R")
        self._action(project_menu, self.tr("Annotator &Name…"), self._on_change_name)
        project_menu.addSeparator()
        self._action(project_menu, self.tr("&Assign…"), self._on_assign)
        self._action(project_menu, self.tr("&Collect…"), self._on_collect)
        self._action(project_menu, self.tr("Team &Progress…"), self._on_progress)

        self.language_action = self._action(view_menu, self.tr("Document &Language…"),
                                            self._on_set_language)

        self.suggestions = SuggestionMenu(self, self.settings)
        self.suggestions.build(bar.addMenu(self.tr("&Suggestions")))

        document_menu = bar.addMenu(self.tr("&Document"))
        self._action(document_menu, self.tr("&Next Document"), lambda: self._step_document(1), "Ctrl+PgDown")
        self._action(document_menu, self.tr("&Previous Document"), lambda: self._step_document(-1), "Ctrl+PgUp")
        self._action(document_menu, self.tr("Next &Span"), lambda: self._step_span(1), "Ctrl+Down")
        self._action(document_menu, self.tr("Previous S&pan"), lambda: self._step_span(-1), "Ctrl+Up")
        self._action(document_menu, self.tr("Mark &Done / Not Done"), self._on_toggle_done, "Ctrl+Return")

        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&Keyboard"), self._on_show_keys, QKeySequence.StandardKey.HelpContents)
        self.guidelines_action = self._action(help_menu, self.tr("Annotation &Guidelines"),
                                              self._on_show_guidelines, "F2")
        self._action(help_menu, self.tr("&Welcome"), self.welcome.show_again)
        self._action(help_menu, self.tr("&About"), self._on_about)
        self._refresh_recent_menu()

    # -- projects ------------------------------------------------------------

    def open_project(self, path: Path, create: bool = False, finish_later: bool = False,
                     back_up: bool = True) -> bool:
        """Open a project file (``create``: a new one where none is).
        ``finish_later``: the check of the whole file and the backup wait for
        :meth:`finish_opening` (a window that starts calls it after its
        first paint). ``back_up``: False just after a restore."""
        if self.project is not None and self.project.path.resolve() == path.resolve():
            self._close_project()  # this window's own lock must not make it read-only
        notices = []

        def say_upgrading(upgraded: Path) -> None:
            if lengthy_upgrade(upgraded):
                from annotator.ui.upgrade_notice import show_upgrade_notice

                notices.append(show_upgrade_notice(self, upgraded))

        try:
            try:
                opened = open_for_window(path, create=create, finish_later=finish_later,
                                         on_upgrade=say_upgrading, back_up=back_up)
            finally:
                for notice in notices:
                    notice.close()
        except ProjectError as error:
            from PySide6.QtWidgets import QMessageBox

            if not path.exists():
                self._forget_recent(path)
            self.open_error = str(error)
            show_message(self, QMessageBox.Icon.Critical, self.tr("Cannot open project"), str(error))
            return False
        project, self.open_error = opened.project, None
        self._close_project()
        self.project = project
        try:
            # An unchecked file (finish_later) may meet its damage here.
            with project.damage_reported():
                self._show_project(path, opened, finish_later)
        except ProjectError as error:
            self._refuse_damaged(str(error))
            return False
        return True

    def _show_project(self, path: Path, opened, finish_later: bool) -> None:
        project = opened.project
        self._show_no_document()
        self.editor = AnnotationEditor(project, self.annotator, self.view, self)
        self.editor.labels = self.label_colors.recolor(self.editor.labels)
        # A layer merged from an annotator's own file is that file's mirror:
        # labels added here would go with the next merge of it.
        reason = opened.read_only_reason or self._merged_layer_reason(project)
        self.editor.read_only_reason = reason
        self.editor.warm_up_later = finish_later
        self._unfinished = None if opened.finished else opened
        self.read_only_banner.show_reason(path.name, reason)
        self.editor.after_label = self.suggestions.after_label
        self.doc_model = DocumentListModel(project, self.annotator, self)
        self.doc_model.orderFailed.connect(
            lambda text: self.statusBar().showMessage(self.tr("The document list could not be "
                                                              "sorted: %1").replace("%1", text), 8000))
        # The view listens first (the editor subscribed in its constructor),
        # then the span list and the document list.
        self.editor.labelling.subscribe(self._on_labelling_change)
        self.editor.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.editor.failed.connect(self._on_edit_failed)
        self.editor.documentWanted.connect(self._show_document_of_step)
        self.editor.saved.connect(self._on_editor_saved)
        self.editor.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.editor.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        # The menu names the step: "Undo Add PERSON", in the interface's language.
        self.editor.undo_stack.undoTextChanged.connect(self._on_undo_text)  # slots: gone with the window
        self.editor.undo_stack.redoTextChanged.connect(self._on_redo_text)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.palette.set_labels(self.editor.labels, self.project.guidelines())
        if self.guidelines_dialog is not None:
            self.guidelines_dialog.show_guidelines(self.editor.labels, self.project.guidelines())
        self.documents.set_model(self.doc_model)
        self.settings.setValue("project/last", str(path))
        self._remember_recent(path)
        self.setWindowTitle(self.tr("{0} — annotator").format(path.name))
        self._on_editor_saved(initial=True)
        if self.doc_model.rowCount() and not self._reopen_last_document(path):
            self.documents.table.selectRow(0)
        self.view.setFocus()
        if opened.backup_problem:
            self.statusBar().showMessage(opened.backup_problem, 10000)
        else:
            self._say_if_not_one_of_its_annotators(project)
        if project.is_review_file() and offer_review(self, path.name):
            self._on_review()

    def finish_opening(self) -> str | None:
        """The check and the backup that ``open_project(finish_later=True)``
        left, then the lemmatizer's loading. A damaged file is closed and
        said so: the message is returned."""
        opened, self._unfinished = self._unfinished, None
        if opened is None or opened.project is not self.project:
            return None
        try:
            opened.finish()
        except ProjectError as error:
            self._refuse_damaged(str(error))
            return str(error)
        if opened.backup_problem:
            self.statusBar().showMessage(opened.backup_problem, 10000)
        self.editor.warm_up_dictionary()
        return None

    def _refuse_damaged(self, message: str) -> None:
        """Close a project found damaged once the window had begun to show it."""
        self._unfinished = None
        self._close_project()
        self._show_no_document()
        self.doc_model = self.documents.model = None
        self.documents.table.setModel(None)
        self.setWindowTitle("annotator")
        self.open_error = message
        from PySide6.QtWidgets import QMessageBox

        show_message(self, QMessageBox.Icon.Critical, "Cannot open project", message)

    def _close_project(self) -> None:
        if self.editor is not None:
            self.editor.detach()
            self.editor.deleteLater()
            self.editor = None
        if self.project is not None:
            self.project.close()
            self.project = None

    def _reopen_last_document(self, path: Path) -> bool:
        name = last_document.recall(self.settings, path)
        try:
            doc_id = self.project.document_by_name(name).id if name else None
        except ProjectError:
            return False  # renamed or gone
        if doc_id is not None:
            self.documents.select_document(doc_id)
        return doc_id is not None and self.editor.document is not None

    def _show_no_document(self) -> None:
        """An empty view until a document of the new project is chosen."""
        self.view.show_document("", Direction.LTR, None, [], {})
        if self._find_bar is not None:
            self._find_bar.set_text("")
        self.span_list.span_model.set_spans("", [], {}, {})

    def _remember_recent(self, path: Path) -> None:
        recent = [p for p in self._recent() if p != str(path)]
        self.settings.setValue("project/recent", [str(path), *recent][:MAX_RECENT])
        self._refresh_recent_menu()

    def _forget_recent(self, path: Path) -> None:
        self.settings.setValue("project/recent", [p for p in self._recent() if p != str(path)])
        self._refresh_recent_menu()

    def _recent(self) -> list[str]:
        value = self.settings.value("project/recent", [])
        return [value] if isinstance(value, str) else list(value or [])

    def _refresh_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self._recent():
            action = self.recent_menu.addAction(menu_text(path))
            action.triggered.connect(lambda _=False, p=path: self.open_project(Path(p)))
        self.recent_menu.setEnabled(bool(self._recent()))

    def _on_new_project(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(self, self.tr("New project"), str(Path.home() / "project.db"),
                                              self.tr("Annotation projects (*.db)"))
        if path:
            self.open_project(Path(path), create=True)

    def _on_open_project(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open project"), str(Path.home()),
                                              self.tr("Annotation projects (*.db);;All files (*)"))
        if path:
            self.open_project(Path(path))

    def _writes_refused(self) -> bool:
        """No project, or a read-only one (said in the status bar). What
        writes outside the labelling service asks this when chosen, rather
        than being greyed: a greyed action's shortcut said nothing."""
        return self.project is None or self.editor.refused_read_only()

    def _on_import(self) -> None:
        if self._writes_refused():
            return
        from annotator.ui.import_dialog import ImportDialog

        dialog = ImportDialog(self.project, self.annotator, self)
        if dialog.exec() and dialog.summary is not None:
            self.doc_model.reload()
            self.refresh_labels()
            self.statusBar().showMessage(dialog.status.text(), 8000)

    def _on_edit_labels(self) -> None:
        if self._writes_refused():
            return
        from annotator.ui.labels_dialog import LabelsDialog

        LabelsDialog(self.project, self, self.label_colors).exec()
        self.refresh_labels()

    def _on_show_guidelines(self) -> None:
        if self.project is None:
            return
        from annotator.ui.guidelines_view import GuidelinesDialog

        labels, guidelines = self.label_colors.recolor(self.project.labels()), self.project.guidelines()
        if self.guidelines_dialog is None:
            self.guidelines_dialog = GuidelinesDialog(labels, guidelines, self)
        else:
            self.guidelines_dialog.show_guidelines(labels, guidelines)
        self.guidelines_dialog.show()
        self.guidelines_dialog.raise_()
        self.guidelines_dialog.activateWindow()

    def _on_review(self) -> None:
        if self._writes_refused():
            return
        from annotator.ui.review_window import ReviewWindow

        self.review_window = ReviewWindow(self.project, self)
        if not self.review_window.reviews:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(self, self.tr("Review"), self.tr("No document has two annotators yet. "
                                    "Merge the annotators' files first: annotator merge REVIEW.db A.db B.db"))
            return
        self.review_window.show()

    def _on_assign(self) -> None:
        if self.project is not None:
            from annotator.ui.assign_dialog import AssignDialog

            AssignDialog(self.project, self).exec()

    def _on_collect(self) -> None:
        if self.project is not None:
            from annotator.ui.collect import collect

            if collect(self, self.project) is not None:
                self.doc_model.reload()
                self.refresh_labels()

    def _on_progress(self) -> None:
        if self.project is not None:
            from annotator.ui.progress_view import ProgressDialog

            self.progress_dialog = ProgressDialog(self.project, self)
            self.progress_dialog.show()

    def refresh_labels(self) -> None:
        """After labels changed: palette, keys, colours in the view and span list."""
        labels = self.label_colors.recolor(self.project.labels())
        self.palette.set_labels(labels, self.project.guidelines())
        if self.guidelines_dialog is not None:
            self.guidelines_dialog.show_guidelines(labels, self.project.guidelines())
        self.editor.labels = labels
        self.view.set_colors(self.editor.colors())
        self._show_spans()

    def _on_backups(self) -> None:
        if self.project is None:
            return
        from annotator.store.backups import list_backups
        from annotator.ui.backups_dialog import BackupsDialog

        path = self.project.path
        dialog = BackupsDialog(path.name, list_backups(path), self)
        if dialog.exec() and dialog.chosen is not None:
            self.restore_backup(dialog.chosen)

    def restore_backup(self, number: int) -> bool:
        """Put backup ``number`` back into the open project and show it."""
        from annotator.store.backups import restore_backup

        if self.project.read_only:
            self.statusBar().showMessage(self.tr("Not restored: the project is read-only here."), 10000)
            return False
        path = self.project.path
        self._close_project()  # lets go of the lock, so the restore may write
        try:
            chosen, before = restore_backup(path, number)
        except (ProjectError, OSError) as error:
            from PySide6.QtWidgets import QMessageBox

            show_message(self, QMessageBox.Icon.Warning, self.tr("Not restored"), str(error))
            return self.open_project(path) and False
        # No backup of the file restored: the chosen backup is that copy, and
        # a new one would push the file as it was out of the numbers said.
        opened = self.open_project(path, back_up=False)
        # The numbers first: a long line runs under the status bar's right side.
        self.statusBar().showMessage(self.tr("Restored backup {0}; {1}. It held: {2}").format(
            chosen.number, before, chosen.describe()), 15000)
        return opened

    def _on_export(self) -> None:
        if self.project is None:
            return
        from annotator.ui.export_dialog import ExportDialog

        dialog = ExportDialog(self.project.path, self.project.annotators(), self, self.settings)
        dialog.exec()

    # -- documents and spans -------------------------------------------------

    def _on_documents_activated(self, document_id: int) -> None:
        if self.editor is None:
            return
        self.editor.open_document(document_id)
        doc = self.editor.document
        last_document.remember(self.settings, self.project.path, doc.name)
        self.direction_actions[doc.direction_override].setChecked(True)
        if self._find_bar is not None:
            self._find_bar.set_text(doc.text)
        self._on_editor_saved(initial=True)

    def _step_document(self, step: int) -> None:
        table = self.documents.table
        row = table.currentIndex().row() + step
        if self.doc_model is None:
            return
        if row >= self.doc_model.rowCount() and self.doc_model.canFetchMore():
            self.doc_model.fetchMore()
        if 0 <= row < self.doc_model.rowCount():
            table.selectRow(row)
            self.view.setFocus()

    def _step_panel(self, step: int) -> None:
        panels = [w for w in (self.view, self.documents.table, self.span_list) if w.isVisible()]
        if not panels:
            return
        focused = QApplication.focusWidget()
        at = next((i for i, w in enumerate(panels)
                   if focused is w or (focused is not None and w.isAncestorOf(focused))), -1)
        panels[(at + step) % len(panels)].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _step_span(self, step: int) -> None:
        if self.editor is not None:
            self.editor.step_span(step)

    def _on_toggle_done(self) -> None:
        if self.editor is not None:
            status = self.editor.toggle_done()
            if status is Status.DONE:
                open_count = len(self.editor.labelling.suggestions)
                if open_count:
                    # Done is the annotator's word, but proposals left open are
                    # not labels: an export leaves them out. Said, not refused.
                    self.statusBar().showMessage(self.tr(
                        "Marked done, with {0} suggestions still open: they are not labels "
                        "until accepted (Alt+Down steps to them).").format(open_count), 8000)
                else:
                    self.statusBar().showMessage(self.tr("Marked done."), 3000)

    def _say_if_not_one_of_its_annotators(self, project: Project) -> None:
        """The name is not one the file's work is under («Alice» on alice's
        file): the labels would start a layer of their own, her work out of
        sight. Said in the status bar, with where to change the name."""
        owner = project.info(TEAM_MEMBER)  # a file handed out by assign: whose it is
        if owner is not None and owner != self.annotator:
            self.statusBar().showMessage(self.tr(
                "This file was handed out to {0}, and you work as {1}: your labels go to {1}'s "
                "layer, which a merge takes only where {1} has no other work (Project ▸ "
                "Annotator Name changes the name).").format(owner, self.annotator), 30000)
            return
        people = project.people()
        if not people or self.annotator in people:
            return
        like = [n for n in people if n.strip().casefold() == self.annotator.strip().casefold()]
        self.statusBar().showMessage(self.tr(
            "You work as {0}; this file holds the work of {1}: your labels start a layer of "
            "their own (Project ▸ Annotator Name changes the name).").format(
            self.annotator, ", ".join(like or people[:5])), 20000)

    def _on_labelling_change(self, change: Change) -> None:
        """The span list and the document list follow the labelling service."""
        if self.editor.document is not None and self.editor.document.id == change.document_id:
            if change.reloaded:
                self._show_spans()
            else:  # what the edit changed, not the whole list again
                self.span_list.span_model.apply_change(change)
                self.span_list.show_selected(self.view.selected_span())
        self.doc_model.update_document(change.document_id, change.status, change.span_count,
                                       change.suggestion_count)
        if change.others:  # mentions proposed in other documents, or taken back
            self.doc_model.recount()

    def _show_spans(self) -> None:
        doc = self.editor.document
        self.span_list.span_model.set_spans(doc.text if doc else "", self.editor.labelling.spans,
                                            self.editor.colors(), self.editor.names())
        self.span_list.show_selected(self.view.selected_span())

    def _on_edit_failed(self, text: str) -> None:
        self.statusBar().showMessage(self.tr("Not saved: {0}").format(text), 10000)
        from PySide6.QtWidgets import QMessageBox

        show_message(self, QMessageBox.Icon.Warning, self.tr("Not saved"), text)

    def _merged_layer_reason(self, project: Project) -> str | None:
        """Why labels may not be added here under this window's name: in a
        review file, the name of a layer merged from an annotator's file."""
        if self.annotator not in project.merge_sources():
            return None
        return self.tr("{0}'s layer in it is merged from their own file, and the next merge "
                       "replaces it; label in that file, or choose another name in {1}").format(
            self.annotator, self.tr("Project ▸ Annotator Name…"))

    def _on_change_name(self) -> None:
        name = ask_name(self, self.tr("Annotator name"), self.annotator)
        if name is None or name == self.annotator:
            return
        self.settings.setValue("annotator/name", name)
        self.annotator = name
        if self.project is not None:
            document = self.editor.document.id if self.editor.document else None
            self.open_project(self.project.path)
            if document is not None:
                self.documents.select_document(document)

    def _on_editor_saved(self, initial: bool = False) -> None:
        path = self.project.path if self.project else None
        state = self.tr("All changes saved") if not initial else self.tr("Every edit is saved as you make it")
        if self.project is not None and self.project.read_only:
            state = self.tr("Read-only")
        self.status_label.setText(f"{self.annotator}  ·  {path.name if path else '-'}  ·  {state}")
        self.status_label.setToolTip(str(path))

    def _on_span_list_activated(self, span) -> None:
        if span is not None:
            self.view.select_span(span)
            self.view.setFocus()

    def _on_span_list_chosen(self, span) -> None:
        """A row reached with the arrow keys: its span is selected in the text
        (and shown), the keys staying with the list."""
        if span is not None:
            self.view.select_span(span)
            self.view.center_on(span.start)

    def _on_palette_label_chosen(self, index: int) -> None:
        if self.editor is not None:
            self.editor.apply_label(index)
            self.view.setFocus()

    @property
    def find_bar(self) -> FindBar:
        """The find bar under the text, made when first asked for: hidden
        until then, the first paint does not need it."""
        if self._find_bar is None:
            from PySide6.QtWidgets import QToolButton

            from annotator.ui.find_bar import FindBar

            bar = self._find_bar = FindBar()
            bar.hide()
            self.centralWidget().layout().addWidget(bar)
            # Tab goes from the text to the bar's field and buttons, as when it was made first.
            chain = [self.view, bar.edit,
                     *bar.findChildren(QToolButton, options=Qt.FindChildOption.FindDirectChildrenOnly)]
            for first, second in zip(chain, chain[1:]):
                QWidget.setTabOrder(first, second)
            bar.matchChosen.connect(self._on_find_match)
            bar.closed.connect(self.view.setFocus)
            doc = self.editor.document if self.editor is not None else None
            bar.set_text(doc.text if doc is not None else "")
        return self._find_bar

    def _on_find(self) -> None:
        self.find_bar.open_bar()

    def _on_find_match(self, start: int, end: int) -> None:
        self.view.set_selection(start, end)
        self.view.ensureCursorVisible()

    def _on_delete_span(self) -> None:
        if self.editor is not None:
            self.editor.delete_selected()

    def _on_undo_text(self, text: str) -> None:
        self.undo_action.setText(self.tr("&Undo {0}").format(text) if text else self.tr("&Undo"))

    def _on_redo_text(self, text: str) -> None:
        self.redo_action.setText(self.tr("&Redo {0}").format(text) if text else self.tr("&Redo"))

    def _on_undo(self) -> None:
        if self.editor is not None:
            self.editor.undo()

    def _on_redo(self) -> None:
        if self.editor is not None:
            self.editor.redo()

    def _show_document_of_step(self, document_id: int) -> None:
        """The history spans documents: an undo or redo first shows the
        document it changes, selected in the list when the list shows it."""
        self.documents.select_document(document_id)
        if self.editor.document is None or self.editor.document.id != document_id:
            self._on_documents_activated(document_id)  # filtered out of the list: opened all the same

    def _on_direction_chosen(self, direction: Direction | None) -> None:
        if self.editor is not None:
            self.editor.set_direction_override(direction)

    def _on_set_language(self) -> None:
        doc = self.editor.document if self.editor else None
        if doc is None or self._writes_refused():
            return
        from PySide6.QtWidgets import QInputDialog

        lang, ok = QInputDialog.getText(self, self.tr("Document language"),
                                        escaped_rich_text(self.tr("Language code of {0} (ar, pl, en, …):").format(doc.name)), text=doc.lang)
        if ok and lang.strip():
            self.project.set_language(doc.id, lang)
            doc.lang = lang.strip()
            self.doc_model.reload()
            self.documents.select_document(doc.id)

    def _on_settings(self) -> None:
        from annotator.ui.settings_dialog import SettingsDialog

        SettingsDialog(self).exec()

    def _on_show_keys(self) -> None:
        from annotator.ui.keyboard_help import KeyboardHelpDialog, main_window_rows

        KeyboardHelpDialog(main_window_rows(self.menuBar()), self,
                           note=self.tr("Every edit is saved the moment it is made.")).exec()

    def _on_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, self.tr("About annotator"),
                          self.tr("annotator {0}\nNamed-entity annotation of Arabic and other news.").format(__version__))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("view/point_size", self.view.point_size)
        self.settings.sync()
        if self.project is not None:
            self.project.close()
            self.project = None
        super().closeEvent(event)


def offer_review(parent: QWidget, name: str) -> bool:
    """Say that a file is a review file; True when the user chose to review it."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("MainWindow", "Review file"), "",
                      QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(QCoreApplication.translate(
        "MainWindow", "{0} is a review file: it holds merged annotators' layers or a gold "
        "layer. Review and adjudicate it with Project ▸ Review and Adjudicate… "
        "(Ctrl+R). Labelling here adds a layer of your own.").format(name))
    review = box.addButton(QCoreApplication.translate("MainWindow", "&Review"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("MainWindow", "&Not Now"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is review
