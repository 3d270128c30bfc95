"""What a start loads: ``--version`` loads neither Qt nor the store, and the
store loads sqlite-utils without its optional pandas and numpy."""

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


def test_the_store_loads_without_pandas_or_numpy_and_they_still_import_later():
    modules = loaded_after("import annotator.store")
    assert "sqlite_utils" in modules
    assert not {"pandas", "numpy", "pyarrow"} & modules
    later = loaded_after("import annotator.store\nimport importlib.util\n"
                         "if importlib.util.find_spec('numpy'):\n    import numpy")
    assert "annotator.store" in later  # and importing numpy afterwards did not fail


def test_a_command_loads_only_its_own_module():
    code = ("from annotator.cli import main\n"
            "try:\n    main(['stats', '--help'])\nexcept SystemExit:\n    pass")
    modules = loaded_after(code)
    assert "annotator.commands.stats_cmd" in modules
    assert "annotator.commands.export_cmd" not in modules
    assert "PySide6" not in modules
