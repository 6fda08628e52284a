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
MIRRORCLEAN_TIMEOUT (seconds per page, default 60; a worker silent for 1.5 x that plus a grace is killed and
replaced, its page a `timeout` reject), MIRRORCLEAN_SIMPLIFIED (Traditional -> Simplified),
MIRRORCLEAN_UNSPIN (restore spun phrases, keep the page's wording in `text_as_found`).
Stats: mirrorclean/clean/records, mirrorclean/clean/rejects/<reason>, mirrorclean/articles,
mirrorclean/spam_pages, mirrorclean/flags, mirrorclean/duplicates, mirrorclean/near_duplicates.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from cleaners import CleanOptions, Record, Reject
from cleaners.dedup import NearDuplicates
from crawler.items import CleanedPage, PageItem
from mirrorclean.inputs import Document
from mirrorclean.runner import DEFAULT_GRACE, kill_pool, new_pool, process_document, wait_limit


class Rejected(DropItem):
    """A dropped page with its reject record (`source`, `reason`, `detail`, `url`), for whoever writes rejects.

    Scrapy's item_dropped signal carries the spider's item, not what the pipelines made of it: the reject
    travels on the exception (crawler.extensions.JsonlOutput reads it there).
    """

    def __init__(self, message: str, reject: dict[str, Any]) -> None:
        super().__init__(message)
        self.reject = reject


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
    """PageItem -> CleanedPage: page type and cleaning in a process pool, off the reactor thread.

    Each page has MIRRORCLEAN_TIMEOUT seconds: past it the worker stops the page itself (a `timeout` reject),
    and a worker that does not come back (stuck in C code, frozen) is killed after 1.5 x the timeout plus a
    grace, as in `mirrorclean clean`: the page becomes a `timeout` reject and the pool is replaced. Pages
    that were in the killed pool are cleaned again in the new one; pages whose worker died on its own are
    re-run one at a time in a one-worker pool, so only a page that kills it again is an `error` reject.
    """

    def __init__(self, crawler: Crawler, options: CleanOptions, workers: int, timeout: float) -> None:
        self.crawler = crawler
        self.options = options
        self.workers = workers
        self.timeout = timeout
        self.pool: ProcessPoolExecutor | None = None
        self.killed: set[int] = set()  # ids of pools this pipeline killed (their other pages were innocent)
        self.isolation: ProcessPoolExecutor | None = None
        self.isolation_lock = asyncio.Lock()

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
        kill_pool(self.isolation)
        self.isolation = None

    @property
    def wait_limit(self) -> float | None:
        """Seconds to wait for a worker before killing it (a shorter grace for short timeouts)."""
        return wait_limit(self.timeout, min(DEFAULT_GRACE, self.timeout))

    async def process_item(self, item: Any) -> Any:
        page = _as_page(item)
        if page is None:
            return item
        args = (page.url, page.body, page.http_charset, self.options, self.timeout, tuple(page.continuations))
        if self.pool is None:
            cleaned = clean_page(*args)
        else:
            cleaned = await self._clean_in_pool(args)
        stats = self.crawler.stats
        if stats is not None:
            if cleaned.record is not None:
                stats.inc_value("mirrorclean/clean/records")
            else:
                stats.inc_value(f"mirrorclean/clean/rejects/{(cleaned.reject or {}).get('reason')}")
        return cleaned

    async def _run(self, pool: ProcessPoolExecutor, args: tuple[Any, ...]) -> CleanedPage:
        future = pool.submit(clean_page, *args)
        return await asyncio.wait_for(asyncio.wrap_future(future), self.wait_limit)

    def _reject(self, url: str, reason: str, detail: str) -> CleanedPage:
        return CleanedPage(url, reject=Reject(url, reason, detail=detail, url=url).to_dict())

    def _replace(self, pool: ProcessPoolExecutor) -> None:
        """Kill `pool` (if it is still the current one) and start a fresh one in its place."""
        if pool is not self.pool:
            return
        self.killed.add(id(pool))
        kill_pool(pool)
        self.pool = new_pool(self.workers)
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value("mirrorclean/clean/pools_replaced")

    async def _clean_in_pool(self, args: tuple[Any, ...]) -> CleanedPage:
        url = args[0]
        for _ in range(3):  # a page is re-submitted when another page's timeout killed its pool
            pool = self.pool
            assert pool is not None
            try:
                return await self._run(pool, args)
            except TimeoutError:
                self._replace(pool)
                return self._reject(url, "timeout", f"no result after {self.wait_limit:g} s; worker killed")
            except BrokenProcessPool:
                if id(pool) in self.killed:
                    continue  # innocent: its pool was killed for another page
                self._replace(pool)
                return await self._isolated(args)
            except Exception as exc:  # noqa: BLE001 - e.g. a result that could not be pickled back
                return self._reject(url, "error", f"{type(exc).__name__}: {exc}")
        return await self._isolated(args)

    async def _isolated(self, args: tuple[Any, ...]) -> CleanedPage:
        """Clean one page alone in a one-worker pool: if it kills that worker too, it is the culprit."""
        url = args[0]
        async with self.isolation_lock:
            pool = self.isolation = self.isolation or new_pool(1)
            try:
                return await self._run(pool, args)
            except TimeoutError:
                reject = self._reject(url, "timeout", f"no result after {self.wait_limit:g} s; worker killed")
            except BrokenProcessPool:
                reject = self._reject(url, "error", "the worker process died while cleaning this page")
            kill_pool(pool)
            self.isolation = None
            return reject


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
            reject = item.reject or {"source": item.url, "reason": "error", "detail": "no record", "url": item.url}
            raise Rejected(f"no article ({reject.get('reason')}): {item.url}", reject)
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
            why = ("the same text as a record already emitted" if digest in self.seen or key in self.keys
                   else f"a near copy of {cluster}" if same_site_copy else "its paragraphs were already emitted")
            raise Rejected(f"duplicate text: {item.get('url')}", {"source": item.get("source") or key, "reason": "duplicate",
                                                                 "detail": why, "url": item.get("url") or key})
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
