"""The site pass (cleaners.sitepass): names stamped into template slots across a site's pages, and what it must
leave alone (column labels, the site's own name, a name the site writes about), on records cleaned from real
pages (DAnIEL news grouped by their sites) and on records shaped like a hacked site's."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cleaners import Record, clean_document
from cleaners.sitepass import SiteBrands

ROOT = Path(__file__).resolve().parent.parent
DANIEL = ROOT.parent / "shared" / "eval" / "daniel-zh-dev" / "html"
BODY = "记者从县水利局获悉，县水利局公布了本年度小型水库安全管理责任人名单，明确了各水库的行政责任人和技术责任人。"


def rec(url: str, title: str, text: str = BODY) -> dict:
    return {"url": url, "title": title, "text": text, "removed": [], "spam_terms": [], "is_spam_page": False,
            "flags": [{"type": "censored_gap", "start": len(text) - 5, "end": len(text) - 3}]}


def test_rotating_names_in_title_and_dateline_slots_are_cut() -> None:
    records = [rec("http://a.example.cn/1", "盛洲体育·青石镇茶叶合作社首批明前茶开采上市"),
               rec("http://a.example.cn/2", "县水利局公布责任人名单", "玖鑫会讯（记者 吴晓东）3月6日，" + BODY),
               rec("http://www.a.example.cn/3", "盛洲体育·春到云溪：万亩茶园迎来最佳观赏期"),
               rec("http://a.example.cn/4", "【玖鑫会】枫林乡开展汛前地质灾害隐患排查"),
               rec("http://a.example.cn/5", "桃源镇举办首届油菜花节", "沐辰娱乐讯（记者 刘海燕）2月11日，" + BODY),
               rec("http://a.example.cn/6", "双河镇老旧小区改造惠及居民")]
    finder = SiteBrands()
    brands = finder.find(records)
    assert brands == {"example.cn": {"盛洲体育", "玖鑫会", "沐辰娱乐"}}
    out = [finder.apply(r, brands) for r in records]
    assert out[0]["title"] == "青石镇茶叶合作社首批明前茶开采上市" and out[0]["is_spam_page"]
    assert out[1]["text"].startswith("（记者 吴晓东）") and {"text": "玖鑫会", "where": "body", "reason": "site_brand"} in out[1]["removed"]
    assert out[3]["title"] == "枫林乡开展汛前地质灾害隐患排查" and out[4]["text"].startswith("（记者 刘海燕）")
    assert out[5] is records[5]  # nothing stamped: the same record
    for new, old in zip(out, records, strict=True):  # flag offsets still point at the same characters
        for f, g in zip(new["flags"], old["flags"], strict=True):
            assert new["text"][f["start"]:f["end"]] == old["text"][g["start"]:g["end"]]


def test_labels_the_site_name_and_names_in_prose_stay() -> None:
    records = [rec("http://b.cn/1", "【图解】政府工作报告要点"), rec("http://b.cn/2", "【图解】一图读懂新规"),
               rec("http://b.cn/3", "两会·代表委员说民生"), rec("http://b.cn/4", "两会·聚焦乡村振兴"),
               rec("http://b.cn/5", "华南体育·市运会开幕"), rec("http://b.cn/6", "华南体育·全民健身日活动"),
               rec("http://b.cn/7", "市体育局召开会议", "华南体育总会今日召开年会，" + BODY),
               rec("http://c.cn/1", "鑫达会·开业"), rec("http://d.cn/1", "鑫达会·周年"),  # one page on each site
               # a portal's own channels: a family sharing its first characters, or one name alone
               rec("http://e.cn/1", "腾讯体育·中超第五轮综述"), rec("http://e.cn/2", "腾讯体育·全运会开幕"),
               rec("http://e.cn/3", "腾讯娱乐·电影节闭幕"), rec("http://e.cn/4", "腾讯娱乐·新剧开播"),
               rec("http://e.cn/5", "两市收盘综述"), rec("http://e.cn/6", "天气预报"),
               rec("http://f.cn/1", "新华国际·中东局势"), rec("http://f.cn/2", "新华国际·欧盟峰会"),
               rec("http://f.cn/3", "本地要闻"), rec("http://f.cn/4", "天气预报")]
    assert SiteBrands().find(records) == {}


@pytest.mark.skipif(not DANIEL.is_dir(), reason="DAnIEL not beside the repo")
def test_real_news_sites_lose_nothing() -> None:
    """Every DAnIEL page from a site with several pages in the set (news portals' own column and site names)."""
    by_site: dict[str, list[Path]] = {}
    for page in sorted(DANIEL.glob("*.html")):
        by_site.setdefault(page.name.split("_")[1], []).append(page)
    records = []
    for domain, pages in by_site.items():
        for page in pages if len(pages) > 1 else []:
            r = clean_document(page.read_bytes(), page.name, url=f"http://{domain}/{page.stem}")
            if isinstance(r, Record):
                records.append(r.to_dict())
    assert len(records) >= 40
    assert SiteBrands().find(records) == {}


def test_cli_rewrites_a_records_file(tmp_path: Path) -> None:
    path = tmp_path / "recs.jsonl"
    records = [rec(f"http://a.example.cn/{i}", f"金沙棋牌·第{i}条新闻标题在这里") for i in range(3)]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records) + "not json\n", "utf-8")
    proc = subprocess.run([sys.executable, "-m", "mirrorclean", "site-pass", str(path)], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0 and "3 records changed" in proc.stderr
    lines = path.read_text("utf-8").splitlines()
    assert [json.loads(x)["title"] for x in lines[:3]] == [f"第{i}条新闻标题在这里" for i in range(3)]
    assert lines[3] == "not json"  # kept as it was
    bad = subprocess.run([sys.executable, "-m", "mirrorclean", "site-pass", str(tmp_path / "missing.jsonl")],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert bad.returncode == 1 and "Traceback" not in bad.stderr


@pytest.mark.parametrize("suffix", [".jsonl.gz", ".jsonl.zst"])
def test_cli_reads_and_writes_compressed_records(tmp_path: Path, suffix: str) -> None:
    """Corpus mode writes .jsonl.gz / .jsonl.zst: the pass reads them and writes the same format."""
    import gzip

    import zstandard

    records = [rec(f"http://a.example.cn/{i}", f"金沙棋牌·第{i}条新闻标题在这里") for i in range(3)]
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
    src = tmp_path / f"in{suffix}"
    src.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else zstandard.ZstdCompressor().compress(data))
    out = tmp_path / f"out{suffix}"
    proc = subprocess.run([sys.executable, "-m", "mirrorclean", "site-pass", str(src), "-o", str(out)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    raw = out.read_bytes()
    text = gzip.decompress(raw) if suffix.endswith(".gz") else zstandard.ZstdDecompressor().decompressobj().decompress(raw)
    titles = [json.loads(x)["title"] for x in text.decode("utf-8").splitlines()]
    assert titles == [f"第{i}条新闻标题在这里" for i in range(3)]
    (tmp_path / f"bad{suffix}").write_bytes(b"not compressed at all")
    bad = subprocess.run([sys.executable, "-m", "mirrorclean", "site-pass", str(tmp_path / f"bad{suffix}")],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert bad.returncode == 1 and "cannot read" in bad.stderr and "Traceback" not in bad.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([src.name, out.name, f"bad{suffix}"])  # no temp left
