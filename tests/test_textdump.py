"""The text-dump front end on layouts unlike the seed's."""

from __future__ import annotations

from cleaners import Record, clean_document

WRAPPED = """首页 | 新闻资讯 | 行业动态 | 联系我们
城市更新中历史街区保护的困境与对策与路径研究_鑫博汇体育官方app下载
作者：佚名　　来源：鑫博汇体育官方app下载　　发布时间：2022-10-19 08:30
鑫博汇88：
　　历史街区承载着城市的记忆与文脉，是城市特色风貌的集中体现。在城市
更新进入存量提质阶段的背景下，如何在改善人居环境的同时守住历史街区的
真实性与完整性，成为城市治理中的一道必答题。
　　一、历史街区保护面临的主要困境
　　其一，保护与发展的目标冲突。部分地方将历史街区更新简单等同于商业
开发，拆真建假、过度商业化等现象时有发生，街区原有的居民结构和生活形
态被迅速置换。
上一篇：鑫博汇体育官网入口：老城区停车难的治理路径
版权所有 © 某某科技 2018-2024
"""


def test_hard_wrapped_dump_with_a_long_title_line() -> None:
    rec = clean_document(WRAPPED.encode("utf-8"), "wrapped.txt")
    assert isinstance(rec, Record), rec
    assert rec.title == "城市更新中历史街区保护的困境与对策与路径研究"
    assert rec.published == "2022-10-19T08:30"
    paras = rec.text.split("\n")
    assert paras[0].startswith("历史街区承载着城市的记忆与文脉") and paras[0].endswith("必答题。")
    assert "一、历史街区保护面临的主要困境" in paras
    assert any(p.endswith("态被迅速置换。") or p.endswith("形态被迅速置换。") for p in paras)
    for word in ("鑫博汇", "上一篇", "版权所有", "首页"):
        assert word not in rec.text and word not in rec.title
    assert rec.is_spam_page


PARAS = [
    "　　近年来，我市坚持以人民为中心的发展思想，扎实推进城市更新行动，一批老旧街区焕发出新的生机与活力。",
    "　　据介绍，今年以来全市共启动城市更新项目42个，完成投资超过60亿元，惠及居民3.2万户。",
]


def test_quoted_brand_opening_the_title_and_keyword_blocks() -> None:
    dump = "\n".join(["‘星耀体育’城市更新让老街区焕发新活力", *PARAS, "本文关键词：‘,星耀,体育,星耀体育,’,城市,更新",
                      "本文摘要：" + PARAS[0].strip()])
    rec = clean_document(dump.encode("utf-8"), "c.txt")
    assert isinstance(rec, Record)
    assert rec.title == "城市更新让老街区焕发新活力" and rec.is_spam_page
    assert "星耀" not in rec.text and "本文" not in rec.text
    assert len(rec.text.split("\n")) == 2


def test_site_suffix_is_cut_from_a_dump_title() -> None:
    dump = "\n".join(["新闻中心", "首页 > 新闻中心", "城市更新让老街区焕发新活力_某某新闻网", "发布日期：2024-06-18  点击：128次",
                      *PARAS, "相关新闻", "夏季用电高峰来临"])
    rec = clean_document(dump.encode("utf-8"), "d.txt")
    assert isinstance(rec, Record)
    assert rec.title == "城市更新让老街区焕发新活力" and rec.published == "2024-06-18"
    assert "夏季用电" not in rec.text and "相关新闻" not in rec.text



def test_a_link_row_over_a_chapter_is_cut_and_kept_as_a_slot() -> None:
    """热门推荐：… over a chapter is chrome; the spam finder reads it where brands are put (slots.prevnext)."""
    from cleaners.textdump import parse_text

    chapter = ["　　" + p.strip() for p in PARAS] * 3
    row = "热门推荐：穿越之修仙、谨言、鑫博汇娱乐、农家乐小老板、秀爷修真中"
    dump = "\n".join(["某某小说网 > 都市言情 > 某书 > 第十一章 老街新貌", "第十一章 老街新貌", "作者：某某 字数:3434", row,
                      *chapter, "上一章：第十章 旧城      返回目录      下一章：第十二章 新城"])
    rec = clean_document(dump.encode("utf-8"), "n.txt")
    assert isinstance(rec, Record)
    assert rec.title == "第十一章 老街新貌"
    assert rec.text.startswith("近年来") and "热门推荐" not in rec.text and "上一章" not in rec.text
    assert row in parse_text(dump).slots.prevnext
    assert rec.is_spam_page and "鑫博汇娱乐" in rec.spam_terms  # a coined name + 娱乐 as an item of the row
    confuser = dump.replace("鑫博汇娱乐", "文化娱乐、福利彩票、休闲娱乐")  # dictionary words + a trade: channel names
    assert not clean_document(confuser.encode("utf-8"), "n.txt").is_spam_page
    assert any(r.text == row and r.reason == "link_list" for r in parse_text(dump).removed)


PRODUCT = """江苏某某塑业有限公司
首页 产品中心 新闻中心 联系我们
当前位置：首页 > 产品中心 > 周转箱
产品分类
周转箱
周转箩
托盘
塑料周转箱EU4622
型号：EU4622
价格：面议
简要描述：本产品采用优质原料一次注塑成型。
产品详情
塑料周转箱EU4622采用优质原料一次注塑成型，箱体结实耐用，适用于汽配、电子、食品等行业的物流周转，近年来销量稳步增长。
据介绍，该型号周转箱可以堆叠存放，空箱时节省仓储空间，合作企业今年的物流成本因此明显下降，客户反响良好。
上一篇：塑料托盘
下一篇：周转箩
发布时间：2021-03-04
热门推荐
{brand}
塑料托盘
"""


def test_a_product_detail_dump_unlike_the_seed() -> None:
    """Company name on line one, a category menu, spec rows (型号/价格/简要描述) and the date after 上一篇/下一篇:
    the heading over the spec rows is the title, the rows and menus are out, and a brand in the 热门推荐 list makes a
    spam page while a product name there does not."""
    rec = clean_document(PRODUCT.format(brand="鑫博汇体育官网").encode("utf-8"), "p.txt")
    assert isinstance(rec, Record)
    assert rec.title == "塑料周转箱EU4622" and rec.published == "2021-03-04"
    assert rec.text.startswith("塑料周转箱EU4622采用") and rec.text.endswith("客户反响良好。")
    for word in ("型号：", "价格：", "简要描述", "周转箩", "产品分类", "江苏某某", "上一篇"):
        assert word not in rec.text
    assert rec.is_spam_page
    assert not clean_document(PRODUCT.format(brand="塑料周转箩").encode("utf-8"), "p.txt").is_spam_page


def test_a_paged_news_dump_keeps_its_headline_without_page_marks() -> None:
    """标题(2) on page 2, with a pager under the text, is the headline without (2); a table right under the text is
    the article's last part."""
    dump = "\n".join(["某某网", "当前位置：首页 >新闻频道 >城市更新", "城市更新让老街区焕发新活力(2)", "时间：2016-08-09 08:19:05",
                      *PARAS, "代码\t考区\t部门\t计划数", "13015001\t张家口\t下花园区\t1", "13013001\t张家口\t总工会\t1",
                      "2/2    首页  上一页  1  2", "相关阅读", "夏季用电高峰来临"])
    rec = clean_document(dump.encode("utf-8"), "q.txt")
    assert isinstance(rec, Record)
    assert rec.title == "城市更新让老街区焕发新活力" and rec.published == "2016-08-09T08:19:05"
    assert rec.text.split("\n")[-1].startswith("13013001") and "上一页" not in rec.text


VALVE = """欢迎访问某某阀门有限公司官网！
首页
产品中心
新闻资讯
联系我们
产品中心
闸阀
截止阀
Z41H法兰闸阀
产品详情
Z41H法兰闸阀适用于公称压力PN1.6～16.0MPa，工作温度-29～550℃的石油、化工、电力等管路上，用以切断或接通管路介质。
该阀门结构合理，密封可靠，性能优良，开关轻便省力，密封面采用钴基硬质合金堆焊，耐磨、耐高温、耐腐蚀，使用寿命长。
{closing}
返回列表
热门推荐
截止阀
"""


def test_a_dated_field_under_a_product_description_is_its_date_not_its_text() -> None:
    """更新时间：… right under the description (no 上一篇/下一篇 before it) is the page's date field; a closing line
    without a dated label ((记者 张三)) stays the article's."""
    rec = clean_document(VALVE.format(closing="更新时间：2018-09-21").encode("utf-8"), "v.txt")
    assert isinstance(rec, Record)
    assert rec.title == "Z41H法兰闸阀" and rec.published == "2018-09-21"
    assert rec.text.endswith("使用寿命长。") and "更新时间" not in rec.text
    rec = clean_document(VALVE.format(closing="（记者 张三）").encode("utf-8"), "v.txt")
    assert rec.text.endswith("（记者 张三）") and rec.published is None


NOTICE = """网站首页 | 关于我们 | 新闻中心 | 产品中心 | 联系我们
新闻中心
{label}我公司顺利通过ISO9001质量管理体系复审
来源：本站原创　　发布者：管理员　　发布时间：2017年06月08日　　浏览：235次
6月5日至6日，认证中心审核组一行三人对我公司质量管理体系运行情况进行了现场审核，审核组通过查阅资料、现场询问等方式进行了全面检查。
经过两天的审核，审核组一致认为公司质量管理体系运行有效，符合标准要求，同意推荐保持认证注册资格，管理水平又迈上了一个新台阶。
打印本页 | 关闭窗口
上一条：公司举行安全生产月启动仪式
下一条：没有了
"""


def test_a_headline_printed_as_a_labelled_field() -> None:
    """标题：X over the 来源/发布者/发布时间 row: the value is the title, the label is the template's."""
    for label in ("标题：", "新闻标题： ", ""):
        rec = clean_document(NOTICE.format(label=label).encode("utf-8"), "n.txt")
        assert isinstance(rec, Record)
        assert rec.title == "我公司顺利通过ISO9001质量管理体系复审", label
        assert rec.published == "2017-06-08" and rec.text.startswith("6月5日至6日")
    # confuser: a subtitle field is no headline
    rec = clean_document(NOTICE.format(label="副标题：").encode("utf-8"), "n.txt")
    assert rec.title == "副标题：我公司顺利通过ISO9001质量管理体系复审"


MACHINE = """产品中心
首页 > 产品中心 > 数控机床
数控机床
加工中心
数控车床
VMC850立式加工中心
型号：VMC850
价格：￥280000
简要描述：VMC850立式加工中心三轴采用线轨，快速移动速度高，适用于板类、盘类、模具等零件的加工。
详细介绍
VMC850立式加工中心三轴采用台湾上银线性导轨，具有刚性好、精度高、快速移动速度高等特点，适用于板类、盘类、模具及小型壳体类零件的加工。
主轴采用台湾高速主轴单元，最高转速八千转每分钟，配合高精度滚珠丝杠，能够满足精密零件加工的需求，深受广大用户的好评。
上一篇：VMC1060立式加工中心
下一篇：CK6150数控车床
更新时间：2022-11-30 14:20:05
"""


def test_a_category_repeating_the_crumb_is_not_the_product_heading() -> None:
    """The crumb ends at the category (数控机床), the category menu repeats it among its siblings, and the product's
    heading sits under the menu: the heading is the title."""
    rec = clean_document(MACHINE.encode("utf-8"), "m.txt")
    assert isinstance(rec, Record)
    assert rec.title == "VMC850立式加工中心" and rec.published == "2022-11-30T14:20:05"
    assert rec.text.startswith("VMC850立式加工中心三轴采用台湾") and "型号" not in rec.text and "加工中心\n" not in rec.text


SIDEBAR = ["科技频道", "业界", "百度国际大厦深圳奠基",
           "16日，百度国际大厦深圳研发中心项目奠基仪式在南山高新区填海六区项目现场举行，王荣、许勤、李彦宏等出席仪式，市委常委"
           "、秘书长李华楠，副市长陈彪，市政协副主席王学为及百",
           "专家称电商未来是刘强东的时代 马云已成过去时",
           "“电商造血”是一个伪命题，因为它们一直都在造血，只是自身要求增长的速度过快，想用速度拖垮后面的追随者，小企业可以选择"
           "给平台供货，抑或选择开店，电商平台是学习成本最低的地方，比较适合切",
           "综合新闻", "2011年全国十大科普事件揭晓",
           "记者今天（16日）从中国科协举行的发布会上获悉，由关注科普事业的两院院士和科普界、科技新闻界的专家学者及公众共同评选出的"
           "2011年全国十大科普事件评选结果揭晓。"]
ARTICLE = ["日前，中国高端家电评选“红顶奖”在北京颁布，格兰仕榜上有名。中国家用电器协会理事长姜风称，“红顶奖”的评审对促进家电"
           "产业转型升级有积极意义。",
           "据介绍，本届红顶奖经组委会委托专业公司对国内大城市高端人群进行调查、网络投票及专家评选三个环节，共颁出8项大奖，格兰仕"
           "以创新设计在微波炉类、厨房料理类独揽两项。"]


def test_the_run_under_the_headline_and_byline_beats_a_longer_sidebar() -> None:
    """A sidebar of other stories' headlines and cut-off leads holds more text than a two-paragraph article, but only
    the article has its crumb, headline and byline over it (tech.southcn.com in the DAnIEL dumps)."""
    header = ["您现在： 南方网首页>科技> 质量监督", "格兰仕独揽两项“红顶奖”", "2012-01-17 10:36:43　来源: 佛山日报网络版 　暂无网友评论",
              "分享到：", "浏览字号：大 中 小　|　打印本页"]
    dump = "\n".join(["南方网", *SIDEBAR, *[f"新闻标题第{i}条" for i in range(10)], *header, *ARTICLE, "作者：代进", "分享到："])
    rec = clean_document(dump.encode("utf-8"), "s.txt")
    assert isinstance(rec, Record)
    assert rec.title == "格兰仕独揽两项“红顶奖”" and rec.published == "2012-01-17T10:36:43"
    assert rec.text.startswith("日前，中国高端家电") and "百度" not in rec.text
    # confuser: with no header over the short run, the longest run stays the article
    plain = "\n".join(["南方网", *SIDEBAR, *[f"新闻标题第{i}条" for i in range(10)], *ARTICLE])
    assert clean_document(plain.encode("utf-8"), "s.txt").text.startswith("16日，百度国际大厦")


RANKED = ["02. 替身女王搞庆祝当众裸泳 掳获众媒体目光03. 英农场惊现“流氓羊” 1天令33只母羊怀孕04. 探访中国私人女保镖特训营",
          "05. 探访私人女保镖特训营 水中格斗不让须眉06. 探访中国私人女保镖特训营",
          "07. 五旬妇女约会90后男网友 喝麻醉奶茶被劫1.7万08. 租友回家过年竟然是色情服务",
          "09. 意大利万名华人游行抗议同胞遭劫杀10. 传中央电视台春晚节目单公布"]


def test_a_ranked_box_glued_into_lines_is_not_prose() -> None:
    """A 排行 box copied as text glues item n+1's number to item n (…掳获众媒体目光03. 英农场…): rows, not prose, however
    many there are (news.cbbn.net: 25 such rows outweighed the article)."""
    head = ["淄博时空 > 国内新闻", "范冰冰自称愿再加2千万悬赏助韩寒征集代笔证据",
            "2012-1-17 13:08:57  来源:中新网   栏目:国内新闻   【大 中 小】"]
    body = ["网易娱乐1月17日报道 近日，作家韩寒身处风口浪尖，饱受“代笔”质疑，韩寒在北京接受了网易娱乐的专访，驳斥了“代笔”一说。",
            "范冰冰发布微博原文：看到韩寒悬赏征集代笔证据的新闻，我愿加磅二千万，共襄盛举！这钱一定是使不出去的！"]
    dump = "\n".join(["淄博时空", *head, *body, "【大 中 小】 【打印本页】 【关闭窗口】", *[f"热点新闻{i}" for i in range(10)],
                      "01. 储户两千元定期存款变成九万", *RANKED * 8])
    rec = clean_document(dump.encode("utf-8"), "r.txt")
    assert isinstance(rec, Record)
    assert rec.title == "范冰冰自称愿再加2千万悬赏助韩寒征集代笔证据" and rec.published == "2012-01-17T13:08:57"
    assert rec.text.startswith("网易娱乐1月17日报道") and rec.text.endswith("使不出去的！")
    # confuser: an article's own numbered points, one a line with full stops, stay text
    points = ["1. 报名方式：电话报名、网上报名、现场报名均可，报名截止日期为三月一日。", "2. 报名时间：即日起至3月1日，逾期不予受理，敬请留意。"]
    rec = clean_document("\n".join([*head, *body, *points]).encode("utf-8"), "r.txt")
    assert rec.text.endswith("敬请留意。")


def test_a_photo_caption_over_the_text_is_not_the_headline() -> None:
    """A caption (一句话。(资料图)) right above the text shares its words more than the headline does, but a sentence
    closed by a picture mark is no headline; a headline ending with (图) still is."""
    body = ["范冰冰表态支持韩寒，近日作家韩寒身处风口浪尖，饱受“代笔”质疑，韩寒在北京接受了专访，驳斥了“代笔”一说。",
            "范冰冰发布微博表态：我愿加磅二千万，共襄盛举，支持韩寒！这钱一定是使不出去的！"]
    for headline in ("范冰冰愿再加2千万悬赏", "范冰冰愿再加2千万悬赏（图）"):
        dump = "\n".join(["娱乐频道", "淄博时空 > 娱乐新闻", headline, "范冰冰表态支持韩寒。(资料图)", *body])
        rec = clean_document(dump.encode("utf-8"), "c.txt")
        assert isinstance(rec, Record) and rec.title == headline


def test_a_ticker_row_and_a_box_between_the_byline_and_the_text() -> None:
    """A ticker of headlines set apart by wide spaces is a list, not the article's first line; a box of links (推荐,
    ・ headline × 6) between the dated byline and the text keeps neither the headline from being found nor the site's
    notice above the box from passing for a lead (entertainment.dbw.cn)."""
    ticker = "\u00a0 \u3000".join(["《咱家那些事》今晚收官 黄志忠练束梅终成眷属", "李彬携洪剑涛跨界设计师 爱上原品引领新概念",
                                    "《美人天下》热播 明道工作重心转至内地(图)", "高虎助阵《金陵十三钗》重拳出击大荧幕(图)",
                                    "张馨予被曝曾有婚史 有意借吴卓羲炒作新电影"])
    box = ["推荐", "惊艳全球的混血美女", "靠脸蛋儿吃饭的男星", *[f"・\t明星新闻标题之第{i}条消息(图)" for i in range(6)],
           "<<<<<< 更多精彩图片(点击进入)"]
    body = ["国际在线娱乐报道 娱乐圈向来不缺新闻和话题，本周韩国娱乐圈曝出美女主播视频丑闻，女主播与前男友的视频被人上传到了网上。",
            "随后，女主播前男友的友人紧接着爆出猛料，少女时代成员也被卷入其中，韩国网友一片哗然，相关话题迅速登上热搜。"]
    dump = "\n".join(["主流媒体 龙江门户", "您当前的位置 ：东北网娱乐 > 今日焦点 正文", "即时新闻", ticker,
                      "女主播视频门 韩版大S炫富 少女时代爆猛料", "http://ent.dbw.cn\u3000\u3000 2011-12-09 19:08:26",
                      "订东北网彩信手机报，移动发KTDBW到10658333，联通发DBWY到1065566600，电信发DBWY到10628999。",
                      "东北网手机版 3g.dbw.cn", *box, *body])
    rec = clean_document(dump.encode("utf-8"), "t.txt")
    assert isinstance(rec, Record)
    assert rec.title == "女主播视频门 韩版大S炫富 少女时代爆猛料" and rec.published == "2011-12-09T19:08:26"
    assert rec.text.startswith("国际在线娱乐报道") and "彩信手机报" not in rec.text and "金陵十三钗" not in rec.text


def test_a_headline_typed_one_character_a_word() -> None:
    """衞 生 署 呼 籲 … (a space after every character, as rthk.org.hk prints it) is the headline, not a menu row of
    short names; a real menu row of two-character names stays out."""
    dump = "\n".join(["衞 生 署 呼 籲 停 服 一 種 口 服 胰 島 素 胶 囊", "2012-01-11 HKT 21:43",
                      "衞 生 署 呼 籲 市 民 不 要 購 買 或 服 用 一 種 名 為 「 糖 保 口 服 胰 島 素 胶 囊 」 的 口 服 產 品 ， 因 為 產 品 含 未 標 示 西 藥 。",
                      "有 關 產 品 不 屬 本 港 註 冊 藥 劑 產 品 或 註 冊 中 成 藥 。", "分享工具"])
    rec = clean_document(dump.encode("utf-8"), "h.txt")
    assert isinstance(rec, Record)
    assert rec.title == "衞 生 署 呼 籲 停 服 一 種 口 服 胰 島 素 胶 囊"
    menu = dump.replace("衞 生 署 呼 籲 停 服 一 種 口 服 胰 島 素 胶 囊\n", "新聞 財經 體育 娛樂 科技 健康 旅遊\n", 1)
    assert clean_document(menu.encode("utf-8"), "h.txt").title != "新聞 財經 體育 娛樂 科技 健康 旅遊"


NEWS_BODY = ["国家质检总局日前组织开展了春节热销的烟花爆竹产品质量国家监督专项抽查，共抽查了12个省304家企业生产的418批次产品。",
             "烟花爆竹共抽查了9个省204家企业生产的318批次产品，有63家企业生产的80批次产品不符合标准规定，不合格项目涉及标志、引火线。"]


def test_a_headline_glued_to_contact_fields_or_doubled_after_a_crumb() -> None:
    """记者热线：…　投稿邮箱：x@163.com质检总局：… (news.gxnews.com.cn): the headline follows the last contact field;
    uho優活健康網 〉檢視火線新聞 〉標題》標題 (www.uho.com.tw): a crumb whose last part is the headline printed twice."""
    glued = "记者热线：0771-2083335　编辑热线：0771-5690995　投稿邮箱：newgxrx@163.com质检总局：两成半烟花爆竹不合格"
    byline = "http://www.gxnews.com.cn  2012年01月17日 12:16  来源：人民日报  字号：大 中 小"
    rec = clean_document("\n".join(["您当前的位置：首页 --> 新闻 --> 正文", glued, byline, *NEWS_BODY]).encode("utf-8"), "g.txt")
    assert isinstance(rec, Record) and rec.title == "质检总局：两成半烟花爆竹不合格"
    crumb = "质检网 〉新闻中心 〉质检总局：两成半烟花爆竹不合格》质检总局：两成半烟花爆竹不合格"
    rec = clean_document("\n".join(["健康專欄", crumb, "日期：2012.01.17", "轉寄好友｜友善列印", *NEWS_BODY]).encode("utf-8"), "u.txt")
    assert isinstance(rec, Record) and rec.title == "质检总局：两成半烟花爆竹不合格"
    # confuser: a headline about a phone line is not cut
    rec = clean_document("\n".join(["首页 > 新闻 > 正文", "报警电话：110 何时能打通", byline, *NEWS_BODY]).encode("utf-8"), "p.txt")
    assert rec.title == "报警电话：110 何时能打通"


def test_the_site_clock_is_not_the_byline_under_the_headline() -> None:
    """The masthead's clock (2012年 01月17日 星期二) sits under a menu (醫生名錄); the article's byline (18:07 2012-01-16)
    is the one under the headline (chinese.medicaldaily.com, its first paragraphs)."""
    body = [
        "中國科學院一項研究得出結論，上網成癮會傷害青少年的大腦，造成大腦結構的改變。",
        "中國研究者雷皓是中國科學院武漢物理與數學研究所研究員，他領導的小組與另外兩個醫院合作，對30多例網絡成癮青少年進行了大腦磁共振成像掃描，發現大腦間聯系發生了中斷。",
        "研究員利用磁共振發現，其腦白質中的神經纖維與正常人不同，腦白質組織的受損情況與drugs和酒精成癮類似。腦白質是大腦和脊髓的組成部分，是大腦和身體其他部位進行溝通的橋梁。這些青少年的相關症狀如決策認知控制能力減弱。初步研究表明，網絡成癮，如同drugs成癮和酒精成癮一樣，會引起大腦結構的改變。",
        "倫敦國王學院精神病學研究所的生物精神病學主任，Gunter Schumann教授說道：“我們在視頻遊戲成癮的研究中也發現了類似的結果。這兩項研究第一次發現了在網絡或視頻遊戲成癮的人群中大腦某些區域間的神經元聯系改變和大腦功能改變同時存在。”",
    ]
    menu = ["首页 \xa0 | \xa0 關於我們 \xa0 | \xa0 聯繫我們", "首页", "頭條新聞", "疾病探索", "醫學研究", "製藥醫藥", "FDA", "公共健康",
            "健康生活", "職場健康", "飲食與健康", "減肥與健身", "中醫養生", "心理健康", "醫生名錄"]
    dump = "\n".join([*menu, "更多鏈接到醫藥日報 的方式 2012年 01月17日 星期二", "首页 \xa0\xa0 头条新闻 \xa0\xa0 正文",
                      "中國研究發現：網癮會損傷大腦引起國際關注", "複製網址 \xa0 \xa0 \xa0 大 \xa0 中 \xa0 小 \xa0 \xa0電子郵件 \xa0打印",
                      "18:07 2012-01-16", "欄目關注： 上網成癮 網癮傷害大腦 drugs成癮 酒精成癮 腦白質", *body])
    rec = clean_document(dump.encode("utf-8"), "c.txt")
    assert isinstance(rec, Record)
    assert rec.title == "中國研究發現：網癮會損傷大腦引起國際關注"


HOIST = """河南某某起重机械有限公司
网站首页
产品中心
联系我们
产品中心
PRODUCTS
当前位置：首页 > 产品中心 > 电动葫芦
电动葫芦
桥式起重机
门式起重机
CD1型钢丝绳电动葫芦
产品编号：CD1-001
所属分类：电动葫芦
点击次数：120
更新时间：2019-05-06
立即咨询
产品详情
CD1型钢丝绳电动葫芦是一种小型起重设备，可安装在单梁、桥式、门式、悬挂起重机上，稍加改造，还可用作卷扬机，是工矿企业必不可少的起重设备。
该产品结构紧凑、重量轻、体积小、零部件通用性强、操作方便，起重量从0.5吨到20吨，起升高度从6米到30米，可满足不同用户的需求。
相关产品
桥式起重机
Copyright © 2019 河南某某起重机械有限公司 版权所有
"""

SCREEN = """某某电子科技有限公司
首页
产品中心
LED显示屏
P2.5室内全彩LED显示屏
产品型号：P2.5
产品价格：面议
产品简介：高清晰度，高刷新率，适用于会议室、展厅等室内场所。
在线询价
P2.5室内全彩LED显示屏采用高品质灯珠，具有亮度高、色彩还原真实、视角宽广等特点，广泛应用于会议室、展厅、监控中心等室内场所。
【发布时间：2021-4-8】【关闭窗口】
热门产品
P3室内全彩LED显示屏
"""


def test_a_product_s_field_rows_are_neither_its_title_nor_its_text() -> None:
    """所属分类：电动葫芦 between 产品编号 and 点击次数, and 产品简介：… under 产品价格：…, are the item's fields: the heading
    over them (whose name holds the category's) is the title, the description under them the text."""
    rec = clean_document(HOIST.encode("utf-8"), "h.txt")
    assert isinstance(rec, Record)
    assert rec.title == "CD1型钢丝绳电动葫芦" and rec.published == "2019-05-06"
    assert rec.text.startswith("CD1型钢丝绳电动葫芦是一种") and "所属分类" not in rec.text
    rec = clean_document(SCREEN.encode("utf-8"), "s.txt")
    assert rec.title == "P2.5室内全彩LED显示屏" and rec.published == "2021-04-08"
    assert rec.text.startswith("P2.5室内全彩LED显示屏采用") and "产品简介" not in rec.text
    # confuser: a labelled opening under the byline (景点简介：…) is the article's first line
    dump = "\n".join(["南戴河旅游景点", "南戴河旅游，黄金海岸射击场1A级景区", "发布日期： 2014-06-19       阅读次数： 3092",
                      "景点简介：     黄金海岸旅游射击场位于碧螺湾乐园南100米,占地36亩,是冀东地区规模最大的大型室外射击场。",
                      "射击场于1993年7月6日正式开业，这里风景秀丽，设备齐全，安全可靠，共有30个靶位，均为电气化自动控制。"])
    rec = clean_document(dump.encode("utf-8"), "n.txt")
    assert "黄金海岸旅游射击场位于碧螺湾" in rec.text.split("\n")[0]


def test_a_notice_signed_with_its_date() -> None:
    """A notice closing with its issuer and the date on lines of their own (某某有限公司办公室 / 2019年1月25日), with no
    labelled date anywhere: the signature's date is the date; a date in a related list is not."""
    dump = "\n".join(["首页 新闻 公告 联系", "最新公告", "关于2019年春节放假安排的通知", "各部门：",
                      "根据国务院办公厅通知精神，结合公司实际情况，现将2019年春节放假安排通知如下：2月4日至2月10日放假调休，共7天。",
                      "请各部门妥善安排好值班和安全保卫工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保员工平安度过节日假期。",
                      "某某有限公司办公室", "{date}", "上一篇：关于开展安全生产大检查的通知"])
    rec = clean_document(dump.format(date="2019年1月25日").encode("utf-8"), "n.txt")
    assert isinstance(rec, Record)
    assert rec.title == "关于2019年春节放假安排的通知" and rec.published == "2019-01-25"
    related = dump.replace("某某有限公司办公室\n{date}", "相关公告\n2019年1月25日\n关于元旦放假的通知")
    assert clean_document(related.encode("utf-8"), "n.txt").published is None


def test_a_qr_code_prompt_under_a_government_notice() -> None:
    """扫一扫在手机打开当前页 under the text is a control, not the article's closing line; a sentence inviting readers to
    scan a code stays."""
    body = ["6月20日，我市召开2023年安全生产工作会议，总结去年全市安全生产工作，部署今年重点任务。副市长张某出席会议并讲话。",
            "会议要求，各地各部门要坚持人民至上、生命至上，压紧压实安全生产责任，坚决遏制重特大事故发生。"]
    dump = "\n".join(["某某市人民政府", "您当前位置：首页 > 政务公开 > 工作动态", "我市召开2023年安全生产工作会议",
                      "发布时间：2023-06-21 来源：市政府办公室 字号：[大][中][小] 【打印】【关闭】", *body, "{last}",
                      "【打印本页】【关闭窗口】"])
    rec = clean_document(dump.format(last="扫一扫在手机打开当前页").encode("utf-8"), "g.txt")
    assert isinstance(rec, Record) and rec.text.endswith("坚决遏制重特大事故发生。")
    rec = clean_document(dump.format(last="扫一扫，关注公众号了解更多。").encode("utf-8"), "g.txt")
    assert rec.text.endswith("扫一扫，关注公众号了解更多。")


def test_an_unlabelled_date_line_right_under_the_text() -> None:
    """[2024-02-28], 2024-02-28 星期三 or 2024年2月28日 来源：新华社 right under the text is the page's date and byline,
    neither a closing line of the article nor lost; the same line after the prev/next links gives nothing."""
    title = "全国两会将于3月召开 代表委员热议高质量发展"
    body = ["全国两会将于3月在北京召开，代表委员将围绕高质量发展、科技创新、乡村振兴等议题建言献策，社会各界对此高度关注。",
            "据了解，今年两会期间，代表委员们将重点关注就业、教育、医疗、养老等民生领域，提出更多务实管用的意见建议。"]
    for line in ("[2024-02-28]", "2024-02-28 星期三", "2024年2月28日 来源：新华社"):
        dump = "\n".join(["某某公司", "首页 > 新闻中心", title, *body, line, "上一篇：别的新闻", "下一篇：没有了"])
        rec = clean_document(dump.encode("utf-8"), "d.txt")
        assert isinstance(rec, Record)
        assert rec.title == title and rec.published == "2024-02-28" and rec.text.endswith("意见建议。"), line
    dump = "\n".join(["某某公司", "首页 > 新闻中心", title, *body, "上一篇：别的新闻", "下一篇：没有了", "[2024-02-28]"])
    assert clean_document(dump.encode("utf-8"), "d.txt").published is None


def test_a_product_described_by_a_numbered_list_of_clauses() -> None:
    """1、体积小，重量轻，安装方便； 2、… 3、…作过载和短路保护之用。: the items too short for prose open the text with the
    one that is; the spec rows under 技术参数： stay out."""
    dump = "\n".join(["某某电气有限公司", "首页", "产品中心", "当前位置：首页 > 产品中心 > 断路器", "DZ47-63小型断路器",
                      "产品型号：DZ47-63", "所属分类：断路器", "更新时间：2022-03-15", "产品特点：", "1、体积小，重量轻，安装方便；",
                      "2、分断能力高，保护性能可靠；", "3、适用于交流50Hz、额定电压400V及以下的线路中，作过载和短路保护之用。",
                      "技术参数：", "额定电流：1A-63A", "极数：1P、2P、3P、4P", "分断能力：6000A", "上一篇：DZ47LE漏电断路器"])
    rec = clean_document(dump.encode("utf-8"), "l.txt")
    assert isinstance(rec, Record)
    assert rec.title == "DZ47-63小型断路器" and rec.published == "2022-03-15"
    assert "1、体积小，重量轻，安装方便；" in rec.text and rec.text.endswith("作过载和短路保护之用。")
    assert "额定电流" not in rec.text and "所属分类" not in rec.text


def test_a_traditional_date_label_after_the_prev_next_links() -> None:
    """發佈時間：… / 更新時間：… after 上一篇/下一篇 is the date, as 发布时间：… is (the same labels in Traditional)."""
    title = "全國兩會將於3月召開 代表委員熱議高質量發展"
    body = ["全國兩會將於3月在北京召開，代表委員將圍繞高質量發展、科技創新、鄉村振興等議題建言獻策，社會各界對此高度關注。",
            "據了解，今年兩會期間，代表委員們將重點關注就業、教育、醫療、養老等民生領域，提出更多務實管用的意見建議。"]
    for line in ("發佈時間：2024-02-28", "更新時間：2024年02月28日", "發稿時間：2024/02/28 10:22"):
        dump = "\n".join(["某某新聞網", "首頁 > 新聞", title, *body, "上一篇：別的新聞", "下一篇：別的", line])
        rec = clean_document(dump.encode("utf-8"), "t.txt")
        assert isinstance(rec, Record) and rec.published.startswith("2024-02-28"), line


def test_a_brief_of_short_sentences() -> None:
    """A brief whose sentences are all too short for prose (记者从市水务局获悉…。/ 各区已完成防汛物资储备。) still has a
    body: its sentence lines, under the headline and byline, without the related list."""
    lines = ["某某新闻网", "首页 > 本地新闻", "我市今日起进入汛期", "2024-06-01 08:00 来源：某某日报", "记者从市水务局获悉，我市今日起正式进入汛期。",
             "各区已完成防汛物资储备。", "市民如遇险情可拨打12345热线。", "责任编辑：张三", "相关新闻", "我市发布暴雨蓝色预警", "防汛演练在某区举行"]
    rec = clean_document("\n".join(lines).encode("utf-8"), "b.txt")
    assert isinstance(rec, Record)
    assert rec.title == "我市今日起进入汛期" and rec.published == "2024-06-01T08:00"
    assert rec.text.split("\n") == lines[4:7]
