"""Measure: does a title's side part (the `_X` suffix, the `X-` / `X：` prefix) name something the page names
elsewhere (issue 9, title hijacks with brands nobody lists)?

A legitimate suffix names the site or a channel of it, and a site names itself again on its page (logo alt,
copyright line, og:site_name, nav, footer, ICP line, its domain). An injected bare brand (`标题_华体会`) names
something the page never mentions, or mentions only in other planted slots. This script counts, per corpus, the
side parts whose name appears nowhere else on the page (visible text, alt/title attributes, meta other than
keywords/description, link hosts), before any rule is built on that evidence.

    .venv/bin/python bench/title_selfname.py [--show] [--probe /tmp/brand_probe_pages]

Besides the count, two shapes among the parts named nowhere else: a bare coined name (two to four Chinese
characters, not a word of jieba's dictionary: 思路客, 华体会) and a brand's shape (spam.unnamed_brand_piece's: an
alias 米乐m6, a bilingual name 必威betway中文版, a (中国) tag), the one the cleaner acts on. `--probe` adds the
parasites and spam sites as bench/brand_probe.py rewrote them (run it first; its --out folder).

2026-12-07: wild dev ordinary 87 of 254 pages have a side part named nowhere else (30 bare coined parts on 27
pages, 0 brand-shaped: 宽带山KDS came nearest, an acronym named by the page's kdslife.com links); opened ordinary 8
of 42 (5 bare, 0 shaped); DAnIEL 28 of 210 (网易新闻中心 …; 3 bare, 0 shaped); Scrapinghub 2 of 181 (0, 0); dev
parasites 6 of 37 (1 bare, 理微净化, the hacked site's own name; 0 shaped).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cleaners.decode import decode_bytes  # noqa: E402
from cleaners.html import parse_html, text_content  # noqa: E402
from cleaners.spam import TITLE_SEP_RE, _coined, unnamed_brand_piece  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
COLON_RE = re.compile(r"^([^:：]{2,12})[:：](?=\S)")
# words a site or channel name ends in, tried off when the whole name is not found (新浪网 -> 新浪)
GENERIC_TAIL_RE = re.compile(r"(?:官方网站|官方网|官网|网站|首页|门户网|门户|频道|新闻网|资讯网|网|在线|中文版|手机版|app)$", re.I)


def read_page(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def side_parts(title: str) -> list[tuple[str, str]]:
    """(where, part) for every part of a title that is not its main segment: prefix, suffix, colon prefix."""
    parts = [p.strip() for p in TITLE_SEP_RE.split(title) if p.strip()]
    out: list[tuple[str, str]] = []
    if len(parts) > 1:
        main = max(range(len(parts)), key=lambda i: len(parts[i]))
        out += [("prefix" if i < main else "suffix", p) for i, p in enumerate(parts) if i != main and len(p) <= 20]
    elif (m := COLON_RE.match(title)) and len(title) - len(m.group(0)) >= 6:
        out.append(("colon", m.group(1).strip()))
    return out


def page_evidence(html: str) -> tuple[str, str]:
    """(the <title>, everything else the page says of itself): visible text, alt/title attributes, meta content
    except keywords/description, link hosts."""
    tree = parse_html(html)
    title_el = tree.find(".//title")
    title = " ".join(text_content(title_el).split()) if title_el is not None else ""
    for el in list(tree.iter("title", "script", "style")):
        if el.getparent() is not None:
            el.drop_tree()
    bits = [text_content(tree)]
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in ("alt", "title"):
            if el.get(attr):
                bits.append(el.get(attr, ""))
        if el.tag == "meta" and (el.get("name") or "").lower() not in ("keywords", "description"):
            bits.append(el.get("content") or "")
        if el.tag in ("a", "link") and el.get("href"):
            bits.append(re.sub(r"^(?:https?:)?//([^/]+).*", r"\1", el.get("href", "")))
    return title, " ".join(" ".join(bits).split())


def named_elsewhere(part: str, rest: str) -> bool:
    """The part, or the part without a generic tail (新浪网 -> 新浪), or a Latin name among the page's hosts."""
    low = rest.lower()
    p = part.lower().replace(" ", "")
    squeezed = low.replace(" ", "")
    if p in squeezed:
        return True
    core = GENERIC_TAIL_RE.sub("", p)
    return len(core) >= 2 and core in squeezed


BARE_RE = re.compile(r"[\u4e00-\u9fff]{2,4}")


def shape_of(part: str, rest: str) -> str:
    """'shaped' (the cleaner's brand shape, unnamed), 'bare' (a coined bare name) or ''."""
    if unnamed_brand_piece(part, re.sub(r"\s+", "", rest).lower()):
        return "shaped"
    return "bare" if BARE_RE.fullmatch(part) and _coined(part) else ""


def corpora(probe: Path | None = None) -> list[tuple[str, list[tuple[str, Path]]]]:
    wild = EVAL / "wild-2017" / "pages"
    out = []
    for name in ("labels.jsonl", "opened.jsonl"):
        labs = [json.loads(x) for x in open(ROOT / "fixtures" / "wild" / name, encoding="utf-8")]
        for label in ("ordinary", "parasite", "spam_site"):
            out.append((f"wild {name.split('.')[0]} {label}", [(x["file"], wild / x["file"]) for x in labs if x["label"] == label]))
    for name in ("daniel-zh-dev", "scrapinghub-aeb"):
        files = sorted((EVAL / name / "html").iterdir())
        out.append((name, [(f.name, f) for f in files]))
    if probe and probe.is_dir():
        out.append(("brand_probe renamed", [(f.name, f) for f in sorted(probe.iterdir()) if f.suffix == ".html"]))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--show", action="store_true", help="print every side part named nowhere else")
    ap.add_argument("--dump", type=Path, help="write every side part with its verdict (JSON lines)")
    ap.add_argument("--probe", type=Path, help="bench/brand_probe.py's --out folder of renamed pages")
    args = ap.parse_args(argv)
    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None
    for cname, files in corpora(args.probe):
        n_titles = n_parts = n_alone = 0
        shapes: dict[str, int] = {"bare": 0, "shaped": 0}
        pages_alone = set()
        for fname, path in files:
            try:
                html, _ = decode_bytes(read_page(path))
                title, rest = page_evidence(html)
            except Exception:  # noqa: BLE001 - a page that will not parse has no title to measure
                continue
            parts = side_parts(title)
            n_titles += bool(parts)
            for where, part in parts:
                n_parts += 1
                alone = not named_elsewhere(part, rest)
                n_alone += alone
                shape = shape_of(part, rest) if alone else ""
                if shape:
                    shapes[shape] += 1
                if alone:
                    pages_alone.add(fname)
                    if args.show:
                        print(f"  {cname} {fname} {where} {shape or '-'}: {part!r}   <- {title[:80]!r}")
                if dump:
                    dump.write(json.dumps({"corpus": cname, "file": fname, "where": where, "part": part,
                                           "alone": alone, "shape": shape, "title": title}, ensure_ascii=False) + "\n")
        print(f"{cname}: {len(files)} pages, {n_titles} with a side part, {n_parts} parts, "
              f"{n_alone} named nowhere else ({len(pages_alone)} pages; {shapes['bare']} bare coined, "
              f"{shapes['shaped']} brand-shaped)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
