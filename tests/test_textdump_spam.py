"""Text dumps of real HACKED pages (wild-2017 pages rendered by headless Chromium, innerText, cut to the lines that
carry the evidence) and the seed with its brand moved to other slots: a spam page, the injected strings gone,
the article kept. Confusers from ordinary pages stay untouched. The tests of a rule fail without it
(cleaners/plainspam.py: row_items, addressed_keywords, slot_names, boxed_brands)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaners import Record, clean_document

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_77c6651b61511a25.txt"
SEED_TITLE = "党建引领基层韧性治理的行动逻辑与实践样本"


def _clean(lines: list[str], name: str = "dump.txt") -> Record:
    rec = clean_document("\n".join(lines).encode("utf-8"), name, kind="text")
    assert isinstance(rec, Record), rec
    return rec


def _left(rec: Record, strings: list[str]) -> list[str]:
    hay = (rec.title or "") + "\n" + rec.text
    return [s for s in strings if s in hay]


FIRM = [  # w001894: a prefab-housing firm's homepage
    "设为首页｜ 加入收藏 ｜ 联系我们", "网站首页", "公司简介", "产品展示", "新闻动态", "工程案例", "关于我们",
    "长沙市雨花区海汇活动板房厂是一家国内大型活动房公司，其分公司遍布国内各大城市，本集团集活动房屋设计、生产、安装、"
    "售后于一体，高标准的一条龙服务机构。本厂位于长沙黎托工业园，曾多次参与省内外大型水电、铁路、高速路、桥梁等重大项目的配套建设，"
    "在业界树立了良好的口碑，深受用户好评。",
    "本公司承揽工程范围：T式平顶单坡活动房（单/双层）、K式人字顶双坡活动房（单/双层）、双坡活动房（单层）、活动房拆装等业务",
    "版权所有： 长沙市雨花区海汇活动板房厂 联系人：舒先生 手机：15802669338 传真：0731-89783875",
    "地址：长沙市雨花区黎托工业园",
]
SOLD_ROW = ("友情链接： 昆明广告纸巾 鸡排加盟十大品牌 儿童毛衣 康明斯发电机厂家 亚克力制品 中央空调水系统 维普数据库论文查重 规划沙盘 "
            "南京皇明太阳能维修电话 全自动端子机 张家界自由行 二手压路机转让 深圳心理咨询 木饰面板 碎石化 回心转意符 西安做网站 "
            "柴油发电电焊机 二手压路机交易市场 郑州画室 私募基金产品备案 中草药粉碎机 超声波保护膜 搜狗推广 校园推广 台湾商务签证")


def test_sold_links_on_one_line_are_read_as_a_row() -> None:
    """w001894: the browser prints the hidden 友情链接 box of sold keywords as ONE line (a crawl's extract gives one
    anchor a line): read as its items, it is the sold-links box (row_items + sold_links)."""
    rec = _clean([*FIRM, SOLD_ROW, "湘ICP备15000222号-1  技术支持：湖南竞网"])
    assert rec.is_spam_page
    assert not _left(rec, ["昆明广告纸巾", "维普数据库论文查重", "私募基金产品备案", "台湾商务签证"])
    assert any(r.reason == "spam_links" and r.text == SOLD_ROW for r in rec.removed)
    assert "海汇活动板房厂是一家国内大型活动房公司" in rec.text


def test_a_partner_row_of_the_sites_own_trade_stays() -> None:
    """Confuser, w001975 (a distance-learning centre, ordinary): its 友情链接 row names education sites."""
    rec = _clean([
        "华中科技大学是教育部直属的全国重点大学，是最早的“985”和“211”院校，2000年7月经教育部批准试点现代远程教育，"
        "并于同年成立了网络教育学院，也是首批进驻深圳虚拟大学园的著名高校。",
        "按教育部规定，网络教育专科和专科起点本科学生，必须按照规定的相应学历条件报名入学（含免试入学）。严禁未获得专科毕业证书者"
        "取得专科起点本科入学资格。",
        "友情链接: 网络远程教育 自学考试 深圳自考报名 华师自考 自考专科 湖北自考网 广东自考管理系统 IRIS认证培训 中层管理培训网 深圳成考网 学吧",
    ])
    assert not rec.is_spam_page
    assert not [r for r in rec.removed if r.reason.startswith("spam")]


ACCESS_ROW = ("威尼斯人 澳门葡京赌场 澳门银河 澳门皇冠娱乐场 澳门永利赌场 hg0088皇冠 皇冠平台 澳门凯旋门赌场 金沙线上娱乐 亚游集团 "
              "皇家金堡赌场 婷美官网 婧麒官网 爱慕内衣官网 十月天使官网 ELLE箱包官网 意尔康官网 嘉媚乐官网 珂卡芙官网 片仔癀官网")


def test_a_row_of_access_phrases_on_one_line() -> None:
    """w005409 (a ShopEx wine shop's category page): a farm row under the footer, gambling names then a run of
    X官网 phrases, one line in the dump (row_items + access_runs)."""
    rec = _clean(["贵州茅台镇酒价格,茅台镇酱香型酒连锁店", "教您用最少的钱买到货真价实的好酒",
                  "茅台镇酱香型酒采用传统固态发酵工艺，以本地高粱为原料，经九次蒸煮、八次发酵、七次取酒，储存三年以上方才出厂销售。",
                  "有任何购物问题请联系我们在线客服 | 电话：0752-3106005 | 工作时间：周一至周日 0:00－24:00", ACCESS_ROW,
                  "Powered by ShopEx v4.8.5"])
    assert rec.is_spam_page
    assert not _left(rec, ["澳门葡京赌场", "澳门凯旋门赌场", "婷美官网"])


ADDRESSED = ("剑圣友情链接： 百家乐 http://www.0376.in/news/ 365bet http://www.dbbbb.com/ 澳门百家乐 http://www.0376.in/news/ "
             "百家乐游戏 http://www.0376.in/news/ 澳门赌场 http://www.0376.in/news/ 博彩网 http://www.wnlyj.com/bjl/")


def test_keywords_printed_with_their_addresses() -> None:
    """w001715 (a network-cable reseller's homepage): the farm prints each anchor's address after its text."""
    rec = _clean(["北京普天授权代理：13601113515", "关于我们",
                  "北京鸿盛博远科技有限公司是普天网线的授权代理商，主营综合布线产品，为政府、学校、医院及企业客户提供网络布线解决方案。",
                  "版权所有 北京鸿盛博远科技有限公司 京ICP备09036088号-1", ADDRESSED])
    assert rec.is_spam_page
    assert any(r.reason == "spam_links" and r.text == ADDRESSED for r in rec.removed)


def test_a_partner_row_with_addresses_is_not_a_farm() -> None:
    """Confuser: a news site's partners printed with their addresses name sites, not a trade's search words."""
    rec = _clean(["国务院常务会议部署推进农村公路建设，会议指出，要加快建设农村公路，方便群众出行，带动农民增收致富。",
                  "友情链接： 新华网 http://www.xinhuanet.com 人民网 http://www.people.com.cn 央视网 http://www.cctv.com "
                  "中新网 http://www.chinanews.com"])
    assert not rec.is_spam_page


def test_a_brand_repeated_in_the_crumb_the_title_prefix_and_the_footer() -> None:
    """w005534: a doorway on a 澎湃 template writes its keyword into the crumb, before the headline and into the
    site-owner footer link (slot_names)."""
    rec = _clean(["报料 注册 登录", "首页 > 2017白菜送彩金大全", "2017白菜送彩金大全:政协十二届五次会议开幕俞正声作报告(全文)",
                  "城市信息网", "2017年03月27日 14:34",
                  "我快步走上讲台，拿着自已费尽心机写成的简历，凭着自已在短短几个星期里培养的自信，轻轻地向大家鞠了个躬，便开始读自已的简历。",
                  "关于2017白菜送彩金大全 在澎湃工作 联系我们 版权声明 澎湃广告 友情链接",
                  "Copyright 2014 The Paper All rights reserved.上海东方报业有限公司 | 沪ICP备14003370号"])
    assert rec.is_spam_page
    assert "2017白菜送彩金大全" in rec.spam_terms
    assert not _left(rec, ["2017白菜送彩金大全"])


def test_a_portal_name_in_its_own_slots_is_not_a_brand() -> None:
    """Confuser: a sports portal's own name before a headline, in its crumb and its 关于 footer (slot_names needs a
    coined brand of the trade, not 新浪 of 新浪体育); its gambling words in the story stay."""
    rec = _clean(["首页 > 新浪体育", "新浪体育：澳门赛马会宣布停办赛马", "来源：新浪体育 2017-04-01 10:00",
                  "澳门赛马会宣布将于明年停办赛马业务，威尼斯人、葡京等赌场的博彩收入此前已连续三个月下降。",
                  "分析人士认为，内地反腐和贵宾厅业务收缩是收入下降的主要原因，预计二季度仍将承压。",
                  "关于新浪体育 联系我们 版权所有"])
    assert not rec.is_spam_page
    assert "威尼斯人" in rec.text


def _seed(extra: list[str]) -> Record:
    """The seed dump with its own brand taken out of the title, 来源 and first body line (a clean product page) and
    `extra` lines added after its 下一篇 line (where the product template prints its boxes)."""
    text = SEED.read_text("utf-8").replace("开云体育官方app下载:", "").replace("来源:开云体育官方app下载", "来源:本站")
    text = text.replace("开云体育88:\n", "").rstrip("\n") + "\n\n" + "\n".join(extra) + "\n"
    rec = clean_document(text.encode("utf-8"), "seed.txt", kind="text")
    assert isinstance(rec, Record)
    return rec


@pytest.mark.parametrize("box", [["热门推荐", "华体会体育", "塑料周转箱厂家", "物流箱价格"],
                                 ["本文关键词：乐鱼体育,周转箱,物流箱"],
                                 ["相关产品", "星空体育app下载", "周转箩"]])
def test_a_brand_in_a_box_of_the_seeds_template(box: list[str]) -> None:
    """The seed's product template with a brand in its 热门推荐 / 本文关键词 / 相关产品 box (boxed_brands): the
    title, date and text are the seed's, the brand is gone."""
    rec = _seed(box)
    assert rec.is_spam_page
    assert rec.title == SEED_TITLE and rec.published == "2025-11-13T09:31:09"
    assert rec.text.startswith("基层治理是国家治理的基石")
    assert not _left(rec, [box[1] if len(box) > 1 else "乐鱼体育"])


def test_the_seed_cleaned_of_its_brand_is_not_spam() -> None:
    """Confuser: the same product page with its own boxes and no brand."""
    rec = _seed(["热门推荐", "塑料周转箱厂家", "物流箱价格", "本文关键词：周转箱,物流箱"])
    assert not rec.is_spam_page and rec.title == SEED_TITLE


def test_portal_names_in_a_related_box_are_not_brands() -> None:
    """Confuser: a sports portal's names in a 热门推荐 box (腾讯体育, 虎扑体育) are not coined brands of the trade."""
    rec = _clean(["中超联赛第三轮战罢，广州恒大客场两球击败上海申花，继续领跑积分榜，武磊梅开二度。",
                  "赛后主教练表示，球队在客场的表现令人满意，但防守端仍有不少需要改进的地方。", "热门推荐", "腾讯体育",
                  "虎扑体育", "中超积分榜"])
    assert not rec.is_spam_page


NGO_BOXES = ["编辑推荐", "社区发展", "关注特殊儿童——妈妈们的战役", "维德中心", "“丢标”了，社工机构员工产假待遇怎么算？", "政策观察",
             "两会特刊：社会组织税收优惠，你怎么看？", "资源对接", "友成基金会 YouChange Fellow 等你来！"]


def test_a_search_page_echoing_an_advert() -> None:
    """w000932 (ngocn.net, an NGO portal): its site search fed a fake-diploma advert; the results page echoes it in
    its keyword line (search_echo). The page is a spam page and the advert is in no field."""
    rec = _clean(["首页", "资讯", "专栏", "专题", "活动", "招聘", "写写", "账户", "登陆", "注册",
                  "关键词 公主岭办毕业证☆微信Q Q☆1131188009: 共0个结果", *NGO_BOXES])
    assert rec.is_spam_page
    assert not _left(rec, ["1131188009", "公主岭办毕业证"])


def test_a_search_page_for_an_ordinary_word() -> None:
    """Confuser: the same page searched for a word of its own (社工): nothing sells."""
    rec = _clean(["首页", "资讯", "专栏", "关键词 社工: 共12个结果", *NGO_BOXES])
    assert not rec.is_spam_page


CLAIM = "研究发现，细菌型感冒服用克流感并无效果，医师提醒民众应对症下药，切勿自行购买抗病毒药物服用，以免延误治疗。"


CE_CN = ["当前位置\xa0\xa0\t\xa0\xa0金融证券\xa0>\xa0财经滚动新闻\xa0>\xa0正文", "中经搜索", "疫苗泡沫破灭复牌跌停 重庆啤酒估值或推倒重来"]
CE_CN_BODY = ["2011年12月09日 08:20\xa0\xa0\xa0来源：每经网－每日经济新闻", "[推荐朋友]", "[打印本稿]", "[字号 大 中 小]",
              "备受追捧，历时十多年的乙肝疫苗研制，一夜间成为一出闹剧。",
              "苦等近两周的揭盲数据显示，被机构捧上天的“神仙药”，其疗效与安慰剂没太大区别，于是各方人士落荒而逃，纷纷挂跌停板甩卖重庆啤酒"
              "(600132，收盘价72.95元)。",
              "昨日(12月8日)重庆啤酒复牌，巨量卖盘直接将股价封死在跌停板，盘中挂在跌停板上的卖单近一亿股。"]


def test_a_brand_as_the_source_of_a_news_dump() -> None:
    """A DAnIEL dump (ce.cn) with a second 来源/作者 line naming a coined gambling brand over its own byline
    (slot_names): the source slot names a medium, never a trade's brand."""
    rec = _clean([*CE_CN, "来源：乐鱼体育  作者：乐鱼体育", *CE_CN_BODY])
    assert rec.is_spam_page and rec.title == "疫苗泡沫破灭复牌跌停 重庆啤酒估值或推倒重来"
    assert any(r.reason == "spam_brand" and "乐鱼体育" in r.text for r in rec.removed)
    assert rec.text.startswith("备受追捧")
    assert not _clean([*CE_CN, *CE_CN_BODY]).is_spam_page


def test_a_portal_as_the_source_is_not_a_brand() -> None:
    """Confuser: 来源：新浪体育 (a portal) over a sports story that names Macau's casinos."""
    rec = _clean(["体育频道", "澳门赛马会宣布停办赛马", "来源：新浪体育  2017-04-01 10:00",
                  "澳门赛马会宣布将于明年停办赛马业务，威尼斯人、葡京等赌场的博彩收入此前已连续三个月下降。", CLAIM])
    assert not rec.is_spam_page


UDN = ["udn / 健康醫藥 / 醫藥中心 / 醫藥新知", "瀏覽人數5802 | 字級：", "請選擇---<醫藥新知>相關新聞", "乐鱼体育：細菌型感冒 吃克流感無效", "化療破壞卵巢功能 易造成婦女不孕", "榮總塵蟎試劑 概念似驗孕棒", "醫二三事／我是第817億人...", "細菌型感冒 吃克流感無效", "2012/01/12", "【台灣新生報／記者蘇湘雲／台北報導】", "有感冒、流感症狀，吃克流感不代表就萬無一失。衛生署疾病管制局副局長周志浩表示，感冒、流感症狀不見得都是流感病毒引起，如果是細菌引發感冒症狀，克流感就派不上用場。患者吃了克流感，若發現症狀一直未見改善，最好盡快回診、就醫，與醫師討論是否要改變用藥。", "疾管局提醒，民眾切勿輕忽流感嚴重性，平時應養成勤洗手習慣，並要保持手部衛生、注意咳嗽禮節，維持良好呼吸道衛生、生病在家休息，以有效防治流感。"]


def test_a_brand_glued_to_a_copy_of_the_headline() -> None:
    """A DAnIEL dump (udn) whose related-news box lists the story's own headline: that copy carries a brand
    (乐鱼体育：…) while the heading over the byline is bare (headline_brands)."""
    rec = _clean(UDN)
    assert rec.is_spam_page and rec.title == "細菌型感冒 吃克流感無效"
    assert "乐鱼体育" not in rec.text and rec.text.startswith("有感冒、流感症狀")
    bare = [ln.replace("乐鱼体育：", "") for ln in UDN]
    assert not _clean(bare).is_spam_page
