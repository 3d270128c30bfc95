"""Hugging Face token classification: one JSON line per sentence,
``{"id", "document", "tokens": [...], "ner_tags": [ints], "offsets": [[start, end]...]}``
(``id``: the document's name, with ``~2``, ``~3``... for a name met before, and
the sentence's number)
(each token's code-point offsets in the document's text, to map predictions
back), and next to it ``OUT.labels.json`` with the tag names in id order, for
``ClassLabel``::

    names = json.load(open("train.jsonl.labels.json"))["names"]
    features = Features({"id": Value("string"), "document": Value("string"),
                         "tokens": Sequence(Value("string")),
                         "ner_tags": Sequence(ClassLabel(names=names)),
                         "offsets": Sequence(Sequence(Value("int32")))})
    load_dataset("json", data_files="train.jsonl", features=features)
"""

from __future__ import annotations

import json
from pathlib import Path

from annotator.core.model import Document
from annotator.core.tagging import OUTSIDE, Scheme
from annotator.formats.align import tag_label
from annotator.formats.declaration import Format
from annotator.formats.options import CLITICS, SCHEME
from annotator.formats.report import ExportReport
from annotator.formats.tagged import TaggedDocument, TaggedSentenceWriter
from annotator.formats.writing import ExportOptions, json_line, sidecar, write_atomic


def tag_names(labels: tuple[str, ...], scheme: Scheme) -> list[str]:
    """Every tag of the project's labels, ``O`` first, so ids stay the same
    from one export to the next whichever labels are used."""
    prefixes = "BIES" if Scheme(scheme) is Scheme.BIOES else "BI"
    return [OUTSIDE] + [f"{p}-{tag_label(label, labels)}" for label in labels for p in prefixes]


class HfWriter(TaggedSentenceWriter):
    def __init__(self, out: Path, options: ExportOptions, report: ExportReport):
        super().__init__(out, options, report)
        self.names = tag_names(options.labels, options.scheme)
        self.ids = {name: i for i, name in enumerate(self.names)}
        self.prefixes: set[str] = set()
        self.document_names: set[str] = set()
        self.repeated = 0  # documents whose name an earlier one had
        self.first_repeated = ""  # the first such name, to show in the warning
        self.renamed = 0  # documents whose row ids are not their name

    def _ids(self, tags: list[str]) -> list[int]:
        try:
            return list(map(self.ids.__getitem__, tags))
        except KeyError:
            return [self._id(t) for t in tags]

    def _id(self, tag: str) -> int:
        if tag not in self.ids:  # a label missing from the project's list
            self.ids[tag] = len(self.names)
            self.names.append(tag)
        return self.ids[tag]

    def write_document(self, document: Document, tagged: TaggedDocument) -> None:
        prefix = self._row_prefix(document.name)
        tokens = tagged.tokens
        ids = self._ids(tagged.tags)  # one level: nothing nested
        lines = []
        for k, (a, b) in enumerate(tagged.sentences):
            row = {"id": f"{prefix}#{k + 1}", "document": document.name,
                   "tokens": tokens.texts[a:b], "ner_tags": ids[a:b],
                   "offsets": list(zip(tokens.starts[a:b], tokens.ends[a:b]))}  # JSON arrays
            lines.append(json_line(row))
        self.file.write("".join(lines))

    def _row_prefix(self, name: str) -> str:
        """``name``, or ``name~2``, ``name~3``... for a name met before, so
        that row ids (``PREFIX#k``) are unique."""
        prefix, n = name, 1
        while prefix in self.prefixes:
            n += 1
            prefix = f"{name}~{n}"
        self.prefixes.add(prefix)
        self.renamed += prefix != name
        if name in self.document_names:
            self.repeated += 1
            self.first_repeated = self.first_repeated or name
        self.document_names.add(name)
        return prefix

    def conclude(self) -> None:
        super().conclude()
        if self.repeated:
            # Rows map back to their text by name: one name, two texts, said.
            self.report.warnings.append(
                f"{self.repeated} documents have the name of a document before them "
                f"({self.first_repeated}...): \"document\" does not tell their rows apart; "
                f"their row ids begin {self.first_repeated}~2, {self.first_repeated}~3...")
        if self.renamed > self.repeated:
            self.report.warnings.append(
                f"{self.renamed - self.repeated} documents are named as the row ids made for "
                "another (NAME~2): their own row ids begin NAME~2~2...")

    def finish(self) -> list[Path]:
        labels = sidecar(self.out, "labels.json")
        info = {"names": self.names, "scheme": Scheme(self.options.scheme).value}
        # The names first: a full disk fails before the rows take their place.
        write_atomic(labels, json.dumps(info, ensure_ascii=False, indent=1) + "\n")
        return super().finish() + [labels]


FORMAT = Format("hf", "Hugging Face (JSON lines per sentence)", writer=HfWriter,
                write_options=(SCHEME, CLITICS), output_ending="-hf.jsonl",
                sidecars=("labels.json",))
