"""Audit of hidden blocks on real pages (issue 9): every hidden block html.HiddenElements spares as a revealed
article (`_revealed_article`, `_revealed_paragraphs`), and every hidden block with anchors to other registrable
domains that inject.HiddenLinks does not report, with the page's wild-2017 label.

    python bench/hidden_block_audit.py [DIR_OR_FILE ...]   (default: wild-2017 dev + opened pages, DAnIEL, Scrapinghub)

Never reads the wild-2017 holdout (fixtures/wild/holdout.jsonl).
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaners.decode import DecodeError, decode_bytes  # noqa: E402
from cleaners.html import (  # noqa: E402
    HiddenElements,
    HiddenScan,
    _revealed_article,
    _revealed_paragraphs,
    hidden_candidates,
    parse_html,
)
from cleaners.inject import (  # noqa: E402
    AnchorTable,
    HiddenLinks,
    _foreign,
    block_text,
    hidden_elements,
    home_domain,
    paragraph_prose,
    script_wrapped,
)

SHARED = ROOT.parent / "shared" / "eval"


def _labels() -> dict[str, dict]:
    out = {}
    for name in ("labels.jsonl", "opened.jsonl"):
        for line in open(ROOT / "fixtures" / "wild" / name, encoding="utf-8"):
            row = json.loads(line)
            out[row["file"]] = row
    return out


def audit(path: Path, label: str) -> list[str]:
    """Lines describing the page's spared hidden blocks and unreported hidden off-site anchors."""
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    try:
        text, _ = decode_bytes(data)
    except DecodeError:
        return []
    tree = parse_html(text)
    scan = HiddenScan(tree)
    hidden = list(hidden_elements(tree, scan))
    table = AnchorTable(tree)
    home = home_domain(tree, None, hidden, table)
    found = HiddenLinks().find(tree, home, hidden, table)
    reported = {el for f in found for el in f.elements}
    out = []
    ids = scan.css_ids | scan.scripted
    doomed = [el for el in hidden_candidates(tree, scan.classes, ids)
              if el.tag not in HiddenScan.SKIP and HiddenElements.is_hidden(el, scan.classes, ids)]
    doomed += [el for run in script_wrapped(tree) for el in run if isinstance(el.tag, str)]
    doomed_set = set(doomed)
    spared = _revealed_paragraphs(doomed)
    for el in doomed:
        if any(a in doomed_set for a in el.iterancestors()):
            continue
        rule = "paragraphs" if el in spared else "article" if _revealed_article(el) else None
        if rule:
            foreign = _foreign(table.of(el), home)
            out.append(f"  SPARED[{rule}] <{el.tag}> foreign={foreign[:6]} {block_text(el)[:160]!r}")
    for el, how in hidden:
        if el in reported:
            continue
        foreign = _foreign(table.of(el), home)
        if foreign:
            prose = paragraph_prose(" ".join(p.text_content().split()) for p in el.iter("p", "section"))
            out.append(f"  UNREPORTED[{how}] <{el.tag}> prose={prose} {len(foreign)} anchors/{len({d for _, d in foreign})} domains "
                       f"{foreign[:5]} {block_text(el)[:120]!r}")
    if out:
        out.insert(0, f"{path.name} [{label}] home={home}")
    return out


def main(argv: list[str]) -> None:
    labels = _labels()
    if argv:
        paths = [p for a in argv for p in (sorted(Path(a).glob("*.htm*")) if Path(a).is_dir() else [Path(a)])]
    else:
        wild = SHARED / "wild-2017" / "pages"
        paths = [wild / f for f in sorted(labels)]
        paths += sorted((SHARED / "daniel-zh-dev" / "html").glob("*")) + sorted((SHARED / "scrapinghub-aeb" / "html").glob("*"))
    for path in paths:
        row = labels.get(path.name)
        label = row["label"] if row else path.parent.parent.name
        for line in audit(path, label):
            print(line)


if __name__ == "__main__":
    main(sys.argv[1:])
