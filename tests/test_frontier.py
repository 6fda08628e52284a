"""Crawl scope and trap detection."""

from __future__ import annotations

from crawler.frontier import Frontier, canonical_url


def test_query_permutations_collapse() -> None:
    urls = [f"http://a.cn/a/xinwen/index.php?page=2&sort={s}&tag={t}" for s in ("asc", "desc") for t in "xyz"]
    assert {canonical_url(u) for u in urls} == {"http://a.cn/a/xinwen/index.php?page=2"}


def test_scope_is_host_and_port() -> None:
    f = Frontier({"127.0.0.1:8001"})
    assert f.in_scope("http://127.0.0.1:8001/news/1.html")
    assert not f.in_scope("http://127.0.0.1:8002/news/1.html")
    assert not f.in_scope("mailto:someone@a.cn")


def test_endless_calendar_becomes_a_trap() -> None:
    f = Frontier({"a.cn"}, trap_limit=5)
    declared = None
    for month in range(1, 40):
        page = f"http://a.cn/calendar/2024/{month:02d}/"
        new = f.new_links(page, [f"http://a.cn/calendar/2024/{month + 1:02d}/", "http://a.cn/index.html"])
        declared = f.record_page(page, is_article=False, new=new) or declared
        if f.is_trap(page):
            break
    assert declared == "a.cn/calendar/N/N/"
    assert month <= 10
    assert f.new_links("http://a.cn/x", ["http://a.cn/calendar/1999/01/"]) == []


def test_listings_that_bring_articles_are_not_traps() -> None:
    f = Frontier({"a.cn"}, trap_limit=3)
    for page in range(1, 20):
        url = f"http://a.cn/news/list_{page}.html"
        new = f.new_links(url, [f"http://a.cn/news/list_{page + 1}.html", f"http://a.cn/news/{page * 100}.html"])
        assert f.record_page(url, is_article=False, new=new) is None


def test_duplicate_bodies() -> None:
    f = Frontier({"a.cn"})
    assert f.first_time_body(b"<html>a</html>")
    assert not f.first_time_body(b"<html>a</html>")


def test_pages_repeating_the_same_sentences_bring_nothing_new() -> None:
    f = Frontier({"a.cn"}, trap_limit=4)
    sidebar = "".join(f"<p>本站第{i}条公告：欢迎访问本站，请遵守相关规定。</p>" for i in range(6))
    assert f.new_sentences(sidebar + "<p>第一篇文章的内容在这里，讲述了城市更新的故事。</p>") == 7
    assert f.new_sentences(sidebar + "<p>二〇二四年五月</p>") == 0
    article = "<p>另一篇文章的内容，讲述乡村振兴的新进展。</p><p>当地农民收入明显提高，生活越来越好。</p>"
    assert f.new_sentences(sidebar + article) == 2


def test_page_links_resolve_relative_links_and_keep_prev_next_labels() -> None:
    from scrapy.http import HtmlResponse

    from crawler.spiders.mirror import page_links

    body = ('<p>上一篇：<a href="2.html?from=list">标题二</a></p><p>下一篇： <A HREF="/news/3.html">三</A></p>'
            '<a href="list_2.html">下一页</a><a href="javascript:void(0)">x</a><a href="/img/a.jpg">图</a>'
            '<a href="2.html">again</a>')
    for _ in range(2):  # the second page hits the link cache and must give the same answer
        links = page_links(HtmlResponse("http://a.cn/news/1.html", body=body.encode(), encoding="utf-8"))
        assert links == {"http://a.cn/news/2.html": "上一篇 标题二", "http://a.cn/news/3.html": "下一篇 三",
                         "http://a.cn/news/list_2.html": "下一页"}
    other = page_links(HtmlResponse("http://a.cn/blog/9.html", body=b'<a href="2.html">b</a>', encoding="utf-8"))
    assert other == {"http://a.cn/blog/2.html": "b"}


def test_new_sentences_counts_long_sentences_once() -> None:
    f = Frontier({"a.cn"})
    long_sentence = "这是一个很长的句子，" * 40 + "到此结束。"
    page = f"<div><p>{long_sentence}</p><p>短句也要有八个字以上。</p></div>"
    assert f.new_sentences(page) == 2
    assert f.new_sentences(page) == 0


def test_a_template_that_brought_nothing_gets_at_most_two_requests_in_flight() -> None:
    f = Frontier({"a.cn"})
    for month in range(1, 5):  # four calendar pages, nothing new on any of them
        page = f"http://a.cn/calendar/2024/{month:02d}/"
        assert f.record_page(page, False, []) is None
    first = f.new_links("http://a.cn/calendar/2024/04/", ["http://a.cn/calendar/2024/05/", "http://a.cn/calendar/2025/04/"])
    assert len(first) == 2
    held = f.new_links("http://a.cn/x", ["http://a.cn/calendar/2023/04/", "http://a.cn/news/1.html"])
    assert held == ["http://a.cn/news/1.html"]  # the third calendar URL waits; it was not marked seen
    f.record_page("http://a.cn/calendar/2024/05/", False, [])
    assert f.new_links("http://a.cn/y", ["http://a.cn/calendar/2023/04/"]) == ["http://a.cn/calendar/2023/04/"]


def test_a_page_ending_in_dash_number_is_a_continuation_only_when_its_first_page_is_known() -> None:
    from crawler.spiders.mirror import MirrorSpider

    spider = MirrorSpider(url="http://a.cn/")
    spider.frontier.seen_urls.update({"http://a.cn/a/123.html"})
    assert spider._is_continuation("http://a.cn/a/123_2.html")
    assert spider._is_continuation("http://a.cn/A/123_2.html")  # case variants of an IIS site
    assert not spider._is_continuation("http://a.cn/news/2024-5.html")  # an article whose id ends in -5
    assert not spider._is_continuation("http://a.cn/a/123.html")
