"""The bundled Arabic font and the text font built on it."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from annotator.paths import resources_dir

ARABIC_FAMILY = "Noto Naskh Arabic"
# Latin letters the Arabic font lacks fall back to these, in order.
FALLBACK_FAMILIES = ["DejaVu Sans", "Noto Sans", "Arial", "Sans Serif"]
DEFAULT_POINT_SIZE = 14

_loaded = False


def load_bundled_fonts() -> None:
    global _loaded
    if _loaded:
        return
    for path in sorted((resources_dir() / "fonts").glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(path))
    _loaded = True


def text_font(point_size: float = DEFAULT_POINT_SIZE, family: str | None = None) -> QFont:
    """The text font; ``family`` (chosen in Settings) first, when given."""
    load_bundled_fonts()
    font = QFont()
    font.setFamilies([*([family] if family else []), ARABIC_FAMILY, *FALLBACK_FAMILIES])
    font.setPointSizeF(point_size)
    return font
