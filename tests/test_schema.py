"""Records validate against the published JSON Schema, and keep the contract's field names."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from cleaners import Record, clean_document

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "cleaners" / "record.schema.json").read_text("utf-8"))
REJECTS = {json.loads(p.read_text("utf-8"))["page"] for p in (ROOT / "fixtures" / "expected").glob("*.json")
           if json.loads(p.read_text("utf-8")).get("reject")}
PAGES = sorted(p for p in (ROOT / "fixtures" / "pages").glob("*")
               if p.is_file() and f"pages/{p.name}" not in REJECTS) + [ROOT / "seeds" / "000_77c6651b61511a25.txt"]
CONTRACT = ["source", "url", "title", "published", "text", "references", "is_spam_page", "spam_terms",
            "removed", "flags", "spin_score"]


def test_schema_lists_the_contract() -> None:
    assert set(CONTRACT) <= set(SCHEMA["required"])


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_record_validates(page: Path) -> None:
    rec = clean_document(page.read_bytes(), page.name)
    assert isinstance(rec, Record), rec
    data = json.loads(json.dumps(rec.to_dict(), ensure_ascii=False))
    jsonschema.validate(data, SCHEMA)
    for flag in data["flags"]:
        assert 0 <= flag["start"] <= flag["end"] <= len(data["text"])
