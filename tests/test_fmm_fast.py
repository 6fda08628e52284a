"""The segmentation behind synonym_fit and rarity_excess (cleaners.spin._segmentation): the fast path (every step
computed at once, one walk from word to word) gives the same two-character words and the same rarity sums as the
run-by-run reference (_segmentation_slow), on real texts: the DAnIEL gold texts and cleaned wild-2017 dev pages."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from _realpages import wild_dev_pages

from cleaners import spin

REFERENCE = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "daniel-zh-dev" / "reference"


@pytest.fixture(scope="module")
def texts() -> list[str]:
    from cleaners.api import clean_document

    out = [p.read_text(encoding="utf-8") for p in sorted(REFERENCE.glob("*.txt"))[:60]]
    for path in wild_dev_pages(30):
        record = clean_document(path.read_bytes(), path.name)
        if getattr(record, "text", ""):
            out.append(record.text)
    if spin.word_table() is None or len(out) < 20:
        pytest.skip("needs jieba's dictionary and the eval texts")
    return out


def test_fast_segmentation_is_the_run_by_run_one(texts: list[str]) -> None:
    words = 0
    for text in texts:
        spin._segmentation.cache_clear()
        spin._fmm_words.cache_clear()
        total, starts = spin._segmentation(text)
        slow_total, slow_starts = spin._segmentation_slow(text)
        assert total == slow_total
        assert np.array_equal(starts, slow_starts)
        words += len(starts)
    assert words > 1000  # the texts are segmented into many two-character words, not skipped


def test_fast_segmentation_on_edges(texts: list[str]) -> None:
    """Runs of one character, a text ending in a run, Latin between runs, and every cut of a real text."""
    text = texts[0]
    cases = ["中", "a中b", "中国", "我们在北京。A股上涨", "一二三四五六七八九十", "天。地，人"]
    cases += [text[:cut] for cut in range(1, min(len(text), 120), 7)]
    for case in cases:
        spin._segmentation.cache_clear()
        spin._fmm_words.cache_clear()
        total, starts = spin._segmentation(case)
        slow_total, slow_starts = spin._segmentation_slow(case)
        assert total == slow_total and np.array_equal(starts, slow_starts), case
