"""Items the spider yields: a fetched page, before cleaning."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class PageItem:
    """A fetched page: raw bytes plus what HTTP said about them."""

    url: str
    body: bytes
    http_charset: str | None = None
