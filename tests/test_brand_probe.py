"""Real hacked pages with their 2017 brands replaced by invented ones (bench/brand_probe.py, issue 9).

Brand lists age; what finds a planted farm must not be the brand's name. Each test takes a labelled wild-2017
page, renames every gambling brand on it (title, text, anchors, hostnames, labelled strings) to a name no list
holds, and checks the cleaner still finds the injection and cuts the invented strings; the confusers are real
lines of the same pages (a shop's menus beside the farm) and real ordinary pages, which must stay untouched.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from cleaners import Record, clean_document
from cleaners.inject import keyword_runs
from cleaners.spam import is_known
from mirrorclean.wildeval import WILD, read_labels, spam_removals, wet_text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import brand_probe  # noqa: E402

if not (WILD / "pages").is_dir():
    pytest.skip("../shared/eval/wild-2017 is not beside the repo", allow_module_level=True)

LABELS = {r["file"]: r for p in brand_probe.SETS for r in read_labels(p)}


def probed(name: str, tmp_path: Path) -> tuple[bytes, dict, dict[str, str]]:
    lab, mapping = brand_probe.probe_page(LABELS[name], tmp_path)
    return (tmp_path / name).read_bytes(), lab, mapping


def test_invented_brands_are_on_no_list_and_the_same_throughout_the_page(tmp_path: Path) -> None:
    """w001734: a firm's 友情链接 row of bet365网址, 皇冠足球网, 新葡京赌场 … to one farm host: every brand and the host
    are renamed, consistently in the page and in the labelled strings, and no old brand is left."""
    data, lab, mapping = probed("w001734.html", tmp_path)
    text = data.decode("utf-8")
    assert {"bet365", "皇冠", "新葡京", "金沙", "银河", "威尼斯人"} <= set(mapping)
    for old, new in mapping.items():
        assert old not in text and new in text, old
        assert not is_known(new) and new.lower() not in brand_probe.CURATED, new
    assert all(s in text for s in lab["injected"])
    assert not any(b in " ".join(lab["injected"]) for b in ("皇冠", "bet365", "葡京"))


@pytest.mark.parametrize("name", ["w001734.html", "w000018.html", "w001751.html", "w001092.html", "w008802.html"])
def test_a_gambling_farm_with_unseen_brands_is_still_found_and_cut(name: str, tmp_path: Path) -> None:
    """Visible and hidden farms of real parasites, their brands renamed: the page is spam and no invented
    string reaches the record."""
    data, lab, _ = probed(name, tmp_path)
    rec = clean_document(data, name).to_dict()
    assert rec.get("is_spam_page")
    hay = (rec.get("title") or "") + (rec.get("text") or "")
    assert [s for s in lab["injected"] if s in hay] == []


def test_a_farm_with_unseen_brands_amid_a_shops_menus_leaves_a_text_extract(tmp_path: Path) -> None:
    """w008802 as a crawl's plain text: the farm's brand lines (X现金代理, X代理网, X网址, X国际, X备用网址大全, a
    numbered domain) name no trade word once the brand is an unknown one; beside the farm's 赌场, 投注网, 网络真钱游戏
    they go with it. The shop's menus and its message form above and below stay."""
    data, lab, _ = probed("w008802.html", tmp_path)
    rec = clean_document(wet_text(data).encode("utf-8"), "w008802.txt", kind="text").to_dict()
    assert rec["is_spam_page"]
    lines = rec["text"].split("\n")
    assert [s for s in lab["injected"] if s in lines] == []
    for keep in ("智能手机", "高级搜索", "立即发布留言"):
        assert keep in lines, keep


def test_brand_shaped_lines_without_a_farm_beside_them_are_no_farm() -> None:
    """A firm's own link column (集团 sites, 合作平台, 人才网址) has the shape of a farm's brand lines but no line
    selling the trade: nothing is a farm."""
    lines = ["关于我们", "华夏国际", "中信国际", "合作平台", "人才网址", "服务平台", "联系我们", "网站地图"]
    assert keyword_runs(["正文。", *lines, "版权所有。"]) == []


@pytest.mark.parametrize("name", [f for f, r in LABELS.items() if r["label"] == "ordinary" and r["legit"]][:12])
def test_ordinary_pages_are_untouched_by_the_probe_and_stay_ordinary(name: str, tmp_path: Path) -> None:
    """The probe never rewrites an ordinary page; as plain text (where the farm rule reads) it is no spam and
    loses nothing."""
    rec = clean_document(wet_text((WILD / "pages" / name).read_bytes()).encode("utf-8"), name, kind="text")
    assert not rec.is_spam_page
    if isinstance(rec, Record):
        assert spam_removals(rec.to_dict()) == []


def test_the_probe_never_reads_the_untouched_holdout() -> None:
    assert [p.name for p in brand_probe.SETS] == ["labels.jsonl", "opened.jsonl"]
