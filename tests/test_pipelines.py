"""Pipeline unit tests on real HtmlResponses: clean, drop non-articles, drop duplicates, same record as `clean`."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any

import pytest
from scrapy.exceptions import DropItem
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from cleaners import clean_document
from crawler.items import CleanedPage, PageItem
from crawler.pipelines import ArticlePipeline, CleanPipeline, DuplicatePipeline
from crawler.spiders.mirror import MirrorSpider

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"


def response(name: str, url: str) -> HtmlResponse:
    return HtmlResponse(url=url, body=(PAGES / name).read_bytes())


def item_from(resp: HtmlResponse) -> PageItem:
    return PageItem(url=resp.url, body=resp.body, http_charset=None)


@pytest.fixture(params=[0, 2], ids=["inline", "pool"])
def clean_pipeline(request: pytest.FixtureRequest) -> Iterator[CleanPipeline]:
    crawler = get_crawler(MirrorSpider, {"MIRRORCLEAN_WORKERS": request.param})
    crawler.stats.open_spider()
    pipe = CleanPipeline.from_crawler(crawler)
    pipe.open_spider()
    yield pipe
    pipe.close_spider()


def run(coro: Coroutine[Any, Any, Any]) -> Any:
    return asyncio.run(coro)


def test_clean_pipeline_gives_the_same_record_as_the_cli(clean_pipeline: CleanPipeline) -> None:
    resp = response("pc02_hydrothermal_gbk.html", "http://www.example.cn/news/12.html")
    cleaned = run(clean_pipeline.process_item(item_from(resp)))
    assert isinstance(cleaned, CleanedPage) and cleaned.record is not None
    direct = clean_document(resp.body, resp.url, url=resp.url, kind="html").to_dict()
    for key in ("title", "published", "text", "references", "is_spam_page", "spam_terms", "flags"):
        assert cleaned.record[key] == direct[key], key
    assert cleaned.record["url"]
    assert clean_pipeline.crawler.stats.get_value("mirrorclean/clean/records") == 1


def test_listing_page_is_dropped(clean_pipeline: CleanPipeline) -> None:
    resp = response("rj01_listing.html", "http://www.example.cn/news/")
    cleaned = run(clean_pipeline.process_item(item_from(resp)))
    assert cleaned.record is None and cleaned.reject["reason"] == "not_article"
    assert cleaned.reject["detail"] == "listing"
    articles = ArticlePipeline.from_crawler(clean_pipeline.crawler)
    with pytest.raises(DropItem, match="no article"):
        articles.process_item(cleaned)


def test_article_pipeline_counts_and_duplicates_are_dropped() -> None:
    crawler = get_crawler(MirrorSpider, {"MIRRORCLEAN_WORKERS": 0})
    crawler.stats.open_spider()
    clean = CleanPipeline.from_crawler(crawler)
    articles = ArticlePipeline.from_crawler(crawler)
    dupes = DuplicatePipeline.from_crawler(crawler)
    out = []
    for url in ("http://a.cn/news/1.html", "http://a.cn/news/1.html?from=list", "http://a.cn/news/2.html"):
        name = "pc01_coldchain.html" if not url.endswith("2.html") else "nc01_harvest.html"
        record = articles.process_item(run(clean.process_item(item_from(response(name, url)))))
        try:
            out.append(dupes.process_item(record))
        except DropItem:
            pass
    assert [r["source"] for r in out] == ["http://a.cn/news/1.html", "http://a.cn/news/2.html"]
    assert crawler.stats.get_value("mirrorclean/articles") == 3
    assert crawler.stats.get_value("mirrorclean/duplicates") == 1
    assert crawler.stats.get_value("mirrorclean/spam_pages") == 3


def test_other_items_pass_through() -> None:
    crawler = get_crawler(MirrorSpider, {"MIRRORCLEAN_WORKERS": 0})
    item = {"name": "not a page"}
    assert run(CleanPipeline.from_crawler(crawler).process_item(item)) is item
    assert ArticlePipeline.from_crawler(crawler).process_item(item) is item


def test_near_duplicate_mirror_copies_are_dropped() -> None:
    crawler = get_crawler(MirrorSpider, {"MIRRORCLEAN_WORKERS": 0})
    crawler.stats.open_spider()
    dupes = DuplicatePipeline.from_crawler(crawler)
    body = ["近年来，我市坚持以人民为中心的发展思想，扎实推进城市更新行动，一批老旧街区焕发新的生机。",
            "据介绍，今年以来全市共启动城市更新项目42个，完成投资超过60亿元，惠及居民3.2万户。",
            "在老城区的青石板路上，修缮一新的骑楼错落有致，沿街商铺重新开张，吸引了大量市民前来。"]
    first = {"url": "http://a.cn/1.html", "site": "a.cn", "text": "\n".join(body)}
    copy = {"url": "http://a.cn/r2/1.html", "site": "a.cn", "text": "\n".join([*body, "镜像编号R002。"])}
    other = {"url": "http://a.cn/2.html", "site": "a.cn", "text": "\n".join([body[0], "另一篇文章讲述乡村振兴的新进展，当地农民收入明显提高，生活越来越好。",
                                                                            "合作社带动周边农户发展特色种植，产品远销海外，品牌影响力持续扩大。"])}
    assert dupes.process_item(first) is first
    with pytest.raises(DropItem, match="duplicate"):
        dupes.process_item(copy)
    assert dupes.process_item(other) is other
    assert crawler.stats.get_value("mirrorclean/duplicates") == 1


def test_copies_on_other_sites_are_kept_and_clustered() -> None:
    crawler = get_crawler(MirrorSpider, {"MIRRORCLEAN_WORKERS": 0})
    crawler.stats.open_spider()
    clean = CleanPipeline.from_crawler(crawler)
    articles = ArticlePipeline.from_crawler(crawler)
    dupes = DuplicatePipeline.from_crawler(crawler)
    original = (PAGES / "pc01_coldchain.html").read_bytes()
    # The copy on b.cn rewrote its opening words: not an exact duplicate, and a copy on another site.
    copy = original.replace("随着生鲜电商、社区团购".encode(), "近年来，随着生鲜电商和社区团购".encode())
    assert copy != original
    out = []
    for url, body in (("http://a.cn/news/1.html", original), ("http://b.cn/show.php?id=9", copy),
                      ("http://a.cn/news/2.html", (PAGES / "nc01_harvest.html").read_bytes())):
        record = articles.process_item(run(clean.process_item(PageItem(url=url, body=body, http_charset=None))))
        out.append(dupes.process_item(record))
    assert out[0]["url"] == "http://a.cn/news/1.html"
    assert [r["cluster"] for r in out] == [out[0]["url"], out[0]["url"], out[2]["url"]]  # nc01 has a canonical URL
    assert out[1]["cluster_similarity"] >= 0.7 and out[0]["cluster_similarity"] == 1.0
    assert crawler.stats.get_value("mirrorclean/near_duplicates") == 1


def test_same_site_copy_with_a_damaged_first_line_and_a_repeated_url_are_dropped() -> None:
    crawler = get_crawler(MirrorSpider, {"MIRRORCLEAN_WORKERS": 0})
    crawler.stats.open_spider()
    dupes = DuplicatePipeline.from_crawler(crawler)
    body = ["近年来，我市坚持以人民为中心的发展思想，扎实推进城市更新行动，一批老旧街区焕发新的生机，居民的获得感明显增强。",
            "据介绍，今年以来全市共启动城市更新项目42个，完成投资超过60亿元，惠及居民3.2万户，带动就业岗位五千余个。",
            "在老城区的青石板路上，修缮一新的骑楼错落有致，沿街商铺重新开张，吸引了大量市民和游客前来打卡参观。",
            "下一步，我市将继续完善长效管理机制，推动城市更新由“大拆大建”向“绣花功夫”转变，让老街区留住烟火气。"]
    first = {"url": "http://a.cn/html/1.html", "site": "a.cn", "text": "\n".join(body)}
    # the desktop copy kept a cut-off brand suffix on its first line: neither exact nor 90% of paragraphs
    damaged = {"url": "http://a.cn/m/html/1.html", "site": "a.cn", "text": "\n".join(["-官网入口】" + body[0], *body[1:]])}
    other_site = {"url": "http://b.cn/1.html", "site": "b.cn", "text": damaged["text"]}
    again = {"url": "http://a.cn/html/1.html", "site": "a.cn", "text": "本页已更新。" + "\n".join(body[:2])}
    assert dupes.process_item(first) is first
    with pytest.raises(DropItem):
        dupes.process_item(damaged)
    assert dupes.process_item(other_site)["cluster"] == "http://a.cn/html/1.html"
    with pytest.raises(DropItem):
        dupes.process_item(again)
    assert crawler.stats.get_value("mirrorclean/duplicates") == 2
