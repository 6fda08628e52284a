"""The `mirror` spider: start from one or more mirror pages and fetch every article of their sites.

It follows prev/next chains (上一篇/下一篇), listing pages and their pagination (下一页, list_2.html,
?page=2) and every other in-scope link. Pages with sentences go to the item pipelines, where a worker
process decides whether each is an article, a listing or something else (cleaners.pagetype: a cluster
of prose) and cleans the articles; only articles become records. It stays on the start URLs' hosts and
is bounded by DEPTH_LIMIT, CLOSESPIDER_PAGECOUNT and trap detection (crawler.frontier).

Every request it makes ends as a record or a reject: pages that are not articles, pages served as something
other than HTML, failed fetches (HTTP errors, refused or reset connections, timeouts, robots.txt) become
`CleanedPage` rejects that ArticlePipeline drops (the CLI writes them to the rejects file); requests that
crawler.safety refuses are signalled there.

    scrapy crawl mirror -a url=http://example.cn/news/list_1.html -O out.jsonl
    scrapy crawl mirror -a urls_file=seeds/demo_urls.list -O out.jsonl
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urljoin

import scrapy
from scrapy import signals
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, Response
from scrapy.linkextractors import IGNORED_EXTENSIONS
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import DNSLookupError
from twisted.python.failure import Failure

from cleaners.chrome import PREVNEXT_WORDS
from crawler.frontier import Frontier, canonical_url
from crawler.items import CleanedPage, PageItem
from crawler.safety import Refused

PREVNEXT_RE = re.compile(PREVNEXT_WORDS)
IGNORED_EXT_RE = re.compile(r"\.(?:" + "|".join(IGNORED_EXTENSIONS) + r")$", re.I)
PAGER_RE = re.compile(r"^\s*(?:下一页|上一页|尾页|末页|下页|上页|\d{1,4}|next|›|»)\s*$", re.I)
HTML_TYPES = {"text/html", "application/xhtml+xml"}  # a declared Content-Type outside these is not parsed


class MirrorSpider(scrapy.Spider):
    """Crawl mirror sites from start URLs (`-a url=U1,U2` or `-a urls_file=PATH`)."""

    name = "mirror"

    def __init__(self, url: str | None = None, urls_file: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        urls = [u.strip() for u in (url or "").split(",") if u.strip()]
        if urls_file:
            urls += [ln.strip() for ln in Path(urls_file).read_text("utf-8").splitlines()
                     if ln.strip() and not ln.lstrip().startswith("#")]
        if not urls:
            raise ValueError("mirror spider: give start URLs with -a url=URL[,URL…] or -a urls_file=PATH")
        self.seed_urls = [canonical_url(u) for u in urls]
        self.start_urls = list(self.seed_urls)  # read by crawler.safety.AddressGuard (start() is our own)
        self._frontier = Frontier({re.sub(r"^[a-z]+://", "", u).split("/")[0] for u in self.seed_urls})
        self.start_failures: dict[str, str] = {}  # start URL -> why it could not be fetched
        self.starts_fetched = 0

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> MirrorSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._request_dropped, signal=signals.request_dropped)
        return spider

    def _request_dropped(self, request: scrapy.Request, spider: scrapy.Spider) -> None:
        """A redirect to a page already fetched is dropped by the dupefilter before the spider sees it
        (/random?seed=N -> an article): count it against the template of the URL that redirected."""
        origin = (request.meta.get("redirect_urls") or [None])[0]
        if origin:
            self._note_trap(self.frontier.record_page(canonical_url(origin), False, []),
                            self.crawler.stats if self.crawler else None)

    def in_scope(self, url: str) -> bool:
        """Whether `url` is on the crawl's hosts (crawler.safety.RedirectScope asks before following a redirect)."""
        return self.frontier.in_scope(url)

    @property
    def frontier(self) -> Frontier:
        """The crawl's frontier, kept in `spider.state` so that a JOBDIR run resumes with it."""
        state = getattr(self, "state", None)
        if isinstance(state, dict):
            return state.setdefault("frontier", self._frontier)
        return self._frontier

    async def start(self) -> AsyncIterator[scrapy.Request]:
        # Seeds go through the dupefilter: a resumed JOBDIR crawl or a second Redis worker skips them.
        for url in self.seed_urls:
            self.frontier.seen_urls.add(url)
            yield scrapy.Request(url, callback=self.parse, errback=self.fetch_failed, meta={"mirror_seed": True})

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        stats = self.crawler.stats if self.crawler else None
        redirected_from = (response.meta.get("redirect_urls") or [None])[0]
        if response.meta.get("mirror_seed"):
            self.starts_fetched += 1
            self.frontier.add_host(response.url)  # a start URL may redirect to www. or https: only a start URL
        content_type = _content_type(response)
        if not isinstance(response, HtmlResponse) or content_type and content_type not in HTML_TYPES:
            self.frontier.answered(redirected_from or response.url)
            if stats:
                stats.inc_value("mirrorclean/skipped/not_html")
            yield reject_item(response.url, "not_html", f"served as {content_type or 'binary data'}")
            return
        if not self.frontier.first_time_body(response.body):
            self.frontier.answered(redirected_from or response.url)
            if stats:
                stats.inc_value("mirrorclean/frontier/duplicate_body")
            if redirected_from:  # /random?seed=N -> an article already seen: that template brings nothing
                self._note_trap(self.frontier.record_page(canonical_url(redirected_from), False, []), stats)
            yield reject_item(response.url, "duplicate", "the same bytes as a page already fetched")
            return
        fresh, own = self.frontier.page_sentences(response.text) if has_prose(response.text) else (0, 0)
        prose = own > 0
        if own and self._is_continuation(response.url):
            # page 2.. of a paginated article (/a/123_2.html): the article's first page is its record
            own = 0
            if stats:
                stats.inc_value("mirrorclean/pages/continuation")
        links = page_links(response)
        more_pages = continuation_links(response.url, links) if own else []
        if more_pages:
            # An article split over several pages: fetch the rest first, then emit one item for the whole.
            for url in more_pages:
                self.frontier.seen_urls.add(url)
            article = {"url": response.url, "body": response.body, "charset": _charset(response),
                       "todo": more_pages[1:], "parts": []}
            yield self._continuation_request(more_pages[0], article)
        elif own:
            # A candidate: the pipeline classifies it (cleaners.pagetype) and cleans it, off the reactor.
            yield PageItem(url=response.url, body=response.body, http_charset=_charset(response))
        else:
            kind = "no_prose" if not fresh and not own else "boilerplate_only"
            if stats:
                stats.inc_value(f"mirrorclean/pages/{kind}")
            yield reject_item(response.url, "not_article", "a further page of an article reached on its own" if prose
                              else "no sentences of its own (a listing, a navigation or calendar page)")
        new = [u for u in self.frontier.new_links(response.url, list(links)) if u not in more_pages]
        self._note_trap(self.frontier.record_page(response.url, fresh > 0, new), stats)
        for url in new:
            if self.frontier.is_trap(url):
                continue
            yield scrapy.Request(url, callback=self.parse, errback=self.fetch_failed,
                                 priority=_priority(links.get(url, ""), url))

    def fetch_failed(self, failure: Failure) -> Iterator[Any]:
        """A request that brought no page (an HTTP error, a dead or refused connection, robots.txt): a reject."""
        request = failure.request
        start = (request.meta.get("redirect_urls") or [request.url])[0]
        reason, detail = describe_failure(failure)
        if request.meta.get("mirror_seed"):
            self.start_failures[start] = detail
        self.frontier.answered(start)
        if failure.check(Refused):
            return  # crawler.safety counted and signalled it already
        if self.crawler and self.crawler.stats:
            self.crawler.stats.inc_value(f"mirrorclean/fetch/{reason}")
        yield reject_item(request.url, reason, detail, source=start)


    def _is_continuation(self, url: str) -> bool:
        """/a/123_2.html is page 2 of /a/123.html only when that first page is a URL this crawl knows (an id that
        merely ends in -2 is an article of its own)."""
        base = url.split("?", 1)[0]
        if not CONTINUATION_RE.search(base):
            return False
        first = canonical_url(re.sub(r"[_-](?:[2-9]|[1-9]\d)(\.[A-Za-z]+)$", r"\1", base))
        if first in self.frontier.seen_urls:
            return True
        lowered = first.lower()  # IIS sites link /A/1.html and /a/1_2.html alike
        return any(u.lower() == lowered for u in self.frontier.seen_urls if len(u) == len(first))

    def _continuation_request(self, url: str, article: dict[str, Any]) -> scrapy.Request:
        return scrapy.Request(url, callback=self.parse_continuation, errback=self._continuation_failed,
                              dont_filter=True, priority=30, meta={"mirror_article": article})

    def parse_continuation(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        """Page 2.. of a split article: keep its bytes for the item, follow its links, fetch the next page."""
        article = response.meta["mirror_article"]
        if isinstance(response, HtmlResponse):
            article["parts"].append((response.body, response.url, _charset(response)))
            for url in self.frontier.new_links(response.url, list(page_links(response))):
                if not self.frontier.is_trap(url):
                    yield scrapy.Request(url, callback=self.parse, errback=self.fetch_failed)
        if article["todo"]:
            yield self._continuation_request(article["todo"].pop(0), article)
        else:
            yield self._article_item(article)

    def _continuation_failed(self, failure: Any) -> Iterator[Any]:
        """A missing page 2 (404, timeout): emit the article with the pages that came."""
        yield self._article_item(failure.request.meta["mirror_article"])

    @staticmethod
    def _article_item(article: dict[str, Any]) -> PageItem:
        return PageItem(url=article["url"], body=article["body"], http_charset=article["charset"],
                        continuations=list(article["parts"]))

    def _note_trap(self, trap: str | None, stats: Any) -> None:
        if trap:
            self.logger.info("trap: stopped following %s (pages bring nothing new)", trap)
            if stats:
                stats.inc_value("mirrorclean/frontier/traps")


def continuation_links(page_url: str, links: dict[str, str]) -> list[str]:
    """The further pages of the article at `page_url` among its links, in page order (at most 20).

    Three shapes: /a/123.html -> /a/123_2.html (or -2); show.asp?id=107 -> show.asp?id=107&page=2 (the same
    parameters plus page/p/pn); /html/205/index.html -> /html/205/2.html. Paths and parameter names are
    compared case-insensitively (IIS sites link /A/1.html and /a/1_2.html alike).

    >>> continuation_links("http://a.cn/a/123.html", {"http://a.cn/a/123_3.html": "3", "http://a.cn/a/123_2.html": "2",
    ...                    "http://a.cn/a/124.html": "下一篇", "http://a.cn/a/123_2.html?x=1": ""})
    ['http://a.cn/a/123_2.html', 'http://a.cn/a/123_3.html']
    >>> continuation_links("http://a.cn/News/Show.asp?ID=107", {"http://a.cn/news/show.asp?id=107&page=2": "2",
    ...                    "http://a.cn/news/show.asp?id=108": "下一篇"})
    ['http://a.cn/news/show.asp?id=107&page=2']
    >>> continuation_links("http://a.cn/html/205/index.html", {"http://a.cn/html/205/2.html": "2"})
    ['http://a.cn/html/205/2.html']
    """
    base, _, query = page_url.partition("?")
    found: dict[int, str] = {}
    stem, dot, ext = base.rpartition(".")
    if dot and "/" not in ext and not query and not CONTINUATION_RE.search(base):
        pattern = re.compile(rf"^{re.escape(stem)}[_-](\d{{1,2}})\.{re.escape(ext)}$", re.I)
        found.update({int(m.group(1)): url for url in links if (m := pattern.match(url))})
    if query:
        params = {k.lower(): v for k, v in parse_qsl(query)}
        for url in links:
            other_base, _, other_query = url.partition("?")
            if other_base.lower() != base.lower() or not other_query:
                continue
            other = {k.lower(): v for k, v in parse_qsl(other_query)}
            number = next((other.pop(k) for k in ("page", "p", "pn", "pageno") if k in other and k not in params), "")
            if number.isdigit() and other == params:
                found[int(number)] = url
    folder, _, leaf = base.rpartition("/")
    if not query and (leaf == "" or leaf.lower().startswith(("index.", "default."))):
        pattern = re.compile(rf"^{re.escape(folder)}/(\d{{1,2}})\.s?html?$", re.I)
        found.update({int(m.group(1)): url for url in links if (m := pattern.match(url))})
    return [found[n] for n in sorted(found) if n >= 2][:20]


# Page 2.. of an article split over several pages: /a/123_2.html, /news/123-2.shtml, /p/123_3.htm
# (the segment's first digit is found without backtracking: "[^/]*\d" made a long digit run quadratic)
CONTINUATION_RE = re.compile(r"/[^/\d]*\d[^/]*?[_-]([2-9]|[1-9]\d)\.(?:s?html?|php|aspx?|jsp)$", re.I)
SKIP_SCHEMES = ("javascript:", "mailto:", "tel:", "#", "data:")


# Anchor tags, found left to right in time linear in the page (a lazy "<a …>(.*?)</a>" rescanned the rest of
# the page from every unclosed <a: 130 s on a 262 KB page of 8,000 of them, on the reactor thread). A start
# tag runs to its first ">" outside a quoted value (a title may hold "<BR>"), read atomically; a tag with no
# end swallows the rest of the page, as in a browser. So every character is read a bounded number of times.
ANCHOR_MARK_RE = re.compile(r"<a\s|</a\s*+>", re.I)
START_TAG_RE = re.compile(r"<a\s(?>[^>=]++|=\s*+\"[^\"]*+\"|=\s*+'[^']*+'|=)*+>", re.I)  # quotes open a value after "=" only
HREF_RE = re.compile(r"(?<![\w-])href\s*+=\s*+(?:\"([^\"]*+)\"|'([^']*+)'|([^\s>]++))", re.I)
BASE_RE = re.compile(r"<base\s[^<>]*?href\s*+=\s*+[\"']?([^\"'\s>]+)", re.I)
TAG_RE = re.compile(r"<[^<>]*>")
PARTIAL_TAG_RE = re.compile(r"<[^<>]*$")  # a tag cut by ANCHOR_TEXT_MAX (matched from the last "<" only)
LABEL_RE = re.compile(rf"({PREVNEXT_WORDS})[^<>]{{0,6}}(?=<a\s)", re.I)
ANCHOR_TEXT_MAX = 4000  # characters of an anchor's content read for its label


def anchors(html: str) -> Iterator[tuple[int, str, str]]:
    """(offset, raw href, raw inner HTML) of every <a href> in `html`, in order, in time linear in its length.

    An anchor's content ends at its </a>, or where the next <a> starts (as a browser closes it), or at the
    end of the page; it is cut at ANCHOR_TEXT_MAX characters.

    >>> [(h, t) for _, h, t in anchors('<a href="/1">one</a> <A HREF=/2 title="a<br>">two <a data-href=x href=/3>3')]
    [('/1', 'one'), ('/2', 'two '), ('/3', '3')]
    """
    open_at = open_end = -1
    open_href = ""
    pos = 0
    while m := ANCHOR_MARK_RE.search(html, pos):
        tag = None if m.group().startswith("</") else START_TAG_RE.match(html, m.start())
        if tag is None and not m.group().startswith("</"):
            break  # a start tag that never ends: the rest of the page is inside it
        if open_at >= 0:
            yield open_at, open_href, html[open_end:min(m.start(), open_end + ANCHOR_TEXT_MAX)]
            open_at = -1
        pos = m.end() if tag is None else tag.end()
        if tag is not None and (href := HREF_RE.search(tag.group())):
            open_at, open_end = m.start(), tag.end()
            open_href = href.group(1) or href.group(2) or href.group(3) or ""
    if open_at >= 0:
        yield open_at, open_href, html[open_end:open_end + ANCHOR_TEXT_MAX]


def anchor_text(inner: str) -> str:
    """The text of an anchor's inner HTML: comments and tags out, entities decoded, blanks collapsed.

    >>> anchor_text("下一篇：<!-- <b>x</b> --><b>标题</b>&amp;<img src=a")
    '下一篇：标题&'
    """
    parts = []
    pos = 0
    while (start := inner.find("<!--", pos)) >= 0:  # comments, by str.find: linear even when unclosed
        parts.append(inner[pos:start])
        end = inner.find("-->", start + 4)
        pos = len(inner) if end < 0 else end + 3
    parts.append(inner[pos:])
    return " ".join(unescape(TAG_RE.sub("", PARTIAL_TAG_RE.sub("", "".join(parts)))).split())


def page_links(response: HtmlResponse) -> dict[str, str]:
    """In-page links in order: canonical absolute URL -> anchor text (with a short prev/next label before it).

    A regular-expression pass over the HTML text, linear in its length: no parse on the reactor thread (the
    pipelines parse each page once, in a worker). `上一篇：<a href=…>标题</a>` yields the label `上一篇 标题`.
    """
    html = response.text
    base = response.url
    if m := BASE_RE.search(html, 0, 4096):
        base = urljoin(base, unescape(m.group(1)))
    netloc = base.split("/", 3)[2] if "://" in base else base
    folder = base.split("?", 1)[0].rsplit("/", 1)[0] + "/"
    # prev/next labels just before an anchor, found in one pass: anchor offset -> label
    labels = {m.end(): m.group(1) for m in LABEL_RE.finditer(html)}
    out: dict[str, str] = {}
    for start, raw_href, inner in anchors(html):
        href = unescape(raw_href).strip()
        if not href or href.lower().startswith(SKIP_SCHEMES):
            continue
        # urljoin + canonical_url once per (host, path) or (folder, relative path): most links repeat across pages.
        if href.startswith("/") and not href.startswith("//"):
            key = (netloc, href)
        elif ":" not in href and not href.startswith(("?", "//")):
            key = (folder, href)
        else:
            key = None
        if key is None:
            url = canonical_url(urljoin(base, href))
        elif (url := _LINK_CACHE.get(key)) is None:
            if len(_LINK_CACHE) > 50_000:
                _LINK_CACHE.clear()
            url = _LINK_CACHE[key] = canonical_url(urljoin(base, href))
        if url in out or IGNORED_EXT_RE.search(url.split("?", 1)[0]):
            continue
        text = anchor_text(inner)
        label = labels.get(start)
        out[url] = f"{label} {text}" if label else text
    return out


LATIN_SENTENCE_END_RE = re.compile(r"[a-z]{2}[.!?]\s+[A-Z]")
CJK_SENTENCE_END_RE = re.compile(r"[。！？]")


def has_prose(html: str, minimum: int = 4) -> bool:
    """Cheap test for sentences in a page (a calendar grid or a link hub has none): >= 4 sentence ends.

    A CJK full stop counts outside tags only: text between ">" and the next "<". Found by splitting at ">"
    (linear; a look-ahead for the next ">" from every full stop was quadratic on a page of them).

    >>> has_prose("<p>一。二。</p><img alt='三。四。'>"), has_prose("<p>一。二。三。</p>四。")
    (False, True)
    """
    count = 0
    for _ in LATIN_SENTENCE_END_RE.finditer(html):
        count += 1
        if count >= minimum:
            return True
    pieces = html.split(">")
    for i, piece in enumerate(pieces):
        # in every piece but the last, the part after its last "<" is inside a tag
        text = piece if i == len(pieces) - 1 else piece[:max(piece.rfind("<"), 0)]
        count += len(CJK_SENTENCE_END_RE.findall(text))
        if count >= minimum:
            return True
    return False


_LINK_CACHE: dict[tuple[str, str], str] = {}


# Another rendition of a page (mobile, AMP, print): fetched last, so the main page is the copy that is emitted
# (it carries the date and the full template) and the rendition is dropped as its duplicate.
RENDITION_RE = re.compile(r"^[a-z]+://(?:m|wap|mobile)\.|/(?:m|wap|mobile|amp|print)/|print\.(?:php|asp|aspx|jsp)|[?&](?:print|amp)=", re.I)


def _priority(label: str, url: str = "") -> int:
    """Prev/next first (chains can be reachable only that way), then pagination, then the rest; renditions last.

    >>> _priority("下一篇：标题"), _priority("2"), _priority("标题"), _priority("标题", "http://a.cn/m/news/1.html")
    (20, 10, 0, -10)
    """
    if RENDITION_RE.search(url):
        return -10
    if PREVNEXT_RE.search(label):
        return 20
    if PAGER_RE.match(label):
        return 10
    return 0


FAILURE_REPR_RE = re.compile(r"<twisted\.python\.failure\.Failure [\w.]+: ([^<>]*)>")


def reject_item(url: str, reason: str, detail: str, source: str | None = None) -> CleanedPage:
    """A page (or request) that yields no record, as the item ArticlePipeline drops and the CLI writes.

    `source` is the URL the crawl asked for when a redirect led to `url`.
    """
    return CleanedPage(url, reject={"source": source or url, "reason": reason, "detail": detail, "url": url})


def describe_failure(failure: Failure) -> tuple[str, str]:
    """(reject reason, one-line detail) for a failed request.

    Reasons: http_error (a 4xx/5xx answer), robots_txt, too_large (DOWNLOAD_MAXSIZE), the refusal reasons of
    crawler.safety, and fetch_failed for the rest (DNS, refused or reset connections, timeouts).
    """
    exc = failure.value
    if isinstance(exc, Refused):
        return exc.reason, exc.detail
    if failure.check(HttpError):
        return "http_error", f"HTTP {exc.response.status}"
    # a connection lost before the answer shows as a list of Twisted failures: keep their messages
    text = FAILURE_REPR_RE.sub(r"\1", " ".join(str(exc).split())).strip("[] ") or type(exc).__name__
    if "max size" in text or "MAXSIZE" in text or type(exc).__name__ == "DownloadCancelledError":
        return "too_large", text if "max" in text.lower() else "the download was cancelled past DOWNLOAD_MAXSIZE"
    if isinstance(exc, IgnoreRequest):
        return ("robots_txt", "disallowed by robots.txt") if "robots.txt" in text else ("ignored", text)
    if isinstance(exc, DNSLookupError) and not text.startswith("DNS lookup failed"):
        return "fetch_failed", f"DNS lookup failed: {text}"
    return "fetch_failed", text


def _content_type(response: Response) -> str:
    """The declared media type, lower case without parameters ("" when the server sent none)."""
    return response.headers.get(b"Content-Type", b"").decode("latin-1").split(";", 1)[0].strip().lower()


def _charset(response: Response) -> str | None:
    content_type = response.headers.get(b"Content-Type", b"").decode("latin-1")
    m = re.search(r"charset=([\w-]+)", content_type, re.I)
    return m.group(1) if m else None
