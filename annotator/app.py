"""Composition root of the window: checks, then hands over to ``ui``."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def display_problem() -> str | None:
    """Why no window can open here, in one line, or ``None``."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return None
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        return ("annotator: no display found (DISPLAY is not set); run the window under a "
                "virtual display with 'xvfb-run annotator', or use the subcommands "
                "(annotator --help), which need no display")
    return None


def run_gui(project_path: str | None) -> int:
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    from annotator.ui.main_window import launch

    return launch(Path(project_path) if project_path else None)
