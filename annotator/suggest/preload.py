"""Loading the suggesters ahead of their first use, in a thread: the date
rules (hundreds of patterns to compile), the mention finder and the
lemmatizer with a language's dictionary (seconds for Polish). The window
starts this once it has shown a document, so neither its start nor the
first label waits for them.

Only the standard library is imported here: this module is loaded at start.
"""

from __future__ import annotations

import threading


def preload(lang: str) -> None:
    """Import the suggesters and load ``lang``'s dictionary (a caller that
    comes while another thread loads it waits for that load)."""
    from annotator.suggest import sources  # noqa: F401  (dates, gazetteer, mentions)
    from annotator.suggest.inflection import warm_up

    warm_up(lang)


_started: list[threading.Thread] = []


def preload_in_background(lang: str) -> threading.Thread:
    thread = threading.Thread(target=preload, args=(lang,), name="suggesters-preload",
                              daemon=True)
    thread.start()
    _started.append(thread)
    return thread


def wait_for_preloads(timeout: float = 10.0) -> None:
    """Before the interpreter shuts down: a preload still importing (a C
    extension, a dictionary) when it does can crash the process on its way
    out, after a window closed at once."""
    for thread in _started:
        thread.join(timeout)
