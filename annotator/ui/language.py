"""The interface language: English or Arabic (right to left), following the
system locale unless chosen in Settings. Qt's own strings (OK, Cancel, the
file dialogs) come from Qt's translations; ours from resources/translations."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import QApplication

from annotator.paths import resources_dir

SETTING = "ui/language"
SYSTEM = "system"
# Code -> the language's own name (shown untranslated, so anyone can find theirs).
LANGUAGES = {"en": "English", "ar": "العربية"}
RIGHT_TO_LEFT = {"ar"}


def translations_dir():
    return resources_dir() / "translations"


def chosen_setting(settings: QSettings) -> str:
    value = str(settings.value(SETTING, SYSTEM))
    return value if value in LANGUAGES or value == SYSTEM else SYSTEM


def resolved_language(choice: str, locale: QLocale | None = None) -> str:
    """The language code ``choice`` means: the system's when it is ``system``
    and the system speaks a language we have, else English."""
    if choice in LANGUAGES:
        return choice
    code = (locale or QLocale.system()).name().split("_")[0]
    return code if code in LANGUAGES else "en"


def install_language(app: QApplication, code: str) -> str:
    """Load ``code``'s translations into ``app`` (dropping earlier ones) and
    set the layout direction; returns the code actually installed."""
    for translator in getattr(app, "_annotator_translators", []):
        app.removeTranslator(translator)
    app._annotator_translators = []
    if code != "en":
        from PySide6.QtCore import QLibraryInfo, QTranslator  # made only for another language

        for name, folder in ((f"annotator_{code}", translations_dir()),
                             (f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))):
            translator = QTranslator(app)
            if translator.load(name, str(folder)):
                app.installTranslator(translator)
                app._annotator_translators.append(translator)
        if not app._annotator_translators:
            code = "en"  # nothing to show it in
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if code in RIGHT_TO_LEFT
                           else Qt.LayoutDirection.LeftToRight)
    return code


def apply_setting(app: QApplication, settings: QSettings) -> str:
    return install_language(app, resolved_language(chosen_setting(settings)))
