"""Benchmarks reported as ratios against a peer measured in the same run (never asserted in tests).

    mirrorclean bench crawl [--replicate 120]   crawl+clean of the replicated fixture site vs one-core `clean`,
                                                and the ceiling a fetch-only crawl's CPU cost leaves
    mirrorclean bench clean [FOLDER ...]        one-core in-process pages/s, `clean --jobs 1` and `--jobs 2`, each
                                                against trafilatura's default extract in the same run, with the
                                                peak RSS of every process (pool workers included), and the
                                                start-up: `clean` of the first page against trafilatura's

Each side runs as a fresh subprocess. CPU seconds are the figure to compare on a machine shared with other work.
"""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

TRAFILATURA_LOOP = """
import gzip, sys, pathlib, trafilatura
n = 0
for folder in sys.argv[1:]:
    for p in sorted(pathlib.Path(folder).rglob('*')):
        name = p.name.lower().removesuffix('.gz')
        if p.is_file() and name.endswith(('.html', '.htm', '.txt')):
            data = p.read_bytes()
            trafilatura.extract(gzip.decompress(data) if p.name.lower().endswith('.gz') else data)
            n += 1
print(n)
"""


def _cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _cpu_self() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _timed(cmd: list[str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    secs, _, proc = _timed_cpu(cmd)
    return secs, proc


def _timed_cpu(cmd: list[str]) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """Wall seconds, CPU seconds of the child (its own process; not of a pool it forks) and the result."""
    cpu0, t0 = _cpu_children(), time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    secs, cpu = time.perf_counter() - t0, _cpu_children() - cpu0
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:4])}… failed:\n{proc.stderr[-2000:]}")
    return secs, cpu, proc


def _count_lines(path: Path) -> int:
    return sum(1 for line in path.read_text("utf-8").splitlines() if line.strip())


FETCH_ONLY = """
import json, sys
from mirrorclean.crawl import run_crawl
overrides = json.loads(sys.argv[1])
print(json.dumps(vars(run_crawl(sys.argv[2:], "-", overrides))))
"""


def bench_crawl(replicate: int = 120, workers: int = -1) -> dict[str, float]:
    """Crawl+clean pages/s on the replicated fixture site vs one-core `mirrorclean clean` on the same pages.

    A third run crawls the same site with no item pipelines (fetch, spider, frontier: no cleaning) to measure
    what Scrapy itself costs per page. Its CPU plus the one-core clean's CPU plus the test server's, spread
    perfectly over the cores, bounds what any crawl+clean on this machine can reach (`ceiling`).
    """
    from mirrorclean.testsite import SiteApp, TestSite

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    local = {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "CONCURRENT_REQUESTS": 32,
             "CONCURRENT_REQUESTS_PER_DOMAIN": 32, "CLOSESPIDER_PAGECOUNT": 50000}
    with tempfile.TemporaryDirectory() as tmp, TestSite(replicate=replicate) as site:
        pages = Path(tmp, "pages")
        pages.mkdir()
        app = SiteApp("hualong", site.root, replicate)
        paths = site.article_paths("hualong")
        for i, path in enumerate(paths):
            reply = app.handle(path)
            (pages / f"{i:05d}.html").write_bytes(reply.body)
        clean_out = Path(tmp, "clean.jsonl")
        clean_secs, clean_cpu, _ = _timed_cpu([sys.executable, "-m", "mirrorclean", "clean", str(pages), "--jobs", "1",
                                               "-q", "-o", str(clean_out)])
        crawl_out = Path(tmp, "crawl.jsonl")
        starts = [site.url("hualong", "/"), site.url("hualong", "/mirrors.html")]
        sets = [arg for key, value in {**local, "MIRRORCLEAN_WORKERS": workers}.items()
                for arg in ("-s", f"{key}={int(value) if isinstance(value, bool) else value}")]
        crawl_secs, _, proc = _timed_cpu([sys.executable, "-m", "mirrorclean", "crawl", *starts, "-o", str(crawl_out),
                                          *sets])
        # Count the pages cleaned into articles (the crawl's own stat), before the duplicate pipeline.
        m = re.search(r"(\d+) articles", proc.stderr)
        articles = int(m.group(1)) if m else _count_lines(crawl_out)
        fetched = len(site.requests)
        site.clear_requests()
        server0 = _cpu_self()
        fetch_secs, fetch_cpu, fetch = _timed_cpu([sys.executable, "-c", FETCH_ONLY,
                                                   json.dumps({**local, "ITEM_PIPELINES": {}, "FEEDS": {}}), *starts])
        server_cpu = _cpu_self() - server0  # the test server's threads, serving the fetch-only crawl
        fetch_pages = int(json.loads(fetch.stdout.strip().splitlines()[-1])["pages"])
        # CPU over CPU: the one-core clean's CPU seconds against all the CPU a crawl+clean needs spread over the
        # cores (dividing the clean's wall time instead inflated the ceiling whenever other work slowed the clean)
        ceiling = clean_cpu / ((fetch_cpu + clean_cpu + server_cpu) / cores)
        return {
            "pages": len(paths),
            "clean_1core_pages_per_s": len(paths) / clean_secs,
            "clean_secs": clean_secs,
            "clean_cpu": clean_cpu,
            "crawl_articles": articles,
            "crawl_fetched": fetched,
            "crawl_secs": crawl_secs,
            "crawl_articles_per_s": articles / crawl_secs,
            "ratio": (articles / crawl_secs) / (len(paths) / clean_secs),
            "fetch_only_pages": fetch_pages,
            "fetch_only_secs": fetch_secs,
            "fetch_only_cpu": fetch_cpu,
            "server_cpu": server_cpu,
            "ceiling": ceiling,
            "cores": cores,
        }


INPROCESS = r"""
import json, sys, time
from pathlib import Path
from typing import Any
import trafilatura
from cleaners import CleanOptions
from mirrorclean.inputs import read_file, wanted
from mirrorclean.runner import clean_one

opts = CleanOptions()
docs = []
for folder in sys.argv[2:]:
    docs += [read_file(str(p), p.name) for p in sorted(Path(folder).rglob("*")) if p.is_file() and wanted(p.name)]
clean_one(docs[0], opts), trafilatura.extract(docs[0].data)  # imports and lazy tables: not timed
ours = peer = 0.0
for _ in range(int(sys.argv[1])):
    for doc in docs:  # interleaved page by page: both tools see the same load
        t = time.process_time()
        clean_one(doc, opts)
        ours += time.process_time() - t
        t = time.process_time()
        trafilatura.extract(doc.data)
        peer += time.process_time() - t
print(json.dumps({"pages": len(docs) * int(sys.argv[1]), "ours_cpu": ours, "peer_cpu": peer}))
"""


def _proc_tree(root: int) -> list[int]:
    """`root` and its descendants, from /proc (Linux)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2:].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo += children.get(pid, [])
    return out


def _proc_sample(pid: int) -> tuple[str, float, float, str] | None:
    """(command, peak RSS in MB, CPU seconds, state: R running or runnable, S sleeping …) of a live process."""
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as fh:
            status = dict(line.split(":", 1) for line in fh if ":" in line)
        with open(f"/proc/{pid}/stat", "rb") as fh:
            stat = fh.read()
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            cmd = fh.read().replace(b"\0", b" ").decode("utf-8", "replace").strip()
    except OSError:
        return None
    fields = stat[stat.rindex(b")") + 2:].split()
    cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return cmd, int(status.get("VmHWM", "0 kB").split()[0]) / 1024, cpu, fields[0].decode()


def run_watched(cmd: list[str], every: float = 0.05) -> dict[str, Any]:
    """Run `cmd`, sampling its whole process tree (pool workers included, which /usr/bin/time and
    RUSAGE_CHILDREN miss): wall seconds, CPU seconds and peak RSS (VmHWM) of every process seen, and the share
    of samples in which each was asleep (`idle`: a pool worker asleep is waiting for work, whatever the load)."""
    seen: dict[int, tuple[str, float, float]] = {}
    states: dict[int, list[int]] = {}  # pid -> [samples asleep, samples]
    # output to files, not pipes: a pipe nobody reads while the command runs fills up and blocks it
    with tempfile.TemporaryFile("w+") as out_file, tempfile.TemporaryFile("w+") as err_file:
        cpu0, t0 = _cpu_children(), time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out_file, stderr=err_file, stdin=subprocess.DEVNULL, text=True)
        while proc.poll() is None:
            for pid in _proc_tree(proc.pid):
                sample = _proc_sample(pid)
                if sample and sample[1] > 0:  # an exited process (a zombie) shows no memory: keep its last sample
                    seen[pid] = sample[:3]
                    counts = states.setdefault(pid, [0, 0])
                    counts[0] += sample[3] in "SD"
                    counts[1] += 1
            time.sleep(every)
        wall, reaped = time.perf_counter() - t0, _cpu_children() - cpu0
        out_file.seek(0)
        err_file.seek(0)
        out, err = out_file.read(), err_file.read()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:4])}… failed:\n{err[-2000:]}")
    main = seen.get(proc.pid)
    return {
        "wall": wall,
        # the child's exact CPU (with the descendants it waited for), or the samples' sum (each to its last
        # sample, < `every` s before the exit) when that is more: pool workers the child did not wait for
        "cpu": max(reaped, sum(cpu for _, _, cpu in seen.values())),
        "processes": [{"pid": pid, "cmd": c[:120], "peak_mb": round(mb, 1), "cpu": round(cpu, 2),
                       "idle": round(states[pid][0] / states[pid][1], 3)}
                      for pid, (c, mb, cpu) in sorted(seen.items())],
        "main_peak_mb": main[1] if main else None,
        "main_cpu": main[2] if main else None,
        "stdout": out,
    }


STARTUP_PEER = "import sys, trafilatura; trafilatura.extract(open(sys.argv[1], 'rb').read())"


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def has_bytecode() -> bool:
    """Whether this package's modules have bytecode files (else Python compiles them at every start)."""
    import importlib.util

    import cleaners.api

    return Path(importlib.util.cache_from_source(cleaners.api.__file__)).is_file()


def compiled_copy(folder: Path) -> Path:
    """This tree's `cleaners` and `mirrorclean` packages copied into `folder` with their bytecode written
    (`compileall`, which writes whatever PYTHONDONTWRITEBYTECODE says): what a `pip install` has. A process
    started with `python -m mirrorclean` in `folder` imports the copy (the working directory comes first)."""
    import compileall
    import shutil

    root = Path(__file__).resolve().parent.parent
    for package in ("cleaners", "mirrorclean"):
        shutil.copytree(root / package, folder / package, ignore=shutil.ignore_patterns("__pycache__"))
        if not compileall.compile_dir(str(folder / package), quiet=1):
            raise RuntimeError(f"compileall failed in {folder / package}")
    return folder


def _timed_cpu_in(cmd: list[str], cwd: Path) -> float:
    cpu0 = _cpu_children()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=cwd)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:4])}… failed:\n{proc.stderr[-2000:]}")
    return _cpu_children() - cpu0


def bench_startup(page: Path, runs: int = 5) -> dict[str, Any]:
    """CPU seconds (median of `runs`) of `mirrorclean clean PAGE -o OUT` against trafilatura's extract of the
    same page in a fresh interpreter, and of a bare interpreter; the three are run in turn, after one unmeasured
    run that warms the disk cache (cleaners.cache). A fourth command is the same `clean` run from a copy of the
    packages with their bytecode compiled (`compiled_copy`): a source tree on a machine that sets
    PYTHONDONTWRITEBYTECODE (this one) compiles every module of the package at every start, an installed
    package does not."""
    page = page.resolve()
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp, "one.jsonl"))
        ours = [sys.executable, "-m", "mirrorclean", "clean", str(page), "-o", out, "--overwrite", "-q"]
        cmds = {"mirrorclean": ours, "trafilatura": [sys.executable, "-c", STARTUP_PEER, str(page)],
                "python": [sys.executable, "-c", "pass"]}
        installed = compiled_copy(Path(tmp, "installed"))
        _timed_cpu(ours)
        _timed_cpu_in(ours, installed)
        cpu: dict[str, list[float]] = {name: [] for name in (*cmds, "mirrorclean_bytecode")}
        for _ in range(runs):
            for name, cmd in cmds.items():
                cpu[name].append(_timed_cpu(cmd)[1])
            cpu["mirrorclean_bytecode"].append(_timed_cpu_in(ours, installed))
    result: dict[str, Any] = {"page": str(page), "runs": runs, "bytecode": has_bytecode(),
                              "regex_cache": os.environ.get("MIRRORCLEAN_REGEX_CACHE", "1") != "0"}
    result.update({f"{name}_cpu": _median(values) for name, values in cpu.items()})
    result["ratio"] = result["trafilatura_cpu"] / result["mirrorclean_cpu"]
    result["ratio_bytecode"] = result["trafilatura_cpu"] / result["mirrorclean_bytecode_cpu"]
    return result


def bench_clean(folders: list[Path], rounds: int = 1, scale_to: int = 2000, startup_runs: int = 5, cli_rounds: int = 3,
                scale_rounds: int = 2) -> dict[str, Any]:
    """One-core in-process pages/s and the CLI with --jobs 1 and --jobs 2, each against trafilatura's default
    `extract` in the same run (a loop over the same files in one process), with every process's peak RSS.

    In-process, both tools run in one interpreter, page by page interleaved, timed by CPU (time.process_time):
    start-up excluded, other load on the machine does not count. On the CLI, each side is a fresh process
    timed from start to end (start-up included); `--jobs 1` and the trafilatura loop are one process each,
    so their CPU seconds compare them on one core; `--jobs 2`'s scaling over `--jobs 1`
    is measured by wall time on the files repeated to at least `scale_to` pages, and by CPU (`speedup_cpu`: the
    wall ratio on two idle cores), with the workers' idle share (asleep: waiting for work) and the main process's
    CPU per page, which other load does not change.

    CPU seconds are not load-proof either: the same run of the same pages took 5.2 and 7.7 CPU s on this
    two-core machine within the hour as other work came and went (shared caches, the sibling hyperthread, the
    clock). So the CLI runs are alternated (`cli_rounds` of trafilatura's loop and `clean --jobs 1`, each
    round's order reversed from the last) and compared by their medians, and the scaling runs go --jobs 1,
    --jobs 2, --jobs 2, --jobs 1 … (`scale_rounds` of each), compared by their sums: a load that drifts during
    the measurement falls on both sides.
    """
    from mirrorclean.inputs import wanted

    files = [p for folder in folders for p in sorted(folder.rglob("*")) if p.is_file() and wanted(p.name)]
    result: dict[str, Any] = {"pages": len(files), "cores": os.cpu_count() or 1, "load_before": os.getloadavg()[0]}
    result["startup"] = bench_startup(files[0], startup_runs)
    inproc = run_watched([sys.executable, "-c", INPROCESS, str(rounds), *map(str, folders)])
    timing = json.loads(inproc["stdout"].strip().splitlines()[-1])
    result["inprocess"] = {
        "pages": timing["pages"],
        "mirrorclean_pages_per_cpu_s": timing["pages"] / timing["ours_cpu"],
        "trafilatura_pages_per_cpu_s": timing["pages"] / timing["peer_cpu"],
        "ratio": timing["peer_cpu"] / timing["ours_cpu"],
        "peak_mb": inproc["main_peak_mb"],
    }
    with tempfile.TemporaryDirectory() as tmp:
        dirs = [str(f) for f in folders]
        cmds = {"peer": [sys.executable, "-c", TRAFILATURA_LOOP, *dirs],
                "ours": [sys.executable, "-m", "mirrorclean", "clean", *dirs, "--jobs", "1", "-q", "--overwrite",
                         "-o", str(Path(tmp, "o1.jsonl"))]}
        seen: dict[str, list[dict[str, Any]]] = {"peer": [], "ours": []}
        for r in range(max(1, cli_rounds)):
            for side in (("peer", "ours") if r % 2 == 0 else ("ours", "peer")):
                seen[side].append(run_watched(cmds[side]))
        peer, one = _median_run(seen["peer"]), _median_run(seen["ours"])
        result["cli"] = {
            "rounds": len(seen["ours"]),
            "trafilatura_loop": _cli_row(peer, len(files)),
            "jobs1": _cli_row(one, len(files)),
            "jobs1_ratio_cpu": peer["cpu"] / one["cpu"],
            "jobs1_ratio_wall": peer["wall"] / one["wall"],
            "ratios_cpu": [p["cpu"] / o["cpu"] for p, o in zip(seen["peer"], seen["ours"], strict=True)],
            "cpu": {side: [round(run["cpu"], 3) for run in runs] for side, runs in seen.items()},
        }
        if scale_to <= 0:
            result["load_after"] = os.getloadavg()[0]
            return result
        # --jobs 2 against --jobs 1 on >= scale_to pages: the same files linked again under other names
        many = Path(tmp, "many")
        copies = max(1, -(-scale_to // max(1, len(files))))
        for c in range(copies):
            for i, f in enumerate(files):
                target = many / f"{c:03d}" / f"{i:05d}_{f.name}"
                target.parent.mkdir(parents=True, exist_ok=True)
                os.symlink(f.resolve(), target)
        n = len(files) * copies
        order = [jobs for r in range(max(1, scale_rounds)) for jobs in ((1, 2) if r % 2 == 0 else (2, 1))]
        done: dict[int, list[dict[str, Any]]] = {1: [], 2: []}
        sequence, outputs = [], set()
        for jobs in order:
            out = Path(tmp, f"s{jobs}.jsonl")
            run = run_watched([sys.executable, "-m", "mirrorclean", "clean", str(many), "--jobs", str(jobs), "-q",
                               "--overwrite", "-o", str(out)])
            outputs.add(out.read_bytes())
            done[jobs].append(run)
            sequence.append({"jobs": jobs, "wall": round(run["wall"], 2), "cpu": round(run["cpu"], 2),
                             "load_after": round(os.getloadavg()[0], 1)})
        runs = {jobs: _summed_run(done[jobs]) for jobs in (1, 2)}
        last = done[2][-1]
        workers = sorted(last["processes"], key=lambda p: p["cpu"])[-2:]  # the two busiest: the pool's workers
        result["scaling"] = {
            "pages": n,
            "order": order,
            "jobs1": _cli_row(runs[1], n * len(done[1])),
            "jobs2": _cli_row(runs[2], n * len(done[2])),
            "speedup": runs[1]["wall"] / runs[2]["wall"],
            # what the wall ratio is on two cores nobody else uses: all of --jobs 2's CPU (main process, forkserver,
            # workers) spread over both, against --jobs 1's; idle workers (asleep, waiting for work) lower it further
            "speedup_cpu": 2 * runs[1]["cpu"] / runs[2]["cpu"],
            "runs": sequence,
            "same_records": len(outputs) == 1,  # every run wrote the same records, byte for byte
            "workers_idle": [w["idle"] for w in workers],
            "main_ms_per_page": 1000 * sum(run["main_cpu"] or 0.0 for run in done[2]) / (n * len(done[2])),
        }
    result["load_after"] = os.getloadavg()[0]
    return result


def _median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The run of median CPU (the lower middle one of an even number)."""
    return sorted(runs, key=lambda run: run["cpu"])[(len(runs) - 1) // 2]


def _summed_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Several runs of one command as one: wall and CPU seconds summed, the processes of the last one."""
    return {"wall": sum(run["wall"] for run in runs), "cpu": sum(run["cpu"] for run in runs),
            "processes": runs[-1]["processes"]}


def _cli_row(run: dict[str, Any], pages: int) -> dict[str, Any]:
    return {
        "wall": run["wall"], "cpu": run["cpu"], "pages_per_s": pages / run["wall"], "pages_per_cpu_s": pages / run["cpu"],
        "peak_mb": [p["peak_mb"] for p in run["processes"]], "processes": run["processes"],
    }


def _mbs(row: dict[str, Any]) -> str:
    return " + ".join(f"{mb:.0f}" for mb in row["peak_mb"]) + " MB"


def main(kind: str, args: list[str], replicate: int, rounds: int = 1, scale_pages: int = 2000, cli_rounds: int = 3,
         scale_rounds: int = 2) -> int:
    if kind == "crawl":
        result = bench_crawl(replicate)
        print(f"crawl+clean: {result['crawl_articles']:.0f} articles ({result['crawl_fetched']:.0f} requests) in "
              f"{result['crawl_secs']:.1f} s = {result['crawl_articles_per_s']:.1f} articles/s")
        print(f"clean --jobs 1: {result['pages']:.0f} pages in {result['clean_secs']:.1f} s = "
              f"{result['clean_1core_pages_per_s']:.1f} pages/s")
        print(f"ratio crawl+clean / one-core clean: {result['ratio']:.2f}x on {result['cores']} cores (target >= 1.6x)")
        print(f"fetch-only crawl (no pipelines): {result['fetch_only_pages']:.0f} pages, {result['fetch_only_cpu']:.1f} "
              f"CPU s = {1000 * result['fetch_only_cpu'] / max(1, result['fetch_only_pages']):.2f} ms/page; "
              f"test server {result['server_cpu']:.1f} CPU s; clean --jobs 1 {result['clean_cpu']:.1f} CPU s")
        print(f"ceiling on this machine (that CPU spread perfectly over {result['cores']} cores): "
              f"{result['ceiling']:.2f}x")
    else:
        folders = [Path(a) for a in args] or [Path(__file__).resolve().parent.parent / "fixtures" / "pages"]
        result = bench_clean(folders, rounds=rounds, scale_to=scale_pages, cli_rounds=cli_rounds,
                             scale_rounds=scale_rounds)
        ip, cli, sc = result["inprocess"], result["cli"], result.get("scaling")
        print(f"one core, in-process ({ip['pages']} pages, CPU time, page by page interleaved): mirrorclean "
              f"{ip['mirrorclean_pages_per_cpu_s']:.1f} pages/s, trafilatura.extract {ip['trafilatura_pages_per_cpu_s']:.1f}"
              f" pages/s: ratio {ip['ratio']:.2f}x (target >= 1.0); peak {ip['peak_mb']:.0f} MB (both tools loaded)")
        t, j1 = cli["trafilatura_loop"], cli["jobs1"]
        print(f"CLI, start-up included ({result['pages']} pages; median of {cli['rounds']} alternated runs each): "
              f"`clean --jobs 1` {j1['wall']:.1f} s wall, {j1['cpu']:.1f} "
              f"CPU s; trafilatura loop {t['wall']:.1f} s wall, {t['cpu']:.1f} CPU s: ratio {cli['jobs1_ratio_cpu']:.2f}x by CPU, "
              f"{cli['jobs1_ratio_wall']:.2f}x by wall (target >= 1.0); each round by CPU: "
              f"{', '.join(f'{r:.2f}x' for r in cli['ratios_cpu'])}")
        print(f"peak RSS: clean --jobs 1 {_mbs(j1)}; trafilatura loop {_mbs(t)}")
        st = result["startup"]
        print(f"start-up, one page ({Path(st['page']).name}, median CPU of {st['runs']} runs, warm disk cache): "
              f"`clean PAGE -o OUT` {st['mirrorclean_cpu']:.2f} s; trafilatura import + extract {st['trafilatura_cpu']:.2f} s; "
              f"bare python {st['python_cpu']:.2f} s: ratio {st['ratio']:.2f}x (goal: clean <= 0.40 s); "
              f"bytecode files for mirrorclean: {'yes' if st['bytecode'] else 'no (compiled at every start)'}; "
              f"from a copy with bytecode (as installed) {st['mirrorclean_bytecode_cpu']:.2f} s, "
              f"ratio {st['ratio_bytecode']:.2f}x; "
              f"regex cache: {'on' if st.get('regex_cache') else 'off (MIRRORCLEAN_REGEX_CACHE=0)'}")
        if sc:
            s1, s2 = sc["jobs1"], sc["jobs2"]
            print(f"--jobs 2 vs --jobs 1 on {sc['pages']} pages (runs in the order {' '.join(map(str, sc['order']))}, "
                  f"summed; records the same in every run: {'yes' if sc['same_records'] else 'NO'}): "
                  f"{s2['wall']:.1f} s against {s1['wall']:.1f} s wall = "
                  f"{sc['speedup']:.2f}x (target >= 1.8); CPU {s2['cpu']:.1f} s vs {s1['cpu']:.1f} s: "
                  f"{sc['speedup_cpu']:.2f}x on two idle cores; workers asleep (waiting for work) "
                  f"{' / '.join(f'{100 * i:.0f}%' for i in sc['workers_idle'])} of the samples; main process "
                  f"{sc['main_ms_per_page']:.2f} CPU ms/page; --jobs 2 peak RSS per process {_mbs(s2)}")
        print(f"load average before/after: {result['load_before']:.1f} / {result['load_after']:.1f} "
              f"(on {result['cores']} cores: above that, wall-time figures are shared with other work)")
    print(json.dumps(result))
    return 0
