"""Choose the article title among the page's <title>, headings and og:title, after spam removal.

Evidence: the article heading is usually the main part of <title>, which adds site names (`_站名`,
` - 频道 - 站名`) and, on spam mirrors, brands. A heading that is not inside <title> (a logo, a
sidebar box) is not the title.
"""

from __future__ import annotations

import re

from cleaners.spam import TITLE_SEP_RE

# A segment that is a keyword list (圣元奶粉致死,圣元奶粉河北,… / 選舉症候群 , 眼睛疲勞 , …), not a headline.
KEYWORD_LIST_RE = re.compile(r"(?:[^,，、\s]{1,12}\s*[,，、]\s*){3,}")


def main_segment(title: str) -> str:
    """The longest part of a title split at site-name separators (`_`, `|`, ` - `, `——`), keyword lists aside.

    >>> main_segment("圣元奶粉陷入致死门 公司称将积极应对-圣元奶粉致死,圣元奶粉河北,圣元奶粉集宁,圣元奶粉衡水")
    '圣元奶粉陷入致死门 公司称将积极应对'

    >>> main_segment("城市更新让老街区焕发新活力_新闻中心_某某科技有限公司")
    '城市更新让老街区焕发新活力'
    >>> main_segment("COVID-19 vaccine rollout begins - The Guardian")
    'COVID-19 vaccine rollout begins'
    """
    parts = [p.strip() for p in TITLE_SEP_RE.split(title) if p.strip()]
    headline_like = [p for p in parts if not KEYWORD_LIST_RE.search(p)] or parts
    return max(headline_like, key=len) if headline_like else title.strip()


def pick_title(doc_title: str, headings: list[str], og_title: str = "") -> str:
    """The heading that is the main part of the (spam-free) <title>, else that main part.

    >>> pick_title("城市更新让老街区焕发新活力_某某公司", ["某某公司", "城市更新让老街区焕发新活力"])
    '城市更新让老街区焕发新活力'
    >>> pick_title("", ["城市更新让老街区焕发新活力"])
    '城市更新让老街区焕发新活力'
    >>> pick_title("人間衛視-人間新聞", ["網購超商年菜 注意保存方式"])
    '網購超商年菜 注意保存方式'
    """
    main = main_segment(doc_title) if doc_title else ""
    squeeze = _squeeze
    for cand in [*headings, og_title]:
        if not cand or len(cand) < 4:
            continue
        c = squeeze(cand)
        if c == squeeze(main):
            return cand
        if main and squeeze(main) in c and len(c) <= len(squeeze(doc_title)) + 2:
            return main_segment(cand)
        if doc_title and c in squeeze(doc_title) and len(c) >= 0.6 * len(squeeze(main)):
            return cand
    # A <title> that is only a short site name ("人間衛視-人間新聞"): the first headline-sized heading instead.
    if main and len(_squeeze(main)) <= 8:
        for cand in headings:
            if len(_squeeze(cand)) >= 8 and not KEYWORD_LIST_RE.search(cand) and not NAVISH_RE.search(cand):
                return main_segment(cand)
    if main:
        return main
    for cand in [og_title, *headings]:
        if cand:
            return main_segment(cand)
    return ""


NAVISH_RE = re.compile(r"[>〉»›]|更多|相关|推荐|排行|热门|最新|首页|关键字|關鍵字|其他|網友|网友")


def _squeeze(s: str) -> str:
    return re.sub(r"\s+", "", s)


def strip_site_suffix(title: str) -> str:
    """Cut short trailing segments (site or channel names) after `_`, `|` or ` - ` from a title line.

    >>> strip_site_suffix("城市更新让老街区焕发新活力_星耀体育"), strip_site_suffix("春节档电影 - 票房破纪录的背后原因分析")
    ('城市更新让老街区焕发新活力', '春节档电影 - 票房破纪录的背后原因分析')
    """
    parts = [p.strip() for p in TITLE_SEP_RE.split(title)]
    if len(parts) > 1 and parts[0] and all(len(p) <= 12 for p in parts[1:]) and len(parts[0]) > max(len(p) for p in parts[1:]):
        return parts[0]
    return title
