"""The default label set of a new project and its guidelines, read from
resources/default_labels.json."""

from __future__ import annotations

import json

from annotator.core.model import Guideline, Label
from annotator.paths import resources_dir


def _load_default_labels() -> tuple[Label, ...]:
    entries = json.loads((resources_dir() / "default_labels.json").read_text(encoding="utf-8"))
    return tuple(Label(e["key"], e["name"], e["color"], e.get("shortcut", ""), position)
                 for position, e in enumerate(entries))


def _load_default_guidelines() -> tuple[Guideline, ...]:
    entries = json.loads((resources_dir() / "default_labels.json").read_text(encoding="utf-8"))
    return tuple(Guideline(e["key"], e.get("definition", ""), tuple(e.get("examples", ())),
                           tuple(e.get("counter_examples", ()))) for e in entries)


DEFAULT_LABELS: tuple[Label, ...] = _load_default_labels()
DEFAULT_GUIDELINES: tuple[Guideline, ...] = _load_default_guidelines()

# Colours handed to labels that arrive with imported data.
EXTRA_COLORS = ("#ffd166", "#90be6d", "#f28482", "#84a59d", "#a2d2ff", "#e9c46a")
