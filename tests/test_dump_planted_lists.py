"""A list planted under a text dump's article is not kept as the article's own list (cleaners.textdump.list_sells).

s27-9d's rules keep a schedule, an announced list (a text ending with a colon, then 1. 2. 3.) and a ranked list
under a sentence as the story's. A planted 推荐 list of gambling brands has the same shape; its items sell a spam
topic, and then the list goes as before. The article is a real DAnIEL gold text and the planted items are the
real injected strings of dev parasites (fixtures/wild/labels.jsonl), read at run time: nothing is copied here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cleaners import clean_document

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "eval" / "daniel-zh-dev" / "reference"
LABELS = ROOT / "fixtures" / "wild" / "labels.jsonl"

pytestmark = pytest.mark.skipif(not GOLD.is_dir(), reason="the shared eval sets are not beside the repo")


def _article() -> tuple[str, list[str]]:
    """(headline, paragraphs) of a DAnIEL gold text with four or more paragraphs."""
    for path in sorted(GOLD.glob("*.txt")):
        lines = [" ".join(ln.split()) for ln in re.sub(r"<[^>]+>", "\n", path.read_text("utf-8")).splitlines()]
        paras = [ln for ln in lines if len(ln) >= 40 and ln.endswith("。")]
        if len(paras) >= 4:
            return lines[0] if lines[0] and lines[0] not in paras else "新闻", paras[:4]
    raise AssertionError("no DAnIEL gold text with four paragraphs")


def _brands() -> list[str]:
    """Injected gambling strings of the dev parasites: 2-12 characters, Chinese, one per line."""
    out: list[str] = []
    for line in LABELS.read_text("utf-8").splitlines():
        row = json.loads(line)
        if row["label"] == "parasite" and any(w in "".join(row["injected"]) for w in ("娱乐", "博彩", "赌", "葡京", "皇冠")):
            out += [t for t in row["injected"] if 4 <= len(t) <= 12 and re.search(r"[\u4e00-\u9fff]", t)]
    return list(dict.fromkeys(out))


@pytest.mark.parametrize("shape", ["announced", "ranked"])
def test_planted_numbered_list_is_not_the_articles(shape: str) -> None:
    head, paras = _article()
    brands = [b for b in _brands() if any(w in b for w in ("娱乐", "博彩", "赌", "葡京", "皇冠"))][:5]
    assert len(brands) >= 4
    if shape == "announced":
        body = paras[:-1] + [paras[-1] + "更多推荐如下：", *(f"{i}. {b}" for i, b in enumerate(brands, 1))]
    else:
        body = paras + [f"第{i}名 {b}" for i, b in enumerate(brands, 1)]
    text = "\n".join([head, "发布时间：2012-01-05 10:22", *body, "上一篇：返回列表", "下一篇：返回列表"]) + "\n"
    rec = clean_document(text.encode("utf-8"), "planted.txt")
    assert rec.text is not None
    left = [b for b in brands if b in rec.text]
    assert not left, left
    for p in paras[:-1]:  # the article stays whole
        assert p in rec.text
