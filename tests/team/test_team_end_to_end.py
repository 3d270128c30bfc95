"""A coordinator's whole path: one master, eight annotators' files, labelling
in those files, collecting in several rounds (a new batch in between),
progress with agreement, review and a gold export."""

from __future__ import annotations

import json

from annotator.core.model import DocumentRecord, Status
from annotator.store import Project
from annotator.store.adjudication import Adjudication

TEAM = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "hank"]


def label_file(path, annotator, finish=True):
    """What an annotator does in their file: Xi Jinping and Tokayev; hank
    takes Tokayev for an organisation."""
    with Project.open(path) as project:
        for document_id in project.document_ids():
            text = project.document(document_id).text
            xi, tok = text.index("Xi Jinping"), text.index("Tokayev")
            project.add_span(document_id, annotator, xi, xi + 10, "PERSON")
            project.add_span(document_id, annotator, tok, tok + 7,
                             "ORG" if annotator == "hank" else "PERSON")
            if finish:
                project.set_status(document_id, annotator, Status.DONE)


def progress(cli, master):
    status, text, err = cli("progress", master, "--json")
    assert status == 0, err
    return json.loads(text)


def test_master_to_eight_files_to_rounds_of_collecting_to_gold(master, tmp_path, cli):
    out = tmp_path / "team"
    status, text, err = cli("assign", master, "--to", *TEAM, "--out", out, "--overlap", "0.25",
                            "--seed", "7")
    assert status == 0, err
    files = {name: out / f"{name}.db" for name in TEAM}
    assert all(path.exists() for path in files.values())

    # round 1 of collecting: half the team has finished, the others have not started
    for name in TEAM[:4]:
        label_file(files[name], name)
    assert cli("merge", master, *files.values())[0] == 0
    report = progress(cli, master)
    by_name = {a["name"]: a for a in report["annotators"]}
    assert all(by_name[n]["done"] == by_name[n]["assigned"] > 0 for n in TEAM[:4])
    assert all(by_name[n]["done"] == 0 and by_name[n]["last_collected"] for n in TEAM[4:])

    # a new batch arrives and goes out as round 2; nobody's first file is touched
    before = {name: path.read_bytes() for name, path in files.items()}
    with Project.open(master) as project:
        project.import_records(DocumentRecord(f"new-{i}", f"News {i}: Xi Jinping and Tokayev.")
                               for i in range(16))
    status, text, err = cli("assign", master, "--to", *TEAM, "--out", out, "--overlap", "0.25")
    assert status == 0 and "round 2: 16 documents" in text, err
    assert {name: path.read_bytes() for name, path in files.items()} == before

    # round 2 of collecting: everyone finishes both files
    for name in TEAM[4:]:
        label_file(files[name], name)
    round2 = sorted(out.glob("*-round2.db"))
    for path in round2:
        label_file(path, path.name.split("-round2")[0])
    status, text, err = cli("merge", master, *files.values(), *round2)
    assert status == 0, err
    assert "not assigned" not in text
    report = progress(cli, master)
    assert report["documents"] == {"unassigned": 0, "todo": 0, "in_progress": 0, "done": 56}
    assert report["finished_overlaps"] >= 10
    pairs = [p for p in report["agreement"]["pairs"] if p["documents"]]
    assert pairs and all(p["exact_f1"]["micro"] == (0.5 if "hank" in (p["a"], p["b"]) else 1.0)
                         for p in pairs)

    # a third collection brings nothing new
    status, text, _ = cli("merge", master, *files.values(), *round2)
    assert status == 0 and "nothing changed" in text

    # review: agreed spans go to gold, hank's disagreements are decided for PERSON
    with Project.open(master) as project:
        review = Adjudication(project)
        reviewed = review.ranked_documents()
        assert len(reviewed) == report["finished_overlaps"]
        for document in reviewed:
            review.accept_agreed(document.document_id)
            for group in review.disagreements(document.document_id).groups:
                review.resolve(document.document_id, group,
                               [c for c in group.candidates if c.label == "PERSON"])
            review.finish(document.document_id)
    gold = tmp_path / "gold.jsonl"
    status, _, err = cli("export", master, "--format", "jsonl", "--gold", "--out", gold)
    assert status == 0, err
    lines = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    exported = [line for line in lines if line["spans"]]
    assert len(exported) == len(reviewed)
    for line in exported:
        assert [(s["label"], line["text"][s["start"]:s["end"]]) for s in line["spans"]] == [
            ("PERSON", "Xi Jinping"), ("PERSON", "Tokayev")]
