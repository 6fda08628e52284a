"""Feed exporters: CSV whose nested fields are JSON, so `scrapy crawl mirror -O out.csv` is machine-readable."""

from __future__ import annotations

import json
from typing import Any

from scrapy.exporters import CsvItemExporter


class JsonFieldsCsvItemExporter(CsvItemExporter):
    """CsvItemExporter that writes list and dict fields (`removed`, `flags`, `spam_terms`, `references`) as JSON.

    Scrapy's own CSV exporter joins lists of strings with commas and writes anything else with `str()`,
    i.e. Python reprs (`[{'where': 'html', ...}]`) that no CSV reader can parse back. Here each such cell
    is one JSON document (UTF-8, not escaped), and null is an empty cell; other scalars are unchanged.
    Enabled for the `csv` format by crawler.settings.FEED_EXPORTERS.
    """

    def serialize_field(self, field: Any, name: str, value: Any) -> Any:
        if "serializer" not in field and isinstance(value, (list, tuple, dict)):
            return json.dumps(value, ensure_ascii=False)
        return super().serialize_field(field, name, value)
