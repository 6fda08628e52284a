"""Real labelled pages rendered by another tool than a browser and cleaned as text dumps: what
tests/test_dump_renderers.py and test_dump_renderers2.py share."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaners import Record, clean_document
from mirrorclean.dumps import render

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
PAGES = SHARED / "wild-2017" / "pages"
DANIEL = SHARED / "daniel-zh-dev"
LABELS = {row["file"]: row for row in map(json.loads, (Path(__file__).resolve().parent.parent / "fixtures" / "wild"
                                                        / "dumps.jsonl").read_text("utf-8").splitlines())}


def cleaned(renderer: str, name: str, folder: Path = PAGES) -> Record:
    """The page `name` rendered by `renderer` and cleaned as a text dump."""
    if not (folder / name).is_file():
        pytest.skip("wild-2017 / DAnIEL not beside the repo")
    text = render(None, folder / name, renderer)
    assert text, f"{renderer} gave nothing for {name}"
    rec = clean_document(text.encode("utf-8"), name + ".txt", kind="text")
    assert isinstance(rec, Record), rec
    return rec
