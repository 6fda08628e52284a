"""Score extractors on gold sets with the CJK-aware shingle F1 (mirrorclean.score).

Gold sets are read from three layouts:
- DAnIEL style: `ids.txt`, `html/<id>.html`, `reference/<id>.txt` (one `<p>` per paragraph);
- Scrapinghub style: `ground-truth.json` ({key: {articleBody, url}}) and `html/<key>.html.gz`;
- mirrorclean fixtures: `expected/<name>.json` pointing at `pages/<file>` (title, published, brands too).
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mirrorclean.score import corpus_prf, f1

TAG_RE = re.compile(r"<[^>]+>")


@dataclass
class GoldPage:
    key: str
    data: bytes
    gold: str
    url: str | None = None
    expected: dict[str, Any] = field(default_factory=dict)


def load_set(path: Path) -> list[GoldPage]:
    """Read a gold set in any of the three layouts."""
    if (path / "ids.txt").exists():
        ids = [ln.strip() for ln in (path / "ids.txt").read_text("utf-8").splitlines() if ln.strip()]
        return [
            GoldPage(i, (path / "html" / f"{i}.html").read_bytes(),
                     TAG_RE.sub("\n", (path / "reference" / f"{i}.txt").read_text("utf-8")))
            for i in ids
        ]
    if (path / "ground-truth.json").exists():
        truth = json.loads((path / "ground-truth.json").read_text("utf-8"))
        return [
            GoldPage(k, gzip.decompress((path / "html" / f"{k}.html.gz").read_bytes()), v["articleBody"] or "",
                     v.get("url"))
            for k, v in sorted(truth.items())
        ]
    if (path / "expected").is_dir():
        pages = []
        for exp_path in sorted((path / "expected").glob("*.json")):
            exp = json.loads(exp_path.read_text("utf-8"))
            if exp.get("reject"):
                continue
            pages.append(GoldPage(exp_path.stem, (path / exp["page"]).read_bytes(), exp.get("text", ""),
                                  exp.get("url"), exp))
        return pages
    raise ValueError(f"{path}: not a gold set (no ids.txt, ground-truth.json or expected/)")


Extractor = Callable[[GoldPage], dict[str, Any]]


def mirrorclean_extractor(page: GoldPage) -> dict[str, Any]:
    from cleaners import Record, clean_document

    rec = clean_document(page.data, page.key, url=page.url)
    if not isinstance(rec, Record):
        return {"text": ""}
    return {"text": rec.text, "title": rec.title, "published": rec.published, "is_spam_page": rec.is_spam_page,
            "spam_terms": rec.spam_terms}


def trafilatura_extractor(page: GoldPage) -> dict[str, Any]:
    import trafilatura

    html = _html(page)
    return {"text": (trafilatura.extract(html, url=page.url) or "") if html else ""}


def _html(page: GoldPage) -> str:
    from cleaners.decode import DecodeError, decode_bytes

    try:
        return decode_bytes(page.data)[0]
    except DecodeError:
        return ""


BLOCK_TAGS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "tr", "br", "blockquote", "pre",
              "section", "article", "table", "ul", "ol", "dd", "dt"}


def _text_of(fragment: str) -> str:
    """Plain text of an HTML fragment with a line break at every block boundary."""
    import lxml.html

    if not fragment.strip():
        return ""
    tree = lxml.html.fromstring(fragment)
    for el in tree.iter():
        if isinstance(el.tag, str) and el.tag in BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in tree.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def readability_extractor(page: GoldPage) -> dict[str, Any]:
    from readability import Document

    html = _html(page)
    return {"text": _text_of(Document(html).summary(html_partial=True)) if html else ""}


def resiliparse_extractor(page: GoldPage) -> dict[str, Any]:
    from resiliparse.extract.html2text import extract_plain_text

    html = _html(page)
    return {"text": extract_plain_text(html, main_content=True) if html else ""}


def gne_extractor(page: GoldPage) -> dict[str, Any]:
    from gne import GeneralNewsExtractor

    html = _html(page)
    try:
        return {"text": GeneralNewsExtractor().extract(html).get("content") or ""}
    except Exception:  # noqa: BLE001 - a peer's crash is scored as an empty output
        return {"text": ""}


def justext_extractor(page: GoldPage) -> dict[str, Any]:
    import justext

    html = _html(page)
    if not html:
        return {"text": ""}
    cjk = len(re.findall(r"[\u4e00-\u9fff]", html)) > 200
    # jusText has no Chinese stop list: on Chinese pages it runs without one (its documented fallback).
    stop = frozenset() if cjk else justext.get_stoplist("English")
    paras = justext.justext(html.encode("utf-8"), stop, encoding="utf-8")
    return {"text": "\n".join(p.text for p in paras if not p.is_boilerplate)}


def boilerpy3_extractor(page: GoldPage) -> dict[str, Any]:
    from boilerpy3 import extractors

    html = _html(page)
    try:
        return {"text": extractors.ArticleExtractor(raise_on_failure=False).get_content(html) or ""}
    except Exception:  # noqa: BLE001 - a peer's crash is scored as an empty output
        return {"text": ""}


def with_title(extract: Extractor) -> Extractor:
    """The same extractor with its title as the first line: for gold sets whose text starts with the headline."""

    def run(page: GoldPage) -> dict[str, Any]:
        out = extract(page)
        title = out.get("title") or ""
        return {**out, "text": f"{title}\n{out['text']}" if title and out.get("text") else out.get("text", "")}

    return run


def trafilatura_titled(page: GoldPage) -> dict[str, Any]:
    import trafilatura

    html = _html(page)
    doc = trafilatura.bare_extraction(html, url=page.url, with_metadata=True) if html else None
    return {"text": (doc.text or "") if doc else "", "title": (doc.title or "") if doc else ""}


EXTRACTORS: dict[str, Extractor] = {
    "mirrorclean": mirrorclean_extractor,
    "mirrorclean+title": with_title(mirrorclean_extractor),
    "trafilatura": trafilatura_extractor,
    "trafilatura+title": with_title(trafilatura_titled),
    "readability": readability_extractor,
    "resiliparse": resiliparse_extractor,
    "gne": gne_extractor,
    "justext": justext_extractor,
    "boilerpy3": boilerpy3_extractor,
}
PEERS = ["trafilatura", "readability", "resiliparse", "gne", "justext", "boilerpy3"]


@dataclass
class Result:
    tool: str
    precision: float
    recall: float
    f1: float
    pages_per_s: float
    peak_mb: float
    per_page: list[tuple[str, float]]
    checks: dict[str, tuple[int, int]]  # name -> (passed, total), for fixture-style sets


def evaluate(pages: list[GoldPage], tool: str, extractor: Extractor) -> Result:
    """Run one extractor over a set; time it and score every page (peak memory: `eval --memory`)."""
    outputs = []
    t0 = time.perf_counter()
    for page in pages:
        outputs.append(extractor(page))
    secs = time.perf_counter() - t0
    p, r, f = corpus_prf((o.get("text") or "", pg.gold) for o, pg in zip(outputs, pages, strict=True))
    per_page = [(pg.key, f1(o.get("text") or "", pg.gold)) for o, pg in zip(outputs, pages, strict=True)]
    checks = _fixture_checks(pages, outputs) if any(pg.expected for pg in pages) and "title" in outputs[0] else {}
    return Result(tool, p, r, f, len(pages) / secs if secs else 0.0, 0.0, per_page, checks)


def _fixture_checks(pages: list[GoldPage], outputs: list[dict[str, Any]]) -> dict[str, tuple[int, int]]:
    counts: dict[str, list[int]] = {}

    def tick(name: str, ok: bool) -> None:
        c = counts.setdefault(name, [0, 0])
        c[0] += int(ok)
        c[1] += 1

    for pg, out in zip(pages, outputs, strict=True):
        exp = pg.expected
        canon = _canon
        tick("title", canon(out.get("title")) == canon(exp.get("title")))
        tick("published", _same_moment(out.get("published"), exp.get("published")))
        tick("is_spam_page", out.get("is_spam_page") == exp.get("is_spam_page"))
        brands = exp.get("brands") or exp.get("spam_terms_include") or []
        leaked = [b for b in brands if b in (out.get("title") or "") or b in (out.get("text") or "")]
        tick("no_brand_left", not leaked)
        tick("f1>=0.99", f1(out.get("text") or "", pg.gold) >= 0.99)
    return {k: (v[0], v[1]) for k, v in counts.items()}


def _canon(s: str | None) -> str:
    import unicodedata

    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or ""))


def iter_report(results: list[Result], worst: int = 0) -> Iterator[str]:
    yield f"{'tool':<18} {'P':>6} {'R':>6} {'F1':>6} {'pages/s':>8} {'peak MB':>8}"
    for r in results:
        peak = f"{r.peak_mb:8.1f}" if r.peak_mb else f"{'-':>8}"  # measured with --memory only
        yield f"{r.tool:<18} {r.precision:6.3f} {r.recall:6.3f} {r.f1:6.3f} {r.pages_per_s:8.1f} {peak}"
    for r in results:
        for name, (ok, total) in r.checks.items():
            yield f"  {r.tool}: {name}: {ok}/{total}"
        if worst:
            for key, score in sorted(r.per_page, key=lambda x: x[1])[:worst]:
                yield f"  {r.tool}: worst {score:.3f} {key}"


def _same_moment(got: str | None, expected: str | None) -> bool:
    """Published dates agree: the same day, and the same local minute when the expected value has a time.

    A UTC offset or seconds the page's structured data adds do not count against the record.

    >>> _same_moment("2024-10-09T18:02:00+08:00", "2024-10-09T18:02"), _same_moment("2024-10-09", "2024-10-09T18:02")
    (True, False)
    """
    if not got or not expected:
        return got == expected
    return got[:16] == expected[:16] and (len(expected) > 10) == (len(got) > 10)
