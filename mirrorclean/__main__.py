"""`python -m mirrorclean ...` and the `mirrorclean` command (pyproject's entry point is this module's `main`).

The regex cache is installed here, before the CLI imports the cleaners, whose modules compile their patterns
on import; importing `mirrorclean.cli` from other code (tests, a notebook) leaves `re` alone.
"""

from mirrorclean.regexcache import install

install()

from mirrorclean.cli import main  # noqa: E402

__all__ = ["main"]

if __name__ == "__main__":  # guarded: forkserver/spawn workers import this as __mp_main__
    raise SystemExit(main())
