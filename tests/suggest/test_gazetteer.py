"""Gazetteer files and whole-word matching with Arabic proclitics."""

import pytest

from annotator.formats.problems import InputError
from annotator.suggest.gazetteer import parse_gazetteer, read_gazetteer

LABELS = ["PERSON", "ORG", "DATE", "INITIATIVE"]


def found(entries, text):
    gazetteer = parse_gazetteer(entries, LABELS)
    return [(text[s.start:s.end], s.label) for s in gazetteer.find(text)]


def test_a_phrase_after_a_proclitic_is_found_without_it():
    text = "بين الصين وقازاقستان والصين وبالصين فالصين"
    assert found("الصين\tORG\n", text) == [("الصين", "ORG")] * 4
    start = text.index("والصين") + 1
    gazetteer = parse_gazetteer("الصين\tORG\n", LABELS)
    assert (start, start + 5) in [(s.start, s.end) for s in gazetteer.find(text)]


def test_after_lam_lam_the_articles_alef_is_not_written():
    text = "للصين وللصين وللصينية"
    # The span starts at the article's ل, as a mention's does; not inside a longer word.
    assert found("الصين\tORG\n", text) == [("لصين", "ORG"), ("لصين", "ORG")]


def test_a_proclitic_leaves_a_word_of_three_letters_at_least():
    assert found("و\tORG\n", "لو فو") == []
    assert found("و\tORG\n", "قال و") == [("و", "ORG")]  # a word by itself
    # اب (Ibb, a city) in باب (a door): ب and a name of two letters, seldom so.
    assert found("اب\tORG\n", "فتح الباب وباب المدينة في اب") == [("اب", "ORG")]
    assert found("مصر\tORG\n", "وبمصر") == [("مصر", "ORG")]


@pytest.mark.parametrize("text", ["الصينية", "بالصينيين", "مالصين", "xالصين", "الصين2"])
def test_a_phrase_inside_a_longer_word_is_not_found(text):
    assert found("الصين\tORG\n", text) == []


def test_harakat_tatweel_hamza_and_latin_case_are_ignored():
    text = "قال شِي جين بينغ إن الحزب الشيوعى الصينـي و xi jinping"
    entries = "شي جين بينغ\tPERSON\nالحزب الشيوعي الصيني\tORG\nXi Jinping\tPERSON\n"
    assert found(entries, text) == [("شِي جين بينغ", "PERSON"), ("الحزب الشيوعى الصينـي", "ORG"),
                                     ("xi jinping", "PERSON")]
    assert found("المسؤول\tPERSON\n", "قال المسئول") == [("المسئول", "PERSON")]


def test_longest_phrase_wins_where_matches_overlap():
    entries = "الحزب\tORG\nالحزب الشيوعي الصيني\tORG\nالصيني\tPERSON\n"
    text = "الحزب الشيوعي الصيني والحزب"
    assert found(entries, text) == [("الحزب الشيوعي الصيني", "ORG"), ("الحزب", "ORG")]


def test_latin_word_boundaries_and_punctuation():
    text = "KPCh, (KPCh) KPChx xKPCh Inicjatywy Pasa i Szlaku."
    assert found("KPCh\tORG\nInicjatywy Pasa i Szlaku\tINITIATIVE\n", text) == [
        ("KPCh", "ORG"), ("KPCh", "ORG"), ("Inicjatywy Pasa i Szlaku", "INITIATIVE")]


def test_comments_blank_lines_and_spaces_around_fields():
    entries = "# names\n\n   \n  # indented comment\n Xi \t PERSON \n"
    assert found(entries, "Xi said") == [("Xi", "PERSON")]


def test_every_bad_line_is_a_problem_naming_file_and_line(tmp_path):
    path = tmp_path / "names.tsv"
    path.write_text("# ok\nالصين\tORG\nno tab here\n\tORG\nXi\tCITY\nالصين\tPERSON\n",
                    encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_gazetteer(path, LABELS)
    lines = [str(p) for p in caught.value.problems]
    assert [line.split(": ")[0] for line in lines] == [f"{path}:{n}" for n in (3, 4, 5, 6)]
    assert "no tab" in lines[0]
    assert "empty" in lines[1]
    assert "'CITY' is not one of the project's labels" in lines[2]


def test_a_file_that_is_not_utf8_is_a_problem(tmp_path):
    path = tmp_path / "names.tsv"
    path.write_bytes("Xi\tPERSON\n".encode() + "الصين\tORG\n".encode("cp1256"))
    with pytest.raises(InputError) as caught:
        read_gazetteer(path, LABELS)
    assert [str(p) for p in caught.value.problems] == [f"{path}:2: not UTF-8 text"]


def test_crlf_and_bom_are_read(tmp_path):
    path = tmp_path / "names.tsv"
    path.write_bytes("\ufeffXi\tPERSON\r\nKPCh\tORG\r\n".encode())
    gazetteer = read_gazetteer(path, LABELS)
    assert [(e.phrase, e.label) for e in gazetteer.entries] == [("Xi", "PERSON"), ("KPCh", "ORG")]
