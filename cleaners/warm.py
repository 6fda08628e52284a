"""Load the library's lazy tables at import time.

Imported by the worker pool's forkserver (mirrorclean.runner), so every worker forked from it shares the
tables (the spin model's word table, the character model) and imports instead of loading its own.
"""

import cleaners.html  # noqa: F401 (lxml and trafilatura: ~0.3 s of imports per worker otherwise)
import cleaners.pagetype  # noqa: F401
from cleaners.charlm import CharLM
from cleaners.spam import known_brands
from cleaners.spin import word_table

word_table()
known_brands()
CharLM.load()  # memory-mapped from the disk cache (cleaners.cache): the workers share its pages
