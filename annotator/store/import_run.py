"""One import into a project, batch by batch inside the caller's transaction:
documents and spans stored with prepared statements, and the counts the
summary reports. Memory does not grow with the number of records."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from annotator.core.model import IMPORTED_LAYER, DocumentRecord, Origin, Status
from annotator.core.text import describe, sha256_of


@dataclass(frozen=True)
class ImportSummary:
    documents_added: int
    documents_existing: int
    spans_added: int  # stored: new to the project
    labels_added: tuple[str, ...]
    spans_duplicate: int = 0  # given more than once in what was imported
    spans_present: int = 0  # already in the project, in the same layer
    # Records whose text an earlier record of the same import had: one
    # document, their spans together (of documents_existing).
    documents_repeated: int = 0
    spans_from_repeats: int = 0  # a repeat's spans its earlier record did not have
    first_repeat: str | None = None  # FILE:LINE of the first repeat that brought any
    suggestions_added: int = 0  # of spans_added: proposals, waiting to be accepted
    suggestions_rejected: int = 0  # proposals the annotator had rejected there: not stored
    labels_trimmed: dict[str, str] = field(default_factory=dict)  # "PER " -> "PER": spaces read plain


class ImportRun:
    """The state of one import across its batches: counts, the ids given,
    the labels and layers added. Only spans on documents that were in the
    project before are remembered (to tell those already there from those
    given twice); everything else is counted by SQLite as it is inserted."""

    _INSERT_DOCUMENT = ("INSERT INTO documents (id, name, text, lang, direction, sha256, meta) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)")
    _INSERT_SPAN = ('INSERT OR IGNORE INTO spans (document_id, annotator_id, start, "end", label, '
                    "origin, entity, reason, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
    _INSERT_STATUS = ("INSERT OR IGNORE INTO document_status (document_id, annotator_id, status) "
                      "VALUES (?, ?, ?)")

    def __init__(self, project, annotator: str | None, origin: str):
        # project: the store.Project whose transaction this runs in (not
        # imported here: Project imports this module).
        self.project, self.annotator, self.origin = project, annotator, origin
        self.conn = project._db.conn
        self.first_new_id: int | None = None  # read inside the transaction
        self.next_id = 0
        self.label_keys: set[str] | None = None
        self.new_labels: list[str] = []
        self.trimmed: dict[str, str] = {}  # labels given with spaces at their ends -> their keys
        self.writer_ids: dict[str, int] = {}  # this transaction's, so never stale
        self.added = self.existing = 0
        self.spans_given = self.spans_stored = 0
        self.old_seen: set[tuple] = set()  # spans given on documents there before
        self.old_given = self.old_stored = 0
        self.provisional = 0  # entity groups met so far (see Project.settle_new_entities)
        self.repeated = self.repeat_stored = 0
        self.first_repeat: str | None = None
        self.last_span_id = 0  # before this import: the spans after it are its own
        self.suggestions_rejected = 0
        self.last_sha = ""  # of the last record

    def store(self, batch: list[DocumentRecord]) -> None:
        conn = self.conn
        if self.first_new_id is None:
            self.first_new_id = (conn.execute("SELECT max(id) FROM documents").fetchone()[0] or 0) + 1
            self.last_span_id = conn.execute("SELECT max(id) FROM spans").fetchone()[0] or 0
            self.next_id = self.first_new_id
            self.label_keys = {label.key for label in self.project.labels()}
        shas = [sha256_of(record.text) for record in batch]
        wanted = list(set(shas))
        known = dict(conn.execute(f"SELECT sha256, id FROM documents WHERE sha256 IN "
                                  f"({','.join('?' * len(wanted))})", wanted))
        documents, new_spans, old_spans, statuses = [], [], [], {}
        repeats: list[tuple[str, list]] = []  # (where, span rows) of each repeat
        for record, sha in zip(batch, shas):
            # Another layer of the record before (a Label Studio task's
            # several annotators) is no repeat of its text.
            further_layer = record.layer > 0 and sha == self.last_sha
            self.last_sha = sha
            document_id = known.get(sha)
            repeat = (document_id is not None and document_id >= self.first_new_id
                      and not further_layer)
            if document_id is None:
                document_id = known[sha] = self.next_id
                self.next_id += 1
                self.added += 1
                direction, lang = describe(record.text)
                documents.append((document_id, record.name, record.text, record.lang or lang,
                                  direction.value, sha, json.dumps(record.meta, ensure_ascii=False)))
            elif not further_layer:
                self.existing += 1
                self.repeated += repeat
            if not (record.spans or record.annotated):
                continue
            # A layer without spans still says its annotator saw the document.
            annotator_id = self._annotator_id(self.annotator or record.annotator or IMPORTED_LAYER)
            rows = [] if repeat else new_spans if document_id >= self.first_new_id else old_spans
            if repeat:
                repeats.append((f"{record.source}:{record.line}", rows))
            groups: dict = {}  # the file's entity -> a provisional (negative) one
            for span in record.spans:
                label = span.label
                if label not in self.label_keys:
                    label = self._new_label(label)
                entity = None
                if span.entity is not None:
                    if span.entity not in groups:
                        self.provisional += 1
                        groups[span.entity] = -self.provisional
                    entity = groups[span.entity]
                if span.origin is Origin.SUGGESTED:  # a proposal stays one (JSONL "suggested")
                    rows.append((document_id, annotator_id, span.start, span.end, label,
                                 Origin.SUGGESTED.value, entity, span.reason, span.confidence))
                else:
                    rows.append((document_id, annotator_id, span.start, span.end, label,
                                 self.origin, entity, "", 1.0))
            # Proposals alone (a model's) say nobody has worked on the document yet.
            if record.annotated or any(not span.is_suggestion for span in record.spans):
                statuses[(document_id, annotator_id)] = Status.IN_PROGRESS.value
        if documents:
            conn.executemany(self._INSERT_DOCUMENT, documents)
        if old_spans:
            old_spans = self._without_rejected(old_spans)
        if new_spans:
            self.spans_given += len(new_spans)
            self.spans_stored += conn.executemany(self._INSERT_SPAN, new_spans).rowcount
        for where, rows in repeats:  # rare: each alone, to tell which brought spans
            if rows:
                self.spans_given += len(rows)
                stored = conn.executemany(self._INSERT_SPAN, rows).rowcount
                self.spans_stored += stored
                self.repeat_stored += stored
                if stored and self.first_repeat is None:
                    self.first_repeat = where
        if old_spans:
            self.old_given += len(old_spans)
            self.old_seen.update(row[:5] for row in old_spans)
            self.old_stored += conn.executemany(self._INSERT_SPAN, old_spans).rowcount
        if statuses:
            conn.executemany(self._INSERT_STATUS, [(d, a, s) for (d, a), s in statuses.items()])

    def _new_label(self, label: str) -> str:
        """The key a label not met before is stored under: itself, added to
        the project, or without the spaces at its ends and with each run of
        spaces inside one plain space ("PER " is PER, "GEO\u00a0LOC" with a
        no-break space is GEO LOC: never a label of its own that looks the same)."""
        if label in self.trimmed:
            return self.trimmed[label]
        key = " ".join(label.split())
        if key != label:
            self.trimmed[label] = key
        if key not in self.label_keys:
            self.project._add_label(key)
            self.label_keys.add(key)
            self.new_labels.append(key)
        return key

    def _without_rejected(self, rows: list[tuple]) -> list[tuple]:
        """``rows`` less the proposals the annotator rejected at that place:
        a rejection is remembered, whoever proposes it again."""
        proposed = {row[0] for row in rows if row[5] == Origin.SUGGESTED.value}
        if not proposed:
            return rows
        rejected = set(self.conn.execute(
            'SELECT document_id, annotator_id, start, "end", label FROM rejected_suggestions '
            f"WHERE document_id IN ({','.join('?' * len(proposed))})", list(proposed)))
        kept = [row for row in rows if row[5] != Origin.SUGGESTED.value or row[:5] not in rejected]
        self.suggestions_rejected += len(rows) - len(kept)
        return kept

    def _annotator_id(self, name: str) -> int:
        if name not in self.writer_ids:
            self.writer_ids[name] = self.project._writer_id(name)
        return self.writer_ids[name]

    def summary(self) -> ImportSummary:
        # Spans on new documents were not there before: what was not stored
        # was given twice. On older documents the distinct ones not stored
        # were there already.
        return ImportSummary(self.added, self.existing, self.spans_stored + self.old_stored,
                             tuple(self.new_labels),
                             spans_duplicate=(self.spans_given - self.spans_stored
                                              + self.old_given - len(self.old_seen)),
                             spans_present=len(self.old_seen) - self.old_stored,
                             documents_repeated=self.repeated,
                             spans_from_repeats=self.repeat_stored,
                             first_repeat=self.first_repeat,
                             suggestions_added=self._suggestions_added(),
                             suggestions_rejected=self.suggestions_rejected,
                             labels_trimmed=dict(self.trimmed))

    def _suggestions_added(self) -> int:
        if self.first_new_id is None:  # nothing was read
            return 0
        return self.conn.execute("SELECT count(*) FROM spans WHERE id > ? AND origin = ?",
                                 [self.last_span_id, Origin.SUGGESTED.value]).fetchone()[0]
