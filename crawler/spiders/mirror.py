"""The `mirror` spider: start from one or more mirror pages and fetch every article of their sites.

It follows prev/next chains (上一篇/下一篇), listing pages and their pagination (下一页, list_2.html,
?page=2) and every other in-scope link, decides per page whether it is an article (cleaners.pagetype:
a cluster of prose) and yields a PageItem only for articles; cleaning happens in the item pipelines. It stays
on the start URLs' hosts and is bounded by DEPTH_LIMIT, CLOSESPIDER_PAGECOUNT and trap detection
(crawler.frontier).

    scrapy crawl mirror -a url=http://example.cn/news/list_1.html -O out.jsonl
    scrapy crawl mirror -a urls_file=seeds/mirror_urls.txt -O out.jsonl
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import scrapy
from scrapy.http import HtmlResponse, Response
from scrapy.linkextractors import IGNORED_EXTENSIONS

from cleaners.pagetype import classify
from crawler.frontier import Frontier, canonical_url
from crawler.items import PageItem

PREVNEXT_RE = re.compile(r"上一篇|下一篇|上一条|下一条|上篇|下篇|前一篇|后一篇")
IGNORED_EXT_RE = re.compile(r"\.(?:" + "|".join(IGNORED_EXTENSIONS) + r")$", re.I)
PAGER_RE = re.compile(r"^\s*(?:下一页|上一页|尾页|末页|下页|上页|\d{1,4}|next|›|»)\s*$", re.I)


class MirrorSpider(scrapy.Spider):
    """Crawl mirror sites from start URLs (`-a url=U1,U2` or `-a urls_file=PATH`)."""

    name = "mirror"

    def __init__(self, url: str | None = None, urls_file: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        urls = [u.strip() for u in (url or "").split(",") if u.strip()]
        if urls_file:
            urls += [ln.strip() for ln in Path(urls_file).read_text("utf-8").splitlines()
                     if ln.strip() and not ln.lstrip().startswith("#")]
        if not urls:
            raise ValueError("mirror spider: give start URLs with -a url=URL[,URL…] or -a urls_file=PATH")
        self.seed_urls = [canonical_url(u) for u in urls]
        self._frontier = Frontier({re.sub(r"^[a-z]+://", "", u).split("/")[0] for u in self.seed_urls})

    @property
    def frontier(self) -> Frontier:
        """The crawl's frontier, kept in `spider.state` so that a JOBDIR run resumes with it."""
        state = getattr(self, "state", None)
        if isinstance(state, dict):
            return state.setdefault("frontier", self._frontier)
        return self._frontier

    async def start(self) -> AsyncIterator[scrapy.Request]:
        # Seeds go through the dupefilter: a resumed JOBDIR crawl or a second Redis worker skips them.
        for url in self.seed_urls:
            self.frontier.seen_urls.add(url)
            yield scrapy.Request(url, callback=self.parse, meta={"mirror_seed": True})

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        stats = self.crawler.stats if self.crawler else None
        if response.meta.get("mirror_seed") or response.meta.get("redirect_urls"):
            self.frontier.add_host(response.url)  # a start URL may redirect to www. or https
        if not isinstance(response, HtmlResponse):
            return
        if not self.frontier.first_time_body(response.body):
            if stats:
                stats.inc_value("mirrorclean/frontier/duplicate_body")
            return
        page = classify(response.selector.root)
        if stats:
            stats.inc_value(f"mirrorclean/pages/{page.kind}")
        if page.kind == "article":
            yield PageItem(url=response.url, body=response.body, http_charset=_charset(response),
                           page_kind=page.kind)
        links = page_links(response)
        new = self.frontier.new_links(response.url, list(links))
        trap = self.frontier.record_page(response.url, page.kind == "article", new)
        if trap:
            self.logger.info("trap: stopped following %s (pages bring nothing new)", trap)
            if stats:
                stats.inc_value("mirrorclean/frontier/traps")
        for url in new:
            if self.frontier.is_trap(url):
                continue
            yield scrapy.Request(url, callback=self.parse, priority=_priority(links.get(url, "")))


SKIP_SCHEMES = ("javascript:", "mailto:", "tel:", "#", "data:")


def page_links(response: HtmlResponse) -> dict[str, str]:
    """In-page links in order: canonical absolute URL -> anchor text (with a short prev/next label before it).

    One pass over the tree Scrapy already parsed; `上一篇：<a>标题</a>` yields the label `上一篇： 标题`.
    """
    base = response.url
    base_el = response.selector.root.find(".//base[@href]")
    if base_el is not None:
        base = urljoin(base, base_el.get("href", ""))
    out: dict[str, str] = {}
    for a in response.selector.root.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.lower().startswith(SKIP_SCHEMES):
            continue
        url = canonical_url(urljoin(base, href))
        if url in out or IGNORED_EXT_RE.search(url.split("?", 1)[0]):
            continue
        text = " ".join((a.text_content() or "").split())
        parent = a.getparent()
        context = (parent.text or "").strip() if parent is not None else ""
        out[url] = f"{context} {text}" if context and len(context) <= 20 else text
    return out


def _priority(label: str) -> int:
    """Prev/next first (chains can be reachable only that way), then pagination, then the rest."""
    if PREVNEXT_RE.search(label):
        return 20
    if PAGER_RE.match(label):
        return 10
    return 0


def _charset(response: Response) -> str | None:
    content_type = response.headers.get(b"Content-Type", b"").decode("latin-1")
    m = re.search(r"charset=([\w-]+)", content_type, re.I)
    return m.group(1) if m else None
