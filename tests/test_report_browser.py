"""The HTML audit report opened in a real browser: headless Chromium (Debian's chromium + chromium-driver,
installed by .ci/run) driven by Selenium through /usr/bin/chromedriver, offline.

The fixture pages, the seed and a hostile page (fixtures/report/hostile.html: <script> and onerror
payloads in its title and text, a javascript: canonical link, an astral character before a flag) are
cleaned by the real CLI with --report; the test reads the rendered DOM. A hand-written hostile record
(payloads in every field, a javascript: url, flags with bad offsets) is appended to the records to check
that the report survives records that did not come from mirrorclean. With MIRRORCLEAN_SCREENSHOTS=DIR
the screenshots are also copied to DIR (docs/report.png and docs/report-summary.png were made so).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from mirrorclean.dumps import browser_paths, chromium

ROOT = Path(__file__).resolve().parent.parent
PWNED = "window.__mc_pwned"

HOSTILE_TEXT = "手写的记录：<svg onload=\"window.__mc_pwned='svg'\"></svg>习指出，</textarea><iframe src=javascript:1>。"
GAP = HOSTILE_TEXT.index("习指出")
HOSTILE_RECORD = {
    "source": "<script>window.__mc_pwned='source'</script>",
    "url": "javascript:window.__mc_pwned='href'",
    "site": "<b>x</b>",
    "title": "</script><script>window.__mc_pwned='index'</script><!--",
    "published": "<img src=x onerror=\"window.__mc_pwned='date'\">",
    "language": "\u2028zh",
    "text": HOSTILE_TEXT,
    "references": [],
    "is_spam_page": True,
    "spam_terms": ["<i onmouseover=\"window.__mc_pwned='term'\">x</i>"],
    "removed": [{"where": "<b>", "text": "<script>window.__mc_pwned='removed'</script>", "reason": "x\" onclick=\"y"}],
    "flags": [{"type": "censored_gap", "start": GAP, "end": GAP + 3, "suggestion": "<img src=x onerror=alert(1)>"},
              {"type": "spun_phrase", "start": 5, "end": 999, "original": "out of range"},
              {"type": "<script>", "start": "0", "end": 2}],
    "spin_score": 0.0,
    "cluster": "<script>window.__mc_pwned='cluster'</script>",
    "cluster_similarity": 0.9,
}


@pytest.fixture(scope="module")
def browser() -> Any:
    if browser_paths() is None:
        if os.environ.get("CI"):
            pytest.fail("chromium and chromedriver must be installed in CI (.ci/run installs them)")
        pytest.skip("chromium/chromedriver not installed (apt-get install chromium chromium-driver)")
    pytest.importorskip("selenium.webdriver")

    with chromium(("--window-size=1280,1600",)) as driver:
        yield driver


def wait_for(driver: Any, script: str, timeout: float = 30) -> Any:
    """Poll a JavaScript expression until it is truthy (the records render asynchronously)."""
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.1).until(lambda d: d.execute_script("return " + script))


def open_report(driver: Any, path: Path, fragment: str = "") -> None:
    driver.get("about:blank")
    driver.get(path.as_uri() + fragment)
    wait_for(driver, "document.querySelector('#mc-list article.rec') !== null || "
                     "/no record/.test(document.getElementById('mc-pageinfo').textContent)")


def page_info(driver: Any) -> str:
    return driver.find_element("id", "mc-pageinfo").text


def save_screenshot(driver: Any, tmp_path: Path, name: str) -> Path:
    shot = tmp_path / name
    assert driver.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000
    target = os.environ.get("MIRRORCLEAN_SCREENSHOTS")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(target) / name)
    return shot


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def fixture_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """`mirrorclean clean seeds fixtures/pages fixtures/report missing.html --report`, as a user runs it."""
    tmp = tmp_path_factory.mktemp("report")
    out = tmp / "out.jsonl"
    cmd = [sys.executable, "-m", "mirrorclean", "clean", "seeds", "fixtures/pages", "fixtures/report",
           "missing.html", "-o", str(out), "--report", str(tmp / "report.html"), "-j", "2", "-q"]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr  # a named path that cannot be read: exit 1, everything else written
    assert "missing.html: no such file or directory" in proc.stderr
    assert f"report: {tmp / 'report.html'}" in proc.stderr
    return {"out": out, "rejects": tmp / "out.rejects.jsonl", "report": tmp / "report.html", "tmp": tmp}


def test_fixture_report_renders_counts_highlights_and_removals(browser: Any, fixture_run: dict[str, Path]) -> None:
    records = read_jsonl(fixture_run["out"])
    rejects = read_jsonl(fixture_run["rejects"])
    browser.set_window_size(1280, 1250)
    open_report(browser, fixture_run["report"])
    save_screenshot(browser, fixture_run["tmp"], "report-summary.png")
    text = lambda ident: browser.find_element("id", ident).text.replace(",", "")  # noqa: E731
    assert int(text("mc-n-records")) == len(records)
    assert int(text("mc-n-spam")) == sum(r["is_spam_page"] for r in records)
    assert int(text("mc-n-rejects")) == len(rejects) >= 2
    assert int(text("mc-n-flagged")) == sum(bool(r["flags"]) for r in records)
    bars = {b.get_attribute("data-label"): int(b.get_attribute("data-count"))
            for b in browser.find_elements("css selector", "#mc-chart-rejects g.bar")}
    assert bars == dict(Counter(r["reason"] for r in rejects))
    flag_bars = {b.get_attribute("data-label"): int(b.get_attribute("data-count"))
                 for b in browser.find_elements("css selector", "#mc-chart-flags g.bar")}
    assert set(flag_bars) == {f["type"] for r in records for f in r["flags"]}

    shown = browser.find_elements("css selector", "#mc-list article.rec")
    assert len(shown) == min(20, len(records))
    assert page_info(browser).startswith(f"records 1–{len(shown)} of {len(records)}")
    # Every record on the page: its flags highlighted in place, its removals grouped by reason and where.
    for art in shown:
        rec = records[int(art.get_attribute("data-index"))]
        assert art.find_element("css selector", "h3").text == (rec["title"] or "(no title)")
        marks = art.find_elements("css selector", ".text mark")
        covered = {i for f in rec["flags"] for s, e in f.get("occurrences") or [[f["start"], f["end"]]]
                   for i in range(s, e)}
        assert "".join(m.get_attribute("textContent") for m in marks) == "".join(rec["text"][i] for i in sorted(covered))
        assert art.find_element("css selector", ".text").get_attribute("textContent") == rec["text"]
        groups = {(g.get_attribute("data-reason"), g.get_attribute("data-where"))
                  for g in art.find_elements("css selector", ".group")}
        assert groups == {(r["reason"], r["where"]) for r in rec["removed"]}

    # A censored gap: the residue is marked where the record says, with its suggestion on hover.
    seed = next(i for i, r in enumerate(records) if r["source"].startswith("seeds/"))
    open_report(browser, fixture_run["report"], f"#r={seed + 1}")
    art = browser.find_element("id", f"r-{seed}")
    gap = next(f for f in records[seed]["flags"] if f["type"] == "censored_gap" and f.get("suggestion"))
    mark = next(m for m in art.find_elements("css selector", "mark.f-censored_gap")
                if m.get_attribute("textContent") == records[seed]["text"][gap["start"]:gap["end"]])
    from selenium.webdriver.common.action_chains import ActionChains

    browser.set_window_size(1280, 900)
    ActionChains(browser).move_to_element(mark).perform()
    after = browser.execute_script("return getComputedStyle(arguments[0], '::after').content", mark)
    assert gap["suggestion"] in after
    save_screenshot(browser, fixture_run["tmp"], "report.png")


def test_no_script_from_page_text_runs(browser: Any, fixture_run: dict[str, Path]) -> None:
    records = read_jsonl(fixture_run["out"])
    hostile_i = next(i for i, r in enumerate(records) if r["source"].endswith("hostile.html"))
    hostile = records[hostile_i]
    assert "<script>" in hostile["text"] and "onerror" in hostile["text"]
    # Plus a record no cleaner wrote: payloads in every field, a javascript: url, offsets out of range.
    mixed = fixture_run["tmp"] / "mixed.jsonl"
    lines = fixture_run["out"].read_text("utf-8") + json.dumps(HOSTILE_RECORD, ensure_ascii=False) + "\nnot json\n"
    mixed.write_text(lines, "utf-8")
    report = fixture_run["tmp"] / "mixed.html"
    proc = subprocess.run([sys.executable, "-m", "mirrorclean", "report", str(mixed), "-o", str(report)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "1 lines skipped" in proc.stderr

    for index in (hostile_i, len(records)):
        open_report(browser, report, f"#r={index + 1}")
        art = browser.find_element("id", f"r-{index}")
        rec = hostile if index == hostile_i else HOSTILE_RECORD
        assert art.find_element("css selector", ".text").get_attribute("textContent") == rec["text"]
        assert browser.execute_script(f"return typeof {PWNED}") == "undefined"
        assert not browser.find_elements("css selector", "#mc-list script, #mc-list img, #mc-list iframe, "
                                                          "#mc-list svg, #mc-list textarea, #mc-list [onerror]")
        for link in art.find_elements("css selector", "a"):
            assert link.get_attribute("href").startswith(("http://", "https://"))
        for term in art.find_elements("css selector", ".term"):
            term.click()
    # the astral character before 习指出 does not shift the highlight (Python offsets count code points)
    open_report(browser, report, f"#r={hostile_i + 1}")
    marks = browser.find_elements("css selector", f"#r-{hostile_i} mark.f-censored_gap")
    assert [m.get_attribute("textContent") for m in marks] == ["习指出"]
    open_report(browser, report, f"#r={len(records) + 1}")
    art = browser.find_element("id", f"r-{len(records)}")
    assert [m.get_attribute("textContent") for m in art.find_elements("css selector", "mark")] == ["习指出"]
    assert "outside the text" in art.text
    assert HOSTILE_RECORD["title"] == art.find_element("css selector", "h3").text
    assert int(browser.find_element("id", "mc-n-bad").text) == 1
    assert browser.execute_script(f"return typeof {PWNED}") == "undefined"
    assert browser.title.startswith("mirrorclean report")


def test_two_thousand_records_open_and_paginate(browser: Any, fixture_run: dict[str, Path]) -> None:
    """A 2,000-record report (the fixture records repeated under new urls) opens, pages, filters and jumps."""
    base = read_jsonl(fixture_run["out"])
    big = fixture_run["tmp"] / "big.jsonl"
    with big.open("w", encoding="utf-8") as fh:
        for k in range(2000):
            rec = dict(base[k % len(base)])
            rec["url"] = f"http://mirror{k % 7}.example.cn/a/{k}.html"
            rec["source"] = rec["url"]
            rec["title"] = f"{rec['title']} #{k}"
            rec["cluster"] = rec["url"]
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    report = fixture_run["tmp"] / "big.html"
    proc = subprocess.run([sys.executable, "-m", "mirrorclean", "report", str(big), "-o", str(report)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert report.stat().st_size < 0.6 * big.stat().st_size  # records are embedded compressed
    open_report(browser, report)
    assert page_info(browser) == "records 1–20 of 2000 · page 1 of 100"
    assert len(browser.find_elements("css selector", "#mc-list article.rec")) == 20
    browser.find_element("id", "mc-next").click()
    wait_for(browser, "document.querySelector('#mc-list article.rec').dataset.index === '20'")
    assert page_info(browser) == "records 21–40 of 2000 · page 2 of 100"
    assert browser.execute_script("return location.hash") == "#page=2"
    browser.find_element("id", "mc-last").click()
    wait_for(browser, "document.querySelector('#mc-list article.rec').dataset.index === '1980'")
    indices = [a.get_attribute("data-index") for a in browser.find_elements("css selector", "#mc-list article.rec")]
    assert indices == [str(i) for i in range(1980, 2000)]
    assert browser.find_element("id", "r-1999").find_element("css selector", "h3").text.endswith("#1999")
    # filter: spam pages only
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element("id", "mc-filter")).select_by_value("spam")
    spam = sum(1 for k in range(2000) if base[k % len(base)]["is_spam_page"])
    wait_for(browser, f"/of {spam} /.test(document.getElementById('mc-pageinfo').textContent)")
    assert all("spam page" in a.text for a in browser.find_elements("css selector", "#mc-list article.rec"))
    # search, then a page reached through the address
    search = browser.find_element("id", "mc-search")
    search.send_keys("#1234")
    wait_for(browser, "/of 1 /.test(document.getElementById('mc-pageinfo').textContent)")
    open_report(browser, report, "#page=57")
    assert page_info(browser) == "records 1121–1140 of 2000 · page 57 of 100"
    save_screenshot(browser, fixture_run["tmp"], "report-2000.png")
