"""The character model's lookups (cleaners.charlm): each distinct query searched once, order-2 contexts gathered
from a table; the same scores as one binary search per row, on real article text."""

from pathlib import Path

import numpy as np
import pytest

from cleaners.charlm import ORDER, CharLM, _find_sorted, normalise, windows

REFERENCE = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "daniel-zh-dev" / "reference"
pytestmark = pytest.mark.skipif(not REFERENCE.is_dir(), reason="needs shared/eval")


def _text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(REFERENCE.glob("*.txt"))[:5])


def _plain_logprob(lm: CharLM, rows: np.ndarray) -> np.ndarray:
    """CharLM.logprob's formula with one binary search per row and order (the lookups before this change)."""
    from cleaners.charlm import DISCOUNT, _boundary_history

    rows = _boundary_history(rows.astype(np.uint64))
    prob = lm._unigram_table()[rows[:, ORDER - 1]]
    gram = rows[:, ORDER - 1]
    for n in range(2, ORDER + 1):
        gram = (rows[:, ORDER - n] << np.uint64(16 * (n - 1))) | gram
        context = gram >> np.uint64(16)
        ctx = lm.ctx_keys[n - 1]
        ci = np.minimum(np.searchsorted(ctx, context), len(ctx) - 1)
        cfound = ctx[ci] == context
        total = np.where(cfound, lm.ctx_total[n - 1][ci], 1.0)
        types = np.where(cfound, lm.ctx_types[n - 1][ci], 0.0)
        keys = lm.keys[n - 1]
        gi = np.minimum(np.searchsorted(keys, gram), len(keys) - 1)
        count = np.where(cfound & (keys[gi] == gram), lm.vals[n - 1][gi], 0.0)
        prob = np.where(cfound, (np.maximum(count - DISCOUNT, 0.0) + DISCOUNT * types * prob) / total, prob)
    return np.log(prob)


def test_find_sorted_matches_a_search_per_query() -> None:
    lm = CharLM.load()
    rows = windows(normalise(_text()))
    query = np.sort((rows[:, 2] << np.uint64(16)) | rows[:, 3])
    assert len(np.unique(query)) < len(query)  # real text repeats its bigrams
    index, found = _find_sorted(lm.keys[1], query)
    plain = np.minimum(np.searchsorted(lm.keys[1], query), len(lm.keys[1]) - 1)
    assert np.array_equal(found, lm.keys[1][plain] == query)
    assert np.array_equal(index, plain)


def test_logprob_identical_to_one_search_per_row() -> None:
    lm = CharLM.load()
    text = normalise(_text())
    for rows in (windows(text), windows(text[:40]), windows(text + text)):  # no dedup, short, deduplicated rows
        assert np.array_equal(lm.logprob(rows), _plain_logprob(lm, rows))
