"""Extensions of the mirrorclean crawler."""

from __future__ import annotations

import os
import socket
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
