"""Text spaced out character by character is no censored gap.

w004659 (wild-2017, opened half, an ordinary essay page) prints some of its lines one glyph per box: 学 习提 高 了.
The surname rule of cleaners.namefit read the 习 of 学习 as a lone surname (习近平 with 近平 filtered out). A word
that runs across a single space is still a word; a lone 习 after a space with no word there is still scored.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaners import clean_document
from cleaners.censor import find_gaps

WILD = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "wild-2017" / "pages"


@pytest.mark.skipif(not (WILD / "w004659.html").exists(), reason="../shared/eval/wild-2017 is not beside the repo")
def test_spaced_out_essay_has_no_gap() -> None:
    rec = clean_document((WILD / "w004659.html").read_bytes(), "w004659.html")
    assert "学 习提 高" in rec.text  # the spaced line is in the record ...
    assert not [f for f in rec.flags if f["type"] == "censored_gap"], rec.flags  # ... and flags nothing


@pytest.mark.parametrize("text", ["说 他 不 仅 学 习提 高 了，班 主 任 也 表 扬 了 他。", "他 的 成 绩 提 高 了，习 惯 也 好 了。"])
def test_words_across_one_space_are_words(text: str) -> None:
    assert not list(find_gaps(text))


def test_lone_surname_after_a_space_still_found() -> None:
    gaps = list(find_gaps("2024年4月22日至23日， 习在重庆考察时强调，要深入贯彻党的二十大精神。"))
    assert [g.suggestion for g in gaps] == ["习近平"], gaps
