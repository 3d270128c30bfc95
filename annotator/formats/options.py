"""Options shared by several formats, declared once."""

from __future__ import annotations

from annotator.formats.declaration import Choice, Option

SCHEME = Option(
    "scheme", "&Tags:", "the tag scheme", default="iob2",
    choices=(Choice("iob2", "IOB2"), Choice("iob1", "IOB1"), Choice("bioes", "BIOES")))

CLITICS = Option(
    "clitics", "&Clitics:",
    "a span starting after an Arabic proclitic (و ف ب ل ك): split it off as its own token, "
    "or expand the span to the whole word", default="split",
    choices=(Choice("split", "Split off (و / الصين)"),
             Choice("expand", "Whole word takes the label (والصين)")))

