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
