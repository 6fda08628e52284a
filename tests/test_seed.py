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
