"""The text-dump front end on real text dumps: DAnIEL news pages rendered by headless Chromium (offline) and
saved as the text a reader sees, then cleaned as `.txt` and compared with the gold headline and text.

Templates here were never written by the team: portal menus, teaser blocks above the article, bylines,
share bars, related-news boxes inside the article, sidebars and footers, Simplified and Traditional.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mirrorclean.dumps import browser_paths, score_daniel

DANIEL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "daniel-zh-dev"


@pytest.fixture(scope="module")
def scored() -> dict:
    if browser_paths() is None:
        if os.environ.get("CI"):
            pytest.fail("chromium and chromedriver must be installed in CI (.ci/run installs them)")
        pytest.skip("chromium/chromedriver not installed")
    pytest.importorskip("selenium")
    if not DANIEL.is_dir():
        pytest.skip("DAnIEL not beside the repo")
    return score_daniel(DANIEL, limit=30)


def test_titles_text_and_verdicts_of_real_dumps(scored: dict) -> None:
    assert scored["pages"] >= 28
    assert scored["title_exact"] >= 0.75 * scored["pages"], [d for d in scored["details"] if not d["title_ok"]]
    assert scored["f1"] >= 0.85
    assert scored["spam_pages"] == 0


def test_no_title_is_a_menu_item_or_a_company_line(scored: dict) -> None:
    """A wrong title is at worst missing: never the site's name, a channel or a menu entry."""
    for d in scored["details"]:
        if d["title"] and not d["title_ok"]:
            assert len(d["title"]) >= 6, d


WILD = DANIEL.parent / "wild-2017" / "pages"
LABELS = Path(__file__).resolve().parent.parent / "fixtures" / "wild" / "dumps.jsonl"
# real wild-2017 pages whose dumps end in a box of other stories (最新资讯 / 相关测评教程 / 首页推荐 + 更多 /
# headline-and-lead pairs), or put a tag line or reader controls between the headline and its byline, a nav
# label before a chapter heading, or a headline that reads like a sentence over its author and date
BOXES = ["w002286.html", "w003507.html", "w005475.html"]
HEADINGS = ["w003464.html", "w004535.html", "w005673.html", "w008489.html"]
# the headline is a breadcrumb's last part (> 理财 > 理财在线 > 标题), or a line repeating it (an English slug)
CRUMBS = ["w001276.html", "w001720.html", "w004827.html"]
DATELINES = ["w006808.html"]  # the date in a line under the headline: 大六网 www.ttvvb.com 2013-10-24
# forum threads whose replies (沙发, 板凳, X 发表于 …, 以下是被点赞的回帖) outweigh the first post
THREADS = ["w002658.html", "w004420.html", "w008767.html"]
# web-novel chapters: site prompts over the nav row under the chapter, an author's note (作者有话要说：) under it,
# link rows (热门推荐：…) over it
CHAPTERS = ["w001145.html", "w003695.html", "w004827.html", "w005674.html"]
# the article opens with a section heading (第一日; 破解的始末 in an article with more such headings)
SECTIONS = ["w000470.html", "w004535.html"]
# a box of video cards (title, 推荐理由, a lead cut short …) or a 549-character row of headlines between pipes
# outweighs a short article
CARDS = ["w005170.html", "w009837.html"]


@pytest.fixture(scope="module")
def wild_dumps() -> dict:
    import json

    from cleaners import clean_document
    from mirrorclean.dumps import chromium, inner_text

    if browser_paths() is None:
        pytest.skip("chromium/chromedriver not installed")
    if not WILD.is_dir():
        pytest.skip("wild-2017 not beside the repo")
    rows = LABELS.read_text("utf-8").splitlines()
    labels = {r["file"]: r for r in map(json.loads, rows) if r["file"] in BOXES + HEADINGS + CRUMBS + THREADS + CHAPTERS + SECTIONS + CARDS + DATELINES}
    out = {}
    with chromium() as driver:
        for name, lab in labels.items():
            text = inner_text(driver, WILD / name) or ""
            out[name] = (lab, clean_document(text.encode("utf-8"), name, kind="text").to_dict())
    return out


@pytest.mark.parametrize("name", BOXES)
def test_a_box_of_other_stories_ends_the_article(wild_dumps: dict, name: str) -> None:
    lab, rec = wild_dumps[name]
    assert lab["last"] in rec["text"][-200:], rec["text"][-300:]


@pytest.mark.parametrize("name", HEADINGS)
def test_the_headline_above_a_tag_line_or_reader_controls(wild_dumps: dict, name: str) -> None:
    lab, rec = wild_dumps[name]
    assert rec["title"] == lab["title"]


@pytest.mark.parametrize("name", CRUMBS)
def test_the_headline_at_the_end_of_a_breadcrumb(wild_dumps: dict, name: str) -> None:
    """Before: a section of the crumb (理财在线, 现代都市) was taken as the title."""
    lab, rec = wild_dumps[name]
    assert rec["title"] == lab["title"].replace("?", "？")


@pytest.mark.parametrize("name", THREADS)
def test_a_thread_is_its_first_post(wild_dumps: dict, name: str) -> None:
    """Before: a long reply (a pasted manual, an argument) was taken as the article, or the title was a menu line."""
    lab, rec = wild_dumps[name]
    assert lab["first"] in rec["text"][:200], rec["text"][:300]
    assert lab["last"] in rec["text"][-200:], rec["text"][-300:]
    assert rec["title"] == lab["title"].replace("?", "？")
    if lab["published"]:
        assert rec["published"] == lab["published"]


@pytest.mark.parametrize("name", CHAPTERS)
def test_a_chapter_without_the_sites_prompts_and_link_rows(wild_dumps: dict, name: str) -> None:
    lab, rec = wild_dumps[name]
    assert rec["text"].replace("，", ",").startswith(lab["first"].replace("，", ",")), rec["text"][:200]
    assert lab["last"] in rec["text"][-200:], rec["text"][-300:]
    for prompt in ("加入书架", "手机用户", "txt", "热门推荐", "热门点击", "推荐阅读", "作者有话要说"):
        assert prompt not in rec["text"]


@pytest.mark.parametrize("name", SECTIONS)
def test_the_first_section_heading_opens_the_article(wild_dumps: dict, name: str) -> None:
    lab, rec = wild_dumps[name]
    assert rec["text"].startswith(lab["first"]), rec["text"][:200]


@pytest.mark.parametrize("name", CARDS)
def test_a_box_of_cards_is_not_the_article(wild_dumps: dict, name: str) -> None:
    lab, rec = wild_dumps[name]
    assert lab["first"] in rec["text"][:200] and lab["last"] in rec["text"][-200:], rec["text"]
    assert "推荐理由" not in rec["text"] and " | " not in rec["text"]


@pytest.mark.parametrize("name", DATELINES)
def test_the_date_under_the_headline(wild_dumps: dict, name: str) -> None:
    lab, rec = wild_dumps[name]
    assert rec["published"] == lab["published"] and rec["title"] == lab["title"]
