"""Items: a fetched page on its way to the cleaning pipelines, and the outcome of cleaning it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class PageItem:
    """A fetched page: raw bytes plus the charset HTTP declared, and the article's further pages if it is split."""

    url: str
    body: bytes
    http_charset: str | None = None
    continuations: list[tuple[bytes, str | None, str | None]] = field(default_factory=list)


@dataclass
class CleanedPage:
    """What CleanPipeline made of a PageItem: a record dict, or a reject dict with a reason."""

    url: str
    record: dict[str, Any] | None = None
    reject: dict[str, Any] | None = None


#: Reject reasons a crawl adds to the cleaner's (cleaners.record.REJECT_REASONS); docs/security.md.
CRAWL_REJECT_REASONS = {
    "private_address": "refused: the host is, or resolves to, a private, loopback, link-local or metadata address",
    "offsite_redirect": "refused: a page other than a start URL redirected off the crawl's hosts",
    "scheme": "refused: not an http(s) URL",
    "robots_txt": "disallowed by robots.txt",
    "http_error": "the server answered with an HTTP error status",
    "fetch_failed": "no answer: DNS failure, connection refused or reset, timeout",
    "too_large": "the body passed DOWNLOAD_MAXSIZE (announced, streamed or decompressed)",
    "not_html": "served as something other than HTML",
    "duplicate": "the same bytes or text as a page already emitted, or a near copy on the same site",
    "ignored": "a request a downloader middleware dropped",
}
