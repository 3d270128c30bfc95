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


def preload_in_background(lang: str) -> threading.Thread:
    thread = threading.Thread(target=preload, args=(lang,), name="suggesters-preload",
                              daemon=True)
    thread.start()
    return thread
