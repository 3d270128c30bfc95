"""Puts resources/ and seeds/ inside the installed package (pip, pipx), as
``annotator.resources`` and ``annotator.seeds``; everything else is in
pyproject.toml."""

from setuptools import find_packages, setup

DATA = {"annotator.resources": "resources", "annotator.seeds": "seeds"}

setup(
    packages=find_packages(include=["annotator", "annotator.*"]) + list(DATA)
    + ["annotator.resources.fonts"],
    package_dir=DATA,
    package_data={name: ["*"] for name in [*DATA, "annotator.resources.fonts"]},
)
