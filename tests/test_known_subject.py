"""A listed brand name that is also the article's subject (威尼斯人, the Macau hotel) is not a brand in a title slot
(issue 9, "context decides, not vocabulary"; spam._known_subject): the same title piece over an article that never
concerns it stays spam."""

from __future__ import annotations

import pytest

from cleaners import clean_document
from cleaners.record import SPAM_REASONS, Record

TRIP = ("<p>第一天从珠海拱北口岸过关，坐免费的发财车直接到了澳门威尼斯人酒店，办理入住后先去大运河购物中心逛了逛，"
        "里面的贡多拉船很有意思，船夫还会唱意大利歌。</p>"
        "<p>第二天去了大三巴牌坊和议事亭前地，中午在官也街吃了猪扒包和杏仁饼，下午去妈阁庙，晚上回酒店看了水舞间表演。</p>"
        "<p>第三天早上在酒店吃完早餐，去了路环的安德鲁饼店买蛋挞，然后坐船回香港。整体来说澳门很小，三天足够，"
        "住在威尼斯人交通很方便。</p>")


def article_page(title: str, h1: str, body: str) -> bytes:
    """A bare article page: <title>, the heading, one <p> per line of `body`."""
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n"))
    return f"<html><head><title>{title}</title></head><body><h1>{h1}</h1>{paras}</body></html>".encode()


def spam_cuts(rec: Record) -> list[tuple[str, str, str]]:
    return [(r.where, r.text, r.reason) for r in rec.removed if r.reason in SPAM_REASONS]


@pytest.mark.parametrize("title", ["澳门三日游攻略：入住威尼斯人_携程旅游", "入住威尼斯人：澳门三日游攻略"])
def test_a_macau_itinerary_keeps_its_hotel(title: str) -> None:
    """A travel story whose sentences stay at 澳门威尼斯人酒店: not spam, nothing cut (before: `入住威尼斯人` cut from
    the title as a known brand in a title slot, and the page called spam)."""
    html = (f"<html><head><title>{title}</title></head><body><div class='nav'><a href='/'>首页</a> <a href='/gl'>旅游攻略"
            f"</a></div><article><h1>澳门三日游攻略：入住威尼斯人</h1>{TRIP}</article></body></html>")
    rec = clean_document(html.encode(), "trip.html")
    assert isinstance(rec, Record)
    assert not rec.is_spam_page and not spam_cuts(rec)
    assert "威尼斯人" in rec.title and rec.text.count("威尼斯人") == 2


REPORT_HEAD = "政府工作报告提出今年经济增长目标5%左右"
REPORT = ("<p>新华社北京3月5日电 国务院总理在政府工作报告中提出，今年发展主要预期目标是国内生产总值增长5%左右，城镇新增就业1200万人以上。</p>"
          "<p>报告指出，要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展。</p>")


@pytest.mark.parametrize("title", ["入住威尼斯人：" + REPORT_HEAD, REPORT_HEAD + "_威尼斯人"])
def test_the_same_name_over_an_unrelated_article_is_still_spam(title: str) -> None:
    """The name in a title slot over a government-report story that never names it: spam, cut from the title and
    recorded."""
    html = f"<html><head><title>{title}</title></head><body><h1>{REPORT_HEAD}</h1>{REPORT}</body></html>"
    rec = clean_document(html.encode(), "report.html")
    assert isinstance(rec, Record) and rec.is_spam_page
    assert rec.title == REPORT_HEAD
    assert any(where == "title" and "威尼斯人" in text for where, text, _ in spam_cuts(rec))


FIRM = ("<p>为庆祝春节，公司推出了新春系列活动，活动期间登录即可领取福袋，内含金币和道具，欢迎广大用户参与。</p>"
        "<p>活动时间为2月1日至2月15日，具体规则请查看活动页面说明，如有疑问请联系在线客服。</p>")


def test_a_card_game_firm_titling_its_own_news_is_not_hijacked() -> None:
    """途游棋牌-新春活动上线 over the firm's news, its footer naming 途游棋牌: the site's own name (before: title_hijack
    and a spam page, since the article never says 棋牌). Without the footer's name the title still goes."""
    footer = "<div class='footer'>北京途游网络科技有限公司 途游棋牌 版权所有 京ICP备12345678号</div>"
    html = f"<html><head><title>途游棋牌-新春活动上线</title></head><body><h1>新春活动上线</h1>{FIRM}{footer}</body></html>"
    rec = clean_document(html.encode(), "firm.html")
    assert isinstance(rec, Record) and not rec.is_spam_page and not spam_cuts(rec)
    anonymous = clean_document(html.replace("途游棋牌 版权", "版权").encode(), "firm.html")
    assert isinstance(anonymous, Record) and anonymous.is_spam_page
    assert ("title", "途游棋牌-新春活动上线", "title_hijack") in spam_cuts(anonymous)


QUESTIONS = {
    "家人沉迷赌博怎么办？心理咨询师来解答_39健康问答": (
        "家人沉迷赌博怎么办",
        "问：我丈夫最近沉迷网络赌博，输了很多钱，还借了网贷，我该怎么办？\n答：赌博成瘾是一种行为成瘾，需要家人的理解和专业的帮助。"
        "建议先控制家庭财务，避免他继续借贷。\n同时可以寻求心理咨询或戒赌互助组织的帮助，必要时可以到精神专科医院就诊。"),
    "澳门新葡京酒店怎么样？住客点评_携程": (
        "澳门新葡京酒店住客点评",
        "新葡京酒店位于澳门半岛，外形像一朵莲花，晚上灯光很漂亮，是澳门的地标之一。\n房间比较宽敞，装修金碧辉煌，床很舒服，"
        "早餐种类丰富，服务人员态度也很好。\n酒店离议事亭前地步行大概十分钟，周边吃饭很方便，下次来澳门还会选择葡京。"),
    "百家乐游戏的概率分析 - 数学文化论坛": (
        "百家乐游戏的概率分析",
        "百家乐是赌场中常见的纸牌游戏，本文从数学角度分析其概率。\n计算表明，庄家赢的概率约为45.86%，闲家赢的概率约为44.62%，"
        "和局约为9.52%。\n由于庄家抽水5%，长期来看玩家必然亏损，这也是所有赌场游戏的共同特点。"),
}


@pytest.mark.parametrize("title", sorted(QUESTIONS))
def test_a_headline_about_gambling_or_a_casino_hotel_is_not_a_brand(title: str) -> None:
    """A question or a phrase (怎么办, 怎么样, 的 …) heading an article about that very topic: an addiction Q&A, a
    hotel review, a probability essay. Before: the headline piece was cut from the title as a brand (a gambling word
    inside a short piece, or a listed name in a title slot), the first line of the Q&A with it, and the page called
    spam."""
    h1, body = QUESTIONS[title]
    rec = clean_document(article_page(title, h1, body), "page.html")
    assert isinstance(rec, Record) and not rec.is_spam_page and not spam_cuts(rec)
    assert rec.text.splitlines()[0] == body.splitlines()[0]


def test_a_listed_name_without_a_sentence_over_an_unrelated_story_is_still_spam() -> None:
    html = f"<html><head><title>澳门新葡京_{REPORT_HEAD}</title></head><body><h1>{REPORT_HEAD}</h1>{REPORT}</body></html>"
    rec = clean_document(html.encode(), "report.html")
    assert isinstance(rec, Record) and rec.is_spam_page and rec.title == REPORT_HEAD


def test_a_question_as_a_dumps_whole_title_is_not_a_brand() -> None:
    """A dump whose title line is a question about baccarat over an essay on its odds: before, the whole title was
    taken for one brand the article never names (title_whole) and cut."""
    body = ("很多人认为百家乐的输赢全凭运气，但从数学上看，庄家始终有优势。\n以庄家赢为例，虽然概率略高于闲家，但需要抽取5%的佣金。\n"
            "所以长期玩下去，玩家的期望收益一定是负数，这就是赌场稳赚不赔的原因。")
    dump = f"某网站\n首页 > 资讯\n百家乐为什么总是输\n发布时间：2017-03-08 10:20\n{body}\n上一篇：无\n下一篇：无\n"
    rec = clean_document(dump.encode(), "essay.txt")
    assert isinstance(rec, Record) and not rec.is_spam_page and not spam_cuts(rec)
    assert rec.title == "百家乐为什么总是输"


def test_a_feature_on_a_casino_hotel_keeps_its_name_in_title_and_first_line() -> None:
    """澳门威尼斯人：一座酒店的二十年, the name alone on the line under the headline (a kicker) and in two sentences of
    the story: the seed's slots (title prefix, first line) but the article's own subject. Before: spam, and the
    name cut out of 直接到了澳门威尼斯人酒店. The same two slots over the government-report story stay spam."""
    story = TRIP + "<p>二十年来，澳门威尼斯人见证了路氹城从填海区变成度假区的过程。</p>"
    html = (f"<html><head><title>澳门威尼斯人：一座酒店的二十年_澎湃新闻</title></head><body><h1>澳门威尼斯人：一座酒店的二十年"
            f"</h1><p>澳门威尼斯人</p>{story}</body></html>")
    rec = clean_document(html.encode(), "feature.html")
    assert isinstance(rec, Record) and not rec.is_spam_page and not spam_cuts(rec)
    assert "直接到了澳门威尼斯人酒店" in rec.text
    hacked = (f"<html><head><title>澳门威尼斯人：{REPORT_HEAD}</title></head><body><h1>{REPORT_HEAD}</h1>"
              f"<p>澳门威尼斯人</p>{REPORT}</body></html>")
    rec = clean_document(hacked.encode(), "report.html")
    assert isinstance(rec, Record) and rec.is_spam_page and "威尼斯人" not in rec.text


PHONE = ("<p>红米Note4搭载联发科Helio X20处理器，配备4100mAh大电池，续航表现非常出色。</p>"
         "<p>在我们的测试中，红米Note4连续播放视频可以达到13小时，日常使用两天一充没有问题。</p>")


@pytest.mark.parametrize("site", ["IT168", "hao123", "Hi168"])
def test_a_sites_own_handle_on_the_first_line_of_a_phone_review_is_not_spam(site: str) -> None:
    """Letters + digits alone on the line opening the body is a mirror's first-line slot (hy0868), and a site's own
    name (IT168 over its phone review). On a page that never touches gambling it decides nothing; with a gambling
    word in the page's meta keywords it is a spam line again."""
    head = "<title>红米Note4评测：千元机的续航王者</title>"
    body = f"<h1>红米Note4评测：千元机的续航王者</h1><p>{site}</p>{PHONE}"
    rec = clean_document(f"<html><head>{head}</head><body>{body}</body></html>".encode(), "phone.html")
    assert isinstance(rec, Record) and not rec.is_spam_page and not spam_cuts(rec)
    keywords = "<meta name=keywords content='红米Note4,百家乐'>"
    rec = clean_document(f"<html><head>{head}{keywords}</head><body>{body}</body></html>".encode(), "phone.html")
    assert isinstance(rec, Record) and rec.is_spam_page and ("body", site, "spam_line") in spam_cuts(rec)


REPORTS = {
    "警方破获“开云体育”跨境网络赌博案 涉案金额超10亿_新华网": (
        "警方破获“开云体育”跨境网络赌博案",
        "记者从公安部获悉，浙江警方近日破获一起以“开云体育”为名的跨境网络赌博案，抓获犯罪嫌疑人56名。\n经查，该团伙在境外架设"
        "“开云体育”赌博网站，通过社交平台招揽国内人员参赌，涉案金额超过10亿元。\n警方提醒，网络赌博危害极大，广大群众切勿参与。"),
    "揭秘“华体会”等赌博APP的套路_央视新闻": (
        "揭秘赌博APP的套路",
        "近年来，“华体会”“九游会”等境外赌博APP通过短视频平台大肆推广，以“充值返利”为诱饵吸引用户。\n办案民警介绍，这些平台后台"
        "可以随意修改赔率，参赌人员最终必然血本无归。\n专家建议，要加强对网络广告的监管，斩断赌博平台的推广链条。"),
    "男子沉迷“皇冠”网赌输光百万积蓄_澎湃新闻": (
        "男子沉迷网赌输光百万积蓄",
        "32岁的王某原本有一份稳定的工作，去年在朋友介绍下接触了名为“皇冠”的赌博网站。\n起初他小赢了几笔，随后越陷越深，最终输光了"
        "百万积蓄，还欠下大量债务。\n目前，警方已对该赌博网站的推广人员立案侦查。"),
}


@pytest.mark.parametrize("title", sorted(REPORTS))
def test_crime_news_naming_a_gambling_site_keeps_every_word(title: str) -> None:
    """News about a gambling site names it, in quotes, in its headline and its sentences (spam.reported). Before:
    the quoted name cut from title and text as a brand in a title wrapper, or a headline fragment split at the
    quotes (网赌输光百万积蓄, 等赌博APP的套路) cut as a brand family, and the page called spam."""
    h1, body = REPORTS[title]
    rec = clean_document(article_page(title, h1, body), "news.html")
    assert isinstance(rec, Record) and not rec.is_spam_page and not spam_cuts(rec)
    assert rec.text.splitlines() == body.splitlines()


def test_the_quoted_name_over_an_unrelated_story_or_selling_is_still_spam() -> None:
    """The same quoted name in the title of the government-report story (no gambling word in it), or over a text
    whose sentences sell (注册送彩金): spam."""
    html = f"<html><head><title>“开云体育”{REPORT_HEAD}</title></head><body><h1>{REPORT_HEAD}</h1>{REPORT}</body></html>"
    rec = clean_document(html.encode(), "report.html")
    assert isinstance(rec, Record) and rec.is_spam_page
    selling = ("<p>开云体育是亚洲领先的博彩平台，新用户注册即送彩金88元，百家乐、真人娱乐24小时在线。</p>"
               "<p>开云体育提供足球、篮球投注，首存优惠高达百分之百，立即下载开云体育APP开始赌博。</p>")
    html = f"<html><head><title>“开云体育”官方网站</title></head><body><h1>开云体育</h1>{selling}</body></html>"
    rec = clean_document(html.encode(), "site.html")  # a record, or a reject when nothing but selling is left
    assert rec.is_spam_page and "开云体育" in rec.spam_terms
