"""A span's ``created_at`` and ``updated_at`` are stored as integer
milliseconds since the Unix epoch (6 bytes each in a row, against 24 for ISO
text: half of an imported span's row). Everything above the SQL reads and
writes them as ISO 8601 text in UTC with milliseconds
(``2026-12-02T01:42:13.955Z``): these expressions convert at the boundary."""

from __future__ import annotations

# 1970-01-01T00:00:00Z as a Julian day number, and milliseconds in a day.
_UNIX_EPOCH_JD = 2440587.5
_MS_PER_DAY = 86_400_000


def ms_from_iso(value: str) -> str:
    """SQL: the instant of ISO text ``value`` (a column, a parameter, 'now')
    in milliseconds; NULL if it is not a time. Rounded: julianday's double
    is a hair off whole milliseconds."""
    return f"CAST(round((julianday({value}) - {_UNIX_EPOCH_JD}) * {_MS_PER_DAY}) AS INTEGER)"


def iso_from_ms(value: str) -> str:
    """SQL: milliseconds ``value`` as ISO text, as ``strftime`` wrote them before."""
    return f"strftime('%Y-%m-%dT%H:%M:%fZ', {value} / 1000.0, 'unixepoch')"


# SQL: the time of the statement in milliseconds (a column default).
NOW_MS = ms_from_iso("'now'")
