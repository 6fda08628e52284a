"""What the linear rewrites of issue #11 changed on real pages: the spider's link extraction and prose test, and
the CSS rule reader, old pattern against new, with the time each took.

    .venv/bin/python bench/regex_parity.py ../shared/eval/wild-2017/pages ../shared/eval/daniel-zh-dev/html \\
        ../shared/eval/scrapinghub-aeb/html fixtures

The old patterns are copied here as they were before the rewrite (they were quadratic on hostile pages; on
real pages they are the reference). Links "lost" or "gained" count only URLs without template debris
(quotes, angle brackets, `%`, braces, `--`).
"""

from __future__ import annotations

import gzip
import re
import sys
import time
from html import unescape
from pathlib import Path
from urllib.parse import urljoin

from scrapy.http import HtmlResponse

from cleaners.html import css_rules
from crawler.frontier import canonical_url
from crawler.spiders import mirror

OLD_ANCHOR_RE = re.compile(r"<a\s[^>]*?href\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))[^>]*>(.*?)</a\s*>", re.I | re.S)
OLD_TAG_RE = re.compile(r"<[^>]+>")
OLD_SENTENCE_END_RE = re.compile(r"[。！？](?![^<]*>)|[a-z]{2}[.!?]\s+[A-Z]")
OLD_CSS_RULE_RE = re.compile(r"([^{}]+)\{([^}]*)\}")
STYLE_RE = re.compile(r"<style[^>]*>(.*?)</style>", re.S | re.I)
LEGIT_RE = re.compile(r"[<>\"'%{}]|--")


def old_page_links(response: HtmlResponse) -> dict[str, str]:
    """crawler.spiders.mirror.page_links before the rewrite (the link cache left out: same result)."""
    html, base = response.text, response.url
    if m := mirror.BASE_RE.search(html, 0, 4096):
        base = urljoin(base, unescape(m.group(1)))
    labels = {m.end(): m.group(1) for m in mirror.LABEL_RE.finditer(html)}
    out: dict[str, str] = {}
    for m in OLD_ANCHOR_RE.finditer(html):
        href = unescape(m.group(1) or m.group(2) or m.group(3) or "").strip()
        if not href or href.lower().startswith(mirror.SKIP_SCHEMES):
            continue
        url = canonical_url(urljoin(base, href))
        if url in out or mirror.IGNORED_EXT_RE.search(url.split("?", 1)[0]):
            continue
        text = " ".join(unescape(OLD_TAG_RE.sub("", m.group(4))).split())
        label = labels.get(m.start())
        out[url] = f"{label} {text}" if label else text
    return out


def old_has_prose(html: str, minimum: int = 4) -> bool:
    return sum(1 for _ in zip(range(minimum), OLD_SENTENCE_END_RE.finditer(html), strict=False)) >= minimum


def pages(folders: list[str]) -> list[bytes]:
    out = []
    for folder in folders:
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file() and path.suffix in (".html", ".htm", ".gz"):
                data = path.read_bytes()
                if path.suffix == ".gz":
                    try:
                        data = gzip.decompress(data)
                    except OSError:
                        continue
                out.append(data)
    return out


def main(folders: list[str]) -> None:
    t_old = t_new = 0.0
    links_old = links_new = lost = gained = labels = prose_diff = css_blocks = css_diff = n = 0
    for body in pages(folders):
        head = body[:2000].lower()
        response = HtmlResponse(url="http://example.cn/a/b/page.html", body=body,
                                encoding=None if b"charset" in head else "utf-8")
        try:
            html = response.text
        except (UnicodeError, LookupError):
            continue
        n += 1
        t0 = time.perf_counter()
        a = old_page_links(response)
        t1 = time.perf_counter()
        b = mirror.page_links(response)
        t_old, t_new = t_old + t1 - t0, t_new + time.perf_counter() - t1
        links_old, links_new = links_old + len(a), links_new + len(b)
        la = {u for u in a if not LEGIT_RE.search(u)}
        lb = {u for u in b if not LEGIT_RE.search(u)}
        lost, gained = lost + len(la - lb), gained + len(lb - la)
        labels += sum(a[u] != b[u] for u in la & lb)
        prose_diff += old_has_prose(html) != mirror.has_prose(html)
        for css in STYLE_RE.findall(html):
            css_blocks += 1
            css_diff += OLD_CSS_RULE_RE.findall(css) != css_rules(css)
    print(f"{n} pages: links {links_old} old, {links_new} new; {lost} lost, {gained} gained, {labels} labels differ; "
          f"page_links {t_old:.1f} s old, {t_new:.1f} s new")
    print(f"has_prose differs on {prose_diff} pages; CSS rules differ on {css_diff} of {css_blocks} <style> blocks")


if __name__ == "__main__":
    main(sys.argv[1:] or ["fixtures"])
