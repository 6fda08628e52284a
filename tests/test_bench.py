"""Speed work that must not change results: the disk cache, the text-node search, trafilatura's fallbacks only
where they can matter, and the benchmark's process-tree measurements (real files, real subprocesses, no timings
asserted)."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import trafilatura
from lxml import etree

from cleaners import CleanOptions, clean_document
from cleaners.cache import cached_arrays, cached_object
from cleaners.charlm import CharLM, _read_model, windows
from cleaners.html import (
    CHROME_WORDS_RE,
    CHROME_WORDS_SEARCH,
    SECTION_WORDS_RE,
    _trafilatura,
    parse_html,
    text_nodes,
)
from cleaners.inject import _top_level

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
PAGES = sorted((ROOT / "fixtures" / "pages").glob("*.html"))
EXSLT = {"re": "http://exslt.org/regular-expressions"}


def test_cache_builds_once_and_serves_the_same_arrays(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MIRRORCLEAN_CACHE", str(tmp_path))
    source = ROOT / "cleaners" / "data" / "charlm.npz"
    builds = []

    def build() -> dict[str, np.ndarray]:
        builds.append(1)
        return _read_model()

    first = cached_arrays("charlm", source, build)
    second = cached_arrays("charlm", source, build)
    assert len(builds) == 1 and sorted(first) == sorted(second)
    for key in first:
        assert np.array_equal(first[key], second[key]) and first[key].dtype == second[key].dtype
    # the model read from the cache scores text exactly as the model read from the shipped file
    rows = windows("中国共产党第十五次全国代表大会在北京隆重开幕。")
    assert np.array_equal(CharLM(second).logprob(rows), CharLM(_read_model()).logprob(rows))


def test_an_unwritable_cache_only_costs_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("MIRRORCLEAN_CACHE", str(blocked / "cache"))
    source = ROOT / "cleaners" / "data" / "spin_lexicon.tsv"
    assert cached_object("t", source, lambda: {"a": [1, 2]}) == {"a": [1, 2]}
    assert list(cached_arrays("t", source, lambda: {"k": np.arange(3)})["k"]) == [0, 1, 2]


def test_word_table_is_read_without_importing_jieba(tmp_path: Path) -> None:
    """jieba's package imports pkg_resources (~0.3 s of every start-up); only its dict.txt is needed."""
    code = ("import sys; from cleaners.spin import word_table, rarity_excess; t = word_table(); "
            "print(len(t.keys) > 300000, '充分' in t.adverbs, 'jieba' in sys.modules, 'pkg_resources' in sys.modules, "
            "rarity_excess('经由过程鞭策扶植今朝阐发出产的办法来实现这一目标。') > 0)")
    for _ in range(2):  # building the cache entry, then reading it
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                             env={**os.environ, "MIRRORCLEAN_CACHE": str(tmp_path)}, check=True).stdout.split()
        assert out == ["True", "True", "False", "False", "True"]


def test_packed_word_table_scores_as_the_dictionary_did() -> None:
    """Rarity, adverbs and word membership from the packed table equal those of jieba's dictionary as a dict."""
    from cleaners.censor import FILTERED_NAMES
    from cleaners.namefit import _vocabulary
    from cleaners.spin import (
        _CJK_RUN_RE,
        RARITY_BASELINE,
        _dictionary,
        _rarity_sum,
        rarity_excess,
        word_table,
    )

    table, adverbs = _dictionary()
    texts = [getattr(clean_document(p.read_bytes(), p.name), "text", "") for p in PAGES]
    texts = [t for t in texts if t] + ["经由过程鞭策扶植今朝阐发出产的办法", "今天天气很好", "A股3D打印"]
    for text in texts:
        cjk = sum(len(r) for r in _CJK_RUN_RE.findall(text))
        total = sum(_rarity_sum(run, table) for run in _CJK_RUN_RE.findall(text))
        assert rarity_excess(text) == (max(0.0, 1000.0 * total / cjk - RARITY_BASELINE) if cjk else 0.0)
    assert word_table().adverbs == adverbs
    vocab = frozenset(table) - {n[:2] for n in FILTERED_NAMES} - set(FILTERED_NAMES)
    probes = list(table)[::20] + [t[i : i + k] for t in texts for i in range(len(t)) for k in (2, 3, 4)]
    assert [p in vocab for p in probes] == [p in _vocabulary() for p in probes]


def test_text_node_search_finds_the_nodes_the_exslt_xpath_found() -> None:
    """The chrome and section words, searched over the text nodes with compiled regexes, select the same nodes
    (and so the same elements) as the regex tests inside XPath they replace."""
    chrome = etree.XPath(f"//text()[re:test(., '{CHROME_WORDS_RE.pattern}', 'i')]", namespaces=EXSLT)
    section = etree.XPath(f"//text()[re:test(., '{SECTION_WORDS_RE.pattern}')]", namespaces=EXSLT)
    matched = 0
    for path in PAGES:
        tree = parse_html(path.read_bytes().decode("utf-8", "replace"))
        for xpath, words in ((chrome, CHROME_WORDS_SEARCH), (section, (SECTION_WORDS_RE,))):
            old, new = xpath(tree), text_nodes(tree, *words)
            assert [(str(n), n.getparent(), n.is_tail) for n in old] == [(str(n), n.getparent(), n.is_tail) for n in new]
            matched += len(new)
    assert matched > 100


def test_chrome_search_matches_where_the_ignorecase_regex_does() -> None:
    """The two chrome searches match at exactly the places CHROME_WORDS_RE (IGNORECASE) does, case folds included."""
    texts = ["Copyright 2020", "COPYRIGHT", "cOpYrIgHt", "\u0130CP备", "\u0131cp", "icp", "IcP123", "Kopyright", "ICQ",
             "当前位置：首页 > 新闻", "首页»", "首页 \u203a", "首页", "分享到", "您的位置", "copy right", "ＩＣＰ", "ſicp"]
    for text in texts:
        for at in range(len(text)):
            old = CHROME_WORDS_RE.match(text, at) is not None
            assert old == any(p.match(text, at) is not None for p in CHROME_WORDS_SEARCH), (text, at)


def _top_level_reference(code: str) -> str:
    """The character loop _top_level replaced."""
    import re

    out, pos = [], 0
    for m in re.finditer(r"function\b[^{]{0,80}\{", code):
        if m.start() < pos:
            continue
        out.append(code[pos:m.start()])
        depth, i = 1, m.end()
        while i < len(code) and depth:
            depth += {"{": 1, "}": -1}.get(code[i], 0)
            i += 1
        pos = i
    return "".join(out) + code[pos:]


def test_load_time_script_code_is_unchanged() -> None:
    scripts = ["function mt(){x.style.display='none';} y.style.display='none';",
               "function a(){ if(b){c()} } function d(){ { } e.hide()",  # unclosed: the rest is a body
               "var f = function (x) { return {a: 1}; }; document.write('<div style=\"left:-999px\">');",
               "}{ function(){}} function g(){function h(){}} k();"]
    for path in PAGES:
        scripts += [s.text or "" for s in parse_html(path.read_bytes().decode("utf-8", "replace")).iter("script")]
    for code in scripts:
        assert _top_level(code) == _top_level_reference(code)


KW = dict(output_format="txt", include_comments=False, include_tables=True, include_images=False, include_links=False,
          with_metadata=False, deduplicate=False)


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared not present")
def test_trafilatura_fallbacks_run_where_the_fast_result_is_short() -> None:
    """A page whose fast extraction is short (under trafilatura's 250 characters) gets the default run, fallbacks
    and all; a page with a long, clean, paragraph-built extraction keeps the fast one."""
    daniel = SHARED / "daniel-zh-dev" / "html"
    short = parse_html((daniel / "20111209_finance.ce.cn_3d5502a97074009069edc19ec55e81c69c63cd2f8d07142b7229888f.html")
                       .read_bytes().decode("gb18030", "replace"))
    fast = trafilatura.extract(short, favor_precision=True, fast=True, **KW) or ""
    full = trafilatura.extract(short, favor_precision=True, **KW) or ""
    assert len(fast) < 250 and fast != full
    assert _trafilatura(short, None, True) == full
    long = parse_html(PAGES[0].read_bytes().decode("utf-8"))
    assert _trafilatura(long, None, True) == trafilatura.extract(long, favor_precision=True, fast=True, **KW)


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared not present")
def test_fast_extraction_keeps_the_article_readability_would_bury() -> None:
    """Scrapinghub page b3c19…: trafilatura's own precision extraction is the article (the gold, 878 characters);
    its default run swapped in readability's 3,933 characters of sidebar and comments. Only the fast run stands."""
    key = "b3c19dd5f0612d098788fa5173e491b3280da6226b492f8fe110f4ab1896cca8"
    data = gzip.decompress((SHARED / "scrapinghub-aeb" / "html" / f"{key}.html.gz").read_bytes())
    gold = json.loads((SHARED / "scrapinghub-aeb" / "ground-truth.json").read_text("utf-8"))[key]["articleBody"]
    record = clean_document(data, "b3c19.html", options=CleanOptions())
    assert record.text.split() == gold.split()


def test_run_watched_sees_pool_workers(tmp_path: Path) -> None:
    """Peak RSS and CPU of every process of the tree: a pool worker that allocates 150 MB shows it."""
    from mirrorclean.bench import run_watched

    script = tmp_path / "pool.py"
    script.write_text("import multiprocessing as mp, time\n"
                      "def work(n):\n    b = bytearray(n * 2**20)\n    b[::4096] = b'x' * len(b[::4096])\n"
                      "    time.sleep(0.5)\n    return len(b)\n"
                      "if __name__ == '__main__':\n    with mp.get_context('spawn').Pool(1) as p:\n"
                      "        print(p.map(work, [150]))\n")
    run = run_watched([sys.executable, str(script)], every=0.02)
    assert run["stdout"].strip() == str([150 * 2**20])
    peaks = sorted(p["peak_mb"] for p in run["processes"])
    assert len(peaks) >= 2 and peaks[-1] >= 150 and peaks[0] < 100
    # the main process spends its life waiting for the worker, which sleeps most of its own: both mostly asleep
    assert all(p["idle"] > 0.5 for p in run["processes"])


def test_bench_clean_reports_every_rate_against_trafilatura(tmp_path: Path) -> None:
    from mirrorclean.bench import bench_clean

    for path in PAGES[:3]:
        (tmp_path / path.name).write_bytes(path.read_bytes())
    result = bench_clean([tmp_path], scale_to=6, startup_runs=1)
    assert result["pages"] == 3 and result["scaling"]["pages"] == 6
    st = result["startup"]  # one page cleaned by a fresh CLI process against a fresh trafilatura process
    assert st["mirrorclean_cpu"] > st["python_cpu"] > 0 and st["trafilatura_cpu"] > st["python_cpu"] and st["ratio"] > 0
    ip = result["inprocess"]
    assert ip["pages"] == 3 and ip["ratio"] > 0 and ip["peak_mb"] > 30
    assert result["cli"]["jobs1_ratio_cpu"] > 0 and result["cli"]["trafilatura_loop"]["peak_mb"][0] > 20
    # --jobs 2 has the main process and its two workers (plus the forkserver) in its RSS list
    assert len(result["scaling"]["jobs2"]["peak_mb"]) >= 3
    scaling = result["scaling"]
    assert scaling["speedup_cpu"] > 0 and scaling["main_ms_per_page"] > 0
    assert len(scaling["workers_idle"]) == 2 and all(0 <= idle <= 1 for idle in scaling["workers_idle"])
