"""Puts resources/ and seeds/ (with every folder in them) inside the installed
package (pip, pipx), as ``annotator.resources`` and ``annotator.seeds``;
everything else is in pyproject.toml."""

from pathlib import Path

from setuptools import find_packages, setup

DATA = {"annotator.resources": "resources", "annotator.seeds": "seeds"}


def data_packages() -> list[str]:
    names = []
    for package, folder in DATA.items():
        for sub in [Path(folder), *sorted(p for p in Path(folder).rglob("*") if p.is_dir())]:
            names.append(".".join([package, *sub.relative_to(folder).parts]))
    return names


setup(
    packages=find_packages(include=["annotator", "annotator.*"]) + data_packages(),
    package_dir=DATA,
    package_data={name: ["*"] for name in data_packages()},
)
