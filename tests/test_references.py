"""Tests for cleaners.references: split_references, cited_numbers, reference_numbers."""

from pathlib import Path

import pytest

from cleaners.references import cited_numbers, looks_like_citation, reference_numbers, split_references

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_77c6651b61511a25.txt"


@pytest.fixture(scope="module")
def seed_lines() -> list[str]:
    return SEED.read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def seed_article(seed_lines: list[str]) -> list[str]:
    """The seed's article paragraphs: the lines indented with ideographic em spaces."""
    return [line for line in seed_lines if line.startswith("\u2003\u2003")]


def test_seed_references(seed_article: list[str]) -> None:
    body, refs = split_references(seed_article)
    assert len(refs) == 18
    assert refs[0].startswith("[1]朱正威,刘莹莹.韧性治理")
    assert refs[-1].startswith("[22]徐柳怡,汪涛.")
    assert all(not r[0].isspace() for r in refs)
    assert body == seed_article[: len(body)]
    assert body[-1].strip().startswith("〔本文系2024年国家社会科学基金")
    assert len(body) + len(refs) == len(seed_article)


def test_seed_missing_citations(seed_article: list[str]) -> None:
    body, refs = split_references(seed_article)
    cited = {n for para in body for n, _, _ in cited_numbers(para)}
    listed = reference_numbers(refs)
    assert listed == set(range(1, 23)) - {7, 11, 15, 16}
    assert sorted(cited - listed) == [7, 11, 15, 16]
    assert listed <= cited


def test_seed_with_short_trailing_navigation(seed_lines: list[str], seed_article: list[str]) -> None:
    nav = [line for line in seed_lines if line.startswith(("上一篇", "下一篇"))]
    assert len(nav) == 2
    body, refs = split_references([*seed_article, "", *nav])
    assert len(refs) == 18
    assert body[-2:] == nav


def test_long_trailing_paragraph_means_no_block(seed_article: list[str]) -> None:
    long_line = "这是一段很长的正文段落，" * 5
    body, refs = split_references([*seed_article, long_line])
    assert refs == []
    assert body == [*seed_article, long_line]


def test_body_paragraph_starting_with_citation_stays() -> None:
    paras = [
        "在统分结合的多元参与体系下，多方统筹策略是实现基层韧性治理的核心手段。",
        "[9]这种由治理体系中的治理核心作出的策略选择，必须遵循情境适配原则，2023年以来尤其如此。",
        "总的来说，韧性治理是治理体系在治理尺度规限下的动态调适。",
        "[1]朱正威,刘莹莹.韧性治理:风险与应急管理的新路径[J].行政论坛,2020,27(05):81-87.",
    ]
    body, refs = split_references(paras)
    assert body == paras[:3]
    assert refs == [paras[3].strip()]


def test_trailing_body_paragraph_starting_with_citation_is_not_a_reference() -> None:
    paras = [
        "正文第一段。",
        "[9]这种由治理体系中的治理核心作出的策略选择，必须是遵循情境适配原则的，这一点已被大量实践反复证明。",
    ]
    assert split_references(paras) == (paras, [])


def test_english_references_section() -> None:
    paras = [
        "Urban resilience has become a central concern of local governance.",
        "It draws on several strands of research [1, 2].",
        "References",
        "Smith, J. (2020). Urban resilience. Cities, 12(3), 45-67.",
        "Doe, A., et al. Governance networks. Oxford University Press, 2018.",
        "",
        "World Bank. Building resilience. https://www.worldbank.org/resilience",
    ]
    body, refs = split_references(paras)
    assert body == paras[:2]
    assert refs == [paras[3], paras[4], paras[6]]
    assert reference_numbers(refs) == set()
    assert [n for n, _, _ in cited_numbers(body[1])] == [1, 2]


def test_chinese_section_with_plain_numbers_and_footer() -> None:
    paras = [
        "正文段落。",
        "【参考文献】",
        "1. 王华.从六个方面提升基层党组织组织力[J].中国党政干部论坛,2018,(03):79-81.",
        "2、王同昌.基层党组织组织力提升面临的挑战及路径选择[J].中州学刊,2018,(08):15-19.",
        "（责任编辑：张三）",
    ]
    body, refs = split_references(paras)
    assert body == ["正文段落。", "（责任编辑：张三）"]
    assert refs == paras[2:4]
    assert reference_numbers(refs) == {1, 2}


def test_heading_followed_by_body_is_not_a_section() -> None:
    paras = [
        "目录",
        "参考文献",
        "第一部分正文很长很长，讨论基层治理的理论基础与实践经验，并结合重庆的案例展开分析，提出若干政策建议。",
        "第二部分正文同样很长，讨论党组织在社区应急治理中的作用与机制，分析嵌入、动员与整合三个环节的逻辑。",
    ]
    assert split_references(paras) == (paras, [])


def test_notes_and_references_sections() -> None:
    paras = [
        "正文①。",
        "注释",
        "①《习近平谈治国理政》第三卷，外文出版社2020年版，第12页。",
        "参考文献",
        "[1]陈家刚.基层治理:转型发展的逻辑与路径[J].学习与探索,2015,(02):47-55.",
    ]
    body, refs = split_references(paras)
    assert body == ["正文①。"]
    assert refs == [paras[2], paras[4]]


def test_circled_numbered_notes_without_heading() -> None:
    paras = [
        "党的二十大报告指出①，要加快转变超大特大城市发展方式②。",
        "① 习近平：《高举中国特色社会主义伟大旗帜》，人民出版社2022年版，第32页。",
        "② 同上，第33页。",
    ]
    body, refs = split_references(paras)
    assert body == paras[:1]
    assert refs == [
        "① 习近平：《高举中国特色社会主义伟大旗帜》，人民出版社2022年版，第32页。",
        "② 同上，第33页。",
    ]
    assert reference_numbers(refs) == {1, 2}


def test_other_numbering_styles() -> None:
    paras = [
        "正文。",
        "［1］ 张勤,宋青励.韧性治理[J].理论探讨,2021,(05):152-160.",
        "(2) 许小玲.韧性治理视域下乡村振兴实践路径研究[J].理论月刊,2021.",
        "注3：国务院. 关于加强基层治理的意见[EB/OL]. http://www.gov.cn/zhengce/2021-07/11/",
        "【4】 陈振明.公共治理的实践变化与模式重构[J].东南学术,2023,(06):68-77.",
    ]
    body, refs = split_references(paras)
    assert body == ["正文。"]
    assert reference_numbers(refs) == {1, 2, 3, 4}


def test_enumerated_conclusion_is_not_references() -> None:
    paras = ["结论如下。", "（1）加强组织建设。", "（2）完善工作机制。", "1. 提升治理能力。", "2. 强化协同。"]
    assert split_references(paras) == (paras, [])


def test_no_references() -> None:
    assert split_references([]) == ([], [])
    paras = ["第一段正文。", "第二段正文，2024年以来成效明显。", "（责任编辑：张三）"]
    assert split_references(paras) == (paras, [])


def test_paragraphs_are_not_mutated() -> None:
    paras = ["正文", "  [1]a.b[J].c,2020.", "  [2]d.e[M].北京:人民出版社,2019."]
    copy = list(paras)
    body, refs = split_references(paras)
    assert paras == copy
    assert refs == ["[1]a.b[J].c,2020.", "[2]d.e[M].北京:人民出版社,2019."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("能力[4],最终", [(4, 2, 5)]),
        ("见[3-5]。", [(3, 1, 6), (4, 1, 6), (5, 1, 6)]),
        ("见[3–5]。", [(3, 1, 6), (4, 1, 6), (5, 1, 6)]),
        ("见[3,7]。", [(3, 1, 6), (7, 1, 6)]),
        ("见[3][4]。", [(3, 1, 4), (4, 4, 7)]),
        ("见［12］与【13】。", [(12, 1, 5), (13, 6, 10)]),
        ("见[ 3 ， 7 ]。", [(3, 1, 10), (7, 1, 10)]),
        ("文献[J].2020,[2020]与[0]和[1000]", []),
        ("没有引用", []),
    ],
)
def test_cited_numbers(text: str, expected: list[tuple[int, int, int]]) -> None:
    assert cited_numbers(text) == expected
    for _, start, end in expected:
        assert text[start] in "[［【" and text[end - 1] in "]］】"


def test_reference_numbers() -> None:
    refs = ["[1]a[J].2020.", "［2］b", "⑶c", "注4 d", "5.e", "6、f", "⑦g", "Smith 2020."]
    assert reference_numbers(refs) == {1, 2, 3, 4, 5, 6, 7}
    assert reference_numbers([]) == set()


def test_looks_like_citation_limits() -> None:
    assert looks_like_citation("[1]张三.论治理[J].理论探讨,2021(05):1-9.")
    assert not looks_like_citation("")
    assert not looks_like_citation("[1]" + "很长的正文" * 70 + "[J]")
    assert not looks_like_citation("（1）加强组织建设，完善工作机制。")


def test_bulleted_reference_list_in_html_becomes_references_not_a_dropped_link_list() -> None:
    from cleaners import Record, clean_document

    para = "短视频平台的兴起改变了青少年获取信息的方式，也对深度阅读提出了新的挑战[1]。整本书阅读需要持续的注意力[2]。"
    items = "".join(f"<li>[{i}]作者{i}.论阅读第{i}题[J].中国出版,202{i},(0{i}):41-45.</li>" for i in range(1, 5))
    html = ("<html><head><meta charset='utf-8'><title>阅读</title></head><body><div class='post'><h1>阅读</h1>"
            + "".join(f"<p>第{n}部分。{para}</p>" for n in "一二三四五六")
            + f"<h3>参考文献</h3><ol class='refs'>{items}</ol></div>"
            "<p class='kw'>本文关键词：青少年阅读，短视频</p></body></html>")
    rec = clean_document(html.encode(), source="t.html")
    assert isinstance(rec, Record)
    assert rec.references == [f"[{i}]作者{i}.论阅读第{i}题[J].中国出版,202{i},(0{i}):41-45." for i in range(1, 5)]
    assert "参考文献" not in rec.text and "[J]" not in rec.text
    assert not any(r.reason == "link_list" for r in rec.removed)
