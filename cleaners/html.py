"""Front end for HTML: parse once with lxml, strip what readers never see or never read, then extract.

Order: parse -> page metadata -> strip hidden elements -> strip template chrome -> trafilatura on the
same tree -> a Draft with paragraphs and the injection slots the spam finder needs.
"""

from __future__ import annotations

import copy
import json
import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import urljoin

import lxml.html
import numpy as np
from lxml import etree
from trafilatura.core import bare_extraction, determine_returnstring
from trafilatura.external import SANITIZED_XPATH
from trafilatura.settings import DEFAULT_CONFIG, Extractor

from cleaners import trafreuse
from cleaners.chrome import PREVNEXT_WORDS, chrome_reason, is_meta_line, source_of
from cleaners.dates import find_published, parse_date, published_from_meta
from cleaners.draft import Draft
from cleaners.inject import REVEALED_PROSE, find_injections, paragraph_prose, strong_topic
from cleaners.record import Removal
from cleaners.spam import TITLE_BRAND_SHAPE_RE
from cleaners.trafxpaths import fast_xpaths

XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # not allowed in XML: trafilatura drops the page
HIDDEN_STYLE_RE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|"
    r"(?:^|[;\s])(?:left|top|right|text-indent|margin-left|margin-top)\s*:\s*-\d{3,}(?:\.\d+)?(?:px|em|pt)|"
    r"font-size\s*:\s*0(?:px|pt|em)?\s*(?:;|$)|"
    r"clip\s*:\s*rect\(\s*0",
    re.I,
)
ZERO_BOX_RE = re.compile(r"(?:^|[;\s])(?:height|width)\s*:\s*[01](?:px)?\s*(?:;|$)", re.I)
OVERFLOW_HIDDEN_RE = re.compile(r"overflow\s*:\s*hidden", re.I)
# A rule in one "}"-terminated chunk of a <style>: selectors (from the chunk's start or a brace) "{" body. Read
# chunk by chunk, as findall(r"([^{}]+)\{([^}]*)\}") did but linear: that scan was quadratic on a <style> with
# no "{" or no "}" (248 s on 200 KB).
CSS_RULE_RE = re.compile(r"(?<![^{}])([^{}]+)\{(.*)", re.S)
SIMPLE_SELECTOR_RE = re.compile(r"^\s*([.#])([\w-]+)\s*$")
BLOCK_TAGS = {"div", "p", "li", "ul", "ol", "dl", "dd", "dt", "span", "table", "tr", "td", "section", "h2", "h3",
              "h4", "h5", "h6", "nav", "header", "footer", "aside", "em", "strong", "font", "center", "b"}
# Text nodes (element text and tails) of a tree, in document order. The word tests below run on them as
# compiled regexes: the same searches as EXSLT re:test inside the XPath, which called back into Python per node
# (5.4 ms a DAnIEL page for the two, 2.0 ms this way, identical node lists). Nodes of blanks only (the line breaks
# and indents between tags, 63% of a DAnIEL page's nodes) are left out: no word holds a blank alone.
TEXT_NODES_XPATH = etree.XPath("//text()[normalize-space()]")
CHROME_WORDS_RE = re.compile(
    "当前位置|现在的位置|您的位置|所在位置|上一篇|下一篇|上一条|下一条|返回列表|浏览次数|点击次数|"
    "阅读次数|版权所有|Copyright|ICP|公网安备|本文关键|本文摘要|文章摘要|简要描述|本文标签|分享到|打印|关闭窗口|首页\\s*[>»›]|"
    "产品中心|新闻中心|产品详情|详细介绍|技术支持", re.I,
)


# CHROME_WORDS_RE as two searches that together find a match at the same places: its Chinese words (no character
# of theirs has a case) and its two Latin words led by the exact characters IGNORECASE lets start them (C c I i İ ı).
# Each starts with a known set of characters, which the regex engine skips to; CHROME_WORDS_RE, whose IGNORECASE
# Latin words hide that set, tries every alternative at every position of the page's text (1.4 s over the 181
# Scrapinghub pages, with their scripts, against 0.2 s).
CHROME_LATIN = ("Copyright", "ICP")
CHROME_WORDS_SEARCH = (
    re.compile("|".join(w for w in CHROME_WORDS_RE.pattern.split("|") if w not in CHROME_LATIN)),
    re.compile("[CcIi\u0130\u0131](?:(?<=[Cc])(?i:opyright)|(?<=[Ii\u0130\u0131])(?i:CP))"),
)


def text_nodes(tree: lxml.html.HtmlElement, *words: re.Pattern[str]) -> list[etree._ElementUnicodeResult]:
    """The text nodes of `tree` that any of `words` finds something in, in document order (each knows its
    element: `node.getparent()`).

    One search per pattern over the nodes joined by NULs (no word holds one, and the parser drops them), each
    match mapped back to its node: the leftmost match of a node is found whatever matched before it, so the nodes
    are the same as searching each in turn.
    """
    nodes = TEXT_NODES_XPATH(tree)
    # where each node starts in the joined text (and where the text ends), summed in C
    starts = np.cumsum(np.fromiter(map(len, nodes), dtype=np.int64, count=len(nodes)) + 1).tolist()
    starts.insert(0, 0)
    joined = "\0".join(nodes)
    found = set()
    for pattern in words:  # the leftmost match of each node that has one, then on from the next node's start
        m = pattern.search(joined)
        while m:
            i = bisect_right(starts, m.start()) - 1
            found.add(i)
            m = pattern.search(joined, starts[i + 1])
    return [nodes[i] for i in sorted(found)]


PARAM_KEYS_RE = re.compile(r"^(?:型号|规格|材质|材料|品牌|价格|单价|产地|尺寸|重量|颜色|用途|包装|参数|货号|库存|起订量|"
                           r"供货总量|发货期限|所在地|外形尺寸|容量|载重|厚度|认证)\s*[:：]?$")


HTML_PARSER = lxml.html.HTMLParser(
    collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True
)


class PageElement(lxml.html.HtmlElement):
    """lxml.html's element with `text_content()` serialised in C: lxml.html evaluates the XPath `string()` per call
    (~110,000 calls on the 210 DAnIEL pages, most from trafilatura's link-density tests), and libxml2 gives both the
    same text (xmlNodeGetContent, its tail left out)."""

    def text_content(self) -> str:  # type: ignore[override]
        return etree.tostring(self, method="text", encoding=str, with_tail=False)


# Every element a PageElement, chosen in C: lxml.html's own lookup is a Python call per element proxy (2.1 M
# calls, ~10% of the cleaning time on DAnIEL pages) that only picks form-control classes nothing here uses.
HTML_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=PageElement, comment=lxml.html.HtmlComment, pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity,
))


UNIT_VALUE_RE = re.compile(r"^[≤≥<>约~±]?\d[\d.,，~\-–×xX*/]*\s*(?:kg|g|t|吨|公斤|千克|kw|w|kW|KW|v|V|mm|cm|m|米|m2|m3|m³|㎡|L|l|升|"
                           r"mpa|MPa|Pa|hz|Hz|rpm|r/min|km/h|℃|°C|%|dB|db|A|mA|Ah|kWh|吨/小时|t/h|m3/h)$", re.I)
DOC_META_KEYS_RE = re.compile(r"^(?:索引号|主题分类|体裁分类|服务对象|发布机构|发文机关|发文单位|成文日期|发布日期|生成日期|文号|"
                              r"发文字号|有效性|时效性|公开方式|公开范围|公开时限|信息来源|主题词|组配分类|统一编号)\s*[:：]?$")


def parse_html(text: str) -> lxml.html.HtmlElement:
    """Parse a page once (as trafilatura would: comments and PIs dropped); every later step uses this tree."""
    text = CONTROL_RE.sub("", XML_DECL_RE.sub("", text))
    return lxml.html.fromstring(text.encode("utf-8", "surrogatepass"), parser=HTML_PARSER)


def text_content(el: lxml.html.HtmlElement) -> str:
    """`el.text_content()` (its text and its descendants', without its tail), serialised in C: lxml.html's method
    evaluates an XPath per call, twice as slow on the ~600 elements a page's rules read."""
    return etree.tostring(el, method="text", encoding=str, with_tail=False)


def _text(el: lxml.html.HtmlElement) -> str:
    return " ".join(text_content(el).split())


def _drop(el: lxml.html.HtmlElement) -> None:
    """Remove an element but keep its tail text (which belongs to the parent)."""
    if el.getparent() is not None:
        el.drop_tree()


def page_meta(tree: lxml.html.HtmlElement) -> dict[str, str]:
    """Meta tags, <title>, <h1>, canonical link, JSON-LD dates and <html lang> as one flat dict."""
    meta: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv") or "").strip()
        if key and el.get("content") is not None:
            meta.setdefault(key.lower() if not key.startswith("og:") else key, el.get("content", "").strip())
    title = tree.find(".//title")
    if title is not None:
        meta["_title"] = _text(title)
    heads = [_text(h) for h in tree.iter("h1", "h2")]
    heads = [h for h in heads if 2 <= len(h) <= 120]
    if heads:
        meta["_h1"] = heads[0]
        meta["_headings"] = "\n".join(heads[:12])
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            meta["_canonical"] = link.get("href", "").strip()
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text:
            try:
                data = json.loads(script.text)
            except ValueError:
                continue
            for obj in data if isinstance(data, list) else [data]:
                if isinstance(obj, dict) and obj.get("datePublished"):
                    meta.setdefault("datePublished", str(obj["datePublished"]))
    times = [t for t in tree.iter("time") if t.get("datetime")]
    marked = [t for t in times if "publish" in (t.get("class", "") + t.get("itemprop", "")).lower()
              or t.get("pubdate") is not None]
    if marked or times:
        meta.setdefault("_time", (marked or times)[0].get("datetime", ""))
    lang = tree.get("lang") or tree.get("xml:lang") or meta.get("content-language")
    if lang:
        meta["_lang"] = lang.strip()
    return meta


def css_rules(css: str) -> list[tuple[str, str]]:
    """(selectors, body) of each rule of a style sheet, in time linear in its length (see CSS_RULE_RE).

    >>> css_rules(".a,.b{display:none} @media print{#c{color:red}} d{")
    [('.a,.b', 'display:none'), (' @media print', '#c{color:red')]
    """
    return [rule.groups() for rule in map(CSS_RULE_RE.search, css.split("}")[:-1]) if rule]


def hidden_css_selectors(tree: lxml.html.HtmlElement) -> tuple[set[str], set[str]]:
    """Class and id names that the page's own <style> blocks hide (a common link-farm trick)."""
    classes: set[str] = set()
    ids: set[str] = set()
    for style in tree.iter("style"):
        css = style.text or ""
        # cached by the sheet's text (both the planted-block finder and HiddenElements read a page's sheets)
        hidden_classes, hidden_ids = _sheet_hides(css) if len(css) <= 1 << 20 else _sheet_hides.__wrapped__(css)
        classes |= hidden_classes
        ids |= hidden_ids
    return classes, ids


@lru_cache(maxsize=16)  # at most 16 MB of sheet text held
def _sheet_hides(css: str) -> tuple[frozenset[str], frozenset[str]]:
    """Class and id names one style sheet hides (hidden_css_selectors)."""
    classes: set[str] = set()
    ids: set[str] = set()
    for selectors, body in css_rules(css):
        if not (HIDDEN_STYLE_RE.search(body) or ZERO_BOX_RE.search(body) and OVERFLOW_HIDDEN_RE.search(body)):
            continue
        for sel in selectors.split(","):
            m = SIMPLE_SELECTOR_RE.match(sel)
            if m:
                (classes if m.group(1) == "." else ids).add(m.group(2))
    return frozenset(classes), frozenset(ids)


def _sells_spam(text: str) -> bool:
    """Whether hidden prose sells a spam topic: three or more of its words (百家乐, 真人娱乐, 彩金 …: weak words only beside
    these), one or more per 100 characters. A hacker hides paragraphs of promo text too; a news story about a gambling
    case names its topic less densely, and were it hidden it would be removed as any hidden block was before.

    >>> _sells_spam("澳门百家乐官网是亚洲最值得信赖的真人娱乐平台，注册即送彩金18元，天天返水，提款三分钟到账。")
    True
    >>> _sells_spam("警方通报，一个利用境外网站组织网络赌博的团伙近日落网，涉案流水上千万元。民警提醒，网络赌博"
    ...             "往往以小额返利引诱参与者不断加码，最终血本无归，市民遇到此类网站应及时举报，切勿心存侥幸。")
    False
    """
    n = strong_topic(text)
    return n >= 3 and 100 * n >= len(text)


def _hidden_article(paragraphs: list[str], anchors: Iterable[lxml.html.HtmlElement], whole: str) -> bool:
    """Hidden text that is an article: REVEALED_PROSE+ characters of sentence paragraphs (inject.paragraph_prose),
    under 20% of `whole` link text, selling no spam topic (_sells_spam)."""
    if paragraph_prose(paragraphs) < REVEALED_PROSE:
        return False
    links = sum(len(_text(a)) for a in anchors)
    return links < 0.2 * max(1, len(whole)) and not _sells_spam(whole)


def _revealed_article(el: lxml.html.HtmlElement) -> bool:
    """A hidden block that is an article (_hidden_article: its <p> and <section> the paragraphs)."""
    return _hidden_article([_text(p) for p in el.iter("p", "section")], el.iter("a"), _text(el))


def _revealed_paragraphs(doomed: list[lxml.html.HtmlElement]) -> set[lxml.html.HtmlElement]:
    """Hidden paragraphs that are together an article a script reveals a page at a time: three or more hidden <p>
    of one parent that are _hidden_article together.

    Evidence: w006157, a youth.cn gallery whose every paragraph (导读, captions, the text under each picture) is
    `<p style="display: none">` in the article's own container until a script shows the next slide: the record kept
    only the teaser row under it. A link farm hides anchors, not sibling paragraphs of sentences; hidden promo
    paragraphs (_sells_spam) go as before.
    """
    groups: dict[lxml.html.HtmlElement, list[lxml.html.HtmlElement]] = {}
    for el in doomed:
        parent = el.getparent()
        if el.tag == "p" and parent is not None:
            groups.setdefault(parent, []).append(el)
    spared: set[lxml.html.HtmlElement] = set()
    for run in groups.values():
        texts = [_text(p) for p in run]
        if len(run) >= 3 and _hidden_article(texts, (a for p in run for a in p.iter("a")), "".join(texts)):
            spared.update(run)
    return spared


# The elements with a style or `hidden` attribute and the marquees, in document order: selected by their attributes
# (the attribute nodes' parents), 2.5x faster than testing every element with a predicate.
_CANDIDATE_ATTRS = "descendant-or-self::*/@style | descendant-or-self::*/@hidden"
CANDIDATES_XPATH = etree.XPath(f"({_CANDIDATE_ATTRS})/.. | descendant-or-self::marquee")
CANDIDATES_BY_NAMES = etree.XPath(
    f"({_CANDIDATE_ATTRS} | descendant-or-self::*/@class | descendant-or-self::*/@id)/.. | descendant-or-self::marquee")
MAX_NAMED = 32  # hidden class and id names read by one XPath of their own; more: every element with a class or id


@lru_cache(maxsize=64)
def _named_candidates(classes: int, ids: int) -> etree.XPath:
    """CANDIDATES_XPATH widened to a class attribute holding one of `classes` names ($c0 …) as a substring, or an id
    equal to one of `ids` names ($i0 …)."""
    attrs = [_CANDIDATE_ATTRS]
    if classes:
        attrs.append(f"descendant-or-self::*/@class[{' or '.join(f'contains(., $c{i})' for i in range(classes))}]")
    if ids:
        attrs.append(f"descendant-or-self::*/@id[{' or '.join(f'. = $i{i}' for i in range(ids))}]")
    return etree.XPath(f"({' | '.join(attrs)})/.. | descendant-or-self::marquee")


def hidden_candidates(tree: lxml.html.HtmlElement, classes: set[str] | frozenset[str] = frozenset(),
                      ids: set[str] | frozenset[str] = frozenset()) -> list[lxml.html.HtmlElement]:
    """`tree` and its descendants, in document order, that HiddenElements.is_hidden(el, classes, ids) can call
    hidden: those with a style, `hidden` or a marquee, a class attribute holding one of `classes` (a substring
    test in C: a superset of the elements with such a class token) or an id in `ids`; not every element with a
    class or id, which on a page that hides some names is most of its elements."""
    if not classes and not ids:
        return CANDIDATES_XPATH(tree)
    if len(classes) + len(ids) > MAX_NAMED:
        return CANDIDATES_BY_NAMES(tree)
    names = {f"c{i}": c for i, c in enumerate(sorted(classes))} | {f"i{i}": v for i, v in enumerate(sorted(ids))}
    return _named_candidates(len(classes), len(ids))(tree, **names)


class HiddenScan:
    """What HiddenElements and the planted-block finder (cleaners.inject.hidden_elements) both read off a page,
    read once: the class and id names its sheets hide, the ids its scripts hide, the elements that may be hidden
    (hidden_candidates, but the page's root and head-like ones) and whether each is hidden by its style, the
    `hidden` attribute, a marquee or the sheets' names (HiddenElements.is_hidden with the sheets' ids)."""

    SKIP = frozenset({"html", "head", "body", "script", "style", "meta"})

    def __init__(self, tree: lxml.html.HtmlElement):
        from cleaners.inject import script_hidden_ids

        self.classes, self.css_ids = hidden_css_selectors(tree)
        self.scripted = script_hidden_ids(tree)
        # with the ids scripts hide: hidden_elements and HiddenElements read those off these elements too
        self.elements = [el for el in hidden_candidates(tree, self.classes, self.css_ids | self.scripted)
                         if el.tag not in self.SKIP]
        self.css_hidden = [HiddenElements.is_hidden(el, self.classes, self.css_ids) for el in self.elements]

    def same_sheets(self, classes: set[str], css_ids: set[str], scripted: set[str]) -> bool:
        """Whether the page still hides the same names (a dropped block can take a <style> or <script> along)."""
        return classes == self.classes and css_ids == self.css_ids and scripted == self.scripted


class HiddenElements:
    """Drop elements a reader never sees: display:none, off-screen offsets, zero boxes, tiny marquees.

    Evidence: inline styles, the `hidden` attribute, classes/ids hidden by the page's own CSS, ids an inline
    script hides and blocks a script wraps in a hidden element it writes. These are the dark-link patterns
    of hacked-site link farms (BT-panel DarkChain rules, spam_telltales `html` rows). One exception: a hidden block that holds the page's prose (paragraphs of sentences, little
    of it link text) is an article a script reveals (WeChat's `#js_content` starts as visibility:hidden),
    not a link farm, and stays.
    """

    reason = "hidden_element"

    def apply(self, tree: lxml.html.HtmlElement, scan: HiddenScan | None = None,
              gone: set[lxml.html.HtmlElement] = frozenset()) -> list[Removal]:
        """`scan`: the page's HiddenScan made before the elements in `gone` (and everything inside them) were
        dropped from `tree`, if one was (parse_page: the planted-block finder's); else the tree is scanned here."""
        from cleaners.inject import script_hidden_ids, script_wrapped

        if scan is not None and not gone:  # nothing dropped since the scan: the same sheets and scripts
            classes, css_ids, scripted = scan.classes, scan.css_ids, scan.scripted
        else:
            classes, css_ids = hidden_css_selectors(tree)
            scripted = script_hidden_ids(tree)
        ids = css_ids | scripted  # getElementById('t'+'e'+'s'+'i').style.display='none': hidden once scripts run
        if scan is not None and scan.same_sheets(classes, css_ids, scripted):
            # the verdicts read off before the drop, except a marquee's, which reads its descendants
            doomed = [el for el, css in zip(scan.elements, scan.css_hidden, strict=True) if el not in gone and
                      (self.is_hidden(el, classes, ids) if el.tag == "marquee" else css or el.get("id") in scripted)]
        else:
            # only elements is_hidden can say yes to (a style, `hidden`, a marquee, a class or id when the page hides
            # some), found in C instead of a Python call for every element: the same elements, in document order
            doomed = [el for el in hidden_candidates(tree, classes, ids)
                      if el.tag not in HiddenScan.SKIP and self.is_hidden(el, classes, ids)]
        doomed += [el for run in script_wrapped(tree) for el in run if isinstance(el.tag, str)]
        removed = []
        doomed_set = set(doomed)
        spared = _revealed_paragraphs(doomed)
        for el in doomed:
            if el in spared or any(a in doomed_set for a in el.iterancestors()) or _revealed_article(el):
                continue
            text = " ".join(" ".join(el.itertext()).split())
            if text:
                removed.append(Removal("html", text[:2000], self.reason))
            _drop(el)
        return removed

    @staticmethod
    def is_hidden(el: lxml.html.HtmlElement, classes: set[str], ids: set[str]) -> bool:
        style = el.get("style") or ""
        if style and (HIDDEN_STYLE_RE.search(style) or ZERO_BOX_RE.search(style) and OVERFLOW_HIDDEN_RE.search(style)):
            return True
        if el.get("hidden") is not None:
            return True
        if el.tag == "marquee":
            h, w = el.get("height", ""), el.get("width", "")
            small = any(re.match(r"^\s*[0-9](?:px)?\s*$", v) for v in (h, w) if v)
            return small or bool(el.findall(".//a"))
        if classes and set((el.get("class") or "").split()) & classes:
            return True
        return bool(ids and el.get("id") in ids)


class ChromeBlocks:
    """Drop template chrome blocks: breadcrumbs, prev/next, share/print bars, footers, SEO keyword blocks.

    Evidence: a short block whose whole text matches a chrome family (cleaners.chrome). The block is the
    largest ancestor of the matching text that still reads as chrome, so `<p>上一篇:<a>…</a></p>` goes
    whole and the article container around it stays. Prev/next texts are kept as spam-finder slots.
    """

    def apply(self, tree: lxml.html.HtmlElement, draft: Draft) -> list[Removal]:
        removed: list[Removal] = []
        seen: set[lxml.html.HtmlElement] = set()  # elements, not id()s: a freed proxy's id can be reused
        for node in text_nodes(tree, *CHROME_WORDS_SEARCH):
            el = node.getparent()
            block = None
            owner = node.getparent()
            while el is not None and isinstance(el.tag, str) and el.tag not in {"body", "html"}:
                text = _text(el)
                if len(text) > 600 or el is not owner and _holds_paragraph(el, owner):
                    break  # climbing further would take an article paragraph with the chrome line
                reason = chrome_reason(text)
                if reason and el.tag in BLOCK_TAGS | {"a"}:
                    block = (el, text, reason)
                el = el.getparent()
            if block is None or block[0] in seen:
                continue
            el, text, reason = block
            if el.getparent() is None:
                continue
            seen.add(el)
            if reason == "prevnext":
                draft.slots.prevnext.extend(_prevnext_lines(el, text))
            removed.append(Removal("html", text[:2000], reason))
            _drop(el)
        return removed


def _holds_paragraph(el: lxml.html.HtmlElement, owner: lxml.html.HtmlElement | None) -> bool:
    """Whether `el` holds a <p> of article prose (40+ characters, a sentence end) other than the chrome's own."""
    for p in el.iter("p"):
        if owner is not None and (p is owner or any(a is p for a in owner.iterancestors())):
            continue
        text = _text(p)
        if len(text) >= 40 and re.search(r"[。！？]", text):
            return True
    return False


def _prevnext_lines(el: lxml.html.HtmlElement, text: str) -> list[str]:
    parts = re.split(f"(?={PREVNEXT_WORDS})", text)
    return [p.strip() for p in parts if p.strip()]


# after the label: an English gloss (联系我们 CONTACT), a "more" link, a colon
# (possessive whitespace: three adjacent \s* made a long blank run after the label quadratic)
_HEAD_END = r"[】\]]?\s*+(?:[A-Za-z][A-Za-z &]{1,24})?\s*+(?:[:：]|更多|more|>>|»|\+)*\s*+$"
# Boxes of the site's own text (a profile, contact details, link lists): never an article's container.
SIDE_HEAD_RE = re.compile(
    r"^\s*[【\[]?(?:公司简介|企业简介|公司介绍|企业介绍|公司概况|关于我们|企业文化|荣誉资质|联系我们|联系方式|联系信息|在线留言|"
    r"在线咨询|客服中心|热门文章|热门推荐|热门新闻|热门资讯|热点新闻|热点资讯|最新文章|最新资讯|最新动态|最新新闻|最新产品|"
    r"推荐新闻|推荐文章|推荐阅读|推荐产品|热门产品|相关产品|相关新闻|相关文章|相关阅读|相关推荐|猜你喜欢|栏目导航|栏目分类|"
    r"网站导航|产品分类|文章分类|新闻分类|友情链接|热门标签|标签云)" + _HEAD_END,
    re.I,
)
# Column labels (新闻中心 over a news column): they may head the article's own container.
COLUMN_HEAD_RE = re.compile(
    r"^\s*[【\[]?(?:产品中心|产品展示|产品列表|新闻中心|新闻资讯|新闻动态|公司新闻|企业新闻|行业新闻|行业动态|行业资讯|公司动态|"
    r"资讯中心|客户案例|成功案例|工程案例|解决方案|服务中心|技术支持|下载中心|常见问题)" + _HEAD_END,
    re.I,
)
BOX_TAGS = {"div", "aside", "section", "dl", "ul", "table", "td", "li"}
HEAD_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "dt", "strong", "b", "span", "div", "p", "em", "a", "th", "td", "tr",
             "font", "li"}
TITLE_HEAD_TAGS = ("h1", "h2", "h3", "h4")


class SectionBoxes:
    """Drop boxes headed by a site-section label: sidebars, company-profile and contact boxes, link lists.

    Evidence: a block whose first text is a short heading naming a part of the site rather than the article
    (公司简介, 联系我们, 热门文章, 产品分类, 友情链接 …; the catalogue templates mirrors are pasted into
    carry several) holds the site's own text, not the article's: `<div class="side"><h3>公司简介</h3><p>…
    </p></div>` goes whole, with its sister boxes (same tag and class, opened by a short heading of the
    same tag: `<h3>开馆时间</h3>`). Guards: a box that reads as the article's container (it holds the <h1>,
    a heading found in the page's <title>, or more than three long paragraphs) stays; a box under a column
    label (新闻中心, 产品中心 …, which may head the article's own column) goes only while it holds less
    than half of the page's text.
    """

    def apply(self, tree: lxml.html.HtmlElement) -> list[Removal]:
        removed: list[Removal] = []
        body = tree.find("body")
        page = body if body is not None else tree
        total = None  # the page's text length before any box goes: read when a column box asks or a box goes
        title_el = tree.find(".//title")
        title = _text(title_el) if title_el is not None else ""
        dropped: set[lxml.html.HtmlElement] = set()
        for head in _label_holders(tree):
            label = _text(head)
            side = bool(SIDE_HEAD_RE.match(label))
            if not (side or COLUMN_HEAD_RE.match(label)) or any(a in dropped for a in head.iterancestors()):
                continue
            box = _opened_box(head)
            if box is None or _article_like(box, title):
                continue
            total = len(_text(page)) if total is None else total
            if not side and len(_text(box)) * 2 > total:
                continue
            for el in [box, *self._sister_boxes(box, head, title)]:
                removed.append(Removal("html", _text(el)[:2000], "section_box"))
                dropped.add(el)
                _drop(el)
        return removed

    @staticmethod
    def _sister_boxes(box: lxml.html.HtmlElement, head: lxml.html.HtmlElement, title: str) -> list[lxml.html.HtmlElement]:
        """Siblings built like the box (same tag and class, opened by a short heading of the same tag):
        the other boxes of the same sidebar (`<div class="box"><h3>开馆时间</h3>…`), whatever their label."""
        parent = box.getparent()
        if parent is None or head.tag not in {"h2", "h3", "h4", "h5", "h6", "dt", "strong", "b"}:
            return []
        out = []
        for sib in parent:
            if sib is box or sib.tag != box.tag or sib.get("class") != box.get("class"):
                continue
            first = next(sib.iter(head.tag), None)
            if (first is not None and 0 < len(_text(first)) <= 12 and _opened_box(first) is sib
                    and not _article_like(sib, title)):
                out.append(sib)
        return out


SECTION_WORDS_RE = re.compile(
    "简介|簡介|介绍|介紹|概况|关于|關於|文化|资质|資質|联系|聯繫|留言|咨询|諮詢|客服|热门|熱門|热点|熱點|最新|"
    "推荐|推薦|相关|相關|猜你|导航|導航|分类|分類|友情|标签|標籤|标签|产品|產品|新闻|新聞|资讯|資訊|行业|行業|动态|動態|公司|"
    "企业|企業|案例|方案|服务|服務|技术|技術|下载|下載|常见|常見"
)


def _label_holders(tree: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """Elements (in document order) whose text may be a section label: the holders of text nodes with a label
    word, and their parents (a label wrapped in <span> or <a>), instead of every element of the page."""
    found: dict[lxml.html.HtmlElement, None] = {}
    for node in text_nodes(tree, SECTION_WORDS_RE):
        el = node.getparent()
        for _ in range(2):
            if el is None or not isinstance(el.tag, str):
                break
            if el.tag in HEAD_TAGS:
                found.setdefault(el)
            el = el.getparent()
    order = {el: i for i, el in enumerate(tree.iter(*HEAD_TAGS)) if el in found}
    return sorted(order, key=order.__getitem__)


def _opened_box(head: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The nearest block that `head` opens (the heading is its first text), if any."""
    el = head
    while (parent := el.getparent()) is not None and isinstance(parent.tag, str) and parent.tag != "body":
        if (parent.text or "").strip() or any((s.tail or "").strip() or _text(s) for s in _before(el)):
            return None  # text before the heading: it does not open this block
        el = parent
        if el.tag in BOX_TAGS and len(_text(el)) > len(_text(head)) + 1:
            return el
    return None


def _article_like(box: lxml.html.HtmlElement, title: str) -> bool:
    """A box that holds the article: the <h1>, a heading that is part of the page's <title>, or 4+ long paragraphs."""
    if box.find(".//h1") is not None:
        return True
    for tag in TITLE_HEAD_TAGS[1:]:
        for h in box.iter(tag):
            text = _text(h)
            if len(text) >= 4 and text in title:
                return True
    return sum(1 for p in box.iter("p") if len(_text(p)) >= 40) > 3


def _before(el: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    parent = el.getparent()
    if parent is None:
        return []
    siblings = [c for c in parent if isinstance(c.tag, str)]
    return siblings[:siblings.index(el)] if el in siblings else []


class AttributeTables:
    """Drop key/value tables that describe the page, not the article: product parameters, file metadata.

    Evidence: most rows have a short key cell from a known family: product attributes (型号/规格/材质/
    价格 …, catalogue templates) or government disclosure metadata (索引号/发布机构/成文日期/文号 …).
    """

    def apply(self, tree: lxml.html.HtmlElement) -> list[Removal]:
        removed = []
        # A row is read once, though every table around it reads it (a layout table's `.//tr` is its nested tables'
        # rows too): all of a row's readings come before any table inside it is dropped (document order), so its
        # cells' texts are the same each time.
        known: dict[lxml.html.HtmlElement, str | None] = {}
        for table in list(tree.iter("table")):
            rows = table.findall(".//tr")
            if not rows or table.getparent() is None:
                continue
            kinds = [known[row] if row in known else known.setdefault(row, self._row_kind(row)) for row in rows]
            keyed = [k for k in kinds if k]
            if len(keyed) >= 2 and len(keyed) >= len(rows) / 2:
                reason = "metadata_table" if keyed.count("metadata_table") > len(keyed) / 2 else "parameter_table"
                removed.append(Removal("html", _text(table)[:2000], reason))
                _drop(table)
        return removed

    @staticmethod
    def _row_kind(row: lxml.html.HtmlElement) -> str | None:
        cells = [c for c in row if isinstance(c.tag, str) and c.tag in {"td", "th"}]
        keys = [_bare_text(c) for c in cells[::2]]  # a value cell's text is read only where a row has two cells
        for key in keys:
            if PARAM_KEYS_RE.match(key):
                return "parameter_table"
            if DOC_META_KEYS_RE.match(key):
                return "metadata_table"
        # a 2-cell row whose value is a measurement (额定功率 | 162kW, 整机重量 | 16800kg): a specification
        if len(cells) == 2 and len(keys[0]) <= 10 and UNIT_VALUE_RE.match(_bare_text(cells[1])):
            return "parameter_table"
        return None


def _bare_text(el: lxml.html.HtmlElement) -> str:
    """An element's text with no whitespace at all."""
    return re.sub(r"\s+", "", _text(el))


class LayoutTables:
    """Turn layout tables (old sites, DedeCMS article bodies) into plain blocks before extraction.

    Evidence: a table cell holding prose (a long text or block elements) is page layout, not data; left
    as a table, the extractor flattens it into one `| … |` row and loses the paragraph breaks. Data
    tables (short cells) are left alone. Nothing is deleted, so nothing is logged.
    """

    def apply(self, tree: lxml.html.HtmlElement) -> None:
        for table in list(tree.iter("table")):
            cells = [c for c in table.iter("td", "th")]
            if not cells:
                continue
            if any(self._is_layout_cell(c) for c in cells):
                for el in [table, *table.iter("tbody", "thead", "tfoot", "tr", "td", "th")]:
                    for attr in ("width", "height", "colspan", "rowspan", "align", "valign"):
                        el.attrib.pop(attr, None)
                    el.tag = "div"

    @staticmethod
    def _is_layout_cell(cell: lxml.html.HtmlElement) -> bool:
        if any(isinstance(c.tag, str) and c.tag in {"p", "div", "table", "ul", "h1", "h2", "h3"} for c in cell):
            return True
        text = text_content(cell)
        return len(text.strip()) > 200 or len(cell.findall(".//br")) >= 3


SENTENCE_END_RE = re.compile(r"[。！？]|[.!?](?:\s|$)")
CLAUSE_RE = re.compile(r"[。！？，；]|[.!?,;](?:\s|$)")
DATE_CLASS_RE = re.compile(r"date|time|pub|post-?meta|byline|info", re.I)


def _meta_lines(tree: lxml.html.HtmlElement) -> list[str]:
    """Short element texts that carry byline fields (来源/发布时间) or sit in a date-like class, in order.

    Read bottom-up (last element first, so inside before around): an element with over 120 characters other than
    blanks makes every element around it longer than 120 too, and those are passed over unread.
    """
    out = []
    long: set[lxml.html.HtmlElement] = set()  # elements around such a one (closed upwards)
    for el in reversed(list(tree.iter(*META_LINE_TAGS))):
        if el in long:
            continue
        t = _text(el)
        if len(t) - t.count(" ") > 120:  # _text's only blanks are the single spaces it joins words with
            up = el.getparent()
            while up is not None and up not in long:
                long.add(up)
                up = up.getparent()
            continue
        if not 4 <= len(t) <= 120:
            continue
        if is_meta_line(t) or DATE_CLASS_RE.search((el.get("class") or "") + " " + (el.get("id") or "")):
            out.append(t)
    out.reverse()
    return out


META_LINE_TAGS = ("div", "p", "span", "li", "td", "em", "small", "font", "time", "h2", "h3", "h4", "h5", "h6")


MIDNIGHT_RE = re.compile(r"T00:00(?::00)?(?:\.0+)?(?:Z|[+-]\d{2}:?\d{2})?$")


def choose_published(from_meta: str | None, from_page: str | None) -> str | None:
    """The visible byline date, or the meta tag's when it is the same day and more precise (or alone).

    >>> choose_published("2024-09-23", "2024-09-23T21:48"), choose_published("2024-02-20T09:30", "2024-02-20")
    ('2024-09-23T21:48', '2024-02-20T09:30')
    >>> choose_published("2020-01-01", "2024-09-23")
    '2024-09-23'
    >>> choose_published("2023-06-30T00:00:00+08:00", "2023-06-30")
    '2023-06-30'
    """
    if from_meta and MIDNIGHT_RE.search(from_meta) and (not from_page or len(from_page) == 10):
        from_meta = from_meta[:10]  # a CMS that stores dates as timestamps writes T00:00:00 for "no time"
    if from_meta and from_page and from_meta[:10] == from_page[:10]:
        return max(from_meta, from_page, key=len)
    return from_page or from_meta


SELF_META = frozenset({"keywords", "description"})  # meta a hacker fills with the title's brands: not the site's


def page_self_text(tree: lxml.html.HtmlElement) -> str:
    """All a page says of itself outside <title>, planted and hidden blocks already gone: its text (nav, logo,
    footer, copyright and ICP lines), alt/title attributes, meta values (og:site_name …) but keywords and
    description, and its links' hosts. A site's own name in a title suffix stands here again; a planted brand
    does not (spam.unnamed_title_brands)."""
    bits: list[str] = []
    for el in tree.iter():
        if not isinstance(el.tag, str):
            if el.tail:
                bits.append(el.tail)
            continue
        if el.tag not in ("title", "script", "style") and el.text:
            bits.append(el.text)
        if el.tail:
            bits.append(el.tail)
        bits += [el.get(a, "") for a in ("alt", "title") if el.get(a)]
        if el.tag == "meta" and (el.get("name") or "").lower() not in SELF_META:
            bits.append(el.get("content") or "")
        elif el.tag in ("a", "link") and (host := re.match(r"(?:https?:)?//([^/?#:]+)", el.get("href") or "")):
            bits.append(host.group(1))
    return " ".join(bits)


def parse_page(page: str | lxml.html.HtmlElement, url: str | None = None) -> Draft:
    """HTML string (or the tree parse_html made of it) -> Draft: metadata, stripped tree, paragraphs, slots."""
    tree = parse_html(page) if isinstance(page, str) else page
    draft = Draft(kind="html")
    meta = page_meta(tree)
    scan = HiddenScan(tree)
    draft.injections = find_injections(tree, url, scan)
    draft.removed += [Removal(f.where, f.text, f.reason) for f in draft.injections]
    dropped = [el for f in draft.injections for el in f.elements if el.getparent() is not None]
    gone = {d for el in dropped for d in el.iter()}
    for el in dropped:
        _drop(el)  # planted blocks go before the extractor sees them (some are hidden only by a script)
    hidden = HiddenElements().apply(tree, scan, gone)
    logged = {f.text for f in draft.injections}
    draft.removed += [r for r in hidden if r.text not in logged]
    # hidden text the spam finder reads: planted blocks, and hidden blocks that sell a spam topic by their words
    # (a hidden menu of the site's own software downloads or channels is not a slot)
    draft.slots.hidden = [f.text for f in draft.injections if f.where != "links"] + [
        r.text for r in hidden if r.text not in logged and strong_topic(r.text) >= 2]
    # read only when the title may hold an unnamed piece (a brand's shape, or a name + 体育/娱乐/棋牌/电竞):
    # no other title can have one
    if TITLE_BRAND_SHAPE_RE.search(meta.get("_title") or meta.get("og:title") or ""):
        draft.slots.page_text = page_self_text(tree)
    meta_lines = _meta_lines(tree)
    draft.removed += ChromeBlocks().apply(tree, draft)
    draft.removed += SectionBoxes().apply(tree)
    draft.removed += AttributeTables().apply(tree)
    LayoutTables().apply(tree)

    draft.url = meta.get("_canonical") or meta.get("og:url") or url
    if draft.url and url and not re.match(r"^[a-z]+://", draft.url, re.I):
        draft.url = urljoin(url, draft.url)
    elif draft.url and not re.match(r"^[a-z]+://", draft.url, re.I):
        draft.url = url
    draft.language = meta.get("_lang")
    draft.slots.title = meta.get("_title") or meta.get("og:title") or ""
    draft.slots.h1 = meta.get("_h1", "")
    draft.slots.keywords = meta.get("keywords", "")
    draft.slots.description = meta.get("description", "")
    for line in meta_lines:
        src = source_of(line)
        if src:
            draft.slots.source_line = src
            break
    draft.published = choose_published(published_from_meta(meta), find_published(meta_lines)[0])
    draft.title = draft.slots.title
    draft.headings = [h for h in meta.get("_headings", "").split("\n") if h]
    draft.og_title = meta.get("og:title", "")

    paras = extract_paragraphs(tree, url)
    paras, outside = trim_to_prose(paras)
    draft.removed += outside
    paras = _drop_heading_lines(paras, draft)
    draft.paras = paras
    if not draft.published:
        draft.published = find_published(paras[:3])[0] or _date_in_text(meta.get("_title", ""))
    return draft


def extract_paragraphs(tree: lxml.html.HtmlElement, url: str | None) -> list[str]:
    """trafilatura in precision mode; its balanced mode when precision leaves under 150 prose characters.

    Precision mode drops most portal chrome, but on a page whose article is one short paragraph it can
    keep a link list instead; the balanced run is only paid for on such pages, and when neither finds an
    article, the densest prose container (density_extract) is taken if it holds more.

    The balanced run's comparison with readability and jusText runs only where it can pay. Where the page holds
    RESCUE_GAP or more characters of sentence lines (sentence_chars) beyond the prose precision mode found, they
    may rescue an article trafilatura's own rules miss (w000179: 82 prose characters without them, 1,317 with).
    Elsewhere (a spam site's link lists, a portal's teasers, an empty page: precision mode's own fallbacks have
    been tried already) the balanced run goes without them first, and its result stands when it finds no more prose
    than precision mode did (it is then not taken) or an article (150+); a short text that would replace
    precision's is checked by the default run (w001503: 125 characters of menu lines without the fallbacks, 104,
    precision's, with them). 313 of the 334 balanced runs on the wild-2017 dev, DAnIEL, Scrapinghub and fixture
    pages give the same paragraphs either way.
    """
    paras: list[str] = []
    prose = 0  # _prose_chars(paras)
    for precision in (True, False):
        fast = not precision and sentence_chars(tree) - prose < RESCUE_GAP
        kept = trafreuse.Kept()  # the fast run's extractions, which a default run after it takes (trafreuse)
        body = _trafilatura(tree, url, precision, fast, kept)
        found = [p.strip() for p in body.split("\n") if p.strip()]
        chars = _prose_chars(found)
        if fast and prose < chars < 150:  # a short text would replace precision's: the default run decides
            body = _trafilatura(tree, url, precision, kept=kept)
            found = [p.strip() for p in body.split("\n") if p.strip()]
            chars = _prose_chars(found)
        if chars >= 150:
            return found
        if chars > prose:
            paras, prose = found, chars
    dense = density_extract(copy.deepcopy(tree))
    return dense if _prose_chars(dense) > max(prose, 80) else paras


def _extractor(url: str | None, precision: bool, fast: bool) -> Extractor:
    """The options `trafilatura.extract` builds for the arguments extract_paragraphs has always passed it."""
    return Extractor(
        config=DEFAULT_CONFIG, output_format="txt", fast=fast, precision=precision, recall=False, comments=False,
        formatting=None, links=False, images=False, tables=True, dedup=False, lang=None, url=url,
        with_metadata=False, only_with_metadata=False, tei_validation=False, author_blacklist=None,
        url_blacklist=None, date_params=None,
    )


FAST_MIN_P_CHARS = 200
RESCUE_GAP = 300  # characters of sentence lines beyond precision mode's prose: the balanced run's fallbacks may pay


# Elements whose text is not the page's (sentence_chars; the elements that end a line are below _LINE_TAGS).
_NOT_TEXT_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title"})
_LOOSE_CLAUSE_RE = re.compile(r"[。！？，；.!?,;]")


def sentence_chars(tree: lxml.html.HtmlElement) -> int:
    """Characters of the page's sentence lines: its text cut into lines at block elements (and <br>, cells),
    blanks collapsed, counting the lines of 20 characters or more that hold a clause mark. What an extractor can
    still find on a page beyond what it has found: a line of a menu, a link list or a footer is short or has no
    clause mark.

    >>> sentence_chars(parse_html("<body><p>首页</p><div>今天天气很好，我们去公园散步，看见了很多人。</div></body>"))
    22
    """
    body = tree.find("body")
    lines: list[str] = []
    line: list[str] = []
    hidden = 0  # inside an element whose text is not the page's (a script, <head>)
    for event, el in etree.iterwalk(tree if body is None else body, events=("start", "end")):
        tag = el.tag
        if event == "start":
            if tag in _NOT_TEXT_TAGS:
                hidden += 1
            if tag in _SENTENCE_BREAK_TAGS and line:
                lines.append("".join(line))
                line = []
            if el.text and not hidden:
                line.append(el.text)
        else:
            if tag in _NOT_TEXT_TAGS:
                hidden -= 1
            if tag in _SENTENCE_BREAK_TAGS and line:
                lines.append("".join(line))
                line = []
            if el.tail and not hidden:
                line.append(el.tail)
    lines.append("".join(line))
    total = 0
    for text in lines:
        if len(text) >= 20 and _LOOSE_CLAUSE_RE.search(text):
            n = len(" ".join(text.split()))
            if n >= 20:
                total += n
    return total


def _trafilatura(tree: lxml.html.HtmlElement, url: str | None, precision: bool, fast: bool = False,
                 kept: trafreuse.Kept | None = None) -> str:
    """What `trafilatura.extract(tree, favor_precision=precision, …)` returns, its fallbacks run only where they can
    change it.

    trafilatura's default run, after its own extraction, always runs readability (and on short or unclean
    results jusText) on the page and keeps the other result in four cases (trafilatura.external): its own text is
    empty or shorter than `min_extracted_size` (250 characters: jusText is tried), holds a sanitised element
    (<aside>, <nav>, <footer> …: jusText is tried), has no paragraph text or more tables than paragraphs
    (readability is preferred), or readability's text is over twice as long. So the fast run (no fallbacks) goes
    first, and its result stands when it is long enough, clean and made of paragraphs; otherwise the default run
    decides. The last case (readability over twice as long) is not predicted from the page: in precision mode the
    page has been pruned of the same templates readability would skip, and on the 210 DAnIEL, 181 Scrapinghub,
    677 wild-2017 and 93 fixture pages the result is the same either way (bench/parity.py). Balanced mode, the
    rescue of a page precision mode finds no article on, always runs the default (its fallbacks are what rescue).
    A page with under FAST_MIN_P_CHARS characters in <p> elements goes straight to the default run: its fast
    result is nearly always too short to stand (on 640 wild-2017, DAnIEL and Scrapinghub pages, 135 of the 198
    fast runs that did not stand were on such pages, against 23 of the 442 that did), so trying it first would
    only add its cost. A default run after a fast one on the same tree (here, or extract_paragraphs' balanced pair
    through `kept`) takes the fast run's extraction and only adds the comparison (cleaners.trafreuse).
    """
    kept = kept if kept is not None else trafreuse.Kept()  # a fast run's work, for a default run that follows it
    with fast_xpaths():  # the same elements as trafilatura's regex XPaths, their regexes run in Python
        if fast:  # no fallbacks at all (extract_paragraphs decides)
            options = _extractor(url, precision, fast=True)
            with trafreuse.capture(kept):
                doc = bare_extraction(tree, options=options, as_dict=False)
            return determine_returnstring(doc, options) if doc is not None else ""
        if precision and sum(len(text_content(p)) for p in tree.iter("p")) >= FAST_MIN_P_CHARS:
            options = _extractor(url, precision, fast=True)
            with trafreuse.capture(kept):  # the default run below takes the fast run's extraction
                doc = bare_extraction(tree, options=options, as_dict=False)
            if doc is not None and _fallback_cannot_change(doc.body, doc.raw_text or "", options):
                return determine_returnstring(doc, options)
        options = _extractor(url, precision, fast=False)
        with trafreuse.replay(kept):
            doc = bare_extraction(tree, options=options, as_dict=False)
        return determine_returnstring(doc, options) if doc is not None else ""


def _fallback_cannot_change(body: etree._Element, text: str, options: Extractor) -> bool:
    """Whether trafilatura's comparison step would keep this own extraction (see _trafilatura)."""
    if len(text) < options.min_extracted_size or body.xpath(SANITIZED_XPATH):
        return False
    return bool(body.xpath(".//p//text()")) and len(body.findall(".//table")) <= len(body.findall(".//p"))


def density_extract(tree: lxml.html.HtmlElement) -> list[str]:
    """The paragraphs of the element that holds the most prose outside links (a CJK-aware text-density pick).

    Evidence: an article body is one container whose own text is long, punctuated sentences (。，), while
    navigation, lists and ads are link text or short fragments. Used when trafilatura finds no article.
    """
    # Sets of elements, not of id()s: holding the proxies keeps them (and their identity) alive.
    in_link = {d for a in tree.iter("a") for d in a.iter()}
    scores: dict[lxml.html.HtmlElement, int] = {}
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in {"script", "style", "a", "head", "title"} or el in in_link:
            continue
        own = "".join(t for t in (el.text, *(c.tail for c in el if c not in in_link)) if t).strip()
        if len(own) < 20 or not CLAUSE_RE.search(own):
            continue
        holder = el if el.tag not in {"p", "span", "font", "strong", "b", "br"} else el.getparent()
        if holder is None:
            continue
        scores[holder] = scores.get(holder, 0) + len(own)
    if not scores:
        return []
    best = max(scores, key=lambda k: scores[k])
    for el in best.iter():
        if isinstance(el.tag, str) and el.tag in _LINE_TAGS:
            el.tail = "\n" + (el.tail or "")
            if el.tag in _BLOCK_TAGS and el is not best:  # a block also starts a line: <div>引言<p>正文</p>, <h1>题</h1><p>
                prev = el.getprevious()
                if prev is not None:
                    prev.tail = (prev.tail or "") + "\n"
                elif (parent := el.getparent()) is not None:
                    parent.text = (parent.text or "") + "\n"
    lines = [" ".join(line.split()) for line in text_content(best).split("\n")]
    return [line for line in lines if line]


# Elements after which density_extract starts a new line (every heading level: a minified page's <h1>题</h1><p>文
# glued the headline to the first sentence), and the blocks that start one before them too.
_BLOCK_TAGS = frozenset({"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article",
                         "header", "footer", "ul", "ol", "dl", "dt", "dd", "table", "pre", "figure", "figcaption"})
_LINE_TAGS = _BLOCK_TAGS | {"br", "td", "th", "tr", "hr"}
# Elements that end a line of the page's text for sentence_chars: those, the page's other containers and controls.
_SENTENCE_BREAK_TAGS = _LINE_TAGS | {"body", "form", "center", "nav", "aside", "main", "caption", "option", "select",
                                     "textarea", "iframe", "noscript", "img", "input", "button", "label"}


def _is_prose_line(p: str) -> bool:
    return len(p) >= 20 and bool(CLAUSE_RE.search(p)) and not p.startswith("- ") and not chrome_reason(p)


def trim_to_prose(paras: list[str], edge: int = 8) -> tuple[list[str], list[Removal]]:
    """Drop a run of at least `edge` short non-prose lines before the first or after the last prose line.

    Evidence: when the extractor falls back to a whole page (balanced mode on a portal), the article sits
    between the site's menus (language switchers, channel lists) and its related-link lists, one short
    unpunctuated line each; a run that long never opens or closes an article body (a headline, a byline
    and a dateline are three lines). Lines between prose lines are left alone.

    >>> menu = ["English", "Español", "简体", "正體", "日本語", "新闻", "视频", "直播", "下载"]
    >>> body = ["寒冷的天气里相对湿度降低，空气比较干燥，皮肤可能会变干。", "医师提醒，洗脸时的水温是关键。"]
    >>> trim_to_prose(menu + ["寒冬里如何保持水嫩肌肤"] + body + ["相关文章"])[0]
    ['寒冬里如何保持水嫩肌肤', '寒冷的天气里相对湿度降低，空气比较干燥，皮肤可能会变干。', '医师提醒，洗脸时的水温是关键。', '相关文章']
    >>> trim_to_prose(body + menu)[0] == body
    True
    """
    prose = [i for i, p in enumerate(paras) if _is_prose_line(p) or len(p) >= 8 and p.rstrip()[-1:] in "。！？”.!?\""]
    if not prose:
        return paras, []
    first, last = prose[0], prose[-1]
    head = paras[:first]
    start = 0
    if len(head) > edge:  # keep up to three lines of headline size above the first sentence (title, byline)
        start = first
        while start > first - 3 and len(paras[start - 1]) >= 6:
            start -= 1
    end = len(paras)
    if len(paras) - last - 1 > edge:
        end = last + 1
    removed = [Removal("html", p, "outside_article") for p in paras[:start] + paras[end:]]
    return paras[start:end], removed


def _prose_chars(paras: list[str]) -> int:
    """Characters of article-like paragraphs: sentences that are not chrome lines or list items."""
    return sum(len(p) for p in paras if _is_prose_line(p))


def _date_in_text(s: str) -> str | None:
    return parse_date(s) if s else None


def _drop_heading_lines(paras: list[str], draft: Draft) -> list[str]:
    """Leading lines that repeat the title or carry byline fields are not body text."""
    out = list(paras)
    lead: list[str] = []
    while out and len(lead) < 6:
        p = out[0]
        if p in draft.slots.title or p in draft.headings[:1] or p == draft.og_title:
            draft.removed.append(Removal("body", p, "title_repeat"))
        elif is_meta_line(p):
            if not draft.slots.source_line:
                draft.slots.source_line = source_of(p)
            draft.removed.append(Removal("body", p, "meta_line"))
        elif len(p) <= 32 and not re.search(r"[。！？]", p):
            lead.append(p)
        else:
            break
        out.pop(0)
    draft.slots.first_lines = lead[-3:]
    return lead + out
