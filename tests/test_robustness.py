"""Mutated real pages (truncated, corrupted, repeated, broken markup): a record or a named reject, never an error."""

from __future__ import annotations

import random
from pathlib import Path

from cleaners import Reject, clean_document

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted(p for p in (ROOT / "fixtures" / "pages").iterdir() if p.is_file())


def mutate(data: bytes, rng: random.Random, op: int) -> bytes:
    d = bytearray(data)
    if op == 0:
        return bytes(d[: rng.randint(0, len(d))])
    if op == 1:
        for _ in range(20):
            d[rng.randrange(len(d))] = rng.randrange(256)
        return bytes(d)
    if op == 2:
        return bytes(d[rng.randint(0, len(d)):])
    if op == 3:
        return bytes(d).replace(b"<", b"<<", rng.randint(1, 50))
    return bytes(d) * 3


def test_mutated_pages_never_error() -> None:
    rng = random.Random(20261127)
    for page in PAGES:
        data = page.read_bytes()
        for op in range(5):
            result = clean_document(mutate(data, rng, op), page.name)
            if isinstance(result, Reject):
                assert result.reason in {"unreadable", "empty", "no_article", "too_short"}, result
