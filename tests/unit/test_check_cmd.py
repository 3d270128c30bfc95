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
    assert out[1:] == ["1 span cut a word"]
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
