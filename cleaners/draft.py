"""The intermediate state between parsing a page and writing its record."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cleaners.inject import Finding
from cleaners.record import Removal
from cleaners.spam import Slots

PROSE_END_RE = re.compile(r"[。！？…]|[.!?](?:\s|$)")
CLAUSE_RE = re.compile(r"[，,；;、]")


@dataclass
class Draft:
    """What a front end (text dump or HTML) found: candidate title, meta, body paragraphs and slots."""

    title: str = ""
    kind: str = "text"  # "html" or "text": which front end made it
    headings: list[str] = field(default_factory=list)  # h1/h2 texts (HTML): title candidates
    og_title: str = ""
    published: str | None = None
    url: str | None = None
    language: str | None = None
    paras: list[str] = field(default_factory=list)
    slots: Slots = field(default_factory=Slots)
    removed: list[Removal] = field(default_factory=list)
    injections: list[Finding] = field(default_factory=list)  # page-level evidence of planted spam (cleaners.inject)
    encoding: str | None = None
    top_line: str = ""  # a dump's first line: a crawl's text extract puts the page's <title> there


def is_prose(line: str) -> bool:
    """A line that reads as article text: long enough and punctuated like sentences.

    >>> is_prose("基层治理是国家治理的基石,统筹推进乡镇(街道)和城乡社区治理,是实现国家治理体系现代化的基础工程。")
    True
    >>> is_prose("当前位置:首页 > 产品中心")
    False
    """
    s = line.strip()
    cjk = len(re.findall(r"[\u4e00-\u9fff]", s))
    if cjk >= 10:
        return len(s) >= 28 and (bool(PROSE_END_RE.search(s)) or len(CLAUSE_RE.findall(s)) >= 2 or len(s) >= 90)
    return len(s) >= 80 and bool(PROSE_END_RE.search(s))
