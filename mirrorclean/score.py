"""CJK-aware shingle F1: the Scrapinghub article-extraction-benchmark metric with one change for Chinese.

Tokens: NFKC + lower case; each CJK ideograph, kana or hangul syllable is a token, elsewhere each run of
word characters. Shingles: overlapping 4-token tuples as a multiset. Per page TP/FP/FN are divided by
TP+FP+FN; precision and recall are means over pages, F1 is their harmonic mean.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

CJK_RANGES = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
TOKEN_RE = re.compile(rf"[{CJK_RANGES}]|[^\W{CJK_RANGES}]+")


def tokens(text: str) -> list[str]:
    """Tokens of the metric: CJK characters one by one, other words whole.

    >>> tokens("Hello, 世界 2024!")
    ['hello', '世', '界', '2024']
    """
    return TOKEN_RE.findall(unicodedata.normalize("NFKC", text).lower())


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    toks = tokens(text)
    if len(toks) < n:
        return Counter([tuple(toks)]) if toks else Counter()
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


@dataclass
class PageScore:
    tp: float
    fp: float
    fn: float


def page_score(predicted: str, gold: str) -> PageScore:
    """TP/FP/FN of one page, each divided by TP+FP+FN."""
    p, g = shingles(predicted), shingles(gold)
    tp = sum((p & g).values())
    fp = sum(p.values()) - tp
    fn = sum(g.values()) - tp
    total = tp + fp + fn
    if not total:
        return PageScore(0.0, 0.0, 0.0)
    return PageScore(tp / total, fp / total, fn / total)


def f1(predicted: str, gold: str) -> float:
    """Shingle F1 of one page.

    >>> f1("基层治理是国家治理的基石", "基层治理是国家治理的基石")
    1.0
    >>> round(f1("基层治理是国家治理的基石。开云体育官方app下载", "基层治理是国家治理的基石"), 2)
    0.67
    """
    s = page_score(predicted, gold)
    if s.tp + s.fp + s.fn == 0:
        return 1.0
    return 2 * s.tp / (2 * s.tp + s.fp + s.fn) if s.tp else 0.0


def corpus_prf(pairs: Iterable[tuple[str, str]]) -> tuple[float, float, float]:
    """Precision, recall, F1 over (predicted, gold) pages, as the benchmark's evaluate.py computes them."""
    precisions: list[float] = []
    recalls: list[float] = []
    for predicted, gold in pairs:
        s = page_score(predicted, gold)
        if s.tp + s.fp > 0:
            precisions.append(1.0 if s.fp == 0 and s.fn == 0 else s.tp / (s.tp + s.fp))
        if s.tp + s.fn > 0:
            recalls.append(1.0 if s.fp == 0 and s.fn == 0 else s.tp / (s.tp + s.fn))
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
