"""The worst regular-expression cases found by the audit (bench/regex_audit.py, docs/security.md), on inputs
that the old patterns took minutes over and the new ones take milliseconds: a hang fails the test by its
timeout, never by a timed assertion. Each test also checks the result, so a pattern made fast but wrong fails.
"""

from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse

from cleaners import Record, Reject, clean_document
from cleaners.dates import find_date
from cleaners.decode import _META_RE, _XML_DECL_RE, declared_charsets
from cleaners.html import COLUMN_HEAD_RE, SIDE_HEAD_RE, css_rules
from cleaners.normalize import _LINE_EDGE_RE, _URL_OR_MARK_RE
from cleaners.references import _CITE_START_RE, _NUMBERED_RE, _expand
from crawler.spiders.mirror import CONTINUATION_RE, has_prose, page_links

N = 200_000  # characters: a quadratic scan of this is 2e10 steps (minutes); a linear one, milliseconds
pytestmark = pytest.mark.timeout(60)

ARTICLE = ("<p>基层治理是国家治理的基石，统筹推进乡镇和城乡社区治理，是实现国家治理体系和治理能力现代化的基础工程。"
           "近年来，各地围绕党建引领基层治理开展了大量探索，形成了一批可复制、可推广的经验做法。</p>") * 4


def test_style_without_a_brace_is_linear() -> None:
    """The probe: a 200 KB <style> with no "{" took 248 s in CSS_RULE_RE."""
    for style in ("a" * N, "{a" * (N // 2), "a{" * (N // 2), "}{a" * (N // 3)):
        assert css_rules(style) == []
    assert css_rules(".x{display:none}a" * 3 + "}" + "b{" * N) == [(".x", "display:none"), ("a.x", "display:none"),
                                                                   ("a.x", "display:none")]
    assert css_rules("@media print{.a{display:none}}") == [("@media print", ".a{display:none")]
    page = f"<html><head><title>标题</title><style>{'a' * N}</style></head><body>{ARTICLE}</body></html>"
    result = clean_document(page.encode(), "style.html")
    assert isinstance(result, Record) and "基层治理" in result.text


@pytest.mark.parametrize("blank", [" ", "\t", "\u3000"])
def test_section_heading_followed_by_a_long_blank_run(blank: str) -> None:
    assert not SIDE_HEAD_RE.match("公司简介" + blank * 20_000 + "x")
    assert not COLUMN_HEAD_RE.match("新闻中心" + blank * 20_000 + "x")
    assert SIDE_HEAD_RE.match("公司简介" + blank * 20_000) and SIDE_HEAD_RE.match("【联系我们】 CONTACT US  更多>>")


def test_normalize_blank_runs() -> None:
    assert _LINE_EDGE_RE.sub("\n", " " * N + "x") == " " * N + "x"
    assert _LINE_EDGE_RE.sub("\n", "a  \n  b \n\n c") == "a\nb\n\nc"
    assert not list(_URL_OR_MARK_RE.finditer(" " * N))
    assert [m.group() for m in _URL_OR_MARK_RE.finditer("a , b  ;c")] == [" , ", "  ;"]


def test_citation_markers_with_long_blank_runs() -> None:
    assert not _CITE_START_RE.match("注" + " " * 50_000 + "x")
    assert not _NUMBERED_RE.match("注" + " " * 50_000 + "x")
    assert _CITE_START_RE.match("注 [ 12 ]").group("note") == "12"
    assert _expand("1" + " " * N + "-3") == [1, 2, 3]
    assert _expand("2" + " " * N + "，5") == [2, 5]


@pytest.mark.parametrize("date", ["2024年1月1日", "Jan 1, 2024", "1 Jan 2024", "2024-01-01", "18/03/2024"])
def test_a_date_followed_by_a_long_blank_run(date: str) -> None:
    expected = "2024-03-18" if date.startswith("18/") else "2024-01-01"
    assert find_date(date + " " * 50_000 + "x")[0] == expected
    assert find_date(date + " \t " * 20_000 + "上午")[0] == expected
    assert find_date(date + " 下午 3:05")[0] == expected + "T15:05"


def test_declared_charsets_on_hostile_heads() -> None:
    # declared_charsets reads 4 KB of the page; the patterns themselves must not depend on that bound
    assert not list(_META_RE.finditer(b"<meta charset " * 20_000))
    assert not _XML_DECL_RE.search(b"<?xml encoding " * 20_000)
    assert declared_charsets(b'<meta http-equiv="Content-Type" content="text/html; charset=GBK">') == ["gbk"]
    assert declared_charsets(b"x", "text/html; charset=" + " " * N + ";") == []
    assert declared_charsets(b"x", "text/html; charset = 'gb2312'") == ["gb2312"]


def _response(html: str, url: str = "http://a.cn/news/1.html") -> HtmlResponse:
    return HtmlResponse(url=url, body=html.encode("utf-8"), encoding="utf-8")


def test_page_of_unclosed_anchors_is_linear() -> None:
    """The probe: a 262 KB page of 8,000 unclosed <a href> took 130 s on the reactor thread."""
    html = "<html><body>" + "".join(f'<a href="/p/{i}.html">第{i}篇' for i in range(8000))
    assert 200_000 < len(html.encode()) < 300_000
    links = page_links(_response(html))
    assert len(links) == 8000
    assert links["http://a.cn/p/7.html"] == "第7篇"
    # a start tag that never ends swallows the rest, as in a browser; nothing is rescanned
    assert page_links(_response('<a href="/1.html">1</a>' + '<a href="/x' * 50_000)) == {"http://a.cn/1.html": "1"}
    assert page_links(_response('<a title="a<br>" href="/2.html">下一篇：标题</a>')) == {"http://a.cn/2.html": "下一篇：标题"}


def test_has_prose_on_a_page_of_full_stops_inside_a_tag() -> None:
    assert not has_prose("<p " + "。" * N + ">")
    assert has_prose("<p>" + "。" * N)
    assert has_prose("<a " + "。" * N)  # no ">" after them: outside a tag, as before


def test_continuation_url_with_a_long_digit_run() -> None:
    assert not CONTINUATION_RE.search("/" + "1" * N + "/x-2.zip")
    assert CONTINUATION_RE.search("/a/123_2.html") and not CONTINUATION_RE.search("/a/news_2.html")


def test_clean_document_on_hostile_pages_returns() -> None:
    """End to end: each hostile shape inside a page, cleaned in one call, is a record or a reject."""
    shapes = [
        f"<style>{'a' * N}</style>",
        "<p>2024年1月1日" + " " * 50_000 + "x</p>",
        "<p>注" + " " * 50_000 + "x</p>",
        "<p>[1" + " " * 50_000 + "-2]</p>",
        "<div>" + " " * N + "x</div>",
        "<meta " * 20_000,
    ]
    for shape in shapes:
        page = f"<html><head><title>标题</title></head><body>{shape}{ARTICLE}</body></html>"
        result = clean_document(page.encode(), "hostile.html")
        assert isinstance(result, (Record, Reject))


# ---------------------------------------------------------------- patterns built at run time, and the functions
# that loop over regex matches (bench/regex_audit.py collects and probes them; docs/security.md lists them)

from cleaners import chrome, spam  # noqa: E402
from cleaners.inject import SCRIPT_HIDE_RE  # noqa: E402


@pytest.mark.timeout(10)
def test_mend_with_a_long_blank_run_after_a_removed_brand() -> None:
    """spam._mend: four blank runs met around a hole (`\\s*(…)?\\s*(…)?\\s*`): minutes on the old pattern."""
    assert spam._mend("要推动发展，\x00" + " " * 3000 + "建设示范区") == "要推动发展，建设示范区"
    assert spam._mend("，\x00" + " " * N + "指出，机械烘干更快。") == "，机械烘干更快。"
    assert spam._mend("据\x00" + " \x00" * N + "了解，其中不少") == "据了解，其中不少"
    kept, _ = spam.clean_paragraphs(["要推动发展，开云体育官网入口" + " " * 3000 + "，建设示范区。"], ["开云体育官网入口"])
    assert kept == ["要推动发展，建设示范区。"]


@pytest.mark.timeout(10)
def test_brand_pieces_that_overlap_are_not_exponential() -> None:
    """removable, _same_brand and the whole-title strip fullmatch `(?:体育|电子|游戏|电子游戏|…)+`: 电子游戏 reads
    two ways, so a run of them doubled the old regex's work per repeat (2^25 for a 100-character string)."""
    assert not spam.removable("电子游戏" * 25) and spam.removable("电子游戏" * 25 + "x")
    assert spam._same_brand("开云", "开云" + "sports" * 25) and not spam._same_brand("开云", "开云" + "sports" * 25 + "!")
    assert spam._same_brand("开云", "开云" + "电子游戏" * 25 + "官网") and not spam._same_brand("开云", "开云" + "电子游戏" * 25 + "报")
    slots = spam.Slots(title="电子游戏" * 25 + "新闻")
    assert spam.find_spam_terms(slots, "基层治理是国家治理的基石。") == []


@pytest.mark.timeout(10)
def test_brand_core_and_category_on_long_terms() -> None:
    """core_of cut one suffix per pass with a `$` search from every position; has_category's lazy name retried
    `[0-9A-Za-z]*$` from every category: both quadratic."""
    assert spam.core_of("开云" + "官网" * 6000) == "开云"
    assert spam.core_of("开云体育" + "8" * N + "-" * N) == "开云体育"
    assert spam.has_category("sports" * 30_000) and not spam.has_category("sports" * 30_000 + "!")
    assert spam.has_category("星耀体育" + "a1" * N) and not spam.has_category("体育" + "a1" * N)


@pytest.mark.timeout(10)
def test_title_separators_and_prompts_with_long_blank_runs() -> None:
    assert spam.TITLE_SEP_RE.split("标题" + " " * N + "正文") == ["标题" + " " * N + "正文"]
    assert spam.TITLE_SEP_RE.split("标题" + " " * N + "- 开云体育") == ["标题", "开云体育"]
    assert spam.TITLE_SEP_RE.split("a--\t--b｜\t— c") == ["a", "", "b", "— c"]
    assert spam.PROMPT_RE.sub("", "开云体育提醒您" + " " * N + "x") == "开云体育提醒您" + " " * N + "x"
    assert spam.PROMPT_RE.sub("", "开云体育提醒您 ： ") == "开云体育"


@pytest.mark.timeout(10)
def test_script_hiding_with_a_long_run_of_quoted_pieces() -> None:
    assert not list(SCRIPT_HIDE_RE.finditer("getElementById(" + "'a' " * 5000))
    hidden = "getElementById('t' + 'e'+'s'+'i').style.display='none'"
    assert [m.group(1) for m in SCRIPT_HIDE_RE.finditer(hidden)] == ["'t' + 'e'+'s'+'i'"]


@pytest.mark.timeout(10)
@pytest.mark.parametrize("blank", [" ", "\t", "\n"])
def test_chrome_line_patterns_with_long_blank_runs(blank: str) -> None:
    """chrome's line patterns are applied to short lines only, but must not depend on it: exponential before."""
    assert not chrome.ACTION_RE.match("关闭" + blank * 3000 + "。") and chrome.ACTION_RE.match("返回 | 打印 ｜【关闭】")
    assert not chrome.NAV_LINE_RE.match("首页" + blank * 3000 + "。") and chrome.NAV_LINE_RE.match("网站首页 | 产品中心 > 新闻")
    assert not chrome.END_MARK_RE.match(blank * 3000 + "x") and chrome.END_MARK_RE.match("— 完 —")
    assert not chrome.ACTION_ROW_RE.match("打印" + (blank + "中") * 3000 + "x")
    assert chrome.ACTION_ROW_RE.match("【字体：大 中 小】【打印】【关闭】")
    assert not chrome.CREDIT_RE.match("（" + blank * N + "x") and chrome.CREDIT_RE.match("（责任编辑：王 ）")
    assert not chrome.RELATED_HEAD_RE.match("相关阅读" + blank * N + "x") and chrome.RELATED_HEAD_RE.match("相关阅读：")


@pytest.mark.timeout(10)
def test_title_of_dashes_through_clean_document() -> None:
    """The title-suffix pattern `^(.{4,}?)\\s*[-_|｜—–]+…$` retried its rest from every position: 6 s for a <title>
    of 16,000 dashes, minutes for 100,000 (the suffix is now read from the title's last separator run)."""
    assert spam._title_candidates("-" * N + "x") == [("--", "title_dash_prefix"), ("x", "title_suffix")]
    assert ("开云体育", "title_suffix") in spam._title_candidates("党建引领基层治理" + " " * N + "- 开云体育")
    assert spam.LINE_PREFIX_RE.match(" " * N + "【摘要】开云体育 ：") and not spam.LINE_PREFIX_RE.match(" " * N + "x")
    page = f"<html><head><title>{'-' * 100_000}x</title></head><body>{ARTICLE}</body></html>"
    result = clean_document(page.encode(), "dashes.html")
    assert isinstance(result, Record) and "基层治理" in result.text


@pytest.mark.timeout(10)
def test_code_line_and_bracketed_host_patterns() -> None:
    """chrome.CODE_RE met a blank run with `\\s*` and `[\\w\\s…]+` (cubic) and retried `.*$` after every
    `function(`; registrable's `\\[.*\\]` is now a string test."""
    assert not chrome.CODE_RE.match("\t" * N + "x") and chrome.CODE_RE.match("  .nav li > a {")
    assert not chrome.CODE_RE.match("function(" * 20_000 + "\nx") and chrome.CODE_RE.match(" function\n (\n")
    assert chrome.CODE_RE.match("document.write('<div>')") and not chrome.CODE_RE.match("{\nx")
    from cleaners.inject import registrable

    assert registrable("[::1]") == "[::1]" and registrable("[" * N) == "[" * N and registrable("bbs.sina.com.cn") == "sina.com.cn"


@pytest.mark.timeout(10)
def test_domain_datelines_in_a_body_of_line_breaks_and_digits() -> None:
    """DOMAIN_BRAND_RE rescanned a run of line breaks from each of them, and `[a-z0-9-]*\\d[a-z0-9-]*\\.` a digit
    run from each digit: quadratic in the body it searches."""
    assert spam.find_spam_terms(spam.Slots(), "\n" * N + "基层治理。") == []
    assert spam.find_spam_terms(spam.Slots(), "金樽国际讯（" + "1" * N + "x") == []
    found = spam.find_spam_terms(spam.Slots(), "\n \n  金樽国际讯（www.jz88.cc）日前，基层治理是国家治理的基石。")
    assert found == ["金樽国际"]


@pytest.mark.timeout(10)
def test_title_prefix_and_brand_cuts_with_long_blank_runs() -> None:
    """_title_candidates' prefix patterns met a leading blank run with `\\s*(.{1,30}?)\\s*` (cubic), and
    clean_title's cuts `\\s*…\\x00+\\s*$` rescanned a blank run from each of its blanks (quadratic)."""
    assert spam._title_candidates("\t" * N + "x") == []
    assert spam._title_candidates("\t" * N + "开云体育：基层治理") == [("开云体育", "title_prefix")]
    title, removed = spam.clean_title("开云体育：标题" + " " * N + "正文", ["开云体育"])
    assert title == "标题" + " " * N + "正文" and [r.text for r in removed] == ["开云体育"]
    assert spam.clean_title("基层治理" + " " * N + "| 开云体育", ["开云体育"])[0] == "基层治理"


def test_a_line_of_bold_pairs_is_linear() -> None:
    """A text dump's line of 300,000 `**a` pairs: telling a bold span from two masks once sliced the line before every
    pair (25ab29f: 2.5 s at 40,000 pairs, quadratic), now reads the two characters around it."""
    from cleaners.dumplines import undecorate

    pairs = 3 * N // 2  # an even number of ** (bold spans, taken off): 900,000 characters; quadratic, minutes
    assert undecorate("**a" * pairs) == "a" * pairs
    assert undecorate("邓**在" * (N // 4)) == "邓**在" * (N // 4)  # masks between Chinese characters stay
