"""`--dedup`: keep the best copy of each near-duplicate cluster, send the others to the rejects.

Evidence: the cluster each record joined (`cleaners.dedup.NearDuplicates`, MinHash LSH over the cleaned
text, as for the `cluster` field) and what the cleaners said about each copy. The best copy is the one
with the fewest removals of injected spam, then the fewest flags (damage), then the longest text; on a
tie the first in input order. Records stream to a spool file while the run goes on; this index keeps only
a cluster number per record and the best copy per cluster, so its memory is a few bytes per record plus
one small entry per cluster (`bench/dedup_memory.py` measures it with the MinHash index).

>>> kb = KeepBest()
>>> kb.add({"url": "a", "cluster": "a", "text": "x" * 90, "flags": [], "removed": []})
>>> kb.add({"url": "b", "cluster": "a", "text": "x" * 100, "flags": [], "removed": []})
>>> kb.add({"url": "c", "cluster": "a", "text": "x" * 120, "flags": [], "removed": [{"reason": "spam_brand"}]})
>>> [kb.is_best(i) for i in range(3)], kb.best_key(0)
([False, True, False], 'b')
"""

from __future__ import annotations

from array import array
from typing import Any

from cleaners.record import SPAM_REASONS

#: Removal reasons that show a copy carried planted spam (beyond the text cuts of SPAM_REASONS).
PLANTED = SPAM_REASONS | {"hidden_links", "spam_links", "spliced_links", "spam_site"}


def record_key(record: dict[str, Any]) -> str:
    """The id a record goes by in clusters and `duplicate_of`: its url, else its source."""
    return record.get("url") or record["source"]


def quality(record: dict[str, Any]) -> tuple[int, int, int]:
    """Lower is better: (removals of planted spam, flags, minus the text's length).

    >>> quality({"removed": [{"reason": "spam_brand"}, {"reason": "nav"}], "flags": [{}], "text": "abc"})
    (1, 1, -3)
    """
    spam = sum(1 for r in record.get("removed") or () if r.get("reason") in PLANTED)
    return spam, len(record.get("flags") or ()), -len(record.get("text") or "")


class KeepBest:
    """Record index -> cluster number, and the best copy of each cluster so far."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}
        self._of = array("I")  # record index -> cluster number
        self._best: list[tuple[tuple[int, int, int], int, str]] = []  # cluster -> (quality, index, key)

    def __len__(self) -> int:
        return len(self._of)

    def add(self, record: dict[str, Any]) -> None:
        """Index the next record (in output order)."""
        index = len(self._of)
        key = record_key(record)
        cid = self._ids.setdefault(record.get("cluster") or key, len(self._ids))
        self._of.append(cid)
        score = quality(record)
        if cid == len(self._best):
            self._best.append((score, index, key))
        elif score < self._best[cid][0]:
            self._best[cid] = (score, index, key)

    def is_best(self, index: int) -> bool:
        """True when record `index` is the copy its cluster keeps."""
        return self._best[self._of[index]][1] == index

    def best_key(self, index: int) -> str:
        """The url (else source) of the copy kept for record `index`'s cluster."""
        return self._best[self._of[index]][2]

    @property
    def clusters(self) -> int:
        return len(self._best)
