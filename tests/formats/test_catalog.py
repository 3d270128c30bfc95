"""The format catalog: every format declared once, and a new one (the toy
format) reaches the registry and the command line by one line."""

from __future__ import annotations

import json

import pytest

from annotator.cli import build_parser, main
from annotator.formats import catalog
from annotator.formats.declaration import OptionError
from annotator.formats.options import CLITICS, SCHEME
from annotator.formats.registry import read_paths
from annotator.store import Project


def subcommand_help(name: str) -> str:
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.choices and name in a.choices)
    return subparsers.choices[name].format_help()


def test_the_formats_of_the_design_notes():
    assert catalog.import_choices() == (
        "auto", "txt", "jsonl", "doccano", "conll", "brat", "labelstudio")
    assert catalog.export_choices() == ("jsonl", "doccano", "conll", "hf", "spacy", "brat")
    assert [f.name for f in catalog.writers() if f.folder] == ["brat"]
    assert {o.name: users for o, users in catalog.write_options()} == {
        "scheme": ("conll", "hf"), "clitics": ("conll", "hf", "spacy"), "nesting": ("conll",)}
    # A .txt that is token per line is read as CoNLL, so it takes --columns too.
    assert {o.name: users for o, users in catalog.read_options()} == {"columns": ("txt", "conll")}


@pytest.mark.parametrize("suffix, name", [
    (".txt", "txt"), (".jsonl", "jsonl"), (".NDJSON", "jsonl"), (".conll", "conll"),
    (".bioes", "conll"), (".conllu", "conll"), (".CoNLLX", "conll"), (".ann", "brat"), (".json", "labelstudio"), (".csv", None)])
def test_auto_reads_each_extension_with_one_format(suffix, name):
    found = catalog.by_extension(suffix)
    assert (found.name if found else None) == name


def test_a_name_is_registered_once():
    with pytest.raises(ValueError, match="already in the catalog"):
        catalog.register(catalog.get("conll"))


def test_option_values_are_checked_with_one_line_for_the_user():
    assert SCHEME.value(None) == "iob2" and CLITICS.value("expand") == "expand"
    with pytest.raises(OptionError, match=r"^unknown scheme 'bio'; choose iob2, iob1 or bioes$"):
        SCHEME.value("bio")


def test_the_command_line_is_made_from_the_catalog(toy_format):
    import_help = subcommand_help("import")
    assert "labelstudio,toy}" in import_help
    assert "--prefix WORD" in import_help and "put before each document's name; for toy" in import_help
    export_help = subcommand_help("export")
    assert "brat,toy}" in export_help
    assert "--case {lower,upper}" in export_help and "for toy (default: lower)" in export_help
    assert "for conll and hf (default: iob2)" in export_help  # the others keep theirs


def test_columns_reach_the_command_line_once_from_the_catalog():
    import_help = " ".join(subcommand_help("import").split())
    assert import_help.count("--columns token=N,tag=M") == 2  # usage line and option
    assert "outer first (default: detected; a file whose columns are ambiguous is refused); " \
           "for txt and conll" in import_help
    assert "--columns" not in subcommand_help("export")


def test_the_toy_format_is_gone_when_unregistered():
    assert "toy" not in catalog.import_choices() and "toy" not in subcommand_help("export")


def test_a_registered_format_imports_and_exports_with_its_options(toy_format, tmp_path):
    source = tmp_path / "news.toy"
    source.write_text("Xi Jinping spoke.\nKPCh met.\n", encoding="utf-8")
    db = tmp_path / "project.db"
    assert main(["import", str(db), str(source), "--prefix", "wire", "--annotator", "alice"]) == 0
    with Project.open(db) as project:
        names = [d.name for d in project.iter_documents()]
        assert names == ["wire-news1", "wire-news2"]
        document = project.document_by_name("wire-news1")
        project.add_span(document.id, "alice", 0, 10, "PERSON")
    out = tmp_path / "out.toy"
    assert main(["export", str(db), "--format", "toy", "--case", "upper", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == "Xi Jinping spoke. [PERSON]\nKPCh met.\n"
    report = json.loads((tmp_path / "out.toy.report.json").read_text(encoding="utf-8"))
    assert report["format"] == "toy" and report["spans_written"] == 1


def test_a_bad_option_value_is_refused_with_status_2(toy_format, tmp_path, capsys):
    source = tmp_path / "news.toy"
    source.write_text("Text.\n", encoding="utf-8")
    db = tmp_path / "project.db"
    with pytest.raises(SystemExit) as exit_:
        main(["import", str(db), str(source), "--prefix", "a/b"])
    assert exit_.value.code == 2 and not db.exists()
    assert "argument --prefix: a prefix is letters and digits, not 'a/b'" in capsys.readouterr().err


def test_read_options_reach_only_the_readers_that_take_them(toy_format, tmp_path):
    (tmp_path / "a.toy").write_text("One.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Two.", encoding="utf-8")
    records = read_paths([tmp_path], options={"prefix": "x"})
    assert sorted(r.name for r in records) == ["b", "x-a1"]
