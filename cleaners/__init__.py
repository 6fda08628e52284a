"""mirrorclean's cleaning library: pure functions and small classes, no Scrapy, no network, no globals."""

from cleaners.api import CleanOptions, clean_document
from cleaners.record import SCHEMA_VERSION, Record, Reject, Removal

__all__ = ["CleanOptions", "Record", "Reject", "Removal", "SCHEMA_VERSION", "clean_document"]
