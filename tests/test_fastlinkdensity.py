"""cleaners.fastlinkdensity: the same deletions as trafilatura's own `delete_by_link_density`, on the trees its
extraction prunes while cleaning real pages."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from _realpages import FIXTURE_PAGES, wild_dev_pages
from lxml import etree
from trafilatura import htmlprocessing, main_extractor

from cleaners import fastlinkdensity, trafxpaths
from cleaners.api import clean_document
from cleaners.html import parse_html

WILD_PAGES = wild_dev_pages(40)

ORIGINAL = htmlprocessing.delete_by_link_density
FAST = fastlinkdensity.delete_by_link_density

# trafilatura's converted tags (ref, list/item, graphic, head, quote): nested divs sharing the same links (the
# lengths kept for the pass), empty and whitespace-only links, a single long link, a link farm over 300
# characters with more than four links, a listing of one link per paragraph, an image container, a paragraph
# in a list item, short paragraphs with links, a last child and a non-last child.
CONFUSERS = """<html><body><div><div><div><ref>首页</ref> <ref>新闻</ref> <ref> </ref><ref></ref> <ref>体育</ref></div>
<p>短 <ref>链接</ref></p></div><div><ref>{}</ref></div><div>{}</div><div>{}</div>
<div><graphic src="x.jpg"/><ref>图片说明很长的链接文字</ref></div><list><item><p><ref>条目链接</ref></p></item>
<item>b <ref>c</ref> d</item></list><p><ref>a</ref><ref>b</ref> and text</p><head><ref>标题链接</ref></head>
<quote>引用 <ref>一个链接</ref></quote><p>{}</p></div></body></html>""".format(
    "一条非常长的单个链接文字" * 12,
    "".join(f"<ref>最新新闻标题第{i}条很长很长很长很长</ref> " for i in range(30)),
    "".join(f"<p><ref>文档列表的一个链接{i}，长度足够长的文字。</ref></p>" for i in range(8)),
    "这是一段很长的正文，" * 20 + "<ref>正文里的链接</ref>",
)


def _both(subtree: Any, *args: Any) -> tuple[bool, int]:
    """trafilatura's prune on a copy of `subtree` and fastlinkdensity's on `subtree`: whether the trees are the
    same after, and how many elements were removed."""
    before = sum(1 for _ in subtree.iter())
    twin = copy.deepcopy(subtree)
    ORIGINAL(twin, *args)
    FAST(subtree, *args)
    same = etree.tostring(subtree, encoding=str) == etree.tostring(twin, encoding=str)
    return same, before - sum(1 for _ in subtree.iter())


def test_versions_are_the_ones_written_for() -> None:
    assert trafxpaths._LD_PLAN  # else trafilatura changed and its own prune is used


def test_swapped_only_inside_the_scope() -> None:
    assert main_extractor.delete_by_link_density is ORIGINAL
    with trafxpaths.fast_xpaths():
        assert main_extractor.delete_by_link_density is FAST
        assert htmlprocessing.delete_by_link_density is FAST
    assert main_extractor.delete_by_link_density is ORIGINAL
    assert htmlprocessing.delete_by_link_density is ORIGINAL


@pytest.mark.parametrize("args", [("div", True, False), ("div", True, True), ("list", False, False),
                                  ("p", False, False), ("p", False, True), ("head", False, True),
                                  ("quote", False, True)])
def test_same_deletions_on_confusers(args: tuple[Any, ...]) -> None:
    assert _both(parse_html(CONFUSERS), *args)[0]


def test_confusers_are_pruned_and_kept() -> None:
    tree = parse_html(CONFUSERS)
    FAST(tree, "div", True, False)
    text = tree.text_content()
    assert "最新新闻标题第3条" not in text  # the link farm
    assert "文档列表的一个链接3" in text  # one link per paragraph: a listing, kept
    assert "这是一段很长的正文" in text and "图片说明" in text


@pytest.mark.parametrize("pages", [WILD_PAGES, FIXTURE_PAGES], ids=["wild-2017 dev", "fixtures"])
def test_same_deletions_where_trafilatura_prunes(pages: list[Path], monkeypatch: Any) -> None:
    """Every link-density prune of the whole pipeline on the pages: both on the tree trafilatura prunes (recorded,
    as `clean_document` turns an exception into a reject)."""
    results: list[tuple[bool, int]] = []

    def compared(subtree: Any, *args: Any, **kwargs: Any) -> Any:
        results.append(_both(subtree, *args, *kwargs.values()))
        return subtree

    plan = [(module, name, original, compared) for module, name, original, _ in trafxpaths._LD_PLAN or ()]
    monkeypatch.setattr(trafxpaths, "_LD_PLAN", plan)
    for page in pages:
        clean_document(page.read_bytes(), page.name)
    assert all(same for same, _ in results)
    assert len(results) >= 5 * len(pages) and sum(removed for _, removed in results) > 0
