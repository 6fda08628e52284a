"""Recognise template chrome by its words and shape: breadcrumbs, prev/next, share bars, footers, SEO blocks.

Each rule is a compiled pattern plus a length bound: chrome is short and formulaic, article sentences
are not. The families come from the catalogue CMS templates that spam mirrors reuse (DedeCMS,
PbootCMS, MetInfo, 帝国CMS): the seed page and the shared spam_telltales notes (`template` rows).
Shared by the text-dump cleaner and by the HTML path (on element text and on extracted lines).
"""

from __future__ import annotations

import re
from functools import lru_cache

from cleaners.record import Removal

BREADCRUMB_RE = re.compile(
    r"^\s*(?:当前位置|您现在的位置|您的位置|您当前的位置|现在位置|所在位置|当前所在位置|位置|Location)\s*[:：]"
    r"|(?:首页|首頁|主页|主頁|网站首页|網站首頁|Home)\s*(?:[>»›/→]|&gt;|＞)|[>»›＞]\s*(?:正文|正文內容)\s*$",
    re.I,
)
#: Labels of prev/next links, shared by the chrome rules, the page-type classifier and the spider.
PREVNEXT_WORDS = "上一篇|下一篇|上一条|下一条|上篇|下篇|前一篇|后一篇"
PREVNEXT_RE = re.compile(rf"^\s*[【\[]?(?:{PREVNEXT_WORDS}|上一个|下一个|上一页|下一页|上一章|下一章|上一节|下一节)"
                         r"[】\]]?\s*(?:[:：]|$|\s)")
ACTION_RE = re.compile(
    r"^\s*[【\[]?(?:返回列表|返回首页|返回顶部|返回上页|返回|关闭窗口|关闭|打印本页|打印|收藏本页|收藏|加入收藏|"
    r"分享到|分享|字号|大中小|放大|缩小|推荐给朋友|查看更多|更多>>|更多|点击查看|在线咨询|立即咨询|在线留言)[】\]]?"
    r"(?:[\s|｜/]++(?>[【\[]?[\w>]{0,6}[】\]]?))*+\s*+[:：]?\s*+$"  # (?:\s*[|｜/\s]\s*…)*: one reading of a blank run
)
# A row of page controls with no other words: 【字体：大 中 小】【打印】【关闭】, 打印 | 关闭.
ACTION_ROW_RE = re.compile(
    r"^\s*(?:[【\[]?(?:返回列表|返回首页|返回顶部|返回|关闭窗口|关闭|打印本页|打印|收藏本页|收藏|加入收藏|分享|推荐给朋友|"
    r"字[体号][：:]?\s*+(?:[大中小]\s*+){2,3}|[大中小]\s*+[大中小]\s*+[大中小])[】\]]?\s*+[|｜/·]?\s*+){2,}$"
)
# A date line carrying only short fields: 2023-07-02 20:15 · 散文 · 约1400字
DATE_FIELDS_RE = re.compile(
    r"^\s*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}[:：]\d{2}(?::\d{2})?)?(?:\s*[·|｜/]\s*[^·|｜/。，,]{1,12}){1,4}\s*$"
)
# The end mark of an article: — 完 —, （完）, 全文完, END
END_MARK_RE = re.compile(r"^\s*+[—\-－–~～]*+\s*+[（(【\[]?\s*+(?:完|全文完|本文完|end|the end)\s*+[)）】\]]?\s*+[—\-－–~～]*+\s*+$",
                         re.I)
COUNTER_WORDS = "浏览次数|点击次数|阅读次数|浏览量|点击量|阅读量|点击数|浏览数|人气|访问量"
COUNTER_RE = re.compile(rf"(?:{COUNTER_WORDS})\s*[:：]?\s*\d*")
# A counter line alone is the word and its number or colon (人气：1523, 阅读量 88): 人气爆棚 opens a caption or a heading.
COUNTER_LINE_RE = re.compile(rf"(?:{COUNTER_WORDS})\s*(?:[:：]|\d|$)")
SHARE_RE = re.compile(r"^\s*(?:分享到|分享至|分享)\s*[:：]|^\s*分享到.{0,40}(?:微博|微信|QQ|空间|人人|豆瓣)")
FOOTER_RE = re.compile(
    r"版权所有|Copyright|©|\(c\)\s*\d{4}|ICP\s*备|ICP\s*证|公网安备|技术支持\s*[:：]|Powered\s+by|网站地图|"
    r"All\s+Rights\s+Reserved|免责声明\s*[:：]|联系电话\s*[:：]|服务热线|客服热线|咨询热线|全国热线|400-\d{3}-\d{4}",
    re.I,
)
# A links box's heading alone on its line (友情链接：, 众联友情链接:, 合作伙伴): never a sentence of an article.
LINKS_HEADING_RE = re.compile(r"^\S{0,6}(?:友情链接|友情鏈接|合作伙伴|合作网站|合作媒体)\s*\d?\s*[:：]?$")
# the heading with its links on the same line (友情链接：上海佳吉物流空调维修公司上海空调移机…, 战略合作伙伴： 北大方正 | …)
LINKS_ROW_RE = re.compile(r"^\S{0,6}(?:友情链接|友情鏈接|合作伙伴|合作网站|合作媒体|合作站点)\s*\d?\s*[:：]\s*\S")
SEO_BLOCK_RE = re.compile(r"^\s*(?:本文关键词|本文关键字|文章关键词|本文标签|相关标签|本文摘要|文章摘要|简要描述|内容摘要：?\s*$)\s*[:：]?")
META_LABEL_RE = re.compile(
    r"(?:来源|来自|出处|发布时间|发布日期|发表时间|更新时间|时间|日期|作者|编辑|责任编辑|文/|记者|浏览|点击|字号"
    r"|來源|來自|出處|時間|編輯|責任編輯|記者|瀏覽|點擊|字號)\s*[:：]"  # the same labels in Traditional characters
    r"|(?:发表于|发布于|更新于|posted\s+on|published)\s*\d",
    re.I,
)
CREDIT_RE = re.compile(
    r"^\s*+[（(【\[]?\s*+(?:责任编辑|编辑|责编|审核|审校|校对|初审|复审|终审|文/图|文／图|文∕图|图/文|供稿|撰稿|"
    r"通讯员|摄影|美编|监制|统筹|稿件来源|来源|作者|记者)\s*+[:：／/∕]"
)
# The value ends at the next field of the line: two spaces, a known label, any short `label:` after a space
# (阅读：1523, 浏览次数：8) or a bare counter word after a space (阅读 1523).
SOURCE_RE = re.compile(r"(?:来源|来自|出处)\s*[:：]\s*(.+?)(?=\s{2,}|\s*(?:发布时间|发布日期|时间|日期|作者|编辑|浏览|点击)\s*[:：]"
                       r"|\s+[^\s:：]{1,6}\s*[:：]|\s+(?:阅读|浏览|点击|人气|评论|访问)|$)")
NAV_WORDS = (
    "产品中心|产品详情|详细介绍|产品介绍|产品参数|产品展示|产品分类|产品列表|产品特点|规格参数|技术参数|"
    "新闻中心|新闻资讯|新闻动态|公司新闻|企业新闻|行业新闻|行业动态|行业资讯|公司动态|媒体报道|资讯中心|"
    "联系我们|联系方式|在线留言|关于我们|公司简介|企业文化|荣誉资质|客户案例|成功案例|工程案例|解决方案|服务中心|"
    "技术支持|人才招聘|下载中心|网站首页|首页|全部|相关产品|相关新闻|相关文章|相关阅读|延伸阅读|相关推荐|推荐产品|推荐阅读|热门产品|"
    "热门文章|热门推荐|热点新闻|最新文章|最新资讯|最新产品|常见问题|返回列表|上一篇|下一篇|Home|产品|新闻|案例"
)
NAV_LINE_RE = re.compile(rf"^\s*+(?:(?:{NAV_WORDS})[|｜/>»·•\-\s]*+)+$")  # (…\s*[|…\s]*\s*)+: one reading of blanks


DISCLAIMER_RE = re.compile(
    r"凡注明|凡本[网網]注明|本[网網]转载|本[网網]轉載|转载请注明|轉載請註明|未经授权|未經授權|不得转载|不得轉載|"
    r"免责声明|免責聲明|版权均属|版權均屬|仅代表作者|僅代表作者|不代表本[网網站]|传递更多信息|傳遞更多信息|"
    r"本站登载此文|不构成投资建议|不構成投資建議|风险自担|風險自擔|仅供其表达个人看法|僅供其表達個人看法|同意其观点或证实|"
    r"^(?:温馨提示|友情提示|特别提示|免责)[：:]\s*本(?:文|站|网)[^。]{0,20}仅供[^。]{0,12}参考"
)
CJK_RE = re.compile(r"[\u4e00-\u9fff]")
CONTACT_RE = re.compile(r"^\s*(?:电话|電話|传真|傳真|邮箱|郵箱|E-?mail|地址|手机|手機|QQ|微信|联系人|聯繫人)\s*[:：]", re.I)
PROMO_RE = re.compile(r"Facebook\s*(?:專頁|专页)|Like我們|关注我们的|關注我們的|扫描二维码关注|掃描二維碼關注|下载客户端|下載客戶端|"
                      r"注册即送|註冊即送|体验金|體驗金|首存|彩金|返水|【立即进入】|【立即進入】|新用户注册")
BET_PROMO_RE = re.compile(r"体验金|體驗金|首存|彩金|返水")
SIGNUP_PROMO_RE = re.compile(r"注册即送|註冊即送|新用户注册")
# A line that names a betting offer to warn about it or report it (…以注册送彩金为噱头, 警方提示：所谓“天天返水”都是诱饵)
# is an article's sentence, not the offer: the frame words of a warning, a report or a scam story.
WARNING_FRAME_RE = re.compile(r"噱头|诱饵|誘餌|幌子|宣称|宣稱|号称|號稱|打着|打著|陷阱|骗局|騙局|套路|所谓|所謂|非法|违法|違法|谎称|"
                              r"警方|民警|公安|诈骗|詐騙|被骗|被騙|受害|谨防|謹防|切勿|警惕|记者|記者|上当|上當")
# A tag is a name closed at once or followed by attributes (`<div class="x">`, `</p>`, `<br/>`): a title in angle
# brackets (<The Palace: Jang Noksu>, a drama's name in a review) has words and no `=`.
# (leading blanks read once: `[#.]?[\w\s.#>-]+\{` is `[\w\s.#>-]*+\{` after at least one character; only the
# last `function(` or `document.write` of the first line is tried: the others end on the same line)
CODE_RE = re.compile(r"^\s*+(?:[\w-]+\s*:\s*[^;：。]{1,80};\s*|<\/?[a-z][a-z0-9]*+(?:\s*+\/?>|\s[^>=]*=[^>]*>).*|[{}].*|[\w\s.#>-]*+(?<=[\w\s.#>-])\{\s*+|"
                     r"(?>.*\bfunction\s*+\().*+|(?>.*document\.write).*+)$", re.I)
DATE_ONLY_RE = re.compile(r"^\s*[（(]?\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?[)）]?\s*$")
SHARE_TOOLS_RE = re.compile(r"复制成功|复制链接|複製連結|按CTRL\+V|字号[：:]\s*T|人阅读\s*字号|加入收藏|设为首页|設為首頁|"
                            r"只看该作者|只看該作者|只看楼主|只看樓主|本帖最近评分记录|本帖最後由|本帖最后由|使用道具|举报回复|"
                            r"快速回复|快速回覆|回复本楼|楼主\s*只看|"
                            # a QR-code prompt under the text: 扫一扫在手机打开当前页, 手机扫码阅读, 用微信扫一扫分享
                            r"^(?:用?(?:手机|微信))?(?:扫一扫|掃一掃|扫码|掃碼|扫描二维码|掃描二維碼)\s*(?:在手机|在手機)?\s*"
                            r"(?:打开|打開|阅读|閱讀|浏览|瀏覽|分享|访问|訪問)(?:当前页|當前頁|本页|本頁|本文|此页|此頁)?\s*$")


def _table_row_reason(s: str) -> str | None:
    """A table row rendered as `| a | b |` whose cells are all chrome (nav words, hotlines) or empty."""
    cells = [c.strip() for c in s.strip().strip("|").split("|")]
    cells = [c for c in cells if c and not re.fullmatch(r"[-:\s]+", c)]
    if not cells or any(len(c) > 40 or re.search(r"[。！？]", c) for c in cells):
        return None
    chrome = [c for c in cells if NAV_LINE_RE.match(c) or FOOTER_RE.search(c) or BREADCRUMB_RE.search(c)]
    return "nav_row" if chrome and len(chrome) >= len(cells) / 2 else None


# A product-detail row: 型号：SZ-200, 价格：面议, 产地：江苏 (the catalogue template's attribute list)
PARAM_ROW_RE = re.compile(r"^\s*(?:产品)?(?:型号|规格|材质|品牌|价格|单价|产地|货号|库存|起订量|供货总量|发货期限|所在地|包装|"
                          r"计量单位|最小起订量|产品编号|产品型号|产品规格|产品价格|产品名称)\s*[:：]\s*\S")


def chrome_reason(line: str) -> str | None:
    """Why a line is template chrome, or None for article text.

    >>> chrome_reason("当前位置:首页 > 产品中心"), chrome_reason("上一篇:禁令最新资讯-快科技")
    ('breadcrumb', 'prevnext')
    >>> chrome_reason("基层治理是国家治理的基石，统筹推进乡镇和城乡社区治理。") is None
    True
    >>> chrome_reason("| 网站首页 | 公司简介 | 产品展示 | 新闻资讯 | 联系我们 |"), chrome_reason("| 2023年 | 42 | 60亿元 |")
    ('nav_row', None)
    >>> [chrome_reason(s) for s in ("【字体：大 中 小】【打印】【关闭】", "2023-07-02 20:15 · 散文 · 约1400字", "— 完 —")]
    ['actions', 'date_line', 'end_mark']
    >>> chrome_reason("众联友情链接："), chrome_reason("友情链接是网站之间互换的链接。")
    ('links_heading', None)
    >>> chrome_reason("战略合作伙伴： 北大方正 | 上海市慈善基金会 | 上海音乐厅"), chrome_reason("合作伙伴：我们与多家银行签约。")
    ('links_row', None)
    >>> chrome_reason("友情链接：中国钢铁网 阿里巴巴 | 慧聪网"), chrome_reason("合作伙伴：我们与多家高校建立了长期合作关系，共同培养人才。")
    ('links_row', None)
    >>> chrome_reason("扫一扫在手机打开当前页"), chrome_reason("扫一扫，关注公众号了解更多产品信息。")
    ('actions', None)
    >>> chrome_reason("人气：1523"), chrome_reason("阅读量 88"), chrome_reason("人气爆棚 长枪短炮拍姚明")
    ('counter', 'counter', None)
    >>> chrome_reason('<div class="share">'), chrome_reason("</div>"), chrome_reason("<The Palace: Jang Noksu>")
    ('code', 'code', None)
    """
    return _chrome_reason(line)


@lru_cache(maxsize=2048)
def _chrome_reason(line: str) -> str | None:
    """chrome_reason, kept for the last lines asked: a page's paragraphs are asked about by the extractor's
    choice, the cut to prose and the back half's chrome pass."""
    s = line.strip()
    if not s:
        return None
    n = len(s)
    if n <= 600 and SEO_BLOCK_RE.match(s):
        return "seo_block"
    if n <= 150 and PREVNEXT_RE.match(s):
        return "prevnext"
    if n <= 120 and BREADCRUMB_RE.search(s):
        return "breadcrumb"
    if n <= 60 and NAV_LINE_RE.match(s) or n <= 160 and _is_menu_row(s):
        return "nav"
    if n <= 40 and (ACTION_RE.match(s) or ACTION_ROW_RE.match(s)):
        return "actions"
    if n <= 40 and SHARE_RE.match(s):
        return "share"
    if n <= 80 and COUNTER_RE.search(s) and META_LABEL_RE.search(s) or n <= 20 and COUNTER_LINE_RE.match(s):
        return "counter"
    if n <= 160 and FOOTER_RE.search(s) and not _is_sentence(s) and not (
            s.endswith("。") and not re.search(r"版权所有|Copyright|©|ICP|公网安备", s, re.I)):
        return "footer"  # a contact sentence ending in 。 inside a notice is the notice's own
    if (n <= 60 and CREDIT_RE.match(s) and not re.search(r"[。？！?!]", s)
            and len(META_LABEL_RE.findall(s)) < 2 and not re.search(r"\d{4}[-/.年]\d{1,2}", s)):
        return "credit_line"
    if n <= 400 and DISCLAIMER_RE.search(s) and not re.match(r"^[^，。]{0,30}(?:表示|指出|称|說|说)", s):
        return "disclaimer"
    if n <= 80 and CONTACT_RE.match(s) and CJK_RE.search(s):
        return "contact_line"
    if (n <= 200 and (m := PROMO_RE.search(s)) and CJK_RE.search(s) and not WARNING_FRAME_RE.search(s)
            and not (SIGNUP_PROMO_RE.match(m.group(0)) and n >= 20 and re.search(r"[，。！？；,]", s)
                     and not BET_PROMO_RE.search(s))):
        return "promo"  # a sign-up offer in a sentence (新用户注册即送888钻石，…) is cut only as a betting offer
    if n <= 300 and CODE_RE.match(s) and not re.search(r"[\u4e00-\u9fff]{6,}", s):
        return "code"
    if DATE_ONLY_RE.match(s) or n <= 60 and DATE_FIELDS_RE.match(s):
        return "date_line"
    if n <= 40 and PARAM_ROW_RE.match(s) and not re.search(r"[。！？]", s):
        return "parameter_row"
    if n <= 12 and END_MARK_RE.match(s):
        return "end_mark"
    if n <= 16 and LINKS_HEADING_RE.match(s):
        return "links_heading"
    if n <= 600 and LINKS_ROW_RE.match(s) and not re.search(r"[。！？]", s):
        return "links_row"
    if n <= 120 and SHARE_TOOLS_RE.search(s):
        return "actions"
    if s.startswith("|") and s.endswith("|"):
        return _table_row_reason(s.replace("\\|", "|"))
    return None


def is_meta_line(line: str) -> bool:
    """A byline / source / date line: short, with one or more `label:` fields.

    >>> is_meta_line("来源:开云体育官方app下载    发布时间:2025-11-13 09:31:09"), is_meta_line("發佈時間：2024-02-28")
    (True, True)
    """
    s = line.strip()
    return len(s) <= 120 and bool(META_LABEL_RE.search(s)) and not s.endswith("。")


def source_of(line: str) -> str:
    """The value of a 来源: field.

    >>> source_of("来源:开云体育官方app下载    发布时间:2025-11-13 09:31:09")
    '开云体育官方app下载'
    >>> source_of("来源：乐途体育登录入口 阅读：1523"), source_of("来源：金樽国际官网首页 浏览次数：8")
    ('乐途体育登录入口', '金樽国际官网首页')
    >>> source_of("来源：新华社 阅读 35"), source_of("来源：Reuters News")
    ('新华社', 'Reuters News')
    """
    m = SOURCE_RE.search(line)
    return m.group(1).strip() if m else ""


def is_category_list(line: str) -> bool:
    """A row of short category names separated by spaces: `全部 周转箱 周转箩`.

    >>> is_category_list("全部 周转箱 周转箩"), is_category_list("今天 我们 出发。")
    (True, False)
    """
    parts = line.split()
    return (
        len(parts) >= 2
        and all(len(p) <= 8 for p in parts)
        and not re.search(r"[。，！？；,.!?;]", line)
        and (parts[0] in {"全部", "所有", "全部产品", "首页"} or len(parts) >= 4)
    )


# 3+ short menu items, each followed by \\ | / ｜, before the text of a paragraph: … \\ 留言板 \\ 下载中心 / 盛洲…
MENU_PREFIX_RE = re.compile(r"^\s*(?:[^，。！？；\\|/｜\s]{1,8}\s*[\\|/｜]\s*){3,}(?=[\u4e00-\u9fff])")
MENU_SEP_RE = re.compile(r"\s*[|｜/\\]\s*|\s{2,}")


def _is_menu_row(s: str) -> bool:
    r"""A row of 4+ short menu items split by | / \ (会员登录 \ 旧版入口 / 首页 \ 本地新闻 …), with no sentence.

    A table cell holding such a row (``| 首页 \ 本地新闻 \ … |``, as the extractor writes a layout table) counts.

    >>> _is_menu_row(r"今天是：2024年1月2日 \ 会员登录 \ 旧版入口 / 首页 \ 本地新闻 \ 信息归档")
    True
    >>> _is_menu_row(r"| 今天是： \ 会员登录 \ 旧版入口 \ 首页 |"), _is_menu_row("| 2023年 | 42 | 60亿元 |")
    (True, False)
    >>> _is_menu_row("北京、上海、广州、深圳四地同步开展。"), _is_menu_row("A/B 测试")
    (False, False)
    """
    literal = "\\|" in s  # a | the page itself printed between menu items (the extractor escapes it)
    s = s.replace("\\|", "|")
    if s.startswith("|") and s.endswith("|"):
        s = s[1:-1].strip()
        if "|" in s and not literal:
            return False  # a table row of several cells: _table_row_reason decides
    if not re.search(r"[|｜/\\]", s) or re.search(r"[，。！？；]", s):
        return False
    items = [i for i in MENU_SEP_RE.split(s.strip()) if i]
    return (len(items) >= (3 if literal else 4) and sum(len(i) <= 8 for i in items) >= len(items) - 1
            and sum(bool(CJK_RE.search(i)) for i in items) >= len(items) - 1)


def _is_sentence(s: str) -> bool:
    return len(s) > 50 and bool(re.search(r"[。！？]", s))


def drop_chrome(paras: list[str], where: str = "body") -> tuple[list[str], list[Removal]]:
    """Remove chrome lines anywhere in a list of paragraphs; each drop is logged with its reason."""
    kept: list[str] = []
    removed: list[Removal] = []
    for i, p in enumerate(paras):
        if m := MENU_PREFIX_RE.match(p):  # a menu row glued before the first sentence by a table layout
            removed.append(Removal(where, m.group(0).strip(), "nav"))
            p = p[m.end():]
        reason = chrome_reason(p)
        if reason == "date_line" and i == len(paras) - 1 and kept and _is_signature(kept[-1]):
            reason = None  # the date under a notice's signature (榕城市体育局 / 2024年6月27日) is the notice's
        if reason:
            removed.append(Removal(where, p, reason))
        else:
            kept.append(p)
    return kept, removed


def _is_signature(line: str) -> bool:
    """The issuing body under a notice: a short name ending like an organisation, no punctuation."""
    s = line.strip()
    return 2 <= len(s) <= 24 and not re.search(r"[，。！？、：:]", s) and bool(
        re.search(r"(?:局|厅|委|办|部|院|会|中心|政府|公司|学校|大学|学院|办公室|委员会|协会|集团|医院|所|站)$", s))


LIST_ITEM_RE = re.compile(r"^\s*(?:[-*•·・]\s*)+")
SENTENCE_END_RE = re.compile(r"(?:[。；]|(?<=[A-Za-z\u00C0-\u024F])[.;])[\s\"'”’)）]*$")


def drop_link_lists(paras: list[str], where: str = "body") -> tuple[list[str], list[Removal]]:
    """Remove runs of short list items before the first or after the last prose paragraph.

    Evidence: related-news, hot-list and "more" link blocks that extractors keep around an article come
    out as runs of short bulleted lines (trafilatura renders list items as `- `); an article's own lists
    sit between its paragraphs and are kept.

    >>> drop_link_lists(["正文第一段很长，有逗号，也有句号。", "- 相关新闻一", "- 相关新闻二", "- 相关新闻三"])[0]
    ['正文第一段很长，有逗号，也有句号。']
    >>> notes = ["* O calendário da Cup é composto por 36 corridas.", "*Somente os 12 primeiros disputam o título.",
    ...          "* Clique no link para ver o calendário"]
    >>> drop_link_lists(["The season starts in February, and the final race is in Miami.", *notes])[0] == [
    ...     "The season starts in February, and the final race is in Miami.", *notes]
    True
    >>> drop_link_lists(["正文第一段很长，有逗号，也有句号。", "·人教版地理必修一4.2山地的形成 课.", "·学易试题君之每日一题君2017年高.",
    ...                  "·2016-2017学年八年级地理同步单元."])[0]
    ['正文第一段很长，有逗号，也有句号。']
    """
    from cleaners.references import is_numbered_citation  # a bulleted reference list is not a link list

    def is_item(p: str) -> bool:
        # a headline never ends with a full stop or a semicolon: an item that does (。；, or `.` `;` after a Latin
        # word) is a sentence of the article's own list (*O calendário da Cup é composto por 36 corridas.); a
        # headline cut short to fit its box ends in a lone dot after a digit or a Chinese character (·人教版地理必修一4.2山地的形成 课.)
        return (bool(LIST_ITEM_RE.match(p)) and len(p) <= 80 and not SENTENCE_END_RE.search(p)
                and not is_numbered_citation(LIST_ITEM_RE.sub("", p)))

    start, end = 0, len(paras)
    while start < end and is_item(paras[start]):
        start += 1
    while end > start and is_item(paras[end - 1]):
        end -= 1
    removed = []
    head, tail = paras[:start], paras[end:]
    if len(head) < 3:
        start, head = 0, []
    if len(tail) < 3:
        end, tail = len(paras), []
    removed = [Removal(where, p, "link_list") for p in head + tail]
    middle: list[str] = []
    body = paras[start:end]
    i = 0
    while i < len(body):
        j = i
        # between paragraphs only headline-like items (no clause punctuation) make a link list; an article's own
        # list items (是否出现发硬、开裂) have commas
        while (j < len(body) and is_item(body[j]) and len(body[j]) <= 40 and CJK_RE.search(body[j])
               and not re.search(r"[，、；：。,;]", body[j])):
            j += 1
        if j - i >= 2:
            removed += [Removal(where, p, "link_list") for p in body[i:j]]
            i = j
        else:
            middle.append(body[i])
            i += 1
    return middle, removed


SUMMARY_LABEL_RE = re.compile(r"^\s*[【\[]?(?:摘要|内容摘要|本文摘要|文章摘要|导读|本文导读|导语|核心提示|提要)[】\]]?\s*[:：]?\s*")


def drop_truncated_repeats(paras: list[str], where: str = "body") -> tuple[list[str], list[Removal]]:
    """Remove a paragraph that is the cut-off start of one of the next three (a CMS summary box: `description`).

    >>> drop_truncated_repeats(["茶小绿叶蝉是我国茶区分布最广的害虫", "茶小绿叶蝉是我国茶区分布最广的害虫之一。成虫吸食嫩梢汁液。"])[0]
    ['茶小绿叶蝉是我国茶区分布最广的害虫之一。成虫吸食嫩梢汁液。']
    >>> drop_truncated_repeats(["【摘要】：去年秋天，我作为支教志愿者来到山里。", "去年秋天，我作为支教志愿者来到山里。山路很长。"])[0]
    ['去年秋天，我作为支教志愿者来到山里。山路很长。']
    """
    # a summary box's label (【摘要】：, 本文导读：) is not part of the repeated text
    keys = [re.sub(r"\W", "", SUMMARY_LABEL_RE.sub("", p)) for p in paras]
    kept: list[str] = []
    removed: list[Removal] = []
    for i, (p, k) in enumerate(zip(paras, keys, strict=True)):
        if len(k) >= 15 and any(len(later) > len(k) and later.startswith(k) for later in keys[i + 1:i + 4]):
            removed.append(Removal(where, p, "truncated_repeat"))
        else:
            kept.append(p)
    return kept, removed


RELATED_HEAD_RE = re.compile(
    r"^\s*(?:相关阅读|相关文章|相关新闻|相关推荐|相关资讯|相关专题|推荐阅读|延伸阅读|热门文章|热门推荐|热点推荐|精彩推荐|"
    r"编辑推荐|今日推荐|图片推荐|频道推荐|猜你喜欢|你可能感兴趣|点击排行|\d+小时点击排行|排行榜|热门评论|网友评论|"
    r"最新文章|热门标签|相关标签|網友評論|相關新聞|相關閱讀|熱門新聞|延伸閱讀)\s*+[:：]?\s*+$"
)


def drop_related_blocks(paras: list[str], where: str = "body") -> tuple[list[str], list[Removal]]:
    """Remove a related-links heading (相关阅读, 频道推荐, 点击排行 …) and the short lines under it.

    Evidence: portals end an article with boxes headed by these words; what follows a heading up to the
    next real paragraph (a punctuated sentence of 50+ characters) belongs to the box.

    >>> drop_related_blocks(["正文第一段很长，有逗号，也有句号。", "频道推荐", "中医药科技成果推广", "48小时点击排行"])[0]
    ['正文第一段很长，有逗号，也有句号。']
    """
    kept: list[str] = []
    removed: list[Removal] = []
    in_box = False
    for p in paras:
        if kept and RELATED_HEAD_RE.match(p):
            in_box = True
        elif in_box and len(p) >= 50 and re.search(r"[。！？]", p):
            in_box = False
        if in_box:
            removed.append(Removal(where, p, "related_links"))
        else:
            kept.append(p)
    return kept, removed
