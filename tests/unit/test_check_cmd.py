"""``annotator check``: spans whose edge cuts a word."""

from annotator.cli import main
from annotator.core.model import DocumentRecord, Span
from annotator.store import Project

TEXT = "اجتمع الرئيس الصيني شي جين بينغ والصين"


def _project(tmp_path, spans):
    path = tmp_path / "p.db"
    with Project.open(path) as project:
        project.import_records([DocumentRecord("xinhua", TEXT, spans=spans)], annotator="alice")
    return path


def test_lists_each_cut_with_document_offsets_text_and_word(tmp_path, capsys):
    president = TEXT.index("الرئيس")
    china = TEXT.index("والصين")
    path = _project(tmp_path, [Span(president + 1, president + 6, "PERSON"),  # «لرئيس»
                               Span(china + 1, china + 6, "ORG"),  # و|الصين: not a cut
                               Span(TEXT.index("شي"), TEXT.index("بينغ") + 4, "PERSON")])
    before = path.read_bytes()
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"xinhua\t{president + 1}-{president + 6}\tPERSON\talice\t«لرئيس»\tcuts «الرئيس»"
    assert out[1:] == ["1 span cut a word."]
    assert path.read_bytes() == before
    assert main(["check", str(path), "--annotator", "alice"]) == 1


def test_exit_zero_when_no_span_cuts_a_word(tmp_path, capsys):
    path = _project(tmp_path, [Span(0, 5, "PERSON")])
    assert main(["check", str(path)]) == 0
    assert "No span cuts a word" in capsys.readouterr().out


def test_unknown_annotator_or_missing_file_is_bad_input(tmp_path, capsys):
    path = _project(tmp_path, [])
    assert main(["check", str(path), "--annotator", "bob"]) == 2
    assert "no annotator named 'bob'" in capsys.readouterr().err
    assert "bob" not in Project.open(path, create=False).annotators()
    assert main(["check", str(tmp_path / "missing.db")]) == 2


def test_spans_that_may_start_a_letter_late_are_listed_apart(tmp_path, capsys):
    """Offsets one letter late from another tool: «شار» of بشار, «بنان» of
    لبنان read as ب or ل and a word. Listed to look at, the exit status left
    alone: a proclitic and a name's first letter look alike (وقازاقستان)."""
    text = "التقى بشار الأسد في لبنان ثم زار وقازاقستان وقازاقستان جارة الصين والصين"
    bashar, lebanon = text.index("بشار"), text.index("لبنان")
    kazakhstan = text.index("وقازاقستان")
    china = text.index("والصين")
    path = tmp_path / "p.db"
    with Project.open(path) as project:
        project.import_records([DocumentRecord("d", text, spans=[
            Span(bashar + 1, bashar + len("بشار الأسد"), "PERSON"),
            Span(lebanon + 1, lebanon + 5, "LOC"),
            Span(kazakhstan + 1, kazakhstan + 10, "LOC"),  # و|قازاقستان, alone in the other text
            Span(china + 1, china + 6, "LOC")])], annotator="alice")  # و before the article
        project.import_records([DocumentRecord("other", "قازاقستان بلد كبير")])
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"d\t{bashar + 1}-{bashar + 10}\tPERSON\talice\t«شار الأسد»\tstarts inside «بشار»: «شار» "
        "stands nowhere alone in the project; is its first letter the name's own?",
        f"d\t{lebanon + 1}-{lebanon + 5}\tLOC\talice\t«بنان»\tstarts inside «لبنان»: «بنان» "
        "stands nowhere alone in the project; is its first letter the name's own?",
        "No span cuts a word; 2 may start a letter late (listed to look at: a proclitic and a "
        "name's first letter look alike)."]
