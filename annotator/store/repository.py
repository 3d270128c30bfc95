"""The project file: one SQLite database per project.

Every public method that writes is one transaction, committed before it
returns, so the window never shows an edit that is not on disk.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from annotator.core.labels import DEFAULT_LABELS, EXTRA_COLORS
from annotator.core.model import (
    Direction,
    Document,
    DocumentRecord,
    Label,
    Origin,
    Span,
    Status,
)
from annotator.core.offsets import check_bounds
from annotator.core.text import describe, sha256_of
from annotator.store.schema import MIGRATIONS, SCHEMA_VERSION, register_functions, statements

SQLITE_HEADER = b"SQLite format 3\x00"


class ProjectError(Exception):
    """A project file that cannot be used, with a message for the user."""


class NewerProjectError(ProjectError):
    pass


class DuplicateSpanError(ProjectError):
    pass


@dataclass(frozen=True)
class DocumentRow:
    """One line of the document list."""

    id: int
    name: str
    lang: str
    direction: Direction
    status: Status
    span_count: int


@dataclass(frozen=True)
class ImportSummary:
    documents_added: int
    documents_existing: int
    spans_added: int  # stored: new to the project
    labels_added: tuple[str, ...]
    spans_duplicate: int = 0  # given more than once in what was imported
    spans_present: int = 0  # already in the project, in the same layer


def _span_from_row(row: sqlite3.Row | tuple) -> Span:
    span_id, start, end, label, annotator, origin = row
    return Span(start, end, label, id=span_id, annotator=annotator, origin=Origin(origin))


class Project:
    """A project file opened for reading and writing."""

    def __init__(self, db: sqlite_utils.Database, path: Path | None):
        self.db = db
        self.path = path
        self._annotator_ids: dict[str, int] = {}

    # -- opening -------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, create: bool = True) -> Project:
        path = Path(path)
        if path.exists():
            _check_is_project(path)
        elif not create:
            raise ProjectError(f"{path}: no such project file")
        db = sqlite_utils.Database(path)
        project = cls(db, path)
        project._prepare()
        return project

    @classmethod
    def in_memory(cls) -> Project:
        project = cls(sqlite_utils.Database(memory=True), None)
        project._prepare()
        return project

    def _prepare(self) -> None:
        conn = self.db.conn
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            self.db.close()
            raise NewerProjectError(
                f"{self.path}: made by a newer version of the annotator "
                f"(schema {version}, this version reads up to {SCHEMA_VERSION}); please upgrade"
            )
        conn.execute("PRAGMA foreign_keys = ON")
        if self.path is not None:
            self.db.enable_wal()
            # FULL makes every committed edit survive a power cut, not only a crash.
            conn.execute("PRAGMA synchronous = FULL")
        if version < SCHEMA_VERSION:
            register_functions(conn)
            self._migrate(version)

    def _migrate(self, version: int) -> None:
        with self.db.atomic():
            for step in range(version, SCHEMA_VERSION):
                for statement in statements(MIGRATIONS[step]):
                    self.db.execute(statement)
                if step == 0:
                    self._insert_labels(DEFAULT_LABELS)
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.db.atomic():
            yield

    @property
    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    @property
    def project_id(self) -> str:
        """A random id given when the file was created; copies keep it."""
        return self.db.execute(
            "SELECT value FROM project_info WHERE key = 'project_id'").fetchone()[0]

    # -- labels --------------------------------------------------------------

    def labels(self) -> list[Label]:
        rows = self.db.execute(
            "SELECT key, name, color, shortcut, position FROM labels ORDER BY position, key"
        ).fetchall()
        return [Label(*row) for row in rows]

    def _insert_labels(self, labels: Iterable[Label]) -> None:
        self.db["labels"].insert_all(
            ({"key": l.key, "name": l.name, "color": l.color, "shortcut": l.shortcut,
              "position": l.position} for l in labels),
            ignore=True,
        )

    def add_label(self, key: str, name: str | None = None, color: str | None = None) -> Label:
        with self.db.atomic():
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
            with self.db.atomic():
                self.db["labels"].update(key, changes)

    def reorder_labels(self, keys: list[str]) -> None:
        """Put the labels in this order; keys 1-9 follow the order."""
        if sorted(keys) != sorted(l.key for l in self.labels()):
            raise ProjectError("reordering must name every label once")
        with self.db.atomic():
            for position, key in enumerate(keys):
                self.db["labels"].update(
                    key, {"position": position, "shortcut": str(position + 1) if position < 9 else ""})

    # -- annotators ----------------------------------------------------------

    def annotator_id(self, name: str) -> int:
        """The id of an annotator, added on first use."""
        cached = self._annotator_ids.get(name)
        if cached is not None:
            return cached
        name = name.strip()
        if not name:
            raise ProjectError("an annotator needs a name")
        row = self.db.execute("SELECT id FROM annotators WHERE name = ?", [name]).fetchone()
        if row is None:
            with self.db.atomic():
                self.db.execute("INSERT INTO annotators (name) VALUES (?)", [name])
            row = self.db.execute("SELECT id FROM annotators WHERE name = ?", [name]).fetchone()
        self._annotator_ids[name] = row[0]
        return row[0]

    def annotators(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT name FROM annotators ORDER BY name")]

    # -- documents -----------------------------------------------------------

    def document_count(self, annotator: str | None = None, status: Status | None = None) -> int:
        if status is None or annotator is None:
            return self.db.execute("SELECT count(*) FROM documents").fetchone()[0]
        sql, params = self._status_filter(annotator, status)
        return self.db.execute(f"SELECT count(*) FROM documents d {sql}", params).fetchone()[0]

    def _status_filter(self, annotator: str, status: Status) -> tuple[str, list]:
        params: list = [self.annotator_id(annotator)]
        where = ("LEFT JOIN document_status s ON s.document_id = d.id AND s.annotator_id = ? "
                 "WHERE coalesce(s.status, 'todo') = ?")
        params.append(Status(status).value)
        return where, params

    def document_rows(self, annotator: str, offset: int = 0, limit: int = 200,
                      status: Status | None = None) -> list[DocumentRow]:
        """A page of the document list, in import order."""
        annotator_id = self.annotator_id(annotator)
        params: list = [annotator_id, annotator_id]
        where = ""
        if status is not None:
            where = "WHERE coalesce(s.status, 'todo') = ?"
            params.append(Status(status).value)
        params += [limit, offset]
        rows = self.db.execute(
            f"""
            SELECT d.id, d.name, d.lang, coalesce(d.direction_override, d.direction),
                   coalesce(s.status, 'todo'),
                   (SELECT count(*) FROM spans sp
                     WHERE sp.document_id = d.id AND sp.annotator_id = ?)
            FROM documents d
            LEFT JOIN document_status s ON s.document_id = d.id AND s.annotator_id = ?
            {where}
            ORDER BY d.id LIMIT ? OFFSET ?
            """,
            params,
        ).fetchall()
        return [DocumentRow(r[0], r[1], r[2], Direction(r[3]), Status(r[4]), r[5]) for r in rows]

    def document_ids(self) -> list[int]:
        return [r[0] for r in self.db.execute("SELECT id FROM documents ORDER BY id")]

    def document(self, document_id: int) -> Document:
        row = self.db.execute(
            f"{_DOCUMENT_SELECT} WHERE id = ?",
            [document_id],
        ).fetchone()
        if row is None:
            raise ProjectError(f"no document with id {document_id}")
        return _document_from_row(row)

    def document_by_name(self, name: str) -> Document:
        row = self.db.execute(
            f"{_DOCUMENT_SELECT} WHERE name = ? ORDER BY id LIMIT 1",
            [name],
        ).fetchone()
        if row is None:
            raise ProjectError(f"no document named {name!r}")
        return _document_from_row(row)

    def iter_documents(self) -> Iterator[Document]:
        cursor = self.db.conn.execute(f"{_DOCUMENT_SELECT} ORDER BY id")
        for row in cursor:
            yield _document_from_row(row)

    def set_direction_override(self, document_id: int, direction: Direction | None) -> None:
        with self.db.atomic():
            self.db.execute(
                "UPDATE documents SET direction_override = ? WHERE id = ?",
                [Direction(direction).value if direction else None, document_id],
            )

    def set_language(self, document_id: int, lang: str) -> None:
        lang = lang.strip()
        if not lang:
            raise ProjectError("a language code is needed, such as ar, pl or en")
        with self.db.atomic():
            self.db.execute("UPDATE documents SET lang = ? WHERE id = ?", [lang, document_id])

    # -- status --------------------------------------------------------------

    def status(self, document_id: int, annotator: str) -> Status:
        row = self.db.execute(
            "SELECT status FROM document_status WHERE document_id = ? AND annotator_id = ?",
            [document_id, self.annotator_id(annotator)],
        ).fetchone()
        return Status(row[0]) if row else Status.TODO

    def set_status(self, document_id: int, annotator: str, status: Status) -> None:
        with self.db.atomic():
            self._set_status(document_id, self.annotator_id(annotator), Status(status))

    def _set_status(self, document_id: int, annotator_id: int, status: Status) -> None:
        self.db.execute(
            """INSERT INTO document_status (document_id, annotator_id, status) VALUES (?, ?, ?)
               ON CONFLICT (document_id, annotator_id) DO UPDATE
               SET status = excluded.status,
                   updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')""",
            [document_id, annotator_id, status.value],
        )

    # -- spans ---------------------------------------------------------------

    def spans(self, document_id: int, annotator: str | None = None) -> list[Span]:
        """Spans of a document, of one annotator or of all, by position."""
        sql = ('SELECT sp.id, sp.start, sp."end", sp.label, a.name, sp.origin FROM spans sp '
               "JOIN annotators a ON a.id = sp.annotator_id WHERE sp.document_id = ?")
        params: list = [document_id]
        if annotator is not None:
            sql += " AND sp.annotator_id = ?"
            params.append(self.annotator_id(annotator))
        sql += ' ORDER BY sp.start, sp."end" DESC, sp.label, a.name'
        return [_span_from_row(r) for r in self.db.execute(sql, params)]

    def span(self, span_id: int) -> Span:
        row = self.db.execute(
            'SELECT sp.id, sp.start, sp."end", sp.label, a.name, sp.origin FROM spans sp '
            "JOIN annotators a ON a.id = sp.annotator_id WHERE sp.id = ?",
            [span_id],
        ).fetchone()
        if row is None:
            raise ProjectError(f"no span with id {span_id}")
        return _span_from_row(row)

    def add_span(self, document_id: int, annotator: str, start: int, end: int, label: str,
                 origin: Origin = Origin.MANUAL, span_id: int | None = None) -> Span:
        """Store one span; ``span_id`` brings a deleted span back under its own id."""
        annotator_id = self.annotator_id(annotator)
        check_bounds(start, end, self._text_length(document_id))
        self._require_label(label)
        with self.db.atomic():
            try:
                cursor = self.db.execute(
                    'INSERT INTO spans (id, document_id, annotator_id, start, "end", label, origin) '
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [span_id, document_id, annotator_id, start, end, label, Origin(origin).value],
                )
            except sqlite3.IntegrityError as error:
                if "UNIQUE" in str(error):
                    raise DuplicateSpanError(
                        f"a {label} span at {start}-{end} exists already") from error
                raise
            self._mark_started(document_id, annotator_id)
        return Span(start, end, label, id=cursor.lastrowid, annotator=annotator,
                    origin=Origin(origin))

    def add_spans(self, document_id: int, annotator: str, spans: Iterable[Span],
                  origin: Origin = Origin.MANUAL) -> int:
        """Store spans of one document in one transaction (a savepoint inside
        a larger one); how many were stored. All or none of them."""
        annotator_id = self.annotator_id(annotator)
        text_length = self._text_length(document_id)
        label_keys = {label.key for label in self.labels()}
        rows = []
        for span in spans:
            check_bounds(span.start, span.end, text_length)
            if span.label not in label_keys:
                raise ProjectError(f"unknown label {span.label!r}")
            rows.append({"document_id": document_id, "annotator_id": annotator_id,
                         "start": span.start, "end": span.end, "label": span.label,
                         "origin": Origin(origin).value})
        if not rows:
            return 0
        with self.db.atomic():
            try:
                self.db["spans"].insert_all(rows)
            except sqlite3.IntegrityError as error:
                if "UNIQUE" in str(error):
                    raise DuplicateSpanError(f"document {document_id}: {error}") from error
                raise
            self._mark_started(document_id, annotator_id)
        return len(rows)

    def _text_length(self, document_id: int) -> int:
        """Length of a document's text in code points (SQLite counts characters)."""
        row = self.db.execute(
            "SELECT length(text) FROM documents WHERE id = ?", [document_id]).fetchone()
        if row is None:
            raise ProjectError(f"no document with id {document_id}")
        return row[0]

    def _mark_started(self, document_id: int, annotator_id: int) -> None:
        self.db.execute(
            "INSERT INTO document_status (document_id, annotator_id, status) "
            "VALUES (?, ?, 'in_progress') ON CONFLICT DO NOTHING",
            [document_id, annotator_id],
        )
        self.db.execute(
            "UPDATE document_status SET status = 'in_progress' "
            "WHERE document_id = ? AND annotator_id = ? AND status = 'todo'",
            [document_id, annotator_id],
        )

    def delete_span(self, span_id: int) -> Span:
        span = self.span(span_id)
        with self.db.atomic():
            self.db.execute("DELETE FROM spans WHERE id = ?", [span_id])
        return span

    def take_span(self, span_id: int) -> dict:
        """Delete a span and hand back its whole row, timestamps included, so
        that :meth:`put_span` can bring it back exactly (undo)."""
        row = self._span_row(span_id)
        with self.db.atomic():
            self.db.execute("DELETE FROM spans WHERE id = ?", [span_id])
        return row

    def put_span(self, row: dict) -> Span:
        """Store a row from :meth:`take_span` again, as it was."""
        check_bounds(row["start"], row["end"], self._text_length(row["document_id"]))
        self._require_label(row["label"])
        with self.db.atomic():
            self.db["spans"].insert(row)
            self._mark_started(row["document_id"], row["annotator_id"])
        return self.span(row["id"])

    def span_updated_at(self, span_id: int) -> str:
        return self._span_row(span_id)["updated_at"]

    def _span_row(self, span_id: int) -> dict:
        try:
            return dict(self.db["spans"].get(span_id))
        except sqlite_utils.db.NotFoundError:
            raise ProjectError(f"no span with id {span_id}") from None

    def relabel_span(self, span_id: int, label: str, updated_at: str | None = None) -> Span:
        """Give a span another label; ``updated_at`` puts back an earlier time (undo)."""
        span = self.span(span_id)
        self._require_label(label)
        with self.db.atomic():
            try:
                self.db.execute(
                    "UPDATE spans SET label = ?, "
                    "updated_at = coalesce(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) WHERE id = ?",
                    [label, updated_at, span_id],
                )
            except sqlite3.IntegrityError as error:
                raise DuplicateSpanError(
                    f"a {label} span at {span.start}-{span.end} exists already") from error
        return Span(span.start, span.end, label, id=span.id, annotator=span.annotator,
                    origin=span.origin)

    def _require_label(self, label: str) -> None:
        if self.db.execute("SELECT 1 FROM labels WHERE key = ?", [label]).fetchone() is None:
            raise ProjectError(f"unknown label {label!r}")

    # -- import --------------------------------------------------------------

    def import_records(self, records: Iterable[DocumentRecord], annotator: str | None = None,
                       origin: Origin = Origin.IMPORTED, batch_size: int = 2000) -> ImportSummary:
        """Store documents and their spans in one transaction.

        Spans join the layer of ``annotator`` when it is given (an explicit
        choice wins), else of the annotator the record names, else
        ``imported``.

        A document whose text is already in the project (same sha256) is not
        added again; its spans join the existing one. The records must have
        been validated (see ``formats.validate``): this is the hot path, with
        no query per record.
        """
        with self.db.atomic():
            known = dict(self.db.execute("SELECT sha256, id FROM documents").fetchall())
            label_keys = {l.key for l in self.labels()}
            next_id = (self.db.execute("SELECT max(id) FROM documents").fetchone()[0] or 0) + 1
            added = existing = span_total = 0
            spans_before = self.db.execute("SELECT count(*) FROM spans").fetchone()[0]
            seen: set[tuple] = set()  # to count spans given twice
            new_labels: list[str] = []
            doc_rows: list[dict] = []
            span_rows: list[dict] = []
            status_rows: dict[tuple[int, int], dict] = {}

            def flush() -> None:
                if doc_rows:
                    self.db["documents"].insert_all(doc_rows, batch_size=batch_size)
                    doc_rows.clear()
                if span_rows:
                    self.db["spans"].insert_all(span_rows, batch_size=batch_size, ignore=True)
                    span_rows.clear()

            for record in records:
                sha = sha256_of(record.text)
                document_id = known.get(sha)
                if document_id is None:
                    document_id = next_id
                    next_id += 1
                    known[sha] = document_id
                    added += 1
                    direction, lang = describe(record.text)
                    doc_rows.append({
                        "id": document_id, "name": record.name, "text": record.text,
                        "lang": record.lang or lang,
                        "direction": direction.value, "sha256": sha,
                        "meta": json.dumps(record.meta, ensure_ascii=False),
                    })
                else:
                    existing += 1
                if record.spans or record.annotated:
                    # A layer without spans still says its annotator saw the document.
                    who = annotator or record.annotator or "imported"
                    annotator_id = self.annotator_id(who)
                    for span in record.spans:
                        if span.label not in label_keys:
                            self._add_label(span.label)
                            label_keys.add(span.label)
                            new_labels.append(span.label)
                        span_rows.append({
                            "document_id": document_id, "annotator_id": annotator_id,
                            "start": span.start, "end": span.end, "label": span.label,
                            "origin": Origin(origin).value,
                        })
                    status_rows[(document_id, annotator_id)] = {
                        "document_id": document_id, "annotator_id": annotator_id,
                        "status": Status.IN_PROGRESS.value,
                    }
                    seen.update((document_id, annotator_id, s.start, s.end, s.label)
                                for s in record.spans)
                    span_total += len(record.spans)
                if len(doc_rows) + len(span_rows) >= batch_size:
                    flush()
            flush()
            if status_rows:
                self.db["document_status"].insert_all(status_rows.values(), ignore=True)
            stored = self.db.execute("SELECT count(*) FROM spans").fetchone()[0] - spans_before
        return ImportSummary(added, existing, stored, tuple(new_labels),
                             spans_duplicate=span_total - len(seen),
                             spans_present=len(seen) - stored)

    # -- reports -------------------------------------------------------------

    def stats(self) -> dict:
        q = self.db.execute
        return {
            "documents": q("SELECT count(*) FROM documents").fetchone()[0],
            "spans": q("SELECT count(*) FROM spans").fetchone()[0],
            "annotators": self.annotators(),
            "by_label": dict(q("SELECT label, count(*) FROM spans GROUP BY label ORDER BY label")),
            "by_direction": dict(q(
                "SELECT coalesce(direction_override, direction) AS d, count(*) FROM documents "
                "GROUP BY d ORDER BY d")),
            "by_lang": dict(q("SELECT lang, count(*) FROM documents GROUP BY lang ORDER BY lang")),
            "by_status": dict(q(
                "SELECT status, count(*) FROM document_status GROUP BY status ORDER BY status")),
            "schema_version": self.schema_version,
        }


_DOCUMENT_SELECT = ("SELECT id, name, text, lang, direction, direction_override, sha256, meta "
                    "FROM documents")


def _document_from_row(row: tuple) -> Document:
    doc_id, name, text, lang, direction, override, sha, meta = row
    return Document(
        name=name, text=text, lang=lang, direction=Direction(direction), sha256=sha, id=doc_id,
        direction_override=Direction(override) if override else None,
        meta=json.loads(meta) if meta else {},
    )


def _check_is_project(path: Path) -> None:
    if path.is_dir():
        raise ProjectError(f"{path}: is a folder, not a project file")
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header and header != SQLITE_HEADER:
        raise ProjectError(f"{path}: not a project file (not an SQLite database)")
