"""cleaners.trafxpaths: the same elements as trafilatura's regex XPaths, swapped in only while asked for."""

from __future__ import annotations

import importlib
from copy import copy
from pathlib import Path

import pytest
from lxml import etree
from trafilatura import xpaths
from trafilatura.htmlprocessing import convert_tags, tree_cleaning

from cleaners import trafxpaths
from cleaners.html import _extractor, parse_html, parse_page
from cleaners.trafxpaths import _PLAN, _plan, fast_xpaths

baseline = importlib.import_module("trafilatura.baseline")  # `trafilatura.baseline` is also a function's name

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted(ROOT.glob("fixtures/pages/*.html")) + sorted(ROOT.glob("fixtures/holdout*/pages/*.html"))

# Attribute order decides `@id|@class` (the first in the source), valueless attributes are "", `.//*[…][1]` is
# the first match of each parent, ol/ul comment lists need the narrower id pattern, an infinite-scroll box with an
# <h1> stays unless it is a Zox "mvp-post-add" box.
CONFUSERS = """<html><body>
<div id="hidden-box" class="x">a</div><div class="x" id="hidden-box">b</div><div style="top:0" id="hidden">c</div>
<div id="reply-1" class="post">d</div><div class="reply-2" id="p">e</div><span data-lp-replacement-content>f</span>
<div role="Navigation">g</div><div data-component="MostPopularStories-x">h</div><p class="cookie-bar">i</p>
<p id="x" class="cookie">j</p><p class="cookie" id="x">k</p><div aria-hidden="true">l</div><div class="" id="">m</div>
<section><div class="post">n</div><div class="entry">o</div></section><div class="entry">p</div>
<article id="article-body"><div itemprop="articleBody">q</div></article><div class="FullText">r</div>
<div class="pageContent Main-Content">s</div><main id="Main-content">t</main><div class="content">u</div>
<ul id="comments"><li>v</li></ul><ol class="comment-list"><li>w</li></ol><ul id="dsq-comments">x</ul>
<div id="commentary">y</div><div class="comments">z</div><details id="comol">1</details>
<div class="infinite-scroll"><h1>2</h1></div><div class="infinite-scroll">3</div><aside id="mvp-post-add-box"><h1>4</h1>
</aside><div class="link x">5</div><div id="page-bottom" class="x">6</div><div class="padding-bottom-0">7</div>
<div style="border:1px">8</div><p class=" hidden">9</p><p class="hide-me">10</p><span id="akismet">11</span>
<div class="share-buttons nav">12</div><div class="x ad y">13</div><div class="x ad-slot">14</div>
<div class="elementor-share-buttons">15</div><p id="Teaser-1">16</p><span class="img-caption">17</span>
<section role="main-area">18</section><main>19</main><div class="mainbox">20</div><aside>21</aside><svg></svg>
<div id="site-footer" class="x">22</div><div class="x" id="site-footer">23</div><div id="CookieBanner">24</div>
<footer>25</footer><template>26</template><div class="onetrust-x">27</div>
</body></html>"""


def _trees(html: str) -> list[etree._Element]:
    """The page as parsed, and as trafilatura's extractor sees it (cleaned, tags converted: <list>, <item>)."""
    tree = parse_html(html)
    options = _extractor(None, True, fast=False)
    return [tree, convert_tags(tree_cleaning(copy(tree), options), options, None)]


def test_trafilatura_version_is_the_one_written_for() -> None:
    assert len(_PLAN) == 14  # else trafilatura's expressions changed and its own are used (slower, same records)


@pytest.mark.parametrize("page", PAGES[:40], ids=lambda p: p.parent.parent.name + "/" + p.name)
def test_same_elements_as_the_xpaths_on_real_pages(page: Path) -> None:
    for tree in _trees(page.read_text("utf-8", "replace")):
        for _, _, original, select in _PLAN:
            assert select(tree) == original(tree), repr(select)


def test_same_elements_on_confusers() -> None:
    hits = 0
    for tree in _trees(CONFUSERS):
        for _, _, original, select in _PLAN:
            assert select(tree) == original(tree), repr(select)
            hits += len(original(tree))
    assert hits > 40


def test_swapped_in_only_inside_and_restored_after_nesting() -> None:
    before = list(xpaths.OVERALL_DISCARD_XPATH)
    with fast_xpaths():
        with fast_xpaths():
            assert isinstance(xpaths.OVERALL_DISCARD_XPATH[0], trafxpaths.Select)
            assert isinstance(baseline.BASIC_CLEAN_XPATH, trafxpaths.Select)
        assert isinstance(xpaths.OVERALL_DISCARD_XPATH[1], trafxpaths.Select)
    assert xpaths.OVERALL_DISCARD_XPATH == before
    with pytest.raises(ValueError), fast_xpaths():
        raise ValueError
    assert xpaths.BODY_XPATH[0] is _PLAN[0][2] and baseline.BASIC_CLEAN_XPATH is _PLAN[-1][2]


def test_another_trafilatura_keeps_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xpaths, "BODY_XPATH", [etree.XPath(".//article"), *xpaths.BODY_XPATH[1:]])
    assert _plan() == []


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def test_drafts_are_the_same_with_trafilaturas_own_xpaths(monkeypatch: pytest.MonkeyPatch) -> None:
    pages = [p.read_bytes() for p in PAGES[:12]]
    for html in [b.decode("utf-8") for b in pages if _is_utf8(b)][:6]:
        fast = parse_page(html)
        with monkeypatch.context() as m:
            m.setattr(trafxpaths, "_PLAN", [])
            slow = parse_page(html)
        assert (fast.paras, fast.title, fast.removed) == (slow.paras, slow.title, slow.removed) and fast.paras


def test_jusText_stop_list_hashed_once_inside_and_trafilaturas_own_after() -> None:
    from justext.core import define_stoplist
    from trafilatura import external

    words = external.JT_STOPLIST or external.jt_stoplist_init()
    with fast_xpaths():
        inside = external.JT_STOPLIST
        assert isinstance(inside, trafxpaths._StopList) and inside == words and hash(inside) == hash(words)
        assert define_stoplist(inside) == frozenset(w.lower() for w in words)
    assert external.JT_STOPLIST is words
