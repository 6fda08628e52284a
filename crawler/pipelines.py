"""Item pipelines: clean fetched pages with `cleaners`, drop non-articles and exact duplicates.

Use them from any Scrapy project whose spider yields `crawler.items.PageItem` (or dicts with `url` and
`body`):

    ITEM_PIPELINES = {
        "crawler.pipelines.CleanPipeline": 300,       # cleaners.clean_document in a process pool
        "crawler.pipelines.ArticlePipeline": 310,     # drop rejects (no article), emit record dicts
        "crawler.pipelines.DuplicatePipeline": 320,   # drop records whose text was already emitted (or nearly)
    }

Settings: MIRRORCLEAN_WORKERS (processes; default: all cores; 0 = clean in the reactor thread),
MIRRORCLEAN_ARTICLES_ONLY (default True: pages that cleaners.pagetype does not call articles are rejects),
MIRRORCLEAN_TIMEOUT (seconds per page, default 60), MIRRORCLEAN_SIMPLIFIED (Traditional -> Simplified),
MIRRORCLEAN_UNSPIN (restore spun phrases, keep the page's wording in `text_as_found`).
Stats: mirrorclean/clean/records, mirrorclean/clean/rejects/<reason>, mirrorclean/articles,
mirrorclean/spam_pages, mirrorclean/flags, mirrorclean/duplicates, mirrorclean/near_duplicates.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from cleaners import CleanOptions, Record
from cleaners.dedup import NearDuplicates
from crawler.items import CleanedPage, PageItem
from mirrorclean.inputs import Document
from mirrorclean.runner import new_pool, process_document


def clean_page(url: str, body: bytes, http_charset: str | None, options: CleanOptions, timeout: float,
               continuations: tuple[tuple[bytes, str | None, str | None], ...] = ()) -> CleanedPage:
    """Clean one page (runs in a worker process): the same call and record as `mirrorclean clean`.

    With `options.articles_only` (the crawl default) a page that is not an article (a listing, a hub)
    becomes a reject with reason `not_article`, decided on the same parse as the cleaning.
    """
    doc = Document(source=url, data=body, kind="html", url=url, http_charset=http_charset,
                   continuations=continuations)
    result = process_document(doc, options, timeout)
    if isinstance(result, Record):
        record = result.to_dict()
        record["url"] = record["url"] or url
        return CleanedPage(url, record=record)
    return CleanedPage(url, reject=result.to_dict())


class CleanPipeline:
    """PageItem -> CleanedPage: page type and cleaning in a process pool, off the reactor thread."""

    def __init__(self, crawler: Crawler, options: CleanOptions, workers: int, timeout: float) -> None:
        self.crawler = crawler
        self.options = options
        self.workers = workers
        self.timeout = timeout
        self.pool: ProcessPoolExecutor | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CleanPipeline:
        s = crawler.settings
        workers = s.getint("MIRRORCLEAN_WORKERS", -1)
        if workers < 0:
            workers = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
        options = CleanOptions(simplified=s.getbool("MIRRORCLEAN_SIMPLIFIED"), unspin=s.getbool("MIRRORCLEAN_UNSPIN"),
                               articles_only=s.getbool("MIRRORCLEAN_ARTICLES_ONLY", True))
        return cls(crawler, options, workers, s.getfloat("MIRRORCLEAN_TIMEOUT", 60.0))

    def open_spider(self) -> None:
        if self.workers > 0:
            self.pool = new_pool(self.workers)

    def close_spider(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    async def process_item(self, item: Any) -> Any:
        page = _as_page(item)
        if page is None:
            return item
        args = (page.url, page.body, page.http_charset, self.options, self.timeout, tuple(page.continuations))
        if self.pool is None:
            cleaned = clean_page(*args)
        else:
            cleaned = await asyncio.wrap_future(self.pool.submit(clean_page, *args))
        stats = self.crawler.stats
        if stats is not None:
            if cleaned.record is not None:
                stats.inc_value("mirrorclean/clean/records")
            else:
                stats.inc_value(f"mirrorclean/clean/rejects/{(cleaned.reject or {}).get('reason')}")
        return cleaned


class ArticlePipeline:
    """Drop pages that hold no article (the cleaner's rejects); pass the record dict on."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArticlePipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, CleanedPage):
            return item
        if item.record is None:
            reject = item.reject or {}
            raise DropItem(f"no article ({reject.get('reason')}): {item.url}")
        stats = self.crawler.stats
        if stats is not None:
            stats.inc_value("mirrorclean/articles")
            stats.inc_value("mirrorclean/spam_pages", int(bool(item.record.get("is_spam_page"))))
            stats.inc_value("mirrorclean/flags", len(item.record.get("flags") or []))
        return item.record


class DuplicatePipeline:
    """Drop a record whose text was already emitted in this crawl, exactly or nearly; cluster the rest.

    Exact: the same text (whitespace-insensitive), or a record `url` already emitted (a mobile or print
    copy carrying the article's canonical link). Near: on the same site, at least `NEAR` of the record's
    characters sit in paragraphs already emitted, or its MinHash similarity to an emitted record of the
    site reaches `NEAR` (a mirror copy with a different sidebar line or a marker sentence, the same
    article under two URLs with different extraction noise). Records that pass get
    `cluster`/`cluster_similarity` (cleaners.dedup): a copy of the article on another site joins the
    cluster of the first copy emitted.
    """

    NEAR = 0.9

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.seen: set[str] = set()
        self.paragraphs: dict[str, set[str]] = {}
        self.keys: set[str] = set()  # record urls emitted (a mobile copy may carry the desktop page's canonical url)
        self.clusters = NearDuplicates()
        self.cluster_site: dict[str, str] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DuplicatePipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, dict) or "text" not in item:
            return item
        text = str(item["text"])
        key = str(item.get("url") or item.get("source"))
        site = str(item.get("site") or "")
        digest = hashlib.sha1("".join(text.split()).encode("utf-8")).hexdigest()
        paras = {"".join(p.split()) for p in text.split("\n") if len(p.strip()) >= 20}
        seen_paras = self.paragraphs.setdefault(site, set())
        total = sum(len(p) for p in paras)
        repeated = sum(len(p) for p in paras if p in seen_paras)
        cluster, similarity = self.clusters.add(key, text)
        same_site_copy = cluster != key and similarity >= self.NEAR and self.cluster_site.get(cluster) == site
        if digest in self.seen or key in self.keys or total and repeated >= self.NEAR * total or same_site_copy:
            if self.crawler.stats is not None:
                self.crawler.stats.inc_value("mirrorclean/duplicates")
            raise DropItem(f"duplicate text: {item.get('url')}")
        self.seen.add(digest)
        self.keys.add(key)
        seen_paras.update(paras)
        self.cluster_site.setdefault(key, site)
        # Copies on other sites are kept, marked with the cluster of the first copy (cleaners.dedup).
        item["cluster"], item["cluster_similarity"] = cluster, similarity
        if cluster != key and self.crawler.stats is not None:
            self.crawler.stats.inc_value("mirrorclean/near_duplicates")
        return item


def _as_page(item: Any) -> PageItem | None:
    if isinstance(item, PageItem):
        return item
    if isinstance(item, dict) and "body" in item and "url" in item:
        body = item["body"]
        return PageItem(url=item["url"], body=body.encode("utf-8") if isinstance(body, str) else body,
                        http_charset=item.get("http_charset"))
    return None
