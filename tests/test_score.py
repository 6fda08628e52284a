"""The scorer: CJK tokenisation, and the published Scrapinghub figures reproduced from stored outputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mirrorclean.score import corpus_prf, f1, tokens

AEB = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "scrapinghub-aeb"


def test_cjk_tokens_are_characters_and_latin_words_whole() -> None:
    assert tokens("Ｈello，世界2024年") == ["hello", "世", "界", "2024", "年"]
    assert f1("", "") == 1.0
    assert f1("完全不同的一段文字内容", "基层治理是国家治理的基石") == 0.0


def test_punctuation_width_does_not_matter() -> None:
    assert f1("基石,统筹推进乡镇(街道)和城乡社区治理", "基石，统筹推进乡镇（街道）和城乡社区治理") == 1.0


@pytest.mark.skipif(not AEB.is_dir(), reason="the shared Scrapinghub set is not beside the repo")
@pytest.mark.parametrize(("tool", "expected"), [("trafilatura", 0.958), ("readability", 0.922), ("justext", 0.804)])
def test_reproduces_published_scrapinghub_figures(tool: str, expected: float) -> None:
    truth = json.loads((AEB / "ground-truth.json").read_text("utf-8"))
    data = json.loads((AEB / "output" / f"{tool}.json").read_text("utf-8"))
    output = data.get("output", data) if isinstance(data, dict) and "output" in data else data
    pairs = [((output.get(k) or {}).get("articleBody") or "", v["articleBody"] or "") for k, v in truth.items()]
    _, _, score = corpus_prf(pairs)
    assert round(score, 3) == expected
