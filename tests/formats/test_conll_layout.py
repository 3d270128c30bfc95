"""Token-per-line files as others publish them: which column is the token,
which the tags; nested levels read, ambiguous columns refused (exit 2, file
named, project unchanged), ``--columns`` chooses; a CoNLL file named .txt."""

from __future__ import annotations

import pytest

from annotator.cli import main
from annotator.formats.conll_layout import Layout, parse_columns
from annotator.formats.registry import read_paths
from annotator.store import Project


def write(tmp_path, name: str, content: str):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def spans_of(path, **options):
    records = read_paths([path], options=options)
    return [(r.text, [(r.text[s.start:s.end], s.label) for s in r.spans]) for r in records], records.notes


def test_an_index_column_first_is_not_the_token(tmp_path):
    path = write(tmp_path, "pl.conll", "0\tDonald\tB-PER\n1\tTrump\tI-PER\n2\tprzyjechał\tO\n\n"
                                       "0\tW\tO\n1\tWarszawie\tB-LOC\n")
    documents, notes = spans_of(path)
    assert documents == [("Donald Trump przyjechał\nW Warszawie",
                          [("Donald Trump", "PER"), ("Warszawie", "LOC")])]
    assert [n.message for n in notes] == [
        "read as CoNLL with the token in column 2, tags in column 3, an index in column 1"]


def test_conllu_like_comments_newdoc_and_multiword_lines(tmp_path):
    path = write(tmp_path, "u.conllu", (
        "# newdoc id = a\n# sent_id = 1\n# text = Xi Jinping spoke\n"
        "1\tXi\txi\tPROPN\t_\t_\t2\tnsubj\t_\tB-PER\n"
        "2\tJinping\tjinping\tPROPN\t_\t_\t3\tflat\t_\tI-PER\n"
        "3\tspoke\tspeak\tVERB\t_\t_\t0\troot\t_\tO\n\n"
        "# newdoc id = b\n# text = del Rey\n"
        "1-2\tdel\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "1\tde\tde\tADP\t_\t_\t3\tcase\t_\tO\n"
        "2\tel\tel\tDET\t_\t_\t3\tdet\t_\tO\n"
        "3\tRey\tRey\tPROPN\t_\t_\t0\troot\t_\tS-PER\n"))
    documents, notes = spans_of(path)
    assert documents == [("Xi Jinping spoke", [("Xi Jinping", "PER")]),
                         ("de el Rey", [("Rey", "PER")])]
    assert "1 multiword-range or empty-node lines" in notes[-1].message


@pytest.mark.parametrize("separator", ["-DOCSTART-", "-DOCSTART- O", "-DOCSTART-\t-X-\t-X-\tO",
                                       "#DOCSTART", "# DOCSTART"])
def test_document_separator_variants(tmp_path, separator):
    path = write(tmp_path, "d.conll", f"{separator}\n\nXi B-PER\n\n{separator}\n\nTak O\n")
    documents, _ = spans_of(path)
    assert documents == [("Xi", [("Xi", "PER")]), ("Tak", [])]


def test_a_hashtag_token_is_a_token_not_a_comment(tmp_path):
    path = write(tmp_path, "t.conll", "# a comment line\n#Warszawa B-LOC\nrośnie O\n")
    assert spans_of(path)[0] == [("#Warszawa rośnie", [("#Warszawa", "LOC")])]


def test_wojood_nested_levels_outer_first_all_become_spans(tmp_path):
    path = write(tmp_path, "w.txt", (
        "بيان O\nنقابة B-ORG\nالعاملين I-ORG\nفي I-ORG\nجامعة I-ORG B-ORG\n"
        "بيرزيت I-ORG I-ORG B-GPE\n. O\n"))
    [(text, spans)], notes = spans_of(path)
    assert sorted(spans) == sorted([("نقابة العاملين في جامعة بيرزيت", "ORG"),
                                    ("جامعة بيرزيت", "ORG"), ("بيرزيت", "GPE")])
    assert notes[0].message == "read as CoNLL: its lines are tokens with tags"


def test_fixed_nesting_levels_are_read_when_inner_lies_inside_outer(tmp_path):
    path = write(tmp_path, "n.conll", "John B-PER O\nkilled O O\nMary B-PER B-PER\n's I-PER O\n"
                                      "husband I-PER O\n")
    [(_, spans)], _ = spans_of(path)
    assert sorted(spans) == [("John", "PER"), ("Mary", "PER"), ("Mary 's husband", "PER")]


def run_cli(*args) -> int:
    return main([str(a) for a in args])


@pytest.mark.parametrize("content, expected", [
    # conlleval/seqeval: word POS gold predicted (chunk tags)
    ("Rockwell NNP B-NP I-NP\nsaid VBD B-VP B-VP\nit PRP B-NP B-NP\n",
     "columns 3 and 4 hold chunk tags (NP, VP), not named entities"),
    # CoNLL-2000: word POS chunk
    ("Confidence NN B-NP\nin IN B-PP\nthe DT B-NP\npound NN I-NP\n",
     "column 3 holds chunk tags (NP, PP), not named entities (a CoNLL-2000 chunking file?)"),
    # gold and predicted entities
    ("Xi B-PER B-PER\nJinping I-PER I-PER\nmet O O\nTokayev B-PER O\n",
     "columns 2 (PER) and 3 (PER) both hold tags but do not nest"),
    ("Xi O B-PER\nmet O O\n", "line 1 has a tag in column 3 but O in column 2"),
])
def test_ambiguous_tag_columns_are_refused_naming_columns_and_option(
        tmp_path, capsys, content, expected):
    project = tmp_path / "p.db"
    assert run_cli("import", project, write(tmp_path, "seed.txt", "A text.")) == 0
    before = project.read_bytes()
    path = write(tmp_path, "two.conll", content)
    assert run_cli("import", project, path) == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith(f"{path}: ") and expected in error
    assert "--columns token=1,tag=" in error
    assert project.read_bytes() == before


def test_columns_option_chooses_and_is_checked(tmp_path, capsys):
    project = tmp_path / "p.db"
    path = write(tmp_path, "gp.conll", "Xi B-PER B-PER\nJinping I-PER O\nmet O O\n")
    assert run_cli("import", project, path, "--columns", "token=1,tag=3") == 0
    assert "1 new spans" in capsys.readouterr().out
    with Project.open(project) as opened:
        document = opened.document_by_name("gp-1")
        assert [(document.text[s.start:s.end], s.label)
                for s in opened.spans(document.id, "imported")] == [("Xi", "PER")]
    with pytest.raises(SystemExit) as exit_:
        run_cli("import", tmp_path / "q.db", path, "--columns", "token=1,tag=1")
    assert exit_.value.code == 2
    assert "the token column cannot be a tag column" in capsys.readouterr().err
    assert not (tmp_path / "q.db").exists()


@pytest.mark.parametrize("option, layout", [
    ("token=2,tag=3", Layout(1, (2,))),
    ("token=1,tag=2-4", Layout(0, (1, 2, 3))),
    ("tag=2-, token=1", Layout(0, (1,), tags_to_end=True)),
])
def test_parse_columns(option, layout):
    assert parse_columns(option) == layout


@pytest.mark.parametrize("option", ["token=2", "tag=3", "token=0,tag=1", "token=1,tag=4-3", "2,3"])
def test_parse_columns_refuses(option):
    with pytest.raises(ValueError, match="--columns"):
        parse_columns(option)


def test_a_conll_file_named_txt_is_read_as_conll_never_as_prose(tmp_path, capsys):
    path = write(tmp_path, "tagged.txt", "Xi B-PER\nJinping I-PER\nspoke O\n.\tO\n")
    project = tmp_path / "p.db"
    assert run_cli("import", project, path) == 0
    out = capsys.readouterr().out
    assert "1 new spans" in out and "read as CoNLL" in out
    with Project.open(project) as opened:
        document = opened.document_by_name("tagged-1")
        assert document.text == "Xi Jinping spoke ."


@pytest.mark.parametrize("lines, problem", [
    # IO tags, lower case, underscores: tags this reader does not know
    (["Xi\tPER", "Jinping\tPER", "spoke\tO", "in\tO", "Astana\tLOC", ".\tO"],
     "1: unknown tag 'PER'"),
    (["xi b-per", "jinping i-per", "spoke o", "in o", ". o"], "1: unknown tag 'b-per'"),
    (["Xi B_PER", "spoke O", "in O", "Astana B_LOC", ". O"], "1: unknown tag 'B_PER'"),
    # a line without its tag
    (["Jan B-PER", "Nowak I-PER", "mieszka O", "w O", "Warszawie B-LOC", ". O", "Koniec"],
     "7: expected a token and a tag"),
])
def test_a_txt_of_tokens_with_odd_tags_is_refused_by_line_not_read_as_prose(
        tmp_path, capsys, lines, problem):
    path = write(tmp_path, "tagged.txt", "\n".join(lines) + "\n")
    project = tmp_path / "p.db"
    assert run_cli("import", project, path) == 2
    err = capsys.readouterr().err
    assert f"{path}:{problem}" in err
    assert f"note: {path}: read as CoNLL: its lines are tokens with tags" in err
    assert not project.exists()


def test_prose_stays_prose(tmp_path):
    path = write(tmp_path, "prose.txt", "Xi Jinping spoke to Tokayev.\nThe O-ring failed.\n")
    [record] = read_paths([path])
    assert record.text.startswith("Xi Jinping spoke") and record.spans == []
    # Short lines, a list: no last word ends a third of them.
    listing = "Xi Jinping spoke.\nTokayev answered him.\nThe talks ended.\nBoth left Astana.\n"
    assert read_paths([write(tmp_path, "list.txt", listing)])[0].text == listing


def test_nesting_levels_written_out_of_order_are_refused(tmp_path):
    from annotator.formats.problems import InputError

    # The inner ORG starts at level 2, then its I- appears at level 3: no longer outer first.
    path = write(tmp_path, "w.conll", "نقابة B-ORG\nجامعة I-ORG B-ORG\nبيرزيت I-ORG B-GPE I-ORG\n")
    with pytest.raises(InputError) as error:
        read_paths([path])
    [problem] = error.value.problems
    assert problem.line == 3 and problem.message.startswith("I-ORG in column 4 continues no entity")


def test_our_iob1_export_of_nested_entities_reads_back(tmp_path, capsys):
    # IOB1 begins entities with I- (B- only between two touching ones of a
    # label): an inner LOC beginning with I- inside an outer one is no level
    # out of order.
    source = write(tmp_path, "n.jsonl", (
        '{"text": "als Schlosspark Moritzburg für Jan Anna", "spans": ['
        '{"start": 4, "end": 26, "label": "LOC"}, {"start": 16, "end": 26, "label": "LOC"}, '
        '{"start": 31, "end": 34, "label": "PER"}, {"start": 35, "end": 39, "label": "PER"}]}\n'))
    first, second, out = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "n.conll"
    assert run_cli("import", first, source) == 0
    assert run_cli("export", first, "--format", "conll", "--nesting", "columns",
                   "--scheme", "iob1", "--out", out) == 0
    assert "Moritzburg I-LOC I-LOC" in out.read_text(encoding="utf-8")
    assert run_cli("import", second, out) == 0
    with Project.open(second) as project:
        [document] = [project.document(i) for i in project.document_ids()]
        found = sorted((s.start, s.end, s.label) for s in project.spans(document.id))
    assert found == [(4, 26, "LOC"), (16, 26, "LOC"), (31, 34, "PER"), (35, 39, "PER")]


def test_byte_order_marks_inside_a_file_are_passed_over_with_a_note(tmp_path):
    # Files joined end to end: a mark alone on a line, and one before a token.
    path = write(tmp_path, "joined.conll",
                 "Xi\tB-PER\nJinping\tI-PER\nspoke\tO\n\n\ufeffTokayev\tB-PER\nspoke\tO\n\ufeff\n")
    documents, notes = spans_of(path)
    assert documents == [("Xi Jinping spoke\nTokayev spoke", [("Xi Jinping", "PER"), ("Tokayev", "PER")])]
    assert any(n.message.startswith("2 byte-order marks (U+FEFF, invisible) inside the file")
               for n in notes)


def test_tag_before_token_is_read_with_a_note(tmp_path):
    path = write(tmp_path, "t.conll", "B-PER Xi\nI-PER Jinping\nO spoke\nO .\n")
    documents, notes = spans_of(path)
    assert documents == [("Xi Jinping spoke .", [("Xi Jinping", "PER")])]
    assert notes[0].message == "read as CoNLL with the token in column 2, tags in column 1"
