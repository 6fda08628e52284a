"""The spam finder on brands no list has seen, and on the ordinary text it must leave alone."""

from __future__ import annotations

import pytest

from cleaners.spam import Slots, clean_paragraphs, clean_title, find_spam_terms, is_family

ARTICLE = [
    "近年来，我市坚持以人民为中心的发展思想，扎实推进城市更新行动，一批老旧街区焕发出新的生机与活力。",
    "据介绍，今年以来全市共启动城市更新项目42个，完成投资超过60亿元，惠及居民3.2万户。",
]


@pytest.mark.parametrize(
    "term",
    ["星耀体育官网入口", "博鑫娱乐app下载手机版", "云顶棋牌官方app下载", "金樽国际(中国)官方网站", "xyty88官网登录入口",
     "鼎盛电竞网页版登录入口", "BX娱乐官方网站"],
)
def test_family_shapes_of_unseen_brands(term: str) -> None:
    assert is_family(term)


@pytest.mark.parametrize(
    "phrase", ["国家统计局官方网站", "中国体育代表团", "国际奥委会", "娱乐圈", "体育总局", "华夏国际集团", "学习强国app"]
)
def test_ordinary_phrases_are_not_families(phrase: str) -> None:
    assert not is_family(phrase)


def test_title_prefix_source_and_first_line_give_an_unknown_brand_away() -> None:
    slots = Slots(title="鑫博汇官方app下载:城市更新让老街区焕发新活力", source_line="鑫博汇官方app下载",
                  first_lines=["鑫博汇88:"])
    terms = find_spam_terms(slots, "\n".join(ARTICLE))
    assert "鑫博汇官方app下载" in terms
    title, removed = clean_title(slots.title, terms)
    assert title == "城市更新让老街区焕发新活力"
    assert removed and removed[0].reason == "spam_brand"
    paras, removed = clean_paragraphs(["鑫博汇88:", *ARTICLE], terms)
    assert paras == ARTICLE
    assert [r.reason for r in removed] == ["spam_line"]


def test_brand_inserted_mid_sentence_is_cut_and_the_sentence_mended() -> None:
    text = "在老城区的青石板路上，沿街商铺重新开张，星耀体育官网入口，吸引了大量市民和游客前来打卡。"
    terms = find_spam_terms(Slots(title="城市更新让老街区焕发新活力"), text)
    assert terms == ["星耀体育官网入口"]
    paras, removed = clean_paragraphs([text], terms)
    assert paras == ["在老城区的青石板路上，沿街商铺重新开张，吸引了大量市民和游客前来打卡。"]
    assert removed[0].text == "星耀体育官网入口"


def test_brand_replacing_an_organisation_name() -> None:
    text = "【金樽国际】集团董事局主席在年会上表示，公司将继续加大研发投入，推动产业升级。"
    terms = find_spam_terms(Slots(title="企业年会召开"), text)
    assert any("金樽国际" in t for t in terms)
    assert clean_paragraphs([text], terms)[0] == ["集团董事局主席在年会上表示，公司将继续加大研发投入，推动产业升级。"]


def test_title_wrappers_and_suffixes() -> None:
    slots = Slots(title="‘博鑫娱乐’自然资源部发布地质灾害防治方案_博鑫娱乐",
                  prevnext=["上一篇：博鑫娱乐app下载：夏季用电高峰来临"])
    terms = find_spam_terms(slots, "\n".join(ARTICLE))
    assert clean_title(slots.title, terms)[0] == "自然资源部发布地质灾害防治方案"


def test_hidden_link_farm_terms() -> None:
    slots = Slots(title="城市更新", hidden=["澳门博彩 百家乐官网 金鼎娱乐城 真人视讯 线上投注"])
    terms = find_spam_terms(slots, "\n".join(ARTICLE))
    assert {"澳门博彩", "金鼎娱乐"} & set(terms)


@pytest.mark.parametrize(
    ("title", "source", "body"),
    [
        ("中国体育代表团出征亚运会_体育_新华网", "新华体育", "中国体育代表团今日出征，国际奥委会官员到场送行。"),
        ("华夏国际：2024年业绩稳步增长", "华夏国际官网", "华夏国际发布年报。华夏国际营收增长。华夏国际将扩大投资。"),
        ("“兵马俑”坐镇 巧克力梦公园(图)_娱乐_新民网", "北京娱乐信报", "以巧克力为主题的公园今日开园。"),
        ("彩票公益金使用情况公告", "财政部", "根据规定，现将2023年度彩票公益金使用情况公告如下。"),
    ],
)
def test_ordinary_pages_have_no_spam_terms(title: str, source: str, body: str) -> None:
    assert find_spam_terms(Slots(title=title, source_line=source), body) == []


@pytest.mark.parametrize(
    ("title", "extra"),
    [
        ("华体会体育(中国)HTH·官方网站-城市更新让老街区焕发新活力", ""),
        ("城市更新让老街区焕发新活力-米乐m6官网登录入口", "米乐m6："),
        ("半岛·BOB官方网站 - 城市更新让老街区焕发新活力", ""),
        ("城市更新让老街区焕发新活力_leyu·乐鱼(中国)体育官方网站", "leyu·乐鱼(中国)体育官方网站"),
        ("九游会J9：城市更新让老街区焕发新活力", ""),
        ("城市更新让老街区焕发新活力 - 爱游戏(ayx)中国官方网站", ""),
    ],
)
def test_brand_name_shapes_in_titles(title: str, extra: str) -> None:
    """Bilingual names, (中国) tags, latin aliases and digit tails: the forms brands take in titles."""
    slots = Slots(title=title, first_lines=[extra] if extra else [])
    terms = find_spam_terms(slots, "\n".join(ARTICLE))
    assert terms, title
    assert clean_title(title, terms)[0].strip(" -_") == "城市更新让老街区焕发新活力"


def test_brand_replacing_a_name_confirmed_by_a_hidden_link_farm() -> None:
    text = "据【永利皇宫】集团负责人介绍，今年以来全市共启动城市更新项目42个。"
    slots = Slots(title="城市更新", hidden=["永利皇宫娱乐城 澳门博彩 百家乐 真人视讯"])
    terms = find_spam_terms(slots, text)
    assert clean_paragraphs([text], terms)[0] == ["据集团负责人介绍，今年以来全市共启动城市更新项目42个。"]


def test_news_agency_brackets_are_not_brands() -> None:
    text = "【环球时报综合报道】据新华社报道，【新华社北京电】今年以来全市共启动城市更新项目42个。"
    assert find_spam_terms(Slots(title="城市更新_环球网", source_line="环球时报"), text) == []


@pytest.mark.parametrize(
    "title",
    [
        "城市更新让老街区焕发新活力-B体育官方网站|B体育app",
        "城市更新让老街区焕发新活力_九游会J9·(中国)官方网站-真人游戏第一品牌",
        "城市更新让老街区焕发新活力-开云体育(中国)官方网站 KAIYUN SPORTS",
    ],
)
def test_brand_suffix_chains_leave_the_headline(title: str) -> None:
    from cleaners.title import main_segment

    terms = find_spam_terms(Slots(title=title), "\n".join(ARTICLE))
    assert main_segment(clean_title(title, terms)[0]) == "城市更新让老街区焕发新活力"


@pytest.mark.parametrize(("page", "brand"), [("mb01_nap.html", "乐途体育登录入口"), ("nc01_harvest.html", "金樽国际官网首页")])
def test_spam_terms_carry_no_neighbouring_field(page: str, brand: str) -> None:
    """来源：乐途体育登录入口 阅读：1523 gave the term `乐途体育登录入口 阅读`: the value stops at the next field."""
    from pathlib import Path

    from cleaners import clean_document

    path = Path(__file__).resolve().parent.parent / "fixtures" / "pages" / page
    record = clean_document(path.read_bytes(), page)
    assert brand in record.spam_terms
    assert not [t for t in record.spam_terms if any(c.isspace() for c in t)], record.spam_terms


def test_an_empty_brand_list_matches_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """The curated list is a supplement: emptied (or with no Latin names) its pattern must not match every position."""
    import cleaners.spam as spam

    monkeypatch.setattr(spam, "known_brands", lambda: ())
    assert spam._known_re.__wrapped__().search("澳门新葡京 yabo 一篇普通的文章") is None
    monkeypatch.setattr(spam, "known_brands", lambda: ("新葡京",))
    assert spam._known_re.__wrapped__().search("一篇普通的文章 yabook") is None
    assert spam._known_re.__wrapped__().search("澳门新葡京").group() == "新葡京"


_REPORT = ("<p>国务院总理在政府工作报告中提出，今年发展主要预期目标是国内生产总值增长5%左右，城镇新增就业1200万人以上。</p>"
           "<p>报告指出，要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展。</p>")
_MATCH = ("<p>在昨晚进行的中超联赛第三轮比赛中，主队凭借下半场的两个进球以2比1战胜客队，取得赛季首胜。</p>"
          "<p>赛后主教练表示，球员们执行了赛前的部署，球迷的支持也给了球队很大的动力。</p>")


def _page(title: str, body: str) -> dict:
    from cleaners import clean_document

    return clean_document(f"<html><head><title>{title}</title></head><body><h1>{title}</h1>{body}</body></html>".encode(),
                          "x.html").to_dict()


@pytest.mark.parametrize("title", ["政府工作报告提出今年增长目标5%左右_乐竞体育", "鼎盛棋牌：政府工作报告提出今年增长目标5%左右",
                                   "政府工作报告提出今年增长目标5%左右-鸿发娱乐"])
def test_a_trade_name_over_an_article_of_another_trade_is_planted(title: str) -> None:
    """A name + a trade (体育, 棋牌, 娱乐 …) in a title slot, not on the list, over an article that never practises
    that trade: a site is named after what it publishes, so the name is the injector's."""
    rec = _page(title, _REPORT)
    assert rec["is_spam_page"]
    assert rec["title"] == "政府工作报告提出今年增长目标5%左右"


@pytest.mark.parametrize("title, body", [("中超第三轮：主队2比1取胜_乐竞体育", _MATCH),   # a sports site's own report
                                         ("政府工作报告提出今年增长目标5%左右_新浪娱乐", _REPORT),  # a portal channel
                                         ("政府工作报告提出今年增长目标5%左右_环球国际", _REPORT)])  # 国际: companies too
def test_a_trade_name_over_its_own_trade_or_a_portal_channel_is_not(title: str, body: str) -> None:
    rec = _page(title, body)
    assert not rec["is_spam_page"]
    assert not any(r["reason"] in ("spam_brand", "title_hijack") for r in rec["removed"])


def test_a_trade_name_as_the_source_of_another_trades_article_is_planted() -> None:
    """来源：星辉彩票 over a government report (a dump like the seed): the 来源 slot names who published it."""
    from cleaners import clean_document

    lines = ["某某机械有限公司", "当前位置：首页 > 新闻中心", "政府工作报告提出今年增长目标", "来源：星辉彩票 发布时间：2024-03-05 10:00",
             *(p[3:] for p in _REPORT.split("</p>") if p)]
    rec = clean_document("\n".join(lines).encode(), "x.txt").to_dict()
    assert rec["is_spam_page"] and "星辉彩票" not in rec["text"]
    sport = clean_document("\n".join([*lines[:3], "来源：乐竞体育 发布时间：2024-03-05 10:00",
                                      *(p[3:] for p in _MATCH.split("</p>") if p)]).encode(), "x.txt").to_dict()
    assert not sport["is_spam_page"]


_STEEL = ("<h1>不锈钢管道产品介绍</h1><p>本公司专业生产各类不锈钢管道，产品广泛应用于石油、化工、食品等行业，质量可靠，价格合理。</p>"
          "<p>公司拥有先进的生产设备和完善的检测手段，通过了ISO9001质量管理体系认证，欢迎新老客户来电洽谈。</p>")


@pytest.mark.parametrize("title", ["不锈钢管道产品介绍-办毕业证", "网上赌博技巧大全"])
def test_a_title_selling_what_the_article_never_touches_is_hijacked(title: str) -> None:
    """No planted block on the page, but the <title> sells a trade (papers, gambling) that neither the article's own
    heading nor its text touches: the heading replaces it and the page is spam."""
    from cleaners import clean_document
    from cleaners.record import SPAM_REASONS

    html = f"<html><head><title>{title}</title></head><body>{_STEEL}</body></html>"
    rec = clean_document(html.encode(), "x.html").to_dict()
    assert rec["is_spam_page"] and rec["title"] == "不锈钢管道产品介绍"
    assert any(r["where"] == "title" and r["text"] == title and r["reason"] in SPAM_REASONS for r in rec["removed"])


@pytest.mark.parametrize("title, body", [
    ("莫菁门事件完整照片 女子露胸与男人疯狂性爱（图）",  # a tabloid's own clickbait (wild-2017 w006013): porn words alone
     "<h2>与 文章关键字：艳照 相关的新闻</h2><p>2010年，柳州一名女子的私密照片在网络上流传，引发了社会各界的广泛讨论。</p>"
     "<p>专家指出，传播他人隐私照片涉嫌违法，网民应当自觉抵制，不信谣不传谣。</p>"),
    ("澳门赌场一日游攻略",  # the article names Macau: a weak word is still the topic's
     "<h1>澳门一日游怎么玩</h1><p>从珠海拱北口岸过关到澳门，步行即可到达议事亭前地，沿途可以品尝葡式蛋挞和猪扒包。</p>"
     "<p>下午可以前往大三巴牌坊和妈阁庙参观，晚上在路氹城欣赏灯光秀，是一条轻松的路线。</p>"),
])
def test_a_selling_title_over_its_own_article_is_not_hijacked(title: str, body: str) -> None:
    from cleaners import clean_document

    rec = clean_document(f"<html><head><title>{title}</title></head><body>{body}</body></html>".encode(), "x.html").to_dict()
    assert not rec["is_spam_page"]
    assert rec["title"] == title


def test_a_search_page_titled_with_a_planted_keyword_loses_the_title() -> None:
    """A legitimate site's search page whose keyword a spammer chose (wild-2017 w000932: ?keyword=公主岭办毕业证☆微信…):
    the title sells and is promotional, the text names no spam topic, so the title goes and the page is spam."""
    from cleaners import clean_document

    html = ("<html><head><title>公主岭办毕业证☆微信QQ☆1131188009 | 公益服务网</title></head><body>"
            "<div class='search'>关键词 公主岭办毕业证☆微信QQ☆1131188009：共0个结果</div>"
            "<div class='side'><h3>政策观察</h3><p>两会特刊：社会组织税收优惠政策解读，专家认为应进一步扩大公益捐赠的税前扣除范围。</p>"
            "<p>社工机构员工的产假待遇如何计算？民政部门表示，应按照劳动合同法和当地规定执行。</p></div></body></html>")
    rec = clean_document(html.encode(), "search.html").to_dict()
    assert rec["is_spam_page"]
    assert "毕业证" not in (rec.get("title") or "") + rec.get("text", rec.get("detail", ""))


def _firm(extra: str, body: str = _STEEL) -> dict:
    from cleaners import clean_document

    html = (f"<html><head><title>不锈钢管道产品介绍_某某不锈钢有限公司</title></head><body>{body}"
            f"<div class='links'>友情链接：<a href='http://www.csteelnews.com/'>中国钢铁网</a> {extra} "
            "<a href='http://www.hc360.com/'>慧聪网</a></div><div class='footer'>版权所有 某某不锈钢有限公司</div></body></html>")
    return clean_document(html.encode(), "x.html").to_dict()


def test_one_paid_gambling_link_on_a_page_that_never_touches_the_trade_makes_it_spam() -> None:
    """A firm's 友情链接 row with one anchor to another site under a casino word (澳门威尼斯人娱乐城 -> vns8888.com): the
    page is spam and the row leaves the text; the same row of ordinary partners is chrome only."""
    rec = _firm("<a href='http://www.vns8888.com/'>澳门威尼斯人娱乐城</a>")
    assert rec["is_spam_page"] and "娱乐城" not in rec["text"]
    assert any(r["reason"] == "gambling_anchor" for r in rec["removed"])
    plain = _firm("<a href='http://www.1688.com/'>阿里巴巴</a>")
    assert not plain["is_spam_page"] and "友情链接" not in plain["text"]


def test_a_gambling_link_beside_an_article_about_the_trade_is_not_evidence() -> None:
    """News about a casino crackdown may link a casino or a regulator: its text names the trade, so it stays ordinary."""
    news = ("<h1>警方破获特大网络赌博案</h1><p>警方日前破获一起特大网络赌博案，犯罪团伙以境外博彩网站为平台，"
            "招揽国内参赌人员，涉案金额超过十亿元，目前主要犯罪嫌疑人已被刑事拘留，案件正在进一步审理中。</p>"
            "<p>办案民警提醒，网络赌博危害极大，广大群众切勿参与，发现线索请及时向公安机关举报。</p>")
    rec = _firm("<a href='http://www.vns8888.com/'>澳门威尼斯人娱乐城</a>", news)
    assert not rec["is_spam_page"]
    assert not any(r["reason"] == "gambling_anchor" for r in rec["removed"])


def test_a_gambling_brand_labelling_a_caption_makes_an_html_page_spam() -> None:
    """wild-2017 w001276's shape as HTML: a caption between the article's pictures is labelled with a coined name + two
    gambling words (永盛真钱棋牌室:…). Whether or not the extractor keeps the caption, the page carried it; a news
    headline about gambling with its own label (澳门赌场：三月收入下降) is no brand."""
    from cleaners import clean_document

    article = ("<p>这位朋友，看来你不了解庄家哦，像这样的新股，没开板之前进入的资金肯定赚翻了，这个不用怀疑吧。</p>"
               "<p>开板后，会有游资接盘，你看到的是股价一路下滑，但这些大资金基本不会恋战，所以不会亏太惨。</p>")
    caption = "<p><img src='a.jpg'></p><p>{}</p><p><img src='b.jpg'></p>"
    page = "<html><head><title>庄家是不是亏惨了</title></head><body><h1>庄家是不是亏惨了</h1>{}{}</body></html>"
    rec = clean_document(page.format(article, caption.format("永盛真钱棋牌室:外媒头条:中国限产导致炼焦煤 价格")).encode(),
                         "x.html").to_dict()
    assert rec["is_spam_page"] and "永盛真钱棋牌室" not in rec["text"]
    assert any(r["reason"] == "spam_label" for r in rec["removed"])
    news = clean_document(page.format(article, caption.format("澳门赌场：三月收入同比下降")).encode(), "x.html").to_dict()
    assert not news["is_spam_page"]


@pytest.mark.parametrize("item, spam", [("金狮真人", True), ("鼎盛娱乐城", True), ("米乐m6", True), ("鸿发娱乐", True),
                                        ("文化娱乐", False), ("福利彩票", False), ("真人秀场", False), ("乐竞体育", False)])
def test_recommendation_row_items(item: str, spam: bool) -> None:
    """A 热门推荐 row under a dump's article: a casino-only trade makes an item a brand whatever its name (金狮 is a
    dictionary word), a curated name does too; channel names (文化娱乐, 福利彩票) and 体育 (sports media) do not."""
    from cleaners import clean_document

    lines = ["某某机械有限公司", "当前位置：首页 > 新闻中心", "政府工作报告提出今年增长目标", "发布时间：2024-03-05 10:00",
             *(p[3:] for p in _REPORT.split("</p>") if p), "上一篇：春耕生产有序推进", "下一篇：城区三所小学新校舍通过竣工验收",
             f"热门推荐：企业文化建设、{item}、安全生产月活动、设备采购公告"]
    rec = clean_document("\n".join(lines).encode(), "x.txt").to_dict()
    assert rec["is_spam_page"] is spam and item not in rec["text"]


def test_the_traditional_table_covers_every_character_of_the_word_lists() -> None:
    """spam.traditional maps the characters of the topic words and curated brands to their Traditional forms (so a
    Taiwanese page's 賭場 is read as 赌场); a word added to either list with a character the table lacks would be
    read in Simplified only. OpenCC's s2t, the table's source, must agree on every such character."""
    from importlib import resources

    import opencc

    from cleaners.spam import traditional

    cc = opencc.OpenCC("s2t")
    words = []
    for name in ("spam_topics.txt", "brands.txt"):
        for line in resources.files("cleaners").joinpath(f"data/{name}").read_text("utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                words.append(line.split("\t")[-1].strip())
    chars = {c for w in words for c in w if "\u4e00" <= c <= "\u9fff"}
    assert len(chars) > 100
    assert sorted(c for c in chars if cc.convert(c) != traditional(c)) == []


# Macau gaming-revenue news (the shape of 澳门博彩监察协调局's monthly figures as the press reports them): a gambling
# noun heading the title is the article's topic. Before topic_label, 澳门博彩 was cut out of 澳门博彩监察协调局 and
# the page called spam.
MACAU_NEWS = ("<p>澳门博彩监察协调局公布数据显示，三月份澳门博彩毛收入为二百一十亿澳门元，按年下降约一成，为连续第二个月下跌。</p>"
              "<p>分析人士指出，内地旅客减少以及贵宾厅业务收缩是主要原因，预计第二季度博彩收入将维持低位。</p>")


@pytest.mark.parametrize("title", ["澳门赌场：三月博彩收入同比下降一成", "澳门博彩：三月博彩收入同比下降一成",
                                   "赌场新闻：三月博彩收入同比下降一成", "三月博彩收入同比下降一成_澳门赌场"])
@pytest.mark.parametrize("kind", ["html", "text"])
def test_a_gambling_topic_label_over_gambling_news_is_kept(title: str, kind: str) -> None:
    from cleaners import clean_document

    if kind == "html":
        page = f"<html><head><title>{title}</title></head><body><h1>{title}</h1>{MACAU_NEWS}</body></html>"
        record = clean_document(page.encode(), "macau.html")
    else:
        text = title + "\n\n" + MACAU_NEWS.replace("<p>", "").replace("</p>", "\n")
        record = clean_document(text.encode(), "macau.txt", kind="text")
    assert not record.is_spam_page and not record.spam_terms
    assert "澳门博彩监察协调局" in record.text
    assert not [r for r in record.removed if r.reason.startswith("spam")]


@pytest.mark.parametrize("title", ["鑫博汇赌场：三月博彩收入同比下降一成", "葡京赌场官网：政府工作报告提出今年经济增长目标"])
def test_a_coined_or_entry_shaped_gambling_prefix_is_still_planted(title: str) -> None:
    from cleaners import clean_document

    body = MACAU_NEWS if "博彩收入" in title else "<p>国务院总理在政府工作报告中提出，今年发展主要预期目标是国内生产总值增长5%左右。</p>" * 2
    record = clean_document(f"<html><head><title>{title}</title></head><body>{body}</body></html>".encode(), "x.html")
    assert record.is_spam_page and title.split("：")[0] not in (record.title or "")


# A title piece with a brand's shape (alias 米乐m6, bilingual 必威betway中文版, X(中国)官方网站) that the page never names
# anywhere else. Invented names, on no list: the page's silence is the evidence, not the name.
@pytest.mark.parametrize("title, brand", [
    ("政府工作报告提出今年增长目标5%左右_鑫澜m8", "鑫澜m8"),
    ("瑞博ruibo中文版-政府工作报告提出今年增长目标5%左右", "ruibo"),
    ("鑫澜m8:政府工作报告提出今年增长目标5%左右", "鑫澜m8"),
    ("政府工作报告提出今年增长目标5%左右-鼎汇会(中国)官方网站-IOS/安卓通用版/手机APP下载", "鼎汇会"),
])
def test_a_brand_shaped_title_piece_the_page_never_names_is_planted(title: str, brand: str) -> None:
    rec = _page(title, _REPORT)
    assert rec["is_spam_page"]
    assert brand not in rec["title"] + rec["text"]
    assert any(r["reason"] == "spam_brand" and r["where"] == "title" for r in rec["removed"])


# wild-2017 w005367 (ordinary): a forum's own bilingual name in its title suffix; the page names it by its channels'
# links (kdslife.com) and its 宽带山 menu, never as 宽带山KDS.
_KDS = ('<div class="nav"><a href="http://club.kdslife.com/f_1_15.html" title="">宽带山论坛</a>'
        '<a href="http://trip.kdslife.com/" title="">宽带山旅游</a></div>'
        "<p>楼主：请问有人申请过国际精品网的会员吗？听说要先交一笔押金，不知道靠不靠谱，有没有了解的朋友说一下。</p>"
        "<p>回复：我朋友去年申请过，押金后来退了，不过审核要等一个多月，建议先打电话问清楚再决定。</p>")
_PHONE = ("<p>魅族mx6采用5.5英寸1080P屏幕，搭载联发科十核处理器，配备3060mAh电池，实测续航可以坚持一天半。</p>"
          "<p>总体来看，魅族mx6在同价位中表现均衡，适合注重续航和拍照的用户。</p>")


@pytest.mark.parametrize("title, body", [
    ("有人申请过国际精品网吗-宽带山KDS-宽带山社区-第一城市消费门户", _KDS),  # the site: an acronym, its domain
    ("千元机续航实测：一天半不是问题_魅族mx6", _PHONE),  # the product the review is about
    ("第3987章 奇怪的关系-校花的贴身高手 - 思路客", _REPORT),  # w001623: a bare site name, never repeated: left alone
    ("政府工作报告提出今年增长目标5%左右_美国CNN", _REPORT),  # a medium's acronym, not a brand's alias
])
def test_a_title_piece_the_page_names_or_without_a_brand_shape_stays(title: str, body: str) -> None:
    rec = _page(title, body)
    assert not rec["is_spam_page"]
    assert not any(r["reason"] in ("spam_brand", "title_hijack") for r in rec["removed"])


def test_a_dump_title_line_with_a_brand_shaped_piece_its_text_never_names() -> None:
    """A crawl's plain-text extract: the <title> is the first line, the dump's own text is the whole page."""
    from cleaners import clean_document

    report = [p[3:] for p in _REPORT.split("</p>") if p]
    rec = clean_document("\n".join(["政府工作报告提出今年增长目标5%左右_鑫澜m8", *report]).encode(), "x.txt").to_dict()
    assert rec["is_spam_page"] and "鑫澜m8" not in rec["title"] + rec["text"]
    phone = [p[3:] for p in _PHONE.split("</p>") if p]
    rec = clean_document("\n".join(["千元机续航实测：一天半不是问题_魅族mx6", *phone]).encode(), "x.txt").to_dict()
    assert not rec["is_spam_page"]
