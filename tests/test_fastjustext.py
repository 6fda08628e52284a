"""cleaners.fastjustext: the same jusText paragraphs, fields and classes as jusText's own, on the trees trafilatura
hands it while cleaning real pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from _realpages import FIXTURE_PAGES, wild_dev_pages
from justext.core import ParagraphMaker, classify_paragraphs, revise_paragraph_classification
from lxml import etree
from trafilatura import external
from trafilatura.baseline import basic_cleaning

from cleaners import fastjustext, trafxpaths
from cleaners.api import clean_document
from cleaners.html import parse_html

WILD_PAGES = wild_dev_pages(24)

# Paragraph breaks on <br><br> (the second), a lone <br> as a space, link characters, a <select> path, headings,
# a comment and a processing instruction with tails, whitespace-only text, "&copy" and ©, namespaced tags.
CONFUSERS = """<html><body><div>one<br>two<br><br>three <a href="x">link  text</a> tail<!-- c -->after</div>
<?pi x?>pi tail<form><select><option>opt</option></select></form><h2>Heading</h2><p>   </p><p> <br> </p>
<table><tr><td>cell <b>bold</b> <i>it<br></i></td><td>© 2017 &amp;copy x</td></tr></table>
<p>%s</p><ul><li><a href="/">a</a></li><li>b <a>c</a> d</li></ul><svg:rect xmlns:svg="http://www.w3.org/2000/svg"/>
tail text</body></html>""" % ("这是一段很长的正文，" * 20 + " the of and to in is " * 5)

MAKE = fastjustext._make_paragraphs  # the replacement itself (the whole-pipeline test wraps the module's name)
FIELDS = ("dom_path", "xpath", "text_nodes", "chars_count_in_links", "tags_count", "class_type", "text")


def _fields(paragraphs: list[Any]) -> list[dict[str, Any]]:
    return [{**vars(p), "text": p.text} for p in paragraphs]


def _both(tree: etree._Element, stoplist: Any, *args: Any) -> None:
    """jusText's maker and classifier against fastjustext's on `tree`: every field of every paragraph."""
    original = ParagraphMaker.make_paragraphs(tree)
    fast = MAKE(tree, ParagraphMaker.make_paragraphs)
    assert _fields(fast) == _fields(original)
    classify_paragraphs(original, stoplist, *args)
    fastjustext.classify_paragraphs(fast, stoplist, *args)
    revise_paragraph_classification(original, 150)
    revise_paragraph_classification(fast, 150)
    assert _fields(fast) == _fields(original)
    assert all(set(FIELDS) <= set(p) for p in _fields(fast))


def test_versions_are_the_ones_written_for() -> None:
    assert trafxpaths._JT_PLAN  # else jusText, lxml or trafilatura changed and jusText's own are used


def test_same_paragraphs_and_classes_on_confusers() -> None:
    tree = basic_cleaning(parse_html(CONFUSERS))
    stoplist = external.JT_STOPLIST or external.jt_stoplist_init()
    for args in ((50, 150, 0.1, 0.2, 0.25, True), (), (70, 200, 0.3, 0.32, 0.2, False)):
        _both(tree, stoplist, *args)
    paragraphs = MAKE(tree, ParagraphMaker.make_paragraphs)
    assert len(paragraphs) > 8 and any(p.chars_count_in_links for p in paragraphs)


def test_deep_tree_goes_to_justexts_own_maker() -> None:
    html = "<html><body>" + "<span>x" * (fastjustext.MAX_DEPTH + 20) + "</body></html>"
    tree = basic_cleaning(parse_html(html))
    calls: list[object] = []

    def own(root: Any) -> list[Any]:
        calls.append(root)
        return ParagraphMaker.make_paragraphs(root)

    assert _fields(MAKE(tree, own)) == _fields(ParagraphMaker.make_paragraphs(tree))
    assert calls == [tree]


@pytest.mark.parametrize("pages", [WILD_PAGES, FIXTURE_PAGES], ids=["wild-2017 dev", "fixtures"])
def test_same_paragraphs_and_classes_where_trafilatura_calls_justext(pages: list[Path], monkeypatch: Any) -> None:
    """Every jusText run of the whole pipeline on the pages: both makers on the tree trafilatura hands it, both
    classifiers with trafilatura's parameters. A difference is recorded, not raised: trafilatura's jusText
    fallback and `clean_document` turn an exception into an empty result or a reject."""
    runs: list[int] = []
    differ: list[str] = []

    def compared(root: Any, original: Any) -> list[Any]:
        try:
            _both(root, external.JT_STOPLIST, 50, 150, 0.1, 0.2, 0.25, True)
        except AssertionError as error:
            differ.append(str(error)[:300])
        runs.append(1)
        return MAKE(root, original)

    monkeypatch.setattr(fastjustext, "_make_paragraphs", compared)
    for page in pages:
        clean_document(page.read_bytes(), page.name)
    assert not differ
    if pages is WILD_PAGES:
        assert len(runs) >= 10  # trafilatura asks jusText on most wild pages
