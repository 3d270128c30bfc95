"""The bad input files of tests/data/bad and the line each must give: the
file's name, where (line, or 0 for the whole file), and what is wrong."""

from __future__ import annotations

import sqlite3
from pathlib import Path

BAD = Path(__file__).resolve().parent.parent / "data" / "bad"

# file -> (line, what the message says); the brat .txt beside each .ann is read with it.
EXPECTED = {
    # Python's json would follow these into a traceback, or read NaN that
    # no strict reader (nor our own export, read back) takes.
    "nested_too_deep.jsonl": (2, "not valid JSON (arrays or objects nested too deep: column 1)"),
    "nan_in_meta.jsonl": (1, "not valid JSON (NaN is not a JSON value: column 58)"),
    "labelstudio_infinity.json": (1, "not valid JSON (Infinity is not a JSON value: column 65)"),
    # hf's sidecar alone: its one string ("iob2") was read as a document.
    "hf_labels_sidecar.labels.json": (1, "the tag names an hf export writes beside its rows "
                                         "(NAME.labels.json), not documents: nothing to import"),
    # The span's own text says its offsets are one letter late.
    "span_text_mismatch.jsonl": (1, "span text 'Jan Kowalski' does not match the text at 1-12 "
                                    "('an Kowalski')"),
    "control_nul.txt": (1, "control character U+0000 at byte offset 6"),
    "control_chars.jsonl": (1, "control character U+0007"),
    "control_nul.jsonl": (2, "control character U+0000"),
    "empty.jsonl": (0, "the file is empty"),
    "empty.txt": (0, "the file is empty"),
    "blank_lines.jsonl": (0, "the file is empty"),
    "invalid_utf8.jsonl": (2, "not valid UTF-8 (byte 0xe9 at offset 28)"),
    "invalid_utf8.txt": (1, "not valid UTF-8 (byte 0xf3 at offset 3)"),
    # Arabic and Polish saved by Windows' own encodings: the message says which.
    "cp1256_arabic.jsonl": (1, "not valid UTF-8 (byte 0xde at offset 10); it looks like "
                               "Windows-1256 (Arabic): convert it first, for example with "
                               "iconv -f cp1256 -t utf-8 FILE > NEW-FILE"),
    "cp1250_polish.txt": (1, "it looks like Windows-1250 (Central European)"),
    "utf16_bom.jsonl": (0, "UTF-16 (little-endian, with a byte order mark)"),
    "utf16le_nobom.jsonl": (0, "UTF-16 (little-endian, without a byte order mark)"),
    "utf16be_nobom.txt": (0, "UTF-16 (big-endian, without a byte order mark)"),
    # Read a line at a time: the first bad byte found is the NUL on line 1.
    "binary.jsonl": (1, "control character U+0000 at byte offset 0"),
    "zip_renamed.jsonl": (0, "is a zip archive, not UTF-8 text"),
    "json_syntax_line3.jsonl": (3, "not valid JSON"),
    # A "\ud800" escape decodes to half a surrogate pair: no character.
    "lone_surrogate.jsonl": (2, "a string holds \\ud800 at character 4, half of a UTF-16"),
    "labelstudio_lone_surrogate.json": (2, "a string holds \\udc00 at character 12"),
    "top_level_array.jsonl": (1, "expected a JSON object"),
    "top_level_string.jsonl": (1, "expected a JSON object"),
    "text_not_string.jsonl": (1, 'missing "text" (a string)'),
    "span_out_of_range.jsonl": (1, "span end 9 is past the end of the text (3)"),
    "span_negative.jsonl": (1, "span start -1 is negative"),
    "start_not_before_end.jsonl": (1, "span start 3 is not before its end 3"),
    "start_after_end.jsonl": (1, "span start 4 is not before its end 2"),
    # The text's leading BOM is not stored: a span on it alone would be empty.
    "span_on_bom_only.jsonl": (1, "span 0-1 covers only the byte-order mark (U+FEFF)"),
    "brat_span_on_bom_only.ann": (2, "span 0-1 covers only the byte-order mark (U+FEFF)"),
    "offsets_not_integer.jsonl": (1, "span offsets must be whole numbers"),
    "offsets_bool.jsonl": (1, "span offsets must be whole numbers"),
    "label_not_string.jsonl": (1, "span label 7 is not a name"),
    "label_empty.jsonl": (1, "span label ' ' is not a name"),
    "unknown_span_keys.jsonl": (1, "unknown keys 'confidence', 'lable' in a span"),
    "unknown_top_keys.jsonl": (1, 'missing "text"'),
    "unknown_top_key.jsonl": (1, "unknown keys 'lnag'"),
    "conll_bad_tag.conll": (2, "unknown tag 'X-FOO'"),
    "conll_bad_columns.conll": (2, "expected 3 columns"),
    "conll_i_without_b.conll": (4, "unknown tag 'B-'"),
    "brat_mismatch.ann": (1, "span text 'Ola' does not match the text at 0-3 ('Ala')"),
    "brat_out_of_range.ann": (1, "span end 40 is past the end of the text"),
    "brat_bad_line.ann": (1, "expected T<id><TAB><type>"),
    "labelstudio_missing_fields.json": (1, 'no text: expected "data"'),
    "labelstudio_missing_value.json": (1, 'a "labels" result needs "value"'),
    "labelstudio_not_list.json": (1, "no text"),
    "labelstudio_region_not_object.json": (1, "expected each result to be a JSON object"),
}


def bad_files() -> list[Path]:
    """Every bad file to import by itself (a brat .txt goes with its .ann)."""
    files = sorted(p for p in BAD.iterdir() if p.is_file())
    return [p for p in files if not (p.suffix == ".txt" and p.with_suffix(".ann").exists())]


def first_line(path: Path) -> str:
    line, what = EXPECTED[path.name]
    return f"{path}:{line}: " if line else f"{path}: "


def file_bytes(db: Path) -> dict[str, bytes]:
    """The project file and its write-ahead log, byte for byte (an empty log,
    which a reading connection may leave, holds nothing)."""
    found = {suffix: Path(f"{db}{suffix}") for suffix in ("", "-wal")}
    return {suffix: path.read_bytes() for suffix, path in found.items()
            if path.exists() and path.stat().st_size}


def what_a_reader_sees(db: Path) -> list[str]:
    """Every row, as a new connection reads it (the -wal included)."""
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()
