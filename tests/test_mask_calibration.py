"""The name-slot mask threshold (censor.MASK_MIN_GAIN) against real masked names and real runs that hide no name."""

from __future__ import annotations

import pytest

from cleaners.censor import MASK_MIN_GAIN, find_censored_gaps

# Real sentences with the leader's name or the party masked as filters do (originals: censor_real.tsv w001877,
# censor_blind4.tsv, the mask probe's rows): the name fits there -5.1 to -5.4 nats "as well as nothing", below the
# old -4 threshold and above every real run that hides no name.
MASKED = [
    ("在来自全澳的600多名华侨华人代表的掌声中，***走上讲台发表致辞。", "***"),
    ("坚定马克思主义信仰，是***人安身立命的根本。", "***"),
    ("坚定马克思主义信仰，是□□□人安身立命的根本。", "□□□"),
    ("1920年冬，杨开慧不顾世俗偏见，毅然与**结为伴侣。", "**"),
]

# Real runs from wild-2017 pages that hide a common word or profanity (a novel, an SEO guide): -6.2 to -6.5 nats.
ORDINARY = [
    "溅射而出的鲜血与**飞射当空，洒落而下，威慑到了其余的敌军战士。",
    "其实，微博如博客，只不过是有了140字的限制，所以，微博也是需要养的，微博的权重和***也可以传递。",
    "车辆实际上就是在山里兜着***。",
    "请在相应选项前打“√”：□是 □否",
]


def test_threshold_between_real_masks_and_real_runs() -> None:
    assert -6.2 < MASK_MIN_GAIN < -5.1


@pytest.mark.parametrize(("text", "run"), MASKED)
def test_masked_name_found(text: str, run: str) -> None:
    start = text.index(run)
    flags = find_censored_gaps(text)
    assert any(f["start"] <= start < f["end"] for f in flags), flags


@pytest.mark.parametrize("text", ORDINARY)
def test_run_hiding_no_name_left_alone(text: str) -> None:
    assert find_censored_gaps(text) == []
