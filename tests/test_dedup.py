"""Near-duplicate clusters on real pages: mirror copies of one article cluster, different articles do not."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from cleaners import Record, clean_document
from cleaners.dedup import NearDuplicates
from mirrorclean.testsite import DEFAULT_ROOT, SiteApp, article_paths, load_manifest

ROOT = Path(__file__).resolve().parent.parent


def _texts(paths: list[str], app: SiteApp) -> list[str]:
    out = []
    for path in paths:
        rec = clean_document(app.handle(path).body, source=path, http_charset="utf-8")
        assert isinstance(rec, Record)
        out.append(rec.text)
    return out


def test_mirror_copies_cluster_with_their_original_and_distinct_articles_do_not() -> None:
    app = SiteApp("hualong", DEFAULT_ROOT, replicate=3)
    originals = article_paths(load_manifest(), "hualong")
    copies = [f"/r{k}{p}" for k in (2, 3) for p in originals[:5]]
    nd = NearDuplicates()
    clusters = [nd.add(p, t)[0] for p, t in zip(originals + copies, _texts(originals + copies, app), strict=True)]
    assert clusters[: len(originals)] == originals  # 18 different articles: 18 clusters
    assert clusters[len(originals):] == originals[:5] * 2  # each copy joins its own original


def test_short_texts_start_their_own_cluster() -> None:
    nd = NearDuplicates()
    assert nd.add("a", "通知：明天停水。") == ("a", 1.0)
    assert nd.add("b", "通知：明天停水。") == ("b", 1.0)


def test_clean_run_marks_clusters_in_records(tmp_path: Path) -> None:
    app = SiteApp("hualong", DEFAULT_ROOT, replicate=2)
    paths = article_paths(load_manifest(), "hualong")[:3]
    pages = tmp_path / "pages"
    pages.mkdir()
    for i, path in enumerate(paths + [f"/r2{paths[1]}"]):
        (pages / f"{i}.html").write_bytes(app.handle(path).body)
    out = tmp_path / "out.jsonl"
    proc = subprocess.run([sys.executable, "-m", "mirrorclean", "clean", str(pages), "-o", str(out), "-q"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    recs = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    ids = [r["url"] or r["source"] for r in recs]
    assert [r["cluster"] for r in recs] == [ids[0], ids[1], ids[2], ids[1]]
    assert [r["cluster_similarity"] for r in recs][:3] == [1.0, 1.0, 1.0] and 0.7 <= recs[3]["cluster_similarity"] < 1
    assert "1 near-duplicates" in proc.stderr
