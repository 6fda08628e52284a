"""Front end for text dumps (a page saved as plain text, like the seed): find title, meta, body, trailer.

Evidence is the layout every catalogue template leaves in a dump: short navigation lines, then the
title, a meta line (来源 / 发布时间), a few short template or brand lines, the article as long punctuated
paragraphs (then its references), and a trailer of prev/next links and footer.
"""

from __future__ import annotations

import re

from cleaners.chrome import chrome_reason, is_category_list, is_meta_line, source_of
from cleaners.dates import _mostly_date, find_published, parse_date
from cleaners.draft import Draft, is_prose
from cleaners.dumplines import rejoin_fragments, source_spans, undress_at
from cleaners.inject import _sells
from cleaners.normalize import _continues, _display_width, _joiner, join_hard_breaks
from cleaners.plainspam import mark_planted
from cleaners.record import Removal

# A heading that opens the related-links block: the article has ended above it.
RELATED_RE = re.compile(r"^\s*(?:相关阅读|相关文章|相关新闻|相关推荐|相关资讯|相关产品|推荐阅读|延伸阅读|热门文章|热门推荐|"
                        r"猜你喜欢|你可能感兴趣|最新文章|热门标签|相关标签)\s*[:：]?")
# A box heading of the same family on its own line: 相关测评教程, 最新资讯, 首页推荐, 更多最新推荐 (a label, no sentence).
BOX_HEADING_RE = re.compile(r"^\s*(?:(?:相关|最新|热门|推荐|更多|精彩|热点)[\u4e00-\u9fff]{1,6}|[\u4e00-\u9fff]{2,4}(?:推荐|排行|排行榜|最新))"
                            r"\s*[:：]?\s*(?:更多|>>|»)?\s*$")
# a back-to-top control under the article: ▲TOP, 回到顶部, 返回頂部
BACK_TO_TOP_RE = re.compile(r"^\s*[▲↑^]?\s*(?:TOP|Top|top|回到顶部|返回顶部|回顶部|回頂端|回到頂部|返回頂部)\s*[▲↑^]?\s*$")
# the heading of the comments under an article: 评论, 评论 (0), 网友评论, 发表评论：
COMMENTS_HEAD_RE = re.compile(r"^\s*(?:(?:网友|網友|用户|读者)?(?:评论|評論)\s*(?:[(（]\d+[)）])?|(?:发表|發表|最新|热门|全部|精彩)(?:评论|評論)"
                              r"|评论列表)\s*[:：]?\s*$")
# the article's keyword or tag line (關鍵字：流感 口罩 咳嗽, 标签：…): what follows it is other pages' links
TAGS_LINE_RE = re.compile(r"^\s*(?:(?:关键字|關鍵字|关键词|關鍵詞|标签|標籤|Tags?|TAGS?)\s*[:：]|TAGS\s)\s*\S.{0,80}$")
MORE_RE = re.compile(r"^\s*(?:更多|More|MORE|more)\s*(?:>>?|»|›)?\s*$")
TEASER_RE = re.compile(r"(?:\.{3}|…{1,2}|\.\.\.\s*\[详细\]|\[详细\])\s*$")
REF_LINE_RE = re.compile(r"^\s*(?:[\[［]\d{1,3}[\]］]|[①-⑳]|\(\d{1,3}\)|（\d{1,3}）)")


def parse_text(text: str) -> Draft:
    """Split a dump into header, body and trailer, and fill a Draft.

    >>> para = "稻渔综合种养是在稻田里同时养殖小龙虾和鱼，合作社今年的稻田养虾亩产创新高。"
    >>> d = parse_text("产品中心\\n稻田养虾亩产创新高\\n来源:某站 发布时间:2024-06-18\\n" + para)
    >>> d.title, d.published, len(d.paras)
    ('稻田养虾亩产创新高', '2024-06-18', 1)
    >>> d = parse_text("某区政府网站\\n首页\\n政务公开\\n稻田养虾亩产创新高_某站\\n发布时间：2024-03-19 11:40  来源：某站  浏览次数：12\\n"
    ...                + para)
    >>> d.title, d.published, d.paras[0][:5]
    ('稻田养虾亩产创新高_某站', '2024-03-19T11:40', '稻渔综合种')
    """
    lines, quotes = read_lines(text)
    draft = _parse_lines(lines)
    draft.slots.keywords = draft.slots.keywords or keywords_slot(draft.removed)
    mark_planted(lines, draft)  # planted spam the text still shows (cleaners.plainspam)
    quote = {ln: q for ln, q in zip(lines, quotes, strict=True) if q != ln}
    draft.removed = [Removal(r.where, quote[r.text], r.reason) if r.text in quote else r for r in draft.removed]
    return draft


INVISIBLE_RE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")


def read_lines(text: str) -> tuple[list[str], list[str]]:
    """The dump's lines as the rules read them (notation off, tables as tab rows, split fields and hard-wrapped
    paragraphs joined, blank lines dropped, each stripped), and for each the input it was read from as it was
    printed: its line or lines, a substring of `text`. A removed line is recorded as that quote, so `removed` shows
    what the input said (a row padded with spaces, not the tabs it was read as; a wrapped paragraph with its line
    breaks), not the normalised form.

    >>> read_lines("首页\\n\\n**来源：** 新华社\\n序号    时间    内容\\n")
    (['首页', '来源： 新华社', '序号\\t时间\\t内容'], ['首页', '**来源：** 新华社', '序号    时间    内容'])
    """
    raw = text.splitlines(keepends=True)
    starts = [0]
    for ln in raw:
        starts.append(starts[-1] + len(ln))
    bare = [ln.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029") for ln in raw]
    pre, origin = undress_at(bare)
    joined = _join_wrapped(rejoin_fragments(pre))
    lines, quotes = [], []
    for ln, span in zip(joined, source_spans(pre, joined), strict=True):
        if not INVISIBLE_RE.sub("", ln).strip():  # blank, or only zero-width characters (a line of &zwj;): no line
            continue
        lines.append(ln.strip())
        if span is None:
            quotes.append(ln.strip())
        else:
            a, b = origin[span[0]], origin[span[1]]
            quotes.append(text[starts[a]:starts[b] + len(bare[b])].strip())
    return lines, quotes


KEYWORDS_LINE_RE = re.compile(r"^\s*(?:本文关键词|本文关键字|文章关键词|本文标签|相关标签)\s*[:：]?\s*")


def keywords_slot(removed: list[Removal]) -> str:
    """The values of the dump's keyword lines (本文关键词：…) that were removed as an SEO block: the slot a mirror
    template fills like an HTML page's meta keywords, so spam.find_spam_terms reads the brands put in it (a site
    handle glued to a casino word, js333金沙线路) as it reads the meta tag's.

    >>> keywords_slot([Removal("trailer", "本文关键词：js333金沙线路,宁波科技", "seo_block"), Removal("header", "首页", "nav")])
    'js333金沙线路,宁波科技'
    """
    return ",".join(KEYWORDS_LINE_RE.sub("", r.text, count=1) for r in removed
                    if r.reason == "seo_block" and KEYWORDS_LINE_RE.match(r.text))


def _parse_lines(lines: list[str]) -> Draft:
    """parse_text on the dump's lines (hard-wrapped paragraphs joined, blank lines dropped)."""
    draft = Draft()
    if not lines:
        return draft
    draft.top_line = lines[0]
    first, cut = thread_cut(lines)
    span = body_span(lines[:cut], loose_from=first) if cut < len(lines) else body_span(lines)
    if span is None and cut < len(lines):
        cut, span = len(lines), body_span(lines)
    if span is None:
        draft.paras = [ln for ln in lines if not chrome_reason(ln)]
        draft.removed += [Removal("text", ln, chrome_reason(ln) or "") for ln in lines if chrome_reason(ln)]
        return draft
    start, end = span
    again = title_line_again(lines) if start == 0 else None
    if again is not None and (rest := body_span(lines[again + 1:cut])) is not None:
        start, end = again + 1 + rest[0], again + 1 + rest[1]
    header, body, trailer = lines[:start], lines[start:end + 1], lines[end + 1:cut]
    crumb = next((j for j, ln in enumerate(body[:3]) if crumb_parts(ln)), None)
    if crumb is not None and len(body) > crumb + 1:  # a breadcrumb opens the article's part of the page
        header, body = header + body[:crumb + 1], body[crumb + 1:]
    lead = _read_header(header, draft, body)
    if cut < len(lines):  # a thread: the first post's own date (楼主 / 2016-3-10 10:39 发短消息 …), not a member's
        draft.published = _post_date(lines[first:start]) or find_published(lines[first:start])[0] or draft.published \
            or _post_date(trailer)  # or printed under the post (2011-5-19 11:58:39 回复 赞, a mobile view's post footer)
    # short label lines among the first body lines (`X88:`, `璟航官网入口：`) are the first-line injection slot too
    draft.slots.first_lines += [ln for ln in body[:3] if len(ln) <= 32 and not re.search(r"[。！？]", ln)]
    draft.paras = lead + body
    draft.paras += _read_trailer(trailer, draft)
    for ln in lines[cut:]:  # the replies under a forum post (沙发, 2F, X 发表于 …) and their sidebars
        if len(ln) <= 40:
            draft.slots.prevnext.append(ln)
        draft.removed.append(Removal("trailer", ln, chrome_reason(ln) or "replies"))
    if draft.title:  # 标题(2) on page 2 of a paged article, 标题 - 栏目 when the prev/next links end with 栏目 too
        draft.title = column_label_off(page_title(draft.title, lines), lines)
    if not draft.published:  # a 更新时间：… line under the article, or after the prev/next links
        labelled = [r.text for r in draft.removed if r.where == "trailer" and is_meta_line(r.text) and len(r.text) <= 60]
        draft.published = find_published(labelled)[0]  # labelled lines only: related lists carry other dates
    if not draft.published:
        draft.published = signed_date(trailer)
    return draft


def title_line_again(lines: list[str], reach: int = 8) -> int | None:
    """Where the dump's first line is printed again within `reach` lines: a scraper prints the page's ``<title>``
    first, and the page then prints its headline (the same words) over the byline. The first line is then a title,
    not the article's first sentence, however much it looks like one (`中国女排执行主帅任人唯亲？郎平霸气回应…`).

    >>> title_line_again(["女排执行主帅任人唯亲？郎平霸气回应", "网站导航", "女排执行主帅任人唯亲？郎平霸气回应", "03月31日 10:43"])
    2
    >>> title_line_again(["第一段，很长的一句话。", "第二段。"]) is None
    True
    """
    first = lines[0].strip() if lines else ""
    if not 4 <= len(first) <= 80:
        return None
    return next((j for j in range(1, min(len(lines), reach + 1)) if lines[j].strip() == first), None)


# A forum post's header (小明 发表于 2008-7-26 14:41, 2016迈上 发表于 2016-3-10 11:33 点赞(17)), a floor label
# (沙发, 板凳, 地板, 12楼, 1F 2015-12-21 13:12 回复) and a replies heading (回复 (1), 最新回复, 以下是被点赞的回帖)
POST_HEAD_RE = re.compile(r"(?:^|\s)发表于\s*[:：]?\s*\d{4}-\d{1,2}-\d{1,2}")
FLOOR_RE = re.compile(r"^(?:沙发|板凳|地板|地下室|藤椅|\d{1,4}\s*(?:楼|樓|F|#))(?:\s|$|[:：])")
REPLIES_HEAD_RE = re.compile(r"^(?:(?:回复|回帖|跟帖)\s*[(（]\d+[)）]|最新回复|全部回复|热门回复|以下是.{0,10}回[帖复]|"
                             r"全部跟帖|网友回复)\s*$")


def thread_cut(lines: list[str]) -> tuple[int, int]:
    """Where the first post of a forum thread starts (its 楼主 label or post header, else 0) and where the
    replies under it begin; (0, len(lines)) for other pages.

    Evidence: a thread saved as text repeats one post layout: a post header (X 发表于 date) or a floor label
    (楼主, 沙发, 板凳, 2F) per post, or a replies heading (回复 (1), 最新回复) under the first post. The first
    post is the article; replies are often longer (a pasted manual, an argument) and would win the prose
    count. A thread needs two post markers or a replies heading; the cut falls at the first marker that
    follows a prose line of the first post.

    >>> post = "连接好后，在IE中输入192.168.1.1进入管理界面后，怎样设置里面的？没找到设置向导哦。"
    >>> thread_cut(["论坛 › 数码生活 › 设置路由器", "大甜菜 发表于 2008-7-26 14:41", "设置路由器", post,
    ...             "huangwuli 发表于 2008-7-26 15:35", "808T是8口HUB（集线器），不是路由器，要另外买一个路由器才行。"])
    (1, 4)
    >>> thread_cut(["城市更新让老街区焕发新活力", post, "12楼", post, "13楼", post]), thread_cut(["标题", post, "12楼", post])
    ((0, 2), (0, 4))
    """
    def marker(ln: str) -> bool:
        return len(ln) <= 80 and bool(POST_HEAD_RE.search(ln) or FLOOR_RE.match(ln) or REPLIES_HEAD_RE.match(ln))

    marks = [i for i, ln in enumerate(lines) if marker(ln) or ln == "楼主"]
    if len(marks) < 2 and not any(REPLIES_HEAD_RE.match(lines[i]) for i in marks):
        return 0, len(lines)
    first = marks[0] if POST_HEAD_RE.search(lines[marks[0]]) or lines[marks[0]] == "楼主" else 0
    seen = False
    for i in range(first, len(lines)):
        if seen and marker(lines[i]):
            return first, i
        seen = seen or (i > first and (_is_body_line(lines[i]) or _is_post_line(lines[i])))
    return 0, len(lines)


POST_DATE_RE = re.compile(r"(?:发表于\s*[:：]?\s*|^)(\d{4})-(\d{1,2})-(\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?")


def _post_date(lines: list[str]) -> str | None:
    """The date and time a forum post header opens with (2016-3-10 10:39 发短消息 只看该作者 …, X 发表于 2008-7-26 14:41),
    or a mobile view's post footer (2011-5-19 11:58:39 回复 赞: w002026, a Discuz thread whose first post has its date
    only under it, after a 下一篇 link; in a thread the lines down to the next post's label are the first post's).

    >>> _post_date(["楼主", "2016-3-10 10:39 发短消息 只看该作者 收藏 分享 |倒序浏览"])
    '2016-03-10T10:39'
    """
    for ln in lines:
        m = POST_DATE_RE.search(ln) if len(ln) <= 80 else None
        if m:
            y, mo, d, h, mi, sec = m.groups()
            iso = f"{y}-{int(mo):02d}-{int(d):02d}T{int(h):02d}:{mi}"
            return iso + f":{sec}" if sec else iso
    return None


def _is_post_line(line: str) -> bool:
    """A short forum post's sentence: a clause, then an end mark (最近好像可以商家申请淘宝达人，想问下报名链接。);
    a one-clause question like a headline (商家怎么申请淘宝达人？？？？) is not one.

    >>> _is_post_line("最近好像可以商家申请淘宝达人，想问下报名链接。"), _is_post_line("商家怎么申请淘宝达人？？？？")
    (True, False)
    """
    return len(line) >= 12 and bool(SENTENCE_LINE_RE.search(line) and re.search(r"[，,；;].", line)) \
        and not chrome_reason(line)


GAP = 8  # this many non-prose lines in a row end a block of article text (menus, sidebars, link lists)


SHORT_DATE_RE = re.compile(r"^\s*\d{1,2}\s*[-/月]\s*\d{1,2}日?\s+\d{1,2}:\d{2}\s*$")  # 03月31日 10:43 under a headline
# a line that opens with a date and a clock time is a byline (2016年01月14日 08:11:16 股城网 关键词,…), not prose
DATELINE_RE = re.compile(r"^\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?\s+\d{1,2}:\d{2}")


LATIN_WORD_RE = re.compile(r"[A-Za-z\u00c0-\u024f\u0400-\u04ff][A-Za-z\u00c0-\u024f\u0400-\u04ff'’-]*")


def latin_text_line(line: str) -> bool:
    """A line of running text in a language written in words (English, Russian …): three words or more, most of them
    in lower case after the first, no Chinese character. Such a line is the article's own even without a full stop
    (an item of a bulleted list: `Your email list will begin to grow`); a menu, a box of headlines or a product card
    names things in Title Case or runs short.

    Evidence: the Chinese gap rule reads a clause mark; a list item written in words has none, but its words are
    the running prose of the sentence around it, lower case after the first.

    >>> latin_text_line("Your email list will begin to grow"), latin_text_line("любые свежие грибы и другие продукты")
    (True, True)
    >>> latin_text_line("Home News Sports Business Contact Us"), latin_text_line("Apple AirPods with Charging Case")
    (False, False)
    >>> latin_text_line("稻渔综合种养 is a new way to grow rice and fish together")
    False
    """
    if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", line):
        return False
    words = LATIN_WORD_RE.findall(line)
    if len(words) < 3:
        return False
    lower = sum(w[0].islower() for w in words[1:])
    return lower * 2 >= len(words) - 1 and sum(map(len, words)) * 2 >= len(line.strip())


LATIN_END_RE = re.compile(r"[.!?…][”’\"')]?\s*$")  # a sentence's end in a language written in words (the full stop too)


def latin_sentence(line: str) -> bool:
    """A whole sentence in a language written in words: a `latin_text_line` of six words or more that ends as a
    sentence does. `is_prose` wants 80 characters of Latin text, the length of a Chinese paragraph; an English
    article's short closing sentence (`Officials did not immediately provide any other details.`) is text too.

    >>> latin_sentence("Officials did not immediately provide any other details."), latin_sentence("Read more.")
    (True, False)
    >>> latin_sentence("Sign Up For Our Daily Newsletter Today!")
    False
    """
    return bool(LATIN_END_RE.search(line)) and latin_text_line(line) and len(LATIN_WORD_RE.findall(line)) >= 6


def _is_body_line(line: str) -> bool:
    return (is_prose(line) or bool(REF_LINE_RE.match(line))) and not chrome_reason(line) \
        and not DATELINE_RE.match(line) and not tag_cloud(line) and not table_row(line) and not headline_row(line) \
        and not numbered_row(line)


def headline_row(line: str) -> bool:
    """A row of one series' headlines glued together: the line opens with a phrase of eight characters or more
    that comes back twice more, and no sentence ends inside it (2017年通关秘籍之大学英语六级阅读指导：The Last Dinner
    2017年通关秘籍之大学英语六级阅读指导：Buddhism …).

    >>> headline_row("2017年通关秘籍之大学英语六级阅读指导：The Last Dinner 2017年通关秘籍之大学英语六级阅读指导：Buddhism "
    ...              "2017年通关秘籍之大学英语六级写作范文：方便的购物超市2017年通关秘籍之大学英语六级写作范文：巧遇")
    True
    >>> headline_row("中华人民共和国宪法规定，中华人民共和国公民有劳动的权利和义务，中华人民共和国实行按劳分配。")
    False
    """
    s = line.strip()
    if len(s) < 40 or len(s) > 3000 or re.search(r"[。！？]", s):
        return False
    head = s[:8]
    return len(re.findall(r"[\u4e00-\u9fff]", head)) >= 4 and s.count(head) >= 3


NUMBER_ITEM_RE = re.compile(r"(?<!\d)(\d{1,2})[.．]\s")


def numbered_row(line: str) -> bool:
    """A ranked list of headlines glued into one line (02. 替身女王搞庆祝当众裸泳03. 英农场惊现“流氓羊”04. …): it opens
    with a number and the next number follows, glued to the item before it, and no sentence ends inside.

    Evidence: a 排行 box copied as text loses its line breaks, so item n+1's number sits right after item n's
    words; an article's numbered points (1. 报名方式：…。) end in full stops and take a line each.

    >>> numbered_row("02. 替身女王搞庆祝当众裸泳 掳获众媒体目光03. 英农场惊现“流氓羊” 1天令33只母羊怀孕04. 探访中国私人女保镖特训营")
    True
    >>> numbered_row("1. 报名方式：电话报名、网上报名。2. 报名时间：即日起至3月1日。"), numbered_row("01. 储户两千元定期存款变成九万")
    (False, False)
    """
    items = list(NUMBER_ITEM_RE.finditer(line))
    if len(items) < 2 or items[0].start() != 0 or "。" in line:
        return False
    return all(int(b.group(1)) == int(a.group(1)) + 1 for a, b in zip(items, items[1:], strict=False))


def table_row(line: str) -> bool:
    """A row of a table as a browser copies it: three or more cells between tabs (a header row 代码 考区 部门 职位,
    a row 13015001 张家口 下花园区 科员 1 221 190, tab-separated), none of them a paragraph.

    >>> table_row("13015001\\t张家口\\t下花园区\\t人力资源和社会保障局科员\\t1\\t221\\t190"), table_row("代码\\t考区\\t部门")
    (True, True)
    >>> table_row("据统计，张家口考区共有\\t1.2万人报名，比去年增加两成。"), table_row("学校 地点 公司 查看")
    (False, False)
    """
    cells = [c for c in line.split("\t") if c.strip()]
    return len(cells) >= 3 and all(len(c) <= 40 and not SENTENCE_LINE_RE.search(c) for c in cells)


def _table_tail(lines: list[str], start: int, end: int) -> int:
    """The article's last line when a table follows its last paragraph directly (a header row, then rows):
    the rows of the same shape are the article's, up to the first line that is not one.

    Evidence: a statistics table under the text it introduces (…报名人数统计情况如下 over 代码 考区 部门 职位 …);
    a box of other pages set out as a table sits below a heading of its own, not right under the text.

    >>> art = "2017河北省公务员考试报名数据每日都在更新中，想知道自己报考的职位报名情况吗？"
    >>> rows = ["代码\\t考区\\t职位\\t计划数", "13015001\\t张家口\\t科员\\t1", "13013001\\t张家口\\t科员\\t2"]
    >>> _table_tail([art, art, *rows, "上一页 1 下一页"], 0, 1)
    4
    >>> _table_tail([art, art, "绵阳师范学院宣讲会安排", *rows], 0, 1)
    1
    """
    width = None
    k = end
    while k + 1 < len(lines) and table_row(lines[k + 1]) and not chrome_reason(lines[k + 1]):
        cells = len([c for c in lines[k + 1].split("\t") if c.strip()])
        if width is not None and abs(cells - width) > 1:
            break
        width = width or cells
        k += 1
    return k if k - end >= 2 else end


# …(标准值/实测值), …(≤1500/920000), …(5，2，100，1000)/(260，430，360，270，320)
VALUE_PAIR_END_RE = re.compile(r"(?:[(（][^()（）/]{0,24}/[^()（）/]{0,24}|[(（][^()（）/]{0,30}[)）]/[(（][^()（）/]{0,30})[)）]\s*$")


def _glued_rows_tail(lines: list[str], end: int) -> int:
    """The article's last line when it is a table's header row whose cells the extract glued together and the rows
    under it end as it does, with a value pair in brackets (不合格项目(标准值/实测值) over 14 rows ending
    菌落总数cfu/g(≤1500/920000)): the rows are the article's, up to the first line that ends otherwise. Three rows at
    least, none of them a sentence.

    Evidence: a copied table loses its tabs (a crawl's extract, a gold text), so `table_row` cannot see it; the
    header's last column (a pair of values, 标准值/实测值) comes back at the end of every row. Confuser: a list of
    headlines under the text, each with a photo mark (组图) or a date, ends in no value pair; a paragraph ending
    (2011/2012) is a sentence.

    >>> head = "不合格产品名称商标不合格生产企业名称不合格项目(标准值/实测值)"
    >>> rows = ["软麻花未标注北京福元盛食品有限公司菌落总数cfu/g(≤1500/180000)", "云片糕未标注北京市绿海食品有限公司霉菌计数cfu/g(≤150/210)",
    ...         "酸牛奶未标注北京恒兴食品中心甜蜜素g/kg (不得检出/0.29)"]
    >>> _glued_rows_tail(["正文。", head, *rows, "(陈巍 编辑)"], 1), _glued_rows_tail(["正文。", "名单", head, *rows], 0)
    (4, 5)
    >>> _glued_rows_tail(["正文。", "更多新闻", *rows], 1), _glued_rows_tail(["正文。", head, *rows[:2], "(陈巍 编辑)"], 1)
    (1, 1)
    >>> _glued_rows_tail(["正文。", "相关新闻：", head, *rows], 0)  # a box heading between: chrome
    0
    """
    # the header row is the last line, or under it with the table's caption (不合格企业和产品名单) between
    head = next((h for h in range(end, min(end + 3, len(lines))) if VALUE_PAIR_END_RE.search(lines[h])
                 and not SENTENCE_LINE_RE.search(lines[h])), None)
    if head is None or any(chrome_reason(ln) or RELATED_RE.match(ln) or BOX_HEADING_RE.match(ln) or len(ln) > 40
                           or SENTENCE_LINE_RE.search(ln) for ln in lines[end + 1:head]):
        return end
    k = head
    while k + 1 < len(lines) and VALUE_PAIR_END_RE.search(lines[k + 1]) and not re.search(r"[。！？]", lines[k + 1]) \
            and not chrome_reason(lines[k + 1]):
        k += 1
    return k if k - head >= 3 else end


# a row that opens with a day: June 9 -- Coral Sky Amphitheatre, 6月9日 …, 2020-06-09 …, 9/6 …
DAY_ROW_RE = re.compile(r"^\W{0,2}(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?!\d)"
                        r"|\d{1,2}\s*月\s*\d{1,2}\s*[日号]|\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|\d{1,2}/\d{1,2}(?!\d))")
WORD5_RE = re.compile(r"[A-Za-z]{5,}|[\u4e00-\u9fff]{2}")  # a word that names something, not a little word


def _schedule_tail(lines: list[str], end: int, least: int = 3) -> int:
    """The article's last line when its text announces a schedule under it: a heading that names the article's
    subject or ends with a colon (The Doobie Brothers 50th Anniversary Tour 2020 dates:), then `least` rows or more
    that each open with a day (June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL). The rows are the article's,
    up to the first line that opens otherwise.

    Evidence: a tour's dates, a timetable, an event's programme close the story that announces them; each row is
    too short for prose and went as trailer lines. Confuser: a box of other stories under a box heading (Related,
    相关新闻) or a heading that shares no word with the text stays out.

    >>> text = "The Doobie Brothers will tour North America in 2020 to celebrate fifty years since the band formed."
    >>> rows = ["June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL", "June 10 -- MIDFLORIDA Amphitheatre, Tampa, FL",
    ...         "June 14 -- Ameris Bank Amphitheatre, Alpharetta, GA"]
    >>> _schedule_tail([text, "The Doobie Brothers Tour Dates", *rows, "Most Popular"], 0)
    4
    >>> _schedule_tail([text, "Related Stories", *rows], 0), _schedule_tail([text, "Weather forecast", *rows], 0)
    (0, 0)
    """
    if end + 2 >= len(lines):
        return end
    head = lines[end + 1]
    text = " ".join(lines[max(0, end - 30):end + 1]).casefold()
    if chrome_reason(head) or RELATED_RE.match(head) or BOX_HEADING_RE.match(head) or box_heading(lines, end + 1) \
            or len(head) > 80 or SENTENCE_LINE_RE.search(head) \
            or not (head.rstrip().endswith((":", "：")) or any(w.casefold() in text for w in WORD5_RE.findall(head))):
        return end
    k = end + 1
    while k + 1 < len(lines) and DAY_ROW_RE.match(lines[k + 1]) and not chrome_reason(lines[k + 1]) \
            and not SENTENCE_LINE_RE.search(lines[k + 1]):
        k += 1
    return k if k - (end + 1) >= least and not list_sells(lines[end + 1:k + 1]) else end


LIST_NUMBER_RE = re.compile(r"^\W{0,2}(\d{1,3})\s*[.)、）]\s*\S")
BARE_ADDRESS_RE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$")


def list_sells(lines: list[str]) -> bool:
    """Whether half the lines of a list or more sell a spam topic (a gambling word or brand shape: 澳门新葡京娱乐城
    xpj88.com, 太阳城申博娱乐官网). The rules that keep a list under the article (a schedule, an announced or ranked
    list) stand back then: a planted 推荐平台 list under a text that ends with a colon is the slot's, not the story's.
    A few venues in a real list (a tour's Hollywood Casino Amphitheatre, 2 of 30 dates) do not make it one.

    >>> list_sells(["1. 澳门新葡京娱乐城xpj88.com", "2. 金沙娱乐场网址js333", "3. 中国体育彩票中心"])
    True
    >>> list_sells(["Aug. 8 -- Hollywood Casino Amphitheatre", "Aug. 9 -- Riverbend Music Center", "Aug. 11 -- Xfinity Center"])
    False
    """
    return 2 * sum(1 for line in lines if _sells(line)) >= len(lines) > 0


def _announced_list(lines: list[str], end: int, least: int = 3) -> int:
    """The article's last line when it announces a list with a colon (Ecco allora le offerte PRO-NOSTALGICI …:,
    以下是名单：) and a list numbered from 1 follows, each item the next number, with at most two lines between
    two items (an item's description, its link): the list is the article's, up to its last item and a bare link
    under it.

    Evidence: the colon says the text goes on; numbers that run on in order make one list. Confuser: a box of
    headlines numbered 1, 2, 3 under a text that ends with a full stop, or a list broken by a box heading.

    >>> intro = "Ecco allora le offerte per i nostalgici degli anni Ottanta, scelte per voi:"
    >>> items = ["1) Lego Star Wars 75188", "http://amzn.to/2iJFhRj", "2) Polistil Pista Elettrica", "http://amzn.to/2hZfWFJ",
    ...          "3) Blade Runner The Final Cut", "http://amzn.to/2hWEIX7", "Related Posts"]
    >>> _announced_list([intro, *items], 0), _announced_list(["Fine." , *items], 0)
    (6, 0)
    """
    if not lines[end].rstrip().endswith((":", "：")):
        return end
    want, k, last = 1, end, None
    while k + 1 < len(lines):
        nxt = next((j for j in range(k + 1, min(k + 4, len(lines))) if LIST_NUMBER_RE.match(lines[j])
                    and int(LIST_NUMBER_RE.match(lines[j]).group(1)) == want), None)
        if nxt is None or any(chrome_reason(ln) or RELATED_RE.match(ln) or BOX_HEADING_RE.match(ln)
                              for ln in lines[k + 1:nxt + 1]):
            break
        last, k, want = nxt, nxt, want + 1
    if last is None or want - 1 < least or list_sells(lines[end + 1:last + 1]):
        return end
    return last + 1 if last + 1 < len(lines) and BARE_ADDRESS_RE.match(lines[last + 1]) else last


RANK_ITEM_RE = re.compile(r"^\W{0,2}(?:第\s*)?(\d{1,3})\s*(?:位|名|[.)、）．])")


def ranked_under_text(lines: list[str], least: int = 3) -> set[int]:
    """The lines of an ordered list that hangs from a paragraph: items numbered 1, 2, 3 … in order on consecutive
    lines (第1位电脑（全部）181票 / 第2位H的图像、视频以及书180票 / … 第10位…), short, right under a sentence. They are
    the article's results, not a gap between its paragraphs (w000045: a poll's ten places between its lead and
    the readers' answers cut the lead from the text).

    Evidence: a sentence introduces the list and the numbers run on in order. Confuser: a ranked box of headlines
    (热门排行 over 1. 2. 3.) hangs from a box heading, not from a sentence.

    >>> lead = "近日就有日本网站进行了“死前最想处理的物品”的调查，毫无疑问，硬盘党再次获得了全面胜利！"
    >>> ranks = ["第1位电脑（全部）181票", "第2位H的图像、视频以及书180票", "第3位手机（全部）126票"]
    >>> sorted(ranked_under_text([lead, *ranks, "第1位电脑（全部）"])), ranked_under_text(["热门排行", *ranks])
    ([1, 2, 3], set())
    """
    out: set[int] = set()
    k = 1
    while k < len(lines):
        m = RANK_ITEM_RE.match(lines[k])
        if not (m and int(m.group(1)) == 1 and SENTENCE_LINE_RE.search(lines[k - 1])):
            k += 1
            continue
        j, want = k, 1
        while j < len(lines) and len(lines[j]) <= 60 and not chrome_reason(lines[j]) \
                and (m := RANK_ITEM_RE.match(lines[j])) and int(m.group(1)) == want:
            j, want = j + 1, want + 1
        if want - 1 >= least and not list_sells(lines[k:j]):
            out.update(range(k, j))
        k = max(j, k + 1)
    return out


def tag_cloud(line: str) -> bool:
    """A long row of short Chinese tags with no clause mark (蔡英文 、 民進黨 、 國民黨 、 馬英九 、 …), or of five or
    more headlines between pipes with no full stop: a list, not prose; spaced-out text (衞 生 署 呼 籲, one
    character an item) and English words are not tags.

    >>> tag_cloud("蔡英文 、 民進黨 、 國民黨 、 馬英九 、 宋楚瑜 、 親民黨 、 2012總統大選 、 總統大選 、 陳致中")
    True
    >>> tag_cloud("出席的有张三、李四、王五、赵六、钱七、孙八、周九、吴十等人，会议由张三主持。")
    False
    >>> tag_cloud("衞 生 署 呼 籲 市 民 停 服 一 種 口 服 胰 島 素 胶 囊"), tag_cloud("The health department urges people to stop it")
    (False, False)
    >>> tag_cloud('港媒称内地民众不在意首金"迟到" | 体操男团不敌日本 | 丘索维金娜41岁高龄参赛 | 辽宁再降暴雨 | 沈阳：昨夜梦中风雨紧 |')
    True
    """
    cells = [x for x in line.split("|") if x.strip()]
    if len(cells) >= 5 and "。" not in line and sum(map(len, cells)) / len(cells) <= 30:
        return True  # 港媒称内地民众不在意首金"迟到" | 体操男团不敌日本 | 丘索维金娜41岁高龄 | …: a row of headlines
    if spaced_headlines(line):
        return True
    if re.search(r"[，。！？；,!?;]|\.(?:\s|$)", line):
        return False
    items = [x for x in re.split(r"[、\s|]+", line) if x]
    cjk = [x for x in items if re.search(r"[\u4e00-\u9fff]", x)]
    return len(items) >= 8 and 2 * len(cjk) >= len(items) and 2 <= sum(map(len, items)) / len(items) <= 8


WIDE_GAP_RE = re.compile(r"[ \u00a0]*\u3000[\s\u3000]*|[ \u00a0]{3,}")


def spaced_headlines(line: str) -> bool:
    """A row of five or more headlines set apart by wide spaces (一个全角空格 or three spaces) with no full stop:
    a scrolling ticker or a box of links copied as one line, not prose.

    Evidence: headlines are 6-30 characters with no sentence end; a paragraph indented with a full-width space has
    one gap at its start, and a verse's lines are shorter than six characters.

    >>> spaced_headlines("《咱家那些事》今晚收官 黄志忠练束梅终成眷属\u00a0 \u3000李彬携洪剑涛跨界设计师 爱上原品引领新概念\u00a0 \u3000"
    ...                  "《美人天下》热播 明道工作重心转至内地(图)\u00a0 \u3000高虎助阵《金陵十三钗》重拳出击大荧幕(图)\u00a0 \u3000"
    ...                  "张馨予被曝曾有婚史 有意借吴卓羲炒作新电影")
    True
    >>> spaced_headlines("\u3000\u3000近年来，我市坚持以人民为中心的发展思想，扎实推进城市更新行动，一批老旧街区焕发出新的生机与活力。")
    False
    >>> spaced_headlines("床前明月光\u3000疑是地上霜\u3000举头望明月\u3000低头思故乡\u3000静夜思其二")
    False
    """
    if "。" in line:
        return False
    cells = [c.strip() for c in WIDE_GAP_RE.split(line.strip()) if c.strip()]
    return len(cells) >= 5 and all(6 <= len(c) <= 40 for c in cells) and sum(map(len, cells)) / len(cells) >= 8


# a numbered question or its options (16.下列与雪有关的说法正确的是( ), A.化工厂 B.钢铁厂): text, not a gap
QUESTION_RE = re.compile(r"^\s*(?:\d{1,3}[.．、].{4,}[(（]\s*[)）]\s*$|[A-D][.．、]\S.{0,60}$)")
SENTENCE_LINE_RE = re.compile(r"[。！？…!?][”」』\"']?\s*$")
OPTION_RE = re.compile(r"^\s*[A-D][.．、]\S.{0,60}$")
NUMBERED_RE = re.compile(r"^\s*\d{1,3}[.．、]\S.{0,80}$")


def question_line(lines: list[str], i: int) -> bool:
    """A numbered question or one of its option lines: 16.下列说法正确的是( ), A.化工厂 B.钢铁厂, or a numbered
    item with options under it and no blank to fill (96.白驹过隙∶秒表 over A.恩重如山∶天平 B.一线希望∶皮尺).

    >>> question_line(["96.白驹过隙∶秒表", "A.恩重如山∶天平 B.一线希望∶皮尺"], 0)
    True
    >>> question_line(["1.另一篇新闻的标题", "2.第三篇新闻的标题"], 0), question_line(["3.某某新闻标题", "Apple发布新品"], 0)
    (False, False)
    """
    ln = lines[i]
    return bool(QUESTION_RE.match(ln)) or bool(NUMBERED_RE.match(ln)) and i + 1 < len(lines) \
        and bool(OPTION_RE.match(lines[i + 1]))


def _options_tail(lines: list[str], start: int, end: int) -> int:
    """The article's last line when it closes with a question (135.…最适合他的影片是哪部( )): the option lines
    under it (A.甲影片 B.乙影片 C.丙影片 D.丁影片) are its last lines.

    >>> q = "135.按照该影院的排片表，时间上最适合他的影片是哪部( )"
    >>> _options_tail(["某试题的材料。", q, "A.甲影片 B.乙影片 C.丙影片 D.丁影片", "查看全文"], 0, 1)
    2
    >>> _options_tail(["文章最后一句话。", "A.另一篇文章的标题"], 0, 0)
    0
    """
    if not (QUESTION_RE.match(lines[end]) or re.search(r"[(（]\s*[)）]\s*$", lines[end])):
        return end
    while end + 1 < len(lines) and OPTION_RE.match(lines[end + 1]) and not chrome_reason(lines[end + 1]):
        end += 1
    return end


def body_span(lines: list[str], loose_from: int | None = None) -> tuple[int, int] | None:
    """First and last line of the article: the run of prose lines (gaps under GAP lines) holding the most prose.

    Evidence: a page saved as text puts menus, sidebars and related-link lists around the article as runs of
    short lines, and the article itself as long punctuated paragraphs; a box inside the article (相关新闻：
    and three headlines) is a short gap, a sidebar or a footer a long one. A related-links heading closes the
    article when little prose follows it within the run.

    >>> para = "稻渔综合种养是在稻田里同时养殖小龙虾和鱼，合作社今年的稻田增收明显。"
    >>> body_span(["首页", "新闻", para, "相关新闻：", "稻田养虾亩产创新高", para, para, "相关阅读", "另一篇新闻标题", para])
    (2, 6)

    Under a box heading only sentences count, so rows of headlines glued together do not keep the box in:
    >>> rows = ["帥車配美人！ 東京改裝車展女郎蠻腰、長腿性感吸睛失望！丟臉！逾8成老美不挺美國會 6成不支持歐巴馬令人讚嘆的手指功夫"]
    >>> body_span([para, para, "關鍵字：運動 強身 加薪 美國 研究 薪水", "國際最新：", *rows * 3])
    (0, 1)

    Boxes stacked under the article (a comments heading, its notice, another heading, then a video's lead):
    >>> body_span([para, para, para, "评论", "评论期已过。", "评论 (0)", para + para, "更多视频"])
    (0, 2)

    Teasers (a headline and its lead) above a crumb, the headline and a byline open no article:
    >>> lead = "马英九胜选，大陆“怀柔政策”奏效。未来四年，对台战略如何调整？"
    >>> body_span(["马英九连任能否助推两岸新局", lead, "那些年", lead, "凤凰网财经 > 股票 > 正文", "绿景控股料2011年扭亏",
    ...            "2012年01月17日 20:44", "来源：全景网 作者：陈祎", para, para])
    (8, 9)

    Numbered questions and their options (16.下列与雪有关的说法正确的是( ), A.化工厂 B.钢铁厂) are text, not a gap:
    >>> q = ["10.根据合理的城市规划，图中①处最适合建( )", "A.化工厂 B.钢铁厂", "C.造纸厂 D.自来水厂"]
    >>> body_span(["首页", para, *q * 3, "11.京沪铁路没有经过下列哪一名胜所在省份( )", *q * 2, para])
    (1, 18)

    With loose_from (a forum thread's first post, cut above its replies), only lines from there on count, and a
    short post's sentences (最近好像可以商家申请淘宝达人，想问下报名链接。) are text too, and so are its first lines of
    the form 路由器的型号是：阿尔法afh 808t under its subject line:
    >>> post = "连接好后，在IE中输入192.168.1.1进入管理界面后，怎样设置里面的？没找到设置向导哦，请教各位兄弟姐妹。"
    >>> body_span(["大甜菜 发表于 2008-7-26 14:41", "设置路由器", "路由器的型号是：阿尔法afh 808t", post], loose_from=0)
    (2, 3)
    """
    if loose_from is None:
        prose = [i for i, ln in enumerate(lines) if _is_body_line(ln) and not link_list_item(lines, i)] \
            or _sentence_lines(lines)
    else:
        prose = [i for i, ln in enumerate(lines) if i > loose_from and (_is_body_line(ln) or _is_post_line(ln))]
    if not prose:
        return None
    # short sentences between paragraphs (dialogue: “救命！”她喊道。) are text, not a gap: only other lines count, and
    # so are the fields of a list of records (所需材料：… / 作用：… under each item)
    fields = record_fields(lines) | bracket_fields(lines) | ranked_under_text(lines)
    gaps = [0] * (len(lines) + 1)
    for i, ln in enumerate(lines):
        gaps[i + 1] = gaps[i] + (0 if (SENTENCE_LINE_RE.search(ln) or question_line(lines, i) or i in fields
                                       or latin_text_line(ln))
                                 and not chrome_reason(ln) else 1)
    runs: list[list[int]] = [[prose[0]]]
    for i in prose[1:]:
        if gaps[i] - gaps[runs[-1][-1] + 1] > GAP:
            runs.append([])
        runs[-1].append(i)
    best = max(_above_footer(lines, runs), key=lambda run: 0 if card_list(lines[run[0]:run[-1] + 1])
               or teaser_cards(lines, run) else sum(len(lines[i]) for i in run))
    best = _post_under_date(lines, _headed_run(lines, runs, best))
    on = _numbering_on(lines, best[-1], runs)
    best = sorted({*best, *(i for run in runs if best[-1] < run[0] and run[-1] <= on for i in run)})
    start, end = best[0], best[-1]
    while start > 0 and SENTENCE_LINE_RE.search(lines[start - 1]) and not chrome_reason(lines[start - 1]) \
            and not is_meta_line(lines[start - 1]) and not _is_byline(lines[start - 1]):
        start -= 1  # the short sentences that open it (她做了个令人怀念的梦。) belong to the article too
    while loose_from is not None and start - 1 > loose_from + 1 and re.search(r"[：:，,]\s*\S", lines[start - 1]) \
            and not chrome_reason(lines[start - 1]) and not is_meta_line(lines[start - 1]) \
            and not _is_byline(lines[start - 1]) and not FORUM_TITLE_RE.match(lines[start - 1]):
        start -= 1  # a post's first lines of the form 路由器的型号是：阿尔法afh 808t (the line under its header is its subject)
    # teasers above the article (other stories' headlines and leads) end at its byline or breadcrumb; date rows
    # repeated through the run (上映时间：1963-05-20 under each film of a list) are its items' meta, not a byline
    bylines = [r for r in range(start + 1, end) if r not in best and _is_byline(lines[r])]
    for r in range(start + 1, end):
        if r in best or not (_is_byline(lines[r]) and len(bylines) < 3 or chrome_reason(lines[r]) == "breadcrumb"):
            continue
        before = sum(len(lines[i]) for i in best if start <= i < r)
        after = sum(len(lines[i]) for i in best if i > r)
        nxt = min(i for i in best if i > r)
        # crumb, headline, then a byline or date line over the text: the article's own header, so less text after
        # it is enough (three headline-and-lead teasers above a two-paragraph brief)
        canonical = chrome_reason(lines[r]) == "breadcrumb" and nxt - r <= 7 and any(
            _is_byline(ln) or chrome_reason(ln) == "date_line" for ln in lines[r + 1:nxt])
        if after >= (1 if canonical else 2) * before:
            start = nxt
    start = _past_lead_lists(lines, best, start, end)
    while start < end and site_prompt(lines, start):
        start = min(i for i in best if i > start)
    while start < end and field_block(lines, start, above_only=True):
        start = min(i for i in best if i > start)  # 产品简介：… under 产品型号：…, 产品价格：…: a field, not the text
    # a headline that reads like a sentence (任人唯亲？郎平霸气回应“八个字”，力挺安家杰) over its author and date lines
    if not SENTENCE_LINE_RE.search(lines[start]) and len(lines[start]) <= 48:
        nxt = [i for i in best if start < i <= start + 4]
        if nxt and any(_is_byline(ln) or SHORT_DATE_RE.match(ln) for ln in lines[start + 1:nxt[0]]):
            start = nxt[0]
    best = [i for i in best if i >= start]
    weight = {i: 0 if TEASER_RE.search(lines[i]) else len(lines[i]) for i in best}  # leads cut short: other stories
    twice = printed_twice(lines)
    for r in range(start + 1, end + 1):
        if box_heading(lines, r):
            before = sum(weight[i] for i in best if i < r)
            # under the box only sentences count: rows of headlines glued together end with no full stop, and a
            # list the page prints twice (the tabs of one box) is the template's
            after = sum(weight[i] for i in best if i > r and SENTENCE_LINE_RE.search(lines[i]) and i not in twice)
            # boxes stacked under the article (评论, 评论期已过。, 评论, a video box): when no text at all comes before
            # the next heading, less text after than before is enough
            nxt = next((k for k in range(r + 1, len(lines)) if box_heading(lines, k)), len(lines))
            bare = not any(i in weight and weight[i] for i in range(r + 1, nxt))
            if after < before / 2 or bare and nxt < len(lines) and after < before:
                end = max(i for i in best if i < r)
                while end + 1 < r and re.search(r"[，。！？；,!?;…]$", lines[end + 1]) and not chrome_reason(lines[end + 1]):
                    end += 1  # the article's closing list of clauses (经验值增加200%，…) runs up to the box
                break
    cut = next((r for r in range(start + 1, end + 1) if comment_rows(lines, r)), None)
    if cut is not None:  # the comments under the article, printed as labelled rows
        end = max([i for i in best if i < cut] or [start])
    end = _link_row_tail(lines, start, end)
    end = _chapter_end(lines, start, end, weight)
    end = _list_tail(lines, start, end)
    end = _options_tail(lines, start, end)
    end = _announced_list(lines, _schedule_tail(lines, _glued_rows_tail(lines, _table_tail(lines, start, end))))
    while end + 1 < len(lines) and end + 1 in fields and not chrome_reason(lines[end + 1]):
        end += 1  # the last record's closing fields (【贮藏】 / 密闭，在凉暗处保存。): too short for prose, still its text
    while end + 1 < len(lines) and latin_sentence(lines[end + 1]) and not chrome_reason(lines[end + 1]):
        end += 1  # an English article's short closing sentences (Officials did not provide any other details.)
    return _under_description(lines, _numbering_head(lines, _list_head(lines, start))), _drop_teasers(lines, start, end)


FIELD_LABEL_RE = re.compile(r"^\s*(?P<label>[\u4e00-\u9fff]{2,6})\s*[:：]\s*\S")


def record_fields(lines: list[str], span: int = 40) -> set[int]:
    """The lines that are fields of a list of records inside an article: `label：value` rows whose label comes back
    three or more times within `span` lines, when such a row near it is a clause (所需材料：2块碎布 / 作用：用来照明的，
    但是会有耐久度的。 under each of 7 numbered items; 制造商：… / 口径：… / 登场作品：生化危机1，… under each of a list's
    guns).

    Evidence: w001332 (a game guide: items, each with 所需材料 and 作用) and w001565 (a weapons list, seven fields an
    item) lost the second half of their list, and the closing line under it, because each item's short field rows
    counted as lines between paragraphs, as a sidebar's would. Confuser: a meta label (来源：, 发布时间：) repeated
    under teasers, a comment's author row (评论作者：X over each comment of w008451, a meta line), or a row the chrome
    rules name (型号/价格 rows of a product box, 上一篇：) stays a gap; so do a forum's profile rows (来自：上海 /
    注册：2010-12-15 / 发帖：20＋751 under each post of w005367), none of them a clause.

    >>> items = ["1、火把", "所需材料：8块木板+1块碎布", "作用：用来照明的。", "2、绷带：", "所需材料：2块碎布", "作用：治愈少部分创伤",
    ...          "3、开锁针：", "所需材料：1跳弹簧", "作用：开门锁。", "4、钉板", "所需材料：1块木板+10颗钉子", "作用：作为一个武器使用"]
    >>> sorted(record_fields(items))
    [1, 2, 4, 5, 7, 8, 10, 11]
    >>> sorted(record_fields(["来源：新华社", "某条新闻", "来源：人民网", "另一条新闻", "来源：央视网"]))
    []
    """
    labels: dict[str, list[int]] = {}
    for i, ln in enumerate(lines):
        m = FIELD_LABEL_RE.match(ln)
        if m and len(ln) <= 80 and not chrome_reason(ln) and not is_meta_line(ln):
            labels.setdefault(m.group("label"), []).append(i)
    recurring = sorted(i for rows in labels.values() for i in rows if sum(abs(j - i) <= span for j in rows) >= 3)
    described = [i for i in recurring if re.search(r"[，。；,;]", lines[i])]
    return {i for i in recurring if any(abs(j - i) <= span for j in described)}


BRACKET_FIELD_RE = re.compile(r"^\s*(?:\d{1,2}\s*[.．、]\s*)?【(?P<label>[\u4e00-\u9fff]{2,8})】\s*(?P<value>.{0,6})$")


def bracket_fields(lines: list[str]) -> set[int]:
    """The lines of a list of records whose fields are headed by bracketed labels (【性状】, 【规格】, 【贮藏】 over
    each of 22 drugs' leaflets): a `【label】` line (with a short value or none) whose label comes back three times or
    more, when two labels or more do, and the line right under a bare label (its value: 2年, 密封，遮光，在冷处保存。).
    A label line carries at most a word after it (【禁用场合】 赛内).

    Evidence: w008245, a page of drug leaflets: each leaflet's label lines and short values (尼可刹米注射液[药典],
    (1)1.5ml：0.375g) counted as lines between paragraphs, cutting the page into 19 runs; the longest, one leaflet,
    was taken for the article. Confuser: a box heading repeated on a page (【详细】 under each teaser) is one label,
    and column labels before headlines in a sidebar (【推荐】稻田养虾亩产创新高, 【热门】…) carry more than a word.

    >>> leaflet = ["1.【通用名称】", "尼可刹米注射液[药典]", "【性状】", "本品为无色的澄明液体。", "【贮藏】", "遮光，密闭保存。"]
    >>> sorted(bracket_fields(leaflet * 3))[:6]
    [0, 1, 2, 3, 4, 5]
    >>> bracket_fields(["【详细】", "某条新闻的标题", "【详细】", "另一条新闻", "【详细】", "第三条新闻"])
    set()
    >>> bracket_fields(["【推荐】稻田养虾亩产创新高", "【热门】我市今日起进入汛期"] * 3)
    set()
    """
    found = [(i, m) for i, ln in enumerate(lines) if (m := BRACKET_FIELD_RE.match(ln)) and not chrome_reason(ln)]
    counts: dict[str, int] = {}
    for _, m in found:
        counts[m.group("label")] = counts.get(m.group("label"), 0) + 1
    recurring = {label for label, n in counts.items() if n >= 3}
    if len(recurring) < 2:
        return set()
    out: set[int] = set()
    for i, m in found:
        if m.group("label") in recurring:
            out.add(i)
            if not m.group("value").strip() and i + 1 < len(lines) and len(lines[i + 1]) <= 80 \
                    and not chrome_reason(lines[i + 1]):
                out.add(i + 1)
    return out


def headed(lines: list[str], run: list[int]) -> bool:
    """Whether a run of text sits under the article's own header: a byline or date line at most six lines above
    its first line, with a headline sharing the run's words at most three lines above that.

    >>> p = "日前，中国高端家电评选“红顶奖”在北京颁布，格兰仕榜上有名，协会理事长称评审对产业升级有积极意义。"
    >>> headed(["南方网首页>科技", "格兰仕独揽两项“红顶奖”", "2012-01-17 10:36:43　来源: 佛山日报", "分享到：", p], [4])
    True
    >>> headed(["百度国际大厦深圳奠基", "16日，百度国际大厦深圳研发中心项目奠基仪式在南山高新区举行。"], [1])
    False
    """
    first = run[0]
    text = "\n".join(lines[i] for i in run)[:1500]
    for r in range(first - 1, max(-1, first - 7), -1):
        if _is_byline(lines[r]) or DATELINE_RE.match(lines[r]):
            return any(_heading_like(lines[h]) and not _is_byline(lines[h]) and _overlap(lines[h], text) >= 0.3
                       for h in range(r - 1, max(-1, r - 4), -1))
    return False


def _post_under_date(lines: list[str], best: list[int], reach: int = 10) -> list[int]:
    """A short post's lines instead of a one-line run above its header: when the run found holds two lines or less
    and under 150 characters, and a date line follows it within `reach` lines, the lines right under that date line
    (after at most two headline lines), three or more in a row, each a sentence or a clause (从昨晚到今天中午一直高烧，
    看手机都恶心。 / 手写稿，周六日会誊抄到手机里。 …), and more text than the run, are the article.

    Evidence: w000749, a LOFTER post of six short sentences under its date line and title, beneath the blog's
    bio whose one long line (♞玄幻世界观里…哼哼唧唧。) was the only prose of the page. Confuser: a one-paragraph
    brief under its own header keeps its paragraph (no date line below it), and a list of headlines under a date
    line has no clauses.

    >>> bio = ["♞玄幻世界观里张新杰身边的守护者小狮子哼哼唧唧，三个疗程碎一地。", "♞进群看我卖萌，群号码：548621812"]
    >>> post = ["从昨晚到今天中午一直高烧，看手机都恶心。", "手写稿，周六日会誊抄到手机里。", "抱歉抱歉，拖了整个企划的进度。",
    ...         "只打企划tag吧，毕竟什么也没有x", "再次道歉，鞠躬。"]
    >>> _post_under_date([*bio, "14 7 2017-03-31 韩张糖厂开业啦", "摇尾巴的狼【2017韩文清生贺】", *post, "评论(7)"], [0])
    [4, 5, 6, 7, 8]
    >>> _post_under_date([*bio, "2017-03-31", "今日要闻", "某地发布新规", "另一条新闻标题", "第三条新闻"], [0])
    [0]
    """
    if len(best) > 2 or sum(len(lines[i]) for i in best) >= 150:
        return best
    d = next((d for d in range(best[-1] + 1, min(len(lines), best[-1] + 1 + reach))
              if DATELINE_RE.match(lines[d]) or re.search(r"\d{4}-\d{1,2}-\d{1,2}", lines[d]) and _is_byline(lines[d])), None)
    if d is None:
        return best
    k = d + 1
    while k < min(len(lines), d + 3) and _heading_like(lines[k]) and not CLAUSE_END_RE.search(lines[k]):
        k += 1
    block: list[int] = []
    while k < len(lines) and len(lines[k]) >= 6 and not chrome_reason(lines[k]) and (
            SENTENCE_LINE_RE.search(lines[k]) or re.search(r"[，,；;].", lines[k])):
        block.append(k)
        k += 1
    if len(block) >= 3 and sum(len(lines[i]) for i in block) > sum(len(lines[i]) for i in best):
        return block
    return best


def _headed_run(lines: list[str], runs: list[list[int]], best: list[int]) -> list[int]:
    """The run under the article's header (headline, byline) instead of a longer run elsewhere that has none, when
    it holds at least half as much text: a sidebar of headline-and-lead teasers (百度国际大厦深圳奠基 over 16日，…)
    or a site's legal notice outweighs a short article, but only the article has its headline and byline over it.

    >>> p = "日前，中国高端家电评选“红顶奖”在北京颁布，格兰仕榜上有名，协会理事长称评审对产业升级有积极意义。"
    >>> side = ["百度国际大厦深圳奠基", "16日，百度国际大厦深圳研发中心项目奠基仪式在南山高新区举行，王荣、许勤等出席仪式并讲话。"] * 3
    >>> lines = side + ["南方网首页>科技", "格兰仕独揽两项“红顶奖”", "2012-01-17 10:36:43　来源: 佛山日报", p, p]
    >>> _headed_run(lines, [[1, 3, 5], [9, 10]], [1, 3, 5])
    [9, 10]

    Confuser: a headed run with much less text than the longest stays out (a teaser with its date over a long
    article that has no header of its own):
    >>> _headed_run(lines[6:9] + [p] + side * 4, [[3], [5, 7, 9, 11]], [5, 7, 9, 11])
    [5, 7, 9, 11]
    """
    if headed(lines, best):
        return best
    weight = sum(len(lines[i]) for i in best)
    heads = [run for run in runs if run is not best and headed(lines, run) and not card_list(lines[run[0]:run[-1] + 1])
             and 2 * sum(len(lines[i]) for i in run) >= weight]
    return max(heads, key=lambda run: sum(len(lines[i]) for i in run)) if heads else best


FIELD_RE = re.compile(r"^\s*[\u4e00-\u9fff]{2,6}\s*[:：]\s*\S")


def _short_field(line: str) -> bool:
    """A `label：value` row with a short value and no clause (产品价格：面议, 点击次数：120, 更新时间：2019-05-06)."""
    reason = chrome_reason(line)
    if reason in ("parameter_row", "counter"):
        return True
    return reason is None and not re.search(r"[，。；！？,;!?]", line) and (
        len(line) <= 30 and bool(FIELD_RE.match(line)) or is_meta_line(line) and len(line) <= 40)


def field_block(lines: list[str], i: int, above_only: bool = False) -> bool:
    """Whether line i is one of a catalogue item's fields: a `label：value` row next to another short field row
    (所属分类：电动葫芦 between 产品编号：CD1-001 and 点击次数：120), or, with above_only, right under one (产品简介：高清晰度，
    适用于会议室。 under 产品价格：面议: a summary field, however long its value).

    Evidence: a product or download page lists its fields as a block of `label：value` rows between the heading and
    the description: a field sits between two of them, or next to a catalogue row (型号, 价格, 点击次数); a headline
    with a colon (质检总局：两成半烟花爆竹不合格) has a crumb or menu above it, and an interview's lines (记者：…？)
    read as clauses.

    >>> h = ["CD1型钢丝绳电动葫芦", "产品编号：CD1-001", "所属分类：电动葫芦", "点击次数：120", "更新时间：2019-05-06"]
    >>> field_block(h, 2), field_block(["首页 > 新闻", "质检总局：两成半烟花爆竹不合格", "2012年01月17日 12:16"], 1)
    (True, False)
    >>> field_block(["产品型号：P2.5", "产品价格：面议", "产品简介：高清晰度，高刷新率，适用于会议室、展厅等室内场所。"], 2, above_only=True)
    True
    >>> field_block(["记者：这次改造花了多长时间？", "张三：前后一共用了三个月，居民都很满意。"], 1, above_only=True)
    False
    >>> field_block(["发布日期： 2014-06-19       阅读次数： 3092", "景点简介：     射击场位于碧螺湾乐园南100米，占地36亩。"], 1, True)
    False
    """
    line = lines[i]
    if not FIELD_RE.match(line) or len(line) > 120:
        return False
    if above_only:  # under a catalogue row, not under the byline (景点简介：… under 发布日期：… 阅读次数：… opens the text)
        prev = lines[i - 1] if i > 0 else ""
        return chrome_reason(prev) == "parameter_row" or _short_field(prev) and chrome_reason(prev) is None \
            and not is_meta_line(prev)
    if not _short_field(line):
        return False
    near = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
    return len(near) == 2 and all(map(_short_field, near)) or any(
        chrome_reason(ln) in ("parameter_row", "counter") for ln in near)


ITEM_RE = re.compile(r"^\s*(?:\d{1,2}[、.．]|[一二三四五六七八九十]{1,3}、|[（(]\d{1,2}[)）])\s*\S")


def _sentence_lines(lines: list[str]) -> list[int]:
    """The lines of a brief whose sentences are all too short for prose (记者从市水务局获悉，我市今日起正式进入汛期。 /
    各区已完成防汛物资储备。): two or more lines of eight characters or more that end a sentence, none of them chrome, a
    byline or a headline row; used only when no line reads as prose.

    >>> _sentence_lines(["某某新闻网", "我市今日起进入汛期", "2024-06-01 08:00 来源：某某日报", "记者从市水务局获悉，我市今日起正式进入汛期。",
    ...                  "各区已完成防汛物资储备。", "市民如遇险情可拨打12345热线。", "责任编辑：张三"])
    [3, 4, 5]
    >>> _sentence_lines(["首页", "联系我们。", "版权所有。"])
    []
    """
    found = [i for i, ln in enumerate(lines) if len(ln) >= 8 and SENTENCE_LINE_RE.search(ln) and not chrome_reason(ln)
             and not is_meta_line(ln) and not _is_byline(ln)]
    return found if len(found) >= 2 else []


ITEM_NO_RE = re.compile(r"^\s*(\d{1,2})[、.．]")

# a section or item number opening a line: 五、招生专业, 9. (a table's row number on a line of its own), 3．盐酸肾上腺素
SECTION_NO_RE = re.compile(r"^\s*(?:(?P<cn>[一二三四五六七八九十]{1,3})、|(?P<ar>\d{1,2})(?P<sep>[.．、])(?![\d.．]))")
CN_NUMBER = {c: i for i, c in enumerate("一二三四五六七八九", 1)}


def section_number(line: str) -> tuple[str, int] | None:
    """The numbering style and number a line opens with, for lines of 80 characters or less: ('cn', 5) for
    五、招生专业, ('.', 9) for 9., ('、', 2) for 2、分断能力高；. None for others (2.5年, 1.00, a long paragraph).

    >>> section_number("五、招生专业"), section_number("十一、重要提示"), section_number("9."), section_number("3．盐酸肾上腺素")
    (('cn', 5), ('cn', 11), ('.', 9), ('.', 3))
    >>> section_number("2.5年"), section_number("2017年新阵容也已基本确定。"), section_number("1、体积小，重量轻；")
    (None, None, ('、', 1))
    """
    m = SECTION_NO_RE.match(line)
    if not m or len(line) > 80:
        return None
    if m.group("ar"):
        return ("." if m.group("sep") in ".．" else "、"), int(m.group("ar"))
    cn = m.group("cn")
    tens, _, units = cn.rpartition("十")
    if "十" not in cn:
        return ("cn", CN_NUMBER[cn]) if len(cn) == 1 else None
    if len(tens) > 1 or len(units) > 1:
        return None
    return "cn", (CN_NUMBER[tens] if tens else 1) * 10 + (CN_NUMBER[units] if units else 0)


def _plain_gap(lines: list[str], a: int, b: int) -> bool:
    """Whether lines a..b-1 hold no page chrome and no box heading (a menu, a crumb, a 相关阅读 label, a footer)."""
    return not any(chrome_reason(lines[j]) or box_heading(lines, j) for j in range(a, b))


def _numbering_on(lines: list[str], end: int, runs: list[list[int]], step: int = 120) -> int:
    """The article's last line when its numbering runs on below the run that ends at `end`: the next numbers of a
    style it uses (五、 then 六、 七、 …; 8. then 9. 10. 11.) follow one another, each within `step` lines, with no
    chrome or box heading on the way, so the runs of text among them are the article's, cut apart by a table
    printed one cell a line.

    Evidence: w001975, an admissions notice whose section 五、招生专业 is a table of 97 one-cell lines (行政管理 /
    高起专 / 2.5年 …) over 六、 to 十一、; w007374, a timetable numbered 1. to 11. in a cell of its own. A sidebar or
    a box under an article numbers its own items from 1 (or sits under a heading), so it never runs on from the
    article's last number. Confuser: an article's numbered points (1、2、3、) under which a box lists 1. 2. 3. …
    is not extended: the box starts over at 1.

    >>> p = "华中科技大学是教育部直属的全国重点大学，是最早的“985”和“211”院校，现代远程教育试点高校。"
    >>> cells = ["专业名称", "层次", "最短期限"] * 12
    >>> lines = ["四、学习形式", p, "五、招生专业", p, *cells, "六、考生报名", p, "七、入学测试", p, "热门推荐", "1.某条新闻", p]
    >>> _numbering_on(lines, 3, [[1, 3], [41, 43], [46]])
    43
    >>> _numbering_on(lines[:40] + ["热门推荐", *lines[40:]], 3, [[1, 3], [42, 44], [47]])
    3
    """
    new_end = end
    for style in {n[0] for n in map(section_number, lines[:end + 1]) if n}:
        k, at = next((n[1], i) for i in range(end, -1, -1) if (n := section_number(lines[i])) and n[0] == style)
        reach = at
        for j in range(end + 1, len(lines)):
            if j - reach > step:
                break
            n = section_number(lines[j])
            if n and n[0] == style:
                if n[1] != k + 1:
                    break  # a list that starts over is another one
                if not _plain_gap(lines, reach + 1, j):
                    break
                k, reach = n[1], j
        if reach > end:
            new_end = max([new_end] + [run[-1] for run in runs if end < run[0] <= reach + 3])
    return new_end


DESCRIPTION_HEAD_RE = re.compile(r"^\s*(?:产品|商品|项目|课程|图书|内容)?(?:简介|详情|介绍|描述|详细介绍|详细信息|详细说明|详细描述)\s*(?:[:：]\s*)?$")


def _under_description(lines: list[str], start: int, step: int = 4) -> int:
    """The article's first line on a product or course page: the line right under its description heading (产品简介,
    产品详情, 详细介绍) when the text found starts at most `step` lines below it, with no chrome, box heading or
    meta line between.

    Evidence: a catalogue template labels the item's description, and all of it sits under that heading; w001385's
    description opens with two lines too short or too stuffed for prose (了解百谷信息组建和谐网络胡来华136… and a
    keyword string), and the text began at its first paragraph. Confuser: field rows under the heading (型号：X,
    价格：面议, named by the chrome rules) stay out, and a heading further up than `step` lines is another box's.

    >>> para = "H3C S7500E系列产品是杭州华三通信技术有限公司面向融合业务网络的高端多业务路由交换机，基于自主知识产权的操作系统。"
    >>> _under_description(["留言咨询", "产品简介", "了解百谷信息组建和谐网络胡来华 电话0531-83196110", para], 3)
    2
    >>> _under_description(["产品简介", "型号：S7503E", para], 2), _under_description(["产品简介", "a", "b", "c", "d", para], 5)
    (2, 5)
    """
    h = next((h for h in range(start - 1, max(-1, start - 1 - step), -1) if DESCRIPTION_HEAD_RE.match(lines[h])), None)
    if h is None or h + 1 >= start:
        return start
    if any(chrome_reason(lines[j]) or box_heading(lines, j) or is_meta_line(lines[j]) for j in range(h + 1, start)):
        return start
    return h + 1


def _numbering_head(lines: list[str], start: int, step: int = 40) -> int:
    """The article's first line when it opens under section k (k >= 2) of a numbered notice whose sections 1 … k-1
    sit above it (一、采购要求 over tab-separated field rows, 二、 over a one-row table, 三、 over two dated fields, then
    四、 over the first paragraph): the first section's heading, when each number follows the one above it within
    `step` lines and no chrome or box heading lies between.

    Evidence: w003599, a purchase notice whose first sections hold no prose line (tables and dated fields); the
    text started inside section 四. Confuser: a numbered list of headlines above an article does not run on into
    the article's own section number, and a section 1 under the menu is where the text starts already.

    >>> rows = ["交货地址\\t安徽省滁州市\\t定远县", "二、计划采购物品", "序号\\t物资编码\\t物资名称", "三、报名时间",
    ...         "报名时间：2017年01月05日 至 2017年01月09日", "四、报名及询价方式", "报名方式："]
    >>> _numbering_head(["首页", "一、采购要求", *rows, "（1）本项目只接受已入库企业报名，未入库的请及时办理入库手续；"], 8)
    1
    >>> _numbering_head(["首页", "一、采购要求", "相关公告", *rows, "（1）本项目只接受已入库企业报名。"], 9)
    9
    """
    for h in range(start, max(-1, start - 4), -1):
        n = section_number(lines[h])
        if not n or n[1] < 2:
            continue
        style, k, at = n[0], n[1], h
        for j in range(h - 1, max(-1, h - 1 - step * (n[1] - 1)), -1):
            m = section_number(lines[j])
            if m and m[0] == style:
                if m[1] != k - 1 or at - j > step or not _plain_gap(lines, j + 1, at):
                    break
                k, at = m[1], j
                if k == 1:
                    return at
        return start
    return start



def _list_head(lines: list[str], start: int) -> int:
    """The article's first line when it opens inside a numbered list (3、适用于交流50Hz…线路中，作过载和短路保护之用。
    under 1、体积小，重量轻，安装方便； and 2、分断能力高；): the items above it, numbered n-1, n-2 … down to 1, each
    a clause, are its first lines.

    Evidence: a product's features are listed as numbered clauses ending in ；, which are too short for prose; the
    numbers run on into the item that is.

    >>> _list_head(["产品特点：", "1、体积小，重量轻，安装方便；", "2、分断能力高，保护性能可靠；",
    ...             "3、适用于交流50Hz、额定电压400V及以下的线路中，作过载和短路保护之用。"], 3)
    1

    Confuser: numbered headlines above (no clause mark), or numbers that do not run on, stay out:
    >>> _list_head(["1、春季安全生产检查启动", "2、员工技能大赛圆满落幕", "3、适用于交流50Hz、额定电压400V的线路中，作保护之用。"], 2)
    2
    >>> _list_head(["5、体积小，重量轻；", "3、适用于交流50Hz、额定电压400V的线路中，作保护之用。"], 1)
    1
    """
    m = ITEM_NO_RE.match(lines[start])
    if not m:
        return start
    k, n = start, int(m.group(1))
    while k > 0 and n > 1 and (prev := ITEM_NO_RE.match(lines[k - 1])) and int(prev.group(1)) == n - 1 \
            and len(lines[k - 1]) <= 80 and re.search(r"[，。；,;]", lines[k - 1]) and not chrome_reason(lines[k - 1]):
        k, n = k - 1, n - 1
    return k if n == 1 else start


def link_list_item(lines: list[str], i: int) -> bool:
    """Whether line i is item n (n >= 3) of a numbered list of headlines: the n-1 lines right above it are items
    n-1 … 1, each a short line that ends no sentence (1.微咖 | “我在终点等你” … 8.【班级小记】整理图书角 over
    9.不要怀疑，世间一切尽如人意，…; a headline may hold a comma or end with a question mark).

    Evidence: w005242, a WeChat post mirrored with a 热门文章 and a 最新文章 box of ten links each: the one
    prose-long link of the second box outweighed the post's one sentence and took the text. Confuser: an article's
    numbered points (1、体积小，重量轻，安装方便； …) end their clauses or sentences, and a lone numbered paragraph has
    no items above it.

    >>> box = ["1.封面|一个找不到自己的人注定是孤独的", "2.【快讯】2016年度“最美滕州人”", "3.自查 | 你家中的防火安全做好了吗？",
    ...        "4.YSL组合：虽然已在不同公司，但永远互相帮持", "5.不要怀疑，世间一切尽如人意，只不过不是尽你的意，就是尽别人的意。"]
    >>> link_list_item(box, 4)
    True
    >>> points = ["1、体积小，重量轻，安装方便；", "2、分断能力高，保护性能可靠；", "3、适用于交流50Hz、额定电压400V及以下的线路中，作过载和短路保护之用。"]
    >>> link_list_item(points, 2), link_list_item(["某某新闻标题", "3、适用于交流50Hz的线路中，作过载和短路保护之用。"], 1)
    (False, False)
    """
    m = ITEM_NO_RE.match(lines[i])
    n = int(m.group(1)) if m else 0
    if n < 3 or i < n - 1:
        return False
    for k in range(1, n):
        prev = ITEM_NO_RE.match(lines[i - k])
        if not prev or int(prev.group(1)) != n - k or len(lines[i - k]) > 40 \
                or re.search(r"[。；，,;.]\s*$", lines[i - k]):
            return False
    return True


def _list_tail(lines: list[str], start: int, end: int) -> int:
    """The article's last line when it closes with a numbered list whose items are short (五、 薪酬待遇：,
    1、 小学教师年薪：6—10万元人民币。): numbered items with a clause mark, in an article that numbers its
    items, stay with it; a numbered list of headlines (1.某某新闻标题) does not.

    >>> art = "南充市安汉中学位于南充市高坪区城区中心，是一所新起点、高规格的九年一贯制民办学校，欢迎报考。"
    >>> _list_tail([art, "1、 报名方式：电话报名、网上报名、现场报名。", art, "五、 薪酬待遇：", "1、 小学教师年薪：6—10万元。",
    ...             "查看更多相关信息"], 0, 2), _list_tail([art, "1、 报名方式：电话报名。", art, "1.另一篇新闻的标题"], 0, 2)
    (4, 2)
    """
    if not any(ITEM_RE.match(lines[i]) for i in range(start, end + 1)):
        return end
    while end + 1 < len(lines) and ITEM_RE.match(lines[end + 1]) and len(lines[end + 1]) <= 80 \
            and re.search(r"[：:，。；]", lines[end + 1]) and not chrome_reason(lines[end + 1]):
        end += 1
    return end


# a chapter's nav row: 上一章目 录下一章, 上一章： 第十章夜住下水道      返回目录      下一章： 第十二章好戏
CHAPTER_NAV_RE = re.compile(r"上一[章页].{0,40}(?:下一[章页]|目\s*录)|(?:目\s*录|书页).{0,40}下一[章页]")
# the author's note under a web-novel chapter (作者有话要说：感谢…)
AUTHOR_NOTE_RE = re.compile(r"^\s*(?:作者有话要说|作者的话|作者留言)\s*[:：]?")
# a web-novel site speaking to the reader under a chapter: 加入书架, 手机用户可访问…, 下载本书…txt, 点击报错
WEB_ADDRESS_RE = re.compile(r"https?://|www\.")
READER_PROMPT_RE = re.compile(r"书架|书签|章节|txt|TXT|电子书|书评|报错|手机(?:用户|阅读|访问|版)|阅读记录|下次阅读|无弹窗|"
                              r"全文阅读|最新章节|推荐票|月票|求票|https?://|www\.")


def _chapter_end(lines: list[str], start: int, end: int, weight: dict[int, int]) -> int:
    """The last line of a web-novel chapter: the run ends above the chapter's nav row (上一章 … 下一章) when most
    of its text is above it, and above the site's prompts to the reader over that row (加入书架, 手机用户可访问…,
    下载本书最新的txt…, 点击报错, 求票票啊～) and stray marks among them (.rs); an author's note (作者有话要说：) under
    most of the text ends it too.

    >>> ch = "方雅存得到消息之后气得差点吐血，他回方家去找老太太理论，却是连大门都没有进去。"
    >>> lines = [ch, ch, "以牙还牙，以血还血！", "手机用户可访问wap.example.la观看小说，跟官网同步更新．",
    ...          "求票票啊～", ".rs", "上一章： 第十章夜住下水道      返回目录      下一章： 第十二章好戏",
    ...          "如果您喜欢,请把《嫡谋》加入书架,方便以后阅读嫡谋第331章失势后的更新连载!"]
    >>> _chapter_end(lines, 0, 7, {i: len(ln) for i, ln in enumerate(lines)})
    2
    >>> lines = [ch, ch, "作者有话要说：感谢某某的地雷，终于赶出第三更了。", "上一页        返回目录        下一页"]
    >>> _chapter_end(lines, 0, 2, {i: len(ln) for i, ln in enumerate(lines)})
    1
    """
    note = next((r for r in range(start + 1, end + 1) if AUTHOR_NOTE_RE.match(lines[r])), None)
    if note is not None and 2 * sum(w for i, w in weight.items() if note <= i <= end) <= \
            sum(w for i, w in weight.items() if i < note):
        end = note - 1  # 作者有话要说：感谢… under the chapter
    nav = next((r for r in range(start + 1, min(end + 3, len(lines)))
                if len(lines[r]) <= 80 and CHAPTER_NAV_RE.search(lines[r])), None)
    if nav is None:
        return end
    before = sum(w for i, w in weight.items() if i < nav)
    after = sum(w for i, w in weight.items() if nav < i <= end)
    if after * 2 > before:
        return end
    cut = min(nav - 1, end)
    while cut > start and _reader_prompt(lines[cut]):
        cut -= 1
    return cut


def _reader_prompt(line: str) -> bool:
    """A site's line to the reader between a chapter and its nav row, or a stray mark there (.rs).

    >>> _reader_prompt("本书手机阅读：http://m.example.la/3138/"), _reader_prompt(".rs"), _reader_prompt("以牙还牙，以血还血！")
    (True, True, False)
    """
    return bool(READER_PROMPT_RE.search(line)) or not re.search(r"[\u4e00-\u9fff]", line)


def site_prompt(lines: list[str], i: int) -> bool:
    """Line i is the site's line to the reader, printed under a row of links over a chapter: it holds the site's
    web address and a reader word (一秒记住【棉花糖小说网www.mianhuatang.la】，为您提供精彩小说阅读。 under 推荐阅读： 微爱 打鬼 …).
    A sentence, so it passed for the chapter's first line (w005674). Confuser: an article's sentence naming a
    web address with no row of links over it (据新华网www.xinhuanet.com报道，…) is text.

    >>> row = "推荐阅读： 微爱 打鬼 天火大道 大宋的智慧 儒道至圣 隐身高手 龙血战神 武神天下"
    >>> site_prompt([row, "一秒记住【某某小说网www.example.la】，为您提供精彩小说阅读。"], 1)
    True
    >>> site_prompt(["作者：张三", "据新华网www.xinhuanet.com报道，今年全国小麦丰收。"], 1)
    False
    """
    return 0 < i < len(lines) and lead_list(lines[i - 1]) and bool(WEB_ADDRESS_RE.search(lines[i])) \
        and _reader_prompt(lines[i])


# a labelled row of links: 热门点击：书名、书名、书名 / 推荐阅读： 微爱 打鬼 天火大道 / 其他书友在看：…
LIST_WORD_RE = re.compile(r"点击|推荐|阅读|在看|排行|热搜|热门|专题|标签|关注")
LIST_LABEL_RE = re.compile(r"^\s*[\u4e00-\u9fff]{2,6}\s*[:：]\s*(?P<rest>.+)$")


def lead_list(line: str) -> bool:
    """A row of links with a label (热门点击：a、b、c…, 推荐阅读： a b c …): four or more short items and no
    sentence, or a related-links label line.

    >>> lead_list("热门推荐：穿越之修仙、谨言、农家乐小老板、秀爷修真中、穿越魔皇武尊、暖阳")
    True
    >>> lead_list("推荐阅读： 微爱 打鬼 天火大道 大宋的智慧 儒道至圣 三界独尊 最强兵王一秒记住【某小说网】，为您提供精彩小说阅读。")
    True
    >>> lead_list("据介绍：今年以来全市共启动城市更新项目42个，完成投资超过60亿元，惠及居民3.2万户。")
    False
    """
    m = LIST_LABEL_RE.match(line)
    if not m or not (RELATED_RE.match(line) or LIST_WORD_RE.search(line[:m.start("rest")])):
        return False
    items = [x for x in re.split(r"[、\s]+", m.group("rest")) if x]
    short = [x for x in items if len(x) <= 20 and not re.search(r"[。！？]", x)]
    return len(short) >= 4 and len(short) >= 0.75 * len(items)


def _link_row_tail(lines: list[str], start: int, end: int) -> int:
    """The article's last line when the run closes with a labelled row of links (推荐： 考拉理财发展前景怎样？ 短线是银
    怎么样？…) over short fragments with no end mark (a sidebar's cut-off headlines): back to the last line that ends
    a sentence, when every line after it is such a fragment or the row.

    >>> art = "他们的止损纪律很高，所以不会亏太惨。"
    >>> _link_row_tail([art * 3, "Cell", "说明庄家在继续出货", "必然是庄家大量出货的",
    ...                 "推荐： 考拉理财发展前景怎样？ 短线是银怎么样？短线是银下载 金融圈的负能量小段子播放次数："], 0, 4)
    0

    Confuser: a last paragraph with a label of the kind (推荐理由：…) that ends a sentence stays:
    >>> _link_row_tail([art * 3, "推荐理由：这款产品性价比很高，值得入手，我们全家都在用它。"], 0, 1)
    1
    """
    m = LIST_LABEL_RE.match(lines[end])
    if end <= start or not m or not LIST_WORD_RE.search(lines[end][:m.start("rest")]) \
            or SENTENCE_LINE_RE.search(lines[end]):
        return end
    k = end - 1
    while k > start and not SENTENCE_LINE_RE.search(lines[k]):
        if len(lines[k]) > 40 or is_prose(lines[k]):
            return end
        k -= 1
    return k if SENTENCE_LINE_RE.search(lines[k]) else end


def _past_lead_lists(lines: list[str], best: list[int], start: int, end: int) -> int:
    """Where the article starts when the run opens with link rows (热门点击：…, 推荐阅读：…) or a chapter's nav row
    (上一章 ← 章节列表 → 下一章, 上一页 下一页 返回列表) among the crumb, heading and nav lines of a novel page: the
    first text or sentence line after the last such row near the start (`head_rows`).

    Evidence: prose-long rows of titles pass for text; the chapter itself starts under them.

    >>> ch = "俩人四目相对，都看到了彼此眼中的错愕，就算打死张烨一百次他也没有想到，进来的人竟然是老吴！"
    >>> lines = ["小说网 > 现代都市 > 我真是大明星 > 第1096章【这是我男友！】", "聚效",
    ...          "热门推荐：穿越之修仙、谨言、农家乐小老板、秀爷修真中、穿越魔皇武尊、暖阳、重生之天下", "四合院里。", ch, ch]
    >>> _past_lead_lists(lines, [0, 2, 4, 5], 0, 5)
    3

    A site's prompt with its web address right under the row is the site's, not the chapter's first line:
    >>> lines[3] = "一秒记住【某某小说网www.example.la】，为您提供精彩小说阅读。"
    >>> _past_lead_lists(lines, [0, 2, 3, 4, 5], 0, 5)
    4
    """
    head = [i for i in best if start <= i <= min(end, start + 12)]
    lists = head_rows(lines, start, min(end, start + 12))
    if not lists:
        return start
    last = lists[-1]
    if any(i < last and not (lead_list(lines[i]) or crumb_parts(lines[i]) or chrome_reason(lines[i])) for i in head):
        return start  # text above the row: a list inside the article
    # the site's line to the reader under the rows (一秒记住【X小说网www.x.la】，为您提供精彩小说阅读。) is the site's,
    # like the prompts over a chapter's nav row (`_reader_prompt`): the chapter starts under it
    nxt = next((i for i in range(last + 1, end + 1)
                if not chrome_reason(lines[i]) and not _reader_prompt(lines[i])
                and (i in best or SENTENCE_LINE_RE.search(lines[i]))), None)
    return start if nxt is None else nxt


def nav_row(line: str) -> bool:
    """A chapter's or a paged article's nav row (上一章 ← 章节列表 → 下一章, 上一章\t目录\t下一章, 上一页 下一页 返回列表),
    not a sentence that names the chapters.

    >>> nav_row("上一章 ← 章节列表 → 下一章 加入书签"), nav_row("上一页 下一页 返回列表")
    (True, True)
    >>> nav_row("上一章说到他离开了家乡，这一章讲他在城里的第一份工作，下一章讲他回乡。")
    False
    """
    return len(line) <= 80 and bool(CHAPTER_NAV_RE.search(line)) and not re.search(r"[，。！？；]", line)


def head_rows(lines: list[str], start: int, stop: int) -> list[int]:
    """The link rows (`lead_list`: 推荐阅读： 重生之无限逆推系统 都市医武高手 …) and chapter nav rows (`nav_row`) among
    lines start..stop, whether or not they are long enough to count as prose.

    Evidence: w003755, a web-novel chapter, prints crumb, chapter heading, `上一章 ← 章节列表 → 下一章 加入书签` and a
    `推荐阅读：` row of ten book titles over its first paragraph; its run of text starts at the crumb (a prose-long
    line), and only rows long enough to pass for prose were looked for, so the chapter opened with the heading, the
    nav row and the book list. Confuser: a row under the article's first paragraph is the article's own list
    (`_past_lead_lists` keeps the start when text comes before the row).

    >>> lines = ["新笔趣阁 > 都市言情 > 终极教官 > 第1294章 魔军战火! 一", "第1294章 魔军战火! 一",
    ...          "上一章 ← 章节列表 → 下一章 加入书签", "推荐阅读： 重生之无限逆推系统 都市医武高手 符道巅峰 我的狐妖女友 秦末风云",
    ...          "何东的咽喉被萧云龙死死地扣住，他上下颚想要咬动，萧云龙转而扣住了他的上下颚，迫其张开口。"]
    >>> head_rows(lines, 0, 4)
    [2, 3]
    """
    return [i for i in range(start, min(stop, len(lines) - 1) + 1) if lead_list(lines[i]) or nav_row(lines[i])]


def card_list(block: list[str]) -> bool:
    """Whether a run of text is a box of cards (teasers, videos, products): the same short label line (推荐理由,
    查看详情, 阅读全文) comes back three or more times between its items, and half its text lines are leads cut
    short (…, ...). An article's repeated labels (主演, 剧情简介 in a list of films) head whole paragraphs.

    >>> card_list(["04-22某视频评测", "推荐理由", "全新的英雄级武器即将来袭，下面为大家带来详细的属性评测。...",
    ...            "04-23体验服试玩", "推荐理由", "这次新版本更新有一款武器特别显眼，下面就让小编介绍。...",
    ...            "04-25精彩视频", "推荐理由", "下面巴士小编为大家带来的是第一视角精彩视频。..."])
    True
    >>> card_list(["“嗯。”", "他点点头，转身走了出去。", "“嗯。”", "她也点点头。", "“嗯。”"])
    False
    >>> card_list(["剧情简介", "一个打扮浮华庸俗的妇女走在大街上，她决定为丈夫选一份生日礼物。"] * 3)
    False
    """
    counts: dict[str, int] = {}
    for ln in block:
        if 2 <= len(ln) <= 8 and not SENTENCE_LINE_RE.search(ln):
            counts[ln] = counts.get(ln, 0) + 1
    texts = [ln for ln in block if is_prose(ln)]
    teasers = [ln for ln in texts if TEASER_RE.search(ln)]
    return any(n >= 3 for n in counts.values()) and len(teasers) * 2 >= len(texts)


def _above_footer(lines: list[str], runs: list[list[int]], least: int = 200) -> list[list[int]]:
    """The runs above the page's last copyright line (Copyright © …, 版权所有 ©…), when they hold `least` characters of
    text or more; else all runs. What an extract prints under the footer is the site's, not an article: a cookie
    consent dialog (This website uses cookies… / Privacy Overview / Necessary cookies are absolutely essential…)
    whose paragraphs outweighed a short book review above the footer.

    Evidence: position; a page's footer closes its content, and dialogs and scripts' text come after it in the
    document (the last such line: a video box or a wire story prints its own © line above the article). Confuser: a page whose only text is under a copyright line at the top (a short notice) keeps it.

    >>> para = "I have worked on my own vehicles since I was seventeen, but this manual is the best I have used so far."
    >>> cookie = "This website uses cookies to improve your experience while you navigate through the website. " * 3
    >>> lines = [para, para, "Copyright © Mortons Media Group Ltd", cookie, cookie]
    >>> _above_footer(lines, [[0, 1], [3, 4]])
    [[0, 1]]
    >>> _above_footer(["Copyright © Some Ltd", cookie], [[1]])
    [[1]]
    """
    foot = next((k for k in range(len(lines) - 1, -1, -1)
                 if chrome_reason(lines[k]) == "footer" and COPYRIGHT_RE.search(lines[k])), None)
    if foot is None:
        return runs
    above = [run for run in runs if run[-1] < foot]
    return above if sum(len(lines[i]) for run in above for i in run) >= least else runs


COPYRIGHT_RE = re.compile(r"©|\(c\)|Copyright|版权所有|版權所有", re.I)


def teaser_cards(lines: list[str], run: list[int]) -> bool:
    """Whether a run of text is a list of other stories' teasers: a headline, its author and a date line, then a
    lead of a line or two, three times or more (Prince Andrew struggles to dispel allegations… / Rob Crilly /
    Wednesday November 20, 2019 / The television interview was devised as…). Such a sidebar holds more text than a
    short article, but the article has one header, not a date line every two lines of text.

    Evidence: the period of the cards, a date line under a line that is no text (the headline or the author)
    with at most two text lines before the next date. Confuser: a chronology (2019年11月20日 over a paragraph,
    under the paragraph of the day before) has text right above each date.

    >>> lead = "The television interview was devised as an opportunity for the prince to set the record straight."
    >>> cards = ["Prince Andrew struggles to dispel allegations", "Rob Crilly", "Wednesday November 20, 2019", lead] * 3
    >>> teaser_cards(cards, [3, 7, 11])
    True
    >>> days = ["2019年11月20日", "十一月二十日，代表团抵达北京，随后举行了第一轮会谈，双方就多项议题交换了意见。"] * 4
    >>> teaser_cards(days, [1, 3, 5, 7])
    False
    """
    dates = [k for k in range(max(0, run[0] - 3), run[-1] + 1) if k not in run and len(lines[k]) <= 40 and _mostly_date(lines[k])
             and k > 0 and not is_prose(lines[k - 1]) and k - 1 not in run]
    return len(dates) >= 3 and len(run) <= 2 * (len(dates) + 1)


SHARE_BAR_RE = re.compile(r"(?:分享|推荐本[章篇文]|转发|转载)(?:到|至)\s*[:：]?\s*(?:$|.{0,60}(?:微博|微信|QQ|空间|人人|豆瓣|贴吧))")


def share_bar(line: str) -> bool:
    """A share bar (我要投稿收藏本页 将本文分享到：, 推荐本章到：QQ空间腾讯微博…): under an article it closes it.

    >>> share_bar("我要投稿收藏本页 将本文分享到："), share_bar("推荐本章到：QQ空间腾讯微博新浪微博网易微博百度贴吧人人网")
    (True, True)
    >>> share_bar("他把这个好消息分享到了家族群里，大家都很高兴。")
    False
    """
    return len(line) <= 80 and bool(SHARE_BAR_RE.search(line)) and not SENTENCE_LINE_RE.search(line)


def summary_heading(line: str) -> bool:
    """A summary box's heading on its own line (内容摘要, 本文摘要：): under the article it opens a box that repeats the
    article's opening, not more of the article.

    >>> summary_heading("内容摘要"), summary_heading("本文摘要："), summary_heading("内容摘要：本文介绍了新股开板后的走势。")
    (True, True, False)
    """
    return len(line) <= 8 and chrome_reason(line) == "seo_block"


def box_heading(lines: list[str], i: int) -> bool:
    """Whether line i heads a box of other stories: a related-links label, a short label of that family
    (最新资讯, 相关测评教程, 首页推荐, 生活最新：), any short label with a lone 更多 line under it, a share bar, the
    comments' heading (评论 (0), 网友评论), a back-to-top control (▲TOP), or the article's keyword line (關鍵字：…)
    that such boxes follow.

    >>> box_heading(["最新资讯", "某条新闻"], 0), box_heading(["新闻时事", "更多", "某条新闻"], 0)
    (True, True)
    >>> box_heading(["生活最新：", "某条新闻"], 0), box_heading(["關鍵字：流感 口罩 咳嗽 噴嚏 周志浩"], 0)
    (True, True)
    >>> box_heading(["评论 (0)"], 0), box_heading(["网友评论"], 0), box_heading(["评论员文章：稻田养虾"], 0)
    (True, True, False)
    >>> box_heading(["▲TOP"], 0), box_heading(["返回顶部"], 0)
    (True, True)
    >>> box_heading(["最新研究表明，稻田养虾可以增收。"], 0), box_heading(["第二部分", "正文"], 0)
    (False, False)
    """
    line = lines[i]
    if RELATED_RE.match(line) or BOX_HEADING_RE.match(line) or share_bar(line) or TAGS_LINE_RE.match(line) \
            or COMMENTS_HEAD_RE.match(line) or BACK_TO_TOP_RE.match(line) or summary_heading(line):
        return True
    short = len(line) <= 10 and not CLAUSE_END_RE.search(line)
    return short and i + 1 < len(lines) and bool(MORE_RE.match(lines[i + 1]))


COMMENT_AUTHOR_RE = re.compile(r"^\s*(?:评论|評論|留言|回复|回覆|网友|網友)(?:作者|人|者|用户|用戶|昵称|暱稱)\s*[:：]\s*\S.{0,30}$")
COMMENT_BODY_RE = re.compile(r"^\s*(?:评论|評論|留言|回复|回覆)(?:内容|內容)\s*[:：]")


def comment_rows(lines: list[str], i: int) -> bool:
    """Whether line i opens a list of comments printed as labelled rows: an author row (评论作者：X), the comment's
    row under it (评论内容：…), and another author row within the next six lines.

    Evidence: w008451, a news post under which 32 comments came as 评论作者：/评论内容： pairs; the comments' rows
    read as sentences and as a list of records, so the text ran on to the last comment. Confuser: a news story
    quoting one reader (网友评论：这个政策好。) has no author row over it, and an interview's 记者：/张三： rows carry
    no comment label.

    >>> rows = ["评论作者：G2shoxGOD", "评论内容：每个人都是被虐出来的", "评论作者：千年古尸", "评论内容：还没入坑呢。感觉不能玩"]
    >>> comment_rows(rows, 0), comment_rows(["网友评论：这个政策好，点赞。", "记者：您怎么看？", "张三：很好。"], 0)
    (True, False)
    """
    return bool(COMMENT_AUTHOR_RE.match(lines[i])) and i + 1 < len(lines) and bool(COMMENT_BODY_RE.match(lines[i + 1])) \
        and any(COMMENT_AUTHOR_RE.match(ln) for ln in lines[i + 2:i + 8])


def printed_twice(lines: list[str]) -> set[int]:
    """The lines of a list that the dump prints twice in a row (three lines or more, then the same lines again): the
    tabs of one box (最新文章 and 热门文章 rendering the same ten links). Used only to weigh the text under a box
    heading, never to remove a line.

    Evidence: w008924, a job ad whose 相关阅读 box of glued teasers sits over two copies of one numbered list of
    headlines that end in ！ (1 过年聚会请留意这5类人，最容易成为微商代理！): counted as sentences they outweighed half
    the article and kept the box in the text. Confuser: a sign-off printed once under the article and again in the
    sidebar (w005242's 关注爱心天使，…) is not a list printed twice in a row, and still weighs (it keeps a one-line
    post from having no sentence at all); an article's refrain is not three lines repeated back to back.

    >>> box = ["1 过年聚会请留意这5类人！", "2 一招就知道了！", "3 送女朋友的礼物！"]
    >>> sorted(printed_twice(["正文第一段。", *box, *box, "热门推荐"]))
    [1, 2, 3, 4, 5, 6]
    >>> printed_twice(["正文。", *box, "另一个栏目", *box]), printed_twice(["好！", "好！", "好！", "好！"])
    (set(), set())
    """
    out: set[int] = set()
    for i in range(len(lines)):
        for d in range(3, min(31, (len(lines) - i) // 2 + 1)):
            if lines[i] == lines[i + d] and lines[i:i + d] == lines[i + d:i + 2 * d] and len(set(lines[i:i + d])) == d:
                out.update(range(i, i + 2 * d))
    return out


def _drop_teasers(lines: list[str], start: int, end: int) -> int:
    """The article's last line once other stories' teasers are cut from its end: two or more pairs of a
    headline line and a lead cut short (…, ..., [详细]) close a news page's "more news" box.

    >>> art = "据了解，今年的文化节将于5月13至15日在北京西单文化广场举办，届时民众可以免费参与。"
    >>> tail = ["另一条新闻的标题", "2016年5月10日，京剧《白蛇传》的主创人员齐聚中国戏曲学院...",
    ...         "第三条新闻的标题", "2016京津冀捷克日活动于5月3日在捷克驻华大使馆正式拉开帷幕..."]
    >>> _drop_teasers([art, art] + tail, 0, 5)
    1
    """
    cut, pairs = end, 0
    while cut - 1 > start and TEASER_RE.search(lines[cut]) and not TEASER_RE.search(lines[cut - 1]) \
            and not SENTENCE_LINE_RE.search(lines[cut - 1]) and len(lines[cut - 1]) <= 40:
        cut -= 2
        pairs += 1
    if pairs < 2:
        return end
    while cut > start and not _is_body_line(lines[cut]):
        cut -= 1  # and the box's own label (新闻时事) above its first headline
    return cut


# a paragraph's own opening: a byte order mark, or an indent of two no-break or ideographic spaces
INDENT_RE = re.compile(r"^\ufeff+[\u00a0\u3000 ]*|^[ \t]*[\u00a0\u3000][\u00a0\u3000 ]+")


def indented_start(line: str) -> bool:
    """Whether a dump line opens a paragraph of its own: it starts with a byte order mark (a chapter's text file
    pasted into the page) or an indent of no-break or ideographic spaces (&nbsp;&nbsp;&nbsp;&nbsp;, 全角空格).

    Evidence: a site indents its article's paragraphs, never its link rows; w003755 (a web-novel chapter) prints
    `推荐阅读： 重生之无限逆推系统 都市医武高手 …` right over `\ufeff\xa0\xa0\xa0\xa0何东的咽喉被萧云龙死死地扣住，…`, and
    rejoined as a hard-wrapped line the row and the chapter's first paragraph became one line, which the row's
    label then cut from the text. `_join_wrapped` hands such a line to the joiner with the indent it knows (two
    全角空格), so it is never the tail of the line above. Confuser: one space (a wrapped line's leading blank) or a nbsp inside a line
    (`2016-01-13 07:55:53 \xa0\xa0杭州网`) is no indent.

    >>> indented_start("\ufeff\xa0\xa0\xa0\xa0何东的咽喉被萧云龙死死地扣住"), indented_start("\u3000\u3000中国共产党是一个伟大的党")
    (True, True)
    >>> indented_start(" 进乡镇（街道）和城乡社区治理工作"), indented_start("2016-01-13 07:55:53 \xa0\xa0杭州网")
    (False, False)
    """
    return bool(INDENT_RE.match(line))


BRACKETED_RE = re.compile(r"^[《『【\[（(](?P<inner>[^《》『』【】\[\]]{2,28})[》』】\]）)]$")


def reader_control(line: str) -> bool:
    """A short control in brackets that speaks to the reader (《 加入书签，方便阅读 》, 『加入书签，方便阅读』): a link of
    the site's, never the tail of a hard-wrapped paragraph.

    Evidence: w001623, a web-novel chapter, prints `《\xa0加入书签，方便阅读\xa0》` under its last paragraph, which
    ends without a full stop (…意外之喜。R1152); rejoined as a wrapped line, the paragraph took the prompt, and then
    went as a whole as the site's prompt over the nav row. Confuser: a book title in 《》 (《终极教官》) or a
    bracketed note with no reader word (（记者 张三）) is no control.

    >>> reader_control("《\xa0加入书签，方便阅读\xa0》"), reader_control("『加入书签，方便阅读』")
    (True, True)
    >>> reader_control("《终极教官》"), reader_control("（记者 张三）")
    (False, False)
    """
    m = BRACKETED_RE.match(line.strip())
    return bool(m) and bool(READER_PROMPT_RE.search(m.group("inner")))


CLAUSE_GOES_ON_RE = re.compile(r"[，、,]\s*$")  # a line that ends inside its sentence


def _width(line: str) -> int:
    """Display columns of a line (a Chinese character takes two)."""
    return _display_width(line.strip())


def unwrapped_prose(lines: list[str], wrap: int) -> int:
    """How many lines of the dump are sentences far wider than `wrap` columns (1.5 times or more): paragraphs the
    dump prints as one long line each. A dump that does so does not wrap its text at `wrap` columns.

    Evidence: a hard-wrapped text breaks every paragraph at one width, so no line of prose runs past it; a crawl's
    plain-text extract or a browser's innerText gives a paragraph a line, and then a box of headlines of about one
    width (温家宝：改革是中国经济发展和社会进步永恒动力 / 全球都市物价对比：北京拉菲红酒价最高, 44 and 36 columns)
    looks hard-wrapped to the joiner: its lines were glued into one long line that outweighed the article (a TTV
    page lost its six sentences to a 300-character run of glued headlines). Confuser: a hard-wrapped text whose
    long lines are a URL or a table row (no sentence) still wraps.

    >>> para = "這幾天寒流來襲，大家都愛用電暖氣，只是眼科患者也因此多了四成，醫師建議眼睛每三十分鐘就要休息五分鐘。"
    >>> unwrapped_prose(["温家宝：改革是中国经济发展和社会进步永恒动力", para, para], 44)
    2
    >>> unwrapped_prose(["为深入贯彻落实党的二十大精神，进一步加强基层治理", "http://www.example.com/" + "a" * 80], 50)
    0
    """
    return sum(1 for ln in lines if _width(ln) >= 1.5 * wrap and is_prose(ln.strip()))


def _wrap_width(block: list[str]) -> int:
    """The joiner's wrap width of a block (cleaners.normalize.join_hard_breaks: its lines' 80th percentile)."""
    widths = sorted(_width(ln) for ln in block if ln.strip())
    return widths[-(-len(widths) * 4 // 5) - 1] if widths else 0


def _join_wrapped(lines: list[str]) -> list[str]:
    """Join hard-wrapped paragraphs, never across a meta, chrome, navigation or heading line (they end a block),
    nor into a line that opens with an indent or a byte order mark (`indented_start`: a paragraph of its own), nor
    in a dump that prints its paragraphs a line each (two sentences or more far wider than the block's wrap width,
    `unwrapped_prose`)."""
    wide = sorted((_width(ln) for ln in lines if is_prose(ln.strip())), reverse=True)

    def join(block: list[str]) -> list[str]:
        wrap = _wrap_width(block)
        text = "".join(ln.strip() for ln in block)
        if not (len(wide) >= 2 and wide[1] >= 1.5 * wrap) or _width(text) < 1.5 * len(text):
            return join_hard_breaks(block)  # wrapped, or a block in a language written in words (word wrap, left as it was)
        # no wrapping, but a line that ends on a comma carries its sentence on (a list of clauses, 应急攻击…， /
        # 掉落伤害减少， / 经验值增加200%，): those joins stand
        out: list[str] = []
        prev = ""
        for ln in block:
            if out and CLAUSE_GOES_ON_RE.search(out[-1]) and _continues(prev, ln, wrap):
                out[-1] = out[-1].rstrip() + _joiner(out[-1].rstrip()[-1], ln.strip()[0]) + ln.strip()
            else:
                out.append(ln)
            prev = ln
        return out

    out: list[str] = []
    block: list[str] = []
    for ln in lines:
        s = ln.strip()
        if s and (is_meta_line(s) or chrome_reason(s) or is_category_list(s) or "|" in s or table_row(s) or reader_control(s)
                  or len(s) <= 30 and not re.search(r"[，。、；：！？,.;:!?]", s)):
            out += join(block) if block else []
            out.append(ln)
            block = []
        else:  # an indent the joiner knows (全角空格) for the byte order mark or no-break spaces of `indented_start`
            indent = INDENT_RE.match(ln)
            block.append("\u3000\u3000" + ln[indent.end():] if indent else ln)
    return out + (join(block) if block else [])


FONT_CONTROL_RE = re.compile(r"(?<=\S)\s*(?:(?:文字大小|字体大小|字體大小)\s*[:：]?\s*(?:[大中小]\s*){0,3}"
                             r"|(?:字号|字號|字体|字體)\s*(?:[:：]\s*(?:[大中小]\s*){0,3}|(?:[大中小]\s*){2,3}))$")


def unglued_control(line: str) -> str:
    """A header line without the reader's font control the dump glued to its end (标题文字大小: over `A A A`).

    Evidence: a font switch printed right under a headline (`文字大小:` over `A A A`) is rejoined to it as a
    hard-wrapped line would be, so the line reads `解读百度…一场数据争夺战文字大小:`; the label is the template's. A line that is only the control stays as it is
    (chrome removes it), and so does a headline that is too short once the label goes.

    >>> unglued_control("解读百度就“违反Robots协议”向360巨额索赔：一场数据争夺战文字大小:")
    '解读百度就“违反Robots协议”向360巨额索赔：一场数据争夺战'
    >>> unglued_control("字体：大 中 小"), unglued_control("如何安装中文字体"), unglued_control("正文 字号：")
    ('字体：大 中 小', '如何安装中文字体', '正文 字号：')
    """
    out = FONT_CONTROL_RE.sub("", line)
    return out if len(out) >= 6 else line


def _read_header(header: list[str], draft: Draft, body: list[str]) -> list[str]:
    """Title, meta line and chrome from the lines above the body; returns lines that may open the body."""
    header = [unglued_control(ln) for ln in header]
    # The meta line may carry a counter (浏览次数) or a font switch that chrome_reason names: still the meta line.
    meta_idx = next((i for i, ln in reversed(list(enumerate(header)))
                     if is_meta_line(ln) and chrome_reason(ln) not in ("breadcrumb", "prevnext", "nav")), None)
    published, _ = find_published(header[-12:]) if len(header) > 12 else find_published(header)
    draft.published = published or find_published(header)[0]
    candidates: list[int] = []
    for i, ln in enumerate(header):
        reason = chrome_reason(ln)
        if i == meta_idx:
            draft.removed.append(Removal("header", ln, "meta_line"))
            draft.slots.source_line = source_of(ln)
        elif reason:
            draft.removed.append(Removal("header", ln, reason))
        elif is_category_list(ln) and spaced_out(ln) == ln:  # one character a word is spacing, not a menu
            draft.removed.append(Removal("header", ln, "category_list"))
        elif TAGS_LINE_RE.match(ln):  # 关键字：旅行,韩国,… under the byline: the page's keywords, never its headline
            draft.removed.append(Removal("header", ln, "tags"))
        elif lead_list(ln):  # 热门推荐：a、b、c: a slot brands are put in, like the rows under the article
            draft.removed.append(Removal("header", ln, "link_list"))
            draft.slots.prevnext.append(ln)
        elif is_meta_line(ln) and len(ln) <= 60:
            draft.removed.append(Removal("header", ln, "meta_line"))
            draft.slots.source_line = draft.slots.source_line or source_of(ln)
        elif (field_block(header, i) or field_block(header, i, above_only=True)) and not labelled_lead(ln):
            # 所属分类：电动葫芦 among 产品编号：…
            draft.removed.append(Removal("header", ln, "parameter_row"))
        else:
            candidates.append(i)
    forum = [t for ln in header[-12:] if (t := forum_title(ln))]
    if forum:  # [草根爆料] 【标题】 [复制链接]: a thread's title line, whatever else the header holds
        draft.title = draft.slots.title = forum[-1]
        draft.removed += [Removal("header", header[i], "header_line") for i in candidates]
        return []
    labelled = next((i for i in reversed(candidates) if i >= len(header) - 12 and labelled_title(header[i])), None)
    displaced = None  # the line taken for the headline before its echo showed the headline (see _displaced_heading)
    if labelled is not None:  # 标题：X over the byline: the template names its headline
        title_idx, crumb_title = labelled, None
    else:
        title_idx = _heading_over_body(header, candidates, pick_title_line(header, candidates, body), body)
        title_idx = _heading_under_crumb(header, candidates, title_idx)
        title_idx, crumb_title = _crumb_title(header, candidates, title_idx, body)
        echo = title_echo(header, candidates, body)
        if echo is not None and echo != title_idx:  # the <title>'s headline printed again on its own line
            displaced = _displaced_heading(header, title_idx, echo, body)
            title_idx, crumb_title = echo, None
    glued = None if crumb_title or labelled is not None or title_idx == title_echo(header, candidates, body) \
        else _glued_headline(header, title_idx, body)
    if glued:
        draft.removed += [Removal("header", header[i], "header_line") for i in candidates]
        draft.title = draft.slots.title = glued
        return []
    if crumb_title:
        draft.title = draft.slots.title = crumb_title
        draft.removed += [Removal("header", header[i], "header_line") for i in candidates if i != title_idx]
        return []
    if title_idx is None:
        draft.removed += [Removal("header", header[i], "header_line") for i in candidates]
        # no headline found: a thread's title over its first post's label ([高州市资讯] X over 1# 杨梅工业)
        draft.title = draft.slots.title = first_post_title(header, _opening(body)) or draft.title
        return []
    draft.title = labelled_title(header[title_idx]) or _chapter_title(after_contacts(headline_cell(header[title_idx], body)))
    draft.slots.title = draft.title
    draft.published = draft.published or _byline_date(header[title_idx + 1:title_idx + 4])
    after = [i for i in candidates if i > title_idx]
    # the injection slot is a line or two between the headline and the text: many lines there are a table of
    # contents or a list the body was found under (w009837's weapon list, 猎鹰OP99 last), not that slot
    draft.slots.first_lines = [header[i] for i in after][-3:] if len(after) <= 12 else []
    # Lines between the heading and the body open the article only when they read as text (a subtitle, a lead);
    # short ones are template controls (我要评论, 字号, 产品详情) or brand lines kept as slots.
    # A short `X88:` line right above the body is the first-line injection slot: it stays for the spam finder,
    # which removes it with its reason.
    # (a byline that reads as text, http://news.nen.com.cn 2012-01-12 05:13 东北新闻网 分享, or a line whose only
    # clause marks are a web address's dots, 东北新闻网手机版 3g.nen.com.cn, is no lead)
    lead = [header[i] for i in after if not _is_byline(header[i]) and not site_prompt(header, i) and (
            is_prose(header[i]) or len(header[i]) >= 16 and LEAD_CLAUSE_RE.search(header[i])
            or i >= len(header) - 2 and len(header[i]) <= 18 and header[i].endswith((":", "："))
            or i == len(header) - 1 and (section_heading(header[i]) or _first_subheading(header[i], body)))]
    lead = _lead_next_to_body([header[i] for i in after], lead, draft.title or "")
    subheads = _subheads(header, after, lead, body, title_idx)
    lead = [header[i] for i in after if header[i] in lead or i in subheads or i == displaced]
    if displaced is not None and displaced < title_idx:  # a kicker over the headline opens the text
        lead = [header[displaced], *lead]
    draft.removed += [Removal("header", header[i], "header_line") for i in candidates
                      if i != title_idx and header[i] not in lead]
    return lead


def labelled_lead(line: str) -> bool:
    """A labelled line whose value is a whole paragraph (導語：昨天，有消息稱…將有望列入職業病目錄。, 摘要：iPhone 4S手机的
    发售在…引发冲突之后，苹果取消了…销售。): the article's lead under its label, not a field of a record, whose values
    are names, numbers and short phrases (型号：XH-200, 所属分类：电动葫芦, 主要成就：五一劳动奖章、全国劳动模范).

    Evidence: prose (`is_prose`: long, with clause marks) that ends a sentence. Confuser: a product's one-line
    description field (产品简介：本产品适用于… under 型号/价格 rows) is prose too, but it opens the text under
    `field_block(above_only=True)`, which `body_span` reads apart.

    >>> labelled_lead("摘要：iPhone 4S手机的发售在苹果公司北京三里屯店引发冲突之后，苹果取消了这款手机在中国大陆各零售店的销售。")
    True
    >>> labelled_lead("主要成就：五一劳动奖章、全国劳动模范、优秀企业家"), labelled_lead("所属分类：电动葫芦")
    (False, False)
    """
    value = re.sub(r"^\s*[\u4e00-\u9fff]{2,6}\s*[:：]\s*", "", line)
    return is_prose(value) and bool(SENTENCE_LINE_RE.search(value)) and bool(re.search(r"[，,；;]", value))


def _displaced_heading(header: list[str], pick: int | None, echo: int, body: list[str]) -> int | None:
    """`pick`, the line the layout rules took for the headline before `echo` (title_echo) showed the headline,
    when it is the article's own heading line: right above the text (a subheading, `煥然新"升"GALAXY Tab P6210登場`
    under a byline) or right above the headline (a kicker, `《…规划纲要》发布`), and sharing the text's words. A
    control or a tag line that shares nothing with the text (`19楼客户端扫一下`) is not kept.

    >>> head = ["陇药销售额要超100亿元", "《药品流通行业发展规划纲要》发布", "陇药销售额要超100亿元", "记者 蒋凌"]
    >>> _displaced_heading(head, 1, 2, ["甘肃省商务厅发布了《药品流通行业发展规划纲要》，陇药销售额超100亿元。"])
    1
    >>> _displaced_heading(["戚风蛋糕哪个好吃？-湖州19楼", "戚风蛋糕哪个好吃？", "19楼客户端扫一下", "更新于 2013-11-13"], 2, 1,
    ...                    ["经常有亲问我，戚风跟千层哪个好吃。"]) is None
    True
    """
    if pick is None or pick not in (echo - 1, len(header) - 1) or not _heading_like(header[pick]):
        return None
    return pick if _overlap(header[pick], _opening(body)) >= 0.3 else None


def headline_cell(line: str, body: list[str]) -> str:
    """The headline's own cell when the headline line is a table row (cells a tab apart): a layout table puts the
    headline beside a sidebar or an ad (`》母嬰親善醫療院所認證　診所表現佳` / `加入粉絲就送7-11禮卷`, `2015年陇药销售额要超100亿元`
    / `论坛热帖`), and a dump prints the row as one line. The cell that shares most of the body's words is the
    headline (the first, on a tie); a line with one cell is returned as it is.

    >>> headline_cell("2015年陇药销售额要超100亿元\\t论坛热帖", ["到2015年，全省陇药销售额要超过100亿元，重点扶持一批企业。"])
    '2015年陇药销售额要超100亿元'
    >>> headline_cell("城市污水处理厂提标改造完成", ["城市污水处理厂提标改造工程日前完成。"])
    '城市污水处理厂提标改造完成'
    """
    cells = [c.strip() for c in line.split("\t") if c.strip()]
    if len(cells) < 2:
        return line
    text = _opening(body)
    return max(cells, key=lambda c: _overlap(c, text))


TITLE_SEP_RE = re.compile(r"\s*(?:[-_|–—]|\s[(（])")  # what a <title> puts between headline, column and site


def title_echo(header: list[str], candidates: list[int], body: list[str]) -> int | None:
    """The header line that the dump's first line (a page's ``<title>``, which a scraper prints first) opens with,
    printed again on its own line lower down: the article's headline (`戚风蛋糕与千层蛋糕哪个好吃？-饮食养生-湖州19楼`
    over the page, then `戚风蛋糕与千层蛋糕哪个好吃？` over its byline), whatever the lines around it look like
    (a `19楼客户端扫一下` control under it was taken for the headline). The copy must be a whole line, four
    characters or more, and the first line must go on with a separator (`-`, `_`, `|`, a dash) after it or be the
    same words, and then share the body's words (`网络及通讯开发`, a forum's column printed first and again in its
    menu, is no headline of the novel chapter under it); the last copy in the header wins.

    >>> title_echo(["戚风蛋糕与千层蛋糕哪个好吃？-饮食养生-湖州19楼", "首页", "戚风蛋糕与千层蛋糕哪个好吃？", "67596阅读", "19楼客户端扫一下"],
    ...            [0, 2, 4], ["经常有亲问我，戚风跟千层哪个好吃，于是就想着写个小短文来解释一下。"])
    2
    >>> title_echo(["网络及通讯开发", "茶馆", "网络及通讯开发", "发布时间：2015-8-13", "第八十二章【美国劫匪真的有枪】"], [0, 1, 2, 4],
    ...            ["虽然眼前这个黑人显得很壮实，可是艾一戈却丝毫不怎么担心。"]) is None
    True
    """
    if len(header) < 2:
        return None
    top = header[0].strip()
    for i in sorted((c for c in candidates if c > 0), reverse=True):
        ln = header[i].strip()
        if len(ln) < 4 or not _heading_like(ln):
            continue
        rest = top[len(ln):] if top.startswith(ln) else top[len(ln) + 2:] if top.startswith(f"【{ln}】") else None
        if rest is not None and (TITLE_SEP_RE.match(rest) if rest.strip()
                                 else _overlap(ln, _opening(body)) >= 0.2):
            return i
    return None


# a headline printed as a field: 标题：X, 新闻标题：X, 題目：X (not 副标题：, a subtitle)
TITLE_LABEL_RE = re.compile(r"^\s*(?:新闻|文章|信息|公告|通知|活动)?(?:标题|標題|题目|題目)\s*[:：]\s*(?P<title>\S.{1,79}?)\s*$")


def labelled_title(line: str) -> str | None:
    """The headline of a header line that labels it (标题：我公司顺利通过ISO9001复审, 新闻标题：X): the value, else None.

    Evidence: news modules of company sites print their fields as `label：value` rows (标题, 来源, 发布者,
    发布时间); the label is the template's, the value the article's. A subtitle (副标题：) or a sentence is not one.

    >>> labelled_title("标题：我公司顺利通过ISO9001质量管理体系复审"), labelled_title("新闻标题： 城市更新让老街区焕发新活力")
    ('我公司顺利通过ISO9001质量管理体系复审', '城市更新让老街区焕发新活力')
    >>> labelled_title("副标题：记老街区的新生活"), labelled_title("标题：")
    (None, None)
    >>> labelled_title("题目：请结合材料谈谈你对城市更新的理解，不少于八百字。")
    """
    m = TITLE_LABEL_RE.match(line)
    if not m or SENTENCE_LINE_RE.search(m.group("title")) or re.search(r"[，。；]", m.group("title")):
        return None
    return m.group("title")


def _subheads(header: list[str], after: list[int], lead: list[str], body: list[str], title_idx: int = 0) -> set[int]:
    """The headline-like lines right over the body, under the headline, that share the body's words: a news story's
    subheads and key points (家屬懷疑送檢標本被偷換, ■就醫結算“一卡通”爭取從全省延伸到上海), up to four. The article's own
    words, so they stay as its opening lines.

    Evidence: a stack of them (two or more, or a bulleted key point, or one over a lead's label such as 核心提示：);
    position (under the headline's byline or controls, nothing else between them and the first paragraph)
    and words shared with the text (half or more of the bigrams of a line of eight or more Chinese characters): a
    menu, a control or a sidebar headline shares few; a line that repeats one above it (the page's <title>, the
    keyword of a doorway page: 高压气枪的价格及图片) is no subhead. Read from the body up; a line already kept as lead
    (核心提示：) is passed over. With no byline under the headline, a line over the text that shares its words is as often a
    spam page's keyword line or a forum's control (官方指定线上娱乐平台, 重设密码): never taken then, unless the text
    opens with its headline and has nothing else above the body (an article saved as bare text).

    >>> body = ["去年1月30日，1歲3個月的女嬰婷婷吊針後突然出現狂躁。家屬懷疑送檢標本被偷換，醫院則稱檢驗報告內容不可信。"]
    >>> sorted(_subheads(["女嬰吊針後病死", "【打印】【关闭】", "家屬懷疑送檢標本被偷換", "醫院稱檢驗報告內容不可信", "核心提示："],
    ...                  [2, 3, 4], ["核心提示："], body))
    [2, 3]
    >>> _subheads(["女嬰吊針後病死", "热门排行榜新闻", "核心提示："], [1, 2], ["核心提示："], body)
    set()
    >>> _subheads(["女嬰吊針後病死", "【打印】【关闭】", "醫院稱檢驗報告內容不可信"], [2], [], body)  # one line alone
    set()
    """
    text = _opening(body)
    kept: set[int] = set()
    allowed = set(after)
    for i in range(len(header) - 1, -1, -1):
        ln = header[i]
        if i not in allowed or len(kept) >= 4:
            break
        if ln in lead:
            continue
        point = KEY_POINT_RE.sub("", ln) if key_point(ln) else ln
        if not _heading_like(point) or _is_byline(ln) or caption(ln) or _overlap(point, text) < 0.5 \
                or len(re.findall(r"[\u4e00-\u9fff]", point)) < 8 or DOMAIN_IN_RE.search(point) \
                or any(point in above for above in header[:i]):  # a line above (the <title>) said it: a keyword
            break
        kept.add(i)
    labelled = any(ln.endswith((":", "：")) for ln in header[max(kept, default=len(header)) + 1:] if ln in lead)
    if len(kept) < 2 and not labelled and not any(key_point(header[i]) for i in kept):
        return set()  # one line over the text is as often a caption or a label (test_textdump_rules' confuser)
    bare = title_idx == 0 and len(header) <= 6 and set(after) == set(range(1, len(header)))
    if kept and title_idx is not None and not bare and not any(
            _is_byline(ln) or is_meta_line(ln) or chrome_reason(ln) in BYLINE_CHROME for ln in header[title_idx + 1:min(kept)]):
        return set()
    return kept


DOMAIN_IN_RE = re.compile(r"[A-Za-z0-9-]+\.(?:com|net|cn|cc|org|vip|top|me|tv|cm)\b", re.I)
BYLINE_CHROME = ("actions", "share", "counter", "date_line", "credit_line", "meta_line")


def _lead_next_to_body(after: list[str], lead: list[str], title: str = "") -> list[str]:
    """The lead lines that run on into the body: a text-like line with a box of links under it (订手机报，移动发…
    over 推荐, ・ headline × 6) is the site's notice, not the article's opening, unless it tells the headline's
    story (half the headline's words or more: cf英雄角色零属性介绍 over cf全新英雄级女角色零将在…英雄属性…。, w009837,
    whose lead sits over a stray box and a table of contents).

    Evidence: a subtitle or lead sits right above the first paragraph, with bylines or one or two short subheads
    (家屬懷疑送檢標本被偷換) at most between them; three or more other lines are a box. A notice shares no words
    with the headline (东北新闻网首页 / 订东北网彩信手机报…).

    >>> notice = "订东北网彩信手机报，移动发KTDBW到10658333，联通发DBWY到1065566600。"
    >>> _lead_next_to_body([notice, "推荐", "惊艳全球的混血美女", "・ 张馨予被曝曾有婚史"], [notice])
    []
    >>> _lead_next_to_body(["本报记者 张三", "城市更新让老街区焕发新活力，居民生活更便利。"], ["城市更新让老街区焕发新活力，居民生活更便利。"])
    ['城市更新让老街区焕发新活力，居民生活更便利。']
    >>> lead = "cf全新英雄级女角色零将在十二月的新版本中和广大CFer见面，作为第二款英雄角色零拥有强大的英雄属性。"
    >>> _lead_next_to_body([lead, "：", "兰博技能及加点", "兰博出装详解", "目录："], [lead], "cf英雄角色零属性介绍 12月版本全新角色")
    ['cf全新英雄级女角色零将在十二月的新版本中和广大CFer见面，作为第二款英雄角色零拥有强大的英雄属性。']
    >>> _lead_next_to_body([notice, "推荐", "惊艳全球的混血美女", "・ 张馨予被曝曾有婚史"], [notice], "东北新闻网首页")
    []
    """
    keep: list[str] = []
    others = 0
    for ln in reversed(after):
        if ln in lead and (others < 3 or title and _overlap(title, ln) >= 0.5):  # past a box: the headline's story
            keep.append(ln)
        elif ln not in lead and not _is_byline(ln):
            others += 1
    return [ln for ln in lead if ln in keep]


CONTACT_RE = re.compile(r"(?:热线|熱線|电话|電話|邮箱|郵箱|信箱|传真|傳真|QQ|E-?mail|Email)\s*[:：]\s*"
                        r"(?:[A-Za-z0-9_.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|\+?[\d][\d\s()（）-]{5,}\d)")


def after_contacts(line: str) -> str:
    """The headline glued to the site's contact fields before it (记者热线：0771-2083335　编辑热线：…　投稿邮箱：
    x@163.com质检总局：两成半烟花爆竹不合格): what follows the last phone number or address, when the line opens
    with such fields; other lines as they are.

    >>> after_contacts("记者热线：0771-2083335　编辑热线：0771-5690995　投稿邮箱：newgxrx@163.com质检总局：两成半烟花爆竹不合格")
    '质检总局：两成半烟花爆竹不合格'
    >>> after_contacts("报警电话：110 何时能打通"), after_contacts("投稿邮箱：news@example.com")
    ('报警电话：110 何时能打通', '投稿邮箱：news@example.com')
    """
    fields = list(CONTACT_RE.finditer(line))
    if not fields or line[:fields[0].start()].strip(" \u3000\u00a0|") and not re.fullmatch(r"[\u4e00-\u9fff]{0,4}", line[:fields[0].start()].strip()):
        return line
    rest = line[fields[-1].end():].strip(" \u3000\u00a0|")
    return rest if _heading_like(rest) else line


SECTION_RE = re.compile(r"^\s*(?:第[一二三四五六七八九十百\d]{1,3}[日天节幕部分]{1,2}|[一二三四五六七八九十]{1,3}、\S{0,20}|"
                        r"[（(][一二三四五六七八九十]{1,3}[)）]\S{0,20})\s*$")


def section_heading(line: str) -> bool:
    """An ordinal section heading (第一日, 一、历史街区保护面临的主要困境, （一）基本情况): right above the first
    paragraph, it opens the article rather than closing the header.

    >>> section_heading("第一日"), section_heading("一、历史街区保护面临的主要困境"), section_heading("第331章失势")
    (True, True, False)
    """
    return bool(SECTION_RE.match(line)) and not chrome_reason(line)


def _first_subheading(line: str, body: list[str]) -> bool:
    """A short heading right above the first paragraph of an article that has two or more headings of its kind
    between its paragraphs (破解的始末 over a body with 破解的利弊, 从长远来看呢？, 改变从现在开始), sharing the
    body's words: the article's first section heading, not a template label.

    >>> p = "通过第64期的漫谈，我们已经知道PSV之所以变得如此难以攻破，竟然需要黑客们花费将近5年的时光。"
    >>> _first_subheading("破解的始末", [p, p, "破解的利弊", p, "从长远来看呢？", p])
    True
    >>> _first_subheading("破解的始末", [p, p, p]), _first_subheading("产品详情", [p, "破解的利弊", p, "从长远来看呢？", p])
    (False, False)
    """
    inner = [j for j in range(1, len(body) - 1) if subheading_line(body[j]) and is_prose(body[j - 1])
             and is_prose(body[j + 1])]
    return len(inner) >= 2 and subheading_line(line) and _overlap(line, "\n".join(body)) >= 0.5


def subheading_line(s: str) -> bool:
    """A section heading's shape: 3-20 characters with no clause mark (破解的始末, 从长远来看呢？), or two short
    phrases around one comma and no end mark (未来的学校食堂，家长下个APP就能在线围观).

    Evidence: news sites write two-part subheads with a comma; w004322's body has 未来的学校食堂，家长下个APP就能在线围观 and
    每年至少四次抽查学校食堂，配餐学校至少6次 between its paragraphs, and with commas barred no heading of its kind was
    found, so its first subhead (over the first paragraph) was cut from the text. Confuser: a line that reads as a
    sentence (两个逗号 or an end mark: 他说，好的，我们走。) or a lone clause of a list (据了解，目前) is no heading.

    >>> subheading_line("破解的始末"), subheading_line("从长远来看呢？"), subheading_line("未来的学校食堂，家长下个APP就能在线围观")
    (True, True, True)
    >>> subheading_line("他说，好的，明天我们一起走"), subheading_line("据了解，目前"), subheading_line("她大惊，问对方想做什么？")
    (False, False, False)
    """
    if chrome_reason(s) or _is_byline(s):
        return False
    if not re.search(r"[，。；,;：:、]", s):
        return 3 <= len(s) <= 20
    parts = s.split("，")
    return len(parts) == 2 and len(s) <= 26 and all(5 <= len(p) <= 14 and not re.search(r"[。；,;：:、？！?!…]", p)
                                                    for p in parts)


# a forum thread's title line: [草根爆料] 【南宁市…】 [复制链接] (a category tag, the title, the copy-link control)
FORUM_TITLE_RE = re.compile(r"^\s*(?:[\[［][^\]］]{1,10}[\]］]\s*)?(?P<title>\S.{3,79}?)\s*[\[［]复制链接[\]］]\s*$")


FIRST_POST_RE = re.compile(r"^(?:1\s*(?:#|楼|樓|F)|楼主|樓主)(?:\s|$|[:：])")
FORUM_TAG_RE = re.compile(r"^\s*[\[［【][^\]］】]{1,10}[\]］】]\s*(?=\S)")


def first_post_title(header: list[str], text: str) -> str | None:
    """A thread's title from the line right over its first post's label (1# 杨梅工业, 1楼, 楼主), without the
    forum's category tag before it ([高州市资讯]), when it shares words with the post `text`; used only when no
    headline was found otherwise.

    Evidence: w002026, a Discuz thread's mobile view, prints `[高州市资讯] 公司女高管一夜情后回家玩裸聊` over `1# 杨梅工业`
    (floor 1 and its poster) and the post; with no byline, its title was lost. Confuser: a reply's floor label
    (2#, 12楼) is not a first post, and a control over it that shares nothing with the post (电梯直达 over 楼主, on a
    Discuz thread whose title line is elsewhere) is not taken.

    >>> post = "姑娘31岁，是杭州某公司的女高管。一年前，她无意进了一个裸聊QQ群。当晚她玩了一夜情，回杭州后两人便开始了裸聊。"
    >>> first_post_title(["查看全部", "[高州市资讯] 公司女高管一夜情后回家玩裸聊", "1# 杨梅工业", "收藏 3 760"], post)
    '公司女高管一夜情后回家玩裸聊'
    >>> first_post_title(["城市更新让老街区焕发新活力", "12楼 某网友"], post), first_post_title(["电梯直达", "楼主"], post)
    (None, None)
    """
    for i in range(max(1, len(header) - 12), len(header)):
        if FIRST_POST_RE.match(header[i]) and len(header[i]) <= 30:
            above = FORUM_TAG_RE.sub("", header[i - 1])
            if _heading_like(above) and not chrome_reason(above) and not _is_byline(above) \
                    and not SENTENCE_LINE_RE.search(above) and _overlap(above, text) >= 0.2:
                return above
            return None
    return None


LEAD_CLAUSE_RE = re.compile(r"[，。！？；]|[,.!?;](?:\s|$)")  # a clause mark, not the dots of an address
def forum_title(line: str) -> str | None:
    """A forum thread's title from its title line: a category tag, the title, the copy-link control.

    >>> forum_title("[草根爆料] 【南宁市马山县周廘镇某村300余村民遭黑帮堵截围攻砍杀！！！】 [复制链接]")
    '【南宁市马山县周廘镇某村300余村民遭黑帮堵截围攻砍杀！！！】'
    >>> forum_title("复制链接") is None
    True
    """
    m = FORUM_TITLE_RE.match(line)
    return m.group("title") if m else None


CLAUSE_END_RE = re.compile(r"[，。！？；,.!?;]")
BYLINE_RE = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|(?:来源|來源|作者|记者|記者|发布|發布|编辑|編輯|稿源|本文来自|本文來自)\s*[:：]|^(?:作者|记者|記者)\s*[/／]\s*\S{1,12}$"
                       r"|^[【\[(（][^】\]]{0,30}(?:记者|記者|报道|報導|电|電|讯|訊)[】\])）]$"
                       r"|^[\u4e00-\u9fffA-Za-z·]{2,16}(?:供稿|撰稿)$")  # 安森美供稿: a firm's article, credited


def _heading_under_crumb(header: list[str], candidates: list[int], title_idx: int | None) -> int | None:
    """The line right under a breadcrumb when the line picked lower down is only part of it: a field value
    repeating the headline's words (公司 / 南充市安汉中学2016校园招聘 in the rows under the headline
    南充市安汉中学2016校园招聘宣讲会 -绵阳师范学院), not the article's heading.

    >>> h = ["当前位置：应届生求职网 » 我的应届生 » 宣讲会信息", "南充市安汉中学2016校园招聘宣讲会 -绵阳师范学院", "高新校区综合楼307室",
    ...      "公司", "南充市安汉中学2016校园招聘", "来校招聘时间：2016年3月14日上午10点"]
    >>> _heading_under_crumb(h, [1, 2, 3, 4], 4)
    1

    Confuser: a section name under the crumb that the headline contains is not the headline:
    >>> _heading_under_crumb(["首页 > 新闻中心 > 正文", "新闻中心", "新闻中心举办开放日活动", "发布时间：2024-05-06"], [1, 2], 2)
    2

    A box caption made of the headline and a word or two (关键的一枪200字作文概况 over the 作者/班级/字数 rows) is
    not the headline either: the line under the crumb is.
    >>> h = ["当前位置： 作文大全 > 小学作文 > 关键的一枪200字作文 > 正文", "关键的一枪 200字", "关键的一枪200字作文概况",
    ...      "作者：袁妤婷", "班级：小学二年级", "投稿：2014年04月15日 22时03分"]
    >>> _heading_under_crumb(h, [1, 2], 2)
    1
    """
    if title_idx is None:
        return title_idx
    picked = re.sub(r"\s", "", header[title_idx])
    for k in range(title_idx - 1, 0, -1):
        if chrome_reason(header[k - 1]) == "breadcrumb" and k in candidates and _heading_like(header[k]):
            line = re.sub(r"\s", "", header[k])
            if len(picked) >= 6 and picked in line and len(line) > len(picked):
                return k
            parts = [re.sub(r"\s", "", p) for p in crumb_parts(header[k - 1]) or CRUMB_SEP_RE.split(header[k - 1])]
            boxed = picked.startswith(line) and 4 <= len(line) and 2 <= len(picked) - len(line) <= 6 \
                and not re.search(r"\d", picked[len(line):]) and line not in parts
            return k if boxed else title_idx  # 关键的一枪 200字 over a box captioned 关键的一枪200字作文概况
    return title_idx
    return title_idx


def _heading_over_body(header: list[str], candidates: list[int], title_idx: int | None, body: list[str]) -> int | None:
    """The line right above the body when it reads as the article's headline (shares half its words or more) and
    the line picked shares less than half as many (醒報電影院 shares 醒報 only): a template that prints crumb, byline, then the headline over the text
    (醒報電影院 picked above 作者：林宜靜, while 當心選前症候群 醫師提醒健康為重 sits over the first paragraph).

    >>> body = ["【台灣醒報記者林宜靜台北報導】週末就是投票日，選前症候群讓不少人失眠，醫師提醒健康為重。"]
    >>> _heading_over_body(["醒報電影院", "作者：林宜靜", "當心選前症候群 醫師提醒健康為重"], [0, 2], 0, body)
    2
    """
    last = len(header) - 1
    if last < 0 or last not in candidates or title_idx == last or not _heading_like(header[last]) \
            or _is_byline(header[last]) or SENTENCE_LINE_RE.search(header[last]) or caption(header[last]) \
            or key_point(header[last]):
        return title_idx
    text = _opening(body)
    picked = _overlap(header[title_idx], text) if title_idx is not None else 0.0
    mine = _overlap(header[last], text)
    return last if mine >= 0.5 and picked < min(0.3, mine / 2) else title_idx


KEY_POINT_RE = re.compile(r"^\s*[■□●◆◇▲△▶►▪•・]\s*(?=\S)")


def key_point(line: str) -> bool:
    """A bulleted line: one of a story's key points under its headline (■就醫結算“一卡通”爭取從全省延伸到上海), or an item
    of a box; never the headline itself.

    >>> key_point("■人均基本公共衛生服務經費力爭不低于35元"), key_point("无锡新一轮医改即将启动")
    (True, False)
    """
    return bool(KEY_POINT_RE.match(line))


CAPTION_RE = re.compile(r"。\s*[(（](?:资料图|資料圖|图|圖|图片|圖片|摄|攝|[^()（）]{0,12}(?:摄|攝|供图|供圖|图片|圖片))[)）]\s*$")


def caption(line: str) -> bool:
    """A photo's caption between the byline and the text: a sentence closed by a picture mark (范冰冰表态支持韩寒。(资料图),
    …现场。（记者 张三 摄）); a headline ending with (图) has no full stop before it.

    >>> caption("范冰冰表态支持韩寒。(资料图)"), caption("市民在公园里赏花。（记者 张三 摄）"), caption("“兵马俑”坐镇 巧克力梦公园(图)")
    (True, True, False)
    """
    return bool(CAPTION_RE.search(line))


FULL_DATE_RE = re.compile(r"\d{4}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|-\d{1,2}-\d{1,2}|/\d{1,2}/\d{1,2})")
BYLINE_WORD_RE = re.compile(r"本文来源|来源|來源|作者|记者|記者|编辑|編輯|发布|發布|(?:时间|時間|日期)\s*[:：]|稿源|\|")


def _glued_headline(header: list[str], title_idx: int | None, body: list[str]) -> str | None:
    """The headline when the page glued it to its byline (北京PM2.5首入政府工作报告 2012年率先监测2012年01月12日14:52
    法制晚报李洁我要评论): the words before the byline's date, when they read as a headline sharing the body's words
    and the line picked as heading (if any) shares fewer of them.

    >>> body = ["本报讯（记者李洁）市十三届人大五次会议今天上午开幕，北京PM2.5监测首次写入政府工作报告，2012年率先开展。"]
    >>> _glued_headline(["新闻 > 国内新闻 > 正文", "北京PM2.5首入政府工作报告 2012年率先监测2012年01月12日14:52法制晚报李洁"], None, body)
    '北京PM2.5首入政府工作报告 2012年率先监测'
    >>> _glued_headline(["来源：新华网 2012年01月12日14:52"], None, body), _glued_headline(["21世纪网 何漪 2011-12-15"], None, body)
    (None, None)
    >>> _glued_headline(["北京PM2.5首入政府工作报告 2012年率先监测本文来源于《法制晚报》　2012年01月12日"], None, body)
    '北京PM2.5首入政府工作报告 2012年率先监测'
    """
    text = _opening(body)
    for line in reversed(header[-8:]):
        m = FULL_DATE_RE.search(line)
        if not m or len(line) > 120 or is_prose(line):
            continue
        head = line[:m.start()]
        label = BYLINE_WORD_RE.search(head)
        head = head[:label.start()].strip() if label else head.strip()  # …辞职本文来源于《财经网》 2012年01月12日
        if len(head) < 12 or not _heading_like(head) or chrome_reason(head):
            return None  # 21世纪网 何漪 2011-12-15 23:46:41: a site and an author, not a headline
        picked = header[title_idx] if title_idx is not None else ""
        if _overlap(head, text) >= 0.5 and _overlap(head, text) > _overlap(picked, text):
            return head
        return None
    return None


def _byline_date(lines: list[str]) -> str | None:
    """The date of a short line right under the headline when no labelled or date-only line gave one: the site's
    name, its address and the date (大六网 www.ttvvb.com 2013-10-24).

    >>> _byline_date(["大六网 www.ttvvb.com 2013-10-24"]), _byline_date(["2013年10月24日，全国共放映6.6万场，票房累计3220万。"])
    ('2013-10-24', None)
    """
    for ln in lines:
        if len(ln) <= 40 and not is_prose(ln) and not re.search(r"[，。！？；]", ln) and (iso := parse_date(ln)):
            return iso
    return None


CLOCK_RE = re.compile(r"(?:星期|禮拜|礼拜|週|周)[一二三四五六日天]")


def site_clock(line: str) -> bool:
    """A site's clock in its masthead (更多鏈接到醫藥日報 的方式 2012年 01月17日 星期二, 2026年12月7日 星期一 淄博天气):
    today's date with its weekday and no source, author or publish label; it heads no article.

    >>> site_clock("更多鏈接到醫藥日報 的方式 2012年 01月17日 星期二"), site_clock("2026年12月7日 星期一\t淄博天气")
    (True, True)
    >>> site_clock("2012年01月17日 星期二 来源：人民日报"), site_clock("2012-01-17 10:36:43")
    (False, False)
    """
    return bool(CLOCK_RE.search(line)) and not BYLINE_WORD_RE.search(line) and parse_date(line) is not None


AUTHOR_CREDIT_RE = re.compile(r"^\s*(?:作者|文|记者|記者)\s*[/／:：]\s*[\w·•]{1,12}\s*$")  # 作者/蔡骏, 文／李某: a lone signature


def _is_byline(line: str) -> bool:
    """A date, source or reporter line under a headline: 2011年12月09日 20:38, 来源：中广网, 【聯合報╱記者某某／即時報導】,
    or a firm's credit alone on its line (安森美供稿: w008496, a chip maker's article reposted under a vendor's adverts,
    which the credit line sets apart); a sentence asking for articles is no credit.

    >>> _is_byline("安森美供稿"), _is_byline("欢迎各界人士踊跃供稿。"), _is_byline("来源：中广网")
    (True, False, True)
    """
    return len(line) <= 80 and bool(BYLINE_RE.search(line)) and not is_prose(line)


CHAPTER_IN_RE = re.compile(r"第[一二三四五六七八九十百千零〇两\d]+[章回](?:\s|$|[：:\S])")
PAGER_RE = re.compile(r"^\s*第\s*\d+\s*页\s*[/／]\s*共\s*\d+\s*页\s*$")
CHAPTER_RE = re.compile(r"^\s*(?:\d+[.、]\s*)?第[一二三四五六七八九十百千零〇两\d]+[章节回卷篇](?:\s|$|[：:\S])")


def spaced_out(line: str) -> str:
    """A line typed with a space after every character (衞 生 署 呼 籲 停 服) with the spaces taken out; other lines
    as they are.

    Evidence: some Hong Kong sites print Chinese text one character a word; words of two or more Chinese
    characters between spaces are ordinary spacing.

    >>> spaced_out("衞 生 署 呼 籲 停 服 一 種 口 服 胰 島 素 胶 囊"), spaced_out("春節就醫急診無休 門診初五恢復常態")
    ('衞生署呼籲停服一種口服胰島素胶囊', '春節就醫急診無休 門診初五恢復常態')
    """
    tokens = line.split()
    single = [t for t in tokens if len(t) == 1 and "\u4e00" <= t <= "\u9fff"]
    return "".join(tokens) if len(tokens) >= 6 and len(single) >= 0.8 * len(tokens) else line


BULLETED_RE = re.compile(r"^[*+•◦▪‣⁃][ \t\u00a0]+\S")  # a list item (`* 首页`, `• 英雄联盟`), never a headline


def _heading_like(line: str) -> bool:
    """A line that can be a headline: 4-80 characters of words, not a sentence, a label or a link row."""
    s = spaced_out(line.strip())
    words = len(re.findall(r"[\u4e00-\u9fff]", s)) + 2 * len(re.findall(r"[A-Za-z]{2,}", s))
    return (4 <= len(s) <= 80 and words >= 4 and not s.endswith(("：", ":", "。", "，", ">>", "»")) and not BULLETED_RE.match(s)
            and not re.match(r"^(?:https?://|www\.)", s) and len(s.split()) <= 6 and not PAGER_RE.match(s))


def _opening(body: list[str]) -> str:
    """The body's first 1,500 characters: what a heading line's words are looked for in (_overlap)."""
    return "\n".join(body)[:1500]


def _overlap(line: str, text: str) -> float:
    """Share of a line's character bigrams that the body also has (spaced-out lines and bodies read squeezed)."""
    if spaced_out(line) != line:
        line, text = spaced_out(line), re.sub(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])", "", text)
    grams = {run[i:i + 2] for run in re.findall(r"[\u4e00-\u9fff]+", line) for i in range(len(run) - 1)}
    grams |= {w.lower() for w in re.findall(r"[A-Za-z0-9]{3,}", line)}
    if not grams:
        return 0.0
    low = text.lower()
    return sum(g in low for g in grams) / len(grams)


def pick_title_line(header: list[str], candidates: list[int], body: list[str]) -> int | None:
    """The article heading among the header lines: the headline above the byline, else the line that best
    shares the body's words, near the body; never a company name or menu item far above it.

    Evidence: a saved page puts the headline right above its byline block (来源/作者/date lines, counters,
    share controls) and right above the first paragraph; site names, menus and sidebar headlines sit higher
    and share few words with the article.

    >>> pick_title_line(["某某环保科技有限公司", "首页", "城市污水处理厂提标改造完成", "发布时间：2024-05-06"],
    ...                 [0, 2], ["城市污水处理厂提标改造工程日前完成，出水水质稳定达标。"])
    2

    A short literary title signed right under it (作者/蔡骏) heads the piece though its first page never names it;
    an epigraph above it (a sentence) does not:
    >>> pick_title_line(["费尔明娜，我是阿里萨，我找了你二十四年。", "中锋在黎明前复活", "作者/蔡骏", "献给加夫列尔·加西亚·马尔克斯"],
    ...                 [0, 1, 3], ["十九年后，我与李毅大帝重逢。那是2014年夏天的凌晨，我独自步行到包子铺。"])
    1
    """
    usable = [i for i in candidates if _heading_like(header[i]) and not _is_byline(header[i]) and not caption(header[i])
              and not key_point(header[i])]
    if not usable:
        return None
    text = _opening(body)
    window = len(header) - 12
    while window > 0 and len(header[window]) <= 6:
        window -= 1  # reader controls under the byline (字体大小 默认 中等 …, 阅读底色 …) do not push it out of reach
    byline = [i for i in range(len(header)) if i >= window and _is_byline(header[i]) and not site_clock(header[i])]
    if byline:
        first = byline[0]
        above = _above(header, usable, first)
        if first - 1 in above and first >= 2 and chrome_reason(header[first - 2]) == "breadcrumb":
            return first - 1  # breadcrumb, heading, byline: the canonical layout, however short the heading
        if first - 1 in above and AUTHOR_CREDIT_RE.match(header[first]) and not CLAUSE_END_RE.search(header[first - 1]):
            return first - 1  # 中锋在黎明前复活 over 作者/蔡骏: a heading signed right under it, however few words it shares
        # the nearest line above the byline, unless a farther one is clearly the article's (shares its words)
        # the nearest line above the byline that shares the body's words (or is headline-long): a short label
        # sharing nothing with the body is a menu item or a control, not the headline
        fits = [i for i in sorted(above, reverse=True)
                if _overlap(header[i], text) >= 0.15 or len(header[i]) >= 12 or CHAPTER_IN_RE.search(header[i])]
        if fits:
            long = [i for i in fits if len(header[i]) >= 12 and _overlap(header[i], text) >= 0.3]
            # a short tag or column line (人才就业创新) between the headline and its byline is not the headline
            pick = long[0] if len(header[fits[0]]) <= 8 and long else fits[0]
            return _chapter_under_byline(header, usable, first, pick, text)
    near = [i for i in usable if i >= window]
    scored = [(_overlap(header[i], text), i) for i in near]
    good = [(o, i) for o, i in scored if o >= 0.4]
    if good:
        return max(good)[1]
    last = [i for i in near if i >= len(header) - 3]
    if last and (_overlap(header[last[-1]], text) >= 0.2 or CHAPTER_RE.match(header[last[-1]])):
        return last[-1]  # right above the body: a headline sharing its words, or a chapter heading (第12章 …)
    chapter = [i for i in near if CHAPTER_IN_RE.search(header[i])]
    if chapter:
        return chapter[-1]  # 网译版第一卷 第二章 养牛妹的一天 above a pager line
    return _headline_over_far_byline(header, usable, text)


def _chapter_under_byline(header: list[str], usable: list[int], byline: int, pick: int, text: str) -> int:
    """The chapter heading under the byline (第八十二章【美国劫匪真的有枪】 over the chapter's first paragraph) instead of
    `pick`, the line over the byline, when that line shares no word with the text; else `pick`.

    Evidence: w006015, a web-novel chapter reposted on a programmers' forum's template: its 发布时间/来源 lines sit
    under the forum's menu (ActiveX/COM/DCOM), and the chapter heading is the last line over the text. Confuser: a
    regulation whose headline (某某管理办法) shares the text's words keeps it over its 第一章 总则.

    >>> ch = "虽然眼前这个黑人显得很壮实，可是艾一戈却丝毫不怎么担心，他很是自信凭自己的身手放倒这样的一个黑人。"
    >>> head = ["数据库及相关技术", "ActiveX/COM/DCOM", "发布时间：2015-8-13 13:15:52", "来源：分享查询网", "第八十二章【美国劫匪真的有枪】"]
    >>> _chapter_under_byline(head, [0, 1, 4], 2, 1, ch)
    4
    >>> rule = "为加强城市道路停车管理，规范停车秩序，根据有关法律法规，制定本办法。"
    >>> _chapter_under_byline(["某市城市道路停车管理办法", "发布时间：2024-01-02", "第一章 总则"], [0, 2], 1, 0, rule)
    0
    >>> post = "从昨晚到今天中午一直高烧，看手机都恶心。韩文清生日快乐，今年也请好好照顾张新杰。"
    >>> _chapter_under_byline(["♞进群看我卖萌，群号码：548621812", "14 7 2017-03-31", "摇尾巴的狼【2017韩文清生贺】"], [0, 2], 1, 0, post)
    2
    """
    last = len(header) - 1
    if last > byline and last in usable and _overlap(header[pick], text) == 0 and (
            CHAPTER_RE.match(header[last]) or _overlap(header[last], text) >= 0.3):
        return last  # a chapter heading, or a headline sharing the text's words (摇尾巴的狼【2017韩文清生贺】 under
    return pick  # a LOFTER post's date line, w000749, where the line over the date is the blog's bio)


def _headline_over_far_byline(header: list[str], usable: list[int], text: str) -> int | None:
    """The headline right above a dated byline farther up than the usual window, when it shares half the body's
    words or more: a box of links (推荐, ・ headline × 6, 更多精彩图片) between the byline and the text pushes them apart.

    >>> body = "国际在线娱乐报道 本周韩国娱乐圈曝出美女主播视频丑闻，女主播与前男友的视频被人上传到网上，少女时代也爆出猛料。"
    >>> h = ["即时新闻", "女主播视频门 韩版大S炫富 少女时代爆猛料", "http://ent.dbw.cn 2011-12-09 19:08:26", "推荐"]
    >>> _headline_over_far_byline(h + [f"・ 别的明星新闻标题第{i}条" for i in range(12)], [1], body)
    1
    >>> _headline_over_far_byline(h + [f"・ 别的明星新闻标题第{i}条" for i in range(12)], [1], "另一篇文章的正文。")
    """
    for r in range(len(header) - 1, max(0, len(header) - 30), -1):
        if _is_byline(header[r]) and parse_date(header[r]) and r - 1 in usable:
            return r - 1 if _overlap(header[r - 1], text) >= 0.25 else None
    return None


CRUMB_SEP_RE = re.compile(r"\s*(?:>|»|›|＞|〉|&gt;)\s*")
DOUBLED_RE = re.compile(r"^(?P<head>\S.{3,}?)\s*[》»>]\s*(?P=head)$")


def undoubled(tail: str) -> str:
    """A crumb's last part printed twice around a mark (標題》標題: the crumb's own item glued to the headline over
    the text) once; other parts as they are.

    >>> undoubled("吃含過氧化氫食材傷腸胃！教您檢測法》吃含過氧化氫食材傷腸胃！教您檢測法"), undoubled("新聞》財經")
    ('吃含過氧化氫食材傷腸胃！教您檢測法', '新聞》財經')
    """
    m = DOUBLED_RE.match(tail)
    return m.group("head") if m else tail


def crumb_parts(line: str) -> list[str] | None:
    """The parts of a breadcrumb row with no 首页 or 当前位置 label (> 理财 > 理财在线 > 标题, X论坛 » 论坛 › 产品 ›),
    the last one possibly empty; None for other lines.

    >>> crumb_parts("> 理财 > 理财在线 > 庄家是不是亏惨了?"), crumb_parts("论坛 › WPS 产品 › WPS for Windows ›")
    (['理财', '理财在线', '庄家是不是亏惨了?'], ['论坛', 'WPS 产品', 'WPS for Windows', ''])
    >>> crumb_parts("价格 > 3000元"), crumb_parts("A > B")
    (None, None)
    """
    if len(line) > 200 or len(CRUMB_SEP_RE.findall(line)) < 2:
        return None
    parts = CRUMB_SEP_RE.split(line.strip())
    if parts and not parts[0]:
        parts = parts[1:]
    if len(parts) < 3 or any(not p or len(p) > 40 for p in parts[:-1]) or any(re.search(r"\d{3,}元|[。！？]", p) for p in parts[:-1]):
        return None
    return parts


def _crumb_title(header: list[str], candidates: list[int], title_idx: int | None,
                 body: list[str]) -> tuple[int | None, str | None]:
    """A breadcrumb's last part is the article's heading when the heading line picked is missing, is one of the
    crumb's own sections (现代都市 of 小说网 > 现代都市 > 书名 > 第1096章…) or shares less of the body; a crumb that
    ends with its separator (… › WPS for Windows ›) has the heading on the next line.
    Returns (title line index or None, a title taken from inside the crumb or None)."""
    text = _opening(body)
    for k in range(len(header) - 1, -1, -1):
        parts = crumb_parts(header[k])
        if not parts:
            continue
        picked = header[title_idx].strip() if title_idx is not None else ""
        if not parts[-1]:
            nxt = next((i for i in candidates if i > k), None)
            if nxt == k + 1 and _heading_like(header[nxt]) and (title_idx is None or picked in parts or nxt > title_idx):
                return nxt, None
            return title_idx, None
        tail = undoubled(parts[-1])
        same = [i for i in candidates if i > k and header[i].strip() == tail]
        if same and (_heading_like(tail) or re.fullmatch(r"[A-Za-z][\w-]{7,79}", tail)) and (title_idx is None or picked not in tail) \
                and not _category_over_item(header, same[0], title_idx, tail, text):
            return same[0], None  # 论坛 › 数码生活 › 设置路由器 over 设置路由器, … > usechromequicaccessgoogleservice over its slug
        if not _heading_like(tail) or len(tail) < 6:
            return title_idx, None
        if picked != tail and picked.endswith(tail) and picked[:-len(tail)].strip() in parts[:-1]:
            return None, tail  # 我真是大明星 第1096章… under 小说网 > 现代都市 > 我真是大明星 > 第1096章…: the book's name goes
        if title_idx is None or title_idx == k or picked in parts[:-1] or (
                _overlap(tail, text) >= 0.5 and _overlap(picked, text) < _overlap(tail, text) and len(picked) < len(tail)):
            if title_idx is not None and title_idx != k and (picked == tail or tail in picked):
                return title_idx, None
            return None, tail
        return title_idx, None
    return title_idx, None


def _category_over_item(header: list[str], k: int, title_idx: int | None, tail: str, text: str) -> bool:
    """Whether the line repeating a breadcrumb's last part (数控机床 under 首页 > 产品中心 > 数控机床) is a category
    of a product menu above the item's own heading (数控机床, 加工中心, 数控车床, then VMC850立式加工中心).

    Evidence: a catalogue's crumb ends at the category, and the category menu under it repeats that name among
    its siblings (short lines); the product's heading comes below the menu and shares the description's words,
    which the category name does not.

    >>> h = ["首页 > 产品中心 > 数控机床", "数控机床", "加工中心", "数控车床", "VMC850立式加工中心"]
    >>> _category_over_item(h, 1, 4, "数控机床", "VMC850立式加工中心三轴采用台湾上银线性导轨，适用于模具加工。")
    True

    The product's name may hold the category's (CD1型钢丝绳电动葫芦 under 电动葫芦, 桥式起重机, 门式起重机):
    >>> h = ["首页 > 产品中心 > 电动葫芦", "电动葫芦", "桥式起重机", "门式起重机", "CD1型钢丝绳电动葫芦"]
    >>> _category_over_item(h, 1, 4, "电动葫芦", "CD1型钢丝绳电动葫芦是一种小型起重设备，电动葫芦可安装在起重机上。")
    True

    Confuser: a thread's subject repeated under its crumb, with the post's words, stays the heading:
    >>> h = ["论坛 › 数码生活 › 设置路由器", "设置路由器", "大甜菜", "发表于 2008-7-26"]
    >>> _category_over_item(h, 1, 2, "设置路由器", "怎样设置路由器？没找到设置向导哦。")
    False
    """
    if title_idx is None or title_idx <= k + 1:
        return False
    between = header[k + 1:title_idx]
    siblings = [ln for ln in between if len(ln) <= 8 and not CLAUSE_END_RE.search(ln)]
    picked = header[title_idx].strip()
    return bool(siblings) and len(siblings) == len(between) and _overlap(picked, text) >= 0.5 \
        and (_overlap(tail, text) < 0.5 or tail in picked and len(picked) > len(tail))


PAGER_LINE_RE = re.compile(r"上一页|下一页|共\s*\d+\s*页")
PAGE_NO_RE = re.compile(r"\s*[(（]\d{1,2}[)）]\s*$")
PAGE_OF_RE = re.compile(r"\s*[(（]第\s*\d{1,3}\s*(?:[/／]\s*\d{1,3}\s*)?页[)）]\s*$")  # 第三五五章 一团乱麻(第1/3页)
SUFFIX_SEP_RE = re.compile(r"\s+[-–—|]\s*|_|\|")
PREVNEXT_LINK_RE = re.compile(r"^\s*(?:上一篇|下一篇|上一条|下一条|上篇|下篇)\s*[:：]\s*(?P<title>\S.*)$")


def page_title(title: str, lines: list[str]) -> str:
    """The headline without the page's own marks: a page number (标题(2), 标题（4）) when the dump has a pager
    (上一页 1 2 3, 共9页), and a column or site suffix (标题 - 你知道吗) that the titles in the prev/next links
    (上一篇：另一篇 - 你知道吗) end with too: the template's, not the story's.

    >>> pager = ["共9页:", "上一页", "1", "2"]
    >>> page_title('港媒称内地民众不在意首金"迟到" 奥运并非只有奖牌(2)', ["2/2    首页  上一页  1  2  3"])
    '港媒称内地民众不在意首金"迟到" 奥运并非只有奖牌'
    >>> page_title("历届奥斯卡最佳动画短片_90届奥斯卡金像奖最佳动画短片 - 你知道吗(4)", pager + [
    ...     "上一篇：吹口哨的英文歌_开头是吹口哨的英文歌_吹口哨歌曲大全 - 你知道吗", "下一篇：东宫什么时候播出 - 你知道吗"])
    '历届奥斯卡最佳动画短片_90届奥斯卡金像奖最佳动画短片'

    Confusers: a number in brackets with no pager is the story's (十大新闻(3)), and a suffix the prev/next titles
    do not share stays:
    >>> page_title("2016年度十大新闻(3)", ["上一篇：别的新闻"]), page_title("春节档电影 - 票房破纪录", pager + ["下一篇：别的 - 新闻"])
    ('2016年度十大新闻(3)', '春节档电影 - 票房破纪录')

    A mark that says it is a page (第1/3页) goes with no pager (a web novel's chapter split over three pages):
    >>> page_title("第三五五章 一团乱麻(第1/3页)", []), page_title("第三五五章 一团乱麻（第2页）", [])
    ('第三五五章 一团乱麻', '第三五五章 一团乱麻')
    """
    if PAGE_NO_RE.search(title) and any(len(ln) <= 80 and PAGER_LINE_RE.search(ln) for ln in lines):
        title = PAGE_NO_RE.sub("", title)
    title = PAGE_OF_RE.sub("", title) or title  # (第1/3页) names itself a page: no pager needed
    links = [m.group("title") for ln in lines if len(ln) <= 120 and (m := PREVNEXT_LINK_RE.match(ln))]
    seps = list(SUFFIX_SEP_RE.finditer(title))
    if seps and links:
        tail = title[seps[-1].end():].strip()
        head = title[:seps[-1].start()].strip()
        if 2 <= len(tail) <= 12 and len(head) >= 4 and any(
                (ms := list(SUFFIX_SEP_RE.finditer(link))) and link[ms[-1].end():].strip() == tail for link in links):
            title = head
    return title


COLUMN_LABEL_RE = re.compile(r"^\s*[【\[［](?P<label>[^】\]］\s]{2,8})[】\]］]\s*(?P<rest>\S.{3,})$")


def column_label_off(title: str, lines: list[str]) -> str:
    """The headline without a bracketed column label (【公司新闻】X) that the page's own menus name: a line of the
    dump that is the label alone (the column menu: 公司新闻, 行业动态) or a part of a breadcrumb (首页 > 新闻中心 >
    公司新闻). The site prints its column before every headline of it; the column is not the story's.

    >>> menu = ["网站首页", "新闻中心", "公司新闻", "行业动态"]
    >>> column_label_off("【公司新闻】新型周转箱通过国家质检中心检测", menu)
    '新型周转箱通过国家质检中心检测'
    >>> column_label_off("[行业动态] 周转箱标准发布", ["您的位置：首页 > 新闻中心 > 行业动态", "周转箱标准发布"])
    '周转箱标准发布'

    Confusers: a label the page names nowhere else (【独家】, a brand put there by a mirror) stays for the spam
    finder to judge, and so does a label that is only part of a longer line:
    >>> column_label_off("【独家】新型周转箱通过检测", menu), column_label_off("【开云体育】新型周转箱通过检测", ["开云体育88:"])
    ('【独家】新型周转箱通过检测', '【开云体育】新型周转箱通过检测')
    """
    m = COLUMN_LABEL_RE.match(title)
    if not m:
        return title
    label = m.group("label")
    named = any(ln.strip() == label for ln in lines) or any(
        label in (crumb_parts(ln) or [p.strip() for p in CRUMB_SEP_RE.split(ln)] if chrome_reason(ln) == "breadcrumb" else [])
        for ln in lines if len(ln) <= 200)
    return m.group("rest").strip() if named else title


def _chapter_title(line: str) -> str:
    """A chapter heading without the reader's nav label before it (章节目录, 全文): a book's name stays.

    >>> _chapter_title("章节目录 第337章 信任你，冯兆远挑衅"), _chapter_title("我真是大明星 第1096章【这是我男友！】")
    ('第337章 信任你，冯兆远挑衅', '我真是大明星 第1096章【这是我男友！】')

    A book's name set apart by a wide gap after the chapter's goes; a word after a single space stays:
    >>> _chapter_title(" 第八五九章 我来断后\xa0\xa0老兵传奇 "), _chapter_title("第1294章 魔军战火! 一")
    ('第八五九章 我来断后', '第1294章 魔军战火! 一')
    """
    m = re.match(r"^(\S{1,4})\s+(第[一二三四五六七八九十百千零〇两\d]+[章回].*)$", line)
    line = m.group(2) if m and not CHAPTER_IN_RE.search(m.group(1)) else line
    # the book's name set apart after the chapter's (第八五九章 我来断后\xa0\xa0老兵传奇): the site's, not the chapter's
    m = re.match(r"^(第[一二三四五六七八九十百千零〇两\d]+[章回][^\s\u3000]*(?:\s[^\s\u3000]+)*?)"
                 r"(?:[ \u00a0]{2,}|\s*\u3000\s*)([\w·]{2,10})$", line.strip())
    return m.group(1) if m and not CHAPTER_IN_RE.search(m.group(2)) else line


def _above(header: list[str], usable: list[int], first: int) -> list[int]:
    """The four lines above the byline that could head the article; short controls that cannot (收藏, a view
    count, an author handle, 加载中...) do not use up the window.

    >>> _above(["PSV完美破解了 你可能会发现它并不好玩", "TangoDown", "加载中...", "32416", "收藏", "2016-09-12"], [0], 5)
    [0]
    """
    out: list[int] = []
    count, k = 0, first - 1
    while k >= 0 and count < 4:
        if k in usable:
            out.append(k)
        if k in usable or len(header[k]) > 10:
            count += 1
        k -= 1
    return sorted(out)


PAGER_ROW_RE = re.compile(r"^\s*(?:(?:\d+\s*/\s*\d+|首页|尾页|上一页|下一页|共\s*\d+\s*页\s*[:：]?|\d{1,3})\s*)+$"
                          r"|^\s*(?:查看全文|阅读全文|显示全文|点击查看全文)\s*(?:>>|»|\.{3}|…)?\s*$")


# a reader's control with its count (收藏0, 支持0, 我要点赞(0)), and controls that are words alone on their line
CONTROL_COUNT_RE = re.compile(r"(?:收藏|支持|反对|点赞|赞|顶|踩|喜欢|分享|转发|举报|评论)\s*[(（]?\d+[)）]?")
CONTROL_WORDS_RE = re.compile(r"^\s*(?:[\u4e00-\u9fff]{1,4}\s*[:：]\s*)?(?:我要(?:评论|点赞|收藏|分享|举报|纠错)|展开阅读全文|展开全文|"
                              r"查看原文|查看信源地址|查看源网页)\s*(?:(?:>>|»)\s*)?$|^\s*分页\s*[:：](?:\s*\d)*\s*(?:(?:下一页|尾页)\s*)?$")


def control_line(line: str) -> bool:
    """A line of the page's controls under the text, which stays out of the closing lines: counted controls and
    nothing else (收藏0 支持0 反对0, 我要点赞(0)), a control alone on its line (评论： 我要评论, 展开阅读全文,
    查看信源地址), a 分页： row of page numbers.

    Evidence: on the wild-2017 dev dumps these sat right under the text (w003162, w004420, w009425, w006642,
    w002137, w000470) and were kept as its last lines, since a dump has no link markup to tell a control from a
    word. Confuser: a closing sentence that names the action (我要评论一下这个政策。) or a count in prose (支持10万人。)
    says more than the control.

    >>> control_line("收藏0 支持0 反对0"), control_line("我要点赞(0)"), control_line("评论： 我要评论"), control_line("分页： 1 2 3 下一页")
    (True, True, True, True)
    >>> control_line("我要评论一下这个政策。"), control_line("支持10万人。"), control_line("（未完待续。）")
    (False, False, False)
    """
    s = line.strip()
    if len(s) > 30:
        return False
    rest = CONTROL_COUNT_RE.sub("", s)
    if rest != s and not re.sub(r"[\s|｜/·()（）\[\]【】]|我要", "", rest):
        return True
    return bool(CONTROL_WORDS_RE.match(s))


def pager_row(line: str) -> bool:
    """A paged article's controls under its text: page numbers with 上一页/下一页 (1 2 3 4 5 下一页, 2/2 首页 上一页
    1 2 3, 共9页:) or a lone 查看全文 link; a line of numbers alone needs a pager word or two numbers.

    >>> pager_row("1 2 3 4 5 下一页"), pager_row("2/2    首页  上一页  1  2  3"), pager_row("查看全文"), pager_row("共9页:")
    (True, True, True, True)
    >>> pager_row("2016"), pager_row("下一页将介绍第三种方法。"), pager_row("查看全文请订阅本刊")
    (False, False, False)
    """
    s = line.strip()
    if not PAGER_ROW_RE.match(s) or len(s) > 80:
        return False
    return not s.isdigit()


def signed_date(trailer: list[str]) -> str | None:
    """The date a notice is signed with: a line holding only a date among the first three lines under the text
    (某某有限公司办公室 / 2019年1月25日), before any prev/next, related or footer line; used when no labelled date
    was found.

    Evidence: official notices (通知, 公告, 公示) close with the issuer and the date on lines of their own; other
    dates under an article come after a list's heading or inside its rows.

    >>> signed_date(["某某有限公司办公室", "2019年1月25日", "上一篇：关于开展安全生产大检查的通知"])
    '2019-01-25'
    >>> signed_date(["相关新闻", "2019年1月25日"]), signed_date(["某某有限公司办公室", "2019年1月25日发布的规定同时废止。"])
    (None, None)
    >>> signed_date(["[2024-02-28]", "上一篇：别的新闻"]), signed_date(["2024-02-28 星期三"])
    ('2024-02-28', '2024-02-28')
    """
    for ln in trailer[:3]:
        if chrome_reason(ln) == "date_line" and len(ln) <= 20 or trailer_date(ln):
            return parse_date(ln)
        if chrome_reason(ln) or RELATED_RE.match(ln) or BOX_HEADING_RE.match(ln) or len(ln) > 40:
            return None
    return None


def trailer_date(line: str) -> bool:
    """A short line under the text that is a date and little else ([2024-02-28], 2024-02-28 星期三, 2024年2月28日
    来源：新华社): the page's date or byline, not a closing line of the article.

    >>> trailer_date("[2024-02-28]"), trailer_date("2024-02-28 星期三"), trailer_date("2024年2月28日 来源：新华社")
    (True, True, True)
    >>> trailer_date("（记者 张三）"), trailer_date("2月28日，代表们陆续抵京。"), trailer_date("2024年")
    (False, False, False)
    """
    if len(line) > 30 or SENTENCE_LINE_RE.search(line) or re.search(r"[，。]", line):
        return False
    return bool(_mostly_date(line)) or is_meta_line(line) and parse_date(line) is not None


def dated_meta(line: str) -> bool:
    """A labelled date line under the text (更新时间：2018-09-21, 发布日期：2021-03-04 点击：12): the page's meta
    moved below the article by a product template, not a closing line of the article.

    Evidence: a catalogue's product page prints its fields (更新时间, 发布时间, 浏览次数) under the description;
    a short closing line of the article ((记者 张三), 2016年5月) carries no `label：` field with a date.

    >>> dated_meta("更新时间：2018-09-21"), dated_meta("发布日期：2021-03-04  点击：12次")
    (True, True)
    >>> dated_meta("（记者 张三）"), dated_meta("2016年5月10日"), dated_meta("更新时间：每周一上午更新，敬请关注。")
    (False, False, False)
    """
    return len(line) <= 60 and is_meta_line(line) and bool(DATED_LABEL_RE.search(line)) and parse_date(line) is not None


DATED_LABEL_RE = re.compile(r"(?:时间|時間|日期|发布|發布|更新|发表|發表)\s*(?:时间|日期)?\s*[:：]\s*\d{2,4}")


LETTER_CLOSE_RE = re.compile(r"^\s*(?:此致|敬礼|此致\s*敬礼)\s*[!！。]?\s*$")
SIGNATURE_RE = re.compile(r"^\s*(?:(?:申请人|申請人|汇报人|彙報人|报告人|署名|学生|學生)\s*[:：]\s*\S{1,20}"
                          r"|[\d*＊xX×]{2,4}\s*年\s*[\d*＊xX×]{1,2}\s*月\s*[\d*＊xX×]{1,2}\s*日)\s*$")


def letter_close(trailer: list[str]) -> int:
    """How many lines under the text close a letter (an application, a report to the Party, a thank-you note):
    the complimentary close (此致 / 敬礼!) and the signature under it (申请人：X, 20**年**月**日, placeholders and
    all). 0 when the first lines under the text are no such close.

    Evidence: a Chinese letter ends with 此致 and 敬礼 on lines of their own, then the writer and the date; the
    lines belong to the text a reader copies, while the box under them (您可能感兴趣的文章：) does not.

    >>> letter_close(["请党组织在实践中考验我。", "此致", "敬礼!", "申请人：YJBYS", "20**年**月**日", "您可能感兴趣的文章：",
    ...               "1.毕业大学生入党申请书范文2016"])
    5
    >>> letter_close(["相关文章", "此致敬礼的由来"]), letter_close(["敬礼!", "上一篇：别的"])
    (0, 1)
    """
    j = 0
    while j < min(2, len(trailer)) and SENTENCE_LINE_RE.search(trailer[j]) and not chrome_reason(trailer[j]) \
            and not LETTER_CLOSE_RE.match(trailer[j]):
        j += 1  # the letter's last sentences (请党组织在实践中考验我。) over the close
    k = j
    while k < min(j + 2, len(trailer)) and LETTER_CLOSE_RE.match(trailer[k]):
        k += 1
    if k == j:
        return 0
    while k < len(trailer) and SIGNATURE_RE.match(trailer[k]):
        k += 1
    return k


def _lines_over_tags(trailer: list[str], reasons: list[str | None], most: int = 6) -> int:
    """How many of the lines under the text are the article's own, because its keyword line (Tags：…, 关键词：…)
    follows them: at most `most` lines, none of them chrome, a box heading or a control, the last of them or one
    before it introducing what follows (…可参考下面这篇文章：) or closing a clause. 0 when there is no such line.

    Evidence: the keyword line is printed right under the article it tags; w008040's last four lines (a download
    link's label, 教程可参考下面这篇文章：, that post's title, 更多教程见…论坛) sat over Tags：… and were cut as a box
    of short headlines. Confuser: a box of headlines with no such lead-in line over the tags (four short titles)
    stays a box, and a box heading (相关文章) between text and tags stops it.

    >>> t = ["英雄联盟英文版下载链接【在云电脑里下载哦】", "LiquidSky云游戏玩英雄联盟教程可参考下面这篇文章：",
    ...      "手机上使用云游戏LiquidSky软件玩国服英雄联盟LOL教程", "更多教程见LiquidSky中文网论坛", "Tags：英雄联盟比赛，英雄联盟赛事"]
    >>> _lines_over_tags(t, [None] * 4 + ["tags"]), _lines_over_tags(t[2:], [None] * 2 + ["tags"])
    (4, 0)
    """
    at = next((i for i, r in enumerate(reasons[:most + 1]) if r == "tags"), None)
    if not at or any(reasons[:at]):
        return 0
    lead_in = any(re.search(r"[:：，,；;]\s*$", ln) and len(re.findall(r"[\u4e00-\u9fff]", ln)) >= 6 for ln in trailer[:at])
    return at if lead_in else 0


def _read_trailer(trailer: list[str], draft: Draft) -> list[str]:
    """Prev/next links go to the slots, up to three short closing lines stay, the rest is footer.

    Four or more short lines with nothing to name them right under the text are a box of cut-off headlines (Cell,
    说明庄家在继续出货, …), not closing lines: only the sentences that open it (不知道解释的是否理解!) stay.

    >>> d = Draft()
    >>> _read_trailer(["（记者 张三）", "责任编辑：李四", "版权所有 © 某站"], d), _read_trailer(["Cell", "说明庄家在继续出货",
    ...               "今日8月份的最后一个交易日", "必然是庄家大量出货的", "版权所有 © 某站"], d)
    (['（记者 张三）'], [])
    >>> _read_trailer(["不知道解释的是否理解!", "【外网怎么访问局域网】相关文章", "要怎么查询局域网IP所在的网段的方法",
    ...                "WIN7怎么创建无线局域网的方法"], d)
    ['不知道解释的是否理解!']
    """
    letter = letter_close(trailer)  # 此致 / 敬礼! / 申请人：X / date: the letter's own last lines
    if letter:  # nothing under the signature is the letter's: what the rules below would keep goes too
        draft.removed += [Removal("trailer", ln, "trailer_line") for ln in _read_trailer(trailer[letter:], draft)]
        return trailer[:letter]
    keep: list[str] = []
    # over a chapter's nav row, the site's prompts to the reader (加入书架, 手机用户可访问…) and author's notes
    nav = next((i for i, ln in enumerate(trailer[:8]) if len(ln) <= 80 and CHAPTER_NAV_RE.search(ln)), 0)
    reasons = [chrome_reason(ln) or ("related_links" if RELATED_RE.match(ln) or BOX_HEADING_RE.match(ln) else None)
               or ("share" if share_bar(ln) else None) or ("author_note" if AUTHOR_NOTE_RE.match(ln) else None)
               or ("tags" if TAGS_LINE_RE.match(ln) else None) or ("counter" if re.fullmatch(r"[\d\s<>«»|/]+", ln) else None)
               or ("reader_prompt" if i < nav and _reader_prompt(ln) else None) or ("pager" if pager_row(ln) else None)
               or ("meta_line" if dated_meta(ln) or trailer_date(ln) else None)
               or ("comments" if comment_rows(trailer, i) else None) or ("actions" if control_line(ln) else None)
               for i, ln in enumerate(trailer)]
    boxed = len(trailer) >= 4 and all(not r and len(ln) <= 40 for r, ln in zip(reasons[:4], trailer[:4], strict=True))
    tagged = _lines_over_tags(trailer, reasons)
    stopped = False
    for i, (ln, reason) in enumerate(zip(trailer, reasons, strict=True)):
        if i < tagged:  # the article's own last lines, over its keyword line
            keep.append(ln)
            continue
        stopped = stopped or boxed and not SENTENCE_LINE_RE.search(ln)
        if reason == "prevnext" or len(ln) <= 40:  # prev/next and 热门推荐 rows: slots brands are put in
            draft.slots.prevnext.append(ln)
        if reason or stopped or len(keep) >= 3 or len(ln) > 40:
            stopped = True
            draft.removed.append(Removal("trailer", ln, reason or "trailer_line"))
        else:
            keep.append(ln)
    return keep
