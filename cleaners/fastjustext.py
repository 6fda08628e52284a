"""jusText's paragraph maker and classifier as trafilatura calls them, without their per-event and per-property
overhead: the same paragraphs, fields and classes.

trafilatura 2.3.1 falls back on jusText (`external.try_justext`: `ParagraphMaker.make_paragraphs`, then
`classify_paragraphs`) on pages where its own extraction is short or unclean: most wild-2017 pages. jusText 3.0.2
makes paragraphs from SAX events (`lxml.sax.saxify`: attribute maps and qualified names built for every element)
and builds a `Paragraph` at every block boundary, formatting its dom path and XPath each time, though ~70% of them
get no text and are dropped; its classifier recomputes a paragraph's text (join and whitespace regex) eight times.
Here the walk is over the elements themselves with the same events in the same order, a paragraph is built (from
the path as it was at its start) only when it has text, and the classifier computes each text once.

Used only inside `trafxpaths.fast_xpaths()`, and only while jusText's modules and lxml are the versions this was
written from (the sha1 of the three modules' source, lxml's version): another version keeps its own. Anything
the walk was not written for (a tree deeper than `MAX_DEPTH`, a tag that is not a string, a comment, a processing
instruction or an entity beside the root) hands the tree to jusText's own maker. `tests/test_fastjustext.py`
compares both on real pages.
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
from functools import lru_cache
from types import SimpleNamespace
from typing import Any

from lxml import etree

MAX_DEPTH = 200  # deeper trees go to jusText's own (recursive) maker, which may fail on them its own way

# sha1 of the source of justext.core, justext.paragraph and justext.utils as jusText 3.0.2 ships them
_SOURCES = {
    "justext.core": "a09820f49e4fb7445578ef57b97cfde4e06a6555",
    "justext.paragraph": "7a2ce29725f1f39a9278d6e8338e8a356b602a4e",
    "justext.utils": "7354bef465760c7821f2382d875c71a979be9fd7",
}
_LXML_VERSION = "6.2.1"  # lxml.sax's saxify: the events walked here


class _Fallback(Exception):
    """The tree has something the walk was not written for."""


def _digest(module_name: str) -> str:
    return hashlib.sha1(inspect.getsource(importlib.import_module(module_name)).encode()).hexdigest()


def _make_paragraphs(root: Any, original: Any) -> list[Any]:
    """`ParagraphMaker.make_paragraphs(root)`: the same `Paragraph`s with the same fields."""
    from justext.core import PARAGRAPH_TAGS
    from justext.utils import normalize_whitespace

    if not isinstance(root, etree._Element):
        return original(root)
    for sibling in (root.getprevious(), root.getnext()):
        if sibling is not None and sibling.tag is etree.ProcessingInstruction:
            return original(root)
    paragraph_class = _paragraph_class()
    comment, pi = etree.Comment, etree.ProcessingInstruction
    paragraphs: list[Any] = []
    # PathInfo's (tag name, order, children) of each open element, with its dom path and XPath (built as it opens:
    # jusText formats them from the whole stack at every paragraph start)
    stack: list[tuple[str, int, dict[str, int], str, str]] = []
    # the open paragraph: the paths at its start, its text nodes, characters in links, tags
    start: tuple[str, str] = ("", "/")
    nodes: list[str] = []
    in_links = tags = 0
    link = br = False

    def new_paragraph() -> None:  # ParagraphMaker._start_new_pragraph
        nonlocal start, nodes, in_links, tags
        if nodes and (text := "".join(nodes)).strip():  # Paragraph's truth: a non-empty normalised, stripped text
            paragraph = paragraph_class(SimpleNamespace(dom=start[0], xpath=start[1]))
            paragraph.text_nodes, paragraph.chars_count_in_links, paragraph.tags_count = nodes, in_links, tags
            paragraph.text = normalize_whitespace(text.strip())  # Paragraph.text, computed once
            paragraphs.append(paragraph)
        start, nodes, in_links, tags = (stack[-1][3], stack[-1][4]) if stack else ("", "/"), [], 0, 0

    def characters(content: str) -> None:
        nonlocal in_links, br
        if content.isspace():
            return
        text = normalize_whitespace(content)
        nodes.append(text)
        if link:
            in_links += len(text)
        br = False

    def walk(element: Any, depth: int) -> None:
        nonlocal link, br, tags
        tag = element.tag
        if tag is comment or tag is pi:
            if element.tail:
                characters(element.tail)
            return
        if type(tag) is not str or depth > MAX_DEPTH:
            raise _Fallback
        name = tag if tag[:1] != "{" else tag[1:].split("}", 1)[1]
        # startElementNS
        if stack:
            children, dom, xpath = stack[-1][2], stack[-1][3] + ".", stack[-1][4]
        else:
            children, dom, xpath = {}, "", ""
        order = children.get(name, 0) + 1
        children[name] = order
        stack.append((name, order, {}, dom + name, f"{xpath}/{name}[{order:d}]"))
        if name in PARAGRAPH_TAGS or (name == "br" and br):
            if name == "br":
                tags -= 1
            new_paragraph()
        else:
            br = name == "br"
            if br:
                nodes.append(normalize_whitespace(" "))
            elif name == "a":
                link = True
            tags += 1
        if element.text:
            characters(element.text)
        for child in element:
            walk(child, depth + 1)
        # endElementNS
        stack.pop()
        if name in PARAGRAPH_TAGS:
            new_paragraph()
        if name == "a":
            link = False
        if element.tail:
            characters(element.tail)

    try:
        walk(root, 0)
    except _Fallback:
        return original(root)
    new_paragraph()  # endDocument
    return paragraphs


@lru_cache(maxsize=1)
def _paragraph_class() -> type:
    """jusText's `Paragraph` with its text kept as computed when the paragraph is made (the property joins and
    normalises its text nodes at every read: the classifier, the heading and neargood revisions and trafilatura's
    output each read it again; nothing changes the nodes after the maker)."""
    from justext.paragraph import Paragraph

    class TextParagraph(Paragraph):  # type: ignore[misc, valid-type]
        text: str = ""  # an instance attribute in place of the property

    return TextParagraph


def _stopword_density(text: str, stoplist: Any) -> float:
    words = text.split()
    return sum(word.lower() in stoplist for word in words) / len(words) if words else 0


def classify_paragraphs(paragraphs: list[Any], stoplist: Any, length_low: int = 70, length_high: int = 200,
                        stopwords_low: float = 0.30, stopwords_high: float = 0.32, max_link_density: float = 0.2,
                        no_headings: bool = False) -> None:
    """justext.core.classify_paragraphs (its defaults), each paragraph's text computed once and its stop words counted
    only where the class depends on them."""
    stoplist = importlib.import_module("justext.core").define_stoplist(stoplist)
    for paragraph in paragraphs:
        text = paragraph.text
        length = len(text)
        link_density = paragraph.chars_count_in_links / length if length else 0
        paragraph.heading = bool(not no_headings and paragraph.is_heading)

        if link_density > max_link_density:
            paragraph.cf_class = "bad"
        elif ("\xa9" in text) or ("&copy" in text):
            paragraph.cf_class = "bad"
        elif "select" in paragraph.dom_path:
            paragraph.cf_class = "bad"
        elif length < length_low:
            paragraph.cf_class = "bad" if paragraph.chars_count_in_links > 0 else "short"
        elif (stopword_density := _stopword_density(text, stoplist)) >= stopwords_high:
            paragraph.cf_class = "good" if length > length_high else "neargood"
        elif stopword_density >= stopwords_low:
            paragraph.cf_class = "neargood"
        else:
            paragraph.cf_class = "bad"


def plan() -> list[tuple[object, str, object, object]] | None:
    """[(trafilatura.external, a name in it, its object, the replacement)], or None when trafilatura, jusText or
    lxml is not the version this was written from."""
    try:
        external = importlib.import_module("trafilatura.external")
        import lxml
        if lxml.__version__ != _LXML_VERSION or any(_digest(m) != d for m, d in _SOURCES.items()):
            return None
    except (ImportError, OSError, TypeError):
        return None
    maker, classify = getattr(external, "ParagraphMaker", None), getattr(external, "classify_paragraphs", None)
    if maker is None or classify is not importlib.import_module("justext.core").classify_paragraphs:
        return None
    original = maker.make_paragraphs

    class FastParagraphMaker(maker):  # type: ignore[misc, valid-type]
        @classmethod
        def make_paragraphs(cls, root: Any) -> list[Any]:
            return _make_paragraphs(root, original)

    return [(external, "ParagraphMaker", maker, FastParagraphMaker),
            (external, "classify_paragraphs", classify, classify_paragraphs)]
