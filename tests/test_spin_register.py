"""The spin threshold measured on real web text of every register (issue 10; docs/flags.md, "Register")."""

from __future__ import annotations

import importlib.util
import io
import json
from pathlib import Path

import pytest

from cleaners import clean_document
from cleaners import spin as cleaners_spin
from cleaners.spin import SPIN_THRESHOLD, spin_score
from mirrorclean import flageval

ROOT = Path(__file__).resolve().parents[1]
WILD = ROOT.parent / "shared" / "eval" / "wild-2017" / "pages"
HAS_JIEBA = importlib.util.find_spec("jieba") is not None
needs_wild = pytest.mark.skipif(not (HAS_JIEBA and WILD.is_dir()), reason="jieba or ../shared/eval/wild-2017 absent")

# real dev pages (fixtures/wild/labels.jsonl): a consumer-news article, a police story, a topic page of teasers,
# a site's own login page (ordinary, but rejected: too short, so no record) and a walkie-talkie maker's homepage
# with a footer of gambling links (parasite)
DEV_ROWS = {row["file"]: row for row in map(json.loads, (ROOT / "fixtures/wild/labels.jsonl").read_text("utf-8").splitlines())
            if row["file"] in ("w005209.html", "w004280.html", "w000005.html", "w000827.html", "w000018.html")}


@needs_wild
def test_wild_spin_scores_ordinary_pages_by_kind(tmp_path: Path) -> None:
    """Only the records of pages labelled ordinary are scored, articles apart from other pages, each with its
    cleaned text's score; a rejected page has no record and is left out."""
    labels = tmp_path / "labels.jsonl"
    labels.write_text("".join(json.dumps(DEV_ROWS[name]) + "\n" for name in sorted(DEV_ROWS)), encoding="utf-8")
    scored = flageval.wild_spin(labels, WILD)
    assert scored is not None
    assert sorted(name for _, name in scored.articles) == ["w004280.html", "w005209.html"]
    assert [name for _, name in scored.others] == ["w000005.html"]  # not the parasite, nor the rejected login page
    for score, name in scored.articles + scored.others:
        text = clean_document((WILD / name).read_bytes(), name).text
        assert score == spin_score(text)
        assert 0.0 <= score < 1.0


@needs_wild
def test_wild_line_counts_pages_at_the_threshold(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """flags-eval prints a dev and an opened line; the count is the pages scoring at or above SPIN_THRESHOLD."""
    labels = tmp_path / "labels.jsonl"
    labels.write_text("".join(json.dumps(DEV_ROWS[name]) + "\n" for name in sorted(DEV_ROWS)), encoding="utf-8")
    (tmp_path / "opened.jsonl").write_text("", encoding="utf-8")
    monkeypatch.setattr(flageval, "WILD_LABELS", tmp_path)
    out = io.StringIO()
    flageval.wild_spin_report(out, ROOT.parent / "shared")
    lines = out.getvalue().splitlines()
    assert len(lines) == 2 and lines[0].startswith("spin wild-2017 dev ordinary records") and "opened" in lines[1]
    articles = [spin_score(clean_document((WILD / n).read_bytes(), n).text) for n in ("w004280.html", "w005209.html")]
    above = sum(score >= SPIN_THRESHOLD for score in articles)
    others = [spin_score(clean_document((WILD / "w000005.html").read_bytes(), "w000005.html").text)]
    assert f"articles {above}/2 " in lines[0]
    assert f"other pages {int(others[0] >= SPIN_THRESHOLD)}/1 " in lines[0]
    assert "articles 0/0 " in lines[1]


def test_wild_line_is_skipped_without_the_pages(tmp_path: Path) -> None:
    """No wild-2017 pages beside the repository: no line, no error."""
    out = io.StringIO()
    flageval.wild_spin_report(out, tmp_path)
    assert out.getvalue() == ""
    assert flageval.wild_spin(ROOT / "fixtures/wild/labels.jsonl", tmp_path / "absent") is None


@needs_wild
@pytest.mark.parametrize("name", ["w005209.html", "w006168.html"])
def test_web_news_without_a_lexicon_phrase_ranks_high_but_is_not_called_spun(name: str) -> None:
    """Consumer news (w005209) and game news (w006168), ordinary dev pages that read unlike 2011 portal news: their
    statistics alone scored 0.520 and 0.580. With no phrase of the lexicon they stay under the threshold
    (cleaners.spin.STATISTICS_CEILING) and still rank far above ordinary edited news."""
    rec = clean_document((WILD / name).read_bytes(), name)
    assert not cleaners_spin.find_spun_phrases(rec.text)
    assert 0.4 < rec.spin_score < SPIN_THRESHOLD
    assert not [f for f in rec.flags if f["type"] == "spun_phrase"]
