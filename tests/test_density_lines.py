"""The density fallback (html.density_extract) starts a line at every block element, headings of every level
included: a minified page's <h1>题</h1><p>文 glued the headline to the first sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaners import clean_document
from cleaners.html import density_extract, parse_html
from cleaners.record import Record

WILD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "wild-2017" / "pages"
QA = ("<html><head><title>家人生病了怎么办？心理咨询师来解答_39健康问答</title></head><body><h1>家人生病了怎么办</h1>"
      "<p>问：我丈夫最近身体不好，输了很多钱，还借了网贷，我该怎么办？</p>"
      "<p>答：这是一种常见的问题，需要家人的理解和专业的帮助。建议先控制家庭财务，避免他继续借贷。</p></body></html>")


def test_a_minified_headline_is_not_glued_to_the_first_sentence() -> None:
    """No blank between </h1> and <p>: before, the record's first line was 家人生病了怎么办问：我丈夫…"""
    rec = clean_document(QA.encode(), "qa.html")
    assert isinstance(rec, Record)
    assert rec.text.splitlines()[0] == "问：我丈夫最近身体不好，输了很多钱，还借了网贷，我该怎么办？"
    assert density_extract(parse_html(QA))[:2] == ["家人生病了怎么办", "问：我丈夫最近身体不好，输了很多钱，还借了网贷，我该怎么办？"]


def test_text_before_a_block_ends_its_line() -> None:
    html = "<html><body><div>引言部分，说明本文的来历和写作的背景。<p>正文第一段，讲述事情的经过和各方的反应。</p>尾声，总结全文。</div></body></html>"
    assert density_extract(parse_html(html)) == ["引言部分，说明本文的来历和写作的背景。", "正文第一段，讲述事情的经过和各方的反应。", "尾声，总结全文。"]


@pytest.mark.skipif(not (WILD / "w007317.html").is_file(), reason="../shared not present")
def test_a_real_list_item_keeps_its_link_title_on_its_own_line() -> None:
    """wild-2017 w007317 (a 私服 spam site, dev set), read by the density fallback: <li><a>仿盛大内功英雄合击</a>
    <p>阿尔希拉尔…: the link title was glued to the paragraph under it."""
    rec = clean_document((WILD / "w007317.html").read_bytes(), "w007317.html")
    assert isinstance(rec, Record)
    lines = rec.text.splitlines()
    assert "仿盛大内功英雄合击" in lines
    assert not any(line.startswith("仿盛大内功英雄合击") and line != "仿盛大内功英雄合击" for line in lines)
