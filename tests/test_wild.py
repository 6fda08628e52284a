"""Spam verdicts and removals on real pages: the hand-labelled wild-2017 development set (fixtures/wild).

The pages live in ../shared/eval/wild-2017 (third-party content, never copied into the repo); the tests skip
when it is absent and fail in CI without it. The untouched holdout (fixtures/wild/holdout.jsonl) is only
measured by `mirrorclean wild-eval`, never asserted here.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pytest

from cleaners import Record, clean_document
from cleaners.html import parse_html
from cleaners.inject import find_injections
from mirrorclean.wildeval import WILD, read_labels, run, spam_removals

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "fixtures" / "wild"))
from split import is_holdout, is_opened  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "fixtures" / "wild" / "labels.jsonl"
DANIEL = ROOT.parent / "shared" / "eval" / "daniel-zh-dev"

if not (WILD / "pages").is_dir():
    if os.environ.get("CI"):
        raise RuntimeError("../shared/eval/wild-2017 must be beside the repo in CI")
    pytest.skip("../shared/eval/wild-2017 is not beside the repo", allow_module_level=True)


def page(name: str) -> bytes:
    return (WILD / "pages" / name).read_bytes()


def label(name: str) -> dict:
    return next(r for r in read_labels(LABELS) if r["file"] == name)


@pytest.fixture(scope="module")
def dev_score():
    return run([LABELS], WILD / "pages", with_url=False, jobs=2)[0]


def test_labels_carry_evidence_and_keep_the_holdout_apart() -> None:
    dev = read_labels(LABELS)
    opened = read_labels(ROOT / "fixtures" / "wild" / "opened.jsonl")
    holdout = read_labels(ROOT / "fixtures" / "wild" / "holdout.jsonl")
    names = [{r["file"] for r in s} for s in (dev, opened, holdout)]
    assert sum(map(len, names)) == 677 and not names[0] & names[1] | names[0] & names[2] | names[1] & names[2]
    assert all(is_holdout(n) and is_opened(n) for n in names[1]) and not any(is_opened(n) for n in names[2])
    for r in dev + opened + holdout:
        assert r["label"] in {"parasite", "ordinary", "spam_site", "other"}
        assert len(r["evidence"]) >= 20
        assert r["label"] != "ordinary" or not r["injected"]


def test_dev_set_goals(dev_score) -> None:
    """The goals of issue #9, on the 498 development pages: parasites handled, no injected string left, ordinary
    pages (many with legitimate casino, lottery and game words) neither called spam nor cut."""
    s = dev_score
    assert s.parasite_handled >= 0.9 * s.by_label["parasite"]
    assert s.parasite_left <= 0.05 * s.by_label["parasite"]
    assert s.ordinary_spam <= 0.03 * s.by_label["ordinary"]
    assert s.site_called >= 0.75 * s.by_label["spam_site"]
    assert s.gambling_called >= 0.85 * s.gambling_sites
    cut = [m for m in s.misses if m["why"].startswith("ordinary") and m.get("cut")]
    assert cut == [], "a spam removal cut a word out of an ordinary page"


def test_a_bot_thread_of_pasted_search_results_is_a_spam_site_and_a_news_listing_is_not() -> None:
    """w002022: a Discuz thread by a bot account, block after block of result titles, dated and cut-off snippets
    and their machine translations; w000302: a news site's listing of headlines with cut-off summaries."""
    rec = clean_document(page("w002022.html"), "w002022.html")
    assert rec.is_spam_page and label("w002022.html")["label"] == "spam_site"
    assert [r.where for r in rec.removed if r.reason == "spam_site" and "search results pasted" in r.text] == ["page"]
    assert "不锈钢除尘器" in rec.text  # a verdict, not a cut: the text stays as found
    listing = clean_document(page("w000302.html"), "w000302.html")
    assert label("w000302.html")["label"] == "ordinary" and not listing.is_spam_page


@pytest.mark.parametrize("name", ["w001799.html", "w001918.html", "w001892.html"])
def test_a_fake_certificate_doorways_title_over_a_scraped_story_goes(name: str) -> None:
    """保定市办普通话证, 枣强县办假房产证, 泊头哪里有催情药卖: a doorway's keyword as the title of a scraped story
    (a TV drama, a 3D-printing report, a gov.cn notice) that never names it: the page is spam and the title goes."""
    rec = clean_document(page(name), name)
    assert label(name)["label"] == "spam_site" and rec.is_spam_page
    hijack = [r.text for r in rec.removed if r.reason == "title_hijack"]
    assert hijack and hijack[0] in label(name)["injected"][0] + label(name)["evidence"]
    assert rec.title is None or rec.title not in hijack


@pytest.mark.parametrize("style", ["display:none", "font-size:0px", "position:absolute;left:-3000px"])
def test_a_lone_paid_link_hidden_by_its_own_style_whatever_the_trick(style: str) -> None:
    """w008367: one <a style="display:none"> to a signage firm under 标牌制作 after a news story; the same anchor
    hidden by a zero font size or pushed off-screen is the same dark link."""
    data = re.sub(rb"display\s*:\s*none", style.encode(), page("w008367.html"), flags=re.I)
    rec = clean_document(data, "w008367.html")
    assert rec.is_spam_page and [r.text for r in rec.removed if r.reason == "hidden_links"] == ["标牌制作"]


def test_a_lone_paid_link_hidden_by_a_class_of_the_pages_sheet() -> None:
    """w008367's dark link hidden by a class its page's <style> hides instead of its own style attribute."""
    data = page("w008367.html").replace(b'<a style="display:none;" href="http://www.kunyisign.com">',
                                        b'<a class="zzq" href="http://www.kunyisign.com">')
    data = data.replace(b"</head>", b"<style>.zzq{display:none}</style></head>", 1)
    assert b'class="zzq"' in data and b".zzq{display:none}" in data
    rec = clean_document(data, "w008367.html")
    assert rec.is_spam_page and [r.text for r in rec.removed if r.reason == "hidden_links"] == ["标牌制作"]


@pytest.mark.parametrize("name", ["w000881.html", "w005475.html"])
def test_a_parasite_in_traditional_characters_is_found_as_in_simplified(name: str) -> None:
    """The same real parasites with every character in its Traditional form (a Taiwanese or Hong Kong site): the
    topic words and brands are read in both forms (真錢棋牌 in a school's teacher list; 癲癇 牛皮癬 in a news
    video page's hidden box), and the injected strings leave the record."""
    import opencc

    from cleaners.decode import decode_bytes

    cc = opencc.OpenCC("s2t")
    text, _ = decode_bytes(page(name))
    rec = clean_document(cc.convert(text).encode("utf-8"), name)
    assert rec.is_spam_page
    kept = ((rec.title or "") + rec.text) if isinstance(rec, Record) else ""  # a reject: a page with no article
    assert not [s for s in label(name)["injected"] if cc.convert(s) in kept]


def test_script_hidden_farm_is_found_dropped_and_reported() -> None:
    """w001092: a 友情链接 block hidden by `getElementById('t'+'e'+'s'+'i').style.display='none'`."""
    rec = clean_document(page("w001092.html"), "w001092.html")
    farm = [r for r in rec.removed if r.reason == "hidden_links"]
    assert farm and farm[0].where == "hidden" and "澳门威尼斯人" in farm[0].text
    assert rec.is_spam_page
    text = (rec.title or "") + (rec.text if isinstance(rec, Record) else "")
    assert not [s for s in label("w001092.html")["injected"] if s in text]


def test_farm_after_closing_html_tag() -> None:
    """w000529: the farm sits after </html>, where lxml puts a second root that tree.iter() never reaches."""
    findings = find_injections(parse_html(page("w000529.html").decode("utf-8-sig")))
    assert [f.where for f in findings if f.reason == "hidden_links"] == ["after_html"]


def test_document_write_wrapper_hides_a_farm() -> None:
    """w000778: `document.write('<'+'di'+'v sty'+'le="position: absolute; l'+'eft: -800px;…">')` around anchors."""
    rec = clean_document(page("w000778.html"), "w000778.html")
    assert rec.is_spam_page
    assert any(r.reason == "hidden_links" and "中福在线" in r.text for r in rec.removed)


def test_visible_gambling_row_is_removed_before_extraction() -> None:
    """w008802: a row of gambling anchors under a shop's search box; none of its strings reach the text."""
    rec = clean_document(page("w008802.html"), "w008802.html")
    assert rec.is_spam_page
    text = (rec.title or "") + (rec.text if isinstance(rec, Record) else "")
    left = [s for s in label("w008802.html")["injected"] if s in text]
    assert left == []


@pytest.mark.parametrize("name", [r["file"] for r in read_labels(LABELS) if r["label"] == "ordinary" and r["legit"]])
def test_ordinary_pages_with_gambling_words_are_left_alone(name: str) -> None:
    """Lottery portals, 1-yuan draws using 时时彩 numbers, a 至尊百家乐 TV page, travel pages: not spam, nothing cut."""
    rec = clean_document(page(name), name)
    assert not rec.is_spam_page
    if isinstance(rec, Record):
        assert spam_removals(rec.to_dict()) == []


def test_ordinary_news_with_three_hidden_links_is_not_a_spam_page() -> None:
    """An ifeng news page (DAnIEL) hides three links to movie sites: below the five-domain bar, so the article
    is not called spam (the block is still dropped as hidden)."""
    if not DANIEL.is_dir():
        pytest.skip("DAnIEL not beside the repo")
    path = next((DANIEL / "html").glob("*cce3fea7c9db7d416c6195f748d11df32dd.html"))
    rec = clean_document(path.read_bytes(), path.name)
    assert isinstance(rec, Record) and not rec.is_spam_page
    assert any(r.reason == "hidden_element" and "电影天堂" in r.text for r in rec.removed)


@pytest.mark.parametrize("name", ["w000325.html", "w008367.html"])
def test_lone_or_single_site_dark_links_make_a_spam_page(name: str) -> None:
    """w000325: five anchors to one car-tool shop in a block pushed to top:-999px in a school's footer;
    w008367: one `<a style='display:none'>标牌制作</a>` to a signage firm after a news article."""
    rec = clean_document(page(name), name)
    assert rec.is_spam_page
    assert any(r.reason == "hidden_links" and r.where == "hidden" for r in rec.removed)


def test_hidden_cms_credit_is_not_a_dark_link() -> None:
    """w005209: hangzhou.com.cn ends with the CMS vendor's hidden `Produced By 大汉网络 …` anchor: no keyword,
    no spam page."""
    rec = clean_document(page("w005209.html"), "w005209.html")
    assert not rec.is_spam_page


ARTICLE = "".join(f"<p>{s}</p>" for s in [
    "近日，市政府召开常务会议，研究部署今年重点工作任务，会议强调要坚持稳中求进工作总基调。",
    "会议指出，各地各部门要把思想和行动统一到决策部署上来，确保各项工作落地见效。",
    "会议要求，要加强统筹协调，压实工作责任，以钉钉子精神抓好落实，推动经济持续回升向好。",
])


def html(title: str, body: str = ARTICLE, h1: str = "市政府召开常务会议部署重点工作") -> bytes:
    return f"<html><head><title>{title}</title></head><body><h1>{h1}</h1>{body}</body></html>".encode()


@pytest.mark.parametrize("title", ["市政府召开常务会议部署重点工作_必威betway中文版", "市政府召开常务会议部署重点工作_华体会",
                                   "华体会体育", "开云体育官方网站", "市政府召开常务会议部署重点工作_星耀体育",
                                   "鼎盛棋牌：市政府召开常务会议部署重点工作"])
def test_common_crawl_title_hijacks(title: str) -> None:
    """Title forms seen on Common Crawl parasites: a brand suffix, and a brand as the whole title."""
    rec = clean_document(html(title), "cc.html")
    assert rec.is_spam_page and rec.title == "市政府召开常务会议部署重点工作"


def test_handle_spliced_mid_sentence() -> None:
    body = ARTICLE.replace("各地各部门要", "作为js333金沙线路各地各部门要")
    rec = clean_document(html("市政府召开常务会议部署重点工作", body), "cc.html")
    assert rec.is_spam_page and "js333" not in rec.text and "金沙" not in rec.text
    assert "会议指出，作为各地各部门要把思想" in rec.text


@pytest.mark.parametrize("sentence", ["代表们每人领到一部iPhone7手机和一包A4纸。", "我们在澳门金沙城中心的酒店住了两晚。",
                                      "体彩中心公布了本期大乐透和七星彩的开奖结果。"])
def test_ordinary_codes_and_places_in_prose_stay(sentence: str) -> None:
    rec = clean_document(html("市政府召开常务会议部署重点工作", ARTICLE + f"<p>{sentence}</p>"), "ok.html")
    assert not rec.is_spam_page and sentence in rec.text


def test_hijacked_title_on_a_page_with_planted_links_gives_way_to_the_heading() -> None:
    farm = "".join(f'<a href="http://{d}.com/">{w}</a>' for d, w in zip(
        ["aa1", "bb2", "cc3", "dd4", "ee5"], ["百家乐平台", "澳门赌场网址", "网上赌博技巧", "真人娱乐城", "博彩网站大全"], strict=True))
    body = ARTICLE + f'<div style="display:none">{farm}</div>'
    rec = clean_document(html("教你网上赌博如何稳赢不输的十个技巧", body), "hijack.html")
    assert rec.is_spam_page and rec.title == "市政府召开常务会议部署重点工作"
    assert any(r.reason == "title_hijack" and r.where == "title" for r in rec.removed)
    assert not re.search("百家乐|娱乐城|博彩", rec.text)


AEB = ROOT.parent / "shared" / "eval" / "scrapinghub-aeb"


def test_news_benchmarks_have_no_spam_page_but_the_nulled_theme_one(tmp_path: Path) -> None:
    """DAnIEL (209 Chinese news pages) and Scrapinghub (181 mostly English articles), cleaned by the CLI: no spam
    page, except the one Scrapinghub page whose WordPress theme planted eight off-screen links to warez sites (a
    real injection, reported with its evidence)."""
    import subprocess
    import sys

    if not DANIEL.is_dir() or not AEB.is_dir():
        pytest.skip("DAnIEL or Scrapinghub not beside the repo")
    out = tmp_path / "news.jsonl"
    proc = subprocess.run([sys.executable, "-m", "mirrorclean", "clean", str(DANIEL / "html"), str(AEB / "html"),
                           "-o", str(out), "-j", "2", "-q"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(records) >= 380
    flagged = [r for r in records if r["is_spam_page"]]
    assert [r["source"].split(".")[0][-12:] for r in flagged] == ["0705bcbe106e3b"[-12:]]
    farm = [r for r in flagged[0]["removed"] if r["reason"] == "hidden_links"]
    assert farm and "WordPress Themes" in farm[0]["text"]


def test_spliced_links_leave_the_sentences() -> None:
    """w007172: a bot repost of Macau gaming-revenue news with anchors to unrelated sites spliced mid-sentence
    (增幅渐<a>SST天香调整股改方案与重大资产重组同步</a>放缓): the anchors go, the sentence closes up, the news about
    博彩 stays."""
    rec = clean_document(page("w007172.html"), "w007172.html")
    assert rec.is_spam_page and any(r.reason == "spliced_links" for r in rec.removed)
    assert "增幅渐放缓" in rec.text and "博彩" in rec.text
    assert not [s for s in label("w007172.html")["injected"] if s in rec.text]


# ---- the same real pages as a crawl's plain-text extract (WET-like: hidden text kept, markup gone) ----


def wet_record(name: str) -> dict:
    from mirrorclean.wildeval import wet_text

    return clean_document(wet_text(page(name)).encode("utf-8"), name, kind="text").to_dict()


def test_a_farm_amid_a_shops_menus_leaves_the_text() -> None:
    """w008802: a hacked shop whose hidden farm (赌场, 投注网, 网络真钱游戏 … and 皇冠代理网, 新2网址 beside them)
    sits between its menus and a message form, one keyword a line: the farm goes, the menus stay."""
    rec = wet_record("w008802.html")
    assert rec["is_spam_page"]
    for s in ["赌场", "投注网", "网络真钱游戏", "赌博技巧", "皇冠代理网", "新2网址", "君博国际", "澳门凯旋门赌场"]:
        assert s not in rec["text"].split("\n"), s
    assert "智能手机" in rec["text"] and "高级搜索" in rec["text"]


def test_a_farm_after_the_closing_html_tag_reaches_the_plain_text_and_is_found() -> None:
    """w001762: a 友情链接 farm of ~70 gambling anchors after </html>; a browser (and a crawl's text extract) keeps
    what follows </html> in the body, so the WET-like text holds it, and the text cleaner finds it."""
    from mirrorclean.wildeval import wet_text

    assert "百家乐玩法" in wet_text(page("w001762.html"))
    rec = wet_record("w001762.html")
    assert rec["is_spam_page"] and "百家乐玩法" not in rec["text"]


@pytest.mark.parametrize("name", ["w003113.html", "w004280.html", "w004883.html"])
def test_a_news_box_of_drug_and_gambling_headlines_is_not_a_farm(name: str) -> None:
    """中国警察网 stories whose sidebar lists crime headlines (男子吸食冰毒当众胁迫女友…获刑): headlines, not keywords."""
    rec = wet_record(name)
    assert not rec["is_spam_page"], rec["spam_terms"]


@pytest.mark.parametrize("name, label", [("w000005.html", "韩语每日一句"), ("w008245.html", "药代动力学")])
def test_a_sites_own_column_label_is_not_a_brand(name: str, label: str) -> None:
    """【韩语每日一句】 in the body and as the title's prefix, 【药代动力学】 over each drug's section: the site's own
    labels, with no brand shape; nothing is cut and the page is not spam."""
    rec = wet_record(name)
    assert not rec["is_spam_page"] and not spam_removals(rec), rec["spam_terms"]
    assert label in rec["text"]


@pytest.mark.parametrize("name", ["20120117_news.southcn.com_04699069dcb197048aeeeccc0ea9e8215bb0af0aa07a3ea025db9fee.html",
                                  "20120117_tech.southcn.com_d7a2be41a68936577adac81d23f51dfa0c7de5cc8c5a4b6b793638b9.html"])
def test_a_portals_clinic_adverts_in_plain_text_are_not_a_farm(name: str) -> None:
    """DAnIEL news from a portal whose own text ads (广州男科医院, 妇科医院哪家好) sit among its link boxes: in plain
    text there is no link structure to tell them from a farm, so clinic and shop words alone never make one."""
    from mirrorclean.wildeval import wet_text

    if not DANIEL.is_dir():
        pytest.skip("DAnIEL not beside the repo")
    rec = clean_document(wet_text((DANIEL / "html" / name).read_bytes()).encode("utf-8"), name, kind="text").to_dict()
    assert not rec["is_spam_page"]


@pytest.mark.parametrize("name, words", [("w005092.html", "琵琶网"), ("w005227.html", "五金工具"), ("w002172.html", "小众软件")])
def test_a_gbk_page_labelled_utf8_is_read_as_chinese_not_cyrillic(name: str, words: str) -> None:
    """Real pages that declare utf-8 but are GBK: a detector's single-byte guess (iso8859-5, cp1252) turned them
    into Cyrillic or Latin mojibake and the article was lost."""
    from cleaners.decode import decode_bytes

    text, codec = decode_bytes(page(name))
    assert codec == "gb18030" and words in text


def test_a_clock_time_opening_a_line_is_not_a_brand() -> None:
    """A Scrapinghub news page as plain text: `10:01 pm PST` opens a line and `10` stands alone on another; digits
    alone name no brand, so the page is not spam."""
    import gzip

    from mirrorclean.wildeval import wet_text

    path = DANIEL.parent / "scrapinghub-aeb" / "html" / "5caf91b8a4423735f866b089d2611ea14503584cf3b6f487c6d26eb7b9521fca.html.gz"
    if not path.exists():
        pytest.skip("Scrapinghub not beside the repo")
    rec = clean_document(wet_text(gzip.decompress(path.read_bytes())).encode("utf-8"), path.name, kind="text").to_dict()
    assert not rec["is_spam_page"]


@pytest.mark.parametrize("name", ["w001750.html", "w001885.html", "w009164.html"])
def test_a_selling_title_on_a_text_extracts_first_line_makes_a_spam_page(name: str) -> None:
    """Gambling doorways as a crawl's text extract: the page's <title> comes first (战神娱乐场-战神娱乐场首页【官方直营、
    大额无忧】, 申博娱乐网址-申博娱乐网址娱乐平台): a stuffed or promotional title selling a spam topic, reported as the
    page's evidence even when no article is found."""
    rec = wet_record(name)
    assert rec["is_spam_page"]
    assert any(r["where"] == "page" and r["reason"] == "spam_site" for r in rec.get("removed", [])) or "reason" in rec


def test_filter_evading_advert_in_comments_makes_a_spam_page() -> None:
    """w006240 (a TV programme page): two comments are porn adverts spelled past the filters (看.色.片.看.а.片,
    网.址, a Cyrillic а). Before cleaners.evasion the record kept them and the page was ordinary."""
    rec = clean_document(page("w006240.html"), "w006240.html")
    assert isinstance(rec, Record) and rec.is_spam_page
    assert "acaaa" not in rec.text.lower() and "色.片" not in rec.text and "网.址" not in rec.text
    assert "詹姆士是一个很不错的美食节目主持人" in rec.text  # the genuine comments stay
    assert any(r.reason == "evasive_ad" for r in rec.removed)


@pytest.mark.parametrize("line", [
    "因为宫崎骏对中国的失望无以复加。我在这一点上也是如此。",  # 加。我 is two sentences, not 加我
    "吃.喝.玩.乐，周末好去处", "迪兹·吉莱斯皮，George Mathews", "语言：中/英/日",
    "ViewSonic VX2257-mhd 显示器评测", "威信县2017年国民经济和社会发展统计公报", "联系电话：0571-88888888",
    "本文作者：张三_网址导航", "扫码关注微信公众号",
])
def test_ordinary_lines_are_not_evasion(line: str) -> None:
    from cleaners.evasion import evasive_words

    assert evasive_words(line) == []


def test_a_farm_of_a_trade_the_page_never_names_makes_a_text_extract_spam() -> None:
    """w000729 (a logistics firm) as a crawl's plain-text extract: two marquee farms of 代孕 keywords arrive as
    short lines with no style or links left; no other line of the page names the trade."""
    from mirrorclean.wildeval import wet_text

    rec = clean_document(wet_text(page("w000729.html")).encode("utf-8"), "w000729.txt", kind="text")
    assert isinstance(rec, Record) and rec.is_spam_page and "代孕" not in rec.text
    assert "物流企业" in rec.text


def test_a_run_of_lottery_keywords_in_a_shop_footer_makes_a_text_extract_spam() -> None:
    """w004383 (a clothing shop) as a plain-text extract: ~45 off-screen anchors of lottery-software keywords
    (时时彩软件大全 …, one with 博彩) arrive as short lines; nothing else on the page names the trade."""
    from mirrorclean.wildeval import wet_text

    rec = clean_document(wet_text(page("w004383.html")).encode("utf-8"), "w004383.txt", kind="text")
    assert isinstance(rec, Record) and rec.is_spam_page and "时时彩软件" not in rec.text


def test_anchors_pasted_as_markup_make_a_text_extract_spam() -> None:
    """w003915 (a forum thread whose replies are bot posts: <a href=" http://e7v.info/… ">can you take viagra at
    night</a> …) and w001734 (a splash page whose broken title swallowed a 友情链接1: farm of <a href=…>银河赌场</a>
    lines) as plain-text extracts: anchors written out as markup, to other sites, under keyword texts."""
    rec = wet_record("w003915.html")
    assert rec["is_spam_page"] and "viagra" not in rec.get("text", "")
    rec = wet_record("w001734.html")
    assert rec["is_spam_page"] and "赌场" not in rec.get("text", "") and "娱乐城" not in rec.get("text", "")
    assert any(r["reason"] == "spam_links" for r in rec["removed"])


def test_ad_server_images_written_as_markup_are_not_pasted_links() -> None:
    """A text with anchor markup that links no keyword (an ad server's image, a lone example link) is not spam."""
    from cleaners.plainspam import pasted_anchors

    ads = ['<a href="http://twsina.allyes.com/main/adfclick?user=X"><img src="http://twsina.allyes.com/a.gif"></a>'] * 3
    lesson = ['超链接的写法是 <a href="http://www.example.com">示例网站首页</a>，href 写目标地址。']
    assert pasted_anchors(ads + lesson) is None


@pytest.mark.parametrize("name,line", [("w000881.html", "真钱棋牌"), ("w005475.html", "癫痫牛皮癣白癜风肝硬化乙肝")])
def test_a_lone_line_of_a_trade_the_page_never_names_makes_a_text_extract_spam(name: str, line: str) -> None:
    """w000881 (a training school's teacher list with one hidden 真钱棋牌 anchor) and w005475 (a video news page
    whose menu hides 癫痫/牛皮癣/白癜风 links) as plain-text extracts: one short line with two words of a trade
    nothing else on the page names. The news text of w005475 stays."""
    rec = wet_record(name)
    assert rec["is_spam_page"] and line not in rec.get("text", "")
    assert any(r["reason"] == "spam_list" and r["text"] == line for r in rec["removed"])
    if name == "w005475.html":
        assert "赫尔辛基" in rec["text"]


def test_gambling_words_in_a_page_about_gambling_are_not_a_lone_trade_line() -> None:
    """The same two-word keyword on a page whose text is about the trade (news of a raid) is the page's topic."""
    from cleaners.plainspam import lone_trade_lines

    assert lone_trade_lines(["真钱棋牌", "警方近日捣毁一个网络赌博窝点，该团伙以真钱棋牌为名招揽赌客。"]) is None


def test_a_gambling_brand_labelling_a_caption_is_cut_from_a_text_extract() -> None:
    """w001276 (a finance Q&A) as a plain-text extract: a caption between the article's pictures reads
    永盛真钱棋牌室:外媒头条:中国限产导致炼焦煤 价格; the brand goes and the page is spam, the article's 庄家 stays
    and the text ends at the answer's last sentence, where the labelled dump of the page ends (fixtures/wild/
    dumps.jsonl: the caption is a related headline, not the article's)."""
    rec = wet_record("w001276.html")
    assert rec["is_spam_page"] and "永盛真钱棋牌室" not in rec["text"]
    assert "庄家" in rec["text"] and rec["text"].endswith("所以不会亏太惨。")
    assert any(r["reason"] == "spam_brand" or "永盛真钱棋牌室" in r["text"] for r in rec["removed"])


@pytest.mark.parametrize("line", ["首例微信红包外挂案：10多人被抓 涉案资", "澳门赌场：三月博彩收入同比下降", "棋牌室：社区老人活动中心开放"])
def test_a_headline_label_is_not_a_brand_label(line: str) -> None:
    """A news label (w009681's 首例微信红包外挂案：…), a headline about the trade, a one-word place are not brands."""
    from cleaners.plainspam import brand_labels

    assert brand_labels([line, "正文第一段。"]) is None


def test_a_run_of_access_phrases_leaves_a_text_extract() -> None:
    """w008802 (a liquor shop) as a plain-text extract: thirty lines 婷美官网, 婧麒官网, 爱慕内衣官网 … under the
    footer, a doorway farm's search phrases, leave the text; the shop's own lines stay."""
    rec = wet_record("w008802.html")
    assert rec["is_spam_page"] and "官网" not in rec["text"]
    assert "贵州茅台镇酒" in rec["text"]


def test_a_pages_own_official_sites_are_not_an_access_run() -> None:
    """A few 官网 lines (a list of ministries' sites) or names without the access word are no farm."""
    from cleaners.plainspam import access_runs

    assert access_runs(["教育部官网", "财政部官网", "商务部官网", "外交部官网", "联系我们"]) is None
    assert access_runs(["潮流女装", "时尚男装", "韩版童装", "精品区", "数据包下载", "时尚情侣装", "我的帐户"]) is None


def test_latin_shopping_queries_on_a_chinese_page_leave_a_text_extract() -> None:
    """w000632 (a Guangzhou 普通话 school) as a plain-text extract: hidden and off-screen anchors arrive as the
    page's only Latin lines (replica rolex usa fake rolex watches …, ray ban glasses on discount …, mattpacere.com
    reviews): they go, the school's Chinese lines stay."""
    rec = wet_record("w000632.html")
    assert rec["is_spam_page"]
    assert not re.search(r"rolex|ray ban|oakley|mattpacere|panerai", rec["text"], re.I)
    assert "普通话" in rec["text"]


def test_an_english_name_on_a_chinese_page_about_the_trade_is_not_a_farm() -> None:
    """A Chinese travel page that names the casino in Chinese keeps its English names (Venetian Macao Casino)."""
    from cleaners.plainspam import foreign_keywords

    zh = "澳门威尼斯人度假村酒店位于路氹金光大道，酒店内设有大型赌场、购物中心和剧院，是游客必到之处。"
    assert foreign_keywords([zh] * 4 + ["Venetian Macao Casino Resort Hotel"]) is None


def test_a_links_row_on_one_line_leaves_a_text_extract_as_chrome() -> None:
    """w000799 (a filter dealer): 友情链接:上海佳吉物流空调维修公司上海空调移机… glued on one line sat in the text;
    it is template chrome (links_row), not a spam cut. w006219 (a knife shop, ordinary): its own 友情链接： row of
    户撒刀 keywords goes as chrome too and the page stays ordinary."""
    rec = wet_record("w000799.html")
    assert rec["is_spam_page"] and "上海佳吉物流" not in rec.get("text", "")
    from cleaners.chrome import chrome_reason

    rec = wet_record("w006219.html")
    assert not rec["is_spam_page"] and not spam_removals(rec)
    assert chrome_reason("友情链接： 户撒刀 藏刀 户撒刀 户撒刀 户撒刀王 阿昌刀 户撒刀货到付款 正宗户撒刀 云南户撒刀 户撒刀价格") == "links_row"


def test_links_of_unrelated_trades_under_a_links_heading_make_a_text_extract_spam() -> None:
    """w001894 (a prefab-housing firm) as a plain-text extract: a zero-size 友情链接： box of 36 phrases of other
    trades (昆明广告纸巾, 鸡排加盟十大品牌, 维普数据库论文查重 …) arrives one a line under the heading."""
    rec = wet_record("w001894.html")
    assert rec["is_spam_page"] and "鸡排加盟" not in rec.get("text", "")


@pytest.mark.parametrize("name", ["w002534.html", "w003942.html", "w003662.html", "w009541.html"])
def test_a_real_links_box_is_not_sold_links(name: str) -> None:
    """Ordinary pages whose 友情链接 box lists peers and portals (an essay site's 演讲稿范文/论文网, a tech blog's
    friends, a property portal's cities): not sold links."""
    from cleaners.plainspam import sold_links
    from mirrorclean.wildeval import wet_text

    lines = [ln for ln in wet_text(page(name)).splitlines() if ln.strip()]
    assert sold_links(lines) is None
    assert not wet_record(name)["is_spam_page"]


@pytest.mark.parametrize("brand", ["华体会", "乐鱼体育官网入口", "必威betway中文版"])
def test_a_brand_in_the_title_line_of_a_text_extract_makes_it_spam(brand: str) -> None:
    """A crawl's text extract puts the page's <title> first: an ordinary story's extract (w000470, 三日“鲁滨逊”)
    whose title line a mirror template has suffixed with a gambling brand (三日“鲁滨逊”_外国民间故事_…_华体会) is a
    spam page, as the same title is in HTML; the story is kept whole."""
    from mirrorclean.wildeval import wet_text

    text = wet_text(page("w000470.html"))
    top, rest = text.split("\n", 1)
    rec = clean_document(f"{top}_{brand}\n{rest}".encode(), "w000470.txt", kind="text").to_dict()
    plain = clean_document(text.encode("utf-8"), "w000470.txt", kind="text").to_dict()
    assert rec["is_spam_page"] and not plain["is_spam_page"] and rec["text"] == plain["text"]


def test_a_news_sites_name_in_the_title_line_is_not_a_brand() -> None:
    """DAnIEL's 21cbh.com story as a text extract (title 分析师独董首案…_21世纪网, the site named again in the
    text) and titles ending in a sports or lottery body's own name are not brand titles."""
    from cleaners.plainspam import title_brands

    path = DANIEL / "html" / "20111215_www.21cbh.com_ab4ae925bcdda1732314dc4d99fcd0a7115d7516a7db76038cbfe6a8.html"
    if path.exists():
        from mirrorclean.wildeval import wet_text

        assert not clean_document(wet_text(path.read_bytes()).encode("utf-8"), "x.txt", kind="text").is_spam_page
    body = ["首页", "三日“鲁滨逊”", "我和朋友在荒岛上住了三天，每天靠打鱼和采野果过日子。"]
    for top in ("三日“鲁滨逊”_新浪体育", "开奖公告-中国体育彩票官方网站", "三日“鲁滨逊”_外国民间故事_小故事网"):
        assert title_brands([top, *body]) is None


def test_an_exporters_english_product_titles_are_not_a_latin_farm() -> None:
    """A Chinese packaging firm titling its products in English (wholesale, cheap: goods words shops use) with no
    word stuffed is not a farm; w000632's replica line repeats rolex five times and is one."""
    from cleaners.plainspam import foreign_keywords

    zh = "深圳市卓尔雅包装技术有限公司专业生产纸箱、彩盒和铝箔袋，产品远销欧美。"
    assert foreign_keywords([zh] * 6 + ["Wholesale Custom Printed Paper Bags", "Cheap Kraft Paper Bags"]) is None
