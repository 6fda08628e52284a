"""The character model's formula with one binary search per row and order: the reference both lookup tests
(test_charlm_lookups, test_charlm_fast) compare CharLM.logprob with."""

from __future__ import annotations

import numpy as np

from cleaners.charlm import ORDER, CharLM


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
