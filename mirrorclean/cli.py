"""The `mirrorclean` command line: subcommands `clean` and `demo` (more to come)."""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from mirrorclean import runner, startgc
from mirrorclean.inputs import STDIN_SOURCE, Document, iter_documents

PROG = "mirrorclean"
DEMO_PORT = 8701  # `serve-demo` default; seeds/demo_urls.list lists the demo sites at these ports
STDOUT_REJECTS = "mirrorclean.rejects.jsonl"

CLEAN_EPILOG = f"""\
inputs:
  PATH may be a file, a folder (searched recursively, in sorted order, for .html, .htm
  and .txt files, each optionally gzipped as .gz, WARC files .warc/.warc.gz and JSON Lines
  files .jsonl/.jsonl.gz/.jsonl.zst) or "-" for standard input. A file named explicitly
  is read whatever its extension. Each HTML response of a WARC is a document (url from
  WARC-Target-URI, source PATH#OFFSET); other WARC records are skipped and counted; a WARC
  cut short keeps every whole record and ends in one "unreadable" reject saying where.
  Each line of JSON Lines is a document (source PATH#LINE) from its "html", "raw_content"
  (CCNet, ChineseWebText), "text" or "content" field, with its "url". A missing or
  unreadable input is reported on stderr and becomes a reject with reason "unreadable";
  the run carries on. A FIFO, socket or device (named, or inside a folder) is never
  opened for a blocking read: it becomes a reject "not_a_regular_file" (/dev/stdin and
  /dev/fd/N, as made by <(...), are read as streams). Each document is capped at 64 MiB,
  also while gunzipping.

outputs:
  Records go to OUT (default: standard output) as JSON Lines, UTF-8, one per line, in
  input order; OUT ending in .jsonl.gz, .jsonl.zst or .parquet (or --format) writes
  gzip, zstd or a folder of Parquet shards (part-00000.parquet ...; needs the corpus
  extra). Rejects (at least "source" and "reason") go to --rejects PATH if given,
  else next to OUT (out.jsonl -> out.rejects.jsonl, out -> out.rejects.jsonl), and when
  OUT is standard output to ./{STDOUT_REJECTS}, created only if there is a reject
  (a note on stderr says so). A one-line summary is always printed on stderr.
  An existing OUT is never replaced silently: --overwrite replaces it, --resume
  continues a run that was interrupted (even by kill -9) from OUT.state.json, so that
  every input ends in exactly one record or reject. --dedup keeps the best copy of each
  near-duplicate cluster and sends the others to the rejects as "duplicate".

exit status:
  0 the run completed (even with rejects), 1 an input named on the command line could
  not be read (it is a reject, the others are cleaned) or an output could not be written
  (one line says which; the run stops), 2 usage error (also: OUT exists), 130 interrupted.
"""


CRAWL_EPILOG = f"""\
outputs:
  Records go to OUT (default: standard output, which then holds nothing but JSON Lines),
  rejects to --rejects PATH or next to OUT as for clean (./{STDOUT_REJECTS} when OUT is
  standard output, made only if there is a reject): every page fetched that is not a record
  (a listing, a duplicate, a page not served as HTML, an HTTP error, a failed or refused
  request) is a reject with a reason. Rerunning a JOBDIR crawl appends to both files.
  Messages and the summary go to stderr.

safety:
  No request goes to a private, loopback, link-local or cloud-metadata address (decided on
  the resolved IP, for links, redirects and robots.txt), except the start URLs' own; allow
  an intranet with -s MIRRORCLEAN_ALLOWED_NETWORKS=10.0.0.0/8. A redirect leaves the start
  URLs' hosts only when a start URL makes it. Limits and how to change them: docs/security.md.

exit status:
  0 the crawl ran (some pages may be rejects), 1 no start URL could be fetched, a host does
  not resolve, an output cannot be written or Redis cannot be reached (one line says which),
  2 usage error (a start URL that is not an http(s) URL, a bad -s), 130 interrupted.
"""


def version() -> str:
    """The installed package version."""
    try:
        from importlib.metadata import PackageNotFoundError
        from importlib.metadata import version as dist_version

        return dist_version("mirrorclean")
    except PackageNotFoundError:
        return "0+unknown"


class _VersionAction(argparse.Action):
    """--version: the version is looked up when asked for (importlib.metadata costs ~0.03 s at every start)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help="show program's version number and exit")

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:
        parser._print_message(f"{PROG} {version()}\n", sys.stdout)
        parser.exit()


def default_jobs() -> int:
    """The CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def rejects_path_for(out: str) -> str:
    """Derive the rejects file from the records file: out.jsonl / out.json / out -> out.rejects.jsonl
    (also out.jsonl.gz, out.jsonl.zst and the Parquet folder out.parquet; rejects are plain JSON Lines)."""
    out = out.rstrip("/") or out
    lower = out.lower()
    for packed in (".gz", ".zst"):
        if lower.endswith((".jsonl" + packed, ".json" + packed, ".ndjson" + packed)):
            out = out[: -len(packed)]
    if lower.endswith(".parquet"):
        return out[: -len(".parquet")] + ".rejects.jsonl"
    root, ext = os.path.splitext(out)
    if ext.lower() in (".jsonl", ".json", ".ndjson"):
        return root + ".rejects.jsonl"
    return out + ".rejects.jsonl"


def streams_out(out: str) -> bool:
    """True when records go to a stream rather than a file: stdout ("-"), or a device or FIFO such as
    /dev/null. The rejects file is then ./mirrorclean.rejects.jsonl, made only if there is a reject
    (never /dev/null.rejects.jsonl)."""
    return out == "-" or (os.path.exists(out) and not os.path.isfile(out) and not os.path.isdir(out))


def repo_root() -> Path:
    """The repository root (parent of the package dir) when it holds the demo inputs, else the CWD."""
    root = Path(__file__).resolve().parent.parent
    if (root / "seeds").is_dir() or (root / "fixtures").is_dir():
        return root
    return Path.cwd()


def _non_negative(cast: Callable[[str], float]) -> Callable[[str], float]:
    """An argparse type: a number >= 0."""

    def parse(text: str) -> float:
        try:
            value = cast(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"invalid number: {text!r}") from None
        if value < 0:
            raise argparse.ArgumentTypeError(f"must be >= 0: {text!r}")
        return value

    return parse


def _add_run_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-j", "--jobs", type=_non_negative(int), default=0, metavar="N",
        help=f"worker processes (default: 0 = one per CPU, {default_jobs()} here); 1 cleans in-process",
    )
    parser.add_argument(
        "--timeout", type=_non_negative(float), default=runner.DEFAULT_TIMEOUT, metavar="SECONDS",
        help="per-document time limit, a longer one becomes a 'timeout' reject (default: %(default)g; 0 = none)",
    )
    parser.add_argument("--simplified", action="store_true", help="convert Traditional Chinese to Simplified (OpenCC)")
    parser.add_argument("--unspin", action="store_true",
                        help="restore spun phrases in `text` (the page's wording goes to `text_as_found`)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar (errors and the summary still go to stderr)")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with all subcommands."""
    parser = argparse.ArgumentParser(
        prog=PROG, description="Turn polluted Chinese web pages into clean article records (JSON Lines)."
    )
    parser.add_argument("--version", action=_VersionAction)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    clean = sub.add_parser(
        "clean", help="clean files, folders or stdin into JSON Lines records",
        description="Clean web pages and text files into article records (JSON Lines).",
        epilog=CLEAN_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    clean.add_argument("paths", nargs="+", metavar="PATH", help='input file, folder, or "-" for stdin')
    clean.add_argument("-o", "--output", metavar="OUT", default="-", help="records file (default: stdout)")
    clean.add_argument("--rejects", metavar="PATH", help="rejects file (default: derived from OUT, see below)")
    clean.add_argument("--report", metavar="PATH", help="also write an HTML audit report (see `mirrorclean report`)")
    corpus = clean.add_argument_group("corpus mode (docs/corpus.md)")
    corpus.add_argument("--format", choices=["jsonl", "jsonl.gz", "jsonl.zst", "parquet"],
                        help="records format (default: by OUT's extension: .jsonl, .jsonl.gz, .jsonl.zst, .parquet)")
    corpus.add_argument("--overwrite", action="store_true", help="replace an existing OUT (never done silently)")
    corpus.add_argument("--resume", action="store_true",
                        help="continue an interrupted run into the same OUT (same inputs): every input once")
    corpus.add_argument("--dedup", action="store_true",
                        help="one record per article: keep the best copy of each near-duplicate cluster, "
                             "the others go to the rejects as 'duplicate'")
    corpus.add_argument("--shard-rows", type=_non_negative(int), default=0, metavar="N",
                        help="Parquet: records per shard (default: 5000)")
    _add_run_options(clean)
    clean.set_defaults(handler=cmd_clean)

    demo = sub.add_parser(
        "demo", help="clean seeds/ and fixtures/pages/, then crawl the bundled fixture sites, into out/",
        description="Clean the bundled seeds/ and fixtures/pages/ into out/clean.jsonl "
        "(+ out/clean.rejects.jsonl), then serve the bundled mirror sites on loopback and crawl them into "
        "out/crawl.jsonl, and show what came out.",
    )
    demo.add_argument("-o", "--output", metavar="OUT", help="records file (default: <repo>/out/clean.jsonl)")
    demo.add_argument("--no-crawl", action="store_true", help="skip the crawl of the bundled fixture sites")
    _add_run_options(demo)
    demo.set_defaults(handler=cmd_demo)

    cr = sub.add_parser(
        "crawl", help="crawl mirror sites from start URLs and clean every article (Scrapy)",
        description="Crawl mirror sites with the Scrapy `mirror` spider: follows prev/next chains, listings "
        "and pagination on the start URLs' hosts, bounded by depth, a page cap and trap detection; every "
        "article is cleaned into a record (same schema as `clean`). With no URL, serves the bundled fixture "
        "sites on loopback and crawls them.",
        epilog=CRAWL_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    cr.add_argument("urls", nargs="*", metavar="URL", help="start URL(s); none = the bundled demo sites")
    cr.add_argument("-o", "--output", metavar="OUT", help="records file (default: stdout; demo: out/crawl.jsonl)")
    cr.add_argument("--rejects", metavar="PATH", help="rejects file (default: derived from OUT, as for clean)")
    cr.add_argument("-s", "--set", action="append", default=[], metavar="NAME=VALUE",
                    help="a Scrapy setting, e.g. -s CLOSESPIDER_PAGECOUNT=100 -s REDIS_URL=redis://host:6379/0")
    cr.add_argument("--urls-file", metavar="PATH", action="append", default=[],
                    help='start URLs, one per line (# comments and blank lines skipped; "-" = stdin), '
                    "e.g. seeds/demo_urls.list; may be repeated and combined with URL arguments")
    cr.add_argument("--report", metavar="PATH", help="also write an HTML audit report (see `mirrorclean report`)")
    cr.add_argument("-v", "--verbose", action="store_true", help="Scrapy's INFO log (and library warnings) on stderr")
    cr.add_argument("--no-site-pass", action="store_true",
                    help="do not cut names stamped into template slots across a site's pages (see `site-pass`)")
    cr.set_defaults(handler=cmd_crawl)

    sp = sub.add_parser(
        "site-pass", help="cut brand names a site's pages share in template slots (repetition across pages)",
        description="Read records (JSON Lines, as written by `clean` or `crawl`), find names with a gambling "
        "business's shape that fill template slots (title prefix or wrapper, dateline agency, label line) on two "
        "or more pages of one site and never appear in its prose (cleaners.sitepass), and cut them: reason "
        "`site_brand` in `removed`, the record becomes a spam page. `crawl` runs this on its output file itself.",
    )
    sp.add_argument("input", metavar="RECORDS", help="records file (.jsonl, .jsonl.gz or .jsonl.zst)")
    sp.add_argument("-o", "--output", metavar="OUT", help="write here (default: rewrite RECORDS in place)")
    sp.set_defaults(handler=cmd_site_pass)

    rp = sub.add_parser(
        "report", help="an HTML audit report of a records file: what was removed and flagged, per page",
        description="Write one self-contained, offline HTML file from a records file (JSON Lines from `clean` "
        "or `crawl`): a summary (pages, spam pages, rejects by reason, flags by type, removals, top spam terms, "
        "near-duplicate clusters, a chart), then every record with its flags highlighted in the text "
        "(hover for the suggestion) and what was removed, grouped by reason and where. Paginated: opens fast "
        "with 10,000 records. The rejects file next to RECORDS (out.jsonl -> out.rejects.jsonl) is read "
        "when it exists.",
    )
    rp.add_argument("records", metavar="RECORDS", help="records file (JSON Lines)")
    rp.add_argument("-o", "--output", metavar="HTML", help="report file (default: RECORDS with .html)")
    rp.add_argument("--rejects", metavar="PATH", help="rejects file (default: derived from RECORDS, if it exists)")
    rp.add_argument("--title", help="report title")
    rp.set_defaults(handler=cmd_report)

    sd = sub.add_parser(
        "serve-demo", help="serve the bundled demo mirror sites on loopback (for `scrapy crawl` or `crawl`)",
        description="Serve the two bundled fixture mirror sites (fixtures/site) on 127.0.0.1:PORT and PORT+1 "
        "until Ctrl-C. The default ports match seeds/demo_urls.list, so in another terminal: "
        "`mirrorclean crawl --urls-file seeds/demo_urls.list -o out.jsonl` or "
        "`scrapy crawl mirror -a urls_file=seeds/demo_urls.list -O out.jsonl`.",
    )
    sd.add_argument("--port", type=int, default=DEMO_PORT, help="port of the first site, +1 for the second "
                    "(default: %(default)s, as in seeds/demo_urls.list; 0 = any free ports)")
    sd.add_argument("--replicate", type=int, default=1, help="copies of the first site's articles (default: 1)")
    sd.set_defaults(handler=cmd_serve_demo)

    fe = sub.add_parser(
        "flags-eval", help="precision/recall of censored-gap flags and spin separation (docs/flags.md)",
        description="Censor precision/recall on the team's labelled cases and holdout, stray flags per 200,000 "
        "characters of ordinary news (DAnIEL gold, read from ../shared), spin AUC on spun/unspun pairs.",
        add_help=False,
    )
    fe.add_argument("rest", nargs=argparse.REMAINDER)
    fe.set_defaults(handler=cmd_flags_eval)

    be = sub.add_parser(
        "bench", help="benchmarks, as ratios against a peer measured in the same run",
        description="crawl: crawl+clean of the fixture site replicated to >= 2,000 articles vs one-core "
        "`mirrorclean clean` on the same pages. clean: one core in-process, `clean --jobs 1` and `--jobs 2` (on the "
        "pages repeated to >= 2,000), each against trafilatura's default extract over the same files in the same "
        "run, with every process's peak RSS.",
    )
    be.add_argument("kind", choices=["crawl", "clean"])
    be.add_argument("folder", nargs="*", help="clean: folders of pages to time (default: fixtures/pages)")
    be.add_argument("--replicate", type=int, default=120, help="crawl: copies of the fixture site (default 120)")
    be.add_argument("--rounds", type=int, default=1, help="clean: in-process passes over the pages (default 1)")
    be.add_argument("--scale-pages", type=int, default=2000,
                    help="clean: pages (the inputs repeated) on which --jobs 2 is timed against --jobs 1 (default 2000; 0: not timed)")
    be.add_argument("--cli-rounds", type=int, default=3,
                    help="clean: runs of `clean --jobs 1` and of the trafilatura loop, alternated (default 3; medians)")
    be.add_argument("--scale-rounds", type=int, default=2,
                    help="clean: runs of --jobs 1 and --jobs 2 each on the repeated pages, in the order 1 2 2 1 … "
                    "(default 2)")
    be.set_defaults(handler=cmd_bench)

    we = sub.add_parser(
        "wild-eval", help="spam verdicts and removals on the hand-labelled real pages (fixtures/wild)",
        description="Parasites handled, injected strings left, ordinary pages called spam or damaged, spam "
        "sites caught, on label files of real pages (default: fixtures/wild/labels.jsonl, opened.jsonl and holdout.jsonl).",
        add_help=False,
    )
    we.add_argument("rest", nargs=argparse.REMAINDER)
    we.set_defaults(handler=cmd_wild_eval)

    ev = sub.add_parser(
        "eval", help="score extractors on a gold set (CJK-aware shingle F1)",
        description="Score mirrorclean and peers on gold sets: a DAnIEL-style folder (ids.txt, html/, "
        "reference/), a Scrapinghub-style folder (ground-truth.json, html/*.html.gz) or a mirrorclean "
        "fixture folder (expected/*.json + pages/).",
    )
    ev.add_argument("sets", nargs="+", metavar="GOLDSET", help="gold set folder")
    ev.add_argument("--tools", default="mirrorclean,trafilatura", help="comma-separated extractors")
    ev.add_argument("--worst", type=int, default=0, metavar="N", help="also list the N worst pages per tool")
    ev.add_argument("--memory", action="store_true",
                    help="run each tool in its own process and report its peak RSS (slower start-up)")
    ev.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    ev.set_defaults(handler=cmd_eval)
    return parser


def cmd_flags_eval(args: argparse.Namespace) -> int:
    """`mirrorclean flags-eval`: mirrorclean.flageval with the remaining arguments."""
    from mirrorclean.flageval import main as flageval_main

    return flageval_main(args.rest)


def cmd_wild_eval(args: argparse.Namespace) -> int:
    """`mirrorclean wild-eval`: mirrorclean.wildeval with the remaining arguments."""
    from mirrorclean.wildeval import main as wildeval_main

    return wildeval_main(args.rest)


PASSTHROUGH = {"wild-eval": cmd_wild_eval, "flags-eval": cmd_flags_eval}


def cmd_bench(args: argparse.Namespace) -> int:
    """`mirrorclean bench crawl|clean`."""
    from mirrorclean.bench import main as bench_main

    return bench_main(args.kind, args.folder, args.replicate, args.rounds, args.scale_pages, args.cli_rounds,
                      args.scale_rounds)


def cmd_crawl(args: argparse.Namespace) -> int:
    """`mirrorclean crawl`: real sites from URLs, or the bundled fixture sites when none is given.

    Everything that can be checked before the first request is: the URLs, the settings, the outputs, the
    hosts (they must resolve) and Redis; each failure is one line on stderr and a non-zero exit status.
    """
    from mirrorclean import crawl

    overrides: dict[str, object] = {"LOG_LEVEL": "INFO" if args.verbose else "WARNING"}
    for item in args.set:
        name, sep, value = item.partition("=")
        if not sep or not name:
            return _fail(f"-s expects NAME=VALUE, got {item!r}", 2)
        overrides[name] = value
    if not args.verbose:
        # scrapy-redis calls Scrapy APIs that Scrapy deprecates; a user can't act on those warnings
        import warnings

        warnings.filterwarnings("ignore", module=r"scrapy_redis(\.|$)")
    urls = list(args.urls)
    for path in args.urls_file:
        try:
            urls += read_urls_file(path)
        except (OSError, UnicodeDecodeError) as exc:
            return _fail(f"cannot read the URL list {path}: {getattr(exc, 'strerror', None) or exc}", 2)
    if args.urls_file and not urls:
        return _fail(f"no URL in {', '.join(args.urls_file)}", 2)
    if problem := crawl.check_settings(overrides):
        return _fail(problem, 2)
    for url in urls:
        if problem := crawl.check_url(url):
            return _fail(f"{url}: {problem}", 2)
    out = args.output or ("-" if urls else os.path.join(repo_root(), "out", "crawl.jsonl"))
    rejects = args.rejects or (STDOUT_REJECTS if streams_out(out) else rejects_path_for(out))
    if out != "-" and _same_file(out, rejects):
        return _fail(f"records and rejects would both go to {out}", 2)
    for url in urls:
        if problem := crawl.check_host(url):
            return _fail(problem, 1)
    if redis_url := overrides.get("REDIS_URL"):
        if problem := crawl.check_redis(str(redis_url)):
            return _fail(problem, 1)
    made_rejects = not os.path.exists(rejects)
    for path in ([out] if out != "-" else []) + [rejects]:
        if problem := crawl.check_output(path):
            return _fail(problem, 1)
    if streams_out(out) and not args.rejects and made_rejects:
        os.unlink(rejects)  # made again only if there is a reject
    if not urls:
        return _crawl_demo(out, overrides, rejects, verbose=args.verbose, stream=sys.stderr, report=args.report)
    copy = _temp_feed() if args.report and streams_out(out) else None  # the report reads the records again
    try:
        summary = crawl.run_crawl(urls, out, overrides, rejects, verbose=args.verbose, copy=copy)
        code = _crawl_outcome(summary, out, rejects, args.rejects is not None, sys.stderr)
        if code == 0 and not args.no_site_pass and not streams_out(out):
            _site_pass_note(site_pass(out, out), sys.stderr)
        if args.report and code == 0:
            code = _crawl_report(copy or out, args.report, summary.reject_reasons, stdout=copy is not None)
    finally:
        if copy:
            os.unlink(copy)
    return code


def read_urls_file(path: str) -> list[str]:
    """Start URLs from a file, one per line ("-" = stdin); blank lines and # comments are skipped.

    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as fh:
    ...     _ = fh.write("# demo\\nhttp://a.example/ \\n\\n  http://b.example/x  # second\\n")
    >>> read_urls_file(fh.name)
    ['http://a.example/', 'http://b.example/x']
    >>> os.unlink(fh.name)
    """
    text = sys.stdin.read() if path == "-" else Path(path).read_text("utf-8-sig")
    urls = []
    for line in text.splitlines():
        line = line.split(" #", 1)[0].strip()
        if line and not line.startswith("#"):
            urls.append(line)
    return urls


def _temp_feed() -> str:
    import tempfile

    fd, path = tempfile.mkstemp(prefix="mirrorclean-crawl-", suffix=".jsonl")
    os.close(fd)
    return path


def _crawl_report(records: str, report: str, rejects: dict[str, int], stdout: bool = False) -> int:
    """The HTML report of a crawl's records (rejects by reason come from the crawl's stats)."""
    from mirrorclean.report import ReportBuilder, read_jsonl

    builder = ReportBuilder(origin=f"crawl records: {'standard output' if stdout else records}")
    for rec in read_jsonl(records):
        builder.add_record(rec)
    builder.add_reject_counts(rejects)
    return 0 if _write_report(builder, report) else 1


def _fail(message: str, code: int) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return code


def _crawl_outcome(summary: Any, out: str, rejects: str, rejects_named: bool, stream: TextIO) -> int:
    """Report a finished crawl (one line for a failure, else the summary) and choose the exit status."""
    if summary.output_error:
        if out == "-" and "standard output" in summary.output_error:
            _silence_stdout()
            if "closed" in summary.output_error:
                return 1  # the reader went away (`| head`): stop quietly, as clean does
        return _fail(summary.output_error, 1)
    if summary.start_failures and not summary.starts_fetched:
        for url, why in summary.start_failures.items():
            print(f"{PROG}: error: cannot fetch {url}: {why}", file=sys.stderr)
        return 1
    for url, why in summary.start_failures.items():
        print(f"{PROG}: warning: cannot fetch {url}: {why}", file=sys.stderr)
    if streams_out(out) and not rejects_named and os.path.exists(rejects):
        print(f"{PROG}: rejects written to {rejects}", file=sys.stderr)
    print(summary.line(), file=stream, flush=True)
    if summary.finish_reason == "shutdown":
        print(f"{PROG}: error: interrupted", file=sys.stderr)
        return 130
    return 0


def site_pass(path: str, out: str) -> int:
    """Run cleaners.sitepass over the records in `path`, write them to `out` (atomically; the same path
    rewrites it in place); returns how many records changed. The file is streamed three times (counts, prose
    uses, rewrite), so its size does not matter; lines that are not records are kept as they are."""
    import json
    import tempfile

    from cleaners.sitepass import SiteBrands

    def parsed(line: str) -> dict | None:
        try:
            obj = json.loads(line)
        except ValueError:
            return None
        return obj if isinstance(obj, dict) else None

    def records() -> Any:
        with _open_lines(path, "r") as fh:
            for line in fh:
                if (rec := parsed(line)) is not None:
                    yield rec

    finder = SiteBrands()
    brands = finder.find_in(records)
    if not brands and os.path.abspath(out) == os.path.abspath(path):
        return 0  # nothing to cut: the file stays as it is
    changed = 0
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(os.path.abspath(out)) or ".", suffix=".tmp")
    os.close(fd)
    try:
        with _open_lines(path, "r") as src, _open_lines(tmp, "w", like=out) as fh:
            for line in src:
                line = line.rstrip("\n")
                rec = parsed(line)
                new = finder.apply(rec, brands) if rec is not None and brands else rec
                if new is not rec and new is not None:
                    changed += 1
                    line = json.dumps(new, ensure_ascii=False)
                fh.write(line + "\n")
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return changed


def _open_lines(path: str, mode: str, like: str | None = None) -> Any:
    """A JSON Lines file as text, plain, gzip or zstd by the extension of `like` (default: `path` itself)."""
    import io

    name = (like or path).lower()
    if name.endswith(".gz"):
        import gzip

        return gzip.open(path, mode + "t", encoding="utf-8")
    if name.endswith(".zst"):
        import zstandard

        if mode == "r":
            raw = zstandard.ZstdDecompressor().stream_reader(open(path, "rb"), read_across_frames=True, closefd=True)
            return io.TextIOWrapper(io.BufferedReader(raw), encoding="utf-8")
        return io.TextIOWrapper(zstandard.ZstdCompressor().stream_writer(open(path, "wb"), closefd=True), encoding="utf-8")
    return open(path, mode, encoding="utf-8")


def _site_pass_note(changed: int, stream: TextIO) -> None:
    if changed:
        print(f"{PROG}: site pass: cut names stamped on several pages of a site from {changed} records "
              "(reason site_brand)", file=stream)


def cmd_site_pass(args: argparse.Namespace) -> int:
    """`mirrorclean site-pass`: cleaners.sitepass over a records file."""
    if not os.path.isfile(args.input):
        return _fail(f"cannot read {args.input}: not a file", 1)
    out = args.output or args.input
    from mirrorclean.crawl import check_output

    if out != args.input and (problem := check_output(out)):
        return _fail(problem, 1)
    try:
        changed = site_pass(args.input, out)
    except (OSError, UnicodeDecodeError, EOFError) as exc:
        return _fail(f"cannot read {args.input}: {exc}", 1)
    except Exception as exc:  # noqa: BLE001 - a corrupt zstd frame (zstandard.ZstdError) and the like
        return _fail(f"cannot read {args.input}: {type(exc).__name__}: {exc}", 1)
    print(f"{PROG}: site pass: {changed} records changed -> {out}", file=sys.stderr)
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    """`mirrorclean eval`: P/R/F1, pages/s and peak memory per tool on each gold set."""
    from mirrorclean.evaluate import EXTRACTORS, evaluate, iter_report, load_set

    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    unknown = [t for t in tools if t not in EXTRACTORS]
    if unknown:
        print(f"{PROG}: error: unknown tool(s) {', '.join(unknown)}; known: {', '.join(EXTRACTORS)}", file=sys.stderr)
        return 2
    for path in args.sets:
        try:
            pages = load_set(Path(path))
        except (OSError, ValueError) as exc:
            print(f"{PROG}: error: {exc}", file=sys.stderr)
            return 2
        if args.json:  # one tool, in a process of its own: results and this process's peak RSS
            import dataclasses
            import json
            import resource

            result = evaluate(pages, tools[0], EXTRACTORS[tools[0]])
            result.peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(json.dumps(dataclasses.asdict(result), ensure_ascii=False))
            continue
        print(f"{path}: {len(pages)} pages")
        if args.memory:
            results = [_evaluate_isolated(path, t) for t in tools]
        else:
            results = [evaluate(pages, t, EXTRACTORS[t]) for t in tools]
        for line in iter_report(results, worst=args.worst):
            print(line)
    return 0


def _evaluate_isolated(path: str, tool: str) -> object:
    """Run one tool on one set in a fresh interpreter, so its peak RSS is its own."""
    import json
    import subprocess

    from mirrorclean.evaluate import Result

    proc = subprocess.run([sys.executable, "-m", "mirrorclean", "eval", path, "--tools", tool, "--json"],
                          capture_output=True, text=True, check=True)
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    data["per_page"] = [tuple(x) for x in data["per_page"]]
    data["checks"] = {k: tuple(v) for k, v in data["checks"].items()}
    return Result(**data)


# --------------------------------------------------------------------------- running


@dataclass
class Outcome:
    """What a clean run produced."""

    code: int
    stats: runner.Stats
    rejects_path: str | None


class _Console:
    """Stderr messages that don't tear the progress bar."""

    def __init__(self, quiet: bool, paths: Sequence[str] = ()) -> None:
        self.quiet = quiet
        self.bar = None
        if not quiet and sys.stderr.isatty():
            from tqdm import tqdm

            from mirrorclean.progress import count_inputs

            total = count_inputs(paths)  # None (a bare count) when the walk is slow or a WARC hides its size
            self.bar = tqdm(file=sys.stderr, unit="doc", dynamic_ncols=True, mininterval=0.5, desc=PROG, total=total)

    def error(self, msg: str) -> None:
        self._print(f"{PROG}: error: {msg}")

    def info(self, msg: str) -> None:
        self._print(f"{PROG}: {msg}")

    def _print(self, line: str) -> None:
        if self.bar is not None:
            self.bar.write(line, file=sys.stderr)
        else:
            print(line, file=sys.stderr, flush=True)

    def tick(self, rejects: int, is_reject: bool) -> None:
        if self.bar is not None:
            if is_reject:
                self.bar.set_postfix_str(f"{rejects} rejects", refresh=False)
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def _same_file(a: str, b: str) -> bool:
    return os.path.realpath(a) == os.path.realpath(b)


def _has_content(path: str) -> bool:
    """True when `path` is a non-empty file or a non-empty folder (something a run would destroy)."""
    try:
        if os.path.isdir(path):
            return any(os.scandir(path))
        return os.path.getsize(path) > 0
    except OSError:
        return False


def _remove_old(paths: Sequence[str]) -> None:
    """--overwrite: remove a previous run's state, spool and Parquet shards (records and rejects are truncated)."""
    from mirrorclean.sinks import shard_index

    for path in paths:
        if os.path.isdir(path):
            for name in os.listdir(path):
                if shard_index(name) is not None:
                    os.unlink(os.path.join(path, name))
        elif os.path.exists(path):
            os.unlink(path)


@dataclass
class CorpusOptions:
    """The corpus-mode options of `clean` (issue 12)."""

    fmt: str | None = None
    overwrite: bool = False
    resume: bool = False
    dedup: bool = False
    shard_rows: int = 0


def run_clean(
    paths: Sequence[str], out: str, rejects: str | None, *, jobs: int, timeout: float, simplified: bool, quiet: bool,
    unspin: bool = False, report: str | None = None, corpus: CorpusOptions | None = None,
) -> Outcome:
    """Clean `paths` into `out` ("-" = stdout) and the rejects file; print notes and the summary."""
    from cleaners.api import CleanOptions  # the rules: imported by `clean` only (mirrorclean.runner says why)
    from mirrorclean import checkpoint, sinks

    corpus = corpus or CorpusOptions()
    jobs = jobs or default_jobs()
    to_stdout = out == "-"
    lazy_rejects = streams_out(out) and rejects is None
    rejects_path = rejects or (STDOUT_REJECTS if lazy_rejects else rejects_path_for(out))
    fmt = sinks.format_of(out, corpus.fmt) if not to_stdout else (corpus.fmt or "jsonl")
    stats = runner.Stats()

    def usage(message: str) -> Outcome:
        print(f"{PROG}: error: {message}", file=sys.stderr)
        return Outcome(2, stats, None)

    for path in paths:
        if path != "-" and os.path.isfile(path) and (
            (not to_stdout and _same_file(path, out)) or _same_file(path, rejects_path)
        ):
            return usage(f"{path} is both an input and an output")
    if not to_stdout and _same_file(out, rejects_path):
        return usage(f"records and rejects would both go to {out}")
    if (to_stdout or streams_out(out)) and fmt != "jsonl":
        return usage(f"--format {fmt} needs a file or folder for -o (standard output is JSON Lines)")
    stateful = not streams_out(out)
    state_path = checkpoint.state_path_for(rejects_path) if stateful else None
    spool_path = checkpoint.spool_path_for(state_path) if state_path else None
    if corpus.resume and not stateful:
        return usage("--resume needs -o OUT (a file or folder), not standard output")
    if corpus.resume and corpus.overwrite:
        return usage("--resume and --overwrite exclude each other")

    state: checkpoint.State | None = None
    if (stateful and corpus.resume and state_path and not os.path.exists(state_path)
            and not any(_has_content(p) for p in (out, rejects_path))):
        corpus.resume = False  # nothing was written yet: --resume starts the run (handy in a retry loop)
    if stateful and corpus.resume:
        assert state_path is not None
        try:
            state = checkpoint.load_state(state_path)
        except checkpoint.CheckpointError as exc:
            return usage(str(exc))
        if state.inputs != list(paths) or state.format != fmt or state.dedup != corpus.dedup:
            return usage(f"{state_path} is from another run ({' '.join(state.inputs)}, {state.format}"
                         f"{', --dedup' if state.dedup else ''}): resume it with the same inputs and options")
        if state.finished:
            print(f"{PROG}: {out} is complete ({state.done} inputs); nothing to resume", file=sys.stderr)
            checkpoint.stats_from_dict(stats, state.stats)
            return Outcome(0, stats, rejects_path)
    elif stateful:
        existing = [p for p in (out, rejects_path, state_path)  # a folder where a file goes fails below, as before
                    if p and _has_content(p) and (not os.path.isdir(p) or (p == out and fmt == "parquet"))]
        if existing and not corpus.overwrite:
            return usage(f"{existing[0]} exists: --overwrite to replace it, --resume to continue an interrupted run")
        if corpus.overwrite:
            try:
                _remove_old([p for p in (state_path, spool_path) if p] + ([out] if fmt == "parquet" else []))
            except OSError as exc:
                print(f"{PROG}: error: cannot remove {exc.filename}: {exc.strerror}", file=sys.stderr)
                return Outcome(1, stats, None)
        state = checkpoint.State(inputs=list(paths), format=fmt, dedup=corpus.dedup)

    resuming = corpus.resume and state is not None
    records_sink: Any = None
    rejects_sink: Any = None
    spool: Any = None
    try:
        if to_stdout:
            records_sink = runner.JsonlSink(sys.stdout.buffer)
        elif not stateful:
            records_sink = runner.JsonlSink(out)
        else:
            records_sink = sinks.open_records(out, fmt, resume_at=state.records if resuming and state else None,
                                              shard_rows=corpus.shard_rows or sinks.SHARD_ROWS)
        if stateful:
            rejects_sink = sinks.LineFile(rejects_path, resume_at=(state.rejects.get("bytes", 0)
                                                                   if resuming and state else None))
        else:
            rejects_sink = runner.JsonlSink(rejects_path, lazy=lazy_rejects)
        if corpus.dedup:
            if spool_path is None:
                import tempfile

                fd, spool_path = tempfile.mkstemp(prefix="mirrorclean-", suffix=".spool.jsonl")
                os.close(fd)
            spool = sinks.LineFile(spool_path, resume_at=(state.spool.get("bytes", 0) if resuming and state else None))
    except runner.OutputError as exc:
        for sink in (records_sink, rejects_sink):
            if sink is not None:
                sink.close()
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return Outcome(1, stats, None)

    console = _Console(quiet, paths)
    builder = None
    final_records, final_rejects = records_sink, rejects_sink
    if report:
        from mirrorclean.report import ReportBuilder

        builder = ReportBuilder(origin=f"records: {'standard output' if to_stdout else out}")
        final_records = _Tee(records_sink, builder.add_record)
        final_rejects = _Tee(rejects_sink, builder.add_reject)
    writer = checkpoint.CorpusWriter(final_records, final_rejects, state=state if stateful else None,
                                     state_path=state_path, spool=spool)
    stats = writer.stats
    if stateful and not resuming:
        try:
            writer.commit(force=True)  # a state file from the start: a run killed before its first commit resumes too
        except (runner.OutputError, OSError) as exc:
            writer.close()
            print(f"{PROG}: error: cannot write the state file {state_path}: {exc}", file=sys.stderr)
            return Outcome(1, stats, None)
    skip = 0
    if resuming and state is not None:
        checkpoint.stats_from_dict(stats, state.stats)
        skip = stats.resumed = state.done
        try:
            again = writer.reindex(out, fmt)
        except (OSError, ValueError, ImportError) as exc:
            writer.close()
            print(f"{PROG}: error: cannot read back {out} to resume: {exc}", file=sys.stderr)
            return Outcome(1, stats, None)
        console.info(f"resuming {out}: {skip} inputs already done ({again} records re-indexed)")
    named = {p for p in paths if p != "-"} | ({STDIN_SOURCE} if "-" in paths else set())
    unreadable_named: list[str] = []
    skipped: Counter[str] = Counter()

    def emit(result: runner.Result) -> None:
        writer(result)
        console.tick(stats.rejects, isinstance(result, runner.Reject))

    def on_unreadable(doc: Document) -> None:
        console.error(f"{doc.source}: {doc.error}")
        if doc.source in named:
            unreadable_named.append(doc.source)

    docs: Iterator[Document] = iter_documents(
        paths, skipped=skipped, exclude=[p for p in (out, rejects_path, state_path, spool_path) if p])
    if skip:
        docs = itertools.islice(docs, skip, None)
    code = 0
    output_failed = False
    start = time.monotonic()
    try:
        if not (state is not None and state.phase == "dedup"):
            runner.run(
                docs, emit, jobs=jobs, options=CleanOptions(simplified=simplified, unspin=unspin),
                timeout=timeout, func=runner.clean_one, on_unreadable=on_unreadable,
            )
        console.close()
        writer.finish()
    except KeyboardInterrupt:
        console.close()
        console.error("interrupted")
        code = 130
    except BrokenPipeError:
        # The reader of stdout went away (e.g. `| head`): stop quietly.
        _silence_stdout()
        code = 1
    except (runner.OutputError, checkpoint.CheckpointError) as exc:
        console.close()
        console.error(str(exc))
        code, output_failed = 1, True
    except OSError as exc:  # the system refused something else (no more processes, file descriptors): one line
        console.close()
        console.error(f"{exc.filename}: {exc.strerror}" if exc.filename else str(exc.strerror or exc))
        code = 1
    finally:
        stats.elapsed = time.monotonic() - start
        console.close()
        try:
            if code and stateful and state is not None and state.phase == "clean":
                writer.commit()  # keep what is whole (a later --resume starts from there)
        except (runner.OutputError, OSError):
            pass
        try:
            writer.close()
        except (runner.OutputError, OSError) as exc:
            if not output_failed:
                console.error(str(exc))
            code, output_failed = 1, True
        if corpus.dedup and not stateful and spool_path:
            try:
                os.unlink(spool_path)
            except OSError:
                pass
    if output_failed:
        # One line says what could not be written; nothing more (not even the summary) is claimed.
        if to_stdout and getattr(records_sink, "failed", False):
            _silence_stdout()
        return Outcome(code, stats, None)
    if code == 0 and unreadable_named:
        code = 1  # an input named on the command line could not be read (it is still a reject)

    reject_lines = rejects_sink.lines
    written = rejects_path if reject_lines or not lazy_rejects else None
    if lazy_rejects and reject_lines:
        console.info(f"{reject_lines} rejects written to {rejects_path}")
    if skipped:
        what = ", ".join(f"{reason} {n}" for reason, n in skipped.most_common())
        console.info(f"{sum(skipped.values())} WARC/JSONL members skipped, not pages ({what})")
    if writer.keep is not None:
        console.info(f"--dedup: {writer.keep.clusters} articles kept, {writer.duplicates} near-duplicate copies "
                     f"sent to the rejects as duplicate")
    if builder is not None and report:
        builder.rejects_source = written if reject_lines else None
        if not _write_report(builder, report) and code == 0:
            code = 1
    print(stats.summary(rejects_path if stats.rejects else None), file=sys.stderr, flush=True)
    return Outcome(code, stats, written)


class _Tee:
    """A records or rejects sink that also hands every line to a report."""

    def __init__(self, sink: Any, add: Callable[[dict], None]) -> None:
        self.sink = sink
        self.add = add

    def write(self, obj: dict) -> None:
        self.sink.write(obj)
        self.add(obj)

    def __getattr__(self, name: str) -> Any:  # commit, pending, close, lines, path … of the sink
        return getattr(self.sink, name)


def _write_report(builder: object, path: str) -> bool:
    """Write a ReportBuilder's HTML to `path`; a note on stderr says where (or why not)."""
    try:
        size = builder.write(path)  # type: ignore[attr-defined]
    except OSError as exc:
        print(f"{PROG}: error: cannot write the report {path}: {exc.strerror or exc}", file=sys.stderr)
        return False
    print(f"{PROG}: report: {path} ({size / 1e6:.1f} MB); open it in a browser", file=sys.stderr, flush=True)
    return True


def _silence_stdout() -> None:
    """Point fd 1 at /dev/null so the interpreter's last flush of stdout cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _check_simplified(args: argparse.Namespace) -> bool:
    """--simplified needs OpenCC (the `zh` extra): say so once, up front, instead of rejecting every page."""
    if not getattr(args, "simplified", False):
        return True
    try:
        import opencc  # noqa: F401
    except ImportError:
        print(f"{PROG}: error: --simplified needs OpenCC: pip install 'mirrorclean[zh]'", file=sys.stderr)
        return False
    return True


def cmd_clean(args: argparse.Namespace) -> int:
    """`mirrorclean clean`."""
    if not _check_simplified(args):
        return 2
    outcome = run_clean(
        args.paths, args.output, args.rejects,
        jobs=args.jobs, timeout=args.timeout, simplified=args.simplified, quiet=args.quiet, unspin=args.unspin,
        report=args.report, corpus=CorpusOptions(fmt=args.format, overwrite=args.overwrite, resume=args.resume,
                                                 dedup=args.dedup, shard_rows=int(args.shard_rows)),
    )
    return outcome.code


def cmd_report(args: argparse.Namespace) -> int:
    """`mirrorclean report RECORDS [-o HTML]`."""
    from mirrorclean.report import build_report, default_output

    if not os.path.isfile(args.records):
        print(f"{PROG}: error: {args.records}: no such file", file=sys.stderr)
        return 2
    out = args.output or default_output(args.records)
    if _same_file(out, args.records):
        print(f"{PROG}: error: the report would overwrite {args.records}", file=sys.stderr)
        return 2
    rejects = args.rejects or rejects_path_for(args.records)
    try:
        builder = build_report(args.records, out, rejects_path=rejects, title=args.title)
    except OSError as exc:
        print(f"{PROG}: error: {exc.filename or out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    s = builder.summary
    bad = f", {s.bad_lines} lines skipped (not JSON objects)" if s.bad_lines else ""
    print(f"{PROG}: report: {s.records} records, {sum(s.rejects.values())} rejects"
          f"{' (from ' + builder.rejects_source + ')' if builder.rejects_source else ''}{bad} -> {out} "
          f"({os.path.getsize(out) / 1e6:.1f} MB); open it in a browser", file=sys.stderr)
    return 0


def cmd_serve_demo(args: argparse.Namespace) -> int:
    """`mirrorclean serve-demo`: the bundled fixture sites on loopback until Ctrl-C."""
    import threading

    from mirrorclean.testsite import SITES, TestSite

    ports = {name: args.port + i for i, name in enumerate(SITES)} if args.port else None
    try:
        site = TestSite(replicate=max(1, args.replicate), ports=ports).start()
    except OSError as exc:
        print(f"{PROG}: error: cannot serve on port {args.port}: {exc.strerror or exc} (try --port 0)", file=sys.stderr)
        return 1
    try:
        for name in SITES:
            print(f"{name:8s} {site.url(name)}  ({len(site.article_paths(name))} articles)", flush=True)
        starts = " ".join(site.start_urls())
        urls = "--urls-file seeds/demo_urls.list" if args.port == DEMO_PORT else starts
        spider = "-a urls_file=seeds/demo_urls.list" if args.port == DEMO_PORT else f"-a url={','.join(site.start_urls())}"
        print(f"crawl them from the repository root, in another terminal:\n"
              f"  .venv/bin/mirrorclean crawl {urls} -s DOWNLOAD_DELAY=0 -s AUTOTHROTTLE_ENABLED=0 -o out/crawl.jsonl\n"
              f"  .venv/bin/scrapy crawl mirror {spider} -s DOWNLOAD_DELAY=0 -s AUTOTHROTTLE_ENABLED=0 -O out/crawl.jsonl\n"
              f"serving; Ctrl-C stops.", flush=True)
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        site.stop()
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """`mirrorclean demo`: clean the bundled inputs and show a taste of the result.

    Runs from the repository root so that sources read `seeds/...` wherever it is started from.
    """
    if not _check_simplified(args):
        return 2
    root = repo_root()
    out = os.path.abspath(args.output) if args.output else None
    cwd = os.getcwd()
    os.chdir(root)
    try:
        return _demo(root, out or os.path.join("out", "clean.jsonl"), args)
    finally:
        os.chdir(cwd)


def _demo(root: Path, out: str, args: argparse.Namespace) -> int:
    inputs = [p for p in ("seeds", os.path.join("fixtures", "pages")) if os.path.isdir(p)]
    if not inputs:
        print(f"{PROG}: error: no demo inputs: neither seeds/ nor fixtures/pages/ in {root}", file=sys.stderr)
        return 1
    print(f"{PROG} demo: cleaning {', '.join(p + '/' for p in inputs)} -> {out} (in {root})", flush=True)
    outcome = run_clean(
        inputs, out, None, jobs=args.jobs, timeout=args.timeout, simplified=args.simplified, quiet=args.quiet,
        report=os.path.splitext(out)[0] + ".html", corpus=CorpusOptions(overwrite=True),
    )
    stats = outcome.stats
    first = stats.first_record
    if first is not None:
        text = " ".join(str(first.get("text") or "").split())
        print(f"first record: {first.get('source')}")
        print(f"  title:      {first.get('title')}")
        print(f"  published:  {first.get('published')}")
        print(f"  spam_terms: {', '.join(first.get('spam_terms') or []) or '(none)'}")
        print(f"  text:       {text[:80]}{'…' if len(text) > 80 else ''}")
    else:
        print("no records")
    if stats.reasons:
        reasons = ", ".join(f"{reason} {n}" for reason, n in stats.reasons.most_common())
        print(f"rejects by reason: {reasons} (see {outcome.rejects_path})")
    else:
        print("rejects: none")
    if outcome.code or getattr(args, "no_crawl", False):
        return outcome.code
    crawl_out = os.path.join(os.path.dirname(out) or ".", "crawl.jsonl")
    return _crawl_demo(crawl_out, {"LOG_LEVEL": "WARNING"}, rejects_path_for(crawl_out), verbose=False,
                       stream=sys.stdout)


def _crawl_demo(out: str, overrides: dict[str, object], rejects: str, *, verbose: bool, stream: TextIO,
                report: str | None = None) -> int:
    """Serve the bundled fixture sites on loopback and crawl them into `out` (messages to `stream`)."""
    from mirrorclean.crawl import LOCAL_OVERRIDES, run_crawl
    from mirrorclean.testsite import TestSite

    if out != "-":
        os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with TestSite() as site:
        starts = site.start_urls()
        print(f"{PROG} crawl demo: serving the fixture sites on {', '.join(site.hosts)}; crawling "
              f"{', '.join(starts)} -> {out}", file=stream, flush=True)
        summary = run_crawl(starts, out, {**LOCAL_OVERRIDES, **overrides}, rejects, verbose=verbose)
    code = _crawl_outcome(summary, out, rejects, False, stream)
    if code == 0 and out != "-":
        _site_pass_note(site_pass(out, out), stream)
    if report and code == 0 and out != "-":
        code = _crawl_report(out, report, summary.reject_reasons)
    return code


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit status (argparse's 2 for usage errors, 0 for --version/--help)."""
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    # The evaluation commands own their options (`wild-eval --text`, `flags-eval -h`): argparse's REMAINDER does
    # not take an argument list that starts with an option, so they are handed over before parsing.
    try:
        try:
            if argv and argv[0] in PASSTHROUGH:
                startgc.resume()
                return int(PASSTHROUGH[argv[0]](argparse.Namespace(rest=argv[1:])))
            args = parser.parse_args(argv)
        except SystemExit as exc:
            return exc.code if isinstance(exc.code, int) else 2
        if args.handler is not cmd_clean:  # `clean` resumes the collector after its first page (mirrorclean.runner)
            startgc.resume()
        return int(args.handler(args))
    finally:  # the command paused the collector for its start-up (mirrorclean.startgc); never left paused
        startgc.resume()
