"""Reading text files: UTF-8, BOM dropped, line endings normalised.

What is not UTF-8 text is refused with one line saying what it is instead
(UTF-16, a zip archive, binary data) and where: a file that decodes by luck
must not become a document of garbage."""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
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
# A reader that needs a whole file at once (one JSON document, a brat pair,
# a .txt document) holds it in memory a few times over: past this size it
# is refused before a byte is read. Line readers (JSON Lines) stream instead.
MAX_BYTES = 512 * 1024 * 1024
# Line readers read a line a piece at a time, checking each piece, so a
# file of binary data with no line break is refused at its first piece; a
# line is held whole only once it is known to be text, and up to this size.
CHUNK = 1024 * 1024
MAX_LINE_BYTES = 256 * 1024 * 1024


def what_it_is(data: bytes, size: int | None = None) -> str | None:
    """What bytes that are not UTF-8 text are, when it can be told from
    ``data``, the start of a file of ``size`` bytes (default: all of it)."""
    size = len(data) if size is None else size
    for signature, name in _SIGNATURES:
        if data.startswith(signature):
            return name
    # UTF-16 without a byte order mark: the high byte of each character
    # repeats (0 for Latin, 6 for Arabic) and it decodes to text with no controls.
    head = data[:4096]
    if size % 2 == 0 and len(head) >= 4 and (0 in head or _not_utf8(head)):
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


# JSON may write half of a UTF-16 pair on its own ("\ud800"): decoded, it is a
# code point that is no character, which neither UTF-8 nor SQLite's text holds.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_constant(name: str) -> None:
    # Python's json reads NaN and Infinity, which JSON has not: a strict
    # reader (or our own export, written back) would then refuse the file.
    raise ValueError(f"{name} is not a JSON value")


def strict_decoder() -> json.JSONDecoder:
    """A decoder of standard JSON only (no NaN, no Infinity)."""
    return json.JSONDecoder(parse_constant=_no_constant)


def strict_loads(raw: str) -> object:
    """``json.loads`` of standard JSON; ``json.JSONDecodeError`` for NaN or
    Infinity, and for values nested deeper than Python's stack takes."""
    with _as_decode_errors(raw, 0):
        return strict_decoder().decode(raw)


def decode(decoder: json.JSONDecoder, raw: str, start: int) -> tuple[object, int]:
    """``decoder.raw_decode(raw, start)``, failing as :func:`strict_loads` does."""
    with _as_decode_errors(raw, start):
        return decoder.raw_decode(raw, start)


@contextmanager
def _as_decode_errors(raw: str, start: int) -> Iterator[None]:
    try:
        yield
    except RecursionError:
        raise json.JSONDecodeError("arrays or objects nested too deep", raw, start) from None
    except ValueError as error:
        if isinstance(error, json.JSONDecodeError):
            raise
        name = str(error).split(" ", 1)[0]  # NaN, Infinity or -Infinity
        raise json.JSONDecodeError(str(error), raw, max(raw.find(name, start), start)) from None


def json_problem(error: ValueError) -> str:
    """The message for JSON that does not parse (a ``json.JSONDecodeError``)."""
    return f"not valid JSON ({error.msg}: column {error.colno})"


def lone_surrogate_problem(raw: str, decoded: object) -> str | None:
    """A message for a lone surrogate in any string of ``decoded`` (the JSON
    value parsed from ``raw``), or None. Only JSON that writes such an
    escape is searched: a plain text cannot hold one."""
    if "\\u" not in raw or _SURROGATE_ESCAPE.search(raw) is None:
        return None
    for text in _strings(decoded):
        found = _SURROGATE.search(text)
        if found is not None:
            return (f"a string holds \\u{ord(found.group()):04x} at character {found.start()}, "
                    "half of a UTF-16 surrogate pair on its own: not a character (the file "
                    "comes from a broken conversion)")
    return None


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


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
        problems.add(path, line, f"not valid UTF-8 (byte {data[error.start]:#04x} at offset "
                                 f"{error.start}){legacy_encoding_hint(data)}")
        return None
    found = _CONTROL.search(text)
    if found is not None:
        line = text.count("\n", 0, found.start()) + 1
        offset = len(text[: found.start()].encode("utf-8"))
        problems.add(path, line, f"control character U+{ord(found.group()):04X} at byte offset "
                                 f"{offset}: binary data, or text from a broken conversion")
        return None
    return text


def utf8_lines(path: Path, problems: ProblemList) -> Iterator[tuple[int, str]]:
    """The lines of ``path`` with their numbers (the ``\\n`` dropped, a
    leading BOM too), read a piece at a time so that memory does not grow
    with the file. What is not UTF-8 text stops the reading with a problem,
    as :func:`read_utf8` words it; an empty file is a problem too."""
    size = path.stat().st_size
    with open(path, "rb") as handle:
        kind = what_it_is(handle.read(4096), size)
        if kind is not None:
            problems.add(path, 0, f"is {kind}, not UTF-8 text; {_SAVE_AS}")
            return
        handle.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        offset = 0  # of the piece about to be read
        number = 0
        empty = True
        while True:
            piece = handle.readline(CHUNK)
            if not piece:
                break
            number += 1
            texts: list[str] = []
            length = 0
            while True:
                problem = _decode_piece(decoder, piece, offset, texts)
                offset += len(piece)
                length += len(piece)
                if problem is not None:
                    problems.add(path, number, problem)
                    return
                if piece.endswith(b"\n"):
                    break
                if length > MAX_LINE_BYTES:
                    problems.add(path, number, f"a line of over {MAX_LINE_BYTES // 2**20} MB: "
                                               "not a record of text; split it")
                    return
                piece = handle.readline(CHUNK)
                if not piece:
                    break
            text = "".join(texts)
            del texts
            if number == 1:
                text = text.lstrip("\ufeff")
            if text.endswith("\n"):
                text = text[:-1]
            if empty and text.strip(" \t\r"):
                empty = False
            yield number, text
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as error:
            problems.add(path, number, f"not valid UTF-8 (a character cut at the end, offset "
                                       f"{offset - len(error.object) + error.start})")
            return
    if empty:
        problems.add(path, 0, "the file is empty")


def _decode_piece(decoder, piece: bytes, offset: int, texts: list[str]) -> str | None:
    """Decode ``piece`` (at byte ``offset`` of the file) onto ``texts``; a
    problem message for bytes that are not UTF-8 or for a control character."""
    pending = len(decoder.getstate()[0])  # bytes of a character the last piece cut
    try:
        text = decoder.decode(piece)
    except UnicodeDecodeError as error:
        at = offset - pending + error.start
        return (f"not valid UTF-8 (byte {(error.object[error.start]):#04x} at offset {at})"
                f"{legacy_encoding_hint(piece)}")
    found = _CONTROL.search(text)
    if found is not None:
        at = offset - pending + len(text[: found.start()].encode("utf-8"))
        return (f"control character U+{ord(found.group()):04X} at byte offset {at}: "
                "binary data, or text from a broken conversion")
    texts.append(text)
    return None


# Encodings Arabic and Polish text comes in when it is not UTF-8 (Windows'
# own), with the letters that tell them: every byte over 127 of such a file
# is one of them.
_LEGACY = (("cp1256", "Windows-1256 (Arabic)",
            lambda c: "\u0600" <= c <= "\u06ff" or c in "\u00a0\u00ab\u00bb"),
           ("cp1250", "Windows-1250 (Central European)",
            lambda c: c in "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ\u00a0\u201e\u201d\u2013"))


def legacy_encoding_hint(data: bytes) -> str:
    """``; it looks like Windows-1256 (Arabic): ...`` when the bytes that are
    not ASCII all read as that encoding's letters, else nothing."""
    high = bytes(b for b in data[:65536] if b > 127)
    if len(high) < 4:
        return ""
    for codec, name, fits in _LEGACY:
        chars = high.decode(codec, "replace")
        if sum(map(fits, chars)) >= 0.9 * len(chars):
            return (f"; it looks like {name}: convert it first, for example with "
                    f"iconv -f {codec} -t utf-8 FILE > NEW-FILE")
    return ""
