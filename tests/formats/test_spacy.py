"""The spaCy export: a DocBin whose Docs hold the stored text and every span,
aligned to tokens (spaCy is an optional extra; the test extra installs it)."""

from __future__ import annotations

from annotator.core.model import DocumentRecord, Span
from annotator.formats.export import export_project
from tests.extras import require
from tests.fixtures.export_cases import CLITIC_SPANS, OVERLAPS_LEFT_OUT
from tests.formats.readback import stored


def load(path):
    spacy = require("spacy")
    from spacy.tokens import DocBin

    nlp = spacy.blank("xx")
    return list(DocBin().from_disk(path).get_docs(nlp.vocab))


def test_every_span_is_in_the_span_group_and_ents_do_not_overlap(annotated, tmp_path):
    require("spacy")
    out = tmp_path / "train.spacy"
    report = export_project(annotated, "spacy", out, annotator="alice")
    docs = load(out)
    texts = {d.name: d.text for d in annotated.iter_documents()}
    assert [doc.user_data["name"] for doc in docs] == list(texts)
    found, ents = set(), 0
    for doc in docs:
        name = doc.user_data["name"]
        assert doc.text == texts[name]
        found |= {(name, s.start_char, s.end_char, s.label_) for s in doc.spans["sc"]}
        ents += len(doc.ents)
        assert all(a.end <= b.start for a, b in zip(doc.ents, doc.ents[1:]))
        assert all(s.sent == doc[s.start:s.end].sent for s in doc.ents)  # no entity across sentences
    assert found == stored(annotated)  # every span, with its exact offsets
    assert ents == len(found) - OVERLAPS_LEFT_OUT
    assert report.left_out == 0
    assert report.counts()["ents-overlap"] == OVERLAPS_LEFT_OUT
    assert report.counts()["clitic-split"] == CLITIC_SPANS


def test_clitics_expand_widens_spans_to_the_word(annotated, tmp_path):
    require("spacy")
    out = tmp_path / "train.spacy"
    export_project(annotated, "spacy", out, annotator="alice", clitics="expand")
    [arabic] = [d for d in load(out) if d.user_data["name"].startswith("ar-2021")]
    texts = {s.text for s in arabic.spans["sc"]}
    assert {"وقازاقستان", "والصين", "لشي", "لمبادرة الحزام والطريق"} <= texts


def test_invisible_marks_are_tokens_of_their_own_and_the_text_is_kept(project, tmp_path):
    """The tokenizer passes over direction marks; spaCy's words must still
    spell the text, so each run of them is a word, neither space nor a name's."""
    require("spacy")
    text = "قال\u200f شي\u200e \u200f جين اليوم"
    name = text.index("شي"), text.index("جين") + 3
    project.import_records([DocumentRecord("d", text, [Span(*name, "PERSON")])],
                           annotator="alice")
    export_project(project, "spacy", tmp_path / "d.spacy", annotator="alice")
    [doc] = load(tmp_path / "d.spacy")
    assert doc.text == text
    assert [t.text for t in doc] == ["قال", "\u200f", "شي", "\u200e", "\u200f", "جين", "اليوم"]
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == [(*name, "PERSON")]


def test_whitespace_and_line_breaks_are_kept(project, tmp_path):
    require("spacy")
    text = "  Xi  Jinping\n\nw środę.\tKonferencja \n"
    spans = [Span(2, 13, "PERSON"), Span(15, 22, "DATE")]
    project.import_records([DocumentRecord("d", text, spans)], annotator="alice")
    export_project(project, "spacy", tmp_path / "d.spacy", annotator="alice")
    [doc] = load(tmp_path / "d.spacy")
    assert doc.text == text
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == [(2, 13, "PERSON"),
                                                                         (15, 22, "DATE")]
    assert [s.text.strip() for s in doc.sents][:2] == ["Xi  Jinping", "w środę."]
