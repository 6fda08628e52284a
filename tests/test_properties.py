"""Properties of `cleaners.clean_document` that must hold on any input (hypothesis).

For arbitrary bytes and for arbitrary mutations of the real fixture pages (cut, spliced, repeated, overwritten,
with hostile markup dropped in): the result is a Record or a Reject with a known reason, every flag's offsets
lie inside `text`, the record is JSON, and cleaning the record again in the form it came in (its title and
paragraphs as a page, or as a dump) removes nothing more. A slow example fails by the test's timeout, never by a timed assertion.

Examples are derandomised (the same on every run, so CI cannot flake); `HYPOTHESIS_PROFILE=explore` draws
many more, at random.
"""

from __future__ import annotations

import json
import os
from html import escape
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cleaners import Record, Reject, clean_document
from cleaners.record import REJECT_REASONS

ROOT = Path(__file__).resolve().parent.parent
# (bytes, kind): the fixture pages and the seed dump
PAGES = [(p.read_bytes(), "text" if p.suffix == ".txt" else "html")
         for p in sorted([*(ROOT / "fixtures" / "pages").iterdir(), *(ROOT / "seeds").glob("*.txt")]) if p.is_file()]

settings.register_profile("ci", max_examples=40, deadline=None, derandomize=True, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("explore", max_examples=500, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Markup a hostile page drops in: unclosed tags and comments, long blank runs, stray encodings, brands.
TOKENS = [b"<a href=", b"<a href='/x'>", b"</a>", b"<style>", b"{", b"}", b"<!--", b"-->", b"<script>", b"<p>",
          b"</div>", b"<meta charset=big5>", b"<meta http-equiv=refresh content='0;url=http://127.0.0.1/'>",
          "。".encode(), b" " * 500, b"\t" * 300, b"\x00", b"\xff\xfe", "\u200b".encode(),
          "注 [".encode(), "2024年1月1日".encode() + b" " * 200, "澳门新葡京娱乐场官网".encode(), b"&#x5b;&amp;",
          b"<title>", b"</title>", b"<![CDATA[", b"<?xml encoding='utf-16'?>"]


@st.composite
def mutated_pages(draw: st.DrawFn) -> tuple[bytes, str]:
    original, kind = draw(st.sampled_from(PAGES))
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["cut", "delete", "repeat", "overwrite", "insert", "token"]))
        i = draw(st.integers(0, len(data)))
        j = draw(st.integers(i, min(len(data), i + 4096)))
        if op == "cut":
            data = data[:i]
        elif op == "delete":
            del data[i:j]
        elif op == "repeat":
            data[i:i] = data[i:j] * draw(st.integers(1, 3))
        elif op == "overwrite":
            data[i:j] = draw(st.binary(min_size=j - i, max_size=j - i))
        elif op == "insert":
            data[i:i] = draw(st.binary(max_size=64))
        else:
            data[i:i] = draw(st.sampled_from(TOKENS)) * draw(st.integers(1, 20))
    return bytes(data), kind


def check_result(result: Record | Reject) -> None:
    """The contract every result keeps, whatever the input."""
    assert isinstance(result, (Record, Reject)), type(result)
    json.dumps(result.to_dict(), ensure_ascii=False, default=str)
    if isinstance(result, Reject):
        assert result.reason in REJECT_REASONS, result
        return
    assert isinstance(result.text, str) and result.text
    for flag in result.flags:
        assert isinstance(flag["type"], str)
        assert 0 <= flag["start"] <= flag["end"] <= len(result.text), (flag, len(result.text))
    for removal in result.removed:
        assert removal.reason and isinstance(removal.where, str) and isinstance(removal.text, str)


def clean_again(record: Record, kind: str) -> Record | Reject:
    """Clean a record again in the form it came in: a plain page (title, paragraphs), or a text dump."""
    if kind == "text":
        return clean_document(f"{record.title or ''}\n{record.text}".encode(), "again.txt", kind="text")
    title = escape(record.title or "")
    body = "".join(f"<p>{escape(p)}</p>" for p in record.text.split("\n"))
    page = (f"<html><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><h1>{title}</h1>{body}</body></html>").encode()
    return clean_document(page, "again.html", kind="html")


@pytest.mark.timeout(300)
@given(data=st.binary(max_size=20_000), kind=st.sampled_from([None, "html", "text"]))
def test_arbitrary_bytes_give_a_record_or_a_reject(data: bytes, kind: str | None) -> None:
    check_result(clean_document(data, "fuzz", kind=kind))


@pytest.mark.timeout(600)
@given(mutated=mutated_pages())
def test_mutated_real_pages_keep_the_contract_and_cleaning_again_removes_nothing(mutated: tuple[bytes, str]) -> None:
    page, kind = mutated
    result = clean_document(page, "mutated", kind=kind)
    check_result(result)
    if isinstance(result, Record):
        again = clean_again(result, kind)
        check_result(again)
        assert isinstance(again, Record), again
        assert [(r.reason, r.text) for r in again.removed] == []


def test_the_fixture_pages_are_fixed_points() -> None:
    """The unmutated pages: each record, cleaned again, loses nothing and keeps its text."""
    for page, kind in PAGES:
        result = clean_document(page, "page", kind=kind)
        if isinstance(result, Record) and result.title:
            again = clean_again(result, kind)
            assert isinstance(again, Record) and again.removed == [], (result.title, again)
            assert again.text == result.text, result.title


SLOTTED = st.text(alphabet="盛洲体育玖鑫会威霆平台讯（记者）·【】：:\n，。县水利局公布名单 ", max_size=60)


@given(titles=st.lists(SLOTTED, min_size=1, max_size=6), texts=st.lists(SLOTTED, min_size=1, max_size=6))
@example(titles=["盛洲体育·县水利局公布名单了", "【盛洲体育】县水利局公布名单", "县水利局"],
         texts=["玖鑫会讯（记者）县水利局公布名单。", "玖鑫会讯（记者）县水利局", "威霆平台：\n县水利局公布名单"])
def test_the_site_pass_only_cuts_slot_openings_and_keeps_flags_on_their_characters(titles: list[str],
                                                                                   texts: list[str]) -> None:
    """cleaners.sitepass on any records of one site: a changed title or text is the old one with an opening cut
    (never a character elsewhere), every flag still marks the same characters, the record stays JSON."""
    from cleaners.sitepass import SiteBrands

    recs = [{"url": f"http://a.cn/{i}", "title": t, "text": x, "removed": [], "spam_terms": [], "is_spam_page": False,
             "flags": [{"type": "censored_gap", "start": j, "end": j + 1} for j in range(0, len(x), 7)]}
            for i, (t, x) in enumerate(zip(titles, texts, strict=False))]
    finder = SiteBrands()
    brands = finder.find(recs)
    for old in recs:
        new = finder.apply(old, brands)
        json.dumps(new, ensure_ascii=False)
        assert old["title"].endswith(new["title"]) and old["text"].endswith(new["text"])
        shift = len(old["text"]) - len(new["text"])
        for f in new["flags"]:
            assert 0 <= f["start"] < f["end"] <= len(new["text"])
            assert new["text"][f["start"]:f["end"]] == old["text"][f["start"] + shift:f["end"] + shift]


@given(paras=st.lists(st.text(alphabet="网址微信薇.．*╆☆看色片а1234567890 http://x.cc吃喝玩乐，。", max_size=40), max_size=8))
def test_dropping_evasive_adverts_keeps_the_other_paragraphs_in_order(paras: list[str]) -> None:
    from cleaners.evasion import drop_evasive_ads

    kept, removed = drop_evasive_ads(paras)
    assert len(kept) + len(removed) == len(paras)
    it = iter(paras)
    assert all(any(p == q for q in it) for p in kept)  # a subsequence of the input
    assert all(r.reason == "evasive_ad" and r.text in paras for r in removed)


# Notation many dump writers share, Chinese text, masks, separators, bullets, boxes, an embed line and an image name.
DUMP_ALPHABET = "来源：新华社邓习在**_#|-─│┼ \t[]()0123456789abcXY，。：embed/.swf•*"


@settings(max_examples=300)
@given(lines=st.lists(st.text(alphabet=DUMP_ALPHABET, max_size=30), max_size=12))
def test_undoing_dump_notation_keeps_every_chinese_character(lines: list[str]) -> None:
    """cleaners.dumplines takes notation off (Markdown marks, table borders, image names, embed lines) and rejoins split
    lines; whatever the lines, it never drops or adds a Chinese character (a mask's neighbours included)."""
    import re
    from collections import Counter

    from cleaners.dumplines import undress

    cjk = re.compile(r"[\u4e00-\u9fff]")
    assert Counter(cjk.findall("".join(undress(lines)))) == Counter(cjk.findall("".join(lines)))
