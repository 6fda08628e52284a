"""trafilatura's default precision-mode run after a fast one on the same page, without redoing the fast run's work.

`html._trafilatura` runs trafilatura in precision mode fast first (no readability, no jusText) and, when that result
cannot stand, runs it again by default. In precision mode the default run is the fast run plus one step: trafilatura's
sequence (`core.trafilatura_sequence`) cleans and converts the tree (`_prepare_tree`), extracts (`extract_content`)
and then, only when not fast, compares the result with readability's and jusText's (`compare_extraction`); its
baseline rescue and recall escalation never run in precision mode. `extract_content` reads `options.fast` at one
place only: the wild-text recovery keeps teaser-class blocks in fast mode (`keep_teasers`), so on a tree with no
element whose id or class holds "teaser" the two runs extract the same body and text. The default run then only needs
the comparison, on the fast run's body, text and pre-conversion tree (which the fast run does not touch: it is read
by the comparison and by comments, and comments are off).

So the fast run keeps (captures) those three, and the default run that follows on the same tree takes them
(replays) instead of cleaning and extracting again: on the 252 wild-2017 dev and opened pages, 31 pages run both
(192 ms of fast runs whose work the default run repeated). Everything else of the default run is trafilatura's own
code (the raw-tree prunes, the comparison, the size checks, the output).

The hooks take the place of `core._prepare_tree` and `core._extract_and_compare` only inside
`trafxpaths.fast_xpaths()`, act only for the thread that set a capture or a replay (once each), and are installed
only while the functions they stand in for have the source they had when this was written (sha1 in `_SOURCES`).
`tests/test_trafreuse.py` compares the default run with and without the replay on real pages.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from lxml import etree

from cleaners.fastlinkdensity import sources_match

# sha1 of the source of each function as trafilatura 2.3.1 ships it: the sequence that calls the hooked functions,
# the two hooked functions, and the extraction whose only use of `options.fast` is the recovery's keep_teasers
_SOURCES = {
    ("trafilatura.core", "trafilatura_sequence"): "0dc10fc96543a3b56ac6394d08ad710797843310",
    ("trafilatura.core", "_prepare_tree"): "bfc95d6a60d54c9a60db38997ca78d4132a51227",
    ("trafilatura.core", "_extract_and_compare"): "0403601160963820512afdeba9f907749779e7aa",
    ("trafilatura.core", "bare_extraction"): "256616fcd1f1ee5973f39f3b8b549b11a22d3785",
    ("trafilatura.main_extractor", "extract_content"): "e1e42929057d236f74a19fcfd6b1e1d7be563bb4",
    ("trafilatura.main_extractor", "recover_wild_text"): "7743f8acf21e6ec14f72e28b145766b7a47d1abb",
    ("trafilatura.main_extractor", "prune_unwanted_sections"): "d8b49b8a2d271f21976179e646b2b68ed5716f3a",
}

# any element whose id or class could hold "teaser" (TEASER_DISCARD_XPATH translates T to t): a superset, in C
_TEASER_LIKE = etree.XPath("boolean(.//*[contains(@id, 'easer') or contains(@class, 'easer')])")


class Kept:
    """What a fast run leaves for a default run on the same tree, by focus (its main extraction's, and in balanced
    mode its recall retry's, each at most once a run): the pre-conversion tree, the extracted body and text, and
    whether the default run may take them (`usable`: the extraction reads `fast` only for teaser-class blocks, and
    a recall extraction never prunes them)."""

    __slots__ = ("entries", "taken")

    def __init__(self) -> None:
        self.entries: dict[str, tuple[Any, Any, str]] = {}  # focus -> (backup, body, text), usable ones only
        self.taken: dict[str, tuple[Any, Any, str]] = {}  # replayed in the run under way, awaiting the comparison

    @property
    def usable(self) -> bool:
        return bool(self.entries)


_local = threading.local()


@contextmanager
def capture(kept: Kept | None = None) -> Iterator[Kept]:
    """While inside, this thread's next fast extraction keeps its work in the Kept yielded."""
    kept = kept if kept is not None else Kept()
    _local.capture = kept
    try:
        yield kept
    finally:
        _local.capture = None


@contextmanager
def replay(kept: Kept) -> Iterator[None]:
    """While inside, this thread's next default extraction takes `kept`'s work, where usable."""
    _local.replay = kept if kept.usable else None
    try:
        yield
    finally:
        _local.replay = None
        kept.entries.clear()
        kept.taken.clear()


def _prepare_tree(tree: Any, options: Any, url: str | None) -> tuple[Any, Any]:
    """`core._prepare_tree`; in a replayed run an empty tree (what the sequence may prune before extracting: its
    result is not read) and the kept pre-conversion tree, instead of cleaning and converting a copy again."""
    kept = getattr(_local, "replay", None)
    if kept is not None and not options.fast and options.focus in kept.entries:
        entry = kept.taken[options.focus] = kept.entries.pop(options.focus)
        return etree.Element("body"), entry[0]
    return _ORIGINAL["_prepare_tree"](tree, options, url)


def _extract_and_compare(cleaned_tree: Any, cleaned_tree_backup: Any, tree: Any, options: Any) -> tuple[Any, str]:
    """`core._extract_and_compare`: in a captured fast run, the extraction kept; in a replayed default run, the kept
    extraction compared as trafilatura compares its own (`compare_extraction` on the pre-conversion tree and a copy of
    the raw tree)."""
    kept = getattr(_local, "replay", None)
    if kept is not None and not options.fast and options.focus in kept.taken:
        backup, body, text = kept.taken.pop(options.focus)
        return _CORE.compare_extraction(backup, _CORE.copy(tree), body, text, options)
    kept = getattr(_local, "capture", None)
    if kept is not None and options.fast and options.focus not in kept.entries:
        # teaser-class blocks: read before the extraction moves the tree's elements
        teasers = options.focus != "recall" and bool(_TEASER_LIKE(cleaned_tree))
        body, text = _ORIGINAL["_extract_and_compare"](cleaned_tree, cleaned_tree_backup, tree, options)
        if not teasers and options.max_tree_size is None:
            kept.entries[options.focus] = (cleaned_tree_backup, body, text)
        return body, text
    return _ORIGINAL["_extract_and_compare"](cleaned_tree, cleaned_tree_backup, tree, options)


_ORIGINAL: dict[str, Any] = {}
_CORE: Any = None


def plan() -> list[tuple[object, str, object, object]] | None:
    """[(module, name, its object, the hook)] for trafilatura.core's `_prepare_tree` and `_extract_and_compare`, or
    None when any function named in `_SOURCES` is not the source this was written from."""
    global _CORE
    try:
        if not sources_match(_SOURCES):
            return None
        core = importlib.import_module("trafilatura.core")
        external = importlib.import_module("trafilatura.external")
    except (ImportError, OSError, TypeError, AttributeError):
        return None
    if core.compare_extraction is not external.compare_extraction:
        return None
    _CORE = core
    _ORIGINAL["_prepare_tree"] = core._prepare_tree
    _ORIGINAL["_extract_and_compare"] = core._extract_and_compare
    return [(core, "_prepare_tree", core._prepare_tree, _prepare_tree),
            (core, "_extract_and_compare", core._extract_and_compare, _extract_and_compare)]
