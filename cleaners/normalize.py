"""Small text fixes for extracted Chinese/English paragraphs, ftfy style: one tiny function per fix.

Each docstring shows a broken input and its repair. :func:`normalize_paragraph` and
:func:`normalize_paragraphs` compose them.

>>> normalize_paragraph("　　基石,统筹推进乡镇(街道)和城乡&nbsp;\\u200b发展")
'基石，统筹推进乡镇（街道）和城乡 发展'
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable, Iterable
from functools import lru_cache

__all__ = [
    "dedupe_paragraphs",
    "join_hard_breaks",
    "narrow_fullwidth_alnum",
    "normalize_paragraph",
    "normalize_paragraphs",
    "normalize_spaces",
    "remove_invisible",
    "to_simplified",
    "unescape_entities",
    "unify_punctuation_width",
]

# Character classes ------------------------------------------------------------------------------

# Ideographs (BMP, compatibility, supplementary planes), kana, bopomofo: "CJK letters".
_CJK_LETTERS = (
    "\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029\u3040-\u30ff\u3100-\u312f\u31a0-\u31bf\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
)
# CJK letters plus CJK and full-width punctuation: what counts as "Chinese context" next to a mark.
_CJK_CONTEXT = (
    _CJK_LETTERS + "\u3001-\u3004\u3008-\u3020\u30fb\ufe30-\ufe4f\uff01-\uff0f\uff1a-\uff20\uff5b-\uff65"
)
# Characters that take two columns on screen (for line widths).
_WIDE = _CJK_LETTERS + "\u3000-\u303f\uac00-\ud7af\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"

_CJK_RE = re.compile(f"[{_CJK_LETTERS}]")
_CJK_CONTEXT_RE = re.compile(f"[{_CJK_CONTEXT}]")
_WIDE_RE = re.compile(f"[{_WIDE}]")

# unescape_entities ------------------------------------------------------------------------------

# Only well-formed references with a semicolon (so "?a=1&copy=2" in a URL survives), plus a bare
# "&nbsp" that spam templates love.
_ENTITY_RE = re.compile(
    r"&(?:#[xX][0-9a-fA-F]{1,6};|#[0-9]{1,7};|[A-Za-z][A-Za-z0-9]{1,31};|nbsp(?![A-Za-z0-9_=;]))"
)

# remove_invisible -------------------------------------------------------------------------------

# Soft hyphen, Arabic letter mark, Mongolian vowel separator, zero-width space/non-joiner/joiner,
# LRM/RLM, bidi embeddings and isolates, word joiner, invisible operators, BOM / ZWNBSP.
_INVISIBLE_RE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+")

# normalize_spaces -------------------------------------------------------------------------------

# Tab, NBSP, ogham, en/em/thin/hair spaces, narrow NBSP, math space, ideographic space.
_ODD_SPACES = "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
# A run of spaces, or one unusual space (the lookahead is a first-character filter, for speed).
_SPACE_RUN_RE = re.compile(f"(?=[ {_ODD_SPACES}])(?:[ {_ODD_SPACES}]{{2,}}|[{_ODD_SPACES}])")
_LINE_BREAK_RE = re.compile("\r\n?|[\v\f\x1c-\x1e\x85\u2028\u2029]")
# Leading spaces only from the start of their run (a long run of spaces with no newline was quadratic).
_LINE_EDGE_RE = re.compile(r"(?:(?<! ) *)?\n *")

# unify_punctuation_width ------------------------------------------------------------------------

_FULLWIDTH_ALNUM_RE = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_FULLWIDTH_DECIMAL_RE = re.compile(r"(?<=\d)．(?=\d)")
_NARROW_TABLE = {
    c: c - 0xFEE0 for r in ((0xFF10, 0xFF1A), (0xFF21, 0xFF3B), (0xFF41, 0xFF5B)) for c in range(*r)
}
_TO_WIDE = str.maketrans(",;:!?()", "，；：！？（）")

_URL_CHARS = r"A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%"
_URL = rf"(?:(?:https?|ftp)://|www\.)[{_URL_CHARS}]*[A-Za-z0-9\-_~/#@$&'(*+=%]"
# The leading lookahead is a first-character filter: it makes the scan several times faster.
_URL_OR_PAREN_RE = re.compile(rf"(?=[hfw(（])(?:(?P<url>{_URL})|[(（](?P<inner>[^()（）\n]*)[)）])")
_URL_OR_MARK_RE = re.compile(rf"(?=[hfw ,;:!?])(?:(?P<url>{_URL})|(?:(?<! ) *)?(?P<mark>[!?]+|[,;:]) *)")
_ASCII_MARK_RE = re.compile(r"[,;:!?()]")
# GB/T 7714 document-type codes: a line with one is a bibliographic reference, whose ASCII
# punctuation is the citation style itself ("中国行政管理, 2020, 27(05): 81-87.").
_BIB_TYPE_RE = re.compile(r"\[(?:[JMCDNRSPZGAK]|EB|DB|CP|[A-Z]{1,2}/OL)\]")

# join_hard_breaks -------------------------------------------------------------------------------

_TERMINAL = tuple("。！？；：…”’」』）】》〉!?;:.\"')]")
_NEW_PARAGRAPH_RE = re.compile(
    r"(?:[　\t]| {2})"  # indented
    r"|[-*•·●○■□◆◇▪►]\s"  # bullet
    r"|\d{1,3}[.、)）]"  # 1.  2、  3)
    r"|[（(]?[一二三四五六七八九十百]+[、）)]"  # 一、 （二）
    r"|第[一二三四五六七八九十百千\d]+[章节条款篇部回]"  # 第三章
)
_MIN_WRAP_WIDTH = 40  # columns; narrower "wrapping" is a poem or a list, not a hard-wrapped paragraph
_NEAR_WIDTH = 0.8  # a line this close to the block's wrap width may continue on the next line

# dedupe_paragraphs ------------------------------------------------------------------------------

_FOLD_TABLE = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_KEY_DROP_RE = re.compile(
    "[\\s\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+"
)


# The fixes --------------------------------------------------------------------------------------


def unescape_entities(s: str) -> str:
    """Turn HTML character references left in the text into characters.

    >>> unescape_entities("中&#x6587;&#20013;心&amp;合作&nbsp;社")
    '中文中心&合作\\xa0社'
    >>> unescape_entities("https://x.cn/a?b=1&copy=2")
    'https://x.cn/a?b=1&copy=2'
    """
    if "&" not in s:
        return s
    return _ENTITY_RE.sub(lambda m: html.unescape(m.group() if m.group()[-1] == ";" else m.group() + ";"), s)


def remove_invisible(s: str) -> str:
    """Delete zero-width characters, soft hyphens, BOMs and bidi marks (not ordinary spaces).

    >>> remove_invisible("乡\\u200b村\\ufeff振兴 \\u00adplan\\u200e")
    '乡村振兴 plan'
    """
    return _INVISIBLE_RE.sub("", s)


def normalize_spaces(s: str) -> str:
    """Make every space an ordinary one, collapse runs, strip each line (and full-width indentation).

    >>> normalize_spaces("\\u3000\\u3000第一段\\u00a0\\u00a0内容\\t \\r\\n  second\\u2003line  ")
    '第一段 内容\\nsecond line'
    """
    s = _SPACE_RUN_RE.sub(" ", _LINE_BREAK_RE.sub("\n", s))
    if "\n" not in s:  # every edge match holds a line break (a paragraph seldom does): no scan from every position
        return s.strip()
    return _LINE_EDGE_RE.sub("\n", s).strip()


def narrow_fullwidth_alnum(s: str) -> str:
    """Full-width Latin letters and digits become ASCII (and a full-width decimal point between them).

    >>> narrow_fullwidth_alnum("ＧＤＰ增长５．２％，Ｗｉｎ１０")
    'GDP增长5.2％，Win10'
    """
    if not _FULLWIDTH_ALNUM_RE.search(s):
        return s
    return _FULLWIDTH_DECIMAL_RE.sub(".", s.translate(_NARROW_TABLE))


def unify_punctuation_width(s: str) -> str:
    """ASCII , ; : ! ? next to Chinese become full-width, as do parentheses around Chinese.

    Times, numbers, URLs, English sentences, ``[1]`` markers and reference lines (``[J]``) are left
    alone; full-width letters and digits become ASCII.

    >>> unify_punctuation_width("基石,统筹推进乡镇(街道)和城乡")
    '基石，统筹推进乡镇（街道）和城乡'
    >>> unify_punctuation_width("发布时间:2025-11-13 09:31:09")
    '发布时间：2025-11-13 09:31:09'
    >>> unify_punctuation_width("学报,2020,27(05):81-87[1]")
    '学报，2020,27(05):81-87[1]'
    >>> unify_punctuation_width("王明,李华.论基层治理[J].中国行政管理,2020,27(05):81-87.")
    '王明,李华.论基层治理[J].中国行政管理,2020,27(05):81-87.'
    """
    s = narrow_fullwidth_alnum(s)
    if not _ASCII_MARK_RE.search(s) or not _CJK_RE.search(s):
        return s
    if _BIB_TYPE_RE.search(s):
        return "\n".join(line if _BIB_TYPE_RE.search(line) else _widen(line) for line in s.split("\n"))
    return _widen(s)


def _widen(s: str) -> str:
    return _URL_OR_MARK_RE.sub(_widen_mark, _URL_OR_PAREN_RE.sub(_widen_parens, s))


def _widen_parens(m: re.Match[str]) -> str:
    """Full-width parentheses when the content has CJK, or CJK sits on both sides (研究(2020)表明)."""
    inner = m.group("inner")
    if inner is None:
        return m.group()
    if not _CJK_RE.search(inner):
        text, start, end = m.string, m.start(), m.end()
        if not (start and _CJK_CONTEXT_RE.match(text, start - 1) and _CJK_CONTEXT_RE.match(text, end)):
            return m.group()
    return f"（{inner}）"


def _widen_mark(m: re.Match[str]) -> str:
    """Full-width mark (eating the spaces around it) when CJK is next to it, spaces ignored."""
    mark = m.group("mark")
    if mark is None:
        return m.group()
    text, start, end = m.string, m.start(), m.end()
    if (start and _CJK_CONTEXT_RE.match(text, start - 1)) or _CJK_CONTEXT_RE.match(text, end):
        return mark.translate(_TO_WIDE)
    return m.group()


def join_hard_breaks(lines: list[str]) -> list[str]:
    """Re-join a paragraph that was hard-wrapped at a fixed width; headings and sentence ends stay.

    CJK lines are joined without a space, Latin lines with one.

    >>> join_hard_breaks([
    ...     "为深入贯彻落实党的二十大精神，进一步加强基层治理体系和治理能力现代化建设，现就统筹推",
    ...     "进乡镇（街道）和城乡社区治理工作提出如下意见。",
    ...     "一、总体要求",
    ... ])
    ['为深入贯彻落实党的二十大精神，进一步加强基层治理体系和治理能力现代化建设，现就统筹推进乡镇（街道）和城乡社区治理工作提出如下意见。', '一、总体要求']
    """
    widths = sorted(_display_width(line.strip()) for line in lines if line.strip())
    if len(widths) < 2:
        return list(lines)
    wrap = widths[math.ceil(0.8 * len(widths)) - 1]  # 80th percentile: the block's usual full line
    if wrap < _MIN_WRAP_WIDTH:
        return list(lines)
    out: list[str] = []
    last = ""  # the last physical line appended to out[-1]
    for line in lines:
        if out and _continues(last, line, wrap):
            current = out[-1].rstrip()
            nxt = line.strip()
            out[-1] = current + _joiner(current[-1], nxt[0]) + nxt
        else:
            out.append(line)
        last = line
    return out


def _continues(prev: str, line: str, wrap: int) -> bool:
    """True when `line` carries on the sentence that the full-width line `prev` left unfinished."""
    prev = prev.rstrip()
    if not prev or not line.strip() or prev.endswith(_TERMINAL):
        return False
    if _display_width(prev.strip()) < _NEAR_WIDTH * wrap:
        return False
    return not _NEW_PARAGRAPH_RE.match(line)


def _joiner(left: str, right: str) -> str:
    if _WIDE_RE.match(left) or _WIDE_RE.match(right) or left == "-":
        return ""
    return " "


def _display_width(s: str) -> int:
    return len(s) + len(_WIDE_RE.findall(s))


@lru_cache(maxsize=1)
def _t2s() -> Callable[[str], str]:
    """The OpenCC Traditional -> Simplified converter, built once per process."""
    try:
        import opencc
    except ImportError as exc:
        raise ImportError(
            "to_simplified needs OpenCC: install the extra with  pip install 'mirrorclean[zh]'"
        ) from exc
    try:
        converter = opencc.OpenCC("t2s")
    except Exception:  # noqa: BLE001 - older C++ bindings want the config file name
        converter = opencc.OpenCC("t2s.json")
    return converter.convert


def to_simplified(s: str) -> str:
    """Traditional Chinese to Simplified with OpenCC (the ``mirrorclean[zh]`` extra).

    >>> to_simplified("臺灣的經濟發展，資訊產業")
    '台湾的经济发展，资讯产业'
    """
    return _t2s()(s) if _CJK_RE.search(s) else s


def dedupe_paragraphs(paras: list[str]) -> tuple[list[str], list[str]]:
    """Keep each paragraph once (first occurrence), comparing modulo whitespace and punctuation width.

    >>> dedupe_paragraphs(["你好,世界", "第二段", "你好，  世界", "第二段"])
    (['你好,世界', '第二段'], ['你好，  世界', '第二段'])
    """
    seen: set[str] = set()
    kept: list[str] = []
    dropped: list[str] = []
    for para in paras:
        key = _dedupe_key(para)
        if key in seen:
            dropped.append(para)
        else:
            seen.add(key)
            kept.append(para)
    return kept, dropped


def _dedupe_key(para: str) -> str:
    return _KEY_DROP_RE.sub("", _fold_width(para))


def _fold_width(para: str) -> str:
    """``para.translate(_FOLD_TABLE)``; a paragraph of 64+ characters of the BMP by one gather over its UTF-16 code
    units (str.translate looks each character up in a dict: 3x slower on Chinese text)."""
    if len(para) < 64 or max(para) > "\uffff":
        return para.translate(_FOLD_TABLE)
    import numpy as np  # loaded by then (the parser and the character model use it); not at import time

    try:
        units = np.frombuffer(para.encode("utf-16-le"), dtype=np.uint16)
    except UnicodeEncodeError:  # a lone surrogate
        return para.translate(_FOLD_TABLE)
    folded = np.where((units >= 0xFF01) & (units <= 0xFF5E), units - np.uint16(0xFEE0), units)
    return folded.astype(np.uint16).tobytes().decode("utf-16-le")


# Compositions -----------------------------------------------------------------------------------


def normalize_paragraph(s: str) -> str:
    """Entities, invisible characters, spaces, punctuation width, in that order.

    >>> normalize_paragraph("Hello,&nbsp;world!\\u200b  See https://x.cn/a?b=1.")
    'Hello, world! See https://x.cn/a?b=1.'
    """
    return unify_punctuation_width(normalize_spaces(remove_invisible(unescape_entities(s))))


_BULLET_RE = re.compile(r"^- (?=\S)")
_TABLE_SEP_RE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")


def plain_markup(para: str) -> str | None:
    """Undo the extractor's text markup: the `- ` of a list item, the pipes of a table row (None: a rule row).

    trafilatura writes <li> as `- item` and table rows as `| a | b |` with a `|---|---|` rule; the page had
    neither, so a corpus gets the item's words and the cells separated by spaces.

    >>> plain_markup("- 第一天：从城区出发。"), plain_markup("| 队伍名称 | 指导教师 | 奖项 |"), plain_markup("|---|---|")
    ('第一天：从城区出发。', '队伍名称 指导教师 奖项', None)
    """
    if _TABLE_SEP_RE.match(para.strip()):
        return None
    s = para.strip()
    if s.startswith("|") and s.endswith("|") and len(s) > 2:
        cells = [c.strip() for c in s[1:-1].split("|")]
        return " ".join(c for c in cells if c)
    return _BULLET_RE.sub("", para)


def normalize_paragraphs(paras: Iterable[str], *, simplified: bool = False) -> tuple[list[str], list[str]]:
    """Normalise each paragraph, drop empty ones, then dedupe; returns (kept, dropped duplicates).

    >>> normalize_paragraphs(["　　臺灣經濟", "&nbsp;", "台湾经济"], simplified=True)
    (['台湾经济'], ['台湾经济'])
    """
    out: list[str] = []
    for para in paras:
        text = normalize_paragraph(para)
        if simplified:
            text = to_simplified(text)
        if text:
            out.append(text)
    return dedupe_paragraphs(out)
