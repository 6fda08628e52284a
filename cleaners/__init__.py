"""mirrorclean's cleaning library: pure functions and small classes, no Scrapy, no network, no globals.

The names below are loaded on first use (PEP 562): ``from cleaners import clean_document`` imports the rules
then, while a program that only needs a submodule (``cleaners.record``, ``cleaners.dedup``: the `mirrorclean`
command's other subcommands, ``--help``) does not compile every rule module and import numpy and trafilatura.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cleaners.api import CleanOptions, clean_document
    from cleaners.record import SCHEMA_VERSION, Record, Reject, Removal

__all__ = ["CleanOptions", "Record", "Reject", "Removal", "SCHEMA_VERSION", "clean_document"]

_HOMES = {"CleanOptions": "cleaners.api", "clean_document": "cleaners.api", "Record": "cleaners.record",
          "Reject": "cleaners.record", "Removal": "cleaners.record", "SCHEMA_VERSION": "cleaners.record"}


def __getattr__(name: str) -> Any:
    """One of ``__all__`` from its module, or a submodule not imported yet (``cleaners.api`` after ``import
    cleaners``, as when this file imported it)."""
    home = _HOMES.get(name)
    if home is not None:
        value = getattr(importlib.import_module(home), name)
        globals()[name] = value  # later look-ups are plain attribute reads
        return value
    if name.startswith("_"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    try:
        return importlib.import_module(f"{__name__}.{name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"{__name__}.{name}":
            raise
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
