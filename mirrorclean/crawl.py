"""`mirrorclean crawl`: check what can be checked up front, run the Scrapy `mirror` spider, summarise it.

Before any request: the start URLs must be http(s) URLs whose hosts resolve, the outputs writable, Redis
reachable when REDIS_URL is set. During the crawl, records and rejects go to JSON Lines
(crawler.extensions.JsonlOutput), and Scrapy's own messages are kept to one line each unless verbose.
"""

from __future__ import annotations

import logging
import os
import socket
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit


@dataclass
class CrawlSummary:
    pages: int
    articles: int
    spam_pages: int
    flags: int
    rejects: int
    duplicates: int
    traps: int
    seconds: float
    finish_reason: str
    refused: int = 0
    starts_fetched: int = 0
    start_failures: dict[str, str] = field(default_factory=dict)
    output_error: str | None = None
    reject_reasons: dict[str, int] = field(default_factory=dict)  # pages that ended as rejects, by reason

    def line(self) -> str:
        return (f"mirrorclean crawl: {self.pages} pages fetched, {self.articles} articles, {self.spam_pages} spam "
                f"pages, {self.flags} flags, {self.rejects} rejects, {self.duplicates} duplicates, {self.traps} "
                f"traps, {self.refused} refused, {self.seconds:.1f} s ({self.finish_reason})")


# --------------------------------------------------------------------------- checks before crawling


def check_url(url: str) -> str | None:
    """Why `url` cannot start a crawl (not an http(s) URL with a host), or None.

    >>> check_url("http://a.cn/x"), check_url("notaurl"), check_url("ftp://a.cn/"), check_url("http://a.cn:99999/")
    (None, 'not an http(s) URL', 'not an http(s) URL', 'bad port')
    """
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        return "bad port"
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return "not an http(s) URL"
    return None


def check_host(url: str) -> str | None:
    """Why the host of `url` cannot be reached at all (it does not resolve), or None."""
    parts = urlsplit(url)
    try:
        socket.getaddrinfo(parts.hostname or "", parts.port or 80, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        return f"cannot resolve host {parts.hostname}: {getattr(exc, 'strerror', None) or exc}"
    return None


def check_output(path: str) -> str | None:
    """Why `path` cannot be written (a folder, no permission), or None; creates it (and its folder) if missing."""
    from mirrorclean.runner import JsonlSink, OutputError

    try:
        JsonlSink(path, append=True).close()
    except OutputError as exc:
        return str(exc)
    return None


def check_redis(url: str) -> str | None:
    """Why the Redis server at `url` cannot be used for a shared frontier, or None."""
    try:
        import redis
        import scrapy_redis  # noqa: F401
    except ImportError:
        return "REDIS_URL needs the redis extra: pip install 'mirrorclean[redis]'"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=5, socket_timeout=5).ping()
    except (redis.RedisError, ValueError, OSError) as exc:
        return f"cannot reach Redis at {url}: {exc}"
    return None


def check_settings(overrides: dict[str, Any]) -> str | None:
    """Why a -s setting this project reads cannot be used, or None."""
    from scrapy.settings import Settings

    from crawler.safety import AddressPolicy

    try:
        AddressPolicy.from_settings(Settings(overrides))
    except ValueError as exc:
        return str(exc)
    return None


def resuming(settings: Any) -> bool:
    """Whether this crawl continues a JOBDIR crawl (its outputs are then appended to, not truncated)."""
    jobdir = settings.get("JOBDIR")
    return bool(jobdir) and os.path.exists(os.path.join(jobdir, "requests.seen"))


# --------------------------------------------------------------------------- running


def crawl_settings(out: str, overrides: dict[str, Any] | None = None, rejects: str | None = None,
                   copy: str | None = None) -> Any:
    """The project settings (crawler.settings) plus JSON Lines output to `out` ("-" = stdout) and `rejects`,
    and a copy of the records in `copy` (for a report when the records go to standard output)."""
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    settings.set("MIRRORCLEAN_OUTPUT", out, priority="cmdline")
    settings.set("MIRRORCLEAN_REJECTS", rejects, priority="cmdline")
    settings.set("MIRRORCLEAN_COPY", copy, priority="cmdline")
    settings.set("MIRRORCLEAN_APPEND", resuming(settings), priority="cmdline")
    return settings


class OneLineLogs(logging.Filter):
    """Scrapy's messages without tracebacks, and without per-request download errors (they are rejects).

    For the CLI without -v: a failed fetch is a reject and a count in the summary, and anything else that
    Scrapy logs at WARNING or above is one line.
    """

    QUIET = {"scrapy.downloadermiddlewares.retry", "scrapy.downloadermiddlewares.robotstxt"}

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name in self.QUIET:
            return False
        if record.name == "scrapy.core.scraper" and str(record.msg).startswith("Error downloading"):
            return False
        if record.exc_info:
            message = " ".join(record.getMessage().split())
            record.msg, record.args = f"{message} (mirrorclean crawl -v shows the traceback)", ()
            record.exc_info = record.exc_text = None
        return True


def run_crawl(urls: list[str], out: str, overrides: dict[str, Any] | None = None, rejects: str | None = None,
              verbose: bool = True, copy: str | None = None) -> CrawlSummary:
    """Crawl from `urls` into `out` (and `rejects`, and a copy of the records in `copy`) in this process (it
    starts and stops a Twisted reactor)."""
    from scrapy.crawler import CrawlerProcess

    from crawler.spiders.mirror import MirrorSpider

    settings = crawl_settings(out, overrides, rejects, copy)
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(MirrorSpider)
    t0 = time.perf_counter()
    process.crawl(crawler, url=",".join(urls))
    if not verbose:  # on the handler Scrapy (re)installed for this crawler
        for handler in logging.root.handlers:
            handler.addFilter(OneLineLogs())
    process.start()
    stats = crawler.stats.get_stats() if crawler.stats else {}
    spider = crawler.spider
    rejects_by_reason = {k: v for k, v in stats.items() if str(k).startswith("mirrorclean/rejects/")}
    if not rejects_by_reason:  # no output extension: the cleaner's own rejects
        rejects_by_reason = {k: v for k, v in stats.items() if str(k).startswith("mirrorclean/clean/rejects/")}
    return CrawlSummary(
        pages=int(stats.get("downloader/response_count", 0)),
        articles=int(stats.get("mirrorclean/articles", 0)),
        spam_pages=int(stats.get("mirrorclean/spam_pages", 0)),
        flags=int(stats.get("mirrorclean/flags", 0)),
        rejects=sum(int(v) for v in rejects_by_reason.values()),
        duplicates=int(stats.get("mirrorclean/duplicates", 0)),
        traps=int(stats.get("mirrorclean/frontier/traps", 0)),
        seconds=time.perf_counter() - t0,
        finish_reason=str(stats.get("finish_reason", "unknown")),
        refused=sum(int(v) for k, v in stats.items() if str(k).startswith("mirrorclean/refused/")),
        starts_fetched=int(getattr(spider, "starts_fetched", 0)),
        start_failures=dict(getattr(spider, "start_failures", {}) or {}),
        output_error=stats.get("mirrorclean/output_error"),
        reject_reasons={str(k).rsplit("/", 1)[1]: int(v) for k, v in rejects_by_reason.items()},
    )


#: Settings for crawling the bundled fixture site on loopback: no politeness delays against our own server.
LOCAL_OVERRIDES: dict[str, Any] = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
}
