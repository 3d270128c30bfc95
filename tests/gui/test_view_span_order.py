"""The text view's span list and underline levels stay what a full rebuild
gives, however spans come in: all at once, a few into many, or taken away."""

from __future__ import annotations

import random

import pytest

from annotator.core.model import Direction, Origin, Span
from annotator.ui.span_stack import stacking_levels
from annotator.ui.text_view import AnnotationView


def random_spans(rng, count, length=2000):
    spans, seen = [], set()
    while len(spans) < count:
        start = rng.randrange(length - 1)
        end = min(length, start + rng.randint(1, 30))
        label = rng.choice(["PERSON", "ORG", "DATE"])
        if (start, end, label) not in seen:
            seen.add((start, end, label))
            origin = rng.choice([Origin.MANUAL, Origin.SUGGESTED])
            spans.append(Span(start, end, label, id=len(spans) + 1, origin=origin))
    return spans


def test_levels_of_an_ordered_list_are_those_of_any_order_and_overlaps_differ():
    rng = random.Random(3)
    spans = random_spans(rng, 400)
    ordered = sorted(spans, key=lambda s: (s.start, -s.end, s.label))
    levels = stacking_levels(ordered, in_order=True)
    shuffled = ordered[:]
    rng.shuffle(shuffled)
    by_id = {shuffled[i].id: level for i, level in stacking_levels(shuffled).items()}
    assert {ordered[i].id: level for i, level in levels.items()} == by_id
    for i, a in enumerate(ordered):
        for j, b in enumerate(ordered[i + 1:], i + 1):
            if a.overlaps(b):
                assert levels[i] != levels[j]


def test_adding_a_few_or_many_and_removing_gives_the_full_rebuild(qtbot):
    rng = random.Random(4)
    spans = random_spans(rng, 600)
    view, rebuilt = AnnotationView(), AnnotationView()
    qtbot.addWidget(view)
    qtbot.addWidget(rebuilt)
    text = "x" * 2000
    view.show_document(text, Direction.LTR, None, spans[:500], {})
    view.add_spans(spans[500:520])  # a few into many
    view.add_spans(spans[520:])  # many
    view.remove_spans([s.id for s in spans[::7]])
    kept = [s for s in spans if s not in spans[::7]]
    rebuilt.show_document(text, Direction.LTR, None, kept, {})
    assert view.spans == rebuilt.spans
    assert view.underline_levels == rebuilt.underline_levels
    assert view.suggestion_outlines(300, 900) == rebuilt.suggestion_outlines(300, 900) != []
    assert {s.id for s, _ in view.suggestion_outlines(300, 900)} == {
        s.id for s in kept if s.is_suggestion and s.start < 900 and s.end > 300}


@pytest.mark.parametrize("grouped", [False, True])
def test_the_span_list_follows_edits_row_by_row_as_a_rebuild_would(qtbot, grouped):
    """Adds, removals, relabels and moves, a few at a time: the rows, and
    what they show, are those of the list made again from all the spans,
    listed by place or grouped by entity (a few entities of many mentions)."""
    from dataclasses import replace

    from annotator.core.model import Status
    from annotator.store.editing import Change
    from annotator.ui.span_list import SpanTableModel

    rng = random.Random(7)
    text = "word " * 400
    spans = {s.id: s for s in random_spans(rng, 300)}
    for span in rng.sample(list(spans.values()), 60):
        spans[span.id] = replace(span, entity=rng.choice([1, 2, 3, 4, 5, 6]))
    colors, names = {"PERSON": "#f4a261", "ORG": "#2a9d8f", "DATE": "#e9c46a"}, {}
    model, rebuilt = SpanTableModel(), SpanTableModel()
    model.grouped = rebuilt.grouped = grouped
    order = lambda s: (s.start, -s.end, s.label)  # noqa: E731
    model.set_spans(text, sorted(spans.values(), key=order), colors, names)
    inserted = []
    model.rowsInserted.connect(lambda parent, first, last: inserted.append(first))
    next_id = 1000
    for _ in range(200):
        added, removed, updated, touched = [], [], [], set()
        for _ in range(rng.randint(1, 3)):
            kind = rng.choice(["add", "remove", "relabel", "move"])
            span = spans[rng.choice(list(spans))]
            keys = {s.key for s in spans.values()}
            if kind == "add":
                next_id += 1
                new = Span(rng.randrange(1990), rng.randrange(1991, 2000), "ORG", id=next_id)
                if new.key not in keys:  # the file holds no two alike
                    spans[next_id] = new
                    added.append(new)
                    touched.add(next_id)
                continue
            if span.id in touched or span.entity is not None and rng.random() < 0.8:
                continue
            touched.add(span.id)
            if kind == "remove":
                removed.append(spans.pop(span.id))
                continue
            new = (replace(span, label=rng.choice(["PERSON", "ORG", "DATE"])) if kind == "relabel"
                   else replace(span, start=max(0, span.start - rng.randint(0, 5))))
            if new.key not in keys:
                spans[span.id] = new
                updated.append(new)
        model.apply_change(Change(1, Status.IN_PROGRESS, 0, tuple(added), tuple(removed),
                                  tuple(updated)))
        rebuilt.set_spans(text, sorted(spans.values(), key=order), colors, names)
        assert [model.row_item(r) for r in range(model.rowCount())] == \
            [rebuilt.row_item(r) for r in range(rebuilt.rowCount())]
    assert inserted  # rows went in one by one, not by a reset
    row = rng.randrange(model.rowCount())
    for column in range(3):
        index, same = model.index(row, column), rebuilt.index(row, column)
        assert model.data(index) == rebuilt.data(same)


def test_an_entity_row_still_reads_across_after_a_row_goes_in_above_it(qtbot):
    from annotator.core.model import Status
    from annotator.store.editing import Change
    from annotator.ui.span_list import EntityRow, SpanListView

    view = SpanListView()
    qtbot.addWidget(view)
    view.show()
    model = view.span_model
    model.grouped = True
    model.set_spans("x" * 100, [Span(10, 12, "ORG", id=1, entity=1), Span(20, 22, "ORG", id=2, entity=1),
                                Span(30, 32, "ORG", id=3)], {}, {})
    assert isinstance(model.row_item(0), EntityRow) and view.columnSpan(0, 1) == 2
    model.apply_change(Change(1, Status.IN_PROGRESS, 0, added=(Span(2, 4, "ORG", id=9),)))
    assert model.row_item(0).id == 9 and isinstance(model.row_item(1), EntityRow)
    assert view.columnSpan(1, 1) == 2 and view.columnSpan(0, 1) == 1
