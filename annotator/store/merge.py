"""Merge annotators' project files into a review project.

Documents are matched by the sha256 of their text. Each annotator's layer
(spans with their origin and timestamps, and document statuses) is copied
under the annotator's name, or under a new name given by a rename.

A layer is known by its annotator's uid, a random id given when the annotator
was first added to a file (copies and renamed files keep it). The review's
annotator takes the uid of the layer merged into it. Merging a layer again
makes the review layer a mirror of it as it is now: nothing changes when the
source did not, and spans the annotator removed since are removed. A layer of
another uid under a name the review already uses is refused unless renamed;
layers of other uids are never touched. The reserved ``gold`` layer is the
review's own: merge never writes it.

Sources are opened read-only and are never changed. The whole merge is one
transaction: any error leaves the review file as it was.

Files handed out by ``annotator assign`` carry their team's id and their
owner's name. A file of another team than the review's is refused. Such a
file speaks only for its own documents: its owner's layer is mirrored on the
documents the file holds, another member's on the documents they touched in
it, so an annotator's several files (one per round) add up to one layer.
Each collection is recorded, and a document edited by someone it was not
assigned to is accepted and reported.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.model import GOLD_ANNOTATOR, Guideline, Label, Origin, Span, Status
from annotator.core.offsets import SpanBoundsError, check_bounds
from annotator.store import integrity, open_files
from annotator.store.repository import (
    SQLITE_HEADER,
    MergeSource,
    Project,
    ProjectError,
    SpanRecord,
    StatusRecord,
    connect_read_only,
)
from annotator.store.guideline_queries import guideline_rows
from annotator.store.schema import (ENTITIES_VERSION, GUIDELINES_VERSION, SCHEMA_VERSION,
                                     SPAN_MS_VERSION, legacy_annotator_uid)
from annotator.store.team_queries import EDITS, TEAM_ID, TEAM_MEMBER
from annotator.store.timestamps import iso_from_ms


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
    # Documents this member labelled in another member's file where the
    # review holds other work of theirs: not merged from it (their own file
    # speaks for them there).
    kept: tuple[str, ...] = ()


@dataclass(frozen=True)
class MergeSummary:
    documents_added: int
    labels_added: tuple[str, ...]
    layers: tuple[LayerMerge, ...]
    # (annotator, document name) edited by someone it was not assigned to
    unassigned: tuple[tuple[str, str], ...] = ()
    # labels whose guideline came from a source (the review had none)
    guidelines_added: tuple[str, ...] = ()
    # labels whose guideline in a source differs from the review's (the review's is kept)
    guidelines_differing: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.documents_added or self.labels_added or self.guidelines_added or any(
            l.spans_added or l.spans_removed or l.statuses_changed for l in self.layers))


# A span as merge compares it: (document sha256, start, end, label).
SpanKey = tuple[str, int, int, str]


@dataclass
class _Layer:
    # origin, times, entity (a group id of the source's layer, kept as it is)
    spans: dict[SpanKey, tuple[str, str, str, int | None]] = field(default_factory=dict)
    statuses: dict[str, tuple[str, str]] = field(default_factory=dict)  # sha -> status, time

    def __bool__(self) -> bool:
        return bool(self.spans or self.statuses)


@dataclass
class _Source:
    path: Path
    project_id: str
    labels: list[Label]
    documents: dict[str, int]  # sha256 -> id in the source
    names: dict[str, str]  # annotator uid -> name, every annotator of the file
    layers: dict[str, _Layer]  # annotator uid -> layer (empty ones too)
    conn: sqlite3.Connection
    team_id: str | None = None  # a file handed out by assign: its team
    owner: str | None = None  # and whose it is (name)
    guidelines: list[Guideline] = field(default_factory=list)
    edits: int = 0  # edits of its layers, counted: an older copy has fewer

    def scope(self, uid: str) -> set[str] | None:
        """The documents (sha256) this file speaks for in layer ``uid``; None:
        the whole layer (a file not handed out)."""
        if self.team_id is None:
            return None
        if self.names.get(uid) == self.owner:
            return set(self.documents)
        layer = self.layers[uid]
        return {key[0] for key in layer.spans} | {
            sha for sha, (status, _) in layer.statuses.items() if status != Status.TODO.value}


def merge_projects(review: Project, paths: Sequence[str | Path],
                   renames: Mapping[str, str] | None = None,
                   older: bool = False) -> MergeSummary:
    """Merge the project files at ``paths`` into ``review``; ``renames`` maps a
    source annotator's name to the name their layer takes in the review. A
    copy of a file older than the one merged before is refused unless
    ``older``: it would take back the work done since, without a word."""
    renames = {old.strip(): new.strip() for old, new in dict(renames or {}).items()}
    for old, new in renames.items():
        if new == GOLD_ANNOTATOR:
            raise MergeError(f"--rename {old}={new}: {GOLD_ANNOTATOR!r} is the reserved name "
                             "of the review's adjudicated layer; choose another name")
    sources: list[_Source] = []
    try:
        for path in paths:
            sources.append(_read_source(Path(path), review))
        team_id = _check_team(review, sources)
        if not older:
            _check_not_older(review, sources)
        plan = _plan(review, sources, renames)
        with review.transaction():
            if team_id and review.info(TEAM_ID) is None:
                review.set_info(TEAM_ID, team_id)
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
    header = open_files.first_bytes(path, integrity.HEADER_SIZE)  # None: open here, so SQLite's
    if header is not None and not header.startswith(SQLITE_HEADER):
        raise MergeError(f"{path}: not a project file (not an SQLite database)")
    short = integrity.cut_short(path, header) if header else None
    if short is not None:
        raise MergeError(f"{path}: the file is damaged ({short}): nothing was merged; "
                         "ask its annotator for it again")
    conn = connect_read_only(path)  # on a read-only disk too
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
        if version >= 4:
            uids = {row[0]: (row[1], row[2]) for row in conn.execute(
                "SELECT id, uid, name FROM annotators")}
        else:
            # Files from before annotator uids: the uid the upgrade will give them.
            uids = {row[0]: (legacy_annotator_uid(project_id, row[1]), row[1])
                    for row in conn.execute("SELECT id, name FROM annotators")}
        names = {uid: name for uid, name in uids.values()}
        layers = {uid: _Layer() for uid in names}
        labels = [Label(*row) for row in conn.execute(
            "SELECT key, name, color, shortcut, position FROM labels ORDER BY position, key")]
        documents = dict(conn.execute("SELECT sha256, id FROM documents"))
        guidelines = guideline_rows(conn) if version >= GUIDELINES_VERSION else []
        entity = "s.entity" if version >= ENTITIES_VERSION else "NULL"
        # ISO text, as a layer's records carry them, from files of every version.
        times = ("s.created_at, s.updated_at" if version < SPAN_MS_VERSION
                 else f"{iso_from_ms('s.created_at')}, {iso_from_ms('s.updated_at')}")
        for annotator, sha, start, end, label, origin, created, updated, doc, length, group in \
                conn.execute(
                f"""SELECT s.annotator_id, d.sha256, s.start, s."end", s.label, s.origin,
                          {times}, d.name, length(d.text), {entity}
                   FROM spans s JOIN documents d ON d.id = s.document_id
                   WHERE s.origin != 'suggested'"""):  # not labels until accepted
            uid, name = uids[annotator]
            try:
                check_bounds(start, end, length)
            except SpanBoundsError as error:
                raise MergeError(f"{path}: document {doc!r}, annotator {name!r}: {error}")
            layers[uid].spans[(sha, start, end, label)] = (origin, created, updated, group)
        for annotator, sha, status, updated in conn.execute(
                """SELECT st.annotator_id, d.sha256, st.status, st.updated_at
                   FROM document_status st JOIN documents d ON d.id = st.document_id"""):
            layers[uids[annotator][0]].statuses[sha] = (status, updated)
        team_id = owner = None
        edits = 0
        if version >= 2:
            info = dict(conn.execute("SELECT key, value FROM project_info"))
            team_id, owner = info.get(TEAM_ID), info.get(TEAM_MEMBER)
            edits = int(info.get(EDITS) or 0)
            if owner is None:
                team_id = None  # a master: its layers are whole layers
    except sqlite3.DatabaseError as error:
        raise _unreadable(path, error) from error
    except KeyError as error:
        raise MergeError(f"{path}: a span or status of annotator id {error} who is not "
                         "in the file") from error
    return _Source(path, project_id, labels, documents, names, layers, conn, team_id, owner,
                   guidelines, edits)


def _merged_edits_key(source: _Source) -> str:
    return f"merged_{EDITS}:{source.project_id}"


def _check_not_older(review: Project, sources: list[_Source]) -> None:
    """Refuse a copy of a file with fewer edits than the copy merged before
    (a mail from last week, the file as assign wrote it): merged, it would
    take back the annotator's later work."""
    for source in sources:
        merged = review.info(_merged_edits_key(source))
        if merged is not None and source.edits < int(merged):
            raise MergeError(
                f"{source.path}: an older copy of a file merged before (it holds "
                f"{source.edits} edits, the copy merged had {int(merged)}): merging it would take "
                "back the work done since. Merge the newest copy, or give --older to take "
                "this one all the same")


def _unreadable(path: Path, error: sqlite3.DatabaseError) -> MergeError:
    if integrity.is_damage(error):
        return MergeError(f"{path}: the file is damaged ({error}): nothing was merged; "
                          "ask its annotator for it again")
    return MergeError(f"{path}: cannot be read as a project file ({error})")


def _check_team(review: Project, sources: list[_Source]) -> str | None:
    """The team the review belongs to after this merge; refuses a file of
    another team."""
    team_id = review.info(TEAM_ID)
    for source in sources:
        if source.team_id is None:
            continue
        if team_id is None:
            team_id = source.team_id
        elif source.team_id != team_id:
            raise MergeError(
                f"{source.path}: belongs to another team project (team {source.team_id[:8]}), "
                f"not to {review.path} (team {team_id[:8]}); collect it into its own master file")
    return team_id


# -- checking names ----------------------------------------------------------


@dataclass(frozen=True)
class _Step:
    source: int  # index into the sources
    uid: str
    source_name: str
    target: str  # the review annotator


def _plan(review: Project, sources: list[_Source], renames: dict[str, str]) -> list[_Step]:
    """Which source layer goes to which review annotator; refuses name clashes."""
    by_name = review.annotator_uids()
    by_uid = {uid: name for name, uid in by_name.items()}
    recorded = {name: source.path for name, source in review.merge_sources().items()}
    in_use = set(review.annotated_by())
    unused = set(renames)
    steps: list[_Step] = []
    claimed: dict[str, list[tuple[int, str]]] = {}  # review name -> [(source index, uid)]

    def other_sources(claims):
        return [(sources[i], u) for i, u in claims]
    for index, source in enumerate(sources):
        for uid in sorted(source.names, key=source.names.__getitem__):
            name = source.names[uid]
            unused.discard(name)
            layer = source.layers[uid]
            earlier = by_uid.get(uid)
            target = renames.get(name) or earlier or name
            if target == GOLD_ANNOTATOR or earlier == GOLD_ANNOTATOR:
                if layer:
                    raise MergeError(
                        f"{source.path}: annotator {name!r} would be merged over the review's "
                        f"adjudicated layer {GOLD_ANNOTATOR!r}; use --rename {name}=NEW_NAME")
                continue  # an empty gold of the file: the review's own stays as it is
            scope = source.scope(uid)
            if earlier is None and not layer:
                continue  # nothing to bring
            if scope is not None and not scope:
                continue  # a team member who did nothing in this file
            if earlier is not None and target != earlier:
                raise MergeError(
                    f"{source.path}: annotator {name!r} of this file was merged before as "
                    f"{earlier!r}; merging it again as {target!r} would count it twice")
            if earlier is None and target in by_name:
                if target in recorded:
                    raise MergeError(
                        f"{source.path}: annotator {target!r} was merged from another file "
                        f"({recorded[target]}); use --rename {name}=NEW_NAME")
                if target in in_use:
                    raise MergeError(
                        f"{source.path}: annotator {target!r} already has annotations in the "
                        f"review file; use --rename {name}=NEW_NAME")
            if target in claimed and scope is not None:
                _check_disjoint(source, other_sources(claimed[target]), uid, scope)
                claimed[target].append((index, uid))
                steps.append(_Step(index, uid, name, target))
                continue
            if target in claimed:
                other_index, other_uid = claimed[target][0]
                other = sources[other_index]
                if other_uid != uid:
                    raise MergeError(
                        f"{source.path}: annotator {target!r} is also in {other.path} and is "
                        f"another person there; use --rename {name}=NEW_NAME")
                if other.layers[uid] != layer:
                    raise MergeError(
                        f"{source.path}: annotator {name!r} is also in {other.path} (a copy "
                        "of the same layer) with other annotations; merge only the newer file")
                continue  # the same file, or an identical copy, given twice
            claimed[target] = [(index, uid)]
            steps.append(_Step(index, uid, name, target))
    if unused:
        name = sorted(unused)[0]
        raise MergeError(f"--rename {name}=...: no annotator {name!r} in the files to merge")
    return steps


def _check_disjoint(source: _Source, others: list[tuple[_Source, str]], uid: str,
                    scope: set[str]) -> None:
    """Two handed-out files may bring one layer when they speak for other documents."""
    for other, other_uid in others:
        other_scope = other.scope(other_uid)
        if other_uid == uid and other_scope is None:
            raise MergeError(f"{source.path}: annotator {source.names[uid]!r} is also in "
                             f"{other.path}, a whole layer; merge the two one at a time")
        if other_uid != uid:
            raise MergeError(f"{source.path}: annotator {source.names[uid]!r} is also in "
                             f"{other.path} and is another person there; use --rename")
        common = scope & other_scope
        name = source.names[uid]
        if (source.owner == name) != (other.owner == name):
            continue  # one is their own file: it speaks for them there (see _held_elsewhere)
        if common and (_restricted(source.layers[uid], common)
                       != _restricted(other.layers[other_uid], common)):
            raise MergeError(f"{source.path}: annotator {source.names[uid]!r} has other "
                             f"annotations than in {other.path} on the same documents; "
                             "merge only the newer file")


def _restricted(layer: _Layer, scope: set[str] | None) -> _Layer:
    if scope is None:
        return layer
    return _Layer({k: v for k, v in layer.spans.items() if k[0] in scope},
                  {k: v for k, v in layer.statuses.items() if k in scope})


# -- writing -------------------------------------------------------------------


def _apply(review: Project, sources: list[_Source], steps: list[_Step]) -> MergeSummary:
    labels_added = _add_labels(review, sources)
    guidelines_added, guidelines_differing = _add_guidelines(review, sources)
    doc_ids = review.document_ids_by_sha()
    documents_added = 0
    for source in sources:
        documents_added += _add_documents(review, source, doc_ids)
    layers = []
    for step in steps:
        source = sources[step.source]
        layers.append(_mirror_layer(review, source, step, doc_ids))
        _record_source(review, source, step.source_name, step.target)
        if source.team_id is not None and source.names[step.uid] == source.owner:
            review.record_collection(step.target, str(source.path.resolve()))
    for source in sources:
        review.set_info(_merged_edits_key(source), str(source.edits))
    return MergeSummary(documents_added, tuple(labels_added), tuple(layers),
                        _unassigned(review, sources, steps, doc_ids),
                        guidelines_added, guidelines_differing)


def _unassigned(review: Project, sources: list[_Source], steps: list[_Step],
                doc_ids: dict[str, int]) -> tuple[tuple[str, str], ...]:
    """Documents a merged layer touched that were not assigned to its
    annotator, when the review records assignments at all."""
    assigned: dict[str, set[int]] = {}
    for assignment in review.assignments():
        assigned.setdefault(assignment.annotator, set()).add(assignment.document_id)
    if not assigned:
        return ()
    names = review.document_names()
    found = set()
    for step in steps:
        source = sources[step.source]
        layer = _restricted(source.layers[step.uid], source.scope(step.uid))
        touched = {key[0] for key in layer.spans} | {
            sha for sha, (status, _) in layer.statuses.items() if status != Status.TODO.value}
        for sha in touched:
            if doc_ids[sha] not in assigned.get(step.target, set()):
                found.add((step.target, names[doc_ids[sha]]))
    return tuple(sorted(found))


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


def _add_guidelines(review: Project, sources: list[_Source]
                    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A label without a guideline in the review takes the first source's;
    one the review has is kept (the reviewer's word), and a source that says
    otherwise is reported, not applied."""
    current = review.guidelines()
    added, differing = [], []
    for source in sources:
        for guideline in source.guidelines:
            mine = current.get(guideline.label)
            if mine is None or guideline.is_empty() or guideline == mine:
                continue
            if mine.is_empty():
                review.set_guideline(guideline)
                current[guideline.label] = guideline
                added.append(guideline.label)
            elif guideline.label not in differing:
                differing.append(guideline.label)
    return tuple(added), tuple(differing)


def _add_documents(review: Project, source: _Source, doc_ids: dict[str, int]) -> int:
    missing = [source_id for sha, source_id in source.documents.items() if sha not in doc_ids]
    rows = []
    for start in range(0, len(missing), 500):
        chunk = missing[start : start + 500]
        try:
            rows += source.conn.execute(
                "SELECT name, text, lang, direction, direction_override, sha256, meta, created_at "
                f"FROM documents WHERE id IN ({','.join('?' * len(chunk))}) ORDER BY id", chunk
            ).fetchall()
        except sqlite3.DatabaseError as error:  # the source's fault, not the review's
            raise _unreadable(source.path, error) from error
    columns = ("name", "text", "lang", "direction", "direction_override", "sha256", "meta",
               "created_at")
    records = [dict(zip(columns, row)) for row in rows]
    for record, document_id in zip(records, review.insert_documents(records)):
        doc_ids[record["sha256"]] = document_id
    return len(records)


def _mirror_layer(review: Project, source: _Source, step: _Step,
                  doc_ids: dict[str, int]) -> LayerMerge:
    """Make the review layer ``step.target`` equal to the source layer, and
    give it the source layer's uid."""
    scope = source.scope(step.uid)
    source_name, target = step.source_name, step.target
    have = review.layer_span_keys(target)
    statuses = review.layer_statuses(target)
    kept: set[str] = set()
    if scope is not None and source_name != source.owner:
        kept = _held_elsewhere(source.layers[step.uid], scope, have, statuses)
        scope -= kept
    wanted = _restricted(source.layers[step.uid], scope)
    review.set_annotator_uid(target, step.uid)
    if scope is not None:
        have = {key: value for key, value in have.items() if key[0] in scope}
    stale = [have[key][0] for key in have.keys() - wanted.spans.keys()]
    review.delete_spans(stale)
    review.set_span_origins({have[key][0]: Origin(wanted.spans[key][0])
                             for key in have.keys() & wanted.spans.keys()
                             if have[key][1] != wanted.spans[key][0]})
    # The layer's entities as the source has them (ids are the layer's own).
    review.set_span_entities({have[key][0]: wanted.spans[key][3]
                              for key in have.keys() & wanted.spans.keys()
                              if have[key][2] != wanted.spans[key][3]})
    new = sorted(wanted.spans.keys() - have.keys())
    records = []
    for sha, start, end, label in new:
        origin, created, updated, entity = wanted.spans[(sha, start, end, label)]
        records.append(SpanRecord(Span(start, end, label, annotator=target, origin=Origin(origin),
                                       entity=entity),
                                  doc_ids[sha], created, updated))
    review.insert_span_records(records)
    if scope is not None:
        statuses = {sha: status for sha, status in statuses.items() if sha in scope}
    changed = 0
    for sha in statuses.keys() - wanted.statuses.keys():
        review.restore_status(doc_ids[sha], target, None)
        changed += 1
    for sha, (status, updated) in sorted(wanted.statuses.items()):
        if statuses.get(sha) != status:
            review.restore_status(doc_ids[sha], target, StatusRecord(Status(status), updated))
            changed += 1
    names = review.document_names() if kept else {}
    return LayerMerge(str(source.path), source_name, target, len(new), len(stale), changed,
                      tuple(sorted(names[doc_ids[sha]] for sha in kept)))


def _held_elsewhere(layer: _Layer, scope: set[str], have: dict,
                    statuses: dict[str, Status]) -> set[str]:
    """The documents of ``scope`` where a member's edits in another member's
    file (``layer``: a name typed on someone else's laptop, an import under
    their name) differ from the work the review holds of theirs (``have``,
    ``statuses``): merged, they would replace that work, the work of their
    own file, without a word."""
    held: dict[str, set] = {}
    for key in have:
        held.setdefault(key[0], set()).add(key[1:])
    worked = set(held) | {sha for sha, status in statuses.items() if status is not Status.TODO}
    kept = set()
    for sha in scope & worked:
        incoming = {key[1:] for key in layer.spans if key[0] == sha}
        status = layer.statuses.get(sha, (None, None))[0]
        here = statuses.get(sha)
        if incoming != held.get(sha, set()) or status != (here.value if here else None):
            kept.add(sha)
    return kept


def _record_source(review: Project, source: _Source, source_name: str, target: str) -> None:
    recorded = MergeSource(source.project_id, source_name, str(source.path.resolve()))
    if review.merge_sources().get(target) != recorded:
        review.record_merge_source(target, recorded)
