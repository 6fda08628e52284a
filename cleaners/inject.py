"""Page-level evidence of planted spam, found on the parsed tree before anything is stripped.

A hacked page carries its payload where a reader does not look: blocks hidden by style, by a class, by a
script or placed after `</html>`; rows of anchors to other sites in the footer or a 友情链接 box; a title or
meta description rewritten to sell something the article never mentions. Each finding says where it was
and why; the spam words it carries become terms the spam cleaner may cut from the title and text.

Evidence, strongest first (docs/spam.md):

1. Hidden anchors to other sites (`HiddenLinks`): a reader never sees them, so they exist for search engines.
2. Visible rows of anchors to other sites whose texts sell gambling, porn, fake papers … (`SpamLinkRows`).
3. A title or meta description that sells such a topic while the page's text does not (`TitleHijack`).

Vocabulary alone never makes a finding: a travel article about Macau hotels, lottery news or a game
portal has the words but not the structure.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import lxml.etree
import lxml.html

from cleaners.chrome import LINKS_HEADING_RE
from cleaners.psl import split_host
from cleaners.spam import _bigrams, traditional

if TYPE_CHECKING:
    from cleaners.html import HiddenScan

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


# ------------------------------------------------------------------ vocabulary


@lru_cache(maxsize=1)
def _topics() -> dict[str, str]:
    """word -> topic, from cleaners/data/spam_topics.txt, each word in its Traditional form too (read once per
    process)."""
    text = resources.files("cleaners").joinpath("data/spam_topics.txt").read_text("utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            topic, word = line.split("\t")
            out[word.strip().lower()] = topic.strip()
            out.setdefault(traditional(word.strip().lower()), topic.strip())  # 賭場 as 赌场
    return out


@lru_cache(maxsize=1)
def _topic_re() -> re.Pattern[str]:
    words = sorted(_topics(), key=len, reverse=True)
    alts = [re.escape(w) if re.search(f"[{CJK}]", w) else rf"(?<![a-z]){re.escape(w)}(?![a-z])" for w in words]
    # led by the words' first characters: the engine tests the alternatives only where one can start (3x faster)
    first = "".join(sorted({re.escape(w[0]) for w in words}))
    return re.compile(f"(?=[{first}])(?:{'|'.join(alts)})", re.I)


def topic_words(text: str) -> Counter[str]:
    """Spam-topic words in a text, by topic; a weak word (a casino or place name, a state lottery, 开户) counts
    only beside a strong one.

    >>> sorted(topic_words("澳门威尼斯人娱乐城 百家乐开户").items())
    [('gambling', 2), ('weak', 3)]
    >>> topic_words("入住澳门威尼斯人酒店，逛金沙城中心")
    Counter()
    """
    words = _topic_re().findall(text)  # (no groups: the matches; most texts asked about have none)
    if not words:
        return Counter()
    topics = _topics()
    found = Counter(topics[w.lower()] for w in words)  # counted in C, keys in the order first met, as before
    if not any(t != "weak" for t in found):
        return Counter()
    return found


# ------------------------------------------------------------------ hosts


def registrable(host: str) -> str:
    """The registrable domain of a host (bbs.sina.com.cn -> sina.com.cn), by the Public Suffix List.

    >>> registrable("bbs.sina.com.cn"), registrable("WWW.hg0088.com"), registrable("127.0.0.1")
    ('sina.com.cn', 'hg0088.com', '127.0.0.1')
    """
    return _registrable(host)


@lru_cache(maxsize=8192)
def _registrable(host: str) -> str:
    host = host.lower().strip(".")
    if not host or re.fullmatch(r"[\d.]+", host) or host[0] == "[" and host[-1] == "]" and len(host) > 1 and "\n" not in host:
        return host
    # tldextract's snapshot of the Public Suffix List (no network), its trie kept in the disk cache
    return ".".join(p for p in split_host(host) if p) or host


_SCHEMES = {"//": 2, "http://": 7, "https://": 8}


@lru_cache(maxsize=8192)
def _host(href: str) -> str | None:
    href = href.strip()
    head = href[:8].lower()
    start = _SCHEMES.get(head[:2]) or _SCHEMES.get(head[:7]) or _SCHEMES.get(head)
    if start is None:
        if head[:4] != "www.":
            return None
        m = re.match(r"^(?:www\.)[\w.-]+\.[a-z]{2,}", href, re.I)  # href="www.x.com" (no scheme)
        return m.group(0).lower() if m else None
    if href.isascii() and href.isprintable() and "[" not in href and "]" not in href:
        return _plain_host(href, start)
    try:
        return (urlsplit(href if not href.startswith("//") else "http:" + href).hostname or "").lower() or None
    except ValueError:
        return None


def _plain_host(href: str, start: int) -> str | None:
    """urlsplit(href).hostname, lowered, for a printable ASCII link without brackets whose netloc begins at `start`
    (what urlsplit does with one: the netloc runs to the first / ? or #, the host is what follows its last @ up to
    a colon), without urlsplit's general parsing (5x faster; the same host on every href of the eval pages,
    tests/test_hotspots.py).

    >>> _plain_host("http://user@WWW.Example.com:8080/a?b#c", 7), _plain_host("//x.cn?q=/", 2), _plain_host("http://", 7)
    ('www.example.com', 'x.cn', None)
    """
    end = len(href)
    for stop in "/?#":
        at = href.find(stop, start, end)
        if at >= 0:
            end = at
    return href[start:end].rpartition("@")[2].partition(":")[0].lower() or None


def home_domain(tree: lxml.html.HtmlElement, url: str | None,
                hidden_els: list[tuple[lxml.html.HtmlElement, str]] | None = None,
                table: AnchorTable | None = None) -> str | None:
    """The page's own registrable domain: from its URL, canonical link, og:url or <base>, else the domain
    most of its absolute links point to (a site links to itself far more than to any one other site).
    `table`: the page's AnchorTable, if made already."""
    for cand in [url, *tree.xpath("//link[@rel='canonical']/@href|//meta[@property='og:url']/@content|//base/@href")]:
        host = _host(cand or "")
        if host:
            return registrable(host)
    hidden = {d for el, _ in (hidden_elements(tree) if hidden_els is None else hidden_els) for d in el.iter("a")}
    table = AnchorTable(tree) if table is None else table
    counts = Counter(registrable(h) for a, (_, h) in table.items() if h and a not in hidden)
    if not counts:
        return None
    domain, n = counts.most_common(1)[0]
    return domain if n >= 3 and n >= 0.3 * sum(counts.values()) else None


# Hosts of share buttons, analytics counters and the ICP registry: other sites every page links to.
SERVICE_HOSTS = re.compile(
    r"(?:^|\.)(?:weibo\.com|qq\.com|qzone\.qq\.com|renren\.com|douban\.com|kaixin001\.com|t\.sohu\.com|"
    r"sina\.com\.cn|facebook\.com|twitter\.com|x\.com|linkedin\.com|google\.com|baidu\.com|cnzz\.com|51\.la|"
    r"miibeian\.gov\.cn|beian\.gov\.cn|beian\.miit\.gov\.cn|gov\.cn|bshare\.cn|jiathis\.com|addthis\.com|"
    r"umeng\.com|microsoft\.com|adobe\.com|apple\.com|360\.cn)$"
)


# ------------------------------------------------------------------ hidden blocks

# getElementById('t'+'e'+'s'+'i').style.display='none' (split to dodge scanners), $('#x').hide()
SCRIPT_HIDE_RE = re.compile(
    r"getElementById\(\s*((?:['\"][\w-]*+['\"]\s*+\+?\s*+)++)\)\s*\.style\.(?:display\s*=\s*['\"]none|"
    r"visibility\s*=\s*['\"]hidden)"
    r"|\$\(\s*['\"]#([\w-]+)['\"]\s*\)\s*\.(?:hide\(\)|css\(\s*['\"]display['\"]\s*,\s*['\"]none)",
    re.I,
)
WRITE_OPEN_RE = re.compile(r"document\.write(?:ln)?\s*\(\s*['\"]\s*<(div|span|p|marquee)\b([^>]*)>\s*['\"]\s*\)", re.I)
WRITE_CLOSE_RE = re.compile(r"document\.write(?:ln)?\s*\(\s*['\"]\s*</(div|span|p|marquee)>\s*['\"]\s*\)", re.I)


def top_levels(tree: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The root and what the parser put beside it: markup after `</html>` becomes a second top-level element
    that `tree.iter()` never reaches (a favourite place for planted link blocks)."""
    return [tree, *(s for s in tree.itersiblings() if isinstance(s.tag, str))]


def _under(skip: set[lxml.html.HtmlElement]) -> set[lxml.html.HtmlElement]:
    """`skip` and everything inside it: an element is in this set when it or one of its ancestors is in `skip`
    (one walk of the skipped blocks instead of every anchor's ancestors; nothing at all on most pages)."""
    return {d for el in skip for d in el.iter()}


def _iter(tree: lxml.html.HtmlElement, *tags: str) -> Iterator[lxml.html.HtmlElement]:
    for top in top_levels(tree):
        yield from top.iter(*tags)


FUNCTION_RE = re.compile(r"function\b[^{]{0,80}\{")
_BRACE_RE = re.compile(r"[{}]")


def _top_level(code: str) -> str:
    """Script code run when the page loads: function bodies (event handlers, toggles) cut out.

    >>> _top_level("function mt(){x.style.display='none';} y.style.display='none';")
    " y.style.display='none';"
    """
    out, pos = [], 0
    for m in FUNCTION_RE.finditer(code):
        if m.start() < pos:
            continue
        out.append(code[pos:m.start()])
        depth, pos = 1, len(code)
        for brace in _BRACE_RE.finditer(code, m.end()):  # the body's end: the brace that closes it (C speed)
            depth += 1 if brace.group() == "{" else -1
            if not depth:
                pos = brace.end()
                break
    return "".join(out) + code[pos:]


def _script_text(script: lxml.html.HtmlElement) -> str:
    """A script's load-time text with string concatenation undone: `'<'+'di'+'v sty'+'le=…'` -> `'<div style=…'`."""
    code = script.text or ""
    # cached (several rules read the same scripts of a page), but not a huge script: the cache would hold it
    return _load_time_code(code) if len(code) <= 65536 else _top_level(_CONCAT_RE.sub("", code))


@lru_cache(maxsize=256)
def _load_time_code(code: str) -> str:
    """_script_text of a script's source."""
    return _top_level(_CONCAT_RE.sub("", code))


_CONCAT_RE = re.compile(r"['\"]\s*\+\s*['\"]")


def script_hidden_ids(tree: lxml.html.HtmlElement) -> set[str]:
    """Ids that an inline script hides: `getElementById('t'+'e'+'s'+'i').style.display='none'`.

    >>> t = lxml.html.fromstring("<div><div id='tesi'>x</div><script>document.getElementById('t'+'e'+'s'+'i').style.display='none';</script></div>")
    >>> script_hidden_ids(t)
    {'tesi'}
    """
    ids: set[str] = set()
    for script in _iter(tree, "script"):
        for m in SCRIPT_HIDE_RE.finditer(_script_text(script)):
            if m.group(1):
                ids.add("".join(re.findall(r"['\"]([\w-]*)['\"]", m.group(1))))
            elif m.group(2):
                ids.add(m.group(2))
    return ids


def _hidden_style(style: str) -> bool:
    """A style that hides its element, by the rules html.HiddenElements applies to inline styles."""
    from cleaners.html import HIDDEN_STYLE_RE, ZERO_BOX_RE

    return bool(HIDDEN_STYLE_RE.search(style) or ZERO_BOX_RE.search(style))


def script_wrapped(tree: lxml.html.HtmlElement) -> list[list[lxml.html.HtmlElement]]:
    """Runs of siblings that a script wraps in a hidden element it writes: `document.write('<div
    style="position:absolute;left:-800px">')` … `document.write('</div>')`."""
    runs = []
    for script in _iter(tree, "script"):
        m = WRITE_OPEN_RE.search(_script_text(script))
        if not m or not _hidden_style(m.group(2)) and not (m.group(1).lower() == "marquee"
                                                                   and re.search(r"(?:width|height)\s*=\s*['\"]?[0-9]\b", m.group(2))):
            continue
        run = []
        for sib in script.itersiblings():
            if sib.tag == "script" and WRITE_CLOSE_RE.search(_script_text(sib)):
                break
            run.append(sib)
        if run:
            runs.append(run)
    return runs


def offscreen_wrapped(tree: lxml.html.HtmlElement) -> set[lxml.html.HtmlElement]:
    """Elements a script wraps in an element it writes pushed off-screen (`document.write('<'+'di'+'v style=
    "position:absolute;left:-800px">')` … `document.write('</div>')`): the offset is in the script, not on the
    elements, and it is the same trick as an off-screen style on the block itself (HiddenLinks' `pushed`). Found
    by a transplant probe: w000778's wrapped 中福在线 farm was caught on its own page only through other blocks.

    >>> t = lxml.html.fromstring("<div><script>document.write('<div style=position:absolute;left:-800px>')</script><a>x</a>"
    ...                          "<script>document.write('</div>')</script></div>")
    >>> [el.tag for el in offscreen_wrapped(t)]
    ['a']
    """
    out: set[lxml.html.HtmlElement] = set()
    for run in script_wrapped(tree):
        opener = run[0].getprevious()  # the run starts right after the script that writes the wrapper
        m = WRITE_OPEN_RE.search(_script_text(opener)) if opener is not None and opener.tag == "script" else None
        if m and OFFSCREEN_RE.search(m.group(2)):
            out.update(el for el in run if isinstance(el.tag, str))
    return out


def hidden_elements(tree: lxml.html.HtmlElement, scan: HiddenScan | None = None,
                    ) -> Iterator[tuple[lxml.html.HtmlElement, str]]:
    """Outermost elements a reader never sees, with how they are hidden (style, class, script …). `scan`: the
    page's html.HiddenScan, if made already."""
    from cleaners.html import HiddenScan

    scan = scan or HiddenScan(tree)
    scripted = scan.scripted
    seen: set[lxml.html.HtmlElement] = set()
    for top in top_levels(tree)[1:]:  # all of what follows </html> is one block, however it is styled
        seen.add(top)
        yield top, "after_html"
    for el, css_hidden in zip(scan.elements, scan.css_hidden, strict=True):
        if el.tag in {"title", "link"}:
            continue
        how = None
        if el.get("id") and el.get("id") in scripted:
            how = "script"
        elif css_hidden:
            how = "style"
        if how and not any(a in seen for a in el.iterancestors()):
            seen.add(el)
            yield el, how
    for run in script_wrapped(tree):
        for el in run:
            if isinstance(el.tag, str) and el not in seen and not any(a in seen for a in el.iterancestors()):
                seen.add(el)
                yield el, "script"


# ------------------------------------------------------------------ findings


@dataclass
class Finding:
    """One piece of evidence that the page carries planted spam."""

    where: str  # hidden, links, title, meta
    reason: str  # hidden_links, spam_links, title_hijack, meta_hijack
    text: str
    terms: list[str] = field(default_factory=list)  # anchor texts and phrases to cut wherever they recur
    hosts: list[str] = field(default_factory=list)
    elements: list[lxml.html.HtmlElement] = field(default_factory=list, repr=False, compare=False)

    @property
    def spam_terms(self) -> list[str]:
        """The terms that sell a spam topic by their own words or shape (百家乐平台, 星耀体育官网入口; not 上海搬家公司)."""
        return [t for t in self.terms if _sells(t)]


def block_text(el: lxml.html.HtmlElement) -> str:
    """An element's text as removal records show it (words space-separated, at most 2,000 characters)."""
    return " ".join(" ".join(el.itertext()).split())[:2000]


def _anchor_text(a: lxml.html.HtmlElement) -> str:
    """An anchor's words, space-separated (its text_content, serialised in C)."""
    return " ".join(lxml.etree.tostring(a, method="text", encoding=str, with_tail=False).split())


class AnchorTable(dict):
    """(text, host) of every anchor of a page (`_iter`: markup after </html> too), read once: the planted-link
    rules all read them, and the tree does not change while they run. Host None for a link inside the site."""

    def __init__(self, tree: lxml.html.HtmlElement):
        super().__init__((a, (_anchor_text(a), _host(a.get("href") or ""))) for a in _iter(tree, "a"))

    def row(self, a: lxml.html.HtmlElement) -> tuple[str, str | None]:
        """(text, host) of one anchor (read now if the table does not hold it)."""
        return self[a] if a in self else (_anchor_text(a), _host(a.get("href") or ""))

    def of(self, el: lxml.html.HtmlElement) -> list[tuple[str, str | None]]:
        """(text, host) of the anchors in `el` (itself included), in document order."""
        return [self.row(a) for a in el.iter("a")]


def _foreign(anchors: Iterable[tuple[str, str | None]], home: str | None) -> list[tuple[str, str]]:
    """Anchors to another registrable domain, leaving out share buttons, counters and the ICP registry."""
    out = []
    for text, host in anchors:
        if not host:
            continue
        dom = registrable(host)
        if dom == home or SERVICE_HOSTS.search(host):
            continue
        out.append((text, dom))
    return out


def _terms(texts: Iterable[str]) -> list[str]:
    """Anchor texts worth cutting from an article if they recur there: 3-30 characters, not a URL."""
    out = []
    for t in texts:
        t = t.strip(" |,，、:：")
        if 3 <= len(t) <= 30 and not re.match(r"^(?:https?://|www\.)", t, re.I) and not re.fullmatch(r"[\d\W_]+", t):
            out.append(t)
    return list(dict.fromkeys(out))


UI_WORDS_RE = re.compile(r"登录|登陆|注册|帮助|下载|首页|更多|关闭|返回|客户端|电脑版|手机版|微博|微信|分享|app\b|APP\b", re.I)


def _keyword(text: str) -> bool:
    """An anchor text that reads as a search keyword (百家乐平台, 上海搬家公司, cheap gold), not a logo, a URL
    or a control (登录, 电脑版, 下载APP).

    >>> _keyword("上海搬家公司"), _keyword("博鑫娱乐app下载"), _keyword("快速登录"), _keyword("www.x.com")
    (True, True, False, False)
    """
    rest = UI_WORDS_RE.sub("", text)
    return ((len(re.findall(f"[{CJK}]", rest)) >= 3 or len(re.findall(r"[A-Za-z]{2,}", rest)) >= 2)
            and not re.match(r"^(?:https?://|www[.])", text, re.I))


def _sells(text: str) -> int:
    """Spam-topic words in an anchor text, or 2 for a gambling brand shape (星耀体育官网入口, 彤盛快三登录入口)."""
    from cleaners.spam import is_family

    return _strong(text) or 2 * is_family(text, loose=True)


def strong_topic(text: str) -> int:
    """How many spam-topic words a text holds, weak words aside (they count only beside these)."""
    return sum(n for t, n in topic_words(text).items() if t != "weak")


_strong = strong_topic


_OFFSCREEN = r"(?:left|top|right|text-indent|margin-left|margin-top)\s*:\s*-\d{3,}"
OFFSCREEN_RE = re.compile(rf"(?:^|[;\s]){_OFFSCREEN}", re.I)
# an anchor's own style that hides it: none, hidden, no size of type, clipped away or pushed off-screen
HIDE_STYLE_RE = re.compile(r"(?:^|[;\s])(?:display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?:px|pt|em)?\s*(?:;|$)"
                           rf"|clip\s*:\s*rect\(\s*0|{_OFFSCREEN})", re.I)


# Hidden text with this many characters of sentence paragraphs reads as an article a script reveals (a slide show's
# captions, a tab's story): html.HiddenElements spares it, HiddenLinks._in_prose looks for brand anchors inside it.
REVEALED_PROSE = 300
_SENTENCE_END_RE = re.compile(r"[。！？]")


def paragraph_prose(texts: Iterable[str]) -> int:
    """Characters of the paragraphs that are sentences (20+ characters holding 。！？), the measure of REVEALED_PROSE.

    >>> paragraph_prose(["第一段，本市今年继续推进老旧小区改造工作，居民反映良好。", "首页", "没有句号的一行文字二十个字符以上一二三四五"])
    28
    """
    return sum(len(t) for t in texts if len(t) >= 20 and _SENTENCE_END_RE.search(t))


# a gambling brand's shape as a bare anchor text: a short name and a gambling category (皇冠体育, 金沙娱乐, 永利棋牌);
# weak words alone (皇冠, 金沙: cars, places) and hotel names (威尼斯人, 金沙城中心) are not it
BRAND_ANCHOR_RE = re.compile(f"[{CJK}]{{2,5}}(?:体育|娱乐|娱乐城|棋牌|彩票|电竞|真人|赌场)")
# a gambling site's domain shape: a few letters (the brand's initials) and digits, or digits and a few letters
# (hg0088.com, js333.com, pj8.com, 365bet.com)
GAMBLING_DOMAIN_RE = re.compile(r"(?:[a-z]{1,5}\d+|\d{2,}[a-z]{0,5})\.")


def _related(domain: str, home: str | None) -> bool:
    """Whether another registrable domain is named like the page's own (le.com and lesports.com, offcn.com and
    eoffcn.com: a sister site), by their first labels.

    >>> _related("lesports.com", "le.com"), _related("hg0088.com", "youth.cn"), _related("x.cn", None)
    (True, False, False)
    """
    if not home:
        return False
    a, b = domain.split(".")[0], home.split(".")[0]
    return bool(a and b) and (a in b or b in a)


# a written address or domain inside an anchor text (mattpacere.com, http://x.cn/a), and a site credit line
_DOMAIN_WORD_RE = re.compile(r"\S*[\w-]\.[a-z]{2,}\b\S*", re.I)
_CREDIT_RE = re.compile(r"^\s*(?:powered|produced|designed|developed|hosted|supported)\s+by\b|copyright|\u00a9", re.I)
# a word a search phrase is made of: lowercase, three letters or more (replica, watches, sunglasses), not a joining word
# of a proper name (University of Oxford, Bank for …: an institution's name is written in capitals)
_LOWER_WORD_RE = re.compile(r"(?<![\w'])(?!(?:the|and|for|with|from|von|und|des|der|les|del|los|las|per)\b)[a-z]{3,}\b")


def latin_phrase(text: str) -> int:
    """How many Latin words (two letters or more) an anchor text in Latin script holds: no Chinese character,
    written addresses and domains left out, not a credit line (Powered by …, Copyright …); 0 for any other text.

    >>> latin_phrase("Panerai Luminor GMT watches replica"), latin_phrase("mattpacere.com reviews"), latin_phrase("百家乐 VIP")
    (5, 1, 0)
    >>> latin_phrase("Powered by Discuz! X3.2"), latin_phrase("http://www.wenku1.com/news/665.html")
    (0, 0)
    """
    if re.search(f"[{CJK}]", text) or _CREDIT_RE.search(text):
        return 0
    return len(re.findall(r"[A-Za-z]{2,}", _DOMAIN_WORD_RE.sub(" ", text)))


_PAGE_TEXT = lxml.etree.XPath("//body//text()[not(ancestor::script or ancestor::style or ancestor::pre or ancestor::code)]")


def chinese_page(tree: lxml.html.HtmlElement) -> bool:
    """Whether a page's own text is mostly Chinese: as many Chinese characters in its body (scripts, styles and
    code out: a Chinese programming article's listings are not its language) as Latin letters. Anchors in Latin
    script on such a page are in another script than the page; on an English page they are its language, and the
    foreign-script rules below never look at them."""
    text = "".join(_PAGE_TEXT(tree))
    return len(re.findall(f"[{CJK}]", text)) >= len(re.findall(r"[A-Za-z]", text))


def foreign_script_hidden(tree: lxml.html.HtmlElement, home: str | None, groups: dict, offscreen: list[tuple[str, str]],
                          ) -> bool:
    """Hidden anchors to other sites whose texts are phrases in Latin script on a page written in Chinese: a
    counterfeit-goods or car-tool farm planted on a Chinese school's page (w000632: `Panerai Luminor GMT watches
    replica` in a display:none div, `Ray Ban 2151` in a block pushed to top:-832px). The Chinese keyword bars of
    HiddenLinks never see them, and the topic words are Chinese. Fires when such anchors (two Latin words or more,
    to a domain not named like the page's own) go to three or more domains, or one is pushed off-screen (a trick
    no menu needs), or one is a hidden block alone (its text the anchor's) and a phrase of three words or more (a
    paid dark link; a hidden drop-down has several items). A Chinese page's hidden blocks hold no Latin phrase to
    another site on DAnIEL or the wild dev and opened ordinary pages (audit in docs/spam.md)."""
    latin = [(t, d) for group in groups.values() for *_, foreign, _ in group for t, d in foreign
             if latin_phrase(t) >= 2 and not _related(d, home)]
    if not latin:
        return False
    alone = any(len(anchors) == 1 and len(foreign) == 1 and latin_phrase(foreign[0][0]) >= 3
                and block_text(el) == foreign[0][0] and not _related(foreign[0][1], home)
                for group in groups.values() for el, _, foreign, anchors in group)
    fires = (len({d for _, d in latin}) >= 3 or alone
             or any(latin_phrase(t) >= 2 and not _related(d, home) for t, d in offscreen))
    return fires and chinese_page(tree)


class HiddenLinks:
    """Hidden blocks that link to other sites under keyword texts (dark links, 暗链).

    Rules (BT-panel dark-link rules and spam_telltales `html` rows, checked on the labelled wild-2017 pages):

    * hidden: inline style (display:none, visibility:hidden, off-screen offsets, zero size), a class or id
      the page's CSS hides, a script (`getElementById('t'+'e'+'s'+'i').style.display='none'`, a
      `document.write` wrapper), a tiny marquee, or markup after `</html>`;
    * the page's hidden anchors point to at least five other registrable domains under Chinese keyword texts;
      or hidden anchors to other sites sell a spam topic by their words or brand shape (真钱棋牌, 星耀体育官网入口);
      or a block pushed off-screen (left/top/text-indent of -999px and beyond: a trick no menu needs) links
      another site under a Chinese keyword, or other sites three times under any keyword (five anchors to one
      car-tool shop in a school's footer); or one anchor hidden by its own style (none, hidden, font-size 0, clipped,
      off-screen), class, id or script links another site under a bare Chinese keyword (标牌制作: a paid dark link; a CMS's hidden
      `Produced By …` credit is no keyword); or hidden anchors, even to
      the site itself, are a spam topic's keyword list (癫痫 牛皮癣 白癜风 …).

    Share buttons, counters and the ICP registry do not count as other sites; a hidden menu, tab or
    drop-down links home, or to a few sister sites, and stays out (an ifeng page hiding three movie links
    and English sites' hidden network menus are below these bars).
    """

    def find(self, tree: lxml.html.HtmlElement, home: str | None,
             hidden: list[tuple[lxml.html.HtmlElement, str]] | None = None,
             table: AnchorTable | None = None) -> list[Finding]:
        table = AnchorTable(tree) if table is None else table
        hidden = list(hidden_elements(tree)) if hidden is None else hidden
        groups: dict[lxml.html.HtmlElement | None, list] = {}  # hidden siblings (one hidden <a> each) make one block
        for el, how in hidden:
            listed = table.of(el)
            anchors = [t for t, _ in listed if t]
            foreign = [(t, d) for t, d in _foreign(listed, home) if _keyword(t)]
            if foreign or anchors and self._selling(anchors):
                key = el.getparent() if el.tag == "a" or len(anchors) == 1 else el
                groups.setdefault(key, []).append((el, how, foreign, anchors))
        keyword_domains = {d for group in groups.values() for *_, foreign, _ in group for t, d in foreign
                           if len(re.findall(f"[{CJK}]", t)) >= 3}
        selling = sum(_sells(t) for group in groups.values() for *_, foreign, _ in group for t, _ in foreign) >= 2
        written = offscreen_wrapped(tree) if any(how == "script" for g in groups.values() for _, how, *_ in g) else set()
        offscreen = [(t, d) for group in groups.values() for el, _, foreign, _ in group
                     if OFFSCREEN_RE.search(el.get("style") or "") or el in written for t, d in foreign]
        pushed = any(len(re.findall(f"[{CJK}]", t)) >= 3 for t, _ in offscreen) or len(offscreen) >= 3
        lone = [(t, d) for group in groups.values() for el, _, foreign, _ in group
                # its own style hides it, or (no style) a class, id, `hidden` or script the page hides it by
                if el.tag == "a" and (HIDE_STYLE_RE.search(el.get("style") or "") or not el.get("style")) for t, d in foreign
                if re.fullmatch(f"[{CJK}]{{3,12}}", t.strip())]
        hidden_set = {el for el, _ in hidden}
        in_prose = any(self._in_prose(key, group, home, hidden_set) for key, group in groups.items() if key is not None)
        if (len(keyword_domains) < 5 and not selling and not pushed and not lone and not in_prose
                and not any(self._selling([t for *_, a in g for t in a]) for g in groups.values())
                and not foreign_script_hidden(tree, home, groups, offscreen)):
            return []
        out = []
        for group in groups.values():
            foreign = [x for *_, f, _ in group for x in f]
            anchors = [t for *_, a in group for t in a]
            terms = _terms([t for t, _ in foreign] + [t for t in anchors if _sells(t)])
            how = "after_html" if any(h == "after_html" for _, h, *_ in group) else "hidden"
            text = " ".join(block_text(el) for el, *_ in group)[:2000]
            out.append(Finding(how, "hidden_links", text, terms, sorted({d for _, d in foreign}),
                               [el for el, *_ in group]))
        return out

    @staticmethod
    def _in_prose(key: lxml.html.HtmlElement, group: list, home: str | None,
                  hidden: set[lxml.html.HtmlElement]) -> bool:
        """Hidden prose (300+ characters of sentence paragraphs: what html.HiddenElements would spare as an article a
        script reveals) carrying bare gambling-brand anchors to two or more unrelated gambling-shaped domains: 暗链
        spliced into 伪原创 text (皇冠体育 -> hg0088.com, 金沙娱乐 -> js333.com inside neutral paragraphs).

        Each anchor: 2-8 Chinese characters, a name + 体育/娱乐/棋牌/彩票 … (BRAND_ANCHOR_RE), no source name, to a
        domain not named like the page's own whose name is a few letters and digits (GAMBLING_DOMAIN_RE: hg0088,
        js333, pj8); the anchors a sliver of the prose. A real site's revealed article links its own site, cites
        sources (新华网, a URL, a headline) or names hotels and portals (威尼斯人 -> venetianmacao.com, 搜狐体育 ->
        sohu.com): none of these has both shapes.
        """
        if group[0][0] is not key:  # keyed by the parent of hidden pieces (each <p> hidden): all its hidden children
            els = [c for c in key if c in hidden] or [el for el, *_ in group]
        else:
            els = [key]
        prose = paragraph_prose(" ".join(p.text_content().split()) for el in els for p in el.iter("p", "section"))
        if prose < REVEALED_PROSE:
            return False
        brands = [(t.strip(), d) for *_, foreign, _ in group for t, d in foreign
                  if BRAND_ANCHOR_RE.fullmatch(t.strip()) and GAMBLING_DOMAIN_RE.match(d) and not _related(d, home)]
        return len({d for _, d in brands}) >= 2 and 10 * sum(len(t) for t, _ in brands) <= prose

    @staticmethod
    def _selling(anchors: list[str]) -> bool:
        """Hidden anchors, even to the site itself, whose texts are a spam topic's keywords: three different
        words, in at least two of every five anchors (癫痫 牛皮癣 白癜风 …; not one word in a news headline list)."""
        words = [m.group(0).lower() for t in anchors for m in _topic_re().finditer(t) if _topics()[m.group(0).lower()] != "weak"]
        return len(set(words)) >= 3 and len(words) >= 0.4 * len(anchors)


# text a link row's reader skips as part of its links: blanks, and a link's address written out beside it
# (`<a>时时彩开奖视频</a>(www.nmjinqiaohotel.com/shishicai/)`, `[www.jxqjd.com/bjl]`, `http://www.0376.in/news/`)
ADDRESS_RE = re.compile(r"(?:https?://|www\.)[\w.-]+\.[a-z]{2,}[\x21-\x7e]*", re.I)
URL_TEXT_RE = re.compile(rf"\s|{ADDRESS_RE.pattern}", re.I)

LINK_BLOCK_TAGS = {"div", "p", "td", "li", "ul", "ol", "span", "font", "marquee", "dd", "dl", "section", "center",
                   "footer", "table", "tr"}


class SpamLinkRows:
    """Visible blocks that are mostly anchors to other sites and whose anchor texts sell a spam topic.

    A 友情链接 or 合作网站 row of a real site links to related sites (a school to its bureau, a firm to its
    trade association); a planted row links many unrelated domains under gambling or porn words
    (全讯网, 博彩通, 百家乐 …). Rule: at least three anchors to other domains, at least two of them with
    spam-topic words, and anchors making most of the block's text.
    """

    def find(self, tree: lxml.html.HtmlElement, home: str | None, skip: set[lxml.html.HtmlElement],
             table: AnchorTable | None = None) -> list[Finding]:
        out: list[Finding] = []
        table = AnchorTable(tree) if table is None else table
        # No block can hold two spam anchors to other sites when the whole page does not: most pages stop here.
        if len([t for t, _ in _foreign(table.values(), home) if _site_words(t)]) < 2:
            return out
        taken: set[lxml.html.HtmlElement] = set()
        counts = _anchor_counts(table, home)
        for el in _iter(tree, *LINK_BLOCK_TAGS):
            if (skip or taken) and (el in taken or el in skip
                                    or any(a in skip or a in taken for a in el.iterancestors())):
                continue
            if taken and any(d in taken for d in el.iterdescendants()):
                continue  # holds a row already found: the row is the finding, not its container
            n_anchors, n_foreign, n_spammy = counts.get(el, (0, 0, 0))
            if n_anchors < 3 or n_foreign < 3 or n_spammy < 2 or n_spammy < 0.3 * n_foreign:
                continue  # the tests below on the lists, by their lengths
            anchors = table.of(el)
            text = None
            if skip and any(d in skip for d in el.iterdescendants()):
                anchors, text = _outside(el, skip, table)
            foreign = _foreign(anchors, home)
            spammy = [t for t, _ in foreign if _site_words(t)]
            if len(foreign) < 3 or len(spammy) < 2 or len(spammy) < 0.3 * len(foreign):
                continue
            text = " ".join(el.text_content().split()) if text is None else text
            link_chars = sum(len(ADDRESS_RE.sub("", t)) for t, _ in anchors)  # an address counts on neither side
            if link_chars < 0.5 * len(URL_TEXT_RE.sub("", text) or "x"):
                continue  # prose with a few links in it, not a link row
            block = _smallest_holder(el, counts, len(spammy))
            taken.add(block)
            taken.update(block.iter())
            out.append(Finding("links", "spam_links", block_text(block), _terms(t for t, _ in foreign),
                               sorted({d for _, d in foreign}), [block]))
        return out


def _search_phrase(text: str) -> bool:
    """An anchor text that reads as a search phrase in Latin script: two Latin words or more, one a lowercase word
    (replica rolex usa, Ray Ban clubmaster review), not a name written in capitals (Harvard University, App Store,
    Learning English) or an address.

    >>> _search_phrase("fake rolex watches"), _search_phrase("University of Oxford"), _search_phrase("Google Play")
    (True, False, False)
    """
    return latin_phrase(text) >= 2 and bool(_LOWER_WORD_RE.search(_DOMAIN_WORD_RE.sub(" ", text)))


def foreign_script_rows(tree: lxml.html.HtmlElement, home: str | None, skip: set[lxml.html.HtmlElement],
                        table: AnchorTable) -> list[Finding]:
    """Visible rows of anchors to three or more other sites (not named like the page's own) whose texts are all
    search phrases in Latin script (`_search_phrase`), on a page written in Chinese: w000632's footer row
    `replica rolex usa`, `fake rolex watches` … to anime8.org, gootiha.com …, under a Chinese school's copyright
    line. SpamLinkRows wants spam-topic words, which are Chinese. A Chinese site's rows in Latin script are names
    (partner universities, app stores, a language menu: VOA's 36 language sites), in capitals. The finding is the
    smallest block holding the row's anchors, and its anchors make at least half of its text; hidden and planted
    blocks inside a block are findings of their own and count in neither (a transplant probe: w001719's hidden
    sneaker marquee after an article had made the article's container a row, and the page a reject)."""
    under = _under(skip)  # hidden and planted blocks are findings of their own: their anchors are not a row's
    rows = [(t, d) for t, d in _foreign((table[a] for a in table if a not in under), home)
            if _search_phrase(t) and not _related(d, home)]
    if len({d for _, d in rows}) < 3 or not chinese_page(tree):
        return []  # most pages stop here
    found: list[lxml.html.HtmlElement] = []
    for el in _iter(tree, *LINK_BLOCK_TAGS):
        if el in under:
            continue
        if any(d in skip for d in el.iterdescendants()):
            anchors, text = _outside(el, skip, table)
        else:
            anchors, text = table.of(el), el.text_content()
        foreign = [(t, d) for t, d in _foreign(anchors, home) if not _related(d, home)]
        phrases = [(t, d) for t, d in foreign if _search_phrase(t)]
        if len({d for _, d in phrases}) < 3 or len(phrases) < 0.8 * len(foreign):
            continue
        if sum(len(URL_TEXT_RE.sub("", t)) for t, _ in anchors) < 0.5 * len(URL_TEXT_RE.sub("", text) or "x"):
            continue
        if _after_prose(el):
            continue  # a list the article's own text leads to: its references, not a farm
        found = [f for f in found if not any(a is f for a in el.iterancestors())] + [el]  # the smallest holder
    found = [el for el in found if not any(d in found for d in el.iterdescendants())]
    return [Finding("links", "spam_links", block_text(el), _terms(t for t, _ in _foreign(table.of(el), home)),
                    sorted({d for _, d in _foreign(table.of(el), home)}), [el]) for el in found]


AFTER_PROSE = 150


def _after_prose(el: lxml.html.HtmlElement, levels: int = 2) -> bool:
    """Whether `el` follows the page's prose in its own container: the elements before it there (looked for at its
    own level and its parent's) hold `AFTER_PROSE` characters or more of sentence paragraphs. A Chinese tech article
    ends with its references in English (`asyncio official documentation`, `how to use asyncio gather with exceptions`
    to docs.python.org, stackoverflow.com, realpython.com …), which read like a farm's search phrases; a farm is put in
    a footer or a sidebar, apart from the text (w000632's row under the copyright line).

    >>> t = lxml.html.fromstring("<div><p>" + "异步编程的核心是事件循环，协程在等待时让出控制权。" * 6 + "</p><ul id=r><li>x</li></ul></div>")
    >>> _after_prose(t.get_element_by_id("r")), _after_prose(lxml.html.fromstring("<div><p>版权所有</p><ul id=r></ul></div>")[1])
    (True, False)
    >>> main = "<div>" + "<p>" + "异步编程的核心是事件循环，协程在等待时让出控制权。" * 6 + "</p></div>"
    >>> _after_prose(lxml.html.fromstring("<body>" + main + "<div><ul id=r><li>x</li></ul></div></body>").get_element_by_id("r"))
    False
    """
    node: lxml.html.HtmlElement | None = el
    for _ in range(levels):  # (a container of the whole article before a footer is no paragraph: _paragraph)
        if node is None or node.getparent() is None:
            return False
        before = [node.getparent().text or ""]  # and the text between them (paragraphs split by <br>)
        for sib in node.itersiblings(preceding=True):
            before += [sib.text_content() if _paragraph(sib) else "", sib.tail or ""]
        if paragraph_prose(before) >= AFTER_PROSE:
            return True
        node = node.getparent()
    return False


_BLOCKS = ("p", "div", "ul", "ol", "li", "table", "section", "article", "blockquote", "dl", "form")


def _paragraph(el: lxml.html.HtmlElement) -> bool:
    """A paragraph of text: a <p>, or an element with no block inside it (not a container of the whole article)."""
    return isinstance(el.tag, str) and (el.tag == "p" or next(el.iterdescendants(*_BLOCKS), None) is None)


def _smallest_holder(el: lxml.html.HtmlElement, counts: dict[lxml.html.HtmlElement, list[int]], spammy: int,
                     ) -> lxml.html.HtmlElement:
    """The smallest block under `el` (or `el`) that still holds all its `spammy` spam anchors, descending from block
    to block inside the one before (in document order, the first that qualifies at each depth). Wrappers that are no
    link block (a table's tbody and tr) are looked through: a 合作网站 row put after an article inside a layout
    table (w000018's row in w000856, a transplant probe) made the whole table, article and all, the `spam_links`
    finding, and the page a reject.

    >>> t = lxml.html.fromstring("<table><tbody><tr><td><p>文章。</p><div id=f><a href='http://a.com'>百家乐</a></div>"
    ...                          "</td></tr></tbody></table>")
    >>> f = t.get_element_by_id("f")
    >>> _smallest_holder(t, {t: [1, 1, 1], t.find(".//td"): [1, 1, 1], f: [1, 1, 1]}, 1) is f
    True
    """
    block = el
    for d in el.iterdescendants(*LINK_BLOCK_TAGS):
        if counts.get(d, (0, 0, 0))[2] == spammy and (block is el or any(a is block for a in d.iterancestors())):
            block = d
    return block


def _outside(el: lxml.html.HtmlElement, skip: set[lxml.html.HtmlElement], table: AnchorTable,
             ) -> tuple[list[tuple[str, str | None]], str]:
    """The anchors and text of `el` outside the hidden or planted blocks inside it (`skip`): a farm planted inside
    an article's container is its own finding, and its links do not make the container a link row. Found by a
    transplant probe: w001736's hidden 友情链接 farm put after an article's last paragraph made the whole article
    container a `spam_links` row, and the page a reject.

    >>> t = lxml.html.fromstring("<div><p>文章正文。</p><div id=f><a href='http://a.com'>百家乐</a></div></div>")
    >>> _outside(t, {t.get_element_by_id("f")}, AnchorTable(t))
    ([], '文章正文。')
    """
    under = _under({d for d in el.iterdescendants() if d in skip})
    anchors = [table.row(a) for a in el.iter("a") if a not in under]
    parts = []
    for node in el.iter():
        if node in under or not isinstance(node.tag, str):
            if node.getparent() is not None and node.getparent() not in under and isinstance(node.tail, str):
                parts.append(node.tail)  # the text after a skipped block (or a comment) is the container's
            continue
        parts.append(node.text or "")
        if node is not el:
            parts.append(node.tail or "")
    return anchors, " ".join(" ".join(parts).split())


def _anchor_counts(table: AnchorTable, home: str | None) -> dict[lxml.html.HtmlElement, list[int]]:
    """For each element holding anchors of the table: how many (`len(table.of(el))`), how many to other sites
    (`_foreign`) and how many of those sell a spam topic (`_site_words`): each anchor read once and counted in its
    ancestors, where SpamLinkRows read every block's anchors again for each block around it."""
    counts: dict[lxml.html.HtmlElement, list[int]] = {}
    for a, row in table.items():
        foreign = _foreign([row], home)
        add = (1, 1, 1 if _site_words(foreign[0][0]) else 0) if foreign else (1, 0, 0)
        for el in (a, *a.iterancestors()):  # el.iter("a") holds `a` itself
            count = counts.get(el)
            if count is None:
                counts[el] = list(add)
            else:
                count[0] += add[0]
                count[1] += add[1]
                count[2] += add[2]
    return counts


def _own_text(el: lxml.html.HtmlElement) -> str:
    """An element's text outside its links (what its sentences say themselves)."""
    parts = [el.text or ""]
    for child in el:
        if child.tag != "a":
            parts.append(_own_text(child) if isinstance(child.tag, str) else "")
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


class SplicedLinks:
    """Anchors spliced into the article's sentences: a link to another site whose text has nothing to do with
    the sentence around it (澳门三月博彩收入增幅渐<a href=other.com>ST盐湖合并大戏提前开锣</a>放缓).

    Rules: the anchor sits mid-sentence (text on both sides, a punctuated paragraph of 40+ characters around
    it), links another registrable domain under four or more Chinese characters, shares under 15% of its
    character bigrams with its paragraph; and the page has three or more such anchors to two or more domains
    (a news page's one link to a partner site stays). The anchors go with their text; the sentence closes up.
    """

    def find(self, tree: lxml.html.HtmlElement, home: str | None, skip: set[lxml.html.HtmlElement],
             table: AnchorTable | None = None) -> list[Finding]:
        found, edges = [], []
        under = _under(skip)
        table = AnchorTable(tree) if table is None else table
        own: dict[lxml.html.HtmlElement, str] = {}  # a parent's own text and its bigrams, read once for all its links
        rest_grams: dict[lxml.html.HtmlElement, set[str]] = {}
        for a in tree.iter("a"):
            if a in under:
                continue
            text, host = table.row(a)
            if not host or registrable(host) == home or SERVICE_HOSTS.search(host):
                continue
            parent = a.getparent()
            if len(re.findall(f"[{CJK}]", text)) + 2 * len(re.findall(r"[A-Za-z0-9]{4,}", text)) < 4 or parent is None:
                continue
            before = (a.getprevious().tail if a.getprevious() is not None else parent.text) or ""
            rest = own.get(parent)
            if rest is None:
                rest = own[parent] = _own_text(parent)
            if len(rest) < 40 or not re.search("[，。]", rest):
                continue
            grams = _bigrams(text)
            if grams and parent not in rest_grams:
                rest_grams[parent] = _bigrams(rest)
            if grams and len(grams & rest_grams[parent]) < 0.15 * len(grams):
                tail = a.tail or ""
                # glued into a sentence: a character of it right before and after (增幅渐<a>…</a>放缓), not a list
                # of links separated by | or spaces
                inside = bool(re.search(f"[{CJK}A-Za-z0-9]$", before)) and bool(re.match(f"[{CJK}A-Za-z0-9，、。]", tail))
                (found if inside else edges).append((a, text, registrable(host)))
        if len(found) < 3 or len({d for *_, d in found}) < 2:
            return []
        found += edges  # once the pattern is plain, the same anchors at a paragraph's edge go too
        return [Finding("body", "spliced_links", " | ".join(t for _, t, _ in found)[:2000], _terms(t for _, t, _ in found),
                        sorted({d for *_, d in found}), [a for a, *_ in found])]


class GamblingAnchors:
    """Anchors to other sites whose own short text is a gambling offer: a casino word no ordinary name holds
    (娱乐城, 百家乐, 现金网, 博彩 …: spam.STRONG_GAMBLING_RE) or a gambling brand shape (星耀体育官网入口).

    One such anchor is a paid dark link (澳门威尼斯人娱乐城 -> vns8888.com in a firm's 友情链接 row), but it is only
    evidence when the article never touches the trade: `api.finish` keeps the finding only when the record's
    title and text hold no spam-topic word at all, weak ones included (a lottery-tips site's own gambling ads,
    news about a casino crackdown linking a regulator, stay). Nothing is dropped from the page: the finding
    carries no elements.
    """

    def find(self, tree: lxml.html.HtmlElement, home: str | None, skip: set[lxml.html.HtmlElement],
             table: AnchorTable | None = None) -> list[Finding]:
        from cleaners.spam import STRONG_GAMBLING_RE, is_family

        found = []
        table = AnchorTable(tree) if table is None else table
        for a in tree.iter("a"):
            href = a.get("href") or ""
            if not href.lstrip()[:4].lower().startswith(("http", "//", "www.")):
                continue  # a relative link stays on the site (_host reads no other kind)
            text, host = table.row(a)
            if 2 <= len(text) <= 20 and a not in skip and (STRONG_GAMBLING_RE.search(text) or is_family(text)):
                found += _foreign([(text, host)], home)
        if not found:
            return []
        return [Finding("links", "gambling_anchor", " | ".join(t for t, _ in found)[:2000], _terms(t for t, _ in found),
                        sorted({d for _, d in found}), [])]


SITE_TOPICS = ("gambling", "porn", "game", "papers", "arms")  # not medical: hospitals sell what clinic spam sells
TITLE_SEP_RE = re.compile(r"\s*[/_|｜\-—–,，>【】\[\]]+\s*|\s+")
PROMO_TITLE_RE = re.compile(r"官方|官网|首页|网址|平台|开户|注册|信誉|直营|认证|指定|入口|大全|!!!|>>>|值得信赖|哪里有|哪里买|怎么买|"
                            r"多少钱|联系方式|微信|QQ", re.I)


def site_topics(text: str) -> set[str]:
    """The spam topics a text sells (gambling, porn, game, papers, arms), weak words only beside strong ones."""
    return {t for t, n in topic_words(text).items() if t in SITE_TOPICS and n}


@lru_cache(maxsize=4096)
def _site_words(text: str) -> int:  # cached: several rules ask about the same anchor texts
    return sum(n for t, n in topic_words(text).items() if t in SITE_TOPICS)


def _stuffed(title: str) -> bool:
    """A title that repeats a keyword across its parts (战神娱乐场-战神娱乐场首页, X/X_百度知道).

    >>> _stuffed("株洲市办本科毕业证/株洲市办本科毕业证_百度 _ 知道"), _stuffed("澳门三月博彩收入升24%_财经_新浪网")
    (True, False)
    >>> _stuffed("VPGAME_DOTA2竞猜_DOTA2饰品竞猜_DOTA2菠菜")
    True
    """
    parts = [p for p in TITLE_SEP_RE.split(title) if len(p) >= 3]
    return any(_shared(a, b) for i, a in enumerate(parts) for b in parts[i + 1:])


def _shared(a: str, b: str) -> bool:
    """Whether two title parts share a keyword: three CJK characters, or a latin word of four or more."""
    for n in (3,):
        grams = {a[i:i + n] for i in range(len(a) - n + 1) if re.fullmatch(f"[{CJK}]{{{n}}}", a[i:i + n])}
        if any(g in b for g in grams):
            return True
    return any(w in b for w in re.findall(r"[A-Za-z][A-Za-z0-9]{3,}", a))


def title_sells(title: str) -> bool:
    """A title that sells a spam topic and is stuffed (the keyword repeated) or promotional (官方, 网址, 哪里有 …).

    >>> title_sells("战神娱乐场-战神娱乐场首页【官方直营、大额无忧】"), title_sells("澳门三月博彩收入升24%_财经_新浪网")
    (True, False)
    """
    return bool(_site_words(title)) and (_stuffed(title) or bool(PROMO_TITLE_RE.search(title)))


# what a fake-certificate or knock-out-drug doorway's title sells: 办 + a certificate (办普通话证, 办假房产证,
# 办英语六级成绩单, 办理学士学位证书), or a drug of the 迷药 trade (催情药, 听话水)
PAPERS_TITLE_RE = re.compile(r"办(?:理)?(?:假|张|个)?([^，。,_|｜/\-\s【】]{0,8}?(?:证书|证|文凭|成绩单|学历|执照))"
                             r"|((?:催情|迷情|迷昏|昏迷|听话)(?:药|水|粉)|迷药|蒙汗药)")


def sells_papers(title: str, text: str) -> str | None:
    """The fake certificate or knock-out drug a title sells over a text that never names it, or None.

    Evidence: a doorway takes a scraped story (a robot's launch, a TV drama) and puts the keyword it sells in the
    title: 保定市办普通话证, 枣强县办假房产证, 泊头哪里有催情药卖. The shape is the trade's (办 + a certificate), not a
    list of keywords. A real page about getting a certificate (如何办理居住证, news of a 假证 gang) names the
    certificate in its text (the whole noun or its last two characters: 居住证, 毕业证 → 业证); one with no text to
    judge (under 100 Chinese characters) is left alone.

    >>> story = "3月22日电 由爱奇艺与寰亚集团联合出品的网剧第三季于3月22日上线，近日终极预告海报一同曝光，引发观众期待。" * 3
    >>> sells_papers("保定市办普通话证", story), sells_papers("泊头哪里有催情药卖", story)
    ('普通话证', '催情药')
    >>> sells_papers("如何办理居住证", "办理居住证需要携带身份证、租房合同到派出所申请。" * 5) is None
    True
    >>> sells_papers("市场监管局推行办营业执照“一网通办”", "企业开办营业执照全程网上办理，最快一天领照。" * 5) is None
    True
    """
    m = PAPERS_TITLE_RE.search(title)
    if not m or len(re.findall(f"[{CJK}]", text)) < 100:
        return None
    noun = m.group(1) or m.group(2)
    if noun in text or noun[-2:] in text or _topic_re().search(text):
        return None
    return noun


class SpamSite:
    """A page whose own content sells a spam topic: a gambling, porn or fake-certificate site or doorway.

    Rules (checked on the labelled wild-2017 pages; planted blocks are left out first, so a hacked page is
    judged by its own content):

    * five or more visible anchors whose texts sell a spam topic (a gambling site's menus and lists), or
    * a title that sells one and is stuffed (the keyword repeated across its parts) or promotional (官方, 网址,
      开户, 哪里有 …).

    News about gambling, a lottery portal or a Macau travel guide uses the words in prose, under a plain
    headline, with a few related-story links: none of these fire.
    """

    def find(self, tree: lxml.html.HtmlElement, skip: set[lxml.html.HtmlElement],
             table: AnchorTable | None = None) -> list[Finding]:
        title = " ".join((tree.findtext(".//title") or "").split())
        selling = []
        under = _under(skip)
        for a, (text, _) in (AnchorTable(tree) if table is None else table).items():
            if a in under:
                continue
            if text and _site_words(text):
                selling.append(text)
        why = None
        if len(selling) >= 5:
            why = f"{len(selling)} links selling a spam topic"
        elif title_sells(title):
            why = "title selling a spam topic"
        if not why:
            return []
        terms = [p for p in TITLE_SEP_RE.split(title) if 3 <= len(p) <= 30 and _site_words(p)]
        return [Finding("page", "spam_site", f"{why}: {title[:200]}", _terms(terms + selling[:10]))]


LIST_SPLIT_RE = re.compile(r"[\s|｜,，、/]+")


URL_NOTE_RE = re.compile(r"[\[（(【]\s*(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/[^\s\]）)】]*)?\s*[\]）)】]", re.I)


def _no_url_notes(line: str) -> str:
    """A farm line without the address printed beside each keyword (百家乐[www.jxqjd.com/bjl] -> 百家乐).

    >>> _no_url_notes("bet365娱乐城[www.fromchinatownship.com/bet365]"), _no_url_notes("苹果（AAPL）")
    ('bet365娱乐城', '苹果（AAPL）')
    """
    return URL_NOTE_RE.sub("", line) if "." in line else line


def keyword_list(line: str) -> list[str]:
    """The items of a line that is a list of search keywords selling a spam topic, else [].

    A farm copied as text (a dump, or a block the extractor kept) is one line of short items, a third or more
    of them naming the trade (北京代孕 长沙代孕 …, 百家乐 真人娱乐 …); a menu (首页 新闻 体育 娱乐 彩票) names none.

    >>> len(keyword_list("北京代孕 长沙代孕 成都代孕 福州代孕 广州代孕 贵阳代孕 首页"))
    7
    >>> keyword_list("首页 新闻 体育 娱乐 彩票 汽车 房产"), keyword_list("北京、上海、广州的代孕机构被查处，多人落网。")
    ([], [])
    """
    if re.search(r"[。！？；]", line):
        return []
    bare = _no_url_notes(line).strip()
    items = [i for i in LIST_SPLIT_RE.split(bare) if i]
    if len(items) < 6 or sum(map(len, items)) > 16 * len(items) or not _topic_re().search(line):
        return []  # (an item's topic word is one in the line: one search instead of one per item)
    selling = _selling_items(bare, len(items))
    if selling is None:
        selling = sum(any(t != "weak" for t in topic_words(i)) for i in items)
    return items if selling >= max(3, 0.3 * len(items)) else []


_ITEM_RE = re.compile(r"[^\s|｜,，、/]+")  # the items LIST_SPLIT_RE.split leaves (its separators' complement)


def _selling_items(line: str, n_items: int) -> int | None:
    """How many of a line's items (LIST_SPLIT_RE) hold a strong spam-topic word, from one scan of the line instead of
    `topic_words` of each item: the same count, as the line's matches are the items' own when none holds a separator
    (a match that does, wow gold across two items, gives None: ask each item). Each item is scanned from its start
    in both ways, and the words' lookarounds see a separator at an item's edges as they see the end of the text.

    >>> _selling_items("百家乐 真人娱乐 首页 澳门威尼斯人 赌场 网址", 6), _selling_items("wow gold|首页", 2)
    (3, None)
    """
    spans = [m.end() for m in _ITEM_RE.finditer(line)]
    if len(spans) != n_items:
        return None
    topics = _topics()
    selling: set[int] = set()
    for m in _topic_re().finditer(line):
        word = m.group(0)
        if LIST_SPLIT_RE.search(word):
            return None
        if topics[word.lower()] != "weak":
            selling.add(bisect_right(spans, m.start()))
    return len(selling)


def lone_topic_lists(lines: list[str], context: str) -> list[int]:
    """Indexes of short keyword lines selling a topic that nothing else in the document mentions.

    A farm pasted into a logistics firm's page (代孕价格 代孕 代孕中介) is too short for `keyword_list`, and
    clinic words are ordinary on a hospital's site; but a line of three or more short items, at least two thirds
    of them naming one trade, on a page whose other text never names that trade, was put there by someone else.

    >>> lone_topic_lists(["天津利航物流有限公司", "代孕价格 代孕 代孕中介 代孕价格", "公司简介。"], "天津利航物流有限公司 公司简介。")
    [1]
    >>> lone_topic_lists(["试管婴儿 不孕不育 男科 妇科"], "本院生殖中心开展试管婴儿技术。")
    []
    >>> lone_topic_lists(["男科 不孕不育 白癜风 癫痫"], "健康饮食的五个误区。")  # a hospital's menu: no word stuffed
    []
    """
    lists: dict[int, set[str]] = {}
    for i, line in enumerate(lines):
        if len(line) > 200 or re.search(r"[。！？；，,]", line):
            continue
        items = [x for x in LIST_SPLIT_RE.split(line.strip()) if x]
        if not 3 <= len(items) <= 30 or sum(map(len, items)) > 12 * len(items):
            continue
        topics = [{t for t in topic_words(x) if t != "weak"} for x in items]
        if sum(bool(t) for t in topics) < max(3, 2 * len(items) / 3):
            continue
        sold = set().union(*topics)
        if sold <= {"medical", "goods"}:  # what clinics and shops sell themselves: only a stuffed word counts
            words = Counter(m.group(0).lower() for x in items for m in _topic_re().finditer(x))
            if not words or max(words.values()) < 3:
                continue
        lists[i] = sold
    if not lists:
        return []
    for i in lists:  # the rest of the document: without any such list (a farm is often split over lines)
        context = context.replace(lines[i], "")
    named = set(topic_words(context))
    return [i for i, sold in lists.items() if not sold & named]


def lone_topic_runs(lines: list[str], context: str) -> list[tuple[int, int]]:
    """(start, end) of runs of six or more short keyword lines that name a trade the rest of the document never
    names: at least two thirds of the lines name it, weakly (时时彩软件大全, 湖南快乐十分预测) or strongly, and at
    least one strongly (时时彩软件博彩之星). A clothing shop's footer stuffed with lottery-software keywords; a
    lottery portal's own menu, or a Macau hotel list on a travel page, has the trade in its other text.

    >>> farm = ["时时彩软件大全", "时时彩软件博彩之星", "时时彩软件代理商", "时时彩软件宝宝后二", "时时彩软件 自动", "时时彩软件"]
    >>> lone_topic_runs(["配送信息", "联系我们", *farm, "网站地图"], "服装商城 公告中心 配送信息")
    [(2, 8)]
    >>> lone_topic_runs(farm, "时时彩开奖结果查询")
    []
    >>> lone_topic_runs(["男科", "妇科", "不孕不育", "白癜风", "癫痫", "牛皮癣", "皮肤科"], "医院召开党建工作会议")
    []
    """
    runs, start = [], None
    for i, line in enumerate([*lines, "。"]):
        short = len(line) <= 16 and not re.search(r"[。！？；，,]", line)
        if short and start is None:
            start = i
        elif not short and start is not None:
            named = [j for j in range(start, i) if topic_words(lines[j]) or _topic_re().search(lines[j])]
            if len(named) >= 6:
                a, b = named[0], named[-1] + 1
                # a strong word of a trade no ordinary site sells itself (not a clinic's or a shop's menu)
                strong = any(any(t in SITE_TOPICS for t in topic_words(x)) for x in lines[a:b])
                if strong and len(named) >= 2 * (b - a) / 3:
                    runs.append(_widen(lines, a, b, start, i))
            start = None
    if not runs:
        return []
    rest = context
    for a, b in runs:
        for x in lines[a:b]:
            rest = rest.replace(x, "")
    return [] if _topic_re().search(rest) else runs


def keyword_runs(lines: list[str]) -> list[tuple[int, int]]:
    """(start, end) of runs of six or more short lines that are a keyword list selling a spam topic, one
    keyword a line (a farm whose anchors a browser puts on lines of their own), as in `keyword_list`.

    A farm inside a longer run of short lines (a shop's menus above it, a form below) is the stretch where
    lines that sell lie at most three apart; it takes in the short lines around it that name the trade only
    weakly (皇冠代理网, 澳门新濠天地) or lie between such lines, never one that names nothing and has none beside it.

    >>> keyword_runs(["正文。", "百家乐平台", "澳门赌场网址", "网上赌博技巧", "真人娱乐城", "博彩网站大全", "皇冠足球", "版权所有"])
    [(1, 7)]
    >>> menu = ["苹果专区", "智能手机", "平板电脑", "笔记本", "数码影像", "手机配件", "数码生活", "高清影音", "有问必答", "高级搜索"]
    >>> farm = ["皇冠代理网", "新2网址", "君博国际", "赌场", "投注网", "网络真钱游戏", "必赢亚洲", "赌博技巧", "澳门赌场"]
    >>> keyword_runs(["正文。"] + menu + farm + ["发布留言", "联系方式："])
    [(11, 20)]
    """
    runs, start = [], None
    for i, line in enumerate([*lines, "。"]):
        short = len(_no_url_notes(line)) <= 24 and not re.search(r"[。！？；，]", line)
        if short and start is None:
            start = i
        elif not short and start is not None:
            if i - start >= 6:
                runs += _farms(lines, start, i)
            start = None
    return runs


def _farms(lines: list[str], start: int, stop: int) -> list[tuple[int, int]]:
    """The keyword farms in one run of short lines (`keyword_runs`)."""
    sells = [j for j in range(start, stop) if any(t != "weak" for t in topic_words(lines[j]))]
    if not sells:
        return []
    if keyword_list(" ".join(x.replace(" ", "") for x in lines[start:stop])):
        groups = [sells]  # the whole run is the farm
    else:  # a farm of keywords (short lines, not headlines) amid other short lines
        groups = []  # by what a site sells: clinic and shop adverts stand in news portals' own link boxes
        for j in (j for j in sells if site_topics(lines[j])):
            if groups and j - groups[-1][-1] <= 4:
                groups[-1].append(j)
            else:
                groups.append([j])
        groups = [g for g in groups if len(g) >= 3 and _farm_like(lines, g[0], g[-1] + 1, start, stop)]
    out = []
    for g in groups:
        a, b = g[0], g[-1] + 1
        while a > start and _weak_near(lines[max(start, a - 3):a]):
            a -= 1
        while b < stop and _weak_near(lines[b:min(stop, b + 3)]):
            b += 1
        out.append(_widen(lines, a, b, start, stop))
    return out


def _widen(lines: list[str], a: int, b: int, start: int, stop: int) -> tuple[int, int]:
    """A farm with its heading (众联友情链接:) and the keyword variants and bare addresses that continue it: lines
    sharing a four-character stem with a line beside them (湖南快乐十分预测, 湖南快乐十分软件 …), or a URL alone.

    >>> _widen(["众联友情链接:", "百家乐", "赌场", "湖南快乐十分预测", "湖南快乐十分软件", "http://x.com/a.html", "版权所有"], 1, 3, 0, 7)
    (0, 6)
    """
    if a > start and LINKS_HEADING_RE.match(lines[a - 1].strip()):
        a -= 1
    while b < stop and len(lines[b]) <= 24 and (
            re.match(r"^(?:https?://|www\.)\S+$", lines[b].strip())
            or any(len(lines[k]) >= 4 and len(lines[b]) >= 4 and lines[k][:4] == lines[b][:4]
                   for k in (b - 1, b + 1) if start <= k < stop and k != b)):
        b += 1
    return a, b


def _farm_like(lines: list[str], a: int, b: int, start: int, stop: int) -> bool:
    """Whether lines a..b (widened to six inside the run) are keywords, not headlines: a keyword list selling a
    topic whose lines average twelve characters or less (a farm's 网络真钱游戏, not a news box's 男子吸食冰毒当众…获刑)."""
    if b - a < 6:
        a, b = max(start, min(a, b - 6)), min(stop, max(b, a + 6))
    span = lines[a:b]
    return sum(len(_no_url_notes(x)) for x in span) <= 12 * len(span) and bool(keyword_list(" ".join(x.replace(" ", "") for x in span)))


# A farm's brand lines that hold no word of the trade once the brand is one nobody lists: a short name + an agent or
# access word (X现金代理, X代理网, X备用网址大全, X国际, X平台), or a numbered domain alone (5566tt.vip).
FARM_BRAND_LINE_RE = re.compile(
    rf"^[{CJK}A-Za-z0-9]{{2,6}}?(?:现金代理|代理网|备用网址|网址|国际|平台|直营网)(?:大全)?$"
    r"|^(?:www\.)?[a-z]*+\d++[a-z0-9]*+\.[a-z]{2,4}$", re.I)  # possessive: a long digit run fails in one pass


def _weak_near(lines: list[str]) -> bool:
    """Whether a line beside a farm, or one of the two past it, names the trade at least weakly (皇冠代理网, hg0088.com)
    or has the shape of a farm's brand line (瑞乐代理网, 汇盛网址, jjx123.com: the farm's brands need not be known ones).

    >>> _weak_near(["高级搜索", "客户留言"]), _weak_near(["瑞乐备用网址大全"]), _weak_near(["jjx123.com"])
    (False, True, True)
    """
    return any(_topic_re().search(x) or FARM_BRAND_LINE_RE.match(x.strip()) for x in lines)


def find_injections(tree: lxml.html.HtmlElement, url: str | None = None, scan: HiddenScan | None = None) -> list[Finding]:
    """Every piece of planted-spam evidence on a parsed page (the tree is not changed). `scan`: the page's
    html.HiddenScan, if made already."""
    hidden_els = list(hidden_elements(tree, scan))  # one pass: the rules below only read the tree
    table = AnchorTable(tree)  # and so do their anchors' texts and hosts
    home = home_domain(tree, url, hidden_els, table)
    hidden = HiddenLinks().find(tree, home, hidden_els, table)
    skip = {el for el, _ in hidden_els}
    rows = SpamLinkRows().find(tree, home, skip, table)
    rows += foreign_script_rows(tree, home, skip | {el for f in rows for el in f.elements}, table)
    planted = skip | {el for f in rows for el in f.elements}
    spliced = SplicedLinks().find(tree, home, planted, table)
    taken = _under(planted) | {el for f in spliced for el in f.elements}
    return (hidden + rows + spliced + SpamSite().find(tree, planted, table)
            + GamblingAnchors().find(tree, home, taken, table) + label_brands(tree) + pasted_anchor_blocks(tree))


# text nodes of the page that spell out an anchor (<a href=…> or [url=…]), outside scripts, styles, code and form
# fields (a script writes its links as strings; an HTML lesson shows them in <pre>/<code>; a <textarea> holds a
# snippet to copy): none on almost every page
_MARKUP_NODES = lxml.etree.XPath(
    "//text()[contains(., 'href') or contains(., '[url')]"  # not //body: some pages parse with no <body>
    "[not(ancestor::script or ancestor::style or ancestor::noscript or ancestor::textarea or ancestor::pre"
    " or ancestor::code or ancestor::template or ancestor::head or ancestor::title)]")
PASTED_BLOCK_CHARS = 5000  # a block longer than this holds more than a bot's post: the finding keeps it


def _pasted_three(lines: list[str]) -> tuple[Finding, list[int]] | None:
    """Three or more keyword anchors spelled out as markup to three or more other domains: the bar for an HTML
    page's visible text, where markup shown as text is itself the evidence (no script, code or form field: see
    _MARKUP_NODES). On the DAnIEL, Scrapinghub and wild-2017 dev and opened pages only w003915's bot replies have
    any such anchor (25 to 21 domains); one reply of three (viagra, valium, modafinil to three .info sites) is
    below `plainspam.pasted_anchors`' bars, which a text dump needs.

    >>> _pasted_three(['ok <a href=" http://e7v.info/a ">can you take viagra</a> fine',
    ...                '<a href="http://w40.info/b">generic valium cost</a>', '<a href="http://ka6.info/">modafinil pack</a>'])[1]
    [0, 1, 2]
    >>> _pasted_three(['<a href="http://e7v.info/a">can you take viagra</a> <a href="http://e7v.info/b">generic valium</a>'])
    """
    from cleaners.plainspam import ANCHOR_MARKUP_RE, TAG_RE

    anchors = []
    for i, line in enumerate(lines):
        for m in ANCHOR_MARKUP_RE.finditer(line):
            href, text = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            text = " ".join(TAG_RE.sub("", text).split())
            host = _host(href)
            if host and text and _keyword(text):
                anchors.append((i, text, registrable(host)))
    domains = {d for *_, d in anchors}
    if len(anchors) < 3 or len(domains) < 3:
        return None
    why = f"{len(anchors)} anchors spelled out as markup in the page's text to {len(domains)} other sites"
    return (Finding("body", "spam_links", why, list(dict.fromkeys(t for _, t, _ in anchors)), sorted(domains)),
            sorted({i for i, *_ in anchors}))


def pasted_anchor_blocks(tree: lxml.html.HtmlElement) -> list[Finding]:
    """Visible blocks whose text spells out anchors to other sites (`<a href=" http://e7v.info/… ">can you take
    viagra at night</a>` shown as text): the rule of `plainspam.pasted_anchors` (five or more keyword anchors to
    three or more domains, or three or more of which two sell a spam topic) on the page's text nodes, one line each.

    Evidence: an HTML page shows markup as text only when it was pasted into a field the site escapes (a bot's
    forum reply, a comment); a site writes its own links as links. Found by a transplant probe: w003915's bot
    replies, moved into a news page, were kept by the extractor (their keywords left, and on two pages the
    article itself lost to them). The blocks holding the lines go before extraction (not one longer than
    PASTED_BLOCK_CHARS: the page is still spam and the anchor texts are cut where they recur).
    """
    from cleaners.plainspam import pasted_anchors

    nodes = _MARKUP_NODES(tree)
    if not nodes:
        return []
    lines = [" ".join(str(n).split()) for n in nodes]
    found = pasted_anchors(lines) or _pasted_three(lines)
    if found is None:
        return []
    finding, idx = found
    blocks = []
    for i in idx:
        owner = nodes[i].getparent()
        el = owner.getparent() if nodes[i].is_tail else owner  # a tail's text is its parent's
        if el is not None and el.tag not in {"body", "html"} and el not in blocks and len(el.text_content()) <= PASTED_BLOCK_CHARS:
            blocks.append(el)
    blocks = [el for el in blocks if not any(a in blocks for a in el.iterancestors())]
    return [Finding("body", "spam_links", finding.text, finding.terms, finding.hosts, blocks)]


# (the same nodes as //body//text()[contains(…)]: a node with a colon is never blank, and the blank test, done first,
# passes over the line breaks and indents between tags faster than the colon tests: 0.125 -> 0.084 s on DAnIEL)
_LABEL_NODES = lxml.etree.XPath("//body/descendant::text()[normalize-space()][contains(., ':') or contains(., '：')]")


def label_brands(tree: lxml.html.HtmlElement) -> list[Finding]:
    """A gambling brand as the label of a short line anywhere on the page (永盛真钱棋牌室:外媒头条:… between an
    article's pictures), by plainspam.brand_labels' rule on the page's labelled lines, and standing in no other
    text node: the extractor may drop the caption, but the page carried it. Nothing is dropped here; the brand
    is cut wherever it reaches the record (api.planted_terms)."""
    from cleaners.plainspam import brand_labels

    lines = []
    for node in _LABEL_NODES(tree):
        parent = node.getparent()
        if parent is None or parent.tag in ("script", "style", "title"):
            continue
        text = str(node) if node.is_tail or len(parent) == 0 else parent.text_content()
        if len(text) <= 300:
            lines.append(" ".join(text.split()))
    hit = brand_labels(lines) if lines else None
    if not hit:
        return []
    terms = [b for b in hit[0].terms if tree.xpath("count(//body//text()[contains(., $b)])", b=b) <= 1]
    if not terms:
        return []
    return [Finding("body", "spam_label", f"a gambling brand labelling an unrelated line: {' '.join(terms)[:200]}", terms)]
