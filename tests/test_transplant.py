"""Real injection blocks moved into real clean pages (bench/transplant_probe.py, docs/spam.md "Transplanted injection").

The donor block is cut at run time out of a labelled wild-2017 dev parasite page (fixtures/wild/labels.jsonl:
the smallest elements holding its labelled `injected` strings, with what hides them), the host is a DAnIEL
page read from ../shared/eval; nothing is copied into the repo. Each case failed on main before session 27:

- w000778's 中福在线 farm sits in a run a script wraps in a written `<div style="position:absolute;left:-800px">`:
  the offset is in the script, so the off-screen rule never saw it (its own page was caught through another block);
- w001719's clinic farm is wrapped by `document.write ('<d'+'iv st'+'yle="position:absolute;left:-10000px">')`:
  a blank before the parenthesis, so the wrapper was not read and the farm counted as visible;
- w000140's visible row `<a>时时彩开奖视频</a>(www.nmjinqiaohotel.com/shishicai/)…` writes each link's address
  beside it, which made the row read as prose with a few links: its brands stayed in the record;
- one of w003915's bot replies (anchors spelled out as markup: viagra, valium, modafinil to three .info sites) was
  kept by the extractor, on 21cn's page in place of the article;
- w001736's hidden 友情链接 farm put after an article's last paragraph (inside its container) made the container a
  link row: the article went and the page was a reject;
- w008802's hidden farm links 澳门葡京赌场, and an essay that names it in a sentence lost the name.

And the host's own article must come out whole with the donor in it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _transplants import HOSTS, tp
from _transplants import norm as _norm

from cleaners import clean_document

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
DANIEL = EVAL / "daniel-zh-dev"

pytestmark = pytest.mark.skipif(not (EVAL / "wild-2017" / "pages").is_dir() or not DANIEL.is_dir(),
                                reason="needs ../shared/eval")



def _donor(page: str, kind: str) -> dict:
    lab = next(json.loads(ln) for ln in (ROOT / "fixtures/wild/labels.jsonl").read_text("utf-8").splitlines()
               if json.loads(ln)["file"] == page)
    return next(d for d in tp.extract_donors(lab) if d["kind"] == kind)


def _host(prefix: str) -> str:
    path = next((DANIEL / "html").glob(prefix + "*.html"))
    return tp._utf8(tp.read_html(path))


# each (donor, host) failed on main (w000140's row was cut from huanqiu's page already, so that host is left out)
CASES = [(page, kind, host) for page, kind in [("w000778.html", "script_wrap"), ("w001719.html", "script_wrap")]
         for host in HOSTS] + [("w000140.html", "after_html", host) for host in HOSTS[1:]] + [
             ("w003915.html", "visible", host) for host in HOSTS]


@pytest.mark.parametrize(("page", "kind", "host"), CASES)
def test_transplanted_block_is_found_and_cut(page: str, kind: str, host: str) -> None:
    donor = _donor(page, kind)
    html = _host(host)
    alone = clean_document(html, host).to_dict()
    out = clean_document(tp.place(html, alone.get("text") or "", donor, "body_end"), host).to_dict()
    assert out["is_spam_page"], (page, host)
    hay = _norm((out.get("title") or "") + "\n" + (out.get("text") or ""))
    assert not [s for s in donor["strings"] if _norm(s) in hay and _norm(s) not in _norm(alone.get("text") or "")]
    # the host's article is all there
    assert (alone.get("text") or "") and _norm(alone["text"]) == _norm(out["text"])
    assert not alone["is_spam_page"]


def test_offscreen_wrapped_reads_the_written_style() -> None:
    """The elements of a script-written wrapper count as off-screen only when the written style pushes them off."""
    from cleaners.html import parse_html
    from cleaners.inject import offscreen_wrapped

    donor = _donor("w000778.html", "script_wrap")
    tree = parse_html("<html><body><p>正文。</p>" + donor["html"] + "</body></html>")
    assert {a.text for el in offscreen_wrapped(tree) for a in el.iter("a")} >= {"中福在线连环夺宝"}
    tree = parse_html("<html><body><p>正文。</p>" + donor["html"].replace("-800px", "0px") + "</body></html>")
    assert not offscreen_wrapped(tree)


WILD = EVAL / "wild-2017" / "pages"


def _wild_host(name: str) -> str:
    return tp._utf8(tp.read_html(WILD / name))


def test_farm_inside_the_article_container_leaves_the_article() -> None:
    """w001736's farm after the last paragraph of an ordinary dev article (w000856, a game guide): the farm is the
    finding, the article stays (the placement re-serialises the tree, so the baseline is the host re-serialised)."""
    import lxml.html

    from cleaners.html import parse_html

    html = _wild_host("w000856.html")
    alone = clean_document(lxml.html.tostring(parse_html(html), encoding=str, doctype="<!DOCTYPE html>"), "w000856").to_dict()
    placed = tp.place(html, alone["text"], _donor("w001736.html", "script"), "after_article")
    out = clean_document(placed, "w000856").to_dict()
    assert out["is_spam_page"] and "text" in out, out.get("reason")
    assert _norm(out["text"]) == _norm(alone["text"])
    assert not [r for r in out["removed"] if r["reason"] == "spam_links"]


def test_visible_row_in_a_layout_table_is_cut_alone() -> None:
    """w000018's visible 合作网站 row (seven anchors to gambling domains, each address written beside it) after the
    same game guide's last paragraph, inside the page's layout table: the row is the `spam_links` finding and the
    article stays. The smallest block holding the spam anchors was searched among a block's children only, and a
    table's tbody and tr are no link block, so the whole table went and the page was a reject (found on opened
    donors by the transplant probe, session 27)."""
    import lxml.html

    from cleaners.html import parse_html

    lab = next(json.loads(ln) for ln in (ROOT / "fixtures/wild/opened.jsonl").read_text("utf-8").splitlines()
               if json.loads(ln)["file"] == "w000018.html")
    donor = next(d for d in tp.extract_donors(lab) if d["kind"] == "links")
    html = _wild_host("w000856.html")
    alone = clean_document(lxml.html.tostring(parse_html(html), encoding=str, doctype="<!DOCTYPE html>"), "w000856").to_dict()
    out = clean_document(tp.place(html, alone["text"], donor, "after_article"), "w000856").to_dict()
    assert out["is_spam_page"] and "text" in out, out.get("reason")
    assert _norm(out["text"]) == _norm(alone["text"])
    rows = [r for r in out["removed"] if r["reason"] == "spam_links"]
    assert rows and all(len(r["text"]) < 400 for r in rows)


def test_a_farm_word_the_article_tells_stays() -> None:
    """w005474 (an essay: 我收到各种垃圾私信，东莞桑拿会所、澳门葡京赌场、缅甸果敢第四特区…纷纷请求冠名) under w008802's hidden
    farm, which links 澳门葡京赌场: the page is spam for the farm, the essay keeps its sentence."""
    html = _wild_host("w005474.html")
    alone = clean_document(html, "w005474").to_dict()
    assert "澳门葡京赌场" in alone["text"]
    out = clean_document(tp.place(html, alone["text"], _donor("w008802.html", "style"), "body_end"), "w005474").to_dict()
    assert out["is_spam_page"]
    assert "东莞桑拿会所、澳门葡京赌场、缅甸果敢" in out["text"]
    assert not [r for r in out["removed"] if r["where"] == "body" and "澳门葡京赌场" in r["text"]]
