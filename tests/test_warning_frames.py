"""An article that warns about betting offers or house lotteries keeps its sentences (chrome.WARNING_FRAME_RE,
plainspam.casino_offers and house_lotteries): the offer named inside a warning, a report or a scam story is the
article's, not a banner. Team-written confusers in the shapes of community and lottery-explainer pages; before this
fix the first sentence below was cut as `promo` (HTML and text) and the text page was called spam."""

from __future__ import annotations

from cleaners import clean_document

WARNING = ["近年来，网络赌博呈蔓延之势。网络赌博平台常以注册送彩金为噱头吸引玩家，一旦充值便难以提现，不少人因此倾家荡产。",
           "社区工作人员介绍，这类平台往往宣称提款3分钟到账，实际上资金去向不明，玩家的钱很快输光。",
           "居民李女士说，她的丈夫去年迷上了网上百家乐，先后投入二十多万元，最后连房贷都还不上。",
           "警方提示：所谓“首存送100%”“天天返水”都是诱饵，切勿轻信。",
           "社区将继续开展宣传活动，引导居民远离赌博，珍惜家庭。"]
HEAD = "远离网络赌博 守护家庭幸福"


def test_warning_article_as_html_keeps_every_sentence() -> None:
    page = (f"<html><head><title>{HEAD}_平安社区</title></head><body><h1>{HEAD}</h1><p>2017-03-05 来源：平安社区</p>"
            + "".join(f"<p>{p}</p>" for p in WARNING) + "</body></html>")
    rec = clean_document(page.encode(), "warning.html").to_dict()
    assert not rec["is_spam_page"]
    assert all(p in rec["text"] for p in WARNING), [r for r in rec["removed"] if r["reason"] == "promo"]


def test_warning_article_as_text_keeps_every_sentence() -> None:
    dump = "\n".join([HEAD, "2017-03-05 10:20 来源：平安社区", *WARNING])
    rec = clean_document(dump.encode(), "warning.txt", kind="text").to_dict()
    assert not rec["is_spam_page"] and not rec["spam_terms"]
    assert all(p in rec["text"] for p in WARNING)


def test_lottery_explainer_keeps_its_title_and_menu_is_no_spam() -> None:
    body = ["分分彩是一种每分钟开奖一次的彩票玩法，国家从未批准发行此类彩票，凡是销售分分彩的网站都属于非法网站。",
            "五分彩同样如此，购彩者应当通过正规渠道购买福利彩票和体育彩票。",
            "重庆时时彩和广东快乐十分等高频彩由各省彩票中心发行，开奖间隔在十分钟以上。"]
    rec = clean_document("\n".join(["快乐彩票知识：什么是分分彩", "2017-03-05 来源：彩票研究", *body]).encode(), "l.txt",
                         kind="text").to_dict()
    assert not rec["is_spam_page"] and rec["title"] == "快乐彩票知识：什么是分分彩"
    menu = ["彩票常识问答", "2017-03-05 来源：彩票研究", "目录", "分分彩", "五分彩", "时时彩", body[0]]
    assert not clean_document("\n".join(menu).encode(), "m.txt", kind="text").to_dict()["is_spam_page"]


def test_a_betting_sites_offer_is_still_spam() -> None:
    """The positive the frame must not blunt: the offer as sales copy beside a casino word."""
    dump = "\n".join([HEAD, "2017-03-05 来源：平安社区", *WARNING[2:3], "澳门巴黎人赌场注册即送123元彩金，实力保证。提款3分钟到账",
                      *WARNING[4:]])
    rec = clean_document(dump.encode(), "offer.txt", kind="text").to_dict()
    assert rec["is_spam_page"] and "注册即送123元彩金" not in rec["text"]


def test_news_that_reports_offers_keeps_its_sentences() -> None:
    """A game's sign-up gift in a game-news sentence is no promo chrome, and a casino's offer reported in a revenue
    story (…推出注册会员送筹码等优惠…，业内人士认为…) is no betting site's sales line (plainspam.NEWS_FRAME_RE)."""
    game = ["《王者荣耀》新赛季今日开启", "2017-03-05 来源：游戏频道", "《王者荣耀》新赛季今日正式开启，新英雄和新皮肤同步上线。",
            "新用户注册即送888钻石和限定皮肤体验卡，老玩家登录可领取赛季礼包。", "据官方介绍，新赛季对排位赛规则进行了调整，段位继承更加合理。"]
    macau = ["澳门博彩业2月收入同比增长", "2017-03-01 来源：新华网", "澳门博彩监察协调局公布，2月份博彩毛收入为229亿澳门元，同比增长17.8%。",
             "分析人士指出，春节假期访澳旅客增加，带动了中场和贵宾厅业务。", "多家赌场推出注册会员送筹码等优惠吸引旅客，业内人士认为这反映出竞争加剧。"]
    for lines in (game, macau):
        rec = clean_document("\n".join(lines).encode(), "news.txt", kind="text").to_dict()
        assert not rec["is_spam_page"] and all(ln in rec["text"] for ln in lines[2:]), rec["removed"]
