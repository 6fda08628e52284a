"""Write cleaners/data/script_chars.tsv: the characters that only Simplified or only Traditional Chinese uses.

Derived from OpenCC's character tables (Apache-2.0, https://github.com/BYVoid/OpenCC) through the `opencc`
package (the `zh` extra): a CJK Unified Ideograph (U+4E00-U+9FFF) is Traditional-only when OpenCC's t2s
changes it and s2t leaves it alone (體, 們, 這), Simplified-only when s2t changes it and t2s leaves it alone
(体, 们, 这). Characters both scripts write the same way, and the ambiguous ones (乾/干, 後/后 where one form
is also correct in the other script), are in neither list. `cleaners.language` counts them to tell zh-Hans
from zh-Hant. Rerun after an OpenCC upgrade: `.venv/bin/python bench/make_script_chars.py`.
"""

from __future__ import annotations

from pathlib import Path

import opencc

OUT = Path(__file__).resolve().parent.parent / "cleaners" / "data" / "script_chars.tsv"


def main() -> None:
    t2s, s2t = opencc.OpenCC("t2s"), opencc.OpenCC("s2t")
    hans, hant = [], []
    for code in range(0x4E00, 0xA000):
        ch = chr(code)
        simp, trad = t2s.convert(ch), s2t.convert(ch)
        if simp != ch and trad == ch:
            hant.append(ch)
        elif trad != ch and simp == ch:
            hans.append(ch)
    OUT.write_text(
        "# script\tcharacters used only by that script (bench/make_script_chars.py, from OpenCC's tables, Apache-2.0)\n"
        f"Hans\t{''.join(hans)}\nHant\t{''.join(hant)}\n",
        "utf-8",
    )
    print(f"{OUT}: {len(hans)} Simplified-only, {len(hant)} Traditional-only characters")


if __name__ == "__main__":
    main()
