"""Measure spam verdicts and removals on hand-labelled real pages: ``mirrorclean wild-eval``.

Labels are JSON lines (fixtures/wild/LABELLING.md): `file`, `label` (parasite / ordinary / spam_site / other),
`article`, `injected` (strings planted on the page), `legit` (gambling-like words the article itself uses).
Pages are read from ../shared/eval/wild-2017/pages (never copied into the repo). Each page is cleaned the way
a new user would clean a saved file: ``clean_document(bytes, name)``, no URL (``--with-url`` passes the
crawl URL from pages.tsv instead).

What is counted (the goals of issue #9):

* parasite pages handled: a record with ``is_spam_page``, or a reject for a page with no article; a reject
  that says ``is_spam_page`` counts too. Injected strings left: a labelled string still in a record's title,
  text or references (NFKC, case-folded).
* ordinary pages: called spam (record or reject saying ``is_spam_page``); damaged: a spam removal
  (SPAM_REASONS and the planted-link reasons) from the title or the text, or a legitimate word of the article missing from the record.
* spam sites: called spam.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
WILD = ROOT.parent / "shared" / "eval" / "wild-2017"
DEFAULT_SETS = [ROOT / "fixtures" / "wild" / n for n in ("labels.jsonl", "opened.jsonl", "holdout.jsonl")]


def _norm(s: str) -> str:
    return unicodedata.normalize("NFKC", s).casefold()


BLOCK_TAGS = {"p", "div", "br", "li", "tr", "td", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
              "section", "article", "header", "footer", "nav", "aside", "title", "form", "blockquote", "pre", "marquee"}


def wet_text(data: bytes) -> str:
    """A page as a crawl's plain-text extract (Common Crawl WET, CCNet) sees it: every text node, hidden ones
    too, after </html> too, a line per block, no markup; scripts, styles and comments dropped."""
    import lxml.etree
    import lxml.html

    from cleaners.decode import DecodeError, decode_bytes

    try:
        text, _ = decode_bytes(data)
        tree = lxml.html.document_fromstring(text)
    except (DecodeError, lxml.etree.ParserError, ValueError):
        return ""  # not text: the cleaner makes it a reject
    out: list[str] = []

    def walk(el: Any) -> None:
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "noscript"):
            return
        block = el.tag in BLOCK_TAGS
        out.append("\n" if block else "")
        out.append(el.text or "")
        for child in el:
            walk(child)
            out.append(child.tail or "")
        out.append("\n" if block else "")

    walk(tree)
    for after in tree.itersiblings():  # markup after </html>: lxml makes it a second root, a browser's body keeps it
        walk(after)
        out.append(after.tail or "")
    lines = (" ".join(line.split()) for line in "".join(out).split("\n"))
    return "\n".join(line for line in lines if line)


def _clean_one(job: tuple[str, str | None, bool]) -> dict[str, Any]:
    from cleaners import clean_document

    path, url, as_text = job
    data = Path(path).read_bytes()
    if as_text:
        out = clean_document(wet_text(data).encode("utf-8"), Path(path).name, url=url, kind="text").to_dict()
    else:
        out = clean_document(data, Path(path).name, url=url).to_dict()
    out["_kind"] = "reject" if "reason" in out and "text" not in out else "record"
    return out


@dataclass
class SetScore:
    """Counts for one label file."""

    name: str
    pages: int = 0
    by_label: Counter[str] = field(default_factory=Counter)
    parasite_handled: int = 0
    parasite_left: int = 0
    ordinary_spam: int = 0
    ordinary_damaged: int = 0  # a spam removal cut the title or the text
    ordinary_lost: int = 0  # a legitimate gambling-like word of the article is not in the record (extraction)
    ordinary_legit: int = 0  # ordinary pages with at least one legitimate gambling-like word
    ordinary_legit_spam: int = 0
    site_called: int = 0
    gambling_sites: int = 0  # spam sites whose labels (injected strings, evidence) are about gambling
    gambling_called: int = 0
    other_called: int = 0
    articles: int = 0
    articles_kept: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)

    def rate(self, num: int, label: str) -> str:
        den = self.by_label[label]
        return f"{num}/{den} ({num / den:.0%})" if den else "-"

    def lines(self) -> list[str]:
        legit = (f"{self.ordinary_legit_spam}/{self.ordinary_legit} ({self.ordinary_legit_spam / self.ordinary_legit:.0%})"
                 if self.ordinary_legit else "-")
        return [
            f"{self.name}: {self.pages} pages ({', '.join(f'{k} {v}' for k, v in sorted(self.by_label.items()))})",
            f"  parasites handled        {self.rate(self.parasite_handled, 'parasite')}   (goal >= 90%)",
            f"  parasites, strings left  {self.rate(self.parasite_left, 'parasite')}   (goal <= 5%)",
            f"  ordinary called spam     {self.rate(self.ordinary_spam, 'ordinary')}   (goal <= 3%)",
            f"    of them with legit gambling words  {legit}",
            f"  ordinary with a spam cut {self.rate(self.ordinary_damaged, 'ordinary')}   (goal 0)",
            f"  ordinary, legit word not in the record {self.rate(self.ordinary_lost, 'ordinary')}",
            f"  spam sites called spam   {self.rate(self.site_called, 'spam_site')}",
            f"    gambling sites         {self.gambling_called}/{self.gambling_sites}   (goal >= 90%)",
            f"  other pages called spam  {self.rate(self.other_called, 'other')}",
            f"  articles kept as records {self.articles_kept}/{self.articles}",
        ]


def spam_removals(out: dict[str, Any]) -> list[dict[str, Any]]:
    """Removals that say "this was injected spam" and cut into the title or the text: the spam reasons, and the
    planted-link reasons a plain-text rule gives the lines it cuts (spam_links from footer_keywords …)."""
    from mirrorclean.keepbest import PLANTED

    return [r for r in out.get("removed", []) if r["reason"] in PLANTED and r["where"] in {"title", "body"}]


def is_gambling(lab: dict[str, Any]) -> bool:
    """A spam site whose labelled strings and evidence are mostly about gambling (not porn, papers, arms …)."""
    from cleaners.inject import topic_words

    words = topic_words(" ".join(lab.get("injected", [])) + " " + lab.get("evidence", ""))
    strong = {t: n for t, n in words.items() if t != "weak"}
    return bool(strong) and max(strong, key=strong.__getitem__) == "gambling"


def score(name: str, labels: Sequence[dict[str, Any]], outs: Sequence[dict[str, Any]]) -> SetScore:
    s = SetScore(name)
    for lab, out in zip(labels, outs, strict=True):
        s.pages += 1
        kind = lab["label"]
        s.by_label[kind] += 1
        is_record = out["_kind"] == "record"
        called = bool(out.get("is_spam_page"))
        hay = _norm("\n".join([out.get("title") or "", out.get("text") or "", *out.get("references", [])])) if is_record else ""
        left = [t for t in lab.get("injected", []) if t.strip() and _norm(t) in hay]
        miss: dict[str, Any] = {}
        if lab.get("article"):
            s.articles += 1
            s.articles_kept += is_record
        if kind == "parasite":
            handled = called or (not is_record and not lab.get("article"))
            s.parasite_handled += handled
            s.parasite_left += bool(left)
            if not handled or left:
                miss = {"why": "parasite " + ("not handled" if not handled else "strings left"), "left": left}
        elif kind == "ordinary":
            lost = [w for w in lab.get("legit", []) if is_record and _norm(w) not in hay]
            cut = spam_removals(out)
            s.ordinary_spam += called
            s.ordinary_damaged += bool(cut)
            s.ordinary_lost += bool(lost)
            if lab.get("legit"):
                s.ordinary_legit += 1
                s.ordinary_legit_spam += called
            if called or cut or lost:
                miss = {"why": "ordinary " + ("called spam" if called else "damaged"), "cut": cut, "lost": lost}
        elif kind == "spam_site":
            s.site_called += called
            if is_gambling(lab):
                s.gambling_sites += 1
                s.gambling_called += called
            if not called:
                miss = {"why": "spam site not called"}
        else:
            s.other_called += called
        if miss:
            miss.update(file=lab["file"], kind=out["_kind"], reason=out.get("reason"), title=out.get("title"),
                        spam_terms=out.get("spam_terms"), evidence=lab.get("evidence", "")[:300])
            s.misses.append(miss)
    return s


def read_labels(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def run(paths: Iterable[Path], pages: Path, with_url: bool, jobs: int, as_text: bool = False) -> list[SetScore]:
    urls = {}
    if with_url and (pages.parent / "pages.tsv").exists():
        with open(pages.parent / "pages.tsv", encoding="utf-8") as fh:
            urls = {r["file"]: r["url"] for r in csv.DictReader(fh, delimiter="\t")}
    scores = []
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for path in paths:
            labels = read_labels(path)
            job_list = [(str(pages / lab["file"]), urls.get(lab["file"]) if with_url else None, as_text) for lab in labels]
            outs = list(pool.map(_clean_one, job_list, chunksize=4))
            scores.append(score(path.name, labels, outs))
    return scores


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="mirrorclean wild-eval", description=__doc__.split("\n\n")[0])
    parser.add_argument("labels", nargs="*", type=Path, help="label files (default: fixtures/wild/labels.jsonl, opened.jsonl, holdout.jsonl)")
    parser.add_argument("--pages", type=Path, default=WILD / "pages", help="the pages folder (default: ../shared/eval/wild-2017/pages)")
    parser.add_argument("--with-url", action="store_true", help="pass each page's crawl URL (pages.tsv) to the cleaner")
    parser.add_argument("--text", action="store_true",
                        help="clean each page as a crawl's plain-text extract (WET-like: hidden text kept, no markup)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--misses", type=Path, help="write every miss (JSON lines) here; never for a holdout")
    args = parser.parse_args(argv)
    paths = args.labels or [p for p in DEFAULT_SETS if p.exists()]
    if not args.pages.is_dir():
        print(f"mirrorclean wild-eval: error: {args.pages} is not a folder (the wild-2017 pages live in ../shared)",
              file=sys.stderr)
        return 2
    scores = run(paths, args.pages, args.with_url, args.jobs, args.text)
    for s in scores:
        print("\n".join(s.lines()))
    if args.misses:
        with open(args.misses, "w", encoding="utf-8") as fh:
            for s in scores:
                if "holdout" in s.name:
                    continue
                for m in s.misses:
                    fh.write(json.dumps(m, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
