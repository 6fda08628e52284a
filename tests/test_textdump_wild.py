"""The text-dump front end on real dumps of wild-2017 pages (headless Chromium's innerText, cut to the lines that
carry the evidence; the pages' renders were readable only once decoded by mirrorclean's own decoder), and on
dumps in the seed's shape. Each test fails without the rule it names."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaners import Record, clean_document
from cleaners.decode import decode_bytes
from mirrorclean.dumps import browser_decoded_it, unicode_page


def _clean(lines: list[str], name: str = "dump.txt") -> Record:
    rec = clean_document("\n".join(lines).encode("utf-8"), name, kind="text")
    assert isinstance(rec, Record), rec
    return rec


TRAVEL_BODY = [
    "巴黎？去过。伦敦？早打卡了。没有想要冒犯那些传说中著名的备选地，但2017年你应该打破自己的旅行计划，尝试那些你从来没有想过要去的地方。",
    "旅行教会我们在学校不能学到的宝贵的经验教训，它扩展了我们的世界观。它促使我们成为更好，更强大，更有同情心的人。这17个地方，没有特别的顺序，是今年奇迹将要发生之处。",
]


def test_keyword_line_under_the_byline_is_not_the_headline() -> None:
    """w000123: crumb, the headline twice, byline, 关键字：… right over the text (it was taken for the title)."""
    rec = _clean(["首页 >", "旅行 >", "推荐路线 >", "一上班就想去旅行 17个你从未想过但是值得一去的景点",
                  "一上班就想去旅行 17个你从未想过但是值得一去的景点", "2017-02-10 09:36 房车 | 房车之家 | 房车价格 来源:界面 收藏",
                  "关键字：旅行,韩国,塞浦路斯,世界", *TRAVEL_BODY])
    assert rec.title == "一上班就想去旅行 17个你从未想过但是值得一去的景点"
    assert rec.published == "2017-02-10T09:36"
    assert rec.text.startswith("巴黎？去过。") and "关键字" not in rec.text
    assert any(r.reason == "tags" and r.text.startswith("关键字") for r in rec.removed)


NOVEL_BODY = [
    "\xa0\xa0\xa0\xa0刘胖子将大丫留在了靠山屯儿。一开始田老头一家人都不着急，他们认为等刘胖子缓一缓，必定还会接大丫回去的。到那个时候，他们还是可以从刘胖子手里抠出一些银钱来。",
    "\xa0\xa0\xa0\xa0四位数是不要想了，三位数也不可能。田老头心里还是清楚的，没有了大丫肚子里的孩子，大丫对刘胖子也就没那么值钱了。",
]


def test_chapter_page_mark_and_book_name_come_off_the_title() -> None:
    """w003999: 第三五五章 一团乱麻(第1/3页); w008311: the book's name after two no-break spaces."""
    rec = _clean(["瓜田李夏", "字体", "大", "中", "小", "关灯", "第三五五章 一团乱麻(第1/3页)",
                  "\xa0\xa0\xa0存书签 书架管理 返回目录", *NOVEL_BODY])
    assert rec.title == "第三五五章 一团乱麻"
    rec = _clean([" 第八五九章 我来断后\xa0\xa0老兵传奇 ", "关灯 护眼\xa0\xa0\xa0\xa0 字体：大 中 小", "上一章 目录 下一章",
                  "\xa0\xa0\xa0\xa0『章节错误,点此举报』", *NOVEL_BODY])
    assert rec.title == "第八五九章 我来断后"
    # confuser: a chapter title with a word after a single space keeps it
    rec = _clean(["第1294章 魔军战火! 一", "上一章 目录 下一章", *NOVEL_BODY])
    assert rec.title.startswith("第1294章 魔军战火") and rec.title.endswith("一")  # the normaliser widens the "!"


def test_font_switch_under_a_headline_is_not_part_of_it() -> None:
    """w008367: the headline over 文字大小: / A A A / the date line (no title before the rule)."""
    rec = _clean(["首页", "资讯", "商业", "科技", "文化", "观点", "科技 > 互联网",
                  "解读百度就“违反Robots协议”向360巨额索赔：一场数据争夺战", "文字大小:", "A A A", "2013年10月16日 星期三 10:40 AM",
                  "搅局者360面临的巨额诉讼官司即将开庭。百度起诉奇虎360违反“Robots协议”（又称机器人协议或爬虫协议）抓取、复制其网站内容的不正当竞争行为，并索赔1亿元人民币。",
                  "(图片来源: 资料图)", "360和百度两家互相叫阵，没有输家。这看起来更像一次默契的联手炒作。",
                  "笔者在今年1月6日便率先发现360内测360百科，大量词条从界面风格、到词条属性、到扩展阅读几乎保持一致。"])
    assert rec.title == "解读百度就“违反Robots协议”向360巨额索赔：一场数据争夺战"


def test_short_title_signed_by_its_author_and_not_the_epigraph() -> None:
    """w005474: an epigraph, the title, 作者/蔡骏, a dedication, then the story (no title before the rule)."""
    rec = _clean(["费尔明娜，我是阿里萨，我找了你二十四年。", "中锋在黎明前复活", "作者/蔡骏", "献给加夫列尔·加西亚·马尔克斯\xa0",
                  "十九年后，我与李毅大帝重逢。那是2014年夏天的凌晨，我独自步行到大自鸣钟的包子铺，窄门里露出诡异白光，破旧的小彩电，直播巴西世界杯小组赛。",
                  "拜我那篇文章的传播，李毅大帝包子铺生意不错，老婆给他生了二胎。我们商量要重新组建一支足球队。当年一块儿踢球的小伙伴们，既已作鸟兽散。"])
    assert rec.title == "中锋在黎明前复活"


def test_box_caption_made_of_the_headline_is_not_it() -> None:
    """w006501: crumb, headline, 文章摘要, `关键的一枪200字作文概况` over the essay's field rows."""
    rec = _clean(["优秀作文", "写作素材", "写作技巧", "当前位置： 作文大全 > 小学作文 > 二年级作文 > 关键的一枪200字作文 > 正文",
                  "关键的一枪 200字", "关键的一枪200字作文概况", "作者：袁妤婷", "班级：小学二年级", "字数：200字作文", "体裁：",
                  "段落：分1页2段叙写", "投稿：2014年04月15日 22时03分", "关键的一枪作文全文",
                  "今天中午吃完午，我和爸爸收看了伦敦奥运赛况。但电视打开时正放着《女子10米气手枪决赛》中国选手郭文珺以沉稳的手法把分数保持在前三名之类，可对手也比较强劲，不甘示弱。",
                  "她不但为自己嬴得了金牌也为中国嬴得了荣誉！中国的奥运健儿们，你们是祖国的骄傲，是中国人的骄傲！加油，加油！......"])
    assert rec.title == "关键的一枪 200字"
    assert rec.published == "2014-04-15T22:03"


def test_a_letters_close_and_signature_stay_with_it() -> None:
    """w000135 (its first sample letter): 此致 / 敬礼! / 申请人：X / 20**年**月**日 close the text; the box under them goes."""
    rec = _clean(["入党申请书", "2016年毕业大学生入党申请书范文", "2016-12-12婉良 入党申请书", "尊敬的党组织：",
                  "\u3000\u3000我志愿加入中国共产党，中学时代，我对党充满了敬仰之情，我加入了中国共产主义青年团。大学毕业后，我在组织和领导的关心教育下，对党有了进一步的认识。",
                  "\u3000\u3000我加入中国共产党的愿望由来已久。这种愿望不是一时冲动，而是发自内心深处的一种执着与崇高的信念。",
                  "\u3000\u3000请党组织在实践中考验我。", "\u3000\u3000此致", "敬礼!", "\u3000\u3000申请人：YJBYS", "\u3000\u300020**年**月**日",
                  "您可能感兴趣的文章：", "1.毕业大学生入党申请书范文2016", "2.毕业医学生入党申请书"])
    assert rec.text.split("\n")[-1] == "20**年**月**日"
    assert "此致" in rec.text and "您可能感兴趣的文章" not in rec.text and "毕业医学生" not in rec.text


def test_beijing_time_of_a_sign_up_period_is_not_the_date() -> None:
    """w008040: 报名时间：北京时间2016年11月28日… under the lead; the byline's 2016-12-04 is the page's date."""
    rec = _clean(["网站首页 英雄联盟 正文", "LiquidSky云游戏2016英雄联盟大奖赛报名开始", "高摩尔 2016-12-04 815 ℃",
                  "推荐给英雄联盟中级玩家一个赛事，LiquidSky云游戏2016年英雄联盟现金赛事。这次活动是全球所有用户都可以参加，英文版的英雄联盟，不是国服版本哦。",
                  "举办单位：云游戏LiquidSky公司", "报名时间：北京时间2016年11月28日-12月16日",
                  "比赛时间：北京时间12月17日和18日凌晨2点【GMT时间19:00】。17日团体赛，18日个人赛。比赛将在twitch.tv上进行网络直播",
                  "报名资格：所有用户都可以报名，包括新用户。只要报名确认成功，就会获得LiquidSky的公测邀请码和赠送的免费点数。",
                  "报名方式：参赛者可以个人、结队或整队报名。估计报名人数众多，提前报名会优先安排比赛资格。"])
    assert rec.published == "2016-12-04"


def test_headline_over_a_reposted_from_line() -> None:
    """w002839: the headline, 查看全部文章, 本文来自：微信公众号 X, then 一、红日山湖 opening the text."""
    rec = _clean(["Nordri", "美化大师", "其他工具", "数据研习社", "南宁十大风水建筑拾趣", "查看全部文章",
                  "本文来自：微信公众号 天乙风水咨询，点击查看原文", "一、红日山湖",
                  "把红日山湖放在最开头，原因是最近网上曝光得比较多，它有一个很响亮的外号——南宁最美烂尾楼。大家心目中的烂尾楼应该是水泥钢筋杂草丛生的，但是它不是。",
                  "但是，就是这么好看的一个地方，使得曾经广西十大房企业红日东升公司资金断裂、沉沙折戟，上千户近两万人交钱没有得到交房，大老板跑路国外。",
                  "红日山湖曾经最推崇的两个风水卖点，一是山川拱卫，后接南宁外山之气，二是人造万平大湖，水聚中央。山高为阳水低为阴，阴阳相对，风生水起。"])
    assert rec.title == "南宁十大风水建筑拾趣"
    assert rec.text.startswith("一、红日山湖")


# the seed's shape: a company's product centre, a news module's column label, 来源 lines
PARA = ["近日，我公司自主研发的新型塑料周转箱通过了国家质检中心的检测，各项指标均达到行业领先水平，产品已批量供应华东地区多家物流企业。",
        "该周转箱采用高密度聚乙烯一次注塑成型，箱体轻便耐用，可折叠堆叠，大幅降低了仓储和回程运输成本，受到客户的普遍好评。"]


def test_column_label_the_menu_names_comes_off_the_title() -> None:
    head = ["宁波某某塑业有限公司", "网站首页", "新闻中心", "您的位置：首页 > 新闻中心 > 公司新闻", "公司新闻", "行业动态"]
    rec = _clean([*head, "【公司新闻】新型周转箱通过国家质检中心检测", *PARA, "上一篇：公司参加2024物流展", "下一篇：周转箱的保养方法",
                  "发布时间：2024-05-06 10:20:11  浏览次数：132"])
    assert rec.title == "新型周转箱通过国家质检中心检测"
    assert rec.published == "2024-05-06T10:20:11"
    assert not rec.is_spam_page
    # confuser: a label the page names nowhere else stays
    rec = _clean([*head, "【独家】新型周转箱通过国家质检中心检测", *PARA])
    assert rec.title == "【独家】新型周转箱通过国家质检中心检测"


def test_casino_named_in_the_source_line_makes_a_spam_page() -> None:
    head = ["产品中心", "当前位置：首页 > 产品中心", "全部 周转箱 周转箩", "新型周转箱通过国家质检中心检测"]
    rec = _clean([*head, "来源：金沙娱乐场    发布时间：2024-05-06 10:20", *PARA])
    assert rec.is_spam_page and rec.title == "新型周转箱通过国家质检中心检测"
    assert any(r.text == "金沙娱乐场" or "金沙娱乐场" in r.text for r in rec.removed)
    # confuser: a Macau travel story whose source is the resort itself talks of its casino: not spam
    travel = ["澳门金沙娱乐场的赌场大厅二十四小时开放，周末游客众多，旁边的购物中心和酒店也吸引了不少内地旅客前来观光。",
              "记者在现场看到，不少游客选择在酒店入住后步行前往大三巴牌坊和议事亭前地，感受澳门的历史街区风貌。"]
    rec = _clean(["旅游资讯", "当前位置：首页 > 旅游资讯", "澳门周末游：从金沙城到大三巴", "来源：金沙娱乐场    发布时间：2024-05-06 10:20",
                  *travel])
    assert not rec.is_spam_page
    assert "金沙" in rec.text


WILD = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "wild-2017" / "pages"


def test_a_gbk_page_the_browser_misread_is_handed_over_as_utf8() -> None:
    """The render fix (mirrorclean/dumps.py): GBK bytes that Chromium read as UTF-8 are re-rendered from a UTF-8
    copy with a byte order mark and meta charset utf-8; a page the browser read right is left alone."""
    data = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><h1>日网评“死前最想处理的物品”</h1></body></html>'.encode("gbk")
    text, _ = decode_bytes(data)
    assert not browser_decoded_it(data, text, "UTF-8")
    assert browser_decoded_it(data, text, "GBK")
    copy = unicode_page(text)
    assert copy.startswith(b"\xef\xbb\xbf") and b"charset=utf-8" in copy
    assert copy[3:].decode("utf-8") == text.replace("charset=gb2312", "charset=utf-8")
    utf8 = "<p>稻田养虾</p>".encode()
    assert browser_decoded_it(utf8, decode_bytes(utf8)[0], "UTF-8")


@pytest.mark.skipif(not (WILD / "w000045.html").is_file(), reason="wild-2017 not beside the repo")
def test_a_real_mojibake_page_decodes() -> None:
    data = (WILD / "w000045.html").read_bytes()
    text, _ = decode_bytes(data)
    assert "日网评“死前最想处理的物品”" in text
    assert not browser_decoded_it(data, text, "UTF-8")
