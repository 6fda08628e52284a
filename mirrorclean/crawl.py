"""`mirrorclean crawl`: run the Scrapy `mirror` spider with the project's settings and summarise it."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any


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
    reject_reasons: dict[str, int] = field(default_factory=dict)  # pages cleaned into no article, by reason

    def line(self) -> str:
        return (f"mirrorclean crawl: {self.pages} pages fetched, {self.articles} articles, {self.spam_pages} spam "
                f"pages, {self.flags} flags, {self.rejects} rejects, {self.duplicates} duplicates, {self.traps} "
                f"traps, {self.seconds:.1f} s ({self.finish_reason})")


def crawl_settings(out: str, overrides: dict[str, Any] | None = None, also: str | None = None) -> Any:
    """The project settings (crawler.settings) plus a JSON Lines feed to `out` ("-" = stdout) and to `also`."""
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    uri = "stdout:" if out == "-" else out
    feeds = {uri: {"format": "jsonlines", "encoding": "utf8", "overwrite": uri != "stdout:"}}
    if also:
        feeds[also] = {"format": "jsonlines", "encoding": "utf8", "overwrite": True}
    settings.set("FEEDS", feeds, priority="cmdline")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


def run_crawl(urls: list[str], out: str, overrides: dict[str, Any] | None = None, also: str | None = None) -> CrawlSummary:
    """Crawl from `urls` into `out` (and `also`) in this process (it starts and stops a Twisted reactor)."""
    from scrapy.crawler import CrawlerProcess

    from crawler.spiders.mirror import MirrorSpider

    settings = crawl_settings(out, overrides, also)
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(MirrorSpider)
    t0 = time.perf_counter()
    process.crawl(crawler, url=",".join(urls))
    process.start()
    stats = crawler.stats.get_stats() if crawler.stats else {}
    return CrawlSummary(
        pages=int(stats.get("downloader/response_count", 0)),
        articles=int(stats.get("mirrorclean/articles", 0)),
        spam_pages=int(stats.get("mirrorclean/spam_pages", 0)),
        flags=int(stats.get("mirrorclean/flags", 0)),
        rejects=sum(int(v) for k, v in stats.items() if str(k).startswith("mirrorclean/clean/rejects/")),
        duplicates=int(stats.get("mirrorclean/duplicates", 0)),
        traps=int(stats.get("mirrorclean/frontier/traps", 0)),
        seconds=time.perf_counter() - t0,
        finish_reason=str(stats.get("finish_reason", "unknown")),
        reject_reasons={str(k).rsplit("/", 1)[1]: int(v) for k, v in stats.items()
                        if str(k).startswith("mirrorclean/clean/rejects/")},
    )


#: Settings for crawling the bundled fixture site on loopback: no politeness delays against our own server.
LOCAL_OVERRIDES: dict[str, Any] = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
}
