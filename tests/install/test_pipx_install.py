"""`pipx install .` (an ordinary, non-editable pip install in an environment
of its own) gives a working program: its fonts, default labels and sample
articles travel inside the installed package."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import annotator
from tests.conftest import ROOT, SEEDS
from tests.install.test_setup_offline import LEFT_OUT

pytestmark = pytest.mark.slow


def test_pipx_install_runs_the_cli_and_the_window(tmp_path):
    checkout = tmp_path / "checkout"
    shutil.copytree(ROOT, checkout, ignore=LEFT_OUT)
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PYTHON", "VIRTUAL_ENV", "XDG_", "PIPX_"))}
    env.update(HOME=str(tmp_path / "home"), PIPX_HOME=str(tmp_path / "pipx"),
               PIPX_BIN_DIR=str(tmp_path / "bin"), QT_QPA_PLATFORM="offscreen")
    installed = subprocess.run([sys.executable, "-m", "pipx", "install", str(checkout)],
                               env=env, capture_output=True, text=True, timeout=1200)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    program = tmp_path / "bin" / "annotator"
    # The copy of the checkout is gone: only the installed package can answer.
    shutil.rmtree(checkout)

    def run(*args, **extra):
        return subprocess.run([str(program), *args], cwd=tmp_path, env={**env, **extra},
                              capture_output=True, text=True, timeout=120)

    assert run("--version").stdout.strip() == f"annotator {annotator.__version__}"
    assert run("import", "p.db", str(SEEDS)).returncode == 0
    stats = json.loads(run("stats", "p.db", "--json").stdout)
    assert stats["documents"] == len(list(SEEDS.glob("*.txt")))

    config = tmp_path / "home" / ".config" / "annotator"
    config.mkdir(parents=True)  # the annotator's name is known: no first-start question
    (config / "annotator.conf").write_text("[annotator]\nname=pipx\n", encoding="utf-8")
    window = run(ANNOTATOR_QUIT_AFTER_PAINT="1")
    assert window.returncode == 0, window.stderr
    assert "annotator: painted sample-project.db" in window.stdout
    python = tmp_path / "pipx" / "venvs" / "annotator" / "bin" / "python"
    found = subprocess.run([str(python), "-c", "from annotator.paths import resources_dir, "
                            "seeds_dir; print(resources_dir()); print(seeds_dir())"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    resources, seeds = map(Path, found.stdout.splitlines())
    assert "site-packages" in resources.parts
    for installed, source in ((resources, ROOT / "resources"), (seeds, SEEDS)):
        assert files_in(installed) == files_in(source)
    assert "fonts/NotoNaskhArabic-Regular.ttf" in files_in(resources)


def files_in(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*")
            if path.is_file() and "__pycache__" not in path.parts}
