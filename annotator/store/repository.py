"""The project file: one SQLite database per project.

Every public method that writes is one transaction, committed before it
returns, so the window never shows an edit that is not on disk.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from functools import partial
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core.document_query import DocumentQuery
from annotator.core.labels import DEFAULT_GUIDELINES, DEFAULT_LABELS, EXTRA_COLORS
from annotator.core.model import (
    GOLD_ANNOTATOR,
    IMPORTED_LAYER,
    Direction,
    Document,
    DocumentRecord,
    Label,
    Origin,
    Span,
    Status,
)
from annotator.core.offsets import check_bounds
from annotator.core.row_positions import RowPositions
from annotator.store import integrity, open_files
from annotator.store.lean_sqlite_utils import Database
from annotator.store.document_order import languages, ordered_ids
from annotator.store.guideline_queries import GuidelineQueries
from annotator.store.schema import (
    GUIDELINES_VERSION,
    MIGRATIONS,
    SCHEMA_VERSION,
    register_functions,
    statements,
)
from annotator.store.team_queries import TeamQueries
from annotator.store.timestamps import NOW_MS, iso_from_ms, ms_from_iso

if TYPE_CHECKING:  # loaded by an import, not by opening a project
    from annotator.store.import_run import ImportSummary

SQLITE_HEADER = b"SQLite format 3\x00"


# Pages of a new file. A document of a few thousand characters fills most
# of a 4 KB page and leaves the rest empty; 32 KB pages hold several (an
# import of 10,000 documents of 2,000 characters: a file 7% smaller; 64 KB
# saves nothing more). Files made before keep their pages.
PAGE_SIZE = 32768

# A span's timestamp given as ISO text, stored as milliseconds (timestamps.py);
# one that is not a time is stamped with the moment of writing.
_MS_PARAM = f"coalesce({ms_from_iso('?')}, {NOW_MS})"


class ProjectError(Exception):
    """A project file that cannot be used, with a message for the user."""


class NewerProjectError(ProjectError):
    pass


class DuplicateSpanError(ProjectError):
    pass


class DamagedProjectError(ProjectError):
    """A project file SQLite finds damaged; refused, never written."""


@dataclass(frozen=True)
class DocumentRow:
    """One line of the document list."""

    id: int
    name: str
    lang: str
    direction: Direction
    status: Status
    span_count: int  # labels: suggestions not accepted yet are not spans
    suggestion_count: int = 0  # suggestions still open


@dataclass(frozen=True)
class SpanRecord:
    """A span as the file holds it, timestamps included: what brings a span
    back exactly (:meth:`Project.restore_span`)."""

    span: Span  # with its id, annotator and origin
    document_id: int
    created_at: str = ""
    updated_at: str = ""

    @property
    def id(self) -> int | None:
        return self.span.id


@dataclass(frozen=True)
class StatusRecord:
    """A document's status for one annotator as stored; without a time when
    it is still to be written (stamped then)."""

    status: Status
    updated_at: str | None = None


@dataclass(frozen=True)
class MergeSource:
    """Where a merged layer came from."""

    project_id: str
    annotator: str
    path: str


@contextmanager
def _duplicate_as_error(message: str) -> Iterator[None]:
    try:
        yield
    except sqlite3.IntegrityError as error:
        if "UNIQUE" in str(error):
            raise DuplicateSpanError(message) from error
        raise


# A stored origin's member by a dict lookup: Origin(value) costs an enum
# call per span, and a review reads every span of a project.
_ORIGIN_OF = {origin.value: origin for origin in Origin}


def _span_from_row(row: sqlite3.Row | tuple) -> Span:
    """From (id, start, end, label, annotator, origin[, reason, confidence, entity])."""
    span_id, start, end, label, annotator, origin, *why = row
    reason, confidence, entity = why if why else ("", 1.0, None)
    return Span(start, end, label, id=span_id, annotator=annotator, origin=_ORIGIN_OF[origin],
                reason=reason, confidence=confidence, entity=entity)


class _Unchanged:
    """What ``update_span`` takes for "leave the entity as it is" (None ends it)."""


UNCHANGED = _Unchanged()


class Project(TeamQueries, GuidelineQueries):
    """A project file opened for reading and writing."""

    # Called with the file's path just before a file of an older schema is
    # checked and upgraded (seconds for a big one), so that the user hears of
    # it: the command line sets it; Project.open's ``on_upgrade`` comes first.
    announce_upgrade: Callable[[Path], None] | None = None

    def __init__(self, db: Database, path: Path | None, read_only: bool = False):
        self._db = db  # private: every query of the tool is a method of a store class
        self.path = path
        self.read_only = read_only
        self._on_close: list = []  # what to release with the file (a lock)
        self.checked = False  # by SQLite's quick check of the whole file (check())
        # Documents' text lengths once read: a text never changes, and SQLite
        # reads a whole text to count it (a long document, at every edit).
        self._text_lengths: dict[int, int] = {}

    # -- opening -------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, create: bool = True, read_only: bool = False,
             check: str = "small", on_upgrade: Callable[[Path], None] | None = None) -> Project:
        """Open (``create``: or make) a project file. A file that is not
        SQLite, or is cut short, is refused at once. ``check``: when SQLite's
        quick check of the whole file runs first: "always", "small" (on files
        up to integrity.SMALL_FILE, where it takes milliseconds) or "later"
        (the caller runs :meth:`check`: the window, after its first paint).
        Damage it did not look for shows at the first read that meets it:
        inside ``with project:`` that read raises DamagedProjectError. A
        migration checks the file before it writes; ``on_upgrade`` (else
        :attr:`announce_upgrade`) hears of it first. ``read_only``: SQLite
        refuses every write (for a file in use, or on a read-only medium)."""
        path = Path(path)
        existed = path.exists()
        if existed:
            _check_is_project(path)
            if not (create and not read_only) and path.stat().st_size == 0:
                # Opened as a project it would become an empty one: a file cut
                # to nothing (a failed copy) must stay as it is, and say so.
                raise DamagedProjectError(integrity.damage_message(
                    path, "empty: 0 bytes; a first import stopped before it wrote leaves a "
                          "file so too, and importing into it again starts it"))
        elif not create or read_only:
            raise ProjectError(f"{path}: no such project file")
        # Noted before a query takes SQLite's locks on the file: no raw read
        # of it in this process may drop them from now on (open_files).
        noted = open_files.opened(path) if existed else None
        try:
            conn = connect_read_only(path) if read_only else sqlite3.connect(path)
        except BaseException:
            if noted is not None:
                open_files.closed(noted)
            raise
        project = cls(Database(conn), path, read_only)
        project.close_with(partial(open_files.closed, noted or open_files.opened(path)))
        try:
            # A new, empty file has nothing to check (and its page size is still to set).
            if path.stat().st_size and (check == "always"
                                        or (check == "small" and integrity.small(path))):
                project.check()
            project._prepare(on_upgrade or cls.announce_upgrade)
        except sqlite3.DatabaseError as error:
            project.close()
            if integrity.is_damage(error):
                raise DamagedProjectError(integrity.damage_message(path, str(error))) from error
            raise ProjectError(f"{path}: cannot be opened ({error})") from error
        except ProjectError:
            project.close()
            raise
        return project

    def check(self) -> None:
        """SQLite's quick check of the whole file; DamagedProjectError when
        it finds damage."""
        problem = integrity.first_problem(self._db.conn)
        if problem is not None:
            raise DamagedProjectError(integrity.damage_message(self.path, problem))
        self.checked = True

    @classmethod
    def in_memory(cls) -> Project:
        project = cls(Database(sqlite3.connect(":memory:")), None)
        project._prepare()
        return project

    def _prepare(self, on_upgrade: Callable[[Path], None] | None = None) -> None:
        conn = self._db.conn
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            self._db.close()
            raise NewerProjectError(
                f"{self.path}: made by a newer version of the annotator "
                f"(schema {version}, this version reads up to {SCHEMA_VERSION}); please upgrade"
            )
        conn.execute("PRAGMA foreign_keys = ON")
        if self.read_only:
            if version < SCHEMA_VERSION:
                self._db.close()
                raise ProjectError(f"{self.path}: made by an older version of the annotator; "
                                   "it can be read only after it is opened once with write access")
            return
        if self.path is not None and version == 0:
            # Before the first table (see PAGE_SIZE), and before anything
            # reads the file: the page cache takes its size from it then.
            conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        wal = self.path is None or conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        if on_upgrade is not None and self.path is not None and 0 < version < SCHEMA_VERSION:
            on_upgrade(self.path)
        if version and (version < SCHEMA_VERSION or not wal):
            self.check()  # nothing is written to a damaged file
        if not wal:
            self._db.enable_wal()
        if self.path is not None:
            # FULL makes every committed edit survive a power cut, not only a crash.
            conn.execute("PRAGMA synchronous = FULL")
        if version < SCHEMA_VERSION:
            register_functions(conn)
            self._migrate(version)

    def _migrate(self, version: int) -> None:
        # Foreign keys off while the schema changes, as SQLite advises for a
        # rebuilt table (schemas 8 and 11): the copy does not look up every
        # span's document, annotator and label (a third of the time at a
        # million spans), nor does the drop of the old table delete its rows
        # one by one. The rows are the ones the file kept under the same keys.
        self._db.execute("PRAGMA foreign_keys = OFF")
        try:
            with self._db.atomic():
                for step in range(version, SCHEMA_VERSION):
                    for statement in statements(MIGRATIONS[step]):
                        self._db.execute(statement)
                    if step == 0:
                        self._insert_labels(DEFAULT_LABELS)
                    if step + 1 == GUIDELINES_VERSION:
                        # Default labels (new files and older ones) get the default
                        # guidelines; other labels start without one.
                        self._put_guidelines(DEFAULT_GUIDELINES, replace=False)
                self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        finally:
            self._db.execute("PRAGMA foreign_keys = ON")

    def data_version(self) -> int:
        """A number that changes when another connection (another program, a
        merge from the command line) commits to the file: SQLite's data_version."""
        try:
            return self._db.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error as error:  # closed, or gone
            raise ProjectError(f"{self.path}: cannot be read ({error})") from error

    def close(self) -> None:
        self._db.close()
        while self._on_close:
            self._on_close.pop()()

    def keep_file_whole(self) -> None:
        """After every commit, copy the write-ahead log into the file itself
        (a checkpoint at each commit, not at a thousand pages): a window's
        edits reach ``PROJECT.db`` at once, so a copy of that file alone
        (mailed to the reviewer while the window is open) holds them. Costs
        a second write of each edit's few pages."""
        if not self.read_only and self.path is not None:
            self._db.conn.execute("PRAGMA wal_autocheckpoint = 1")

    def close_with(self, release) -> None:
        """Call ``release`` when the file is closed (a lock held while it is open)."""
        self._on_close.append(release)

    def backup_to(self, target: Path) -> None:
        """A consistent copy of the file at ``target`` (SQLite's backup API:
        safe while other connections write)."""
        with closing(sqlite3.connect(target)) as copy:
            self._db.conn.backup(copy)

    def restore_from(self, source: Path) -> None:
        """Make this file's content the content of ``source``, in one step."""
        with closing(sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)) as backup:
            backup.backup(self._db.conn)

    def __enter__(self) -> Project:
        return self

    def __exit__(self, kind, error, trace) -> None:
        self.close()
        if self._damage(error):
            raise DamagedProjectError(integrity.damage_message(self.path, str(error))) from error

    @contextmanager
    def damage_reported(self) -> Iterator[None]:
        """SQLite finding the file damaged inside the block raises
        DamagedProjectError, with the file's name and what to do."""
        try:
            yield
        except sqlite3.Error as error:
            if self._damage(error):
                raise DamagedProjectError(integrity.damage_message(self.path, str(error))) from error
            raise

    def _damage(self, error: BaseException | None) -> bool:
        return isinstance(error, sqlite3.Error) and integrity.is_damage(error) and bool(self.path)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        try:
            with self._db.atomic():
                yield
        except BaseException:
            self._text_lengths.clear()  # a document read inside may be gone with it
            raise

    def integrity_problems(self) -> list[str]:
        """What SQLite's own checks find wrong with the file (empty: none)."""
        found = [r[0] for r in self._db.execute("PRAGMA integrity_check")]
        problems = [] if found == ["ok"] else found
        problems += [f"{table} row {rowid}: missing {parent}"
                     for table, rowid, parent, _ in self._db.execute("PRAGMA foreign_key_check")]
        return problems

    @property
    def foreign_keys_enforced(self) -> bool:
        return self._db.execute("PRAGMA foreign_keys").fetchone()[0] == 1

    @property
    def schema_version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    @property
    def project_id(self) -> str:
        """A random id given when the file was created; copies keep it."""
        return self._db.execute(
            "SELECT value FROM project_info WHERE key = 'project_id'").fetchone()[0]

    # -- labels --------------------------------------------------------------

    def labels(self) -> list[Label]:
        rows = self._db.execute(
            "SELECT key, name, color, shortcut, position, rowid FROM labels ORDER BY position, key"
        ).fetchall()
        return [Label(*row) for row in rows]

    def _insert_labels(self, labels: Iterable[Label]) -> None:
        self._db["labels"].insert_all(
            ({"key": l.key, "name": l.name, "color": l.color, "shortcut": l.shortcut,
              "position": l.position} for l in labels),
            ignore=True,
        )

    def add_label(self, key: str, name: str | None = None, color: str | None = None) -> Label:
        with self._db.atomic():
            return self._add_label(key, name, color)

    def _add_label(self, key: str, name: str | None = None, color: str | None = None) -> Label:
        existing = self.labels()
        if any(l.key == key for l in existing):
            raise ProjectError(f"label {key!r} exists already")
        position = max((l.position for l in existing), default=-1) + 1
        shortcut = str(position + 1) if position < 9 else ""
        label = Label(key, name or key.title(), color or EXTRA_COLORS[position % len(EXTRA_COLORS)],
                      shortcut, position)
        self._insert_labels([label])
        return label

    def update_label(self, key: str, *, name: str | None = None, color: str | None = None,
                     position: int | None = None) -> None:
        changes = {k: v for k, v in (("name", name), ("color", color), ("position", position))
                   if v is not None}
        if changes:
            with self._db.atomic():
                self._db["labels"].update(key, changes)

    def reorder_labels(self, keys: list[str]) -> None:
        """Put the labels in this order; keys 1-9 follow the order."""
        if sorted(keys) != sorted(l.key for l in self.labels()):
            raise ProjectError("reordering must name every label once")
        with self._db.atomic():
            for position, key in enumerate(keys):
                self._db["labels"].update(
                    key, {"position": position, "shortcut": str(position + 1) if position < 9 else ""})

    # -- annotators ---------------------------------------------------------

    # No cache of ids: a rolled-back transaction could leave one stale.

    def _reader_id(self, name: str) -> int:
        """The id of an annotator for reading; -1 (matching nothing) for a name
        not in the file. Reading never adds an annotator."""
        row = self._db.execute("SELECT id FROM annotators WHERE name = ?",
                               [name.strip()]).fetchone()
        return row[0] if row else -1

    def _writer_id(self, name: str) -> int:
        """The id of an annotator who is about to write, added on their first
        write (inside the caller's transaction, so a rollback takes it back)."""
        name = name.strip()
        if not name:
            raise ProjectError("an annotator needs a name")
        self._db.execute("INSERT INTO annotators (name) VALUES (?) ON CONFLICT DO NOTHING", [name])
        return self._db.execute("SELECT id FROM annotators WHERE name = ?", [name]).fetchone()[0]

    def add_annotator(self, name: str) -> None:
        """Add an annotator with an empty layer (nothing if they are there)."""
        with self._db.atomic():
            self._writer_id(name)

    def annotators(self) -> list[str]:
        return [r[0] for r in self._db.execute("SELECT name FROM annotators ORDER BY name")]

    def people(self) -> list[str]:
        """The annotators who are persons: not the gold layer, nor the layer
        an import without a name fills."""
        return [n for n in self.annotators() if n not in (GOLD_ANNOTATOR, IMPORTED_LAYER)]

    def annotator_uids(self) -> dict[str, str]:
        """Every annotator's uid, by name."""
        return dict(self._db.execute("SELECT name, uid FROM annotators"))

    def set_annotator_uid(self, name: str, uid: str) -> None:
        """Give the layer ``name`` the uid of the layer merged into it (adding it)."""
        with self._db.atomic():
            self._db.execute(
                "INSERT INTO annotators (name, uid) VALUES (?, ?) ON CONFLICT (name) DO UPDATE "
                "SET uid = excluded.uid", [name.strip(), uid])

    def annotated_by(self, document_id: int | None = None) -> list[str]:
        """Who annotated (a document, or any): spans or a status row, by name."""
        if document_id is None:
            where, params = "", []
        else:
            where, params = " AND document_id = ?", [document_id]
        return [r[0] for r in self._db.execute(
            f"""SELECT name FROM annotators a
                WHERE EXISTS (SELECT 1 FROM spans WHERE annotator_id = a.id{where})
                   OR EXISTS (SELECT 1 FROM document_status WHERE annotator_id = a.id{where})
                ORDER BY name""", params * 2)]

    def is_review_file(self) -> bool:
        """A file made for review: it has merged layers or a gold layer."""
        return self._db.execute(
            "SELECT EXISTS (SELECT 1 FROM merge_sources) "
            "OR EXISTS (SELECT 1 FROM annotators WHERE name = ?)", [GOLD_ANNOTATOR]
        ).fetchone()[0] == 1

    # -- documents -----------------------------------------------------------

    def document_count(self, annotator: str | None = None, status: Status | None = None) -> int:
        if status is None or annotator is None:
            return self._db.execute("SELECT count(*) FROM documents").fetchone()[0]
        sql, params = self._status_filter(annotator, status)
        return self._db.execute(f"SELECT count(*) FROM documents d {sql}", params).fetchone()[0]

    def _status_filter(self, annotator: str, status: Status) -> tuple[str, list]:
        params: list = [self._reader_id(annotator)]
        where = ("LEFT JOIN document_status s ON s.document_id = d.id AND s.annotator_id = ? "
                 "WHERE coalesce(s.status, 'todo') = ?")
        params.append(Status(status).value)
        return where, params

    def document_rows(self, annotator: str, offset: int = 0, limit: int = 200,
                      status: Status | None = None) -> list[DocumentRow]:
        """A page of the document list, in import order."""
        annotator_id = self._reader_id(annotator)
        params: list = [annotator_id, annotator_id, annotator_id]
        where = ""
        if status is not None:
            where = "WHERE coalesce(s.status, 'todo') = ?"
            params.append(Status(status).value)
        params += [limit, offset]
        rows = self._db.execute(
            f"""{_DOCUMENT_ROW_SELECT}
            {where}
            ORDER BY d.id LIMIT ? OFFSET ?
            """,
            params,
        ).fetchall()
        return list(map(_document_row, rows))

    def document_positions(self, annotator: str, status: Status | None = None) -> RowPositions:
        """The rows of the document list (all documents, or those with
        ``status`` for ``annotator``) as positions of ids, without reading
        every id: the ids are one run, less the few a status sets apart."""
        # Apart, so that min and max each read one end of the ids' b-tree
        # (together they scan the table).
        lo, hi, count = self._db.execute(
            "SELECT (SELECT min(id) FROM documents), (SELECT max(id) FROM documents), "
            "(SELECT count(*) FROM documents)").fetchone()
        one_run = lo is None or hi - lo + 1 == count
        if status is not None and Status(status) is not Status.TODO:
            return RowPositions.of(self._status_ids(annotator, "status = ?", Status(status).value))
        apart = self._status_ids(annotator, "status != ?", Status.TODO.value) if status is not None else []
        if one_run:
            return RowPositions.run(lo, hi, apart)
        skip = set(apart)
        return RowPositions.of([i for i in self.document_ids() if i not in skip])

    def document_list_positions(self, annotator: str, query: DocumentQuery) -> RowPositions:
        """The rows of the document list for ``query``: in import order as
        :meth:`document_positions`, otherwise the ids in the query's order."""
        if query.in_import_order:
            return self.document_positions(annotator, query.status)
        return RowPositions.ordered(ordered_ids(self._db, self._reader_id(annotator), query))

    def document_rows_of(self, annotator: str, ids: Sequence[int]) -> list[DocumentRow]:
        """The document list's rows of ``ids`` (a page of a sorted list), in
        that order; an id no longer in the file is left out."""
        if not ids:
            return []
        annotator_id = self._reader_id(annotator)
        rows = self._db.execute(
            f"{_DOCUMENT_ROW_SELECT} WHERE d.id IN ({', '.join('?' * len(ids))})",
            [annotator_id, annotator_id, annotator_id, *ids]).fetchall()
        by_id = {r[0]: _document_row(r) for r in rows}
        return [by_id[i] for i in ids if i in by_id]

    def document_languages(self) -> list[str]:
        return languages(self._db)

    def _status_ids(self, annotator: str, condition: str, value: str) -> list[int]:
        return [r[0] for r in self._db.execute(
            f"SELECT document_id FROM document_status WHERE annotator_id = ? AND {condition} "
            "ORDER BY document_id", [self._reader_id(annotator), value])]

    def document_rows_between(self, annotator: str, first_id: int, last_id: int,
                              status: Status | None = None) -> list[DocumentRow]:
        """The document list's rows with ids first_id..last_id: one page by
        the ids' index, as fast at the bottom of the list as at its top."""
        annotator_id = self._reader_id(annotator)
        params: list = [annotator_id, annotator_id, annotator_id, first_id, last_id]
        where = ""
        if status is not None:
            where = "AND coalesce(s.status, 'todo') = ?"
            params.append(Status(status).value)
        rows = self._db.execute(
            f"""{_DOCUMENT_ROW_SELECT}
            WHERE d.id BETWEEN ? AND ? {where}
            ORDER BY d.id
            """,
            params,
        ).fetchall()
        return list(map(_document_row, rows))

    def document_ids(self) -> list[int]:
        return [r[0] for r in self._db.execute("SELECT id FROM documents ORDER BY id")]

    def document(self, document_id: int) -> Document:
        row = self._db.execute(
            f"{_DOCUMENT_SELECT} WHERE id = ?",
            [document_id],
        ).fetchone()
        if row is None:
            raise ProjectError(f"no document with id {document_id}")
        return _document_from_row(row)

    def document_by_name(self, name: str) -> Document:
        row = self._db.execute(
            f"{_DOCUMENT_SELECT} WHERE name = ? ORDER BY id LIMIT 1",
            [name],
        ).fetchone()
        if row is None:
            raise ProjectError(f"no document named {name!r}")
        return _document_from_row(row)

    def iter_documents(self) -> Iterator[Document]:
        cursor = self._db.conn.execute(f"{_DOCUMENT_SELECT} ORDER BY id")
        for row in cursor:
            yield _document_from_row(row)

    def document_ids_by_sha(self) -> dict[str, int]:
        return dict(self._db.execute("SELECT sha256, id FROM documents"))

    def document_texts(self) -> Iterator[tuple[int, str]]:
        """(id, text) of every document, in import order."""
        yield from self._db.conn.execute("SELECT id, text FROM documents ORDER BY id")

    def insert_documents(self, rows: Sequence[dict]) -> list[int]:
        """Store documents as another project file holds them (name, text, lang,
        direction, direction_override, sha256, meta, created_at); their new ids."""
        with self._db.atomic():
            next_id = (self._db.execute("SELECT max(id) FROM documents").fetchone()[0] or 0) + 1
            ids = list(range(next_id, next_id + len(rows)))
            self._db["documents"].insert_all(
                ({**row, "id": document_id} for row, document_id in zip(rows, ids)),
                batch_size=500)
        return ids

    def set_direction_override(self, document_id: int, direction: Direction | None) -> None:
        with self._db.atomic():
            self._db.execute(
                "UPDATE documents SET direction_override = ? WHERE id = ?",
                [Direction(direction).value if direction else None, document_id],
            )

    def set_language(self, document_id: int, lang: str) -> None:
        lang = lang.strip()
        if not lang:
            raise ProjectError("a language code is needed, such as ar, pl or en")
        with self._db.atomic():
            self._db.execute("UPDATE documents SET lang = ? WHERE id = ?", [lang, document_id])

    # -- status --------------------------------------------------------------

    def status(self, document_id: int, annotator: str) -> Status:
        record = self.status_record(document_id, annotator)
        return record.status if record else Status.TODO

    def status_record(self, document_id: int, annotator: str) -> StatusRecord | None:
        """The stored status row, or ``None`` when there is none (to do)."""
        row = self._db.execute(
            "SELECT status, updated_at FROM document_status "
            "WHERE document_id = ? AND annotator_id = ?",
            [document_id, self._reader_id(annotator)],
        ).fetchone()
        return StatusRecord(Status(row[0]), row[1]) if row else None

    def set_status(self, document_id: int, annotator: str, status: Status) -> None:
        with self._db.atomic():
            self._put_status(document_id, self._writer_id(annotator), StatusRecord(Status(status)))

    def restore_status(self, document_id: int, annotator: str,
                       record: StatusRecord | None) -> None:
        """Make the status row exactly ``record`` (``None``: no row), its time included."""
        with self._db.atomic():
            annotator_id = self._writer_id(annotator)
            if record is None:
                self._db.execute(
                    "DELETE FROM document_status WHERE document_id = ? AND annotator_id = ?",
                    [document_id, annotator_id])
            else:
                self._put_status(document_id, annotator_id, record)

    def layer_statuses(self, annotator: str) -> dict[str, Status]:
        """One annotator's statuses, by the sha256 of the document."""
        return {sha: Status(status) for sha, status in self._db.execute(
            """SELECT d.sha256, st.status FROM document_status st
               JOIN documents d ON d.id = st.document_id WHERE st.annotator_id = ?""",
            [self._reader_id(annotator)])}

    def _put_status(self, document_id: int, annotator_id: int, record: StatusRecord) -> None:
        """The one status upsert: a record without a time is stamped now."""
        self._db.execute(
            """INSERT INTO document_status (document_id, annotator_id, status, updated_at)
               VALUES (?, ?, ?, coalesce(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))
               ON CONFLICT (document_id, annotator_id) DO UPDATE
               SET status = excluded.status, updated_at = excluded.updated_at""",
            [document_id, annotator_id, record.status.value, record.updated_at],
        )

    # -- spans ---------------------------------------------------------------

    def spans(self, document_id: int, annotator: str | None = None,
              suggestions: bool = True) -> list[Span]:
        """Spans of a document, of one annotator or of all, by position; without
        the open suggestions when ``suggestions`` is false."""
        sql = ('SELECT sp.id, sp.start, sp."end", sp.label, a.name, sp.origin, sp.reason, '
               "sp.confidence, sp.entity FROM spans sp "
               "JOIN annotators a ON a.id = sp.annotator_id WHERE sp.document_id = ?")
        params: list = [document_id]
        if not suggestions:
            sql += " AND sp.origin != 'suggested'"
        if annotator is not None:
            sql += " AND sp.annotator_id = ?"
            params.append(self._reader_id(annotator))
        sql += ' ORDER BY sp.start, sp."end" DESC, sp.label, a.name'
        return [_span_from_row(r) for r in self._db.execute(sql, params)]

    def span(self, span_id: int) -> Span:
        return self.span_record(span_id).span

    def span_record(self, span_id: int) -> SpanRecord:
        record = self.find_span_record(span_id)
        if record is None:
            raise ProjectError(f"no span with id {span_id} (removed from the file meanwhile?)")
        return record

    def find_span_record(self, span_id: int) -> SpanRecord | None:
        row = self._db.execute(f"{_SPAN_RECORD_SELECT} WHERE sp.id = ?", [span_id]).fetchone()
        return _span_record_from_row(row) if row else None

    def find_span_records(self, span_ids: Iterable[int]) -> dict[int, SpanRecord]:
        """The spans of these ids that the file holds, by id (one query per
        batch of ids, not one per span)."""
        ids = list(dict.fromkeys(span_ids))
        found: dict[int, SpanRecord] = {}
        for at in range(0, len(ids), _IDS_PER_QUERY):
            batch = ids[at:at + _IDS_PER_QUERY]
            marks = ", ".join("?" * len(batch))
            for row in self._db.execute(f"{_SPAN_RECORD_SELECT} WHERE sp.id IN ({marks})", batch):
                record = _span_record_from_row(row)
                found[record.span.id] = record
        return found

    def span_records(self, document_id: int, annotator: str) -> list[SpanRecord]:
        """One annotator's spans of a document as stored, by position."""
        return [_span_record_from_row(r) for r in self._db.execute(
            f"{_SPAN_RECORD_SELECT} WHERE sp.document_id = ? AND sp.annotator_id = ? "
            'ORDER BY sp.start, sp."end" DESC, sp.label',
            [document_id, self._reader_id(annotator)])]

    def last_span_id(self) -> int:
        """The newest span's id (0: none): spans stored later have greater ones."""
        return self._db.execute("SELECT max(id) FROM spans").fetchone()[0] or 0

    def span_records_after(self, span_id: int, annotator: str) -> list[SpanRecord]:
        """One annotator's spans stored after the span ``span_id``, in any document."""
        return [_span_record_from_row(r) for r in self._db.execute(
            f"{_SPAN_RECORD_SELECT} WHERE sp.id > ? AND sp.annotator_id = ? ORDER BY sp.id",
            [span_id, self._reader_id(annotator)])]

    def span_count(self, document_id: int, annotator: str) -> int:
        """How many labels (suggestions not accepted yet left out)."""
        return self.span_and_suggestion_counts(document_id, annotator)[0]

    def span_and_suggestion_counts(self, document_id: int, annotator: str) -> tuple[int, int]:
        """(labels, open suggestions) of one annotator in a document."""
        labels, suggestions = self._db.execute(
            "SELECT count(*) - total(origin = 'suggested'), total(origin = 'suggested') "
            "FROM spans WHERE document_id = ? AND annotator_id = ?",
            [document_id, self._reader_id(annotator)]).fetchone()
        return int(labels), int(suggestions)

    def add_span(self, document_id: int, annotator: str, start: int, end: int, label: str,
                 origin: Origin = Origin.MANUAL, reason: str = "",
                 confidence: float = 1.0) -> Span:
        """Store one span; the document is in progress from then on (a
        suggestion is not a label yet, so it leaves the status alone)."""
        check_bounds(start, end, self._text_length(document_id))
        self._require_label(label)
        with self._db.atomic():
            annotator_id = self._writer_id(annotator)
            with _duplicate_as_error(f"a {label} span at {start}-{end} exists already"):
                cursor = self._db.execute(
                    'INSERT INTO spans (document_id, annotator_id, start, "end", label, origin, '
                    "reason, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [document_id, annotator_id, start, end, label, Origin(origin).value,
                     reason, confidence],
                )
            if Origin(origin) is not Origin.SUGGESTED:
                self._mark_started(document_id, annotator_id)
        return Span(start, end, label, id=cursor.lastrowid, annotator=annotator.strip(),
                    origin=Origin(origin), reason=reason, confidence=confidence)

    def add_spans(self, document_id: int, annotator: str, spans: Iterable[Span],
                  origin: Origin = Origin.MANUAL) -> int:
        """Store spans of one document (each with its own reason, confidence
        and entity) in one statement, in one transaction (a savepoint inside
        a larger one); how many were stored. All or none of them; a
        suggestion leaves the status alone."""
        spans = list(spans)
        text_length = self._text_length(document_id)
        label_keys = {label.key for label in self.labels()}
        for span in spans:
            check_bounds(span.start, span.end, text_length)
            if span.label not in label_keys:
                raise ProjectError(f"unknown label {span.label!r}")
        if not spans:
            return 0
        origin = Origin(origin)
        with self._db.atomic():
            annotator_id = self._writer_id(annotator)
            with _duplicate_as_error(f"document {document_id}: a span exists already"):
                self._db.conn.executemany(
                    'INSERT INTO spans (document_id, annotator_id, start, "end", label, origin, '
                    "reason, confidence, entity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [(document_id, annotator_id, s.start, s.end, s.label, origin.value,
                      s.reason, s.confidence, s.entity) for s in spans])
            if origin is not Origin.SUGGESTED:
                self._mark_started(document_id, annotator_id)
        return len(spans)

    def insert_spans(self, document_id: int, annotator: str, spans: Sequence[Span],
                     origin: Origin = Origin.SUGGESTED) -> list[SpanRecord]:
        """:meth:`add_spans`, handing back the spans' records as stored, in
        the order given (a label's suggestions, for the view and for undo)."""
        with self._db.atomic():
            # Every new row gets an id above the highest one now (AUTOINCREMENT
            # never hands out a lower one), so one read finds them all.
            highest = self._db.execute("SELECT coalesce(max(id), 0) FROM spans").fetchone()[0]
            if not self.add_spans(document_id, annotator, spans, origin):
                return []
            records = [_span_record_from_row(row) for row in self._db.execute(
                f"{_SPAN_RECORD_SELECT} WHERE sp.id > ? ORDER BY sp.id", [highest])]
            if len(records) != len(spans):  # the write lock is held: never, unless a bug
                raise ProjectError(f"document {document_id}: the new spans could not be read back")
        return records

    def _text_length(self, document_id: int) -> int:
        """Length of a document's text in code points (SQLite counts characters)."""
        length = self._text_lengths.get(document_id)
        if length is None:
            row = self._db.execute(
                "SELECT length(text) FROM documents WHERE id = ?", [document_id]).fetchone()
            if row is None:
                raise ProjectError(f"no document with id {document_id}")
            length = self._text_lengths[document_id] = row[0]
        return length

    def _mark_started(self, document_id: int, annotator_id: int) -> None:
        self._db.execute(
            "INSERT INTO document_status (document_id, annotator_id, status) "
            "VALUES (?, ?, 'in_progress') ON CONFLICT DO NOTHING",
            [document_id, annotator_id],
        )
        self._db.execute(
            "UPDATE document_status SET status = 'in_progress' "
            "WHERE document_id = ? AND annotator_id = ? AND status = 'todo'",
            [document_id, annotator_id],
        )

    def delete_span(self, span_id: int) -> SpanRecord:
        """Delete a span; the record it hands back brings it back exactly
        (:meth:`restore_span`)."""
        record = self.span_record(span_id)
        with self._db.atomic():
            self._db.execute("DELETE FROM spans WHERE id = ?", [span_id])
        return record

    def delete_spans(self, span_ids: Iterable[int]) -> None:
        with self._db.atomic():
            self._db.conn.executemany("DELETE FROM spans WHERE id = ?", [(i,) for i in span_ids])

    def update_span(self, span_id: int, *, start: int | None = None, end: int | None = None,
                    label: str | None = None, origin: Origin | None = None,
                    entity: int | None | _Unchanged = UNCHANGED) -> SpanRecord:
        """Move a span's edges, relabel it, change its origin (accepting a
        suggestion makes it manual) or its entity (None: none); stamps ``updated_at``."""
        old = self.span_record(span_id)
        span = old.span
        start = span.start if start is None else start
        end = span.end if end is None else end
        label = span.label if label is None else label
        origin = span.origin if origin is None else Origin(origin)
        entity = span.entity if entity is UNCHANGED else entity
        check_bounds(start, end, self._text_length(old.document_id))
        self._require_label(label)
        with self._db.atomic():
            with _duplicate_as_error(f"a {label} span at {start}-{end} exists already"):
                self._db.execute(
                    'UPDATE spans SET start = ?, "end" = ?, label = ?, origin = ?, entity = ?, '
                    f"updated_at = {NOW_MS} WHERE id = ?",
                    [start, end, label, origin.value, entity, span_id])
        return self.span_record(span_id)

    def relabel_span(self, span_id: int, label: str) -> Span:
        return self.update_span(span_id, label=label).span

    def set_span_origins(self, origins: dict[int, Origin]) -> None:
        """Change only the origin of spans (merge mirrors a source's origins)."""
        with self._db.atomic():
            self._db.conn.executemany("UPDATE spans SET origin = ? WHERE id = ?",
                                      [(Origin(o).value, i) for i, o in origins.items()])

    def restore_span(self, record: SpanRecord) -> Span:
        """The one way to bring a span back: exactly as ``record`` holds it
        (id, place, label, origin, annotator, timestamps), overwriting a span
        of that id (undo of a delete, a relabel, a move; adjudication's snapshots).
        Nothing else changes: the document's status is the caller's to restore."""
        self.restore_spans([record])
        return record.span

    def restore_spans(self, records: Sequence[SpanRecord]) -> None:
        """:meth:`restore_span` for many spans, in one statement (undo and
        redo of a label with the hundreds of mentions it proposed)."""
        lengths: dict[int, int] = {}
        labels: set[str] = set()
        annotator_ids: dict[str, int] = {}
        rows = []
        with self._db.atomic():
            for record in records:
                span = record.span
                if record.document_id not in lengths:
                    lengths[record.document_id] = self._text_length(record.document_id)
                check_bounds(span.start, span.end, lengths[record.document_id])
                if span.label not in labels:
                    self._require_label(span.label)
                    labels.add(span.label)
                if span.annotator not in annotator_ids:
                    annotator_ids[span.annotator] = self._writer_id(span.annotator)
                rows.append((span.id, record.document_id, annotator_ids[span.annotator],
                             span.start, span.end, span.label, span.origin.value, span.reason,
                             span.confidence, span.entity, record.created_at, record.updated_at))
            if not rows:
                return
            first = records[0].span
            with _duplicate_as_error(
                    f"a {first.label} span at {first.start}-{first.end} exists already"
                    if len(rows) == 1 else "a span of the same place and label exists already"):
                self._db.conn.executemany(
                    'INSERT INTO spans (id, document_id, annotator_id, start, "end", label, '
                    "origin, reason, confidence, entity, created_at, updated_at) "
                    f"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, {_MS_PARAM}, {_MS_PARAM}) "
                    "ON CONFLICT (id) DO UPDATE SET document_id = excluded.document_id, "
                    'annotator_id = excluded.annotator_id, start = excluded.start, '
                    '"end" = excluded."end", label = excluded.label, origin = excluded.origin, '
                    "reason = excluded.reason, confidence = excluded.confidence, "
                    "entity = excluded.entity, "
                    "created_at = excluded.created_at, updated_at = excluded.updated_at",
                    rows)

    def insert_span_records(self, records: Iterable[SpanRecord]) -> int:
        """Store spans with their own origins and timestamps under new ids
        (merge copies layers this way); bounds are checked."""
        lengths = dict(self._db.execute("SELECT id, length(text) FROM documents"))
        rows = []
        annotator_ids: dict[str, int] = {}
        with self._db.atomic():
            for record in records:
                span = record.span
                check_bounds(span.start, span.end, lengths[record.document_id])
                if span.annotator not in annotator_ids:
                    annotator_ids[span.annotator] = self._writer_id(span.annotator)
                rows.append((record.document_id, annotator_ids[span.annotator], span.start,
                             span.end, span.label, span.origin.value, span.reason,
                             span.confidence, span.entity, record.created_at, record.updated_at))
            self._db.conn.executemany(
                'INSERT INTO spans (document_id, annotator_id, start, "end", label, origin, '
                "reason, confidence, entity, created_at, updated_at) "
                f"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, {_MS_PARAM}, {_MS_PARAM})", rows)
        return len(rows)

    def set_span_entities(self, entities: dict[int, int | None]) -> None:
        """Change only the entity of spans (span id -> entity, None: none)."""
        with self._db.atomic():
            self._db.conn.executemany("UPDATE spans SET entity = ? WHERE id = ?",
                                      [(e, i) for i, e in entities.items()])

    def settle_new_entities(self) -> None:
        """Give the groups stored with a provisional (negative) entity their
        lasting id: the smallest span id of each group. Imports and bulk
        proposals insert in batches, before the spans' ids are known."""
        with self._db.atomic():
            self._db.execute("DROP TABLE IF EXISTS temp.new_entities")
            self._db.execute(
                "CREATE TEMP TABLE new_entities AS SELECT document_id, annotator_id, entity, "
                "min(id) AS first FROM spans WHERE entity < 0 "
                "GROUP BY document_id, annotator_id, entity")
            self._db.execute(
                "UPDATE spans SET entity = (SELECT n.first FROM temp.new_entities n "
                "WHERE n.document_id = spans.document_id AND n.annotator_id = spans.annotator_id "
                "AND n.entity = spans.entity) WHERE entity < 0")
            self._db.execute("DROP TABLE temp.new_entities")

    def _require_label(self, label: str) -> None:
        if self._db.execute("SELECT 1 FROM labels WHERE key = ?", [label]).fetchone() is None:
            raise ProjectError(f"unknown label {label!r}")

    # -- layers in bulk (agreement, adjudication, merge) ----------------------

    def annotated_documents(self, annotators: Sequence[str]) -> dict[int, set[str]]:
        """For each document, which of ``annotators`` annotated it."""
        names = self._known_annotators(annotators)
        marks = ",".join("?" * len(names))
        annotated: dict[int, set[str]] = {}
        for document_id, annotator_id in self._db.execute(
                f"""SELECT document_id, annotator_id FROM spans WHERE annotator_id IN ({marks})
                    AND origin != 'suggested'
                    UNION SELECT document_id, annotator_id FROM document_status
                    WHERE annotator_id IN ({marks})""", [*names, *names]):
            annotated.setdefault(document_id, set()).add(names[annotator_id])
        return annotated

    def layer_spans(self, annotators: Sequence[str]) -> Iterator[tuple[int, Span]]:
        """(document id, span) of every span of ``annotators``, by document and position."""
        names = self._known_annotators(annotators)
        marks = ",".join("?" * len(names))
        for span_id, document_id, annotator_id, start, end, label, origin in self._db.execute(
                f"""SELECT id, document_id, annotator_id, start, "end", label, origin FROM spans
                    WHERE annotator_id IN ({marks}) AND origin != 'suggested'
                    ORDER BY document_id, start, "end" DESC, label""", list(names)):
            yield document_id, Span(start, end, label, id=span_id, annotator=names[annotator_id],
                                    origin=_ORIGIN_OF[origin])

    def layer_span_keys(self, annotator: str
                        ) -> dict[tuple[str, int, int, str], tuple[int, Origin, int | None]]:
        """One annotator's spans keyed as merge compares them: (document sha256,
        start, end, label) -> (span id, origin, entity)."""
        return {(sha, start, end, label): (span_id, Origin(origin), entity)
                for span_id, sha, start, end, label, origin, entity in self._db.execute(
                    """SELECT s.id, d.sha256, s.start, s."end", s.label, s.origin, s.entity
                       FROM spans s JOIN documents d ON d.id = s.document_id
                       WHERE s.annotator_id = ?""", [self._reader_id(annotator)])}

    def _known_annotators(self, annotators: Sequence[str]) -> dict[int, str]:
        known = dict(self._db.execute("SELECT name, id FROM annotators").fetchall())
        unknown = [name for name in annotators if name not in known]
        if unknown:
            raise ProjectError(f"{self.path}: no annotator {', '.join(map(repr, unknown))}"
                               f" (annotators: {', '.join(sorted(known)) or 'none'})")
        return {known[name]: name for name in annotators}

    # -- suggestions ---------------------------------------------------------

    def open_suggestion_count(self, annotator: str | None = None,
                              document_id: int | None = None) -> int:
        """Suggestions not yet accepted or rejected (of one annotator, one document)."""
        sql, params = "SELECT count(*) FROM spans WHERE origin = 'suggested'", []
        if annotator is not None:
            sql += " AND annotator_id = ?"
            params.append(self._reader_id(annotator))
        if document_id is not None:
            sql += " AND document_id = ?"
            params.append(document_id)
        return self._db.execute(sql, params).fetchone()[0]

    def rejected_places(self, document_id: int, annotator: str) -> set[tuple[int, int, str]]:
        """(start, end, label) of the suggestions ``annotator`` rejected in a document."""
        return set(self._db.execute(
            'SELECT start, "end", label FROM rejected_suggestions '
            "WHERE document_id = ? AND annotator_id = ?",
            [document_id, self._reader_id(annotator)]))

    def remember_rejections(self, document_id: int, annotator: str,
                            places: Iterable[tuple[int, int, str]]) -> None:
        with self._db.atomic():
            annotator_id = self._writer_id(annotator)
            self._db.conn.executemany(
                'INSERT OR IGNORE INTO rejected_suggestions (document_id, annotator_id, start, '
                '"end", label) VALUES (?, ?, ?, ?, ?)',
                [(document_id, annotator_id, *place) for place in places])

    def forget_rejections(self, document_id: int | None, annotator: str,
                          places: Iterable[tuple[int, int, str]] | None = None) -> int:
        """Forget rejected places (all of a document, or of every document when
        ``document_id`` is None), so they may be proposed again; how many."""
        annotator_id = self._reader_id(annotator)
        with self._db.atomic():
            if places is not None:
                cursor = self._db.conn.executemany(
                    "DELETE FROM rejected_suggestions WHERE document_id = ? AND annotator_id = ? "
                    'AND start = ? AND "end" = ? AND label = ?',
                    [(document_id, annotator_id, *place) for place in places])
            elif document_id is None:
                cursor = self._db.execute("DELETE FROM rejected_suggestions WHERE annotator_id = ?",
                                          [annotator_id])
            else:
                cursor = self._db.execute("DELETE FROM rejected_suggestions WHERE document_id = ? "
                                          "AND annotator_id = ?", [document_id, annotator_id])
            return max(cursor.rowcount, 0)

    def labelled_names(self, annotator: str) -> list[tuple[str, str, str]]:
        """(surface as written, label, lang) of every span ``annotator``
        labelled or accepted, each once, in the order first labelled; not a
        name whose first label begins inside a word (letters marked exactly):
        its "mentions" as a whole word would be another word."""
        from annotator.core.word_edges import starts_inside_a_word

        rows = self._db.execute(
            # The other columns are those of the first span (SQLite: min()).
            """SELECT substr(d.text, s.start + 1, s."end" - s.start) AS surface, s.label,
                      d.lang, min(s.id),
                      substr(d.text, max(s.start - 19, 1), min(s.start, 20)),
                      substr(d.text, s."end" + 1, 20)
               FROM spans s JOIN documents d ON d.id = s.document_id
               WHERE s.annotator_id = ? AND s.origin != 'suggested'
               GROUP BY surface, s.label ORDER BY 4""", [self._reader_id(annotator)])
        return [(surface, label, lang) for surface, label, lang, _, before, after in rows
                if not starts_inside_a_word(before + surface + after, len(before),
                                            len(before) + len(surface))]

    # -- adjudicated places --------------------------------------------------

    def decided_places(self, document_id: int) -> set[tuple[int, int]]:
        return set(self._db.execute(
            'SELECT start, "end" FROM adjudicated_places WHERE document_id = ?', [document_id]))

    def decided_places_by_document(self) -> dict[int, set[tuple[int, int]]]:
        """:meth:`decided_places` of every document, in one query."""
        places: dict[int, set[tuple[int, int]]] = {}
        for document_id, start, end in self._db.execute(
                'SELECT document_id, start, "end" FROM adjudicated_places'):
            places.setdefault(document_id, set()).add((start, end))
        return places

    def mark_decided(self, document_id: int, start: int, end: int) -> None:
        with self._db.atomic():
            self._db.execute(
                'INSERT OR IGNORE INTO adjudicated_places (document_id, start, "end") '
                "VALUES (?, ?, ?)", [document_id, start, end])

    def set_decided_places(self, document_id: int, places: Iterable[tuple[int, int]]) -> None:
        with self._db.atomic():
            self._db.execute("DELETE FROM adjudicated_places WHERE document_id = ?",
                             [document_id])
            for start, end in places:
                self.mark_decided(document_id, start, end)

    # -- merge sources ---------------------------------------------------------

    def merge_sources(self) -> dict[str, MergeSource]:
        """Where each merged layer came from, by its name in this file."""
        return {row[0]: MergeSource(*row[1:]) for row in self._db.execute(
            "SELECT annotator, source_id, source_annotator, source_path FROM merge_sources")}

    def record_merge_source(self, annotator: str, source: MergeSource) -> None:
        with self._db.atomic():
            self._db.execute(
                """INSERT INTO merge_sources (annotator, source_id, source_annotator, source_path)
                   VALUES (?, ?, ?, ?) ON CONFLICT (annotator) DO UPDATE
                   SET source_id = excluded.source_id,
                       source_annotator = excluded.source_annotator,
                       source_path = excluded.source_path""",
                [annotator, source.project_id, source.annotator, source.path])

    # -- import --------------------------------------------------------------

    def import_records(self, records: Iterable[DocumentRecord], annotator: str | None = None,
                       origin: Origin = Origin.IMPORTED, batch_size: int = 500,
                       progress: Callable[[int], None] | None = None) -> ImportSummary:
        """Store documents and their spans in one transaction.

        Spans join the layer of ``annotator`` when it is given (an explicit
        choice wins), else of the annotator the record names, else
        ``imported``.

        A document whose text is already in the project (same sha256) is not
        added again; its spans join the existing one. The records must have
        been validated (see ``formats.validate``): this is the hot path, with
        a few prepared statements per batch and no query per record, and
        memory that does not grow with the number of records (they may come
        from a reader as it reads; an exception from it, or from
        ``progress``, which hears the count of records stored after each
        batch, rolls everything back).
        """
        from annotator.store.import_run import ImportRun

        run = ImportRun(self, annotator, Origin(origin).value)
        with self._db.atomic():
            batch: list[DocumentRecord] = []
            done = 0
            for record in records:
                batch.append(record)
                if len(batch) >= batch_size:
                    run.store(batch)
                    done += len(batch)
                    batch.clear()
                    if progress is not None:
                        progress(done)
            if batch:
                run.store(batch)
                if progress is not None:
                    progress(done + len(batch))
            if run.provisional:
                self.settle_new_entities()
            self.count_edit()
        return run.summary()

    # -- reports -------------------------------------------------------------

    def stats(self) -> dict:
        q = self._db.execute
        return {
            "documents": q("SELECT count(*) FROM documents").fetchone()[0],
            # Suggestions are not labels until accepted; they are counted apart.
            "spans": q("SELECT count(*) FROM spans WHERE origin != 'suggested'").fetchone()[0],
            "open_suggestions": self.open_suggestion_count(),
            "annotators": self.annotators(),
            "by_label": dict(q("SELECT label, count(*) FROM spans WHERE origin != 'suggested' "
                               "GROUP BY label ORDER BY label")),
            "by_direction": dict(q(
                "SELECT coalesce(direction_override, direction) AS d, count(*) FROM documents "
                "GROUP BY d ORDER BY d")),
            "by_lang": dict(q("SELECT lang, count(*) FROM documents GROUP BY lang ORDER BY lang")),
            "by_status": dict(q(
                "SELECT status, count(*) FROM document_status GROUP BY status ORDER BY status")),
            "schema_version": self.schema_version,
        }


_IDS_PER_QUERY = 500  # well under SQLite's limit of bound parameters

_SPAN_RECORD_SELECT = (
    'SELECT sp.id, sp.start, sp."end", sp.label, a.name, sp.origin, sp.reason, sp.confidence, '
    f"sp.entity, sp.document_id, {iso_from_ms('sp.created_at')}, {iso_from_ms('sp.updated_at')} "
    "FROM spans sp JOIN annotators a ON a.id = sp.annotator_id")


def _span_record_from_row(row: tuple) -> SpanRecord:
    return SpanRecord(_span_from_row(row[:9]), row[9], row[10], row[11])


# A line of the document list for one annotator (three parameters: that
# annotator's id, for labels, suggestions and status); the caller adds WHERE.
_DOCUMENT_ROW_SELECT = """
            SELECT d.id, d.name, d.lang, coalesce(d.direction_override, d.direction),
                   coalesce(s.status, 'todo'),
                   (SELECT count(*) FROM spans sp WHERE sp.document_id = d.id
                     AND sp.annotator_id = ? AND sp.origin != 'suggested'),
                   (SELECT count(*) FROM spans sp WHERE sp.document_id = d.id
                     AND sp.annotator_id = ? AND sp.origin = 'suggested')
            FROM documents d
            LEFT JOIN document_status s ON s.document_id = d.id AND s.annotator_id = ?"""

_DOCUMENT_SELECT = ("SELECT id, name, text, lang, direction, direction_override, sha256, meta "
                    "FROM documents")


def _document_row(row: tuple) -> DocumentRow:
    """A line of the document list from a row of _DOCUMENT_ROW_SELECT."""
    doc_id, name, lang, direction, status, spans, suggestions = row
    return DocumentRow(doc_id, name, lang, Direction(direction), Status(status), spans, suggestions)


def _document_from_row(row: tuple) -> Document:
    doc_id, name, text, lang, direction, override, sha, meta = row
    return Document(
        name=name, text=text, lang=lang, direction=Direction(direction), sha256=sha, id=doc_id,
        direction_override=Direction(override) if override else None,
        meta=json.loads(meta) if meta else {},
    )


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write. A WAL file on a read-only medium has no
    shared-memory file to read through; then it is opened as immutable."""
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True)
    try:
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
        return sqlite3.connect(f"{uri}?immutable=1", uri=True)


def _check_is_project(path: Path) -> None:
    if path.is_dir():
        raise ProjectError(f"{path}: is a folder, not a project file")
    header = open_files.first_bytes(path, integrity.HEADER_SIZE)
    if header is None:
        return  # open in this process, so checked when it was opened
    if header and not header.startswith(SQLITE_HEADER[: len(header)]):
        raise ProjectError(f"{path}: not a project file (not an SQLite database)")
    problem = integrity.cut_short(path, header)
    if problem is not None:
        raise DamagedProjectError(integrity.damage_message(path, problem))
