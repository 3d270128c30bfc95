"""The built desktop bundle, unpacked from its archive as a user would, runs
every kind of work: the CLI, Qt rendering offscreen and the window.

Runs when ANNOTATOR_BUNDLE_ARCHIVE names the archive of scripts/build-bundle
(scripts/smoke-bundle sets it; CI runs it after the build)."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import tarfile
from pathlib import Path

import pytest

import annotator
from tests.conftest import SEEDS

ARCHIVE = os.environ.get("ANNOTATOR_BUNDLE_ARCHIVE")
pytestmark = pytest.mark.skipif(not ARCHIVE, reason="no bundle: run scripts/smoke-bundle")

TEXT_AR = "قال شي جين بينغ أمس الثلاثاء إن مبادرة الحزام والطريق مفتوحة."
TEXT_PL = "Xi Jinping rozmawiał w środę z Kasymem-Żomartem Tokajewem."
RECORDS = [
    {"id": "ar-1", "text": TEXT_AR, "lang": "ar", "spans": [
        {"start": 4, "end": 15, "label": "PERSON"},
        {"start": 16, "end": 28, "label": "DATE"},
        {"start": 32, "end": 53, "label": "INITIATIVE"}]},
    {"id": "pl-1", "text": TEXT_PL, "lang": "pl", "spans": [
        {"start": 0, "end": 10, "label": "PERSON"},
        {"start": 21, "end": 28, "label": "DATE"}]},
]


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory) -> Path:
    """The archive's single folder, unpacked."""
    target = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(ARCHIVE) as archive:
        archive.extractall(target, filter="data")
    (folder,) = target.iterdir()
    return folder


@pytest.fixture
def home(tmp_path) -> Path:
    """An empty home whose settings already name the annotator (so no
    first-start question stops the window)."""
    config = tmp_path / "home" / ".config" / "annotator"
    config.mkdir(parents=True)
    (config / "annotator.conf").write_text("[annotator]\nname=smoke\n", encoding="utf-8")
    return tmp_path / "home"


def run(unpacked: Path, home: Path, *args: str, cwd: Path, **env: str):
    # Nothing of the checkout or its venv may leak into the bundled program.
    clean = {key: value for key, value in os.environ.items()
             if not key.startswith(("PYTHON", "XDG_", "QT_", "VIRTUAL_ENV"))}
    clean.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", **env)
    return subprocess.run([str(unpacked / "annotator"), *args], cwd=cwd, env=clean,
                          capture_output=True, text=True, timeout=120)


def test_archive_holds_program_menu_entry_and_icon(unpacked):
    assert unpacked.name == f"annotator-{annotator.__version__}"
    expected = f"annotator-{annotator.__version__}-linux-{platform.machine()}.tar.gz"
    assert Path(ARCHIVE).name == expected
    for name in ("annotator", "annotator.desktop", "annotator.svg", "install-desktop-entry"):
        assert (unpacked / name).is_file(), name
    assert "Exec=annotator" in (unpacked / "annotator.desktop").read_text(encoding="utf-8")


def test_bundle_leaves_out_what_the_program_does_not_need(unpacked):
    bundled = {path.name for path in (unpacked / "_internal").iterdir()}
    assert "PySide6" in bundled and "regex" in bundled
    assert not bundled & {"spacy", "numpy", "pandas", "pytest", "sklearn", "datasets", "tkinter"}


def test_version(unpacked, home, tmp_path):
    result = run(unpacked, home, "--version", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"annotator {annotator.__version__}"


def test_import_stats_export_render(unpacked, home, tmp_path):
    source = tmp_path / "articles.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS),
                      encoding="utf-8")
    project = tmp_path / "p.db"
    result = run(unpacked, home, "import", "p.db", str(source), str(SEEDS),
                 "--annotator", "alice", cwd=tmp_path)
    assert result.returncode == 0, result.stderr

    stats = json.loads(run(unpacked, home, "stats", "p.db", "--json", cwd=tmp_path).stdout)
    assert stats["documents"] == 2 + len(list(SEEDS.glob("*.txt")))
    assert stats["spans"] == 5
    assert stats["by_label"] == {"PERSON": 2, "DATE": 2, "INITIATIVE": 1}

    result = run(unpacked, home, "export", "p.db", "--format", "jsonl", "--out", "out.jsonl",
                 cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    exported = {r["id"]: r for r in map(json.loads, (tmp_path / "out.jsonl").open(encoding="utf-8"))}
    for record in RECORDS:
        got = [(s["start"], s["end"], s["label"]) for s in exported[record["id"]]["spans"]]
        assert sorted(got) == sorted((s["start"], s["end"], s["label"]) for s in record["spans"])

    result = run(unpacked, home, "export", "p.db", "--format", "conll", "--out", "out.conll",
                 cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    conll = (tmp_path / "out.conll").read_text(encoding="utf-8")
    assert "شي B-PERSON" in conll and "بينغ I-PERSON" in conll and "środę I-DATE" in conll

    result = run(unpacked, home, "render", "p.db", "--doc", "ar-1", "--out", "ar.png",
                 "--width", "700", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert_png_shows_colours(tmp_path / "ar.png", ["#f4a261", "#b5e48c", "#cdb4db"])
    assert project.exists()


def assert_png_shows_colours(path: Path, colours: list[str]) -> None:
    """The highlights of the default labels were drawn (the bundle found its
    resources and Qt drew text offscreen)."""
    from PySide6.QtGui import QColor, QImage

    image = QImage(str(path))
    assert not image.isNull() and image.width() >= 700
    seen = {image.pixel(x, y) & 0xFFFFFF
            for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)}
    for colour in colours:
        assert QColor(colour).rgb() & 0xFFFFFF in seen, colour


def test_window_opens_on_the_sample_project_and_closes(unpacked, home, tmp_path):
    result = run(unpacked, home, cwd=tmp_path, ANNOTATOR_QUIT_AFTER_PAINT="1")
    assert result.returncode == 0, result.stderr
    assert "annotator: painted sample-project.db" in result.stdout
    # The sample project was made from the bundled articles.
    assert (home / ".local" / "share" / "annotator" / "sample-project.db").is_file()


def test_window_opens_a_project_file(unpacked, home, tmp_path):
    run(unpacked, home, "import", "p.db", str(SEEDS), cwd=tmp_path)
    result = run(unpacked, home, "p.db", cwd=tmp_path, ANNOTATOR_QUIT_AFTER_PAINT="1")
    assert result.returncode == 0, result.stderr
    assert "annotator: painted p.db" in result.stdout


def test_window_opens_in_arabic_when_the_system_speaks_it(unpacked, home, tmp_path):
    # The interface's translation and Qt's own (OK, Cancel, file dialogs) are bundled.
    assert (unpacked / "_internal" / "resources" / "translations" / "annotator_ar.qm").is_file()
    assert list((unpacked / "_internal").rglob("qtbase_ar.qm"))
    result = run(unpacked, home, cwd=tmp_path, LANG="ar_EG.UTF-8", ANNOTATOR_QUIT_AFTER_PAINT="1")
    assert result.returncode == 0, result.stderr
    assert "annotator: painted sample-project.db" in result.stdout


def test_desktop_entry_installs_for_the_user(unpacked, home, tmp_path):
    env = {key: value for key, value in os.environ.items() if not key.startswith("XDG_")}
    env["HOME"] = str(home)
    subprocess.run([str(unpacked / "install-desktop-entry")], env=env, check=True,
                   capture_output=True)
    entry = (home / ".local/share/applications/annotator.desktop").read_text(encoding="utf-8")
    assert f"Exec={unpacked / 'annotator'} %f" in entry
    assert (home / ".local/share/icons/hicolor/scalable/apps/annotator.svg").is_file()
    assert (home / ".local/bin/annotator").resolve() == (unpacked / "annotator").resolve()
