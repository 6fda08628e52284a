"""Decide whether a fetched page is an article, a listing or something else, from its parsed tree.

Evidence (cheap, on the tree the crawler already parsed): prose outside links (long punctuated text
blocks), the share of text inside links, prev/next links (上一篇/下一篇: articles have them), pagination
(下一页, page numbers: listings have them), and runs of sibling items that each hold one title-like
link (the rows of a listing). Used by the crawler to decide what to emit and what to follow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import html as lxml_html

from cleaners.chrome import PREVNEXT_WORDS

PROSE_RE = re.compile(r"[。！？]|[.!?](?:\s|$)")
PREVNEXT_RE = re.compile(rf"{PREVNEXT_WORDS}|previous\s+(?:post|article)|next\s+(?:post|article)", re.I)
PAGER_RE = re.compile(r"^\s*(?:下一页|上一页|尾页|末页|首页|下页|上页|next|prev(?:ious)?|›|»|«|‹|>>|<<|\d{1,4})\s*$", re.I)
SKIP_TAGS = {"script", "style", "noscript", "template", "head", "title", "nav", "footer", "header", "aside"}


@dataclass(frozen=True)
class PageType:
    kind: str  # "article", "listing" or "other"
    prose_chars: int
    longest_block: int
    link_share: float
    list_items: int
    has_prevnext: bool
    has_pager: bool


def classify(tree: lxml_html.HtmlElement) -> PageType:
    """Classify a parsed page.

    An article has a cluster of prose (punctuated text outside links, >= 150 characters under one
    parent); a listing has excerpts (short prose next to a title link, repeated), pagination or rows of
    title links, and no such cluster.

    >>> art = "<p>" + "近年来，我市扎实推进城市更新行动，一批老旧街区焕发出新的生机与活力。" * 4 + "</p>"
    >>> classify(lxml_html.fromstring(f"<html><body><h1>标题</h1>{art}<a href='/2'>下一篇：别的</a></body></html>")).kind
    'article'
    >>> rows = "".join(f"<li><a href='/n/{i}.html'>城市更新让老街区焕发新活力之{i}</a><p>近年来，我市扎实推进城市更新行动，一批老旧街区焕发出新的生机。</p></li>" for i in range(12))
    >>> classify(lxml_html.fromstring(f"<html><body><ul>{rows}</ul><a href='/list_2.html'>下一页</a></body></html>")).kind
    'listing'
    >>> classify(lxml_html.fromstring(f"<html><body><h1>关于我们</h1>{art}</body></html>")).kind
    'other'
    """
    body = tree.find(".//body")
    root = body if body is not None else tree
    in_link: set[lxml_html.HtmlElement] = set()  # elements, not id()s: a freed proxy's id can be reused
    anchors: list[str] = []
    for a in root.iter("a"):
        anchors.append(" ".join(a.text_content().split()))
        in_link.update(a.iter())
    prose, longest, total, in_links, excerpt = 0, 0, 0, 0, 0
    clusters: dict[lxml_html.HtmlElement, int] = {}
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in SKIP_TAGS:
            continue
        own = " ".join("".join(t for t in (el.text, *(c.tail for c in el)) if t).split())
        if not own:
            continue
        total += len(own)
        if el in in_link:
            in_links += len(own)
        elif len(own) >= 30 and PROSE_RE.search(own):
            prose += len(own)
            longest = max(longest, len(own))
            if _is_excerpt(el):
                excerpt += len(own)
            else:
                parent = el.getparent()
                key = parent if parent is not None and el.tag in BLOCKS else el
                clusters[key] = clusters.get(key, 0) + len(own)
    has_prevnext = any(PREVNEXT_RE.search(t) for t in anchors) or bool(PREVNEXT_RE.search(root.text_content()))
    has_pager = sum(1 for t in anchors if t and PAGER_RE.match(t)) >= 3 or any(t in {"下一页", "下页"} for t in anchors)
    items = _list_items(root)
    link_share = in_links / total if total else 0.0
    cluster = max(clusters.values(), default=0)
    h1 = root.find(".//h1")
    heading = " ".join(h1.text_content().split()) if h1 is not None else ""
    if SECTION_PAGE_RE.match(heading):
        kind = "other"  # the site's own page (关于我们, 公司简介, 联系我们): prose, but not an article
    elif cluster >= 150 or cluster >= 80 and (has_prevnext or cluster >= excerpt and not (items >= 15 and has_pager)):
        kind = "article"
    elif excerpt >= 100 or items >= 8 or has_pager:
        kind = "listing"
    else:
        kind = "other"
    return PageType(kind, prose, longest, round(link_share, 3), items, has_prevnext, has_pager)


BLOCKS = {"p", "br", "span", "font", "strong", "b", "em", "section"}
# Headings of a site's own pages: a company profile has sentences but is not an article.
SECTION_PAGE_RE = re.compile(
    r"^\s*[【\[]?(?:关于我们|關於我們|公司简介|公司簡介|企业简介|企業簡介|公司介绍|企业介绍|公司概况|企业文化|企業文化|发展历程|發展歷程|荣誉资质|"
    r"榮譽資質|组织机构|組織機構|联系我们|聯繫我們|联系方式|聯繫方式|在线留言|人才招聘|招聘信息|营销网络|服务网络|资质证书|About\s+Us)"
    r"[】\]]?\s*$",
    re.I,
)


def _is_excerpt(el: lxml_html.HtmlElement) -> bool:
    """Prose that sits in a small item next to a title link: the summary line of a listing row."""
    for anc in (el.getparent(), el.getparent().getparent() if el.getparent() is not None else None):
        if anc is None or anc.tag in {"body", "html"}:
            return False
        links = [a for a in anc.iter("a") if 6 <= len(" ".join(a.text_content().split())) <= 60]
        if links and len(anc.text_content()) < 400:
            # a listing row holds one summary; a short article (with a link injected in it) holds several paragraphs
            prose = [p for p in anc.iter("p") if len(p.text_content().strip()) >= 30]
            return len(prose) <= 1
    return False


def _list_items(root: lxml_html.HtmlElement) -> int:
    """The longest run of sibling elements that each hold one title-like link (8-60 characters)."""
    best = 0
    for parent in root.iter("ul", "ol", "div", "dl", "table", "tbody"):
        run = 0
        for child in parent:
            if not isinstance(child.tag, str):
                continue
            links = child.findall(".//a")
            if len(links) in (1, 2) and 6 <= len(" ".join(links[0].text_content().split())) <= 60:
                run += 1
        best = max(best, run)
    return best
