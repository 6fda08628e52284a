"""Load the library's lazy tables at import time.

Imported by the worker pool's forkserver (mirrorclean.runner), so every worker forked from it shares the
tables (the spin model's word table takes ~0.5 s to build) instead of building its own.
"""

from cleaners.spam import known_brands
from cleaners.spin import _dictionary

_dictionary()
known_brands()
