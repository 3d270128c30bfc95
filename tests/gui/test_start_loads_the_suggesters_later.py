"""The suggesters (date rules, mention finder, lemmatizer and its
dictionary) are not loaded before the window shows its document: a thread
loads them once the window has painted, before the first label needs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import ROOT

SCRIPT = """
import json, sys, threading, time
from pathlib import Path
from annotator.app import open_window

SUGGESTERS = ("simplemma", "annotator.suggest.dates", "annotator.suggest.mentions")
app, window = open_window(Path(sys.argv[1]))
shown = window.editor.document is not None and window.view.text != ""
before = [name for name in SUGGESTERS if name in sys.modules]
loading = []
for _ in range(500):  # the first paint, then the next turn of the loop, start the preload
    app.processEvents()
    loading = [t for t in threading.enumerate() if t.name == "suggesters-preload"]
    if loading:
        break
    time.sleep(0.01)
for thread in loading:
    thread.join(60)
from annotator.suggest import inflection
lang = window.editor.document.lang
print(json.dumps({"shown": shown, "before": before, "threads": len(loading),
                  "after": [name for name in SUGGESTERS if name in sys.modules],
                  "dictionary": inflection._language(lang) in inflection._loaded}))
"""


def test_the_suggesters_load_after_the_document_is_shown(tmp_path, sample_db):
    (tmp_path / "annotator").mkdir()
    (tmp_path / "annotator" / "annotator.conf").write_text("[annotator]\nname=alice\n")
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(sample_db)], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["shown"] and found["before"] == []
    assert found["threads"] == 1
    assert found["after"] == ["simplemma", "annotator.suggest.dates", "annotator.suggest.mentions"]
    assert found["dictionary"]
