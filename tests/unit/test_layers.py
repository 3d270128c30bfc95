"""Qt lives under ui/ and app.py only: the rest must import with PySide6
blocked. The layers import only downwards (core, store, formats, suggest,
ui, then commands and app, then cli), and import-linter's contracts in
pyproject.toml say so."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

BLOCK_QT = """
import importlib, pkgutil, sys
class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6."):
            raise ImportError("PySide6 is blocked in this layer")
sys.meta_path.insert(0, BlockQt())
import annotator
for package in ("core", "store", "formats", "suggest", "commands"):
    base = importlib.import_module("annotator." + package)
    for info in pkgutil.walk_packages(base.__path__, base.__name__ + "."):
        importlib.import_module(info.name)
import annotator.cli
assert not any(m.startswith("PySide6") for m in sys.modules)
print("ok")
"""


def test_headless_layers_import_without_qt():
    result = subprocess.run([sys.executable, "-c", BLOCK_QT], capture_output=True, text=True,
                            cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


CONTRACTS = ("Qt lives only in ui and app",
             "Layers: core, store, formats, suggest, ui, commands and app, cli",
             "No import cycles between the modules of core, formats, suggest and commands")


def lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    command = Path(sys.executable).parent / "lint-imports"
    return subprocess.run([str(command)], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "PYTHONPATH": str(cwd)})


def test_import_linter_contracts():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    for name in CONTRACTS:
        assert f"{name} KEPT" in result.stdout
    assert f"{len(CONTRACTS)} kept, 0 broken" in result.stdout


@pytest.mark.parametrize("module, planted, broken", [
    # store reaching up into formats
    ("store/merge.py", "from annotator.formats import catalog", CONTRACTS[1]),
    # core reaching up into the window
    ("core/model.py", "from annotator.ui import colors", CONTRACTS[1]),
    # the report importing the writers that import it
    ("formats/report.py", "from annotator.formats import writing", CONTRACTS[2]),
])
def test_an_import_against_the_contracts_is_caught(tmp_path, module, planted, broken):
    shutil.copytree(ROOT / "annotator", tmp_path / "annotator",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    target = tmp_path / "annotator" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n\ndef _planted():\n    {planted}\n",
                      encoding="utf-8")
    result = lint_imports(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{broken} BROKEN" in result.stdout
