"""The record contract: one clean article, or one reject, per input document."""

from __future__ import annotations

import copy
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from typing import Any

SCHEMA_VERSION = "mirrorclean/1.0"


@dataclass
class Removal:
    """One deletion a cleaner made: where it was, what it was, and why."""

    where: str
    text: str
    reason: str


@dataclass
class Record:
    """A clean article. Field names are a public contract: only add, never rename."""

    source: str
    url: str | None = None
    site: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = None
    text: str = ""
    references: list[str] = field(default_factory=list)
    is_spam_page: bool = False
    spam_terms: list[str] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    flags: list[dict[str, Any]] = field(default_factory=list)
    spin_score: float = 0.0
    encoding: str | None = None
    schema: str = SCHEMA_VERSION
    text_as_found: str | None = None  # with --unspin: the page's own (spun) wording; `text` is restored
    cluster: str | None = None  # set by a run (clean, crawl): the id of the first near-identical record
    cluster_similarity: float | None = None  # estimated Jaccard similarity to that record (1.0 when it is this one)

    def to_dict(self) -> dict[str, Any]:
        """The record as plain data (what ``dataclasses.asdict`` gives, key order and copies included)."""
        return _fields_dict(self, _RECORD_FIELDS)


@dataclass
class Reject:
    """An input that yielded no article, with a named reason (see REJECT_REASONS)."""

    source: str
    reason: str
    detail: str = ""
    url: str | None = None
    is_spam_page: bool = False  # the page carried injected spam even though no article was kept
    spam_terms: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The reject as plain data (what ``dataclasses.asdict`` gives)."""
        return _fields_dict(self, _REJECT_FIELDS)


_RECORD_FIELDS = tuple(f.name for f in fields(Record))
_REJECT_FIELDS = tuple(f.name for f in fields(Reject))
_ATOMS = frozenset({str, int, float, bool, type(None)})


def _fields_dict(obj: Any, names: tuple[str, ...]) -> dict[str, Any]:
    """``dataclasses.asdict(obj)`` without its generic machinery (~6x faster on real records: asdict recurses
    through ``copy.deepcopy`` for every string of every removal)."""
    values = obj.__dict__
    return {name: _plain(values[name]) for name in names}


def _plain(value: Any) -> Any:
    """A copy of one field's value as ``dataclasses.asdict`` makes it: dataclasses become dicts, lists, tuples and
    dicts are copied, anything else is deep-copied (strings, numbers and None are returned as they are, which is
    what deepcopy returns for them)."""
    kind = type(value)
    if kind in _ATOMS:
        return value
    if kind is Removal:
        return {"where": value.where, "text": value.text, "reason": value.reason}
    if kind is list:
        return [_plain(item) for item in value]
    if kind is dict:
        return {_plain(key): _plain(item) for key, item in value.items()}
    if kind is tuple:
        return tuple(_plain(item) for item in value)
    if is_dataclass(value) and not isinstance(value, type) or isinstance(value, (list, tuple, dict)):
        return asdict(_Box(value))["value"]  # subclasses, named tuples, other dataclasses: asdict's own rules
    return copy.deepcopy(value)


@dataclass
class _Box:
    """A one-field dataclass, to hand an unusual value to ``dataclasses.asdict``."""

    value: Any


# Removal reasons that say "this was injected spam" (the others are template chrome, duplicates, headings).
SPAM_REASONS = frozenset({"spam_brand", "spam_line", "spam_filler", "title_hijack", "spam_list", "evasive_ad", "site_brand"})

REJECT_REASONS = {
    "unreadable": "the bytes could not be read or decoded as text",
    "not_a_regular_file": "the path is a FIFO, socket or device, not a file (never opened for a blocking read)",
    "empty": "the input holds no text at all",
    "no_article": "no article body was found (a listing, index or error page)",
    "not_article": "the page type is not an article (listing, hub); only with articles_only, as in crawls",
    "too_short": "the body found is too short to be an article",
    "error": "an unexpected error inside a cleaner (a bug: please report it)",
    "timeout": "cleaning took longer than the per-document limit",
    "duplicate": "(clean --dedup) a near-duplicate of a better copy kept in the records (`duplicate_of` names it)",
}
