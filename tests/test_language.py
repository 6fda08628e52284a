"""`language` is a BCP 47 tag decided by the text's script (zh-Hans / zh-Hant), and `site` keeps a port."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cleaners import CleanOptions, Record, clean_document
from cleaners.language import language_tag

ROOT = Path(__file__).resolve().parent.parent
DANIEL = ROOT.parent / "shared" / "eval" / "daniel-zh-dev" / "html"
TAG = re.compile(r"^(?:zh-Hans|zh-Hant|zh|[a-z]{2,3})$")


def clean(path: Path, **options: bool) -> Record:
    rec = clean_document(path.read_bytes(), path.name, options=CleanOptions(**options))
    assert isinstance(rec, Record), rec
    return rec


def test_traditional_page_is_zh_hant_and_simplified_output_is_zh_hans() -> None:
    page = ROOT / "fixtures" / "pages" / "or04_oldhouse_big5.html"  # <html lang="zh-Hant-TW">, Big5 bytes
    assert clean(page).language == "zh-Hant"
    pytest.importorskip("opencc")
    converted = clean(page, simplified=True)
    assert converted.language == "zh-Hans"
    assert language_tag("zh-Hant-TW", converted.text) == "zh-Hans"  # the converted text itself reads as Simplified


def test_the_text_outweighs_a_wrong_declaration() -> None:
    html = (ROOT / "fixtures" / "pages" / "or01_provgames.html").read_text("utf-8")
    assert clean_document(html.encode("utf-8"), "or01.html").language == "zh-Hans"
    html = re.sub(r"<html[^>]*>", '<html lang="zh_TW">', html, count=1)
    assert 'lang="zh_TW"' in html
    assert clean_document(html.encode("utf-8"), "declared-tw.html").language == "zh-Hans"


@pytest.mark.parametrize("declared", ["zh-CN", "zh-cn", "zh_CN", "zh-Hans", "zh-cmn-Hans", "ZH", "zh-SG"])
def test_declared_spellings_normalise(declared: str) -> None:
    neutral = "中文人口中文人口中文人口"  # no character specific to either script: the declaration decides
    assert language_tag(declared, neutral) == ("zh" if declared == "ZH" else "zh-Hans")
    assert language_tag(declared.replace("CN", "TW").replace("cn", "tw").replace("Hans", "Hant")
                        .replace("SG", "HK"), neutral) in ("zh", "zh-Hant")


@pytest.mark.skipif(not DANIEL.is_dir(), reason="../shared not present")
def test_daniel_pages_get_the_script_their_text_is_in() -> None:
    """DAnIEL declares zh, zh-CN, zh-cn, zh_TW, zh-HK …, and big5.xinhuanet.com pages say zh-cn over Traditional
    text. The script found must agree with OpenCC: text that t2s changes in >= 2% of its ideographs is Traditional."""
    opencc = pytest.importorskip("opencc")
    t2s = opencc.OpenCC("t2s")
    pages = sorted(DANIEL.glob("*big5*"))[:8] + sorted(DANIEL.glob("*.html"))[::15]
    seen = set()
    for page in pages:
        rec = clean_document(page.read_bytes(), page.name)
        if not isinstance(rec, Record):
            continue
        assert rec.language and TAG.match(rec.language), rec.language
        text = rec.text[:3000]
        changed = sum(a != b for a, b in zip(text, t2s.convert(text), strict=False))
        ideographs = len(re.findall(r"[\u4e00-\u9fff]", text))
        assert rec.language == ("zh-Hant" if changed >= 0.02 * ideographs else "zh-Hans"), page.name
        seen.add(rec.language)
    assert seen == {"zh-Hans", "zh-Hant"}


def test_site_keeps_a_non_default_port() -> None:
    page = (ROOT / "fixtures" / "site" / "hualong" / "news" / "101.html").read_bytes()
    rec = clean_document(page, "x", url="http://127.0.0.1:8701/news/101.html", kind="html")
    assert isinstance(rec, Record)
    assert (rec.url, rec.site) == ("http://127.0.0.1:8701/news/101.html", "127.0.0.1:8701")
    rec = clean_document(page, "x", url="https://news.example.cn:443/a.html", kind="html")
    assert rec.site == "news.example.cn"
