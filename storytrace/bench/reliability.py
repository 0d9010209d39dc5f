"""`storytrace bench reliability`: nothing a user feeds `add` stops a batch, loses data or gets in.

Three parts, each run the way a user runs storytrace (a `python -m storytrace add` subprocess with a timeout):

1. A hostile corpus (storytrace.bench.hostile: every encoding, garbage, broken files, file-system traps,
   odd names) goes through `add` as one folder, and the crash-prone inputs each alone. Every input must get
   its verdict (stored; stored with a warning; or one `skipped NAME: reason` line), with no traceback, no
   hang, no stray output line, and exit code 3 when anything was skipped.
2. `add` of a corpus of real articles is killed with SIGKILL at random points and rerun; the result must
   equal one clean run: nothing lost or duplicated, integrity checks ok, the same export.
3. False refusals: real articles (FNC-1 bodies, PolNeAR texts, English trafilatura-eval pages) through the
   clean stage, which must refuse none of them.
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from storytrace.bench import BenchResult
from storytrace.bench import hostile
from storytrace.errors import BenchError, IngestError
from storytrace.ingest.names import display_name
from storytrace.settings import Settings

# Public data beside the repository (shared/data), the default for every data option.
DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
# Real articles shorter than this are not used as valid inputs: the bench's valid inputs must be articles
# by any standard.
MIN_ARTICLE_WORDS = 80
# Seconds one `add` of the hostile folder, of one input, and of the crash corpus may take before it is a hang.
FOLDER_TIMEOUT = 900
ALONE_TIMEOUT = 180
CRASH_TIMEOUT = 1800
KILLS = 10
CRASH_ARTICLES = 300
# Seconds between looks at the database while waiting for the next kill point.
POLL_SECONDS = 0.2

_VERDICT = re.compile(r"^(skipped|warning) (.+?): (.+)$")
_SUMMARY = re.compile(r"^added \d+ article\(s\); \d+ already stored; \d+ skipped$")
# Capabilities that let root read files whatever their permissions: dropped so "unreadable" means it.
_DROP_DAC = ("setpriv", "--bounding-set=-dac_override,-dac_read_search",
             "--inh-caps=-dac_override,-dac_read_search")


@dataclass
class Run:
    """One `add` subprocess: what it printed and how it ended."""

    returncode: int | None
    stdout: str
    stderr: str
    seconds: float
    peak_rss_mb: float
    hung: bool

    @property
    def traceback(self) -> bool:
        return "Traceback (most recent call last)" in self.stderr or self.returncode not in (0, 3, None)

    def verdicts(self) -> dict[str, list[tuple[str, str]]]:
        found: dict[str, list[tuple[str, str]]] = {}
        for line in self.stderr.splitlines():
            match = _VERDICT.match(line)
            if match:
                found.setdefault(match.group(2), []).append((match.group(1), match.group(3)))
        return found

    def stray_lines(self) -> list[str]:
        stray = [line for line in self.stderr.splitlines() if line.strip() and not _VERDICT.match(line)]
        stray += [line for line in self.stdout.splitlines() if line.strip() and not _SUMMARY.match(line)]
        return stray


@dataclass
class Tally:
    """Verdicts checked, and each way a verdict was not clean (with examples)."""

    checked: int = 0
    clean: int = 0
    problems: dict[str, list[str]] = field(default_factory=dict)

    def bad(self, kind: str, what: str) -> None:
        self.problems.setdefault(kind, []).append(what)

    def count(self, kind: str) -> int:
        return len(self.problems.get(kind, []))


def bench_reliability(limit: int | None = None, bodies: Path | None = None, dir: Path | None = None,
                      data: Path | None = None, settings: Settings | None = None) -> BenchResult:
    """Hostile inputs, SIGKILL safety and false refusals; `limit` shrinks the crash corpus and the
    false-refusal samples for a quick run."""
    started = time.perf_counter()
    settings = settings or Settings()
    bodies = Path(bodies or DATA / "fnc1" / "train_bodies.csv")
    articles = read_bodies(bodies)
    if len(articles) < 60:
        raise BenchError(f"{bodies}: needs at least 60 bodies of {MIN_ARTICLE_WORDS}+ words, found {len(articles)}")
    crash_size = min(limit or CRASH_ARTICLES, len(articles))
    metrics: dict[str, float] = {}
    details: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="storytrace-reliability-") as tmp:
        work = Path(tmp)
        metrics_h, details_h = _hostile_part(work, articles)
        metrics.update(metrics_h)
        details.update(details_h)
        metrics_c, details_c = _crash_part(work, articles[:crash_size], min(KILLS, max(crash_size // 10, 1)))
        metrics.update(metrics_c)
        details.update(details_c)
    metrics_r, details_r = _refusal_part(settings, limit, bodies, Path(dir or DATA / "polnear"),
                                         Path(data or DATA / "trafilatura-eval"))
    metrics.update(metrics_r)
    details.update(details_r)
    return BenchResult("reliability", f"hostile corpus + {crash_size} FNC-1 bodies ({bodies})",
                       int(metrics["inputs"]), "clean_verdicts_pct", metrics, "storytrace add (subprocesses)",
                       time.perf_counter() - started, details)


def read_bodies(path: Path) -> list[str]:
    """Distinct FNC-1 bodies of at least MIN_ARTICLE_WORDS words, in file order."""
    csv.field_size_limit(1 << 30)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            texts = [row["articleBody"] for row in csv.DictReader(handle)]
    except (OSError, KeyError) as exc:
        raise BenchError(f"{path}: not an FNC-1 bodies CSV ({exc})") from exc
    seen: set[str] = set()
    kept = []
    for text in texts:
        key = " ".join(text.split())
        if len(text.split()) >= MIN_ARTICLE_WORDS and key not in seen:
            seen.add(key)
            kept.append(text.strip())
    return kept


# --- running `add` -----------------------------------------------------------------------------------

def _privileged() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def can_test_unreadable() -> bool:
    """Whether "unreadable" files are unreadable to `add` here: always for a normal user; for root only with
    its file-permission capabilities dropped (setpriv)."""
    return not _privileged() or shutil.which("setpriv") is not None


def run_add(paths: list[Path], db: Path, timeout: float) -> Run:
    """`python -m storytrace add --quiet --db DB -- PATH...` in its own process group, with a timeout, as a
    user file permissions apply to; its peak memory is the largest resident size of it or its workers."""
    command = [sys.executable, "-m", "storytrace", "add", "--quiet", "--db", str(db), "--", *map(os.fsdecode, paths)]
    if _privileged() and shutil.which("setpriv"):
        command = [*_DROP_DAC, *command]
    return _run(command, timeout)


def _run(command: list[str], timeout: float, stop: Callable[[], bool] | None = None) -> Run:
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        began = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                   start_new_session=True)
        hung = False
        status = usage = None
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if stop is not None and stop():
                os.killpg(process.pid, signal.SIGKILL)
                _, status, usage = os.wait4(process.pid, 0)
                break
            if time.perf_counter() - began > timeout:
                hung = True
                os.killpg(process.pid, signal.SIGKILL)
                _, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(POLL_SECONDS / 2)
        process.returncode = os.waitstatus_to_exitcode(status)
        _kill_group(process.pid)
        seconds = time.perf_counter() - began
        out.seek(0)
        err.seek(0)
        return Run(None if hung else process.returncode, out.read().decode("utf-8", "replace"),
                   err.read().decode("utf-8", "replace"), seconds, usage.ru_maxrss / 1024, hung)


def _kill_group(pid: int) -> None:
    """Workers the killed process leaves behind must not outlive the bench."""
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def stored_sources(db: Path) -> list[str]:
    if not db.exists():
        return []
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        try:
            return [row[0] for row in connection.execute("SELECT source FROM articles")]
        except sqlite3.OperationalError:
            return []


# --- part 1: hostile corpus ---------------------------------------------------------------------------

def _hostile_part(work: Path, articles: list[str]) -> tuple[dict[str, float], dict[str, object]]:
    corpus = work / "hostile"
    cases = hostile.build(corpus, articles)
    testable = can_test_unreadable()
    tally = Tally()
    runs: list[Run] = []
    try:
        folder_run = run_add([corpus], work / "folder.db", FOLDER_TIMEOUT)
        runs.append(folder_run)
        _judge(cases, corpus, folder_run, stored_sources(work / "folder.db"), tally, testable, "folder")
        slowest = ("", 0.0)
        for number, case in enumerate(c for c in cases if c.alone):
            db = work / f"alone-{number}.db"
            run = run_add([corpus / case.path], db, ALONE_TIMEOUT)
            runs.append(run)
            _judge([case], corpus, run, stored_sources(db), tally, testable, "alone")
            if run.seconds > slowest[1]:
                slowest = (case.kind, run.seconds)
    finally:
        hostile.cleanup(corpus)
    units = sum(max(c.lines, 1) for c in cases)
    metrics = {
        "inputs": float(units),
        "input_files": float(len(cases)),
        "runs": float(len(runs)),
        "clean_verdicts_pct": 100.0 * tally.clean / max(tally.checked, 1),
        "verdicts_checked": float(tally.checked),
        "tracebacks": float(sum(r.traceback for r in runs)),
        "hangs": float(sum(r.hung for r in runs)),
        "garbage_accepted": float(tally.count("garbage accepted")),
        "valid_refused": float(tally.count("valid input refused")),
        "missing_verdicts": float(tally.count("no verdict")),
        "missing_warnings": float(tally.count("no warning")),
        "wrong_exit_codes": float(tally.count("wrong exit code")),
        "stray_output_lines": float(sum(len(r.stray_lines()) for r in runs)),
        "peak_rss_mb": max(r.peak_rss_mb for r in runs),
        "folder_run_s": folder_run.seconds,
        "slowest_alone_run_s": slowest[1],
    }
    details: dict[str, object] = {"slowest alone input": slowest[0]}
    if not testable:
        details["not testable"] = "running as root without setpriv: unreadable files are readable"
    for kind, examples in tally.problems.items():
        details[kind] = "; ".join(examples[:6]) + (f"; and {len(examples) - 6} more" if len(examples) > 6 else "")
    stray = [line for r in runs for line in r.stray_lines()]
    if stray:
        details["stray output"] = " | ".join(stray[:5])
    return metrics, details


def _judge(cases: list[hostile.Case], corpus: Path, run: Run, stored: list[str], tally: Tally,
           testable: bool, how: str) -> None:
    """Check each case's verdict in one run's output and the database it wrote."""
    verdicts = run.verdicts()
    stored_set = set(stored)
    skipped_any = any(kind == "skipped" for found in verdicts.values() for kind, _ in found)
    if not run.hung and run.returncode != (3 if skipped_any else 0):
        tally.bad("wrong exit code", f"{how}: exit {run.returncode} with{'' if skipped_any else 'out'} skips")
    for case in cases:
        if case.needs_unprivileged and not testable:
            continue
        source = display_name(corpus / case.path)
        units = [f"{source}#{n}" for n in range(1, case.lines + 1)] if case.lines else [source]
        for unit in units:
            tally.checked += 1
            found = verdicts.get(unit, [])
            if case.lines and not found and unit not in stored_set:
                # A JSONL file refused whole (too large, undecodable) gives one verdict for the file.
                found = verdicts.get(source, [])
            skips = [reason for kind, reason in found if kind == "skipped"]
            warnings = [reason for kind, reason in found if kind == "warning"]
            label = f"{case.kind} ({how})"
            if run.hung:
                tally.bad("hang", label)
            elif case.expect == hostile.SKIP:
                if unit in stored_set:
                    tally.bad("garbage accepted", label)
                elif len(skips) != 1 or not skips[0].strip():
                    tally.bad("no verdict", label)
                else:
                    tally.clean += 1
            elif skips or unit not in stored_set:
                tally.bad("valid input refused" if skips else "no verdict",
                          f"{label}: {skips[0] if skips else 'not stored, no reason'}")
            elif case.expect == hostile.WARN and not warnings:
                tally.bad("no warning", label)
            else:
                tally.clean += 1


# --- part 2: SIGKILL at random points ----------------------------------------------------------------

def _crash_part(work: Path, articles: list[str], kills: int) -> tuple[dict[str, float], dict[str, object]]:
    folder = work / "crash"
    folder.mkdir()
    for number, text in enumerate(articles):
        (folder / f"{number:04d}.txt").write_text(text, encoding="utf-8")
    clean_db, killed_db = work / "clean.db", work / "killed.db"
    clean = run_add([folder], clean_db, CRASH_TIMEOUT)
    rng = random.Random(14)
    points = sorted(rng.sample(range(1, len(articles)), kills))
    killed_at = []
    for point in points:
        run = _run([*(_DROP_DAC if _privileged() and shutil.which("setpriv") else ()), sys.executable, "-m",
                    "storytrace", "add", "--quiet", "--db", str(killed_db), "--", str(folder)],
                   CRASH_TIMEOUT, stop=lambda p=point: _article_count(killed_db) >= p)
        killed_at.append(_article_count(killed_db))
        if run.returncode is not None and run.returncode >= 0:
            break  # it finished before the kill point: nothing left to interrupt
    final = run_add([folder], killed_db, CRASH_TIMEOUT)
    clean_ids, final_ids = _article_ids(clean_db), _article_ids(killed_db)
    metrics = {
        "kills": float(len(killed_at)),
        "crash_articles": float(len(articles)),
        "stored_clean_run": float(len(clean_ids)),
        "lost": float(len(set(clean_ids) - set(final_ids))),
        "duplicated": float(_duplicates(killed_db, clean_db)),
        "integrity_ok": float(_integrity(killed_db)),
        "export_identical": float(_export(clean_db) == _export(killed_db)),
        "crash_run_tracebacks": float(clean.traceback + final.traceback),
    }
    return metrics, {"killed at stored counts": ", ".join(map(str, killed_at))}


def _article_count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as connection:
            return connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def _article_ids(db: Path) -> list[str]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        return [row[0] for row in connection.execute("SELECT id FROM articles")]


def _duplicates(db: Path, reference: Path) -> int:
    """Articles stored under one source more than once, and rows beyond what one clean run stored."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as killed, \
            sqlite3.connect(f"file:{reference}?mode=ro", uri=True) as clean:
        total = killed.execute("SELECT count(*) - count(DISTINCT source) FROM articles").fetchone()[0]
        for table in ("articles", "statements", "stories", "claims", "disputes"):
            query = f"SELECT count(*) FROM {table}"
            total += max(killed.execute(query).fetchone()[0] - clean.execute(query).fetchone()[0], 0)
    return total


def _integrity(db: Path) -> bool:
    """SQLite's integrity check and the full-text index's own."""
    with sqlite3.connect(db) as connection:
        ok = connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        try:
            connection.execute("INSERT INTO search_index(search_index) VALUES('integrity-check')")
        except sqlite3.DatabaseError:
            return False
    return ok


def _export(db: Path) -> object:
    import storytrace

    with storytrace.open(db) as corpus:
        return json.loads(corpus.export("json"))


# --- part 3: false refusals of real articles ---------------------------------------------------------

def _refusal_part(settings: Settings, limit: int | None, bodies: Path, polnear: Path,
                  pages: Path) -> tuple[dict[str, float], dict[str, object]]:
    from storytrace.clean.language import build_detector

    detector = build_detector()
    metrics: dict[str, float] = {}
    details: dict[str, object] = {}
    sets = {"fnc1": _fnc1_texts(bodies), "polnear": _polnear_texts(polnear),
            "trafilatura_en": _english_pages(pages, detector, limit)}
    for name, items in sets.items():
        items = items[:limit] if limit else items
        refused = false_refusals(items, settings, detector)
        metrics[f"false_refusal_{name}_pct"] = 100.0 * len(refused) / max(len(items), 1)
        metrics[f"real_{name}"] = float(len(items))
        if refused:
            details[f"refused {name}"] = "; ".join(f"{s}: {r}" for s, r in refused[:5])
    return metrics, details


def false_refusals(items: list[tuple[str, str, str]], settings: Settings, detector) -> list[tuple[str, str]]:
    """(source, reason) for each real article (source, content, kind) the clean stage refuses."""
    from storytrace.clean.stage import clean_article
    from storytrace.model import RawArticle

    refused = []
    for source, content, kind in items:
        try:
            clean_article(RawArticle(source=source, content=content, kind=kind), settings, detector)
        except IngestError as exc:
            refused.append((source, exc.reason))
    return refused


def _fnc1_texts(path: Path) -> list[tuple[str, str, str]]:
    """FNC-1 bodies of about 40 words or more that are in English (two bodies are French articles)."""
    csv.field_size_limit(1 << 30)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [(f"fnc1 body {r['Body ID']}", r["articleBody"], "text") for r in csv.DictReader(handle)
                if len(r["articleBody"].split()) >= 40]
    return [row for row in rows if not _french(row[1])]


def _french(text: str) -> bool:
    words = text.lower().split()
    return sum(w in {"le", "la", "les", "des", "est", "une", "dans", "pour", "qui"} for w in words) > 0.08 * len(words)


def _polnear_texts(folder: Path) -> list[tuple[str, str, str]]:
    return [(f"polnear {p.name}", p.read_text(encoding="utf-8"), "text")
            for p in sorted(folder.glob("*/text/*.txt"))]


def _english_pages(folder: Path, detector, limit: int | None) -> list[tuple[str, str, str]]:
    """trafilatura-eval pages whose extracted main text is English, as raw HTML."""
    from storytrace.clean.html import extract_html
    from storytrace.clean.language import detect_language

    try:
        pages = json.loads((folder / "evaldata.json").read_text(encoding="utf-8"))
    except OSError:
        return []
    found = []
    for entry in pages.values():
        path = folder / "cache" / f"{entry['file']}.gz"
        if not path.exists():
            path = folder / "eval" / f"{entry['file']}.gz"
        try:
            html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
            text = extract_html(html).text
        except (OSError, IngestError):
            continue
        if detect_language(detector, text)[0] == "en":
            found.append((f"trafilatura-eval {entry['file']}", html, "html"))
        if limit and len(found) >= limit:
            break
    return found
