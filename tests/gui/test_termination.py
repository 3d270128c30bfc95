"""The system asking the window to end (SIGTERM at log-out or shutdown,
SIGHUP when its terminal closes) closes it as Ctrl+Q would: its size is
saved, the exit status is 0."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(os.name != "posix", reason="signals are POSIX")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_termination_signal_closes_the_window_and_saves_its_size(tmp_path, signum):
    config = tmp_path / ".config" / "annotator" / "annotator.conf"
    config.parent.mkdir(parents=True)
    config.write_text("[annotator]\nname=alice\n", encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if not key.startswith("XDG_")}
    env.update(HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    window = subprocess.Popen([sys.executable, "-m", "annotator", "p.db"], cwd=tmp_path, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        # The project is remembered once the window has opened it and painted.
        while "last=" not in config.read_text(encoding="utf-8"):
            assert window.poll() is None, window.communicate()
            assert time.monotonic() < deadline, "the window never opened its project"
            time.sleep(0.1)
        assert "geometry" not in config.read_text(encoding="utf-8")
        window.send_signal(signum)
        assert window.wait(timeout=30) == 0
    finally:
        if window.poll() is None:
            window.kill()
            window.wait()
    assert "geometry=" in config.read_text(encoding="utf-8")
