"""A name + 体育/娱乐/棋牌/电竞 in a title slot that the page never names, over a page of another trade (issue 9,
deliverable 5; spam.unnamed_trade_pieces): a spam page, the piece cut from the title and recorded; a real site's
own channel, a card-game firm, an e-sport club, a sports report keep their titles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cleaners import clean_document
from cleaners.decode import decode_bytes
from cleaners.record import SPAM_REASONS, Record

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
DANIEL = EVAL / "daniel-zh-dev" / "html"
WILD = EVAL / "wild-2017" / "pages"
# a finance story of ce.cn (中国经济网): no word of sport, show business, games, cards or gambling on the page
FINANCE = "20111209_finance.ce.cn_3d5502a97074009069edc19ec55e81c69c63cd2f8d07142b7229888f.html"
FINANCE_HEAD = "疫苗泡沫破灭复牌跌停 重庆啤酒估值或推倒重来"

# the government-report page of bench/title_probe.py
HEAD = "政府工作报告提出今年经济增长目标5%左右"
REPORT = ("<p>新华社北京3月5日电 国务院总理在政府工作报告中提出，今年发展主要预期目标是国内生产总值增长5%左右，城镇新增就业1200万人以上。</p>"
          "<p>报告指出，要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展。</p>"
          "<p>报告强调，要大力推进现代化产业体系建设，加快发展新质生产力，深化科技体制改革，推进高水平科技自立自强。</p>")
FORMS = ["{h}_{b}", "{b}-{h}", "{b}:{h}"]


def page(title: str, body: str = REPORT, h1: str = HEAD, footer: str = "") -> bytes:
    return (f"<html><head><title>{title}</title></head><body><h1>{h1}</h1>{body}<div class='footer'>{footer}</div>"
            "</body></html>").encode()


def spam_cuts(rec: Record) -> list[tuple[str, str, str]]:
    return [(r.where, r.text, r.reason) for r in rec.removed if r.reason in SPAM_REASONS]


def real_page(path: Path, suffix: str) -> bytes:
    """The page with `suffix` spliced after the text of every <title> (a CMS comment may carry one too)."""
    html, _ = decode_bytes(path.read_bytes())
    return re.sub(r"(<title[^>]*>)(.*?)(</title>)", lambda m: m.group(1) + m.group(2).rstrip() + suffix + m.group(3),
                  html, flags=re.I | re.S).encode("utf-8")


@pytest.mark.parametrize("name", ["凯旋体育", "宏图电竞", "ob电竞"])
@pytest.mark.parametrize("form", FORMS)
def test_probe_forms_of_unlisted_names_make_a_spam_page_and_leave_the_title(name: str, form: str) -> None:
    """bench/title_probe.py's forms of names on no list (凯旋体育: a dictionary word + 体育, so not trade_mismatch's
    coined name; X电竞, which trade_mismatch spares): spam, gone from title and text, the cut recorded as `title`."""
    rec = clean_document(page(form.format(h=HEAD, b=name)), "probe.html")
    assert isinstance(rec, Record) and rec.is_spam_page
    assert rec.title == HEAD and name not in rec.text
    assert any(where == "title" and name in text for where, text, _ in spam_cuts(rec))


# a science story of sina.com.cn, whose nav names the portal's 体育 and 娱乐 channels (a hacked portal page has them too)
SINA = "20111209_tech.sina.com.cn_0fa41e8e44da0e347e00b35c8bca43b2eea9d8ec4cfb184f4b5a1be9.html"
SINA_HEAD = "专业天文爱好者详解月全食多种拍法"


@pytest.mark.parametrize(("name", "head"), [(FINANCE, FINANCE_HEAD), (SINA, SINA_HEAD)])
@pytest.mark.parametrize("suffix", ["_凯旋体育", "_宏图电竞", "_鼎盛娱乐"])
def test_a_trade_name_spliced_into_a_real_pages_title(name: str, head: str, suffix: str) -> None:
    """Real DAnIEL pages (a ce.cn finance story; a sina.com.cn science story under a nav of channels 体育, 娱乐 …)
    with a sports/e-sport/entertainment name spliced into the title: the page names it nowhere and the article never
    touches the trade. Unspliced, the same page is not spam and nothing is cut."""
    path = DANIEL / name
    plain = clean_document(path.read_bytes(), name)
    assert isinstance(plain, Record) and not plain.is_spam_page and spam_cuts(plain) == []
    rec = clean_document(real_page(path, suffix), name)
    assert isinstance(rec, Record) and rec.is_spam_page
    assert suffix[1:] not in (rec.title or "") + rec.text and head in (rec.title or "")
    assert ("title", suffix[1:], "spam_brand") in spam_cuts(rec)
    assert rec.text == plain.text  # the article is untouched


SPORTS = ("<p>中超联赛第三轮昨晚结束，广州队客场两球击败上海申花，继续领跑积分榜。</p>"
          "<p>主教练赛后表示，球队在防守端表现出色，球员们执行了赛前的部署。</p>")
ESPORTS = ("<p>在昨晚结束的春季赛中，宏图电竞战队以3比1击败对手，晋级季后赛。</p>"
           "<p>俱乐部经理表示，选手们状态正在回升，下一阶段将继续加强训练。</p>")
# (a card-game firm whose text never names its trade is taken for a hijack by api.drop_hijacked_title on main
# already: 棋牌 in the title, no topic word in the text; the footer is chrome)
CARDS = ("<p>公司今日发布2023年度报告，棋牌游戏业务全年营业收入同比增长12%，净利润增长8%。</p>"
         "<p>董事会表示，公司将继续加大研发投入，完善防沉迷与合规体系，回报投资者。</p>")
FIRM = ("<p>公司今日发布2023年度报告，全年营业收入同比增长12%，净利润增长8%。</p>"
        "<p>董事会表示，公司将继续加大研发投入，完善合规体系，回报投资者。</p>")


@pytest.mark.parametrize(("title", "body", "footer"), [
    ("中超第三轮战罢 广州队客场取胜_新浪体育", SPORTS, ""),  # a portal's sports channel over a sports report
    (f"{HEAD}_新浪娱乐", REPORT, ""),  # a portal's channel (新浪网) on a bare page, over any story
    (f"{HEAD}_环球体育", REPORT, ""),  # 环球网's
    ("中超第三轮战罢 广州队客场取胜_凯旋体育", SPORTS, ""),  # an unknown sports site over a sports report
    ("宏图电竞春季赛晋级季后赛_宏图电竞", ESPORTS, ""),  # an e-sport club's own news
    ("公司发布2023年度报告_途游棋牌", CARDS, "©2024 途游棋牌 版权所有"),  # a card-game firm's own news
    ("公司发布2023年度报告-星光娱乐", FIRM, "星光娱乐传媒有限公司 版权所有"),  # a media company named in its footer
    ("公司发布2023年度报告_凯旋体育", FIRM, "<a href='/'>凯旋体育首页</a> 关于我们"),  # named by its own nav
])
def test_a_sites_own_trade_name_stays(title: str, body: str, footer: str) -> None:
    rec = clean_document(page(title, body, h1=re.split(r"[_-]", title)[0], footer=footer), "ok.html")
    assert isinstance(rec, Record) and not rec.is_spam_page and spam_cuts(rec) == []


@pytest.mark.parametrize("name", [
    "20111209_entertainment.dbw.cn_8fa5bdab49279054df3545634ea584e90ce02a9639ff58106cb9f2ca.html",  # …-东北网娱乐
    "20111215_ent.xinmin.cn_1cd6050e9f77f3314a3f98deeabc518c80418a2de36b12044ad4f6b2.html",  # …_娱乐_新民网
])
def test_real_entertainment_channels_stay(name: str) -> None:
    rec = clean_document((DANIEL / name).read_bytes(), name)
    assert isinstance(rec, Record) and not rec.is_spam_page and spam_cuts(rec) == []


@pytest.mark.parametrize(("name", "word"), [
    ("w009893.html", "本田杰德"),  # 皇冠 as a Toyota Crown in a car-video channel's carousel
    ("w005029.html", "英雄联盟"),  # a game-streaming room: 英雄联盟直播_虎牙直播
    ("w000179.html", "张国荣"),  # a video site's 娱乐频道 page
])
def test_wild_ordinary_pages_of_games_cars_and_show_business_stay(name: str, word: str) -> None:
    rec = clean_document((WILD / name).read_bytes(), name)
    assert not rec.is_spam_page
    if isinstance(rec, Record):
        assert spam_cuts(rec) == [] and word in (rec.title or "") + rec.text


def test_a_macau_itinerary_keeps_its_casino_hotel() -> None:
    body = ("<p>第二天我们入住了澳门威尼斯人酒店，酒店里有运河购物中心，晚上去看了水舞间表演。</p>"
            "<p>第三天去了大三巴牌坊和议事亭前地，中午在官也街吃了葡挞和猪扒包。</p>")
    rec = clean_document(page("澳门三日游攻略_携程旅游", body, h1="澳门三日游攻略"), "macau.html")
    assert isinstance(rec, Record) and not rec.is_spam_page and "威尼斯人" in rec.text and spam_cuts(rec) == []
