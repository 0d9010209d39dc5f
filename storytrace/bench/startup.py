"""Start-up and latency of what a journalist runs many times an hour: `import storytrace`, each reading command,
adding one new article to a fresh corpus from a cold process, adding it again, and one article through a
running `storytrace serve`. Each is a real process (or request), timed wall-clock; the median of `repeat` runs.
"""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from storytrace.bench import BenchResult
from storytrace.errors import BenchError

READING_COMMANDS = {
    "stories": ["stories"], "story": ["story", "S"], "disputes": ["disputes"], "statements": ["statements"],
    "search": ["search", "said"], "export": ["export"], "help": ["--help"],
}
# A fictional wire item: one new article to add (the bench's own, so the figure never depends on a data set).
ARTICLE = """Harbour authority denies pier closure plan

PORT ELLIS, March 3 (Coastline Wire) - The harbour authority on Tuesday denied a newspaper report that it
planned to close the old fishing pier next year, saying no such decision had been taken. "There is no plan to
close the pier," a spokeswoman said. The Ellis Herald had reported on Monday, citing two council members, that
the pier would shut in the spring because of storm damage. Council member Joan Petrie said the authority was
"not being straight with fishermen" and called for a public meeting on the pier's future.
"""
# Seconds a server may take to answer its first request (it loads its models in the background meanwhile).
_SERVER_START_S = 120


def bench_startup(db: Path, repeat: int = 5) -> BenchResult:
    """Median seconds of each step over `repeat` runs, reading the corpus at `db` (e.g. the demo's demo.db)."""
    if not Path(db).is_file():
        raise BenchError(f"{db}: no such database (make demo builds demo.db)")
    started = time.perf_counter()
    metrics = {"import_s": _median(repeat, [sys.executable, "-c", "import storytrace"])}
    first_story = _first_story_id(Path(db))
    for name, args in READING_COMMANDS.items():
        args = [first_story if a == "S" else a for a in args]
        metrics[f"{name}_s"] = _median(repeat, _cli(*args, *(() if name == "help" else ("--db", str(db)))))
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "pier.txt"
        article.write_text(ARTICLE)
        firsts, agains = [], []
        for run in range(repeat):
            fresh = Path(tmp) / f"fresh{run}.db"
            firsts.append(_seconds(_cli("add", "--quiet", "--db", str(fresh), str(article))))
            agains.append(_seconds(_cli("add", "--quiet", "--db", str(fresh), str(article))))
        metrics["add_one_new_s"] = statistics.median(firsts)
        metrics["readd_stored_s"] = statistics.median(agains)
        metrics["add_one_via_server_s"] = _through_server(Path(tmp), repeat)
    return BenchResult("startup", str(db), len(metrics) * repeat, "add_one_new_s", metrics,
                       "subprocesses of this Python; wall clock, median", time.perf_counter() - started,
                       details={"load_average": " ".join(f"{x:.1f}" for x in os.getloadavg())})


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "storytrace", *args]


def _seconds(command: list[str]) -> float:
    begin = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    if done.returncode not in (0, 3):
        raise BenchError(f"{' '.join(command)} failed: {done.stderr.strip()[-300:]}")
    return time.perf_counter() - begin


def _median(repeat: int, command: list[str]) -> float:
    return statistics.median(_seconds(command) for _ in range(repeat))


def _first_story_id(db: Path) -> str:
    done = subprocess.run(_cli("export", "--db", str(db)), capture_output=True, text=True, timeout=600)
    stories = json.loads(done.stdout or "{}").get("stories") or []
    if not stories:
        raise BenchError(f"{db}: holds no story")
    return stories[0]["id"]


def _through_server(tmp: Path, repeat: int) -> float:
    """`storytrace add --server` of one new article each time, against a server whose models are loaded."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(_cli("serve", "--db", str(tmp / "served.db"), "--port", str(port)),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(base)
        articles = [tmp / f"wire{n}.txt" for n in range(repeat + 1)]
        for n, path in enumerate(articles):
            path.write_text(ARTICLE.replace("pier", f"pier number {n}"))
        _seconds(_cli("add", "--quiet", "--server", base, str(articles[0])))  # waits for the models, untimed
        return statistics.median(_seconds(_cli("add", "--quiet", "--server", base, str(p))) for p in articles[1:])
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_for(base: str) -> None:
    deadline = time.time() + _SERVER_START_S
    while True:
        try:
            urllib.request.urlopen(f"{base}/api/stories?limit=1", timeout=5).read()
            return
        except OSError:
            if time.time() > deadline:
                raise BenchError(f"storytrace serve did not answer within {_SERVER_START_S} s") from None
            time.sleep(0.3)
