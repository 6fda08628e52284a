"""Registrable domains by the Public Suffix List snapshot that tldextract ships, without importing tldextract.

Evidence: a host name's labels, matched right to left against the public suffixes (private ones excluded,
as ``tldextract.TLDExtract()`` does by default). The suffix trie is built once per machine from tldextract's own
parse of its snapshot and kept in the disk cache (``cleaners.cache``): importing tldextract pulls in
``requests`` and ``filelock`` and rebuilding its two tries costs ~0.08 s at every start. The lookup below is
tldextract 5's ``_extract_netloc`` / ``suffix_index`` on that trie, so the answers are the same.

>>> split_host("bbs.sina.com.cn"), split_host("WWW.hg0088.com"), split_host("a.b.ck"), split_host("www.ck")
(('sina', 'com.cn'), ('hg0088', 'com'), ('a', 'b.ck'), ('www', 'ck'))
>>> split_host("localhost"), split_host("127.0.0.1"), split_host("[::1]"), split_host("http://x.co.uk:80/p")
(('localhost', ''), ('127.0.0.1', ''), ('[::1]', ''), ('x', 'co.uk'))
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from cleaners.cache import cached_object

__all__ = ["split_host"]

# node: (is a suffix end, {label: node}); marshal stores it as is
_Node = tuple[bool, dict[str, Any]]

_IP_RE = re.compile(
    r"^(?:(?:[0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])\.)"
    r"{3}(?:[0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])$",
    re.ASCII,
)
_SCHEME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.")


def _snapshot() -> Path:
    """tldextract's bundled PSL snapshot (found without importing the package)."""
    spec = importlib.util.find_spec("tldextract")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("tldextract is not installed")
    return Path(next(iter(spec.submodule_search_locations)), ".tld_set_snapshot")


def _build() -> _Node:
    """The public-suffix trie, from tldextract's own parse of its snapshot (cache miss only)."""
    import tldextract

    extractor = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)._get_tld_extractor()

    def convert(node: Any) -> _Node:
        return (bool(node.end), {label: convert(child) for label, child in node.matches.items()})

    return convert(extractor.tlds_excl_private_trie)


@lru_cache(maxsize=1)
def _trie() -> _Node:
    return cached_object("psl-trie", _snapshot(), _build)


def _decode_punycode(label: str) -> str:
    lowered = label.lower()
    if lowered.startswith("xn--"):
        import idna

        try:
            return idna.decode(lowered)
        except (UnicodeError, IndexError):
            pass
    return lowered


def _schemeless(url: str) -> str:
    start = url.find("//")
    if start == 0:
        return url[2:]
    if start < 2 or url[start - 1] != ":" or set(url[: start - 1]) - _SCHEME_CHARS:
        return url
    return url[start + 2 :]


def _netloc(url: str) -> str:
    authority = _schemeless(url).partition("/")[0].partition("?")[0].partition("#")[0]
    after_userinfo = authority.rpartition("@")[-1]
    if after_userinfo and after_userinfo[0] == "[":
        maybe_ipv6 = after_userinfo.partition("]")
        if maybe_ipv6[1] == "]":
            return f"{maybe_ipv6[0]}]"
    return after_userinfo.partition(":")[0].strip().rstrip(".\u3002\uff0e\uff61")


def _looks_like_ipv6(text: str) -> bool:
    from ipaddress import AddressValueError, IPv6Address

    try:
        IPv6Address(text)
    except AddressValueError:
        return False
    return True


def _suffix_index(labels: list[str]) -> int | None:
    node = _trie()
    suffix_idx = label_idx = len(labels)
    for label in reversed(labels):
        decoded = _decode_punycode(label)
        children = node[1]
        if decoded in children:
            label_idx -= 1
            node = children[decoded]
            if node[0]:
                suffix_idx = label_idx
            continue
        if "*" in children:
            return label_idx if "!" + decoded in children else label_idx - 1
        break
    return None if suffix_idx == len(labels) else suffix_idx


def split_host(url: str) -> tuple[str, str]:
    """(domain, public suffix) of a host or URL, as tldextract's ``domain`` and ``suffix`` fields."""
    netloc = _netloc(url).replace("\u3002", ".").replace("\uff0e", ".").replace("\uff61", ".")
    if len(netloc) >= 4 and netloc[0] == "[" and netloc[-1] == "]" and _looks_like_ipv6(netloc[1:-1]):
        return netloc, ""
    labels = netloc.split(".")
    index = _suffix_index(labels)
    if index is None:
        if len(labels) == 4 and netloc[:1].isdecimal() and _IP_RE.fullmatch(netloc):
            return netloc, ""
        return labels[-1], ""
    return (labels[index - 1] if index > 0 else ""), ".".join(labels[index:])
