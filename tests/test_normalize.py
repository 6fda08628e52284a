"""Tests for cleaners.normalize: the small fixes and their compositions."""

import pytest

from cleaners.normalize import (
    dedupe_paragraphs,
    join_hard_breaks,
    narrow_fullwidth_alnum,
    normalize_paragraph,
    normalize_paragraphs,
    normalize_spaces,
    remove_invisible,
    to_simplified,
    unescape_entities,
    unify_punctuation_width,
)

# --- unescape_entities -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("城乡&nbsp;社区", "城乡\xa0社区"),
        ("党建&amp;治理", "党建&治理"),
        ("&#x4E2D;&#x56FD;", "中国"),
        ("&#20013;&#22269;", "中国"),
        ("&lt;p&gt;正文&lt;/p&gt;", "<p>正文</p>"),
        ("&ldquo;一核多元&rdquo;", "“一核多元”"),
        ("&nbsp&nbsp首页", "\xa0\xa0首页"),
    ],
)
def test_unescape_entities(text, expected):
    assert unescape_entities(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "基层治理是国家治理的基石。",
        "Tom & Jerry",
        "https://example.com/list.php?id=1&copy=2&reg=3",
        "AT&T 与 R&D 部门",
        "&unknownentity; stays",
    ],
)
def test_unescape_entities_leaves_other_text(text):
    assert unescape_entities(text) == text


# --- remove_invisible --------------------------------------------------------------------------


def test_remove_invisible():
    text = "\ufeff基层\u200b治理\u200c是\u200d国家\u2060治理\u00ad的\u200e基石\u202a。\u2066x\u2069"
    assert remove_invisible(text) == "基层治理是国家治理的基石。x"


def test_remove_invisible_keeps_spaces():
    text = "Hello world\u3000中国\xa0北京\n下一行\t制表"
    assert remove_invisible(text) == text


# --- normalize_spaces --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\u3000\u3000基层治理是国家治理的基石。", "基层治理是国家治理的基石。"),
        ("来源:人民网\xa0\xa0\xa0\xa0发布时间:2025-11-13", "来源:人民网 发布时间:2025-11-13"),
        ("a\u2002b\u2003c\u2009d\u202fe", "a b c d e"),
        ("  first line  \r\n\t second\tline\t", "first line\nsecond line"),
        ("第一段\u2028第二段", "第一段\n第二段"),
        ("no change here", "no change here"),
    ],
)
def test_normalize_spaces(text, expected):
    assert normalize_spaces(text) == expected


# --- unify_punctuation_width -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("基石,统筹推进乡镇(街道)和城乡", "基石，统筹推进乡镇（街道）和城乡"),
        ("发布时间:2025-11-13 09:31:09", "发布时间：2025-11-13 09:31:09"),
        ("来源:开云体育官方app下载", "来源：开云体育官方app下载"),
        ("治理问题;多重响应", "治理问题；多重响应"),
        ("真的吗?太好了!", "真的吗？太好了！"),
        ("什么?!", "什么？！"),
        ("中国 , 北京 ; 上海", "中国，北京；上海"),
        ("使用Python,效率很高", "使用Python，效率很高"),
        ("共有3,000人,其中", "共有3,000人，其中"),
        ("比分3:2,主队获胜", "比分3:2，主队获胜"),
        ("（项目编号:24CGL117)阶段性成果", "（项目编号：24CGL117）阶段性成果"),
        ("《我们的全球之家》(Our Global Neighborhood)中", "《我们的全球之家》（Our Global Neighborhood）中"),
        ("研究(2020)表明", "研究（2020）表明"),
        ("访问http://www.gov.cn/a.htm?id=3,获取全文", "访问http://www.gov.cn/a.htm?id=3，获取全文"),
        ("ＧＤＰ增长５．２％", "GDP增长5.2％"),
    ],
)
def test_unify_punctuation_width(text, expected):
    assert unify_punctuation_width(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "09:31:09",
        "2025-11-13 09:31:09",
        "2020,27(05):81-87",
        "Hello, world! How are you? Fine: thanks; bye.",
        "See https://example.com/search?q=a,b;c:d!",
        "请访问 https://www.example.com/path?a=1,b=2 查看",
        "跟着社会治理现代化的推进[2],这使得",  # the [2] itself stays; only the comma changes
        "见图1(a)和图2(b)",
        "调用print(x)函数",
        "ratio 1:2, value (a,b)",
        "[1]朱正威,刘莹莹.韧性治理:风险与应急管理的新路径[J].行政论坛,2020,27(05):81-87.",
        "[5]张三.网络治理研究[EB/OL].(2023-01-05)[2024-02-01].https://example.cn/x.html.",
        "基层治理是国家治理的基石，统筹推进乡镇（街道）和城乡社区治理。",
    ],
)
def test_unify_punctuation_width_leaves_alone(text):
    expected = text.replace("[2],", "[2]，")
    assert unify_punctuation_width(text) == expected


def test_reference_lines_stay_but_body_lines_change():
    text = "正文内容,继续\n[1]王明.论治理[J].学报,2020,(05):1-9."
    assert unify_punctuation_width(text) == "正文内容，继续\n[1]王明.论治理[J].学报,2020,(05):1-9."


def test_narrow_fullwidth_alnum():
    assert narrow_fullwidth_alnum("ＡＢＣ１２３ｘｙｚ，（中）") == "ABC123xyz，（中）"


# --- join_hard_breaks --------------------------------------------------------------------------

WRAPPED_ZH = [
    "第一章　总则",
    "　　第一条　为了规范基层治理工作，提高治理效能，根据有关法律法规，结合本地实际，制定",
    "本办法。",
    "　　第二条　本办法适用于本市行政区域内乡镇（街道）和城乡社区的治理活动，以及相关的监",
    "督管理工作，具体包括社区服务、网格管理、应急处置和矛盾纠纷化解等事项，由各级党组织",
    "统一领导。",
    "　　第三条　基层治理工作坚持党的领导，坚持以人民为中心，坚持共建共治共享的原则。",
]


def test_join_hard_breaks_chinese():
    assert join_hard_breaks(WRAPPED_ZH) == [
        "第一章　总则",
        "　　第一条　为了规范基层治理工作，提高治理效能，根据有关法律法规，结合本地实际，制定本办法。",
        "　　第二条　本办法适用于本市行政区域内乡镇（街道）和城乡社区的治理活动，以及相关的监"
        "督管理工作，具体包括社区服务、网格管理、应急处置和矛盾纠纷化解等事项，由各级党组织统一领导。",
        "　　第三条　基层治理工作坚持党的领导，坚持以人民为中心，坚持共建共治共享的原则。",
    ]


def test_join_hard_breaks_english():
    lines = [
        "The quick brown fox jumps over the lazy dog and keeps running through the",
        "forest until it reaches the river, where it stops to drink some water and",
        "rests for a while.",
        "Chapter Two",
        "The next morning the fox woke up early, looked around the quiet riverbank and",
        "decided to go home.",
    ]
    assert join_hard_breaks(lines) == [
        "The quick brown fox jumps over the lazy dog and keeps running through the forest until it "
        "reaches the river, where it stops to drink some water and rests for a while.",
        "Chapter Two",
        "The next morning the fox woke up early, looked around the quiet riverbank and decided to go home.",
    ]


@pytest.mark.parametrize(
    "lines",
    [
        ["床前明月光，", "疑是地上霜。", "举头望明月，", "低头思故乡。"],  # short lines: a poem
        [
            "这是一个很长的段落，它完整地表达了一个意思，并且以句号结束，没有任何硬换行的问题存在。",
            "第二段同样很长，描述了另外一个事情，也同样以句号结尾，所以不应该与其他段落合并在一起。",
            "参考文献",
            "[1]朱正威,刘莹莹.韧性治理:风险与应急管理的新路径[J].行政论坛,2020,27(05):81-87.",
        ],
        [
            "党建引领基层韧性治理的行动逻辑与实践样本：来自重庆市若干区县的调查与思考",
            "一、基层韧性治理的内在要求与党组织的功能定位以及二者之间的耦合关系分析",
            "（一）风险靶向与多重响应的要求源于当前城乡社区治理环境与治理问题的现实",
        ],  # numbered headings never continue a line
        ["一行", ""],
        [],
    ],
)
def test_join_hard_breaks_leaves_alone(lines):
    assert join_hard_breaks(lines) == lines


def test_join_hard_breaks_keeps_blank_lines():
    lines = [
        "统筹推进乡镇（街道）和城乡社区治理，是实现国家治理体系和治理能力现代化的基础工",
        "程。",
        "",
        "在基层治理体系中，党组织处于领导地位、发挥领导作用，基于党组织这一定位，以党建",
        "引领基层韧性治理具有必然性。",
    ]
    assert join_hard_breaks(lines) == [
        "统筹推进乡镇（街道）和城乡社区治理，是实现国家治理体系和治理能力现代化的基础工程。",
        "",
        "在基层治理体系中，党组织处于领导地位、发挥领导作用，基于党组织这一定位，以党建引领基层韧性治理具有必然性。",
    ]


# --- to_simplified -----------------------------------------------------------------------------


def test_to_simplified():
    assert to_simplified("基層治理是國家治理的基石，統籌推進鄉鎮（街道）和城鄉社區治理。") == (
        "基层治理是国家治理的基石，统筹推进乡镇（街道）和城乡社区治理。"
    )


def test_to_simplified_leaves_simplified_and_english():
    for text in ("基层治理是国家治理的基石。", "Hello, world.", ""):
        assert to_simplified(text) == text


def test_to_simplified_names_the_extra_when_opencc_is_missing(monkeypatch):
    import sys

    from cleaners import normalize

    normalize._t2s.cache_clear()
    monkeypatch.setitem(sys.modules, "opencc", None)  # makes `import opencc` raise ImportError
    try:
        with pytest.raises(ImportError, match=r"mirrorclean\[zh\]"):
            to_simplified("國家")
    finally:
        normalize._t2s.cache_clear()


# --- dedupe_paragraphs -------------------------------------------------------------------------


def test_dedupe_paragraphs_keeps_first_occurrence():
    paras = [
        "基层治理是国家治理的基石,统筹推进乡镇(街道)和城乡社区治理。",
        "上一篇:禁令最新资讯",
        "基层治理是国家治理的基石，统筹推进乡镇（街道）和城乡社区治理。",
        "基层治理是 国家治理的基石，统筹推进乡镇（街道）和城乡社区治理。\u200b",
        "上一篇：禁令最新资讯",
        "下一篇：宁波人和机械",
    ]
    kept, dropped = dedupe_paragraphs(paras)
    assert kept == [paras[0], paras[1], paras[5]]
    assert dropped == [paras[2], paras[3], paras[4]]


def test_dedupe_paragraphs_distinct_stay():
    paras = ["第一段。", "第二段。", "Hello world.", "Hello, world."]
    assert dedupe_paragraphs(paras) == (paras, [])


# --- compositions ------------------------------------------------------------------------------


def test_normalize_paragraph_polluted_input():
    raw = "\u3000\u3000基层治理是国家治理的基石,统筹推进乡镇(街道)和城乡&nbsp;社区治理\u200b,是实现国家治理体系现代化的基础工程。 "
    assert (
        normalize_paragraph(raw)
        == "基层治理是国家治理的基石，统筹推进乡镇（街道）和城乡 社区治理，是实现国家治理体系现代化的基础工程。"
    )


def test_normalize_paragraph_english_unchanged():
    text = "Resilient governance, in short, is a new path: see https://example.org/a?b=1&c=2 (2020)."
    assert normalize_paragraph(text) == text


def test_normalize_paragraphs_drops_empties_and_duplicates():
    paras = [
        "\u3000\u3000基層治理是國家治理的基石,統籌推進鄉鎮(街道)和城鄉社區治理。",
        "&nbsp;\u200b\u3000",
        "",
        "基层治理是国家治理的基石，统筹推进乡镇（街道）和城乡社区治理。",
        "发布时间:2025-11-13 09:31:09",
    ]
    kept, dropped = normalize_paragraphs(paras, simplified=True)
    assert kept == [
        "基层治理是国家治理的基石，统筹推进乡镇（街道）和城乡社区治理。",
        "发布时间：2025-11-13 09:31:09",
    ]
    assert dropped == ["基层治理是国家治理的基石，统筹推进乡镇（街道）和城乡社区治理。"]


def test_normalize_paragraphs_keeps_traditional_by_default():
    kept, dropped = normalize_paragraphs(["國家治理", "国家治理"])
    assert kept == ["國家治理", "国家治理"]
    assert dropped == []
