"""Front end for text dumps (a page saved as plain text, like the seed): find title, meta, body, trailer.

Evidence is the layout every catalogue template leaves in a dump: short navigation lines, then the
title, a meta line (来源 / 发布时间), a few short template or brand lines, the article as long punctuated
paragraphs (then its references), and a trailer of prev/next links and footer.
"""

from __future__ import annotations

import re

from cleaners.chrome import chrome_reason, is_category_list, is_meta_line, source_of
from cleaners.dates import find_published
from cleaners.draft import Draft, is_prose
from cleaners.normalize import join_hard_breaks
from cleaners.record import Removal

# A heading that opens the related-links block: the article has ended above it.
RELATED_RE = re.compile(r"^\s*(?:相关阅读|相关文章|相关新闻|相关推荐|相关资讯|相关产品|推荐阅读|延伸阅读|热门文章|热门推荐|"
                        r"猜你喜欢|你可能感兴趣|最新文章|热门标签|相关标签)\s*[:：]?")
REF_LINE_RE = re.compile(r"^\s*(?:[\[［]\d{1,3}[\]］]|[①-⑳]|\(\d{1,3}\)|（\d{1,3}）)")


def parse_text(text: str) -> Draft:
    """Split a dump into header, body and trailer, and fill a Draft.

    >>> d = parse_text("产品中心\\n标题在这里\\n来源:某站 发布时间:2024-06-18\\n" + "正文第一段，内容很长很长很长很长很长很长很长很长很长。" * 2)
    >>> d.title, d.published, len(d.paras)
    ('标题在这里', '2024-06-18', 1)
    >>> d = parse_text("某区政府网站\\n首页\\n政务公开\\n标题在这里_某站\\n发布时间：2024-03-19 11:40  来源：某站  浏览次数：12\\n"
    ...                + "正文第一段，内容很长很长很长很长很长很长很长很长很长。" * 2)
    >>> d.title, d.published, d.paras[0][:5]
    ('标题在这里_某站', '2024-03-19T11:40', '正文第一段')
    """
    lines = [ln.strip() for ln in _join_wrapped(text.splitlines()) if ln.strip()]
    draft = Draft()
    if not lines:
        return draft
    start = next((i for i, ln in enumerate(lines) if is_prose(ln) and not chrome_reason(ln)), None)
    if start is None:
        draft.paras = [ln for ln in lines if not chrome_reason(ln)]
        draft.removed += [Removal("text", ln, chrome_reason(ln) or "") for ln in lines if chrome_reason(ln)]
        return draft
    related = next((i for i, ln in enumerate(lines) if i > start and RELATED_RE.match(ln)), len(lines))
    end = max(i for i, ln in enumerate(lines[:related])
              if (is_prose(ln) or REF_LINE_RE.match(ln)) and not chrome_reason(ln))
    header, body, trailer = lines[:start], lines[start:end + 1], lines[end + 1:]
    lead = _read_header(header, draft)
    draft.paras = lead + body
    draft.paras += _read_trailer(trailer, draft)
    return draft


def _join_wrapped(lines: list[str]) -> list[str]:
    """Join hard-wrapped paragraphs, never across a meta, chrome, navigation or heading line (they end a block)."""
    out: list[str] = []
    block: list[str] = []
    for ln in lines:
        s = ln.strip()
        if s and (is_meta_line(s) or chrome_reason(s) or is_category_list(s) or "|" in s
                  or len(s) <= 30 and not re.search(r"[，。、；：！？,.;:!?]", s)):
            out += join_hard_breaks(block) if block else []
            out.append(ln)
            block = []
        else:
            block.append(ln)
    return out + (join_hard_breaks(block) if block else [])


def _read_header(header: list[str], draft: Draft) -> list[str]:
    """Title, meta line and chrome from the lines above the body; returns lines that may open the body."""
    # The meta line may carry a counter (浏览次数) or a font switch that chrome_reason names: still the meta line.
    meta_idx = next((i for i, ln in enumerate(header)
                     if is_meta_line(ln) and chrome_reason(ln) not in ("breadcrumb", "prevnext", "nav")), None)
    published, _ = find_published(header)
    draft.published = published
    candidates: list[int] = []
    for i, ln in enumerate(header):
        reason = chrome_reason(ln)
        if i == meta_idx:
            draft.removed.append(Removal("header", ln, "meta_line"))
            draft.slots.source_line = source_of(ln)
        elif reason:
            draft.removed.append(Removal("header", ln, reason))
        elif is_category_list(ln):
            draft.removed.append(Removal("header", ln, "category_list"))
        else:
            candidates.append(i)
    if not candidates:
        return []
    if meta_idx is not None and any(i < meta_idx for i in candidates):
        title_idx = max(i for i in candidates if i < meta_idx)
    else:
        title_idx = candidates[0]
    draft.title = header[title_idx]
    draft.slots.title = draft.title
    lead = [header[i] for i in candidates if i > title_idx]
    draft.slots.first_lines = lead[-3:]
    for i in candidates:
        if i < title_idx:
            draft.removed.append(Removal("header", header[i], "header_line"))
    return lead


def _read_trailer(trailer: list[str], draft: Draft) -> list[str]:
    """Prev/next links go to the slots, up to three short closing lines stay, the rest is footer."""
    keep: list[str] = []
    stopped = False
    for ln in trailer:
        reason = chrome_reason(ln) or ("related_links" if RELATED_RE.match(ln) else None)
        if reason == "prevnext":
            draft.slots.prevnext.append(ln)
        if reason or stopped or len(keep) >= 3 or len(ln) > 40:
            stopped = True
            draft.removed.append(Removal("trailer", ln, reason or "trailer_line"))
        else:
            keep.append(ln)
    return keep
