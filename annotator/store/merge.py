"""Merge annotators' project files into a review project.

Documents are matched by the sha256 of their text. Each annotator's layer
(spans with their origin and timestamps, and document statuses) is copied
under the annotator's name, or under a new name given by a rename.

A review annotator belongs to exactly one source layer, recorded in
``merge_sources`` with the source's ``project_id`` (which copies and renamed
files keep). Merging that source again makes the review layer a mirror of the
source layer as it is now: nothing changes when the source did not, and spans
the annotator removed since are removed. A layer of another file under a name
that is taken is refused unless renamed.

Sources are opened read-only and are never changed. The whole merge is one
transaction: any error leaves the review file as it was.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.model import Label
from annotator.core.offsets import SpanBoundsError, check_bounds
from annotator.store.repository import SQLITE_HEADER, Project, ProjectError
from annotator.store.schema import SCHEMA_VERSION


class MergeError(ProjectError):
    pass


@dataclass(frozen=True)
class LayerMerge:
    source: str
    source_annotator: str
    annotator: str
    spans_added: int
    spans_removed: int
    statuses_changed: int


@dataclass(frozen=True)
class MergeSummary:
    documents_added: int
    labels_added: tuple[str, ...]
    layers: tuple[LayerMerge, ...]

    @property
    def changed(self) -> bool:
        return bool(self.documents_added or self.labels_added or any(
            l.spans_added or l.spans_removed or l.statuses_changed for l in self.layers))


# A span as merge compares it: (document sha256, start, end, label).
SpanKey = tuple[str, int, int, str]


@dataclass
class _Layer:
    spans: dict[SpanKey, tuple[str, str, str]] = field(default_factory=dict)  # origin, times
    statuses: dict[str, tuple[str, str]] = field(default_factory=dict)  # sha -> status, time


@dataclass
class _Source:
    path: Path
    project_id: str
    labels: list[Label]
    documents: dict[str, int]  # sha256 -> id in the source
    layers: dict[str, _Layer]
    conn: sqlite3.Connection


def merge_projects(review: Project, paths: Sequence[str | Path],
                   renames: Mapping[str, str] | None = None) -> MergeSummary:
    """Merge the project files at ``paths`` into ``review``; ``renames`` maps a
    source annotator's name to the name their layer takes in the review."""
    renames = dict(renames or {})
    sources: list[_Source] = []
    try:
        for path in paths:
            sources.append(_read_source(Path(path), review))
        plan = _plan(review, sources, renames)
        with review.transaction():
            return _apply(review, sources, plan)
    finally:
        for source in sources:
            source.conn.close()


# -- reading a source ----------------------------------------------------------


def _read_source(path: Path, review: Project) -> _Source:
    if not path.is_file():
        raise MergeError(f"{path}: no such project file")
    if review.path is not None and path.resolve() == Path(review.path).resolve():
        raise MergeError(f"{path}: is the review file itself")
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise MergeError(f"{path}: not a project file (not an SQLite database)")
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return _read_open_source(path, conn)
    except BaseException:
        conn.close()
        raise


def _read_open_source(path: Path, conn: sqlite3.Connection) -> _Source:
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise MergeError(f"{path}: made by a newer version of the annotator (schema "
                             f"{version}, this version reads up to {SCHEMA_VERSION}); please upgrade")
        if version < 1:
            raise MergeError(f"{path}: not a project file (no annotator tables)")
        if version >= 2:
            project_id = conn.execute(
                "SELECT value FROM project_info WHERE key = 'project_id'").fetchone()[0]
        else:
            # Files from before project ids: known by where they are.
            project_id = f"file:{path.resolve()}"
        labels = [Label(*row) for row in conn.execute(
            "SELECT key, name, color, shortcut, position FROM labels ORDER BY position, key")]
        documents = dict(conn.execute("SELECT sha256, id FROM documents"))
        layers: dict[str, _Layer] = {}
        for name, sha, start, end, label, origin, created, updated, doc, length in conn.execute(
                """SELECT a.name, d.sha256, s.start, s."end", s.label, s.origin,
                          s.created_at, s.updated_at, d.name, length(d.text)
                   FROM spans s JOIN annotators a ON a.id = s.annotator_id
                   JOIN documents d ON d.id = s.document_id"""):
            try:
                check_bounds(start, end, length)
            except SpanBoundsError as error:
                raise MergeError(f"{path}: document {doc!r}, annotator {name!r}: {error}")
            layers.setdefault(name, _Layer()).spans[(sha, start, end, label)] = (
                origin, created, updated)
        for name, sha, status, updated in conn.execute(
                """SELECT a.name, d.sha256, st.status, st.updated_at
                   FROM document_status st JOIN annotators a ON a.id = st.annotator_id
                   JOIN documents d ON d.id = st.document_id"""):
            layers.setdefault(name, _Layer()).statuses[sha] = (status, updated)
    except sqlite3.DatabaseError as error:
        raise MergeError(f"{path}: cannot be read as a project file ({error})") from error
    return _Source(path, project_id, labels, documents, layers, conn)


# -- checking names ----------------------------------------------------------

# (source index, source annotator, review annotator)
_Step = tuple[int, str, str]
# review annotator -> (source id, source annotator, source path)
_Recorded = dict[str, tuple[str, str, str]]


def _plan(review: Project, sources: list[_Source], renames: dict[str, str]) -> list[_Step]:
    """Which source layer goes to which review annotator; refuses name clashes."""
    recorded: _Recorded = {row[0]: (row[1], row[2], row[3]) for row in review.db.execute(
        "SELECT annotator, source_id, source_annotator, source_path FROM merge_sources")}
    native = {r[0] for r in review.db.execute(
        """SELECT name FROM annotators a
           WHERE EXISTS (SELECT 1 FROM spans WHERE annotator_id = a.id)
              OR EXISTS (SELECT 1 FROM document_status WHERE annotator_id = a.id)""")}
    native = {name for name in native if name not in recorded}
    unused = set(renames)
    steps: list[_Step] = []
    claimed: dict[str, tuple[int, str]] = {}  # review name -> (source, source annotator)
    for index, source in enumerate(sources):
        # A layer merged before and now emptied in its file is emptied here too.
        emptied = {sname for sid, sname, _ in recorded.values() if sid == source.project_id}
        for name in sorted(set(source.layers) | emptied):
            unused.discard(name)
            # A copy of the review file (same id) may bring the review's own layers.
            own = native if source.project_id != review.project_id else set()
            target = _target(source, name, renames, recorded, own)
            if target in claimed:
                other_index, other_name = claimed[target]
                other = sources[other_index]
                if (other.project_id, other_name) == (source.project_id, name) and \
                        other.layers.get(other_name) == source.layers.get(name):
                    continue  # the same file given twice
                raise MergeError(
                    f"{source.path}: annotator {target!r} is also in {other.path}; "
                    f"merge the files one at a time, this one with --rename {name}=NEW_NAME")
            claimed[target] = (index, name)
            steps.append((index, name, target))
    if unused:
        name = sorted(unused)[0]
        raise MergeError(f"--rename {name}=...: no annotator {name!r} in the files to merge")
    return steps


def _target(source: _Source, name: str, renames: dict[str, str], recorded: _Recorded,
            native: set[str]) -> str:
    """The review name of a source layer: renamed, else as merged before, else
    its own; refused when that name belongs to another layer."""
    origin = (source.project_id, name)
    earlier = [a for a, (sid, sname, _) in recorded.items() if (sid, sname) == origin]
    target = (renames.get(name) or (earlier[0] if earlier else name)).strip()
    if earlier and target not in earlier:
        raise MergeError(
            f"{source.path}: annotator {name!r} of this file was merged before as "
            f"{earlier[0]!r}; merging it again as {target!r} would count it twice")
    if target in recorded and recorded[target][:2] != origin:
        raise MergeError(
            f"{source.path}: annotator {target!r} was merged from another file "
            f"({recorded[target][2]}); use --rename {name}=NEW_NAME")
    if target in native:
        raise MergeError(
            f"{source.path}: annotator {target!r} already has annotations in the "
            f"review file; use --rename {name}=NEW_NAME")
    return target


# -- writing -------------------------------------------------------------------


def _apply(review: Project, sources: list[_Source], steps: list[_Step]) -> MergeSummary:
    labels_added = _add_labels(review, sources)
    doc_ids = dict(review.db.execute("SELECT sha256, id FROM documents"))
    documents_added = 0
    for source in sources:
        documents_added += _add_documents(review, source, doc_ids)
    layers = []
    for index, source_name, target in steps:
        source = sources[index]
        layers.append(_mirror_layer(review, source, source_name, target, doc_ids))
        _record_source(review, source, source_name, target)
    return MergeSummary(documents_added, tuple(labels_added), tuple(layers))


def _add_labels(review: Project, sources: list[_Source]) -> list[str]:
    known = {label.key for label in review.labels()}
    added = []
    for source in sources:
        for label in source.labels:
            if label.key not in known:
                review.add_label(label.key, label.name, label.color)
                known.add(label.key)
                added.append(label.key)
    return added


def _add_documents(review: Project, source: _Source, doc_ids: dict[str, int]) -> int:
    missing = [source_id for sha, source_id in source.documents.items() if sha not in doc_ids]
    rows = []
    for start in range(0, len(missing), 500):
        chunk = missing[start : start + 500]
        rows += source.conn.execute(
            "SELECT name, text, lang, direction, direction_override, sha256, meta, created_at "
            f"FROM documents WHERE id IN ({','.join('?' * len(chunk))}) ORDER BY id", chunk
        ).fetchall()
    next_id = (review.db.execute("SELECT max(id) FROM documents").fetchone()[0] or 0) + 1
    columns = ("name", "text", "lang", "direction", "direction_override", "sha256", "meta",
               "created_at")
    records = []
    for offset, row in enumerate(rows):
        records.append({"id": next_id + offset, **dict(zip(columns, row))})
        doc_ids[row[5]] = next_id + offset
    review.db["documents"].insert_all(records, batch_size=500)
    return len(records)


def _mirror_layer(review: Project, source: _Source, source_name: str, target: str,
                  doc_ids: dict[str, int]) -> LayerMerge:
    """Make the review layer ``target`` equal to the source layer."""
    wanted = source.layers.get(source_name, _Layer())
    # Not Project.annotator_id: it caches ids, which a rollback would make stale.
    review.db.execute("INSERT INTO annotators (name) VALUES (?) ON CONFLICT DO NOTHING", [target])
    annotator_id = review.db.execute("SELECT id FROM annotators WHERE name = ?",
                                     [target]).fetchone()[0]
    have = {(sha, start, end, label): (span_id, origin)
            for span_id, sha, start, end, label, origin in review.db.execute(
                """SELECT s.id, d.sha256, s.start, s."end", s.label, s.origin
                   FROM spans s JOIN documents d ON d.id = s.document_id
                   WHERE s.annotator_id = ?""", [annotator_id])}
    stale = [have[key][0] for key in have.keys() - wanted.spans.keys()]
    review.db.conn.executemany("DELETE FROM spans WHERE id = ?", [(i,) for i in stale])
    for key in have.keys() & wanted.spans.keys():
        if have[key][1] != wanted.spans[key][0]:
            review.db.execute("UPDATE spans SET origin = ? WHERE id = ?",
                              [wanted.spans[key][0], have[key][0]])
    new = sorted(wanted.spans.keys() - have.keys())
    rows = []
    for sha, start, end, label in new:
        origin, created, updated = wanted.spans[(sha, start, end, label)]
        rows.append({"document_id": doc_ids[sha], "annotator_id": annotator_id, "start": start,
                     "end": end, "label": label, "origin": origin, "created_at": created,
                     "updated_at": updated})
    review.db["spans"].insert_all(rows, batch_size=1000)
    statuses = {sha: status for sha, status in review.db.execute(
        """SELECT d.sha256, st.status FROM document_status st
           JOIN documents d ON d.id = st.document_id WHERE st.annotator_id = ?""",
        [annotator_id])}
    changed = 0
    for sha in statuses.keys() - wanted.statuses.keys():
        review.db.execute("DELETE FROM document_status WHERE document_id = ? AND annotator_id = ?",
                          [doc_ids[sha], annotator_id])
        changed += 1
    for sha, (status, updated) in sorted(wanted.statuses.items()):
        if statuses.get(sha) != status:
            review.db.execute(
                """INSERT INTO document_status (document_id, annotator_id, status, updated_at)
                   VALUES (?, ?, ?, ?) ON CONFLICT (document_id, annotator_id) DO UPDATE
                   SET status = excluded.status, updated_at = excluded.updated_at""",
                [doc_ids[sha], annotator_id, status, updated])
            changed += 1
    return LayerMerge(str(source.path), source_name, target, len(new), len(stale), changed)


def _record_source(review: Project, source: _Source, source_name: str, target: str) -> None:
    path = str(source.path.resolve())
    row = review.db.execute(
        "SELECT source_id, source_annotator, source_path FROM merge_sources WHERE annotator = ?",
        [target]).fetchone()
    if row == (source.project_id, source_name, path):
        return
    review.db.execute(
        """INSERT INTO merge_sources (annotator, source_id, source_annotator, source_path)
           VALUES (?, ?, ?, ?) ON CONFLICT (annotator) DO UPDATE
           SET source_path = excluded.source_path""",
        [target, source.project_id, source_name, path])
