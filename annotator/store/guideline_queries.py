"""The queries of annotation guidelines (one per label), as methods of
:class:`~annotator.store.repository.Project`.

Examples and counter-examples are stored one per line; a phrase to label
never spans lines, since a selection drops its surrounding whitespace.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from annotator.core.model import Guideline


def _lines(items: Iterable[str]) -> str:
    return "\n".join(line.strip() for item in items for line in item.splitlines() if line.strip())


def _items(stored: str) -> tuple[str, ...]:
    return tuple(line for line in stored.split("\n") if line.strip())


def guideline_from_row(row: sqlite3.Row | tuple) -> Guideline:
    """From (label, definition, examples, counter_examples) as stored."""
    label, definition, examples, counter_examples = row
    return Guideline(label, definition, _items(examples), _items(counter_examples))


def guideline_rows(conn: sqlite3.Connection) -> list[Guideline]:
    """Every guideline of an open file (also one opened by merge, read only)."""
    return [guideline_from_row(row) for row in conn.execute(
        "SELECT label, definition, examples, counter_examples FROM label_guidelines")]


class GuidelineQueries:
    def guidelines(self) -> dict[str, Guideline]:
        """Each label's guideline, by label key; a label without one gets an
        empty guideline."""
        stored = {g.label: g for g in guideline_rows(self._db.conn)}
        return {label.key: stored.get(label.key, Guideline(label.key)) for label in self.labels()}

    def guideline(self, label: str) -> Guideline:
        self._require_label(label)
        return self.guidelines()[label]

    def set_guideline(self, guideline: Guideline) -> None:
        """Replace a label's guideline, in one transaction."""
        with self._db.atomic():
            self._require_label(guideline.label)
            self._put_guidelines([guideline])

    def _put_guidelines(self, guidelines: Iterable[Guideline], replace: bool = True) -> None:
        verb = "INSERT OR REPLACE" if replace else "INSERT OR IGNORE"
        for g in guidelines:
            self._db.execute(
                f"{verb} INTO label_guidelines (label, definition, examples, counter_examples) "
                "SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM labels WHERE key = ?)",
                [g.label, g.definition.strip(), _lines(g.examples), _lines(g.counter_examples),
                 g.label])
