"""The spin score's model-based evidence reads sentence lines only (issue 10, round 8; docs/flags.md)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import cleaners.spin
from cleaners import clean_document
from cleaners.spin import SPIN_THRESHOLD, context_deficit, prose_mask, spin_score, synonym_fit
from mirrorclean import flageval

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
WILD = SHARED / "eval" / "wild-2017" / "pages"
HAS_JIEBA = importlib.util.find_spec("jieba") is not None
needs_shared = pytest.mark.skipif(not (HAS_JIEBA and WILD.is_dir() and (SHARED / "eval" / "daniel-zh-dev").is_dir()),
                                  reason="jieba or ../shared absent")


@needs_shared
@pytest.mark.parametrize("name", ["w009698.html", "w005029.html"])
def test_a_menu_or_a_forum_skeleton_is_not_spun(name: str) -> None:
    """Real ordinary wild-2017 dev pages: a shop whose text is its category menu (母婴用品 / 婴幼儿奶粉 / …) and a
    live-stream portal whose text is its controls (正在加载您的订阅... / 登录 / 充值 / 个人中心). Their bare nouns fit
    the 1998 news model badly, and read whole they scored 0.715 and 0.571. Their few sentence lines do not."""
    rec = clean_document((WILD / name).read_bytes(), name)
    assert not rec.is_spam_page
    mask = prose_mask(rec.text)
    assert 0 < mask.sum() < 0.7 * len(rec.text)  # most of the text is not sentences
    assert spin_score(rec.text) < SPIN_THRESHOLD
    with pytest.MonkeyPatch.context() as mp:  # the whole text read as before: the false alarm comes back
        mp.setattr(cleaners.spin, "prose_mask", lambda text: cleaners.spin.np.ones(len(text), dtype=bool))
        mp.setattr(cleaners.spin, "STATISTICS_CEILING", 1e9)  # and the statistics alone not held under the threshold
        assert spin_score(rec.text) >= SPIN_THRESHOLD


@needs_shared
def test_spun_sentences_keep_their_evidence_beside_a_menu() -> None:
    """A DAnIEL article spun with the public list (all matches) scores the same with a navigation menu and a tag row
    around it: the menu lines are not read, the sentences are. (Its substitutions are none of the lexicon's, so its
    score stays under the threshold however strong the statistics: cleaners.spin.STATISTICS_CEILING; it ranks near
    the top of that range, far above its original.)"""
    texts = flageval.daniel_texts(SHARED)
    originals, spun = flageval.spin_sets(texts, SHARED)["held-out rate 1.0"]
    article = max(spun, key=spin_score)
    framed = "首页\n新闻中心\n产品中心\n联系我们\n" + article + "\n标签：经济 政策 发展 改革\n上一篇 下一篇"
    assert 0.45 <= spin_score(article) < SPIN_THRESHOLD
    assert spin_score(article) > spin_score(originals[spun.index(article)]) + 0.2
    assert synonym_fit(framed) == pytest.approx(synonym_fit(article), rel=0.02)
    assert context_deficit(framed) == pytest.approx(context_deficit(article), rel=0.05)  # the first line's history is the menu
    assert spin_score(framed) == pytest.approx(spin_score(article), abs=0.01)


def test_the_mask_follows_lines() -> None:
    text = "母婴用品\n婴幼儿奶粉\n史上最为出名的一把突击步枪，拥有无法比拟的便携性。\nDior"
    mask = prose_mask(text).tolist()
    sentence = text.index("史")
    assert mask == [sentence <= i <= text.index("\nDior") for i in range(len(text))]  # a newline goes with the line it ends
    assert prose_mask("今天天气很好，我们去公园散步。").all()
    assert not prose_mask("").any()
