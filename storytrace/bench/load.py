"""The server under load, on loopback: `storytrace bench load --bodies train_bodies.csv [--db FILE]`.

A store of `articles` (default 10,000) real articles is built fast: a few hundred FNC-1 bodies go through the
whole pipeline once (analysis, stories, claims, disputes), then the store is grown with copies of those
analysed articles under new ids and later dates (their stories, claims and disputes copied alongside), by
store writes, not the NLP pipeline. One story keeps every copy of its articles, so the store holds a story of
hundreds of articles, as a busy running story does. `--db FILE` keeps the store and reuses it next time;
`--db postgresql://...` builds (or reuses) it in that PostgreSQL database instead of a SQLite file.

Then `storytrace serve` runs on a free 127.0.0.1 port and a load generator (threads, one keep-alive connection
each) sends `requests` GETs to every list and search endpoint of the API and the web UI and to story pages,
each spread over VARIANTS variants (pages, speakers, stories, parts of the largest story): req/s, p50 and p99
latency and the largest page. Each server is measured once it has settled (its models loaded). Two passes:
`cold_*` with the server's page cache off (every request computed), then the server as users run it (cache
on), each endpoint's pages first visited once, untimed, as by the readers before: a page's first render is
the `cold_*` figure, its later readers' the cached one. Last, reads are sent while a POST of new FNC-1
articles is analysed and stored: their p50 and p99 show whether readers wait for the writer. Each pass also reports the
server's own CPU time per request (`*_cpu_ms`, from /proc): unlike latency, it hardly moves when other work
shares the machine's cores.
Targets (issue 14): >= 200 req/s and p99 < 100 ms for list, search and story pages; p99 < 250 ms for reads
during a POST; no page over 500 KB."""

from __future__ import annotations

import csv
import http.client
import json
import math
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote, urlencode

from storytrace.bench import BenchResult
from storytrace.errors import BenchError
from storytrace.model import Article, Dispute, RawArticle, Reporter, Story
from storytrace.settings import Settings
from storytrace.store.base import Query
from storytrace.store.names import POSTGRES_SCHEMES

# FNC-1 bodies analysed through the whole pipeline; every other article in the store is a copy of one.
BASE_ARTICLES = 300
# Bodies of news length only: very short bodies are captions, very long ones transcripts.
_MIN_WORDS, _MAX_WORDS = 150, 1200
# Each generation of copies is dated this much later, so copies fall in their own stories' time windows.
_GENERATION_DAYS = 14
# Articles POSTed while reads are measured (new bodies, never in the store): a batch as a newsroom's feed sends
# it, long enough (a minute or more of analysis) that the reads' p99 is the writer's steady state, not its start.
POSTED_ARTICLES = 200
_CSV_FIELD_LIMIT = 10_000_000
_SERVER_START_S = 120.0
_REQUEST_TIMEOUT_S = 60.0
_POST_TIMEOUT_S = 600.0
# A server has settled after start-up (models loaded) once its processes use under this share of a core for
# _SETTLED_S seconds, measured every _SETTLE_STEP_S.
_SETTLED_SHARE, _SETTLED_S, _SETTLE_STEP_S = 0.05, 2.0, 0.5
_PAGE = 50  # items per listing page, the API's default
# Variants of each request (pages, speakers, stories): readers spread over a site, they do not all reload one URL.
VARIANTS = 20
_COMMON_WORDS = ("said", "the", "told", "would", "year", "people", "government", "report", "according", "new",
                 "officials", "statement", "police", "also", "reported", "week", "say", "one", "two", "after")
_FIRST_DAY = date(2015, 1, 1)


@dataclass
class Endpoint:
    name: str
    paths: list[str]  # variants of one request, sent in turn


@dataclass
class Timing:
    latencies: list[float] = field(default_factory=list)  # seconds
    largest: int = 0  # bytes
    errors: int = 0
    wall: float = 0.0
    cpu: float = float("nan")  # seconds of the server's CPU time over the pass


    def metrics(self, prefix: str) -> dict[str, float]:
        ordered = sorted(self.latencies) or [float("nan")]
        return {f"{prefix}_rps": round(len(self.latencies) / self.wall, 1) if self.wall else 0.0,
                f"{prefix}_p50_ms": round(1000 * _quantile(ordered, 0.5), 1),
                f"{prefix}_p99_ms": round(1000 * _quantile(ordered, 0.99), 1),
                f"{prefix}_kb": round(self.largest / 1024, 1),
                f"{prefix}_cpu_ms": round(1000 * self.cpu / max(1, len(self.latencies)), 2),
                f"{prefix}_errors": self.errors}


def bench_load(bodies: Path, db: str | Path | None = None, articles: int = 10_000, requests: int = 500,
               connections: int = 16, settings: Settings | None = None) -> BenchResult:
    """Build (or reuse) the store, serve it on loopback and measure every read endpoint and reads under a POST."""
    started = time.time()
    settings = settings or Settings()
    rows = _read_bodies(Path(bodies))
    if len(rows) < BASE_ARTICLES + POSTED_ARTICLES:
        raise BenchError(f"{bodies}: {len(rows)} usable bodies; the load bench needs "
                         f"{BASE_ARTICLES + POSTED_ARTICLES}")
    with tempfile.TemporaryDirectory(prefix="storytrace-load-") as scratch:
        # A PostgreSQL URL stays a string (as a Path its "//" would collapse).
        path = str(db) if db else str(Path(scratch) / "load.db")
        stored = build_store(path, rows[:BASE_ARTICLES], articles, settings)
        metrics: dict[str, float] = {"articles": stored}
        # First every request computed (the page cache off: what a first reader of each page waits), then the
        # server as users run it, with the cache, and a POST running under the reads at the end.
        with _serving(path, {"STORYTRACE_PAGE_CACHE": "off"}) as (base, pid):
            endpoints = _endpoints(base)
            for endpoint in endpoints:
                cold = _hammer(base, endpoint.paths, requests, connections, pid).metrics(f"cold_{endpoint.name}")
                metrics.update({k: v for k, v in cold.items() if k.endswith(("_rps", "_p50_ms", "_p99_ms", "_cpu_ms"))})
        with _serving(path, {}) as (base, pid):
            for endpoint in endpoints:
                for url in endpoint.paths:  # each page visited once, untimed, as by the readers before
                    _get(base, url)
                metrics.update(_hammer(base, endpoint.paths, requests, connections, pid).metrics(endpoint.name))
            # A fresh sample each run, so a reused store (--db) still receives articles it does not hold.
            posted = random.Random().sample(rows[BASE_ARTICLES:], POSTED_ARTICLES)
            every = [url for e in endpoints for url in e.paths]
            during, post_seconds, post_status = _reads_during_post(base, every, posted, connections, pid)
            # The server's own CPU is the reads' alone: articles are added by a process of its own.
            metrics.update(during.metrics("during_post"))
            metrics["post_seconds"] = round(post_seconds, 1)
            metrics["post_status"] = post_status
    names = [e.name for e in endpoints]
    slowest = sorted(names, key=lambda n: -metrics[f"{n}_p99_ms"])[:5]
    metrics["min_rps"] = min(metrics[f"{n}_rps"] for n in names)
    metrics["max_p99_ms"] = max(metrics[f"{n}_p99_ms"] for n in names)
    metrics["cold_min_rps"] = min(metrics[f"cold_{n}_rps"] for n in names)
    metrics["cold_max_p99_ms"] = max(metrics[f"cold_{n}_p99_ms"] for n in names)
    metrics["max_page_kb"] = max(metrics[f"{n}_kb"] for n in names)
    metrics["cold_max_cpu_ms"] = max(metrics[f"cold_{n}_cpu_ms"] for n in names)
    metrics["max_cpu_ms"] = max(metrics[f"{n}_cpu_ms"] for n in names)
    costly = sorted(names, key=lambda n: -metrics[f"cold_{n}_cpu_ms"])[:5]
    return BenchResult("load", f"{bodies} ({BASE_ARTICLES} analysed bodies grown to {stored} articles)",
                       2 * len(names) * requests, "min_rps", metrics,
                       f"storytrace serve (uvicorn, one process; POSTs added by its adding process) on loopback, "
                       f"{'PostgreSQL' if path.startswith(POSTGRES_SCHEMES) else 'SQLite'} store; {connections} connections; "
                       f"{VARIANTS} variants per request; POST analysed with {settings.spacy_model}",
                       round(time.time() - started, 1),
                       details={"slowest p99 (ms, cache on)": ", ".join(f"{n} {metrics[n + '_p99_ms']}"
                                                                        for n in slowest),
                                "costliest (server CPU ms per request, cache off)": ", ".join(
                                    f"{n} {metrics['cold_' + n + '_cpu_ms']}" for n in costly)})


def _read_bodies(path: Path) -> list[tuple[str, str]]:
    """(Body ID, text) of the bodies of news length, in file order."""
    csv.field_size_limit(_CSV_FIELD_LIMIT)
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            rows = [(r["Body ID"], r["articleBody"]) for r in csv.DictReader(handle)]
    except (OSError, KeyError, csv.Error, UnicodeDecodeError) as exc:
        raise BenchError(f"{path}: not an FNC-1 bodies CSV ({exc})") from exc
    return [(i, text) for i, text in rows if _MIN_WORDS <= len(text.split()) <= _MAX_WORDS]


def _raw(body_id: str, text: str, number: int) -> RawArticle:
    # FNC-1 bodies carry no date: spread them over two months so stories form as they would in a feed.
    day = _FIRST_DAY + timedelta(days=number % 60)
    return RawArticle(source=f"fnc1-body-{body_id}", content=text, kind="text",
                      published=f"{day.isoformat()}T12:00:00+00:00")


def build_store(path: str, rows: list[tuple[str, str]], articles: int, settings: Settings) -> int:
    """Analyse `rows` into the store at `path` (unless it already holds them), then copy them until it holds
    `articles` articles; returns how many it holds. A store already that large is reused as it is."""
    import storytrace

    with storytrace.open(path, settings) as corpus:
        held = _count(corpus.store)
        if held >= articles:
            return held
        if held == 0:
            report = corpus.add_raw([_raw(i, text, n) for n, (i, text) in enumerate(rows)])
            if not report.added:
                raise BenchError("no FNC-1 body could be analysed: " +
                                 "; ".join(f"{p.source}: {p.reason}" for p in report.skipped[:3]))
        return _grow(corpus.store, articles)


def _grow(store, target: int) -> int:
    """Copy the store's first generation of articles (with stories, claims, disputes) until it holds `target`."""
    base = [a for a in store.articles() if "~g" not in a.id]
    stories = {s.id: s for s in store.stories()}
    claims = store.claims()
    disputes = store.disputes()
    claim_of = store.statement_claims([s.id for a in base for s in a.statements])
    # The story with the most articles keeps every copy of them: a long-running story of hundreds of articles.
    big = max(stories.values(), key=lambda s: len(s.article_ids)).id
    held = _count(store)
    generation = 1 + max((int(a.id.rsplit("~g", 1)[1]) for a in store.articles() if "~g" in a.id), default=0)
    while held < target:
        shift = timedelta(days=_GENERATION_DAYS * generation)
        tag = f"~g{generation}"
        with store.transaction():
            for article in base:
                if held >= target:
                    break
                story_id = stories[_story_of(stories, article.id)].id
                store.put_article(_copy_article(article, tag, shift), story_id if story_id == big else story_id + tag)
                held += 1
            for story in stories.values():
                if story.id != big:
                    store.put_story(Story(story.id + tag, story.title, [], _later(story.first_seen, shift),
                                          _later(story.last_seen, shift)))
            for claim in claims:
                story_id = claim.story_id if claim.story_id == big else claim.story_id + tag
                store.put_claim(replace(claim, id=claim.id + tag, story_id=story_id, statement_ids=[]))
            for article in base:
                for statement in article.statements:
                    if claim_of.get(statement.id) and store.has_article(article.id + tag):
                        store.set_statement_claim(statement.id + tag, claim_of[statement.id] + tag)
            by_claim: dict[str, list[Dispute]] = {}
            for d in disputes:
                by_claim.setdefault(d.claim_id + tag, []).append(
                    replace(d, id=d.id + tag, claim_id=d.claim_id + tag, statement_ids=[i + tag for i in d.statement_ids],
                            reported_by=_tagged(d.reported_by, tag)))
            for claim_id, copies in by_claim.items():
                store.replace_disputes(claim_id, copies)
        generation += 1
    story = stories[big]
    with store.transaction():
        store.put_story(Story(big, story.title, [], story.first_seen,
                              _later(story.last_seen, timedelta(days=_GENERATION_DAYS * (generation - 1)))))
    return held


def _count(store) -> int:
    return store.find_articles(Query(limit=1))[1]


def _story_of(stories: dict[str, Story], article_id: str) -> str:
    return next(s.id for s in stories.values() if article_id in s.article_ids)


def _later(day, shift: timedelta):
    return day + shift if day is not None else None


def _tagged(reported_by: list[Reporter] | None, tag: str) -> list[Reporter] | None:
    """A copied dispute's reporting articles: the copies of the original's."""
    return None if reported_by is None else [replace(r, article_id=r.article_id + tag) for r in reported_by]


def _copy_article(article: Article, tag: str, shift: timedelta) -> Article:
    dateline = replace(article.dateline, date=_later(article.dateline.date, shift)) if article.dateline else None
    statements = [replace(s, id=s.id + tag, article_id=article.id + tag, said_on=_later(s.said_on, shift))
                  for s in article.statements]
    return replace(article, id=article.id + tag, source=article.source + tag, dateline=dateline,
                   published=_later(article.published, shift), statements=statements)


# load generation
@contextmanager
def _serving(db: str, env: dict[str, str]) -> Iterator[tuple[str, int]]:
    """`storytrace serve` on a free loopback port, as a user starts it (with `env` added); yields its base URL
    and process id."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "STORYTRACE_N_PROCESS": "1", **env}
    server = subprocess.Popen([sys.executable, "-m", "storytrace", "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    try:
        deadline = time.monotonic() + _SERVER_START_S
        while True:
            if server.poll() is not None:
                raise BenchError(f"storytrace serve exited: {server.stderr.read().decode()[-500:]}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise BenchError("storytrace serve did not start") from None
                time.sleep(0.2)
        # Ready when it answers (a request no measured pass sends, so no measured page is cached by it) and has
        # loaded its models: `serve` loads them in the background as it starts, which would otherwise take the
        # cores from the first endpoints measured.
        _get_json(f"127.0.0.1:{port}", "/api/stories?limit=1")
        _wait_until_settled(server.pid)
        yield f"127.0.0.1:{port}", server.pid
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _get(base: str, path: str) -> bytes:
    """The body of one GET of `path`, on a connection of its own; anything but 200 is a BenchError."""
    connection = http.client.HTTPConnection(base, timeout=_REQUEST_TIMEOUT_S)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        if response.status != 200:
            raise BenchError(f"GET {path}: HTTP {response.status}")
        return body
    finally:
        connection.close()


def _get_json(base: str, path: str) -> object:
    return json.loads(_get(base, path))


def _endpoints(base: str) -> list[Endpoint]:
    """Every list and search endpoint (API and web), deep pages, story pages (a middle-sized story and the largest),
    each as VARIANTS requests (pages, speakers, stories) so a reader's spread is measured, not one URL."""
    stories = _get_json(base, "/api/stories?limit=500")["items"]
    by_size = sorted(stories, key=lambda s: len(s["article_ids"]))
    largest = by_size[-1]
    middle = by_size[len(by_size) // 2:len(by_size) // 2 + VARIANTS]
    statements = _get_json(base, "/api/statements?limit=1")["total"]
    speakers = list(dict.fromkeys(s["speaker"]["name"] for s in _get_json(base, "/api/statements?limit=500")["items"]
                                  if s["speaker"]["entity_id"]))[:VARIANTS]
    parts = max(1, min(VARIANTS, len(_get_json(base, f"/api/stories/{quote(largest['id'], safe='')}")["timeline"])
                       // 50))
    pages = [n * _PAGE for n in range(VARIANTS)]

    def paged(path: str, deep: int = 0) -> list[str]:
        return [f"{path}{'&' if '?' in path else '?'}offset={max(0, deep - offset) if deep else offset}"
                for offset in pages]

    return [
        Endpoint("api_stories", paged(f"/api/stories?limit={_PAGE}")),
        Endpoint("api_articles", paged(f"/api/articles?limit={_PAGE}")),
        Endpoint("api_statements", paged(f"/api/statements?limit={_PAGE}")),
        Endpoint("api_statements_deep", paged(f"/api/statements?limit={_PAGE}", deep=statements - _PAGE)),
        Endpoint("api_statements_speaker", [f"/api/statements?limit={_PAGE}&{urlencode({'speaker': n})}"
                                            for n in speakers]),
        Endpoint("api_claims", paged(f"/api/claims?limit={_PAGE}")),
        Endpoint("api_disputes", paged(f"/api/disputes?limit={_PAGE}")),
        Endpoint("api_entities", paged(f"/api/entities?limit={_PAGE}")),
        Endpoint("api_search", [f"/api/search?{urlencode({'q': n})}&limit=20" for n in speakers]),
        # The commonest words of news: nearly every article and statement matches, and all are ranked.
        Endpoint("api_search_common", [f"/api/search?q={w}&limit=20" for w in _COMMON_WORDS]),
        Endpoint("api_story_middle", [f"/api/stories/{quote(s['id'], safe='')}" for s in middle]),
        Endpoint("web_stories", paged("/")),
        Endpoint("web_search", [f"/search?{urlencode({'q': n})}" for n in speakers]),
        Endpoint("web_speaker", [f"/speakers?{urlencode({'name': n})}" for n in speakers]),
        Endpoint("web_disputes", paged("/disputes")),
        Endpoint("web_story_middle", [f"/stories/{quote(s['id'], safe='')}" for s in middle]),
        Endpoint("web_story_largest", [f"/stories/{quote(largest['id'], safe='')}?part={n + 1}"
                                       for n in range(parts)]),
    ]


def _hammer(base: str, paths: list[str], requests: int, connections: int, server: int | None = None,
            until: Callable[[], bool] | None = None) -> Timing:
    """GET `paths` in turn over `connections` keep-alive connections: `requests` in all, or (with `until`) as
    many as fit before until() turns true, each connection still bounded by `requests`; the CPU time the
    `server` process spent meanwhile is kept too."""
    timing, lock = Timing(), threading.Lock()
    share = max(1, requests // connections)

    def worker(offset: int) -> None:
        connection = http.client.HTTPConnection(base, timeout=_REQUEST_TIMEOUT_S)
        latencies, largest, errors = [], 0, 0
        try:
            for i in range(share if until is None else requests):
                if until is not None and until():
                    break
                path = paths[(offset + i) % len(paths)]
                begun = time.perf_counter()
                try:
                    connection.request("GET", path)
                    response = connection.getresponse()
                    body = response.read()
                except (OSError, http.client.HTTPException):
                    errors += 1
                    connection.close()
                    connection = http.client.HTTPConnection(base, timeout=_REQUEST_TIMEOUT_S)
                    continue
                latencies.append(time.perf_counter() - begun)
                largest = max(largest, len(body))
                if response.status != 200:
                    errors += 1
        finally:
            connection.close()
            with lock:
                timing.latencies.extend(latencies)
                timing.largest = max(timing.largest, largest)
                timing.errors += errors

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(connections)]
    cpu = _cpu_seconds(server)
    begun = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    timing.wall = time.perf_counter() - begun
    timing.cpu = _cpu_seconds(server) - cpu
    return timing


def _wait_until_settled(pid: int) -> None:
    """Wait until process `pid` and its children (the adding process) use under _SETTLED_SHARE of a core for
    _SETTLED_S seconds, or _SERVER_START_S have passed."""
    deadline, calm_since = time.monotonic() + _SERVER_START_S, None
    before = _tree_cpu_seconds(pid)
    while time.monotonic() < deadline:
        time.sleep(_SETTLE_STEP_S)
        now = _tree_cpu_seconds(pid)
        busy, before = now - before > _SETTLED_SHARE * _SETTLE_STEP_S, now
        calm_since = None if busy else (calm_since or time.monotonic())
        if calm_since is not None and time.monotonic() - calm_since >= _SETTLED_S:
            return


def _tree_cpu_seconds(pid: int) -> float:
    """CPU seconds of process `pid` and its direct children (Linux /proc)."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        children = []
    return sum(t for t in (_cpu_seconds(int(p)) for p in [pid, *children]) if not math.isnan(t))  # gone meanwhile


def _cpu_seconds(pid: int | None) -> float:
    """User and system CPU seconds process `pid` has used (Linux /proc); NaN when it cannot be read."""
    try:
        # Fields after the parenthesised command name: state is the first, utime the 12th, stime the 13th.
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError, TypeError):
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _post(base: str, rows: list[tuple[str, str]]) -> int:
    body = json.dumps({"articles": [{"text": text, "published": "2016-03-01T12:00:00+00:00"}
                                    for _, text in rows]}).encode()
    connection = http.client.HTTPConnection(base, timeout=_POST_TIMEOUT_S)
    try:
        connection.request("POST", "/api/articles", body, {"Content-Type": "application/json"})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def _reads_during_post(base: str, paths: list[str], rows: list[tuple[str, str]], connections: int,
                       server: int) -> tuple[Timing, float, int]:
    """Read latency while a POST of `rows` is analysed and stored (models loaded by a first, one-article POST,
    so the measured POST is the writer at work, not start-up)."""
    _post(base, rows[:1])
    done = threading.Event()
    outcome: dict[str, float] = {}

    def writer() -> None:
        begun = time.perf_counter()
        try:
            outcome["status"] = _post(base, rows[1:])
        finally:
            outcome["seconds"] = time.perf_counter() - begun
            done.set()

    thread = threading.Thread(target=writer)
    thread.start()
    # Bounded both ways: stops when the POST ends, and never sends more than this many requests per connection.
    timing = _hammer(base, paths, 100_000, connections, server, until=done.is_set)
    thread.join()
    return timing, outcome.get("seconds", 0.0), int(outcome.get("status", 0))


def _quantile(ordered: list[float], q: float) -> float:
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]
