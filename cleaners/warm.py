"""Load the library's lazy tables at import time.

Imported by the worker pool's forkserver (mirrorclean.runner), so every worker forked from it shares the
tables (the spin model's word table, the character model) and imports instead of loading its own.

The cyclic collector is off while they are built (it would walk the new long-lived objects over and over), and
everything alive afterwards is frozen (:func:`gc.freeze`): the workers' collections never scan those objects,
so they neither spend time on them nor write to (and so copy) the memory pages they share with the forkserver.
The collector is left as it was found (the command's entry point has paused it in the forkserver:
mirrorclean.startgc; workers enable it when they start).
"""

import gc

_COLLECTING = gc.isenabled()
gc.disable()
try:
    import cleaners.html  # noqa: F401 (lxml and trafilatura: ~0.3 s of imports per worker otherwise)
    import cleaners.pagetype  # noqa: F401
    from cleaners.charlm import CharLM
    from cleaners.spam import known_brands
    from cleaners.spin import word_table

    word_table()
    known_brands()
    CharLM.load()  # memory-mapped from the disk cache (cleaners.cache): the workers share its pages
    gc.freeze()
finally:
    if _COLLECTING:
        gc.enable()
