"""The CoNLL export read by other tools, one document per document:
spaCy's ``spacy convert -c ner`` and seqeval (on the tags of each document
as CoNLL-2003 readers split them: at every line that starts with -DOCSTART-)."""

from __future__ import annotations

import subprocess
import sys

from annotator.formats.export import export_project
from tests.extras import require
from tests.formats.readback import conll_documents


def test_spacy_convert_makes_one_doc_per_document_with_every_entity(annotated, tmp_path):
    require("spacy")
    from spacy.tokens import DocBin
    import spacy

    out = tmp_path / "train.conll"
    report = export_project(annotated, "conll", out, annotator="alice")
    documents = conll_documents(out)
    converted = tmp_path / "converted"
    converted.mkdir()
    result = subprocess.run([sys.executable, "-m", "spacy", "convert", str(out), str(converted),
                             "-c", "ner"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    docs = list(DocBin().from_disk(converted / "train.spacy").get_docs(spacy.blank("xx").vocab))
    assert len(docs) == len(documents) == report.documents
    for doc, document in zip(docs, documents):
        words = [token for tokens, _ in document for token in tokens]
        assert [t.text for t in doc] == words  # no -DOCSTART- token, nothing else lost
        assert sum(1 for t in doc if t.is_sent_start) == len(document)
    assert sum(len(doc.ents) for doc in docs) == report.written


def test_seqeval_finds_every_entity_document_by_document(annotated, tmp_path):
    require("seqeval")
    from seqeval.metrics.sequence_labeling import get_entities

    out = tmp_path / "train.conll"
    report = export_project(annotated, "conll", out, annotator="alice")
    found = 0
    for document in conll_documents(out):
        tags = [tag for _, sentence_tags in document for tag in sentence_tags + ["O"]]
        assert "-DOCSTART-" not in " ".join(tags)
        found += len(get_entities(tags))
    assert found == report.written
