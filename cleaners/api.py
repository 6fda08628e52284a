"""The one entry point every caller (CLI, Scrapy pipelines, datatrove) uses: bytes in, record out.

page -> decode -> parse (html or text dump) -> strip -> extract -> spam -> references -> normalise -> flag -> record
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from cleaners.chrome import drop_chrome, drop_link_lists, drop_related_blocks, drop_truncated_repeats
from cleaners.decode import DecodeError, decode_bytes
from cleaners.draft import Draft
from cleaners.evasion import drop_evasive_ads, evasive_words
from cleaners.flags import compute_flags, compute_flags_unspun
from cleaners.language import language_tag
from cleaners.normalize import (
    normalize_paragraph,
    normalize_paragraphs,
    normalize_spaces,
    plain_markup,
    remove_invisible,
    to_simplified,
    unescape_entities,
)
from cleaners.plainspam import search_snippets
from cleaners.record import Record, Reject, Removal
from cleaners.references import split_references
from cleaners.spam import CJK, clean_paragraphs, clean_title, core_of, find_spam_terms, removable
from cleaners.title import pick_title, strip_site_suffix

HTML_SNIFF_RE = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p|br|table|script)[\s>/]", re.I)
# An article has at least one sentence: Chinese end punctuation, or a Latin sentence of 8+ words.
CJK_SENTENCE_RE = re.compile(r"[。！？]")
LATIN_SENTENCE_RE = re.compile(r"[.!?](?:[\"'”’)]*)(?:\s|$)")
WORD_RE = re.compile(r"\w+")


@dataclass(frozen=True)
class CleanOptions:
    """Switches that change what a record holds. Defaults are what `mirrorclean clean` uses."""

    simplified: bool = False  # opt-in Traditional -> Simplified conversion (OpenCC)
    min_chars: int = 40  # a body shorter than this is a reject ("too_short")
    articles_only: bool = False  # reject HTML pages that cleaners.pagetype does not call articles (crawls)
    unspin: bool = False  # restore spun phrases in `text`, keep the page's wording in `text_as_found`


def guess_kind(data: bytes) -> str:
    """"html" when the first bytes hold HTML tags, else "text"; a run of NUL bytes before them (a file saved
    over a pre-allocated block: wild-2017 w001547 starts with 24 KB of them) is read past.

    >>> guess_kind(bytes(5000) + b"<div>x</div>"), guess_kind(b"plain <p> words")
    ('html', 'html')
    """
    start = len(data) - len(data[:1 << 20].lstrip(b"\x00")) if data[:1] == b"\x00" else 0
    return "html" if HTML_SNIFF_RE.search(data[start:start + 4096]) else "text"


def clean_document(
    data: bytes | str,
    source: str,
    *,
    url: str | None = None,
    kind: str | None = None,
    http_charset: str | None = None,
    options: CleanOptions | None = None,
    continuations: Sequence[tuple[bytes, str | None, str | None]] = (),
) -> Record | Reject:
    """Clean one document. `kind` is "html" or "text" (guessed from the content when None).

    `continuations`: (bytes, url, http charset) of the article's further pages when it is split over
    several (/a/123_2.html …): their paragraphs are appended to the first page's before the back half runs,
    so the record is the whole article. Never raises: anything unexpected becomes a Reject with reason "error".
    """
    options = options or CleanOptions()
    try:
        return _clean(data, source, url, kind, http_charset, options, continuations)
    except Exception as exc:  # noqa: BLE001 - one bad page must never stop a run
        return Reject(source, "error", detail=f"{type(exc).__name__}: {exc}"[:500], url=url)


def _clean(
    data: bytes | str, source: str, url: str | None, kind: str | None, http_charset: str | None,
    options: CleanOptions, continuations: Sequence[tuple[bytes, str | None, str | None]] = (),
) -> Record | Reject:
    from cleaners.html import parse_html, parse_page  # lxml/trafilatura only when HTML is cleaned
    from cleaners.pagetype import classify

    raw = data.encode("utf-8") if isinstance(data, str) else data
    if not raw.strip():
        return Reject(source, "empty", url=url)
    if isinstance(data, str):
        text, encoding = data, "utf-8"
    else:
        try:
            text, encoding = decode_bytes(data, http_charset)
        except DecodeError as exc:
            return Reject(source, "unreadable", detail=str(exc), url=url)
    if not text.strip():
        return Reject(source, "empty", url=url)
    kind = kind or guess_kind(raw)
    page = None
    if kind == "html":
        tree = parse_html(text)
        if options.articles_only:
            page = classify(tree)
            if page.kind != "article":
                return Reject(source, "not_article", detail=page.kind, url=url)
        draft = parse_page(tree, url)
        for more, more_url, more_charset in continuations:
            _append_page(draft, more, more_url, more_charset)
    else:
        from cleaners.textdump import parse_text  # only for text: an HTML run never compiles its 2,200 lines

        draft = parse_text(text)
    draft.encoding = encoding
    draft.url = draft.url or url
    result = finish(draft, source, options)
    if options.articles_only and isinstance(result, Record) and not result.published:
        if _site_name_title(result.title):
            # no date and the site's own name as the heading: a channel landing or a profile page, not an article
            return Reject(source, "not_article", detail="no date, site-name title", url=url)
        if page is not None and page.list_items >= 5 and len(result.text) < 400:
            # no date, a short introduction over a list of article links: a topic (专题) or channel page
            return Reject(source, "not_article", detail="no date, an introduction over a link list", url=url)
    return result


def _append_page(draft: Draft, data: bytes, url: str | None, http_charset: str | None) -> None:
    """Add a continuation page's paragraphs (those the article does not have yet) and its removals to `draft`."""
    from cleaners.html import parse_html, parse_page

    try:
        text, _ = decode_bytes(data, http_charset)
    except DecodeError:
        return
    more = parse_page(parse_html(text), url)
    have = set(draft.paras)
    draft.paras += [p for p in more.paras if p not in have and p not in draft.headings and p != draft.title]
    draft.removed += more.removed
    draft.slots.prevnext += more.slots.prevnext


SITE_NAME_RE = re.compile(r"(?:网|網|网站|網站|门户|門戶|资讯网|报|報|日报|日報|中心|公司|集团|集團|协会|協會|学校|學校|大学|大學|学院|"
                          r"學院|医院|醫院|政府|委员会|委員會|研究院|研究所|博物馆|博物館|图书馆|圖書館)$")


def _site_name_title(title: str | None) -> bool:
    """A missing title, or one that names an institution rather than a story (乡土中国资讯网, 某某环境科技有限公司).

    >>> _site_name_title("乡土中国资讯网"), _site_name_title("春茶上市古村复苏"), _site_name_title(None)
    (True, False, True)
    """
    return not title or len(title) <= 20 and bool(SITE_NAME_RE.search(title.strip()))


def finish(draft: Draft, source: str, options: CleanOptions) -> Record | Reject:
    """The shared back half: spam terms, chrome lines, references, normalisation, the record."""
    removed: list[Removal] = list(draft.removed)
    removed = weigh_gambling_anchors(draft, removed)
    terms = find_spam_terms(draft.slots, "\n".join(draft.paras))
    planted = planted_terms(draft, terms)
    terms = terms + planted
    title, rem = clean_title(draft.title, terms)
    removed += rem
    hijack: list[Removal] = []
    if draft.kind == "html":
        heads = [clean_title(h, terms)[0] for h in draft.headings]
        doc_title = title
        title = pick_title(title, heads, clean_title(draft.og_title, terms)[0])
        title, hijack = drop_hijacked_title(title, heads, draft)
        if not hijack and doc_title != title:  # a <title> the article's heading already replaced may be a hijack too
            hijack = drop_hijacked_title(doc_title, heads, draft)[1]
        removed += hijack
    elif title:
        title = strip_site_suffix(title)
    paras, rem = clean_paragraphs(draft.paras, terms)
    removed += rem
    paras, listed = drop_keyword_lists(paras)
    removed += listed
    paras, ads = drop_evasive_ads(paras)
    removed += ads
    scraped = search_snippets(draft.paras)
    if scraped:  # a bot's post of pasted search results: the page exists for spam (its text is kept, as found)
        removed.append(Removal("page", scraped, "spam_site"))
    spam = bool(terms or draft.injections or listed or ads or hijack or scraped or _dump_spam(draft, removed))
    paras, rem = drop_related_blocks(paras)
    removed += rem
    paras, rem = drop_chrome(paras)
    removed += rem
    paras, rem = drop_link_lists(paras)
    removed += rem
    paras, rem = drop_truncated_repeats(paras)
    removed += rem
    body, refs = split_references(paras)
    kept = set(body) | set(refs)
    removed += [Removal("body", p, "references_heading") for p in paras if p not in kept and p.strip() not in kept]
    if draft.kind == "html":  # the extractor's list bullets and table pipes; a dump keeps its own characters
        body = [q for q in (plain_markup(p) for p in body) if q]
    body, dropped = normalize_paragraphs(body, simplified=options.simplified)
    removed += [Removal("body", d, "duplicate_paragraph") for d in dropped]
    # References keep their own punctuation: only entities, invisible characters and spaces are fixed.
    refs = [normalize_spaces(remove_invisible(unescape_entities(r))) for r in refs]
    title = normalize_paragraph(title)
    if options.simplified and title:
        title = to_simplified(title)
    text = "\n".join(body)
    if not text.strip() or not any(_is_sentence(p) for p in body):
        return Reject(source, "no_article", detail=text[:200], url=draft.url, is_spam_page=spam,
                      spam_terms=_report_terms(terms, draft))
    if len(re.sub(r"\s", "", text)) < options.min_chars:
        return Reject(source, "too_short", detail=text[:200], url=draft.url, is_spam_page=spam,
                      spam_terms=_report_terms(terms, draft))
    text_as_found = None
    if options.unspin:
        restored, flags, spin = compute_flags_unspun(text, refs)
        if restored != text:
            text_as_found, text = text, restored
    else:
        flags, spin = compute_flags(text, refs)
    return Record(
        source=source,
        url=draft.url,
        site=_site(draft.url),
        title=title or None,
        published=draft.published,
        language=language_tag(draft.language, text, simplified=options.simplified),
        text=text,
        references=refs,
        is_spam_page=spam,
        spam_terms=_report_terms(terms, draft),
        removed=removed,
        flags=flags,
        spin_score=spin,
        encoding=draft.encoding,
        text_as_found=text_as_found,
    )


def _is_sentence(p: str) -> bool:
    """A paragraph that holds a sentence: Chinese end punctuation, or 8+ words ending in . ! ?"""
    if CJK_SENTENCE_RE.search(p):
        return True
    return bool(LATIN_SENTENCE_RE.search(p)) and len(WORD_RE.findall(p)) >= 8


def _dump_spam(draft: Draft, removed: list[Removal]) -> bool:
    """A text dump's page-level evidence: a keyword list selling a spam topic among the lines cut as header or
    trailer (renamed `spam_list`), an advert spelled past keyword filters there (renamed `evasive_ad`), or a
    title that sells one (stuffed or promotional, or a fake-certificate doorway's keyword the text never names:
    inject.sells_papers): the title found, or the dump's first line, where a crawl's text extract (Common Crawl
    WET, CCNet) puts the page's <title>."""
    from cleaners.inject import (
        keyword_list,
        keyword_runs,
        lone_topic_lists,
        lone_topic_runs,
        sells_papers,
        title_sells,
    )

    if draft.kind != "text":
        return False
    found = False
    for where in ("header", "trailer", "text"):
        idx = [i for i, r in enumerate(removed) if r.where == where]
        listed = {i for i in idx if keyword_list(removed[i].text)}
        for a, b in keyword_runs([removed[i].text for i in idx]):
            listed.update(idx[a:b])
        for i in listed:
            removed[i] = Removal(removed[i].where, removed[i].text, "spam_list")
        found = found or bool(listed)
    for i, r in enumerate(removed):  # an advert spelled past keyword filters, cut with the header or trailer
        if r.where in ("header", "trailer") and evasive_words(r.text):
            removed[i] = Removal(r.where, r.text, "evasive_ad")
            found = True
    cut = [i for i, r in enumerate(removed) if r.where in ("header", "trailer") and r.reason != "spam_list"]
    context = "\n".join([draft.title or "", *draft.paras, *(removed[i].text for i in cut)])
    for j in lone_topic_lists([removed[i].text for i in cut], context):
        removed[cut[j]] = Removal(removed[cut[j]].where, removed[cut[j]].text, "spam_list")
        found = True
    for a, b in lone_topic_runs([removed[i].text for i in cut], context):
        for j in range(a, b):
            removed[cut[j]] = Removal(removed[cut[j]].where, removed[cut[j]].text, "spam_list")
        found = True
    body = "\n".join(draft.paras)
    selling = next((t for t in (draft.title, draft.top_line) if t and (title_sells(t) or sells_papers(t, body))), None)
    if selling:  # a stuffed or promotional title selling a spam topic (战神娱乐场-战神娱乐场首页【官方直营】)
        removed.append(Removal("page", f"title selling a spam topic: {selling[:200]}", "spam_site"))
    return found or bool(selling)


def drop_keyword_lists(paras: list[str]) -> tuple[list[str], list[Removal]]:
    """Remove lines that are lists of search keywords selling a spam topic (a link farm kept as text), and short
    keyword lines or runs naming a trade nothing else in the text names (inject.lone_topic_lists/_runs)."""
    from cleaners.inject import keyword_list, keyword_runs, lone_topic_lists, lone_topic_runs

    listed = {i for i, p in enumerate(paras) if keyword_list(p)}
    whole = "\n".join(paras)
    for a, b in keyword_runs(paras) + lone_topic_runs(paras, whole):
        listed.update(range(a, b))
    listed.update(lone_topic_lists(paras, whole))
    kept = [p for i, p in enumerate(paras) if i not in listed]
    return kept, [Removal("body", paras[i], "spam_list") for i in sorted(listed)]


def drop_hijacked_title(title: str, heads: list[str], draft: Draft) -> tuple[str, list[Removal]]:
    """A title selling a spam topic the article never mentions is the hacker's (澳门百家乐_威尼斯人娱乐城 over a
    company's news): the first heading that does not sell replaces it.

    * A title of the fake-certificate trade (办 + a certificate, a knock-out drug) over a text that never names
      what it sells (inject.sells_papers) is a doorway's keyword: 保定市办普通话证 over a scraped TV story.
    * A title that sells outright (stuffed, or promotional: 官网, 微信, 哪里有 …) over a text with no spam-topic
      word goes, even with no heading to replace it: a search page whose keyword a spammer chose
      (公主岭办毕业证☆微信…), a doorway over borrowed text.
    * On a page with planted blocks, selling a topic the text does not name is enough.
    * Otherwise the article must have a heading of its own that shares no keyword with the title (or whose
      title adds only a selling part: 产品介绍-办毕业证), and its text must hold no spam-topic word, weak ones
      (澳门, 彩票) included: a spam site's own title is its own, news about gambling names the topic, and a page
      about Macau is not hijacked by a title about its casinos.

    Porn words alone never count outside planted pages: tabloids title their own clickbait with them.
    """
    from cleaners.inject import _shared, _topic_re, sells_papers, site_topics, title_sells

    if not title:
        return title, []
    body = "\n".join(draft.paras)
    if sells_papers(title, body):  # a fake-certificate doorway's keyword over a scraped story (保定市办普通话证)
        better = next((h for h in heads if h and h != title and not sells_papers(h, body) and not site_topics(h)), "")
        return better, [Removal("title", title, "title_hijack")]
    topics = site_topics(title)
    if not topics or topics & site_topics(body):
        return title, []
    better = next((h for h in heads if h and h != title and not site_topics(h)), "")
    if title_sells(title) and topics - {"porn"} and not _topic_re().search(body):
        return better, [Removal("title", title, "title_hijack")]  # a search page's planted keyword (办毕业证☆微信…)
    if not any(f.reason in {"hidden_links", "spam_links"} for f in draft.injections):
        own = next((h for h in draft.headings if h and h != title and len(h) >= 4), "")
        if not own or site_topics(own) or _topic_re().search(body):
            return title, []
        rest = title.replace(own, "")  # 产品介绍-办毕业证: the heading and a part selling, in the site name's place
        # porn words are left out: a tabloid titles its own clickbait with them (莫菁门事件完整照片…)
        if (rest == title and _shared(own, title)) or not site_topics(rest) - {"porn"}:
            return title, []
        if _self_named(rest, draft.slots.page_text):
            return title, []  # 途游棋牌-新春活动上线 with 途游棋牌 in the page's footer: the firm's own name
        better = better or own
    return better, [Removal("title", title, "title_hijack")]


def _self_named(rest: str, page_text: str) -> bool:
    """Every piece of a title's selling part is named by the page outside its <title> (footer, logo alt, nav):
    the site's own name (a licensed card-game firm's 途游棋牌), not a hijacker's, who leaves the page's own
    words alone. `page_text` is read only for titles with a brand's or trade's shape (html.py).

    >>> _self_named("途游棋牌-", "新春活动上线 北京途游网络科技有限公司 途游棋牌 版权所有"), _self_named("途游棋牌-", "")
    (True, False)
    """
    pieces = [p for p in _TITLE_SPLIT_RE.split(rest) if len(p) >= 2]
    return bool(pieces) and bool(page_text) and all(p in page_text for p in pieces)


_TITLE_SPLIT_RE = re.compile(r"[\s_|｜\-—–:：·]+")


def weigh_gambling_anchors(draft: Draft, removed: list[Removal]) -> list[Removal]:
    """Keep a page's off-site gambling anchors (inject.GamblingAnchors) as evidence only when the article never
    touches the trade: no spam-topic word, weak ones included, in its title, headings or text of 100 Chinese
    characters or more. Otherwise the finding and its `removed` entry go (a lottery-tips site's own ads, a
    regulator linked from casino news, a page with no article)."""
    from cleaners.chrome import chrome_reason
    from cleaners.inject import _topic_re

    found = [f for f in draft.injections if f.reason == "gambling_anchor"]
    if not found:
        return removed
    # the anchors' own words, where the extractor kept them or their links row, say nothing of the article
    hay = "\n".join([draft.title, *draft.headings, *(p for p in draft.paras if not chrome_reason(p))])
    for t in sorted({t for f in found for t in f.spam_terms}, key=len, reverse=True):
        hay = hay.replace(t, " ")
    # (a page with no article to judge, or one that touches the trade, keeps its anchors' links as they are)
    if len(re.findall(r"[\u4e00-\u9fff]", hay)) >= 100 and not _topic_re().search(hay):
        return removed
    draft.injections = [f for f in draft.injections if f.reason != "gambling_anchor"]
    return [r for r in removed if r.reason != "gambling_anchor"]


def planted_terms(draft: Draft, terms: list[str]) -> list[str]:
    """Spam-topic anchor texts of the page's planted link blocks that also stand in its title or text.

    A hacked page's farm words are sometimes spliced into its sentences and title too; they are cut there
    only when they sell a spam topic by their own words (百家乐平台, not 上海搬家公司) and the article does not
    use them in prose (three or more times).
    """
    if not draft.injections:
        return []
    body = "\n".join(draft.paras)
    hay = "\n".join([draft.title, *draft.headings, body])
    out = []
    for f in draft.injections:
        if f.reason == "spam_site":
            continue  # the page itself sells the topic: nothing to cut, the verdict is the page's
        for t in f.spam_terms:
            if t in hay and t not in terms and body.count(t) < 3 and not _told(t, body):
                out.append(t)
    return list(dict.fromkeys(out))


def _told(term: str, body: str) -> bool:
    """Every use of a planted farm's anchor text in the article is inside one of its sentences: a Chinese character
    or a list's 、 on both sides of it, and each clause holding it has six or more other Chinese characters (、 joins
    a list, it does not end a clause; a colon, a bracket or a quote does: 永盛真钱棋牌室：外媒头条：… is a name
    labelling a line).

    A farm's words reach the text as a splice standing alone (a line, a clause of its own between commas: ，必威
    betway中文版，); an article that names the place in a sentence (我收到各种垃圾私信，东莞桑拿会所、澳门葡京赌场、
    缅甸果敢第四特区…纷纷请求冠名, an essay on a page whose hidden farm links 澳门葡京赌场) tells it. Found by a
    transplant probe: w008802's hidden farm on that essay cut 澳门葡京赌场 out of the sentence.

    >>> _told("澳门葡京赌场", "我收到各种垃圾私信，东莞桑拿会所、澳门葡京赌场、缅甸果敢第四特区纷纷请求冠名。")
    True
    >>> _told("澳门葡京赌场", "公司简介。\\n澳门葡京赌场\\n我们的产品，澳门葡京赌场，质量可靠。")
    False
    >>> _told("永盛真钱棋牌室", "永盛真钱棋牌室：外媒头条：中国限产导致炼焦煤价格上涨")
    False
    >>> _told("新濠天地博彩娱乐城", "膝盖撞击到了怪物。新濠天地博彩娱乐城丝毫没有畏惧可能存在御锦")
    False
    """
    for m in re.finditer(re.escape(term), body):
        before, after = body[max(0, m.start() - 1):m.start()], body[m.end():m.end() + 1]
        if not (INSIDE_RE.fullmatch(before) and INSIDE_RE.fullmatch(after)):
            return False  # opens or closes a line or a clause: where a splice stands (。新濠天地博彩娱乐城丝毫…)
    told = [c for c in TOLD_SPLIT_RE.split(body) if term in c and len(CJK_RE.findall(c.replace(term, ""))) >= 6]
    return bool(told) and sum(c.count(term) for c in told) >= body.count(term)


# a clause's ends, and a label's colon, brackets and quotes: 永盛真钱棋牌室：外媒头条：… is a name labelling a line
TOLD_SPLIT_RE = re.compile(r"[，。！？；,!?;\n：:（）()【】\[\]「」“”《》|｜]")
CJK_RE = re.compile(f"[{CJK}]")
INSIDE_RE = re.compile(f"[{CJK}、]")  # a sentence's character, or a list's mark


def _report_terms(terms: list[str], draft: Draft | None = None, planted_max: int = 10) -> list[str]:
    """The phrases found plus their brand cores (开云体育官方app下载 -> also 开云体育), longest first, then
    up to ten spam-topic anchor texts of planted link blocks.

    A fragment of a longer phrase that is not its core (`m6官网登录入口` inside `米乐m6官网登录入口`) is
    left out, and so is anything that is only a category or suffix word.
    """
    cores = {core_of(t) for t in terms}
    found = {t for t in set(terms) | cores if removable(t)}
    longer = sorted(found, key=len, reverse=True)
    keep = sorted([t for t in longer if t in cores or not any(t != o and t in o for o in longer)],
                  key=lambda t: (-len(t), t))
    if draft is not None:
        farm = [t for f in draft.injections for t in f.spam_terms if t not in keep]
        keep += list(dict.fromkeys(farm))[:planted_max]
    return keep


def _site(url: str | None) -> str | None:
    """The host of `url`, lower case, with its port when that is not the scheme's default.

    >>> _site("HTTP://News.Example.CN/a.html"), _site("http://127.0.0.1:8701/a"), _site("https://x.cn:443/")
    ('news.example.cn', '127.0.0.1:8701', 'x.cn')
    >>> _site("http://[::1]:8080/"), _site("not a url"), _site("http://x.cn:99999/")
    ('[::1]:8080', None, 'x.cn')
    """
    if not url:
        return None
    parts = urlsplit(url)
    host = parts.hostname
    if not host:
        return None
    try:
        port = parts.port
    except ValueError:  # out of range
        port = None
    name = f"[{host}]" if ":" in host else host
    if port and port != {"http": 80, "https": 443}.get(parts.scheme.lower()):
        return f"{name}:{port}"
    return name
