"""Which documents the document list shows, and in what order: a status,
a language, with or without spans, and a column to sort by (import order
when none). Plain data, shared by the store (which turns it into one query)
and the window (whose filters and column headers set it)."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.model import Status

# The columns the list sorts by, as the list shows them left to right.
SORT_KEYS = ("name", "lang", "status", "spans")


@dataclass(frozen=True)
class DocumentQuery:
    status: Status | None = None
    lang: str | None = None
    labelled: bool | None = None  # True: with spans; False: without; None: either
    sort: str | None = None  # one of SORT_KEYS; None: import order
    descending: bool = False  # with no sort key: the newest documents first

    def __post_init__(self) -> None:
        if self.sort is not None and self.sort not in SORT_KEYS:
            raise ValueError(f"unknown sort key {self.sort!r} (expected one of {SORT_KEYS})")

    @property
    def in_import_order(self) -> bool:
        """Only a status filter, if any, and the import order (oldest first): the list's
        rows are then ids in ascending order, read a page by id range."""
        return (self.lang is None and self.labelled is None and self.sort is None
                and not self.descending)
