"""Reading text files: UTF-8, BOM dropped, line endings normalised.

What is not UTF-8 text is refused with one line saying what it is instead
(UTF-16, a zip archive, binary data) and where: a file that decodes by luck
must not become a document of garbage."""

from __future__ import annotations

import re
from pathlib import Path

from annotator.formats.problems import ProblemList

# C0 controls but tab, line feed and carriage return, and DEL: no news text
# holds them; they come from binary data or a broken conversion.
_CONTROL = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f]")
_SIGNATURES = ((b"\xff\xfe", "UTF-16 (little-endian, with a byte order mark)"),
               (b"\xfe\xff", "UTF-16 (big-endian, with a byte order mark)"),
               (b"PK\x03\x04", "a zip archive"), (b"\x1f\x8b", "a gzip archive"),
               (b"%PDF", "a PDF document"), (b"SQLite format 3\x00", "an SQLite database"))
_SAVE_AS = "save it as UTF-8 text"
# Every record of an import is read and checked before anything is stored,
# so a file is held in memory (a few times its size): past this size it is
# refused before a byte is read, instead of running the machine out of memory.
MAX_BYTES = 512 * 1024 * 1024


def what_it_is(data: bytes) -> str | None:
    """What bytes that are not UTF-8 text are, when it can be told."""
    for signature, name in _SIGNATURES:
        if data.startswith(signature):
            return name
    # UTF-16 without a byte order mark: the high byte of each character
    # repeats (0 for Latin, 6 for Arabic) and it decodes to text with no controls.
    head = data[:4096]
    if len(data) % 2 == 0 and len(head) >= 4 and (0 in head or _not_utf8(head)):
        for codec, order, high in (("utf-16-le", "little", head[1::2]), ("utf-16-be", "big", head[0::2])):
            if max(high.count(b) for b in set(high)) * 10 < len(high) * 6:
                continue
            try:
                decoded = head.decode(codec)
            except UnicodeDecodeError:
                continue
            if not _CONTROL.search(decoded):
                return f"UTF-16 ({order}-endian, without a byte order mark)"
    return None


def _not_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start < len(data) - 3  # not just a character cut at the end
    return False


def control_problem(text: str) -> str | None:
    """A message for the first control character in ``text``, or None."""
    found = _CONTROL.search(text)
    if found is None:
        return None
    return (f"control character U+{ord(found.group()):04X} at character {found.start()}: "
            "binary data, or text from a broken conversion")


def read_utf8(path: Path, problems: ProblemList, may_be_empty: bool = False) -> str | None:
    """The text of ``path``, or None with a problem added. An empty file is
    a problem unless ``may_be_empty`` (a brat .ann without annotations)."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        problems.add(path, 0, f"is {size / 2**20:,.0f} MB; files over {MAX_BYTES // 2**20} MB "
                              "are not imported: split it into smaller files")
        return None
    data = path.read_bytes()
    if not data.strip():
        if may_be_empty:
            return data.decode("ascii", "replace")

        problems.add(path, 0, "the file is empty")
        return None
    kind = what_it_is(data)
    if kind is not None:
        problems.add(path, 0, f"is {kind}, not UTF-8 text; {_SAVE_AS}")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.add(path, line, f"not valid UTF-8 (byte {data[error.start]:#04x} at offset {error.start})")
        return None
    found = _CONTROL.search(text)
    if found is not None:
        line = text.count("\n", 0, found.start()) + 1
        offset = len(text[: found.start()].encode("utf-8"))
        problems.add(path, line, f"control character U+{ord(found.group()):04X} at byte offset "
                                 f"{offset}: binary data, or text from a broken conversion")
        return None
    return text
