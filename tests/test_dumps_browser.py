"""The text-dump front end on real text dumps: DAnIEL news pages rendered by headless Chromium (offline) and
saved as the text a reader sees, then cleaned as `.txt` and compared with the gold headline and text.

Templates here were never written by the team: portal menus, teaser blocks above the article, bylines,
share bars, related-news boxes inside the article, sidebars and footers, Simplified and Traditional.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mirrorclean.dumps import browser_paths, score_daniel

DANIEL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "daniel-zh-dev"


@pytest.fixture(scope="module")
def scored() -> dict:
    if browser_paths() is None:
        if os.environ.get("CI"):
            pytest.fail("chromium and chromedriver must be installed in CI (.ci/run installs them)")
        pytest.skip("chromium/chromedriver not installed")
    pytest.importorskip("selenium")
    if not DANIEL.is_dir():
        pytest.skip("DAnIEL not beside the repo")
    return score_daniel(DANIEL, limit=30)


def test_titles_text_and_verdicts_of_real_dumps(scored: dict) -> None:
    assert scored["pages"] >= 28
    assert scored["title_exact"] >= 0.75 * scored["pages"], [d for d in scored["details"] if not d["title_ok"]]
    assert scored["f1"] >= 0.85
    assert scored["spam_pages"] == 0


def test_no_title_is_a_menu_item_or_a_company_line(scored: dict) -> None:
    """A wrong title is at worst missing: never the site's name, a channel or a menu entry."""
    for d in scored["details"]:
        if d["title"] and not d["title_ok"]:
            assert len(d["title"]) >= 6, d
