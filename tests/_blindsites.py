"""Shared plumbing of the blind-site crawl tests: load a site generator by path, crawl it as `mirrorclean crawl` does."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def load_generator(folder: str, filename: str) -> ModuleType:
    """Import fixtures/<folder>/<filename> by path (fixtures/blindsite/site.py would shadow the stdlib `site`)."""
    spec = importlib.util.spec_from_file_location(folder, ROOT / "fixtures" / folder / filename)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def crawl(start_url: str, out: Path) -> tuple[list[dict[str, Any]], int]:
    """Run `mirrorclean crawl` on a loopback site without politeness delays: (records, pages fetched)."""
    proc = subprocess.run(
        [sys.executable, "-m", "mirrorclean", "crawl", start_url, "-o", str(out),
         "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0"],
        capture_output=True, text=True, timeout=240, cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines() if line.strip()]
    fetched = int(proc.stderr.split(" pages fetched")[0].rsplit(" ", 1)[-1])
    return records, fetched
