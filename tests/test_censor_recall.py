"""Censor-gap recall on real text (issue 10, session 25): deletions found on two lines of a page are evidence that a
filter went over it. Rows come from the real development set (fixtures/flags/censor_real.tsv, sentences of wild-2017
pages put through a filter) and the DAnIEL gold texts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cleaners.censor import find_censored_gaps
from mirrorclean.flageval import daniel_texts, read_cases, read_page_rows

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "fixtures" / "flags" / "censor_real.tsv"
SHARED = ROOT.parent / "shared"


def _flagged(text: str, residue: str) -> bool:
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(residue), text)]
    return any(f["start"] < e and f["end"] > s for f in find_censored_gaps(text) for s, e in spans)


def _row(label: str, start: str) -> tuple[str, str]:
    return next((t, e) for lab, t, e in read_cases(REAL) if lab == label and t.startswith(start))


def _page(name: str) -> tuple[str, list[tuple[str, str, str, int]]]:
    rows = read_page_rows(REAL)[name]
    placed, offset = [], 0
    for label, row, expected in rows:
        placed.append((label, row, expected, offset))
        offset += len(row) + 1
    return "\n".join(r for _, r, _ in rows), placed


def test_deletions_on_two_lines_are_page_evidence() -> None:
    """w001303's headline list went through a filter that deleted 李克强 and 习近平 from three headlines. Two are
    found by themselves (三年30次会：的… and 会见俄罗斯总统普京, at low confidence); that two lines of one page show a
    deletion lowers the bar for the page's other places, and 会见波兰总理 with its subject deleted is found too."""
    text, rows = _page("w001303.html")
    lone, _ = _row("GAP", "2017-3-27 22:8 会见波兰总理")
    assert not _flagged(lone, " 会")  # alone, the headline is no stronger than ordinary text at a blank
    flags = find_censored_gaps(text)
    for label, row, expected, offset in rows:
        spans = [(offset + m.start(), offset + m.end()) for part in expected.split(" || ")
                 for m in re.finditer(re.escape(part), row)] if label == "GAP" else []
        hits = [f for f in flags if offset <= f["start"] < offset + len(row) + 1]
        if label == "GAP":
            assert any(f["start"] < e and f["end"] > s for f in hits for s, e in spans), row
        else:
            assert not hits, row  # the page's ordinary headlines (中国国家典籍博物馆, 中国FOF时代) stay unflagged


@pytest.mark.skipif(not (SHARED / "eval" / "daniel-zh-dev" / "reference").is_dir(), reason="needs shared/eval")
def test_no_flag_on_ordinary_news() -> None:
    """The DAnIEL gold texts (2011-2012 news, 210 texts) keep no censored_gap flag."""
    assert [f for text in daniel_texts(SHARED) for f in find_censored_gaps(text)] == []


def test_one_weak_line_is_no_page_evidence() -> None:
    """The same page without the line 会见俄罗斯总统普京: one low-confidence deletion (三年30次会：的…) may be chance, and
    会见波兰总理 stays as it is scored alone."""
    text, _ = _page("w001303.html")
    text = "\n".join(line for line in text.split("\n") if line != "会见俄罗斯总统普京")
    assert _flagged(text, "：的")
    assert not _flagged(text, " 会见波兰")
