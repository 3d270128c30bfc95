"""A master project of many small documents, for handing out and collecting."""

from __future__ import annotations

import pytest

from annotator.cli import main
from annotator.core.model import DocumentRecord
from annotator.store import Project


def make_master(path, count=40):
    with Project.open(path) as project:
        project.import_records(
            DocumentRecord(f"doc-{i:03d}", f"Story {i}: Xi Jinping met Tokayev in Astana.")
            for i in range(count))
        project.add_label("PLACE", "Place", "#88cc88")
    return path


@pytest.fixture
def master(tmp_path):
    return make_master(tmp_path / "master.db")


@pytest.fixture
def cli(capsys):
    """Run the command line in-process: (status, stdout, stderr)."""
    def run(*args):
        status = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return status, out, err
    return run
