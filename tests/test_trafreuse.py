"""trafreuse: trafilatura's default precision run after a fast one takes the fast run's extraction, with the same text.

On real wild-2017 dev pages (labels.jsonl, not the holdout) whose fast precision run cannot stand, the default run
that follows gives the same string with the fast run's work replayed as with trafilatura doing it all again.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest

from cleaners import html, trafreuse
from cleaners.decode import decode_bytes

ROOT = Path(__file__).resolve().parent.parent
WILD = ROOT.parent / "shared" / "eval" / "wild-2017" / "pages"
if not WILD.is_dir():
    WILD = Path("/work/shared/eval/wild-2017/pages")


def _dev_pages(n: int) -> list[Path]:
    names = sorted(json.loads(line)["file"] for line in (ROOT / "fixtures/wild/labels.jsonl").open())
    return [WILD / name for name in names[:n] if (WILD / name).is_file()]


def _tree(path: Path):
    text, _ = decode_bytes(path.read_bytes())
    return html.parse_html(text)


@contextlib.contextmanager
def _no_capture(kept=None):
    yield trafreuse.Kept()


def _both(tree, monkeypatch) -> tuple[str, str, bool]:
    """_trafilatura's precision result with the replay and without it, and whether the replay was used."""
    used = []
    replay = trafreuse.replay

    def counting(kept):
        used.append(kept.usable)
        return replay(kept)

    monkeypatch.setattr(trafreuse, "replay", counting)
    new = html._trafilatura(tree, None, True)
    with monkeypatch.context() as m:
        m.setattr(trafreuse, "capture", _no_capture)
        old = html._trafilatura(tree, None, True)
    return new, old, any(used)


pytestmark = pytest.mark.skipif(not WILD.is_dir() or trafreuse.plan() is None,
                                reason="wild-2017 pages or trafilatura 2.3.1 missing")


def test_replayed_default_run_gives_the_same_text(monkeypatch):
    replayed = 0
    for path in _dev_pages(70):
        new, old, used = _both(_tree(path), monkeypatch)
        assert new == old, path.name
        replayed += used
    assert replayed >= 3  # pages whose fast run did not stand and whose default run took its work


def test_teaser_class_keeps_the_whole_default_run(monkeypatch):
    """A teaser-class element makes the fast and default extraction differ where the recovery runs: no replay."""
    for path in _dev_pages(70):
        tree = _tree(path)
        if not _both(tree, monkeypatch)[2]:
            continue
        div = next(tree.iter("div"), None)
        if div is None:
            continue
        div.set("class", ((div.get("class") or "") + " teaser").strip())
        new, old, used = _both(tree, monkeypatch)
        assert not used and new == old
        return
    pytest.fail("no page replayed")


def test_balanced_default_run_after_a_fast_one_gives_the_same_text():
    """extract_paragraphs' balanced pair: a fast run, then the default run checking a short result."""
    replayed = 0
    for path in _dev_pages(70):
        tree = _tree(path)
        kept = trafreuse.Kept()
        html._trafilatura(tree, None, False, fast=True, kept=kept)
        replayed += kept.usable
        new = html._trafilatura(tree, None, False, kept=kept)
        old = html._trafilatura(tree, None, False, kept=trafreuse.Kept())
        assert new == old, path.name
        assert not kept.entries and not kept.taken  # taken once, then let go
    assert replayed >= 10


def test_hooks_stand_aside_without_a_capture():
    """Outside a capture nothing is kept (another caller of trafilatura, or this one's other runs), and a fast run
    keeps only its own modes' extractions."""
    tree = _tree(_dev_pages(1)[0])
    kept = trafreuse.Kept()
    with trafreuse.replay(kept):
        html._trafilatura(tree, None, True)
    assert not kept.entries and not kept.usable
    captured = trafreuse.Kept()
    html._trafilatura(tree, None, False, fast=True, kept=captured)
    assert set(captured.entries) <= {"balanced", "recall"} and "balanced" in captured.entries
