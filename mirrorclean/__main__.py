"""`python -m mirrorclean ...`."""

from mirrorclean.cli import main

if __name__ == "__main__":  # guarded: forkserver/spawn workers import this as __mp_main__
    raise SystemExit(main())
