"""What the `mirrorclean` command imports before it does its work (issue 13: start-up).

The cleaning rules (`cleaners.api` and every rule module, numpy for the character model, trafilatura, lxml) cost
~0.2 CPU s to import. Only `clean` (and the commands that clean: demo, crawl, eval …) need them; `--version`,
`--help` and a command's own help read none of them, and importing `cleaners` for one submodule
(`cleaners.record`, `cleaners.dedup`) does not pull in the rest. Each check runs the real command in a fresh
interpreter with ``-X importtime`` and reads the modules it imported from stderr.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "fixtures" / "pages"
HEAVY = ("numpy", "trafilatura", "lxml.etree", "cleaners.api", "cleaners.spam", "cleaners.charlm")


def _imported(args: list[str], tmp_path: Path) -> tuple[set[str], subprocess.CompletedProcess[str]]:
    """Run ``python -X importtime -m mirrorclean ARGS``; the modules it imported and the finished process."""
    env = {**os.environ, "MIRRORCLEAN_CACHE": str(tmp_path / "cache")}
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "mirrorclean", *args], capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=300)
    names = {m.group(1) for m in re.finditer(r"^import time:\s+\d+ \|\s+\d+ \|\s*(\S+)", proc.stderr, re.M)}
    return names, proc


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["clean", "--help"], ["report", "--help"]])
def test_only_the_commands_that_clean_import_the_rules(args: list[str], tmp_path: Path) -> None:
    names, proc = _imported(args, tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "mirrorclean.cli" in names  # the command itself was imported (the parse above read real output)
    assert not [m for m in HEAVY if m in names], sorted(m for m in HEAVY if m in names)
    # ... while `clean` of a real page imports them and writes its record
    page = sorted(PAGES.glob("*.html"))[0]
    out = tmp_path / "out.jsonl"
    names, proc = _imported(["clean", str(page), "-o", str(out), "-q"], tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert {"cleaners.api", "numpy", "trafilatura"} <= names
    record = json.loads(out.read_text("utf-8"))
    assert record["source"] == str(page) and len(record["text"]) > 200


def test_package_names_load_on_first_use() -> None:
    code = """
import sys, cleaners
before = "cleaners.api" in sys.modules
from cleaners import Record, Reject
after_record = "cleaners.api" in sys.modules
from cleaners import CleanOptions, clean_document
import cleaners.api
print(before, after_record, clean_document is cleaners.api.clean_document, CleanOptions is cleaners.api.CleanOptions,
      Record.__module__, cleaners.dedup.__name__)
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.split() == ["False", "False", "True", "True", "cleaners.record", "cleaners.dedup"]
    import cleaners

    with pytest.raises(AttributeError):
        cleaners.no_such_module  # noqa: B018
    with pytest.raises(ImportError):
        from cleaners import no_such_name  # noqa: F401
