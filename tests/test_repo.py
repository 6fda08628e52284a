"""The repository keeps its promises: layout, README commands, CI running the README's test command, ruff."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text("utf-8")
    return re.findall(r"```sh\n(python3 -m venv[^\n]+)\n```", text)


def test_layout() -> None:
    for name in ("seeds", "crawler", "cleaners", "fixtures", "tests", "scrapy.cfg", "pyproject.toml"):
        assert (ROOT / name).exists(), name
    assert (ROOT / "seeds" / "000_77c6651b61511a25.txt").is_file()


def test_readme_has_two_commands_and_ci_runs_the_test_one() -> None:
    cmds = readme_commands()
    assert len(cmds) == 2, cmds
    demo, test = cmds
    assert "mirrorclean demo" in demo and "pytest" in test
    for cmd in cmds:
        assert cmd.startswith("python3 -m venv .venv && .venv/bin/python -m pip install -q --upgrade pip")
    assert test in (ROOT / ".ci" / "run").read_text("utf-8")


def test_cleaners_is_pure() -> None:
    """No Scrapy, no network client in the cleaning library."""
    for path in (ROOT / "cleaners").glob("*.py"):
        src = path.read_text("utf-8")
        assert not re.search(r"^\s*(?:import|from)\s+(?:scrapy|twisted|requests|urllib\.request|socket)\b", src, re.M), path


def test_ruff_clean() -> None:
    ruff = str(Path(sys.executable).parent / "ruff")
    if not Path(ruff).exists():
        ruff = shutil.which("ruff") or ruff
    proc = subprocess.run([ruff, "check", "cleaners", "crawler", "mirrorclean", "tests"], cwd=ROOT,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
