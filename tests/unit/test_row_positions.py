import random

import pytest

from annotator.core.row_positions import RowPositions


@pytest.mark.parametrize("seed", range(20))
def test_a_run_less_exclusions_agrees_with_the_plain_list(seed):
    rng = random.Random(seed)
    lo = rng.randrange(1, 50)
    hi = lo + rng.randrange(0, 300)
    excluded = sorted(rng.sample(range(lo, hi + 1), rng.randrange(0, hi - lo + 2)))
    kept = [i for i in range(lo, hi + 1) if i not in set(excluded)]
    positions = RowPositions.run(lo, hi, excluded)
    listed = RowPositions.of(kept)
    assert len(positions) == len(listed) == len(kept)
    for row, document_id in enumerate(kept):
        assert positions.id_at(row) == listed.id_at(row) == document_id
        assert positions.position_of(document_id) == listed.position_of(document_id) == row
    for gone in excluded + [lo - 1, hi + 1]:
        assert positions.position_of(gone) == listed.position_of(gone) == -1
    with pytest.raises(IndexError):
        positions.id_at(len(kept))


def test_an_empty_project_has_no_rows():
    assert len(RowPositions.run(None, None)) == 0
    assert RowPositions.run(None, None).position_of(1) == -1
