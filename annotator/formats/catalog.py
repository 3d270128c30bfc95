"""Every format, declared once: the registry (which reader reads a file,
which writer writes an export), the command line's ``--format`` choices and
options, and both dialogs are made from this list.

Adding a format is one new module that declares a
:class:`~annotator.formats.declaration.Format` and one line below.
The order is the order the command line and the dialogs list them in; with
``--format auto`` a file is read by the first format here that takes its
extension.
"""

from __future__ import annotations

from annotator.formats import brat, conll, hf, jsonl, labelstudio, spacy_docbin, txt
from annotator.formats.declaration import Format, Option

AUTO = "auto"  # --format auto: by each file's extension
DEFAULT_EXPORT = "conll"  # what the export dialog starts with

_FORMATS: dict[str, Format] = {}


def register(fmt: Format) -> Format:
    """Add ``fmt`` to the catalog; its name must be new."""
    if fmt.name in _FORMATS or fmt.name == AUTO:
        raise ValueError(f"a format named {fmt.name!r} is already in the catalog")
    _FORMATS[fmt.name] = fmt
    return fmt


def unregister(name: str) -> None:
    """Take a format out again (tests register formats of their own)."""
    del _FORMATS[name]


register(txt.FORMAT)
register(jsonl.FORMAT)
register(jsonl.DOCCANO)
register(conll.FORMAT)
register(hf.FORMAT)
register(spacy_docbin.FORMAT)
register(brat.FORMAT)
register(labelstudio.FORMAT)


def formats() -> tuple[Format, ...]:
    return tuple(_FORMATS.values())


def get(name: str) -> Format:
    """The format called ``name``; :class:`KeyError` if there is none."""
    return _FORMATS[name]


def readers() -> tuple[Format, ...]:
    return tuple(f for f in _FORMATS.values() if f.readable)


def writers() -> tuple[Format, ...]:
    return tuple(f for f in _FORMATS.values() if f.writable)


def import_choices() -> tuple[str, ...]:
    return (AUTO, *(f.name for f in readers()))


def export_choices() -> tuple[str, ...]:
    return tuple(f.name for f in writers())


def by_extension(suffix: str) -> Format | None:
    """The format that reads files ending in ``suffix`` (``.conll``) with
    ``--format auto``."""
    suffix = suffix.lower()
    return next((f for f in readers() if suffix in f.extensions), None)


def sidecar_endings() -> tuple[str, ...]:
    """What the writers add to an export's name for the files beside it
    (``.report.json``, ``.labels.json``...)."""
    return tuple(sorted({f".{extra}" for f in writers() for extra in (*f.sidecars, "report.json")}))


def read_extensions() -> list[str]:
    """Every extension some reader takes, sorted."""
    return sorted({ext for f in readers() for ext in f.extensions})


def _options(pairs) -> list[tuple[Option, tuple[str, ...]]]:
    users: dict[str, list[str]] = {}
    declared: dict[str, Option] = {}
    for fmt, options in pairs:
        for option in options:
            if declared.setdefault(option.name, option) != option:
                raise ValueError(f"two options named {option.name!r} differ ({fmt.name})")
            users.setdefault(option.name, []).append(fmt.name)
    return [(declared[name], tuple(names)) for name, names in users.items()]


def read_options() -> list[tuple[Option, tuple[str, ...]]]:
    """Every option of a reader, once, with the formats that take it."""
    return _options((f, f.read_options) for f in readers())


def write_options() -> list[tuple[Option, tuple[str, ...]]]:
    """Every option of a writer, once, with the formats that take it."""
    return _options((f, f.write_options) for f in writers())
