"""Text dumps written by other tools than a browser's innerText, on real labelled pages.

The same wild-2017 pages that fixtures/wild/dumps.jsonl labels (title, date, first and last words) are
rendered here by a scraper's BeautifulSoup ``get_text("\\n")`` (one text node a line) and by html2text
(Markdown), in the test, then cleaned as `.txt` (`python -m mirrorclean.dumps --renderer NAME`). The rules
under test (cleaners/dumplines.py) read notations many tools share and the shape of lines, never a tool's name.
"""

from __future__ import annotations

import os
import shutil

import pytest
from _renders import LABELS, SHARED, cleaned

from cleaners.dumplines import table_rows, undecorate, undress
from cleaners.textdump import _heading_like


@pytest.mark.parametrize("name", ["w008040.html", "w001276.html"])
def test_one_node_a_line_field_block_gives_the_date(name: str) -> None:
    """get_text prints `发布时间:` and its value on two lines; joined again when fields come in a row."""
    rec = cleaned("soup", name)
    assert rec.published == LABELS[name]["published"]


def test_one_node_a_line_label_over_a_date_is_a_byline() -> None:
    """w001327 by get_text: the headline over `发布时间：` / `2016-12-02 16:12` (a lone label over a date)."""
    rec = cleaned("soup", "w001327.html")
    assert (rec.title, rec.published) == (LABELS["w001327.html"]["title"], LABELS["w001327.html"]["published"])


def test_one_node_a_line_sentences_around_numbers_rejoin() -> None:
    """w001975 by get_text: `2012` / `年，荣贺腾讯网…称号；` (a year in its own tag) had made a headline of the rest of
    its sentence; joined again, the page's headline is found."""
    rec = cleaned("soup", "w001975.html")
    assert rec.title == LABELS["w001975.html"]["title"]


@pytest.mark.parametrize("name", ["w000470.html", "w000724.html", "w001240.html", "w001327.html"])
def test_markdown_dump_title_is_the_headline(name: str) -> None:
    """html2text marks the headline `# 标题` and field labels `**射程：**`: the marks are notation, not words."""
    pytest.importorskip("html2text")
    rec = cleaned("html2text", name)
    assert rec.title == LABELS[name]["title"]
    assert not rec.is_spam_page


def test_markdown_dump_of_a_news_page_keeps_its_text() -> None:
    """DAnIEL pages as Markdown: headlines found without their `#` or `**`, no page called spam."""
    pytest.importorskip("html2text")
    folder = SHARED / "daniel-zh-dev"
    ids = [i for i in (folder / "ids.txt").read_text("utf-8").split() if i][:12] if folder.is_dir() else []
    if not ids:
        pytest.skip("DAnIEL not beside the repo")
    right = 0
    for key in ids:
        rec = cleaned("html2text", f"{key}.html", folder / "html")
        gold = (folder / "reference" / f"{key}.txt").read_text("utf-8")
        headline = gold.split("<p>", 1)[1].split("</p>", 1)[0].strip() if "<p>" in gold else ""
        right += bool(rec.title) and "".join(rec.title.split()) == "".join(headline.split())
        assert not rec.is_spam_page
        assert not (rec.title or "").startswith(("#", "*"))
    assert right >= 0.7 * len(ids)


def test_notation_off_but_text_kept() -> None:
    """Real lines: Markdown marks go; stars and underscores that are the page's own text stay, and so does a
    browser's trailing tab (an empty table cell)."""
    assert undecorate("# 三日“鲁滨逊”") == "三日“鲁滨逊”"
    assert undecorate("**射程：** 70| **移动速度：** 78") == "射程： 70| 移动速度： 78"
    assert undecorate("* 主站") == "* 主站"  # a list item stays a list item (and is never a headline)
    assert not _heading_like("* 南充市安汉中学2016校园招聘") and _heading_like("南充市安汉中学2016校园招聘")
    for line in ("20**年**月**日",  # w000135: a letter's date to fill in
                 "这突然找****来，他也懵b啊、",  # w003159: a censored word
                 "24.知识产权制度的本质是通过保护产权形成_______，",  # w006704: a blank to fill
                 "会员标识：\t",  # w007477's field row with an empty value
                 "- 保证每个月可以提交至少 2 篇原创文章，",  # w008924: a dash the page prints
                 "– Ni** My**",  # a Scrapinghub article's censored names
                 "[Engadget]",  # a source named in brackets
                 "[2024-02-28]"):  # a date in brackets, not an image's name
        assert undecorate(line) == line
    assert undecorate("【经乳汁分泌】 Compatible [G3].") == "【经乳汁分泌】 Compatible [G3]."  # w008245: a citation
    assert "[[Roberto_Rossellini]]" in undecorate("电影（[[Roberto_Rossellini]]编剧）")  # w002120: a wiki link


def test_tables_drawn_in_text_become_rows() -> None:
    """w007374 as a text browser draws it (box lines), and a Markdown table: tab-separated rows like innerText's."""
    box = ["┌─────────┬───────────────┬──────────┐",
           "│  序号   │   工作阶段    │          时间点           │                       工作内容                        │",
           "├─────────┼───────────────┼──────────┤",
           "│1.       │   考点申报    │         常年开通          │                                                       │"]
    assert table_rows(box) == ["序号\t工作阶段\t时间点\t工作内容", "1.\t考点申报\t常年开通"]
    assert table_rows(["首页 | 新闻中心 | 关于我们"]) == ["首页 | 新闻中心 | 关于我们"]  # a menu: no rule under it


def test_columns_side_by_side_are_cells() -> None:
    """A text browser lays a layout table's cells side by side, padded with spaces (a chinanews page's picture box
    beside a list): cells, not one long line of prose that outweighs the article."""
    line = "银河系大量新星诞生" + " " * 470 + "南京全城搜捕抢劫嫌犯"
    assert table_rows([line]) == ["银河系大量新星诞生\t南京全城搜捕抢劫嫌犯"]
    assert table_rows(["公益时空  法律在线"]) == ["公益时空  法律在线"]  # two spaces: words, not columns


def test_icons_as_empty_emphasis_are_no_text() -> None:
    """html2text prints an icon's empty <i></i> as `__` (w003380's byline, w002026's post footer)."""
    assert undecorate("__百科收藏 __admin __10年前 (2007-08-15) __2472浏览 __0评论") == \
        "百科收藏 admin 10年前 (2007-08-15) 2472浏览 0评论"
    assert undecorate("2011-5-19 11:58:39 ___回复_ ___赞_") == "2011-5-19 11:58:39 回复 赞"


def test_image_names_are_no_brand() -> None:
    """A text browser prints an image as its file name in brackets; `[05hzxw_pic015]` is no brand (w005209)."""
    lines = undress(["[logo] [banner]", "[05hzxw_pic015]", "假西洋参流入杭州市场 不但不值钱吃了还伤身"])
    assert [ln for ln in lines if ln.strip()] == ["假西洋参流入杭州市场 不但不值钱吃了还伤身"]


def test_text_browser_dumps() -> None:
    """w3m's dumps of real pages: w005209's image names are no brands; a chinanews page's picture box beside a list
    (cells padded with spaces) no longer outweighs the article under its headline."""
    if shutil.which("w3m") is None:
        if os.environ.get("CI"):
            pytest.fail("w3m must be installed in CI (.ci/run installs it)")
        pytest.skip("w3m not installed (apt-get install w3m)")
    rec = cleaned("w3m", "w005209.html")
    assert not rec.is_spam_page, rec.spam_terms
    key = "20120112_www.chinanews.com_0d42564bf0e1f05cd8f867ce4d5c8eeb7efb50a1814840d3e4f53f86"
    rec = cleaned("w3m", f"{key}.html", SHARED / "daniel-zh-dev" / "html")
    assert rec.title == "上海人大代表吁逐步取消高速路收费缓解堵塞"
    assert "朱利民说，自己住在市区" in rec.text
