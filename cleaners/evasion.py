"""Text written to slip past keyword filters: the signature of a planted advert, whatever it sells.

Spammers who post adverts into comments, forums and hacked pages know that platforms filter words such as
微信, 网址 and the names of what they sell, so they break the words up: a separator between single
characters (看.色.片, 全.国.货.到.付.款, 电╆微.信, 网.址), a homophone of a contact word (薇信, 徽信, V信),
a Latin look-alike from another script inside a Chinese word (看.а.片 with a Cyrillic а), a phone number cut
into groups (136.0047.0886). Ordinary text has no reason to do any of this. The evidence is the evasion
itself, not a list of brands, so it holds for adverts of any year and any trade.

Rules (each seen on real pages of ../shared/eval/wild-2017, fixtures/wild):

* a **split word**: two or more single CJK characters joined by filler (``.`` ``．`` ``*`` ``╆`` ``☆`` ``~`` …)
  whose joined form is a contact word (微信 网址 电话 …) or a spam-topic word, or three or more such
  characters on a line that also gives a web address or a long number (an advert says where to go);
* a **contact homophone**: 薇信, 徽信, 威芯, 危信 …; 威信/V信/VX/WX/加V followed by an id, 扣扣 followed by digits
  (full-width letters read as ASCII);
* a **mixed-script word**: a Cyrillic or Greek letter glued between CJK characters or separators.

A line that only decorates a heading (吃.喝.玩.乐, 衣·食·住·行) names no contact, topic, address or number and
stays. The middle dot ``·`` and the slash are not filler: names (迪兹·吉莱斯皮) and menus (中/英) use them.
"""

from __future__ import annotations

import re
import unicodedata

from cleaners.record import Removal

CJK = "\u3400-\u4dbf\u4e00-\u9fff"
FILLER = r"[.．*＊╆☆★♥❤~～•●◆◇_＿^]"
SPLIT_RE = re.compile(rf"(?:[{CJK}]\s?{FILLER}+\s?){{1,}}[{CJK}]")
CONTACT_WORDS_RE = re.compile(r"微信|威信|薇信|徽信|网址|網址|电话|電話|联系|聯繫|客服|扣扣|货到付款|貨到付款|QQ", re.I)
HOMOPHONE_RE = re.compile(
    r"薇信|徽信|威芯|薇芯|徽芯|危信|魏信"
    r"|(?:威信|[Vv]信|威❤信|微❤信|扣扣)\s*[:：号]?\s*[A-Za-z0-9]{5,}"
    r"|(?:[Vv][Xx]|[Ww][Xx])号?\s*[:：]\s*[A-Za-z0-9_-]{5,}"
    r"|(?:加|\+|➕)\s*[Vv]\s*[:：]?\s*[A-Za-z0-9_-]{5,}",
)
MIXED_SCRIPT_RE = re.compile(rf"[{CJK}]{FILLER}?[\u0400-\u04ff\u0370-\u03ff]{FILLER}?[{CJK}]")
ADDRESS_RE = re.compile(r"https?://|www\.|\b[a-z0-9-]{3,}\.(?:com|cc|net|org|vip|top|me|cn)\b|\d{5,}|\d{3,4}[.\-\s]\d{3,4}[.\-\s]\d{3,4}",
                        re.I)


# Cheap cues, each led by a character class (scanned fast): a filler before a CJK character, a CJK homophone's
# first two characters, a Latin contact id. A text with none of them holds no evasive spelling.
FILLER_CJK_RE = re.compile(rf"{FILLER}+\s?[{CJK}\u0400-\u04ff\u0370-\u03ff]")
RARE_CUE_RE = re.compile("[薇徽危魏扣❤➕ＶｖＷｗ]")  # each search below is led by one character class (a fast scan)
LATIN_CUE_RE = re.compile("[VvWw][XxＸｘ信]")
PLUS_CUE_RE = re.compile(r"[加+]\s*[VvＶｖ]")
OTHER_SCRIPT_RE = re.compile("[\u0400-\u04ff\u0370-\u03ff]")


def _homophone_cues(text: str) -> list[int]:
    """Where a contact homophone may start (a cheap look before HOMOPHONE_RE)."""
    return [m.start() for cue in (RARE_CUE_RE, LATIN_CUE_RE, PLUS_CUE_RE) for m in cue.finditer(text)]
FULLWIDTH_RE = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")  # full-width letters and digits


def has_evasion_cue(text: str) -> bool:
    """Whether a text can hold an evasive spelling at all: the cheap gate `evasive_words` opens with.

    >>> has_evasion_cue("县水利局公布了名单。www.example.com 2024.05"), has_evasion_cue("加薇信：abc12345")
    (False, True)
    """
    return bool(FILLER_CJK_RE.search(text) or RARE_CUE_RE.search(text) or LATIN_CUE_RE.search(text)
                or PLUS_CUE_RE.search(text))


def _address_near(text: str, at: int) -> bool:
    """Whether the line of `text` holding position `at` gives a web address or a long number."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return bool(ADDRESS_RE.search(text, start, end if end >= 0 else len(text)))


def _split_runs(line: str) -> list[tuple[int, str]]:
    """(start, run) of the runs of single CJK characters split by filler (看.色.片.看), found from the fillers."""
    out, end = [], 0
    for m in FILLER_CJK_RE.finditer(line):
        k = m.start() - 1
        if k >= 0 and line[k] == " ":
            k -= 1
        if k < end or k < 0 or not ("\u3400" <= line[k] <= "\u9fff"):
            continue
        run = SPLIT_RE.match(line, k)
        if run:
            out.append((k, run.group(0)))
            end = run.end()
    return out


def _joined(run: str) -> str:
    return re.sub(rf"\s|{FILLER}", "", run)


def evasive_words(line: str) -> list[str]:
    """The filter-evading spellings in a line (as written).

    >>> evasive_words("▅▅看.色.片.看.а.片 【 HTTP://ACAAA.CC 】 网.址 ▅▅")
    ['看.色.片.看', '网.址', '看.а.片']
    >>> evasive_words("海口卖银行卡【薇信: WX789123COM QQ: 2466888989】")
    ['薇信']
    >>> evasive_words("吃.喝.玩.乐，欢迎光临"), evasive_words("迪兹·吉莱斯皮主演"), evasive_words("中/英/日")
    ([], [], [])
    >>> evasive_words("高仿包包 加V：abc12345"), evasive_words("详情ＶＸ：ｋｆ８８６６"), evasive_words("V信号：大于五")
    (['加V：abc12345'], ['VX:kf8866'], [])
    """
    if not line or len(line) > 400_000 or not has_evasion_cue(line):
        return []
    found: list[str] = []
    for start, run in _split_runs(line):
        joined = _joined(run)
        if CONTACT_WORDS_RE.search(joined) or _topic(joined) or len(joined) >= 3 and _address_near(line, start):
            found.append(run)
    folded = unicodedata.normalize("NFKC", line) if FULLWIDTH_RE.search(line) else line  # ＶＸ：… is VX:…
    for at in sorted(set(_homophone_cues(folded))):  # the full pattern only where a cue stands
        m = HOMOPHONE_RE.match(folded, max(0, at - 1)) or HOMOPHONE_RE.match(folded, at)
        if m:
            found.append(m.group(0))
    for m in MIXED_SCRIPT_RE.finditer(line) if OTHER_SCRIPT_RE.search(line) else ():
        if found or _address_near(line, m.start()):
            found.append(m.group(0))
    return list(dict.fromkeys(found))


def _topic(word: str) -> bool:
    from cleaners.inject import site_topics

    return bool(site_topics(word))


def drop_evasive_ads(paras: list[str]) -> tuple[list[str], list[Removal]]:
    """Remove paragraphs that carry filter-evading spellings (reason ``evasive_ad``): a planted advert.

    >>> drop_evasive_ads(["正文第一段。", "全.国.货.到.付.款 电╆微.信 136.0047.0886"])
    (['正文第一段。'], [Removal(where='body', text='全.国.货.到.付.款 电╆微.信 136.0047.0886', reason='evasive_ad')])
    """
    kept, removed = [], []
    for p in paras:
        if evasive_words(p):
            removed.append(Removal("body", p, "evasive_ad"))
        else:
            kept.append(p)
    return kept, removed
