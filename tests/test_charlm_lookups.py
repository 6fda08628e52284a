"""The character model's lookups (cleaners.charlm): each distinct query searched once, order-2 contexts gathered
from a table; the same scores as one binary search per row, on real article text."""

from pathlib import Path

import numpy as np
import pytest
from _charlm_ref import _plain_logprob

from cleaners.charlm import CharLM, _find_sorted, normalise, windows

REFERENCE = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "daniel-zh-dev" / "reference"
pytestmark = pytest.mark.skipif(not REFERENCE.is_dir(), reason="needs shared/eval")


def _text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(REFERENCE.glob("*.txt"))[:5])


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
