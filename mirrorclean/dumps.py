"""Real text dumps: pages saved as the text a browser shows (``document.body.innerText``), for measuring the
text-dump front end on templates the team never wrote.

Headless Chromium (Debian's chromium + chromium-driver, driven by Selenium from the test extra) renders each
page offline (every host name resolves to nothing) and the text is what a person copying the page would
save: menus, bylines, sidebars, footers and the article, one block per line. Hidden blocks are not in it.

    python -m mirrorclean.dumps ../shared/eval/daniel-zh-dev [--limit N]   # title, text F1, spam verdicts
    python -m mirrorclean.dumps ../shared/eval/wild-2017 --wild fixtures/wild/dumps.jsonl
    python -m mirrorclean.dumps ../shared/eval/daniel-zh-dev --cache /tmp/dumps   # render once, re-score quickly
    python -m mirrorclean.dumps ../shared/eval/daniel-zh-dev --renderer soup   # or w3m, html2text: other tools' dumps

Other people's dumps come from other tools: `--renderer` renders the same pages as a scraper's BeautifulSoup
``get_text`` (one text node a line), a text browser (w3m) or a Markdown converter (html2text), so that the rules of
cleaners/textdump.py are measured on line shapes they were not tuned on (docs/benchmarks.md, "Dumps from other
renderers").

Nothing rendered is stored in the repo (the pages' licences vary); dumps are cached under a temporary folder.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

# What Chromium needs here (no screen, root, a closed network: see the machine notes) and no network at all.
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage", "--host-resolver-rules=MAP * ~NOTFOUND")


def browser_paths() -> tuple[str, str] | None:
    """(chromium, chromedriver) when both are installed."""
    chromium = next((p for p in (shutil.which(n) for n in ("chromium", "chromium-browser")) if p), None)
    driver = shutil.which("chromedriver")
    return (chromium, driver) if chromium and driver else None


@contextmanager
def chromium(extra: Sequence[str] = ("--blink-settings=imagesEnabled=false",)) -> Iterator[Any]:
    """A headless Chromium session (Selenium) with no network, a throw-away profile and `extra` flags."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    paths = browser_paths()
    if paths is None:
        raise RuntimeError("chromium and chromedriver are not installed (apt-get install chromium chromium-driver)")
    profile = tempfile.mkdtemp(prefix="mc-dumps-")
    options = webdriver.ChromeOptions()
    options.binary_location = paths[0]
    for flag in (*CHROMIUM_FLAGS, *extra, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=paths[1]), options=options)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(5)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


_META_CHARSET_RE = re.compile(r"""(<meta\s[^<>]*?charset\s*=\s*["']?\s*)([A-Za-z][\w.:-]*)""", re.IGNORECASE)


def browser_decoded_it(data: bytes, text: str, charset: str) -> bool:
    """Whether the browser, reading `data` as `charset` (``document.characterSet``), shows the page as `text`
    (the page decoded by cleaners/decode.py): labels differ between the two (GBK / gb18030, utf-8-sig), the
    characters must not."""
    import codecs

    try:
        codec = codecs.lookup(charset).name
    except LookupError:
        return False
    if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
        codec = "utf-8-sig"
    return data.decode(codec, errors="replace") == text


def unicode_page(text: str) -> bytes:
    """The page as UTF-8 with a byte order mark (which outranks every declaration in a browser's encoding
    sniffing) and its meta charset labels saying utf-8, so the browser decodes it as mirrorclean's decoder did."""
    return "\ufeff".encode() + _META_CHARSET_RE.sub(lambda m: m.group(1) + "utf-8", text).encode("utf-8")


def inner_text(driver: Any, page: Path) -> str | None:
    """The text Chromium shows for a saved page, or None when the page cannot be rendered (an alert, a hang).

    A saved page carries no HTTP header, so Chromium guesses its charset from a meta tag (often missing, late,
    or wrong on real sites) or its own detector: 63 of 146 labelled wild-2017 pages came out as GBK bytes read as
    UTF-8. When Chromium's charset does not give the text cleaners/decode.py reads from the bytes, the page is
    rendered again from a UTF-8 copy (`unicode_page`) in a temporary folder beside nothing (links to local files
    break; the run is offline anyway)."""
    from cleaners.decode import DecodeError, decode_bytes

    js = "return document.body ? document.body.innerText : ''"
    try:
        driver.get(page.resolve().as_uri())
        shown = driver.execute_script(js) or ""
        charset = driver.execute_script("return document.characterSet") or ""
        data = page.read_bytes()
        try:
            decoded, _ = decode_bytes(data)
        except DecodeError:
            return shown
        if browser_decoded_it(data, decoded, charset):
            return shown
        with tempfile.TemporaryDirectory(prefix="mc-dumps-page-") as folder:
            copy = Path(folder) / page.name
            copy.write_bytes(unicode_page(decoded))
            driver.get(copy.as_uri())
            return driver.execute_script(js) or ""
    except Exception:  # noqa: BLE001 - a page's own script (an alert box, a hang) must not stop the run
        return None


def _decoded(page: Path) -> str | None:
    """The page's text as cleaners/decode.py reads its bytes (what every renderer but Chromium is given)."""
    from cleaners.decode import DecodeError, decode_bytes

    try:
        return decode_bytes(page.read_bytes())[0]
    except DecodeError:
        return None


def soup_text(html: str) -> str:
    """A scraper's dump: BeautifulSoup's ``get_text("\\n", strip=True)`` over the whole document with its scripts
    and styles dropped. One text node a line: a sentence with a link in it comes out in three lines, the
    ``<title>`` is the first line, and hidden blocks are in it (no CSS is read)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    for tag in soup(["script", "style", "noscript", "template"]):
        tag.decompose()
    return soup.get_text("\n", strip=True)


def w3m_text(html: str, cols: int = 4000) -> str:
    """A text browser's dump (Debian's w3m, ``w3m -dump -cols 4000``): block layout without CSS, so tables come
    out as columns set apart by spaces and hidden blocks are in it."""
    import subprocess

    if shutil.which("w3m") is None:
        raise RuntimeError("w3m is not installed (apt-get install w3m)")
    with tempfile.TemporaryDirectory(prefix="mc-dumps-w3m-") as folder:
        copy = Path(folder) / "page.html"
        copy.write_bytes(unicode_page(html)[3:])  # no byte order mark: w3m is told the charset
        done = subprocess.run(["w3m", "-dump", "-cols", str(cols), "-I", "UTF-8", "-O", "UTF-8", "-T", "text/html",
                               "-o", "display_link_number=0", str(copy)], capture_output=True, timeout=60)
    return done.stdout.decode("utf-8", errors="replace")


def html2text_text(html: str) -> str:
    """A Markdown dump (the html2text package, links and images left out, no wrapping): ``# heading``,
    ``**bold**``, ``* item`` and ``| a | b |`` table rows."""
    import html2text  # not a dependency: pip install html2text for this renderer

    h = html2text.HTML2Text()
    h.ignore_links = h.ignore_images = True
    h.body_width = 0
    h.unicode_snob = True  # characters as they are (by default it prints · as *)
    return h.handle(html)


# The renderers `python -m mirrorclean.dumps --renderer` knows: innertext (Chromium, what a reader copies) is the
# default; the others take the page as cleaners/decode.py decodes it.
PY_RENDERERS = {"soup": soup_text, "w3m": w3m_text, "html2text": html2text_text}
RENDERERS = ("innertext", *PY_RENDERERS)


def render(driver: Any, page: Path, renderer: str = "innertext") -> str | None:
    """The page's dump by `renderer` (None when it cannot be rendered)."""
    if renderer == "innertext":
        return inner_text(driver, page)
    html = _decoded(page)
    if html is None:
        return None
    try:
        return PY_RENDERERS[renderer](html)
    except (RuntimeError, ImportError):
        raise
    except Exception:  # noqa: BLE001 - one page a renderer cannot read must not stop the run
        return None


@contextmanager
def renderer_session(renderer: str) -> Iterator[Any]:
    """A Chromium session for innertext, nothing for the renderers that need no browser."""
    if renderer not in RENDERERS:
        raise ValueError(f"unknown renderer {renderer!r}: one of {', '.join(RENDERERS)}")
    if renderer == "innertext":
        with chromium() as driver:
            yield driver
    else:
        yield None


def cached_text(driver: Any, page: Path, cache: Path | None, renderer: str = "innertext") -> str | None:
    """render(), read from and saved to `cache` (one JSON file per page, by the page's name; each renderer but
    innertext in a sub-folder of its name) when given: renders vary slightly between runs, and rendering is most
    of a run's time."""
    import json

    if cache is None:
        return render(driver, page, renderer)
    folder = cache if renderer == "innertext" else cache / f"renderer-{renderer}"
    path = folder / page.parent.parent.name / f"{page.name}.json"
    if path.exists():
        return json.loads(path.read_text("utf-8"))["text"]
    text = render(driver, page, renderer)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"text": text}, ensure_ascii=False), "utf-8")
    return text


def _norm(s: str) -> str:
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", s))


def score_daniel(folder: Path, limit: int | None = None, cache: Path | None = None,
                 renderer: str = "innertext") -> dict[str, Any]:
    """Render DAnIEL pages, clean their text dumps, and compare with the gold (headline = first paragraph)."""
    from cleaners import Record, clean_document
    from mirrorclean.score import corpus_prf

    ids = [i.strip() for i in (folder / "ids.txt").read_text("utf-8").splitlines() if i.strip()][:limit]
    pairs, titles, spam, rendered, pages = [], 0, 0, 0, []
    with renderer_session(renderer) as driver:
        for key in ids:
            text = cached_text(driver, folder / "html" / f"{key}.html", cache, renderer)
            gold = [re.sub(r"<[^>]+>", "", p).strip()
                    for p in re.findall(r"<p>(.*?)</p>", (folder / "reference" / f"{key}.txt").read_text("utf-8"), re.S)]
            if text is None or not gold:
                continue
            rendered += 1
            rec = clean_document(text.encode("utf-8"), f"{key}.txt", kind="text")
            is_rec = isinstance(rec, Record)
            ok = is_rec and bool(rec.title) and _norm(rec.title) == _norm(gold[0])
            titles += ok
            spam += is_rec and rec.is_spam_page
            pairs.append((rec.text if is_rec else "", "\n".join(gold[1:])))
            pages.append({"key": key, "title": rec.title if is_rec else None, "gold_title": gold[0], "title_ok": ok})
    p, r, f = corpus_prf(pairs)
    return {"pages": rendered, "title_exact": titles, "precision": p, "recall": r, "f1": f, "spam_pages": spam,
            "details": pages}


def score_wild(pages: Path, labels: Path, cache: Path | None = None,
               misses: list[str] | None = None, renderer: str = "innertext") -> dict[str, dict[str, int]]:
    """Render the labelled wild-2017 pages (fixtures/wild/dumps.jsonl, readable ones with a title), clean their
    dumps, and count per split (dev / opened / holdout, as fixtures/wild/split.py): title, date, article start and end.
    With `misses` (a list), a line per miss of a dev or opened page is appended to it (never a holdout page's)."""
    import hashlib
    import json

    from cleaners import Record, clean_document

    rows = [json.loads(line) for line in labels.read_text("utf-8").splitlines() if line.strip()]
    out: dict[str, dict[str, int]] = {}
    with renderer_session(renderer) as driver:
        for lab in rows:
            if not lab.get("readable") or not lab.get("title"):
                continue
            text = cached_text(driver, pages / lab["file"], cache, renderer)
            digest = hashlib.sha1(lab["file"].encode()).hexdigest()  # fixtures/wild/split.py: dev, opened, holdout
            split = ("opened" if digest[1] in "01234567" else "holdout") if digest[0] in "0123" else "dev"
            c = out.setdefault(split, {"pages": 0, "title": 0, "date": 0, "start": 0, "end": 0, "spam": 0})
            c["pages"] += 1
            rec = clean_document((text or "").encode("utf-8"), lab["file"], kind="text")
            if text is None or not isinstance(rec, Record):
                continue
            body = _norm(rec.text)
            got = {"title": _norm(rec.title or "") == _norm(lab["title"]), "date": rec.published == lab["published"],
                   "start": bool(lab["first"]) and _norm(lab["first"]) in body[:200],
                   "end": bool(lab["last"]) and _norm(lab["last"]) in body[-200:], "spam": rec.is_spam_page}
            for key, ok in got.items():
                c[key] += ok
            if misses is not None and split != "holdout":
                misses += [f"{split} {lab['file']} {key}: got {shown!r}, label {want!r}" for key, shown, want in (
                    ("title", rec.title, lab["title"]), ("date", rec.published, lab["published"]),
                    ("start", rec.text[:60], lab["first"]), ("end", rec.text[-60:], lab["last"]))
                    if not got[key]]
                if rec.is_spam_page:  # a page of this file is an article: ordinary, or a parasite whose farm shows
                    misses.append(f"{split} {lab['file']} spam: called spam, terms "
                                  f"{rec.spam_terms[:4]!r}")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mirrorclean.dumps", description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a DAnIEL-style gold set (ids.txt, html/, reference/), or the "
                        "wild-2017 folder with --wild")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--cache", type=Path, metavar="DIR", help="keep the rendered text of each page in DIR and "
                        "read it from there on later runs (renders vary slightly between runs)")
    parser.add_argument("--wild", type=Path, metavar="LABELS", help="score labelled wild-2017 dumps "
                        "(fixtures/wild/dumps.jsonl): title, date, article start/end found")
    parser.add_argument("--misses", action="store_true", help="with --wild: also list each miss of a dev or opened "
                        "page (what the cleaner gave, what the label says); holdout pages are never shown")
    parser.add_argument("--renderer", choices=RENDERERS, default="innertext", help="how a page becomes a dump: "
                        "innertext (headless Chromium, the default), soup (BeautifulSoup get_text, one text node a "
                        "line), w3m (w3m -dump), html2text (Markdown; pip install html2text)")
    args = parser.parse_args(argv)
    if args.wild:
        misses: list[str] | None = [] if args.misses else None
        for split, c in sorted(score_wild(args.folder / "pages", args.wild, args.cache, misses, args.renderer).items()):
            print(f"{split}: {c['pages']} dumps; title {c['title']}, date {c['date']}, article start {c['start']}, "
                  f"end {c['end']}; spam pages {c['spam']}")
        if misses:
            print("\n".join(misses))
        return 0
    res = score_daniel(args.folder, args.limit, args.cache, args.renderer)
    print(f"{args.folder}: {res['pages']} pages rendered; title exact {res['title_exact']}/{res['pages']}; "
          f"text P {res['precision']:.3f} R {res['recall']:.3f} F1 {res['f1']:.3f}; spam pages {res['spam_pages']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
