"""A dump's lines in one shape, whatever tool wrote it: list, heading and table notation off, split fields rejoined.

Text dumps come from many tools. A browser's innerText gives a block a line and a table row as tab-separated
cells; a Markdown converter marks headings (`# 标题`), list items (`* 首页`), bold (`**来源：**`) and tables
(`a | b` over `---|---`); a text browser draws list bullets (`• 首页`) and table borders (`│ a │ b │`,
`├──┼──┤`); a scraper's ``get_text("\\n")`` prints one text node a line, so a field's label and its value
(`来源:` / `腾讯动漫`) and a sentence around a number in its own tag (`该试验一共` / `19` / `名受试对象`) fall
apart. `undress` turns each notation into the plain shape the rest of cleaners/textdump.py reads. Every rule
reads a notation that many tools share (Markdown, box drawing, bullets) or the shape of the line itself, never
a tool's name.
"""

from __future__ import annotations

import re

from cleaners.chrome import chrome_reason

HEADING_MARK_RE = re.compile(r"^#{1,6}[ \t]+(?=\S)")  # Markdown ATX heading: `## 标题`
CLOSING_MARK_RE = re.compile(r"(?<=\S)[ \t]+#{1,6}[ \t]*$")  # `## 标题 ##`
STRONG_RE = re.compile(r"(?<!\*)\*\*(?!\*)")  # bold, not a run of stars
# a bold span: `**` opening before a non-space (`Ni** My**`, censored names, is no span); html2text may put a
# space before the closing `**` (`**一、学校介绍 **`)
STRONG_SPAN_RE = re.compile(r"(?<!\*)\*\*(?=[^\s*])(?P<inner>.*?[^\s*])[ \t]*\*\*(?!\*)")
EM_RE = re.compile(r"(?<![^\s(（【\[])_(?=\S)(?P<inner>[^_\n]*?[^_\s])_(?=$|[\s,.:;!?，。：；！？)）】\]|])")
EMPTY_EM_RE = re.compile(r"(?:^|(?<=\s))__(?=_?[^_\s])")  # an empty <i></i> (an icon) as Markdown: `__admin`, `___回复_`
TABLE_RULE_RE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?$")  # Markdown: ---|---|--- (stripped)
BOX_CHARS = frozenset("─━┄┈┌┐└┘├┤┬┴┼═║╔╗╚╝╠╣╦╩╬╒╕╘╛╞╡╤╧╪╓╖╙╜╟╢╥╨╫+=- \t")
BOX_CORE = frozenset("─━═┼┬┴├┤")  # a rule has a line or a joint, not only + = -
BOX_SEP_RE = re.compile(r"[│┃║]")
# four spaces or more between words: a text browser's table cells side by side (a browser's innerText collapses
# runs of spaces; a ticker's wide gaps are no-break or ideographic spaces)
COLUMN_GAP_RE = re.compile(r"(?<=\S) {4,}(?=\S)")
FIELD_LABEL_RE = re.compile(r"^[\u4e00-\u9fff]{2,6}\s*[:：]$")  # `来源:` alone on its line
DATE_VALUE_RE = re.compile(r"^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")  # a date is never a box's headline
CONTINUATION_RE = re.compile(r"^[，。、；！？）】」』,;!?)]")  # a sentence's rest (not ”, which some pages open quotes with)
# a number or a Latin word in a tag of its own: 8000, 1.5, 30%, ATC, II; never a list mark (264.)
TOKEN_RE = re.compile(r"^(?:\d{1,9}(?:[.,]\d+)?[%％]?|[A-Za-z][A-Za-z0-9\-]{0,11})$")
END_MARK_RE = re.compile(r"[。！？；]$")
RANK_RE = re.compile(r"^\d{1,2}$")  # a box's rank (1, 2, 3 over each headline), never a sentence's opening
CJK_END_RE = re.compile(r"[\u4e00-\u9fff]$")
CJK_START_RE = re.compile(r"^[\u4e00-\u9fff]")
CLAUSE_RE = re.compile(r"[，。！？；]")
# an image's name in brackets where the image was (`[05hzxw_pic015]`, `[index09 logo]`, `[out_7]`): Latin words, a
# letter next to a digit, five characters or more; never a date (`[2024-02-28]`), a citation (`[G3]`, `[Al Maidah 2]`)
# or a wiki link (`[[Roberto_Rossellini]]`). A line of two or more one-word names (`[BPPA_logo] [banner]`) goes
# whole; one name in brackets (`[Engadget]`, a source) stays
PLACEHOLDER_RE = re.compile(r"(?<!\[)\[(?=[^\]]{0,60}(?:[A-Za-z][_\-]?\d|\d[_\-]?[A-Za-z]))(?=[^\]]{5})"
                            r"[A-Za-z0-9_.\-]{1,40}(?: [A-Za-z0-9_.\-]{1,40}){0,4}\](?!\])")
# an embedded object (a Flash movie, a video) that a text browser names by its address alone on a line
# (`embed(/awakening/swf/anngrouplogo.swf)`, `embed(http://www.youtube.com/v/TAhTPILwNKM?hl=zh&rel=0)`): no text, and
# no headline. A call in a program's listing has arguments, not one bare address (`print(x)`, `open("/etc/x")`)
OBJECT_LINE_RE = re.compile(r"^[A-Za-z]{3,10}\((?:[A-Za-z]+:)?/{1,2}[^\s()\"']+\)$")
PLACEHOLDER_LINE_RE = re.compile(r"^\s*\[[A-Za-z][\w.\-]{0,30}\](?:\s*\[[A-Za-z][\w.\-]{0,30}\])+\s*$", re.ASCII)


def undecorate(line: str) -> str:
    """A line without its heading notation and balanced bold spans. A list bullet (`* 首页`) stays: it is evidence
    of a list item (cleaners.chrome.drop_link_lists reads it; `_heading_like` takes no bulleted headline), and some
    texts print it. A line with no notation is returned as it is (its indent and trailing tabs are evidence too);
    runs of stars or underscores (a censored word `找****来` or `Ni** My**`, a blank `_______`, a form's
    `20**年**月**日`) are text.

    >>> undecorate("## 摇尾巴的狼【2017韩文清生贺】"), undecorate("* 南充市安汉中学2016校园招聘"), undecorate("– Ni** My**")
    ('摇尾巴的狼【2017韩文清生贺】', '* 南充市安汉中学2016校园招聘', '– Ni** My**')
    >>> undecorate("**一、学校介绍 **"), undecorate("**射程：** 70"), undecorate("20**年**月**日"), undecorate("_发表于 2014-10-10 14:05_ |只看该作者")
    ('一、学校介绍', '射程： 70', '20**年**月**日', '发表于 2014-10-10 14:05 |只看该作者')
    >>> undecorate("__百科收藏 __admin __10年前 (2007-08-15)"), undecorate("2011-5-19 11:58:39 ___回复_ ___赞_")
    ('百科收藏 admin 10年前 (2007-08-15)', '2011-5-19 11:58:39 回复 赞')
    >>> undecorate("[BPPA_logo] [banner]"), undecorate("[05hzxw_pic015] 图为假西洋参"), undecorate("[2024-02-28]")
    ('', '图为假西洋参', '[2024-02-28]')
    >>> undecorate("embed(/awakening/swf/anngrouplogo.swf)"), undecorate('open("/etc/hosts")'), undecorate("f(/a/b)c")
    ('', 'open("/etc/hosts")', 'f(/a/b)c')
    >>> undecorate("[Engadget]"), undecorate("…更接近虔诚…” [Al Maidah: 8]")
    ('[Engadget]', '…更接近虔诚…” [Al Maidah: 8]')
    >>> undecorate("#话题# 不是标题"), undecorate("- 保证每个月提交 2 篇"), undecorate("找****来，他也懵了、")
    ('#话题# 不是标题', '- 保证每个月提交 2 篇', '找****来，他也懵了、')
    """
    lead = line[:len(line) - len(line.lstrip())]
    s = line.strip()
    t = CLOSING_MARK_RE.sub("", HEADING_MARK_RE.sub("", s)) if HEADING_MARK_RE.match(s) else s
    if len(STRONG_RE.findall(t)) % 2 == 0:
        t = STRONG_SPAN_RE.sub(lambda m: m.group(0) if _glued(m) else m.group("inner"), t)
    t = EMPTY_EM_RE.sub("", t)
    t = EM_RE.sub(lambda m: m.group("inner"), t)
    t = "" if PLACEHOLDER_LINE_RE.match(t) or OBJECT_LINE_RE.match(t) else PLACEHOLDER_RE.sub("", t).strip()
    return line if t == s else lead + t


def _glued(m: re.Match[str]) -> bool:
    """Whether a `**…**` pair sits between Chinese characters on both sides: two masks of a filtered name (邓**在…
    习**主席), which cleaners.censor reads, more than bold (a converter's bold opens a line or a label: **来源：**).

    >>> undecorate("1982年，邓**在人民大会堂会见英国首相，习**主席出席。"), undecorate("这是**重点**内容")
    ('1982年，邓**在人民大会堂会见英国首相，习**主席出席。', '这是**重点**内容')
    """
    s, a, b = m.string, m.start(), m.end()
    return 0 < a and b < len(s) and "\u4e00" <= s[a - 1] <= "\u9fff" and "\u4e00" <= s[b] <= "\u9fff"


def _cells(line: str, sep: re.Pattern[str]) -> str:
    """A table row as the tab-separated cells a browser gives (empty cells dropped)."""
    return "\t".join(c.strip() for c in sep.split(line) if c.strip())


def table_rows(lines: list[str]) -> list[str]:
    """`table_rows_at` without the line numbers."""
    return [ln for _, ln in table_rows_at(lines)]


def table_rows_at(lines: list[str]) -> list[tuple[int, str]]:
    """Markdown tables (a `---|---` rule under the header row) and box-drawn ones (`│ a │ b │`, `├──┼──┤`) as
    tab-separated rows; the rules go. A row of pipes with no rule under a header is a menu (`首页 | 新闻`) and
    stays.

    Each row comes with the number of the line it was printed on (a rule line gives none).

    >>> table_rows(["序号 | 时间 | 内容", "---|---|---", "1 | 3月 | 报名", "正文。"])
    ['序号\\t时间\\t内容', '1\\t3月\\t报名', '正文。']
    >>> table_rows_at(["┌──┬──┐", "│ 序号 │ 工作阶段 │", "├──┼──┤", "首页 | 新闻"])
    [(1, '序号\\t工作阶段'), (3, '首页 | 新闻')]
    """
    out: list[tuple[int, str]] = []
    in_table = False
    for k, ln in enumerate(lines):
        if TABLE_RULE_RE.match(ln.strip()):
            if out and "|" in out[-1][1] and not in_table:
                out[-1] = (out[-1][0], _cells(out[-1][1], re.compile(r"\|")))
            in_table = True
            continue
        if in_table and "|" in ln:
            out.append((k, _cells(ln, re.compile(r"\|"))))
            continue
        in_table = False
        if len(ln.strip()) >= 3 and set(ln.strip()) <= BOX_CHARS and BOX_CORE & set(ln):  # ├──┼──┤
            continue
        if len(BOX_SEP_RE.findall(ln)) >= 2:
            out.append((k, _cells(ln, BOX_SEP_RE)))
            continue
        if COLUMN_GAP_RE.search(ln.strip()):  # cells laid side by side, padded with spaces
            out.append((k, _cells(ln, COLUMN_GAP_RE)))
            continue
        out.append((k, ln))
    return out


def rejoin_fragments(lines: list[str]) -> list[str]:
    """Lines that one text node a line split apart, joined again: a field block printed one label and one value
    a line (`发布:` / `圣骑士` / `来源:` / `腾讯动漫`: two such pairs in a row at least, or a label over a date; one
    lone label over a line is a box's heading, `相关新闻：` over a headline), a line that opens with a clause mark
    (`，顺利开展…`: no line starts so but a sentence's rest), and a number alone between the two halves of its
    sentence (`_join_numbers`). Blank lines inside a pair go.

    >>> rejoin_fragments(["发布:", "圣骑士", "来源:", "", "腾讯动漫", "时间:", "2015-05-12 09:33:49"])
    ['发布:圣骑士', '来源:腾讯动漫', '时间:2015-05-12 09:33:49']
    >>> rejoin_fragments(["使命召唤ol武器介绍：AK-47突击步枪", "发布时间：", "2016-12-02 16:12", "0", "人参与"])[:2]
    ['使命召唤ol武器介绍：AK-47突击步枪', '发布时间：2016-12-02 16:12']
    >>> rejoin_fragments(["相关新闻：", "格兰仕三遇产品不合格", "格兰仕回应虚标门"])
    ['相关新闻：', '格兰仕三遇产品不合格', '格兰仕回应虚标门']
    >>> rejoin_fragments(["为宣传贯彻新条例", "，顺利开展工作。"])
    ['为宣传贯彻新条例，顺利开展工作。']
    >>> rejoin_fragments(["结果令人失望。该试验一共", "19", "名受试对象，没有一名显示疗效。"])
    ['结果令人失望。该试验一共19名受试对象，没有一名显示疗效。']
    >>> rejoin_fragments(["上一页", "1", "2", "下一页"]), rejoin_fragments(["阅读", "2056", "标签"])
    (['上一页', '1', '2', '下一页'], ['阅读', '2056', '标签'])
    """
    full = [i for i, ln in enumerate(lines) if ln.strip()]
    pairs = {k for k in range(len(full) - 1) if FIELD_LABEL_RE.match(lines[full[k]].strip())
             and not FIELD_LABEL_RE.match(lines[full[k + 1]].strip()) and len(lines[full[k + 1]].strip()) <= 40}
    paired = {k for k in pairs if k - 2 in pairs or k + 2 in pairs or DATE_VALUE_RE.match(lines[full[k + 1]].strip())}
    values = {full[k + 1] for k in paired}
    between = {i for k in paired for i in range(full[k] + 1, full[k + 1])}  # blank lines inside a pair
    out: list[str] = []
    last = -1  # where out's last non-blank line is
    for i, ln in enumerate(lines):
        s = ln.strip()
        if not s:
            if i not in between:
                out.append(ln)
            continue
        if last >= 0 and (i in values or CONTINUATION_RE.match(s)):
            out[last:] = [out[last].rstrip() + s]
            continue
        out.append(ln)
        last = len(out) - 1
    return _join_numbers(out)



def _join_numbers(lines: list[str]) -> list[str]:
    """A number or a Latin word alone on its line (its own tag: `8000`, `2009`, `ATC`, `II`) before a line that
    opens with a Chinese character: after a line ending in one, the three are one sentence when either side holds a
    clause; after a sentence's end (`。`, `；`), the word opens the next line's sentence when that line is prose.
    Never before a menu or box label (`TOP` / `最新文章` under an article is a control and a box).

    >>> _join_numbers(["但是，最近一项关于帕唑帕尼单药治疗", "ATC", "的多中心", "II", "期临床试验的结果令人失望。"])
    ['但是，最近一项关于帕唑帕尼单药治疗ATC的多中心II期临床试验的结果令人失望。']
    >>> _join_numbers(["发展。", "2010", "年被腾讯网评为“十佳网络学院”；"]), _join_numbers(["热门", "NBA", "新闻中心"])
    (['发展。', '2010年被腾讯网评为“十佳网络学院”；'], ['热门', 'NBA', '新闻中心'])
    >>> _join_numbers(["过年聚会请留意这5类人！", "2", "他到底爱不爱你？只要一招就知道了~"])[1]
    '2'
    """
    out: list[str] = []
    i = 0
    while i < len(lines):
        s = lines[i].strip()
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if out and TOKEN_RE.match(s) and CJK_START_RE.match(nxt) and not chrome_reason(nxt):  # 唤醒了 / TOP / 最新文章
            prev = out[-1].rstrip()
            if CJK_END_RE.search(prev) and (CLAUSE_RE.search(prev) or CLAUSE_RE.search(nxt)):
                out[-1] = prev + s + nxt
                i += 2
                continue
            if END_MARK_RE.search(prev) and CLAUSE_RE.search(nxt) and not RANK_RE.match(s):  # 1 / 标题 / 2 / 标题
                out.append(s + nxt)
                i += 2
                continue
        out.append(lines[i])
        i += 1
    return out


def undress(lines: list[str]) -> list[str]:
    """The dump's lines in the shape cleaners/textdump.py reads (see the module's docstring)."""
    return rejoin_fragments(table_rows([undecorate(ln) for ln in lines]))


def undress_at(lines: list[str]) -> tuple[list[str], list[int]]:
    """`undress`, and for each line it gives before `rejoin_fragments` the number of the input line it was read
    from (undecorating and table rows change a line, never join two). `source_spans` carries the numbers through
    the joins that follow."""
    rows = table_rows_at([undecorate(ln) for ln in lines])
    return [ln for _, ln in rows], [k for k, _ in rows]


_SQUEEZE_RE = re.compile(r"[\s\ufeff\u200b]+")


def _squeezed(line: str) -> str:
    return _SQUEEZE_RE.sub("", line)


def source_spans(before: list[str], after: list[str]) -> list[tuple[int, int] | None]:
    """For each line of `after` (lines of `before` joined in order, with line ends and indents trimmed and spaces
    put between: a wrapped paragraph, a field split over two lines), the first and last line of `before` it was
    made of; None for a blank line or one whose characters do not follow the lines of `before` (a join that also
    changed a character). The spans never overlap, so every line can be quoted from the input as it was.

    >>> source_spans(["发布:", "", "圣骑士", "正文第一行，", "  第二行。"], ["发布:圣骑士", "", "正文第一行，第二行。"])
    [(0, 2), None, (3, 4)]
    >>> source_spans(["a", "b"], ["a", "x"])
    [(0, 0), None]
    """
    keys = [_squeezed(ln) for ln in before]
    out: list[tuple[int, int] | None] = []
    at = 0
    for ln in after:
        want = _squeezed(ln)
        span = None
        for first in range(at, min(len(keys), at + 50)) if want else ():  # past a line that did not align
            if not keys[first] or not want.startswith(keys[first]):
                continue
            k, got = first, 0  # how much of `want` the lines first .. k-1 make
            while k < len(keys) and got < len(want) and want.startswith(keys[k], got):
                got += len(keys[k])
                k += 1
            if got == len(want):
                span = (first, k - 1)
                at = k
                break
        out.append(span)
    return out
