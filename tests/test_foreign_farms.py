"""Link farms whose anchors are in another script than the page (issue #9, docs/spam.md "Farms in another script").

w000632 (an opened wild-2017 parasite: a Chinese 普通话 school's homepage) carries English counterfeit-goods anchors
in three blocks: `Panerai Luminor GMT watches replica` in a display:none div, `Ray Ban 2151` in blocks pushed to
top:-832px, and a visible footer row `replica rolex usa`, `fake rolex watches` … to five unrelated sites. The
topic words are Chinese, so none of the blocks was called spam when moved into a clean host (0 of ~180 pairs on
main). The donors are cut at run time out of the page by bench/transplant_probe.py's extract_donors; the hosts are
DAnIEL pages read from ../shared/eval. Each transplant case fails on main.

The confusers are real pages whose rows in Latin script are names: VOA's Chinese page lists its 36 language
sites, a DAnIEL page; the wild dev ordinary pages with hidden wenku1.com addresses; and Scrapinghub's English pages,
where Latin script is the page's own language (the row transplanted there is not read by the foreign-script rule).
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from _transplants import HOSTS, tp
from _transplants import norm as _norm

from cleaners import clean_document

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
DANIEL = EVAL / "daniel-zh-dev"
WILD = EVAL / "wild-2017" / "pages"
SCRAPINGHUB = EVAL / "scrapinghub-aeb" / "html"

pytestmark = pytest.mark.skipif(not WILD.is_dir() or not DANIEL.is_dir() or not SCRAPINGHUB.is_dir(),
                                reason="needs ../shared/eval")



def _donors() -> dict[str, dict]:
    lab = next(json.loads(ln) for ln in (ROOT / "fixtures/wild/opened.jsonl").read_text("utf-8").splitlines()
               if json.loads(ln)["file"] == "w000632.html")
    return {d["kind"]: d for d in tp.extract_donors(lab)}


def _host(prefix: str) -> str:
    return tp._utf8(tp.read_html(next((DANIEL / "html").glob(prefix + "*.html"))))


@pytest.mark.parametrize("kind", ["script", "style", "links"])  # display:none div, off-screen blocks, footer row
@pytest.mark.parametrize("host", HOSTS)
def test_foreign_script_farm_is_found_and_cut(kind: str, host: str) -> None:
    donor = _donors()[kind]
    html = _host(host)
    alone = clean_document(html, host).to_dict()
    out = clean_document(tp.place(html, alone.get("text") or "", donor, "body_end"), host).to_dict()
    assert out["is_spam_page"] and not alone["is_spam_page"], (kind, host)
    assert [r for r in out["removed"] if r["reason"] in {"hidden_links", "spam_links"}]
    hay = _norm((out.get("title") or "") + "\n" + (out.get("text") or ""))
    assert not [s for s in donor["strings"] if _norm(s) in hay]
    assert _norm(alone["text"]) == _norm(out["text"])  # the host's article is all there


def test_english_page_rows_are_not_foreign() -> None:
    """On an English page Latin script is the page's own: the footer row put into Scrapinghub pages is not read as
    a farm in another script (whatever other rules make of it)."""
    from cleaners.html import parse_html
    from cleaners.inject import AnchorTable, chinese_page, foreign_script_rows, home_domain

    row = _donors()["links"]
    for path in sorted(SCRAPINGHUB.glob("*.html.gz"))[:5]:
        from cleaners.decode import decode_bytes

        html = tp.place(tp._utf8(decode_bytes(gzip.decompress(path.read_bytes()))[0]), "", row, "body_end")
        tree = parse_html(html)
        table = AnchorTable(tree)
        assert not chinese_page(tree), path.name
        assert foreign_script_rows(tree, home_domain(tree, None, [], table), set(), table) == []


@pytest.mark.parametrize("page", [
    DANIEL / "html" / "20111215_www.voanews.com_fc0ebc63d318b8f334a6714e41438b84cda4caa8791b608a6f2b26d3.html",
    WILD / "w003222.html", WILD / "w003339.html", WILD / "w004659.html", WILD / "w007747.html"])
def test_names_and_addresses_in_latin_script_stay(page: Path) -> None:
    """VOA's Chinese page with its rows of language sites (`Learning English`, `Bahasa Indonesia` … 36 domains)
    and the ordinary wild pages with hidden wenku1.com addresses: no finding of the foreign-script rules."""
    from cleaners.html import parse_html
    from cleaners.inject import find_injections

    tree = parse_html(tp._utf8(tp.read_html(page)))
    assert not [f for f in find_injections(tree) if f.reason in {"hidden_links", "spam_links"}]
    assert not clean_document(tp._utf8(tp.read_html(page)), page.name).to_dict()["is_spam_page"]


REFERENCES = ('<p>参考资料：</p><ul id="refs">'
              '<li><a href="https://docs.python.org/3/library/asyncio.html">asyncio official documentation</a></li>'
              '<li><a href="https://realpython.com/async-io-python/">async io in python a complete walkthrough</a></li>'
              '<li><a href="https://stackoverflow.com/questions/42231161">how to use asyncio gather with exceptions</a></li>'
              '<li><a href="https://www.youtube.com/watch?v=iG6fr81xHKA">python concurrency talk by raymond hettinger</a></li>'
              '</ul>')


@pytest.mark.parametrize("host", HOSTS)
def test_english_references_after_the_article_are_no_farm(host: str) -> None:
    """A Chinese article that ends with its references in English (a tech blog's `how to use asyncio gather with
    exceptions` to stackoverflow.com, docs.python.org …) reads like a farm's search phrases, but the list follows the
    article's own paragraphs in their container (inject._after_prose): not a spam page. The host is a real DAnIEL
    page; the list goes right after its article's last paragraph, in its container. Called spam on 36a0ee5."""
    import lxml.html

    html = _host(host)
    alone = clean_document(html, host).to_dict()
    last = alone["text"].split("\n")[-1][-12:]  # the article's last paragraph, as the record has it
    tree = lxml.html.fromstring(html)
    para = [el for el in tree.iter() if isinstance(el.tag, str) and last in " ".join(el.text_content().split())][-1]
    for el in lxml.html.fragments_fromstring(REFERENCES):
        if para.tag == "p":  # after the paragraph
            para.addnext(el)
            para = el
        else:  # the text's own container (ce.cn's div#articleText): at its end
            para.append(el)
    out = clean_document(lxml.html.tostring(tree, encoding=str), host).to_dict()
    assert not out["is_spam_page"], [r for r in out["removed"] if r["reason"] in ("spam_links", "hidden_links")]
