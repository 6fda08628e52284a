"""How the HTML report scales: file size, build time, and time to first records in headless Chromium.

    .venv/bin/python bench/report_scale.py RECORDS.jsonl [N ...]

Repeats the records of RECORDS.jsonl (real cleaned pages: their text, flags and removals) under new urls
up to N records (default 2,000 and 10,000), writes the report with `mirrorclean report`, then opens it in
Debian's chromium through chromedriver and times: load until the first page of records is in the DOM,
a click on "next", a jump to the last page, and the spam-pages filter. Prints one line per N. Figures go to
docs/report.md; nothing here is asserted (tests/test_report_browser.py checks behaviour).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def make_records(base: list[dict], n: int, path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for k in range(n):
            rec = dict(base[k % len(base)])
            rec["url"] = rec["source"] = f"http://mirror{k % 13}.example.cn/a/{k}.html"
            rec["cluster"] = rec["url"]
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def browser():  # noqa: ANN201 - selenium types
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={tempfile.mkdtemp()}", "--window-size=1280,1000"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)


def until(driver, script: str, timeout: float = 120) -> float:  # noqa: ANN001
    t0 = time.perf_counter()
    while not driver.execute_script("return " + script):
        if time.perf_counter() - t0 > timeout:
            raise TimeoutError(script)
        time.sleep(0.02)
    return time.perf_counter() - t0


def main(argv: list[str]) -> None:
    source = Path(argv[0])
    sizes = [int(a) for a in argv[1:]] or [2000, 10000]
    base = [json.loads(line) for line in source.read_text("utf-8").splitlines() if line.strip()]
    work = Path(tempfile.mkdtemp(prefix="mc-report-bench-"))
    driver = browser()
    try:
        for n in sizes:
            records, report = work / f"r{n}.jsonl", work / f"r{n}.html"
            make_records(base, n, records)
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "mirrorclean", "report", str(records), "-o", str(report)],
                           check=True, capture_output=True)
            build = time.perf_counter() - t0
            driver.get("about:blank")
            t0 = time.perf_counter()
            driver.get(report.as_uri())
            until(driver, "document.querySelectorAll('#mc-list article.rec').length > 0")
            first = time.perf_counter() - t0
            t1 = time.perf_counter()
            driver.find_element("id", "mc-next").click()
            until(driver, "document.querySelector('#mc-list article.rec').dataset.index === '20'")
            nxt = time.perf_counter() - t1
            t1 = time.perf_counter()
            driver.find_element("id", "mc-last").click()
            until(driver, f"document.getElementById('r-{n - 1}') !== null")
            last = time.perf_counter() - t1
            heap = driver.execute_script("return performance.memory ? performance.memory.usedJSHeapSize : 0")
            print(f"{n:>6} records: jsonl {records.stat().st_size / 1e6:6.1f} MB, report {report.stat().st_size / 1e6:6.1f} MB "
                  f"(built in {build:4.1f} s); Chromium: first records {first:4.2f} s, next page {nxt:4.2f} s, "
                  f"last page {last:4.2f} s, JS heap {heap / 1e6:5.1f} MB", flush=True)
    finally:
        driver.quit()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
