"""What the mirror spider follows: canonical URLs, host scope, and trap detection.

Rules (each counted in the crawl stats under `mirrorclean/frontier/...`):

- canonical URLs: fragments dropped, tracking parameters (utm_*, from, spm, ref …) dropped, and of the
  rest only parameters that address content (numeric values, or page/id-like names) kept, sorted; so
  `list.php?page=2&sort=asc&tag=x` and its endless permutations collapse to `list.php?page=2`;
- scope: only the hosts (host:port) of the start URLs and the hosts they redirect to;
- URL templates (the path with digit runs replaced, plus the kept parameter names) whose pages bring
  nothing new (no article, no new URL outside the template) are traps after `TRAP_LIMIT` such pages
  (plus two per page of the template that did bring something): an endless calendar `/calendar/2024/05/`
  -> `/calendar/2024/06/` … stops there;
- pages whose bytes were already seen under another URL are neither emitted nor followed;
- pages whose every sentence was already on `BOILERPLATE_PAGES` earlier pages (a calendar or tag page
  whose only prose is the site's sidebar) are followed but not emitted;
- "brings something new" means new sentences (text no earlier page had) or new URLs of another template,
  so a calendar whose sidebar repeats the same blurbs still counts as bringing nothing.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import Counter
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING_RE = re.compile(r"^(?:utm_\w+|from|spm|ref|refer|referer|source|src|share|fbclid|gclid|_t|t|timestamp|rand|r)$", re.I)
CONTENT_PARAM_RE = re.compile(r"^(?:page|p|pn|pg|pageno|pagenum|paged|start|offset|id|aid|tid|cid|nid|catid|typeid|"
                              r"classid|articleid|newsid|itemid|docid|fid|mod|action|a|c|m)$", re.I)
DIGITS_RE = re.compile(r"\d+")
# A session id carried in the path (Java/ASP): /a/1.html;jsessionid=ABC123 -> /a/1.html
SESSION_PATH_RE = re.compile(r";(?:jsessionid|sid|sessionid|phpsessid|aspsessionid\w*)=[^/?#]*", re.I)
# A sentence: >= 8 characters of text between a tag or sentence end and the next sentence end. Anchored by the
# lookbehind, each text run is scanned once (an unanchored pattern rescans it from every position: 30 ms a page).
SENTENCE_RE = re.compile(r"(?:^|(?<=[>。！？]))[^<>。！？]{8,}[。！？]")
TRAP_LIMIT = 8
BOILERPLATE_PAGES = 3  # a sentence on this many earlier pages is the site's, not an article's


def canonical_url(url: str) -> str:
    """The URL a page is fetched and remembered under.

    >>> canonical_url("http://a.cn/a/xinwen/index.php?sort=asc&page=2&tag=x#top")
    'http://a.cn/a/xinwen/index.php?page=2'
    >>> canonical_url("http://a.cn/news/3.html?from=list")
    'http://a.cn/news/3.html'
    >>> canonical_url("http://a.cn/show.php?id=12&utm_source=x")
    'http://a.cn/show.php?id=12'
    >>> canonical_url("http://a.cn/lvyou/302.html;jsessionid=A7F3E9?from=list")
    'http://a.cn/lvyou/302.html'
    """
    parts = urlsplit(SESSION_PATH_RE.sub("", url))
    kept = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=False)
        if not TRACKING_RE.match(k) and (CONTENT_PARAM_RE.match(k) or v.isdigit())
    )
    return urlunsplit((parts.scheme, parts.netloc.lower(), parts.path or "/", urlencode(kept), ""))


def template_of(url: str) -> str:
    """The shape of a URL: host, path with digit runs as N, kept parameter names.

    >>> template_of("http://a.cn/calendar/2024/05/")
    'a.cn/calendar/N/N/'
    """
    parts = urlsplit(url)
    keys = ",".join(sorted(k for k, _ in parse_qsl(parts.query)))
    return f"{parts.netloc}{DIGITS_RE.sub('N', parts.path)}" + (f"?{keys}" if keys else "")


class Frontier:
    """Scope, duplicate content and trap bookkeeping for one crawl (per spider instance)."""

    def __init__(self, hosts: set[str], trap_limit: int = TRAP_LIMIT) -> None:
        self.hosts = {h.lower() for h in hosts}
        self.trap_limit = trap_limit
        self.seen_urls: set[str] = set()
        self.seen_bodies: set[str] = set()
        self.seen_sentences: dict[int, int] = {}  # sentence checksum -> pages it was on
        self.fruitless: Counter[str] = Counter()
        self.fruitful: Counter[str] = Counter()
        self.streak: Counter[str] = Counter()  # fruitless pages in a row
        self.pending: Counter[str] = Counter()  # requests scheduled and not yet answered, per template
        self.traps: set[str] = set()

    def in_scope(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in {"http", "https"} and parts.netloc.lower() in self.hosts

    def add_host(self, url: str) -> None:
        self.hosts.add(urlsplit(url).netloc.lower())

    def is_trap(self, url: str) -> bool:
        return template_of(url) in self.traps

    def new_sentences(self, html: str) -> int:
        """How many sentences of this page no earlier page had (a calendar's sidebar repeats; an article doesn't)."""
        return self.page_sentences(html)[0]

    def page_sentences(self, html: str) -> tuple[int, int]:
        """Count this page's sentences: (new: on no earlier page, own: on fewer than `BOILERPLATE_PAGES` earlier pages).

        A page whose sentences are all on several earlier pages (own == 0) holds only the site's boilerplate
        (a company profile in the sidebar of every page): nothing of it can be a new article.
        """
        fresh = own = 0
        counts = self.seen_sentences
        for key in {zlib.crc32(m.group(0).strip().encode("utf-8")) for m in SENTENCE_RE.finditer(html)}:
            seen = counts.get(key, 0)
            fresh += seen == 0
            own += seen < BOILERPLATE_PAGES
            counts[key] = seen + 1
        return fresh, own

    def first_time_body(self, body: bytes) -> bool:
        """False when these exact bytes were already seen under another URL."""
        digest = hashlib.sha1(body).hexdigest()
        if digest in self.seen_bodies:
            return False
        self.seen_bodies.add(digest)
        return True

    def new_links(self, page_url: str, links: list[str]) -> list[str]:
        """Canonical in-scope links not seen before and not in a trap template, in page order."""
        out = []
        for link in links:
            if link in self.seen_urls:  # most links of a page (navigation) were seen before: skip the parse
                continue
            url = canonical_url(link)
            if url in self.seen_urls or not self.in_scope(url) or self.is_trap(url) or self._suspect_busy(url):
                continue
            self.seen_urls.add(url)
            self.pending[template_of(url)] += 1
            out.append(url)
        return out

    def answered(self, url: str) -> None:
        """A request of this URL's template came back without a page to judge (not HTML, a duplicate body)."""
        template = template_of(url)
        self.pending[template] = max(0, self.pending[template] - 1)

    def _suspect_busy(self, url: str) -> bool:
        """A template that has brought nothing yet (half the trap limit of fruitless pages, nothing fruitful)
        gets at most two requests in flight: an endless calendar can't fan out while the evidence is counted.
        The URL is not marked seen, so a later page may offer it again."""
        template = template_of(url)
        return (not self.fruitful[template] and self.fruitless[template] >= self.trap_limit // 2
                and self.pending[template] >= 2)

    def record_page(self, page_url: str, is_article: bool, new: list[str]) -> str | None:
        """Update trap evidence after a page; returns the template it just declared a trap, if any.

        A page is fruitful when it brings new prose (an article) or links to a new URL of another template. A template
        becomes a trap once its fruitless pages reach `trap_limit` plus twice its fruitful ones: a calendar
        (never fruitful) stops after a few pages, while a listing template that keeps finding articles
        tolerates the pages whose articles were already reached through prev/next links. A run of
        2 x `trap_limit` fruitless pages in a row is a trap whatever came before (an archive whose months run
        out of articles, a calendar past the site's first post).
        """
        template = template_of(page_url)
        self.pending[template] = max(0, self.pending[template] - 1)
        if is_article or any(template_of(u) != template and template_of(u) not in self.traps for u in new):
            self.fruitful[template] += 1
            self.streak[template] = 0
            return None
        self.fruitless[template] += 1
        self.streak[template] += 1
        limit = self.trap_limit + 2 * self.fruitful[template]
        endless = self.streak[template] >= 2 * self.trap_limit  # a long run with nothing new, whatever came before
        if (self.fruitless[template] >= limit or endless) and template not in self.traps:
            self.traps.add(template)
            return template
        return None
