"""Damage audit: does any cleaner cut a real article's words? Every ``removed`` entry of every record (any
reason, any cleaner) is checked against the GOLD article text.

    python bench/damage_audit.py [--jobs 2] [--cases] [--sets daniel,scrapinghub,wild] [--modes html,gold,wet]

Sets and modes:

* DAnIEL (../shared/eval/daniel-zh-dev) and Scrapinghub (../shared/eval/scrapinghub-aeb), read with
  ``mirrorclean.evaluate.load_set`` and cleaned as ``mirrorclean eval`` cleans them (``html``), their gold text
  cleaned as a ``.txt`` (``gold``), and a WET-like extract of the HTML (``wet``, ``mirrorclean.wildeval.wet_text``,
  the extract bench/plaintext_spam_guard.py uses). A removal is **false** when its text (NFKC, case-folded,
  whitespace and punctuation dropped, two characters or more) is in the gold article (title line included) and
  missing from the record's title, text and references.
* wild-2017 dev and opened pages labelled ordinary with ``article: true`` (fixtures/wild/labels.jsonl,
  opened.jsonl; never holdout.jsonl). No gold text there: a removal is false when it took the labelled first or
  last line of the page's text dump (fixtures/wild/dumps.jsonl) that the record lacks, and every prose-like
  removal (20+ characters with a clause mark) is listed (``prose``) to be judged by reading the page.

Kinds of false removal:

* ``damage``: the article's words lost;
* ``title``: the gold's headline line (or the labelled title) lost because the record's title is another line: a
  miss of the title picker, measured by the title figures, counted apart;
* ``accepted``: the gold line it came from is one the record schema drops on purpose: a byline, dateline, source
  or editor line, a share/comment bar, a picture credit (``metadata``), the site's disclaimer or copyright
  notice, a related-reading box the gold kept (``boilerplate``).

Each removal is tagged with the cleaner that made it (the module and function that built the
``Removal``), found by watching ``Removal``'s constructor while the audit runs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE))
EVAL = HERE.parent / "shared" / "eval"
WILD = HERE / "fixtures" / "wild"

CLAUSE_RE = re.compile(r"[，。；！？]|[,;.!?]\s")
# A gold line the record schema drops on purpose: the article's byline, dateline, source, editor or picture
# credit, a share/comment bar. Short (a metadata line, not a paragraph that happens to name a reporter).
META_WORD_RE = re.compile(
    r"来源|来自|來源|编辑|編輯|记者|記者|作者|责任编辑|责编|通讯员|發布|发布时间|发表于|时间[:：]|日期|字号|字體|字体|"
    r"评论|分享|打印|列印|关闭窗口|收藏|点击|浏览|阅读|图片|图为|截图|摄影|攝影|摄|攝|供图|文/图|文/圖|原标题|摘自|"
    r"截稿|本报讯|报讯|转载|本文|http|www\.|\d{4}[-/年]\d{1,2}[-/月]\d{1,2}|"
    r"\b(?:By|Updated|Posted|Published|Photo|Image|Credit|Getty|Reuters|AP|AFP)\b", re.I)
DATE_RE = re.compile(r"\d{4}[-/年.]\d{1,2}[-/月.]\d{1,2}|\d{1,2}:\d{2}")


def norm(s: str) -> str:
    """NFKC, case-folded, whitespace collapsed to one space."""
    return " ".join(unicodedata.normalize("NFKC", s).casefold().split())


def tight(s: str) -> str:
    """`norm` with no whitespace and no punctuation (Chinese lines break anywhere; a pull quote repeats a sentence
    with a full stop where the paragraph has a comma)."""
    return re.sub(r"[\W_]+", "", norm(s))


# Site boilerplate a gold set kept: the site's disclaimer under every article, a related-reading box.
BOILER_RE = re.compile(r"^\W{0,3}(?:免责声明|声明[:：]|特别声明|版权声明|推荐阅读|相关阅读|延伸阅读|相关新闻|相关报道|热点推荐|"
                       r"更多精彩|Related\b|Read more\b|Recommended\b)|^.{0,40}(?:©|Copyright\b|All Rights Reserved|版权所有)",
                       re.I)


def accepted_line(line: str, removed: str) -> str:
    """Why taking `removed` from the gold is right ("" when it is damage): the gold line holding it is metadata
    the schema drops (a short byline/dateline/source/credit line with no clause of prose, or the removed text
    itself is one), or site boilerplate (the site's disclaimer or copyright notice, a related-reading box)."""
    for s in (removed, line):
        t = norm(s)
        if BOILER_RE.search(t):
            return "boilerplate"
        if len(t) <= 120 and META_WORD_RE.search(t) and (DATE_RE.search(t) or not CLAUSE_RE.search(t)):
            return "metadata"
    return ""


BOX_HEAD_RE = re.compile(r"^\W{0,3}(?:推荐阅读|相关阅读|延伸阅读|相关新闻|相关报道|相关文章|热点推荐|热门推荐|Related(?: \w+)?|"
                         r"Read more|Recommended(?: \w+)?|More from \w+)\W{0,3}$", re.I)


def in_box(lines: list[str], at: int) -> str:
    """"boilerplate" when gold line `at` is an item of a related-reading box the gold kept: under a heading alone on
    its line (推荐阅读) with only short headline lines between."""
    for k in range(at, max(-1, at - 12), -1):
        if BOX_HEAD_RE.match(lines[k]):
            return "boilerplate"
        if len(lines[k]) > 120 or "。" in lines[k]:
            return ""
    return ""


def prose_like(s: str) -> bool:
    """20+ characters with a clause mark: a sentence, not a menu item or a label."""
    t = norm(s)
    return len(t) >= 20 and bool(CLAUSE_RE.search(t))


# -- which cleaner built each Removal ------------------------------------------------------------------------

_SKIP_FRAMES = ("dataclasses", "copy", "cleaners.record", "<string>")


def watch_removals() -> None:
    """Tag every Removal built from now on with the cleaner (module.function) that built it (``_by``)."""
    from cleaners import record

    if getattr(record.Removal, "_watched", False):
        return
    orig = record.Removal.__init__

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        orig(self, *args, **kwargs)
        f = sys._getframe(1)
        while f is not None and f.f_globals.get("__name__", "").startswith(_SKIP_FRAMES):
            f = f.f_back
        self._by = f"{f.f_globals.get('__name__', '?')}.{f.f_code.co_name}" if f is not None else "?"

    record.Removal.__init__ = init  # type: ignore[method-assign]
    record.Removal._watched = True  # type: ignore[attr-defined]


# -- the check ------------------------------------------------------------------------------------------------

def gold_lines(gold: str) -> list[str]:
    return [ln for ln in (" ".join(x.split()) for x in gold.splitlines()) if ln]


def _took(mark: str, t: str, hay: str) -> bool:
    """The labelled line `mark` is lost from the record (`hay`) and the removal `t` took it or a good part of it."""
    return len(mark) >= 2 and mark not in hay and (mark in t or (t in mark and len(t) >= min(8, len(mark))))


def audit(rec: Any, gold: str | None, labels: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """The removals of one record that took gold text (or, with no gold, labelled dump lines and prose-like ones).
    Returns a dict per case: where, reason, cleaner, text, chars, kind (damage / accepted / prose), why, line."""
    hay = tight("\n".join([rec.title or "", rec.text, *rec.references]))
    out = []
    lines = gold_lines(gold) if gold is not None else []
    gold_t = tight(gold) if gold is not None else ""
    for r in rec.removed:
        t = tight(r.text)
        if len(t) < 2 or t in hay:
            continue
        base = {"where": r.where, "reason": r.reason, "cleaner": getattr(r, "_by", "?"), "text": r.text[:300],
                "chars": len(t)}
        if gold is not None:
            if t not in gold_t:
                continue
            at = next((k for k, ln in enumerate(lines) if t in tight(ln)), None)
            line = lines[at] if at is not None else ""
            why = accepted_line(line, r.text) or (in_box(lines, at) if at is not None else "")
            head = tight(lines[0]) if lines else ""
            if not why and head and head not in hay and (t in head or head in t):
                kind = "title"  # the gold's headline line, lost because the record's title is another line
            else:
                kind = "accepted" if why else "damage"
            out.append({**base, "kind": kind, "why": why, "line": line[:300]})
            continue
        # a labelled dump line (title, first or last line of the article) the record lost, and this removal took
        # it or a good part of it (a short number or word inside it is no evidence)
        marks = [tight(labels.get(k) or "") for k in ("first", "last")] if labels else []
        if any(_took(m, t, hay) for m in marks):
            out.append({**base, "kind": "damage", "line": "(a labelled first or last line)"})
        elif labels and _took(tight(labels.get("title") or ""), t, hay):
            out.append({**base, "kind": "title", "line": "(the labelled title)"})
        elif prose_like(r.text):
            out.append({**base, "kind": "prose"})
    return out


def _job(job: tuple[str, str, str, bytes, str, str | None, str | None, dict[str, Any] | None]) -> dict[str, Any]:
    """Clean one input and audit it: (set, mode, key, data, kind, url, gold, dump labels)."""
    from cleaners import Record, clean_document

    watch_removals()
    name, mode, key, data, kind, url, gold, labels = job
    rec = clean_document(data, key + (".txt" if kind == "text" else ".html"), url=url, kind=kind)
    res: dict[str, Any] = {"set": name, "mode": mode, "key": key, "record": isinstance(rec, Record), "removed": 0,
                           "cases": []}
    if isinstance(rec, Record):
        res["removed"] = len(rec.removed)
        res["spam"] = rec.is_spam_page
        res["cases"] = [{"set": name, "mode": mode, "key": key, **c} for c in audit(rec, gold, labels)]
    return res


# -- the inputs -----------------------------------------------------------------------------------------------

def gold_jobs(name: str, folder: Path, modes: Sequence[str]) -> Iterable[tuple[Any, ...]]:
    from mirrorclean.evaluate import load_set
    from mirrorclean.wildeval import wet_text

    for page in load_set(folder):
        gold = "\n".join(gold_lines(page.gold))
        if "html" in modes:
            yield name, "html", page.key, page.data, "html", page.url, gold, None
        if "gold" in modes and gold.strip():
            yield name, "gold", page.key, gold.encode("utf-8"), "text", None, gold, None
        if "wet" in modes:
            yield name, "wet", page.key, wet_text(page.data).encode("utf-8"), "text", None, gold, None


def _is_holdout(name: str) -> bool:
    return hashlib.sha1(name.encode()).hexdigest()[0] in "0123"


def wild_pages() -> list[tuple[str, dict[str, Any] | None]]:
    """(file, dump labels or None) of the dev and opened ordinary pages with an article."""
    dumps = {}
    for line in (WILD / "dumps.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            if d.get("readable"):
                dumps[d["file"]] = d
    out = []
    for fname in ("labels.jsonl", "opened.jsonl"):  # never holdout.jsonl
        for line in (WILD / fname).read_text("utf-8").splitlines():
            lab = json.loads(line) if line.strip() else {}
            if lab.get("label") == "ordinary" and lab.get("article"):
                out.append((lab["file"], dumps.get(lab["file"])))
    return out


def wild_jobs(modes: Sequence[str]) -> Iterable[tuple[Any, ...]]:
    from mirrorclean.wildeval import wet_text

    pages = EVAL / "wild-2017" / "pages"
    for file, labels in wild_pages():
        data = (pages / file).read_bytes()
        key = file.rsplit(".", 1)[0]
        if "html" in modes:
            yield "wild", "html", key, data, "html", None, None, labels
        if "wet" in modes:
            yield "wild", "wet", key, wet_text(data).encode("utf-8"), "text", None, None, labels


def run(sets: Sequence[str], modes: Sequence[str], jobs: int) -> list[dict[str, Any]]:
    """Clean and audit every input of the chosen sets and modes."""
    inputs: list[tuple[Any, ...]] = []
    if "daniel" in sets:
        inputs += gold_jobs("daniel", EVAL / "daniel-zh-dev", modes)
    if "scrapinghub" in sets:
        inputs += gold_jobs("scrapinghub", EVAL / "scrapinghub-aeb", modes)
    if "wild" in sets:
        inputs += wild_jobs(modes)
    if jobs <= 1:
        return [_job(j) for j in inputs]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(_job, inputs, chunksize=4))


def summary(results: Sequence[dict[str, Any]]) -> list[str]:
    """A line per (set, mode): records, removals, false removals (damage / title / accepted / prose), chars, pages."""
    lines = [f"{'set':12} {'mode':5} {'records':>7} {'removed':>7} {'damage':>6} {'chars':>6} {'pages':>5} "
             f"{'title':>5} {'accepted':>8} {'prose':>5}"]
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in results:
        groups.setdefault((r["set"], r["mode"]), []).append(r)
    for (name, mode), rs in groups.items():
        cases = [c for r in rs for c in r["cases"]]
        dmg = [c for c in cases if c["kind"] == "damage"]
        lines.append(f"{name:12} {mode:5} {sum(r['record'] for r in rs):7} {sum(r['removed'] for r in rs):7} "
                     f"{len(dmg):6} {sum(c['chars'] for c in dmg):6} {len({c['key'] for c in dmg}):5} "
                     f"{sum(c['kind'] == 'title' for c in cases):5} {sum(c['kind'] == 'accepted' for c in cases):8} "
                     f"{sum(c['kind'] == 'prose' for c in cases):5}")
    return lines


def by_reason(results: Sequence[dict[str, Any]]) -> list[str]:
    """Damage counted per reason and cleaner (cases, chars, pages)."""
    cnt: Counter[tuple[str, str, str]] = Counter()
    chars: Counter[tuple[str, str, str]] = Counter()
    pages: dict[tuple[str, str, str], set[str]] = {}
    for r in results:
        for c in r["cases"]:
            k = (c["kind"] + (f"/{c['why']}" if c.get("why") else ""), c["reason"], c["cleaner"])
            cnt[k] += 1
            chars[k] += c["chars"]
            pages.setdefault(k, set()).add(f"{c['set']}/{c['key']}")
    return [f"  {k[0]:20} {k[1]:22} {k[2]:40} {n:4} cases {chars[k]:6} chars {len(pages[k]):4} pages"
            for k, n in sorted(cnt.items(), key=lambda kv: (kv[0][0], -kv[1]))]


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sets", default="daniel,scrapinghub,wild")
    p.add_argument("--modes", default="html,gold,wet")
    p.add_argument("--jobs", type=int, default=1)
    p.add_argument("--cases", action="store_true", help="list every case (damage, accepted, prose)")
    p.add_argument("--json", type=Path, help="write every case here (JSON lines)")
    args = p.parse_args(argv)
    results = run(args.sets.split(","), args.modes.split(","), args.jobs)
    print("\n".join(summary(results)))
    print("per kind, reason and cleaner:")
    print("\n".join(by_reason(results)))
    cases = [c for r in results for c in r["cases"]]
    if args.cases:
        for c in cases:
            print(f"{c['kind']:8} {c.get('why', ''):11} {c['set']}/{c['mode']}/{c['key'][:40]} {c['where']}/{c['reason']} "
                  f"[{c['cleaner']}] {c['text'][:160]!r}" + (f"  <- {c['line'][:120]!r}" if c.get("line") else ""))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            for c in cases:
                fh.write(json.dumps(c, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
