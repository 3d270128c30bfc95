"""Options shared by several formats, declared once."""

from __future__ import annotations

from annotator.formats.conll_layout import Layout, parse_columns
from annotator.formats.declaration import Choice, Option, OptionError

SCHEME = Option(
    "scheme", "&Tags:", "the tag scheme", default="iob2",
    choices=(Choice("iob2", "IOB2"), Choice("iob1", "IOB1"), Choice("bioes", "BIOES")))

CLITICS = Option(
    "clitics", "&Clitics:",
    "a span starting after an Arabic proclitic (و ف ب ل ك): split it off as its own token, "
    "or expand the span to the whole word", default="split",
    choices=(Choice("split", "Split off (و / الصين)"),
             Choice("expand", "Whole word takes the label (والصين)")))


# Written by CoNLL: tags hold one span per token, unless each nesting level
# has a tag column of its own (how Wojood and other nested corpora are written).
NESTING = Option(
    "nesting", "&Nesting:",
    "overlapping spans: keep the longest on each token, the others reported (one tag column), "
    "or write every span, one tag column per nesting level, outer first (the Wojood "
    "convention; read back by this tool's CoNLL import)", default="longest",
    choices=(Choice("longest", "One tag column (longest span per token)"),
             Choice("columns", "A tag column per nesting level")))


def _columns(text: str) -> Layout:
    try:
        return parse_columns(text)
    except ValueError as error:
        raise OptionError(str(error)) from None


# Read by CoNLL, and by plain text when a .txt turns out to be token per line.
COLUMNS = Option(
    "columns", "CoNLL &columns:",
    "which columns (from 1) of a token-per-line file hold the token and the tags, e.g. "
    "token=2,tag=3; tag=3-5 or tag=3- (to the end of the line) read nesting levels, outer "
    "first (default: detected; a file whose columns are ambiguous is refused)",
    parse=_columns, metavar="token=N,tag=M")
