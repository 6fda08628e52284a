"""A name + 体育/娱乐/棋牌/电竞 spliced into a plain-text dump's title line (a crawl's extract: the <title> on the
first line) that the dump never names, over a text of another trade (plainspam.spliced_title_keyword), and the
record of a title-line finding (plainspam.mark_planted): a `title` removal, the piece cut from the title."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cleaners import clean_document
from cleaners.record import SPAM_REASONS, Record
from mirrorclean.wildeval import wet_text

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
DANIEL = EVAL / "daniel-zh-dev"
FINANCE = "20111209_finance.ce.cn_3d5502a97074009069edc19ec55e81c69c63cd2f8d07142b7229888f"
FINANCE_HEAD = "疫苗泡沫破灭复牌跌停 重庆啤酒估值或推倒重来"

HEAD = "政府工作报告提出今年经济增长目标5%左右"
REPORT = ("新华社北京3月5日电 国务院总理在政府工作报告中提出，今年发展主要预期目标是国内生产总值增长5%左右，城镇新增就业1200万人以上。\n"
          "报告指出，要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展。\n"
          "报告强调，要大力推进现代化产业体系建设，加快发展新质生产力，深化科技体制改革，推进高水平科技自立自强。")
FORMS = ["{h}_{b}", "{b}-{h}", "{b}:{h}"]


def dump(text: str) -> Record:
    rec = clean_document(text.encode("utf-8"), "page.txt", kind="text")
    assert isinstance(rec, Record)
    return rec


def spam_cuts(rec: Record) -> list[tuple[str, str, str]]:
    return [(r.where, r.text, r.reason) for r in rec.removed if r.reason in SPAM_REASONS]


def reference_text(name: str) -> str:
    """DAnIEL's gold text of a page, one paragraph a line (its first line is the headline)."""
    raw = (DANIEL / "reference" / f"{name}.txt").read_text(encoding="utf-8")
    return "\n".join(line for p in re.findall(r"<p>(.*?)</p>", raw, re.S) if (line := p.strip()))


@pytest.mark.parametrize("name", ["鼎盛棋牌", "宏图电竞", "凯旋体育"])
@pytest.mark.parametrize("form", FORMS)
def test_probe_forms_in_a_crawl_extract(name: str, form: str) -> None:
    """bench/title_probe.py's plain-text page (the extract's first line is the <title>, then the heading and the
    report): spam, the name in neither title nor text, its removal recorded where it stood."""
    rec = dump(f"{form.format(h=HEAD, b=name)}\n{HEAD}\n{REPORT}")
    assert rec.is_spam_page and name not in (rec.title or "") + rec.text
    assert ("title", name, "spam_brand") in spam_cuts(rec)


@pytest.mark.parametrize("title", [f"鼎盛棋牌:{HEAD}", f"鼎盛棋牌-{HEAD}"])
def test_a_dump_whose_only_title_carries_the_piece_keeps_the_headline(title: str) -> None:
    """No heading line of its own: the title is the first line, cut of the piece (the headline stays)."""
    rec = dump(f"{title}\n{REPORT}")
    assert rec.is_spam_page and rec.title == HEAD and "鼎盛" not in rec.text


def test_a_title_line_brand_of_title_brands_is_recorded_too() -> None:
    """…_乐竞体育 (trade_mismatch's coined name, plainspam.title_brands) made the page spam with nothing in `removed`
    but the header line's `header_line`: the finding is now recorded as a `title` removal."""
    rec = dump(f"{HEAD}_乐竞体育\n{HEAD}\n{REPORT}")
    assert rec.is_spam_page and ("title", "乐竞体育", "spam_brand") in spam_cuts(rec)


@pytest.mark.parametrize("suffix", ["_鼎盛棋牌", "_宏图电竞", "_凯旋体育"])
def test_a_real_articles_extract_with_a_spliced_title(suffix: str) -> None:
    """DAnIEL's gold text of a ce.cn finance story under its title line, as a crawl's extract has it: with the piece
    spliced in, a spam page cut of it and the article as before; without, not spam and nothing cut."""
    text = reference_text(FINANCE)
    plain = dump(f"{FINANCE_HEAD} _中国经济网\n{text}")
    assert not plain.is_spam_page and spam_cuts(plain) == []
    rec = dump(f"{FINANCE_HEAD}{suffix}\n{text}")
    assert rec.is_spam_page and suffix[1:] not in (rec.title or "") + rec.text
    assert rec.text == plain.text and ("title", suffix[1:], "spam_brand") in spam_cuts(rec)


@pytest.mark.parametrize("text", [
    "中超第三轮战罢 广州队客场取胜_新浪体育\n中超第三轮战罢 广州队客场取胜\n"
    "中超联赛第三轮昨晚结束，广州队客场两球击败上海申花，继续领跑积分榜。主教练赛后表示，球队防守出色。",
    "宏图电竞晋级春季赛季后赛_宏图电竞\n宏图电竞晋级春季赛季后赛\n"
    "在昨晚结束的春季赛中，宏图电竞战队以3比1击败对手，晋级季后赛。俱乐部经理表示，选手们状态正在回升。",
    f"{HEAD}_新浪体育\n{HEAD}\n{REPORT}",  # a portal's channel (新浪网) over any story, nothing else naming it
    "三日“鲁滨逊”_新浪体育\n首页\n三日“鲁滨逊”\n我和朋友在荒岛上住了三天，每天靠打鱼和采野果过日子，晚上就睡在沙滩上。"
    "第二天下了一场大雨，我们用树枝和棕榈叶搭了一个棚子，总算没有被淋湿。第三天清晨，一艘渔船经过小岛，把我们接回了岸上。",
    "三日“鲁滨逊”_休闲娱乐_小故事网\n三日“鲁滨逊”\n我和朋友在荒岛上住了三天，每天靠打鱼和采野果过日子，晚上就睡在沙滩上。"
    "第二天下了一场大雨，我们用树枝和棕榈叶搭了一个棚子，总算没有被淋湿。",  # a column label between headline and site
    "公司发布2023年度报告_途游棋牌\n公司发布2023年度报告\n"
    "公司今日发布2023年度报告，全年营业收入同比增长12%，净利润增长8%，研发投入继续加大。\n©2024 途游棋牌 版权所有",
])
def test_a_sites_own_trade_name_in_a_dump_stays(text: str) -> None:
    """A sports channel over a sports report, a portal's channel over any story, a column label, an e-sport club's
    news, a card-game firm signing its page."""
    rec = dump(text)
    assert not rec.is_spam_page and spam_cuts(rec) == []


@pytest.mark.parametrize("name", [
    "20111209_entertainment.dbw.cn_8fa5bdab49279054df3545634ea584e90ce02a9639ff58106cb9f2ca",  # …-东北网娱乐
    "20111215_ent.xinmin.cn_1cd6050e9f77f3314a3f98deeabc518c80418a2de36b12044ad4f6b2",  # …_娱乐_新民网
])
def test_real_entertainment_pages_as_extracts_stay(name: str) -> None:
    rec = dump(wet_text((DANIEL / "html" / f"{name}.html").read_bytes()))
    assert not rec.is_spam_page and spam_cuts(rec) == []


def test_a_quoted_brand_opening_a_dumps_title_line_leaves_the_headline() -> None:
    """“开云体育”党建引领基层治理 as a dump's title line: a finding that names the whole line isolates no piece, so the
    title keeps the headline and only the brand goes (before: the whole title was dropped)."""
    from cleaners import clean_document

    body = ("基层治理是国家治理的基石，统筹推进乡镇和城乡社区治理，是实现国家治理体系和治理能力现代化的基础工程。\n"
            "在基层治理体系中，党组织处于领导地位、发挥领导作用，要把党的领导贯穿基层治理全过程。")
    rec = clean_document(f"“开云体育”党建引领基层治理\n发布时间：2025-11-13 09:31\n{body}\n".encode(), "q.txt")
    assert rec.is_spam_page and rec.title == "党建引领基层治理" and "开云体育" in rec.spam_terms
