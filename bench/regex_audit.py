"""Audit every regular expression of cleaners/, crawler/ and mirrorclean/ for super-linear worst cases.

    .venv/bin/python bench/regex_audit.py [--only PREFIX,PREFIX] [--size 3000] [--verbose]   # the patterns
    .venv/bin/python bench/regex_audit.py --functions [--size 2000]                          # the functions
    .venv/bin/python bench/regex_audit.py --list                                             # what is collected

Collects every pattern (see `collect`: module globals, literal and computed sources of re.* calls, and every
pattern compiled while the fixture pages are cleaned, which catches f-strings inside functions, concatenations
and lru-cached builders such as the spam term alternation), builds adversarial
inputs from each pattern's own pieces (its literal runs, a member of each character class, blanks, a
character outside its classes, pairs of them, a literal followed by a long blank run), and times
`finditer` over each input at two sizes, N and 4N characters. A linear scan grows about 4x; a quadratic
one about 16x. Patterns whose growth exceeds `--ratio` (default 9) on an input that takes 20 ms or more at
4N (best of three runs; and, when 4N takes under a second, from 4N to 16N too, so that a busy machine's noise
is not taken for growth) are listed as SUPER-LINEAR with the input that shows it; `--verbose` prints every
pattern's largest growth. `--functions` times the functions that loop over regex matches or cut a string one
match at a time (`probes()`: spam._mend, core_of, removable, _title_candidates through find_spam_terms,
clean_document on hostile titles and paragraphs …) the same way. `finditer` tries every start position: a
pattern only ever used with `match` at one position, or on a bounded slice, can be listed and still be
linear where it is used (docs/security.md says which). It is an audit, not a proof: `recheck`
(npm, a static ReDoS checker) was run on the same list (docs/security.md says how and what it found).
"""

from __future__ import annotations

import argparse
import ast
import functools
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


def _where(frame: object) -> str | None:
    """file:line of the code that asked `re` for a pattern, when it is in the three packages (not a library)."""
    stdlib = (Path(re.__file__).parent, Path(functools.__file__))
    while frame is not None:
        path = Path(frame.f_code.co_filename)  # type: ignore[attr-defined]
        if not (path == stdlib[1] or path.is_relative_to(stdlib[0])):
            break
        frame = frame.f_back  # type: ignore[attr-defined]
    if frame is None or not path.is_relative_to(ROOT) or path.relative_to(ROOT).parts[0] not in PACKAGES:
        return None
    return f"{path.relative_to(ROOT)}:{frame.f_lineno}"  # type: ignore[attr-defined]


def _drive() -> None:
    """Run the cleaners and the spider's page functions on the fixture pages: patterns built at run time
    (term alternations, lru-cached builders, f-strings inside functions) are compiled on the way."""
    from scrapy.http import HtmlResponse

    from cleaners import Record, clean_document
    from cleaners.api import CleanOptions
    from crawler.spiders import mirror

    for path in sorted((ROOT / "fixtures").rglob("*.html")):
        data = path.read_bytes()
        record = clean_document(data, path.name, options=CleanOptions(unspin=True))
        if isinstance(record, Record):  # the text-dump path, on the record as a dump
            clean_document(f"{record.title}\n\n{record.text}".encode(), path.name, kind="text")
        response = HtmlResponse(url="http://example.cn/news/2024/a_1.html", body=data, encoding="utf-8")
        links = mirror.page_links(response)
        mirror.has_prose(response.text)
        for url in ("http://example.cn/news/2024/a_1.html", "http://example.cn/news/205/index.html"):
            mirror.continuation_links(url, links)


def collect(drive: bool = True) -> tuple[list[tuple[str, re.Pattern]], list[str]]:
    """(where, compiled pattern) for every pattern of the three packages, without duplicates, and the call
    sites with a computed source that neither the module namespace nor the drive could build.

    Four sources: module-level compiled patterns (module globals), literal sources passed to re.* calls
    (AST), computed sources passed to re.* calls (f-strings, concatenation, helper calls: evaluated in the
    module's namespace when they only name module globals), and every pattern compiled while the modules are
    imported and while `_drive()` cleans the fixture pages (a hook on `re._compile`, which every re.* function
    goes through): that last one catches sources built from local variables and lru-cached builders.
    """
    sys.path.insert(0, str(ROOT))
    seen: set[tuple[object, int]] = set()
    out: list[tuple[str, re.Pattern]] = []
    computed: dict[str, bool] = {}  # call site -> built

    def add(where: str, pattern: re.Pattern) -> None:
        if (pattern.pattern, pattern.flags) not in seen:
            seen.add((pattern.pattern, pattern.flags))
            out.append((where, pattern))

    runtime: list[tuple[str, re.Pattern]] = []
    original = re._compile  # type: ignore[attr-defined]

    def hook(pattern: object, flags: int) -> object:
        compiled = original(pattern, flags)
        if isinstance(compiled, re.Pattern):
            where = _where(sys._getframe(1))
            if where:
                runtime.append((where, compiled))
        return compiled

    re._compile = hook  # type: ignore[attr-defined]
    try:
        modules = []
        for package in PACKAGES:
            for path in sorted((ROOT / package).rglob("*.py")):
                name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
                try:
                    modules.append((path, name, importlib.import_module(name)))
                except Exception as exc:  # noqa: BLE001 - an optional dependency missing: audit the rest
                    print(f"skipped {name}: {exc}", file=sys.stderr)
        if drive:
            try:
                _drive()
            except Exception as exc:  # noqa: BLE001 - the audit still covers what was built
                print(f"drive stopped: {exc!r}", file=sys.stderr)
    finally:
        re._compile = original  # type: ignore[attr-defined]

    for path, name, module in modules:
        for attr, value in vars(module).items():
            if isinstance(value, re.Pattern):
                add(f"{name}.{attr}", value)
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                    and node.func.attr in {"compile", "search", "match", "fullmatch", "findall", "finditer",
                                           "sub", "subn", "split"} and node.args):
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            flag_arg = None
            if node.func.attr in {"compile", "search", "match", "fullmatch", "findall", "finditer"} and len(node.args) > 1:
                flag_arg = node.args[-1]
            flag_arg = next((k.value for k in node.keywords if k.arg == "flags"), flag_arg)
            try:
                flags = int(eval(compile(ast.Expression(flag_arg), "", "eval"), {"re": re})) if flag_arg else 0
            except Exception:  # noqa: BLE001
                flags = 0
            literal = isinstance(node.args[0], ast.Constant)
            try:
                source = eval(compile(ast.Expression(node.args[0]), "", "eval"), dict(vars(module)))
            except Exception:  # noqa: BLE001 - names a local variable: only the drive can build it
                computed.setdefault(where, False)
                continue
            try:
                add(where, re.compile(source, flags))
                if not literal:
                    computed[where] = True
            except (re.error, TypeError):
                pass
    per_site: dict[str, int] = {}
    for where, pattern in runtime:  # one builder makes many alternations of the same shape: time three
        if (pattern.pattern, pattern.flags) not in seen and per_site.get(where, 0) < 3:
            per_site[where] = per_site.get(where, 0) + 1
            add(where, pattern)
    built_sites = {w for w, _ in runtime}
    missing = sorted(w for w, ok in computed.items() if not ok and w not in built_sites)
    return out, missing


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


def probes() -> list[tuple[str, object, list[tuple[str, object]]]]:
    """(name, function of one string, [(input description, builder(n))]): the functions that loop over regex
    matches or cut a string one match at a time, on the inputs that made them super-linear (docs/security.md)."""
    import lxml.html
    from scrapy.http import HtmlResponse

    from cleaners import chrome, clean_document, spam
    from cleaners.inject import registrable, script_hidden_ids
    from cleaners.title import strip_site_suffix
    from crawler.spiders import mirror

    blanks = [(f"{b!r}*n", lambda n, b=b: b * n) for b in (" ", "\t", "\u3000")]
    article = "基层治理是国家治理的基石，统筹推进乡镇和城乡社区治理，是实现国家治理体系和治理能力现代化的基础工程。" * 3

    def page(title: str = "标题", body: str = "") -> bytes:
        return f"<html><head><title>{title}</title></head><body><p>{body}</p><p>{article}</p></body></html>".encode()

    def wrap(f: object, before: str = "", after: str = "") -> object:
        return lambda s: f(before + s + after)  # type: ignore[operator]

    words = [("电子游戏*n", lambda n: "电子游戏" * (n // 4)), ("sports*n", lambda n: "sports" * (n // 6)),
             ("官网*n", lambda n: "官网" * (n // 2)), ("'-'*n", lambda n: "-" * n), ("'1'*n", lambda n: "1" * n),
             ("a1*n", lambda n: "a1" * (n // 2))] + blanks
    return [
        ("spam._mend", wrap(spam._mend, "，\x00", "x"), blanks + [("'\\x00 '*n", lambda n: "\x00 " * (n // 2))]),
        ("spam.removable", wrap(spam.removable, "", "x"), words),
        ("spam._same_brand", lambda s: spam._same_brand("开云", "开云" + s + "!"), words),
        ("spam.core_of", wrap(spam.core_of.__wrapped__, "开云"), words),
        ("spam.has_category", wrap(spam.has_category, "", "!"), words),
        ("spam.clean_title", lambda s: spam.clean_title("开云体育" + s + "x", ["开云体育"]), words),
        ("spam.clean_paragraphs", lambda s: spam.clean_paragraphs([f"要推动发展，开云体育{s}，建设。"], ["开云体育"]), words),
        ("spam.find_spam_terms (title)", lambda s: spam.find_spam_terms(spam.Slots(title=s + "x"), article), words),
        ("spam.find_spam_terms (body)", lambda s: spam.find_spam_terms(spam.Slots(), s + "x"), words),
        ("spam._line_term", spam._line_term, words),
        ("title.strip_site_suffix", lambda s: strip_site_suffix("标题" + s + "网站"), words),
        ("chrome.chrome_reason", wrap(chrome.chrome_reason, "关闭"), words),
        ("chrome.drop_chrome", lambda s: chrome.drop_chrome(["首页" + s, article]), words),
        ("inject.registrable", registrable, [("'a'*n", lambda n: "a" * n), ("'a.'*n", lambda n: "a." * (n // 2)),
                                              ("'1.'*n", lambda n: "1." * (n // 2))]),
        ("inject.script_hidden_ids", lambda s: script_hidden_ids(lxml.html.fromstring(f"<div><script>{s}</script></div>")),
         [("getElementById('a' …", lambda n: "getElementById(" + "'a' " * (n // 4)),
          ("'a'+ …", lambda n: "'a'+" * (n // 4))]),
        ("mirror.page_links", lambda s: mirror.page_links(HtmlResponse(url="http://a.cn/", body=s.encode(), encoding="utf-8")),
         [("<a href=x>*n", lambda n: '<a href="/x">' * (n // 13)), ("<a *n", lambda n: "<a " * (n // 3))]),
        ("clean_document (title)", lambda s: clean_document(page(title=s + "x"), "t.html"), words),
        ("clean_document (paragraph)", lambda s: clean_document(page(body="开云体育官网入口" + s + "，建设。"), "p.html"), words),
    ]


def timed_call(function: object, text: str, limit: float) -> float:
    signal.setitimer(signal.ITIMER_REAL, limit)
    start = time.perf_counter()
    try:
        function(text)  # type: ignore[operator]
    except _Slow:
        return float("inf")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return time.perf_counter() - start


def audit_functions(size: int, ratio: float, only: str) -> int:
    """Time each probe at N and 4N characters; print the growth of every input, flag the super-linear ones."""
    flagged = 0
    for name, function, inputs in probes():
        if only and not name.startswith(only):
            continue
        timed_call(function, "x", 60.0)  # first call: lazy imports, caches
        worst = (0.0, 0.0, "")
        for desc, build in inputs:
            small = min(timed_call(function, build(size), 10.0) for _ in range(2))  # type: ignore[operator]
            large = small if small == float("inf") else min(
                timed_call(function, build(4 * size), 30.0) for _ in range(2))  # type: ignore[operator]
            if large / max(small, 1e-5) >= worst[1] / max(worst[0], 1e-5) or large == float("inf"):
                worst = (small, large, desc)
        small, large, desc = worst
        growth = large / max(small, 1e-5) if large != float("inf") else float("inf")
        bad = large == float("inf") or (large >= 0.05 and growth > ratio)
        if bad and large < 2.0:  # confirm from 4N to 16N: a loaded machine makes millisecond timings jump
            build = dict(inputs)[desc]
            larger = min(timed_call(function, build(16 * size), 60.0) for _ in range(2))  # type: ignore[operator]
            bad = larger / large > ratio
            desc += f" (16N: {larger * 1000:.1f} ms, x{larger / large:.1f} from 4N)"
        flagged += bad
        print(f"{'SUPER-LINEAR ' if bad else ''}{name}: worst growth on {desc}: {small * 1000:.1f} ms at N, "
              f"{large * 1000:.1f} ms at 4N (x{growth:.1f})", flush=True)
    return flagged


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default="", help="audit only patterns whose location starts with one of these (comma-separated; cleaners.spam covers cleaners/spam.py:LINE too)")
    parser.add_argument("--size", type=int, default=3000, help="N, the smaller input size (default 3000)")
    parser.add_argument("--ratio", type=float, default=9.0, help="growth from N to 4N that is reported")
    parser.add_argument("--list", action="store_true", help="list the patterns collected and stop")
    parser.add_argument("--functions", action="store_true", help="time the functions that loop over regex matches "
                        "(probes()) instead of the patterns")
    parser.add_argument("--verbose", action="store_true", help="print every pattern's worst growth, not only the "
                        "super-linear ones")
    parser.add_argument("--no-drive", action="store_true", help="do not clean the fixture pages to collect "
                        "patterns built at run time")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGALRM, _alarm)
    if args.functions:
        sys.path.insert(0, str(ROOT))
        flagged = audit_functions(args.size, args.ratio, args.only)
        print(f"{len(probes())} functions probed, {flagged} with super-linear growth", flush=True)
        return 1 if flagged else 0
    collected, missing = collect(drive=not args.no_drive)
    prefixes = tuple(args.only.split(","))
    patterns = [(w, p) for w, p in collected if w.replace("/", ".").startswith(prefixes)]
    for where in missing:
        print(f"{where}: computed pattern not built (names local variables the drive did not reach)", flush=True)
    if args.list:
        for where, pattern in patterns:
            print(f"{where}: {pattern.pattern[:150]!r}")
        print(f"{len(patterns)} patterns")
        return 0
    flagged = 0
    for where, pattern in patterns:
        worst: tuple[float, float, str] | None = None
        growth = (0.0, 0.0, "")
        for desc, build in attacks(pattern):
            small = timed(pattern, build(args.size), 2.0)
            if small == float("inf"):
                worst = (small, small, desc)
                break
            large = timed(pattern, build(4 * args.size), 10.0)
            if large / max(small, 1e-5) > growth[1] / max(growth[0], 1e-5) and large >= 0.002:
                growth = (small, large, desc)
            if large < 0.02 or large / max(small, 1e-5) <= args.ratio:
                continue
            # confirm on the best of three runs at each size (a busy machine makes single timings noisy), and
            # when 4N is still fast, on the growth from 4N to 16N as well: a super-linear pattern keeps growing
            small = min(timed(pattern, build(args.size), 2.0) for _ in range(3))
            large = min(timed(pattern, build(4 * args.size), 10.0) for _ in range(3))
            if large < 0.02 or large / max(small, 1e-5) <= args.ratio:
                continue
            if large < 1.0:
                larger = min(timed(pattern, build(16 * args.size), 30.0) for _ in range(2))
                if larger / large <= args.ratio:
                    continue
            if worst is None or large > worst[1]:
                worst = (small, large, desc)
        if worst:
            flagged += 1
            print(f"SUPER-LINEAR {where}: {worst[2]}: {worst[0] * 1000:.1f} ms at N, {worst[1] * 1000:.1f} ms at 4N "
                  f"(x{worst[1] / max(worst[0], 1e-5):.0f})", flush=True)
        elif args.verbose:
            print(f"{where}: linear; largest growth {growth[2] or '-'}: {growth[0] * 1000:.1f} ms at N, "
                  f"{growth[1] * 1000:.1f} ms at 4N (x{growth[1] / max(growth[0], 1e-5):.1f})", flush=True)
    print(f"{len(patterns)} patterns audited, {flagged} with super-linear growth", flush=True)
    return 1 if flagged else 0


if __name__ == "__main__":
    raise SystemExit(main())
