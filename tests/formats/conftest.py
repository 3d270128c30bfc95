"""The sample articles with alice's spans (see ``tests/fixtures/export_cases``)."""

from __future__ import annotations

import pytest

from tests.fixtures.export_cases import records


@pytest.fixture
def annotated(seeded_project, seeds_dir):
    """All five sample articles; alice's spans on the Arabic and Polish calls."""
    seeded_project.import_records(records(seeds_dir))
    return seeded_project
