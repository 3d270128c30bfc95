"""Qt lives under ui/ and app.py only: the rest must import with PySide6 blocked."""

import subprocess
import sys
from pathlib import Path

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


def test_import_linter_contract():
    lint_imports = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint_imports)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_no_code_outside_the_store_reaches_the_database_handle():
    """Project's connection is private to annotator/store, for tests as well:
    they use the store's methods or read the file through a connection of their own."""
    import ast

    found = []
    for folder in ("annotator", "tests", "scripts", "bench"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path.is_relative_to(ROOT / "annotator" / "store"):
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Attribute) and node.attr in ("db", "_db"):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []
