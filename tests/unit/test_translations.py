"""The Arabic interface: every string marked in annotator/ui is in the .ts
file and translated, and the committed .qm is that .ts compiled
(scripts/update-translations regenerates both)."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import PySide6

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
TS_FILES = sorted(TRANSLATIONS.glob("annotator_*.ts"))
QT_BIN = Path(PySide6.__file__).parent


def _tool(name: str) -> Path:
    tool = QT_BIN / name
    if not tool.exists():
        pytest.skip(f"PySide6 has no {name} here")
    return tool


def test_there_is_an_arabic_translation():
    assert [ts.name for ts in TS_FILES] == ["annotator_ar.ts"]


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_the_ts_file_holds_exactly_the_strings_marked_in_the_code(ts, tmp_path):
    copy = tmp_path / ts.name
    shutil.copy(ts, copy)
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "annotator" / "ui").glob("*.py"))
    subprocess.run([_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none", *sources,
                    "-ts", copy], cwd=ROOT, check=True)
    assert copy.read_bytes() == ts.read_bytes(), "run scripts/update-translations"


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_string_is_translated_keeping_its_placeholders(ts):
    messages = ET.parse(ts).getroot().iter("message")
    checked = 0
    for message in messages:
        source = message.findtext("source")
        translation = message.find("translation")
        assert translation.get("type") is None and (translation.text or "").strip(), source
        # {0} … are filled in by the code; each must be in the translation too.
        assert sorted(re.findall(r"\{\d\}", translation.text)) == sorted(re.findall(r"\{\d\}", source))
        # One mnemonic at most, and one where the English has one.
        marks = translation.text.replace("&&", "").count("&")
        assert marks == source.replace("&&", "").count("&") and marks <= 1, source
        checked += 1
    assert checked > 100


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_the_committed_qm_is_the_ts_compiled(ts, tmp_path):
    compiled = tmp_path / ts.with_suffix(".qm").name
    subprocess.run([_tool("lrelease"), "-silent", ts, "-qm", compiled], check=True)
    assert compiled.read_bytes() == ts.with_suffix(".qm").read_bytes(), "run scripts/update-translations"


def test_every_format_title_and_option_text_is_listed_for_translation():
    from annotator.formats import catalog, options
    from annotator.ui.format_options import TEXTS

    declared = [o for o in vars(options).values() if isinstance(o, options.Option)]
    texts = {t for o in declared for t in (o.title, o.help, *(c.title for c in o.choices))}
    texts |= {f.title for f in (*catalog.readers(), *catalog.writers())}
    # Names of their own (IOB2, spaCy DocBin…) are shown as they are.
    kept = {"IOB2", "IOB1", "BIOES", "doccano JSONL", "Label Studio JSON", "spaCy DocBin"}
    assert len(declared) == 4 and texts - kept <= set(TEXTS), texts - kept - set(TEXTS)
