"""Why censor gaps are missed: each missed GAP row of a development set, what the filter took out, where the
residue stands, and what the character model scores there against ordinary text in the same kind of place.

    .venv/bin/python bench/gap_misses.py [-v] [--wild] [FILE ...]     # default: censor_real.tsv censor_daniel.tsv

A row is missed when `find_censored_gaps` puts no flag on its expected residue (mirrorclean.flageval). For
each miss the script asks `cleaners.namefit.name_fit` for every place near the residue with no threshold and
keeps the best (deletion point, lone surname, mask run or orphan morpheme), then files the miss under one
reason:

* ``traditional``: the text is Traditional; the model knows Simplified news only and scores nothing;
* ``no place``: the model scores no place at the residue (a surname it does not score alone: 李 before a
  one-character word or a colon; a template's placeholder position; a run read as markup);
* ``calibration``: the best gain is below the flag's threshold but above what ordinary text of the same kind
  of place reaches (the DAnIEL gold texts and the LEGIT rows of the same files; with ``--wild`` also the raw
  visible text of the wild-2017 pages outside the untouched holdout, fixtures/wild/holdout.jsonl, ~2 min): a
  threshold or a context bonus could take it without a false flag on that material;
* ``model``: ordinary text of the same kind of place scores as high or higher: the model cannot tell this
  residue from ordinary text, whatever the threshold.

"Kind of place" is what stands just before the deletion point: a line start (a headline's or a paragraph's
first word), a blank inside a line (a headline after a date or another headline), a sentence end, a comma,
a colon, a quote or bracket, or inside a clause; masks, surnames and orphans are their own kinds.
Held-out files (``*_holdout.tsv``, blind6) are refused: their misses must not be read.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cleaners import censor  # noqa: E402
from cleaners.censor import find_censored_gaps  # noqa: E402
from cleaners.namefit import NAME, Fit, _is_traditional, name_fit  # noqa: E402
from mirrorclean.flageval import daniel_texts, read_cases  # noqa: E402

FIXTURES = ROOT / "fixtures" / "flags"
DEFAULT = ("censor_real.tsv", "censor_daniel.tsv")
HELD_OUT = re.compile(r"holdout|blind6")
FLOOR = -30.0  # nats: every place the model scores is kept
WILD = ROOT.parent / "shared" / "eval" / "wild-2017" / "pages"


def place(text: str, fit: Fit) -> str:
    """The kind of place of a fit (module docstring)."""
    if fit.kind != "deletion":
        return fit.kind
    return place_kind(text[fit.position - 1] if fit.position else "\n")


def place_kind(before: str) -> str:
    """The kind of place after the character `before` (a deletion point's left neighbour)."""
    if before == "\n":
        return "line start"
    if before in " \t\u3000":
        return "blank in line"
    if before in "。！？；!?;":
        return "sentence end"
    if before in "，,、":
        return "comma"
    if before in "：:":
        return "colon"
    if before in "“”\"‘’「」《》（）()【】[]|·・":
        return "quote/bracket"
    return "inside clause"


def threshold(fit: Fit) -> float:
    """The gain name_slot needs at this kind of place on a text with no other evidence (censor's constants)."""
    return {"deletion": censor.NAME_FIT_MIN_GAIN, "surname": censor.SURNAME_MIN_GAIN, "mask": censor.MASK_MIN_GAIN,
            "orphan": 0.0}[fit.kind]


def residue_spans(text: str, expected: str) -> list[tuple[int, int]]:
    return [(m.start(), m.start() + len(part)) for part in expected.split(" || ") for m in re.finditer(re.escape(part), text)]


def best_fit(text: str, spans: list[tuple[int, int]]) -> Fit | None:
    near = [f for f in name_fit(text, FLOOR, FLOOR) if any(s - 1 <= f.position <= e for s, e in spans)]
    return max(near, key=lambda f: f.gain - threshold(f), default=None)


def ordinary_max(texts: list[str]) -> dict[str, float]:
    """The highest gain ordinary text reaches per kind of place (each line scored as a text's start, as flags do)."""
    top: dict[str, float] = defaultdict(lambda: float("-inf"))
    for text in texts:
        for fit in name_fit(text, FLOOR, FLOOR):
            kind = place(text, fit)
            top[kind] = max(top[kind], fit.gain)
    return top


def wild_lines() -> list[str]:
    """Lines of the raw visible text of the wild-2017 pages, the untouched holdout's pages left out (never read)."""
    sys.path.insert(0, str(FIXTURES))
    from build_real import visible_texts

    untouched = {json.loads(line)["file"] for line in (ROOT / "fixtures" / "wild" / "holdout.jsonl").open(encoding="utf-8")}
    texts = visible_texts(WILD)
    return [line for name, text in texts.items() if name not in untouched for line in text.split("\n") if len(line) >= 4]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", default=list(DEFAULT), help="development case files under fixtures/flags")
    parser.add_argument("-v", "--verbose", action="store_true", help="one line per miss")
    parser.add_argument("--wild", action="store_true", help="ordinary text includes the raw wild-2017 pages (module docstring)")
    args = parser.parse_args()
    if any(HELD_OUT.search(name) for name in args.files):
        parser.error("held-out sets are measured with mirrorclean flags-eval only; their misses are not read")
    rows = {name: list(read_cases(FIXTURES / name)) for name in args.files}
    legit = [text for cases in rows.values() for label, text, _ in cases if label == "LEGIT"]
    ordinary = ordinary_max(legit + daniel_texts(ROOT.parent / "shared") + (wild_lines() if args.wild else []))
    print(f"ordinary text's highest gain per kind of place (DAnIEL gold + LEGIT rows{' + wild-2017' if args.wild else ''}): "
          + ", ".join(f"{k} {v:+.1f}" for k, v in sorted(ordinary.items())))
    for name, cases in rows.items():
        reasons: Counter[str] = Counter()
        kinds: Counter[str] = Counter()
        gaps = 0
        for label, text, expected in cases:
            if label != "GAP":
                continue
            gaps += 1
            spans = residue_spans(text, expected)
            if any(f["start"] < e and f["end"] > s for f in find_censored_gaps(text) for s, e in spans):
                continue
            fit = None if _is_traditional(text) else best_fit(text, spans)
            if _is_traditional(text):
                reason, kind, detail = "traditional", "-", ""
            elif fit is None:
                reason, kind, detail = "no place", "-", ""
            else:
                kind = place(text, fit)
                need, top = threshold(fit), ordinary.get(kind, float("-inf"))
                reason = "calibration" if fit.gain > top else "model"
                term = "NAME" if fit.term == NAME else fit.term
                detail = f"{fit.gain:+.1f} nats for {term} (needs {need:+.1f}; ordinary text here up to {top:+.1f})"
            reasons[reason] += 1
            kinds[kind] += 1
            if args.verbose:
                print(f"  {reason:11s} {kind:14s} {expected[:12]:12s} {detail:70s} {text[:60]}")
        missed = sum(reasons.values())
        print(f"{name}: {missed} of {gaps} GAP rows missed; by reason: "
              + ", ".join(f"{k} {v}" for k, v in reasons.most_common())
              + "; by kind of place: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
