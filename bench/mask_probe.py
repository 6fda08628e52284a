"""Mask probe: how often `censored_gap` finds a name a keyword filter MASKED, per filter style, and what it
flags on real mask-like runs that hide no name.

    .venv/bin/python bench/mask_probe.py [-v] [--extract]

Positives: real sentences naming a leader or the party -- the originals of the GAP/HIDDEN rows of
fixtures/flags/censor_real.tsv and censor_daniel.tsv (development parts only; never the held-out files or
blind6) and the team's blind..blind5 LEGIT rows that hold an intact name -- with every blacklisted term
(build_real.NAMES, 共产党, 中共; 中国共产党 keeps 中国) replaced the way real forum/CMS word filters do it:
a fixed ``***`` or ``**`` whatever the word, one ``*``/``×``/``□``/``X`` per character, or a tag that says
it was filtered (``[屏蔽]``, ``<敏感词>``, ``(已屏蔽)``). A row is found when a flag overlaps one of its masks;
a flag overlapping none is false. "pages" joins the masked sentences of each real page, one per line (the
filter went over the whole page), for the page-level evidence.

Confusers: fixtures/flags/mask_confusers.tsv, real mask-like runs in context from the wild-2017 dev pages
and the DAnIEL pages, labelled by reading (LEGIT: any flag is false; AMBIG: a template's placeholder for a
real leader, reported apart). ``--extract`` lists the candidate runs those rows were chosen from.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "fixtures" / "flags"))

import build_real  # noqa: E402

from cleaners.censor import find_censored_gaps  # noqa: E402

FIXTURES = ROOT / "fixtures" / "flags"
DEV_FILES = ("censor_real.tsv", "censor_daniel.tsv")
BLIND_FILES = tuple(f"censor_blind{s}.tsv" for s in ("", "2", "3", "4", "5"))
TERMS = tuple(sorted([*build_real.NAMES, "共产党", "中共"], key=len, reverse=True))
_TERM_RE = re.compile("|".join(map(re.escape, TERMS)))
STYLES = {
    "***": lambda term: "***",
    "**": lambda term: "**",
    "*/char": lambda term: "*" * len(term),
    "×/char": lambda term: "×" * len(term),
    "□/char": lambda term: "□" * len(term),
    "X/char": lambda term: "X" * len(term),
    "[屏蔽]": lambda term: "[屏蔽]",
    "<敏感词>": lambda term: "<敏感词>",
    "(已屏蔽)": lambda term: "(已屏蔽)",
}


def originals() -> list[tuple[str, str]]:
    """(page or source, sentence) of every real sentence holding a blacklisted term, deduplicated."""
    out: dict[str, str] = {}
    for name in DEV_FILES:
        for line in (FIXTURES / name).read_text("utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 4 and parts[0] in ("GAP", "HIDDEN") and "original: " in parts[3]:
                out.setdefault(parts[3].split("original: ", 1)[1], f"{name}:{parts[3].split(';')[0]}")
    for name in BLIND_FILES:
        for line in (FIXTURES / name).read_text("utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 2 and parts[0] == "LEGIT" and _TERM_RE.search(parts[1]):
                out.setdefault(parts[1], name)
    return [(source, sentence) for sentence, source in out.items() if _TERM_RE.search(sentence)]


def mask(sentence: str, style: str) -> tuple[str, list[tuple[int, int]]]:
    """The sentence with every blacklisted term masked in `style`, and the masks' spans."""
    out, spans, i = [], [], 0
    for m in _TERM_RE.finditer(sentence):
        out.append(sentence[i : m.start()])
        at = sum(map(len, out))
        run = STYLES[style](m.group(0))
        out.append(run)
        spans.append((at, at + len(run)))
        i = m.end()
    out.append(sentence[i:])
    return "".join(out), spans


def _hits(flags: list[dict], spans: list[tuple[int, int]]) -> tuple[list[dict], list[dict]]:
    """Flags on a mask or the character on either side of it (as the real sets' residues), and the others."""
    good = [f for f in flags if any(f["start"] < e + 1 and f["end"] > s - 1 for s, e in spans)]
    return good, [f for f in flags if f not in good]


def probe(verbose: bool = False) -> dict[str, tuple[int, int, int, int, int, int, int, int]]:
    """Per style: (rows, found, false flags, real rows, real rows found, page rows, found, false flags);
    "real" rows are the originals from real pages (censor_real, censor_daniel), the rest the team's blind rows."""
    rows = originals()
    result = {}
    for style in STYLES:
        found = false = real = real_found = 0
        by_page: dict[str, list[str]] = defaultdict(list)
        for source, sentence in rows:
            text, spans = mask(sentence, style)
            good, bad = _hits(find_censored_gaps(text), spans)
            found += bool(good)
            false += len(bad)
            real += source.startswith(DEV_FILES)
            real_found += bool(good) and source.startswith(DEV_FILES)
            if verbose and not good:
                print(f"  miss [{style}] {text}")
            for f in bad if verbose else ():
                print(f"  FALSE [{style}] {text} -> {text[f['start']:f['end']]}")
            if source.startswith(DEV_FILES):
                by_page[source].append(sentence)
        pfound = pfalse = prow = 0
        for sentences in by_page.values():
            texts, spans, offset = [], [], 0
            per_row = []
            for sentence in sentences:
                text, mine = mask(sentence, style)
                per_row.append([(s + offset, e + offset) for s, e in mine])
                texts.append(text)
                offset += len(text) + 1
            flags = find_censored_gaps("\n".join(texts))
            prow += len(sentences)
            pfound += sum(bool(_hits(flags, mine)[0]) for mine in per_row)
            pfalse += len(_hits(flags, [s for mine in per_row for s in mine])[1])
        result[style] = (len(rows), found, false, real, real_found, prow, pfound, pfalse)
    return result


def confusers(verbose: bool = False) -> tuple[int, int, int, int]:
    """(LEGIT rows, false flags on them, AMBIG rows, AMBIG rows flagged)."""
    legit = false = ambig = ambig_flagged = 0
    for line in (FIXTURES / "mask_confusers.tsv").read_text("utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        label, text = line.split("\t")[:2]
        flags = find_censored_gaps(text)
        if label == "AMBIG":
            ambig += 1
            ambig_flagged += bool(flags)
            continue
        legit += 1
        false += len(flags)
        for f in flags if verbose else ():
            print(f"  FALSE [confuser] {text} -> {text[f['start']:f['end']]}")
    return legit, false, ambig, ambig_flagged


def extract() -> None:
    """Print candidate mask-like runs in context from the pages the confusers were chosen from."""
    import gzip
    import json

    import lxml.html

    from cleaners.decode import decode_bytes

    shared = ROOT.parent / "shared" / "eval"
    run_re = re.compile(r"[*＊×✕□■●○〇◯]{2,}|(?<![A-Za-z])[xXＸ]{2,}(?![A-Za-z])|[*＊]|[\[【（(<《＜][^\]】）)>》＞\n]{0,4}"
                        r"(?:屏蔽|敏感|和谐|河蟹|过滤|已删除)[^\]】）)>》＞\n]{0,6}[\]】）)>》＞]")
    dev = [json.loads(line)["file"] for line in (ROOT / "fixtures" / "wild" / "labels.jsonl").open(encoding="utf-8")]
    pages = [(f"wild:{f}", (shared / "wild-2017" / "pages" / f).read_bytes()) for f in dev]
    pages += [(f"daniel:{p.name}", p.read_bytes()) for p in sorted((shared / "daniel-zh-dev" / "html").glob("*.html"))]
    pages += [(f"sh:{p.name[:12]}", gzip.decompress(p.read_bytes()))
              for p in sorted((shared / "scrapinghub-aeb" / "html").glob("*.html.gz"))]
    for name, raw in pages:
        try:
            doc = lxml.html.fromstring(decode_bytes(raw)[0])
        except Exception:  # noqa: BLE001 - an unparsable page is skipped
            continue
        for bad in doc.xpath("//script|//style"):
            bad.drop_tree()
        for line in doc.text_content().splitlines():
            for m in run_re.finditer(line):
                if re.search(r"[\u4e00-\u9fff]", line[max(0, m.start() - 3) : m.end() + 3]):
                    print(f"{name}\t{m.group(0)[:12]}\t{line[max(0, m.start() - 50) : m.end() + 50].strip()}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and false flags")
    parser.add_argument("--extract", action="store_true", help="list candidate confuser runs from the pages")
    args = parser.parse_args()
    if args.extract:
        extract()
        return 0
    print(f"{'style':<9} {'rows':>5} {'found':>5} {'recall':>6} {'false':>5} | {'real':>4} {'found':>5} {'recall':>6} | "
          f"{'pages':>5} {'found':>5} {'recall':>6} {'false':>5}")
    for style, (n, found, false, real, rfound, prow, pfound, pfalse) in probe(args.verbose).items():
        print(f"{style:<9} {n:>5} {found:>5} {found / n:>6.3f} {false:>5} | {real:>4} {rfound:>5} {rfound / real:>6.3f} | "
              f"{prow:>5} {pfound:>5} {pfound / max(prow, 1):>6.3f} {pfalse:>5}")
    legit, false, ambig, ambig_flagged = confusers(args.verbose)
    print(f"confusers: {legit} real mask-like runs hiding no name, {false} false flags; "
          f"{ambig} template placeholders for a real leader, {ambig_flagged} flagged")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
