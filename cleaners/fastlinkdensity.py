"""trafilatura's link-density prune (`htmlprocessing.delete_by_link_density`) without its repeated work: the same
elements deleted.

trafilatura 2.3.1 prunes link-rich containers in its extraction (`main_extractor.prune_unwanted_sections`: every
div, list, p, head and quote of the tree in turn). For each element, `link_density_test` finds its links with
`findall(".//ref")` (lxml's ElementPath: a chain of Python generators around `iterdescendants("ref")`) and, when
the element is short or has more than four links, `collect_link_info` trims the text of every link, so a link is
trimmed again for each of its nested divs: ~98,000 link texts for 8,700 tests on 160 wild-2017 pages. Here the
links are `iterdescendants("ref")` itself (what ElementPath yields, in the same order), and each link's trimmed
length is kept for the rest of the pass: the tree is not changed until every element is tested (the deletions
come after the loop), and the link text is a pure function of the unchanged subtree.

Used only inside `trafxpaths.fast_xpaths()`, and only while the five functions it mirrors have the source they
had when this was written (sha1 in `_SOURCES`): another trafilatura keeps its own. `tests/test_fastlinkdensity.py`
compares both on real pages.
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lxml import etree

from cleaners.cache import cached_object

# sha1 of the source of each function as trafilatura 2.3.1 ships it
_SOURCES = {
    ("trafilatura.htmlprocessing", "delete_by_link_density"): "dfc3f7a066e953eb43eeeacd0ff149e5e2684089",
    ("trafilatura.htmlprocessing", "link_density_test"): "a142e301f1f6df2b215270716a82d46e21631902",
    ("trafilatura.htmlprocessing", "collect_link_info"): "7c8333e92e373934c9d1bd0723cad2c63e0a8b76",
    ("trafilatura.htmlprocessing", "is_paragraph_listing"): "db3f48bfc8d5bd64c721bbd6c33edf02249bebc9",
    ("trafilatura.utils", "trim"): "c82a80d00e6b0165f75f7701148cd6bbb42c74c6",
}


def _digest(function: object) -> str:
    return hashlib.sha1(inspect.getsource(function).encode()).hexdigest()  # type: ignore[arg-type]


def _digests(module_name: str, names: list[str]) -> dict[str, str]:
    """{name: `_digest` of the module's function}, kept in the disk cache by the module file's size and mtime:
    `inspect.getsource` tokenizes the module (~6 ms at every start, most of it compiling tokenize's regex, whose
    alternatives come from a set and so are never the same twice for the regex cache)."""
    module = importlib.import_module(module_name)

    def build() -> dict[str, str]:
        return {name: _digest(getattr(module, name)) for name in names}

    source = getattr(module, "__file__", None)
    if not source:
        return build()
    tag = hashlib.sha1("|".join(names).encode()).hexdigest()[:8]
    table = cached_object(f"source-sha1-{module_name}-{tag}", Path(source), build)
    return table if isinstance(table, dict) and list(table) == names else build()


def sources_match(sources: dict[tuple[str, str], str]) -> bool:
    """Whether every (module, function) of `sources` has the source whose sha1 is given there (`_digests`): the check a
    replacement of trafilatura's code makes before it stands in (here and in `cleaners.trafreuse`)."""
    modules: dict[str, list[str]] = {}
    for module_name, name in sources:
        modules.setdefault(module_name, []).append(name)
    for module_name, names in modules.items():
        found = _digests(module_name, names)
        if any(found[name] != sources[module_name, name] for name in names):
            return False
    return True


def _lengths(links: list[etree._Element], known: dict[etree._Element, int], trim: Callable[[str], str]
             ) -> tuple[int, int, int]:
    """`collect_link_info(links)[:3]`: the total length of the links' trimmed texts, how many are not empty,
    how many of those are shorter than 10; each link's length from `known` once it was measured in this pass."""
    total = count = short = 0
    for link in links:
        length = known.get(link)
        if length is None:
            length = known[link] = len(trim(link.text_content()))
        if length:
            total += length
            count += 1
            if length < 10:
                short += 1
    return total, count, short


def _link_density_test(element: Any, favor_precision: bool, known: dict[etree._Element, int], hp: Any
                       ) -> tuple[bool, bool]:
    """`htmlprocessing.link_density_test(element, favor_precision)`, the same branches in the same order."""
    links = list(element.iterdescendants("ref"))
    if not links:
        return False, False
    if next(element.iterdescendants("graphic"), None) is not None:
        return False, False
    trim = hp.trim
    text = trim(element.text_content())
    if len(links) == 1:
        len_threshold = 10 if favor_precision else 100
        link_text = trim(links[0].text_content())
        if len(link_text) > len_threshold and len(link_text) > len(text) * 0.9:
            return True, False
    if element.tag == "p":
        limitlen = 60 if element.getnext() is None else 30
    elif element.getnext() is None:
        limitlen = 300
    else:
        limitlen = 100
    elemlen = len(text)
    if elemlen < limitlen:
        linklen, elemnum, shortelems = _lengths(links, known, trim)
        if elemnum == 0:
            return True, False
        hp.LOGGER.debug("list link text/total: %s/%s – short elems/total: %s/%s",
                        linklen, elemlen, shortelems, elemnum)
        return linklen > elemlen * 0.8 or (elemnum > 1 and shortelems / elemnum > 0.8), True
    if len(links) > 4:
        linklen, elemnum, _ = _lengths(links, known, trim)
        if (linklen > len(text) * hp.LINK_FARM_RATIO and linklen < 100 * elemnum
                and not hp.is_paragraph_listing(links)):
            return True, False
    return False, False


def delete_by_link_density(subtree: Any, tagname: str, backtracking: bool = False, favor_precision: bool = False
                           ) -> Any:
    """`htmlprocessing.delete_by_link_density`: the same elements tested and deleted."""
    hp = importlib.import_module("trafilatura.htmlprocessing")
    deletions = []
    len_threshold = 200 if favor_precision else 100
    depth_threshold = 1 if favor_precision else 3
    known: dict[etree._Element, int] = {}  # link -> length of its trimmed text, valid while the tree is unchanged
    for elem in subtree.iter(tagname):
        result, short_with_links = _link_density_test(elem, favor_precision, known, hp)
        if result or (
            backtracking
            and short_with_links
            and len(elem) >= depth_threshold
            and len(hp.trim(elem.text_content())) < len_threshold
        ):
            parent = elem.getparent()
            if tagname == "p" and parent is not None and parent.tag in ("item", "td", "th"):
                continue
            deletions.append(elem)
    for elem in dict.fromkeys(deletions):
        hp.delete_element(elem)
    return subtree


def plan() -> list[tuple[object, str, object, object]] | None:
    """[(module, name, its object, the replacement)] for trafilatura's `delete_by_link_density` where the
    extraction finds it, or None when any mirrored function is not the source this was written from."""
    try:
        if not sources_match(_SOURCES):
            return None
        hp = importlib.import_module("trafilatura.htmlprocessing")
        extractor = importlib.import_module("trafilatura.main_extractor")
    except (ImportError, OSError, TypeError, AttributeError):
        return None
    original = hp.delete_by_link_density
    if getattr(extractor, "delete_by_link_density", None) is not original or hp.trim is not importlib.import_module(
            "trafilatura.utils").trim:
        return None
    return [(hp, "delete_by_link_density", original, delete_by_link_density),
            (extractor, "delete_by_link_density", original, delete_by_link_density)]
