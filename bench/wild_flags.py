"""Damage flags on ordinary real pages: clean the wild-2017 development pages labelled `ordinary`
(fixtures/wild/labels.jsonl) and print every flag other than spun_phrase with its context, then the counts.

    .venv/bin/python bench/wild_flags.py [--holdout]

Ordinary 2017 pages hold no censor gap a filter made, so nearly every censored_gap flag here is a false one.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT.parent / "shared" / "eval" / "wild-2017" / "pages"


def flags_of(name: str) -> tuple[str, list[tuple[str, str]], int]:
    from cleaners import clean_document

    rec = clean_document((PAGES / name).read_bytes(), name).to_dict()
    text = rec.get("text") or ""
    return name, [(f["type"], text[max(0, f["start"] - 15):f["end"] + 15].replace("\n", " ")) for f in rec.get("flags", [])], len(text)


def main() -> int:
    labels = ROOT / "fixtures" / "wild" / ("holdout.jsonl" if "--holdout" in sys.argv else "labels.jsonl")
    names = [r["file"] for r in map(json.loads, labels.read_text("utf-8").splitlines()) if r["label"] == "ordinary"]
    counts: Counter[str] = Counter()
    chars = 0
    with ProcessPoolExecutor(2) as pool:
        for name, flags, n in pool.map(flags_of, names, chunksize=4):
            chars += n
            for kind, context in flags:
                counts[kind] += 1
                if kind != "spun_phrase":
                    print(f"{name}\t{kind}\t{context}")
    print(f"{len(names)} ordinary pages, {chars:,} characters of records: {dict(counts)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
