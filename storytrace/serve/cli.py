"""The `storytrace` command: each subcommand parses its input, calls one library function, and turns
StorytraceError into a one-line message and an exit code (0 ok, 1 failure, 2 usage, 3 inputs skipped)."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from pathlib import Path

from storytrace.errors import StorytraceError
from storytrace.serve import render
from storytrace.settings import Settings

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_SKIPPED = 0, 1, 2, 3
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a Ctrl-C


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", help="SQLite database file or postgresql:// URL (default: $STORYTRACE_DB, else "
                                     "storytrace.db here); reading commands refuse one that does not exist")
    parser = argparse.ArgumentParser(prog="storytrace", description="Who said what, who repeated it, and who denied it.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("add", parents=[common], help="ingest, analyse and link articles from files and folders")
    p.add_argument("paths", nargs="+", metavar="PATH", help=".html .htm .txt .jsonl files (or .gz of them), folders, "
                                                       "http(s) URLs and .urls files (one URL a line)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--server", metavar="URL", help="send the articles to a running `storytrace serve` at this URL "
                                                   "(its models stay loaded: about a second an article) instead of "
                                                   "analysing them here; its token, if it needs one, from "
                                                   "STORYTRACE_API_TOKEN")
    p.add_argument("--engine", choices=("local", "ray"), default="local",
                   help="local: this machine's processes; ray: ingest, clean and analyze on a Ray cluster, linking "
                        "and storing here (needs storytrace[scale]) (default local)")
    p.add_argument("--ray-address", metavar="ADDR", help="with --engine ray: a running cluster (HOST:6379); "
                                                         "default: start a local one for this command")
    p.add_argument("--workers", type=int, metavar="N", help="with --engine ray: analysing actors (default: 2 "
                                                            "locally, every CPU of a cluster)")
    p.set_defaults(run=cmd_add)

    p = sub.add_parser("stories", parents=[common], help="list stories with their outlets and dispute counts")
    p.set_defaults(run=cmd_stories)

    p = sub.add_parser("story", parents=[common], help="one story: articles, timeline, claims and disputes")
    p.add_argument("story_id", metavar="ID", help="a story id from `storytrace stories`")
    p.set_defaults(run=cmd_story)

    p = sub.add_parser("disputes", parents=[common], help="every denial and contradiction with its explanation")
    p.set_defaults(run=cmd_disputes)

    p = sub.add_parser("statements", parents=[common], help="attributed statements, optionally by one speaker")
    p.add_argument("--speaker", metavar="NAME", help="speaker name or alias (substring match)")
    p.set_defaults(run=cmd_statements)

    p = sub.add_parser("search", parents=[common], help="full-text search over articles and statements")
    p.add_argument("query", metavar="QUERY", help="words to look for")
    p.add_argument("--limit", type=int, default=20, help="most results shown (default 20)")
    p.set_defaults(run=cmd_search)

    p = sub.add_parser("export", parents=[common],
                       help="export the corpus: JSON (all tables), CSV (one table, or all into a folder), GraphML "
                            "(attribution graph) or ClaimReview JSON-LD (disputed claims)")
    p.add_argument("--format", choices=("json", "csv", "graphml", "claimreview"), default="json",
                   help="json: the DESIGN.md contract; csv: one table; graphml: who passed on whose words (Gephi); "
                        "claimreview: schema.org ClaimReview of disputed and denied claims (default json)")
    p.add_argument("--table", default="statements", help="table for CSV: articles, entities, statements, stories, "
                                                          "claims, disputes, or all (one file each into the --out "
                                                          "folder) (default statements)")
    p.add_argument("--out", metavar="FILE", help="write here instead of standard output (a folder for --table all)")
    p.set_defaults(run=cmd_export)

    p = sub.add_parser("serve", parents=[common], help="start the REST API (OpenAPI docs at /docs) and the web UI")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    p.set_defaults(run=cmd_serve)

    p = sub.add_parser("report", parents=[common],
                       help="write one self-contained HTML file of the stories, timelines and disputes")
    p.add_argument("--out", metavar="FILE", default="report.html", help="where to write it (default report.html)")
    p.set_defaults(run=cmd_report)

    _add_bench_parsers(sub)
    return parser


def _add_bench_parsers(sub) -> None:
    """`storytrace bench NAME`, one sub-command per benchmark with the options it declares."""
    from storytrace.bench.run import BENCHMARKS

    p = sub.add_parser("bench", help="run a benchmark against a public data set",
                       description="Run a benchmark; `storytrace bench NAME --help` lists its options.")
    names = p.add_subparsers(dest="name", required=True, metavar="NAME", help=f"one of: {', '.join(BENCHMARKS)}")
    types = {"folder": Path, "file": Path, "path": Path, "int": int, "str": str}
    for name, bench in BENCHMARKS.items():
        b = names.add_parser(name, help=bench.summary, description=bench.summary)
        for option in bench.options:
            if option.kind == "flag":
                b.add_argument(f"--{option.name}", dest=option.keyword, action="store_true", default=None,
                               help=option.help)
                continue
            default = f" (default {option.default})" if option.default is not None else ""
            b.add_argument(f"--{option.name}", dest=option.keyword, type=types[option.kind],
                           required=option.required, default=option.default, choices=option.choices or None,
                           metavar=option.kind.upper(), help=option.help + default)
        b.add_argument("--json", action="store_true", help="print one JSON object (the benchmark contract)")
        b.set_defaults(run=cmd_bench, bench_options=[option.keyword for option in bench.options])


# Seconds a process may spend cleaning up after Ctrl-C before it leaves regardless: every article is committed
# or rolled back as a whole, so leaving then loses no more than a SIGKILL would (the crash tests show none).
INTERRUPT_GRACE_SECONDS = 10


def _interrupted(signum, frame) -> None:
    """Ctrl-C: interrupt as usual, and leave after a grace period should a third-party clean-up (a worker join
    with no time limit) hang."""
    watchdog = threading.Timer(INTERRUPT_GRACE_SECONDS, os._exit, args=(EXIT_INTERRUPTED,))
    watchdog.daemon = True
    watchdog.start()
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    previous = signal.getsignal(signal.SIGINT)
    own_handler = threading.current_thread() is threading.main_thread() and previous is signal.default_int_handler
    if own_handler:
        signal.signal(signal.SIGINT, _interrupted)
    try:
        try:
            args = build_parser().parse_args(argv)
        except KeyboardInterrupt:  # before any command began: nothing was read or stored
            print("storytrace: interrupted", file=sys.stderr)
            return EXIT_INTERRUPTED
        return _run(args)
    finally:
        if own_handler:
            signal.signal(signal.SIGINT, previous)


def _run(args) -> int:
    try:
        return args.run(args)
    except StorytraceError as exc:
        print(f"storytrace: error: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("storytrace: interrupted; everything stored before the interruption is kept", file=sys.stderr)
        sys.stdout.flush()
        sys.stderr.flush()
        # Every write is committed or rolled back by now; a normal exit could wait on a library's own clean-up
        # (worker processes, a local Ray), so leave at once.
        os._exit(EXIT_INTERRUPTED)


def _open(args, create: bool = False):
    """The corpus at --db; only commands that write (add) create it when missing."""
    import storytrace

    return storytrace.open(args.db, Settings.from_env(), create=create)


def cmd_add(args) -> int:
    from storytrace.ingest import expand_paths

    files = [p for p in expand_paths(args.paths) if isinstance(p, Path)]
    if args.server and args.db:
        print("storytrace add: error: --server adds to the server's own database; leave out --db", file=sys.stderr)
        return EXIT_USAGE
    if args.engine != "ray" and (args.ray_address or args.workers):
        print("storytrace add: error: --ray-address and --workers need --engine ray", file=sys.stderr)
        return EXIT_USAGE
    if args.engine == "ray" and args.server:
        print("storytrace add: error: --server and --engine ray are two ways to analyse; choose one", file=sys.stderr)
        return EXIT_USAGE
    with render.progress(len(files), enabled=not args.quiet) as advance:
        if args.server:
            from storytrace.serve.client import add_through_server

            settings = Settings.from_env()
            report = add_through_server(args.server, args.paths, settings, settings.api_token, progress=advance)
        elif args.engine == "ray":
            from storytrace.scale.ray_engine import RayOptions, add_with_ray

            with _open(args, create=True) as corpus:
                report = add_with_ray(corpus, args.paths, RayOptions(args.ray_address, args.workers), advance)
        else:
            with _open(args, create=True) as corpus:
                report = corpus.add(args.paths, progress=advance, on_wait=_say_waiting)
    for problem in report.skipped:
        print(f"skipped {render.plain(problem.source)}: {render.plain(problem.reason)}", file=sys.stderr)
    for source, warning in report.warnings:
        print(f"warning {render.plain(source)}: {render.plain(warning)}", file=sys.stderr)
    print(f"added {len(report.added)} article(s); {len(report.duplicates)} already stored; "
          f"{len(report.skipped)} skipped")
    return EXIT_SKIPPED if report.skipped else EXIT_OK


def _say_waiting(reason: str) -> None:
    print(f"storytrace: {reason}", file=sys.stderr, flush=True)


def cmd_stories(args) -> int:
    with _open(args) as corpus:
        render.stories_table(corpus)
    return EXIT_OK


def cmd_story(args) -> int:
    with _open(args) as corpus:
        view = corpus.story(args.story_id)
        if view is None:
            raise StorytraceError(f"no story with id {args.story_id!r} (see `storytrace stories`)")
        render.story_view(view, corpus)
    return EXIT_OK


def cmd_disputes(args) -> int:
    with _open(args) as corpus:
        render.disputes_list(corpus)
    return EXIT_OK


def cmd_statements(args) -> int:
    from storytrace import Query

    with _open(args) as corpus:
        render.statements_table(corpus.statements(Query(speaker=args.speaker)), corpus)
    return EXIT_OK


def cmd_search(args) -> int:
    with _open(args) as corpus:
        render.search_results(corpus.search(args.query, args.limit))
    return EXIT_OK


def cmd_export(args) -> int:
    if args.table == "all":
        if args.format != "csv" or not args.out:
            print("storytrace export: error: --table all needs --format csv and an --out folder", file=sys.stderr)
            return EXIT_USAGE
        from storytrace.export import export_tables

        with _open(args) as corpus:
            for path in export_tables(corpus, args.out):
                print(path)
        return EXIT_OK
    with _open(args) as corpus:
        if args.out:
            corpus.check_output(args.out)
            with open(args.out, "w", encoding="utf-8", newline="") as handle:
                corpus.export(args.format, handle, args.table)
        else:
            corpus.export(args.format, sys.stdout, args.table)
    return EXIT_OK


def cmd_serve(args) -> int:
    import uvicorn

    from storytrace.serve.api import create_app

    from storytrace.store import default_db, public_name

    db = args.db or default_db()
    app = create_app(db, Settings.from_env(), host=args.host, add_apart=True)
    print(f"storytrace: serving {public_name(db)} at http://{args.host}:{args.port}/ (API docs at /docs)",
          file=sys.stderr)
    if app.state.api_token:
        print(f"storytrace: writes need the header  Authorization: Bearer {app.state.api_token}", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return EXIT_OK


def cmd_report(args) -> int:
    from storytrace.serve.report import write_report

    with _open(args) as corpus:
        corpus.check_output(args.out)
        print(write_report(corpus, args.out))
    return EXIT_OK


def cmd_bench(args) -> int:
    from storytrace.bench.run import run_benchmark

    options = {keyword: getattr(args, keyword) for keyword in args.bench_options}
    result = run_benchmark(args.name, settings=Settings.from_env(), **options)
    print(result.to_json() if args.json else result.to_text())
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
