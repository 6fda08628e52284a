"""trafilatura's attribute XPaths answered by lxml iteration and Python tests: the same elements, in the same order.

trafilatura 2.3.1 selects boilerplate and article containers with XPaths whose predicates call EXSLT regexes
(`re:test(@class, '…')`). lxml answers each such call with a Python callback per element and per test: ~3 of
the ~10 CPU s mirrorclean spent on the 210 DAnIEL pages, the largest single item of trafilatura's work inside
the pipeline. Here each of the 14 expressions of the extraction path that test attributes (the body searches,
the comment, raw-tree, discard, precision, teaser and caption prunes, and `baseline.BASIC_CLEAN_XPATH`, a regex
test on every element each time the baseline, the page-length measure or jusText's input is cleaned) is a walk
over the elements with its tags (`iterdescendants`, in C) and its predicate in Python, with the same patterns:
lxml compiles `re:test`'s pattern with `re`, and a node-set argument is the string value of its first node in
document order, so `@id|@class` is whichever attribute the source gives first. That costs a fifth of the XPath.

Inside the same scope trafilatura's jusText stop list is a tuple that hashes once (`_StopList`), jusText's
paragraph maker and classifier are `fastjustext`'s (the same paragraphs and classes) and trafilatura's link-density
prune is `fastlinkdensity`'s (the same deletions), and `trafreuse` lets a default run take the extraction of the fast
run before it.

The replacements are used only while `fast_xpaths()` is entered, and only when each of trafilatura's expressions
is the text it was written from (the sha1 in `_SPECS`): another version of trafilatura keeps its own. Swapping
the items of trafilatura's module-level lists is visible to other threads meanwhile; they get the same elements
either way. `tests/test_trafxpaths.py` compares both on real pages and confusers.
"""

from __future__ import annotations

import hashlib
import importlib
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from lxml import etree

from cleaners import fastjustext, fastlinkdensity, trafreuse

Test = Callable[[etree._Element], bool]


def _first(el: etree._Element, a: str, va: str | None, b: str, vb: str | None) -> str:
    """The string value of `@a|@b` (`va`, `vb` their values): whichever of the two the source gives first."""
    if va is None or vb is None:
        return va or vb or ""
    keys = el.keys()
    return va if keys.index(a) < keys.index(b) else vb


class Select:
    """Callable like an `etree.XPath` that returns elements: the descendants with one of `tags` (any element when
    empty) that pass `test`, in document order. Iterating in lxml and testing in Python costs a fifth of an XPath
    (its context, node-set sort and result proxies, and a Python callback per regex test).

    `first`: only the first one (`(.//*[…])[1]`); `first_per_parent`: only the first of each parent's children
    (`.//*[…][1]`)."""

    def __init__(self, tags: tuple[str, ...], test: Test, first: bool = False, first_per_parent: bool = False) -> None:
        self.tags: tuple[object, ...] = tags or (etree.Element,)  # etree.Element: elements only, as `*`
        self.test, self.first, self.first_per_parent = test, first, first_per_parent

    def __call__(self, tree: etree._Element) -> list[etree._Element]:
        found = filter(self.test, tree.iterdescendants(*self.tags))
        if self.first:
            return next(([el] for el in found), [])
        if self.first_per_parent:
            parents: set[etree._Element] = set()
            return [el for el in found if not (el.getparent() in parents or parents.add(el.getparent()))]
        return list(found)


def _re(pattern: str, flags: int = 0) -> Callable[[str], re.Match[str] | None]:
    return re.compile(pattern, flags).search


# BODY_XPATH[0]
_B0_ID = _re("(?:entry|article|art)-content|article__content|article(?:-|__)?body|articleBody|body-text")
_B0_CLASS = _re("post[-_]text|post-body|post-?entry|post[-_]?content|postContent|post_inner_wrapper|article-?text"
                "|articleText|(?:entry|page|text|article|art)-content|article__content|article(?:-|__)?body|articleBody"
                "|ArticleContent|body-text|article__container")


def _body0(el: etree._Element) -> bool:
    cls, id_ = el.get("class"), el.get("id")
    return (cls == "post" or cls == "entry" or el.get("itemprop") == "articleBody" or id_ == "articleContent"
            or (id_ is not None and _B0_ID(id_) is not None) or (cls is not None and _B0_CLASS(cls) is not None))


# BODY_XPATH[2]
_B2_ID = _re("^primary|story-body")
_B2_FULLTEXT = _re("fulltext", re.IGNORECASE)
_B2_CLASS = _re("^article |post-bodycopy|story-?content|(?:theme|blog|section|single)-content|single-post|main-column"
                "|wpb_text_column|story-body|field-body")


def _body2(el: etree._Element) -> bool:
    cls, id_ = el.get("class"), el.get("id")
    return (el.get("role") == "article" or id_ == "article" or id_ == "story"
            or cls in ("postarea", "art-postcontent", "text", "cell", "story")
            or (id_ is not None and _B2_ID(id_) is not None)
            or (cls is not None and (_B2_FULLTEXT(cls) is not None or _B2_CLASS(cls) is not None)))


# BODY_XPATH[3]
_B3_ID = _re("content-main|content-body|contentBody")
_B3_CLASS = _re("content[-_]main|content(?:-|__)body")


def _body3(el: etree._Element) -> bool:
    cls, id_ = el.get("class"), el.get("id")
    if id_ is not None and (id_ == "content" or _B3_ID(id_) is not None
                            or "main-content" in id_.replace("C", "c").replace("M", "m")):
        return True
    return cls is not None and (cls == "content" or _B3_CLASS(cls) is not None
                                or "main-content" in cls.replace("C", "c").replace("M", "m")
                                or "page-content" in cls.replace("C", "c").replace("P", "p"))


# OVERALL_DISCARD_XPATH[0]
_O0_BOTH = _re("cookie")
_SHARED = "^shar|social|viral|newsletter|syndication|tags|sidebar|banner|bread-?crumb|button|author"
_O0_ID = _re(_SHARED + "|^(?:jp-|dpsp-content)|bmdh|footer|Footer|share|Share|nav|Nav|menu|related|message-container"
             "|premium|^ad-")
_O0_CLASS = _re(_SHARED + "|^(?:nav|post-nav|ZendeskForm)|subnav|avigation|navbar|navbox|menu|bar| ad |-ad-|(?:^| )ad-"
                "|dfp[Aa]d|outbrain|taboola|criteo|paid-?content|widget|footer|Footer|byline|Byline|share-|sociable|embedded"
                "|embed|tag-list|consent|modal-content|permission|elated|next-|-stories|most-popular|more-on|meta|rating"
                "|attachment|timestamp|user-info|user-profile|-icon|article-infos|message-container|slide|viewport|overlay"
                "|options|expand|obfuscated|blurred|mol-factbox|yin|zlylin|nfoline")


def _overall0(el: etree._Element) -> bool:
    id_, cls = el.get("id"), el.get("class")
    if id_ is not None or cls is not None:
        if (_O0_BOTH(_first(el, "id", id_, "class", cls)) is not None or (id_ is not None and _O0_ID(id_) is not None)
                or (cls is not None and _O0_CLASS(cls) is not None)):
            return True
    role, component = el.get("role"), el.get("data-component")
    return (el.get("data-lp-replacement-content") is not None or (role is not None and "nav" in role.replace("N", "n"))
            or (component is not None and "MostPopularStories" in component))


# OVERALL_DISCARD_XPATH[1]
_O1_ID = _re("reader-comments|akismet")
_O1_CLASS = _re("^hide-|comments-title|nocomments|-reply-|message|akismet|suggest-links|-hide-|hide-print| hidden| hide"
                "|noprint|notloaded")


def _overall1(el: etree._Element) -> bool:
    id_, cls, style = el.get("id"), el.get("class"), el.get("style")
    if id_ is None and cls is None and style is None:
        return el.get("aria-hidden") == "true"
    return (cls == "comments-title" or _first(el, "id", id_, "class", cls).startswith("reply-")
            or "hidden" in _first(el, "id", id_, "style", style)
            or (style is not None and ("display:none" in style or "display: none" in style))
            or (id_ is not None and _O1_ID(id_) is not None) or (cls is not None and _O1_CLASS(cls) is not None)
            or el.get("aria-hidden") == "true")


# REMOVE_COMMENTS_XPATH[0], REMOVE_COMMENTS_AND_LISTS_XPATH[0]
_C_ID = _re("^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)")
_C_ID_LISTS = _re("^(?:[Cc]omment(?!ary)|comol)")
_C_CLASS = _re("^[Cc]omment(?!ary)|(?:article|post)-comments")


def _comments(el: etree._Element) -> bool:
    id_, cls = el.get("id"), el.get("class")
    return (id_ is not None and _C_ID(id_) is not None) or (cls is not None and _C_CLASS(cls) is not None)


def _comments_and_lists(el: etree._Element) -> bool:
    if not _comments(el):
        return False
    id_, cls = el.get("id"), el.get("class")
    return (el.tag not in ("ol", "ul") or (id_ is not None and _C_ID_LISTS(id_) is not None)
            or (cls is not None and _C_CLASS(cls) is not None))


# RAW_TREE_PRUNE_XPATH[0]
_R_ANY = _re("mvp-post-add-(?:box|wrap)|infinite-?scroll")
_R_MVP = _re("mvp-post-add-(?:box|wrap)")


def _raw_prune(el: etree._Element) -> bool:
    id_, cls = el.get("id") or "", el.get("class") or ""
    if not (id_ or cls) or (_R_ANY(id_) is None and _R_ANY(cls) is None):
        return False
    return next(el.iterdescendants("h1"), None) is None or _R_MVP(id_) is not None or _R_MVP(cls) is not None


# PRECISION_DISCARD_XPATH[1]
_P_BOTTOM = _re(r"(^|\s)bottom|bottom(\s|$)")
_P_LINK = _re(r"(^|\s)link(\s|$)")


def _precision(el: etree._Element) -> bool:
    id_, cls, style = el.get("id"), el.get("class"), el.get("style")
    if id_ is None and cls is None:
        return style is not None and "border" in style
    both = _first(el, "id", id_, "class", cls)
    return _P_BOTTOM(both) is not None or _P_LINK(both) is not None or (style is not None and "border" in style)


# RAW_TREE_PRUNE_XPATH[1], TEASER_DISCARD_XPATH[0], DISCARD_IMAGE_ELEMENTS[0]: no regex, but an XPath's own cost
def _share_buttons(el: etree._Element) -> bool:
    return "elementor-share-buttons" in (el.get("class") or "")


def _teaser(el: etree._Element) -> bool:
    return "teaser" in (el.get("id") or "").replace("T", "t") or "teaser" in (el.get("class") or "").replace("T", "t")


def _caption(el: etree._Element) -> bool:
    return "caption" in (el.get("id") or "") or "caption" in (el.get("class") or "")


def _body4(tree: etree._Element) -> list[etree._Element]:
    """BODY_XPATH[4]: the first article, div or section whose class, id or role starts with "main", and the first
    <main>, in document order."""
    found: list[etree._Element] = []
    main = other = False
    for el in tree.iterdescendants("article", "div", "section", "main"):
        if el.tag == "main":
            if not main:
                main = True
                found.append(el)
        elif not other and ((el.get("class") or "").startswith("main") or (el.get("id") or "").startswith("main")
                            or (el.get("role") or "").startswith("main")):
            other = True
            found.append(el)
        if main and other:
            break
    return found


# trafilatura.baseline.BASIC_CLEAN_XPATH (baseline, html2txt and jusText's input)
_BASIC_TAGS = frozenset(("aside", "fencedframe", "footer", "script", "style", "svg", "template"))
_COOKIE_CONSENT = _re("cookie[-_]?(?:banner|bar|consent|law|notice|policy|description)|notice[-_]{0,2}cookie"
                      "|consent[-_]?(?:banner|manager|sdk)|borlabs|cookiebot|cmplz|onetrust|moove[-_]?gdpr", re.IGNORECASE)


def _basic_clean(el: etree._Element) -> bool:
    if el.tag in _BASIC_TAGS:
        return True
    cls, id_ = el.get("class"), el.get("id")
    if cls is None and id_ is None:
        return False
    if el.tag == "div" and "footer" in _first(el, "class", cls, "id", id_):
        return True
    return (cls is not None and _COOKIE_CONSENT(cls) is not None) or (id_ is not None and _COOKIE_CONSENT(id_) is not None)


_TAGS_BODY = ("article", "div", "main", "section")
_TAGS_DISCARD = ("div", "item", "list", "p", "section", "span")
_TAGS_COMMENTS = ("div", "list", "section", "details")

Replacement = Callable[[etree._Element], list[etree._Element]]

# (module, name, index in the list or None for the expression itself, sha1 of the expression's text as
# trafilatura 2.3.1 writes it, the replacement)
_SPECS: list[tuple[str, str, int | None, str, Replacement]] = [
    ("trafilatura.xpaths", "BODY_XPATH", 0, "2465b9ddf0fc1b9b11762bba0368942a191f062d",
     Select(_TAGS_BODY, _body0, first_per_parent=True)),
    ("trafilatura.xpaths", "BODY_XPATH", 2, "b9c180cd18240e44ef70d3bb606708425bec038f",
     Select(_TAGS_BODY, _body2, first=True)),
    ("trafilatura.xpaths", "BODY_XPATH", 3, "1e7b8c5b36e9e0e8045815f7c79ba22f4d557cca",
     Select(_TAGS_BODY, _body3, first=True)),
    ("trafilatura.xpaths", "BODY_XPATH", 4, "2cee30110a45e6bbd5c4f6cd9daf5862c32fa43a", _body4),
    ("trafilatura.xpaths", "OVERALL_DISCARD_XPATH", 0, "d00545c1e3acd7dd0585191cc70e0104d49e5586",
     Select(_TAGS_DISCARD, _overall0)),
    ("trafilatura.xpaths", "OVERALL_DISCARD_XPATH", 1, "8c88600b03181df7a8d96c7c92ca3b0351f47e78",
     Select((), _overall1)),
    ("trafilatura.xpaths", "REMOVE_COMMENTS_XPATH", 0, "97b3a45900e751deb0c5446b7456a1274778d954",
     Select(_TAGS_COMMENTS, _comments)),
    ("trafilatura.xpaths", "REMOVE_COMMENTS_AND_LISTS_XPATH", 0, "7e7d885e629a511978658d1420f16b1a4ac09d85",
     Select((*_TAGS_COMMENTS, "ol", "ul"), _comments_and_lists)),
    ("trafilatura.xpaths", "RAW_TREE_PRUNE_XPATH", 0, "c15751070b078a647446175f714fc52b5d51ca8c",
     Select(("div", "section", "aside"), _raw_prune)),
    ("trafilatura.xpaths", "RAW_TREE_PRUNE_XPATH", 1, "12b073ccb20e96330059aff8a9782a769ecf22e6",
     Select(("div", "section", "aside"), _share_buttons)),
    ("trafilatura.xpaths", "PRECISION_DISCARD_XPATH", 1, "1333a88a43255a90e57fad382aa978fb9b88f8bd",
     Select(_TAGS_DISCARD, _precision)),
    ("trafilatura.xpaths", "TEASER_DISCARD_XPATH", 0, "db87f1790b6b744970979d0892598c4445ee10e1",
     Select(_TAGS_DISCARD, _teaser)),
    ("trafilatura.xpaths", "DISCARD_IMAGE_ELEMENTS", 0, "1c87660c9ae9af66a3b616601505d9d8b4c5624b",
     Select(_TAGS_DISCARD, _caption)),
    ("trafilatura.baseline", "BASIC_CLEAN_XPATH", None, "841f8efcd6f3ebba22264ed53facd2000673b297",
     Select((), _basic_clean)),
]


def _digest(xpath: object) -> str:
    return hashlib.sha1(getattr(xpath, "path", "").encode()).hexdigest()


Plan = list[tuple[object, object, object, Replacement]]


def _plan() -> Plan:
    """(holder: trafilatura's list or module, key, its expression, the replacement) for each expression, or []
    when any of them is not the text the replacements were written from."""
    plan: Plan = []
    for module_name, name, index, digest, replacement in _SPECS:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            return []
        holder, key = module, name
        if index is not None:
            holder, key = getattr(module, name, None), index
            if not isinstance(holder, list) or len(holder) <= index:
                return []
        original = holder[key] if isinstance(holder, list) else getattr(holder, name, None)
        if _digest(original) != digest:
            return []
        plan.append((holder, key, original, replacement))
    return plan


def _put(holder: object, key: object, value: object) -> None:
    if isinstance(holder, list):
        holder[key] = value  # type: ignore[index]
    else:
        setattr(holder, key, value)  # type: ignore[arg-type]


class _StopList(tuple):  # type: ignore[type-arg]
    """trafilatura's jusText stop list (`external.JT_STOPLIST`: the 154,484 words of every language jusText knows)
    with its hash computed once. jusText's `define_stoplist` caches its frozenset under the tuple it is given,
    and Python hashes a tuple anew at every call: 3.3 ms a jusText run (188 runs on 160 wild-2017 pages). Equal to
    the tuple and hashed alike, so the cache gives the same frozenset."""

    original: tuple[str, ...]
    hashed: int

    def __hash__(self) -> int:
        return self.hashed


_stoplist: _StopList | None = None


def _hash_once(words: tuple[str, ...]) -> _StopList:
    global _stoplist
    if _stoplist is None or _stoplist.original is not words:
        _stoplist = _StopList(words)
        _stoplist.original, _stoplist.hashed = words, hash(words)
    return _stoplist


def _swap_stoplist(inside: bool) -> None:
    """Entering: trafilatura's stop list, once it has built it, for its hashed-once copy; leaving: back (a list
    trafilatura built meanwhile is its own and stays)."""
    external = importlib.import_module("trafilatura.external")
    words = getattr(external, "JT_STOPLIST", None)
    if inside and type(words) is tuple:
        external.JT_STOPLIST = _hash_once(words)
    elif not inside and isinstance(words, _StopList):
        external.JT_STOPLIST = words.original


def _swap(inside: bool) -> None:
    """Every replacement in (entering) or every original back (leaving)."""
    for holder, key, original, replacement in _PLAN or ():
        _put(holder, key, replacement if inside else original)
    _swap_stoplist(inside)
    for module, name, original, replacement in (_JT_PLAN or []) + (_LD_PLAN or []) + (_REUSE_PLAN or []):
        setattr(module, name, replacement if inside else original)


_PLAN = _plan()
_JT_PLAN = fastjustext.plan() if _PLAN else None
_LD_PLAN = fastlinkdensity.plan() if _PLAN else None
_REUSE_PLAN = trafreuse.plan() if _PLAN else None
_LOCK = threading.Lock()
_depth = 0


@contextmanager
def fast_xpaths() -> Iterator[None]:
    """trafilatura's attribute XPaths replaced by their `Select`s, its jusText stop list by one hashed once and
    jusText's paragraph maker and classifier by `fastjustext`'s and the link-density prune by `fastlinkdensity`'s,
    while inside (nested and concurrent uses counted)."""
    global _depth
    if not _PLAN:
        yield
        return
    with _LOCK:
        if _depth == 0:
            _swap(inside=True)
        _depth += 1
    try:
        yield
    finally:
        with _LOCK:
            _depth -= 1
            if _depth == 0:
                _swap(inside=False)
