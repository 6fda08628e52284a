"""Text-dump rules of s24-9d (issue 9 deliverable 4), each on real lines of a wild-2017 dev page's render
(headless Chromium's innerText, cut to the lines that carry the evidence). Each test fails without its rule."""

from __future__ import annotations

from cleaners import Record, clean_document
from cleaners.textdump import _join_wrapped, parse_text


def _clean(lines: list[str], name: str = "dump.txt", sep: str = "\n") -> Record:
    rec = clean_document(sep.join(lines).encode("utf-8"), name, kind="text")
    assert isinstance(rec, Record), rec
    return rec


# w003755: a web-novel chapter of 新笔趣阁; its first paragraph opens with a byte order mark and four &nbsp;
W003755_ROW = ("推荐阅读： 重生之无限逆推系统 都市医武高手 符道巅峰 我的狐妖女友 秦末风云 亡灵摆渡人 炉石游戏世界 女总裁的功夫神医 "
               "骠骑大将军 龙武帝尊")
W003755_FIRST = ("\ufeff\xa0\xa0\xa0\xa0何东的咽喉被萧云龙死死地扣住，他上下颚想要咬动，萧云龙转而扣住了他的上下颚，迫其张开口，"
                 "伸手入何东嘴内，搜查他嘴里面是否藏着蜡封的毒丸之类的，以防他服毒自尽。")
W003755_BODY = [
    "\xa0\xa0\xa0\xa0搜查了一番，何东嘴巴里面并没有毒丸，但他刚才的举动明显是想要咬舌自尽。",
    "\xa0\xa0\xa0\xa0“落在我手中，我让你死你才能死！”",
    "\xa0\xa0\xa0\xa0萧云龙冷声说着。",
    "\xa0\xa0\xa0\xa0他把雷怒喊了过来，取来一块布塞入了何东嘴内，又用绳索将何东的双臂双腿给捆住。",
    "\xa0\xa0\xa0\xa0萧云龙站起身，转头一看，看到穆恩、小刀、石头、熊子等人手中举着的枪支枪口对象了罗凝雪等四名内卫。",
    "\xa0\xa0\xa0\xa0“萧教官，这、这是怎么回事？”罗凝雪看到萧云龙走过来后问着。",
    "\xa0\xa0\xa0\xa0“何东是个奸细，他将我们所在之地的坐标通过源代码的方式发送出去，被奥丽薇亚拦截了下来。意味着，我们现在所在的"
    "方位极有可能已经暴露，敌人随时能够过来。”萧云龙开口，语气显得无比阴沉。",
    "\xa0\xa0\xa0\xa0战斗，就此打响。",
]
W003755_HEAD = ["新笔趣阁", "首页", "永久书架", "玄幻奇幻", "武侠仙侠", "都市言情", "临时书架",
                "新笔趣阁 > 都市言情 > 终极教官 > 第1294章 魔军战火! 一", "第1294章 魔军战火! 一",
                "上一章 ← 章节列表 → 下一章 加入书签"]


def test_indented_paragraph_is_not_the_tail_of_the_link_row_above() -> None:
    """indented_start: the BOM + &nbsp; paragraph was rejoined to the 推荐阅读 row over it as a hard-wrapped line."""
    lines = [ln.strip() for ln in _join_wrapped([W003755_ROW, W003755_FIRST, *W003755_BODY[:2]])]
    assert lines[0] == W003755_ROW
    assert lines[1].startswith("何东的咽喉被萧云龙死死地扣住")
    # confuser: a hard-wrapped paragraph with no indent is still joined (the joiner's rule, left as it was)
    wrapped = ["为深入贯彻落实党的二十大精神，进一步加强基层治理体系和治理能力现代化建设，现就统筹推",
               "进乡镇（街道）和城乡社区治理工作提出如下意见。"]
    assert len(_join_wrapped(wrapped)) == 1


def test_chapter_opens_under_its_nav_row_and_link_row() -> None:
    """head_rows: the nav row and the 推荐阅读 row (too short to count as prose once the paragraph is its own line)
    sit between the crumb that opens the run and the chapter: the chapter starts under them, and the row is removed
    as a link list."""
    rec = _clean([*W003755_HEAD, W003755_ROW, W003755_FIRST, *W003755_BODY, "上一章 ← 章节目录 → 下一章 加入书签",
                  "新书推荐： 大主宰 武炼巅峰 超品相师 择天记 我真是大明星 帝霸 天域苍穹 太古神王 雪鹰领主 玄界之门 龙王传说",
                  "Copyright © 2015 新笔趣阁 All Rights Reserved."])
    assert rec.text.startswith("何东的咽喉被萧云龙死死地扣住"), rec.text[:80]
    assert rec.text.endswith("战斗，就此打响。")
    assert "推荐阅读" not in rec.text and "上一章" not in rec.text
    assert any(r.reason == "link_list" and r.text.startswith("推荐阅读") for r in rec.removed)


def test_link_row_inside_the_article_stays() -> None:
    """Confuser of head_rows: a 推荐阅读-like row under the article's first paragraph is the article's own list."""
    body = [ln.strip() for ln in W003755_BODY]
    draft = parse_text("\n".join(["第1294章 魔军战火! 一", body[0], "推荐阅读： 大主宰 武炼巅峰 超品相师 择天记 我真是大明星 帝霸",
                                  *body[1:]]))
    assert draft.paras[0].startswith("搜查了一番")


# w004322: 杭州网, a news story whose subheads are two phrases around a comma
W004322 = [
    'Eng|繁体||',
    '新闻中心 | 杭网原创\xa0\xa0宽频\xa0\xa0杭网议事厅\xa0\xa0\xa0娱乐 | 杭州楼市\xa0\xa0家居\xa0\xa0旅游\xa0 \xa0汽车 | 教育\xa0\xa0'
    '健康\xa0 \xa0时尚休闲 | 评论\xa0\xa0杭网民声\xa0\xa0\xa0论坛',
    '杭州新闻 | 今日生活\xa0\xa0图库\xa0\xa0杭网小记者\xa0\xa0\xa0体育 | 热点专题\xa0\xa0地图\xa0\xa0科技\xa0 \xa0金融 | 动漫\xa0\xa0'
    '游戏\xa0 \xa0公交查询 | 区县\xa0\xa0杭网义工\xa0\xa0\xa0官博',
    '群众路线网\xa0党建网\xa0宣传网\xa0文明网 农村文化礼堂 动漫节 云电台 移动图书馆 杭网艺术 消费头条 伊人在线 美容中心\xa0皮肤病\xa0医苑',
    '\t新闻首页 | 国内 | 国际 | 经济 | 社会 | 体育 | 文娱 | 时评 | 图片\t\t',
    '您所在的位置：\t',
    '杭州网>新闻中心>浙江新闻',
    '三年花4.8亿改造学校食堂 打造阳光厨房2.0版',
    '2016-01-13 07:55:53 \xa0\xa0杭州网',
    '宁波北仑新碶学校食堂建成的“阳光厨房”。',
    '\xa0\xa0\xa0\xa0家长手机下个APP 学校食堂就成直播现场',
    '\xa0\xa0\xa0\xa0都说食品安全无小事，孩子在学校的饮食安全，更加揪着家长们的心。',
    '\xa0\xa0\xa0\xa02013年，宁波市政府印发了《宁波市百万学生餐饮安全工程2013-2015年行动方案》和六个子工程方案，每年将百万学生餐饮安全列入市政府为民办实事项目，目的就是为提高'
    '宁波全市120万师生饮食安全保障水平，',
    '\xa0\xa0\xa0\xa0昨天，记者从宁波市政府召开的新闻发布会上了解到，这一工程开展三年来，累计完成学校食堂基础设施改造提升项目732个，完成投资约4.8亿元。接下来，宁波的学校食堂还要更加'
    '“阳光”：家长可以下载相应的软件，在手机上实时看到学校的伙食情况。',
    '\xa0\xa0\xa0\xa0未来的学校食堂，家长下个APP就能在线围观',
    '\xa0\xa0\xa0\xa0学校食堂的餐饮安全，和厨房操作是否规范有很大关系。在宁波很多学校食堂，“阳光厨房”的模式正在兴起，就是通过视频直播或者可视玻璃隔断等方式，实时展示食品制作过程。',
    '\xa0\xa0\xa0\xa0其实，自宁波市百万学生餐饮安全工程开展以来，宁波学校食堂已建成阳光厨房981家，占全市已建成餐饮单位阳光厨房总数的55.5%。宁波大学周边的“东街里”餐饮一条街，还打'
    '造成了全市首个小餐饮“阳光厨房”全覆盖的示范街。',
    '\xa0\xa0\xa0\xa0根据宁波市市场监管局的计划，到2017年末，宁波全市重点餐饮单位、学校食堂“阳光厨房”建成率将达到90%以上，使校园餐饮更加“阳光化”。',
    '\xa0\xa0\xa0\xa0昨天发布会上，宁波市教育局副局长王晓勇还透露，接下去，宁波的校园阳光厨房建设还有望迎来2.0版本。',
    '\xa0\xa0\xa0\xa0王晓勇介绍说，目前的阳光厨房需要人在现场才能看到厨房的场景，但是今后，有望通过手机APP实现在线传输。监管人员通过手机就能远程观察食品加工情况，家长也可以通过下载相应'
    '的手机软件，实时围观孩子在学校的伙食情况。',
    '\xa0\xa0\xa0\xa0据了解，目前，2.0版本的校园“阳光厨房”建设方案已经上报市政府为民办实事项目，一经获批，2016年将正式启动建设。',
    '\xa0\xa0\xa0\xa0每年至少四次抽查学校食堂，配餐学校至少6次',
    '\xa0\xa0\xa0\xa0按照宁波市百万学生餐饮安全工程创建目标，到2015年末，宁波全市学校食堂《餐饮服务许可证》持证率、食品及食品原料可追溯率、大宗食品原料配送或定点采购率分别达到100%'
    '、90%、90%以上；餐饮服务食品安全量化等级A、B级学校食堂达到全市学校食堂总数的70%以上。',
    '\xa0\xa0\xa0\xa0据宁波市场监管局副局长陈元刚介绍，这一工程实施三年来，截至2015年12月底，宁波全市累计完成学校食堂基础设施改造提升项目732个，完成投资约4.8亿元。',
    '\xa0\xa0\xa0\xa0全市学校食堂大宗物资采购，统一配送、定点采购率由56%提高到93.4%；全市A、B级学校食堂比率由68.62%提升到88.91%，A级学校食堂全面实行“五常法”管理。',
    '\xa0\xa0\xa0\xa0在监督检查方面，三年累计制止取缔校园周边无证摊贩5000余起，全市共办理学校食堂及周边餐饮单位违法违规案件382起，罚没款149.25万元；',
    '\xa0\xa0\xa0\xa0据了解，目前宁波共有学校食堂2000多家，此外，还有一些没有食堂的学校，则依赖集中配餐。',
    '\xa0\xa0\xa0\xa0“目前宁波共有9家学校集中配餐企业，2015年，全市集中配餐单位监督抽检的合格率达到98.2%，比整体的学校食堂抽检合格率要高。”陈元刚介绍说，学生餐饮监督抽检查出的'
    '主要问题，集中在菌落总数超标、酱菜食品添加剂超标等方面。',
    '\xa0\xa0\xa0\xa0监管部门也已出台要求，加大对学校食堂日常监督检查的力度和频次，要求每年不少于4次，其中集体用餐配送单位一年不少于6次。',
    '(原标题：三年花4.8亿改造学校食堂，接下来还要打造阳光厨房2.0版)',
    '来源：钱江晚报\xa0\xa0\xa0\xa0作者：记者 李华\xa0\xa0\xa0\xa0编辑：叶海涵\xa0\xa0\xa0\xa0责任编辑：方志华\xa0\xa0\xa0\xa0',
]


def test_first_subhead_kept_when_the_others_have_a_comma() -> None:
    """subheading_line: the body's subheads (未来的学校食堂，家长下个APP就能在线围观 and 每年至少四次抽查学校食堂，配餐学校至少6次)
    are headings of the first one's kind, so the first subhead opens the text."""
    rec = _clean(W004322, sep="\n\n")  # the render's blank lines between blocks
    assert rec.title == "三年花4.8亿改造学校食堂 打造阳光厨房2.0版"
    # (the photo caption over it stays too: a lead-like line with a full stop)
    assert "家长手机下个APP 学校食堂就成直播现场\n都说食品安全无小事" in rec.text[:100], rec.text[:100]
    assert "其中集体用餐配送单位一年不少于6次。" in rec.text[-100:]


def test_short_label_over_a_body_with_sentence_subheads_is_not_a_subhead() -> None:
    """Confuser: lines with one comma that read as sentences (她大惊，问对方想做什么？) are no headings of a kind, so a
    short line over the first paragraph stays out of the text."""
    body = [ln.strip() for ln in W004322[11:] if "，" in ln and len(ln.strip()) > 30]
    rec = _clean([*W004322[:10], "家长手机下个APP 学校食堂就成直播现场", body[0], "她大惊，问对方想做什么？", body[1],
                  "对方说：“就是想你跟我继续好。”", *body[2:]], sep="\n\n")
    assert "家长手机下个APP" not in rec.text, rec.text[:60]


# w001623: a web-novel chapter (校花的贴身高手) whose last paragraph has no full stop, and a bracketed prompt under it
W001623 = [
    "返回", "校花的贴身高手", "首页", "关灯", "护眼", "字体：", "大", "中", "小", "第3987章 奇怪的关系", "上一章\t目录\t下一章",
    "\u3000\u3000依着南天霸的护短脾性，如果能够确认康照明就是林二，那他绝对不会有半点犹豫，必然会直接出手杀了康照明替老三南天勇报仇，"
    "但现在只是怀疑，而且没有实打实的证据，这事情可就不好处理了。",
    "\u3000\u3000南天霸脸色不由一变，被林逸这么一说，这话还真有点指桑骂槐的意思。",
    "\u3000\u3000冥冥之中，于哲一直都觉得林逸跟林二的气质很像，身为修炼者的强大直觉，大多数时候可都是很准的。",
    "\u3000\u3000此话一出，南天霸顿时眼睛一亮，暗暗给了于哲一个赞许的眼神，当即义正词严道：“当初老三南天勇之死，三大阁高层都明言要"
    "严查此事，不过却一直没有什么进展，趁着今天这个机会，公羊堂主不妨调查调查这个林逸，以您的能力想要知道点什么事情，应该是再简单"
    "不过了吧，随便一个搜魂术就能了解了。”",
    "\u3000\u3000被这几人不怀好意的眼神打量着，林逸心头暗呼不妙，对于这些人来说，只要给自己使了搜魂术，那么就算事后证明推断错误，"
    "他们也不会有什么损失，而结果若是猜中了，那更是意外之喜。R1152",
    "《\xa0加入书签，方便阅读\xa0》", "上一章\t目录\t下一章", "首页", "电脑版", "书架",
]


def test_bracketed_reader_prompt_is_not_glued_to_the_last_paragraph() -> None:
    """reader_control: the prompt was rejoined to the unfinished last paragraph, and the whole paragraph then went as the
    site's prompt over the nav row."""
    rec = _clean(W001623)
    assert rec.title == "第3987章 奇怪的关系"
    assert rec.text.endswith("那更是意外之喜。R1152"), rec.text[-60:]
    assert "加入书签" not in rec.text
    assert any(r.reason == "reader_prompt" and "加入书签" in r.text for r in rec.removed)


def test_bracketed_note_under_a_paragraph_is_not_a_prompt() -> None:
    """Confuser of reader_control: a bracketed note with no reader word is joined to the unfinished line as it was."""
    lines = _join_wrapped([W001623[-6], "（本报记者 张三，通讯员 李四）"])
    assert len(lines) == 1 and lines[0].endswith("（本报记者 张三，通讯员 李四）")


# w001332: a game guide whose list of seven items gives each a 所需材料 and a 作用 field
W001332 = [
    '首页\xa0>\xa0 单机\xa0>\xa0 单机资讯\xa0>\xa0 游戏秘籍 >阴暗森林怎么合成物品 阴暗森林物品合成方法一览表',
    '阴暗森林怎么合成物品 阴暗森林物品合成方法一览表',
    '时间：2014-09-30 11:37:57 来源： VR玩单机游戏 我要评论',
    '\u3000\u3000现在很多游戏都有各种各样的合成表呀，这都有点略带沙盒游戏的玩法，阴暗森林里面也有一些物品是可以合成的，下面就给大家带来阴暗森林物品合成方法一览表，需要合成什么可以来这里看看。',
    '\u3000\u3000在目前的版本中制作栏只有24个小格子的，这个可能是bug的缘故吧，因为一些物品的配件是重复的，我们需要解锁合成的配方，就是要获得相应的材料，然后就可以在制作兰那里可以看到了，'
    '只要你的材料够了，你就看点击制作栏那里你想要合成的物品，然后就可以合成出东西了。',
    '\u3000\u3000推荐攻略：阴暗森林怎么过夜 阴暗森林安全过夜的玩法心得\u3000|\u3000阴暗森林狙击枪获得位置说明',
    '\u3000\u30001、火把',
    '\u3000\u3000所需材料：8块木板+1块碎布+1瓶酒精+1根火柴',
    '\u3000\u3000作用：用来照明的，但是会有耐久度的。',
    '\u3000\u30002、绷带：',
    '\u3000\u3000所需材料：2块碎布',
    '\u3000\u3000作用：治愈少部分创伤',
    '\u3000\u30003、开锁针：',
    '\u3000\u3000所需材料：1跳弹簧',
    '\u3000\u3000作用：跟钥匙一样的，可以打开大部分的门锁，但是密码锁的话是没有办法开的。',
    '\u3000\u30004、钉板',
    '\u3000\u3000所需材料：1块木板+10颗钉子',
    '\u3000\u3000作用：作为一个武器使用，会比斧头差一点的。',
    '\u3000\u30005、酒精绷带',
    '\u3000\u3000所需材料：1块绷带+1瓶酒精',
    '\u3000\u3000作用：跟上面的绷带一样的，治疗效果会更好。',
    '\u3000\u30006、燃烧弹',
    '\u3000\u3000所需材料：1瓶酒精+1块碎布+1根火柴',
    '\u3000\u3000作用：是一个投掷物，可以燃烧地面，带来一定的光明。',
    '\u3000\u30007、碎玻璃：',
    '\u3000\u3000所需材料：1个瓶子',
    '\u3000\u3000作用：陷阱',
    '\u3000\u3000如果还想了解更多阴暗森林相关游戏资讯和攻略，请关注小皮单机游戏。',
    '相关阅读',
    '恶灵附身成就怎么达成 恶灵附身奖杯成就达成条件一览',
    '刺客信条4黑旗PC十字切换武器怎么修改',
]


def test_list_of_records_stays_in_the_article() -> None:
    """record_fields: each item's short field rows (所需材料：2块碎布, 作用：陷阱) counted as lines between paragraphs, so
    the list's second half and the guide's closing line were cut as if a sidebar came between."""
    rec = _clean(["单机资讯", "游戏秘籍", *W001332], sep="\n\n")
    assert rec.title == "阴暗森林怎么合成物品 阴暗森林物品合成方法一览表"
    assert "作用：陷阱" in rec.text and "作用：用来照明的" in rec.text
    assert rec.text.endswith("如果还想了解更多阴暗森林相关游戏资讯和攻略，请关注小皮单机游戏。"), rec.text[-60:]
    assert "恶灵附身成就怎么达成" not in rec.text


def test_forum_profile_fields_are_no_records() -> None:
    """Confuser of record_fields (w005367, a KDS thread): each post's profile rows (来自：上海, 注册：2010-12-15,
    发帖：20＋751) recur, but no value is a clause, so they stay lines between posts."""
    from cleaners.textdump import record_fields

    posts = ["...27楼...", "残 xingjun263", "707", "94", "来自：上海", "注册：2010-12-15", "发帖：20＋751",
             "[关注] [短信] [奖分] [引用] [只看此人] [举报]", "楼上两位说可以的 麻烦出来指导下",
             "条件是纯新装宽带 不绑定固话和手机。50M/100M 年预付费的！", "2015-01-16 09:18:35", "...28楼...",
             "米斯特泰迪 kkooppoolloo", "361", "24", "来自：浙江", "注册：2009-10-27", "发帖：202＋1152",
             "[关注] [短信] [奖分] [引用] [只看此人] [举报]", "直接10000号。-==kds官方iPhone客户端==-", "...29楼...",
             "残 xingjun263", "707", "94", "来自：上海", "注册：2010-12-15", "发帖：21＋753"]
    assert record_fields(posts) == set()
    assert {7, 8, 10, 11} <= record_fields([ln.strip() for ln in W001332])


# w006015 (opened half): a web-novel chapter reposted on a programmers' forum template
W006015 = [
    '网络及通讯开发',
    'Windows SDK/API',
    '茶馆',
    'ActiveX/COM/DCOM',
    'VCL组件使用和开发',
    '网络及通讯开发',
    '数据库及相关技术',
    '基础类',
    '3',
    '发布时间：2015-8-13 13:15:52',
    '来源：分享查询网',
    '第八十二章【美国劫匪真的有枪】',
    '虽然眼前这个黑人显得很壮实，可是艾一戈却丝毫不怎么担心，他很是自信凭自己的身手放倒这样的一个黑人，绝对是绰绰有余，即便是有吴曼殊在自己的身边，他也很自信能够护得吴曼殊的安全，绝对不会让她受到任何的伤害。',
    '“刚才那一幕很**啊，我还真是不忍心打扰你们呢！”黑人调侃的语气，加上在他手上翻来覆去闪着寒光的匕首，都给吴曼殊的心理上带来了不小的压力。她扭头看着身边依旧沉着的艾一戈，突然想起在香港的时候发生在艾'
    '一戈身上的事情，虽然没能亲眼目睹，可是光是听说也可以知道艾一戈现在的身手应该足以应付眼前这个黑汉。',
    '不过艾一戈还真是没有轻举妄动，毕竟不止是他一个人，身边还有个吴曼殊呢，万一不小心伤了她，会让艾一戈后悔终生的。',
    '拉着吴曼殊的手，艾一戈缓缓的后退着，前边那个黑人终于露出了他衬上肤色之后显得雪白的让人觉得阴森的牙齿。',
]


def test_chapter_heading_under_the_byline_is_the_title() -> None:
    """_chapter_under_byline: the line over 发布时间/来源 is the forum's menu (ActiveX/COM/DCOM, no word of the text);
    the chapter heading right over the text is the headline."""
    rec = _clean(W006015, sep="\n\n")
    assert rec.title == "第八十二章【美国劫匪真的有枪】"
    assert rec.published == "2015-08-13T13:15:52"
    assert rec.text.startswith("虽然眼前这个黑人显得很壮实")


# w002026: a Discuz thread (mobile view), its first ten and last lines of the first post, then the replies
W002026 = [
    '查看全部',
    '[高州市资讯] 公司女高管一夜情后回家玩裸聊',
    '1# 杨梅工业',
    '收藏 3 760',
    '姑娘31岁，贵州人，杭州某知名企业业务主管。',
    '\u3000\u3000采荷派出所有个名叫平安采荷的QQ群，主要服务辖区住户的。3月29日晚，姑娘不停地向平安采荷发送振动信息，就是不说话。',
    '\u3000\u3000民警再三追问，她才支支吾吾地说，说有个小姐妹因为走错一步，受到一个男人的威胁，不知怎么办？',
    '\u3000\u3000民警让她劝小姐妹报警，她说可以，然后什么话也没说就下线了。',
    '\u3000\u30004月29日晚8点左右，一个身高1米65左右，留着童花头，穿着时尚的姑娘走进采荷派出所，说她就是那天在QQ上的女子，所谓的小姐妹其实就是她自己。',
    '\u3000\u3000她说自己没有男友，平时除了工作就是工作，没什么兴趣爱好缓解工作压力。一年前，她无意进了一个裸聊QQ群……今年3月，群里有个男人突然发来她的裸聊截屏照，威胁她，让她跟他约会。',
    '\u3000\u3000然后，他又连发了几张她的裸 照，说如果她真的这么绝情的话，他就把她的这些照片发到她的公司网站上，让她做不了人。',
    '\u3000\u3000姑娘想了很长时间，觉得这事一定要跟警察说说，便有了开头的故事。',
    '\u3000\u3000民警发现，姑娘的这些照片其实不是截屏照，而是一夜情时被对方拍下的。',
    '\u3000\u3000看来，对方早有预谋。',
    '下一篇 : 航线少，年年都亏损：湛江机场迁建势在必行',
    '2011-5-19 11:58:39 回复 赞',
    '分享至:',
    '2# 杨梅犀利哥',
    '回复 2011-5-19 12:24:11',
    '3# 粤西美男子',
    '回复 2011-5-19 12:39:23',
    '本帖最后由 粤西纪委 于 2011-5-19 12:42 编辑',
    '矛图，矛真实\xa0 \xa0 多行不义必自毙，女人都不自爱。干',
    '4# 百分百德',
    '回复 2011-5-19 19:28:40',
    '首页 | 登录 | 注册',
    '标准版 | 触屏版 | 电脑版 |',
]


def test_thread_title_over_the_first_post_label_and_date_under_the_post() -> None:
    """first_post_title: with no byline, the line over `1# 杨梅工业` (less its [高州市资讯] tag) is the title;
    _post_date: the first post's date is its footer (2011-5-19 11:58:39 回复 赞), under a 下一篇 link."""
    rec = _clean(W002026, sep="\n\n")
    assert rec.title == "公司女高管一夜情后回家玩裸聊"
    assert rec.published == "2011-05-19T11:58:39"
    assert rec.text.startswith("姑娘31岁，贵州人") and rec.text.endswith("看来，对方早有预谋。")
    assert "矛图" not in rec.text  # a reply


def test_control_over_the_first_post_label_is_no_title() -> None:
    """Confuser of first_post_title (w008767, a Discuz thread): 电梯直达 over 楼主 shares nothing with the post."""
    post = W002026[4:10]
    rec = _clean(["收听TA", "发消息", "电梯直达", "楼主", *post], sep="\n\n")
    assert rec.title != "电梯直达"


# w005242: a WeChat post mirrored on 大不六文章网, the whole render
W005242 = [
    '首页',
    '科技',
    '娱乐',
    '体育',
    '干货',
    '女人',
    '设计',
    '时尚',
    '旅游',
    '美食',
    '语录',
    '健康',
    '最新',
    '奇宝星婴儿洁肤湿巾',
    '洁肤婴儿',
    '爱心天使 · 2017-03-18 20:22',
    '\ufeff\ufeff- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -',
    '欢迎各位妈妈加入爱心天使VIP群',
    'QQVIP群号：86225857',
    '与更多妈咪爸比一对一沟通',
    '还有新鲜的『优惠资讯』等你哦~',
    'Tips:回复『XX店』即可查询门店地址和电话~',
    '- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -',
    '这是款逼格甚高的纯水湿巾，本身含水量是普通湿巾的1.5-2倍 ，每张湿巾厚度比同类产品提高了10％，柔软度高，使用绝对顺手',
    '爱心天使(LoveAngel_YC)',
    '\u3000 查看原文 \u3000 分享到微信 \u3000文章为作者独立观点，不代表大不六文章网立场',
    '爱心天使',
    'LoveAngel_YC',
    '关注爱心天使，即时收取各门店优惠信息，以及孕妇、宝宝在成长中的小知识。',
    '热门文章',
    '1.微咖 | “我在终点等你” 重庆万科携八盘助阵2017重庆国际马拉松',
    '2.别让明天的你，讨厌今天的自己。',
    '3.猪站不起来是什么原因造成的？',
    '4.2017你的幸运度是？',
    '5.玉米苗前苗后除草剂',
    '6.就这么放过苹果CEO库克，损失至少几十亿',
    '7.跟情人吃饭，不笑你打我',
    '8.土豆专用除草剂',
    '9.王彦华：不问名利 专心演戏',
    '10.苏珊米勒03.23|白羊保持低调;金牛并不乐观',
    '最新文章',
    '1.封面|一个找不到自己的人注定是孤独的',
    '2.【快讯】2016年度“最美滕州人”',
    '3.自查 | 你家中的防火安全做好了吗？',
    '4.YSL组合：虽然已在不同公司，但永远互相帮持',
    '5.“美好人生•净享生活”大师论健 慧说养生',
    '6.【校友访谈·第五弹】找一个目标，然后推自己一把',
    '7.【主题教育微视频】之企法篇 主讲：路局企业管理和法律事务处处长 靳承林',
    '8.【班级小记】整理图书角',
    '9.不要怀疑，世间一切尽如人意，只不过不是尽你的意，就是尽别人的意。',
    '爱心天使',
    'LoveAngel_YC',
    '关注爱心天使，即时收取各门店优惠信息，以及孕妇、宝宝在成长中的小知识。',
    '本站文章来自网友的提交收录，版权归原作者所有，如需删除或申请收录，请联系下图微信号：iyipengcheng',
    '我要入驻\xa0\xa0\xa0\xa0 公号大全',
    'Copyright©2017 大不六文章网 京ICP备14039452号-2\u3000 京公网安备11010802016578',
]


def test_prose_long_link_of_a_numbered_box_is_no_text() -> None:
    """link_list_item: item 9 of the 最新文章 box (9.不要怀疑，世间一切尽如人意，…) read as prose and, with the account's
    notice under it, outweighed the post's one sentence."""
    rec = _clean(W005242, sep="\n\n")
    assert rec.text.startswith("这是款逼格甚高的纯水湿巾"), rec.text[:60]
    assert "不要怀疑" not in rec.text
    assert rec.published == "2017-03-18T20:22"


def test_comment_author_rows_are_no_record_fields() -> None:
    """Confuser of record_fields (w008451's comments): 评论作者：X is a meta line (作者：), so it stays a gap though its
    label recurs next to 评论内容 rows with clauses."""
    from cleaners.textdump import record_fields

    comments = ["评论作者：我来探探路", "评论内容：[emot=ac,49/]13:2被翻盘，老子现在的心情想吃了屎一样难受",
                "评论作者：天降于斯", "评论内容：[emot=ac,38/]断层太严重 挖掘培养出来个选手真不容易",
                "评论作者：我的舍友世界第一帅", "评论内容：难，FPS国内没什么优势。", "评论作者：花屏死机",
                "评论内容：但至少你能玩吧？我连游戏都进不去[emot=ac,02/]"]
    assert not record_fields(comments) & {0, 2, 4, 6}
