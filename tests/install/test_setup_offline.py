"""After the first set-up, scripts/setup and the commands that call it work
with no network at all: nothing is installed again, apt-get is not called,
and even a changed pyproject.toml rebuilds the editable install offline."""

from __future__ import annotations

import os
import shutil
import subprocess
import time

import pytest

import annotator
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

LEFT_OUT = shutil.ignore_patterns(".venv", ".git", "build", "dist", "__pycache__", "*.egg-info",
                                  ".pytest_cache", ".hypothesis", "out")


def offline_prefix() -> list[str]:
    """A command prefix that takes the network away (a new network namespace
    with only a loopback that is down), when the kernel allows it."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-rn", "true"], capture_output=True).returncode == 0:
        return [unshare, "-rn"]
    return []


def tools_that_must_not_run(folder) -> None:
    """apt-get, apt-cache and sudo that record being called, and fail."""
    folder.mkdir()
    for name in ("apt-get", "apt-cache", "sudo"):
        path = folder / name
        path.write_text(f"#!/bin/sh\necho {name} \"$@\" >>{folder}/calls\nexit 1\n")
        path.chmod(0o755)


def offline_env(fake_bin) -> dict[str, str]:
    """The environment of an offline run: pip may reach no index (an
    unreachable one, and none at all), and apt is the recording fake."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PIP_", "PYTHON", "VIRTUAL_ENV"))}
    env.update(PATH=f"{fake_bin}:{os.environ['PATH']}", PIP_INDEX_URL="http://127.0.0.1:9/",
               PIP_NO_INDEX="1", PIP_CONFIG_FILE=os.devnull, DISPLAY=":99",
               QT_QPA_PLATFORM="offscreen")
    return env


def venv_state(checkout) -> dict[str, float]:
    """Every file of the venv's site-packages with its modification time."""
    (site,) = (checkout / ".venv" / "lib").glob("python*/site-packages")
    return {str(path): path.stat().st_mtime for path in site.rglob("*") if path.is_file()}


def test_second_setup_and_the_commands_need_no_network(tmp_path):
    checkout = tmp_path / "checkout"
    shutil.copytree(ROOT, checkout, ignore=LEFT_OUT)
    # The first set-up may use the network (DISPLAY set: no virtual screen needed).
    first = subprocess.run([str(checkout / "scripts" / "setup"), "app"],
                           env={**os.environ, "DISPLAY": ":99"}, capture_output=True, text=True,
                           timeout=1200)
    assert first.returncode == 0, first.stdout + first.stderr
    # Quiet: one line saying what it sets up, none of pip's or setuptools' output.
    assert first.stdout.splitlines() == [line for line in first.stdout.splitlines()
                                         if line.startswith(("Setting up", "Installing Debian"))]
    assert first.stderr == ""
    before = venv_state(checkout)

    fake_bin = tmp_path / "fake-bin"
    tools_that_must_not_run(fake_bin)
    offline = offline_prefix()
    env = offline_env(fake_bin)

    started = time.monotonic()
    second = subprocess.run([*offline, str(checkout / "scripts" / "setup"), "app"], env=env,
                            capture_output=True, text=True, timeout=120)
    assert second.returncode == 0, second.stdout + second.stderr
    assert (second.stdout, second.stderr) == ("", "")
    assert time.monotonic() - started < 30
    assert venv_state(checkout) == before, "the second set-up installed something"

    version = subprocess.run([*offline, str(checkout / "scripts" / "run-app"), "--version"],
                             env=env, capture_output=True, text=True, timeout=120)
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"annotator {annotator.__version__}"

    # A changed pyproject.toml reinstalls, still offline: setuptools is in the
    # venv and the build does not fetch it.
    pyproject = checkout / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8") + "\n# changed\n",
                         encoding="utf-8")
    rebuilt = subprocess.run([*offline, str(checkout / "scripts" / "setup"), "app"], env=env,
                             capture_output=True, text=True, timeout=600)
    assert rebuilt.returncode == 0, rebuilt.stdout + rebuilt.stderr
    assert rebuilt.stdout.startswith("Setting up .venv")
    again = subprocess.run([*offline, str(checkout / "scripts" / "setup"), "app"], env=env,
                           capture_output=True, text=True, timeout=120)
    assert (again.returncode, again.stdout, again.stderr) == (0, "", "")
    assert not (fake_bin / "calls").exists(), (fake_bin / "calls").read_text()
