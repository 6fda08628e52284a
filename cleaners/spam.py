"""Find injected gambling-SEO brands and remove them from a title and paragraphs.

Evidence, strongest first (see docs/spam.md for where each rule comes from):

1. Pattern families: a name + a category word (体育/娱乐/电竞/棋牌/彩票/国际 …) + an access suffix
   (官方app下载/官网入口/登录入口/(中国)官方网站/网页版/app下载手机版 …). A brand no list has seen still
   has this shape, because it is written to match what gamblers type into a search engine.
2. Position: the same string in two or more injection slots (title prefix `X:`, title suffix `_X`, a
   【X】 wrapper, the source line 来源:X, the first body line `X88:`, meta keywords, prev/next links),
   while the article itself never mentions it.
3. A small curated list of known brands (cleaners/data/brands.txt), only as a supplement to 2.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import islice

from cleaners.record import Removal

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Traditional forms of the characters in the word lists below (Big5/HK/TW mirrors: 娛樂城, 官網入口, 體育).
# Simplified -> Traditional for the characters of the patterns here, the topic words (cleaners/data/spam_topics.txt)
# and the curated brands whose Traditional form differs: OpenCC's s2t table (Apache-2.0), character by character,
# so that a Taiwanese or Hong Kong page's 娛樂城, 賭場, 百家樂 are read as their Simplified forms are.
_TRADITIONAL = str.maketrans(
    "体娱乐电竞戏游艺视讯鱼现网国际载录册页户线机陆应门万业乱云亚优会伟传伦儿兰减凯办动华历发台听团围场壮婴学宝尔岛开扑挂斗"
    "无时枪欧毕气爱猎痫癣癫盘码窃约级练药誉证试货赌赛车轮运钱钻银阳韦频风黄龙",
    "體娛樂電競戲遊藝視訊魚現網國際載錄冊頁戶線機陸應門萬業亂雲亞優會偉傳倫兒蘭減凱辦動華歷發臺聽團圍場壯嬰學寶爾島開撲掛鬥"
    "無時槍歐畢氣愛獵癇癬癲盤碼竊約級練藥譽證試貨賭賽車輪運錢鑽銀陽韋頻風黃龍")


def traditional(text: str) -> str:
    """The Traditional form of a list word (the characters above).

    >>> traditional("澳门赌场"), traditional("百家乐开户"), traditional("注册送彩金")
    ('澳門賭場', '百家樂開戶', '註冊送彩金')
    """
    return text.translate(_TRADITIONAL).replace("注冊", "註冊")


def _with_traditional(words: str) -> str:
    """An alternation plus the Traditional form of each word (appended in the same order).

    >>> _with_traditional("体育|官网入口|注册登录|彩票")
    '体育|官网入口|注册登录|彩票|體育|官網入口|註冊登錄'
    """
    parts = words.split("|")
    extra = [traditional(p) for p in parts]
    return "|".join(dict.fromkeys(parts + [e for e, p in zip(extra, parts, strict=True) if e != p]))


CATEGORY = (
    "体育|娱乐|电竞|棋牌|彩票|真人|电子游戏|电子|游戏|竞技|游艺|视讯|捕鱼|娱乐城|现金网|博彩|国际|"
    "sports|casino"
)
CATEGORY = _with_traditional(CATEGORY)
STRONG_SUFFIX = (
    "官方app下载|官方APP下载|官方app|app下载手机版|APP下载手机版|手机版app下载|app手机版|官网app下载|"
    "app官方下载|app官网下载|app官网|APP官网|官网入口|官网登录入口|官网登陆入口|登录入口|登陆入口|官方登录入口|"
    "官网首页|官方网页版|网页版登录入口|网页版|手机网页版|在线登录|官方入口|注册入口|平台官网|最新网址|官网下载|"
    "客户端下载|app下载|APP下载|官方下载|官网平台|官方平台|注册登录|在线官网|官方版|官网版|官网|官方网站"
)
STRONG_SUFFIX = _with_traditional(STRONG_SUFFIX)
# Categories that ordinary company names also use (华夏国际, X电子, X游戏) need a strong suffix.
STRONG_CATEGORY_RE = re.compile(_with_traditional("体育|娱乐|电竞|棋牌|彩票|真人|视讯|捕鱼|现金网|博彩|sports|casino"), re.I)
# Words that follow a known brand in injected phrases but are ordinary words on their own (买球鞋, 中文版).
TAIL = "中文版|买球|投注|下注|开户|注册|平台|网址|手机版|官网版|最新版"
# Suffixes that only say "official site": too common in ordinary text to count without a category word.
WEAK_SUFFIXES = {"官网", "官方网站", "官網", "官方網站"}
CHINA_TAG = r"(?:[·・\s]?[\(（]中[国國][\)）]|中[国國](?=官方|官网|官網))"
# A latin alias joined to a Chinese name: 乐鱼·leyu, 爱游戏(ayx), 华体会HTH, 米乐m6.
ALIAS = r"(?:[·・]?[A-Za-z][A-Za-z0-9]{1,9}|[\(（][A-Za-z0-9]{2,10}[\)）])"
NAME = rf"(?:[0-9]{{0,4}}[{CJK}]{{1,4}}|[A-Za-z][A-Za-z0-9]{{1,14}}(?:[·・][{CJK}]{{2,4}})?)"
# A name, an optional category, alias and (中国) tag, one or more access suffixes, trailing digits.
# A call to action glued to an injected brand: 金玺娱乐【点击进入】, X体育官网入口【立即进入】.
CTA = r"[【\[]?(?:点击进入|點擊進入|立即进入|立即進入|点击注册|立即注册|進入官網|进入官网|点击下载|立即下载)[】\]]?"
FAMILY_RE = re.compile(
    rf"(?P<name>{NAME})(?P<cat>{CATEGORY})?(?P<alias>{ALIAS})?(?P<tag>{CHINA_TAG})?(?P<cat2>{CATEGORY})?[·・\-–—_]?"
    rf"(?P<suffix>(?:{STRONG_SUFFIX})(?:{STRONG_SUFFIX}|登录|登陆|登錄|注册|註冊)*)(?P<tail>[A-Za-z0-9.]{{0,12}})(?P<cta>{CTA})?",
    re.IGNORECASE,
)
# A name + two categories one of which only gambling uses: 鹤汀娱乐真人(平台), X体育棋牌 (not 体育彩票).
GAMBLING_SECOND = _with_traditional("真人|棋牌|电竞|视讯|捕鱼|百家乐|老虎机")
DOUBLE_CATEGORY_RE = re.compile(
    rf"(?P<name>[{CJK}]{{2,4}}|[A-Za-z][A-Za-z0-9]{{1,14}})(?P<cat>{_with_traditional('娱乐|体育|国际|电子')})"
    rf"(?P<cat2>{GAMBLING_SECOND})(?:平台|游戏|官网|官方)?"
)
# A name + a strong gambling category + a call to action, with no access suffix: 金玺娱乐【点击进入】.
CTA_FAMILY_RE = re.compile(
    rf"(?P<name>[{CJK}]{{2,4}}|[A-Za-z][A-Za-z0-9]{{1,14}})(?P<cat>{_with_traditional('体育|娱乐|电竞|棋牌|彩票|真人|娱乐城|博彩')})"
    rf"(?P<alias>{ALIAS})?[·・\-–—_\s]?(?P<cta>{CTA})"
)


def _first_chars(words: Iterable[str]) -> str:
    """A character class body of the words' first characters (escaped, sorted: the same pattern in every process).

    A pattern led by ``(?=[…])`` of them tries its alternatives only where one can start: under IGNORECASE a
    Latin word hides the set of starting characters from the regex engine, which then tries every alternative at
    every position (the class folds case as the words do, so the matches are the same).

    >>> _first_chars(["官网", "app下载", "官方"])
    'a官'
    """
    return "".join(sorted({re.escape(w[0]) for w in words}))


SUFFIX_RE = re.compile(rf"(?=[{_first_chars(STRONG_SUFFIX.split('|'))}])(?:{STRONG_SUFFIX})", re.IGNORECASE)


def family_matches(text: str) -> Iterator[re.Match[str]]:
    """FAMILY_RE matches in a long text, searched only around access suffixes (linear, not per position).

    >>> [m.group(0) for m in family_matches("沿街商铺重新开张，星耀体育官网入口，吸引了市民。")]
    ['星耀体育官网入口']
    """
    covered = -1
    for s in SUFFIX_RE.finditer(text):
        if s.start() < covered:
            continue
        for m in FAMILY_RE.finditer(text, max(0, s.start() - 60), min(len(text), s.end() + 40)):
            if m.start() <= s.start() < m.end():
                covered = m.end()
                yield m
                break


# A site handle glued to a casino or gambling word, spliced into a sentence or title: js333金沙线路, hg0088皇冠,
# vns88威尼斯人官网. Product codes (iPhone7手机, A4纸) carry no casino word.
HANDLE_RE = re.compile(
    rf"(?<![A-Za-z0-9])[A-Za-z]{{1,6}}\d{{2,5}}(?:[{CJK}]{{0,2}})"
    rf"(?:{_with_traditional('金沙|威尼斯人|葡京|永利|银河|皇冠|太阳城|美高梅|新濠|百家乐|娱乐|体育|彩票|棋牌|真人|博彩|赌场')})"
    rf"(?:{_with_traditional('线路|网址|官网|入口|平台|登录|娱乐|国际|城|场|网')})*"
)
# A Chinese name with a latin-digit alias (米乐m6, 凯发k8, 九游会J9): the shape of gambling brand names.
ALIAS_NAME_RE = re.compile(rf"[{CJK}]{{2,4}}[A-Za-z]{{1,4}}\d{{1,4}}")
# A name + category + digits, e.g. 开云体育88, xyty88体育, as used on first body lines.
NAME_CAT_RE = re.compile(
    rf"(?P<name>[{CJK}]{{2,4}}|[0-9]{{1,4}}[{CJK}]{{1,2}}|[A-Za-z][A-Za-z0-9]{{1,14}})(?P<cat>{CATEGORY})", re.I
)
GAMBLING_WORDS = re.compile(
    _with_traditional(
        "博彩|赌场|赌博|网赌|赌球|百家乐|老虎机|投注|下注|买球|彩票|时时彩|六合彩|棋牌|真人娱乐|真人视讯|娱乐城|现金网|"
        "电子游艺|捕鱼|彩金|开户|注册送|首存|返水|体育投注|电竞竞猜|威尼斯人|葡京|金沙|银河娱乐|太阳城|bet365|casino|"
        "sportsbook|slot"
    ) + "|賭場|賭博|網賭|賭球|百家樂|老虎機|買球|時時彩|開戶|註冊送|銀河娛樂|太陽城",
    re.I,
)
LATIN_BRAND_RE = re.compile(r"^[A-Za-z]{2,12}\d{0,6}(?:\.(?:com|net|cc|vip|app|io|me|top))?$", re.I)
PUNCT = "，,。、；;：:！!？?"
EDGE_PUNCT = "，,、；;：:"
WRAPPERS = {"【": "】", "‘": "’", "“": "”", "「": "」", "[": "]", "『": "』", "〖": "〗"}
BODY_WRAPPER_RE = re.compile(r"[【〖]([^【】〖〗\s，。]{2,12})[】〗]")
SLOT_SPLIT_RE = re.compile(
    rf"[:：,，。；;！!？?【】‘’“”「」\[\]『』〖〗|｜_]|\s[-–—]\s|(?<=[{CJK}])-(?=[{CJK}A-Za-z])|(?<=[A-Za-z])-(?=[{CJK}])"
)
# `\s*(?:[_|｜]|\s[-–—]+\s|--|——|X-|Y-)\s*` with a blank run read once, from its first blank, possessively (a
# run of blanks was rescanned from each of its positions): the same splits, linear.
TITLE_SEP_RE = re.compile(
    rf"(?:(?<!\s)\s*+|(?!\s))(?:[_|｜]|--|——|(?<=[{CJK}”」』）)])-(?=[{CJK}A-Za-z])|(?<=[A-Za-z])-(?=[{CJK}]))\s*+"
    r"|(?<!\s)\s++[-–—]+\s\s*+"
)


@lru_cache(maxsize=1)
def known_brands() -> tuple[str, ...]:
    """The curated supplement list with each name's Traditional form, longest first (read once per process)."""
    text = resources.files("cleaners").joinpath("data/brands.txt").read_text("utf-8")
    names = {line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")}
    names |= {traditional(n) for n in names}  # 華體會 as 华体会
    return tuple(sorted(names, key=len, reverse=True))


@lru_cache(maxsize=1)
def _known_re() -> re.Pattern[str]:
    # longest first, as known_brands gives them; names of one length (which cannot match at one place unless they
    # are the same up to case: the same span) by name, so that the pattern is the same in every process
    names = sorted(known_brands(), key=lambda n: (-len(n), n))
    cjk = "|".join(re.escape(n) for n in names if re.search(rf"[{CJK}]", n))
    latin = "|".join(re.escape(n) for n in names if not re.search(rf"[{CJK}]", n))
    # An empty alternation would match everywhere: a list with no names of a script matches nothing.
    cjk, latin = cjk or "(?!)", latin or "(?!)"
    # Latin names must stand alone: "yabo" must not fire inside "yabook". Led by the names' first characters
    # (_first_chars: 10x faster over a page's text, the same matches).
    return re.compile(rf"(?=[{_first_chars(names) or 'x'}])(?:(?:{cjk})|(?<![A-Za-z])(?:{latin})(?![a-z]))", re.I)


_CORE_SUFFIX_RE = re.compile(rf"(?:{STRONG_SUFFIX}|{TAIL}|{CTA}|登录|登陆|注册)$", re.I)
_CORE_TAG_RE = re.compile(rf"{CHINA_TAG}$")
# the longest match of _CORE_SUFFIX_RE: a suffix word, or a call to action of 6 characters (【点击进入】)
_CORE_SUFFIX_WIDTH = max(6, *(len(w) for w in f"{STRONG_SUFFIX}|{TAIL}".split("|")))
_CJK_RE = re.compile(rf"[{CJK}]")


@lru_cache(maxsize=4096)
def core_of(term: str) -> str:
    """The brand core of a spam phrase: the phrase without access suffixes, tags and digits.

    >>> core_of("开云体育官方app下载")
    '开云体育'
    >>> core_of("kaiyun·开云(中国)官方网站")
    'kaiyun·开云'
    >>> core_of("星耀体育88")
    '星耀体育'
    """
    s = term.strip()
    prev = None
    while prev != s:  # each cut reads only the end of `s` (a `$` search from every position is quadratic)
        prev = s
        s = _cut_end(_CORE_SUFFIX_RE, _CORE_SUFFIX_WIDTH, s)
        body, newline = (s[:-1], "\n") if s.endswith("\n") else (s, "")
        s = body.rstrip("-–—_") + newline  # re.sub(r"[\-–—_]+$", "", s)
        s = _cut_end(_CORE_TAG_RE, 6, s)
        k = len(s)
        while k and (s[k - 1] in "·・" or s[k - 1].isspace()):  # [·・\s]+$
            k -= 1
        s = s[:k]
        while k and s[k - 1] in "0123456789.":  # (?<=[CJK])[0-9.]+$
            k -= 1
        if k < len(s) and k and _CJK_RE.match(s[k - 1]):
            s = s[:k]
    return s or term


def _cut_end(pattern: re.Pattern[str], width: int, s: str) -> str:
    """`pattern.sub("", s)` for a pattern anchored at `$` whose matches are at most `width` characters long.

    >>> _cut_end(_CORE_SUFFIX_RE, _CORE_SUFFIX_WIDTH, "体育" * 1000 + "官网入口") == "体育" * 1000
    True
    """
    k = max(0, len(s) - width - 1)
    return s[:k] + pattern.sub("", s[k:])


# Access suffixes that only a gambling brand adds to its name: an entry, a login, a sign-up, a mirror address.
# (A software or game name takes 官方下载, 客户端下载, 网页版, 手机版 too: those need a gambling category.)
ACCESS_RE = re.compile(_with_traditional("入口|登录|登陆|注册|网址|平台官网|在线官网|官网平台|官方平台|官网首页|官方app下载|app下载手机版"), re.I)
# Gambling words no ordinary short name holds (not 彩票, 开户, 棋牌 or casino names, which lottery news, banks,
# board-game clubs and Macau travel use every day).
STRONG_GAMBLING_RE = re.compile(
    _with_traditional("博彩|赌场|赌博|网赌|赌球|百家乐|老虎机|真人娱乐|真人视讯|娱乐城|现金网|彩金|注册送|首存|返水|体育投注|"
                      "bet365|casino|sportsbook") + "|賭場|賭博|網賭|賭球|百家樂|老虎機|註冊送",
    re.I,
)


# What is_family's shapes need besides an access suffix (SUFFIX_RE) or a casino word (STRONG_GAMBLING_RE): a call
# to action (CTA: 点击进入, 立即注册 …) or a gambling-only second category (DOUBLE_CATEGORY_RE: 真人, 电竞 …).
_FAMILY_NEEDS_RE = re.compile(f"{CTA}|{GAMBLING_SECOND}")


def is_family(term: str, loose: bool = False) -> bool:
    """True when a term has the gambling brand shape: a gambling category, an alias or a (中国) tag with an
    access suffix, or a gambling word inside a short name. `loose` (for text already known to be planted, such
    as a hidden link farm): any category or alias with any access suffix (富盈国际网页版).

    >>> is_family("星耀体育官网入口"), is_family("国家统计局官方网站"), is_family("博鑫娱乐app下载")
    (True, False, True)
    >>> is_family("8号体育官方网站"), is_family("华夏国际官网"), is_family("金樽国际登录入口")
    (True, False, True)
    >>> is_family("米乐m6官网登录入口"), is_family("office2010官方下载"), is_family("机甲世纪客户端下载")
    (True, False, False)
    >>> is_family("离岸账户开户"), is_family("购买彩票"), is_family("澳门百家乐网址")
    (False, False, True)
    """
    if not (SUFFIX_RE.search(term) or _FAMILY_NEEDS_RE.search(term) or STRONG_GAMBLING_RE.search(term)):
        return False  # none of what the shapes below need: most texts stop here
    m = FAMILY_RE.search(term)
    if m:
        tail_cat = re.search(f"(?:{CATEGORY})$", m.group("name"), re.I)  # 金樽国际: the name holds the category
        cats = (m.group("cat") or "") + (m.group("cat2") or "") + (tail_cat.group(0) if tail_cat else "")
        bilingual_dot = bool(re.search(r"[·・]", m.group(0))) and bool(re.search(r"[A-Za-z]", m.group(0)))
        access = bool(ACCESS_RE.search(m.group("suffix"))) or bool(m.group("cta"))
        if STRONG_CATEGORY_RE.search(cats + m.group("name")):
            return True
        if loose and (cats or m.group("alias") or m.group("tag") or m.group("suffix") not in WEAK_SUFFIXES):
            return True
        if cats and (access or m.group("tag")):
            return True  # a weak category (国际, 电子, 游戏) needs an entry or a (中国) tag: 金樽国际登录入口
        if bilingual_dot or m.group("alias") and (access or m.group("tag")):
            return True  # 澄曦·Lumina官方网站 (a dotted bilingual name is a gambling habit), 米乐m6官网登录入口
        if access and re.fullmatch(r"[A-Za-z]{2,}+\d{2,}+[A-Za-z0-9]*+", m.group("name")):
            return True  # a site handle with an entry: xyty88官网登录入口, hg0088登录入口
    if CTA_FAMILY_RE.search(term) or DOUBLE_CATEGORY_RE.search(term):
        return True
    # A gambling word counts only inside a short name-like term, not inside a headline or sentence.
    return len(term) <= 12 and not re.search(r"[\s，。！？,!?]", term) and bool(STRONG_GAMBLING_RE.search(term))


def has_category(term: str) -> bool:
    """True when a short term is a name + a gambling category word (星耀体育, BX娱乐, not 娱乐 alone).

    >>> has_category("星耀体育"), has_category("娱乐"), has_category("xyty88体育")
    (True, False, True)
    """
    # What `^(?P<name>.+?)(?:CATEGORY)[0-9A-Za-z]*$` matches, tried only where a category can end inside the
    # trailing run of letters and digits (the pattern is quadratic on a long run: sportssports…).
    end = len(term) - term.endswith("\n")
    tail = end - _LATIN_RUN_RE.match(term[:end][::-1]).end()  # type: ignore[union-attr]
    newline = term.find("\n")
    last = end if newline < 0 else min(end, newline)  # the name holds no line break
    for i in range(max(1, tail - _CATEGORY_WIDTH), last + 1):
        if _CATEGORY_TAIL_RE.match(term, i):
            return len(term[:i].strip(" ·・")) >= 2
    return False


_LATIN_RUN_RE = re.compile(r"[0-9A-Za-z]*", re.I)
_CATEGORY_TAIL_RE = re.compile(rf"(?:{CATEGORY})[0-9A-Za-z]*+$", re.I)
_CATEGORY_WIDTH = max(len(w) for w in CATEGORY.split("|"))


class _Pieces:
    """Whether a whole string is a sequence of pieces (`re.fullmatch("(?:a|b|…)*", s)`), by dynamic programming
    over positions: linear, where the regex backtracks exponentially over pieces that overlap (电子游戏 is
    电子+游戏 too). `words` is an alternation of literal words; each of `others` matches one length at a place.

    >>> _Pieces("电子|游戏|电子游戏").fullmatch("电子游戏" * 200 + "x"), _Pieces("a|b", "[0-9]").fullmatch("ab1")
    (False, True)
    """

    def __init__(self, words: str, *others: str) -> None:
        by_length: dict[int, list[str]] = {}
        for word in words.split("|"):
            by_length.setdefault(len(word), []).append(re.escape(word))
        self.res = [re.compile("|".join(ws), re.I) for _, ws in sorted(by_length.items())]
        self.res += [re.compile(other, re.I) for other in others]

    def fullmatch(self, s: str) -> bool:
        reached = bytearray(len(s) + 1)
        reached[0] = 1
        for i in range(len(s)):
            if reached[i]:
                for piece in self.res:
                    if m := piece.match(s, i):
                        reached[m.end()] = 1
        return bool(reached[len(s)])


def is_known(term: str) -> bool:
    """True when a term contains a brand from the curated supplement list."""
    return bool(_known_re().search(term))


@dataclass
class Slots:
    """The injection slots of one page: where spam sits when a mirror template is filled in."""

    title: str = ""
    h1: str = ""
    source_line: str = ""  # the value after 来源:
    first_lines: list[str] = field(default_factory=list)  # short lines just before the body
    keywords: str = ""
    description: str = ""
    prevnext: list[str] = field(default_factory=list)
    hidden: list[str] = field(default_factory=list)  # text of hidden elements / link farms
    page_text: str = ""  # all the page says of itself outside <title> (HTML): text, alt, meta, link hosts


def _title_candidates(title: str) -> list[tuple[str, str]]:
    """Pieces of a title that a mirror template may have filled with a brand, with their position."""
    out: list[tuple[str, str]] = []
    # ^\s*(.{1,30}?)\s*[:：]\s*(.+)$ with blank runs read once (a prefix of blanks only is dropped below anyway)
    m = _TITLE_PREFIX_RE.match(title)
    if m:
        out.append((m.group(1), "title_prefix"))
    for open_, close in WRAPPERS.items():
        for inner in re.findall(re.escape(open_) + r"([^" + re.escape(close) + r"]{1,30})" + re.escape(close), title):
            out.append((inner, "title_wrapper"))
    lead = len(title) - len(title.lstrip())  # a prefix starting over 30 blanks before the text is blanks only
    m = re.match(r"^\s*(.{2,30}?)\s*[-_|｜—–]+\s*(.{4,})$", title[max(0, lead - 30):])
    if m:
        out.append((m.group(1), "title_dash_prefix"))
    m = re.match(rf"^\s*([{CJK}]{{2,6}})[·・]\s*(?![A-Za-z])(.{{4,}})$", title)  # 盛洲体育·青石镇茶叶…
    if m:
        out.append((m.group(1), "title_dash_prefix"))
    m = _title_suffix(title)
    if m:
        out.append((m.group(1), "title_suffix"))
    parts = TITLE_SEP_RE.split(title)
    if len(parts) > 1:
        out.extend((p, "title_suffix") for p in parts[1:] if 0 < len(p) <= 30)
        if len(parts[0]) <= 30:
            out.append((parts[0], "title_dash_prefix"))
    return [(c.strip(), w) for c, w in out if c.strip()]


_TITLE_PREFIX_RE = re.compile(r"^\s*+(.{1,30}?)\s*+[:：](?:\s*\n)?[^\n]++\n?\Z")
_TITLE_SEPS = "-_|｜—–"
_SUFFIX_TAIL_RE = re.compile(r"\s*+[-_|｜—–]+\s*([^-_|｜—–]{2,30})\s*$")


def _title_suffix(title: str) -> re.Match[str] | None:
    r"""What `^(.{4,}?)\s*[-_|｜—–]+\s*([^-_|｜—–]{2,30})\s*$` matches (group 2 is group 1 here), in linear time.

    The separator run has to be the title's last (nothing after it may hold a separator), so the lazy prefix
    ends at the blanks before that run or, if it is shorter than 4, at its 4th character; the old pattern
    retried the rest from every position (quadratic on a title of dashes).

    >>> _title_suffix("党建引领基层治理 - 开云体育").group(1), _title_suffix("ab---xyz").group(1), _title_suffix("a-bc")
    ('开云体育', 'xyz', None)
    """
    last = max(title.rfind(c) for c in _TITLE_SEPS)
    rest = title[last + 1:]
    if last < 0 or len(rest.strip()) > 30:  # the part after the run is 2 to 30 characters and blanks
        return None
    start = last
    while start and title[start - 1] in _TITLE_SEPS:
        start -= 1
    while start and title[start - 1].isspace():
        start -= 1
    start = max(start, 4)
    if start > last or "\n" in title[:start]:
        return None
    return _SUFFIX_TAIL_RE.match(title, start)


PROMPT_RE = re.compile(r"(?:温馨)?(?:提醒您|提示您|提醒|提示|温馨提示|友情提示|祝您|欢迎您)\s*+[:：，,]?\s*+$")
# What an injected line says around a brand besides its name: calls to action and sign-up bait.
PROMO_RE = re.compile(rf"{CTA}|注册|註冊|领取|領取|礼包|禮包|彩金|首存|返水|优惠|優惠|开户|開戶|下载|下載|立即|点击|點擊|登录|登錄")


# A category brand that "reminds you" mid-article: 金樽国际提醒您：, X体育温馨提示：
PROMPT_BRAND_RE = re.compile(
    rf"(?P<name>[{CJK}]{{2,4}}(?:{_with_traditional('国际|体育|娱乐|彩票|棋牌|电竞|真人')}))(?:官方网站|官网|平台)?"
    r"(?:提醒您|提醒大家|温馨提示|友情提示)\s*[:：]"
)
# A name with a letters-and-digits domain in brackets, then a dateline or attribution (炫赢官网（xywin8.net）小编了解到，),
# a dateline agency with such a domain (金樽国际讯（www.jz88.cc）), a name that is itself a site (X官网讯), or a
# title segment carrying one (_泓博国际(hb365.net)): gambling sites advertise their domains this way.
_DOMAIN = r"(?:https?://)?(?:www\.)?(?=[a-z0-9-]*[a-z])(?=[a-z0-9-]*\d)[a-z0-9-]{3,20}\.(?:com|net|org|cc|vip|top|me|app|co|io|xyz|info|tv|la|in|us|cn)"
_ANY_DOMAIN = r"(?:https?://)?(?:www\.)?[a-z0-9-]{2,20}\.(?:com|net|org|cc|vip|top|me|app|co|io|xyz|info|tv|la|in|us|cn)"
DOMAIN_BRAND_RE = re.compile(
    rf"(?P<name>[{CJK}]{{2,6}}|[A-Za-z][A-Za-z0-9]{{1,14}})\s*[（(]\s*{_DOMAIN}\s*[)）]\s*(?=讯|訊|小编|了解到|获悉|消息|报道)"
    rf"|(?P<shaped>[{CJK}]{{2,4}}(?:官网|官網|官方网站|体育|娱乐|电竞|棋牌|彩票|国际|真人|平台))\s*[（(]\s*{_ANY_DOMAIN}\s*[)）]"
    r"\s*(?=讯|訊|小编|小編)"
    rf"|(?:^|\n)\s*(?P<site>[{CJK}]{{2,6}}?(?:官网|官網|官方网站|棋牌|真人|平台))(?=[讯訊])"
    rf"|[_｜|]\s*(?P<suffix>[{CJK}]{{2,6}})\s*[（(]\s*{_DOMAIN}\s*[)）]\s*(?:$|[-_|｜—–])"
    rf"|^\s*(?P<prefix>[{CJK}]{{2,6}})\s*[（(]\s*{_DOMAIN}\s*[)）]\s*[_｜|·:：\-]"
    rf"|(?:^|\n)\s*(?P<agency>[{CJK}]{{2,6}}|[A-Za-z][A-Za-z0-9]{{1,14}})讯\s*[（(]\s*(?:https?://)?(?:www\.)?"
    r"(?=[a-z0-9-]*\d)[a-z0-9-]*+\.[a-z.]{2,10}\s*[)）]",  # (the run holds a digit: [a-z0-9-]*\d[a-z0-9-]*, read once)
    re.I,
)
_BLANK_RUN_RE = re.compile(r"\s+")


def _one_blank(text: str) -> str:
    r"""Each blank run as one character (a line break if it holds one): DOMAIN_BRAND_RE reads blanks only as `\s*`
    and line starts, so it finds the same names, without rescanning a long run from each of its line breaks."""
    return _BLANK_RUN_RE.sub(lambda m: "\n" if "\n" in m.group() else m.group()[0], text)
# What every match holds, found by a search much cheaper than the pattern's own scan (each starts with a name
# of 2+ Chinese characters, tried at every position): a call to action (CTA_FAMILY_RE), a category and a
# gambling-only second category side by side (DOUBLE_CATEGORY_RE), 提醒 or 提示 (PROMPT_BRAND_RE), a bracket
# opening a domain or a site name before 讯 (every branch of DOMAIN_BRAND_RE: its domains start with an optional
# scheme and www. and hold a run of [a-z0-9-] then a dot; its branch without a bracket ends before 讯).
_CTA_RE = re.compile(CTA)
_DOUBLE_CATEGORY_NEEDS_RE = re.compile(
    f"(?:{_with_traditional('娱乐|体育|国际|电子')})(?:{GAMBLING_SECOND})")
_PROMPT_NEEDS_RE = re.compile("提醒|提示")
_DOMAIN_BRAND_NEEDS_RE = re.compile(
    r"[（(]\s*(?:https?://)?[a-z0-9-]+\.|(?:官网|官網|官方网站|棋牌|真人|平台)[讯訊]", re.I)


def _needed(pattern: re.Pattern[str], needs: re.Pattern[str], text: str,
            prepare: Callable[[str], str] | None = None) -> Iterator[re.Match[str]]:
    """`pattern.finditer(prepare(text))`, none where `needs` finds nothing in `text` (what every match holds).

    >>> [m.group("name") for m in _needed(PROMPT_BRAND_RE, _PROMPT_NEEDS_RE, "金樽国际提醒您：注意。")]
    ['金樽国际']
    """
    if not needs.search(text):
        return iter(())
    return pattern.finditer(prepare(text) if prepare else text)


DATELINE_RE = re.compile(rf"(?:^|\n|[\\|/]\s*)(?P<name>[{CJK}]{{2,6}})[讯訊]\s*[（(]\s*(?:记者|記者|通讯员|通訊員)")
EMPTY_BRACKETS_RE = re.compile(r"[（(]\s*[)）]|【\s*】|\[\s*\]|“\s*”|‘\s*’")
def _line_term(line: str) -> str | None:
    """A short line like `开云体育88:` (a brand line before the body): return its term.

    >>> _line_term("开云体育88:"), _line_term("sf988官方网站提醒您：")
    ('开云体育88', 'sf988官方网站')
    """
    line = PROMPT_RE.sub("", line.strip())
    m = re.match(r"^\s*(.{2,16}?)\s*[:：]?\s*$", line)
    if m and len(line.strip()) <= 18:
        return m.group(1)
    return None


def find_spam_terms(slots: Slots, body: str) -> list[str]:
    """Decide which strings are injected brands, from pattern families and slot positions.

    `body` is the article text; a term that the article itself uses in running prose is legitimate
    unless its shape alone (category + access suffix) gives it away.
    """
    evidence: dict[str, set[str]] = {}

    def add(term: str, where: str) -> None:
        parts = [p.strip(" \t|_-—") for p in SLOT_SPLIT_RE.split(term)]
        for part in parts:
            if 2 <= len(part) <= 30:
                evidence.setdefault(part, set()).add(where)

    for cand, where in _title_candidates(slots.title):
        add(cand, where)
    if slots.h1 and slots.h1 != slots.title:
        for cand, where in _title_candidates(slots.h1):
            add(cand, "h1_" + where)
    if slots.source_line:
        add(slots.source_line, "source_line")
    for line in slots.first_lines:
        t = _line_term(line)
        if t:
            add(t, "first_line")
    for para in body.split("\n")[:3]:  # 【摘要】X：去年秋天… — a label prefix opening the body is a slot too
        m = LINE_PREFIX_RE.match(para)
        if m and len(para) > len(m.group(0)) + 10:
            add(m.group(1), "line_prefix")
    for kw in re.split(r"[,，;；、\s]+", slots.keywords):
        if kw:
            add(kw, "keywords")
    for text in slots.prevnext:
        for m in family_matches(text):
            add(m.group(0), "prevnext")
        for item in LIST_ITEM_SPLIT_RE.split(text) if LIST_ROW_RE.search(text) else ():
            item = item.strip()
            m = LIST_BRAND_RE.fullmatch(item)
            # 热门推荐：…、鑫博汇娱乐、…: a coined name + a gambling trade; a casino-only trade (金狮真人, 鼎盛娱乐城) with
            # any name; or a name of the curated list making most of the item (米乐m6)
            if (m and (_coined(m.group("name")) or CASINO_TRADE_RE.search(item))
                    or is_known(item) and _known_share(item) >= 0.5):
                evidence.setdefault(item, set()).add("list_item")
    for inner in BODY_WRAPPER_RE.findall(body):
        add(inner, "body_wrapper")
    hay = "\n".join([slots.title, slots.h1, slots.keywords, slots.description, body, *slots.prevnext])
    for m in family_matches(hay):
        add(_trim_name(hay, m), "family")
    # (each scan below only where the text holds what every match of its pattern holds: _needed)
    for m in _needed(CTA_FAMILY_RE, _CTA_RE, hay):
        add(m.group(0), "family")
    for m in _needed(DOUBLE_CATEGORY_RE, _DOUBLE_CATEGORY_NEEDS_RE, hay):
        add(m.group(0), "family")
        add(m.group("name") + m.group("cat"), "family_core")  # 鹤汀娱乐 of 鹤汀娱乐真人平台, e.g. as an h1 prefix
    for m in _needed(PROMPT_BRAND_RE, _PROMPT_NEEDS_RE, body):
        add(m.group("name"), "prompt")
    for text in (slots.title, *slots.first_lines, body):
        # (a blank run is one blank for _DOMAIN_BRAND_NEEDS_RE too: it reads blanks only as \s*)
        for m in _needed(DOMAIN_BRAND_RE, _DOMAIN_BRAND_NEEDS_RE, text, _one_blank):
            name = next(g for g in m.group("name", "shaped", "site", "suffix", "prefix", "agency") if g)
            add(name, "dateline_domain")
    for m in DATELINE_RE.finditer(body[:400]):  # X讯（记者 …） opening the body: an injection slot like the first line
        add(m.group("name"), "dateline")
    whole = slots.title.strip()
    # (the brand part of a title is only looked for in a short title: the strip is exponential in a long one)
    name = re.sub(rf"(?:{CATEGORY}|{STRONG_SUFFIX}|{CHINA_TAG}|[·・\s\d])+$", "", whole, flags=re.I) if len(whole) <= 16 else ""
    if (whole and len(whole) <= 16 and (is_family(whole) or STRONG_CATEGORY_RE.search(whole[len(name):]))
            and len(name) >= 2 and name not in body and not re.search(r"[，。！？,!?\s_|｜:：\-—–]", whole)
            and not _headline(whole)  # 百家乐为什么总是输 over an essay on its odds: a question, not a brand
            and len(_bigrams(STRONG_CATEGORY_RE.sub(" ", STRONG_GAMBLING_RE.sub(" ", whole)))
                    & _bigrams(body + "\n" + (slots.h1 if slots.h1 != whole else ""))) < 2):
        # the whole <title> is one brand the article never names (华体会体育 over a news story); a title with
        # separators is pieces, which the slot rules above judge one by one; a title sharing two words' worth of
        # bigrams with the article or its own heading, gambling words aside, is the article's own (澳门赌场一日游攻略
        # over a Macau walk headed 澳门一日游怎么玩)
        evidence.setdefault(whole, set()).add("title_whole")
    for text in (slots.title, slots.keywords, body):  # a keywords slot is filled like a title: js333金沙线路,…
        for m in HANDLE_RE.finditer(text):
            evidence.setdefault(m.group(0), set()).add("handle")  # whole: js333金沙线路 must not split
    for m in _known_re().finditer(hay):
        add(m.group(0), "known")
    for text in slots.hidden:
        for m in family_matches(text):
            add(m.group(0), "hidden")
        if len(set(GAMBLING_WORDS.findall(text))) >= 3:  # a gambling link farm, not a hidden menu
            for m in NAME_CAT_RE.finditer(text):
                add(m.group(0), "hidden")

    if slots.page_text:
        for piece in unnamed_title_brands(slots.title, slots.page_text + "\n" + body):
            evidence.setdefault(piece, set()).add("title_unnamed")
        for piece in unnamed_trade_pieces(slots.title, slots.page_text + "\n" + body, body):
            evidence.setdefault(piece, set()).add("title_trade_unnamed")

    spam: list[str] = []
    cores = {core_of(t) for t in evidence}
    for term, where in evidence.items():
        if _is_spam(term, where, evidence, cores, body, slots.title):
            spam.append(term)
    return sorted(set(spam), key=lambda t: (-len(t), t))


# A title piece with a brand's shape: a Chinese name with a Latin-digit alias (米乐m6, 凯发k8, 九游会J9), a
# bilingual name (必威betway中文版; a word of four letters or more, not an acronym: 新浪NBA, 美国CNN are media), or a
# name tagged (中国) before an official-site suffix (九游会(中国)官方网站).
BRAND_SHAPE_RE = re.compile(
    rf"(?P<cjk>[{CJK}]{{2,4}})(?:(?P<alias>[A-Za-z]{{1,4}}\d{{1,4}})"
    rf"|(?P<latin>(?![A-Z]+(?![a-z]))[A-Za-z]{{4,12}})(?:中文版|中文网|官网|官方)?"
    rf"|[（(]中国[)）](?:官方网站|官网)?)"
)

_ENTRY_TAIL_RE = re.compile(r"(?:[（(]中国[)）])?(?:官方网站|官网|官方|入口|登录|app下载|下载|中文版|手机版)*", re.I)


def unnamed_title_brands(title: str, page: str) -> list[str]:
    """The side pieces of a title (`_X`, `X-`, `X：`; not its headline) that have a brand's shape
    (BRAND_SHAPE_RE) and name nothing the page names anywhere else: neither the piece, nor its Chinese name,
    nor its Latin letters stand in `page` (everything the page says outside <title>: text, alt, meta, link hosts).

    Evidence: a site's own name in its title suffix is named again on its page (logo alt, copyright line,
    og:site_name, the domain: 虎扑Hupu on hupu.com); a planted brand names something the page never mentions.
    A bare name (`_华体会`, `_思路客`) is left alone: 26 side pieces of the wild-2017 ordinary pages are coined names
    the page never repeats (bench/title_selfname.py), and no piece of this shape is.

    >>> body = "国务院总理在政府工作报告中提出，今年发展主要预期目标是国内生产总值增长5%左右。"
    >>> unnamed_title_brands("政府工作报告提出今年经济增长目标_米乐m6", body)
    ['米乐m6']
    >>> unnamed_title_brands("必威betway中文版-政府工作报告提出今年经济增长目标", body)
    ['必威betway中文版']
    >>> unnamed_title_brands("红米note4评测：续航出色的千元机 - 手机中国", "红米note4采用5.5英寸屏幕，续航出色。")
    []
    >>> unnamed_title_brands("湖人主场力克勇士_虎扑Hupu", "湖人主场迎战勇士。 bbs.hupu.com")  # named by its domain
    []
    """
    main = max((p.strip() for p in TITLE_SEP_RE.split(title)), key=len)
    # the title repeated whole (an <h1>, og:title, the crumb's last item) is the title, not another mention
    hay = re.sub(r"\s+", "", page).lower().replace(re.sub(r"\s+", "", title).lower(), " ")
    out = []
    for piece, _ in _title_candidates(title):
        name = unnamed_brand_piece(piece, hay) if piece != main else ""
        if name and name not in out:
            out.append(name)
    return out


def unnamed_brand_piece(piece: str, hay: str) -> str:
    """The brand of a title piece with a brand's shape (BRAND_SHAPE_RE, an entry suffix after it allowed)
    that `hay` (the page, blanks squeezed out, lower case) never names: not the piece, its Chinese name or its
    Latin letters; else ''.

    >>> unnamed_brand_piece("九游会J9官网入口", "新华社北京电"), unnamed_brand_piece("魅族mx6", "魅族发布新机")
    ('九游会J9', '')
    """
    shaped = BRAND_SHAPE_RE.match(piece.strip())
    if not shaped or not _ENTRY_TAIL_RE.fullmatch(piece.strip()[shaped.end():]):
        return ""
    names = [piece, shaped.group("cjk"), shaped.group("alias") or "", shaped.group("latin") or ""]
    if any(len(n) >= 2 and re.sub(r"\s+", "", n).lower() in hay for n in names):
        return ""
    return shaped.group(0)


# A row of items under the article (热门推荐：a、b、c; 相关文章: a | b | c) and an item that is a name + a trade only
# gambling has (鑫博汇娱乐, X棋牌, X彩票; not X体育, which sports media are called too).
LIST_ROW_RE = re.compile(r"[、|｜]|^\S{2,6}[:：]")
LIST_ITEM_SPLIT_RE = re.compile(r"[、|｜,，;；]|^\S{2,6}[:：]|\s{2,}")
#: Trades only gambling has (not 体育 or 娱乐 alone, which media and channels are named with too).
GAMBLING_TRADES = "娱乐城|棋牌|彩票|电竞|真人|视讯|捕鱼|博彩"
LIST_BRAND_RE = re.compile(rf"(?P<name>[{CJK}]{{2,4}}?)(?:{GAMBLING_TRADES}|娱乐)[A-Za-z0-9]{{0,6}}")
#: Trades no channel, club or shop is named with (a live casino, a video casino, a casino town, a cash site).
CASINO_TRADE_RE = re.compile(_with_traditional("真人|视讯|娱乐城|博彩|现金网"))


# A name + a trade standing in a title slot (政府工作报告…_乐竞体育, 星辉彩票：…), and the words an article of that
# trade uses: a site is named after what it publishes, so a trade name over an article about something else was
# put there by someone else. 体育 and 娱乐 name media too; their articles are about sport or show business.
# Not 棋牌 or 电竞: licensed card-game firms and e-sport clubs (途游棋牌, X电竞俱乐部) post company news too.
SLOT_TRADE_RE = re.compile(
    rf"(?P<name>[{CJK}]{{2,4}}?|[A-Za-z][A-Za-z0-9]{{1,9}})"
    rf"(?P<trade>{_with_traditional('娱乐城|娱乐场|体育|娱乐|彩票|真人|视讯|捕鱼|博彩|现金网')})"
)
_TRADE_WORDS = {
    "体育": _with_traditional(
        "体育|比赛|赛事|球队|球员|联赛|冠军|运动员|运动|教练|赛季|进球|奥运|世界杯|篮球|足球|网球|排球|乒乓|羽毛球|田径|"
        "游泳|马拉松|锦标赛|决赛|球迷|主场|客场|赛场|健身|滑雪|NBA|CBA|中超|英超|西甲|欧冠"),
    "娱乐": _with_traditional(
        "娱乐|明星|电影|电视剧|综艺|歌手|演员|导演|票房|演唱会|粉丝|影视|音乐|节目|主演|偶像|艺人|影片|剧集|专辑|"
        "游戏|动漫|网红|直播|八卦"),
    # a licensed lottery portal's draw page names the game and the draw, not always 彩票 (双色球第N期开奖)
    "彩票": _with_traditional("彩票|彩民|开奖|中奖|奖池|双色球|大乐透|福彩|体彩|排列三|七星彩|快乐8|号码|投注|一等奖|竞彩"),
}
_TRADE_RES = {k: re.compile(v, re.I) for k, v in _TRADE_WORDS.items()}
_TRADE_KEY = str.maketrans("體娛樂", "体娱乐")


def trade_mismatch(core: str, body: str) -> bool:
    """A name + a trade (SLOT_TRADE_RE) whose trade the article never touches: no gambling word in the text, nor
    a word of the trade's own field where it has one (sport for 体育, show business for 娱乐, lottery draws for
    彩票: one mention spares the name, a missed brand costs less than a cut word); a 体育 or 娱乐 name must be
    coined too (新浪体育, 新浪娱乐 are a portal's channels), and on a Traditional page no name counts as coined.

    >>> body = "国务院总理在政府工作报告中提出，今年发展主要预期目标是国内生产总值增长5%左右。"
    >>> trade_mismatch("乐竞体育", body), trade_mismatch("星辉彩票", body), trade_mismatch("新浪娱乐", body)
    (True, True, False)

    娱乐场 is a casino (金沙娱乐场 in the 来源 line of a product page); a travel story about one spares the name:
    >>> trade_mismatch("金沙娱乐场", body), trade_mismatch("金沙娱乐场", "澳门金沙娱乐场的赌场大厅24小时开放，游客众多。")
    (True, False)
    >>> trade_mismatch("途游棋牌", body)
    False
    >>> trade_mismatch("新浪体育", body)
    False
    >>> trade_mismatch("乐竞体育", "主队在联赛第三轮比赛中2比1取胜，球迷欢呼。"), trade_mismatch("福彩", body)
    (False, False)
    >>> trade_mismatch("新浪彩票", "双色球第2024001期开奖，红球号码为03 07 12，奖池滚存20亿元。")
    False
    >>> trade_mismatch("騰訊娛樂", "國務院總理在政府工作報告中提出，今年發展主要預期目標是國內生產總值增長。")
    False
    """
    from cleaners.namefit import _is_traditional  # imported late: namefit loads the model

    m = SLOT_TRADE_RE.fullmatch(core)
    if not m:
        return False
    trade = m.group("trade").translate(_TRADE_KEY)
    body = body.replace(core, "")  # the name itself (a headline repeating the title) says nothing of the article
    if trade in ("体育", "娱乐") and (not _coined(m.group("name")) or _is_traditional(core + body)):
        # 新浪体育, 腾讯娱乐: a portal's channel, whatever one of its pages is about; on a Traditional page jieba's
        # Simplified dictionary cannot tell a coined name from a known one (騰訊娛樂), so none is taken for coined
        return False
    field = _TRADE_RES.get(trade)
    return not GAMBLING_WORDS.search(body) and not (field and field.search(body))


def _coined(name: str) -> bool:
    """A coined name (鑫博汇, 开云, 星耀), not a word of jieba's dictionary (文化 of 文化娱乐, 福利 of 福利彩票, 休闲).

    >>> _coined("鑫博汇"), _coined("文化"), _coined("福利")
    (True, False, False)
    """
    from cleaners.spin import word_table

    table = word_table()
    return table is not None and name not in table and not any(name[:k] in table for k in (3, 4) if len(name) >= k)


# A title piece that is a name + a trade gambling sites are named with, whatever the name (凯旋体育, 宏图电竞, ob电竞,
# 鼎盛棋牌, KOK娱乐), and the words a page of any of those trades uses (sport, show business, games and cards):
# the shape alone is also a sports channel's, a card-game firm's or an e-sport club's, so the page decides.
TRADE_PIECE_RE = re.compile(
    rf"(?P<name>[{CJK}]{{2,4}}?|[A-Za-z][A-Za-z0-9]{{1,9}})(?P<trade>{_with_traditional('体育|娱乐|棋牌|电竞')})"
)
TRADE_TOPIC_RE = re.compile(
    "|".join(_TRADE_WORDS[k] for k in ("体育", "娱乐"))
    + "|" + _with_traditional("棋牌|扑克|麻将|斗地主|象棋|围棋|桥牌|纸牌|牌局|电竞|电子竞技|战队|选手|英雄联盟|王者荣耀|"
                              "手游|网游|玩家|俱乐部|LOL|DOTA|CSGO"),
    re.I,
)
# A title that may hold an unnamed piece (unnamed_title_brands, unnamed_trade_pieces): a brand's shape or a name + a
# trade somewhere in it. The HTML reader collects the page's own words (html.page_self_text) only for such a title.
TITLE_BRAND_SHAPE_RE = re.compile(
    rf"{BRAND_SHAPE_RE.pattern}|(?:[{CJK}]{{2}}|[A-Za-z][A-Za-z0-9]{{1,9}})(?:{_with_traditional('体育|娱乐|棋牌|电竞')})"
)
_COLON_PIECE_RE = re.compile(r"^([^:：\s]{2,12})[:：](?=\S)")


def title_side_pieces(title: str) -> list[str]:
    """The pieces at a title's ends besides its headline: the first and last parts split off at separators
    (`标题_X`, `X-标题`; not the longest, the headline, nor a part between two others, a column label:
    标题_休闲娱乐_某某网), else a short prefix before a colon (`X：标题`, the headline at least six characters).

    >>> title_side_pieces("政府工作报告提出今年经济增长目标_凯旋体育"), title_side_pieces("宏图电竞:政府工作报告提出今年目标")
    (['凯旋体育'], ['宏图电竞'])
    >>> title_side_pieces("三日鲁滨逊的荒岛生活_休闲娱乐_小故事网")
    ['小故事网']
    """
    parts = [p.strip() for p in TITLE_SEP_RE.split(title) if p.strip()]
    if len(parts) > 1:
        main = max(range(len(parts)), key=lambda i: len(parts[i]))
        return [parts[i] for i in dict.fromkeys((0, len(parts) - 1)) if i != main and len(parts[i]) <= 20]
    m = _COLON_PIECE_RE.match(title.strip())
    return [m.group(1)] if m and len(title.strip()) - m.end() >= 6 else []


def unnamed_trade_pieces(title: str, page: str, article: str) -> list[str]:
    """Title side pieces (title_side_pieces) that are a name + 体育/娱乐/棋牌/电竞 (TRADE_PIECE_RE) which `page`
    (everything but the <title>: text, nav, footer, alt, meta, link hosts; a dump's other lines) names nowhere,
    neither the piece nor its name, over an `article` that never touches the trade: no gambling word and no word
    of sport, show business, games or cards (TRADE_TOPIC_RE).

    Evidence: a site is named after what it publishes and names itself again on its pages (logo, nav, footer,
    copyright line: 新浪体育 on a sina.com.cn page); a sports, card-game or e-sport name over an article of another
    trade that the page never names was spliced into the title. Unlike trade_mismatch the name need not be coined
    (凯旋体育, 鼎盛棋牌 are dictionary words + a trade), so the page's silence and the article's topic decide: a
    sports report under `_新浪体育`, a card-game firm's news naming 途游 in its footer, an e-sport club's match news
    keep their title; a known website's channel (_site_channel: 新浪娱乐 of 新浪网) keeps it on any page. A portal's
    nav naming its 体育 and 娱乐 channels says nothing of a title piece the page never names (a hacked portal page
    has that nav too). Of the real pages here (wild-2017, DAnIEL, Scrapinghub) none has such a piece unnamed.

    >>> body = "国务院总理在政府工作报告中提出，今年发展主要预期目标是国内生产总值增长5%左右。"
    >>> unnamed_trade_pieces("政府工作报告提出今年经济增长目标_凯旋体育", "首页 新闻 体育 娱乐 " + body, body)
    ['凯旋体育']
    >>> unnamed_trade_pieces("ob电竞-政府工作报告提出今年经济增长目标", body, body)
    ['ob电竞']
    >>> match = "恒大客场两球击败申花，继续领跑积分榜。"
    >>> unnamed_trade_pieces("中超第三轮战罢 恒大客场取胜_新浪体育", match, match)
    []
    >>> unnamed_trade_pieces("政府工作报告提出今年经济增长目标_新浪娱乐", body, body)  # a portal's channel (新浪网)
    []
    >>> firm = "公司荣获纳税信用A级。"
    >>> unnamed_trade_pieces("公司荣获年度纳税信用A级企业_途游棋牌", firm + " ©2024 途游棋牌 版权所有", firm)
    []
    """
    whole = re.sub(r"\s+", "", title).lower()
    text = re.sub(r"\s+", "", article).lower().replace(whole, " ")
    if len(text) < 20 or GAMBLING_WORDS.search(text) or TRADE_TOPIC_RE.search(text):  # no article: nothing shown
        return []
    hay = re.sub(r"\s+", "", page).lower().replace(whole, " ")
    out = []
    for piece in title_side_pieces(title):
        m = TRADE_PIECE_RE.fullmatch(piece)
        if (m and piece.lower() not in hay and m.group("name").lower() not in hay and piece not in out
                and not _site_channel(m.group("name"), piece)):
            out.append(piece)
    return out


def _site_channel(name: str, piece: str) -> bool:
    """A website's channel: the name + 网 is a word of jieba's dictionary (新浪网, 人民网, 环球网: a site's name) or the
    piece itself is (网易娱乐). A portal's channel is its own whatever one of its pages is about, and a bare page (no
    nav or footer to name it) cannot show that; a brand's name is not a site's (凯旋网, 宏图网, 鼎盛网 are no words).
    Without the dictionary every name counts as a site's.

    >>> _site_channel("新浪", "新浪娱乐"), _site_channel("网易", "网易娱乐"), _site_channel("凯旋", "凯旋体育")
    (True, True, False)
    """
    from cleaners.spin import word_table

    table = word_table()
    return table is None or f"{name}网" in table or piece in table


# A name and an entry suffix (璟航官网入口, X登录入口, X最新网址): what a first-line brand slot holds.
ENTRY_LINE_RE = re.compile(rf"[{CJK}A-Za-z0-9·]{{2,8}}?(?:官网|官網|官方)?(?:登录入口|登陆入口|入口|最新网址|网址)")
# A short name and a colon opening one of the first paragraphs, after an optional bracketed label: 【摘要】X：…
LINE_PREFIX_RE = re.compile(rf"^\s*+(?:[【\[][^】\]]{{1,6}}[】\]])?\s*+([{CJK}A-Za-z0-9·]{{2,10}})\s*+[:：]")
INJECTION = {"title_prefix", "title_dash_prefix", "title_wrapper", "title_suffix", "first_line", "source_line", "prevnext", "body_wrapper",
             "line_prefix",
             "dateline",
             "h1_title_prefix", "h1_title_dash_prefix", "h1_title_wrapper", "h1_title_suffix"}


TITLE_SLOTS = {"title_prefix", "title_wrapper", "title_dash_prefix", "title_suffix",
               "h1_title_prefix", "h1_title_wrapper", "h1_title_dash_prefix", "h1_title_suffix"}


def _is_spam(term: str, where: set[str], evidence: dict[str, set[str]], cores: set[str], body: str,
             title: str = "") -> bool:
    if not re.search(rf"[{CJK}A-Za-z]", term):
        return False  # 10 of a 10:01 pm byline, a page number: digits alone name nothing
    core = core_of(term)
    # The same core in several slots: collect where the core shows up, under any phrase.
    core_slots = core_slots_of(core, evidence)
    if where <= LABEL_SLOTS and core_slots <= LABEL_SLOTS and topic_label(core, body):
        return False  # 澳门赌场：三月博彩收入… over Macau revenue news: the article's topic, not a brand
    if core_slots <= REPORT_SLOTS and reported(core, body):
        return False  # 警方破获“开云体育”跨境网络赌博案 over the case's report: the news names the site it is about
    if "list_item" in where and not _used_in_prose(core, body) and core not in body:
        return True  # a name + a gambling-only trade as one item of a recommendation row under the article
    if where & {"handle", "title_whole", "title_unnamed", "title_trade_unnamed"}:
        return True  # js333金沙线路: a site handle glued to a casino word is a gambling address, nothing else
    if "dateline_domain" in where or "family_core" in where:
        return True  # X讯（www.jz88.cc）: a digit-laden domain; X娱乐 of X娱乐真人: the gambling compound names it
    if is_family(term) and (where - {"keywords"} or core in cores - {term}):
        return True
    # 政府工作报告…_乐竞体育, 来源：星辉彩票: a trade's name in a title or source slot over an article not of that trade
    if where & (TITLE_SLOTS | {"source_line"}) and trade_mismatch(core, body) and not _used_in_prose(core, body):
        return True
    # 【X官网】 or X官网· opening a headline: a news title never starts with a site's own access point
    if (where & {"title_wrapper", "h1_title_wrapper", "title_dash_prefix", "h1_title_dash_prefix"}
            and re.search(r"(?:官网|官網|官方网站)$", term) and 2 <= len(core) <= 6 and not _used_in_prose(core, body)
            and title.count(core) < 2):  # 实惠猪官网_实惠猪QQ群淘客助手: a site titling its own home page
        return True
    # X国际提醒您： in the body, and the same name in a title, first-line, prev/next or hidden slot
    if "prompt" in where and core_slots - {"prompt", "family", "keywords"}:
        return True
    injected = core_slots & INJECTION
    in_prose = _used_in_prose(core, body)
    if is_known(term) and _known_share(term) >= 0.5 and (injected or "hidden" in core_slots) and not _known_subject(term, body):
        return True
    if "hidden" in where and (is_family(term, loose=True) or has_category(term)):
        return True
    # 【X】 in the body and X in another slot; a column label the site prints in its own titles (【韩语每日一句】,
    # 【药代动力学】 over a drug's section) has no brand shape and only title slots beside it
    latin = bool(LATIN_BRAND_RE.match(core)) and (bool(re.search(r"\d", core)) or bool(re.search(rf"[{CJK}]", body)))
    alias = bool(ALIAS_NAME_RE.fullmatch(core))  # 米乐m6, not 长安cx70t车型报价 or 售价RMB69
    shape = has_category(core) or latin or is_known(core) or alias
    others = core_slots - {"body_wrapper", "keywords", "family", "first_line"}
    if "body_wrapper" in where and (is_family(term) or has_category(term) and not in_prose
                                    or others and not in_prose and (shape or others - TITLE_SLOTS)):
        return True
    # Many template slots and a title wrapper or prefix: an injected name even without a telltale shape.
    title_slot = bool(core_slots & {"title_prefix", "title_wrapper", "h1_title_prefix", "h1_title_wrapper"})
    body_slot = bool(core_slots & {"first_line", "prevnext", "body_wrapper"})
    if title_slot and body_slot and len(injected) >= 3 and not in_prose and len(core) >= 3:
        return True
    if alias and "first_line" in core_slots and not in_prose:
        return True
    # A quoted or bracketed name opening the title (‘X’标题, 【X】标题) with a brand shape; a bare latin word
    # there is a category tag ([CSGO], [原创]) unless it carries digits like a site handle (yabo188).
    wrapped_shape = has_category(core) or is_known(core) or alias or latin and bool(re.search(r"\d", core))
    if wrapped_shape and core_slots & {"title_wrapper", "h1_title_wrapper"} and not in_prose:
        return True
    if shape and len(injected) >= 2 and not in_prose and not (is_known(core) and _known_subject(term, body)):
        return True
    if "first_line" in core_slots and len(injected) >= 2 and not in_prose and re.search(r"\d", term):
        return True
    # A name + an entry suffix alone on a line opening the body (璟航官网入口：): a site's entry, not an article's
    # sentence; as a search title (学信网官网入口) it would be the page's title, not a first line.
    if "first_line" in where and ENTRY_LINE_RE.fullmatch(term) and not in_prose:
        return True
    # A name + strong gambling category (金玺娱乐, X彩票) alone on the line opening the body, not in the prose.
    if "first_line" in where and has_category(core) and STRONG_CATEGORY_RE.search(core) and not in_prose:
        return True
    # A site handle (letters + 3 or more digits: hy0868, yx668) alone on the line that opens the body, and nowhere in
    # the article's prose: the first-line slot of a mirror template, even in a dump with no other slot, on a page
    # that names the trade somewhere (title, text, prev/next, meta). A site's own name has that shape too (IT168,
    # hao123 over a phone review), so on a page that never touches gambling the handle alone decides nothing.
    if ("first_line" in where and latin and re.fullmatch(r"[A-Za-z]{2,8}\d{3,6}", core) and not in_prose
            and GAMBLING_WORDS.search("\n".join([title, body, *evidence]))):
        return True
    return False


# Gambling nouns a headline's topic label or a column is named with (澳门赌场：…, 赌场新闻：…, 澳门博彩：…).
TOPIC_NOUN_RE = re.compile(_with_traditional("博彩|赌场|赌博|赌球|彩票|百家乐|老虎机"))
LABEL_SLOTS = TITLE_SLOTS | {"line_prefix", "first_line", "keywords"}


# Slots a news story's own headline fills (the title and its pieces, the heading) and the list and shape
# evidence that follows a name anywhere; a planted slot (first line, prev/next, hidden, keywords …) is not one.
REPORT_SLOTS = TITLE_SLOTS | {"known", "family"}


_ALIAS_MARK_RE = re.compile(r"[A-Za-z]\d|\d[A-Za-z]")


def reported(core: str, body: str) -> bool:
    """An article about gambling that names `core` in its own sentences: crime news, a warning, an essay.

    Evidence: the article uses gambling words at least twice besides the name, and two of its clauses use the
    name among other words (six Chinese characters or more besides it, no promotion), or one that quotes it;
    or it is a headline's sentence (:func:`_headline`) or a fragment whose words (two bigrams) the article tells.
    A mirror plants a brand over an article that never touches the trade; a spam site's own pages sell (its
    promotions are read by the page-level rules, inject.site_topics and the title hijack), they do not report.

    >>> news = "浙江警方近日破获一起以“开云体育”为名的跨境网络赌博案。该团伙在境外架设“开云体育”赌博网站，招揽人员参赌。"
    >>> reported("开云体育", news), reported("开云体育", "国务院总理在政府工作报告中提出，今年增长5%左右。")
    (True, False)
    """
    if len(core) < 2 or _ALIAS_MARK_RE.search(core):
        return False  # (a Latin-digit alias is a brand's or a doorway keyword's: v8平台签到送积分吗, hg0088)
    rest = body.replace(core, "")
    if next(islice(GAMBLING_WORDS.finditer(rest), 1, None), None) is None:  # under two gambling words: no scan past two
        return False
    # a clause counts when it uses the name among six other Chinese characters and sells nothing (注册, 彩金 …);
    # a name the article quotes (以“开云体育”为名) counts twice: a report quotes what it names, a mirror does not
    own = sum((2 if f"“{core}”" in c else 1) for c in _naming_clauses(core, body, lambda c: c.replace(core, ""))
              if not PROMO_RE.search(c))
    if own >= 2 or _headline(core):  # a sentence of the headline (等赌博APP的套路) over an article about the trade
        return True
    # a fragment of the headline (男子沉迷“皇冠”网赌输光百万积蓄 split at its quotes) whose words the article tells
    words = _bigrams(STRONG_GAMBLING_RE.sub(" ", GAMBLING_WORDS.sub(" ", core)))
    return len(core) >= 6 and len(words & _bigrams(rest)) >= 2


def topic_label(term: str, body: str) -> bool:
    """A gambling noun with plain words around it (澳门赌场, 赌场新闻, 澳门博彩) over an article about gambling: the
    article's own topic label in a title or line-prefix slot, not an injected brand. A brand's name is coined
    (鑫博汇赌场), carries an access suffix (葡京赌场官网) or is a curated brand: none of those is spared. The
    article must use gambling words twice besides the label (博彩毛收入 … 博彩收入): Macau revenue news is headed
    澳门赌场：…, and cutting the label cut 澳门博彩 out of 澳门博彩监察协调局 too.

    >>> body = "澳门博彩监察协调局公布，三月份博彩毛收入按年下降约一成。分析人士指出，博彩收入将维持低位。"
    >>> topic_label("澳门赌场", body), topic_label("赌场新闻", body), topic_label("澳门赌场", "今年经济增长5%左右。")
    (True, True, False)
    >>> topic_label("鑫博汇赌场", body), topic_label("葡京赌场官网", body), topic_label("金沙赌场", body)
    (False, False, True)
    >>> topic_label("三月博彩收入同比下降一成", body)  # the headline of a title 标题_网站
    True
    """
    if not re.fullmatch(rf"[{CJK}]{{2,16}}", term) or is_known(term) or SUFFIX_RE.search(term):
        return False
    rest = [p for p in TOPIC_NOUN_RE.split(term) if p]
    if not TOPIC_NOUN_RE.search(term) or any(_coined(p) for p in rest) and not _headline(term):
        return False
    return len(GAMBLING_WORDS.findall(body)) >= 2 and bool(GAMBLING_WORDS.search(body.replace(term, "")))


def _headline(term: str) -> bool:
    """Eight or more characters that read as five or more dictionary words: a headline (三月博彩收入同比下降一成), not a
    name (澳门威尼斯人赌场: three words); or six or more with a grammatical word a name never holds (的, 怎么, 如何 …):
    a question or a phrase (家人沉迷赌博怎么办, 百家乐游戏的概率分析, 澳门新葡京酒店怎么样).

    >>> _headline("三月博彩收入同比下降一成"), _headline("澳门威尼斯人赌场"), _headline("百家乐游戏的概率分析")
    (True, False, True)
    """
    from cleaners.spin import word_table

    if len(term) >= 6 and _GRAMMAR_WORD_RE.search(term):
        return True
    table = word_table()
    if table is None or len(term) < 8:
        return False
    words = i = 0
    while i < len(term):
        i += next((k for k in (4, 3, 2) if term[i:i + k] in table), 1)
        words += 1
    return words >= 5


# Words of a sentence that no brand or site name holds: a structural particle, question words.
_GRAMMAR_WORD_RE = re.compile(r"的|怎么|如何|什么|为什么|为何|是否|吗|呢")


def core_slots_of(core: str, evidence: dict[str, set[str]]) -> set[str]:
    """Every slot in which a phrase of the same brand was seen."""
    slots: set[str] = set()
    for other, w in evidence.items():
        if _same_brand(core, other):
            slots |= w
    return slots


def _known_share(term: str) -> float:
    """How much of a term the known brand inside it covers (a headline that mentions one is not a brand)."""
    m = _known_re().search(term)
    return len(m.group(0)) / len(term) if m else 0.0


def _known_subject(term: str, body: str) -> bool:
    """The listed name inside `term` is what the article is about: two of its clauses use it among other words
    (one, when `term` reads as a headline: :func:`_headline`).

    威尼斯人 is a casino brand on the lists and a Macau hotel: under 澳门三日游攻略：入住威尼斯人 the article says
    坐车到了澳门威尼斯人酒店 and 住在威尼斯人交通很方便. An injector puts a brand in slots (title, first line,
    prev/next) or as a clause of its own (注重实用，必威betway中文版，避免…): the name with its brand tails stands
    alone between the commas. A missed brand costs less than a word cut from an itinerary.

    >>> trip = "第一天坐车到了澳门威尼斯人酒店，办理入住后去购物中心逛了逛。整体来说澳门很小，住在威尼斯人交通很方便。"
    >>> _known_subject("入住威尼斯人", trip)
    True
    >>> _known_subject("必威", "在设备配置上注重实用，必威betway中文版，避免盲目追求高端硬件。多为信息技术教师，必威买球，其中。")
    False
    """
    for name in {n for n in known_brands() if n in term}:  # every listed name in it: 新葡京 of 澳门新葡京 too
        pat = term_pattern([name])
        if pat is None:
            continue
        # a headline naming it (澳门新葡京酒店怎么样) needs one such clause: a slot holds a name, not a question
        if len(_naming_clauses(name, body, lambda c, pat=pat: pat.sub("", c))) >= (1 if _headline(term) else 2):
            return True
    return False


def _naming_clauses(name: str, body: str, without: Callable[[str], str]) -> list[str]:
    """The clauses of `body` that use `name` among six other Chinese characters (counted in `without(clause)`, the
    clause less the name): a sentence about it, not the name standing alone between commas (，必威买球，).

    >>> _naming_clauses("葡京", "下次来澳门还会选择葡京，葡京，好。", lambda c: c.replace("葡京", ""))
    ['下次来澳门还会选择葡京']
    """
    return [c for c in _clauses(body) if name in c and len(_CJK_CHAR_RE.findall(without(c))) >= 6]


@lru_cache(maxsize=4)
def _clauses(body: str) -> list[str]:
    """`body` split into clauses, kept for the last pages: every term of a page asks about the same body."""
    return _CLAUSE_SPLIT_RE.split(body)


_CLAUSE_SPLIT_RE = re.compile(r"[，。！？；,!?;\n]")
_CJK_CHAR_RE = re.compile(f"[{CJK}]")


def _same_brand(core: str, other: str) -> bool:
    """True when `other` is the brand `core` itself or it plus access suffixes, tags or digits.

    >>> _same_brand("开云体育", "开云体育88"), _same_brand("北京娱乐", "北京娱乐信报")
    (True, False)
    """
    if len(core) < 2:
        return False
    if other == core or core_of(other) == core:
        return True
    rest = other[len(core):] if other.startswith(core) else None
    # re.fullmatch(rf"(?:{CATEGORY}|{STRONG_SUFFIX}|{TAIL}|{CHINA_TAG}|[·・\s]|[0-9A-Za-z.])*", rest, re.I)
    return rest is not None and _BRAND_TAIL.fullmatch(rest)


_CATEGORY_OR_SUFFIX = _Pieces(f"{CATEGORY}|{STRONG_SUFFIX}")
_BRAND_TAIL = _Pieces(f"{CATEGORY}|{STRONG_SUFFIX}|{TAIL}", CHINA_TAG, r"[·・\s]", r"[0-9A-Za-z.]")


def _used_in_prose(core: str, body: str) -> bool:
    """True when the article mentions a term inside sentences more than an injector would (>= 3 times)."""
    return len(core) >= 2 and (body.count(core) >= 3 or core.isascii() and body.lower().count(core.lower()) >= 3)


def _trim_name(text: str, m: re.Match[str]) -> str:
    """Cut a family match back to a plausible brand start (after punctuation, else two characters)."""
    phrase = m.group(0)
    name = m.group("name")
    if re.match(rf"[{CJK}]", name) and len(name) > 2:
        start = m.start()
        before = text[max(0, start - 1):start]
        if before and before not in PUNCT + "【‘“「( （\n\t_-|｜·・":
            return phrase[len(name) - 2:]
    return phrase


# ---------------------------------------------------------------- removal


def removable(core: str) -> bool:
    """Whether a brand core is specific enough to delete wherever it occurs (not 体育, not a 2-char word).

    >>> removable("开云体育"), removable("体育"), removable("官网"), removable("hth")
    (True, False, False, True)
    """
    if core and _CATEGORY_OR_SUFFIX.fullmatch(core):  # re.fullmatch(rf"(?:{CATEGORY}|{STRONG_SUFFIX})+", core, re.I)
        return False
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9]{2,}", core):
        return True
    return len(core) >= 3 or is_known(core)


def term_pattern(terms: Iterable[str]) -> TermPattern | None:
    """One regex matching any spam term (or its core) with wrappers, access suffixes and digits."""
    return _term_pattern(tuple(sorted(set(terms))))


@lru_cache(maxsize=256)
def _term_pattern(terms: tuple[str, ...]) -> TermPattern | None:
    cores = {core_of(t) for t in terms} | set(terms)
    cores = {c for c in cores if removable(c)}
    if not cores:
        return None
    # longest first (the longest brand wins where two start), then by code point: the same source in every process
    # whatever the set's order, so the compiled-pattern disk cache finds it again
    alts = "|".join(re.escape(c) for c in sorted(cores, key=lambda c: (-len(c), c)))
    return TermPattern(re.compile(rf"[【‘“「\[『〖]?(?:{alts})", re.I))


@lru_cache(maxsize=1)
def _term_tail() -> re.Pattern[str]:
    """What may follow a spam term (categories, aliases, access suffixes, digits, a call to action, a domain in
    brackets, a closing wrapper): the same for every term set, so compiled once (~5 ms under IGNORECASE)."""
    return re.compile(
        rf"(?:{CATEGORY}|{ALIAS}|{CHINA_TAG}|[·・]|{STRONG_SUFFIX}|{TAIL}|[A-Za-z0-9]"
        rf"|[\-–—_](?={STRONG_SUFFIX})|登录|登陆|注册|{CTA}|\s*[（(]\s*{_DOMAIN}\s*[)）])*[】’”」\]』〗]?",
        re.I,
    )


@dataclass(frozen=True)
class TermMatch:
    """One match of a :class:`TermPattern` (the part of `re.Match` its callers read)."""

    string: str
    span_: tuple[int, int]

    def start(self) -> int:
        return self.span_[0]

    def end(self) -> int:
        return self.span_[1]

    def span(self) -> tuple[int, int]:
        return self.span_

    def group(self, index: int = 0) -> str:
        if index:
            raise IndexError("no such group")
        return self.string[self.span_[0] : self.span_[1]]


class TermPattern:
    """``[wrapper]?(?:term|…)(?:tail)*[wrapper]?`` as two regexes: the term set's own head, and the tail shared by
    every term set (compiled once). The one regex would find the same matches: its tail can match the empty
    string, so once a head matches nothing after it can fail and the engine never backtracks into the head;
    and the tail's greedy loop is the same in either. Only the head is compiled per term set (0.3 ms, not 5)."""

    def __init__(self, head: re.Pattern[str]):
        self.head = head
        self.tail = _term_tail()

    def search(self, string: str, pos: int = 0) -> TermMatch | None:
        m = self.head.search(string, pos)
        if m is None:
            return None
        return TermMatch(string, (m.start(), self.tail.match(string, m.end()).end()))

    def finditer(self, string: str) -> Iterator[TermMatch]:
        pos = 0
        while (m := self.search(string, pos)) is not None:
            yield m
            pos = m.end()  # never empty: a head holds a term

    def sub(self, repl: str, string: str) -> str:
        """Every match replaced by `repl`, taken literally (no group references)."""
        parts, pos = [], 0
        for m in self.finditer(string):
            parts += [string[pos : m.start()], repl]
            pos = m.end()
        return "".join(parts) + string[pos:] if parts else string


def clean_title(title: str, terms: list[str]) -> tuple[str, list[Removal]]:
    """Remove injected brands from a title: `X:` prefixes, `_X`/`-X` suffixes, 【X】/‘X’ wrappers.

    >>> clean_title("开云体育官方app下载:党建引领基层治理", ["开云体育官方app下载"])[0]
    '党建引领基层治理'
    >>> clean_title("德邦物流上市【欧宝体育app】", ["欧宝体育app"])[0]
    '德邦物流上市'
    >>> clean_title("‘华体会’自然资源部发布通知_华体会", ["华体会"])[0]
    '自然资源部发布通知'
    """
    pat = term_pattern(terms)
    if not pat or not title:
        return title, []
    removed: list[Removal] = []
    new = title
    for m in list(pat.finditer(title)):
        removed.append(Removal("title", m.group(0), "spam_brand"))
    new = pat.sub("\x00", new)
    # Drop the separators a brand leaves behind: leading `:`, trailing `_`/`-`.
    new = re.sub(r"^\s*\x00+\s*[:：|｜_\-—–]*\s*", "", new)
    # (a blank run read from its first blank and a hole from its first NUL, possessively: linear, same removals)
    new = re.sub(r"(?:(?<!\s)\s*+|(?!\s))(?:[:：|｜_\-—–]\s*+)?(?<!\x00)\x00++\s*+$", "", new)
    new = re.sub(r"(?:(?<!\s)\s*+|(?!\s))[_|｜]\s*+\x00++\s*+(?=[_|｜]|$)", "", new)
    new = EMPTY_BRACKETS_RE.sub("", new.replace("\x00", "")).strip(" _|｜-—:：")
    return new, removed


def clean_paragraphs(paras: list[str], terms: list[str], where: str = "body") -> tuple[list[str], list[Removal]]:
    """Remove spam terms from paragraphs: whole brand lines, `X:` line prefixes, mid-sentence insertions.

    >>> clean_paragraphs(["开云体育88:", "要推动发展，开云体育官网入口，建设示范区。"], ["开云体育官网入口"])[0]
    ['要推动发展，建设示范区。']
    """
    pat = term_pattern(terms)
    if not pat:
        return paras, []
    out: list[str] = []
    removed: list[Removal] = []
    for i, p in enumerate(paras):
        m = pat.search(p)
        if not m:
            out.append(p)
            continue
        rest = pat.sub("", p)
        bare = PROMPT_RE.sub("", rest)
        if len(re.sub(r"[\s\W\d_]", "", bare)) <= 2 or (len(bare) <= 25 and PROMO_RE.search(bare)
                                                       and not re.search(r"[。！？]", bare)):
            # the whole line was a brand line (with its call to action or sign-up bait)
            removed.append(Removal(where, p, "spam_line"))
            continue
        if m.start() == 0 and not m.group(0).startswith(tuple(WRAPPERS)) and off_topic(rest, paras[:i] + paras[i + 1:]):
            removed.append(Removal(where, p, "spam_filler"))  # keyword + filler text (泛目录)
            continue
        for m in pat.finditer(p):
            removed.append(Removal(where, m.group(0), "spam_brand"))
        out.append(_mend(pat.sub("\x00", p)))
    return out, removed


def _mend(s: str) -> str:
    """Close the hole a removed brand leaves: `，\x00，` -> `，`, a leading `X:` prefix, stray edges.

    >>> _mend("\\x00:基层治理是基石")
    '基层治理是基石'
    >>> _mend("要推动发展，\\x00，建设示范区")
    '要推动发展，建设示范区'
    >>> _mend("企业56家，据\\x00了解，其中不少面临问题。与传统晾晒相比，\\x00指出，机械烘干更快。")
    '企业56家，其中不少面临问题。与传统晾晒相比，机械烘干更快。'
    >>> _mend("离不开多年的积累。\\x00有限公司表示，学院将以此为契机。")
    '离不开多年的积累。学院将以此为契机。'
    >>> _mend("\\x00讯 5月24日，记者来到郭家坝镇。")
    '5月24日，记者来到郭家坝镇。'
    """
    # An injected attribution frame (据X官方网站了解， / X官网指出，) goes whole: its verb has no subject left.
    # Blank and hole runs are possessive (`\s*+`, `\x00++`) and a hole is only read from its first character:
    # the same result as plain `\s*`/`\x00+`, without rescanning a long run from each of its positions.
    for pattern, repl in _MEND_RES:
        s = pattern.sub(repl, s)
    return s.strip()


_MEND_RES = [(re.compile(source), repl) for source, repl in (
    (rf"(?:^|(?<=[{EDGE_PUNCT}。！？!?]))\s*+(?:据|據|根据|根據|从|從|经|經)?\x00++\s*+(?:[（(][^（）()]{{0,40}}[)）])?\s*+"
     r"(?:股份有限公司|有限公司|集团|集團|公司)?\s*+(?:小编|小編)?\s*+"
     r"(?:了解到|了解|获悉|獲悉|得知|指出|表示|介绍|介紹|报道|報導|消息|透露|称|稱|显示|顯示|提醒您|提示您|提醒|认为|認為|强调|強調|建议|建議)"
     r"\s*+[，,：:]", ""),
    (rf"(?:^|(?<=[{EDGE_PUNCT}]))\s*+(?:据|據|根据|根據)\x00++\s*+[，,：:]", ""),
    (r"(?<!\x00)\x00++\s*+[讯訊](?:\s*+[（(][^（）()]{0,40}[)）])?\s*+[:：,，]?\s*+", ""),  # X讯（www.x88.cc） dateline
    (r"^\s*+\x00++\s*+[:：,，、]?\s*+", ""),
    (rf"([{EDGE_PUNCT}])\s*+\x00++\s*+[{EDGE_PUNCT}]", r"\1"),
    (rf"[{EDGE_PUNCT}]\s*+\x00++\s*+([。！？!?])", r"\1"),
    (r"(?<!\s)\s*+\x00[\s\x00]*+", ""),  # every hole with the blanks around it
)]


BIGRAM_CJK_RE = re.compile(rf"[{CJK}]{{2,}}")


def _bigrams(text: str) -> set[str]:
    return {run[i:i + 2] for run in BIGRAM_CJK_RE.findall(text) for i in range(len(run) - 1)}


def off_topic(text: str, others: list[str], threshold: float = 0.06) -> bool:
    """True when a paragraph shares almost no character bigrams with the rest of the article.

    Evidence: keyword-stuffing templates (泛目录) append random filler (often fiction) after a brand;
    an article's own paragraphs share its vocabulary.

    >>> art = ["稻渔综合种养是指在稻田中同时养殖小龙虾和鱼。", "合作社的稻田里小龙虾长势良好，稻田增收明显。"]
    >>> off_topic("只见那少年剑眉一挑，冷笑一声道：就凭你们也想拦我？", art)
    True
    >>> off_topic("稻田里的小龙虾今年长势良好，合作社增收明显。", art)
    False
    """
    mine = _bigrams(text)
    if len(mine) < 8 or not others:
        return False
    rest = _bigrams("\n".join(others))
    return len(mine & rest) / len(mine) < threshold
