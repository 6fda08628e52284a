"""Run hostile crawls inside a private network namespace and report, as JSON, what reached what.

    unshare --net --mount python tests/_faultnet.py OUTDIR     (as root; tests/test_crawl_faults.py runs it)

Inside the namespace only loopback exists, and it is given the addresses a crawl must never reach
(169.254.169.254, 10.0.0.1, 100.100.100.200, 127.0.0.2, ::1, 127.0.0.1) plus a "public" one (1.2.3.4)
for the hostile site. Every forbidden address has a `Sink` that counts connections, so "no request was
sent" is observed on the wire, not inferred from the crawler's own log. /etc/hosts and /etc/resolv.conf
are replaced (in this mount namespace only) by: public.test -> 1.2.3.4, intranet.test -> 10.0.0.1, and a
DNS server on 127.0.0.1 that answers rebind.test with 1.2.3.4 for the first few queries and 10.0.0.1 after
(TTL 0: DNS rebinding).

Crawl 1 starts at http://public.test/ whose pages redirect to every forbidden address by literal, by
name, IPv4-mapped and in decimal. Crawl 2 starts at http://rebind.test/ with Scrapy's DNS cache off, so
every connection resolves the name again and meets the rebinding. Crawl 3 starts at a URL that redirects
to 10.0.0.1 (a start URL's redirect extends the scope, not the allowed addresses); crawl 4 is the same
with MIRRORCLEAN_ALLOWED_NETWORKS=10.0.0.0/8, and must reach 10.0.0.1.
"""

from __future__ import annotations

import json
import os
import socket
import struct
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _faultsite import FaultSite, Sink  # noqa: E402

FORBIDDEN = ["169.254.169.254", "10.0.0.1", "100.100.100.200", "127.0.0.2", "::1", "127.0.0.1"]
PUBLIC = "1.2.3.4"
REBIND_PUBLIC_ANSWERS = 4


class RebindingDNS:
    """A tiny DNS server: rebind.test has A 1.2.3.4 for the first answers, then A 10.0.0.1 (TTL 0)."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind((host, 53))
        self.answers: list[str] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            data, peer = self.sock.recvfrom(512)
            qid, = struct.unpack("!H", data[:2])
            pos, labels = 12, []
            while data[pos]:
                labels.append(data[pos + 1:pos + 1 + data[pos]].decode("ascii", "replace"))
                pos += 1 + data[pos]
            qtype, = struct.unpack("!H", data[pos + 1:pos + 3])
            question = data[12:pos + 5]
            name = ".".join(labels).lower()
            if name != "rebind.test":
                self.sock.sendto(struct.pack("!HHHHHH", qid, 0x8183, 1, 0, 0, 0) + question, peer)  # NXDOMAIN
                continue
            if qtype != 1:  # AAAA and the rest: no such record
                self.sock.sendto(struct.pack("!HHHHHH", qid, 0x8180, 1, 0, 0, 0) + question, peer)
                continue
            address = PUBLIC if len(self.answers) < REBIND_PUBLIC_ANSWERS else "10.0.0.1"
            self.answers.append(address)
            answer = b"\xc0\x0c" + struct.pack("!HHIH", 1, 1, 0, 4) + socket.inet_aton(address)
            self.sock.sendto(struct.pack("!HHHHHH", qid, 0x8180, 1, 1, 0, 0) + question + answer, peer)


def setup_network(work: Path) -> None:
    subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
    for address in ("169.254.169.254/32", "10.0.0.1/32", "100.100.100.200/32", f"{PUBLIC}/32"):
        subprocess.run(["ip", "addr", "add", address, "dev", "lo"], check=True)
    hosts = work / "hosts"
    hosts.write_text(f"127.0.0.1 localhost\n{PUBLIC} public.test\n10.0.0.1 intranet.test\n")
    resolv = work / "resolv.conf"
    resolv.write_text("nameserver 127.0.0.1\noptions attempts:1 timeout:1\n")
    subprocess.run(["mount", "--bind", str(hosts), "/etc/hosts"], check=True)
    subprocess.run(["mount", "--bind", str(resolv), "/etc/resolv.conf"], check=True)


def crawl(start: str, out: Path, *settings: str) -> dict[str, object]:
    cmd = [sys.executable, "-m", "mirrorclean", "crawl", start, "-o", str(out), "-s", "DOWNLOAD_DELAY=0",
           "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "MIRRORCLEAN_WORKERS=1", "-s", "DOWNLOAD_TIMEOUT=3",
           "-s", "DOWNLOAD_MAXSIZE=2000000", "-s", "RETRY_TIMES=1", *settings]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=240, cwd=out.parent)
    rejects = out.with_name(out.stem + ".rejects.jsonl")
    return {
        "returncode": proc.returncode,
        "stderr": proc.stderr[-4000:],
        "records": [json.loads(line) for line in out.read_text("utf-8").splitlines()] if out.exists() else [],
        "rejects": [json.loads(line) for line in rejects.read_text("utf-8").splitlines()] if rejects.exists() else [],
    }


def main(outdir: str) -> None:
    work = Path(outdir)
    work.mkdir(parents=True, exist_ok=True)
    setup_network(work)
    sinks = {}
    for address in FORBIDDEN:
        try:
            sinks[address] = Sink(address, 80)
        except OSError:  # no IPv6 in this kernel: nothing can reach ::1 either
            pass
    dns = RebindingDNS()
    redirects = {
        "metadata": "http://169.254.169.254/latest/meta-data/",
        "alibaba-metadata": "http://100.100.100.200/latest/meta-data/",
        "private": "http://10.0.0.1/admin",
        "private-by-name": "http://intranet.test/",
        "loopback": "http://127.0.0.2/",
        "loopback-v6": "http://[::1]/",
        "localhost": "http://localhost/",
        "mapped": "http://[::ffff:10.0.0.1]/",
        "decimal": "http://2130706433/",
    }
    result: dict[str, object] = {}
    with FaultSite(PUBLIC, 80, redirects):
        result["public"] = crawl("http://public.test/", work / "public.jsonl")
        result["rebind"] = crawl("http://rebind.test/", work / "rebind.jsonl", "-s", "DNSCACHE_ENABLED=0")
        # A start URL's own redirect extends the scope, but not to a private address ...
        result["seed_redirect"] = crawl("http://public.test/r/private", work / "seed.jsonl")
        result["sinks"] = {address: sink.connections for address, sink in sinks.items()}
        # ... unless the network is allowed explicitly (an intranet crawl): then it is fetched.
        result["allowed"] = crawl("http://public.test/r/private", work / "allowed.jsonl",
                                  "-s", "MIRRORCLEAN_ALLOWED_NETWORKS=10.0.0.0/8")
    result["sinks_after_allowed"] = {address: sink.connections for address, sink in sinks.items()}
    result["dns_answers"] = dns.answers
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    if os.geteuid() != 0:
        raise SystemExit("needs root (run under unshare --net --mount)")
    main(sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp())
