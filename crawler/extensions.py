"""Extensions of the mirrorclean crawler."""

from __future__ import annotations

import os
import socket
import sys
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, NotConfigured
from twisted.internet import task


class SharedIdle:
    """With a shared Redis frontier, a worker closes only when every worker is idle and the queue is empty.

    Each worker keeps a short-lived key `<run>:busy:<host>:<pid>` in Redis while it has requests in
    flight, refreshed every second. On `spider_idle` a worker stays open (DontCloseSpider) while the
    shared queue holds requests or another worker is busy (its page may still add links); so N workers
    that start at different moments all work until the site is done. Enabled by crawler.addons.RedisFrontier.
    """

    TTL = 10

    def __init__(self, crawler: Crawler, server: Any, run: str) -> None:
        self.crawler = crawler
        self.server = server
        self.run = run
        self.key = ""
        self.loop: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SharedIdle:
        if not crawler.settings.get("REDIS_URL"):
            raise NotConfigured
        from scrapy_redis.connection import get_redis_from_settings

        ext = cls(crawler, get_redis_from_settings(crawler.settings), crawler.settings.get("MIRRORCLEAN_RUN") or "")
        crawler.signals.connect(ext.opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.idle, signal=signals.spider_idle)
        crawler.signals.connect(ext.closed, signal=signals.spider_closed)
        return ext

    def _prefix(self, spider: Any) -> str:
        return (self.run or "%(spider)s") % {"spider": spider.name}

    def opened(self, spider: Any) -> None:
        self.prefix = self._prefix(spider)
        self.key = f"{self.prefix}:busy:{socket.gethostname()}:{os.getpid()}"
        self.loop = task.LoopingCall(self.beat)
        self.loop.start(1.0, now=True)

    def beat(self) -> None:
        engine = self.crawler.engine
        if engine is not None and not engine.spider_is_idle():
            self.server.set(self.key, 1, ex=self.TTL)
        else:
            self.server.delete(self.key)

    def idle(self, spider: Any) -> None:
        self.server.delete(self.key)
        queued = self.server.zcard(f"{self.prefix}:requests") if self.server.type(
            f"{self.prefix}:requests") == b"zset" else self.server.llen(f"{self.prefix}:requests")
        others = [k for k in self.server.scan_iter(f"{self.prefix}:busy:*") if k.decode() != self.key]
        if queued or others:
            raise DontCloseSpider

    def closed(self, spider: Any) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        self.server.delete(self.key)


class JsonlOutput:
    """Write the crawl's records and rejects as JSON Lines, exactly as `mirrorclean clean` writes its own.

    Enabled by MIRRORCLEAN_OUTPUT (a path, or "-" for standard output); MIRRORCLEAN_REJECTS names the
    rejects file (none: rejects are only counted); MIRRORCLEAN_APPEND appends to both (a resumed JOBDIR
    crawl) instead of truncating them. Records are the items that leave the pipelines; rejects are the
    dropped pages (no article, duplicates, failed fetches: crawler.spiders.mirror) and the requests
    crawler.safety refused. Counts: mirrorclean/records, mirrorclean/rejects/<reason>. If an output cannot be
    written (a full disk, a closed pipe) the crawl stops with finish reason `output_error` and the error
    in the stat mirrorclean/output_error.
    """

    def __init__(self, crawler: Crawler, output: str, rejects: str | None, append: bool, copy: str | None = None) -> None:
        from mirrorclean.runner import JsonlSink

        self.crawler = crawler
        # Files are opened now (truncated, unless appending) so a crawl with nothing to write leaves them empty,
        # not stale; with records on a stream the rejects file is made only if there is a reject, as in `clean`.
        stream = output == "-" or os.path.exists(output) and not os.path.isfile(output)  # stdout, /dev/null …
        self.records = JsonlSink(sys.stdout.buffer if output == "-" else output, append=append)
        self.rejects = JsonlSink(rejects, lazy=stream, append=append) if rejects else None
        self.copy = JsonlSink(copy) if copy else None  # MIRRORCLEAN_COPY: the records again, e.g. for a report
        self.error: str | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> JsonlOutput:
        output = crawler.settings.get("MIRRORCLEAN_OUTPUT")
        if not output:
            raise NotConfigured
        ext = cls(crawler, output, crawler.settings.get("MIRRORCLEAN_REJECTS") or None,
                  crawler.settings.getbool("MIRRORCLEAN_APPEND"), crawler.settings.get("MIRRORCLEAN_COPY") or None)
        crawler.signals.connect(ext.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(ext.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        from crawler.safety import fetch_refused

        crawler.signals.connect(ext.fetch_refused, signal=fetch_refused)
        return ext

    def item_scraped(self, item: Any) -> None:
        if isinstance(item, dict) and "text" in item:
            self._write(self.records, item, "mirrorclean/records")
            if self.copy is not None:
                self._write(self.copy, item, None)

    def item_dropped(self, item: Any, exception: BaseException) -> None:
        reject = getattr(exception, "reject", None)  # crawler.pipelines.Rejected
        if isinstance(reject, dict):
            self._reject(reject)

    def fetch_refused(self, request: Any, reason: str, detail: str) -> None:
        source = (request.meta.get("redirect_urls") or [request.url])[0]  # the URL the crawl asked for
        self._reject({"source": source, "reason": reason, "detail": detail, "url": request.url})

    def _reject(self, reject: dict[str, Any]) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"mirrorclean/rejects/{reject.get('reason')}")
        if self.rejects is not None:
            self._write(self.rejects, reject, None)

    def _write(self, sink: Any, obj: dict[str, Any], stat: str | None) -> None:
        from mirrorclean.runner import OutputError

        if self.error is not None:
            return
        try:
            sink.write(obj)
        except (OutputError, BrokenPipeError) as exc:
            self.error = str(exc) if isinstance(exc, OutputError) else "standard output was closed"
            if self.crawler.stats is not None:
                self.crawler.stats.set_value("mirrorclean/output_error", self.error)
            if self.crawler.engine is not None:
                from scrapy.utils.defer import deferred_from_coro

                deferred_from_coro(self.crawler.engine.close_spider_async(reason="output_error"))
            return
        if stat and self.crawler.stats is not None:
            self.crawler.stats.inc_value(stat)

    def spider_closed(self, spider: Any) -> None:
        from mirrorclean.runner import OutputError

        for sink in (self.records, self.rejects, self.copy):
            if sink is None:
                continue
            try:
                sink.close()
            except OutputError as exc:
                if self.error is None and self.crawler.stats is not None:
                    self.crawler.stats.set_value("mirrorclean/output_error", str(exc))
                self.error = self.error or str(exc)


class FeedSitePass:
    """Run the site pass (cleaners.sitepass) over each local JSON Lines feed once Scrapy has stored it, so that
    `scrapy crawl mirror -O out.jsonl` cuts names stamped into template slots across a site's pages
    (reason `site_brand`) as `mirrorclean crawl` does.

    Only a feed Scrapy wrote to a local file as `jsonlines` (.jsonl, .jl) with no post-processing is rewritten
    (in place, atomically); other feeds (JSON arrays, CSV, S3, gzip) are left as they are and the log says to
    run `mirrorclean site-pass` on a JSON Lines copy. MIRRORCLEAN_SITE_PASS = False turns it off. Stat:
    mirrorclean/site_pass/records_changed.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FeedSitePass:
        if not crawler.settings.getbool("MIRRORCLEAN_SITE_PASS", True):
            raise NotConfigured
        ext = cls(crawler)
        crawler.signals.connect(ext.feed_slot_closed, signal=signals.feed_slot_closed)
        return ext

    def feed_slot_closed(self, slot: Any) -> None:
        import logging

        from scrapy.extensions.feedexport import FileFeedStorage

        log = logging.getLogger(__name__)
        path = getattr(slot.storage, "path", None)
        local = isinstance(slot.storage, FileFeedStorage) and path and os.path.isfile(path)
        if not local or slot.format not in ("jsonlines", "jsonl", "jl") or slot.feed_options.get("postprocessing"):
            log.info("site pass skipped for the %s feed %s: run `mirrorclean site-pass` on a JSON Lines copy",
                     slot.format, slot.uri)
            return
        from mirrorclean.cli import site_pass

        changed = site_pass(path, path)
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value("mirrorclean/site_pass/records_changed", changed)
        if changed:
            log.warning("site pass: cut names stamped on several pages of a site from %d records in %s "
                        "(reason site_brand)", changed, path)
