"""A text dump's keyword line (本文关键词：…) is the slot an HTML page's meta keywords are: the brands a mirror puts
there make the page spam (cleaners.textdump.keywords_slot -> spam.find_spam_terms). The article is a real DAnIEL gold
text and the planted terms are real injected strings of dev pages (fixtures/wild/labels.jsonl: parasites and spam sites) with a site
handle's shape (w88优德娱乐, k99娱乐城), read at run time: nothing is copied here."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cleaners import clean_document
from cleaners.spam import HANDLE_RE

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "eval" / "daniel-zh-dev" / "reference"
LABELS = ROOT / "fixtures" / "wild" / "labels.jsonl"

pytestmark = pytest.mark.skipif(not GOLD.is_dir(), reason="the shared eval sets are not beside the repo")


def _dump(keywords: str) -> bytes:
    """A dump of the first DAnIEL gold text with three paragraphs, its keyword line set to `keywords`."""
    for path in sorted(GOLD.glob("*.txt")):
        lines = [" ".join(ln.split()) for ln in re.sub(r"<[^>]+>", "\n", path.read_text("utf-8")).splitlines()]
        paras = [ln for ln in lines if len(ln) >= 40 and ln.endswith("。")]
        if len(paras) >= 3:
            text = "\n".join(["产品中心", "新闻标题", "发布时间：2012-01-05 10:22", *paras[:3], "本文关键词：" + keywords,
                              "上一篇：返回列表", "下一篇：返回列表"])
            return text.encode("utf-8")
    raise AssertionError("no DAnIEL gold text with three paragraphs")


def _handles() -> list[str]:
    rows = [json.loads(ln) for ln in LABELS.read_text("utf-8").splitlines()]
    return sorted({m.group(0) for r in rows for t in r["injected"]
                   for m in [HANDLE_RE.search(t)] if m})


def test_a_handle_in_the_keyword_line_makes_a_spam_page() -> None:
    handles = _handles()
    assert len(handles) >= 3
    for handle in handles:  # on main before this test: w88优德娱乐, w88优德体育, m88下载娱乐 were not spam
        rec = clean_document(_dump(f"{handle},新闻"), "kw.txt")
        assert rec.is_spam_page and handle in rec.spam_terms, (handle, rec.spam_terms)
        assert handle not in (rec.text or "")


def test_ordinary_keywords_stay_ordinary() -> None:
    rec = clean_document(_dump("新闻,经济,iPhone7手机"), "kw.txt")
    assert not rec.is_spam_page and rec.spam_terms == []
