"""Brands a hacker stamped on several pages of one site: repetition across a site's pages.

One page alone cannot always tell an injected name from a column label: `盛洲体育·青石镇茶叶…` over a county
news story, `玖鑫会讯（记者 …）` opening another, `【威霆平台】春到云溪…` over a third. Across the pages of the
site the pattern is plain: names with a gambling business's shape sit in the slots a mirror template fills
(title prefix or wrapper, the dateline's agency, a label line opening the text) on two or more pages, and no
page of the site ever uses them in its prose. A column label (【图解】, 两会·) has no such shape; the site's
own name fills its title slot on most pages (and per-page rules judge strong shapes there); a name the site
writes about appears in its sentences.

Rules (`SiteBrands.find`):

* a **slot name**: a title prefix (`X·`, `X:`, `X|`), a title wrapper (【X】, ‘X’), the agency of a dateline
  opening the text (`X讯（`), or a short label line opening the text (`X：`);
* with a **business shape**: a name of two to four characters plus a gambling category word (体育 娱乐 棋牌
  彩票 电竞 真人 国际 …, as `cleaners.spam.has_category`), or plus 平台 or 会 (威霆平台, 玖鑫会; not 协会,
  商会, 委员会 …);
* in slots on **at least two pages** of the site (its registrable domain), and on fewer than half of them when
  the site has six or more pages (a name on most pages is the site's own);
* and **never in prose**: no record of the site has it anywhere outside those slots.

Once two names pass on a site (a hacker rotating brands over its pages), a name of the same shape in a slot of
a single page, never in prose, goes too. A portal's own channels fill title prefixes too (腾讯体育·, 腾讯娱乐·,
新华国际·): only a name with a trade only gambling has (X棋牌, X彩票 …), or a rotation of two or more unrelated
names (not sharing their first two characters), is cut.

`SiteBrands.apply` cuts such a name from the title and the text's opening slot, says so in `removed`
(reason `site_brand`), adds it to `spam_terms` and makes the record a spam page. Records are dicts as
written to JSONL (`Record.to_dict()`), so the pass runs over any output of `clean` or `crawl`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from cleaners.inject import registrable
from cleaners.spam import GAMBLING_TRADES, has_category

CJK = "\u3400-\u4dbf\u4e00-\u9fff"
# Opening slots of a title, matched with .match(title, at) one after another (so no ^ anchor).
PREFIX_RE = re.compile(rf"\s*(?P<name>[{CJK}A-Za-z0-9]{{2,10}})\s*[·・|｜:：]\s*(?=\S)")
WRAPPER_RE = re.compile(rf"\s*[【\[‘“「](?P<name>[{CJK}A-Za-z0-9]{{2,10}})[】\]’”」]\s*(?=\S)")
DATELINE_RE = re.compile(rf"^\s*(?P<name>[{CJK}A-Za-z0-9]{{2,10}})[讯訊]\s*[（(]")
LABEL_RE = re.compile(rf"^\s*(?P<name>[{CJK}A-Za-z0-9]{{2,10}})\s*[:：]\s*$")
GAMBLING_ONLY_RE = re.compile(f"{GAMBLING_TRADES}|现金网|百家乐|赌场|老虎机")
CLUB_RE = re.compile(rf"^[{CJK}]{{2,4}}(?:平台|会)$")
NOT_CLUB_RE = re.compile(r"(?:协会|商会|学会|工会|委员会|联合会|大会|年会|例会|晚会|博览会|运动会|研讨会|座谈会|理事会|基金会|"
                         r"议会|都会|社会|机会|总会|分会|公众平台|服务平台|政务平台|信息平台|交易平台|公共平台|管理平台)$")


def _title_slots(title: str) -> tuple[list[tuple[str, str, int]], str]:
    """The (name, slot, where the title goes on after it) of the slots opening a title, one after another
    (【X】X·标题), and the title after them all."""
    found: list[tuple[str, str, int]] = []
    at = 0
    while True:
        m = next(((m, slot) for pattern, slot in ((WRAPPER_RE, "title_wrapper"), (PREFIX_RE, "title_prefix"))
                  if (m := pattern.match(title, at))), None)
        if not m or len(title) - at <= len(m[0].group(0)) + 4:
            return found, title[at:]
        at = m[0].end()
        found.append((m[0].group("name"), m[1], at))


def _text_slot(text: str) -> tuple[str, str, str] | None:
    """(name, slot, the text after it) for a dateline agency or a label line opening the text."""
    m = DATELINE_RE.match(text)
    if m:
        return m.group("name"), "dateline", text[m.end("name"):]
    first, _, rest = text.partition("\n")
    m = LABEL_RE.match(first)
    if m and rest:
        return m.group("name"), "label_line", rest
    return None


def slot_names(record: dict[str, Any]) -> dict[str, str]:
    """name -> slot, for the template slots of one record: title prefix/wrapper, dateline agency, label line.

    >>> slot_names({"title": "盛洲体育·青石镇茶叶合作社首批明前茶开采上市", "text": "玖鑫会讯（记者 吴晓东）3月6日，…"})
    {'盛洲体育': 'title_prefix', '玖鑫会': 'dateline'}
    >>> slot_names({"title": "【威霆平台】威霆平台·县水利局公布2024年度小型水库安全管理责任人", "text": "正文。"})
    {'威霆平台': 'title_wrapper'}
    """
    found, _ = _title_slots(record.get("title") or "")
    out = {name: slot for name, slot, _ in reversed(found)}
    opening = _text_slot(record.get("text") or "")
    if opening:
        out.setdefault(opening[0], opening[1])
    return out


def brand_shaped(name: str) -> bool:
    """A gambling business's name: a name + 体育/娱乐/棋牌 … (cleaners.spam), or a short name + 平台/会.

    >>> [brand_shaped(x) for x in ("盛洲体育", "威霆平台", "玖鑫会", "图解", "两会", "县政协委员会", "政务平台")]
    [True, True, True, False, False, False, False]
    """
    return has_category(name) or bool(CLUB_RE.match(name)) and not NOT_CLUB_RE.search(name)


def _prose_uses(record: dict[str, Any], name: str) -> int:
    """How often a record names `name` outside its template slots."""
    _, title = _title_slots(record.get("title") or "")
    text = record.get("text") or ""
    opening = _text_slot(text)
    return title.count(name) + (opening[2] if opening else text).count(name)


def _not_columns(names: set[str]) -> set[str]:
    """The names that are not a portal's own columns. A name with a trade only gambling has (X棋牌, X彩票, X真人 …)
    stays; the others stay only as a rotation of unrelated names (盛洲体育, 玖鑫会, 威霆平台), never as a family
    sharing its first two characters (腾讯体育·, 腾讯娱乐·: a portal's channels) or alone (新华国际·).

    >>> sorted(_not_columns({"盛洲体育", "玖鑫会", "威霆平台"})), _not_columns({"腾讯体育", "腾讯娱乐"}), _not_columns({"新华国际"})
    (['威霆平台', '玖鑫会', '盛洲体育'], set(), set())
    >>> _not_columns({"金沙棋牌"})
    {'金沙棋牌'}
    """
    strong = {n for n in names if GAMBLING_ONLY_RE.search(n)}
    heads = [n[:2] for n in names]
    unrelated = {n for n in names if heads.count(n[:2]) == 1}
    return strong | (unrelated if len(unrelated) >= 2 else set())


class SiteBrands:
    """Find and cut names stamped into template slots across a site's pages (see the module's rules)."""

    def __init__(self, min_pages: int = 2) -> None:
        self.min_pages = min_pages

    @staticmethod
    def site_of(record: dict[str, Any]) -> str | None:
        url = record.get("url") or ""
        m = re.match(r"^[a-z][a-z0-9+.-]*://([^/?#:]+)", url, re.I)
        return registrable(m.group(1)) if m else None

    def find(self, records: Iterable[dict[str, Any]]) -> dict[str, set[str]]:
        """site -> the names to cut there (the records are read once and kept: see `find_in` for big files)."""
        kept = list(records)
        return self.find_in(lambda: kept)

    def find_in(self, read: Callable[[], Iterable[dict[str, Any]]]) -> dict[str, set[str]]:
        """site -> the names to cut there, reading the records twice through `read()` and keeping only counts."""
        pages: dict[str, int] = defaultdict(int)
        slotted: dict[tuple[str, str], int] = defaultdict(int)
        uses: dict[tuple[str, str], int] = defaultdict(int)
        for rec in read():
            site = self.site_of(rec)
            if not site or "text" not in rec:
                continue
            pages[site] += 1
            for name in slot_names(rec):
                if brand_shaped(name):
                    slotted[site, name] += 1
        candidates = {(s, n) for (s, n), k in slotted.items() if pages[s] < 6 or k < pages[s] / 2}
        wanted: dict[str, set[str]] = defaultdict(set)
        for site, name in candidates:
            wanted[site].add(name)
        for rec in read() if candidates else ():
            site = self.site_of(rec)
            for name in wanted.get(site or "", ()):
                if "text" in rec:
                    uses[site, name] += _prose_uses(rec, name)
        out: dict[str, set[str]] = defaultdict(set)
        for site, name in candidates:
            if uses[site, name] == 0 and slotted[site, name] >= self.min_pages:
                out[site].add(name)
        for site, name in candidates:  # a site stamped with rotating names: one more on a single page is one too
            if len(out.get(site, ())) >= 2 and uses[site, name] == 0:
                out[site].add(name)
        return {site: kept for site, names in out.items() if (kept := _not_columns(names))}

    def apply(self, record: dict[str, Any], brands: dict[str, set[str]]) -> dict[str, Any]:
        """The record with this site's stamped names cut from its slots (a new dict; others are returned as is)."""
        site = self.site_of(record)
        names = {n: s for n, s in slot_names(record).items() if n in brands.get(site or "", set())}
        if not names:
            return record
        rec = dict(record)
        removed = list(rec.get("removed") or [])
        found, _ = _title_slots(rec.get("title") or "")
        cut = 0
        while cut < len(found) and found[cut][0] in names:
            cut += 1
        if cut:  # the title after the stamped names
            rec["title"] = rec["title"][found[cut - 1][2]:]
        opening = _text_slot(rec.get("text") or "")
        if opening and opening[0] in names:
            rec["text"] = opening[2].lstrip("讯訊 ") if opening[1] == "dateline" else opening[2]
        for name, slot in names.items():
            removed.append({"where": "title" if slot.startswith("title") else "body", "text": name,
                            "reason": "site_brand"})
        shift = len(record.get("text") or "") - len(rec.get("text") or "")
        if shift and rec.get("flags"):  # offsets into text move with a cut at its start
            rec["flags"] = [{**f, "start": f["start"] - shift, "end": f["end"] - shift} for f in rec["flags"]
                            if f["start"] >= shift]
        rec["removed"] = removed
        rec["spam_terms"] = sorted(set(rec.get("spam_terms") or []) | set(names), key=lambda t: (-len(t), t))
        rec["is_spam_page"] = True
        return rec
