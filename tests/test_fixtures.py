"""Every fixture page against its hand-written expected record, field by field, with a readable diff."""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from pathlib import Path

import pytest

from cleaners import Record, Reject, clean_document
from mirrorclean.score import f1

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
EXPECTED = sorted((FIXTURES / "expected").glob("*.json"))


def canon(s: str | None) -> str:
    """Compare text modulo punctuation width and whitespace: NFKC, then no spaces."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or ""))


def diff(expected: str, got: str) -> str:
    lines = difflib.unified_diff(expected.split("\n"), got.split("\n"), "expected", "got", lineterm="", n=1)
    return "\n".join(line[:160] for line in lines)


def clean_fixture(exp: dict) -> Record | Reject:
    page = FIXTURES / exp["page"]
    return clean_document(page.read_bytes(), exp["page"])


def test_fixture_set_is_complete() -> None:
    exps = [json.loads(p.read_text("utf-8")) for p in EXPECTED]
    templates = [e.get("template") for e in exps]
    spam_html = [e for e in exps if e.get("is_spam_page") and e["page"].endswith((".html", ".htm"))]
    assert len(spam_html) >= 12
    assert len({e["template"] for e in spam_html}) >= 4
    assert sum(1 for e in exps if e.get("encoding") == "gbk") >= 2
    assert sum(1 for e in exps if e.get("is_spam_page") and e["page"].endswith(".txt")) >= 2
    assert templates.count("ordinary") >= 4 and templates.count("english") >= 2


@pytest.mark.parametrize("path", EXPECTED, ids=[p.stem for p in EXPECTED])
def test_fixture(path: Path) -> None:
    exp = json.loads(path.read_text("utf-8"))
    got = clean_fixture(exp)
    if exp.get("reject"):
        assert isinstance(got, Reject), f"expected a reject, got a record titled {getattr(got, 'title', None)!r}"
        return
    assert isinstance(got, Record), f"rejected: {got}"
    problems: list[str] = []
    if canon(got.title) != canon(exp["title"]):
        problems.append(f"title: expected {exp['title']!r}, got {got.title!r}")
    if got.published != exp.get("published"):
        problems.append(f"published: expected {exp.get('published')!r}, got {got.published!r}")
    if exp.get("url") and got.url != exp["url"]:
        problems.append(f"url: expected {exp['url']!r}, got {got.url!r}")
    if got.is_spam_page != exp["is_spam_page"]:
        problems.append(f"is_spam_page: expected {exp['is_spam_page']}, got {got.is_spam_page} {got.spam_terms}")
    for brand in exp.get("spam_terms_include", []):
        if not any(brand.lower() in t.lower() for t in got.spam_terms):
            problems.append(f"spam_terms: {brand!r} not among {got.spam_terms}")
    for word in exp.get("forbidden", []):
        for field, value in (("title", got.title or ""), ("text", got.text)):
            if word in value:
                i = value.index(word)
                problems.append(f"{field} keeps {word!r}: …{value[max(0, i - 30):i + 30]}…")
    if [canon(r) for r in got.references] != [canon(r) for r in exp.get("references", [])]:
        problems.append(f"references: expected {len(exp.get('references', []))}, got {len(got.references)}:\n"
                        + diff("\n".join(exp.get("references", [])), "\n".join(got.references)))
    score = f1(got.text, exp["text"])
    if score < 0.99:
        problems.append(f"text: shingle F1 {score:.3f} < 0.99\n" + diff(exp["text"], got.text))
    assert not problems, f"{exp['page']}:\n" + "\n".join(problems)
