"""Hidden prose carrying a few keyword anchors to other sites (暗链 inside 伪原创 text) is a planted block.

cleaners.html spares a hidden block that reads as an article a script reveals (`_revealed_article`,
`_revealed_paragraphs`). A hacker hides spun paragraphs of neutral prose with two to four short keyword anchors
to unrelated domains (皇冠体育 -> hg0088.com …): fewer than five domains, weak words only (皇冠, 金沙, 葡京, 体育,
娱乐: cars, places), so inject.HiddenLinks did not fire, the block was spared and the page was not spam.

No labelled page has this shape (bench/hidden_block_audit.py: the spared hidden blocks of wild-2017 dev +
opened, DAnIEL and Scrapinghub hold no anchor to another site), so the planted pages are built here; the legit
confusers (cited sources, Macau hotels, portals' sports and entertainment channels) are built the same way; the
other legit cases are the real pages the audit found: a youth.cn slide show whose paragraphs are each hidden (w006157),
a wanmei.com game page's hidden class tabs (w003496), and an ifeng page's hidden row of three movie-site anchors
(no prose, no gambling word: below the bars, as before).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaners import clean_document

ROOT = Path(__file__).resolve().parent.parent
WILD = ROOT.parent / "shared" / "eval" / "wild-2017" / "pages"
DANIEL = ROOT.parent / "shared" / "eval" / "daniel-zh-dev" / "html"

SPUN = ["近年来，随着城市化进程的不断推进，越来越多的人开始关注生活品质的提升，相关行业也迎来了新的发展机遇。",
        "专家指出，消费者在选择服务时应当综合考虑价格、质量以及售后保障等多方面因素，避免盲目跟风造成损失。",
        "业内人士表示，未来几年市场规模有望继续扩大，企业需要不断创新经营模式，才能在激烈的竞争中站稳脚跟。",
        "与此同时，有关部门也在持续完善监管措施，规范市场秩序，切实保护广大消费者的合法权益不受侵害。"]
ANCHORS = [("皇冠体育", "http://www.hg0088.com/"), ("金沙娱乐", "http://www.js333.com/"), ("葡京娱乐", "http://www.pj8.com/")]
ARTICLE = "".join(f"<p>第{i}段，本市今年继续推进老旧小区改造工作，居民反映良好，相关部门表示将加快进度并做好后续服务保障。</p>"
                  for i in range(8))


def _spun(anchors: list[tuple[str, str]], each_hidden: bool = False) -> str:
    """Eight paragraphs of spun prose, the anchors spliced into three of them; hidden as one block, or each <p>."""
    paras = []
    for i in range(8):
        text = SPUN[i % 4]
        if i in (1, 4, 6) and anchors[:1]:
            word, href = anchors[(1, 4, 6).index(i) % len(anchors)]
            text = text[:10] + f'<a href="{href}">{word}</a>' + text[10:]
        paras.append(text)
    if each_hidden:
        return "<div>" + "".join(f'<p style="display:none">{p}</p>' for p in paras) + "</div>"
    return '<div style="display:none">' + "".join(f"<p>{p}</p>" for p in paras) + "</div>"


def _page(hidden: str) -> bytes:
    return ("<html><head><title>老旧小区改造加快推进</title></head><body><div class='content'><h1>老旧小区改造加快推进</h1>"
            f"{ARTICLE}</div>{hidden}</body></html>").encode()


@pytest.mark.parametrize("each_hidden", [False, True], ids=["hidden block", "each paragraph hidden"])
def test_keyword_anchors_in_hidden_prose_are_injection(each_hidden: bool) -> None:
    rec = clean_document(_page(_spun(ANCHORS, each_hidden)), "t.html")
    assert rec.is_spam_page
    found = [r for r in rec.to_dict()["removed"] if r["reason"] == "hidden_links"]
    assert found and found[0]["where"] == "hidden" and "皇冠体育" in found[0]["text"]
    assert "皇冠体育" not in rec.text and "老旧小区改造" in rec.text


def test_two_brand_anchors_suffice() -> None:
    rec = clean_document(_page(_spun(ANCHORS[:2])), "t.html")
    assert rec.is_spam_page and any(r["reason"] == "hidden_links" for r in rec.to_dict()["removed"])


@pytest.mark.parametrize("anchors", [
    [("新华网", "http://www.xinhuanet.com/"), ("人民网", "http://www.people.com.cn/")],  # cited sources
    [("皇冠体育", "http://www.hg0088.com/")],  # one other site: below the bar
    [("本站首页", "/index.html"), ("相关新闻", "/news/")],  # the site's own links
    # a Macau travel piece linking its hotels: place and hotel names, not a brand + 体育/娱乐
    [("威尼斯人", "http://www.venetianmacao.com/"), ("新葡京", "http://www.grandlisboa.com/"),
     ("金沙城中心", "http://www.sandscotaicentral.com/")],
    # portals' channels: a brand + 体育/娱乐, but portals' names, not letters and digits (one, 163.com, is)
    [("搜狐体育", "http://sports.sohu.com/"), ("网易娱乐", "http://ent.163.com/"), ("虎扑体育", "http://www.hupu.com/")],
], ids=["sources", "one domain", "own site", "macau hotels", "portal channels"])
def test_hidden_article_with_ordinary_links_stays(anchors: list[tuple[str, str]]) -> None:
    rec = clean_document(_page(_spun(anchors)), "t.html")
    assert not rec.is_spam_page
    assert not [r for r in rec.to_dict()["removed"] if r["reason"] == "hidden_links"]


def _wild(name: str) -> bytes:
    path = WILD / name
    if not path.exists():
        pytest.skip("wild-2017 pages not here")
    return path.read_bytes()


@pytest.mark.parametrize("name,words", [("w006157.html", "李心洁"), ("w003496.html", "辰皇")])
def test_real_revealed_blocks_stay(name: str, words: str) -> None:
    labels = {json.loads(line)["file"]: json.loads(line) for line in open(ROOT / "fixtures/wild/labels.jsonl", encoding="utf-8")}
    assert labels[name]["label"] == "ordinary"
    rec = clean_document(_wild(name), name)
    assert not rec.is_spam_page
    assert not [r for r in rec.to_dict()["removed"] if r["reason"] in ("hidden_links", "hidden_element") and words in r["text"]]


def test_hidden_movie_links_on_a_news_page_stay() -> None:
    """DAnIEL's xm.city.ifeng page hides three anchors to three movie sites (百度影音 电影天堂 好看电影): no prose
    around them and no gambling word, so no verdict (DAnIEL pages are no spam pages)."""
    path = DANIEL / "20120112_xm.city.ifeng.com_132b367e56a650b9d106ecce3fea7c9db7d416c6195f748d11df32dd.html"
    if not path.exists():
        pytest.skip("DAnIEL pages not here")
    assert not clean_document(path.read_bytes(), path.name).is_spam_page
