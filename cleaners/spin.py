"""Synonym spinning (伪原创): a document-level score, flagged phrases and their restoration.

Spinners rewrite a copied article word by word from a synonym table so that it no longer matches the
original: 通过 -> 经由过程, 明确提出 -> 明白准确地提出, 一定程度上 -> 某些特定的程度上, 积极参与 -> 热情参加.
Five kinds of evidence, the first two per 1,000 CJK characters:

* **lexicon hits** (weight 1): phrases from the team's curated lexicon ``data/spin_lexicon.tsv``
  (spun form -> original). These are also the ``spun_phrase`` flags and what :func:`unspin` restores.
* **grammar artefacts** (weight 0.5): an adverb joined to the verb it modifies by 的
  (充分的发挥, 慢慢的变成, 大大的提高): ordinary edited text writes 地 or nothing there.
* **rare-word excess** (weight RARITY_WEIGHT, 0 since round 7: reported, not scored): spinners swap common
  words for rarer synonyms (出产, 鞭策, 扶植, 今朝, 阐发). Each two-character general-vocabulary word is scored
  by how far its frequency in jieba's bundled dictionary (MIT licence; word frequencies of ordinary modern
  Chinese) falls below RARE_FREQ;
  the document's total per 1,000 characters counts only above RARITY_BASELINE. This is what lets the
  score move for substitutions that are not in the lexicon; it is also why ordinary news is not always
  exactly 0 (mean ~0.3, against ~3.6 for the seed page; see docs/flags.md). It needs the ``jieba``
  package (its dictionary file only); without it this part is 0.
* **context deficit** (weight CONTEXT_WEIGHT): how much less the words around each character predict it
  than in ordinary news, under the character model of edited news (cleaners.charlm). This is what sees
  substitutions nobody listed: a synonym the context does not call for (交通压强, 赐与了很高的点评).
* **synonym fit** (weight SYNONYM_WEIGHT, issue 10 round 4): a per-word baseline from the text itself —
  how often a more common dictionary word sharing a character with a poorly fitting word, at either end
  (相干 / 相关, 失落 / 失踪, 通俗 / 普通), fits its context far better under the same model, counted by word
  type (:func:`synonym_fit`).

``spin_score`` = strength / (strength + SPIN_HALF), in [0, 1): 0.0 with no evidence, monotone in each kind,
0.5 (SPIN_THRESHOLD, where ``spun_phrase`` flags and ``--unspin`` act) at a strength above that of 95% of
ordinary news. Before issue 10 it was the unbounded strength itself (docs/schema.md).
"""

from __future__ import annotations

import importlib.util
import math
import re
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

__all__ = [
    "find_spun_phrases",
    "grammar_artefacts",
    "load_lexicon",
    "rarity_excess",
    "spin_evidence",
    "spin_score",
    "synonym_fit",
    "unspin",
    "unspin_spans",
]

LEXICON_WEIGHT = 1.0
ARTEFACT_WEIGHT = 0.5
RARITY_WEIGHT = 0.0  # score per unit of rare-word surprisal per 1,000 characters above the baseline (0 since round 7:
# synonym fit counted by word type carries what it saw; docs/flags.md)
RARE_FREQ = 3000  # jieba dictionary count below which a word counts as rare (the dictionary's median is ~3)
RARITY_BASELINE = 170.0  # rare-word surprisal per 1,000 characters below which nothing counts (~30th percentile of news)
MAX_WORD = 4  # longest dictionary word tried by the segmenter
CONTEXT_WEIGHT = 0.5  # strength per nat of context deficit
CONTEXT_REFERENCE = 1.8  # nats/char: the mean context gain of ordinary Simplified news (DAnIEL, 2011–12)
CONTEXT_MIN_CHARS = 300  # Chinese characters for a full-weight context deficit
SYNONYM_WEIGHT = 0.015  # strength per nat of synonym-fit excess per 1,000 characters
SYNONYM_CANDIDATES = 1  # candidates per side (SYNONYM_SIDES): the most frequent general words with that character there
SYNONYM_SIDES = (0, 1, 2, 3)  # candidates with the word's first character first (0) or last (2), its second last (1) or first (3)
SYNONYM_MIN_COUNT = 50  # jieba count a candidate needs
SYNONYM_MORE_COMMON = math.log(2)  # a candidate must be at least twice as frequent as the word it could replace
SYNONYM_OWN_MAX = -14.0  # nats: only words whose own fit (the word and the character after it) is below this
SYNONYM_MARGIN = 2.0  # nats by which a candidate must fit better before the difference counts
SYNONYM_BASELINE = 100.0  # nats per 1,000 characters below which nothing counts (~6th percentile of Simplified news)
SYNONYM_MIN_CHARS = 40  # Chinese characters below which synonym fit is 0: one odd word in a sentence is no rate
SYNONYM_REPEAT = 0.25  # share of its gain each further occurrence of a word type adds (topic words repeat)
DENSITY_MIN_CHARS = 200  # lexicon hits and artefacts are counted per max(this, the text's Chinese characters):
# one odd 的 in a 60-character sentence is no rate
SPIN_HALF = 4.3  # strength at which spin_score is 0.5: above 95% of ordinary news (DAnIEL's 95th percentile is 3.40)
SPIN_THRESHOLD = 0.5  # spin_score at and above which spun_phrase flags and --unspin act
# Strength that the statistics alone (context deficit, synonym fit, grammar artefacts) approach but never reach on a
# text with no phrase of the lexicon: spin_score tops out at STATISTICS_CEILING / (STATISTICS_CEILING + SPIN_HALF) =
# 0.494 there. The statistics read "unlike edited news", which web writing of other registers is too (16% of wild-2017's
# ordinary articles were above the threshold on them alone, docs/flags.md); a known spun phrase is spinning's own mark.
STATISTICS_CEILING = 4.2

_CJK_RUN_RE = re.compile(r"[\u4e00-\u9fff]+")


# jieba POS tags of names, places, organisations, numbers, times, foreign words: topic, not style.
_PROPER_POS = frozenset({"nr", "nr1", "nr2", "nrj", "nrf", "nrfg", "nrt", "ns", "nt", "nz", "m", "mq", "q", "t", "tg", "x", "eng"})
_ADVERB_POS = frozenset({"d", "ad"})


@lru_cache(maxsize=1)
def load_lexicon() -> dict[str, str]:
    """The curated lexicon: spun phrase -> original phrase (``cleaners/data/spin_lexicon.tsv``)."""
    table: dict[str, str] = {}
    text = resources.files("cleaners").joinpath("data/spin_lexicon.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("spun\t"):
            continue
        spun, original = line.split("\t")[:2]
        table[spun] = original
    return table


@lru_cache(maxsize=1)
def _lexicon_re() -> re.Pattern[str]:
    phrases = sorted(load_lexicon(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, phrases)))


# A lexicon match inside an ordinary phrase is not a spin: 农平易近 (农民) but 老农平易近人; 大门生 (大学生)
# but 大门生锈; 充分的发挥 but 得到充分的发挥 (的 before a nominalised verb is ordinary there).
_ORDINARY_AFTER = {"平易近": "人", "门生": "锈"}
_ORDINARY_BEFORE = {"充分的": "到得"}


def _matches(text: str) -> Iterator[re.Match[str]]:
    """Lexicon matches in `text`, minus those inside an ordinary phrase (_ORDINARY_AFTER/_BEFORE)."""
    for match in _lexicon_re().finditer(text):
        phrase = match.group(0)
        following = text[match.end() : match.end() + 1]
        preceding = text[match.start() - 1 : match.start()] if match.start() else ""
        if following and any(phrase.endswith(tail) and following in chars for tail, chars in _ORDINARY_AFTER.items()):
            continue
        if preceding and any(phrase.startswith(head) and preceding in chars
                             for head, chars in _ORDINARY_BEFORE.items()):
            continue
        yield match


def find_spun_phrases(text: str) -> list[dict]:
    """``spun_phrase`` flags for every lexicon phrase in `text`, with the phrase it replaced.

    >>> find_spun_phrases("党的十九大报告明白准确地提出，要提升组织力。")
    [{'type': 'spun_phrase', 'start': 7, 'end': 14, 'original': '明确提出'}]
    """
    table = load_lexicon()
    return [
        {"type": "spun_phrase", "start": m.start(), "end": m.end(), "original": table[m.group(0)]}
        for m in _matches(text)
    ]


def unspin(text: str) -> str:
    """`text` with every lexicon phrase replaced by its original (the curated lexicon only).

    >>> unspin("会议明白准确地提出，要在某些特定的程度上热情参加改革。")
    '会议明确提出，要在一定程度上积极参与改革。'
    >>> unspin("农平易近增收，老农平易近人。才能得到充分的发挥，要充分的发挥作用。")
    '农民增收，老农平易近人。才能得到充分的发挥，要充分发挥作用。'
    """
    return unspin_spans(text)[0]


def unspin_spans(text: str) -> tuple[str, list[dict]]:
    """:func:`unspin` plus a ``spun_phrase`` flag per restoration, with offsets into the *restored* text.

    Each flag's ``original`` is the restored phrase (``restored[start:end]``) and ``as_found`` the page's
    wording, so that a record whose ``text`` is unspun still says what was changed and where.

    >>> unspin_spans("会议明白准确地提出要热情参加。")
    ('会议明确提出要积极参与。', [{'type': 'spun_phrase', 'start': 2, 'end': 6, 'original': '明确提出', 'as_found': '明白准确地提出'}, {'type': 'spun_phrase', 'start': 7, 'end': 11, 'original': '积极参与', 'as_found': '热情参加'}])
    """
    table = load_lexicon()
    parts: list[str] = []
    flags: list[dict] = []
    position = length = 0
    for match in _matches(text):
        parts.append(text[position : match.start()])
        length += match.start() - position
        original = table[match.group(0)]
        flags.append({"type": "spun_phrase", "start": length, "end": length + len(original),
                      "original": original, "as_found": match.group(0)})
        parts.append(original)
        length += len(original)
        position = match.end()
    parts.append(text[position:])
    return "".join(parts), flags


@lru_cache(maxsize=1)
def _dictionary() -> tuple[dict[str, float], frozenset[str]] | None:
    """jieba's bundled dictionary as (word -> rarity, adverbs); None when jieba is not installed.

    rarity = max(0, ln RARE_FREQ - ln count) for two-character general vocabulary, else 0.
    Only the data file is read (jieba itself is not imported: its package imports pkg_resources, ~0.3 s).
    Building the table takes ~0.5 s: it is built once per machine and then read from the disk cache
    (cleaners.cache, ~0.15 s).
    """
    from cleaners.cache import cached_object

    source = _jieba_dict()
    if source is None:
        return None
    table, adverbs = cached_object("jieba-words", source, lambda: _read_dictionary(source))
    return table, frozenset(adverbs)


def _jieba_dict() -> Path | None:
    """jieba's dict.txt, found without importing jieba (its package imports pkg_resources, ~0.3 s)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        return None
    source = Path(list(spec.submodule_search_locations)[0], "dict.txt")
    return source if source.is_file() else None


def _read_dictionary(path: Path) -> tuple[dict[str, float], list[str]]:
    """(word -> rarity, sorted adverbs) read from jieba's dict.txt (see _dictionary)."""
    source = path.open(encoding="utf-8")
    log_rare = math.log(RARE_FREQ)
    table: dict[str, float] = {}
    adverbs: set[str] = set()
    with source:
        for line in source:
            parts = line.rstrip("\n").split(" ")
            if len(parts) < 3 or not 2 <= len(parts[0]) <= MAX_WORD:
                continue
            word, count, pos = parts[0], int(parts[1]), parts[2]
            # Only two-character words: longer entries are mostly set phrases (今天天气, count 3) whose low
            # count says nothing about style; names, places and numbers are topic, not style.
            if pos in _PROPER_POS or len(word) != 2 or count >= RARE_FREQ:
                table[word] = 0.0
            else:
                table[word] = round(log_rare - math.log(max(count, 1)), 1)
            if pos in _ADVERB_POS:
                adverbs.add(word)
    return table, sorted(adverbs)


_WORD_CJK_RE = re.compile(r"[\u4e00-\u9fff]{2,4}")


def _pack_words(words: list[str]) -> np.ndarray:
    """Words of 2–4 BMP characters as uint64 keys: the code points left-aligned in 16-bit slots, zeros after."""
    codes = np.zeros((len(words), MAX_WORD), dtype=np.uint64)
    for i, word in enumerate(words):
        codes[i, : len(word)] = [ord(c) for c in word]
    return (codes[:, 0] << np.uint64(48)) | (codes[:, 1] << np.uint64(32)) | (codes[:, 2] << np.uint64(16)) | codes[:, 3]


_HASHED_MIN_KEYS = 16  # below this, a binary search costs less than the hash table's fixed steps (one word: ~5x less)


class WordTable:
    """jieba's dictionary words (2–4 characters) with their rarity, for lookups without a 330,000-entry dict.

    Words of Chinese characters only (U+4E00–U+9FFF: all the rarity scan ever looks up) are sorted packed keys
    with their rarity, memory-mapped from the disk cache (cleaners.cache: ~1 ms to open, where building or
    unmarshalling the dict took 0.5 s or 0.15 s); the few others (A股, 3D打印 …) are a small dict.
    """

    def __init__(self, arrays: dict[str, np.ndarray], others: dict[str, float], adverbs: list[str],
                 hashed: dict[str, np.ndarray] | None = None):
        from cleaners.charlm import HashTables

        self.keys = arrays["keys"]
        self.rarity = arrays["rarity"]
        self.others = others
        self.adverbs = frozenset(adverbs)
        # the same keys in a hash table (cleaners.charlm.HashTables), the payload of a key its index + 1
        self.hashed = HashTables(hashed) if hashed is not None else None

    @staticmethod
    def hash_arrays(keys: np.ndarray) -> dict[str, np.ndarray]:
        """The hash table of the sorted `keys`: one region, a key's payload its index + 1."""
        from cleaners.charlm import hash_arrays

        return hash_arrays([(keys, np.arange(1, len(keys) + 1, dtype=np.uint64), np.zeros(len(keys)))])

    @classmethod
    def build(cls, table: dict[str, float]) -> tuple[dict[str, np.ndarray], dict[str, float]]:
        cjk = [w for w in table if _WORD_CJK_RE.fullmatch(w)]
        keys = _pack_words(cjk)
        order = np.argsort(keys, kind="stable")
        rarity = np.array([table[w] for w in cjk], dtype=np.float64)
        others = {w: r for w, r in table.items() if not _WORD_CJK_RE.fullmatch(w)}
        return {"keys": keys[order], "rarity": rarity[order]}, others

    def lookup(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(found, rarity) of packed keys."""
        if not len(self.keys):
            return np.zeros(len(keys), dtype=bool), np.zeros(len(keys))
        if self.hashed is not None and len(keys) >= _HASHED_MIN_KEYS:
            at = self.hashed.probe([(0, keys)])
            found = at != 0
            return found, np.where(found, self.rarity[np.maximum(at, np.uint64(1)).astype(np.intp) - 1], 0.0)
        return self.lookup_sorted(keys)

    def lookup_sorted(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`lookup` by binary searches in the sorted keys (the reference of the hashed lookup)."""
        # looked up in sorted order (cache-friendly: ~1/3 less time on an article's windows), as CharLM._find does
        order = np.argsort(keys)
        index = np.empty(len(keys), dtype=np.int64)
        index[order] = np.searchsorted(self.keys, keys[order])
        index = np.minimum(index, len(self.keys) - 1)
        found = self.keys[index] == keys
        return found, np.where(found, self.rarity[index], 0.0)

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        if _WORD_CJK_RE.fullmatch(word):
            return bool(self.lookup(_pack_words([word]))[0][0])
        return word in self.others


@lru_cache(maxsize=1)
def word_table() -> WordTable | None:
    """The dictionary as a WordTable (None without jieba), from the disk cache after the first build."""
    from cleaners.cache import cached_arrays, cached_object

    source = _jieba_dict()
    if source is None:
        return None
    built: list[tuple[dict[str, np.ndarray], dict[str, float]]] = []

    def packed() -> tuple[dict[str, np.ndarray], dict[str, float]]:
        if not built:
            built.append(WordTable.build(_read_dictionary(source)[0]))
        return built[0]

    arrays = cached_arrays("jieba-packed", source, lambda: packed()[0])
    others, adverbs = cached_object("jieba-others", source, lambda: (packed()[1], _read_dictionary(source)[1]))
    from cleaners.cache import can_store
    from cleaners.charlm import _HASH_FORMAT

    name, hashed = f"jieba-hash{_HASH_FORMAT}", None
    if can_store(name, source):  # else the binary search: a table built in every process would cost more than it saves
        hashed = cached_arrays(name, source, lambda: WordTable.hash_arrays(arrays["keys"]))
    return WordTable(arrays, others, adverbs, hashed)


def _window_keys(codes: np.ndarray, size: int) -> np.ndarray:
    """Packed keys of the `size`-character windows of `codes` (one per start; past the end padded with zeros)."""
    padded = np.concatenate([codes, np.zeros(MAX_WORD, dtype=np.uint64)])
    n = len(codes)
    key = np.zeros(n, dtype=np.uint64)
    for slot in range(size):
        key |= padded[slot : slot + n] << np.uint64(16 * (MAX_WORD - 1 - slot))
    return key


def _rarity_sum(run: str, table: dict[str, float]) -> float:
    """Summed rarity of the words of one CJK run, segmented by forward maximum matching (4, 3, 2 chars)."""
    total, i, n = 0.0, 0, len(run)
    while i < n - 1:
        if i + 4 <= n and run[i : i + 4] in table:
            i += 4
        elif i + 3 <= n and run[i : i + 3] in table:
            i += 3
        else:
            rarity = table.get(run[i : i + 2])
            if rarity is None:
                i += 1
            else:
                total += rarity
                i += 2
    return total


def rarity_excess(text: str) -> float:
    """Rare-word surprisal per 1,000 CJK characters above RARITY_BASELINE (0 without jieba).

    >>> rarity_excess("今天天气很好，我们去公园散步。")
    0.0
    """
    cjk = _prepared(text)[0]
    if word_table() is None or not cjk:
        return 0.0
    total = _segmentation(text)[0]
    return max(0.0, 1000.0 * total / cjk - RARITY_BASELINE)


@lru_cache(maxsize=2)
def _segmentation(text: str) -> tuple[float, np.ndarray]:
    """(summed rarity, offsets in `text` of the two-character words) of forward maximum matching over jieba's
    dictionary, run by run; shared by rarity_excess and synonym_fit (kept for the last two texts).

    The segmentation itself is :func:`_fmm_words`; the sum is taken run by run in text order, as
    :func:`_rarity_sum` would (the same floats)."""
    starts, rarity, runs = _fmm_words(text)
    total, run_total, current = 0.0, 0.0, -1
    for value, run in zip(rarity.tolist(), runs.tolist(), strict=True):
        if run != current:
            total += run_total
            run_total, current = 0.0, run
        run_total += value
    return total + run_total, starts


@lru_cache(maxsize=2)
def _fmm_words(text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The two-character words of forward maximum matching (4, 3, 2 characters) over jieba's dictionary, run by
    run: (their offsets in `text`, their rarity, the index of the CJK run each is in).

    Every lookup the segmenter can make is done at once, and so is each place's step (4, 3 or 2 where a word of
    that length starts there and lies inside its run, else 1); only the walk from step to step is a loop, over
    the words (:func:`_fmm_walk`). Same words as :func:`_rarity_sum_at` run by run (tests/test_fmm_fast.py).
    """
    words = word_table()
    cjk, _, norm = _prepared(text)
    empty = np.zeros(0, dtype=np.int64)
    if words is None or not cjk:
        return empty, np.zeros(0), empty
    codes, keep = _run_codes(norm)
    n = len(codes)
    inside = np.concatenate([codes != 0, np.zeros(MAX_WORD, dtype=bool)])  # past the end: outside every run
    fits2 = inside[:n] & inside[1 : n + 1]
    fits3 = fits2 & inside[2 : n + 2]
    fits4 = fits3 & inside[3 : n + 3]
    # one lookup for the three window sizes (a lookup's fixed cost is that of hundreds of keys)
    found, rarity = words.lookup(np.concatenate([_window_keys(codes, size) for size in (4, 3, 2)]))
    in4, in3, in2 = found[:n], found[n : 2 * n], found[2 * n :]
    rarity2 = rarity[2 * n :]
    step = np.where(in4 & fits4, 4, np.where(in3 & fits3, 3, np.where(in2 & fits2, 2, 1)))
    path = _fmm_walk(step)
    two = path[step[path] == 2]
    runs = np.cumsum(codes == 0)[two]
    return keep[two], rarity2[two], runs


def _run_codes(norm: str) -> tuple[np.ndarray, np.ndarray]:
    """The CJK runs of `norm` joined by one 0 (normalise keeps Chinese characters and makes every character one
    UTF-16 unit), and the offset in `norm` of each of their places."""
    text_codes = np.frombuffer(norm.encode("utf-16-le"), dtype=np.uint16).astype(np.uint64)
    mask = (text_codes >= 0x4E00) & (text_codes <= 0x9FFF)
    after_run = ~mask & np.concatenate([[False], mask[:-1]])
    keep = np.flatnonzero(mask | after_run)
    if after_run[keep[-1]]:
        keep = keep[:-1]
    return np.where(mask[keep], text_codes[keep], np.uint64(0)), keep


def _fmm_walk(step: np.ndarray) -> np.ndarray:
    """The places forward maximum matching visits from 0, each place's step known.

    >>> _fmm_walk(np.array([2, 1, 1, 4, 1, 1, 1, 1])).tolist()
    [0, 2, 3, 7]
    """
    following = (np.arange(len(step)) + step).tolist()
    path, at, n = [], 0, len(step)
    append = path.append
    while at < n:
        append(at)
        at = following[at]
    return np.array(path, dtype=np.int64)


def _segmentation_slow(text: str) -> tuple[float, np.ndarray]:
    """:func:`_segmentation` run by run through :func:`_rarity_sum_at` (the reference of the fast one)."""
    words = word_table()
    cjk, _, norm = _prepared(text)
    if words is None or not cjk:
        return 0.0, np.zeros(0, dtype=np.int64)
    codes, keep = _run_codes(norm)
    in4 = words.lookup(_window_keys(codes, 4))[0].tolist()
    in3 = words.lookup(_window_keys(codes, 3))[0].tolist()
    in2, rarity2 = (a.tolist() for a in words.lookup(_window_keys(codes, 2)))
    edges = np.flatnonzero(codes == 0)
    bounds = zip(np.concatenate([[0], edges + 1]).tolist(), np.concatenate([edges, [len(codes)]]).tolist(), strict=True)
    total, starts = 0.0, []
    for start, end in bounds:
        total += _rarity_sum_at(start, end - start, in4, in3, in2, rarity2, starts)
    return total, keep[np.array(starts, dtype=np.int64)]


def _rarity_sum_at(start: int, n: int, in4: list[bool], in3: list[bool], in2: list[bool],
                   rarity2: list[float], two: list[int] | None = None) -> float:
    """_rarity_sum of the run at `start` (length `n`), from the lookups made for the whole text; the offsets
    of its two-character words are appended to `two` when given."""
    total, i = 0.0, 0
    while i < n - 1:
        j = start + i
        if i + 4 <= n and in4[j]:
            i += 4
        elif i + 3 <= n and in3[j]:
            i += 3
        elif in2[j]:
            total += rarity2[j]
            if two is not None:
                two.append(j)
            i += 2
        else:
            i += 1
    return total


_DE_RE = re.compile(r"(?<=[\u4e00-\u9fff]{2})的(?=[\u4e00-\u9fff]{2})")
# Verbs a spinner's 的 lands in front of (充分的发挥, 慢慢的变成): common, never nouns after 的 in news.
_ARTEFACT_VERBS = frozenset(
    "发挥 利用 变成 成为 提高 提升 推进 推动 落实 开展 实现 参与 参加 加强 增强 完善 改善 解决 促进 影响 发展 "
    "融合 调动 保障 降低 增加 减少 扩大 转变 进步 确保 坚持 抓好 做好 满足 适应 形成 带动 激发 吸引".split()
)


def grammar_artefacts(text: str) -> int:
    """Adverb + 的 + verb (充分的发挥, 慢慢的变成): the 的 a spinner writes where edited text has 地 or nothing.

    The adverb is a jieba-dictionary adverb (POS d/ad, or 充分/积极/慢慢/大大 …) and the verb one of
    the common action verbs above; 充分的准备 (的 + noun) and 得到充分的发挥 (a nominalised verb after
    得到/受到) are ordinary and not counted, nor is 不 + adjective + 的 + noun (不充分的发展, an attribute).

    >>> grammar_artefacts("要充分的发挥作用，慢慢的变成名片；做好充分的准备，得到充分的发挥。")
    2
    >>> grammar_artefacts("人民日益增长的美好生活需要和不平衡不充分的发展之间的矛盾")
    0
    """
    words = word_table()
    adverbs = words.adverbs if words else frozenset()
    count = 0
    for match in _DE_RE.finditer(text):
        before, after = text[match.start() - 2 : match.start()], text[match.end() : match.end() + 2]
        if text[match.start() - 3 : match.start() - 2] in ("到", "得", "不"):  # 得到充分的发挥, 不充分的发展: noun phrases
            continue
        if after in _ARTEFACT_VERBS and (before in _ARTEFACT_ADVERBS or before in adverbs):
            count += 1
    return count


_ARTEFACT_ADVERBS = frozenset("充分 积极 慢慢 大大 深深 逐步 逐渐 不断 认真 努力 切实 有效 大力 全面 稳步 持续 进一步".split())


@lru_cache(maxsize=2)
@lru_cache(maxsize=2)  # asked of the same text by the segmentation, context_deficit, synonym_fit and spin_evidence
def _prepared(text: str) -> tuple[int, bool, str]:
    """(CJK characters, Traditional?, the text in the model's alphabet), shared by the model-based evidence."""
    from cleaners.charlm import normalise
    from cleaners.namefit import _is_traditional

    units = np.frombuffer(text.encode("utf-16-le"), dtype=np.uint16)  # a character outside the BMP is two units, neither CJK
    cjk = int(np.count_nonzero((units >= 0x4E00) & (units <= 0x9FFF)))  # counted in numpy: ~1/10 of a regex findall
    return cjk, bool(cjk) and _is_traditional(text), normalise(text) if cjk else ""


PROSE_MIN_CJK = 10  # Chinese characters a line needs, with a clause mark, to be read as a sentence
_CLAUSE_MARKS = np.array([ord(c) for c in "，。；！？：,;!?"], dtype=np.uint32)


@lru_cache(maxsize=2)
def prose_mask(text: str) -> np.ndarray:
    """For each character of `text`: is it on a sentence line (PROSE_MIN_CJK Chinese characters and a clause mark)?

    Context deficit and synonym fit measure how a writer chose words in sentences; a menu, a tag row or a
    spec list has no sentence context, and the news model fits its bare nouns badly (a shop page's category
    menu scored 0.715 on synonym fit alone), so they read sentence lines only. Read-only, kept for the last
    two texts (both measures ask).

    >>> prose_mask("奶粉\\n史上最出名的一把步枪，拥有无法比拟的便携性。").tolist()[:4]
    [False, False, False, True]
    """
    points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    newline = points == 10
    line = np.cumsum(newline) - newline  # a newline counts with the line it ends
    lines = int(line[-1]) + 1 if len(line) else 1
    cjk = np.bincount(line, weights=(points >= 0x4E00) & (points <= 0x9FFF), minlength=lines)
    marks = np.bincount(line, weights=np.isin(points, _CLAUSE_MARKS), minlength=lines)
    keep = (cjk >= PROSE_MIN_CJK) & (marks > 0)
    mask = np.ones(len(points), dtype=bool) if keep.all() else keep[line]
    mask.flags.writeable = False
    return mask


def context_deficit(text: str) -> float:
    """How much less the text's own context predicts its characters than ordinary news does (nats/char, >= 0).

    For each Chinese character, log P(c | three before) - log P(c) under the character model of edited news
    (cleaners.charlm): how much the words around it make it expected. Spun text swaps words for synonyms
    the context does not call for (交通压强, 赐与了很高的点评), so this context gain falls; topic changes
    which characters are rare, but much less how well neighbours predict each other. The deficit is
    CONTEXT_REFERENCE minus the text's mean gain, floored at 0 and scaled down for texts under
    CONTEXT_MIN_CHARS Chinese characters (too short to average). 0 for Traditional text (the model
    knows Simplified news only).

    >>> context_deficit("今天天气很好。")
    0.0
    """
    from cleaners.charlm import CharLM, padded_logprobs, windows

    cjk, traditional, norm = _prepared(text)
    if not cjk or traditional:
        return 0.0
    lm = CharLM.load()
    rows = windows(norm)
    # the first len(norm) rows of the padded text's scores (shared with cleaners.namefit), context-free scores
    gain = padded_logprobs(norm)[: len(norm)] - lm.unigram_logprob(rows)
    last = rows[:, -1]  # each character's code: normalise leaves Chinese characters as they are
    mask = (last >= 0x4E00) & (last <= 0x9FFF) & prose_mask(text)  # sentence lines only
    cjk = int(mask.sum())
    if not cjk:
        return 0.0
    deficit = max(0.0, CONTEXT_REFERENCE - float(gain[mask].mean()))
    return deficit * min(1.0, cjk / CONTEXT_MIN_CHARS)


def _read_synonym_table(path: Path) -> dict[str, np.ndarray]:
    """Arrays for :func:`synonym_fit` from jieba's dict.txt: general two-character words (packed, sorted) with
    their log counts, and per character the SYNONYM_CANDIDATES most frequent such words it starts and ends."""
    counts: dict[str, int] = {}
    with path.open(encoding="utf-8") as source:
        for line in source:
            parts = line.rstrip("\n").split(" ")
            if len(parts) < 3 or len(parts[0]) != 2 or parts[2] in _PROPER_POS or not _WORD_CJK_RE.fullmatch(parts[0]):
                continue
            counts[parts[0]] = int(parts[1])
    words = sorted(counts)
    keys = _pack_words(words)
    order = np.argsort(keys, kind="stable")
    logcount = np.log(np.array([counts[w] for w in words], dtype=np.float64) + 1.0)
    by_char: dict[str, list[tuple[int, str]]] = {}
    for word, count in counts.items():
        if count >= SYNONYM_MIN_COUNT:
            by_char.setdefault(word[0] + "0", []).append((count, word))
            by_char.setdefault(word[1] + "1", []).append((count, word))
    chars = sorted({k[0] for k in by_char})
    table = np.zeros((len(chars), 2 * SYNONYM_CANDIDATES), dtype=np.uint64)
    table_log = np.zeros(table.shape)
    for row, char in enumerate(chars):
        for side in (0, 1):
            best = sorted(by_char.get(char + str(side), []), reverse=True)[:SYNONYM_CANDIDATES]
            for slot, (count, word) in enumerate(best):
                table[row, side * SYNONYM_CANDIDATES + slot] = _pack_words([word])[0]
                table_log[row, side * SYNONYM_CANDIDATES + slot] = math.log(count + 1.0)
    return {"keys": keys[order], "logcount": logcount[order], "chars": np.array([ord(c) for c in chars], dtype=np.uint64),
            "cand": table, "cand_log": table_log}


@lru_cache(maxsize=1)
def _synonym_table() -> dict[str, np.ndarray] | None:
    from cleaners.cache import cached_arrays

    source = _jieba_dict()
    if source is None:
        return None
    return cached_arrays(f"jieba-synonyms{SYNONYM_CANDIDATES}", source, lambda: _read_synonym_table(source))


def synonym_fit(text: str) -> float:
    """How often a more common word sharing a character fits the context better than the word the text has.

    A spinner's synonym is a word the context does not call for, and often a more common sibling of it
    would (相干 -> 相关, 失落 -> 失踪, 方法 -> 方式): each two-character general word (FMM over jieba's
    dictionary) whose own fit — log P of its two characters and the one after, under cleaners.charlm —
    is below SYNONYM_OWN_MAX is compared with the SYNONYM_CANDIDATES most frequent words starting with its
    first character and ending with its second and, since round 7 (SYNONYM_SIDES), ending with its first
    and starting with its second (a spinner often turns a word round: 普通 -> 通俗, 表示 -> 示意, 缓解 ->
    减缓), those at least twice as frequent as it; the best candidate's fit minus the word's own, less
    SYNONYM_MARGIN, is the word's gain. Gains are summed by word type (round 7): a type's best occurrence in
    full, each further one SYNONYM_REPEAT of its gain, since an article repeats its topic words and a spinner's
    choices spread over many; the sum per 1,000 CJK characters above SYNONYM_BASELINE counts. 0 for Traditional
    text, without jieba and under SYNONYM_MIN_CHARS characters; scaled down under CONTEXT_MIN_CHARS
    characters, like the context deficit.

    >>> synonym_fit("今天天气很好。")
    0.0
    """
    from cleaners.charlm import BOUNDARY, ORDER, CharLM, padded_logprobs

    words, table = word_table(), _synonym_table()
    if words is None or table is None:
        return 0.0
    cjk, traditional, norm = _prepared(text)
    if cjk < SYNONYM_MIN_CHARS or traditional:
        return 0.0
    prose = prose_mask(text)
    if not prose.all():  # sentence lines only: their Chinese characters are the rate's base
        points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        cjk = int(np.count_nonzero((points >= 0x4E00) & (points <= 0x9FFF) & prose))
        if cjk < SYNONYM_MIN_CHARS:
            return 0.0
    lp = padded_logprobs(norm)  # len(norm) + 3 rows: the last three score the boundary after the text
    starts = _fmm_words(text)[0]  # the two-character words, as rarity_excess segments the text
    starts = starts[prose[starts]]
    if not len(starts):
        return 0.0
    own = lp[starts] + lp[starts + 1] + lp[starts + 2]
    starts = starts[own < SYNONYM_OWN_MAX]
    if not len(starts):
        return 0.0
    own = lp[starts] + lp[starts + 1] + lp[starts + 2]
    padded = np.frombuffer((BOUNDARY * (ORDER - 1) + norm + BOUNDARY).encode("utf-16-le"), dtype=np.uint16).astype(np.uint64)
    c1, c2 = padded[starts + 3], padded[starts + 4]
    key = (c1 << np.uint64(48)) | (c2 << np.uint64(32))
    index = np.minimum(np.searchsorted(table["keys"], key), len(table["keys"]) - 1)
    general = table["keys"][index] == key
    starts, own, c1, c2, key, logcount = starts[general], own[general], c1[general], c2[general], key[general], table["logcount"][index[general]]
    if not len(starts):
        return 0.0
    chars = table["chars"]
    k = SYNONYM_CANDIDATES
    first = np.minimum(np.searchsorted(chars, c1), len(chars) - 1)
    second = np.minimum(np.searchsorted(chars, c2), len(chars) - 1)
    parts, logs = [], []
    for which in SYNONYM_SIDES:  # the table's columns: k words starting with the character, then k ending with it
        row, char = (first, c1) if which in (0, 2) else (second, c2)
        part = slice(0, k) if which in (0, 3) else slice(k, 2 * k)
        parts.append(np.where((chars[row] == char)[:, None], table["cand"][row, part], 0))
        logs.append(table["cand_log"][row, part])
    cand, cand_log = np.concatenate(parts, axis=1), np.concatenate(logs, axis=1)
    valid = (cand != 0) & (cand != key[:, None]) & (cand_log >= logcount[:, None] + SYNONYM_MORE_COMMON)
    word_of, slot = np.nonzero(valid)
    if not len(word_of):
        return 0.0
    chosen = cand[word_of, slot]
    a, b = (chosen >> np.uint64(48)) & np.uint64(0xFFFF), (chosen >> np.uint64(32)) & np.uint64(0xFFFF)
    at = starts[word_of]
    s = at + 3  # offsets into `padded`
    l1, l2, l3, nxt = padded[s - 3], padded[s - 2], padded[s - 1], padded[s + 2]
    sixteen = np.uint64(16)

    def pack(w: np.ndarray, x: np.ndarray, y: np.ndarray, z: np.ndarray) -> np.ndarray:
        return (((((w << sixteen) | x) << sixteen) | y) << sixteen) | z

    # a candidate sharing the first character has the word's own first row (already scored: lp[at])
    new_first = a != padded[s]
    queries = np.concatenate([pack(l1, l2, l3, a)[new_first], pack(l2, l3, a, b), pack(l3, a, b, nxt)])
    # each distinct row scored once (an article repeats its words in the same contexts)
    distinct, inverse = np.unique(queries, return_inverse=True)
    shifts = np.array([48, 32, 16, 0], dtype=np.uint64)
    scored = CharLM.load().logprob((distinct[:, None] >> shifts) & np.uint64(0xFFFF))[inverse]
    n_first = int(new_first.sum())
    first_row = lp[at].copy()
    first_row[new_first] = scored[:n_first]
    fit = first_row + scored[n_first : n_first + len(at)] + scored[n_first + len(at) :]
    best = np.full(len(starts), -np.inf)
    np.maximum.at(best, word_of, fit)
    gain = np.maximum(0.0, best - own - SYNONYM_MARGIN)
    gain[~np.isfinite(gain)] = 0.0
    # by word type: its best occurrence in full, each further one SYNONYM_REPEAT of its gain (an article repeats
    # its topic words, which the 1998 model may fit badly: 草根, 网友; a spinner's choices spread over many words)
    _, word_type = np.unique(key, return_inverse=True)
    top = np.zeros(int(word_type.max()) + 1)
    np.maximum.at(top, word_type, gain)
    total = SYNONYM_REPEAT * float(gain.sum()) + (1.0 - SYNONYM_REPEAT) * float(top.sum())
    excess = max(0.0, 1000.0 * total / cjk - SYNONYM_BASELINE)
    return excess * min(1.0, cjk / CONTEXT_MIN_CHARS)


def spin_evidence(text: str, spun: list[dict] | None = None, rarity: bool = True) -> dict[str, float]:
    """The evidence behind :func:`spin_score`; `spun` = find_spun_phrases(text) if known. With `rarity` False
    the rare-word excess, which the score does not weigh while RARITY_WEIGHT is 0, is not computed (0.0)."""
    return {
        "lexicon_hits": float(len(find_spun_phrases(text) if spun is None else spun)),
        "artefacts": float(grammar_artefacts(text)),
        "rarity_excess": rarity_excess(text) if rarity else 0.0,
        "context_deficit": context_deficit(text),
        "synonym_fit": synonym_fit(text),
        "cjk_chars": float(_prepared(text)[0]),
    }


def spin_strength(evidence: dict[str, float]) -> float:
    """The weighted sum of the evidence (>= 0, 0 when there is none): what :func:`spin_score` calibrates.

    Without a lexicon hit the sum is squashed below STATISTICS_CEILING (``c * tanh(sum / c)``: the same order, so
    the statistics still rank such texts, but none reaches the threshold on them alone). Monotone in every kind of
    evidence: a first lexicon hit lifts the strength to at least the unsquashed sum.

    >>> spin_strength({"cjk_chars": 1000.0, "lexicon_hits": 0.0, "artefacts": 0.0, "rarity_excess": 0.0,
    ...                "context_deficit": 1.0, "synonym_fit": 400.0}) < STATISTICS_CEILING < SPIN_HALF
    True
    """
    cjk = evidence["cjk_chars"]
    if not cjk:
        return 0.0
    density = (LEXICON_WEIGHT * evidence["lexicon_hits"] + ARTEFACT_WEIGHT * evidence["artefacts"]) * 1000.0 / max(cjk, DENSITY_MIN_CHARS)
    strength = (density + RARITY_WEIGHT * evidence["rarity_excess"] + CONTEXT_WEIGHT * evidence["context_deficit"]
                + SYNONYM_WEIGHT * evidence.get("synonym_fit", 0.0))
    if not evidence["lexicon_hits"]:
        strength = STATISTICS_CEILING * math.tanh(strength / STATISTICS_CEILING)
    return strength


def spin_score(text: str, spun: list[dict] | None = None) -> float:
    """How likely `text` is synonym-spun, in [0, 1): 0.0 with no evidence, SPIN_THRESHOLD where flags act.

    strength / (strength + SPIN_HALF) of :func:`spin_strength`: monotone in every kind of evidence, 0.5
    where the strength equals SPIN_HALF, which is set above 95% of ordinary news (docs/flags.md).
    `spun` may pass find_spun_phrases(text) to avoid a second scan.

    >>> spin_score("今天天气很好，我们去公园散步。")
    0.0
    >>> spin_score("会议明白准确地提出，要在某些特定的程度上热情参加改革。") > SPIN_THRESHOLD
    True
    """
    strength = spin_strength(spin_evidence(text, spun, rarity=RARITY_WEIGHT != 0))
    return round(strength / (strength + SPIN_HALF), 3)
