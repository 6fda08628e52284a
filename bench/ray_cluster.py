"""mirrorclean on a two-node Ray cluster on this machine, through datatrove's RayPipelineExecutor.

    .venv/bin/python bench/ray_cluster.py [--pages DIR] [--urls TSV] [--files 8] [--tasks 4]
    .venv/bin/python bench/ray_cluster.py --cpu      # CPU time per page, one process, no Ray

Packs the pages (default: ../shared/eval/wild-2017/pages with the URLs of its pages.tsv, else
fixtures/pages) into WARC files, starts a Ray head (`ray start --head --num-cpus 1`) and a second node
(`ray start --address ... --num-cpus 1`), each with its own ports, all on 127.0.0.2 (loopback), and runs
WarcPageReader -> MirrorcleanStep -> RecordWriter on it. Peers in the same run, on the same WARC files:
datatrove's LocalPipelineExecutor with 2 workers, and the same pages through `mirrorclean clean --jobs 2`.
Prints records, rejects, the node each task ran on, wall times and their ratios, and whether the Ray
records equal the local executor's (they must) and the CLI's (all fields but where the page came from).
Both Ray nodes are stopped at the end (their `ray start --block` processes, by pid). Output goes to
docs/corpus.md; nothing here is asserted (tests/test_datatrove.py checks behaviour).
"""

from __future__ import annotations

import argparse
import csv
import functools
import io
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
WILD = ROOT.parent / "shared" / "eval" / "wild-2017"
WHERE = {"source", "url", "site", "cluster", "cluster_similarity"}
#: The nodes' address: loopback, but not 127.0.0.1, which Ray swaps for the machine's routed address.
HOST = "127.0.0.2"
LOOPBACK = {"RAY_USAGE_STATS_ENABLED": "0"}
NODES = ("node_head", "node_second")
TIMEOUT = [60.0]  # set from --timeout


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def pages_and_urls(pages: Path, urls: Path | None) -> list[tuple[Path, str]]:
    known: dict[str, str] = {}
    if urls is not None and urls.exists():
        with urls.open(encoding="utf-8") as fh:
            known = {row["file"]: row["url"] for row in csv.DictReader(fh, delimiter="\t")}
    files = sorted(p for p in pages.iterdir() if p.suffix in (".html", ".htm", ".txt"))
    return [(p, known.get(p.name) or f"http://pages.example/{p.name}") for p in files]


def write_warcs(pages: list[tuple[Path, str]], folder: Path, files: int) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    folder.mkdir(parents=True)
    for i in range(files):
        with open(folder / f"part-{i:03d}.warc.gz", "wb") as fh:
            writer = WARCWriter(fh, gzip=True)
            for path, url in pages[i::files]:
                url = url if "://" in url else "http://" + url  # pages.tsv has a few without their scheme
                ctype = "text/plain" if path.suffix == ".txt" else "text/html"
                headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(path.read_bytes()),
                                                              http_headers=headers))


def start_node(ray: str, tmp: Path, name: str, head_port: int, head: bool,
               started: list[subprocess.Popen[bytes]]) -> None:
    """`ray start [--head] --block` in its own session, added to `started` at once (to be stopped by its pid)."""
    lo, hi = free_port(), 0
    hi = lo + 40 if lo < 60000 else lo
    lo = hi - 40
    args = [ray, "start", "--block", "--num-cpus", "1", "--node-ip-address", HOST,
            "--object-store-memory", str(200 * 1024 * 1024), "--memory", str(4 * 1024**3),
            "--node-manager-port", str(free_port()), "--object-manager-port", str(free_port()),
            "--min-worker-port", str(lo), "--max-worker-port", str(hi), "--disable-usage-stats",
            "--metrics-export-port", str(free_port()), "--runtime-env-agent-port", str(free_port()),
            "--dashboard-agent-listen-port", str(free_port()), "--dashboard-agent-grpc-port", str(free_port()),
            "--resources", json.dumps({name: 1})]
    if head:
        args += ["--head", "--port", str(head_port), "--include-dashboard", "false", "--temp-dir", str(tmp / "ray")]
    else:
        args += ["--address", f"{HOST}:{head_port}"]
    log = open(tmp / f"{name}.log", "wb")  # noqa: SIM115 - lives as long as the node
    proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, start_new_session=True, env=os.environ | LOOPBACK)
    started.append(proc)
    for _ in range(240):  # "ray start --block" says so once the node is up
        if proc.poll() is not None or b"--block" in (tmp / f"{name}.log").read_bytes():
            break
        time.sleep(0.5)
    if proc.poll() is not None:
        raise RuntimeError(f"ray start ({name}) failed: {(tmp / f'{name}.log').read_text()[-2000:]}")


def stop_node(proc: subprocess.Popen[bytes]) -> None:
    """Stop one node: SIGTERM to its `ray start --block` (it stops the node's processes), then its group."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # the node's own session: whatever it left behind
    except ProcessLookupError:
        pass
    proc.wait()


def note_node(data: Any, rank: int, world_size: int, nodes: dict[int, str]) -> Any:
    """A pipeline step that records which node ran this task: the `ray start` process above it.

    datatrove runs a Ray task in a process forked from the Ray worker, where Ray's API must not be called,
    so the node is found from /proc: the first ancestor that is one of the `ray start --block` processes.
    """
    pid, name = os.getpid(), "unknown"
    while pid > 1:
        if pid in nodes:
            name = nodes[pid]
            break
        with open(f"/proc/{pid}/stat", encoding="utf-8") as fh:
            pid = int(fh.read().rsplit(")", 1)[1].split()[1])
    for doc in data or ():
        doc.metadata["ray_node"] = name
        yield doc


def node_writer(folder: str) -> Any:
    from datatrove.pipeline.writers import JsonlWriter

    return JsonlWriter(folder, compression=None, adapter=lambda self, d: {"source": d.metadata["source"],
                                                                            "node": d.metadata["ray_node"]})




def pipeline(warcs: Path, out: Path, extra: list[Any] | None = None) -> list[Any]:
    from mirrorclean.datatrove_step import MirrorcleanStep, RecordWriter, WarcPageReader

    return [WarcPageReader(str(warcs)),
            MirrorcleanStep(timeout=TIMEOUT[0], rejects=RecordWriter(str(out / "rejects"), compression=None)),
            RecordWriter(str(out / "records"), compression=None), *(extra or [])]


def cpu_only(args: argparse.Namespace) -> int:
    """Pack the pages, then time the reader and the step in this process (CPU time: other load does not count)."""
    from mirrorclean.datatrove_step import MirrorcleanStep, WarcPageReader

    with tempfile.TemporaryDirectory(prefix="mc-cpu-") as tmp:
        pages = pages_and_urls(args.pages, args.urls)
        write_warcs(pages, Path(tmp) / "warcs", args.files)
        docs = list(WarcPageReader(str(Path(tmp) / "warcs")).run(None, 0, 1))
    size = sum(len(doc.media[0].media_bytes or b"") for doc in docs)
    cpu, wall = time.process_time(), time.monotonic()
    records = sum(1 for _ in MirrorcleanStep(timeout=args.timeout).run(iter(docs), 0, 1))
    cpu, wall = time.process_time() - cpu, time.monotonic() - wall
    print(f"{len(docs)} pages ({size / 1e6:.1f} MB of HTML), {records} records: {cpu:.1f} CPU s "
          f"({cpu / len(docs) * 1000:.0f} ms/page, {len(docs) / cpu:.1f} pages per CPU-second), wall {wall:.1f} s")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=Path, default=WILD / "pages" if WILD.exists() else ROOT / "fixtures" / "pages")
    parser.add_argument("--urls", type=Path, default=WILD / "pages.tsv")
    parser.add_argument("--files", type=int, default=8, help="WARC files to pack the pages into")
    parser.add_argument("--tasks", type=int, default=4)
    parser.add_argument("--timeout", type=float, default=60.0,
                        help="per-page time limit, wall clock, as `mirrorclean clean --timeout` (default 60)")
    parser.add_argument("--cpu", action="store_true",
                        help="only measure the CPU time of WarcPageReader -> MirrorcleanStep in this process (no Ray)")
    args = parser.parse_args()
    if args.cpu:
        return cpu_only(args)

    TIMEOUT[0] = args.timeout
    os.environ.update(LOOPBACK)  # before ray is imported: it reads them at import time
    import ray
    from datatrove.executor import LocalPipelineExecutor, RayPipelineExecutor

    tmp = Path(tempfile.mkdtemp(prefix="mc-ray-"))
    pages = pages_and_urls(args.pages, args.urls)
    write_warcs(pages, tmp / "warcs", args.files)
    print(f"input: {len(pages)} pages of {args.pages} in {args.files} WARC files, {args.tasks} tasks")

    ray_bin = str(Path(sys.executable).with_name("ray"))
    head_port = free_port()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # a `timeout` still stops the nodes below
    nodes: list[subprocess.Popen[bytes]] = []
    results: dict[str, Any] = {}
    try:
        start_node(ray_bin, tmp, NODES[0], head_port, True, nodes)
        ray.init(address=f"{HOST}:{head_port}", _node_ip_address=HOST, logging_level="ERROR",
                 log_to_driver=False)
        start_node(ray_bin, tmp, NODES[1], head_port, False, nodes)
        for _ in range(120):
            alive = [n for n in ray.nodes() if n["Alive"]]
            if len(alive) == 2:
                break
            time.sleep(1)
        print(f"ray {ray.__version__}: {len(alive)} nodes alive, "
              f"{int(ray.cluster_resources().get('CPU', 0))} CPUs: "
              + ", ".join(sorted(k for n in alive for k in n["Resources"] if k.startswith("node_"))))
        start = time.monotonic()
        noted = functools.partial(note_node, nodes={proc.pid: name for proc, name in zip(nodes, NODES, strict=True)})
        RayPipelineExecutor(pipeline(tmp / "warcs", tmp / "ray", [noted, node_writer(str(tmp / "ray" / "nodes"))]),
                            tasks=args.tasks, workers=2, cpus_per_task=1, mem_per_cpu_gb=1, time=600,
                            logging_dir=str(tmp / "ray-logs")).run()
        results["ray"] = time.monotonic() - start
    finally:
        ray.shutdown()
        for proc in reversed(nodes):
            stop_node(proc)
    left = subprocess.run(["pgrep", "-f", str(tmp)], capture_output=True, text=True).stdout.split()
    print(f"ray nodes stopped ({len(left)} processes of this run left)")

    start = time.monotonic()
    LocalPipelineExecutor(pipeline(tmp / "warcs", tmp / "local"), tasks=args.tasks, workers=2,
                          logging_dir=str(tmp / "local-logs")).run()
    results["local"] = time.monotonic() - start
    start = time.monotonic()
    subprocess.run([str(Path(sys.executable).with_name("mirrorclean")), "clean", str(args.pages), "-o",
                    str(tmp / "cli.jsonl"), "--jobs", "2", "--quiet", "--timeout", str(args.timeout)], check=True)
    results["cli"] = time.monotonic() - start

    from mirrorclean.datatrove_step import read_written

    ray_records, ray_rejects = read_written(tmp / "ray" / "records"), read_written(tmp / "ray" / "rejects")
    local_records, local_rejects = read_written(tmp / "local" / "records"), read_written(tmp / "local" / "rejects")
    by_node: dict[str, int] = {}
    for row in read_written(tmp / "ray" / "nodes"):
        by_node[row["node"]] = by_node.get(row["node"], 0) + 1
    reasons: dict[str, int] = {}
    for rej in ray_rejects:
        reasons[rej["reason"]] = reasons.get(rej["reason"], 0) + 1
    print(f"ray: {len(pages)} pages in, {len(ray_records) + len(ray_rejects)} out: "
          f"{len(ray_records)} records, {len(ray_rejects)} rejects {dict(sorted(reasons.items()))}, "
          f"records by node {dict(sorted(by_node.items()))}")
    key = lambda r: r["source"]  # noqa: E731
    same = sorted(ray_records, key=key) == sorted(local_records, key=key) and \
        sorted(ray_rejects, key=key) == sorted(local_rejects, key=key)
    print(f"ray records and rejects == LocalPipelineExecutor's: {same}")
    if not same:  # say where they part
        mine = {r["source"]: r for r in ray_records + ray_rejects}
        for r in local_records + local_rejects:
            other = mine.get(r["source"], {})
            if other != r:
                print(f"  {r['source']}: differs in {sorted(k for k in set(r) | set(other) if r.get(k) != other.get(k))}"
                      f" (local: {r.get('reason') or 'record'}, ray: {other.get('reason') or 'record'})")
    # the CLI read the same pages from files: compare all fields but where they came from
    cli = {Path(r["source"]).name: r for r in [json.loads(x) for x in (tmp / "cli.jsonl").read_text().splitlines()]}
    from mirrorclean.inputs import read_warc  # the names the reader gave (FILE#offset), in file order

    names = {doc.source: p.name for i, w in enumerate(sorted((tmp / "warcs").iterdir()))
             for doc, (p, _) in zip(read_warc(str(w), str(w)), pages[i::args.files], strict=False)}
    equal = sum(1 for r in ray_records if (c := cli.get(names[r["source"]])) is not None
                and all(r[k] == c[k] for k in set(r) - WHERE))
    differ: dict[str, int] = {}
    for r in ray_records:
        c = cli.get(names[r["source"]])
        for k in sorted(set(r) - WHERE) if c is not None else ["(a reject in the CLI)"]:
            if c is None or r[k] != c[k]:
                differ[k] = differ.get(k, 0) + 1
    print(f"ray records equal to mirrorclean clean's but for source/url/site/cluster: {equal}/{len(ray_records)} "
          f"(the CLI made {len(cli)} records; fields that differ: {dict(sorted(differ.items()))})")
    print(f"wall time: ray 2 nodes x 1 CPU {results['ray']:.1f} s, LocalPipelineExecutor 2 workers "
          f"{results['local']:.1f} s, mirrorclean clean --jobs 2 {results['cli']:.1f} s; "
          f"ray/local {results['ray'] / results['local']:.2f}, ray/cli {results['ray'] / results['cli']:.2f}")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
