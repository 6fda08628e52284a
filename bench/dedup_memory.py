"""Memory per record of `clean --dedup` in the main process: the MinHash LSH index plus the keep-best index.

    .venv/bin/python bench/dedup_memory.py --records 50000

Feeds N distinct article-length Chinese texts (1,500 characters drawn from the fixture articles' characters,
so no two are near-duplicates: the worst case, one cluster per record) and then the same number again with
every fourth text a light edit of an earlier one, through `cleaners.dedup.NearDuplicates` and
`mirrorclean.keepbest.KeepBest` exactly as `CorpusWriter` does, and reports the growth of the process's
resident memory (VmRSS) per record. The texts themselves are generated one at a time and not kept (the spool
holds records on disk, not in memory). Not a test: the figure goes to docs/corpus.md.
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "fixtures"))


def rss_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def measure(n: int, dup_every: int, alphabet: str, seed: int, keep: bool = True) -> tuple[float, int]:
    """Bytes of resident memory per record, and the clusters kept, for n records (`keep`: with KeepBest)."""
    from cleaners.dedup import NearDuplicates
    from mirrorclean.keepbest import KeepBest, record_key

    rng = random.Random(seed)
    nd, kb = NearDuplicates(), KeepBest()
    earlier: list[str] = []  # a few recent texts to copy from (bounded)
    gc.collect()
    before = rss_kb()
    for i in range(n):
        if dup_every and i % dup_every == dup_every - 1 and earlier:
            base = rng.choice(earlier)
            cut = rng.randrange(len(base) - 40)
            text = base[:cut] + "本文转载自某某网。" + base[cut + 20:]
        else:
            text = "".join(rng.choices(alphabet, k=1500))
        if len(earlier) < 64:
            earlier.append(text)
        else:
            earlier[rng.randrange(64)] = text
        record = {"source": f"/data/cc/segment-{i // 10000:05d}.warc.gz#{i * 7919}",
                  "url": f"http://www.site{i % 5000}.example.cn/news/2024/{i:08d}.html",
                  "text": text, "flags": [], "removed": []}
        record["cluster"], record["cluster_similarity"] = nd.add(record_key(record), text)
        if keep:
            kb.add(record)
    gc.collect()
    return (rss_kb() - before) * 1024 / n, kb.clusters


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=50000)
    parser.add_argument("--case", type=int, help=argparse.SUPPRESS)  # one case, in this process
    args = parser.parse_args()
    cases = [("MinHash index alone, all distinct", 0, False), ("--dedup, all distinct", 0, True),
             ("--dedup, every 4th a near-copy", 4, True)]
    if args.case is None:  # each case in a fresh process: freed memory of one must not serve the next
        import subprocess

        for i in range(len(cases)):
            subprocess.run([sys.executable, __file__, "--records", str(args.records), "--case", str(i)], check=True)
        return 0
    from fixture_articles import ARTICLES

    alphabet = "".join(sorted({ch for a in ARTICLES.values() for p in a["paras"] for ch in p if "\u4e00" <= ch <= "\u9fff"}))
    label, dup_every, keep = cases[args.case]
    per, clusters = measure(args.records, dup_every, alphabet, seed=7, keep=keep)
    print(f"{label:36} {args.records} records, {clusters if keep else '-'} clusters: {per:,.0f} bytes/record "
          f"(~{per * 1e6 / 2**30:.2f} GiB per million records)", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
