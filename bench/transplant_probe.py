"""Transplant probe: do the page-level injection rules hold on host pages and placements they were not tuned on?

Donors are the real injection blocks of the labelled wild-2017 parasite pages (fixtures/wild/labels.jsonl, or
opened.jsonl with ``--donors opened``): for each page, the smallest elements holding its labelled `injected`
strings, with the hiding they carry (the element's own style, the hidden ancestor that hides it, the page's
<style> rules for the classes and ids it uses, the script that hides it or wraps it in a hidden element, the
after-</html> position), and the title or meta keywords when those hold the strings. Hosts are real pages with
no spam: DAnIEL's HTML pages (gold text in reference/) and the dev `ordinary` wild-2017 pages with
`article: true`. Each donor goes into a deterministic sample of hosts at the placement its `where` label says
(body end, the footer, before or after </html>, the head) and at one other plausible one (after the article,
the body's start, the other side of the title).

Per pair: whether the page is called spam, which of the donor's injected strings are left in the record's
title/text (strings the host's own record already holds do not count), and damage to the host: its record
without the donor against its record with it (any host shingle lost), and for DAnIEL the shingle F1 against
gold (any drop). The holdout is never read.

    python bench/transplant_probe.py [--donors dev|opened] [--pairs 480] [--jobs 2] [--cases out.jsonl]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import lxml.etree
import lxml.html

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
WILD = EVAL / "wild-2017" / "pages"
DANIEL = EVAL / "daniel-zh-dev"
LABELS = {"dev": ROOT / "fixtures" / "wild" / "labels.jsonl", "opened": ROOT / "fixtures" / "wild" / "opened.jsonl"}

INLINE = {"a", "font", "b", "strong", "em", "i", "u", "small", "big", "img", "br", "span", "nobr"}
BLOCKS = {"div", "p", "td", "li", "ul", "ol", "dl", "dd", "dt", "table", "tr", "tbody", "marquee", "section",
          "center", "footer", "span", "font", "h1", "h2", "h3", "h4", "h5", "h6", "form", "nav", "article", "aside"}


def norm(s: str) -> str:
    return unicodedata.normalize("NFKC", s).casefold()


def read_html(path: Path) -> str:
    from cleaners.decode import decode_bytes

    text, _ = decode_bytes(path.read_bytes())
    return text


# ------------------------------------------------------------------ donors


def _css_rules(tree: lxml.html.HtmlElement, names: set[str]) -> list[str]:
    """The page's <style> rules whose selectors name one of `names` (".cls" / "#id")."""
    out = []
    for style in tree.iter("style"):
        css = re.sub(r"/\*.*?\*/", "", style.text or "", flags=re.S)
        for sel, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
            if any(re.search(rf"{re.escape(n)}(?![\w-])", sel) for n in names):
                out.append(f"{sel.strip()}{{{body.strip()}}}")
    return out


def _names(els: list[lxml.html.HtmlElement]) -> set[str]:
    names = set()
    for el in els:
        for d in el.iter():
            if not isinstance(d.tag, str):
                continue
            names.update("." + c for c in (d.get("class") or "").split())
            if d.get("id"):
                names.add("#" + d.get("id"))
    return names


WRITE_OPEN = re.compile(r"document\.write(?:ln)?\s*\(\s*['\"]\s*<(div|span|p|marquee)\b([^>]*)>", re.I)
WRITE_CLOSE = re.compile(r"document\.write(?:ln)?\s*\(\s*['\"]\s*</(div|span|p|marquee)>", re.I)


def _wrapped_runs(tree: lxml.html.HtmlElement) -> list[list[lxml.html.HtmlElement]]:
    """Runs of siblings between a script writing an opening tag and one writing its end (the probe's own reading,
    looser than the cleaner's, so that the donors do not depend on the cleaner's version)."""
    from cleaners.inject import _script_text

    runs = []
    for script in tree.iter("script"):
        if not WRITE_OPEN.search(_script_text(script)):
            continue
        run = []
        for sib in script.itersiblings():
            if sib.tag == "script" and WRITE_CLOSE.search(_script_text(sib)):
                break
            run.append(sib)
        if run:
            runs.append(run)
    return runs


def _tostring(el: lxml.html.HtmlElement) -> str:
    return lxml.html.tostring(el, encoding=str, with_tail=False)


def extract_donors(lab: dict[str, Any]) -> list[dict[str, Any]]:
    """The injection blocks of one labelled parasite page (see the module docstring)."""
    from cleaners.decode import DecodeError
    from cleaners.html import HiddenScan, parse_html
    from cleaners.inject import _script_text, top_levels

    try:
        html = read_html(WILD / lab["file"])
    except DecodeError:
        return []  # the cleaner rejects the page as unreadable: no block to carry
    tree = parse_html(html)
    strings = [s for s in lab["injected"] if s.strip()]
    donors: list[dict[str, Any]] = []
    left = list(strings)
    # title and meta
    title_el = tree.find(".//title")
    title = " ".join((title_el.text_content() if title_el is not None else "").split())
    in_title = [s for s in strings if norm(s) in norm(title)]
    if in_title:
        donors.append({"kind": "title", "title": title, "strings": in_title})
    for meta in tree.iter("meta"):
        name = (meta.get("name") or "").lower()
        content = meta.get("content") or ""
        inside = [s for s in strings if norm(s) in norm(content)]
        if name in {"keywords", "description"} and inside:
            donors.append({"kind": "meta", "name": name, "content": content, "strings": inside})
    # body blocks
    scan = HiddenScan(tree)
    hidden = {el for el, css in zip(scan.elements, scan.css_hidden, strict=True) if css or el.get("id") in scan.scripted}
    wrapped = _wrapped_runs(tree)
    tops = top_levels(tree)
    text_of: dict[lxml.html.HtmlElement, str] = {}
    elements = [el for top in tops for el in top.iter() if isinstance(el.tag, str)
                and el.tag not in {"script", "style", "title", "head", "meta", "noscript"}]
    for el in elements:
        text_of[el] = norm(" ".join(el.text_content().split()))
    blocks: dict[lxml.html.HtmlElement, dict[str, Any]] = {}
    for s in strings:
        ns = norm(s)
        holders = [el for el in elements if ns in text_of[el]]
        if not holders:
            continue
        deepest = [el for el in holders if not any(ns in text_of.get(c, "") for c in el if isinstance(c.tag, str))]
        for el in deepest:
            block, how = el, "visible"
            while block.tag in INLINE and block.getparent() is not None and block.getparent().tag not in {"body", "html"}:
                if block in hidden:
                    break
                block = block.getparent()
            # the element that hides it, if any: itself or its nearest hidden ancestor
            for anc in (block, *block.iterancestors()):
                if anc in hidden:
                    block, how = anc, ("script" if anc.get("id") in scan.scripted else
                                       "marquee" if anc.tag == "marquee" else "style")
                    break
            run = next((r for r in wrapped if any(x is block or x in block.iterancestors() for x in r)), None)
            if run is not None:
                how = "script_wrap"
                block = next(x for x in run if x is block or x in block.iterancestors())
            top = next((t for t in tops[1:] if block is t or t in block.iterancestors()), None)
            if top is not None:
                how = "after_html"
            if len(text_of.get(block, "")) > 20000:
                continue  # a block as big as the page: the strings are spliced into the article
            entry = blocks.setdefault(block, {"how": how, "strings": [], "run": run, "after": top is not None})
            if s not in entry["strings"]:
                entry["strings"].append(s)
            if s in left:
                left.remove(s)
    # outermost blocks only; siblings of one parent make one donor
    keep = [b for b in blocks if not any(a in blocks for a in b.iterancestors())]
    groups: dict[Any, list[lxml.html.HtmlElement]] = defaultdict(list)
    for b in keep:
        groups[(b.getparent(), blocks[b]["how"])].append(b)
    for (_parent, how), els in groups.items():
        parts = []
        rules = _css_rules(tree, _names(els + [a for a in els[0].iterancestors()][:0]))
        if rules:
            parts.append("<style>" + "\n".join(rules) + "</style>")
        ids = {el.get("id") for el in els if el.get("id")}
        scripts = []
        for script in tree.iter("script"):
            code = _script_text(script)  # string concatenation undone: 't'+'e'+'s'+'i' -> tesi
            if ids and any(re.search(rf"['\"]{re.escape(i)}['\"]", code) for i in ids):
                scripts.append(_tostring(script))
        run = blocks[els[0]]["run"]
        if run is not None:
            opener = next((s for s in run[0].itersiblings(preceding=True) if s.tag == "script"), None)
            closer = next((s for s in run[-1].itersiblings() if s.tag == "script"), None)
            body = "".join(_tostring(x) for x in run if isinstance(x.tag, str))
            parts.append((_tostring(opener) if opener is not None else "") + body
                         + (_tostring(closer) if closer is not None else ""))
        else:
            parts.append("".join(_tostring(el) for el in els))
        parts += scripts
        strs = list(dict.fromkeys(s for el in els for s in blocks[el]["strings"]))
        n_chars = sum(len(text_of[el]) for el in els)
        kind = how if how != "visible" else ("links" if any(el.tag != "p" and len(el.findall(".//a")) >= 3 for el in els)
                                             else "visible")
        donors.append({"kind": kind, "html": "\n".join(parts), "strings": strs, "after_html": blocks[els[0]]["after"],
                       "chars": n_chars})
    # a page whose <title> swallowed the document (w000529's unclosed title) gives no block to carry
    donors = [d for d in donors if len(d.get("title", "")) <= 150 and not d.get("html", "").lstrip().startswith("<html")]
    for d in donors:
        d["page"] = lab["file"]
        d["where"] = lab["where"]
    return donors


# ------------------------------------------------------------------ hosts and placements


def hosts(limit_daniel: int = 60) -> list[dict[str, Any]]:
    """DAnIEL pages (the first `limit_daniel` of ids.txt, with gold) and the dev ordinary wild articles."""
    out = []
    ids = [ln.strip() for ln in (DANIEL / "ids.txt").read_text("utf-8").splitlines() if ln.strip()]
    for i in ids[:limit_daniel]:
        gold = re.sub(r"<[^>]+>", "\n", (DANIEL / "reference" / f"{i}.txt").read_text("utf-8"))
        out.append({"host": f"daniel/{i}", "path": str(DANIEL / "html" / f"{i}.html"), "gold": gold})
    for line in LABELS["dev"].read_text("utf-8").splitlines():
        lab = json.loads(line)
        if lab["label"] == "ordinary" and lab["article"]:
            out.append({"host": f"wild/{lab['file']}", "path": str(WILD / lab["file"]), "gold": None})
    return out


CHARSET_RE = re.compile(r"(<meta[^>]+charset\s*=\s*['\"]?)([\w-]+)", re.I)


def _utf8(html: str) -> str:
    return CHARSET_RE.sub(lambda m: m.group(1) + "utf-8", html)


def _before_last(html: str, tag: str, piece: str) -> str | None:
    i = html.lower().rfind(tag)
    return None if i < 0 else html[:i] + piece + html[i:]


FOOTER_RE = re.compile(r"版权所有|copyright|©|icp备|ICP证|京公网安备|关于我们|联系我们", re.I)


def _insert_at_element(html: str, find, piece: str, after: bool = True) -> str | None:
    """Insert `piece` after (or before) the element `find(tree)` returns, by re-serialising the tree."""
    from cleaners.html import parse_html

    tree = parse_html(html)
    el = find(tree)
    if el is None or el.getparent() is None:
        return None
    frag = lxml.html.fragments_fromstring(piece)
    parent, pos = el.getparent(), el.getparent().index(el) + (1 if after else 0)
    for k, f in enumerate(frag):
        if isinstance(f, str):
            continue
        parent.insert(pos + k, f)
    return lxml.html.tostring(tree, encoding=str, doctype="<!DOCTYPE html>")


def _footer(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The host's footer: its last smallish block holding 版权所有 / Copyright / ICP."""
    best = None
    for el in tree.iter("div", "p", "td", "footer", "table", "ul"):
        t = el.text_content()
        if FOOTER_RE.search(t) and len(t) < 600:
            best = el
    if best is not None:
        while best.tag == "td" and best.getparent() is not None:
            best = best.getparent()
    return best


def _article_end(record_text: str):
    """The element holding the host record's last paragraph (the article's end)."""
    paras = [p for p in record_text.split("\n") if len(p) >= 12]
    probe = norm(paras[-1][:12]) if paras else None

    def find(tree):
        if probe is None:
            return None
        hit = None
        for el in tree.iter("p", "div", "td", "span"):
            if probe in norm("".join(el.itertext())) and len(el.text_content()) < 5000:
                hit = el
                break
        return hit
    return find


ELEMENT_PLACEMENTS = {"footer", "after_article"}


def place(host_html: str, host_text: str, donor: dict[str, Any], placement: str) -> str | None:
    """The host's HTML with the donor at `placement`; None when the host has no such place."""
    if donor["kind"] == "title":
        m = re.search(r"(<title[^>]*>)(.*?)(</title>)", host_html, re.I | re.S)
        if not m:
            return None
        inj = donor["strings"][0]
        piece = inj if placement == "title_suffix" else inj
        new = (m.group(2).strip() + "_" + piece) if placement == "title_suffix" else (piece + "-" + m.group(2).strip())
        return host_html[:m.start(2)] + new + host_html[m.end(2):]
    if donor["kind"] == "meta":
        tag = f'<meta name="{donor["name"]}" content="{lxml.html.escape(donor["content"]) if hasattr(lxml.html, "escape") else donor["content"].replace(chr(34), "&quot;")}">'
        cleaned = re.sub(rf"<meta[^>]+name\s*=\s*['\"]?{donor['name']}['\"]?[^>]*>", "", host_html, flags=re.I)
        if placement == "meta_head":
            return _before_last(cleaned, "</head>", tag) or None
        return re.sub(r"(<head[^>]*>)", lambda m: m.group(1) + tag, cleaned, count=1, flags=re.I)
    piece = donor["html"]
    if placement == "body_end":
        return _before_last(host_html, "</body>", piece) or _before_last(host_html, "</html>", piece)
    if placement == "after_html":
        return host_html.rstrip() + "\n" + piece if "</html>" in host_html.lower() else None
    if placement == "body_start":
        m = re.search(r"<body[^>]*>", host_html, re.I)
        return host_html[:m.end()] + piece + host_html[m.end():] if m else None
    if placement == "footer":
        return _insert_at_element(host_html, _footer, piece)
    if placement == "after_article":
        return _insert_at_element(host_html, _article_end(host_text), piece)
    raise ValueError(placement)


def placements(donor: dict[str, Any]) -> tuple[str, str]:
    """(the placement the donor's `where` says, one other plausible one)."""
    if donor["kind"] == "title":
        return "title_suffix", "title_prefix"
    if donor["kind"] == "meta":
        return "meta_head", "meta_top"
    if donor.get("after_html"):
        return "after_html", "body_end"
    where = set(donor["where"])
    if donor["kind"] in {"links", "visible"} and where & {"footer", "friend_links"}:
        return "footer", "after_article"
    if "body" in where and donor["kind"] == "visible":
        return "after_article", "body_end"
    return "body_end", ("after_article" if donor["kind"] not in {"script_wrap"} else "footer")


# ------------------------------------------------------------------ measuring


def _clean(html: str, name: str) -> dict[str, Any]:
    from cleaners import clean_document

    out = clean_document(html, name).to_dict()
    out["_kind"] = "reject" if "reason" in out and "text" not in out else "record"
    return out


def _hay(out: dict[str, Any]) -> str:
    return norm("\n".join([out.get("title") or "", out.get("text") or "", *out.get("references", [])]))


def _host_job(host: dict[str, Any]) -> dict[str, Any]:
    from cleaners.html import parse_html

    html = _utf8(read_html(Path(host["path"])))
    base = _clean(html, host["host"])
    # the element placements re-serialise the tree (lxml): their baseline is the host re-serialised alone
    ser = lxml.html.tostring(parse_html(html), encoding=str, doctype="<!DOCTYPE html>")
    return {**host, "html": html, "base": base, "ser_base": _clean(ser, host["host"])}


def _pair_job(job: tuple[dict[str, Any], dict[str, Any], str]) -> dict[str, Any]:
    from mirrorclean.score import f1, shingles

    host, donor, placement = job
    html = place(host["html"], host["base"].get("text") or "", donor, placement)
    row = {"host": host["host"], "donor": donor["page"], "kind": donor["kind"], "placement": placement,
           "main": placement == placements(donor)[0]}
    if html is None:
        row["skipped"] = True
        return row
    base = host["ser_base"] if placement in ELEMENT_PLACEMENTS else host["base"]
    if base["_kind"] == "reject" and host["base"]["_kind"] == "record":
        row["skipped"] = True  # re-serialising alone loses the host's article: not the donor's doing
        return row
    out = _clean(html, host["host"])
    base_hay, hay = _hay(base), _hay(out)
    row["spam"] = bool(out.get("is_spam_page"))
    row["left"] = [s for s in donor["strings"] if norm(s) in hay and norm(s) not in base_hay]
    # damage: host shingles of the record without the donor that the record with it lost
    b_sh, o_sh = shingles(base.get("text") or ""), shingles(out.get("text") or "")
    lost = sum((b_sh - o_sh).values())
    row["lost_shingles"] = lost
    row["base_chars"] = len(base.get("text") or "")
    row["became_reject"] = base["_kind"] == "record" and out["_kind"] == "reject"
    if host.get("gold"):
        row["gold_drop"] = round(f1(base.get("text") or "", host["gold"]) - f1(out.get("text") or "", host["gold"]), 4)
    row["damage"] = bool(row["became_reject"] or lost > 0 or row.get("gold_drop", 0) > 0.001)
    row["removed"] = [r["reason"] for r in out.get("removed", [])][:20]
    return row


def sample_pairs(donors: list[dict[str, Any]], host_list: list[dict[str, Any]], per_donor: int) -> list[tuple[int, int]]:
    """A deterministic sample: each donor with `per_donor` hosts picked by a hash of the pair's names."""
    pairs = []
    for di, d in enumerate(donors):
        ranked = sorted(range(len(host_list)),
                        key=lambda hi: hashlib.sha1(f"{d['page']}|{d['kind']}|{host_list[hi]['host']}".encode()).hexdigest())
        pairs += [(di, hi) for hi in ranked[:per_donor]]
    return pairs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--donors", choices=sorted(LABELS), default="dev")
    ap.add_argument("--pairs", type=int, default=480, help="about this many donor-host pairs (each at 2 placements)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--cases", type=Path, help="write every pair (JSON lines) here")
    ap.add_argument("--list-donors", action="store_true", help="print the donors and stop")
    args = ap.parse_args(argv)

    labs = [json.loads(ln) for ln in LABELS[args.donors].read_text("utf-8").splitlines() if ln.strip()]
    donors = [d for lab in labs if lab["label"] == "parasite" for d in extract_donors(lab)]
    if args.list_donors:
        for d in donors:
            print(json.dumps({k: (v[:300] if isinstance(v, str) else v) for k, v in d.items()}, ensure_ascii=False))
        return 0
    host_list = hosts()
    per_donor = max(1, round(args.pairs / max(1, len(donors))))
    pairs = sample_pairs(donors, host_list, per_donor)
    used = sorted({hi for _, hi in pairs})
    with ProcessPoolExecutor(args.jobs) as pool:
        ready = dict(zip(used, pool.map(_host_job, [host_list[i] for i in used], chunksize=4), strict=True))
        jobs = [(ready[hi], donors[di], p) for di, hi in pairs for p in placements(donors[di])]
        rows = list(pool.map(_pair_job, jobs, chunksize=4))
    rows = [r for r in rows if not r.get("skipped")]
    if args.cases:
        args.cases.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    print(f"donors: {len(donors)} blocks from {len({d['page'] for d in donors})} {args.donors} parasite pages "
          f"({', '.join(f'{k} {v}' for k, v in sorted(Counter(d['kind'] for d in donors).items()))}); "
          f"hosts used: {len(used)}; pairs measured: {len(rows)}")
    print(report(rows))
    return 0


def report(rows: list[dict[str, Any]]) -> str:
    lines = ["| donor kind | placement | pairs | called spam | strings left | host damaged |", "|---|---|---|---|---|---|"]
    by: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by[(r["kind"], ("main: " if r["main"] else "other: ") + r["placement"])].append(r)
    for (k, p), rs in sorted(by.items()):
        lines.append(f"| {k} | {p} | {len(rs)} | {sum(r['spam'] for r in rs)} | {sum(bool(r['left']) for r in rs)} | "
                     f"{sum(r['damage'] for r in rs)} |")
    for main in (True, False):
        rs = [r for r in rows if r["main"] == main]
        lines.append(f"| **all** | {'main' if main else 'other'} | {len(rs)} | {sum(r['spam'] for r in rs)} | "
                     f"{sum(bool(r['left']) for r in rs)} | {sum(r['damage'] for r in rs)} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
