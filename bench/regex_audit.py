"""Audit every regular expression of cleaners/, crawler/ and mirrorclean/ for super-linear worst cases.

    .venv/bin/python bench/regex_audit.py [--only MODULE_PREFIX] [--size 3000]

Collects the module-level compiled patterns and the literal patterns passed to re.* calls, builds adversarial
inputs from each pattern's own pieces (its literal runs, a member of each character class, blanks, a
character outside its classes, pairs of them, a literal followed by a long blank run), and times
`finditer` over each input at two sizes, N and 4N characters. A linear scan grows about 4x; a quadratic
one about 16x. Patterns whose growth exceeds `--ratio` (default 9) on an input that takes 20 ms or more at
4N (best of three runs) are listed with the input that shows it. `finditer` tries every start position: a
pattern only ever used with `match` at one position, or on a bounded slice, can be listed and still be
linear where it is used (docs/security.md says which). It is an audit, not a proof: `recheck`
(npm, a static ReDoS checker) was run on the same list (docs/security.md says how and what it found).
"""

from __future__ import annotations

import argparse
import ast
import importlib
import re
import signal
import sys
import time
from itertools import product
from pathlib import Path
from re import _parser as sre_parse  # type: ignore[attr-defined]

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("cleaners", "crawler", "mirrorclean")
PLAIN = [" ", "\t", "\n", "a", "Z", "1", "中", "。", "<", ">", "-", ",", ".", "/", '"', "=", "\x00"]


def collect() -> list[tuple[str, re.Pattern]]:
    """(where, compiled pattern) for every pattern of the three packages, without duplicates."""
    sys.path.insert(0, str(ROOT))
    seen: set[tuple[object, int]] = set()
    out: list[tuple[str, re.Pattern]] = []

    def add(where: str, pattern: re.Pattern) -> None:
        if (pattern.pattern, pattern.flags) not in seen:
            seen.add((pattern.pattern, pattern.flags))
            out.append((where, pattern))

    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            try:
                module = importlib.import_module(name)
            except Exception as exc:  # noqa: BLE001 - an optional dependency missing: audit the rest
                print(f"skipped {name}: {exc}", file=sys.stderr)
                continue
            for attr, value in vars(module).items():
                if isinstance(value, re.Pattern):
                    add(f"{name}.{attr}", value)
            for node in ast.walk(ast.parse(path.read_text("utf-8"))):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                        and node.args and isinstance(node.args[0], ast.Constant)
                        and isinstance(node.args[0].value, str)):
                    flags = 0
                    if len(node.args) > 1 and node.func.attr in {"compile", "search", "match", "findall", "finditer"}:
                        try:
                            flags = int(eval(compile(ast.Expression(node.args[-1]), "", "eval"), {"re": re}))
                        except Exception:  # noqa: BLE001
                            flags = 0
                    try:
                        add(f"{path.relative_to(ROOT)}:{node.lineno}", re.compile(node.args[0].value, flags))
                    except (re.error, TypeError):
                        pass
    return out


def pieces(pattern: re.Pattern) -> tuple[set[str], set[str]]:
    """(single characters, literal runs) that the pattern is made of."""
    chars: set[str] = set()
    runs: set[str] = set()
    source = pattern.pattern if isinstance(pattern.pattern, str) else pattern.pattern.decode("latin-1")

    def walk(items: list, run: list[str]) -> None:
        for op, arg in items:
            name = str(op)
            if name == "LITERAL":
                run.append(chr(arg))
                chars.add(chr(arg))
                continue
            if len(run) > 1:
                runs.add("".join(run))
            run.clear()
            if name == "IN":
                for sub_op, sub_arg in arg:
                    if str(sub_op) == "LITERAL":
                        chars.add(chr(sub_arg))
                    elif str(sub_op) == "RANGE":
                        chars.add(chr(sub_arg[0]))
                    elif str(sub_op) == "CATEGORY":
                        chars.update({"a", "1", " "})
            elif name in {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}:
                walk(list(arg[2]), [])
            elif name == "SUBPATTERN":
                walk(list(arg[-1]), [])
            elif name in {"ATOMIC_GROUP"}:
                walk(list(arg), [])
            elif name == "BRANCH":
                for branch in arg[1]:
                    walk(list(branch), [])
            elif name in {"ASSERT", "ASSERT_NOT"}:
                walk(list(arg[1]), [])
        if len(run) > 1:
            runs.add("".join(run))

    try:
        walk(list(sre_parse.parse(source, pattern.flags & ~re.UNICODE if isinstance(pattern.pattern, bytes) else pattern.flags)), [])
    except Exception:  # noqa: BLE001
        pass
    return chars, {r for r in runs if len(r) <= 12}


def attacks(pattern: re.Pattern) -> list[tuple[str, object]]:
    """(description, builder(n) -> input of about n characters)."""
    chars, runs = pieces(pattern)
    singles = sorted(chars | set(PLAIN))
    small = sorted((chars & {c for c in singles if len(c) == 1}) | {" ", "a", "1", "\n"})[:14]
    out: list[tuple[str, object]] = []
    for c in singles:
        out.append((f"{c!r}*n", lambda n, c=c: c * n + "\x00"))
    for a, b in product(small, repeat=2):
        if a != b:
            out.append((f"{a + b!r}*n", lambda n, a=a, b=b: (a + b) * (n // 2) + "\x00"))
    for r in sorted(runs):
        out.append((f"{r!r}*n", lambda n, r=r: r * (n // len(r)) + "\x00"))
        for blank in (" ", "\t", "\n"):
            out.append((f"{r!r}+{blank!r}*n", lambda n, r=r, b=blank: r + b * n + "\x00"))
            out.append((f"({r!r}+{blank!r})*n", lambda n, r=r, b=blank: (r + b) * (n // (len(r) + 1)) + "\x00"))
    return out


class _Slow(Exception):
    pass


def _alarm(*_: object) -> None:
    raise _Slow


def timed(pattern: re.Pattern, text: str, limit: float) -> float:
    data: str | bytes = text if isinstance(pattern.pattern, str) else text.encode("utf-8")
    signal.setitimer(signal.ITIMER_REAL, limit)
    start = time.perf_counter()
    try:
        for _ in pattern.finditer(data):  # type: ignore[arg-type]
            pass
    except _Slow:
        return float("inf")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default="", help="audit only patterns whose location starts with this")
    parser.add_argument("--size", type=int, default=3000, help="N, the smaller input size (default 3000)")
    parser.add_argument("--ratio", type=float, default=9.0, help="growth from N to 4N that is reported")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGALRM, _alarm)
    patterns = [(w, p) for w, p in collect() if w.startswith(args.only)]
    flagged = 0
    for where, pattern in patterns:
        worst: tuple[float, float, str] | None = None
        for desc, build in attacks(pattern):
            small = timed(pattern, build(args.size), 5.0)
            if small == float("inf"):
                worst = (small, small, desc)
                break
            large = timed(pattern, build(4 * args.size), 20.0)
            if large < 0.02 or large / max(small, 1e-5) <= args.ratio:
                continue
            # confirm on the best of three runs at each size (a busy machine makes single timings noisy)
            small = min(timed(pattern, build(args.size), 5.0) for _ in range(3))
            large = min(timed(pattern, build(4 * args.size), 20.0) for _ in range(3))
            if large >= 0.02 and large / max(small, 1e-5) > args.ratio and (worst is None or large > worst[1]):
                worst = (small, large, desc)
        if worst:
            flagged += 1
            print(f"{where}: {worst[2]}: {worst[0] * 1000:.1f} ms at N, {worst[1] * 1000:.1f} ms at 4N "
                  f"(x{worst[1] / max(worst[0], 1e-5):.0f})", flush=True)
    print(f"{len(patterns)} patterns audited, {flagged} with super-linear growth", flush=True)
    return 1 if flagged else 0


if __name__ == "__main__":
    raise SystemExit(main())
