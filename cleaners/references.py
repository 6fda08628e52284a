"""References: move an article's reference list out of its body, and read citation numbers.

Two kinds of evidence mark references:

* a heading paragraph (参考文献, 参考资料, 注释, 注释与参考文献, References, Notes ...): everything after
  it is a reference, except a short footer at the very end (see below);
* without a heading, a trailing run of paragraphs that each start with a citation number
  (``[1]`` ``［1］`` ``【1】`` ``(1)`` ``①`` ``注1``) and each look like a citation (short-ish, with
  bibliographic cues: ``[J]`` ``[M]`` ``[EB/OL]`` 出版社 第…页 pp. a year or a URL). ``1.`` / ``1、``
  numbering counts only inside a heading section: as a trailing run it is far more often a list.

Footer rule (a judgment call): at most TAIL_MAX_LINES short paragraphs (< TAIL_MAX_CHARS characters)
that are not references may follow the references, e.g. ``（责任编辑：张三）`` or ``上一篇:…``; they
stay in the body, at its end. A trailing run followed by such a footer must hold at least two
references, so that one stray ``[1]…`` line before a footer is not taken for a list. A paragraph
that starts with ``[9]`` but is followed by body paragraphs is body: only the trailing run counts.

>>> split_references(["正文。", "[1]张三.论治理[J].理论探讨,2021(05):1-9.", "（责任编辑：李四）"])
(['正文。', '[1]张三.论治理[J].理论探讨,2021(05):1-9.', '（责任编辑：李四）'], [])
>>> split_references(["正文。", "[1]张三.论治理[J].理论探讨,2021(05):1-9."])
(['正文。'], ['[1]张三.论治理[J].理论探讨,2021(05):1-9.'])
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

__all__ = ["cited_numbers", "looks_like_citation", "reference_numbers", "split_references"]

TAIL_MAX_LINES = 3  # short non-reference paragraphs allowed after the references (a footer)
TAIL_MAX_CHARS = 40  # a footer paragraph is shorter than this
CITATION_MAX_CHARS = 300  # a reference longer than this is a body paragraph
WEAK_CITATION_MAX_CHARS = 150  # a reference whose only cue is a year is at most this long
MAX_RANGE = 100  # a cited range [a-b] wider than this is read as its two ends only

_HEADING_RE = re.compile(
    r"^[\s【\[〔（(]*(?:参考文献|参考资料|注释与参考文献|注释及参考文献|参考文献与注释|注释|注解|引用文献|"
    r"references|notes|bibliography|works\s+cited)[\s】\]〕）):：]*$",
    re.IGNORECASE,
)
_CIRCLED = "①-⑳㉑-㉟㊱-㊿⑴-⒇⒈-⒛"
_CITE_START = (
    r"^\s*(?:[\[［【]\s*(?P<bracket>\d{1,3})\s*[\]］】]"
    r"|[(（]\s*(?P<paren>\d{1,3})\s*[)）]"
    rf"|(?P<circled>[{_CIRCLED}])"
    r"|注\s*+[\[［]?\s*+(?P<note>\d{1,3})\s*[\]］]?(?!\d))"
)
_CITE_START_RE = re.compile(_CITE_START)
_NUMBERED_RE = re.compile(rf"{_CITE_START}|^\s*(?P<plain>\d{{1,3}})\s*[.．、](?!\d)")
_STRONG_CUE_RE = re.compile(
    r"[\[［](?:[JMNDCRSPZAGK]|EB|DB|CP)(?:/(?:OL|CD|MT|DK))?[\]］]|https?://|www\.|出版社|年版|出版|"
    r"第\s*[\d一二三四五六七八九十百]+\s*[卷期页版辑]|\d\s*页|\bpp?\.\s*\d|\bvol\.|\bet\s+al\b|\bdoi\b|"
    r"同上|\bibid\b|载于|载《",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"(?<!\d)(?:1[89]|20)\d{2}(?!\d)")
_CITE_MARK_RE = re.compile(r"[\[［【]\s*(\d{1,3}(?:\s*[-–—~～,，、]\s*\d{1,3})*)\s*[\]］】]")
# Separators inside a marker; int() strips the spaces around each number (a "\s*" before the separator made
# a long blank run in a marker quadratic).
_LIST_SEP_RE = re.compile(r"[,，、]")
_RANGE_SEP_RE = re.compile(r"[-–—~～]")


def looks_like_citation(text: str) -> bool:
    """Whether a paragraph reads like a bibliographic entry: short-ish with bibliographic cues.

    Acts on length (<= CITATION_MAX_CHARS), strong cues (document-type tags like [J], URLs, 出版社,
    第…页, pp., et al., doi, 同上/Ibid) and, for entries up to WEAK_CITATION_MAX_CHARS, a year.

    >>> looks_like_citation("[10]于永达.基层韧性治理的理念与实践举措[J].人民论坛,2024,(02):64-67.")
    True
    >>> looks_like_citation("Smith, J. (2020). Urban resilience. Cities, 12(3), 45-67.")
    True
    >>> looks_like_citation("[9]这种由治理体系中的治理核心作出的策略选择必须遵循情境适配原则。")
    False
    """
    text = text.strip()
    if not text or len(text) > CITATION_MAX_CHARS:
        return False
    if _STRONG_CUE_RE.search(text):
        return True
    return len(text) <= WEAK_CITATION_MAX_CHARS and bool(_YEAR_RE.search(text))


def is_numbered_citation(text: str) -> bool:
    """A numbered bibliographic entry: a citation number ([1], （1）, ①, 注1) and bibliographic cues.

    >>> is_numbered_citation("[1]王华.论组织力[J].党建研究,2018."), is_numbered_citation("2024年新闻回顾")
    (True, False)
    """
    return bool(_CITE_START_RE.match(text)) and looks_like_citation(text)


_is_cited_reference = is_numbered_citation  # a paragraph of a trailing reference run


def _is_section_entry(text: str) -> bool:
    """A paragraph inside a reference section: numbered in any style, or reading like a citation."""
    return bool(_NUMBERED_RE.match(text)) or looks_like_citation(text)


def _is_heading(text: str) -> bool:
    """Whether a paragraph is a reference-section heading such as 参考文献 or References.

    >>> _is_heading("【参考文献】"), _is_heading("References:"), _is_heading("参考文献的整理方法")
    (True, True, False)
    """
    return bool(_HEADING_RE.match(text))


def _tail_start(paras: list[str], is_reference: Callable[[str], bool]) -> int | None:
    """Index where the short non-reference footer at the end of `paras` begins (len(paras) when none).

    None when the trailing non-reference paragraphs are too many or too long to be a footer.
    Blank paragraphs are skipped and not counted. `is_reference` is a predicate on one paragraph.
    """
    end, count = len(paras), 0
    while end and not is_reference(paras[end - 1]):
        text = paras[end - 1].strip()
        if text:
            count += 1
            if len(text) >= TAIL_MAX_CHARS or count > TAIL_MAX_LINES:
                return None
        end -= 1
    return end


def _trailing_block(paras: list[str]) -> tuple[int, int]:
    """(start, end) of the trailing run of cited references; (len, len) when there is none.

    paras[start:end] are the references (blank paragraphs included), paras[end:] the footer.
    """
    none = (len(paras), len(paras))
    end = _tail_start(paras, _is_cited_reference)
    if end is None:
        return none
    start = end
    while start and (not paras[start - 1].strip() or _is_cited_reference(paras[start - 1])):
        start -= 1
    while start < end and not paras[start].strip():
        start += 1
    count = sum(1 for p in paras[start:end] if p.strip())
    has_footer = any(p.strip() for p in paras[end:])
    if count == 0 or (has_footer and count < 2):
        return none
    return start, end


def _section_start(paras: list[str]) -> int | None:
    """Index of the first heading whose following paragraphs are mostly reference entries, or None.

    Checking what follows keeps a stray 参考文献 line (a table of contents, a link) from swallowing
    the body after it.
    """
    for index, para in enumerate(paras):
        if not _is_heading(para):
            continue
        entries = [p for p in paras[index + 1 :] if p.strip() and not _is_heading(p)]
        if entries and 2 * sum(map(_is_section_entry, entries)) >= len(entries):
            return index
    return None


def split_references(paras: list[str]) -> tuple[list[str], list[str]]:
    """Move the references out of an article's paragraphs: returns (body, references).

    Acts on a reference heading (dropped, returned nowhere: the caller logs it) and on a trailing run
    of numbered, citation-like paragraphs (see the module docstring for the footer rule). Body
    paragraphs keep their order and text; references are stripped of surrounding whitespace and
    blank paragraphs are dropped from them.

    >>> split_references(["正文", "参考文献", "1. 王华.论组织力[J].2018.", "2. 同上。"])
    (['正文'], ['1. 王华.论组织力[J].2018.', '2. 同上。'])
    >>> split_references(["正文[1]", "参考文献", "- [1]王华.论组织力[J].党建研究,2018."])
    (['正文[1]'], ['[1]王华.论组织力[J].党建研究,2018.'])
    >>> split_references(["正文", "（1）加强组织建设。", "（2）完善工作机制。"])
    (['正文', '（1）加强组织建设。', '（2）完善工作机制。'], [])
    """
    head = _section_start(paras)
    before = paras if head is None else paras[:head]
    section = [] if head is None else paras[head + 1 :]
    start, end = _trailing_block(before)
    section_end = _tail_start(section, _is_section_entry)
    if section_end is None:
        section_end = len(section)
    refs = before[start:end] + [p for p in section[:section_end] if not _is_heading(p)]
    body = before[:start] + before[end:] + section[section_end:]
    return body, [_BULLET_RE.sub("", p).strip() for p in refs if p.strip()]


# The list bullet an extractor puts before <li> entries (trafilatura writes `- `): not part of a reference.
_BULLET_RE = re.compile(r"^\s*[-*•·]\s+")


def _expand(group: str) -> list[int]:
    """Numbers named by the inside of one citation marker: ``3-5`` -> 3, 4, 5; ``3,7`` -> 3, 7.

    >>> _expand("3-5"), _expand("3，7"), _expand("1-3, 8"), _expand("9-2")
    ([3, 4, 5], [3, 7], [1, 2, 3, 8], [9, 2])
    """
    numbers: list[int] = []
    for part in _LIST_SEP_RE.split(group):
        ends = [int(n) for n in _RANGE_SEP_RE.split(part)]
        low, high = ends[0], ends[-1]
        if len(ends) == 2 and low <= high and high - low <= MAX_RANGE:
            numbers.extend(range(low, high + 1))
        else:
            numbers.extend(ends)
    return [n for n in numbers if n >= 1]


def cited_numbers(text: str) -> list[tuple[int, int, int]]:
    """Each citation number cited in body text as (n, start, end), start/end being the marker's offsets.

    Acts on bracketed markers ``[3]`` ``［3］`` ``【3】`` with lists and ranges (``[3-5]`` ``[3–5]``
    ``[3,7]``); adjacent markers ``[3][4]`` are two markers. ``[J]``-style tags and 4-digit numbers
    such as ``[2020]`` are not citations (n <= 999). Every occurrence is listed, in text order.

    >>> cited_numbers("见[3-5]与［7］，另见[2020]与[J]。")
    [(3, 1, 6), (4, 1, 6), (5, 1, 6), (7, 7, 10)]
    """
    return [
        (n, match.start(), match.end())
        for match in _CITE_MARK_RE.finditer(text)
        for n in _expand(match.group(1))
    ]


def _entry_number(ref: str) -> int | None:
    """The number a reference starts with, in any numbering style, or None.

    >>> [_entry_number(r) for r in ("[12]王华.", "［3］x", "(4) x", "⑤x", "注6：x", "7. x", "8、x", "Smith")]
    [12, 3, 4, 5, 6, 7, 8, None]
    """
    match = _NUMBERED_RE.match(ref)
    if not match:
        return None
    if match["circled"]:
        return int(unicodedata.numeric(match["circled"]))
    return int(next(g for g in match.group("bracket", "paren", "note", "plain") if g))


def reference_numbers(refs: list[str]) -> set[int]:
    """The numbers the references are listed under (``[1]``, ``①``, ``1.`` ...); unnumbered ones add none.

    >>> sorted(reference_numbers(["[1]a[J].2020.", "[3]b[M].2021.", "Smith 2020."]))
    [1, 3]
    """
    return {n for n in map(_entry_number, refs) if n is not None}
