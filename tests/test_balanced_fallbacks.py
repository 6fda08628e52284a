"""cleaners.html.extract_paragraphs: trafilatura's balanced re-run runs its readability and jusText fallbacks only
where the page holds more sentence text than precision mode found (issue 13: fallbacks decided from the page), on
real wild-2017 dev pages (never the holdout)."""

from __future__ import annotations

from typing import Any

import pytest
from _realpages import WILD
from trafilatura import external

from cleaners import html
from cleaners.api import clean_document
from cleaners.record import Record

pytestmark = pytest.mark.skipif(not WILD.exists(), reason="wild-2017 pages not present")


def _balanced_readability_calls(name: str, monkeypatch: Any) -> tuple[int, Any]:
    """How many times readability ran during the balanced re-run of `name`, and the result."""
    calls: list[bool] = []
    balanced = [False]
    original_run, original_readability = html._trafilatura, external.try_readability

    def run(tree: Any, url: Any, precision: bool, *fast: bool) -> str:
        balanced[0] = not precision
        try:
            return original_run(tree, url, precision, *fast)
        finally:
            balanced[0] = False

    def readability(tree: Any) -> Any:
        if balanced[0]:
            calls.append(True)
        return original_readability(tree)

    monkeypatch.setattr(html, "_trafilatura", run)
    monkeypatch.setattr(external, "try_readability", readability)
    result = clean_document((WILD / name).read_bytes(), name)
    return len(calls), result


def test_sentence_lines_are_counted_menus_and_short_lines_are_not() -> None:
    page = html.parse_html("<html><head><title>标题很长很长很长很长很长很长很长很长，</title></head><body>"
                           "<ul><li>首页</li><li>新闻中心</li></ul><p>今天天气很好，我们去公园散步，看见了很多人。</p>"
                           "<div>联系我们 | 网站地图 | 版权所有 2017 某某公司</div><script>var a = 1, b = 2, c = 3;</script>"
                           "<p>第二段<b>正文</b>也在这里，读者在这一页可以看到它。</p></body></html>")
    assert html.sentence_chars(page) == len("今天天气很好，我们去公园散步，看见了很多人。") + len("第二段正文也在这里，读者在这一页可以看到它。")


@pytest.mark.parametrize("name", ["w000005.html", "w000050.html", "w000185.html"])
def test_no_fallbacks_where_the_page_has_no_more_sentences(name: str, monkeypatch: Any) -> None:
    """A topic page, an empty page, a spam page: precision mode finds under 150 prose characters and the page
    holds no more sentence text, so the balanced re-run goes without readability (it ran on every such page)."""
    calls, _ = _balanced_readability_calls(name, monkeypatch)
    assert calls == 0


def test_fallbacks_run_where_the_page_holds_an_article_precision_missed(monkeypatch: Any) -> None:
    """w000179: precision mode finds 147 prose characters, the page holds 3,214 in sentence lines; readability
    rescues the article (82 prose characters without the fallbacks)."""
    calls, result = _balanced_readability_calls("w000179.html", monkeypatch)
    assert calls >= 1
    assert isinstance(result, Record) and len(result.text) > 1000


def test_a_short_fast_text_does_not_replace_precisions_unchecked() -> None:
    """w001503, a vet-drug firm's home page: the fast balanced run finds 125 characters of menu lines, more than
    precision's 104; the default run, which keeps precision's company description, decides."""
    result = clean_document((WILD / "w001503.html").read_bytes(), "w001503.html")
    assert isinstance(result, Record)
    assert "河南利邦动物药业有限公司致力于" in result.text and "行情早报" not in result.text
