"""Bulk operations for the kill tests: ``python -m tests.reliability.bulk_child
MODE ARGS...``. It prints ``ready`` just before the operation starts and
``done`` after it returned; the parent kills it in between (or not)."""

from __future__ import annotations

import os
import sys


def adjudicate(review: str) -> None:
    """Each document's agreed spans go into gold, one transaction per document."""
    from annotator.store import Project
    from annotator.store.adjudication import Adjudication

    with Project.open(review, create=False) as project:
        adjudication = Adjudication(project)
        documents = [row.document_id for row in adjudication.ranked_documents()]
        print("ready", flush=True)
        for document_id in documents:
            adjudication.accept_agreed(document_id)
            print("saved", document_id, flush=True)


def main(mode: str, args: list[str]) -> int:
    from annotator.cli import main as cli

    if mode == "adjudicate":
        adjudicate(args[0])
        status = 0
    else:
        print("ready", flush=True)
        status = cli([mode, *args])
    print("done", status, flush=True)
    return status


if __name__ == "__main__":
    status = main(sys.argv[1], sys.argv[2:])
    sys.stdout.flush()
    os._exit(status)
