"""The fixture mirror sites (fixtures/site) and the local server that serves them (mirrorclean.testsite)."""

from __future__ import annotations

import html
import re
import subprocess
import sys
import urllib.error
import urllib.request
from collections import deque
from collections.abc import Iterator
from email.message import Message
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from mirrorclean.testsite import REPLICA_MARKER, SITES, SiteApp, TestSite, article_paths, load_manifest

ROOT = Path(__file__).resolve().parent.parent
SITE_DIR = ROOT / "fixtures" / "site"
MANIFEST = load_manifest(SITE_DIR)
HREF = re.compile(r"""href=["']([^"']+)["']""")
PREV_NEXT = re.compile(r"(?:上一篇|下一篇)：<a [^>]*>")
NEXT_MONTH = re.compile(r'<a href="([^"]+)">下个月</a>')
CODEC = {"hualong": "utf-8", "jinxin": "gbk"}


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def get(url: str, follow: bool = True) -> tuple[int, Message, bytes]:
    """GET without proxies; HTTP errors come back as (status, headers, body)."""
    handlers: list[urllib.request.BaseHandler] = [urllib.request.ProxyHandler({})]
    if not follow:
        handlers.append(_NoRedirect())
    try:
        with urllib.request.build_opener(*handlers).open(url, timeout=10) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


@pytest.fixture(scope="module")
def site() -> Iterator[TestSite]:
    with TestSite() as s:
        yield s


def links(text: str, base: str, prev_next: bool = True) -> list[str]:
    """Same-site path+query of every link on a page (optionally without the 上一篇/下一篇 links)."""
    if not prev_next:
        text = PREV_NEXT.sub("", text)
    out = []
    for href in HREF.findall(text):
        url = urljoin("http://x" + base, html.unescape(href))
        parts = urlsplit(url)
        if parts.netloc == "x":
            out.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return out


def reachable_articles(app: SiteApp, start: str, prev_next: bool) -> set[str]:
    """Articles reached from ``start`` by following links in-process (traps skipped, 301s followed)."""
    info = MANIFEST["sites"][app.name]
    articles = {a["path"] for a in info["articles"]}
    prefix = start.split("/news/")[0] if "/news/" in start else ""
    seen, found, queue = {start}, set(), deque([start])
    while queue:
        target = queue.popleft()
        reply = app.handle(target)
        if reply.status == 301 and reply.location:
            target = reply.location
            reply = app.handle(target)
        if reply.status != 200:
            continue
        path = urlsplit(target).path
        if path.startswith(prefix) and path[len(prefix):] in articles:
            found.add(path)
        for link in links(reply.body.decode(app.codec), path, prev_next):
            if link.startswith("/calendar/") or "sort=" in link or "tag=" in link or link in seen:
                continue
            seen.add(link)
            queue.append(link)
    return found


# ---------------------------------------------------------------- the fixture sites

def test_build_is_deterministic() -> None:
    proc = subprocess.run([sys.executable, str(SITE_DIR / "build_site.py"), "--check"], capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_manifest_articles_match_the_pages() -> None:
    all_articles = [a for s in SITES for a in MANIFEST["sites"][s]["articles"]]
    assert len(all_articles) >= 32
    assert len({a["text"] for a in all_articles}) == len(all_articles)
    assert sum(bool(a["references"]) for a in all_articles) == 2
    every_brand = {b for a in all_articles for b in a["brands"]}
    for name in SITES:
        info = MANIFEST["sites"][name]
        arts = info["articles"]
        assert any(a["spam"] for a in arts) and any(not a["spam"] for a in arts)
        assert any(a["hidden_link_farm"] for a in arts)
        for a in arts:
            paras = a["text"].split("\n")
            assert 4 <= len(paras) <= 8 and 300 <= len("".join(paras)) <= 900, a["path"]
            assert not any(b in a["title"] or b in a["text"] for b in every_brand), a["path"]
            page = html.unescape((SITE_DIR / name / a["path"].lstrip("/")).read_bytes().decode(CODEC[name]))
            assert a["title"] in page
            if a["spam"]:
                assert a["brands"] and all(s in page for s in a["spam_strings"]), a["path"]
                assert all(any(b in s for s in a["spam_strings"]) for b in a["brands"]), a["path"]
            else:
                assert not any(b in page for b in every_brand), a["path"]
            if a["mid_sentence"]:  # a brand inserted mid-sentence: the clean paragraph lacks it
                page = page.replace(a["mid_sentence"] + "，", "", 1)
            assert all(p in page for p in paras), a["path"]
            assert all(r in page for r in a["references"])


def test_prev_next_chain_and_articles_only_reachable_through_it() -> None:
    for name in SITES:
        info = MANIFEST["sites"][name]
        arts = info["articles"]
        for before, after in zip(arts, arts[1:], strict=False):
            assert before["next"] == after["path"] and after["prev"] == before["path"]
        assert arts[0]["prev"] is None and arts[-1]["next"] is None
        only = set(info["only_prevnext"])
        assert only and only == {a["path"] for a in arts if not a["listed"]}
        app = SiteApp(name, SITE_DIR)
        everything = {a["path"] for a in arts}
        assert reachable_articles(app, "/", prev_next=True) == everything
        assert reachable_articles(app, "/", prev_next=False) == everything - only


# ---------------------------------------------------------------- the server

def test_two_hosts(site: TestSite) -> None:
    hosts = site.hosts
    assert hosts == [site.host(name) for name in SITES] and len(set(hosts)) == 2
    assert all(h.startswith("127.0.0.1:") for h in hosts)
    assert site.url("jinxin", "/a/xinwen/") == f"http://{site.host('jinxin')}/a/xinwen/"
    assert site.start_urls() == [f"http://{h}/" for h in hosts]
    assert site.site_of(site.url("hualong", "/news/101.html")) == "hualong"
    assert site.site_of("http://example.com/") is None


def test_utf8_article(site: TestSite) -> None:
    art = MANIFEST["sites"]["hualong"]["articles"][0]
    status, headers, body = get(site.url("hualong", art["path"]))
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert art["title"] in body.decode("utf-8")


def test_gbk_article(site: TestSite) -> None:
    art = next(a for a in MANIFEST["sites"]["jinxin"]["articles"] if a["spam"])
    status, headers, body = get(site.url("jinxin", art["path"]))
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=gb2312"
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    text = body.decode("gbk")
    assert 'charset=gb2312"' in text and art["title"] in text and art["brands"][0] in text


def test_missing_pages_404(site: TestSite) -> None:
    for name in SITES:
        for path in [*MANIFEST["sites"][name]["missing"], "/nope.html", "/_shell.html"]:
            assert get(site.url(name, path))[0] == 404, (name, path)
    assert get(site.url("hualong", "/old/999.html"))[0] == 404
    assert get(site.url("hualong", "/calendar/2024/13/"))[0] == 404
    assert get(site.url("jinxin", "/a/xinwen/index.php?page=9"))[0] == 404


def test_redirect(site: TestSite) -> None:
    for red in MANIFEST["sites"]["hualong"]["redirects"]:
        status, headers, _ = get(site.url("hualong", red["from"]), follow=False)
        assert status == 301 and headers["Location"] == red["to"]
        assert get(site.url("hualong", red["from"]))[2] == get(site.url("hualong", red["to"]))[2]
    status, headers, _ = get(site.url("hualong", "/news"), follow=False)
    assert status == 301 and headers["Location"] == "/news/"


def test_tracking_query_serves_the_same_page(site: TestSite) -> None:
    dup = MANIFEST["sites"]["hualong"]["tracking_duplicates"][0]
    plain, tracked = get(site.url("hualong", dup["path"])), get(site.url("hualong", dup["alias"]))
    assert plain[0] == tracked[0] == 200 and plain[2] == tracked[2]
    listing = get(site.url("hualong", dup["linked_from"][0]))[2].decode("utf-8")
    assert dup["alias"] in links(listing, "/news/index.html")


def test_calendar_is_endless(site: TestSite) -> None:
    status, _, body = get(site.url("hualong", "/calendar/2999/12/"))
    assert status == 200
    page = body.decode("utf-8")
    assert {"/calendar/3000/01/", "/calendar/2999/11/", "/calendar/3000/12/"} <= set(links(page, "/"))
    assert "本月暂无文章" in page and "<table class=\"cal\">" in page
    assert "/calendar/1899/12/" in links(get(site.url("hualong", "/calendar/1900/01/"))[2].decode("utf-8"), "/")
    path, seen = "/calendar/2024/06/", set()
    for _ in range(30):  # walk forward month by month: always a fresh page with a 下个月 link
        status, _, body = get(site.url("hualong", path))
        assert status == 200 and path not in seen
        seen.add(path)
        path = NEXT_MONTH.search(body.decode("utf-8"))[1]
    assert path == "/calendar/2026/12/"


def test_query_string_trap(site: TestSite) -> None:
    plain = get(site.url("jinxin", "/a/xinwen/index.php?page=2"))
    assert plain[0] == 200 and plain[2] == (SITE_DIR / "jinxin/a/xinwen/list_2.html").read_bytes()
    articles = {x for x in links(plain[2].decode("gbk"), "/a/xinwen/") if re.fullmatch(r"/a/xinwen/\d+\.html", x)}
    target = "/a/xinwen/index.php?page=2&sort=asc&tag=hangye"
    seen = set()
    for depth in range(8):  # each state links to a state with one more tag: endless
        status, headers, body = get(site.url("jinxin", target))
        assert status == 200 and headers["Content-Type"] == "text/html; charset=gb2312"
        text = body.decode("gbk")
        assert {x for x in links(text, "/a/xinwen/") if re.fullmatch(r"/a/xinwen/\d+\.html", x)} == articles
        seen.add(target)
        longer = [x for x in links(text, "/a/xinwen/") if "tag=" in x and x.count(",") == depth + 1]
        assert longer and all(x not in seen for x in longer)
        target = longer[depth % len(longer)]


def test_robots_txt(site: TestSite) -> None:
    for name in SITES:
        status, headers, body = get(site.url(name, "/robots.txt"))
        assert status == 200 and headers["Content-Type"].startswith("text/plain")
        assert body.decode("ascii") == "User-agent: *\nDisallow: /private/\n"
    assert get(site.url("hualong", MANIFEST["sites"]["hualong"]["robots_disallowed"][0]))[0] == 200


def test_request_log(site: TestSite) -> None:
    site.clear_requests()
    get(site.url("hualong", "/news/101.html?from=list"))
    get(site.url("jinxin", "/missing.html"))
    get(site.url("hualong", "/old/103.html"), follow=False)
    req = urllib.request.Request(site.url("jinxin", "/"), method="HEAD")
    with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(req, timeout=10) as r:
        assert r.status == 200 and r.read() == b""
    assert site.requests == [("hualong", "/news/101.html?from=list", 200), ("jinxin", "/missing.html", 404),
                             ("hualong", "/old/103.html", 301), ("jinxin", "/", 200)]
    assert site.fetch_counts()[("hualong", "/old/103.html")] == 1


# ---------------------------------------------------------------- replicate mode (benchmark)

def test_replicate_mode() -> None:
    originals = [a["path"] for a in MANIFEST["sites"]["hualong"]["articles"]]
    paths = article_paths(MANIFEST, "hualong", 120)
    assert len(paths) == len(set(paths)) == 120 * len(originals) >= 2000
    assert article_paths(MANIFEST, "jinxin", 120) == [a["path"] for a in MANIFEST["sites"]["jinxin"]["articles"]]
    with TestSite(replicate=120) as site:
        assert len(site.article_urls()) == len(paths) + len(MANIFEST["sites"]["jinxin"]["articles"])
        mirrors = get(site.url("hualong", "/mirrors.html"))[2].decode("utf-8")
        copies = [x for x in links(mirrors, "/") if x.startswith("/r")]
        assert copies == [f"/r{k}/news/index.html" for k in range(2, 121)]
        status, _, body = get(site.url("hualong", "/r120/news/118.html"))
        page = body.decode("utf-8")
        assert status == 200 and REPLICA_MARKER.format(k=120) in page
        assert "/r120/news/117.html" in links(page, "/r120/news/118.html")
        assert page != get(site.url("hualong", "/r119/news/118.html"))[2].decode("utf-8")
        for missing in ("/r121/news/101.html", "/r1/news/101.html", "/r5/news/100.html", "/r5/products/index.html"):
            assert get(site.url("hualong", missing))[0] == 404, missing
    app = SiteApp("hualong", SITE_DIR, replicate=3)
    assert reachable_articles(app, "/r3/news/index.html", prev_next=True) == {f"/r3{p}" for p in originals}
    single = SiteApp("hualong", SITE_DIR).handle("/mirrors.html").body.decode("utf-8")
    assert "暂无镜像站点" in single


def test_cli_help() -> None:
    proc = subprocess.run([sys.executable, "-m", "mirrorclean.testsite", "--help"], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0 and "--replicate" in proc.stdout
