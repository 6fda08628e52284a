"""Synonym fit by word type and with candidates at either end of a word (issue 10, round 7; docs/flags.md)."""

from __future__ import annotations

import importlib.util
import math
from pathlib import Path

import pytest

import cleaners.spin
from cleaners.spin import SPIN_THRESHOLD, spin_score, synonym_fit
from mirrorclean import flageval

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
HAS_JIEBA = importlib.util.find_spec("jieba") is not None


@pytest.mark.skipif(not HAS_JIEBA, reason="jieba's dictionary not installed")
def test_synonym_fit_counts_a_repeated_word_once_in_full(monkeypatch: pytest.MonkeyPatch) -> None:
    """An article repeats its topic words (草根 17 times in a DAnIEL commentary), which the 1998 model may fit
    badly; a spinner's choices spread over many words. Each word type's best occurrence counts in full, each
    further one SYNONYM_REPEAT of its gain."""
    monkeypatch.setattr(cleaners.spin, "SYNONYM_BASELINE", 0.0)
    spun = "记者从市政府新闻发布会上获悉，相干部门将加强对失落人员的搜救工作，并及时向社会公布最新动静。" * 8
    by_type = synonym_fit(spun)
    monkeypatch.setattr(cleaners.spin, "SYNONYM_REPEAT", 1.0)  # every occurrence in full, as before round 7
    every = synonym_fit(spun)
    assert 0 < by_type < 0.5 * every  # (1 + 7 × 0.25) / 8 of it: the same three words, eight times


@pytest.mark.skipif(not HAS_JIEBA, reason="jieba's dictionary not installed")
def test_synonym_fit_candidates_on_either_side(monkeypatch: pytest.MonkeyPatch) -> None:
    """A spinner's synonym often has the original's character at the other end (通俗 for 普通, 示意 for 表示):
    candidates ending with the word's first character, or starting with its second, are tried too."""
    monkeypatch.setattr(cleaners.spin, "SYNONYM_BASELINE", 0.0)
    original = "黎永芬是中国广大农民工群体中的普通一员。她表示，希望通过法律途径追讨欠薪。" * 8
    spun = "黎永芬是中国广大农民工群体中的通俗一员。她示意，希望通过法律途径追讨欠薪。" * 8
    assert synonym_fit(spun) > synonym_fit(original)
    wide = synonym_fit(spun)
    monkeypatch.setattr(cleaners.spin, "SYNONYM_SIDES", (0, 1))  # the two sides of round 4 only
    assert wide > synonym_fit(spun)


@pytest.mark.skipif(not (HAS_JIEBA and (SHARED / "eval" / "daniel-zh-dev").is_dir()), reason="jieba or ../shared absent")
def test_a_commentary_repeating_its_topic_word_is_not_spun(monkeypatch: pytest.MonkeyPatch) -> None:
    """A real DAnIEL commentary (2012) names 草根英雄 17 times; the 1998 news model fits 草根 badly and a more common
    sibling (草原, 根据) better, occurrence after occurrence. Counted by type it stays below the threshold
    (0.541 by occurrence before round 7)."""
    text = next(t for t in flageval.daniel_texts(SHARED) if t.startswith("草根英雄"))
    assert text.count("草根") >= 15
    assert spin_score(text) < SPIN_THRESHOLD
    by_type = synonym_fit(text)
    monkeypatch.setattr(cleaners.spin, "SYNONYM_REPEAT", 1.0)
    assert synonym_fit(text) > by_type


@pytest.mark.skipif(not (SHARED / "reference" / "spin_pairs_raw.txt").is_file(), reason="../shared not present")
def test_spin_auc_at_30_percent_on_held_out_articles() -> None:
    """DAnIEL articles with 30% of the public list's matches spun (never read by the score), the half not tuned on:
    a floor under round 7's 0.820 (0.724 in round 4)."""
    originals, spun = flageval.spin_sets(flageval.daniel_texts(SHARED), SHARED)["held-out rate 0.3"]
    assert len(originals) >= 40
    assert flageval.auc([spin_score(t) for t in spun], [spin_score(t) for t in originals]) >= 0.78


def test_one_artefact_in_a_short_quotation_is_no_rate() -> None:
    """不平衡不充分的发展 (the 19th Party Congress report's wording) is 不 + adjective + 的 + noun, not a spinner's
    的; and one such shape in a 60-character sentence once scored 0.645 because the rate was taken per 64
    characters. Rates are now taken per at least DENSITY_MIN_CHARS; a sentence with three spun phrases still
    scores above the threshold."""
    quoted = "习**在十九大报告中指出，中国特色社会主义进入新时代，我国社会主要矛盾已经转化为人民日益增长的美好生活需要和不平衡不充分的发展之间的矛盾。"
    assert cleaners.spin.grammar_artefacts(quoted) == 0
    assert spin_score(quoted) < SPIN_THRESHOLD
    one_artefact = {"lexicon_hits": 0.0, "artefacts": 1.0, "rarity_excess": 0.0, "context_deficit": 0.0,
                    "synonym_fit": 0.0, "cjk_chars": 22.0}
    ceiling = cleaners.spin.STATISTICS_CEILING  # no lexicon hit: the rate is squashed under the ceiling
    assert cleaners.spin.spin_strength(one_artefact) == pytest.approx(ceiling * math.tanh(0.5 * 1000 / 200 / ceiling))
    assert cleaners.spin.spin_strength({**one_artefact, "lexicon_hits": 1.0}) == pytest.approx(1.5 * 1000 / 200)
    assert spin_score("会议明白准确地提出，要在某些特定的程度上热情参加改革。") > SPIN_THRESHOLD
