"""scripts/debian-deps finds Debian packages by what they provide, so the
renamed (t64) libraries of Debian 13 and Ubuntu 24.04 count as installed, and
installs them under the name the release knows; scripts/setup without sudo
says what to run as root."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

DEBIAN_DEPS = ROOT / "scripts" / "debian-deps"

# What `ldconfig -p` lists on a machine with every library the window needs.
# The sonames are the same on every release; the packages that hold them are
# not (libglib2.0-0 on Debian 12, libglib2.0-0t64 on Debian 13 and Ubuntu 24.04).
SONAMES = ["libGL.so.1", "libEGL.so.1", "libfontconfig.so.1", "libxkbcommon.so.0",
           "libglib-2.0.so.0", "libdbus-1.so.3", "libxcb-cursor.so.0", "libxcb-icccm.so.4",
           "libxcb-image.so.0", "libxcb-keysyms.so.1", "libxcb-render-util.so.0",
           "libxcb-shape.so.0", "libxkbcommon-x11.so.0"]

# What apt knows on each release: a real package, or (exit 100) a purely
# virtual or unknown name.
APT_PACKAGES = {
    "debian-12": {"libglib2.0-0", "libgl1", "xvfb"},
    "debian-13": {"libglib2.0-0t64", "libgl1", "xvfb"},
    "ubuntu-24.04": {"libglib2.0-0t64", "libgl1", "xvfb"},
}
# dpkg on Debian 13 and Ubuntu 24.04: the old name is not installed, only
# provided. A check by name (as set-up once did) never saw glib installed.
DPKG_SAYS_NOT_INSTALLED = "#!/bin/sh\necho 'dpkg-query: no packages found' >&2\nexit 1\n"


def ldconfig_listing(sonames: list[str]) -> str:
    lines = [f"{len(sonames)} libs found in cache `/etc/ld.so.cache'"]
    lines += [f"\t{name} (libc6,x86-64) => /lib/x86_64-linux-gnu/{name}" for name in sonames]
    return "\n".join(lines) + "\n"


def write_tool(folder: Path, name: str, script: str) -> None:
    path = folder / name
    path.write_text(script, encoding="utf-8")
    path.chmod(0o755)


@pytest.fixture
def machine(tmp_path):
    """A fake machine: its root (for files), its bin (ldconfig, dpkg-query,
    apt-cache) and a function that runs a command on it."""
    root = tmp_path / "root"
    fonts = root / "usr/share/fonts/truetype/dejavu"
    fonts.mkdir(parents=True)
    (fonts / "DejaVuSans.ttf").write_bytes(b"")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    write_tool(bin_dir, "dpkg-query", DPKG_SAYS_NOT_INSTALLED)

    class Machine:
        def __init__(self):
            self.root = root
            self.bin = bin_dir
            self.libraries(SONAMES)
            self.release("debian-13")

        def libraries(self, sonames):
            write_tool(bin_dir, "ldconfig",
                       f"#!/bin/sh\ncat <<'EOF'\n{ldconfig_listing(sonames)}EOF\n")

        def release(self, name):
            known = " ".join(sorted(APT_PACKAGES[name]))
            write_tool(bin_dir, "apt-cache", "#!/bin/sh\nfor p in " + known + "; do\n"
                       '  [ "$p" = "$3" ] && { echo "Package: $p"; exit 0; }\ndone\nexit 100\n')

        def run(self, *args, display=True, python=sys.executable):
            env = {key: value for key, value in os.environ.items()
                   if key not in ("DISPLAY", "WAYLAND_DISPLAY")}
            env.update(PATH=f"{bin_dir}:{os.environ['PATH']}", PYTHON=python)
            if display:
                env["DISPLAY"] = ":0"
            result = subprocess.run([str(DEBIAN_DEPS), *args], env=env, capture_output=True,
                                    text=True, timeout=60)
            assert result.returncode == 0, result.stderr
            return result.stdout.split("\n")[:-1]

        def missing(self, mode, **options):
            return self.run("missing", mode, "--root", str(self.root), **options)

    return Machine()


@pytest.mark.parametrize("release", sorted(APT_PACKAGES))
def test_a_complete_machine_misses_nothing_whatever_its_package_names(machine, release):
    machine.release(release)
    assert machine.missing("test") == []
    assert machine.missing("app") == []


def test_a_missing_glib_is_installed_under_the_name_of_the_release(machine):
    machine.libraries([name for name in SONAMES if name != "libglib-2.0.so.0"])
    assert machine.missing("test") == ["libglib2.0-0t64/libglib2.0-0"]
    machine.release("debian-12")
    assert machine.run("resolve", "libglib2.0-0t64/libglib2.0-0", "libgl1") == [
        "libglib2.0-0", "libgl1"]
    for release in ("debian-13", "ubuntu-24.04"):
        machine.release(release)
        assert machine.run("resolve", "libglib2.0-0t64/libglib2.0-0", "libgl1") == [
            "libglib2.0-0t64", "libgl1"]


def test_each_missing_library_names_its_package(machine):
    machine.libraries(["libGL.so.1"])
    assert machine.missing("test") == [
        "libegl1", "libfontconfig1", "libxkbcommon0", "libglib2.0-0t64/libglib2.0-0",
        "libdbus-1-3"]
    # A library of the same name but another soname version does not count.
    machine.libraries(["libGL.so.1", "libEGL.so.1", "libfontconfig.so.1", "libxkbcommon.so.0",
                       "libglib-2.0.so.0", "libdbus-1.so.30"])
    assert machine.missing("test") == ["libdbus-1-3"]


def test_window_libraries_only_for_the_app_and_a_virtual_screen_only_without_one(machine):
    machine.libraries([name for name in SONAMES if not name.startswith("libxcb-cursor")])
    assert machine.missing("test") == []
    assert machine.missing("bundle") == []
    assert machine.missing("app") == ["libxcb-cursor0"]
    assert machine.missing("app", display=False) == ["libxcb-cursor0", "xvfb", "xauth"]
    (machine.root / "usr/bin").mkdir(parents=True)
    for name in ("Xvfb", "xauth"):
        (machine.root / "usr/bin" / name).write_bytes(b"")
    assert machine.missing("app", display=False) == ["libxcb-cursor0"]


def test_a_python_without_venv_needs_python3_venv(machine):
    assert machine.missing("test", python="/bin/false") == ["python3 python3-venv"]
    assert machine.run("resolve", "python3 python3-venv") == ["python3", "python3-venv"]


def test_setup_without_sudo_prints_the_command_to_run_as_root(tmp_path):
    """A normal user on a minimal Debian (no sudo): one command to run as root,
    and nothing is installed or created."""
    checkout = tmp_path / "checkout"
    (checkout / "scripts").mkdir(parents=True)
    for name in ("setup", "debian-deps"):
        shutil.copy2(ROOT / "scripts" / name, checkout / "scripts" / name)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    # Only these tools exist: no sudo.
    for tool in ("bash", "dirname", "grep", "sed", "cat", "paste", "tr", "env"):
        os.symlink(shutil.which(tool), bin_dir / tool)
    write_tool(bin_dir, "id", "#!/bin/sh\necho 1000\n")
    write_tool(bin_dir, "ldconfig", "#!/bin/sh\nexit 0\n")  # an empty cache: all missing
    calls = tmp_path / "apt-calls"
    write_tool(bin_dir, "apt-get", f"#!/bin/sh\necho \"$@\" >>{calls}\nexit 1\n")
    write_tool(bin_dir, "apt-cache", "#!/bin/sh\nexit 100\n")
    env = {"PATH": str(bin_dir), "HOME": str(tmp_path), "PYTHON": sys.executable,
           "DISPLAY": ":0"}
    result = subprocess.run(["bash", str(checkout / "scripts" / "setup"), "app"], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and "no sudo" in lines[0]
    command = lines[1]
    assert command.startswith("su -c 'apt-get update && apt-get install -y ")
    assert command.endswith("'")
    packages = set(command[:-1].split("--no-install-recommends ")[1].split())
    assert {"libgl1", "libglib2.0-0", "libdbus-1-3", "libxcb-cursor0"} <= packages
    assert not calls.exists()
    assert not (checkout / ".venv").exists()
