"""The document list's order and filters in the store: every sort key, both
directions and every filter give the ids a plain Python sort of the same rows
gives (the oracle), ties in import order."""

from __future__ import annotations

import random

import pytest

from annotator.core.document_query import SORT_KEYS, DocumentQuery
from annotator.core.model import Origin, Status
from annotator.core.text import sha256_of
from annotator.store import Project

STATUS_RANK = {Status.TODO: 0, Status.IN_PROGRESS: 1, Status.DONE: 2}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """40 documents in shuffled names, two languages, 0 to 3 spans of
    alice's (and a suggestion, which counts for nothing), some statuses."""
    rng = random.Random(5)
    path = tmp_path_factory.mktemp("order") / "p.db"
    truth = {}
    with Project.open(path) as p:
        names = [f"doc-{n:02d}" for n in range(40)]
        rng.shuffle(names)
        rows = [{"name": name, "text": f"{name} Ala ma kota i psa", "lang": rng.choice(["ar", "pl"]),
                 "direction": "ltr", "sha256": sha256_of(name)} for name in names]
        ids = p.insert_documents(rows)
        for doc_id, row in zip(ids, rows):
            spans = rng.randrange(0, 4)
            for k in range(spans):
                p.add_span(doc_id, "alice", 7 + 4 * k, 9 + 4 * k, "PERSON")
            if rng.random() < 0.3:
                p.add_span(doc_id, "alice", 0, 3, "ORG", origin=Origin.SUGGESTED)
            status = rng.choice([Status.TODO, Status.IN_PROGRESS, Status.DONE])
            p.set_status(doc_id, "alice", status)
            status = p.status(doc_id, "alice")
            truth[doc_id] = {"name": row["name"], "lang": row["lang"], "status": status,
                             "spans": spans}
    return path, truth


def expected(truth, query: DocumentQuery) -> list[int]:
    kept = [i for i, t in truth.items()
            if (query.status is None or t["status"] is query.status)
            and (query.lang is None or t["lang"] == query.lang)
            and (query.labelled is None or (t["spans"] > 0) == query.labelled)]
    key = {"name": lambda i: truth[i]["name"], "lang": lambda i: truth[i]["lang"],
           "status": lambda i: STATUS_RANK[truth[i]["status"]], "spans": lambda i: truth[i]["spans"],
           None: lambda i: 0}[query.sort]
    ordered = sorted(sorted(kept), key=key)  # stable: ties in import (id) order
    return ordered[::-1] if query.descending else ordered


QUERIES = ([DocumentQuery(sort=k, descending=d) for k in SORT_KEYS for d in (False, True)]
           + [DocumentQuery(descending=True), DocumentQuery(lang="ar"), DocumentQuery(labelled=False), DocumentQuery(labelled=True),
              DocumentQuery(status=Status.DONE, lang="pl", sort="spans", descending=True),
              DocumentQuery(status=Status.TODO, labelled=True, sort="name")])


@pytest.mark.parametrize("query", QUERIES, ids=repr)
def test_rows_in_the_query_order_and_each_row_read_back(project, query):
    path, truth = project
    with Project.open(path, create=False) as p:
        positions = p.document_list_positions("alice", query)
        ids = [positions.id_at(row) for row in range(len(positions))]
        assert ids == expected(truth, query)
        assert all(positions.position_of(doc) == row for row, doc in enumerate(ids))
        page = p.document_rows_of("alice", ids[3:9])
        assert [row.id for row in page] == ids[3:9]
        assert [row.span_count for row in page] == [truth[i]["spans"] for i in ids[3:9]]


def test_the_languages_of_the_project(project):
    path, _ = project
    with Project.open(path, create=False) as p:
        assert p.document_languages() == ["ar", "pl"]


def test_an_unknown_sort_key_is_refused():
    with pytest.raises(ValueError, match="unknown sort key"):
        DocumentQuery(sort="size")
