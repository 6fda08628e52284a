"""Where a text dump's article starts and ends (issue 9 deliverable 4, branch s25-9d): each test runs real lines of a
wild-2017 dev page's render (headless Chromium's innerText, cut to the lines that carry the evidence) and fails
without its rule in cleaners/textdump.py."""

from __future__ import annotations

from cleaners import Record, clean_document


def _clean(lines: list[str], name: str = "dump.txt") -> Record:
    rec = clean_document("\n".join(lines).encode("utf-8"), name, kind="text")
    assert isinstance(rec, Record), rec
    return rec


# w008924 (www.wzxun.com): a job ad, then 相关阅读 over glued teasers, TOP, and a box whose two tabs (最新文章/热门文章)
# print the same ten headlines twice, most of them ending in ！
W008924 = [
    '首页 · 互联网 · 正文',
    '招募丨做最好的应用评测，我们需要你！',
    '2016-08-02 09:02 · 安智',
    '摘要这个世界上有这么一群人，他们用代码构筑世界，他们写出一行行的代码成为我们手机上一个个让你爱不释手的 App，',
    '这个世界上有这么一群人，他们用代码构筑世界，他们写出一行行的代码成为我们手机上一个个让你爱不释手的 App，从水果忍者到纪念碑谷，从印象笔记到炉石传说，他们是 —— 程序猿。',
    '这个世界上还有那么一群人，他们用文字来认识世界，他们把玩各种各样的应用然后告诉大家，哪个应用值得一玩，哪个应用是在浪费时间？我们称之为 —— 应用砖家，这就是我们 —— 集美貌与才华与一身的「砖家」！',
    '加入砖家需要怎样的条件呢？',
    '- 你大于等于一台的 Android 设备，如果你刚好是 Nexus 或者某个品牌的死忠粉那就更好啦（你们的主编就是一个黑莓 ＋ LG 的死忠粉）；',
    '- 我们不需要口译级别的英语水平，但是希望英语和 GFW 不会成为你成长道路上的阻碍；',
    '- 有一定的文笔功底，可以独立完成文章写作并且有自己独到的见解；',
    '- 喜欢玩应用，喜欢玩系统，或是互联网服务，掌握高级的玩机技巧；',
    '- 愿意接受甚至是热爱 Teambition 和印象笔记之类的办公协作工具（你们的主编同时也是一个印象的脑残粉）；',
    'Anyway，只要你喜欢 Android 喜欢文字，想要一个舞台那就请你加入我们吧！',
    '我要如何加入呢？',
    '想要加入我们其实非常的简单，你只需要将自己的原创作品发给我即可，内容题材可以为应用评测、应用推荐或者是对于 Android 的系统见解和系统玩法。',
    '你可以加我的 QQ 89008636 ，你也可以通过邮件联系我（附上你的一个简单个人介绍和以前的作品）runchenwork@gmail.com',
    '智友有什么福利吗？',
    '- 我们尊重每一位作者的劳动，我们会提供可观的薪水作为报酬，除此之外，我们还有不定期的小礼物，以及其它社区活动的优先参与权；',
    '- 我们走在科技的最前沿，会采用一切高效的合作方式，印象笔记、Teambition，我们总是对新鲜事物充满兴趣；',
    '- 我们还有非常宽松的氛围，你可以尽情的吐槽和调戏你们的主编或者小伙伴，总而言之，工作的时候我们认真而专注，聊天的时候我们轻松而欢脱；',
    '- 我们还会有专门的编辑来对你的稿件进行修改，有更大的能力才能衬得上更大的舞台，才会有更多的机会和空间在等你！',
    '对我有什么要求吗？',
    '- 首先，你应该是一个三观端正的人，文章中如出现违反法律的内容智友有权单方面解除合作关系，删除文章内容；',
    '- 保证每个月可以提交至少 2 篇原创文章，同时有责任心，不得无故拖稿；',
    '相关阅读',
    '晚报丨本周新机资讯汇总：魅族note 5发布、大米推出蓝宝石手机M7/M7 Plus',
    '智友早知道2016-12-11一周新机资讯回顾：在本周内所发布的新款机型并不多，资讯多为新机预告或传闻，下面晚报丨网曝魅族Flyme 6系统界面丨金立全新商务旗舰即将发布丨vivo Xplay6发售',
    '智友晚汇报2016-12-12本期资讯槽点① 网曝魅族Flyme 6系统界面 强调人性化功能② 金立商务旗舰酷玩丨超越次元的游戏形式！国外小孩都开始玩虚拟现实卡牌丨数据线的未来形态',
    '① 亦真亦假！索尼推出AR卡牌游戏虽然有《炉石传说》这样的虚拟卡片游戏在如今大行其道，但偏爱实体卡牌游戏的玩应用丨成功爱上学习，一款来自微软的在线课程应用',
    '俗话说，一个好的老师能带给学生的永远不止于所教科目。不管是生活的经历还是知识的拓展，传授给学生的同时，还能根晚报丨小米电动车发布在即？官方海报透露核心配置丨谷歌中国开发者网站上线',
    '智友晚汇报2016-12-08本期摘要：① 小米要发布电动车？官方海报曝出核心信息② 谷歌中国开发者网站上线评测丨魅族PRO6 Plus评测：这才是魅族年度真旗舰',
    '【前言】万年联发科的魅族终于在2016年末推出了一款搭载三星顶级处理器Exynos 8890的手机——魅族P应用丨动动你的小手，跟着智友君制作你的LOGO',
    '满足人们的个性化需求，永远都是一个庞大的市场。从风格各异的衣裳服饰、千奇百怪的饰品、即便是手机，也衍生出了数晚报丨被砍掉的入门机？网传ZUK R1工程机谍照丨三星S7 Edge曜岩黑正式开卖',
    '智友晚汇报2016-12-09本期摘要：① 被砍掉的ZUK R1曝光 搭载Helio P10芯片② 三星S7',
    '大牌丨押宝虚拟现实(VR) HTC能打一场漂亮的翻身仗嘛？',
    '在MWC 2015上，HTC除了发布全新旗舰智能手机HTC One M9外，还推出了首款虚拟现实（VR）设备应用丨一个关于那些，越看心越慌却越爽电影的应用',
    '人人都爱看爽片，虽然当下的诸如《你的名字》、《同桌的你》等电影电视剧大行其道，他们引起了很多人的共鸣，唤醒了',
    'TOP',
    '最新文章/',
    '热门文章/',
    '1 过年聚会请留意这5类人，最容易成为微商代理！',
    '2 他到底爱不爱你？只要一招就知道了~',
    '3 这个元旦，送女朋友的礼物就选TA了',
    '4 最完整的PDF电子文件解决方案Adobe Acrobat DC 软件促销, 立即抢购!',
    '5 银行资金存管——互联网金融平台正规化必经之路',
    '6 #12.12狂欢#6个红富士0元享！内附1212“疯”闪购幸运名单！',
    '7 #12.12狂欢#买手机送最高2430元话费+6GB流量！更有100元和包电子购物券！',
    '8 #12.12狂欢#企业光网宽带，一天只要20块！体验飞一般的感觉！',
    '9 #12.12狂欢#4G自选省钱不浪费，再送最高90元话费！',
    '10 #12.12狂欢#宽带5折只有3天，1GB年终奖继续送！就差你！',
    '1 过年聚会请留意这5类人，最容易成为微商代理！',
    '2 他到底爱不爱你？只要一招就知道了~',
    '3 这个元旦，送女朋友的礼物就选TA了',
    '4 最完整的PDF电子文件解决方案Adobe Acrobat DC 软件促销, 立即抢购!',
    '5 银行资金存管——互联网金融平台正规化必经之路',
    '6 #12.12狂欢#6个红富士0元享！内附1212“疯”闪购幸运名单！',
    '7 #12.12狂欢#买手机送最高2430元话费+6GB流量！更有100元和包电子购物券！',
    '8 #12.12狂欢#企业光网宽带，一天只要20块！体验飞一般的感觉！',
    '9 #12.12狂欢#4G自选省钱不浪费，再送最高90元话费！',
    '10 #12.12狂欢#宽带5折只有3天，1GB年终奖继续送！就差你！',
    '热门推荐',
    '雷洋之死',
    '雷杨案件',
    '雷洋案真相',
]


def test_box_printed_twice_does_not_keep_the_related_box_in() -> None:
    """printed_twice: the two copies of the tabbed list no longer count as sentences under 相关阅读, so the box
    heading closes the article."""
    rec = _clean(W008924)
    assert rec.text.endswith("- 保证每个月可以提交至少 2 篇原创文章，同时有责任心，不得无故拖稿；"), rec.text[-120:]
    assert "晚报丨本周新机资讯汇总" not in rec.text and "人人都爱看爽片" not in rec.text
    assert "这个世界上有这么一群人" in rec.text[:40], rec.text[:60]


def test_text_under_an_inline_box_printed_once_still_weighs() -> None:
    """Confuser: the article's own paragraphs under an inline 相关阅读 box (two headlines), printed once, weigh in full
    and stay; only the tabbed list printed twice in a row is discounted."""
    top = W008924.index("相关阅读")
    body = W008924[4:top]
    lines = [*W008924[:4], *body[:8], "相关阅读", W008924[top + 1], W008924[top + 9], *body[8:], *W008924[top + 13:]]
    rec = _clean(lines)
    assert "不得无故拖稿；" in rec.text[-40:], rec.text[-120:]  # (a TOP control under it stays, as before)
    assert "我要如何加入呢？" in rec.text and "过年聚会" not in rec.text
