"""Issue 13, eighth round: regex scans over a page's text led by the characters a match can start with
(spam.SUFFIX_RE, spam._known_re, censor's mask and empty-slot rules), skipped where the text lacks what every
match holds (spam._needed), and spam-topic items counted from one scan of a line (inject._selling_items).

Each fast path is compared with the slow one it replaces (the same pattern without its lead, the scan without its
pre-check, the per-item count) on real wild-2017 dev pages (never the holdout) and DAnIEL pages, whole records
included, and on strings built to match."""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _realpages import ROOT, WILD, wild_dev_pages

from cleaners import censor, inject, spam
from cleaners.api import clean_document

DANIEL = ROOT.parent / "shared" / "eval" / "daniel-zh-dev" / "html"
pytestmark = pytest.mark.skipif(not WILD.exists(), reason="wild-2017 pages not present")


def _unled(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` without its leading lookahead ``(?=…)`` (after a global ``(?m)``): the pattern as it was."""
    source = pattern.pattern
    prefix = "(?m)" if source.startswith("(?m)") else ""
    body = source[len(prefix):]
    assert body.startswith("(?="), source[:80]
    depth, i = 0, 0
    while True:  # the lookahead's closing parenthesis (the leads hold no escaped parentheses)
        c = body[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # a class: its brackets and parentheses are literal
            i = body.index("]", i + 2) + 1
            continue
        depth += c == "("
        depth -= c == ")"
        i += 1
        if depth == 0:
            break
    return re.compile(prefix + body[i:], pattern.flags)


def _led_patterns() -> list[re.Pattern[str]]:
    rules = [p for p, *_ in censor._MASK_RULES] + [p for p, *_ in censor._EMPTY_SLOT_RULES]
    led = [p for p in rules if p.pattern.startswith("(?=")]
    return [spam.SUFFIX_RE, spam._known_re(), censor._MASKED_SPEAKER_RE, censor._LIST_ITEM_RE, *led]


def _page_texts(n_wild: int = 40, n_daniel: int = 20) -> list[str]:
    """Record texts, titles and removed blocks of real pages (what the rules scan), and their raw text."""
    paths = wild_dev_pages(n_wild) + sorted(DANIEL.glob("*.html"))[:n_daniel]
    out = []
    for path in paths:
        result = clean_document(path.read_bytes(), path.name)
        out += [getattr(result, "text", "") or "", getattr(result, "title", "") or "", getattr(result, "detail", "") or ""]
        out += [r.text for r in getattr(result, "removed", [])]
    return [t for t in out if t]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _page_texts()


def _fuzz(pattern: re.Pattern[str], n: int, seed: int) -> Iterator[str]:
    """Strings of the pattern's own literal characters (masks, surnames, brand and suffix words), so that its
    lookbehinds, first characters and alternatives all meet matches and near misses."""
    chars = sorted({c for c in pattern.pattern if not c.isascii() or c in "*xX"} | set("aAK习中共 \n，。、"))
    rnd = random.Random(seed)
    for _ in range(n):
        yield "".join(rnd.choice(chars) for _ in range(rnd.randint(1, 24)))


def test_the_rules_scanned_over_whole_texts_are_led() -> None:
    """The patterns these scans were slow on start with a lookahead on their first characters (main's did not)."""
    rules = {p.pattern: p for p, *_ in censor._MASK_RULES + censor._EMPTY_SLOT_RULES}
    assert sum(p.startswith("(?=") for p in rules) >= 22
    assert censor._MASK_RULES[0][0].pattern.startswith("(?=[习習])")
    assert spam.SUFFIX_RE.pattern.startswith("(?=[") and spam._known_re().pattern.startswith("(?=[")


@pytest.mark.parametrize("index", range(len(_led_patterns())))
def test_a_led_pattern_finds_what_it_found_without_its_lead(index: int, texts: list[str]) -> None:
    pattern = _led_patterns()[index]
    slow = _unled(pattern)
    for text in [*texts, *_fuzz(pattern, 3000, index)]:
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in slow.finditer(text)], text[:200]


def test_the_lead_folds_case_as_the_words_do() -> None:
    """Under IGNORECASE the lead's class matches what the words' first letters match: K (Kelvin) for k, ſ for s."""
    for text in ["KAIYUN官网", "\u212aaiyun", "ſbobet", "APP下载", "App官网"]:
        for pattern in (spam.SUFFIX_RE, spam._known_re()):
            assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in _unled(pattern).finditer(text)]


_NEEDED = [
    (spam.CTA_FAMILY_RE, spam._CTA_RE, None, ["星耀体育【点击进入】", "金玺娱乐立即注册", "BX娱乐 点击下载", "体育新闻点击进入"]),
    (spam.DOUBLE_CATEGORY_RE, spam._DOUBLE_CATEGORY_NEEDS_RE, None, ["鹤汀娱乐真人平台", "开元棋牌", "X体育棋牌官网"]),
    (spam.PROMPT_BRAND_RE, spam._PROMPT_NEEDS_RE, None, ["金樽国际提醒您：", "X体育温馨提示:", "友情提示：请"]),
    (spam.DOMAIN_BRAND_RE, spam._DOMAIN_BRAND_NEEDS_RE, spam._one_blank,
     ["炫赢官网（xywin8.net）小编了解到，", "金樽国际讯（www.jz88.cc）", "\n  乐鱼官网讯 本报", "_泓博国际(hb365.net)",
      "标题 ｜ 凯发（https://kf88.com）-", "天天体育（ WWW.TT99.COM ）讯", "\n\n金沙讯\n(\twww.js1.cn )"]),
]


@pytest.mark.parametrize("index", range(len(_NEEDED)))
def test_a_scan_skipped_by_its_precheck_would_have_found_nothing(index: int, texts: list[str]) -> None:
    pattern, needs, prepare, seeds = _NEEDED[index]
    rnd = random.Random(index)
    noise = ["，", "。", " ", "\n", "（", "(", "）", ")", "讯", "官网", "www.", "a1", "体育", "娱乐", "真人", "提醒", "点击"]
    made = ["".join(rnd.choice(seeds + noise) for _ in range(rnd.randint(1, 8))) for _ in range(3000)]
    found = 0
    for text in [*texts, *seeds, *made]:
        plain = [m.group(0) for m in pattern.finditer(prepare(text) if prepare else text)]
        assert [m.group(0) for m in spam._needed(pattern, needs, text, prepare)] == plain, text[:200]
        found += bool(plain)
    assert found >= len(seeds)  # the built strings do meet matches


def _per_item(line: str) -> int:
    items = [i for i in inject.LIST_SPLIT_RE.split(line) if i]
    return sum(any(t != "weak" for t in inject.topic_words(i)) for i in items)


def test_selling_items_from_one_scan_equal_the_per_item_count(texts: list[str]) -> None:
    words = list(inject._topics())
    rnd = random.Random(13)
    fillers = ["首页", "新闻", "wow", "gold", "casino", "Casino", "\u212a", "ſ", "赌", "123", "a"]
    separators = [" ", "|", "｜", ",", "，", "、", "/", " / ", "\u3000"]
    lines = [line for text in texts for line in text.split("\n")]
    lines += ["".join(rnd.choice(words + fillers) + rnd.choice(separators) for _ in range(rnd.randint(1, 14)))
              for _ in range(5000)]
    answered = 0
    for line in lines:
        bare = inject._no_url_notes(line).strip()
        n = len([i for i in inject.LIST_SPLIT_RE.split(bare) if i])
        fast = inject._selling_items(bare, n)
        if fast is not None:
            answered += 1
            assert fast == _per_item(bare), line[:200]
    assert answered >= 0.9 * len(lines)
    assert inject._selling_items("wow gold|百家乐", 2) is None  # a word across two items: each item is asked


def test_topic_words_counts_as_the_match_loop_did(texts: list[str]) -> None:
    def loop(text: str) -> Counter[str]:
        found: Counter[str] = Counter()
        for m in inject._topic_re().finditer(text):
            found[inject._topics()[m.group(0).lower()]] += 1
        return found if any(t != "weak" for t in found) else Counter()

    for text in [*texts, "澳门威尼斯人娱乐城 百家乐开户", "入住澳门威尼斯人酒店", "WOW GOLD 代练"]:
        assert list(inject.topic_words(text).items()) == list(loop(text).items())


def _slow_paths(monkeypatch: Any) -> None:
    """Every fast path of this round swapped for the slow one it replaced."""
    monkeypatch.setattr(spam, "_needed", lambda pattern, needs, text, prepare=None: pattern.finditer(
        prepare(text) if prepare else text))
    monkeypatch.setattr(spam, "SUFFIX_RE", _unled(spam.SUFFIX_RE))
    known = _unled(spam._known_re())
    monkeypatch.setattr(spam, "_known_re", lambda: known)
    for name in ("_MASK_RULES", "_EMPTY_SLOT_RULES"):
        rules = tuple((_unled(p) if p.pattern.startswith("(?=") else p, *rest) for p, *rest in getattr(censor, name))
        monkeypatch.setattr(censor, name, rules)
    monkeypatch.setattr(censor, "_MASKED_SPEAKER_RE", _unled(censor._MASKED_SPEAKER_RE))
    monkeypatch.setattr(censor, "_LIST_ITEM_RE", _unled(censor._LIST_ITEM_RE))
    monkeypatch.setattr(inject, "_selling_items", lambda line, n: None)


def _records(paths: list[Path]) -> list[dict]:
    out = []
    for path in paths:
        result = clean_document(path.read_bytes(), path.name)
        out.append(result.to_dict())
    return out


def test_whole_records_of_real_pages_are_those_of_the_slow_paths(monkeypatch: Any) -> None:
    """Gambling-spam, parasite and news pages: the records and rejects with every fast path, and with none."""
    paths = wild_dev_pages(60) + sorted(DANIEL.glob("*.html"))[:15]
    fast = _records(paths)
    with monkeypatch.context() as patched:
        _slow_paths(patched)
        slow = _records(paths)
    assert fast == slow
    assert sum(bool(r.get("spam_terms")) for r in fast) >= 5  # the spam rules do fire on these pages

