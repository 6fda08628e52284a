"""Near-duplicate clusters: mirror copies of one article across pages and sites.

Spam networks paste the same article into many templates; after cleaning, the copies differ only by a
few lines (a marker sentence, a different brand cut, a spun word here and there). `NearDuplicates`
assigns each text, in the order given, to the cluster of the first earlier text it nearly repeats:

* evidence: MinHash signatures (the `rensa` library, 128 permutations) of the text's character 5-grams,
  after NFKC, lower-casing and dropping whitespace and punctuation, so re-wrapping and punctuation
  changes do not count; candidates come from an LSH index (16 bands of 8 rows: pairs with Jaccard
  similarity above ~0.7 are found with high probability), then the estimated Jaccard similarity must
  reach `threshold`;
* texts shorter than `min_chars` (after normalisation) are too short to tell a copy from a coincidence
  and always start their own cluster.

The index is the caller's object (one per run): nothing is global, and the same inputs in the same
order give the same clusters.

>>> nd = NearDuplicates()
>>> art = "近年来，我市坚持以人民为中心的发展思想，扎实推进城市更新行动，一批老旧街区在保留历史风貌的同时焕发出新的生机与活力。" * 3
>>> nd.add("a", art)
('a', 1.0)
>>> nd.add("b", art.replace("扎实推进", "大力推进") + "本文转载自某某网。")[0]
'a'
>>> nd.add("c", "稻渔综合种养是指在稻田中同时养殖小龙虾和鱼，合作社的稻田里小龙虾长势良好，亩均增收两千余元，农户积极性高涨。" * 3)
('c', 1.0)
"""

from __future__ import annotations

import re
import unicodedata

from rensa import RMinHash, RMinHashLSH

__all__ = ["NearDuplicates", "shingles"]

NUM_PERM = 128
NUM_BANDS = 16
SHINGLE = 5
SEED = 42
MAX_CHECKS = 64  # LSH candidates compared per text at most
_DROP_RE = re.compile(r"[\W_]+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE) -> list[str]:
    """Overlapping character n-grams of the normalised text (no whitespace, punctuation or case).

    >>> shingles("Ａ，b c。d e f", 5)
    ['abcde', 'bcdef']
    """
    norm = _DROP_RE.sub("", unicodedata.normalize("NFKC", text).lower())
    return [norm[i : i + size] for i in range(max(0, len(norm) - size + 1))]


class NearDuplicates:
    """An incremental near-duplicate index: `add(key, text)` -> (cluster key, similarity to its first member)."""

    def __init__(self, threshold: float = 0.7, min_chars: int = 50) -> None:
        self.threshold = threshold
        self.min_chars = min_chars
        self._lsh = RMinHashLSH(threshold=threshold, num_perm=NUM_PERM, num_bands=NUM_BANDS)
        self._hashes: list[RMinHash] = []
        self._cluster: list[str] = []  # index -> cluster key

    def __len__(self) -> int:
        return len(self._cluster)

    def add(self, key: str, text: str) -> tuple[str, float]:
        """Index `text` under `key`; return the cluster it joins (its own key if it repeats nothing) and the
        estimated Jaccard similarity to the earliest earlier text it matched (1.0 when it starts a cluster)."""
        grams = shingles(text)
        if len(grams) + SHINGLE - 1 < self.min_chars:
            return key, 1.0
        signature = RMinHash(num_perm=NUM_PERM, seed=SEED)
        signature.update(grams)
        best, best_sim = None, 0.0
        # The earliest indexed text that passes is enough: every member of a cluster carries the same key, so
        # a run of thousands of copies costs one comparison each, not one per earlier copy.
        for index in sorted(self._lsh.query(signature))[:MAX_CHECKS]:
            sim = signature.jaccard(self._hashes[index])
            if sim >= self.threshold:
                best, best_sim = index, sim
                break
        index = len(self._hashes)
        self._hashes.append(signature)
        self._lsh.insert(index, signature)
        if best is None:
            self._cluster.append(key)
            return key, 1.0
        cluster = self._cluster[best]
        self._cluster.append(cluster)
        return cluster, round(best_sim, 3)
