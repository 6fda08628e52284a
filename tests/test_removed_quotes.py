"""`removed` of a text input quotes the input as it was (cleaners.textdump.read_lines): a line the front end cut is
recorded as printed, not in the form cleaners/dumplines.py read it (a row padded with spaces read as tab-separated
cells, Markdown marks off, a wrapped paragraph or a split field joined). Real inputs: DAnIEL pages flattened as a
crawl's plain-text extract, read at run time from ../shared/eval (nothing of them is copied here)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaners import Record, clean_document
from cleaners.textdump import parse_text, read_lines

ROOT = Path(__file__).resolve().parent.parent
DANIEL = ROOT.parent / "shared" / "eval" / "daniel-zh-dev"
needs_daniel = pytest.mark.skipif(not DANIEL.is_dir(), reason="the shared eval sets are not beside the repo")


def _wet(prefix: str) -> str:
    from mirrorclean.wildeval import wet_text

    return wet_text(next((DANIEL / "html").glob(prefix + "*.html")).read_bytes())


@needs_daniel
@pytest.mark.parametrize("prefix", ["20111209_china.huanqiu.com", "20111209_finance.ce.cn", "20120112_www.ttv.com.tw"])
def test_every_line_the_front_end_cuts_is_quoted_from_the_extract(prefix: str) -> None:
    """Boxes of headlines of about one width (huanqiu's 排行, ce.cn's dated list) had been glued into one line by
    the joiner and recorded glued, a text the page never printed."""
    text = _wet(prefix)
    rec = clean_document(text.encode("utf-8"), prefix + ".txt", kind="text")
    assert isinstance(rec, Record)
    cut = [r for r in rec.removed if r.where in ("header", "trailer")]
    assert len(cut) >= 20
    assert [r.text for r in cut if r.text not in text] == []


@needs_daniel
def test_a_row_padded_with_spaces_is_quoted_with_its_spaces() -> None:
    """A text browser lays a table's cells side by side with four spaces or more; cleaners.dumplines reads the row
    as tab-separated cells, and `removed` had shown the tabs. Here the menu lines of a real extract are printed
    as one such row above the article."""
    text = _wet("20120112_www.ttv.com.tw")
    lines = text.splitlines()
    at = lines.index("戲劇節目")
    row = "    ".join(lines[at:at + 4])
    padded = "\n".join([*lines[:at], row, *lines[at + 4:]])
    read, quotes = read_lines(padded)
    assert "\t".join(lines[at:at + 4]) in read
    assert row in quotes
    rec = clean_document(padded.encode("utf-8"), "ttv.txt", kind="text")
    assert isinstance(rec, Record)
    assert any(r.text == row for r in rec.removed)
    assert not any("\t" in r.text for r in rec.removed)


# Lines of the shapes the front end reads: menus, meta lines, a table row padded with spaces, Markdown marks,
# sentences, fields split over two lines, a paragraph hard-wrapped with an indent.
PROSE = "基层治理是国家治理的基石，统筹推进乡镇和城乡社区治理，是实现国家治理体系现代化的基础工程。"
LINE = st.sampled_from([
    "首页", "新闻中心", "当前位置：首页 > 新闻", "来源：新华社  发布时间：2024-06-18 09:30", "上一篇：某某新闻",
    "**来源：** 新华社", "## 稻田养虾亩产创新高", "序号    时间    内容", "1    3月    报名", "发布:", "圣骑士",
    "相关新闻：", "版权所有 © 某某 2024", "  " + PROSE[:24], PROSE[24:], PROSE, "\u3000\u3000" + PROSE, "",
    "[05hzxw_pic015] 图为稻田", "Home    News    Contact", "关键字：稻田 养虾",
])


@settings(max_examples=200, deadline=None)
@given(lines=st.lists(LINE, min_size=1, max_size=30), crlf=st.booleans())
def test_every_removal_of_the_front_end_is_a_substring_of_the_input(lines: list[str], crlf: bool) -> None:
    text = ("\r\n" if crlf else "\n").join(lines)
    read, quotes = read_lines(text)
    assert len(read) == len(quotes)
    assert all(q in text for q in quotes)
    for r in parse_text(text).removed:
        if r.where in ("header", "trailer", "text"):
            assert r.text in text, r
