"""A local HTTP server for the bundled fixture mirror sites (crawler tests, demo and benchmark).

Two spam-mirror sites live in ``fixtures/site/<site>/`` (written by ``fixtures/site/build_site.py``, described
by ``fixtures/site/manifest.json``). Each is served on its own loopback port, so the crawler sees two hosts:

- ``hualong`` (UTF-8, product-centre template): articles ``/news/<id>.html``, listings ``/news/index.html``,
  ``/news/list_<n>.html``; dynamic pages: the endless calendar ``/calendar/<yyyy>/<mm>/`` (every month links
  to the previous and next month and year), ``/old/<id>.html`` -> 301 ``/news/<id>.html``, ``/mirrors.html``
  and, with ``replicate=N``, copies ``/r<k>/news/...`` (k = 2..N) made on the fly from the originals (each
  paragraph tagged ``〔R<k>〕``, so every copy is new text);
- ``jinxin`` (GBK bytes, ``charset=gb2312``, news-centre template): articles ``/a/xinwen/<id>.html``,
  listings ``/a/xinwen/`` and ``/a/xinwen/index.php?page=<n>``; adding ``sort=`` / ``tag=`` gives the same
  listing with links to ever longer tag combinations (a query-string trap).

Both: ``/robots.txt`` (everything allowed except ``/private/``), 404 for anything else, and the query string
of a static page is ignored (``/news/115.html?from=list`` is the same page as ``/news/115.html``).

    with TestSite(replicate=1) as site:
        start = site.url("hualong", "/")      # http://127.0.0.1:<port>/
        ...                                    # crawl
        site.requests                          # [(site, path_with_query, status), ...]

Command line: ``python -m mirrorclean.testsite [--replicate N] [--port P]`` serves until Ctrl-C.
"""

from __future__ import annotations

import argparse
import calendar
import json
import re
import threading
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import parse_qs, unquote, urlsplit

DEFAULT_ROOT = Path(__file__).resolve().parent.parent / "fixtures" / "site"
SITES = ("hualong", "jinxin")
# site -> (codec of the bytes, charset label sent in Content-Type)
CHARSETS = {"hualong": ("utf-8", "utf-8"), "jinxin": ("gbk", "gb2312")}
ROBOTS_TXT = "User-agent: *\nDisallow: /private/\n"

# Placeholders in hualong's ``_shell.html`` (site chrome for the dynamic pages; not served itself).
SHELL_TITLE = "<!--TITLE-->"
SHELL_BODY = "<!--BODY-->"
# Comment that closes the body of a hualong article; replicas insert their marker sentence before it.
CONTENT_END = "<!-- /content -->"
REPLICA_MARKER = "镜像编号R{k:03d}：本页由华龙输送机械第{k}号镜像站点同步转载。"
CALENDAR_YEARS = (1000, 9999)

JINXIN_TAGS = (("hangye", "行业动态"), ("gongsi", "公司新闻"), ("jishu", "技术文章"),
               ("zhanhui", "展会信息"), ("wenda", "常见问题"))
_TAG_SLUGS = {slug for slug, _ in JINXIN_TAGS}
_FILTER_RE = re.compile(r'<div class="filter">.*?</div>', re.S)
_CALENDAR_RE = re.compile(r"^/calendar/(\d{4})/(\d{2})/$")
_OLD_RE = re.compile(r"^/old/(\d+)\.html$")
_REPLICA_RE = re.compile(r"^/r(\d+)(/news/.*)$")
_NEWS_HREF_RE = re.compile(r"""(href=["'])/news/""")


def jinxin_query(page: int, sort: str = "", tags: tuple[str, ...] = ()) -> str:
    """The listing URL (relative to ``/a/xinwen/``) for a page, sort order and tag list."""
    query = f"index.php?page={page}"
    if sort:
        query += f"&sort={sort}"
    if tags:
        query += "&tag=" + ",".join(tags)
    return query


def jinxin_filter_bar(page: int, sort: str = "", tags: tuple[str, ...] = ()) -> str:
    """The sort/tag bar of a jinxin listing page: every state links to states with one more tag (endless)."""
    def link(s: str, t: tuple[str, ...], text: str) -> str:
        return f'<a href="{escape(jinxin_query(page, s, t))}">{text}</a>'

    parts = ["排序：", link("desc", tags, "最新发布"), " ", link("asc", tags, "最早发布"), " &nbsp; 标签："]
    parts += [link(sort, (*tags, slug), name) + " " for slug, name in JINXIN_TAGS]
    if tags:
        names = dict(JINXIN_TAGS)
        parts.append(f'&nbsp; 当前标签：{"、".join(names[t] for t in tags)} {link(sort, (), "清除")}')
    return '<div class="filter">' + "".join(parts) + "</div>"


def calendar_body(year: int, month: int) -> tuple[str, str]:
    """Title and HTML body of the hualong archive page for a month: a day grid and links around it."""
    prev_m = (year, month - 1) if month > 1 else (year - 1, 12)
    next_m = (year, month + 1) if month < 12 else (year + 1, 1)

    def href(y: int, m: int) -> str:
        return f"/calendar/{y:04d}/{m:02d}/"

    rows = []
    for week in calendar.Calendar(firstweekday=0).monthdayscalendar(year, month):
        cells = "".join(f"<td>{d}</td>" if d else "<td>&nbsp;</td>" for d in week)
        rows.append(f"<tr>{cells}</tr>")
    head = "".join(f"<th>{d}</th>" for d in "一二三四五六日")
    title = f"文章归档 {year}年{month:02d}月"
    body = (
        f'<div class="crumb">当前位置：<a href="/index.html">首页</a> &gt; 文章归档 &gt; {year}年{month:02d}月</div>\n'
        f'<div class="archive"><h1>{title}</h1>\n'
        f'<p class="cal-nav"><a href="{href(year - 1, month)}">上一年</a> | '
        f'<a href="{href(*prev_m)}">上个月</a> | <a href="{href(*next_m)}">下个月</a> | '
        f'<a href="{href(year + 1, month)}">下一年</a></p>\n'
        f'<table class="cal"><tr>{head}</tr>{"".join(rows)}</table>\n'
        "<p>本月暂无文章。</p></div>"
    )
    return title, body


def load_manifest(root: Path | str | None = None) -> dict[str, Any]:
    """The fixture sites' manifest (``fixtures/site/manifest.json``)."""
    return json.loads((Path(root or DEFAULT_ROOT) / "manifest.json").read_text("utf-8"))


def article_paths(manifest: Mapping[str, Any], site: str, replicate: int = 1) -> list[str]:
    """Every article path a site serves: the originals, then (hualong) the copies ``/r<k>/news/...``."""
    info = manifest["sites"][site]
    paths = [a["path"] for a in info["articles"]]
    replica = info.get("replica")
    if replica and replicate > 1:
        prefix = replica["prefix"]
        paths += [f"/r{k}{p}" for k in range(2, replicate + 1) for p in paths if p.startswith(prefix)]
    return paths


@dataclass(frozen=True)
class Reply:
    """One HTTP response: status, body bytes, Content-Type and (redirects) Location."""

    status: int
    body: bytes
    content_type: str
    location: str | None = None


class Request(NamedTuple):
    """One served request as logged by `TestSite.requests`."""

    site: str
    path: str
    status: int


class SiteApp:
    """Routes one site's requests without sockets: static files, dynamic pages, redirects, 404."""

    def __init__(self, name: str, root: Path, replicate: int = 1) -> None:
        if name not in SITES:
            raise ValueError(f"unknown site {name!r}")
        self.name = name
        self.replicate = replicate
        self.codec, label = CHARSETS[name]
        self.html_type = f"text/html; charset={label}"
        self.files: dict[str, bytes] = {}
        self.hidden: dict[str, bytes] = {}
        base = root / name
        if not base.is_dir():
            raise FileNotFoundError(f"{base} missing: run fixtures/site/build_site.py")
        for path in sorted(base.rglob("*")):
            if path.is_file():
                rel = "/" + path.relative_to(base).as_posix()
                (self.hidden if path.name.startswith("_") else self.files)[rel] = path.read_bytes()

    # -- helpers
    def _html(self, text: str, status: int = 200) -> Reply:
        return Reply(status, text.encode(self.codec), self.html_type)

    def _not_found(self) -> Reply:
        return self._html("<!DOCTYPE html><html><head><title>404 页面不存在</title></head>"
                          "<body><h1>404</h1><p>您访问的页面不存在或已被删除。</p>"
                          '<p><a href="/">返回首页</a></p></body></html>', 404)

    def _redirect(self, location: str) -> Reply:
        return Reply(301, b"", self.html_type, location)

    def _static(self, path: str) -> Reply | None:
        key = path + "index.html" if path.endswith("/") else path
        body = self.files.get(key)
        if body is not None:
            ctype = self.html_type if key.endswith(".html") else "text/plain; charset=utf-8"
            return Reply(200, body, ctype)
        if not path.endswith("/") and path + "/index.html" in self.files:
            return self._redirect(path + "/")
        return None

    def _shell(self, title: str, body: str) -> Reply:
        shell = self.hidden["/_shell.html"].decode(self.codec)
        return self._html(shell.replace(SHELL_TITLE, escape(title)).replace(SHELL_BODY, body))

    # -- routing
    def handle(self, target: str) -> Reply:
        """The reply to a request target (path with optional query)."""
        parts = urlsplit(target)
        path = unquote(parts.path) or "/"
        if path == "/robots.txt":
            return Reply(200, ROBOTS_TXT.encode("ascii"), "text/plain; charset=utf-8")
        dynamic = self._hualong(path) if self.name == "hualong" else self._jinxin(path, parts.query)
        if dynamic is not None:
            return dynamic
        return self._static(path) or self._not_found()

    def _hualong(self, path: str) -> Reply | None:
        if m := _CALENDAR_RE.match(path):
            year, month = int(m[1]), int(m[2])
            if CALENDAR_YEARS[0] <= year <= CALENDAR_YEARS[1] and 1 <= month <= 12:
                return self._shell(*calendar_body(year, month))
            return self._not_found()
        if m := _OLD_RE.match(path):
            target = f"/news/{m[1]}.html"
            return self._redirect(target) if target in self.files else self._not_found()
        if path == "/mirrors.html":
            return self._mirrors()
        if m := _REPLICA_RE.match(path):
            return self._replica(int(m[1]), m[2])
        return None

    def _mirrors(self) -> Reply:
        items = "".join(f'<li><a href="/r{k}/news/index.html">镜像站点 R{k:03d}</a></li>'
                        for k in range(2, self.replicate + 1)) or "<li>暂无镜像站点。</li>"
        body = ('<div class="crumb">当前位置：<a href="/index.html">首页</a> &gt; 镜像站点</div>\n'
                f'<div class="mirrors"><h1>镜像站点</h1><ul>{items}</ul></div>')
        return self._shell("镜像站点", body)

    def _replica(self, k: int, inner: str) -> Reply:
        if not 2 <= k <= self.replicate:
            return self._not_found()
        original = self._static(inner)
        if original is None or original.status != 200:
            return self._not_found()
        text = _NEWS_HREF_RE.sub(rf"\g<1>/r{k}/news/", original.body.decode(self.codec))
        marker = f"<p>　　{REPLICA_MARKER.format(k=k)}</p>\n"
        # Every paragraph of a copy carries the copy's number, so copies are new text (as a mirror network's
        # pages are), not duplicates that trap detection and the duplicate pipeline would rightly drop.
        text = text.replace("<p>　　", f"<p>　　〔R{k:03d}〕", 1 << 10).replace(CONTENT_END, marker + CONTENT_END, 1)
        return self._html(text)

    def _jinxin(self, path: str, query: str) -> Reply | None:
        if path != "/a/xinwen/index.php":
            return None
        qs = parse_qs(query, keep_blank_values=True)
        page_s = qs.get("page", ["1"])[-1]
        if not page_s.isdigit():
            return self._not_found()
        page = int(page_s)
        static = self.files.get("/a/xinwen/index.html" if page == 1 else f"/a/xinwen/list_{page}.html")
        if static is None:
            return self._not_found()
        sort = qs.get("sort", [""])[-1]
        sort = sort if sort in ("asc", "desc") else ""
        tags = tuple(t for v in qs.get("tag", []) for t in v.split(",") if t in _TAG_SLUGS)
        if not sort and not tags:
            return Reply(200, static, self.html_type)
        text = static.decode(self.codec)
        text = _FILTER_RE.sub(lambda _: jinxin_filter_bar(page, sort, tags), text, count=1)
        return self._html(text)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], app: SiteApp, owner: TestSite) -> None:
        super().__init__(address, _Handler)
        self.app = app
        self.owner = owner


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "mirrorclean-testsite/0.1"
    timeout = 30  # close idle keep-alive connections
    server: _Server

    def do_GET(self) -> None:  # noqa: N802 (http.server naming)
        self._respond(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._respond(send_body=False)

    def _respond(self, send_body: bool) -> None:
        try:
            reply = self.server.app.handle(self.path)
        except Exception:  # a fixture server must answer, whatever the request
            reply = Reply(500, b"internal error", "text/plain; charset=utf-8")
        self.server.owner._record(self.server.app.name, self.path, reply.status)
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        if reply.location:
            self.send_header("Location", reply.location)
        self.end_headers()
        if send_body and reply.body:
            self.wfile.write(reply.body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (signature of the base class)
        pass


class TestSite:
    """Serve the fixture sites on loopback ports (one per site) in daemon threads.

    ``root``: the folder with ``manifest.json`` and one sub-folder per site (default: the repo's
    ``fixtures/site``); ``replicate``: number of copies of hualong's article set (1 = originals only);
    ``ports``: fixed ports per site (default: free ports). Attributes: ``manifest``, ``requests`` (the log of
    every request served, ``(site, path_with_query, status)``, appended under a lock); ``hosts`` (list of
    ``"127.0.0.1:<port>"``), ``host(site)``, ``url(site, path)``, ``start_urls()``.
    """

    __test__ = False  # not a pytest test class

    def __init__(self, root: Path | str | None = None, replicate: int = 1, *, host: str = "127.0.0.1",
                 ports: Mapping[str, int] | None = None) -> None:
        if replicate < 1:
            raise ValueError("replicate must be >= 1")
        self.root = Path(root) if root is not None else DEFAULT_ROOT
        self.replicate = replicate
        self.host_name = host
        self.manifest = load_manifest(self.root)
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        self._ports = dict(ports or {})
        self._servers: dict[str, _Server] = {}
        self._threads: list[threading.Thread] = []

    def __enter__(self) -> TestSite:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> TestSite:
        """Bind every site's server and serve in background threads (idempotent)."""
        if self._servers:
            return self
        try:
            for name in SITES:
                app = SiteApp(name, self.root, self.replicate)
                server = _Server((self.host_name, self._ports.get(name, 0)), app, self)
                self._servers[name] = server
                thread = threading.Thread(target=server.serve_forever, name=f"testsite-{name}", daemon=True)
                thread.start()
                self._threads.append(thread)
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        """Shut the servers down and close their sockets."""
        for server in self._servers.values():
            server.shutdown()
            server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)
        self._servers.clear()
        self._threads.clear()

    def _record(self, site: str, path: str, status: int) -> None:
        with self._lock:
            self.requests.append(Request(site, path, status))

    def host(self, site: str) -> str:
        """``"127.0.0.1:<port>"`` of a running site."""
        if site not in self._servers:
            raise KeyError(f"site {site!r} is not running (sites: {', '.join(self._servers) or 'none'})")
        return f"{self.host_name}:{self._servers[site].server_address[1]}"

    @property
    def hosts(self) -> list[str]:
        """``"127.0.0.1:<port>"`` of every running site, in `SITES` order."""
        return [self.host(name) for name in self._servers]

    def url(self, site: str, path: str = "/") -> str:
        """Absolute URL of ``path`` on ``site``."""
        return f"http://{self.host(site)}{path if path.startswith('/') else '/' + path}"

    def start_urls(self) -> list[str]:
        """The home page of every site (where a crawl of the fixture sites starts)."""
        return [self.url(name, "/") for name in self._servers]

    def site_of(self, url: str) -> str | None:
        """The site name serving an absolute URL, or None."""
        netloc = urlsplit(url).netloc
        return next((name for name in self._servers if self.host(name) == netloc), None)

    def article_paths(self, site: str) -> list[str]:
        """Every article path of a site, replicas included."""
        return article_paths(self.manifest, site, self.replicate)

    def article_urls(self, site: str | None = None) -> list[str]:
        """Absolute URLs of every article (of one site, or of all sites)."""
        names = [site] if site else list(SITES)
        return [self.url(n, p) for n in names for p in self.article_paths(n)]

    def fetch_counts(self) -> Counter[tuple[str, str]]:
        """How often each ``(site, path_with_query)`` was requested."""
        with self._lock:
            return Counter((r.site, r.path) for r in self.requests)

    def clear_requests(self) -> None:
        """Empty the request log."""
        with self._lock:
            self.requests.clear()


def main(argv: list[str] | None = None) -> int:
    """``python -m mirrorclean.testsite``: serve the fixture sites until Ctrl-C."""
    ap = argparse.ArgumentParser(prog="python -m mirrorclean.testsite", description=__doc__.split("\n")[0])
    ap.add_argument("--replicate", type=int, default=1, help="copies of hualong's articles (benchmark)")
    ap.add_argument("--port", type=int, default=0, help="port of the first site, +1 for the next (0 = free)")
    ap.add_argument("--root", default=None, help="fixture site folder (default: the repo's fixtures/site)")
    args = ap.parse_args(argv)
    ports = {name: args.port + i for i, name in enumerate(SITES)} if args.port else None
    site = TestSite(args.root, args.replicate, ports=ports).start()
    try:
        for name in SITES:
            print(f"{name:8s} {site.url(name)}  ({len(site.article_paths(name))} articles, "
                  f"charset {CHARSETS[name][1]})", flush=True)
        print("Serving; Ctrl-C stops.", flush=True)
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        site.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
