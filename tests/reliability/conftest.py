import subprocess

import pytest

from annotator.ui import main_window


@pytest.fixture
def shown(monkeypatch):
    """The texts of the message boxes the window shows."""
    messages = []
    monkeypatch.setattr(main_window, "show_message", lambda *args: messages.append(args[-1]))
    return messages


@pytest.fixture
def mount_point(tmp_path):
    """Mount a filesystem for the test (as root only): ``mount(args)``;
    unmounted afterwards. Skips when mounting is not allowed here."""
    mounted = []

    def mount(target, *args):
        target.mkdir(exist_ok=True)
        result = subprocess.run(["mount", *args, str(target)], capture_output=True)
        if result.returncode != 0:
            pytest.skip(f"cannot mount here: {result.stderr.decode().strip()}")
        mounted.append(target)
        return target

    yield mount
    for target in reversed(mounted):
        subprocess.run(["umount", "-l", str(target)], check=False)
