"""The text view's spans and underline levels, kept up one edit at a time,
stay what stacking them all again gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.model import Span
from annotator.ui.span_stack import SpanStack

# Short texts and long spans: overlaps, nesting and long runs of them are common.
place = st.tuples(st.integers(0, 60), st.integers(1, 25), st.sampled_from(["A", "B", "C"]))
# Each step adds one span (a place) or removes the span made that many steps before.
steps = st.lists(st.one_of(place, st.integers(0, 40)), min_size=1, max_size=80)


def rebuilt(spans):
    fresh = SpanStack()
    fresh.reset(spans)
    return fresh


@settings(max_examples=300, deadline=None)
@given(st.lists(place, max_size=30), steps)
def test_one_edit_at_a_time_gives_the_full_rebuild(first, edits):
    stack = SpanStack()
    made = [Span(start, start + length, label, id=n) for n, (start, length, label) in enumerate(first)]
    stack.reset(made)
    kept = dict((s.id, s) for s in made)
    for step in edits:
        if isinstance(step, tuple):
            start, length, label = step
            span = Span(start, start + length, label, id=len(made))
            made.append(span)
            kept[span.id] = span
            stack.add([span])
        elif kept:
            gone = list(kept)[-1 - step % len(kept)]
            assert stack.remove([gone]) == [kept.pop(gone)]
        whole = rebuilt(kept.values())
        assert stack.spans == whole.spans
        assert stack.levels == whole.levels


def test_a_span_over_everything_joins_every_run_and_leaves_them_apart():
    words = [Span(n * 10, n * 10 + 5, "A", id=n) for n in range(50)]
    stack = SpanStack()
    stack.reset(words)
    assert stack.levels == {}
    cover = Span(0, 500, "B", id=99)
    stack.add([cover])
    assert stack.levels == {cover: 0, **{w: 1 for w in words}}
    stack.remove([99])
    assert stack.levels == {} and stack.spans == words
    assert stack.get(99) is None and stack.get(7) is words[7]


def test_many_spans_at_once_and_a_removal_of_unknown_ids():
    stack = SpanStack()
    spans = [Span(n, n + 3, "A", id=n) for n in range(40)]
    stack.add(spans[:30])
    stack.add(spans[30:])
    assert stack.spans == rebuilt(spans).spans and stack.levels == rebuilt(spans).levels
    assert stack.remove([1000]) == []
    # Those that can reach 20: starting at most the longest length (3) before it.
    assert stack.near(20, 21) == spans[17:21]
