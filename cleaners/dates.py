"""Publication dates: find one in a short string, in the lines near a title, or in HTML meta values.

Everything returns ISO 8601 text: ``YYYY-MM-DD``, plus ``THH:MM[:SS]`` when the source gives a time,
plus the UTC offset when the source gives one. Invalid calendar values (month 13, 31 February,
hour 24, a year outside ``min_year``..``max_year``) are never returned.

>>> parse_date("来源:开云体育官方app下载    发布时间:2025-11-13 09:31:09")
'2025-11-13T09:31:09'
>>> find_published(["首页 > 新闻", "作者：张三", "2025年11月13日 09:31", "正文第一段"])
('2025-11-13T09:31', 2)
"""

from __future__ import annotations

import re
from datetime import date

__all__ = ["find_date", "parse_date", "find_published", "published_from_meta"]

MIN_YEAR = 1990
MAX_YEAR = 2100
LONG_LINE = 60  # an unlabelled line longer than this is body text: its dates are not the page's date
BYLINE_MAX = 80  # a 来源/作者 byline longer than this is not trusted as a whole

# --- building blocks -------------------------------------------------------------------------------

_PERIOD = r"上午|下午|中午|晚上|凌晨|早上|傍晚|AM|PM|am|pm|a\.m\.|p\.m\."
_PM = {"下午", "中午", "晚上", "傍晚", "pm", "p.m."}
_AM = {"上午", "凌晨", "早上", "am", "a.m."}
# Whitespace quantifiers that meet another one across an optional part are possessive (*+): a date followed
# by a long blank run was quadratic (each split of the run between the two was tried).
_TIME = (
    rf"(?P<period>{_PERIOD})?\s*+"
    r"(?P<h>\d{1,2})\s*(?::|时|点)\s*(?P<mi>\d{2}(?=\d{4}[年/-])|\d{1,2}(?!\d))\s*+分?"
    r"(?:\s*(?::|(?<=分))\s*(?P<s>\d{1,2})(?:\.\d+)?\s*+秒?)?"
    rf"(?:\s*(?P<period2>{_PERIOD}))?"
    r"(?P<tz>Z|[+-]\d{2}:?\d{2}(?!\d))?"
)
_WEEKDAY = r"(?:\s*+[(（]?\s*+(?:星期|礼拜|周)[一二三四五六日天][)）]?)?"
_CN_DIGITS = "〇○零O一二三四五六七八九"  # full-width Ｏ is read as O
_EN_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_EN_MONTH = r"(?P<mon>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?)"

# Date patterns, each with an optional time after it. Named groups: y m d (or mon), time groups.
_NUMERIC_RE = re.compile(
    r"(?<![\d.])(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d|\.\d)"
    rf"(?:(?:T|[ \t]++)(?:{_TIME}))?"
)
_CJK_RE = re.compile(
    r"(?<!\d)(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]"
    rf"{_WEEKDAY}(?:[\s,，]*+(?:{_TIME}))?"
)
_CN_NUMERAL_RE = re.compile(
    rf"(?P<y>[{_CN_DIGITS}]{{4}})\s*年\s*(?P<m>[一二三四五六七八九十]{{1,2}})\s*月"
    r"\s*(?P<d>[一二三四五六七八九十]{1,3})\s*[日号]"
)
_EN_MDY_RE = re.compile(
    rf"\b{_EN_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b"
    rf"(?:,?\s++(?:at\s++)?(?:{_TIME}))?",
    re.IGNORECASE,
)
_EN_DMY_RE = re.compile(
    rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+{_EN_MONTH},?\s+(?P<y>\d{{4}})\b"
    rf"(?:,?\s++(?:at\s++)?(?:{_TIME}))?",
    re.IGNORECASE,
)
_COMPACT = r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?:(?P<h>\d{2})(?P<mi>\d{2})(?P<s>\d{2})?)?(?!\d)"
_COMPACT_RE = re.compile(rf"(?<!\d){_COMPACT}")
# 18/03/2024 (Hong Kong, UK) and 03/18/2024 (US): only when the day cannot be a month (13-31).
_SLASH_DMY_RE = re.compile(
    r"(?<![\d./-])(?P<d>1[3-9]|2\d|3[01])/(?P<m>0?[1-9]|1[0-2])/(?P<y>\d{4})(?![\d/])"
    rf"(?:[ \t]++(?:{_TIME}))?"
)
_SLASH_MDY_RE = re.compile(
    r"(?<![\d./-])(?P<m>0?[1-9]|1[0-2])/(?P<d>1[3-9]|2\d|3[01])/(?P<y>\d{4})(?![\d/])"
    rf"(?:[ \t]++(?:{_TIME}))?"
)
_DATE_PATTERNS = (_NUMERIC_RE, _CJK_RE, _CN_NUMERAL_RE, _EN_MDY_RE, _EN_DMY_RE, _SLASH_DMY_RE, _SLASH_MDY_RE)

# Labels that announce a date, in three tiers: publication, generic, update.
_PUB_LABELS = (
    r"发布时间|发布日期|发布于|发表时间|发表日期|发表于|出版日期|出版时间|刊发时间|首发时间|上线时间|发布|发表|刊发|"
    r"\bpublished(?:\s+on)?|\bposted(?:\s+on)?|\bpublish(?:ed)?\s*date|\bdate\s+published"
)
_GENERIC_LABELS = (
    r"(?<!更新)(?<!修改)(?<!发布)(?<!发表)(?<!出版)(?<!刊发)(?<!首发)(?<!上线)"
    # a member's or an event's dates, not the page's: 注册时间 (forum profiles), 报名/截止/开始/结束/出生日期, and the
    # time of the event a notice or a listing announces (来校招聘时间, 宣讲时间, 面试时间, 上映时间, 举办时间)
    r"(?<!注册)(?<!登录)(?<!加入)(?<!出生)(?<!报名)(?<!截止)(?<!开始)(?<!结束)(?<!活动)(?<!开奖)"
    r"(?<!招聘)(?<!宣讲)(?<!面试)(?<!考试)(?<!笔试)(?<!上映)(?<!举办)(?<!举行)(?<!比赛)"
    # 北京时间 names a time zone, not a date's role (报名时间：北京时间2016年11月28日-12月16日)
    r"(?<!北京)(?:时间|日期)"
    r"|\bdate\b|\btime\b"
)
_UPDATE_LABELS = r"更新时间|更新日期|更新于|修改时间|修改日期|最后更新|更新|\b(?:last\s+)?updated(?:\s+on)?|\bmodified(?:\s+on)?"
_LABEL_TIERS = tuple(
    re.compile(rf"(?:{labels})(?:\s*[A-Za-z][A-Za-z ]{{1,15}}(?=\s*[:：]))?[\s:：\[【(（]*", re.IGNORECASE)
    for labels in (_PUB_LABELS, _GENERIC_LABELS, _UPDATE_LABELS)
)
_ANY_LABEL_RE = re.compile(
    rf"(?:{_PUB_LABELS}|{_UPDATE_LABELS}|{_GENERIC_LABELS})[\s:：]*(?={_COMPACT})", re.IGNORECASE
)
_BYLINE_RE = re.compile(
    r"^\s*(?:来源|作者|编辑|责任编辑|责编|记者|撰文|文|source|author|by)\s*[:：\s]"
    r"|(?:来源|作者|编辑|责编|阅读|浏览|点击|人气|发布者|发布人|查看|来自|投稿)\s*[:：]",
    re.I,
)
_COLON_RE = re.compile(r"[:：]")
_NON_WORD_RE = re.compile(r"[\W_]+")
# Full-width ASCII (０-９, ：, ／, Ｔ ...) and the ideographic space, read as their ASCII forms.
_HALF_WIDTH = {0xFF01 + i: 0x21 + i for i in range(94)} | {0x3000: 0x20}

# HTML meta keys (lower-cased, spaces removed) that hold a publication date, best first.
_META_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "og:release_date",
    "pubdate",
    "publishdate",
    "publish_date",
    "publication_date",
    "weibo:article:create_at",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "date",
    "time",
    "datetime",
    "datecreated",
    "_time",  # a <time datetime> element (cleaners.html.page_meta: the publication one when marked)
)
_META_FALLBACK_RE = re.compile(r"publish|pubdate|release|create|issued", re.IGNORECASE)
_META_EXCLUDE_RE = re.compile(r"modif|update|expir|revis", re.IGNORECASE)


# --- value helpers -----------------------------------------------------------------------------------


def _cn_year(text: str) -> int:
    """Read a year written digit by digit in Chinese numerals.

    >>> _cn_year("二〇二五")
    2025
    """
    return int("".join(str(max(_CN_DIGITS.find(c) - 3, 0)) for c in text))


def _cn_small(text: str) -> int | None:
    """Read a month or day written in Chinese numerals (一 .. 三十一); None when malformed.

    >>> [_cn_small(t) for t in ("三", "十", "十一", "二十", "二十三", "三十一", "十十")]
    [3, 10, 11, 20, 23, 31, None]
    """
    digits = "一二三四五六七八九"
    if "十" not in text:
        return digits.index(text) + 1 if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or "十" in ones or len(ones) > 1:
        return None
    return (digits.index(tens) + 1 if tens else 1) * 10 + (digits.index(ones) + 1 if ones else 0)


def _hour24(hour: int, period: str | None) -> int:
    """Turn a 12-hour clock reading into 24-hour using its 上午/下午/AM/PM marker.

    >>> _hour24(3, "下午"), _hour24(12, "AM"), _hour24(15, "下午"), _hour24(11, "中午"), _hour24(1, "中午")
    (15, 0, 15, 11, 13)
    """
    if not period:
        return hour
    period = period.lower()
    if period in _PM and hour < 12 and not (period == "中午" and hour >= 10):
        return hour + 12
    if period in _AM and hour == 12:
        return 0
    return hour


def _offset(tz: str | None) -> str | None:
    """Normalise a UTC offset to ``Z`` or ``±HH:MM``; '' when absent, None when out of range.

    >>> _offset("+0800"), _offset("Z"), _offset(None), _offset("+25:00")
    ('+08:00', 'Z', '', None)
    """
    if not tz:
        return ""
    if tz == "Z":
        return "Z"
    digits = tz[1:].replace(":", "")
    if int(digits[:2]) > 14 or int(digits[2:]) > 59:
        return None
    return f"{tz[0]}{digits[:2]}:{digits[2:]}"


def _time_part(groups: dict[str, str | None]) -> str:
    """Build the ``THH:MM[:SS][offset]`` suffix from a match's time groups; '' when absent or invalid."""
    if groups.get("h") is None:
        return ""
    hour = _hour24(int(groups["h"]), groups.get("period") or groups.get("period2"))
    minute, second = int(groups["mi"]), groups.get("s")
    offset = _offset(groups.get("tz"))
    if hour > 23 or minute > 59 or (second is not None and int(second) > 59) or offset is None:
        return ""
    seconds = f":{int(second):02d}" if second is not None else ""
    return f"T{hour:02d}:{minute:02d}{seconds}{offset}"


def _ymd(groups: dict[str, str | None]) -> tuple[int, int, int] | None:
    """Read year, month and day from a match's groups, whatever notation they use."""
    y, d = groups["y"], groups["d"]
    if groups.get("mon"):
        month: int | None = _EN_MONTHS.index(groups["mon"][:3].lower()) + 1
    elif groups["m"].isdigit():
        month = int(groups["m"])
    else:
        month = _cn_small(groups["m"])
    year = int(y) if y.isdigit() else _cn_year(y)
    day = int(d) if d.isdigit() else _cn_small(d)
    if month is None or day is None:
        return None
    return year, month, day


def _iso(match: re.Match[str], min_year: int, max_year: int) -> str | None:
    """Turn one pattern match into ISO 8601, or None when the calendar values are impossible."""
    groups = match.groupdict()
    ymd = _ymd(groups)
    if ymd is None or not min_year <= ymd[0] <= max_year:
        return None
    try:
        day = date(*ymd)
    except ValueError:
        return None
    return day.isoformat() + _time_part(groups)


# --- public API ----------------------------------------------------------------------------------------


def find_date(
    s: str, *, labelled: bool = False, min_year: int = MIN_YEAR, max_year: int = MAX_YEAR
) -> tuple[str, int, int] | None:
    """Find the first valid date in `s`: (iso, start, end) of the date text, or None.

    Acts on the written forms listed in parse_date. A bare 8-digit ``20250113`` counts only when
    `labelled` is true (the caller knows the value is a date, e.g. a meta tag) or a date label such as
    ``发布日期:`` sits right before it. Offsets are into `s` (full-width digits and colons are
    read as ASCII, one character for one).

    >>> find_date("2024年4月，习在重庆考察时强调") is None
    True
    >>> find_date("见2025/11/13")
    ('2025-11-13', 1, 11)
    >>> find_date("更新時間：18/03/2024 16:20")[0], find_date("03/04/2024") is None
    ('2024-03-18T16:20', True)
    """
    text = s.translate(_HALF_WIDTH)
    found: list[tuple[int, int, str]] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            iso = _iso(match, min_year, max_year)
            if iso:
                found.append((match.start(), match.end(), iso))
                break
    if labelled:
        compact = _COMPACT_RE.search(text)
    else:
        label = _ANY_LABEL_RE.search(text)
        compact = _COMPACT_RE.match(text, label.end()) if label else None
    if compact and (iso := _iso(compact, min_year, max_year)):
        found.append((compact.start(), compact.end(), iso))
    if not found:
        return None
    start, end, iso = min(found)
    return iso, start, end


def parse_date(
    s: str, *, labelled: bool = False, min_year: int = MIN_YEAR, max_year: int = MAX_YEAR
) -> str | None:
    """Return the first plausible date/time in a short string as ISO 8601, or None.

    Reads ``2025-11-13``, ``2025/11/13``, ``2025.11.13``, ``2025年11月13日`` (with an optional
    weekday), ``二〇二五年十一月十三日``, ``June 18, 2024``, ``18 June 2024``, ISO with ``T`` and an
    offset, and a labelled ``20250113``; a following time (``09:31``, ``09:31:09``, ``下午3:05``,
    ``9时31分``, ``3:05 PM``) is kept, fractional seconds are dropped, a UTC offset is kept.

    >>> parse_date("2025-11-13 09:31:09")
    '2025-11-13T09:31:09'
    >>> parse_date("2025年11月13日 下午3:05")
    '2025-11-13T15:05'
    >>> parse_date("2024-06-18T10:22:31+08:00")
    '2024-06-18T10:22:31+08:00'
    >>> parse_date("二〇二五年十一月十三日"), parse_date("2025-1-3"), parse_date("2025-02-30")
    ('2025-11-13', '2025-01-03', None)
    >>> parse_date("20250113"), parse_date("发布日期：20250113")
    (None, '2025-01-13')
    """
    found = find_date(s, labelled=labelled, min_year=min_year, max_year=max_year)
    return found[0] if found else None


def _labelled_date(line: str) -> tuple[int, str] | None:
    """Date announced by a label in `line`: (tier, iso), tier 0 = publication, 1 = generic, 2 = update.

    Acts on a label (发布时间, 日期, Published, 更新时间 ...) followed directly by a date (in a line
    longer than LONG_LINE, only a label with a colon), or on a short byline (来源/作者 ...) holding
    a date anywhere.

    >>> _labelled_date("更新时间：2025-02-01 发布时间：2025-01-01")
    (0, '2025-01-01')
    >>> _labelled_date("作者：张三　2025-11-13")
    (1, '2025-11-13')
    >>> _labelled_date("2024/06/18   作者：admin   阅读：2376")
    (1, '2024-06-18')
    >>> _labelled_date("发帖: 1326 注册时间: 2016-04-11") is None
    True
    >>> _labelled_date("来校招聘时间：2016年3月14日上午10点"), _labelled_date("上映时间：1963-05-20")
    (None, None)
    >>> _labelled_date("报名时间：北京时间2016年11月28日-12月16日")
    >>> _labelled_date("发布时间：2016年3月14日 宣讲会")
    (0, '2016-03-14')
    """
    long_line = len(line.strip()) > LONG_LINE
    for tier, pattern in enumerate(_LABEL_TIERS):
        for label in pattern.finditer(line):
            if long_line and not _COLON_RE.search(label.group()):
                continue  # in a long line a bare 发布/时间 is more likely a verb or noun of the body
            found = find_date(line[label.end() :])
            if found and found[1] == 0:
                return tier, found[0]
    if len(line.strip()) <= BYLINE_MAX and _BYLINE_RE.search(line) and (iso := parse_date(line)):
        return 1, iso
    return None


def _mostly_date(line: str) -> str | None:
    """The date of a short line that is mostly that date (what is left is shorter than the date).

    >>> _mostly_date("人民网 2025-11-13 10:00"), _mostly_date("2024年4月1日，习在重庆考察时强调发展")
    ('2025-11-13T10:00', None)
    """
    if len(line.strip()) > LONG_LINE:
        return None
    found = find_date(line)
    if not found:
        return None
    iso, start, end = found
    rest = _NON_WORD_RE.sub("", line[:start] + line[end:])
    return iso if len(rest) <= end - start else None


def find_published(lines: list[str]) -> tuple[str | None, int | None]:
    """Pick the publication date among candidate lines (e.g. those around the title): (iso, index).

    Prefers a labelled line (发布时间 over 日期/来源/作者 over 更新时间; the first line within a
    tier), else the first short line that is mostly a date. Unlabelled lines longer than
    LONG_LINE characters are body text and ignored. Returns (None, None) when nothing fits.

    >>> find_published(["2024年4月1日，习在重庆考察时强调，要深入推进超大城市现代化治理，推进基层治理体系建设。",
    ...                 "更新时间：2025-02-01", "发布日期：2025-01-01"])
    ('2025-01-01', 2)
    >>> find_published(["没有日期"])
    (None, None)
    """
    best: tuple[int, int, str] | None = None
    for index, line in enumerate(lines):
        labelled = _labelled_date(line)
        if labelled and (best is None or labelled[0] < best[0]):
            best = (labelled[0], index, labelled[1])
    if best:
        return best[2], best[1]
    for index, line in enumerate(lines):
        iso = _mostly_date(line)
        if iso:
            return iso, index
    return None, None


def _meta_key(key: str) -> str:
    """Normalise a meta key for lookup: lower case, no whitespace.

    >>> _meta_key("weibo: article:create_at")
    'weibo:article:create_at'
    """
    return re.sub(r"\s+", "", key).lower()


def published_from_meta(meta: dict[str, str]) -> str | None:
    """Publication date from HTML meta values (name/property -> content), or None.

    Acts on the known publication keys in priority order (article:published_time, datePublished,
    og:release_date, pubdate, publishdate, weibo: article:create_at, DC dates, <time datetime> ...),
    then on any other key that mentions publish/release/create but not modify/update. Values are
    labelled by their key, so a compact ``20250113`` is accepted.

    >>> published_from_meta({"og:title": "x", "PubDate": "2025-11-13 09:31"})
    '2025-11-13T09:31'
    >>> published_from_meta({"article:modified_time": "2025-01-01", "publishdate": "20241230"})
    '2024-12-30'
    """
    values = {_meta_key(k): v for k, v in meta.items() if isinstance(v, str)}
    keys = [k for k in _META_KEYS if k in values]
    keys += [k for k in values if _META_FALLBACK_RE.search(k) and not _META_EXCLUDE_RE.search(k)]
    for key in keys:
        iso = parse_date(values[key], labelled=True)
        if iso:
            return iso
    return None
