"""Tests for cleaners.decode: decode_bytes on real byte strings of the kinds Chinese sites serve."""

import random

import pytest

from cleaners.decode import DecodeError, declared_charsets, decode_bytes

SIMPLIFIED = "基层治理是国家治理的基石，统筹推进乡镇（街道）和城乡社区治理，是实现国家治理体系和治理能力现代化的基础工程。"
TRADITIONAL = "基層治理是國家治理的基石，統籌推進鄉鎮（街道）和城鄉社區治理，是實現國家治理體系和治理能力現代化的基礎工程。"


def page(body: str, meta: str = "", title: str = "新闻") -> str:
    return f"<!DOCTYPE html>\n<html><head>{meta}<title>{title}</title></head>\n<body><p>{body}</p></body></html>\n"


GB_META = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'


def test_utf8_without_bom():
    html = page(SIMPLIFIED, '<meta charset="utf-8">')
    assert decode_bytes(html.encode("utf-8")) == (html, "utf-8")


def test_utf8_with_bom_strips_it():
    html = page(SIMPLIFIED)
    assert decode_bytes(b"\xef\xbb\xbf" + html.encode("utf-8")) == (html, "utf-8-sig")


@pytest.mark.parametrize(("codec", "name"), [("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be")])
def test_utf16_with_bom(codec, name):
    html = page(SIMPLIFIED)
    assert decode_bytes("\ufeff".encode(codec) + html.encode(codec)) == (html, name)


def test_utf16_without_bom_is_sniffed_from_nul_positions():
    html = page(SIMPLIFIED)
    assert decode_bytes(html.encode("utf-16-le")) == (html, "utf-16-le")


def test_gbk_bytes_declared_gb2312_use_the_superset():
    html = page(SIMPLIFIED + "镕玥喆", GB_META)  # 镕 玥 喆 are GBK but not GB2312
    assert decode_bytes(html.encode("gbk")) == (html, "gb18030")


def test_utf8_bytes_declared_gb2312_come_out_right():
    html = page(SIMPLIFIED, GB_META)
    assert decode_bytes(html.encode("utf-8"), "gb2312") == (html, "utf-8")


def test_gb18030_only_characters():
    text = SIMPLIFIED + "𠀀𪚥䶮€"  # supplementary-plane ideographs, Ext A, four-byte sequences
    html = page(text, '<meta charset="gbk">')
    data = html.encode("gb18030")
    with pytest.raises(UnicodeEncodeError):
        html.encode("gbk")
    assert decode_bytes(data) == (html, "gb18030")


def test_big5_with_declaration():
    html = page(TRADITIONAL, '<meta charset="big5">', "新聞")
    assert decode_bytes(html.encode("big5")) == (html, "big5hkscs")


def test_big5_without_declaration_uses_the_detector():
    html = page(TRADITIONAL, title="新聞")
    text, encoding = decode_bytes(html.encode("big5"))
    assert text == html
    assert encoding in ("big5hkscs", "cp950")


def test_hkscs_characters_need_the_superset():
    html = page(TRADITIONAL + "嘅咗", '<meta charset="big5">', "新聞")  # Cantonese HKSCS characters
    assert decode_bytes(html.encode("big5hkscs")) == (html, "big5hkscs")


def test_gbk_without_any_declaration_uses_the_detector():
    html = page(SIMPLIFIED)
    assert decode_bytes(html.encode("gbk")) == (html, "gb18030")


def test_xml_declaration_is_read():
    xml = f'<?xml version="1.0" encoding="GBK"?>\n<rss><item><title>{SIMPLIFIED}</title></item></rss>'
    assert decode_bytes(xml.encode("gbk")) == (xml, "gb18030")


def test_wrong_http_charset_utf8_bytes():
    html = page(SIMPLIFIED)
    assert decode_bytes(html.encode("utf-8"), "iso-8859-1") == (html, "utf-8")


def test_wrong_http_charset_loses_to_meta():
    html = page(SIMPLIFIED, GB_META)
    assert decode_bytes(html.encode("gbk"), "utf-8") == (html, "gb18030")


def test_server_default_latin1_does_not_mangle_gbk():
    html = page(SIMPLIFIED)  # Tomcat's ISO-8859-1 default, no <meta>
    assert decode_bytes(html.encode("gbk"), "text/html; charset=ISO-8859-1") == (html, "gb18030")


def test_meta_utf16_without_nul_bytes_is_not_believed():
    html = page(SIMPLIFIED, '<meta charset="utf-16">')  # a "saved as" page re-encoded to GBK
    assert decode_bytes(html.encode("gbk")) == (html, "gb18030")


def test_real_latin1_page_with_latin1_header():
    text = "Café Müller serves crème brûlée; naïve résumé façade."
    assert decode_bytes(text.encode("latin-1"), "iso-8859-1") == (text, "cp1252")


@pytest.mark.parametrize("meta", [GB_META, ""])
def test_truncated_multibyte_sequence_at_end_of_gbk_page(meta):
    html = page(SIMPLIFIED, meta).split("</p>")[0]
    data = html.encode("gbk")[:-1]  # cut inside the final "。"
    assert decode_bytes(data) == (html[:-1], "gb18030")


def test_truncated_multibyte_sequence_at_end_of_utf8_page():
    html = page(SIMPLIFIED).split("</p>")[0]
    assert decode_bytes(html.encode("utf-8")[:-2]) == (html[:-1], "utf-8")


def test_a_few_bad_bytes_in_a_long_page_are_replaced():
    good = page(SIMPLIFIED * 20, GB_META).encode("gbk")
    data = good.replace("城乡".encode("gbk"), b"\xff\xff", 1)
    text, encoding = decode_bytes(data)
    assert encoding == "gb18030"
    assert 0 < text.count("\ufffd") <= 2
    assert text.count("基层治理") == 20


def test_many_bad_bytes_are_not_papered_over():
    data = page(SIMPLIFIED).encode("gbk").replace("治理".encode("gbk"), b"\xff\xfe")
    with pytest.raises(DecodeError):
        decode_bytes(data, "gbk")


def test_pure_ascii():
    assert decode_bytes(b"<html><body>Hello, world.</body></html>") == (
        "<html><body>Hello, world.</body></html>",
        "ascii",
    )


@pytest.mark.parametrize(
    "junk",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + bytes(200),
        random.Random(7).randbytes(4000),
        random.Random(8).randbytes(4000).replace(b"\x00", b"\x01"),  # no NULs: detector finds nothing
        bytes(range(1, 32)) * 20,  # control characters only
    ],
)
def test_binary_junk_raises(junk):
    with pytest.raises(DecodeError):
        decode_bytes(junk)


def test_empty_bytes_raise():
    with pytest.raises(DecodeError, match="empty"):
        decode_bytes(b"")


def test_decode_error_is_a_value_error():
    assert issubclass(DecodeError, ValueError)


def test_declared_charsets_aliases_and_order():
    data = b'<?xml version="1.0" encoding="x-gbk"?><meta charset=GB_2312-80><meta charset="nonsense">'
    assert declared_charsets(data, "Big5") == ["big5", "gbk", "gb2312"]
