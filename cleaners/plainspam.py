"""Planted spam that a plain-text extract still carries (a crawl's WET or CCNet text, a page saved as text).

Hidden style, anchors and `</html>` are gone once a page is flattened to text: a hidden farm arrives as
ordinary short lines. What is left is the text's own structure. Each rule below is a small function that
reads the document's lines (in page order, before the header/body/trailer split) and returns a `Finding`
(`cleaners.inject`, where "text") with the lines it covers; `mark_planted` makes the page a spam page, drops
those lines from the body (every drop a `removed` entry with the rule's reason) and renames the header and
trailer lines already cut, so the record says why they went.

Vocabulary alone is never a finding here either (docs/spam.md): each rule needs a shape nobody writes in an
article (markup pasted as text, keywords stacked one a line) together with words of a spam trade.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from itertools import accumulate

from cleaners.chrome import LINKS_HEADING_RE, WARNING_FRAME_RE, chrome_reason
from cleaners.draft import Draft
from cleaners.inject import SITE_TOPICS, Finding, _host, _keyword, _sells, _topic_re, registrable, topic_words
from cleaners.record import Removal
from cleaners.spam import _bigrams

# <a href="http://x.com/bet/">bet365网址</a>, <a href=" http://e7v.info/… ">can you take viagra at night</a>
# and the BBCode a forum bot posts the same way: [url=http://x.info/…]cheap viagra[/url]
ANCHOR_MARKUP_RE = re.compile(r"<a\s[^>]{0,300}?href\s*=\s*[\"']?\s*(https?://[^\"'\s>]{1,300})[^>]{0,300}>(.{0,300}?)</a\s*>"
                              r"|\[url=[\"']?\s*(https?://[^\]\"'\s]{1,300})[\"']?\s*\](.{0,300}?)\[/url\]", re.I)
TAG_RE = re.compile(r"<[^>]{0,300}>")


def pasted_anchors(lines: list[str]) -> tuple[Finding, list[int]] | None:
    """Anchors still spelled out as markup (<a href="http://…">keyword</a>) that link other sites under keyword
    texts: five or more to three or more domains, or three or more of which two sell a spam topic.

    Evidence: a plain text has no markup, so an anchor written out in it was pasted as HTML into a field shown as
    text (a bot's forum reply: <a href=" http://e7v.info/… ">can you take viagra at night</a>), or is a farm a
    broken page swallowed into its text (友情链接1:<a href="http://www.fsgp.cn/bet/">bet365网址</a> …). An ad
    server's image link (<a href=…><img …></a>) has no keyword text, and an HTML lesson's example or two does
    not reach three domains.

    >>> farm = ['<a href="http://www.fsgp.cn/bet/">bet365网址</a>', '<a href="http://www.fsgp.cn/hgw/">皇冠开户</a>',
    ...         '<a href="http://www.fsgp.cn/bet/yh/">银河赌场</a>', '<a href="http://www.fsgp.cn/bet/xpj/">新葡京赌场</a>']
    >>> pasted_anchors(["深圳市正淳居茶文化传播有限公司", *farm])[1]
    [1, 2, 3, 4]
    >>> bot = [f"Nice site [url=http://{h}.info/p/]{t}[/url] thanks" for h, t in
    ...        [("e7v", "buy viagra online"), ("w40", "generic valium cost"), ("ka6", "modafinil trial pack")]]
    >>> pasted_anchors(["帖子内容", *bot, *bot[:2]])[0].hosts
    ['e7v.info', 'ka6.info', 'w40.info']
    >>> pasted_anchors(['例如：<a href="http://www.example.com">示例网站首页</a>', '<a href="http://ad.x.cn/c"><img src="a.gif"></a>'])
    """
    pasted: list[tuple[int, str, str]] = []  # (line, anchor text, registrable domain)
    for i, line in enumerate(lines):
        if "href" not in line.lower() and "[url" not in line.lower():
            continue
        for m in ANCHOR_MARKUP_RE.finditer(line):
            href, text = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            host = _host(href)
            if host:
                pasted.append((i, " ".join(TAG_RE.sub("", text).split()), registrable(host)))
    anchors = [a for a in pasted if a[1] and _keyword(a[1])]
    domains = {d for _, _, d in anchors}
    selling = [t for _, t, _ in anchors if _sells(t)]
    if not (len(anchors) >= 5 and len(domains) >= 3 or len(anchors) >= 3 and len(selling) >= 2):
        return None
    idx = sorted({i for i, _, d in pasted if d in domains})  # with their anchors of no keyword text (bet365网址)
    why = f"{len(anchors)} anchors pasted as markup to {len(domains)} other sites"
    return Finding("text", "spam_links", why, list(dict.fromkeys(t for _, t, _ in anchors)), sorted(domains)), idx


CLAUSE_RE = re.compile(r"[。！？；，,;!?]")
CJK_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def lone_trade_lines(lines: list[str]) -> tuple[Finding, list[int]] | None:
    """Short lines packed with two or more words of one spam trade (真钱棋牌, 癫痫牛皮癣白癜风) on a page whose
    other lines never name that trade.

    Evidence: a hidden anchor or two (<span style="display:none"><a href=…>真钱棋牌</a></span> in a school's list
    of teachers) arrives in the text as a line of its own among lines about something else. Two words of the
    trade in a keyword of sixteen characters or less is a search phrase, not a menu item (棋牌 on a game portal);
    a page that sells or reports on the trade names it in its other text (a hospital's departments, gambling news).

    >>> lone_trade_lines(["就业明星", "周毅", "丁喆", "真钱棋牌", "柯妍", "学员来信"])[1]
    [3]
    >>> lone_trade_lines(["真钱棋牌", "警方捣毁一个网络赌博窝点，涉案金额上亿元。"]) is None
    True
    >>> lone_trade_lines(["今日要闻", "网站被查出色情与性爱视频", "天气晴。"]) is None  # a headline, the words a third of it
    True
    >>> lone_trade_lines(["健康", "男科 妇科", "今日要闻"]) is None  # two clinic words: a health channel's menu
    True
    """
    found: dict[int, set[str]] = {}
    for i, line in enumerate(lines):
        if len(line) > 16 or CLAUSE_RE.search(line):
            continue
        words = topic_words(line)
        # two words of a trade; three of what clinics and shops sell themselves (男科 妇科 is a health portal's menu)
        trades = {t for t, n in words.items() if t != "weak" and n >= (2 if t in SITE_TOPICS else 3)}
        # the trade's words are most of the line: a keyword, not a headline (网络色情与性爱视频泛滥成灾)
        if trades and 2 * sum(map(len, _topic_re().findall(line))) >= len(CJK_RE.findall(line)):
            found[i] = trades
    if not found:
        return None
    named = set(topic_words("\n".join(ln for i, ln in enumerate(lines) if i not in found)))
    idx = [i for i, trades in found.items() if not trades & named]
    if not idx:
        return None
    texts = list(dict.fromkeys(lines[i] for i in idx))
    return Finding("text", "spam_list", f"keyword lines of a trade the page never names: {' '.join(texts)[:200]}",
                   texts), idx


LABEL_RE = re.compile(r"^\s*([\u4e00-\u9fffA-Za-z0-9·]{2,10})\s*[:：]\s*(\S.*)$")


def brand_labels(lines: list[str]) -> tuple[Finding, list[int]] | None:
    """A gambling brand put as the label of a line whose text has nothing to do with it (永盛真钱棋牌室:外媒头条:
    中国限产导致炼焦煤 价格, a caption between an article's pictures): the label is cut wherever it stands.

    Evidence: the brand has the trade's shape, a coined name (not a dictionary word) before two gambling words or
    a brand family (永盛 + 真钱棋牌室, 乐鱼 + 体育官网入口; not 百家乐赌场 or 网上赌博技巧, which name the game or a trick),
    the text after it names no spam trade at all (a news headline about gambling, 澳门赌场：三月收入下降, does),
    and the brand stands nowhere else on the page (a site's own column label comes back in its menus).

    >>> brand_labels(["庄家是不是亏惨了?", "永盛真钱棋牌室:外媒头条:中国限产导致炼焦煤 价格", "说明庄家在继续出货"])[0].terms
    ['永盛真钱棋牌室']
    >>> brand_labels(["百家乐赌场：警方端掉一个赌博窝点"]), brand_labels(["首例微信红包外挂案：10多人被抓"])
    (None, None)
    >>> brand_labels(["网上赌博技巧：一位游客的自述"])
    """
    from cleaners.spam import _coined, is_family

    brands: dict[int, str] = {}
    for i, line in enumerate(lines):
        m = LABEL_RE.match(line) if len(line) <= 200 else None
        if not m or _topic_re().search(m.group(2)):
            continue
        label = m.group(1)
        name = label[:_topic_re().search(label).start()] if _topic_re().search(label) else ""  # 永盛 of 永盛真钱棋牌室
        if (is_family(label) or topic_words(label).get("gambling", 0) >= 2) and len(name) >= 2 and _coined(name):
            brands[i] = label
    idx = [i for i, b in brands.items() if not any(b in ln for j, ln in enumerate(lines) if j != i)]
    if not idx:
        return None
    terms = list(dict.fromkeys(brands[i] for i in idx))
    return Finding("text", "spam_brand", f"a gambling brand labelling an unrelated line: {' '.join(terms)[:200]}", terms), []


ACCESS_LINE_RE = re.compile(r"^(?P<name>\S.{0,11}?)\s*(?:官网入口|登录入口|官方网站|官网|官網|网址|入口)$")


def access_runs(lines: list[str]) -> tuple[Finding, list[int]] | None:
    """Runs of six or more lines each a name and an access word (婷美官网, 婧麒官网, 爱慕内衣官网 …, 澳门银河网址),
    four or more names: the search phrases of a doorway farm, one anchor a line.

    Evidence: what people type to find a site (X官网, X网址, X登录入口) stacked line after line; a page names its
    own 官网 once, and a list of links gives the names, not the search phrase.

    >>> access_runs(["本店留言", "婷美官网", "婧麒官网", "爱慕内衣官网", "十月天使官网", "ELLE箱包官网", "意尔康官网", "版权所有"])[1]
    [1, 2, 3, 4, 5, 6]
    >>> access_runs(["国家统计局官方网站", "教育部官网", "财政部官网", "联系我们"]) is None
    True
    """
    idx: list[int] = []
    run: list[int] = []
    for i, line in enumerate([*lines, ""]):
        m = ACCESS_LINE_RE.match(line) if len(line) <= 16 else None
        if m:
            run.append(i)
            continue
        if len(run) >= 6 and len({ACCESS_LINE_RE.match(lines[j]).group("name") for j in run}) >= 4:  # type: ignore[union-attr]
            idx += run
        run = []
    if not idx:
        return None
    texts = list(dict.fromkeys(lines[i] for i in idx))
    return Finding("text", "spam_list", f"{len(idx)} lines of access phrases: {' '.join(texts)[:200]}", texts), idx


LATIN_WORD_RE = re.compile(r"[A-Za-z]{3,}")
DOMAIN_RE = re.compile(r"\b[a-z0-9-]{2,40}\.(?:com|net|org|cc|info|biz|co|us|uk|cn)\b", re.I)


def _stuffed_line(line: str) -> bool:
    """A Latin line that repeats one word three times or more (rolex ×5): keyword stuffing, not a product title."""
    words = [w.lower() for w in LATIN_WORD_RE.findall(line)]
    return any(words.count(w) >= 3 for w in set(words))


def foreign_keywords(lines: list[str]) -> tuple[Finding, list[int]] | None:
    """On a Chinese page, lines of Latin keywords selling a trade the Chinese text never names (replica rolex usa
    fake rolex watches …, ray ban glasses on discount …), with the Latin keyword lines of the same farm: those
    sharing a word with them or giving a bare domain (mattpacere.com reviews).

    Evidence: a Chinese school's page has no English shopping queries; hidden anchors of an English link farm
    arrive in its text as the only Latin lines. A page that sells or discusses the trade names it in Chinese.
    Goods and clinic words (cheap, wholesale) count only in a stuffed line: an exporter titles its products in
    English (Wholesale Custom Printed Paper Bags).

    >>> zh = "维王教育是一家普通话培训机构，开设普通话水平测试考前培训课程。"
    >>> farm = ["replica rolex usa fake rolex watches replica rolex", "mattpacere.com reviews", "rolex daytona sale"]
    >>> foreign_keywords([*[zh] * 6, *farm, "版权所有"])[1]
    [6, 7, 8]
    >>> foreign_keywords(["澳门赌场酒店攻略", zh, zh, zh, zh, "Venetian Macao Casino"]) is None
    True
    >>> foreign_keywords([*[zh] * 6, "Wholesale Custom Printed Paper Bags", "Cheap Kraft Paper Bags"]) is None
    True
    """
    latin = [i for i, ln in enumerate(lines) if len(ln) <= 150 and not CJK_RE.search(ln) and len(LATIN_WORD_RE.findall(ln)) >= 2]
    selling = {i: {t for t in topic_words(lines[i]) if t != "weak"} for i in latin}
    selling = {i: t for i, t in selling.items() if t}
    if not selling:
        return None
    chinese = "\n".join(ln for i, ln in enumerate(lines) if i not in latin)
    if len(CJK_RE.findall(chinese)) < 2 * len(re.findall(r"[A-Za-z]", "\n".join(lines))):
        return None  # not a Chinese page
    named = set(topic_words(chinese))
    selling = {i: t for i, t in selling.items() if not t & named}
    # what shops and clinics sell themselves (cheap, wholesale, discount: an exporter's English product titles) counts
    # only stuffed, a word of the line three times or more (replica rolex usa fake rolex watches replica rolex …)
    if not any(t & set(SITE_TOPICS) or _stuffed_line(lines[i]) for i, t in selling.items()):
        return None
    words = {w.lower() for i in selling for w in LATIN_WORD_RE.findall(lines[i]) if len(w) >= 4}
    idx = [i for i in latin if i in selling or DOMAIN_RE.search(lines[i])
           or any(w.lower() in words for w in LATIN_WORD_RE.findall(lines[i]) if len(w) >= 4)]
    texts = list(dict.fromkeys(lines[i] for i in idx))
    return Finding("text", "spam_list", f"Latin keyword lines on a Chinese page: {' | '.join(texts)[:200]}", texts), idx


SITE_NAME_RE = re.compile(r"(?:网|網|站|局|院|校|会|中心|公司|集团|大学|政府|厅|部|委|报|台|社|馆|所|平台|论坛|社区|之家|在线|导航|商城|"
                          r"银行|频道|博客|Blog|blog)$")
ITEM_LINE_RE = re.compile(r"^[^。！？；，,:：|]{2,16}$")


def sold_links(lines: list[str]) -> tuple[Finding, list[int]] | None:
    """A links heading (友情链接：) over ten or more one-a-line search phrases of other trades: three quarters or
    more share no two characters with the rest of the page, and a fifth or fewer are names of sites or bodies
    (昆明广告纸巾, 鸡排加盟十大品牌, 维普数据库论文查重, 二手压路机交易市场 … under a prefab-housing firm's footer).

    Evidence: a real 友情链接 box links the site's partners, peers and portals, named as sites (巴中教育网, 四川
    校讯通) or in the site's own trade; links sold by the keyword are what buyers want to rank for, one phrase of
    an unrelated trade each, and (hidden or not) they are the seller's, not the page's.

    >>> page = ["长沙市雨花区海汇活动板房厂是一家活动房公司，承揽活动板房、钢构厂房工程。", "友情链接："]
    >>> sold = ["昆明广告纸巾", "鸡排加盟十大品牌", "儿童毛衣", "康明斯发电机厂家", "亚克力制品", "中央空调水系统",
    ...         "维普数据库论文查重", "规划沙盘", "张家界自由行", "二手压路机转让"]
    >>> sold_links(page + sold + ["湘ICP备15000222号"])[1][0]
    1
    >>> sold_links(page + ["巴中教育网", "南江教育局", "四川校讯通", "中学学科网", "小学学科网", "四川机构网",
    ...                    "全国中小学教师继续教育网", "四川人事人才培训网", "巴中市人民政府", "南江县人民政府"]) is None
    True
    """
    for h, head in enumerate(lines):
        if len(head) > 16 or not LINKS_HEADING_RE.match(head):
            continue
        j = h + 1
        while j < len(lines) and ITEM_LINE_RE.match(lines[j]):
            j += 1
        items = lines[h + 1:j]
        if len(items) < 10:
            continue
        rest = _bigrams("\n".join(lines[:h] + lines[j:]))
        unrelated = [x for x in items if _bigrams(x) and not _bigrams(x) & rest]
        sites = [x for x in items if SITE_NAME_RE.search(x)]
        if len(unrelated) >= 0.75 * len(items) and len(sites) <= 0.2 * len(items):
            return Finding("text", "spam_links", f"{len(items)} links of unrelated trades under {head}: "
                           f"{' '.join(items)[:200]}", items), list(range(h, j))
    return None


TITLE_PART_RE = re.compile(r"(?<!\s)\s*[_|｜\-—–]+\s*")  # from a blank run's start only: linear on long runs
TITLE_PREFIX_RE = re.compile(r"^\s*([^\s:：，。]{2,16}?)\s*[:：]\s*(?=\S)")


def title_brands(lines: list[str]) -> tuple[Finding, list[int]] | None:
    """A gambling brand as a part of the first line, where a crawl's text extract puts the page's <title>
    (市政府召开常务会议部署重点工作_华体会, …_乐鱼体育官网入口, or the brand alone: 开云体育官方网站), that the page's
    text never names.

    Evidence: the title slot of a mirror template, as in HTML (spam.Slots), read here on the extract's first line.
    A part counts when it holds a name of the curated list (华体会, 必威) or is a brand family whose name is
    coined (乐鱼 of 乐鱼体育官网入口; not 中国 of 中国体育彩票官方网站 or a site name such as 新浪体育), or is a name + a
    trade the text never touches (spam.trade_mismatch: …_乐竞体育 over a government report), and neither the name
    nor the part stands anywhere else in the text. A prefix before a colon is a part too (开云体育官方app下载:标题).

    >>> body = ["首页", "市政府召开常务会议部署重点工作", "近日，市政府召开常务会议，研究部署今年重点工作任务。"]
    >>> title_brands(["市政府召开常务会议部署重点工作_华体会", *body])[0].terms
    ['华体会']
    >>> title_brands(["市政府召开常务会议部署重点工作_新浪体育", *body]), title_brands(["开奖公告-中国体育彩票官方网站", *body])
    (None, None)
    >>> title_brands(["开云体育官方app下载:市政府召开常务会议部署重点工作", *body])[0].terms
    ['开云体育官方app下载']
    >>> title_brands(["市政府召开常务会议部署重点工作_乐竞体育", *body])[0].terms
    ['乐竞体育']
    """
    from cleaners.spam import CATEGORY, _coined, _known_re, is_family, trade_mismatch, unnamed_brand_piece

    if not lines or len(lines[0]) > 120:
        return None
    first = lines[0].strip()
    m = TITLE_PREFIX_RE.match(first)  # 开云体育官方app下载:标题 — the seed's prefix slot, then the title's parts
    parts = [p for p in ([m.group(1)] if m else []) + TITLE_PART_RE.split(first[m.end():] if m else first)
             if 2 <= len(p) <= 30]
    if len(parts) == 1 and len(parts[0]) > 16:
        return None  # one part: only a title that is a brand alone (华体会体育), not a headline
    rest = "\n".join(lines[1:]).lower()
    hay = re.sub(r"\s+", "", rest)
    brands = []
    for part in parts:
        known = _known_re().search(part)
        cat = re.search(CATEGORY, part, re.I)
        name = known.group(0) if known else part[:cat.start()] if cat and is_family(part) else ""
        branded = len(name) >= 2 and (known or _coined(name)) and name.lower() not in rest
        if (branded or trade_mismatch(part, rest)) and part.lower() not in rest:  # trade: …_乐竞体育 over a report
            brands.append(part)
        elif shaped := unnamed_brand_piece(part, hay):  # 米乐m6, 必威betway中文版 the dump never names
            brands.append(shaped)
    if not brands:
        return None
    return Finding("text", "spam_brand", f"a gambling brand in the title line: {' '.join(brands)[:200]}", brands), []


def spliced_title_keyword(lines: list[str]) -> tuple[Finding, list[int]] | None:
    """A name + 体育/娱乐/棋牌/电竞 spliced into the title line (the extract's first line) as a side piece (`标题_X体育`,
    `X棋牌-标题`, `X电竞：标题`) that the rest of the dump never names, over prose (`_prose`: the lines of 40 or
    more characters with a clause mark) that never touches the trade (spam.unnamed_trade_pieces: no gambling,
    sport, show-business, game or card word); pieces title_brands reports already are left to it.

    Evidence: as in HTML, a site names itself again on its pages (nav, footer, copyright line) and publishes what
    its name says; a sports or card-game name over a government report that never names it was spliced in.
    A sports report under `_新浪体育`, a card-game firm's news signed `©途游棋牌` keep their title.

    >>> body = ["政府工作报告提出今年经济增长目标", "新华社北京3月5日电 国务院总理在政府工作报告中提出，今年主要预期目标是增长5%左右。"]
    >>> spliced_title_keyword(["政府工作报告提出今年经济增长目标_鼎盛棋牌", *body])[0].terms
    ['鼎盛棋牌']
    >>> spliced_title_keyword(["政府工作报告提出今年经济增长目标_乐竞体育", *body]) is None  # title_brands' already
    True
    >>> spliced_title_keyword(["中超第三轮战罢_新浪体育", "中超第三轮战罢", "恒大客场两球击败申花，继续领跑积分榜。"]) is None
    True
    """
    from cleaners.spam import unnamed_trade_pieces

    if not lines or len(lines[0]) > 120:
        return None
    pieces = unnamed_trade_pieces(lines[0].strip(), "\n".join(lines[1:]), _prose(lines[1:]))
    if pieces and (hit := title_brands(lines)):
        pieces = [p for p in pieces if p not in hit[0].terms]
    if not pieces:
        return None
    return Finding("text", "spam_brand", f"a name and a trade the page never names in the title line: {' '.join(pieces)[:200]}",
                   pieces), []


BARE_URL_RE = re.compile(r"^(?:https?://|www\.)[\w.-]+\.[a-z]{2,}(?:[/?#]\S*)?$", re.I)


def addressed_keywords(lines: list[str]) -> tuple[Finding, list[int]] | None:
    """A line of keywords each followed by its bare address (百家乐 http://www.0376.in/news/ 365bet http://…):
    four or more keyword-address pairs, a third or more of the keywords selling a spam trade.

    Evidence: a farm whose anchors print their href beside their text (the link seller's proof of placement),
    flattened by the browser into one line; a site's own partner row names sites (新华网 http://www.xinhuanet.com),
    not the trade's search words.

    >>> farm = "剑圣友情链接： 百家乐 http://www.0376.in/news/ 365bet http://www.dbbbb.com/ 澳门百家乐 http://www.0376.in/ 澳门赌场 http://www.0376.in/n/"
    >>> addressed_keywords(["北京鸿盛博远科技有限公司", farm])[1]
    [1]
    >>> addressed_keywords(["友情链接： 新华网 http://www.xinhuanet.com 人民网 http://www.people.com.cn 央视网 http://www.cctv.com 中新网 http://www.chinanews.com"])
    """
    idx: list[int] = []
    terms: list[str] = []
    for i, line in enumerate(lines):
        if len(line) > 3000 or "http" not in line and "www." not in line:
            continue
        parts = line.split()
        pairs = [parts[k - 1] for k in range(1, len(parts)) if BARE_URL_RE.match(parts[k])
                 and not BARE_URL_RE.match(parts[k - 1]) and len(parts[k - 1]) <= 16]
        selling = [p for p in pairs if any(t != "weak" for t in topic_words(p))]
        if len(pairs) >= 4 and 3 * len(selling) >= len(pairs):
            idx.append(i)
            terms += pairs
    if not idx:
        return None
    terms = list(dict.fromkeys(terms))
    return Finding("text", "spam_links", f"keywords printed with their addresses: {' '.join(terms)[:200]}", terms), idx


CRUMB_TAIL_RE = re.compile(r"(?:>|»|›|＞)\s*(?P<name>[^>»›＞\s]{2,20})\s*$")
SOURCE_VALUE_RE = re.compile(r"(?:来源|來源|稿源|作者)\s*[:：]\s*(?P<name>[^\s|｜]{2,20})")
OWNER_LINE_RE = re.compile(r"版权所有|版權所有|Copyright|©|ICP|^关于|^關於", re.I)


def _prose(lines: list[str]) -> str:
    """The text's sentences (lines of 40+ characters with a clause mark): where a brand the slots name must not be."""
    return "\n".join(ln for ln in lines if len(ln) >= 40 and CLAUSE_RE.search(ln))


def _brand_name(name: str) -> bool:
    """A gambling brand's shape: a known brand, or a brand family (X体育, X娱乐, X彩金 …) whose X is coined
    (开云 of 开云体育官方app下载, 2017白菜 of 2017白菜送彩金大全; not 澳门 of 澳门赌场, 新浪 of 新浪体育)."""
    from cleaners.spam import CATEGORY, _coined, _known_re, is_family

    if _known_re().search(name):
        return True
    cat = re.search(CATEGORY, name, re.I) or _topic_re().search(name)
    head = name[:cat.start()] if cat else ""
    return is_family(name) and len(head) >= 2 and _coined(head)


def slot_names(lines: list[str]) -> tuple[Finding, list[int]] | None:
    """A brand put before the headline (X:标题) that the page's other slots name too: the tail of the breadcrumb
    (首页 > X), the 来源/作者 value, or the site-owner line (关于X, © X 版权所有), and no sentence of the text; or a
    brand that is the 来源/作者 value itself (来源：乐鱼体育), which names the page's source, never a trade's brand.

    Evidence: a mirror kit writes its keyword into every slot that names the site or the page (the seed:
    开云体育官方app下载:标题 over 来源:开云体育官方app下载; a doorway on a news template: 首页 > 2017白菜送彩金大全,
    2017白菜送彩金大全:政协…开幕, 关于2017白菜送彩金大全); a real site's name in those slots is not a gambling brand,
    and a news headline on a casino (澳门赌场：收入下降) names no coined brand.

    >>> page = ["首页 > 2017白菜送彩金大全", "2017白菜送彩金大全:政协十二届五次会议开幕", "政协十二届五次会议今天上午开幕。",
    ...         "关于2017白菜送彩金大全 联系我们 版权声明"]
    >>> slot_names(page)[0].terms
    ['2017白菜送彩金大全']
    >>> slot_names(["首页 > 澳门", "澳门赌场：三月收入下降", "来源：澳门赌场", "澳门赌场三月收入下降一成。"]) is None
    True
    >>> slot_names(["小微企业所得税减半征收", "来源：乐鱼体育  作者：乐鱼体育"])[0].terms, slot_names(["来源：新浪体育"])
    (['乐鱼体育'], None)
    """
    prose = _prose(lines)
    slots: set[str] = set()
    sources: set[str] = set()
    for line in lines:
        if len(line) <= 120 and (m := CRUMB_TAIL_RE.search(line)):
            slots.add(m.group("name"))
        if len(line) <= 120:
            sources.update(m.group("name") for m in SOURCE_VALUE_RE.finditer(line))
    slots |= sources
    owners = [ln for ln in lines if len(ln) <= 200 and OWNER_LINE_RE.search(ln)]
    names = sorted(n for n in sources if _brand_name(n) and n not in prose)  # 来源：乐鱼体育 alone
    for line in lines:
        m = TITLE_PREFIX_RE.match(line) if len(line) <= 120 else None
        if not m or not _brand_name(name := m.group(1)) or name in prose:
            continue
        if any(s.startswith(name) for s in slots) or any(name in ln for ln in owners):
            names.append(name)
    if not names:
        return None
    names = list(dict.fromkeys(names))
    # the byline lines naming it go (renamed when already cut as the header's); the headline stays, cut of its brand
    idx = [i for i, ln in enumerate(lines) if len(ln) <= 120 and any(m.group("name") in names for m in SOURCE_VALUE_RE.finditer(ln))]
    return Finding("text", "spam_brand", f"a brand before the headline and in the page's other slots: {' '.join(names)[:200]}",
                   names), idx


def headline_brands(lines: list[str]) -> tuple[Finding, list[int]] | None:
    """A gambling brand (`_brand_name`) glued to a headline the page prints on another line as well: before it
    (乐鱼体育：细菌型感冒 吃克流感无效) or after it (细菌型感冒 吃克流感无效_乐鱼体育), and in no sentence of the text.

    Evidence: a page prints its headline more than once (the <title>-like line, the heading, a crumb); a kit that
    hijacks one of those copies adds its brand there, so the same headline stands beside it bare. A column label
    (国际：…) or a site name (…_新浪体育) is not a coined brand of the trade.

    >>> page = ["乐鱼体育：细菌型感冒 吃克流感无效", "细菌型感冒 吃克流感无效", "研究发现，细菌型感冒服用克流感并无效果，医师提醒应对症下药。"]
    >>> headline_brands(page)[0].terms
    ['乐鱼体育']
    >>> headline_brands(["新浪体育：中超第三轮战罢", "中超第三轮战罢", "广州恒大客场两球击败上海申花，继续领跑积分榜。"]) is None
    True
    """
    prose = _prose(lines)
    bare = {ln.strip() for ln in lines if 6 <= len(ln) <= 80}
    names: list[str] = []
    for line in lines:
        if len(line) > 120:
            continue
        m = TITLE_PREFIX_RE.match(line)
        pairs = [(m.group(1), line[m.end():].strip())] if m else []
        parts = TITLE_PART_RE.split(line)
        if len(parts) >= 2:
            pairs.append((parts[-1], line[:line.rfind(parts[-1])].rstrip(" _|｜-—–")))
        for name, rest in pairs:
            if rest in bare and rest != line and _brand_name(name) and name not in prose:
                names.append(name)
    if not names:
        return None
    names = list(dict.fromkeys(names))
    return Finding("text", "spam_brand", f"a gambling brand glued to a copy of the headline: {' '.join(names)[:200]}",
                   names), []


BOX_HEAD_RE = re.compile(r"^\s*(?P<head>本文关键词|本文关键字|文章关键词|关键词|关键字|本文标签|相关标签|标签|TAG|Tags?|本文摘要|"
                         r"热门推荐|相关推荐|推荐阅读|相关阅读|相关文章|相关产品|热门文章|热门产品|热门标签|猜你喜欢|最新文章|"
                         r"最新产品|推荐产品|相关新闻|热点推荐|精彩推荐)\s*[:：]?\s*(?P<rest>.*)$", re.I)
BOX_SPLIT_RE = re.compile(r"[\s,，、|｜/;；]+")
BOX_LINES = 20


def boxed_brands(lines: list[str]) -> tuple[Finding, list[int]] | None:
    """A gambling brand (`_brand_name`: 华体会体育, 乐鱼体育, 星空体育app下载) as an item of a keyword or related-links
    box (本文关键词：…, 标签：…, 热门推荐 / 相关文章 and the short lines under it) whose name the text never uses.

    Evidence: the boxes a CMS fills from tags and other pages are the slots a mirror kit writes its brand into
    (a product page's 热门推荐 list, the 本文关键词 line); a real site's boxes hold its own topics and products,
    and a site name of a portal (腾讯体育, 虎扑体育) is not a coined brand of the trade.

    >>> body = "塑料周转箱广泛用于机械、汽车、家电、轻工、电子等行业，能耐酸耐碱、耐油污，无毒无味。"
    >>> boxed_brands([body, "热门推荐", "华体会体育", "塑料周转箱厂家", "物流箱价格"])[1]
    [2]
    >>> boxed_brands([body, "本文关键词：乐鱼体育,周转箱,物流箱"])[0].terms
    ['乐鱼体育']
    >>> boxed_brands([body, "热门推荐", "腾讯体育", "虎扑体育", "周转箱价格"]) is None
    True
    """
    prose = _prose(lines)
    found: dict[int, list[str]] = {}
    for h, line in enumerate(lines):
        m = BOX_HEAD_RE.match(line) if len(line) <= 200 else None
        if not m:
            continue
        rows = [(h, m.group("rest"))]
        for j in range(h + 1, min(h + 1 + BOX_LINES, len(lines))):
            if len(lines[j]) > 30 or CLAUSE_RE.search(lines[j].rstrip("。")) and len(lines[j]) > 20:
                break
            rows.append((j, lines[j]))
        for i, text in rows:
            for item in BOX_SPLIT_RE.split(text):
                if 2 <= len(item) <= 20 and _brand_name(item) and item not in prose:
                    found.setdefault(i, []).append(item)
    if not found:
        return None
    terms = list(dict.fromkeys(t for ts in found.values() for t in ts))
    idx = sorted(found)  # the item lines (a keyword line is the page's chrome, not its text)
    return Finding("text", "spam_brand", f"a gambling brand in a keyword or related-links box: {' '.join(terms)[:200]}",
                   terms), idx


SEARCH_ECHO_RE = re.compile(r"^\s*(?:关键词|关键字|搜索词|搜索|搜索结果|您搜索的|您要搜索的)\s*[:：]?\s*[\"“「]?(?P<q>\S.{1,60}?)[\"”」]?"
                            r"\s*[:：,，]?\s*(?:共|找到|约|相关结果)\s*\d+\s*(?:个|条|篇|项)")


def search_echo(lines: list[str]) -> tuple[Finding, list[int]] | None:
    """A site-search page echoing a query that sells a spam trade (关键词 公主岭办毕业证☆微信Q Q☆1131188009: 共0个结果).

    Evidence: spammers feed their advert to a real site's search box so that the results page, with the query
    in its title and its results line, gets indexed under the site's name; the query is the advert (a trade and
    a contact), whatever the site. A search for an ordinary word (关键词 环保: 共12个结果) sells nothing.

    >>> search_echo(["首页", "关键词 公主岭办毕业证☆微信Q Q☆1131188009: 共0个结果"])[0].terms
    ['公主岭办毕业证☆微信Q Q☆1131188009']
    >>> search_echo(["关键词 环保: 共12个结果", "搜索结果：澳门旅游 共8条"])
    """
    from cleaners.inject import title_sells

    idx: list[int] = []
    terms: list[str] = []
    for i, line in enumerate(lines):
        m = SEARCH_ECHO_RE.match(line) if len(line) <= 120 else None
        if m and title_sells(m.group("q")):
            idx.append(i)
            terms.append(m.group("q"))
    if not idx:
        return None
    return Finding("text", "spam_line", f"a search page echoing a query that sells: {' '.join(terms)[:200]}", terms), idx


SNIPPET_SPLIT_RE = re.compile(r"\n|<br\s*/?>", re.I)  # a bot pastes results with their <br> spelled out
# a search result's title: the keyword and its site or a second keyword, joined by an underscore, Chinese on both
# sides (不锈钢除尘器厂家_慧聪网; not a line of code, var _zk_cpc = -1)
RESULT_TITLE_RE = re.compile(r"^(?=[^_]*[\u4e00-\u9fff]{2})[^。！？，,；：:|｜=(){}]{2,40}_"
                             r"(?=[^_]*[\u4e00-\u9fff]{2})[^。！？，,；：:|｜=(){}]{2,40}$")
MIN_TRANSLATED_RESULTS = 3
ENGLISH_WORD_RE = re.compile(r"[A-Za-z]{2,}")


def search_snippets(paras: list[str]) -> str | None:
    """A forum bot's post: search-engine results pasted block after block, each with a machine translation.

    Evidence: three or more result titles (关键词_站点名, Chinese on both sides of the underscore), each followed
    within three lines by a paragraph of English: the bot pastes a product keyword's results (阿里巴巴, 慧聪网 …,
    with the engine's dates and cut-off snippets) into thread after thread of other people's forums, and puts a
    machine translation after each so that no two posts look alike. On the labelled wild-2017 pages every page
    with one such block has five or more and is such a post (18 dev pages on 14 boards, several accounts). A
    site's own page of gathered snippets (a 编程资料 or 盘搜索 content farm) has no translations and is left alone,
    as its labellers left it (ordinary: no planted links); bilingual news has no result titles. Returns the
    evidence (for a `removed` entry), or None.

    >>> post = ["不锈钢除尘器厂家_慧聪网", "2016年11月23日？-？不锈钢除尘器，集尘器是一种干式的高效除尘器，它利用多孔的...",
    ...         "Dust catcher of stainless steel, the dust collector is a kind of dry highly effective dust catcher . . .",
    ...         "不锈钢除尘器_阿里巴巴", "阿里巴巴为您找到20193条不锈钢除尘器产品的详细参数，实时报价...",
    ...         "Alibaba finds the detailed parameter of product of dust catcher of 20193 stainless steel for you . . .",
    ...         "不锈钢除尘器价格_价格大全", "7天前 - 全不锈钢除尘器星型下料阀，使用寿命长，我们真诚期待与您携手合作…",
    ...         "7 days ago - Dust catcher of complete stainless steel next star makings a powerful person . . ."]
    >>> search_snippets(post)
    '3 search results pasted under their titles, each with a machine translation (不锈钢除尘器厂家_慧聪网 …)'
    >>> search_snippets([p for p in post if not p[0].isascii()]) is None  # a content farm's own snippets
    True
    >>> listing = ["寻母51天", "发布时间：2015-03-04 15:22 | 来源：新浪网 | 编辑：cloudy", "过去的51天，对他来说每时每刻都伴随着焦急和痛苦。期间，他们不...",
    ...            "留学意大利", "Studying in Italy: the government offers scholarships to Chinese students every year."] * 3
    >>> search_snippets(listing) is None
    True
    """
    segments = [s.strip() for p in paras for s in SNIPPET_SPLIT_RE.split(p)]
    segments = [s for s in segments if s]
    titles = [seg for i, seg in enumerate(segments) if RESULT_TITLE_RE.match(seg)
              and any(len(t) >= 25 and _english(t) for t in segments[i + 1 : i + 4])]
    if len(titles) < MIN_TRANSLATED_RESULTS:
        return None
    return (f"{len(titles)} search results pasted under their titles, each with a machine translation "
            f"({titles[0][:30]} …)")


def _english(segment: str) -> bool:
    """A paragraph of eight or more Latin words and (almost) no Chinese."""
    return len(ENGLISH_WORD_RE.findall(segment)) >= 8 and len(CJK_RE.findall(segment)) < 0.1 * len(segment)


FOOTER_LINE_RE = re.compile(r"版[权權]所有|©|备案|備案|(?:地址|电话|電話|传真)\s{0,3}[:：]|主办|承办|技[术術]支持|邮编")
FOOTER_LATIN_RE = re.compile(r"copyright|icp|e-?mail|powered by|all rights reserved")  # on the lower-cased text
FOOTER_GAP = 12  # lines between two owner lines of one footer (a row of links counts as its items)
# a sentence, a label, a menu's separator (国匠城 |, 淘 · 主图视频), a name glued to Latin (客服服务QQ), an e-mail or
# an address; Chinese with digits is a count (您是第 1803 位访客), read apart
ITEM_MARK_RE = re.compile(r"[。！？；，,;!?：:()（）@|｜·•/]|[\u4e00-\u9fff][A-Za-z]|[A-Za-z][\u4e00-\u9fff]|\.[a-z]{2,}\b", re.I)
DIGIT_RE = re.compile(r"\d")
FOOTER_MIN_ITEMS = 3


def footer_keywords(lines: list[str]) -> tuple[Finding, list[int]] | None:
    """Keyword lines spliced among a site's footer lines (版权所有, 地址：, 电话：, ICP, Copyright …, each within twelve
    lines of the next) that share no two characters (Latin: no word) with anything else on the page: three or
    more such items in one footer (木工板, 多层板价格, 生态板 between a packing firm's address, phone and fax lines;
    西安气球 西安宣传片制作 温室大棚 … under a Jinan firm's copyright; VXDIAG VCX NANO, XPROG-M V5.60 … on a
    Chinese school's page).

    Evidence: the owner lines are the site's template, and a paid dark link is hidden in the copyright div, so
    a crawl's extract prints it among them. What a real footer holds between those lines is the site's own:
    its menu (chrome), its name, partners and badges (named as sites or bodies: 中国互联网举报中心), contact
    details (an e-mail, a phone) and its own trade, which its pages name elsewhere. A game site's two menu items
    under its phone lines (新手引导, 职业战斗) stay below the bar.

    >>> page = ["深圳市卓尔雅包装技术有限公司", "产品展示", "各种环保啤盒纸盒纸箱", "版权所有：深圳市卓尔雅包装技术有限公司", "木工板",
    ...         "地址：深圳市坪山新区金田路287号", "多层板价格", "生态板", "电话：0755-27158266", "传真：0755-27158567"]
    >>> footer_keywords(page)[1]
    [4, 6, 7]
    >>> footer_keywords(["九阴真经精彩视频", "客服电话：", "0512-67631800", "邮 箱：", "aoagm@snailgame.net", "精彩视频", "新手引导",
    ...                  "职业战斗", "苏ICP备08012323号", "© 2009苏州市蜗牛电子有限公司版权所有"]) is None
    True
    """
    text = "\n".join(lines)
    starts = list(accumulate((len(ln) + 1 for ln in lines[:-1]), initial=0))
    lower = text.lower()  # one pass, not re.I (several times slower); a letter whose lower case is longer: by line
    marks = [m.start() for m in FOOTER_LINE_RE.finditer(text)]
    if len(lower) == len(text):
        marks += [m.start() for m in FOOTER_LATIN_RE.finditer(lower)]
    else:
        marks += [starts[i] for i, ln in enumerate(lines) if FOOTER_LATIN_RE.search(ln.lower())]
    foot = sorted({i for at in marks if len(lines[i := bisect_right(starts, at) - 1]) <= 200})
    if len(foot) < 2:
        return None
    chinese = None  # the page is Chinese (read once, for Latin items only)
    blocks: list[list[int]] = []  # chains of owner lines, each within FOOTER_GAP lines of the next
    for a, b in zip(foot, foot[1:], strict=False):
        if b - a > FOOTER_GAP:
            continue
        if blocks and blocks[-1][-1] == a:
            blocks[-1].append(b)
        else:
            blocks.append([a, b])
    counts: Counter[str] | None = None  # in how many lines each bigram and Latin word stands (built once, if needed)
    trade: set[str] | None = None  # the characters of the site owner's trade (built once, if needed)
    for block in blocks:
        span = [j for j in range(block[0] + 1, block[-1]) if j not in block]
        items = [(j, item) for j in span if len(lines[j]) <= 200 and not chrome_reason(lines[j])
                 for item in row_items(lines[j]) or [lines[j]]
                 if 2 <= len(item) <= 20 and not ITEM_MARK_RE.search(item) and not SITE_NAME_RE.search(item)
                 and not (DIGIT_RE.search(item) and CJK_RE.search(item))]
        if len(items) < FOOTER_MIN_ITEMS:
            continue
        if counts is None:
            counts = Counter(x for ln in lines for x in _units(ln))
        inside = Counter(x for j in span for x in _units(lines[j]))
        found: dict[int, list[str]] = {}
        for j, item in items:
            if CJK_RE.search(item):  # a keyword, not a control (展开, 收缩)
                unrelated = (_keyword(item) and not any(counts[x] > inside[x] for x in _bigrams(item))
                             and not set(item) & (trade := _firm_trade(lines) if trade is None else trade))
            else:  # Latin codes on a Chinese page (VXDIAG VCX NANO), none of their words used elsewhere; one
                words = {w.lower() for w in LATIN_WORD_RE.findall(item)}  # word alone is a menu's (shadow, Rights)
                if chinese is None:
                    chinese = len(CJK_RE.findall(text)) > 2 * len(re.findall(r"[A-Za-z]", text))
                unrelated = (chinese and len(item.split()) >= 2 and bool(words)
                             and not any(counts[w] > inside[w] for w in words))
            if unrelated:
                found.setdefault(j, []).append(item)
        if sum(map(len, found.values())) >= FOOTER_MIN_ITEMS:
            terms = [t for ts in found.values() for t in ts]
            return Finding("text", "spam_links", f"keyword lines among the footer's owner lines: {' '.join(terms)[:200]}",
                           terms), sorted(found)
    return None


FIRM_RE = re.compile(r"([\u4e00-\u9fff]{2,16}?)(?:股份有限公司|有限责任公司|有限公司|集团|公司|工厂|厂)")
FIRM_GENERIC_RE = re.compile(r"(?:科技|技术|實業|实业|发展|發展|贸易|貿易|工程|制品|製品|有限|股份|国际|國際)+$")


def _firm_trade(lines: list[str]) -> set[str]:
    """The characters of the site owner's trade: the two characters before the firm's suffix in the firm name of the
    page's first line (a dump's site name) or its owner lines (OWNER_LINE_RE: 版权所有, ©, ICP, 关于X), generic words
    taken off (深圳市卓尔雅包装技术有限公司 -> 包装, 东莞市宏达木业有限公司 -> 木业). A footer keyword sharing one (细木工板
    under 宏达木业) is the firm's own product, not a paid link. Other lines are not read: a farm's own keywords name
    firms too (深圳手板厂).

    >>> "".join(sorted(_firm_trade(["首页", "版权所有：深圳市卓尔雅包装技术有限公司"]))), "".join(sorted(_firm_trade(["东莞市宏达木业有限公司"])))
    ('包装', '业木')
    """
    trade: set[str] = set()
    for line in lines[:1] + [ln for ln in lines[1:] if OWNER_LINE_RE.search(ln)]:
        for m in FIRM_RE.finditer(line):
            core = FIRM_GENERIC_RE.sub("", m.group(1))
            if len(core) >= 4:
                trade |= set(core[-2:])
    return trade


def _units(line: str) -> set[str]:
    """A line's Chinese bigrams and lower-cased Latin words (of three letters or more)."""
    return _bigrams(line) | {w.lower() for w in LATIN_WORD_RE.findall(line)}


def foreign_links_box(lines: list[str]) -> tuple[Finding, list[int]] | None:
    """A Chinese links box (友情链接: over one-a-line Chinese names, three or more not named as sites or bodies) on
    a page whose other text is Latin: an English firm's page carrying 设计教程网, 东莞广告装饰, 憨憨设计联盟,
    东莞筑柏园林, 美食菜谱天地 under its product list.

    Evidence: a site's links box is written in its own language for its own readers; Chinese link texts on an
    English page were written for a Chinese search engine by someone selling links (a marquee of width 1 that
    the crawl's extract prints in full). An English page of a Chinese body that links its Chinese partners names
    them as bodies (教育部, 中国教育网), and a language switch (中文版) is one item with no heading.

    >>> page = ["Zhengzhou Huashuo advanced ceramics Co., Ltd", "S-SiC is a new generation of high technology ceramics.",
    ...         "Finishing Workshop", "Our company has a variety of finishing equipment for high precision parts."]
    >>> foreign_links_box([*page, "友情链接:", "设计教程网", "东莞广告装饰", "憨憨设计联盟", "东莞筑柏园林", "美食菜谱天地", "Google"])[1]
    [4, 5, 6, 7, 8, 9]
    >>> foreign_links_box([*page, "友情链接:", "教育部", "中国教育网", "清华大学", "北京市人民政府", "Google"]) is None
    True
    """
    for h, head in enumerate(lines):
        if len(head) > 16 or not LINKS_HEADING_RE.match(head):
            continue
        j = h + 1
        while j < len(lines) and ITEM_LINE_RE.match(lines[j]) and CJK_RE.search(lines[j]):
            j += 1
        names = [x for x in lines[h + 1:j] if not SITE_NAME_RE.search(x)]
        if len(names) < 3:
            continue
        rest = "\n".join(lines[:h] + lines[j:])
        if len(CJK_RE.findall(rest)) * 10 < len(re.findall(r"[A-Za-z]", rest)):
            items = lines[h + 1:j]
            return Finding("text", "spam_links", f"a Chinese links box on a Latin page: {' '.join(items)[:200]}",
                           items), list(range(h, j))
    return None


STEM_RE = re.compile(r"^[\u4e00-\u9fff]{4,12}$")
VARIANT_RE = re.compile(r"^[^。！？；，,;!?：:|｜]{4,16}$")  # a search phrase: short, no clause mark, no label
VARIANT_LINES = 5
VARIANT_WINDOW = 8
CLUSTER_LINE = 40


def stem_variants(lines: list[str]) -> tuple[Finding, list[int]] | None:
    """A cluster of lines that are one search phrase and its variants (连环夺宝, 中福在线连环夺宝, 中福在线连环夺宝网络版,
    中福在线连环夺宝技巧, 连环夺宝游戏 …): a line of four to twelve Chinese characters that five or more short
    phrase lines (16 characters or less, no clause mark) within eight lines of it contain, three or more of them
    different, on a page whose other lines never use it (the cluster: the lines of 40 characters or less around
    it that use it, an advert line among them; the first line, a crawl extract's <title>, is the page's own).

    Evidence: a link farm's anchors are the search phrases its buyer wants to rank for, the bare name and the name
    with 技巧, 游戏, 网络版, 下载 …; flattened to text they stack one a line. A page's own lists vary their items
    or repeat one (a housing list's estate name under each listing; brands before a product: 佳能硒鼓, 惠普硒鼓),
    a column label before headlines makes long lines (动漫企业广州首家动漫企业成功上市), an archive differs by its
    years only (2014年教育大事记, 2013年教育大事记 …), and a hot-search box of
    the page's own subject names the subject in its title and text.

    >>> page = ["风工程研究中心", "风工程研究中心成立于1962年，主要从事建设工程领域科学技术研究。", "广东省建筑科学研究院"]
    >>> farm = ["中福在线连环夺宝网络版全新上线，24小时娱乐不打烊！", "中福在线连环夺宝", "中福在线连环夺宝网络版", "中福在线",
    ...         "连环夺宝", "中福在线连环夺宝技巧", "连环夺宝游戏"]
    >>> stem_variants(page + farm)[1]
    [3, 4, 5, 6, 7, 8, 9]
    >>> stem_variants([*page, *farm, "中福在线连环夺宝是一款彩票游戏，今年在全国上线，玩家可在各地的福利彩票销售厅购买。"]) is None
    True
    >>> stem_variants(["手机软件排行榜2016_热门手机软件下载", *[x + "软件排行榜" for x in ("", "综合", "彩票", "网店", "单车")]]) is None
    True
    >>> stem_variants(["教育部", "教育大事记", *[f"{y}年教育大事记" for y in range(2004, 2015)]]) is None
    True
    >>> stem_variants(["您看的房子", *["蓝光可可蜜园，上门实勘", "3室2厅 81㎡ 南北", "蓝光可可蜜园", "有钥匙"] * 3]) is None
    True
    """
    found: dict[int, str] = {}
    for i, stem in enumerate(lines):
        if not i or not STEM_RE.match(stem) or i in found:
            continue
        near = range(max(0, i - VARIANT_WINDOW), min(len(lines), i + VARIANT_WINDOW + 1))
        using = [j for j in near if stem in lines[j] and VARIANT_RE.match(lines[j])]
        if len(using) < VARIANT_LINES or len({re.sub(r"\d+", "", lines[j]) for j in using}) < 3:  # not years
            continue
        a, b = using[0], using[-1]  # the cluster, grown over the short lines next to it that use the stem
        while a > 1 and len(lines[a - 1]) <= CLUSTER_LINE and stem in lines[a - 1]:  # never the title line
            a -= 1
        while b + 1 < len(lines) and len(lines[b + 1]) <= CLUSTER_LINE and stem in lines[b + 1]:
            b += 1
        if any(stem in ln for j, ln in enumerate(lines) if not a <= j <= b):
            continue
        for j in range(a, b + 1):
            found.setdefault(j, stem)
    if not found:
        return None
    stems = list(dict.fromkeys(found.values()))
    return Finding("text", "spam_list", f"lines that are one search phrase and its variants: {' '.join(stems)[:200]}",
                   stems), sorted(found)


# what only a betting site promises: bonus money for signing up or paying in (注册即送123元彩金, 首存送1888, 开户送体验金,
# 送2000元试玩金), a daily rebate (天天返水3%) or withdrawals in minutes (提款3分钟到账); a plain 注册送 (a shop's coupon)
# or 返水 (a drain's backflow) is not one
OFFER_RE = re.compile(r"送.{0,8}?(?:彩金|体验金|體驗金|试玩金|筹码)|提款\s{0,3}[\d０-９]{1,4}\s{0,3}分钟"
                      r"|[\d０-９]{1,4}\s{0,3}分钟\s{0,3}到\s{0,3}账|(?:天天|每日|无限|最高)返水|返水\s{0,3}[\d０-９]")
SIGNUP_RE = re.compile(r"(?:注册|註冊|开户|開戶|首存|存款|充值)\s{0,3}(?:即|就|立即|立|即可)?\s{0,3}送\s{0,3}[\d０-９]")  # 注册送38
BET_CONTEXT_RE = re.compile(r"娱乐|娛樂|赌场|賭場|真人|视讯|視訊|博彩|投注|棋牌|百家乐|百家樂|赌博|賭博|荷官|真钱|體育|体育")
CASINO_RE = re.compile(r"娱乐城|娛樂城|赌场|賭場|真人|视讯|視訊|博彩|投注|百家乐|百家樂|赌博|賭博|荷官|真钱")  # not 娱乐 alone
QUOTED_RE = re.compile(r"[“\"「『][^”\"」』]{0,40}[”\"」』]")
REPORT_RE = re.compile(r"警方|民警|公安|诈骗|被骗|受害|骗子|涉案|案件|记者|提醒|报道|嫌疑")
# a reporter's or an analyst's frame: who says, who announced (an advert speaks to the reader and cites nobody)
NEWS_FRAME_RE = re.compile(r"人士|认为|認為|指出|表示|据悉|據悉|据了解|據了解|公布|分析|报告|報告|统计|統計|同比")


def casino_offers(lines: list[str]) -> tuple[Finding, list[int]] | None:
    """A betting site's sales line: a sign-up or deposit bonus, a rebate or withdrawals in minutes
    (澳门巴黎人赌场注册即送123元彩金 … 提款3分钟到账, PT娱乐注册立即送体验金, 华人首家线上赌场→马上体验（送2000元试玩金）),
    with a word of the betting trade beside it (a bare 注册即送38 beside a casino word: 娱乐城, 赌场, 真人, 视讯 …).

    Evidence: the offer is the trade's advert copy, which a casino writes for its banners and a crawl's extract
    keeps as a line of text; a lottery portal's own prize (答题闯关赢百元彩金) gives nothing for signing up, and
    news of a scam quotes the offer (以“注册送彩金”为诱饵) or names the police and the victims.

    >>> casino_offers(["视讯自拍2", "澳门巴黎人赌场注册即送123元彩金，实力保证。100万彩金证求赢家，提款3分钟到账"])[1]
    [1]
    >>> casino_offers(["[任务] 答题闯关赢百元彩金", "[论坛] 晒红单，领彩宝兑彩金"]) is None
    True
    >>> casino_offers(["警方提醒：骗子以注册即送彩金为诱饵，诱导受害人在赌博平台充值。"]) is None
    True
    >>> casino_offers(["新用户注册即送20元优惠券，娱乐频道全场包邮", "卫生间地漏返水怎么办？娱乐休闲两不误"]) is None
    True
    """
    idx = []
    for i, line in enumerate(lines):
        if ("送" not in line and "分钟" not in line and "返水" not in line or len(line) > 300 or REPORT_RE.search(line)
                or WARNING_FRAME_RE.search(line) or NEWS_FRAME_RE.search(line)):  # 平台常以注册送彩金为噱头: a warning
            continue  # names the offer; 多家赌场推出注册会员送筹码等优惠…，业内人士认为…: news reports it
        m = OFFER_RE.search(line) if BET_CONTEXT_RE.search(line) else None
        m = m or (SIGNUP_RE.search(line) if CASINO_RE.search(line) else None)  # a video site's 注册即送30天 is no bet
        if m and not any(q.start() <= m.start() < q.end() for q in QUOTED_RE.finditer(line)):
            idx.append(i)
    if not idx:
        return None
    texts = list(dict.fromkeys(lines[i] for i in idx))
    return Finding("text", "spam_line", f"a betting site's offer: {' | '.join(texts)[:200]}", texts), idx


# a lottery drawn every few minutes (分分彩, 五分彩, 三分快三, 极速时时彩) or a copy of a state game (新五分, 新十分)
HOUSE_LOTTERY_RE = re.compile(r"(?:[一二三五]分|分分|秒秒)(?:彩|快三|快3|赛车|时时彩|11选5|PK10|六合彩)|极速(?:时时彩|快三|快3|11选5|六合彩)"
                              r"|^新[五十]分$", re.I)


def house_lotteries(lines: list[str]) -> tuple[Finding, list[int]] | None:
    """A menu item or a results heading (16 characters or less) naming a lottery drawn every minute or every few
    minutes (五分彩, 分分彩, 三分快三) or a betting site's copy of a state game (新五分, 新十分 beside 新快三, 新11选5).

    Evidence: China's state lotteries (福彩, 体彩) draw daily, or every ten or twenty minutes for the fast games,
    and are named after their province (重庆时时彩, 广东快乐10分); a game named for its one-to-five-minute draw is a
    betting site's house lottery, sold by nobody else (a porn site's 博彩区 menu, an unlicensed 大众彩票网). A
    licensed lottery portal lists the state games only, and news of a crackdown on 分分彩 reports it in sentences
    (or quotes it, or names the police or its victims).

    >>> house_lotteries(["博彩区", "AG视讯", "BBIN视讯", "五分彩", "时时彩", "福彩3D"])[1]
    [3]
    >>> house_lotteries(["重庆时时彩", "广东快乐10分", "北京赛车pk10", "幸运农场", "广东11选5"]) is None
    True
    >>> house_lotteries(["警方破获“分分彩”赌博案"]) is None
    True

    The line is the name and little else (a menu item, not a headline: 快乐彩票知识：什么是分分彩 explains it), and a
    page whose sentences warn about such games (分分彩…国家从未批准发行此类彩票，…属于非法网站) lists them to explain:

    >>> house_lotteries(["彩票常识问答", "快乐彩票知识：什么是分分彩"]) is None
    True
    >>> house_lotteries(["目录", "分分彩", "五分彩", "分分彩是一种每分钟开奖一次的彩票玩法，凡是销售分分彩的网站都属于非法网站。"]) is None
    True
    """
    idx = [i for i, ln in enumerate(lines) if len(ln) <= 16 and ("分" in ln or "极速" in ln)
           and (m := HOUSE_LOTTERY_RE.search(ln.strip())) and len(ln.strip()) - len(m.group(0)) <= 4
           and not re.search(r"[:：?？]", ln) and not REPORT_RE.search(ln)
           and not any(q.start() <= m.start() < q.end() for q in QUOTED_RE.finditer(ln))]
    if not idx or any(len(ln) >= 20 and HOUSE_LOTTERY_RE.search(ln) and (WARNING_FRAME_RE.search(ln) or REPORT_RE.search(ln))
                      for ln in lines):
        return None
    texts = list(dict.fromkeys(lines[i] for i in idx))
    return Finding("text", "spam_list", f"a betting site's house lottery: {' '.join(texts)[:200]}", texts), idx


RULES: list[Callable[[list[str]], tuple[Finding, list[int]] | None]] = [
    pasted_anchors, lone_trade_lines, brand_labels, access_runs, foreign_keywords, sold_links, title_brands,
    spliced_title_keyword, addressed_keywords, slot_names, headline_brands, boxed_brands, search_echo,
    footer_keywords, foreign_links_box, stem_variants, casino_offers, house_lotteries]


ROW_GAP_RE = re.compile(r"[ \u00a0\u3000\t]+|\s*[|｜]\s*")
ROW_ITEM_RE = re.compile(r"^[^。！？；，,;!?]{1,20}$")


def row_items(line: str) -> list[str] | None:
    """The link texts of a row that a browser's text puts on one line (inline anchors joined by spaces or pipes):
    eight or more short items with no clause mark, after an optional heading (友情链接：), or None.

    Evidence: a text dump (innerText) prints a row of inline anchors as one line (友情链接： 昆明广告纸巾 鸡排加盟十大品牌
    儿童毛衣 …), where a crawl's extract gives one anchor a line; the rules above read items one a line, so a row
    is read as its items. A sentence has clause marks; a byline or a date line has fewer than eight parts; the
    items are Chinese (Latin words between spaces are one phrase).

    >>> row_items("友情链接： 昆明广告纸巾 鸡排加盟十大品牌 儿童毛衣 康明斯发电机厂家 亚克力制品 中央空调水系统 规划沙盘 碎石化")[:2]
    ['友情链接：', '昆明广告纸巾']
    >>> row_items("来源：新华网 作者：张三 发布时间：2017-03-27 14:34") is None
    True
    """
    if len(line) > 3000 or len(line) < 24:
        return None
    parts = [p for p in ROW_GAP_RE.split(line) if p]
    items = parts[1:] if parts and parts[0].endswith((":", "：")) else parts
    if len(items) < 8 or not all(ROW_ITEM_RE.match(p) for p in items):
        return None
    if any(p.startswith(("http", "www.")) for p in items):
        return None  # keywords with their addresses: addressed_keywords reads the line whole
    if 2 * sum(bool(CJK_RE.search(p)) for p in items) < len(items):
        return None  # Latin words between spaces are a phrase, not a row of links (ray ban clubmaster sunglasses)
    return parts


def find_planted(lines: list[str]) -> list[tuple[Finding, list[int]]]:
    """Every finding of the rules above on a document's lines, with the line indexes each covers.

    Rows of inline links on one line (`row_items`, a text dump's form) are read as their items, one a line, and
    a finding in a row covers the row (the first line, a crawl extract's <title>, is read as it is)."""
    items: list[str] = []
    owner: list[int] = []
    for i, line in enumerate(lines):
        parts = row_items(line) if i else None
        items += parts or [line]
        owner += [i] * len(parts or [line])
    if len(items) == len(lines):
        return [hit for rule in RULES if (hit := rule(lines))]
    return [(finding, sorted({owner[k] for k in idx})) for rule in RULES if (hit := rule(items))
            for finding, idx in [hit]]


def mark_planted(lines: list[str], draft: Draft) -> None:
    """Record the findings on `draft`: the page is a spam page (`draft.injections`), the lines found leave the
    title and body (a `removed` entry each, with the rule's reason), and header or trailer lines already cut
    for another reason are renamed. A finding of the title line alone (a brand piece, no line of its own) is
    recorded as a `title` removal of its terms, cut from the title when the title still holds them."""
    from cleaners.spam import clean_title

    for finding, idx in find_planted(lines):
        draft.injections.append(finding)
        if not idx and lines and any(t in lines[0] for t in finding.terms):
            # a brand of the title line (title_brands, spliced_title_keyword): the page-level evidence is recorded
            # where it stood, and cut from the title when the title is that line
            # (a finding naming the whole line isolates no piece: the title keeps it for clean_title's brand terms,
            # which cut “开云体育” out of “开云体育”党建引领基层治理 and keep the headline)
            named = [t for t in finding.terms if t in lines[0] and t.strip() != lines[0].strip()]
            draft.title, cut = clean_title(draft.title, named) if draft.title else (draft.title, [])
            draft.removed += [Removal("title", t, finding.reason) for t in named if not any(t in r.text for r in cut)]
            draft.removed += cut
        found = {lines[i] for i in idx}
        if draft.title in found:
            draft.removed.append(Removal("title", draft.title, finding.reason))
            draft.title = draft.slots.title = ""
        draft.removed += [Removal("body", p, finding.reason) for p in draft.paras if p in found]
        draft.paras = [p for p in draft.paras if p not in found]
        draft.removed = [Removal(r.where, r.text, finding.reason) if r.where in ("header", "trailer", "text")
                         and r.text in found else r for r in draft.removed]
