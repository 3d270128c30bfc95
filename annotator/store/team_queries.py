"""The queries of team projects (assignments, collections, the project's
team identity), as methods of :class:`~annotator.store.repository.Project`.

Kept apart from repository.py so the team's SQL reads in one place; the
services that use it are store/assignments.py and store/progress.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from annotator.core.model import Guideline, Label

# project_info keys of a file handed out to an annotator (and of a master
# once it has handed files out): which team project it belongs to, and whose it is.
TEAM_ID = "team_id"
TEAM_MEMBER = "team_member"
EDITS = "edits"  # edits of the file's layers, counted (see count_edit)

DOCUMENT_COLUMNS = ("name", "text", "lang", "direction", "direction_override", "sha256",
                    "meta", "created_at")


@dataclass(frozen=True)
class Assignment:
    document_id: int
    annotator: str
    round: int
    file: str
    assigned_at: str


class TeamQueries:
    """Mixed into Project: ``self._db`` is the project's sqlite-utils database."""

    _db = None  # set by Project

    # -- project_info ----------------------------------------------------------

    def info(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM project_info WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def _set_info(self, key: str, value: str) -> None:
        self._db.execute("INSERT INTO project_info (key, value) VALUES (?, ?) "
                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value", [key, value])

    def set_info(self, key: str, value: str) -> None:
        with self._db.atomic():
            self._set_info(key, value)

    def count_edit(self) -> None:
        """One more edit of this file's layers (inside the edit's
        transaction): a copy with fewer is older, which merge tells apart."""
        self._db.execute(f"INSERT INTO project_info (key, value) VALUES ('{EDITS}', '1') "
                         "ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1")

    # -- handing out -------------------------------------------------------------

    def documents_as_rows(self, document_ids: Sequence[int]) -> list[dict]:
        """Documents as stored (see DOCUMENT_COLUMNS), for another file, in id order."""
        rows: list[dict] = []
        for start in range(0, len(document_ids), 500):
            chunk = list(document_ids[start:start + 500])
            rows += [dict(zip(DOCUMENT_COLUMNS, row)) for row in self._db.execute(
                f"SELECT {', '.join(DOCUMENT_COLUMNS)} FROM documents "
                f"WHERE id IN ({','.join('?' * len(chunk))}) ORDER BY id", chunk)]
        return rows

    def write_team_file(self, documents: Sequence[dict], labels: Sequence[Label],
                        team: dict[str, str], members: dict[str, str], owner: str,
                        guidelines: Sequence[Guideline] = ()) -> None:
        """Fill a new, empty file for one annotator in one transaction: the
        documents, exactly these labels with these guidelines, the team's members with their uids
        (so each one's edits join their own layer), and the team identity."""
        with self._db.atomic():
            self._db["documents"].insert_all(
                ({**row, "id": index} for index, row in enumerate(documents, 1)),
                batch_size=500)
            self._db.execute("DELETE FROM labels")
            self._db["labels"].insert_all(
                {"key": l.key, "name": l.name, "color": l.color, "shortcut": l.shortcut,
                 "position": l.position} for l in labels)
            self._db.execute("DELETE FROM label_guidelines")
            self._put_guidelines(g for g in guidelines if not g.is_empty())
            for name, uid in members.items():
                self._db.execute("INSERT INTO annotators (name, uid) VALUES (?, ?)", [name, uid])
            for key, value in team.items():
                self._set_info(key, value)
            self._set_info(TEAM_MEMBER, owner)

    def record_assignments(self, rows: Iterable[tuple[int, str, int, str]],
                           members: dict[str, str], team_id: str) -> None:
        """Record (document id, annotator, round, file) rows, the members'
        layers (empty until collected) and the team identity, in one transaction."""
        with self._db.atomic():
            for name, uid in members.items():
                self._db.execute("INSERT INTO annotators (name, uid) VALUES (?, ?) "
                                 "ON CONFLICT DO NOTHING", [name, uid])
            self._db.conn.executemany(
                "INSERT INTO assignments (document_id, annotator, round, file) "
                "VALUES (?, ?, ?, ?)", list(rows))
            self._set_info(TEAM_ID, team_id)

    def assignments(self) -> list[Assignment]:
        return [Assignment(*row) for row in self._db.execute(
            "SELECT document_id, annotator, round, file, assigned_at FROM assignments "
            "ORDER BY document_id, annotator")]

    def assignment_round(self) -> int:
        """The last round handed out (0: none yet)."""
        return self._db.execute("SELECT coalesce(max(round), 0) FROM assignments").fetchone()[0]

    # -- collecting --------------------------------------------------------------

    def record_collection(self, annotator: str, source_path: str) -> None:
        with self._db.atomic():
            self._db.execute("INSERT INTO collections (annotator, source_path) VALUES (?, ?)",
                             [annotator, source_path])

    def last_collections(self) -> dict[str, str]:
        """When each annotator's file was last collected, by name."""
        return dict(self._db.execute(
            "SELECT annotator, max(collected_at) FROM collections GROUP BY annotator"))

    # -- progress ----------------------------------------------------------------

    def all_statuses(self) -> list[tuple[int, str, str]]:
        """(document id, annotator, status) of every status row."""
        return list(self._db.execute(
            "SELECT st.document_id, a.name, st.status FROM document_status st "
            "JOIN annotators a ON a.id = st.annotator_id"))

    def span_counts(self) -> list[tuple[str, str, int]]:
        """(annotator, label, count) over the whole file, suggestions left out."""
        return list(self._db.execute(
            "SELECT a.name, sp.label, count(*) FROM spans sp "
            "JOIN annotators a ON a.id = sp.annotator_id WHERE sp.origin != 'suggested' "
            "GROUP BY a.name, sp.label ORDER BY a.name, sp.label"))

    def document_names(self) -> dict[int, str]:
        return dict(self._db.execute("SELECT id, name FROM documents"))

    def touched_documents(self, annotator: str) -> set[int]:
        """Documents one annotator has spans on, or a status other than to do."""
        return {row[0] for row in self._db.execute(
            """SELECT sp.document_id FROM spans sp JOIN annotators a ON a.id = sp.annotator_id
               WHERE a.name = ? UNION
               SELECT st.document_id FROM document_status st
               JOIN annotators a ON a.id = st.annotator_id
               WHERE a.name = ? AND st.status != 'todo'""", [annotator, annotator])}
