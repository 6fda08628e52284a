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
