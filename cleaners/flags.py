"""Damage flags for a record's final ``text``: censored-name gaps, missing references, spun phrases.

One entry point, :func:`compute_flags`, used alike by ``clean`` and ``crawl`` (through ``api.finish``),
so that both emit the same flags for the same text. Every flag has integer ``start``/``end`` with
``0 <= start < end <= len(text)`` and ``text[start:end]`` the residue, citation or phrase flagged:

* ``{"type": "censored_gap", start, end, kind, evidence, suggestion, confidence}`` (cleaners.censor)
* ``{"type": "missing_reference", start, end, refs}``: the numbers cited in the body (``[n]``, lists and
  ranges) that no reference is listed under; start/end are those of the first citation of any of them
* ``{"type": "spun_phrase", start, end, original}`` (cleaners.spin, the curated lexicon)

>>> flags, score = compute_flags("见[1]与[2-3]。习指出，要团结。", ["[1]张三.论文[J].2020."])
>>> [(f["type"], f["start"], f["end"]) for f in flags], flags[0]["refs"]
([('missing_reference', 5, 10), ('censored_gap', 11, 14)], [2, 3])
>>> score < 0.1  # ordinary wording: far below the spin threshold (0.5)
True
"""

from __future__ import annotations

from cleaners.censor import find_censored_gaps
from cleaners.references import cited_numbers, reference_numbers
from cleaners.spin import SPIN_THRESHOLD, find_spun_phrases, spin_score, unspin_spans

__all__ = ["compute_flags", "compute_flags_unspun", "missing_references"]


def missing_references(text: str, references: list[str]) -> list[dict]:
    """One ``missing_reference`` flag for the numbers cited in `text` that `references` do not list.

    Evidence: citation markers in the body (cleaners.references.cited_numbers: ``[3]``, ``［3］``,
    ``[3-5]``, ``[3,7]``) against the numbers the reference entries start with. Nothing is flagged when
    the article has no numbered references at all (the list was not captured, so every number would
    look missing) or cites nothing. The flag spans the first citation marker of a missing number.

    >>> missing_references("正文[1]，又见[2]和[4-5]。", ["[1]a[J].2020.", "[2]b[J].2021.", "[5]c[M].2019."])
    [{'type': 'missing_reference', 'start': 12, 'end': 17, 'refs': [4]}]
    >>> missing_references("正文[1]。", [])
    []
    """
    listed = reference_numbers(references)
    if not listed:
        return []
    cited = cited_numbers(text)
    missing = sorted({n for n, _, _ in cited} - listed)
    if not missing:
        return []
    first = min((start, end) for n, start, end in cited if n in missing)
    return [{"type": "missing_reference", "start": first[0], "end": first[1], "refs": missing}]


def _valid(flag: dict, size: int) -> bool:
    start, end = flag.get("start"), flag.get("end")
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= size


def merge_repeats(flags: list[dict], text: str) -> list[dict]:
    """One censored_gap flag per distinct residue: the first place, with every place in `occurrences`.

    A filter deletes a name everywhere, so one phrase can leave the same residue several times (the seed's
    中国重庆市第六届委员会第六次全员会议 twice); readers want one damage report per residue, and all its places.

    >>> fl = [{"type": "censored_gap", "start": 0, "end": 2}, {"type": "censored_gap", "start": 4, "end": 6}]
    >>> merge_repeats(fl, "习在，，习在")
    [{'type': 'censored_gap', 'start': 0, 'end': 2, 'occurrences': [[0, 2], [4, 6]]}]
    """
    first: dict[str, dict] = {}
    out: list[dict] = []
    for flag in flags:
        if flag["type"] != "censored_gap":
            out.append(flag)
            continue
        residue = text[flag["start"]:flag["end"]]
        if residue in first:
            first[residue]["occurrences"].append([flag["start"], flag["end"]])
            continue
        flag = {**flag, "occurrences": [[flag["start"], flag["end"]]]}
        first[residue] = flag
        out.append(flag)
    return out


def compute_flags(text: str, references: list[str]) -> tuple[list[dict], float]:
    """All flags for `text` (censored_gap, missing_reference, spun_phrase) sorted by start, and spin_score.

    spun_phrase flags are given only when spin_score reaches SPIN_THRESHOLD: a lexicon phrase or two in
    otherwise ordinary text is a word choice, not spinning.
    """
    spun = find_spun_phrases(text)
    score = spin_score(text, spun)
    if score < SPIN_THRESHOLD:
        spun = []
    flags = find_censored_gaps(text) + missing_references(text, references) + spun
    flags = [f for f in flags if _valid(f, len(text))]
    flags.sort(key=lambda f: (f["start"], f["end"], f["type"]))
    return merge_repeats(flags, text), score


def compute_flags_unspun(text: str, references: list[str]) -> tuple[str, list[dict], float]:
    """For ``--unspin``: (restored text, its flags sorted by start, spin_score of the page's wording).

    The restored text is :func:`cleaners.spin.unspin` of `text` when spin_score reaches SPIN_THRESHOLD
    (else `text` itself); censored_gap and missing_reference flags are computed on it, and each restoration
    is a ``spun_phrase`` flag spanning the restored phrase, with the page's wording in ``as_found``. The
    score is that of `text` as found (restoring lowers it).

    >>> restored, flags, score = compute_flags_unspun("习指出，要热情参加。", [])
    >>> restored, [(f["type"], restored[f["start"]:f["end"]]) for f in flags], score > 0.5
    ('习指出，要积极参与。', [('censored_gap', '习指出'), ('spun_phrase', '积极参与')], True)
    """
    score = spin_score(text)
    restored, spun = unspin_spans(text) if score >= SPIN_THRESHOLD else (text, [])
    flags = find_censored_gaps(restored) + missing_references(restored, references) + spun
    flags = [f for f in flags if _valid(f, len(restored))]
    flags.sort(key=lambda f: (f["start"], f["end"], f["type"]))
    return restored, merge_repeats(flags, restored), score
