"""The `mirror` spider: fetch the given start URLs and pass each page on for cleaning.

Following prev/next chains and listings comes with the crawl issue; for now it fetches what it is given.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import scrapy
from scrapy.http import Response

from crawler.items import PageItem


class MirrorSpider(scrapy.Spider):
    name = "mirror"

    def __init__(self, url: str | None = None, urls_file: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        urls = [u for u in (url or "").split(",") if u]
        if urls_file:
            urls += [ln.strip() for ln in Path(urls_file).read_text("utf-8").splitlines()
                     if ln.strip() and not ln.startswith("#")]
        self.start_urls_list = urls

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for u in self.start_urls_list:
            yield scrapy.Request(u, callback=self.parse)

    def parse(self, response: Response, **kwargs: Any) -> Any:
        if not isinstance(response, scrapy.http.TextResponse):
            return
        charset = response.headers.get("Content-Type", b"").decode("latin-1")
        declared = charset.split("charset=")[-1].strip() if "charset=" in charset else None
        yield PageItem(url=response.url, body=response.body, http_charset=declared)
