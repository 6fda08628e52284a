"""Real pages the extraction-speed tests compare replacement and original on: the first wild-2017 dev pages (in
fixtures/wild/labels.jsonl order; never the holdout) and the fixture pages."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WILD = ROOT.parent / "shared" / "eval" / "wild-2017" / "pages"
FIXTURE_PAGES = sorted(ROOT.glob("fixtures/pages/*.html"))


def wild_dev_pages(n: int) -> list[Path]:
    """The first `n` labelled dev pages that are present."""
    names = [json.loads(line)["file"] for line in (ROOT / "fixtures/wild/labels.jsonl").read_text().splitlines()]
    return [WILD / name for name in names[:n] if (WILD / name).exists()]
