"""The default label set of a new project."""

from annotator.core.model import Label

DEFAULT_LABELS: tuple[Label, ...] = (
    Label("PERSON", "Person", "#f4a261", "1", 0),
    Label("ORG", "Organization", "#8ecae6", "2", 1),
    Label("DATE", "Date", "#b5e48c", "3", 2),
    Label("INITIATIVE", "Initiative", "#cdb4db", "4", 3),
)

# Colours handed to labels that arrive with imported data.
EXTRA_COLORS = ("#ffd166", "#90be6d", "#f28482", "#84a59d", "#a2d2ff", "#e9c46a")
