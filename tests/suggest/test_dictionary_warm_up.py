"""The lemmatizer's dictionary loads once, in the background when asked, and a
label made while it loads waits for that load instead of starting another."""

from __future__ import annotations

import threading
import time

from annotator.suggest import inflection


def test_a_dictionary_loads_once_however_many_callers_wait(monkeypatch):
    loads = []

    def slow_load(word, lang):
        loads.append(lang)
        time.sleep(0.2)
        return False

    monkeypatch.setattr(inflection.simplemma, "is_known", slow_load)
    monkeypatch.setattr(inflection, "_loaded", set())
    inflection.warm_up_in_background("de")
    waiting = [threading.Thread(target=inflection.warm_up, args=("de",)) for _ in range(3)]
    for thread in waiting:
        thread.start()
    for thread in waiting:
        thread.join()
    assert loads == ["de"]
    assert "de" in inflection._loaded
    inflection.warm_up_in_background("de")  # already there: no new thread, no load
    assert loads == ["de"]


def test_a_language_without_a_dictionary_starts_nothing(monkeypatch):
    monkeypatch.setattr(inflection, "_loaded", set())
    before = threading.active_count()
    inflection.warm_up_in_background("und")
    assert threading.active_count() == before and inflection._loaded == set()
