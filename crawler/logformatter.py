"""Log formatting for the crawler: dropped items are named by URL and reason, never dumped whole."""

from __future__ import annotations

import logging
from typing import Any

from scrapy import logformatter
from scrapy.http import Response
from twisted.python.failure import Failure


class QuietDrops(logformatter.LogFormatter):
    """Drops are routine here (listings, duplicates): one INFO line with the reason, no item body."""

    def dropped(self, item: Any, exception: BaseException, response: Response | Failure | None,
                spider: Any) -> logformatter.LogFormatterResult:
        return {"level": logging.INFO, "msg": "Dropped: %(exception)s", "args": {"exception": exception}}
