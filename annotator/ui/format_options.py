"""A dialog's widgets for the options of readers or writers, made from the
format catalog: a combo box for an option with choices, a line to type in
for one without; each enabled only while the chosen format takes it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from annotator.formats.declaration import Format, Option

# The formats' titles and option texts (annotator/formats, kept free of Qt),
# listed here for the translation tools; tests/unit/test_translations.py
# checks every one is. A text missing here shows as declared.
TEXTS = (
    QT_TRANSLATE_NOOP("FormatOptions", "brat standoff (.ann with .txt)"),
    QT_TRANSLATE_NOOP("FormatOptions", "CoNLL (token per line)"),
    QT_TRANSLATE_NOOP("FormatOptions", "Hugging Face (JSON lines per sentence)"),
    QT_TRANSLATE_NOOP("FormatOptions", "JSONL (the tool's own)"),
    QT_TRANSLATE_NOOP("FormatOptions", "Plain text"),
    QT_TRANSLATE_NOOP("FormatOptions", "&Tags:"),
    QT_TRANSLATE_NOOP("FormatOptions", "the tag scheme"),
    QT_TRANSLATE_NOOP("FormatOptions", "&Clitics:"),
    QT_TRANSLATE_NOOP("FormatOptions",
                      "a span starting after an Arabic proclitic (و ف ب ل ك): split it off as its own token, "
                      "or expand the span to the whole word"),
    QT_TRANSLATE_NOOP("FormatOptions", "Split off (و / الصين)"),
    QT_TRANSLATE_NOOP("FormatOptions", "Whole word takes the label (والصين)"),
    QT_TRANSLATE_NOOP("FormatOptions", "&Nesting:"),
    QT_TRANSLATE_NOOP("FormatOptions",
                      "overlapping spans: keep the longest on each token, the others reported (one tag column), "
                      "or write every span, one tag column per nesting level, outer first (the Wojood "
                      "convention; read back by this tool's CoNLL import)"),
    QT_TRANSLATE_NOOP("FormatOptions", "One tag column (longest span per token)"),
    QT_TRANSLATE_NOOP("FormatOptions", "A tag column per nesting level"),
    QT_TRANSLATE_NOOP("FormatOptions", "CoNLL &columns:"),
    QT_TRANSLATE_NOOP("FormatOptions",
                      "which columns (from 1) of a token-per-line file hold the token and the tags, e.g. "
                      "token=2,tag=3; tag=3-5 or tag=3- (to the end of the line) read nesting levels, outer "
                      "first (default: detected; a file whose columns are ambiguous is refused)"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("FormatOptions", text)


def format_title(fmt: Format) -> str:
    """A format's name in the interface's language."""
    return _tr(fmt.title)


Declared = Sequence[tuple[Option, tuple[str, ...]]]  # an option and the formats taking it


class FormatOptions:
    """``declared`` options, of which a format takes ``taken(format)``."""

    def __init__(self, declared: Declared, taken: Callable[[Format], Sequence[Option]]):
        self.declared = list(declared)
        self.taken = taken
        self.widgets: dict[str, QWidget] = {}
        for option, _ in self.declared:
            self.widgets[option.name] = _widget(option)

    def add_rows(self, form: QFormLayout) -> None:
        for option, _ in self.declared:
            form.addRow(_tr(option.title), self.widgets[option.name])

    def follow(self, fmt: Format | None) -> None:
        """Enable the options ``fmt`` takes (every option for None: any
        format may read the files)."""
        taken = None if fmt is None else {option.name for option in self.taken(fmt)}
        for name, widget in self.widgets.items():
            widget.setEnabled(taken is None or name in taken)

    def set_enabled(self, enabled: bool) -> None:
        for widget in self.widgets.values():
            widget.setEnabled(enabled)

    def values(self) -> dict[str, str]:
        """The chosen values by name; an empty typed value is the default."""
        chosen = {}
        for name, widget in self.widgets.items():
            if isinstance(widget, QComboBox):
                chosen[name] = widget.currentData()
            elif widget.text().strip():
                chosen[name] = widget.text().strip()
        return chosen


def _widget(option: Option) -> QWidget:
    if option.choices:
        combo = QComboBox()
        for choice in option.choices:
            combo.addItem(_tr(choice.title), choice.value)
        if option.default is not None:
            combo.setCurrentIndex(max(combo.findData(option.default), 0))
        widget: QWidget = combo
    else:
        line = QLineEdit()
        # The default, else what the value looks like (--columns: token=N,tag=M).
        line.setPlaceholderText(option.default or option.metavar or "")
        widget = line
    widget.setToolTip(_tr(option.help))
    widget.setObjectName(f"option-{option.name}")
    return widget
