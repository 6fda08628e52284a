"""Item pipelines: hand each fetched page to `cleaners` and emit its record (no cleaning happens here)."""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from cleaners import CleanOptions, Record, clean_document
from crawler.items import PageItem


class CleanPipeline:
    """Turn a PageItem into a record dict (same schema as `mirrorclean clean`); drop pages with no article."""

    def __init__(self, options: CleanOptions) -> None:
        self.options = options

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CleanPipeline:
        return cls(CleanOptions(simplified=crawler.settings.getbool("MIRRORCLEAN_SIMPLIFIED")))

    def process_item(self, item: Any) -> dict[str, Any]:
        if not isinstance(item, PageItem):
            return item
        result = clean_document(item.body, item.url, url=item.url, kind="html", http_charset=item.http_charset,
                                options=self.options)
        if not isinstance(result, Record):
            raise DropItem(f"{result.reason}: {item.url}")
        record = result.to_dict()
        record["url"] = record["url"] or item.url
        return record
