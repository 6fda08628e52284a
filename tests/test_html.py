"""HTML cleaners on real markup: hidden link farms, template chrome, parameter tables, the whole page path."""

from __future__ import annotations

from cleaners import Record, clean_document
from cleaners.draft import Draft
from cleaners.html import AttributeTables, ChromeBlocks, HiddenElements, parse_html

PARA = "近年来，我市坚持以人民为中心的发展思想，扎实推进城市更新行动，一批老旧街区在保留历史风貌的同时焕发出新的生机与活力。"


def page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>城市更新</title>{head}</head><body>{body}</body></html>"


def test_hidden_elements_by_inline_style_attribute_css_and_marquee() -> None:
    tree = parse_html(page(
        f"<div style='display:none'><a href='#'>澳门博彩</a></div>"
        f"<div style='position:absolute;left:-9999px'>百家乐</div>"
        f"<div class='lk'>真人视讯</div><p hidden>隐藏</p>"
        f"<marquee height=1><a href='#'>金鼎娱乐城</a></marquee>"
        f"<div style='height:0;overflow:hidden'>零高度</div><p>{PARA}</p>",
        head="<style>.x{color:red} .lk{text-indent:-9999px}</style>",
    ))
    removed = HiddenElements().apply(tree)
    assert sorted(r.text for r in removed) == sorted(["澳门博彩", "百家乐", "真人视讯", "隐藏", "金鼎娱乐城", "零高度"])
    assert {r.reason for r in removed} == {"hidden_element"}
    assert PARA in tree.text_content()


def test_visible_elements_with_harmless_styles_stay() -> None:
    tree = parse_html(page(f"<p style='margin-left:-10px;height:100px'>{PARA}</p>"))
    assert HiddenElements().apply(tree) == []


def test_chrome_blocks_go_whole_and_prevnext_text_is_kept_for_the_spam_finder() -> None:
    tree = parse_html(page(
        "<div class='pos'>当前位置：<a href='/'>首页</a> &gt; <a href='/p/'>产品中心</a></div>"
        f"<div class='content'><p>{PARA}</p><p>{PARA[::-1]}</p></div>"
        "<div class='pn'><p>上一篇：<a href='/1.html'>星耀体育官网入口：夏季用电</a></p>"
        "<p>下一篇：<a href='/3.html'>城市公园新增步道</a></p></div>"
        "<div>浏览次数：128 【打印】【关闭】</div><div class='foot'>版权所有 © 2024 某某公司 粤ICP备12345678号</div>"
    ))
    draft = Draft()
    removed = ChromeBlocks().apply(tree, draft)
    reasons = [r.reason for r in removed]
    assert {"breadcrumb", "prevnext", "footer"} <= set(reasons)
    assert any("星耀体育官网入口" in line for line in draft.slots.prevnext)
    text = tree.text_content()
    assert PARA in text and "上一篇" not in text and "当前位置" not in text and "版权所有" not in text


def test_attribute_tables() -> None:
    tree = parse_html(page(
        "<table><tr><td>型号</td><td>ZZX-600</td></tr><tr><td>材质</td><td>PP</td></tr>"
        "<tr><td>规格</td><td>600*400</td></tr></table>"
        f"<table><tr><td>2023年</td><td>42</td></tr><tr><td>2024年</td><td>60</td></tr></table><p>{PARA}</p>"
    ))
    removed = AttributeTables().apply(tree)
    assert len(removed) == 1 and "ZZX-600" in removed[0].text
    assert "2024年" in tree.text_content()
    tree = parse_html(page(
        "<table><tr><td>索 引 号</td><td>11420100MB/2024-00018</td><td>主题分类</td><td>教育</td></tr>"
        "<tr><td>发布机构</td><td>江城市教育局</td><td>成文日期</td><td>2024-02-19</td></tr></table>"
        f"<p>{PARA}</p>"
    ))
    assert [r.reason for r in AttributeTables().apply(tree)] == ["metadata_table"]


def test_gbk_spam_mirror_end_to_end() -> None:
    html = (
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=gb2312'>"
        "<title>博鑫娱乐官方app下载:城市更新让老街区焕发新活力_某某塑料制品有限公司</title>"
        "<meta name='keywords' content='博鑫娱乐,城市更新'></head><body>"
        "<div class='nav'>网站首页 | 产品中心 | 新闻中心 | 联系我们</div>"
        "<div class='pos'>当前位置：首页 &gt; 新闻中心</div>"
        "<h1>城市更新让老街区焕发新活力</h1><div class='info'>来源：博鑫娱乐官方app下载  发布时间：2024-06-18 10:22:31</div>"
        f"<div class='body'><p>博鑫娱乐88：</p><p>{PARA}</p>"
        "<p>据介绍，今年以来全市共启动城市更新项目42个，完成投资超过60亿元，惠及居民3.2万户。相关负责人表示，下一步将继续完善配套设施。</p>"
        "<p>在老城区的青石板路上，修缮一新的骑楼错落有致，沿街商铺重新开张，吸引了大量市民和游客前来打卡。</p></div>"
        "<div>上一篇：<a href='#'>博鑫娱乐app下载：夏季用电高峰</a></div></body></html>"
    ).encode("gbk")
    rec = clean_document(html, "gbk.html")
    assert isinstance(rec, Record), rec
    assert rec.encoding == "gb18030"
    assert rec.title == "城市更新让老街区焕发新活力"
    assert rec.published == "2024-06-18T10:22:31"
    assert rec.is_spam_page and "博鑫娱乐" in rec.spam_terms
    assert rec.text.startswith("近年来，我市坚持")
    for word in ("博鑫", "产品中心", "上一篇", "当前位置", "来源"):
        assert word not in rec.text and word not in rec.title


def test_listing_page_is_a_reject() -> None:
    links = "".join(f"<li><a href='/n/{i}.html'>城市新闻标题第{i}条</a></li>" for i in range(30))
    rec = clean_document(page(f"<div class='nav'>新闻中心</div><ul>{links}</ul>").encode(), "list.html")
    assert not isinstance(rec, Record)
    assert rec.reason in {"no_article", "too_short"}


def test_section_boxes_drop_sidebars_and_their_sister_boxes_but_keep_a_labelled_article() -> None:
    from cleaners.html import SectionBoxes

    sidebar = ("<div class='side'><div class='box'><h3>开放时间</h3><p>周二至周日 9:00—17:00，周一闭馆。</p></div>"
               "<div class='box'><h3>公司简介</h3><p>某某建材有限公司成立于二〇〇八年，是一家集研发、生产、销售于一体的现代化企业。</p></div>"
               "<div class='box'><h3>热门文章 更多>></h3><ul><li><a href='/1.html'>老旧小区改造</a></li></ul></div></div>")
    article = f"<div class='main'><div class='col'>新闻中心</div><div class='content'><h2>城市更新</h2><p>{PARA * 3}</p></div></div>"
    tree = parse_html(page(article + sidebar))
    removed = SectionBoxes().apply(tree)
    text = tree.text_content()
    assert PARA in text and "新闻中心" in text  # the column label over the article container: the box would hold the article
    assert "开放时间" not in text and "某某建材" not in text and "热门文章" not in text
    assert {r.reason for r in removed} == {"section_box"} and len(removed) == 3
    # a heading that does not open its block (text before it) is not a box label
    tree = parse_html(page(f"<div><p>{PARA}</p><h3>联系我们</h3><p>电话：010-12345678</p></div>"))
    assert SectionBoxes().apply(tree) == []


def test_sidebar_profile_does_not_reach_the_record() -> None:
    blurb = "某某建材有限公司成立于二〇〇八年，是一家集研发、生产、销售于一体的现代化企业，产品远销全国二十多个省市。"
    html = page(f"<div class='content'><h1>城市更新</h1><p>{PARA}</p><p>{PARA[::-1]}</p></div>"
                f"<div class='side'><h3>公司简介</h3><p>{blurb}</p></div>")
    rec = clean_document(html.encode(), source="t.html")
    assert isinstance(rec, Record)
    assert PARA in rec.text and "某某建材" not in rec.text
    assert any(r.reason == "section_box" and "某某建材" in r.text for r in rec.removed)


def test_an_article_split_over_two_pages_is_one_record() -> None:
    more = "".join(f"<p>第一页第{n}段：老街区改造前，巷子狭窄、管线老化，居民的生活并不方便，大家盼着改变。</p>" for n in "二三四")
    first = page("<div class='content'><h1>城市更新</h1>"
                 f"<p>{PARA}</p>{more}"
                 "<div class='pages'>1 <a href='/a/1_2.html'>2</a> <a href='/a/1_2.html'>下一页</a></div></div>")
    second = page("<div class='content'><h1>城市更新</h1>"
                  "<p>第二页的内容：改造完成后，街区里开起了咖啡馆和书店，年轻人也愿意回来了。</p>"
                  "<p>街道负责人表示，下一步将建立长效管理机制，让老街区既有颜值又有品质。</p></div>")
    rec = clean_document(first.encode(), source="http://a.cn/a/1.html", url="http://a.cn/a/1.html",
                         continuations=[(second.encode(), "http://a.cn/a/1_2.html", "utf-8")])
    assert isinstance(rec, Record)
    paras = rec.text.split("\n")
    assert paras[0] == PARA and paras[-1].startswith("街道负责人表示") and len(paras) == 6
    assert "城市更新" not in paras  # the second page's repeated headline is not text
