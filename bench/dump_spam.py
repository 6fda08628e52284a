"""Text dumps of the labelled wild-2017 HACKED pages: are they called spam, and are the injected strings gone?

Each labelled parasite and spam site (and, as the confuser, each ordinary page) of a labels file is rendered by
headless Chromium (mirrorclean.dumps: the text a reader sees) and cleaned as `.txt`. Only the labelled
`injected` strings VISIBLE in the dump count: a hidden farm vanishes from innerText and is not expected.

    python bench/dump_spam.py fixtures/wild/labels.jsonl fixtures/wild/opened.jsonl --cache /tmp/renders [-v]
    python bench/dump_spam.py fixtures/wild/holdout.jsonl --cache /tmp/renders --totals   # untouched: totals only

Per split: parasites with visible injection called spam, and with a visible string left in the record's title
or text; spam sites called spam; ordinary pages (with the dumps of fixtures/wild/dumps.jsonl of that split)
called spam, or with a spam removal cut from the title or text (mirrorclean.wildeval.spam_removals).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE))


def _norm(s: str) -> str:
    from mirrorclean.dumps import _norm as norm

    return norm(s)


def page_result(lab: dict[str, Any], text: str | None) -> dict[str, Any]:
    """Clean one dump: its visible injected strings, the verdict, the visible strings left, the spam cuts."""
    from cleaners import Record, clean_document
    from mirrorclean.wildeval import spam_removals

    dump = _norm(text or "")
    visible = [t for t in lab.get("injected", []) if t.strip() and _norm(t) in dump]
    rec = clean_document((text or "").encode("utf-8"), lab["file"], kind="text")
    is_rec = isinstance(rec, Record)
    out = rec.to_dict() if is_rec else {}
    hay = _norm("\n".join([out.get("title") or "", out.get("text") or ""]))
    return {"file": lab["file"], "label": lab["label"], "record": is_rec, "rendered": text is not None,
            "spam": bool(out.get("is_spam_page")), "visible": visible,
            "left": [t for t in visible if _norm(t) in hay], "title": out.get("title"),
            "cut": [r["text"][:60] for r in spam_removals(out)] if is_rec else [],
            "terms": out.get("spam_terms", [])}


def run(labels: Path, cache: Path | None, with_dumps: Path | None) -> tuple[dict[str, int], list[dict[str, Any]]]:
    """Counts and per-page results for one labels file."""
    from mirrorclean.dumps import cached_text, chromium

    pages = HERE.parent / "shared" / "eval" / "wild-2017" / "pages"
    rows = [json.loads(ln) for ln in labels.read_text("utf-8").splitlines() if ln.strip()]
    rows = [r for r in rows if r["label"] in ("parasite", "spam_site", "ordinary")]
    names = {r["file"] for r in rows}
    extra: list[dict[str, Any]] = []
    if with_dumps is not None:  # the article dumps mirrorclean.dumps --wild scores, of this file's pages
        extra = [{"file": d["file"], "label": "ordinary", "injected": []}
                 for d in (json.loads(ln) for ln in with_dumps.read_text("utf-8").splitlines() if ln.strip())
                 if d["file"] not in names and d.get("readable") and _in_split(d["file"], labels.name)]
    c = {k: 0 for k in ("parasites", "parasites_visible", "parasites_called", "parasites_left", "sites",
                        "sites_called", "ordinary", "ordinary_called", "ordinary_cut")}
    results = []
    with chromium() as driver:
        for lab in rows + extra:
            res = page_result(lab, cached_text(driver, pages / lab["file"], cache))
            results.append(res)
            if res["label"] == "parasite":
                c["parasites"] += 1
                if res["visible"]:
                    c["parasites_visible"] += 1
                    c["parasites_called"] += res["spam"] or not res["record"]
                    c["parasites_left"] += bool(res["left"])
            elif res["label"] == "spam_site":
                c["sites"] += 1
                c["sites_called"] += res["spam"] or not res["record"]
            else:
                c["ordinary"] += 1
                c["ordinary_called"] += res["spam"]
                c["ordinary_cut"] += bool(res["cut"])
    return c, results


def _in_split(name: str, labels_file: str) -> bool:
    """Whether a page belongs to the split of this labels file (fixtures/wild/split.py: by the page's name)."""
    import hashlib

    digest = hashlib.sha1(name.encode()).hexdigest()
    split = ("opened" if digest[1] in "01234567" else "holdout") if digest[0] in "0123" else "dev"
    return {"labels.jsonl": "dev", "opened.jsonl": "opened", "holdout.jsonl": "holdout"}.get(labels_file) == split


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="bench/dump_spam.py", description=__doc__.split("\n\n")[0])
    p.add_argument("labels", type=Path, nargs="+")
    p.add_argument("--cache", type=Path, help="rendered dumps (mirrorclean.dumps --cache)")
    p.add_argument("--dumps", type=Path, default=HERE / "fixtures" / "wild" / "dumps.jsonl",
                   help="article dumps also scored as ordinary pages (those of the same split)")
    p.add_argument("--totals", action="store_true", help="totals only (the untouched holdout)")
    p.add_argument("-v", "--verbose", action="store_true", help="every miss: page, title, visible and left strings")
    args = p.parse_args(argv)
    for labels in args.labels:
        c, results = run(labels, args.cache, args.dumps)
        print(f"{labels.name}: parasites with visible injection called spam {c['parasites_called']}/"
              f"{c['parasites_visible']} (of {c['parasites']}), with a visible string left {c['parasites_left']}/"
              f"{c['parasites_visible']}; spam sites called {c['sites_called']}/{c['sites']}; ordinary dumps called "
              f"spam {c['ordinary_called']}/{c['ordinary']}, with a spam cut {c['ordinary_cut']}/{c['ordinary']}")
        if args.verbose and not args.totals:
            for r in results:
                bad = (r["label"] == "parasite" and r["visible"] and (not (r["spam"] or not r["record"]) or r["left"])
                       or r["label"] == "spam_site" and r["record"] and not r["spam"]
                       or r["label"] == "ordinary" and (r["spam"] or r["cut"]))
                if bad:
                    print("  ", json.dumps(r, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
