"""Start-up (issue 13): what `mirrorclean clean` imports, checked by the modules loaded, never by a timing."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


# --- the regex cache (mirrorclean.regexcache) ---------------------------------------------------------------------

def _clean_fixtures(out: Path, cache: Path, regex_cache: str) -> list[str]:
    env = {**os.environ, "MIRRORCLEAN_CACHE": str(cache), "MIRRORCLEAN_REGEX_CACHE": regex_cache}
    proc = subprocess.run([sys.executable, "-m", "mirrorclean", "clean", str(ROOT / "fixtures" / "pages"),
                           str(ROOT / "seeds"), "-o", str(out), "-q"], capture_output=True, text=True, cwd=ROOT,
                          env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return out.read_text("utf-8").splitlines()


def test_records_are_the_same_with_the_regex_cache_cold_warm_and_off(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    off = _clean_fixtures(tmp_path / "off.jsonl", cache, "0")
    assert not list(cache.glob("regex-*"))  # off writes nothing
    cold = _clean_fixtures(tmp_path / "cold.jsonl", cache, "1")
    stored = list(cache.glob("regex-*.marshal"))
    assert len(stored) == 1 and stored[0].stat().st_size > 10_000  # hundreds of patterns kept
    warm = _clean_fixtures(tmp_path / "warm.jsonl", cache, "1")
    assert len(off) >= 20 and off == cold == warm


def test_a_damaged_regex_cache_is_ignored(tmp_path: Path) -> None:
    from mirrorclean.regexcache import RegexTable

    path = tmp_path / "regex.marshal"
    path.write_bytes(b"\x00not marshal")
    table = RegexTable.load(path)
    assert table.entries == {}
    # an entry whose code _sre refuses is dropped and the pattern compiled afresh
    table.entries[("习近平", 0)] = (0, [9999, 1, 2], 0, {}, (None,))
    assert table.compile("习近平", 0).pattern == "习近平" and table.compile("习近平", 0).search("学习习近平")
    assert table.entries[("习近平", 0)] != (0, [9999, 1, 2], 0, {}, (None,))
    assert table.compile(b"a+", 0).match(b"aa")
    try:  # a bad pattern is the caller's error, as with re.compile
        table.compile("(", 0)
    except re.error:
        pass
    else:
        raise AssertionError("an unterminated group compiled")


_PIECES = st.sampled_from(["习", "近平", "[\\u4e00-\\u9fff]", "[^，。]", "\\d", "\\s", "a", "B", ".", "(?:体育|娱乐)",
                           "\\b", "^", "$", "[A-Za-z0-9]", "(?<=在)", "(?!的)", "[*＊×]"])
_QUANT = st.sampled_from(["", "", "+", "*", "?", "{2,4}", "+?"])


@st.composite
def _patterns(draw: st.DrawFn) -> str:
    parts = [draw(_PIECES) + draw(_QUANT) for _ in range(draw(st.integers(1, 5)))]
    if draw(st.booleans()):
        parts = [f"(?P<g{i}>{p})" if draw(st.booleans()) else p for i, p in enumerate(parts)]
    return "".join(parts) if draw(st.booleans()) else "|".join(parts)


@settings(max_examples=150, deadline=None)
@given(_patterns(), st.sampled_from([0, re.IGNORECASE, re.MULTILINE | re.DOTALL, re.ASCII]),
       st.text(alphabet="习近平在的，。体育娱乐aAbB12 \n*＊×学", max_size=40))
def test_a_pattern_rebuilt_from_the_cache_matches_like_a_fresh_one(pattern: str, flags: int, text: str) -> None:
    from mirrorclean.regexcache import ORIGINAL_COMPILE, RegexTable

    try:
        fresh = ORIGINAL_COMPILE(pattern, flags)
    except re.error:
        return  # a drawn pattern Python refuses (a look-behind of variable width) is not the cache's business
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "regex.marshal")
        first = RegexTable.load(path)
        first.compile(pattern, flags)
        first.save()
        cached = RegexTable.load(path).compile(pattern, flags)
    assert (cached.pattern, cached.flags, cached.groups, cached.groupindex) == (
        fresh.pattern, fresh.flags, fresh.groups, fresh.groupindex)
    assert [m.span() for m in cached.finditer(text)] == [m.span() for m in fresh.finditer(text)]
    assert [m.groupdict() for m in cached.finditer(text)] == [m.groupdict() for m in fresh.finditer(text)]


def test_importing_the_cli_leaves_re_alone_and_the_command_caches(tmp_path: Path) -> None:
    """Only the command's entry point (mirrorclean/__main__.py) routes `re` through the cache: a program that
    imports mirrorclean.cli or the cleaners keeps CPython's compiler, and writes nothing to the cache folder."""
    env = {**os.environ, "MIRRORCLEAN_CACHE": str(tmp_path)}
    code = "import re, mirrorclean.cli, cleaners; print(re._compiler.compile.__qualname__)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert proc.stdout.strip() == "compile" and not list(tmp_path.glob("regex-*")), proc.stderr[-2000:]
    code = "import re, mirrorclean.__main__; print(re._compiler.compile.__qualname__)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert proc.stdout.strip() == "RegexTable.compile" and list(tmp_path.glob("regex-*.marshal")), proc.stderr[-2000:]


def test_the_regex_cache_lives_in_the_cleaners_cache_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """regexcache.cache_dir repeats cleaners.cache.cache_dir (importing `cleaners` would compile the patterns it
    is there to cache): the two must name the same folder whatever the environment says."""
    from cleaners.cache import cache_dir as cleaners_dir
    from mirrorclean.regexcache import cache_dir

    for env in ({"MIRRORCLEAN_CACHE": str(tmp_path / "m")}, {"XDG_CACHE_HOME": str(tmp_path / "x")}, {}):
        for name in ("MIRRORCLEAN_CACHE", "XDG_CACHE_HOME"):
            monkeypatch.delenv(name, raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        assert cache_dir() == cleaners_dir()
