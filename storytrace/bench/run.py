"""Dispatch `storytrace bench NAME` to its benchmark function.

Each benchmark declares the options it reads; the CLI builds one sub-command per benchmark from them (so an
option a benchmark does not take is a usage error), and `run_benchmark` checks paths before anything loads.
"""

from __future__ import annotations

import importlib
import inspect
from dataclasses import dataclass
from pathlib import Path

from storytrace.bench import BenchResult
from storytrace.errors import BenchError
from storytrace.settings import Settings


@dataclass(frozen=True)
class Option:
    """One option of one benchmark: `--name` on the command line, `name` (dashes as underscores) in Python."""

    name: str
    help: str
    kind: str = "str"  # folder | file | path | str | int | flag
    required: bool = False
    default: object = None
    choices: tuple[str, ...] = ()

    @property
    def keyword(self) -> str:
        return self.name.replace("-", "_")


@dataclass(frozen=True)
class Benchmark:
    target: str  # "module:function"
    summary: str
    options: tuple[Option, ...] = ()


_LIMIT = Option("limit", "use at most this many items", "int")
_DB = Option("db", "build the benchmark's corpus in this new database and keep it (default: a temporary one)",
             "path")


def _folder(name: str, what: str) -> Option:
    return Option(name, what, "folder", required=True)


def _file(name: str, what: str) -> Option:
    return Option(name, what, "file", required=True)


BENCHMARKS: dict[str, Benchmark] = {
    "clean-text": Benchmark("storytrace.bench.clean:bench_clean_text", "scraped-text cleaner on trafilatura-eval pages",
                            (_folder("data", "trafilatura-eval folder"),)),
    "clean-html": Benchmark("storytrace.bench.clean:bench_clean_html", "HTML main-text extraction",
                            (_folder("data", "trafilatura-eval or article-extraction-benchmark folder"),)),
    "meta-text": Benchmark("storytrace.bench.meta:bench_meta_text",
                           "headline, date, byline, outlet from a page's visible text, against its markup",
                           (_folder("data", "trafilatura-eval or article-extraction-benchmark folder"), _LIMIT)),
    "meta-html": Benchmark("storytrace.bench.meta:bench_meta_html",
                           "headline, date, byline, outlet from a page's HTML, against its markup",
                           (_folder("data", "trafilatura-eval or article-extraction-benchmark folder"), _LIMIT)),
    "speed": Benchmark("storytrace.bench.speed:bench_speed", "full pipeline against spaCy alone", (
        Option("corpus", "folder of articles (or --bodies)", "folder"),
        Option("bodies", "FNC-1 bodies CSV, one article per body (or --corpus)", "file"), _LIMIT,
        Option("min-words", "only articles with at least this many words", "int", default=0),
        Option("max-words", "only articles with at most this many words", "int"), _DB)),
    "polnear": Benchmark("storytrace.bench.polnear:bench_polnear", "attribution relations on PolNeAR",
                         (_folder("dir", "a PolNeAR split folder (text/, attributions/)"), _LIMIT)),
    "statements": Benchmark("storytrace.bench.statements:bench_statements",
                            "a read sample of statements on PolNeAR dev: text attributed, speaker, polarity", (
                                _folder("data", "the PolNeAR folder (dev/, metadata.tsv)"),
                                _file("judgments", "verdicts TSV (storytrace/bench/data/"
                                                   "polnear-dev-statement-judgments.tsv)"),
                                Option("seed", "the sample's seed", "int", default=1),
                                Option("sample", "statements drawn", "int", default=60),
                                Option("sheet", "write the sample, in context, to this TSV to read", "path"))),
    "tempeval": Benchmark("storytrace.bench.tempeval:bench_tempeval", "time expressions on TempEval-3 TimeML", (
        _folder("dir", "folder of .tml files"), _LIMIT,
        Option("split", "only the dev or train part of the fixed TimeBank split", choices=("dev", "train")))),
    "fnc1": Benchmark("storytrace.bench.stance:bench_fnc1", "headline/body stance on FNC-1", (
        _file("bodies", "FNC-1 bodies CSV"), _file("stances", "FNC-1 stances CSV"), _LIMIT,
        Option("split", "on train_stances.csv, score the held-out claims (no headline or body seen in training) "
                        "or the old split's held-out bodies", default="claim", choices=("claim", "body")),
        Option("cross-encoder", "the fine-tuned cross-encoder splits related pairs (agree/disagree/discuss)",
               "flag"))),
    "emergent": Benchmark("storytrace.bench.stance:bench_emergent", "claim/headline stance on Emergent",
                          (_file("pairs", "Emergent CSV"), _LIMIT)),
    "emergent-claims": Benchmark("storytrace.bench.claims:bench_emergent_claims",
                                 "grouping Emergent headlines into claims", (_file("pairs", "Emergent CSV"), _LIMIT)),
    "disputes": Benchmark("storytrace.bench.disputes:bench_disputes",
                          "disputes among FNC-1 bodies of contested claims, against the claims (strict recall, "
                          "stories, disputes across claims, precision from read verdicts)", (
                              _file("bodies", "FNC-1 bodies CSV"), _file("stances", "FNC-1 stances CSV"),
                              Option("limit", "use only the first N contested claims", "int"), _DB,
                              Option("sheet", "write every dispute, both sides in context, to this Markdown file",
                                     "path"),
                              Option("judgments", "verdicts TSV (storytrace/bench/data/fnc1-dispute-judgments.tsv)",
                                     "file"),
                              Option("claims", "the contested claims (developed on), the others with refuting and "
                                     "agreeing bodies, or the unrefuted ones with no refuting body (both held out: "
                                     "nothing was tuned on them)", default="contested",
                                     choices=("contested", "others", "unrefuted")))),
    "disputes-news": Benchmark("storytrace.bench.disputes_news:bench_disputes_news",
                               "disputes among PolNeAR's political news articles, read (held out: precision from "
                               "read verdicts)", (
                                   _folder("data", "PolNeAR folder (train/, dev/, metadata.tsv)"),
                                   Option("split", "the articles of this split", default="train",
                                          choices=("train", "dev")),
                                   _LIMIT, _DB,
                                   Option("sheet", "write every dispute, both sides in context, to this Markdown "
                                          "file", "path"),
                                   Option("judgments", "verdicts TSV (storytrace/bench/data/"
                                          "polnear-dispute-judgments.tsv)", "file"))),
    "ecbplus": Benchmark("storytrace.bench.stories:bench_ecbplus", "story clustering on ECB+",
                         (_folder("dir", "ECB+ folder of <topic>/*.xml"), _LIMIT, _DB)),
    "startup": Benchmark("storytrace.bench.startup:bench_startup",
                         "start-up and latency: import, reading commands, one new article, a re-add, one article "
                         "through a running server", (
                             Option("db", "a corpus to read (make demo builds demo.db)", "file", required=True),
                             Option("repeat", "runs of each step; the median is reported", "int", default=5))),
    "link-speed": Benchmark("storytrace.bench.link_speed:bench_link_speed",
                            "linking cost per new article as synthetic stores grow", (
                                Option("sizes", "comma-separated store sizes", default="1000,10000,100000"),
                                Option("limit", "articles timed at each size (default 200)", "int"))),
    "reliability": Benchmark("storytrace.bench.reliability:bench_reliability",
                             "hostile inputs, SIGKILL safety and false refusals of `add` (subprocesses)", (
                                 Option("bodies", "FNC-1 bodies CSV (default: shared/data beside the repo)", "file"),
                                 Option("dir", "PolNeAR folder (default: shared/data)", "folder"),
                                 Option("data", "trafilatura-eval folder (default: shared/data)", "folder"),
                                 Option("limit", "articles in the SIGKILL corpus and per false-refusal set "
                                                 "(default: 300 and all)", "int"))),
    "load": Benchmark("storytrace.bench.load:bench_load",
                      "`storytrace serve` under load on loopback: req/s and p50/p99 of every list, search and story "
                      "page, and of reads during a POST", (
                          _file("bodies", "FNC-1 bodies CSV (train_bodies.csv)"),
                          Option("db", "keep the built store in this file (or postgresql:// URL), and reuse it "
                                       "when it is already there"),
                          Option("articles", "articles in the store", "int", default=10_000),
                          Option("requests", "requests per endpoint, in each of two passes", "int", default=500),
                          Option("connections", "concurrent keep-alive connections", "int", default=16))),
    "scale": Benchmark("storytrace.bench.scale:bench_scale",
                       "Ray engine: articles/s with 1, 2, ... workers on a local Ray, and the driver's linker alone", (
                           _folder("corpus", "folder of articles"),
                           Option("workers", "comma-separated worker counts", default="1,2"),
                           Option("limit", "use at most this many input files", "int"))),
}


def run_benchmark(name: str, settings: Settings | None = None, **options) -> BenchResult:
    """Run benchmark `name` with its declared options (keyword names; None means "not given") and the product's
    settings (a benchmark measures what users run)."""
    bench = BENCHMARKS.get(name)
    if bench is None:
        raise BenchError(f"unknown benchmark {name!r}; choose one of {', '.join(BENCHMARKS)}")
    declared = {option.keyword: option for option in bench.options}
    unknown = sorted(k for k, v in options.items() if v is not None and k not in declared)
    if unknown:
        raise BenchError(f"benchmark {name} takes no option {', '.join('--' + k.replace('_', '-') for k in unknown)}")
    for option in bench.options:
        _check(name, option, options.get(option.keyword))
    module_name, function_name = bench.target.split(":")
    try:
        function = getattr(importlib.import_module(module_name), function_name)
    except (ImportError, AttributeError) as exc:
        raise BenchError(f"benchmark {name} is not available in this build ({exc})") from exc
    chosen = {k: v for k, v in options.items() if v is not None}
    if "settings" in inspect.signature(function).parameters:
        chosen["settings"] = settings or Settings()
    return function(**chosen)


def _check(bench: str, option: Option, value) -> None:
    if value is None:
        if option.required:
            raise BenchError(f"benchmark {bench} needs --{option.name}")
        return
    if option.kind == "folder" and not Path(value).is_dir():
        raise BenchError(f"{value}: not a folder")
    if option.kind == "file" and not Path(value).is_file():
        raise BenchError(f"{value}: no such file")
    if option.choices and value not in option.choices:
        raise BenchError(f"--{option.name} must be one of {', '.join(option.choices)}, not {value!r}")
