"""Start-up (issue 13): what `mirrorclean clean` imports, checked by the modules loaded, never by a timing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "fixtures" / "pages" / "dd01_leafhopper.html"

# Run `mirrorclean clean` in-process on one page and list the top-level packages it loaded.
PROBE = """
import json, sys
from mirrorclean.cli import main
after_import = sorted({m.split('.')[0] for m in sys.modules})
status = main(['clean', sys.argv[1], '-o', sys.argv[2], '--jobs', sys.argv[3], '-q'])
print(json.dumps({'status': status, 'after_import': after_import,
                  'after_run': sorted({m.split('.')[0] for m in sys.modules}),
                  'modules': sorted(sys.modules)}))
"""


def _probe(tmp_path: Path, jobs: str = "1") -> dict:
    tmp_path.mkdir(exist_ok=True)
    out = tmp_path / "out.jsonl"
    proc = subprocess.run([sys.executable, "-c", PROBE, str(PAGE), str(out), jobs], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["status"] == 0 and len(out.read_text("utf-8").splitlines()) == 1
    return result


def test_cleaning_one_page_loads_no_crawler_pool_or_network_stack(tmp_path: Path) -> None:
    _probe(tmp_path / "warm")  # the first run on a fresh machine fills the disk cache (word table, suffix trie)
    result = _probe(tmp_path)
    # the CLI's own import stays light: the extractor comes with the first page
    assert not {"trafilatura", "scrapy", "twisted"} & set(result["after_import"])
    loaded = set(result["after_run"])
    assert "trafilatura" in loaded  # it did clean the page
    # nothing of the crawler, the progress bar, the report or the worker pool
    assert not {"scrapy", "twisted", "tqdm", "datatrove", "redis", "selenium"} & loaded
    assert not {"multiprocessing", "concurrent.futures.process"} & set(result["modules"])
    # registrable domains come from the cached suffix trie (cleaners.psl): tldextract would pull requests and filelock
    assert not {"tldextract", "requests", "filelock"} & loaded


def test_the_parser_looks_the_version_up_only_when_asked() -> None:
    code = ("import sys; from mirrorclean.cli import build_parser; build_parser(); "
            "print('importlib.metadata' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.stdout.strip() == "False", proc.stderr[-2000:]
    proc = subprocess.run([sys.executable, "-m", "mirrorclean", "--version"], capture_output=True, text=True, cwd=ROOT,
                          timeout=120)
    assert proc.returncode == 0 and proc.stdout.startswith("mirrorclean ") and proc.stdout.count("\n") == 1


def test_one_page_with_many_jobs_does_not_start_a_pool(tmp_path: Path) -> None:
    result = _probe(tmp_path, jobs="2")
    assert not {"multiprocessing", "concurrent.futures.process"} & set(result["modules"])


def test_psl_lookup_matches_tldextract() -> None:
    import tldextract

    from cleaners.psl import split_host

    extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    hosts = ["bbs.sina.com.cn", "www.hg0088.com", "a.b.ck", "www.ck", "ck", "city.kawasaki.jp", "x.kawasaki.jp",
             "xn--fiqs8s", "www.example.xn--fiqs8s", "a.xn--zz.com", "例子.中国", "a。b。cn", "Ｘ．com", "x.co.uk.",
             "1.2.3.4", "1.2.3.256", "[::1]", "[::1", "user@host.com:80", "//a.b.com/x", "a..b", "", ".", "localhost",
             "x.blogspot.com", "http://x.y.com:8080/p?q#f"]
    for host in hosts:
        parts = extract(host)
        assert split_host(host) == (parts.domain, parts.suffix), host
