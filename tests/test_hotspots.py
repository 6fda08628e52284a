"""The per-page hot spots made faster (issue 13) give what the code they replace gave, on real pages and confusers:
the link host parser, the character model's scores and alphabet, the censored-gap finder's speaker slots, and the
spam term pattern's order."""

from __future__ import annotations

import random
import re
from urllib.parse import urlsplit

import lxml.html
import numpy as np
import pytest
from _realpages import FIXTURE_PAGES, wild_dev_pages

from cleaners import charlm, inject, namefit, spam
from cleaners.charlm import CharLM

WILD_PAGES = wild_dev_pages(60)


def _urlsplit_host(href: str) -> str | None:
    """cleaners.inject._host as it was: every absolute link through urlsplit."""
    import re

    href = href.strip()
    if not re.match(r"^(?:https?:)?//", href, re.I):
        m = re.match(r"^(?:www\.)[\w.-]+\.[a-z]{2,}", href, re.I)
        return m.group(0).lower() if m else None
    try:
        return (urlsplit(href if not href.startswith("//") else "http:" + href).hostname or "").lower() or None
    except ValueError:
        return None


# what urlsplit reads differently from a naive split: userinfo with @ and :, ports, query or fragment before any
# path, upper case, brackets, tabs and newlines inside, a lone ], an empty host, a scheme in capitals, www. links
HREF_CONFUSERS = [
    "http://user:pw@Example.COM:8080/a", "https://a@b@c.cn", "//x.cn?q=/y", "http://x.cn#frag/z", "HTTPS://X.CN",
    "http://[::1]:80/", "http://[bad", "http://x]y.cn/", "http://ex\tample.com/", "http://a.cn\n/b", "http://",
    "https:///path", "http://a.cn:/", "http://%41.cn/", "http://Ā.cn/", " http://pad.cn ", "www.Site.com/a",
    "wwwx.com", "ftp://x.cn", "javascript:void(0)", "/local/page.html", "http:/one-slash.cn", "//", "http://a.cn\\b",
    "http://a.cn?x@y.cn", "http://x.cn:99999/", "http://\x7fx.cn/",
]


def _hrefs(paths: list) -> list[str]:
    out = []
    for path in paths:
        tree = lxml.html.fromstring(path.read_bytes())
        out += [a.get("href") or "" for a in tree.iter("a")]
    return out


def test_plain_host_equals_urlsplit_on_real_links_and_confusers() -> None:
    hrefs = _hrefs(WILD_PAGES + FIXTURE_PAGES) + HREF_CONFUSERS
    assert len(hrefs) > 4000
    inject._host.cache_clear()
    differ = [h for h in hrefs if inject._host(h) != _urlsplit_host(h)]
    assert differ == []
    # the fast path is taken on most real links (the point of it)
    fast = [h for h in hrefs if h.strip().lower().startswith(("http://", "https://", "//")) and h.strip().isascii()]
    assert len(fast) > 0.5 * len([h for h in hrefs if "//" in h])


def _slow(lm: CharLM, rows: np.ndarray) -> np.ndarray:
    """Every row scored as it comes, the unigram table forced off (a code past the BMP in a padding row takes the
    long way; the row is dropped after)."""
    padded = np.vstack([rows, np.array([[0, 0, 0, 1 << 16]], dtype=np.uint64)])
    return lm._logprob(charlm._boundary_history(padded))[:-1]


def _texts() -> list[str]:
    from cleaners.api import clean_document

    texts = []
    for path in WILD_PAGES[:25]:
        record = clean_document(path.read_bytes(), path.name)
        if hasattr(record, "text") and record.text:
            texts.append(record.text)
    return texts


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _texts()


def test_logprob_distinct_rows_equal_every_row(texts: list[str]) -> None:
    lm = CharLM.load()
    assert sum(len(t) for t in texts) > 15_000
    deduped = 0
    for text in texts:
        rows = charlm.windows(charlm.normalise(text))
        fast = lm.logprob(rows)
        distinct = len(np.unique(charlm.pack(rows.astype(np.uint64))))
        deduped += len(rows) >= charlm._DEDUP_MIN_ROWS and distinct < charlm._DEDUP_SHARE * len(rows)
        assert fast.tobytes() == _slow(lm, rows.astype(np.uint64)).tobytes()
        assert float(fast.sum()) == float(_slow(lm, rows.astype(np.uint64)).sum())
    assert deduped >= 1  # the distinct-row path was taken


def test_normalise_table_equals_regexes(texts: list[str]) -> None:
    rnd = random.Random(13)
    pieces = "中文 0aZ,;:!?()\u3000\t\r\n\xa0９ｚＡ\ue000😀\U00020000\ufffd"
    fuzz = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(60, 200))) for _ in range(300)]
    for text in texts + fuzz + ["x" * 70 + "\ud800"]:
        assert charlm.normalise(text) == charlm._normalise(text)


def test_speaker_slots_equal_the_per_place_test(texts: list[str]) -> None:
    confusers = ["说：“必须要看到", "他说：好。说：“必须", "说明：见下文", "要求：熟悉业务", "。表示,x", "：称：", "\n强调，", "说"]
    for text in texts + confusers:
        assert namefit._speaker_slots(text) == [j for j in range(len(text) + 1) if namefit._speaker_slot(text, j)]


def test_term_pattern_alternatives_in_a_fixed_order() -> None:
    """Longest first, then by code point: the same source in every process (PYTHONHASHSEED orders sets), so the
    compiled-pattern disk cache (mirrorclean.regexcache) finds it again; equal-length alternatives match the same
    span wherever both match, so the order among them changes no match."""
    terms = ("华体会体育", "开云体育官网入口", "乐鱼体育", "bet365", "AB体育", "ab体育")
    pattern = spam._term_pattern(terms)
    assert pattern is not None
    cores = sorted({spam.core_of(t) for t in terms} | set(terms), key=lambda c: (-len(c), c))
    alts = "|".join(__import__("re").escape(c) for c in cores if spam.removable(c))
    assert pattern.head.pattern.endswith(f"(?:{alts})")
    assert pattern.search("要推动发展，开云体育官网入口，建设示范区。").group(0) == "开云体育官网入口"


def _one_regex(terms: tuple[str, ...]) -> re.Pattern[str]:
    """spam._term_pattern as it was: head and tail in one regex."""
    cores = sorted({c for c in {spam.core_of(t) for t in terms} | set(terms) if spam.removable(c)}, key=lambda c: (-len(c), c))
    alts = "|".join(re.escape(c) for c in cores)
    return re.compile(rf"[【‘“「\[『〖]?(?:{alts})" + spam._term_tail().pattern, re.I)


TERM_SETS = [("开云体育官网入口", "华体会", "乐鱼体育"), ("bet365", "hth", "AB体育", "ab体育"), ("威尼斯人娱乐城", "金沙")]


@pytest.mark.parametrize("terms", TERM_SETS)
def test_term_pattern_head_and_tail_match_like_one_regex(terms: tuple[str, ...], texts: list[str]) -> None:
    """Head then shared tail = the one regex: on real record texts (their lines) and on strings made of the terms,
    their categories, suffixes, aliases, wrappers, calls to action and bracketed domains, in any case."""
    new = spam.term_pattern(terms)
    old = _one_regex(tuple(sorted(set(terms))))
    rnd = random.Random(9)
    pieces = [*(spam.CATEGORY + "|" + spam.STRONG_SUFFIX + "|" + spam.TAIL).split("|"), "【", "】", "‘", "’", "·", "(",
              "（", "）", ")", " ", "-", "_", "—", "www.", "abc123.com", "点击进入", "【立即注册】", "中国", "(中国)", "官方",
              "x", "7", "Ab", "，", "。", *terms, *(t.upper() for t in terms)]
    fuzz = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 12))) for _ in range(2000)]
    lines = [line for text in texts for line in text.split("\n")]
    hits = 0
    for s in lines + fuzz:
        a, b = old.search(s), new.search(s)
        assert (a and (a.span(), a.group(0))) == (b and (b.span(), b.group(0))), s
        assert [m.span() for m in old.finditer(s)] == [m.span() for m in new.finditer(s)], s
        assert old.sub("\x00", s) == new.sub("\x00", s), s
        hits += a is not None
    assert hits > 100


def test_normalize_fast_paths_equal_the_regexes(texts: list[str]) -> None:
    """The width fold by gather and the line-edge pass skipped without a line break give what translate and the
    regexes give: on real paragraphs, and on fuzz of spaces, breaks, full-width forms and astral characters."""
    from cleaners import normalize

    rnd = random.Random(5)
    pool = "中文 \n\r\t\u3000\xa0，！ａＺ＃～\u2028\u200b&nbsp;😀\U00020000,;:!?()"
    fuzz = ["".join(rnd.choice(pool) for _ in range(rnd.randint(0, 200))) for _ in range(2000)] + ["x" * 80 + "\ud800"]
    paras = [p for text in texts for p in text.split("\n")] + fuzz
    for para in paras:
        assert normalize._fold_width(para) == para.translate(normalize._FOLD_TABLE)
        spaced = normalize._SPACE_RUN_RE.sub(" ", normalize._LINE_BREAK_RE.sub("\n", para))
        assert normalize.normalize_spaces(para) == normalize._LINE_EDGE_RE.sub("\n", spaced).strip()
