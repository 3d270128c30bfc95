"""What every subcommand shares: exit statuses and error lines."""

from __future__ import annotations

import sys

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def fail(*lines: object) -> int:
    """Print one line per problem to stderr; the status for bad input."""
    for line in lines:
        print(str(line), file=sys.stderr)
    return EXIT_BAD_INPUT
