"""The lemmatizer's dictionary loads once, in the background when asked, and a
label made while it loads waits for that load instead of starting another."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from annotator.suggest import inflection

ROOT = Path(__file__).resolve().parents[2]


def test_a_dictionary_loads_once_however_many_callers_wait(monkeypatch):
    loads = []

    def slow_load(word, lang):
        loads.append(lang)
        time.sleep(0.2)
        return False

    monkeypatch.setattr(inflection._lemmatizer(), "is_known", slow_load)
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
    inflection._lemmatizer()  # before it is imported, the thread finds out (next test)
    before = threading.active_count()
    inflection.warm_up_in_background("und")
    assert threading.active_count() == before and inflection._loaded == set()


def test_before_simplemma_is_imported_the_thread_finds_out_and_loads_nothing():
    code = ("import sys, threading\n"
            "from annotator.suggest import inflection\n"
            "inflection.warm_up_in_background('und')\n"
            "for thread in threading.enumerate():\n"
            "    if thread.name.startswith('dictionary-'):\n"
            "        thread.join()\n"
            "print(sorted(inflection._loaded), inflection._language('und'))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True)
    assert done.stdout.split() == ["[]", "None"]
