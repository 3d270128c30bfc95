import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The window fixtures (settings, sample_db, window) for every folder of tests.
pytest_plugins = ["tests.helpers.gui_fixtures"]

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def project_path(tmp_path) -> Path:
    return tmp_path / "project.db"


@pytest.fixture
def project(project_path):
    from annotator.store import Project

    with Project.open(project_path) as opened:
        yield opened


@pytest.fixture
def seeded_project(project, seeds_dir):
    from annotator.formats.registry import read_paths

    project.import_records(read_paths([seeds_dir]))
    return project


@pytest.fixture(autouse=True)
def backups_in_tmp(tmp_path, monkeypatch):
    """Backups made when a window opens a project go to the test's folder,
    never to the user's data folder."""
    from annotator.store import backups

    folder = tmp_path / "backups"
    monkeypatch.setattr(backups, "default_folder", lambda: folder)
    return folder
