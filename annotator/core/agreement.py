"""Agreement between annotators: span F1 (exact and overlap), token-level
Cohen's kappa on IOB2 tags, and token-level Krippendorff's alpha over all.

Every count adds up over documents (like spaCy's ``PRFScore``), so a corpus
score is the sum of document counts, never an average of document scores.

Edge cases, defined once (the README repeats them):

- ``f1 = 2tp / (2tp + fp + fn)``. It is ``None`` (JSON null) when both layers
  hold no span: there is nothing to agree or disagree on. Precision and
  recall are ``None`` when their denominator is 0. Precision reads the first
  annotator of a pair as the prediction and the second as the reference.
- Exact match: same start, end and label. Overlap match: exact matches first,
  then a one-to-one maximum matching of the remaining spans that overlap and
  have the same label; each such pair is a boundary-only disagreement.
- Label confusion: spans with the same start and end in both layers, counted
  by (label of a, label of b); the diagonal holds the exact matches.
- Tokens come from ``core.tokenize``. Spans are widened to whole tokens and
  overlapping spans of one layer are resolved by the one policy of
  ``core.overlaps`` (the longest in characters, then the earliest, then the
  first label), since IOB tags cannot overlap.
- Cohen's kappa is ``None`` when there are no tokens or when chance agreement
  is 1, i.e. both annotators gave every token the same single tag (typically
  all ``O``): kappa is 0/0 there (scikit-learn returns NaN).
- Krippendorff's alpha (nominal) takes each token as a unit and the tags of
  the annotators who annotated its document as values; units with fewer than
  two values are left out. ``None`` when fewer than two values remain or only
  one tag occurs at all.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from operator import eq

from annotator.core.model import Span
from annotator.core.overlaps import keep_longest
from annotator.core.tagging import OUTSIDE
from annotator.core.tokenize import Token, Tokens, token_columns

SpanKey = tuple[int, int, str]


@dataclass
class PRF:
    """True positives, false positives and false negatives that add up."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __iadd__(self, other: PRF) -> PRF:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        total = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / total if total else None


def _micro(by_label: Mapping[str, PRF]) -> PRF:
    total = PRF()
    for score in by_label.values():
        total += score
    return total


@dataclass
class SpanComparison:
    """Span-level comparison of two layers, ``a`` against ``b``."""

    exact: dict[str, PRF] = field(default_factory=dict)
    overlap: dict[str, PRF] = field(default_factory=dict)
    confusion: Counter = field(default_factory=Counter)  # (label a, label b) -> n
    boundary: Counter = field(default_factory=Counter)   # label -> n

    def __iadd__(self, other: SpanComparison) -> SpanComparison:
        for mine, theirs in ((self.exact, other.exact), (self.overlap, other.overlap)):
            for label, score in theirs.items():
                mine.setdefault(label, PRF())
                mine[label] += score
        self.confusion.update(other.confusion)
        self.boundary.update(other.boundary)
        return self

    @property
    def exact_micro(self) -> PRF:
        return _micro(self.exact)

    @property
    def overlap_micro(self) -> PRF:
        return _micro(self.overlap)


def compare_spans(a: Iterable[SpanKey], b: Iterable[SpanKey]) -> SpanComparison:
    """Compare two layers of one document, spans given as (start, end, label)."""
    a_set, b_set = set(a), set(b)
    exact = a_set & b_set
    a_rest, b_rest = a_set - exact, b_set - exact
    result = SpanComparison()
    for label in sorted({key[2] for key in a_set | b_set}):
        tp = sum(1 for key in exact if key[2] == label)
        left = [key for key in a_rest if key[2] == label]
        right = [key for key in b_rest if key[2] == label]
        result.exact[label] = PRF(tp, len(left), len(right))
        matched = _max_overlap_matching(left, right)
        result.overlap[label] = PRF(tp + matched, len(left) - matched, len(right) - matched)
        if tp:
            result.confusion[(label, label)] += tp
        if matched:
            result.boundary[label] += matched
    result.confusion.update(_relabelled(a_rest, b_rest))
    return result


def _relabelled(a_rest: set[SpanKey], b_rest: set[SpanKey]) -> Counter:
    """Pairs of spans with the same boundaries and different labels."""
    by_bounds: dict[tuple[int, int], tuple[list[str], list[str]]] = {}
    for side, keys in ((0, a_rest), (1, b_rest)):
        for start, end, label in keys:
            by_bounds.setdefault((start, end), ([], []))[side].append(label)
    confusion: Counter = Counter()
    for a_labels, b_labels in by_bounds.values():
        for pair in zip(sorted(a_labels), sorted(b_labels)):
            confusion[pair] += 1
    return confusion


def _max_overlap_matching(left: list[SpanKey], right: list[SpanKey]) -> int:
    """Size of a maximum one-to-one matching between overlapping spans
    (Kuhn's augmenting paths, iterative so long chains cannot overflow)."""
    if not left or not right:
        return 0
    left = sorted(left)
    right = sorted(right)
    starts = [r[0] for r in right]
    reach = []  # the furthest end among right[:i + 1]: spans before a cut end too early
    for r in right:
        reach.append(max(reach[-1], r[1]) if reach else r[1])
    edges = []
    for start, end, _ in left:
        lo, hi = bisect_right(reach, start), bisect_left(starts, end)
        edges.append([j for j in range(lo, hi) if right[j][1] > start])
    owner = [-1] * len(right)
    matched = 0
    for root in range(len(left)):
        seen: set[int] = set()
        stack = [(root, iter(edges[root]))]
        trail: list[int] = []  # the right span tried at each level of the stack
        while stack:
            _, candidates = stack[-1]
            j = next((j for j in candidates if j not in seen), None)
            if j is None:
                stack.pop()
                if trail:
                    trail.pop()
                continue
            seen.add(j)
            trail.append(j)
            if owner[j] == -1:
                for (i, _), taken in zip(stack, trail):
                    owner[taken] = i
                matched += 1
                break
            stack.append((owner[j], iter(edges[owner[j]])))
    return matched


# -- tokens ------------------------------------------------------------------


def token_tags(tokens: Sequence[Token], spans: Iterable[SpanKey]) -> list[str]:
    """IOB2 tags of one layer: spans widened to whole tokens, and where they
    overlap the one ``core.overlaps`` keeps (the longest) is tagged."""
    return _LayerTagger(tokens).tags(spans)


class _LayerTagger:
    """IOB2 tags of any layer on one document's tokens; the tokens' offsets
    are indexed once for every annotator of the document."""

    def __init__(self, tokens: Sequence[Token] | Tokens):
        if isinstance(tokens, Tokens):  # the columns are there already
            self._starts, self._ends = tokens.starts, tokens.ends
        else:
            self._starts = [t.start for t in tokens]
            self._ends = [t.end for t in tokens]

    def tags(self, spans: Iterable[SpanKey]) -> list[str]:
        starts, ends = self._starts, self._ends
        widened, indices = [], {}
        for start, end, label in spans:
            first = bisect_right(ends, start)     # first token ending after start
            last = bisect_left(starts, end) - 1   # last token starting before end
            if first <= last:
                key = (starts[first], ends[last], label)
                widened.append(key)
                indices[key[:2]] = (first, last)
        tags = [OUTSIDE] * len(starts)
        # Kept spans do not overlap and lie on token edges: tag them by index
        # (what spans_to_tags would give, without indexing every token again).
        for start, end, label in keep_longest(widened, place=lambda span: span):
            first, last = indices[(start, end)]
            tags[first] = f"B-{label}"
            if last > first:
                tags[first + 1 : last + 1] = [f"I-{label}"] * (last - first)
        return tags


@dataclass
class TagAgreement:
    """Counts behind Cohen's kappa for two tag sequences; they add up."""

    tokens: int = 0
    agreed: int = 0
    a: Counter = field(default_factory=Counter)
    b: Counter = field(default_factory=Counter)

    def add(self, tags_a: Sequence[str], tags_b: Sequence[str]) -> None:
        self.tokens += len(tags_a)
        self.agreed += sum(map(eq, tags_a, tags_b))
        self.a.update(tags_a)
        self.b.update(tags_b)

    @property
    def kappa(self) -> float | None:
        if not self.tokens:
            return None
        n = self.tokens
        observed = self.agreed / n
        expected = sum(self.a[tag] * self.b[tag] for tag in self.a) / (n * n)
        if expected >= 1:
            return None
        return (observed - expected) / (1 - expected)


def cohen_kappa(tags_a: Sequence[str], tags_b: Sequence[str]) -> float | None:
    counts = TagAgreement()
    counts.add(tags_a, tags_b)
    return counts.kappa


@dataclass
class AlphaCounts:
    """Counts behind nominal Krippendorff's alpha; they add up over units."""

    values: Counter = field(default_factory=Counter)  # n_c over pairable units
    disagreement: float = 0.0  # sum over units of (m^2 - sum of n_uc^2) / (m - 1)

    def add_unit(self, unit_values: Sequence[str], times: int = 1) -> None:
        m = len(unit_values)
        if m < 2:
            return
        counts = Counter(unit_values)
        for value, count in counts.items():
            self.values[value] += count * times
        self.disagreement += times * (m * m - sum(c * c for c in counts.values())) / (m - 1)

    @property
    def alpha(self) -> float | None:
        n = sum(self.values.values())
        expected = n * n - sum(c * c for c in self.values.values())
        if n < 2 or expected == 0:
            return None
        return 1 - (n - 1) * self.disagreement / expected


def krippendorff_alpha(units: Iterable[Sequence[str]]) -> float | None:
    counts = AlphaCounts()
    for unit in units:
        counts.add_unit(unit)
    return counts.alpha


# -- the report --------------------------------------------------------------


@dataclass(frozen=True)
class DocumentLayers:
    """One document as agreement sees it. ``layers`` has an entry for every
    annotator who annotated it (spans or a status), empty if they marked nothing."""

    document_id: int
    text: str
    layers: Mapping[str, Sequence[Span]]


@dataclass
class PairAgreement:
    a: str
    b: str
    documents: int = 0
    spans: SpanComparison = field(default_factory=SpanComparison)
    tags: TagAgreement = field(default_factory=TagAgreement)

    def to_json(self) -> dict:
        exact, overlap = self.spans.exact_micro, self.spans.overlap_micro
        confusion: dict[str, dict[str, int]] = {}
        for (label_a, label_b), count in sorted(self.spans.confusion.items()):
            if count:
                confusion.setdefault(label_a, {})[label_b] = count
        return {
            "a": self.a,
            "b": self.b,
            "documents": self.documents,
            "exact_f1": _prf_json(exact, self.spans.exact),
            "overlap_f1": _prf_json(overlap, self.spans.overlap),
            "token_kappa": self.tags.kappa,
            "tokens": self.tags.tokens,
            "label_confusion": confusion,
            "boundary_disagreements": {
                "total": sum(self.spans.boundary.values()),
                "by_label": dict(sorted(self.spans.boundary.items())),
            },
        }


def _prf_json(micro: PRF, by_label: Mapping[str, PRF]) -> dict:
    return {
        "micro": micro.f1,
        "by_label": {label: by_label[label].f1 for label in sorted(by_label)},
        "precision": micro.precision,
        "recall": micro.recall,
        "tp": micro.tp,
        "fp": micro.fp,
        "fn": micro.fn,
    }


@dataclass
class AgreementReport:
    annotators: tuple[str, ...]
    pairs: list[PairAgreement]
    alpha: AlphaCounts = field(default_factory=AlphaCounts)
    documents: int = 0  # annotated by at least two of the annotators

    def to_json(self) -> dict:
        return {
            "annotators": list(self.annotators),
            "documents": self.documents,
            "token_alpha": self.alpha.alpha,
            "pairs": [pair.to_json() for pair in self.pairs],
        }


def compute_agreement(documents: Iterable[DocumentLayers],
                      annotators: Sequence[str]) -> AgreementReport:
    """Pairwise scores over the documents both annotators of a pair annotated,
    and alpha over all of them."""
    names = tuple(annotators)
    pairs = {(a, b): PairAgreement(a, b) for a, b in combinations(names, 2)}
    report = AgreementReport(names, list(pairs.values()))
    for document in documents:
        present = [name for name in names if name in document.layers]
        if len(present) < 2:
            continue
        report.documents += 1
        keys = {name: [span.key for span in document.layers[name]] for name in present}
        tagger = _LayerTagger(token_columns(document.text))
        tags = {name: tagger.tags(keys[name]) for name in present}
        for a, b in combinations(present, 2):
            pair = pairs[(a, b)]
            pair.documents += 1
            pair.spans += compare_spans(keys[a], keys[b])
            pair.tags.add(tags[a], tags[b])
        # Most tokens are O for everyone: count equal units once.
        for unit, times in Counter(zip(*(tags[name] for name in present))).items():
            report.alpha.add_unit(unit, times)
    return report
