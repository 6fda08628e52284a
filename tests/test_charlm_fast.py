"""The character model's hash tables (cleaners.charlm.HashTables, CharLM._logprob_hashed) give the scores of its
sorted arrays' binary searches bit for bit: every n-gram and context of the model decodes to its own counts, real
text (DAnIEL gold texts, wild-2017 dev records) and generated strings score the same, and so do the damage flags;
jieba's word table (cleaners.spin.WordTable) finds the same words with the same rarity in its hash table."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from _charlm_ref import _plain_logprob
from _realpages import wild_dev_pages
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaners import charlm
from cleaners.charlm import NAME, ORDER, CharLM, normalise, windows

REFERENCE = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "daniel-zh-dev" / "reference"
pytestmark = pytest.mark.skipif(not REFERENCE.is_dir(), reason="needs shared/eval")


def _same(lm: CharLM, rows: np.ndarray) -> None:
    fast = lm.logprob(rows)
    assert fast.tobytes() == lm.logprob_sorted(rows).tobytes()
    assert fast.tobytes() == _plain_logprob(lm, rows).tobytes()


@pytest.fixture(scope="module")
def lm() -> CharLM:
    return CharLM.load()


@pytest.fixture(scope="module")
def daniel_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(REFERENCE.glob("*.txt"))]


@pytest.fixture(scope="module")
def wild_texts() -> list[str]:
    from cleaners.api import clean_document

    texts = []
    for path in wild_dev_pages(40):
        record = clean_document(path.read_bytes(), path.name)
        if getattr(record, "text", ""):
            texts.append(record.text)
    return texts


def test_every_key_of_the_model_reads_its_own_counts(lm: CharLM) -> None:
    tables = lm._hash_tables()
    for n in range(2, ORDER + 1):
        grams = lm.keys[n - 1]
        payload = tables.probe([(n - 2, grams)])
        assert ((payload & charlm._GRAM_BIT) != 0).all()
        assert np.array_equal((payload & charlm._COUNT_MASK).astype(np.float64), lm.vals[n - 1])
        if n < ORDER:
            contexts = lm.ctx_keys[n]
            payload = tables.probe([(n - 2, contexts)])
            assert (payload >= charlm._CONTEXT_BIT).all()
            assert np.array_equal(charlm._total(payload), lm.ctx_total[n])
            assert np.array_equal(charlm._types(payload), lm.ctx_types[n])
    assert sum(len(keys) for keys, _ in tables.stash) > 0  # the stash is searched on real keys above


def test_keys_not_in_the_model_read_absent(lm: CharLM) -> None:
    tables = lm._hash_tables()
    rng = np.random.default_rng(13)
    for n in range(2, ORDER + 1):
        query = rng.integers(0, 1 << (16 * n) if n < ORDER else 1 << 63, size=200_000, dtype=np.uint64)
        query = np.append(query, [charlm._EMPTY, np.uint64(0)])
        known = np.isin(query, np.union1d(lm.keys[n - 1], lm.ctx_keys[n] if n < ORDER else np.zeros(0, dtype=np.uint64)))
        assert np.array_equal(tables.probe([(n - 2, query)]) != 0, known)


def test_daniel_texts_score_alike(lm: CharLM, daniel_texts: list[str]) -> None:
    text = normalise("\n".join(daniel_texts))
    assert len(text) > 150_000
    _same(lm, windows(text))
    _same(lm, windows(text)[::7])  # rows that do not continue each other: every context asked
    for one in daniel_texts[:30]:
        _same(lm, windows(normalise(one) + "\n\n\n"))


def test_wild_texts_score_alike(lm: CharLM, wild_texts: list[str]) -> None:
    assert sum(len(t) for t in wild_texts) > 20_000
    for text in wild_texts:
        _same(lm, windows(normalise(text)))
        _same(lm, lm_rows_of_a_gap_finder(text))


def lm_rows_of_a_gap_finder(text: str) -> np.ndarray:
    """Rows of the shape the censored-gap finder asks: three characters of the text, then a term's characters."""
    norm = normalise(text)[:400]
    codes = charlm.codes(norm)
    term = charlm.codes(NAME + "共产党")
    out = [np.concatenate([codes[i : i + 3], term[:1]]) for i in range(0, max(0, len(codes) - 3), 3)]
    return np.array(out, dtype=np.uint64).reshape(-1, ORDER)


_ALPHABET = st.sampled_from(list("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经")
                            + list("习近平共产党同志总书记，。！？；：、\n 　0aA（）《》“”") + [NAME, "\ufffd", "\uffff", "\u4e00", "\u9fa5"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=_ALPHABET, min_size=0, max_size=300), st.text(alphabet=_ALPHABET, max_size=3))
def test_generated_strings_score_alike(text: str, history: str) -> None:
    lm = CharLM.load()
    _same(lm, windows(normalise(text), normalise(history)))


def test_rows_past_the_bmp_take_the_sorted_arrays(lm: CharLM) -> None:
    rows = windows(normalise("中国共产党第十五次全国代表大会"))
    rows = np.vstack([rows, np.array([[0x4E2D, 0x56FD, 0x5171, 1 << 16]], dtype=np.uint64)])
    scores = lm.logprob(rows)
    assert scores.tobytes() == lm.logprob_sorted(rows).tobytes()
    assert scores[:-1].tobytes() == _plain_logprob(lm, rows[:-1]).tobytes()


def test_flags_identical_with_the_sorted_arrays(lm: CharLM, daniel_texts: list[str], wild_texts: list[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from cleaners import spin
    from cleaners.flags import compute_flags

    def clear() -> None:
        charlm.padded_logprobs.cache_clear()
        spin._segmentation.cache_clear()
        spin._fmm_words.cache_clear()

    texts = daniel_texts[:40] + wild_texts
    clear()
    fast = [compute_flags(t, []) for t in texts]
    clear()
    monkeypatch.setattr(CharLM, "logprob", CharLM.logprob_sorted)
    monkeypatch.setattr(spin.WordTable, "lookup", spin.WordTable.lookup_sorted)
    slow = [compute_flags(t, []) for t in texts]
    clear()
    assert json.dumps(fast, ensure_ascii=False) == json.dumps(slow, ensure_ascii=False)
    assert any(flags for flags, _ in fast)  # some text is flagged: the comparison covers flags, not only scores


def test_word_table_hashed_like_sorted(daniel_texts: list[str], wild_texts: list[str]) -> None:
    from cleaners.spin import _window_keys, word_table

    table = word_table()
    if table is None:
        pytest.skip("needs jieba")
    assert table.hashed is not None
    found, rarity = table.lookup(table.keys)  # every word of the dictionary
    assert found.all() and rarity.tobytes() == table.rarity.tobytes()
    hits = 0
    for text in daniel_texts[:60] + wild_texts:
        codes = charlm.codes(normalise(text))
        for size in (2, 3, 4):
            keys = _window_keys(codes, size)
            fast, slow = table.lookup(keys), table.lookup_sorted(keys)
            assert np.array_equal(fast[0], slow[0]) and fast[1].tobytes() == slow[1].tobytes()
            hits += int(fast[0].sum())
    assert hits > 10_000


def test_without_a_cache_to_keep_them_no_tables_are_built(lm: CharLM, daniel_texts: list[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import copy

    monkeypatch.setenv("MIRRORCLEAN_CACHE", "/dev/null/cache")  # no folder can be made there
    bare = copy.copy(lm)
    bare._tables = None
    rows = windows(normalise(daniel_texts[0]))
    assert bare.logprob(rows).tobytes() == lm.logprob(rows).tobytes()
    assert bare._tables is False  # the binary searches answered
