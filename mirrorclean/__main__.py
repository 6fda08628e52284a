"""`python -m mirrorclean ...` and the `mirrorclean` command (pyproject's entry point is this module's `main`).

The regex cache is installed here, before the CLI imports the cleaners, whose modules compile their patterns
on import; importing `mirrorclean.cli` from other code (tests, a notebook) leaves `re` alone.

The collector is paused for the start-up (mirrorclean.startgc: the CLI resumes it).
"""

from mirrorclean.startgc import pause

pause()

from mirrorclean.regexcache import install  # noqa: E402

install()

from mirrorclean.cli import main  # noqa: E402

__all__ = ["main"]

if __name__ == "__main__":  # guarded: forkserver/spawn workers import this as __mp_main__
    raise SystemExit(main())
