"""The colours labels are shown in, a personal choice kept in the settings:
a colour-blind-safe palette by default, the project's own colours, or a
colour picked for one label. The project file is not changed."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QSettings, QT_TRANSLATE_NOOP

from annotator.core.model import Label

PALETTE_SETTING = "colors/palette"
LABEL_SETTING = "colors/label/"  # + the label's key
# Colour-blind-safe palettes, in label order. Paul Tol's "light" scheme is
# made for cells with black text on them; Okabe-Ito is stronger.
PALETTES = {
    "tol-light": ("#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99", "#BBCC33",
                  "#AAAA00", "#DDDDDD"),
    "okabe-ito": ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
                  "#999999"),
    "project": (),
}
DEFAULT_PALETTE = "tol-light"
PALETTE_NAMES = {
    "tol-light": QT_TRANSLATE_NOOP("LabelColors", "Colour-blind safe, light (Paul Tol)"),
    "okabe-ito": QT_TRANSLATE_NOOP("LabelColors", "Colour-blind safe, strong (Okabe–Ito)"),
    "project": QT_TRANSLATE_NOOP("LabelColors", "The project's own colours"),
}


def palette_name(palette: str) -> str:
    return QCoreApplication.translate("LabelColors", PALETTE_NAMES[palette])


class LabelColors:
    def __init__(self, settings: QSettings):
        self.settings = settings

    @property
    def palette(self) -> str:
        value = str(self.settings.value(PALETTE_SETTING, DEFAULT_PALETTE))
        return value if value in PALETTES else DEFAULT_PALETTE

    def set_palette(self, palette: str) -> None:
        self.settings.setValue(PALETTE_SETTING, palette)

    def chosen(self, key: str) -> str | None:
        value = self.settings.value(LABEL_SETTING + key)
        return str(value) if value else None

    def choose(self, key: str, color: str | None) -> None:
        """Show label ``key`` in ``color`` from now on; ``None``: as the palette says."""
        if color is None:
            self.settings.remove(LABEL_SETTING + key)
        else:
            self.settings.setValue(LABEL_SETTING + key, color)

    def color(self, label: Label, index: int) -> str:
        palette = PALETTES[self.palette]
        if chosen := self.chosen(label.key):
            return chosen
        return palette[index % len(palette)] if palette else label.color

    def recolor(self, labels: list[Label]) -> list[Label]:
        """``labels`` with the colours to show them in: a palette's colours
        go to the labels in the order they were added (else as listed), so
        that moving a label up or down changes no label's colour."""
        order = sorted(range(len(labels)), key=lambda i: (labels[i].added, i))
        rank = {i: r for r, i in enumerate(order)}
        return [replace(label, color=self.color(label, rank[i])) for i, label in enumerate(labels)]
