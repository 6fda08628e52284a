"""What the transplant tests (test_transplant, test_foreign_farms) share: bench/transplant_probe.py as `tp`, the
DAnIEL host pages they put donors into, and the text normalisation their comparisons use."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import transplant_probe as tp  # noqa: E402

HOSTS = ["20111209_china.huanqiu.com_1a3c15007326d6345369af9fdc8eeba42081db2adf4fd22b1cc48ad5",
         "20111215_news.21cn.com_e4a6beeca1324dd8e853a96e74e8f6",
         "20111209_finance.ce.cn_3d5502a97074009069edc19ec55e81c69c63cd2f8d07142b7229888f"]

__all__ = ["HOSTS", "norm", "tp"]


def norm(s: str) -> str:
    """NFKC and case folded: how a donor string is looked for in a record."""
    return unicodedata.normalize("NFKC", s).casefold()
