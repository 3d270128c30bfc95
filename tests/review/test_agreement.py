"""Agreement scores: hand-worked examples, edge cases, and the same numbers as
independent implementations (scikit-learn's Cohen's kappa, the krippendorff
package)."""

import itertools
import math
import random
import warnings

import krippendorff
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score

from annotator.core.agreement import (
    PRF,
    DocumentLayers,
    _max_overlap_matching,
    cohen_kappa,
    compare_spans,
    compute_agreement,
    krippendorff_alpha,
    token_tags,
)
from annotator.core.model import Span
from annotator.core.tokenize import tokenize

TEXT = "Xi Jinping met Tokayev in Astana ."
#       0  3       11  15      23 26     33


def doc(text, document_id=1, **layers):
    return DocumentLayers(document_id, text,
                          {name: [Span(*key) for key in keys] for name, keys in layers.items()})


def test_prf_adds_up_like_spacys_scorer():
    total = PRF(1, 2, 3) + PRF(4, 0, 1)
    assert (total.tp, total.fp, total.fn) == (5, 2, 4)
    assert total.precision == 5 / 7 and total.recall == 5 / 9
    assert total.f1 == pytest.approx(2 * 5 / (2 * 5 + 2 + 4))
    assert PRF().f1 is None and PRF().precision is None and PRF().recall is None
    assert PRF(0, 0, 3).f1 == 0.0 and PRF(0, 0, 3).precision is None


def test_hand_worked_pair():
    # Tokens: Xi Jinping met Tokayev in Astana .
    alice = [(0, 10, "PERSON"), (15, 22, "PERSON")]
    bob = [(0, 10, "PERSON"), (26, 32, "ORG")]
    report = compute_agreement([doc(TEXT, alice=alice, bob=bob)], ["alice", "bob"])
    [pair] = report.to_json()["pairs"]
    assert (pair["a"], pair["b"], pair["documents"], pair["tokens"]) == ("alice", "bob", 1, 7)
    assert pair["exact_f1"]["micro"] == 0.5
    assert pair["exact_f1"]["by_label"] == {"ORG": 0.0, "PERSON": 2 / 3}
    assert pair["overlap_f1"]["micro"] == 0.5
    # alice: B-P I-P O B-P O O O; bob: B-P I-P O O O B-O O -> 5 of 7 agree.
    # chance: (B-P 2*1 + I-P 1*1 + O 4*4) / 49 = 19/49; kappa = (35-19)/(49-19).
    assert pair["token_kappa"] == pytest.approx(16 / 30)
    assert pair["label_confusion"] == {"PERSON": {"PERSON": 1}}
    assert pair["boundary_disagreements"] == {"total": 0, "by_label": {}}


def test_overlap_boundary_and_confusion():
    text = "On Wednesday the Communist Party of China met."
    a = [(3, 12, "DATE"), (17, 41, "ORG")]
    b = [(0, 12, "DATE"), (17, 41, "PERSON")]
    result = compare_spans(a, b)
    assert result.exact_micro == PRF(0, 2, 2)
    assert result.overlap["DATE"] == PRF(1, 0, 0)
    assert result.overlap_micro == PRF(1, 1, 1)
    assert result.boundary == {"DATE": 1}
    assert result.confusion == {("ORG", "PERSON"): 1}
    assert text[3:12] == "Wednesday"


def test_overlap_matching_is_one_to_one_and_maximal():
    # alice's long span overlaps both of bob's: only one of them matches.
    result = compare_spans([(0, 10, "ORG")], [(0, 4, "ORG"), (5, 10, "ORG")])
    assert result.overlap["ORG"] == PRF(1, 0, 1)
    # Greedy would give a1 b1 and leave a2 alone; the maximum matches both.
    assert _max_overlap_matching([(0, 5, "X"), (8, 9, "X")], [(0, 10, "X"), (2, 3, "X")]) == 2


intervals = st.lists(st.tuples(st.integers(0, 12), st.integers(1, 6)).map(
    lambda t: (t[0], t[0] + t[1], "X")), max_size=5, unique=True)


@given(intervals, intervals)
@settings(max_examples=200, deadline=None)
def test_matching_agrees_with_brute_force(left, right):
    def overlaps(x, y):
        return x[0] < y[1] and y[0] < x[1]

    best = 0
    for k in range(min(len(left), len(right)), 0, -1):
        if any(all(overlaps(x, y) for x, y in zip(chosen, perm))
               for chosen in itertools.combinations(left, k)
               for perm in itertools.permutations(right, k)):
            best = k
            break
    assert _max_overlap_matching(left, right) == best


def test_labels_in_only_one_layer_score_zero_and_unused_labels_are_absent():
    result = compare_spans([(0, 2, "PERSON"), (3, 10, "DATE")], [(0, 2, "PERSON")])
    assert result.exact["DATE"].f1 == 0.0
    assert result.exact["PERSON"].f1 == 1.0
    assert "ORG" not in result.exact


def test_spans_are_widened_to_tokens_and_overlaps_keep_the_longest():
    tokens = tokenize(TEXT)
    # "inping" (4-10) widens to "Jinping"; "Xi Jinping met" beats "Jinping" (ORG).
    assert token_tags(tokens, [(4, 10, "PERSON")]) == ["O", "B-PERSON", "O", "O", "O", "O", "O"]
    tags = token_tags(tokens, [(3, 10, "ORG"), (0, 14, "PERSON"), (26, 32, "ORG")])
    assert tags == ["B-PERSON", "I-PERSON", "I-PERSON", "O", "O", "B-ORG", "O"]
    # A span only on spaces covers no token and is dropped.
    assert token_tags(tokens, [(2, 3, "ORG")]) == ["O"] * 7


def test_edge_cases_are_defined():
    # Both annotated, neither marked anything: F1 and kappa undefined (null).
    report = compute_agreement([doc(TEXT, alice=[], bob=[])], ["alice", "bob"]).to_json()
    [pair] = report["pairs"]
    assert pair["documents"] == 1 and pair["tokens"] == 7
    assert pair["exact_f1"]["micro"] is None and pair["overlap_f1"]["micro"] is None
    assert pair["exact_f1"]["by_label"] == {}
    assert pair["token_kappa"] is None
    assert report["token_alpha"] is None
    # One annotator with no spans: F1 0, kappa 0 (agreement exactly at chance).
    report = compute_agreement([doc(TEXT, alice=[(0, 10, "PERSON")], bob=[])],
                               ["alice", "bob"]).to_json()
    [pair] = report["pairs"]
    assert pair["exact_f1"]["micro"] == 0.0 and pair["exact_f1"]["precision"] == 0.0
    assert pair["exact_f1"]["recall"] is None
    assert pair["token_kappa"] == pytest.approx(0.0)
    # An empty document counts as annotated by both but adds no token.
    report = compute_agreement([doc("", alice=[], bob=[])], ["alice", "bob"]).to_json()
    assert report["pairs"][0]["documents"] == 1 and report["pairs"][0]["tokens"] == 0
    assert report["pairs"][0]["token_kappa"] is None
    # No document in common.
    report = compute_agreement([doc(TEXT, 1, alice=[]), doc(TEXT, 2, bob=[])],
                               ["alice", "bob"]).to_json()
    assert report["documents"] == 0 and report["pairs"][0]["documents"] == 0
    assert report["pairs"][0]["token_kappa"] is None


def test_documents_count_only_what_both_annotated():
    documents = [
        doc(TEXT, 1, alice=[(0, 10, "PERSON")], bob=[(0, 10, "PERSON")], carol=[]),
        doc(TEXT, 2, alice=[(0, 10, "PERSON")], carol=[(15, 22, "PERSON")]),
        doc(TEXT, 3, bob=[(0, 10, "PERSON")]),
    ]
    report = compute_agreement(documents, ["alice", "bob", "carol"]).to_json()
    counts = {(p["a"], p["b"]): p["documents"] for p in report["pairs"]}
    assert counts == {("alice", "bob"): 1, ("alice", "carol"): 2, ("bob", "carol"): 1}
    assert report["documents"] == 2
    # Only shared documents are scored: bob's span on doc 3 is no false negative.
    alice_bob = report["pairs"][0]
    assert (alice_bob["exact_f1"]["tp"], alice_bob["exact_f1"]["fn"]) == (1, 0)


def random_layers(rng, names, documents=6):
    """Annotators who mostly follow one reading, with misses, relabels, shifted
    boundaries (not always on tokens), extra and overlapping spans."""
    words = "Xi Jinping met Tokayev in Astana on Wednesday and praised the Belt and Road ."
    labels = ["PERSON", "ORG", "DATE"]
    result = []
    for number in range(documents):
        text = " ".join(rng.sample(words.split(), 10))
        tokens = tokenize(text)

        def random_span():
            first = rng.randrange(len(tokens))
            last = min(len(tokens) - 1, first + rng.randint(0, 2))
            return (tokens[first].start, tokens[last].end, rng.choice(labels))

        truth = {random_span() for _ in range(rng.randint(0, 4))}
        layers = {}
        for name in names:
            if rng.random() < 0.2:
                continue  # this annotator did not annotate the document
            spans = set()
            for start, end, label in truth:
                if rng.random() < 0.15:
                    continue
                if rng.random() < 0.15:
                    label = rng.choice(labels)
                if rng.random() < 0.15:
                    start = min(end - 1, start + 1)
                spans.add((start, end, label))
            if rng.random() < 0.3:
                spans.add(random_span())
            layers[name] = [Span(*s) for s in sorted(spans)]
        result.append(DocumentLayers(number, text, layers))
    return result


@pytest.mark.parametrize("seed", range(12))
def test_kappa_and_alpha_match_scikit_learn_and_krippendorff(seed):
    rng = random.Random(seed)
    names = ["alice", "bob", "carol"]
    documents = random_layers(rng, names)
    report = compute_agreement(documents, names)
    # Independent reference computation: tags per token, per annotator.
    columns = {name: [] for name in names}  # None where not annotated
    for document in documents:
        tokens = tokenize(document.text)
        for name in names:
            if name in document.layers:
                columns[name] += token_tags(tokens, [s.key for s in document.layers[name]])
            else:
                columns[name] += [None] * len(tokens)
    for pair in report.to_json()["pairs"]:
        both = [(x, y) for x, y in zip(columns[pair["a"]], columns[pair["b"]])
                if x is not None and y is not None]
        assert pair["tokens"] == len(both)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            expected = cohen_kappa_score([x for x, _ in both], [y for _, y in both]) \
                if both else float("nan")
        if math.isnan(expected):
            assert pair["token_kappa"] is None
        else:
            assert pair["token_kappa"] == pytest.approx(expected)
        shared = [d for d in documents if pair["a"] in d.layers and pair["b"] in d.layers]
        a_keys = {(d.document_id, *s.key) for d in shared for s in d.layers[pair["a"]]}
        b_keys = {(d.document_id, *s.key) for d in shared for s in d.layers[pair["b"]]}
        exact = pair["exact_f1"]
        assert (exact["tp"], exact["fp"], exact["fn"]) == (
            len(a_keys & b_keys), len(a_keys - b_keys), len(b_keys - a_keys))
        assert pair["documents"] == len(shared)
    codes = {tag: i for i, tag in enumerate(sorted(
        {t for column in columns.values() for t in column if t is not None}))}
    data = np.array([[np.nan if t is None else codes[t] for t in columns[name]]
                     for name in names], dtype=float)
    expected = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    assert report.alpha.alpha == pytest.approx(expected)


def test_cohen_kappa_and_alpha_helpers_on_small_cases():
    assert cohen_kappa(["O", "O"], ["O", "O"]) is None  # chance agreement is 1
    assert cohen_kappa(["B-X", "O"], ["B-X", "O"]) == 1.0
    assert cohen_kappa([], []) is None
    # Krippendorff's textbook-style check: perfect agreement is 1, one value only is null.
    assert krippendorff_alpha([["a", "a"], ["b", "b", "b"]]) == 1.0
    assert krippendorff_alpha([["a", "a"], ["a", "a"]]) is None
    assert krippendorff_alpha([["a"]]) is None
    data = [["a", "b"], ["a", "a"], ["b", "b"], ["b", "a", "b"]]
    reference = krippendorff.alpha(
        reliability_data=np.array([[0, 0, 1, 1], [1, 0, 1, 0], [np.nan, np.nan, np.nan, 1]]),
        level_of_measurement="nominal")
    assert krippendorff_alpha(data) == pytest.approx(reference)
