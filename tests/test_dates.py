"""Tests for cleaners.dates: parse_date, find_date, find_published, published_from_meta."""

from pathlib import Path

import pytest

from cleaners.dates import find_date, find_published, parse_date, published_from_meta

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_77c6651b61511a25.txt"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-11-13 09:31:09", "2025-11-13T09:31:09"),
        ("2025年11月13日 09:31", "2025-11-13T09:31"),
        ("2025年11月13日09:31:09", "2025-11-13T09:31:09"),
        ("2025/11/13", "2025-11-13"),
        ("2025.11.13", "2025-11-13"),
        ("2025-1-3", "2025-01-03"),
        ("二〇二五年十一月十三日", "2025-11-13"),
        ("二〇二五年一月三日", "2025-01-03"),
        ("二○二四年十二月三十一日", "2024-12-31"),
        ("二Ｏ二五年三月八日", "2025-03-08"),
        ("2025年11月13日 下午3:05", "2025-11-13T15:05"),
        ("2025年11月13日 上午11:05", "2025-11-13T11:05"),
        ("2025年11月13日 晚上8:30", "2025-11-13T20:30"),
        ("2025年11月13日 星期四 09:31", "2025-11-13T09:31"),
        ("2025年11月13日（周四）", "2025-11-13"),
        ("2025年11月13日 9时31分", "2025-11-13T09:31"),
        ("2025年11月13日 9时31分08秒", "2025-11-13T09:31:08"),
        ("2024-06-18T10:22:31+08:00", "2024-06-18T10:22:31+08:00"),
        ("2024-06-18T10:22:31.123+0800", "2024-06-18T10:22:31+08:00"),
        ("2024-06-18T02:22:31Z", "2024-06-18T02:22:31Z"),
        ("2024-06-18 10:22", "2024-06-18T10:22"),
        ("２０２５－１１－１３　０９：３１", "2025-11-13T09:31"),
        ("June 18, 2024", "2024-06-18"),
        ("Posted on Jun 18th, 2024 at 3:05 pm", "2024-06-18T15:05"),
        ("18 June 2024", "2024-06-18"),
        ("发布日期：20250113", "2025-01-13"),
        ("日期:20250113093109", "2025-01-13T09:31:09"),
        ("来源:开云体育官方app下载 \u00a0\u00a0 发布时间:2025-11-13 09:31:09", "2025-11-13T09:31:09"),
    ],
)
def test_parse_date_formats(text: str, expected: str) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "没有日期的句子",
        "20250113",  # a bare 8-digit number is not a date unless labelled
        "2025-13-01",  # month 13
        "2025-02-29",  # not a leap year
        "2025年4月31日",
        "1989-06-04",  # before the default year range
        "2101-01-01",
        "2025年11月",  # no day
        "11月13日",  # no year
        "版本 1.2025.11.13",
        "二〇二五年十三月一日",
    ],
)
def test_parse_date_rejects(text: str) -> None:
    assert parse_date(text) is None


def test_parse_date_invalid_time_keeps_date() -> None:
    assert parse_date("2025-11-13 25:61") == "2025-11-13"
    assert parse_date("2024-02-29") == "2024-02-29"


def test_parse_date_year_range_is_configurable() -> None:
    assert parse_date("1989-06-04", min_year=1900) == "1989-06-04"
    assert parse_date("2024-01-01", max_year=2020) is None


def test_parse_date_takes_first_valid_date() -> None:
    assert parse_date("2025-13-40 之后 2025-11-13 之前 2024-01-01") == "2025-11-13"
    assert parse_date("2025年11月13日至2025-11-20") == "2025-11-13"


def test_parse_date_labelled_compact() -> None:
    assert parse_date("20250113", labelled=True) == "2025-01-13"
    assert parse_date("20251313", labelled=True) is None


def test_find_date_offsets() -> None:
    assert find_date("时间：2025-11-13，地点") == ("2025-11-13", 3, 13)
    assert find_date("无") is None


def test_find_published_seed_meta_line() -> None:
    lines = SEED.read_text(encoding="utf-8").splitlines()[:12]
    iso, index = find_published(lines)
    assert iso == "2025-11-13T09:31:09"
    assert lines[index].startswith("来源:")


def test_find_published_prefers_labelled_line() -> None:
    lines = ["2024-01-01", "本站编辑部", "发布时间：2025-11-13 09:31"]
    assert find_published(lines) == ("2025-11-13T09:31", 2)


def test_find_published_prefers_publication_over_update() -> None:
    lines = ["更新时间：2025-12-01", "日期：2025-11-20", "发表于 2025-11-13"]
    assert find_published(lines) == ("2025-11-13", 2)
    assert find_published(["更新时间：2025-12-01", "日期：2025-11-20"]) == ("2025-11-20", 1)
    assert find_published(["Last updated: 2025-12-01"]) == ("2025-12-01", 0)


def test_find_published_byline_lines() -> None:
    assert find_published(["作者：张三　2025年11月13日"]) == ("2025-11-13", 0)
    assert find_published(["来源：人民网　2025-11-13 10:00　浏览次数：123"]) == ("2025-11-13T10:00", 0)
    assert find_published(["Published: June 18, 2024 by admin"]) == ("2024-06-18", 0)


def test_find_published_line_mostly_a_date() -> None:
    lines = ["标题", "人民日报 2025年11月13日 第05版", "正文"]
    assert find_published(lines) == ("2025-11-13", 1)


def test_find_published_ignores_dates_in_body_sentences() -> None:
    body = (
        "2024年4月1日，习在重庆考察时强调，要深入推进超大城市现代化治理示范区建设，"
        "加快构建基层智治体系，提升城市治理的科学化精细化智能化水平。"
    )
    assert len(body) > 60
    assert find_published([body]) == (None, None)
    assert find_published(["2024年4月，习在重庆考察时强调"]) == (None, None)
    assert find_published([body, "2025-11-13"]) == ("2025-11-13", 1)


def test_find_published_long_line_needs_a_colon_after_its_label() -> None:
    body = "据国家统计局发布2024年1月1日的数据显示，全国城镇化率持续提高，超大特大城市的治理任务日益繁重，需要加快构建现代化治理体系。"
    assert len(body) > 60
    assert find_published([body]) == (None, None)
    meta = "来源：重庆日报　作者：张三　责任编辑：李四　发布时间：2025-11-13 09:31　浏览次数：1024　字号：大 中 小　打印本页"
    assert len(meta) > 60
    assert find_published([body, meta]) == ("2025-11-13T09:31", 1)


def test_find_published_nothing() -> None:
    assert find_published([]) == (None, None)
    assert find_published(["首页 > 新闻", "这段时间里大家都很忙"]) == (None, None)


def test_published_from_meta_keys() -> None:
    assert published_from_meta({"article:published_time": "2024-06-18T10:22:31+08:00"}) == (
        "2024-06-18T10:22:31+08:00"
    )
    assert published_from_meta({"weibo: article:create_at": "2025-11-13 09:31:09"}) == "2025-11-13T09:31:09"
    assert published_from_meta({"PubDate": "2025年11月13日"}) == "2025-11-13"
    assert published_from_meta({"datePublished": "2025-11-13"}) == "2025-11-13"
    assert published_from_meta({"og:release_date": "20251113"}) == "2025-11-13"


def test_published_from_meta_priority_and_fallback() -> None:
    meta = {
        "pubdate": "2025-01-01",
        "article:published_time": "2024-12-31",
        "article:modified_time": "2025-02-02",
    }
    assert published_from_meta(meta) == "2024-12-31"
    assert published_from_meta({"article:modified_time": "2025-02-02"}) is None
    assert published_from_meta({"x-publish-time": "2025-03-04"}) == "2025-03-04"
    assert published_from_meta({"article:published_time": "garbage", "pubdate": "2025-03-04"}) == "2025-03-04"
    assert published_from_meta({}) is None
