"""Start-up and per-record overhead (issue 13): the collector paused during start-up and enabled again, the
record's dict built directly, the regex cache left alone when nothing new was compiled. Checked by behaviour and
output, never by a timing."""

from __future__ import annotations

import dataclasses
import json
import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "fixtures" / "pages" / "dd01_leafhopper.html"
DANIEL = ROOT.parent / "shared" / "eval" / "daniel-zh-dev" / "html"


def _python(code: str, *args: str, env: dict[str, str] | None = None) -> str:
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **(env or {})}, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout.strip().splitlines()[-1]


# --- the collector (mirrorclean.startgc) ---------------------------------------------------------------------------

CLEAN_PROBE = """
import gc, json, sys
import mirrorclean.__main__ as entry
paused = not gc.isenabled()
status = entry.main(sys.argv[1:])
print(json.dumps({"paused_at_import": paused, "status": status, "enabled": gc.isenabled(),
                  "frozen": gc.get_freeze_count()}))
"""


def test_the_command_pauses_the_collector_for_its_start_up_and_enables_it_again(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = json.loads(_python(CLEAN_PROBE, "clean", str(PAGE), "-o", str(out), "-q"))
    assert result["paused_at_import"] and result["status"] == 0
    # enabled again, with what start-up built (modules, patterns, the first page's tables) frozen
    assert result["enabled"] and result["frozen"] > 20_000
    assert len(out.read_text("utf-8").splitlines()) == 1
    # a command other than `clean`, and a usage error, leave it enabled too
    for argv in (["site-pass", str(out), "-o", str(tmp_path / "sp.jsonl")], ["clean", "--no-such-option"]):
        result = json.loads(_python(CLEAN_PROBE, *argv))
        assert result["enabled"], argv


def test_importing_the_library_or_the_cli_leaves_the_collector_alone() -> None:
    code = "import gc, mirrorclean.cli, cleaners, cleaners.api; print(gc.isenabled(), gc.get_freeze_count())"
    assert _python(code) == "True 0"


def test_pool_workers_collect_and_share_the_frozen_tables() -> None:
    """The forkserver builds the tables with the collector off and freezes them (cleaners.warm); each worker
    enables the collector when it starts (runner._init_worker)."""
    code = """
import gc
import mirrorclean.__main__
from mirrorclean import runner
pool = runner.new_pool(1)
try:
    print(pool.submit(gc.isenabled).result(), pool.submit(gc.get_freeze_count).result())
finally:
    pool.shutdown()
"""
    enabled, frozen = _python(code).split()
    assert enabled == "True" and int(frozen) > 20_000


def test_records_are_the_same_with_and_without_pausing(tmp_path: Path) -> None:
    """The collector only frees cycles: the records of `clean --jobs 1` and `--jobs 2` are those of a run whose
    collector was never paused (`mirrorclean.startgc.pause` made a no-op)."""
    pages = sorted((ROOT / "fixtures" / "pages").glob("*.html"))[:6]
    outputs = []
    for jobs, pause in (("1", True), ("2", True), ("1", False)):
        out = tmp_path / f"out-{jobs}-{pause}.jsonl"
        code = ("import sys, mirrorclean.startgc as s\n"
                f"s.pause = (lambda: None) if {not pause} else s.pause\n"
                "import mirrorclean.__main__ as m\nsys.exit(m.main(sys.argv[1:]))")
        proc = subprocess.run([sys.executable, "-c", code, "clean", *map(str, pages), "-o", str(out), "-q",
                               "--jobs", jobs], capture_output=True, text=True, cwd=ROOT, timeout=600)
        assert proc.returncode == 0, proc.stderr[-2000:]
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2] and outputs[0].count(b"\n") >= 4


# --- Record.to_dict -------------------------------------------------------------------------------------------------

def _real_results() -> list:
    from cleaners import clean_document

    pages = sorted((ROOT / "fixtures" / "pages").glob("*.*")) + sorted(DANIEL.glob("*.html"))[:15]
    return [clean_document(page.read_bytes(), page.name) for page in pages]


def test_to_dict_is_what_asdict_gave_on_real_records(monkeypatch: pytest.MonkeyPatch) -> None:
    from cleaners import Record, Reject

    results = _real_results()
    assert any(isinstance(r, Reject) for r in results)
    assert sum(len(r.flags) for r in results if isinstance(r, Record)) >= 20  # the seed's damage flags
    expected = [dataclasses.asdict(r) for r in results]

    def no_asdict(obj: object) -> None:
        raise AssertionError("to_dict went through dataclasses.asdict")

    monkeypatch.setattr("cleaners.record.asdict", no_asdict)
    got = [r.to_dict() for r in results]
    assert got == expected
    for a, b in zip(got, expected, strict=True):
        assert list(a) == list(b)  # the field order is the JSON's key order
        assert json.dumps(a, ensure_ascii=False) == json.dumps(b, ensure_ascii=False)
    # copies, as asdict made them: changing the dict leaves the record alone
    record = next(r for r in results if isinstance(r, Record) and r.removed and r.flags)
    before = dataclasses.asdict(record)
    as_dict = record.to_dict()
    as_dict["removed"][0]["text"] = "x"
    as_dict["flags"][0]["type"] = "x"
    as_dict["references"].append("x")
    assert dataclasses.asdict(record) == before


def test_to_dict_of_unusual_values_follows_asdict() -> None:
    from collections import namedtuple

    from cleaners import Record, Removal

    point = namedtuple("point", "start end")
    record = Record("s", removed=[Removal("a", "b", "c")], flags=[{"occurrences": [(1, 2), point(3, 4)],
                                                                     "nested": {"k": [1.5, None, True]}}])
    assert record.to_dict() == dataclasses.asdict(record)
    assert type(record.to_dict()["flags"][0]["occurrences"][1]) is point


# --- the regex cache ------------------------------------------------------------------------------------------------

def test_the_regex_cache_stops_writing_once_it_knows_the_shuffled_patterns(tmp_path: Path) -> None:
    """Patterns joined from a set change order with the process's hash seed; after a few runs the cache file is
    no longer written by a run that compiles nothing else new (it was rewritten, and grew, at every start)."""
    env = {"MIRRORCLEAN_CACHE": str(tmp_path / "cache")}
    stamps = []
    for seed in range(1, 9):
        subprocess.run([sys.executable, "-m", "mirrorclean", "clean", str(PAGE), "-o", str(tmp_path / "o.jsonl"),
                        "-q", "--overwrite"], cwd=ROOT, env={**os.environ, **env, "PYTHONHASHSEED": str(seed)},
                       check=True, capture_output=True, timeout=300)
        (path,) = (tmp_path / "cache").glob("regex-*.marshal")
        stamps.append((path.stat().st_mtime_ns, path.read_bytes()))
    assert stamps[-1] == stamps[-2] == stamps[-3]
    from mirrorclean.regexcache import RegexTable

    table = RegexTable.load(path)
    assert table.volatile and len(table.entries) > 500


def test_a_shuffle_is_not_stored_and_two_orders_of_the_code_both_are(tmp_path: Path) -> None:
    from mirrorclean.regexcache import RegexTable

    path = tmp_path / "regex.marshal"
    day_month, month_day = r"(?P<d>\d\d)/(?P<m>\d\d)", r"(?P<m>\d\d)/(?P<d>\d\d)"  # the same characters
    for pattern in (day_month, month_day, day_month):
        table = RegexTable.load(path)
        table.compile(pattern, 0)
        table.save()
    assert set(RegexTable.load(path).entries) == {(day_month, 0), (month_day, 0)}
    names = ["乐竞体育", "bet365", "葡京", "hg0088"]
    for i in range(4):  # a set's order in four processes
        table = RegexTable.load(path)
        assert table.compile("|".join(names[i:] + names[:i]), 0).search("在hg0088")
        table.save()
    stored = RegexTable.load(path)
    assert len(stored.volatile) == 1 and set(stored.entries) == {(day_month, 0), (month_day, 0)}
    stamp = path.stat().st_mtime_ns
    table = RegexTable.load(path)
    table.compile("|".join(names[::-1]), 0)
    table.compile(day_month, 0)
    table.save()
    assert path.stat().st_mtime_ns == stamp  # nothing new: not written


# --- fastlinkdensity's source digests -------------------------------------------------------------------------------

def test_link_density_digests_come_from_the_disk_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import inspect

    from cleaners import fastlinkdensity

    monkeypatch.setenv("MIRRORCLEAN_CACHE", str(tmp_path))
    first = fastlinkdensity.plan()
    assert first is not None

    def no_source(obj: object) -> str:
        raise AssertionError("inspect.getsource called with a warm cache")

    monkeypatch.setattr(inspect, "getsource", no_source)
    assert fastlinkdensity.plan() == first
    # a digest that does not match (another trafilatura) still disables the replacement
    for entry in tmp_path.glob("source-sha1-trafilatura.utils-*.marshal"):
        entry.write_bytes(marshal.dumps({"trim": "0" * 40}))
    assert fastlinkdensity.plan() is None
