"""Guard: DAnIEL and Scrapinghub cleaned as plain text (their gold texts, and WET-like extracts of their HTML,
mirrorclean.wildeval.wet_text) must give no spam page and no spam cut.

    python bench/plaintext_spam_guard.py   # from the repo, with ../shared/eval/ beside it
"""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE))


def run(name: str, items: Iterable[tuple[str, str]]) -> int:
    """Clean each (key, text) as .txt; print and return the pages called spam or with a spam cut."""
    from cleaners import Record, clean_document
    from mirrorclean.wildeval import spam_removals

    spam = cut = n = 0
    for key, text in items:
        rec = clean_document(text.encode("utf-8"), f"{key}.txt", kind="text")
        if not isinstance(rec, Record):
            continue
        n += 1
        out = rec.to_dict()
        spam += out["is_spam_page"]
        cut += bool(spam_removals(out))
        if out["is_spam_page"] or spam_removals(out):
            print("  ", name, key, out["spam_terms"][:3])
    print(f"{name}: {n} records, called spam {spam}, with a spam cut {cut}", flush=True)
    return spam + cut


def main() -> int:
    from mirrorclean.wildeval import wet_text

    ev = HERE.parent / "shared" / "eval"
    dan = ev / "daniel-zh-dev"
    ids = [i for i in (dan / "ids.txt").read_text("utf-8").split() if i]
    bad = run("DAnIEL gold", ((k, (dan / "reference" / f"{k}.txt").read_text("utf-8")) for k in ids))
    bad += run("DAnIEL WET-like", ((k, wet_text((dan / "html" / f"{k}.html").read_bytes())) for k in ids))
    sh = ev / "scrapinghub-aeb"
    gold = json.loads((sh / "ground-truth.json").read_text("utf-8"))
    bad += run("Scrapinghub gold", ((k, v["articleBody"]) for k, v in gold.items() if (v.get("articleBody") or "").strip()))
    pages = sorted((sh / "html").iterdir())
    bad += run("Scrapinghub WET-like", ((p.name, wet_text(gzip.open(p).read() if p.suffix == ".gz" else p.read_bytes()))
                                        for p in pages))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
