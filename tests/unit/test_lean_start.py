"""What a start loads: ``--version`` loads neither Qt nor the store; the
store loads sqlite-utils only to write, and then without its optional pandas
and numpy; the window paints first without the formats, the suggesters,
sqlite-utils, the dialogs, the find bar, the backups and the import code,
OpenSSL (hashlib), html, pyarabic and regex, without the Qt classes only those need,
before the settings file is written and with the cycle collector off."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("PySide6", "sqlite_utils", "pandas", "numpy", "pyarrow", "annotator.store",
         "annotator.formats")


def loaded_after(code: str) -> set[str]:
    probe = f"import sys\n{code}\nimport json\nprint(json.dumps(sorted(sys.modules)))"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True,
                          text=True, check=True)
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def test_version_loads_no_qt_no_store_no_formats():
    code = ("sys.argv = ['annotator', '--version']\n"
            "import runpy\n"
            "try:\n    runpy.run_module('annotator', run_name='__main__')\n"
            "except SystemExit as stop:\n    assert stop.code == 0, stop.code")
    modules = loaded_after(code)
    assert "annotator.cli" in modules
    assert not {m for m in modules if m.split(".")[0] in HEAVY or m in HEAVY
                or any(m.startswith(h + ".") for h in HEAVY)}


def test_version_prints_the_version():
    from annotator import __version__

    done = subprocess.run([sys.executable, "-m", "annotator", "--version"], capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert (done.returncode, done.stdout.strip()) == (0, f"annotator {__version__}")


def test_reading_a_project_loads_no_sqlite_utils_and_writing_loads_it_without_pandas(tmp_path):
    path = tmp_path / "p.db"

    def write(path):
        return (f"from annotator.store import Project\n"
                f"with Project.open({str(path)!r}) as project:\n"
                "    project.add_label('CITY')\n")

    modules = loaded_after(write(path))
    assert "sqlite_utils" in modules
    assert not {"pandas", "numpy", "pyarrow"} & modules
    read = (f"from annotator.store import Project\n"
            f"with Project.open({str(path)!r}, create=False) as project:\n"
            "    assert 'CITY' in [label.key for label in project.labels()]\n"
            "    project.document_positions('alice')\n")
    assert "sqlite_utils" not in loaded_after(read)
    later = loaded_after(write(tmp_path / "q.db") + "import importlib.util\n"
                         "if importlib.util.find_spec('numpy'):\n    import numpy")
    assert "sqlite_utils" in later  # and importing numpy afterwards did not fail


def test_a_command_loads_only_its_own_module():
    code = ("from annotator.cli import main\n"
            "try:\n    main(['stats', '--help'])\nexcept SystemExit:\n    pass")
    modules = loaded_after(code)
    assert "annotator.commands.stats_cmd" in modules
    assert "annotator.commands.export_cmd" not in modules
    assert "PySide6" not in modules


WINDOW = """
import json, os, sys
from pathlib import Path

late = []  # modules without Qt imported after PySide6 (slower then)

class Watch:
    def find_spec(self, name, path=None, target=None):
        if "PySide6" in sys.modules and name.startswith("annotator.") \
                and not name.startswith("annotator.ui"):
            late.append(name)

sys.meta_path.insert(0, Watch())
from annotator.app import open_window

app, window = open_window(Path(sys.argv[1]))
from PySide6.QtCore import QEvent, QObject, QTimer

seen = {}

settings_file = Path(os.environ["XDG_CONFIG_HOME"]) / "annotator" / "annotator.conf"

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "at_paint" not in seen:
            seen["at_paint"] = sorted(sys.modules)
            seen["late"] = list(late)
            import PySide6.QtWidgets
            seen["widget_classes"] = sorted(vars(PySide6.QtWidgets))  # the types PySide made
            seen["settings_at_paint"] = settings_file.read_text()
            import gc
            seen["collector_at_paint"] = gc.isenabled()
            QTimer.singleShot(0, lambda: QTimer.singleShot(0, report))
        return False

def report():
    from annotator.store.backups import list_backups
    seen["backups"] = len(list_backups(Path(sys.argv[1])))
    seen["settings_after"] = settings_file.read_text()
    import gc
    seen["collector_after"] = gc.isenabled()
    print(json.dumps(seen))
    os._exit(0)

watcher = FirstPaint()
window.installEventFilter(watcher)  # not app-wide: PySide would wrap every object an event reaches
app.exec()
"""

LATER = ("pandas", "numpy", "pyarrow", "spacy", "sqlite_utils", "simplemma", "rapidfuzz",
         "sentence_splitter", "annotator.formats", "annotator.suggest", "annotator.commands",
         "annotator.ui.settings_dialog", "annotator.ui.find_bar", "annotator.core.search",
         "annotator.store.backups", "annotator.store.import_run",
         # OpenSSL (the settings key of the last document is Qt's SHA-1), the
         # table of every named character, pyarabic (proclitics are read later).
         "hashlib", "html", "pyarabic",
         # The third-party regex module: its patterns compile at first use.
         "regex")
# Qt classes the first paint does not need: PySide makes a class (and its enums)
# on first use. The dialogs; the find bar's line edit; widgets only a search
# of every widget type makes (the text view's viewport is wrapped by name).
CLASSES_LATER = {"QFileDialog", "QInputDialog", "QMessageBox", "QProgressDialog", "QLineEdit",
                 "QFontComboBox", "QColorDialog", "QSpinBox", "QCalendarWidget", "QWizard",
                 "QMdiArea"}
AT_START = {"annotator.suggest", "annotator.suggest.preload"}  # what starts the loading


def test_the_window_paints_before_the_suggesters_the_formats_and_sqlite_utils_load(tmp_path):
    from annotator.formats.registry import read_paths
    from annotator.store import Project

    path = tmp_path / "p.db"
    with Project.open(path) as project:
        project.import_records(read_paths([ROOT / "seeds"]))
    (tmp_path / "config" / "annotator").mkdir(parents=True)
    (tmp_path / "config" / "annotator" / "annotator.conf").write_text("[annotator]\nname=alice\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-c", WINDOW, str(path)], env=env,
                          capture_output=True, text=True, check=True, timeout=120)
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    at_paint = set(seen["at_paint"])
    assert "annotator.ui.main_window" in at_paint
    assert not {m for m in at_paint - AT_START
                if m in LATER or m.startswith(tuple(p + "." for p in LATER))}
    assert seen["backups"] == 1  # made once the window had painted
    assert seen["late"] == []  # app.WITHOUT_QT lists what the window needs without Qt
    assert not CLASSES_LATER & set(seen["widget_classes"])
    # The project is remembered (project/last) in the file after the paint: Qt waits for the disk.
    assert str(path) not in seen["settings_at_paint"]
    assert str(path) in seen["settings_after"]
    # The cycle collector waits for the paint, and then runs again.
    assert (seen["collector_at_paint"], seen["collector_after"]) == (False, True)


def test_the_escape_of_plain_text_is_htmls():
    import html

    from annotator.ui.plain_text import _escaped

    text = "<b>R&D</b> \"quoted\" it's «كلمة»\n"
    assert _escaped(text) == html.escape(text)


def test_the_key_of_the_last_document_is_the_paths_sha1(tmp_path):
    import hashlib

    from annotator.ui.last_document import _key

    path = tmp_path / "project ä.db"
    digest = hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:16]
    assert _key(path) == f"project/last_document/{digest}"
