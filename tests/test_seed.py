"""The seed page: the issue's acceptance criteria, checked on the real saved dump."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaners import Record, clean_document

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_77c6651b61511a25.txt"


@pytest.fixture(scope="module")
def record() -> Record:
    rec = clean_document(SEED.read_bytes(), str(SEED))
    assert isinstance(rec, Record), rec
    return rec


def test_title_and_date(record: Record) -> None:
    assert record.title == "党建引领基层韧性治理的行动逻辑与实践样本"
    assert record.published == "2025-11-13T09:31:09"


def test_text_is_the_article_only(record: Record) -> None:
    assert record.text.startswith("基层治理是国家治理的基石")
    for word in ("开云", "产品中心", "上一篇", "下一篇", "周转箱", "产品详情", "当前位置"):
        assert word not in record.text, word
    assert not any(line.lstrip().startswith("[") and "[J]" in line for line in record.text.split("\n"))
    assert record.text.split("\n")[-1].startswith("〔本文系2024年国家社会科学基金")


def test_references(record: Record) -> None:
    assert len(record.references) == 18
    assert record.references[0].startswith("[1]朱正威")
    assert record.references[-1].startswith("[22]徐柳怡")
    numbers = [int(r[1:r.index("]")]) for r in record.references]
    assert not {7, 11, 15, 16} & set(numbers)


def test_spam(record: Record) -> None:
    assert record.is_spam_page
    assert any(t.startswith("开云体育") for t in record.spam_terms)
    reasons = {r.reason for r in record.removed}
    assert {"spam_line", "breadcrumb", "prevnext"} <= reasons
    assert any(r.text == "开云体育88:" for r in record.removed)


def test_flags(record: Record) -> None:
    gaps = [record.text[f["start"]:f["end"]] for f in record.flags if f["type"] == "censored_gap"]
    assert len(gaps) == 6 and "习在重庆考察时强调" in gaps and "《中国章程》" in gaps
    missing = [f for f in record.flags if f["type"] == "missing_reference"]
    assert [f["refs"] for f in missing] == [[7, 11, 15, 16]]
    assert record.spin_score >= 0.5  # cleaners.spin.SPIN_THRESHOLD: spun_phrase flags act from here
    assert any(f["type"] == "spun_phrase" and record.text[f["start"]:f["end"]] == "明白准确地提出"
               for f in record.flags)


def test_unspin_keeps_the_page_wording() -> None:
    from cleaners import CleanOptions

    rec = clean_document(SEED.read_bytes(), str(SEED), options=CleanOptions(unspin=True))
    assert isinstance(rec, Record) and rec.text_as_found
    assert "明白准确地提出" in rec.text_as_found and "明白准确地提出" not in rec.text
    assert "明确提出" in rec.text
