"""Fixtures for the serve tests: the example corpus (plus a hostile article) built once, and real
`storytrace serve` processes on loopback ports."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).parents[2] / "examples"

# Untrusted input: markup and script in the title, the outlet and the text (one of them inside a quote).
HOSTILE_TITLE = "Harbour board <script>window.__pwned = 1; alert('title')</script> raises mooring fees"
HOSTILE = {
    "title": HOSTILE_TITLE,
    "outlet": "Garrow <b>Gazette</b>",
    "published": "2009-12-15T10:00:00-05:00",
    # The script sits in a long quote: the text cleaner drops short markup-heavy paragraphs as page debris.
    "text": ("GARROW, Dec. 15 -- The Garrow harbour board on Tuesday raised mooring fees for the first time in a "
             "decade, angering local fishermen.\n\n\"We had no choice but to raise them <script>window.__pwned = 2"
             "</script> after ten years of losses at the harbour,\" said Moira Tulloch, the chair of the harbour "
             "board. She said the money would pay for dredging the inner basin and repairing the north pier."
             "\n\nFishermen said the increase <img src=x "
             "onerror=\"window.__pwned = 3\"> would drive smaller boats out of the harbour. \"This will finish us,\" "
             "said Ewan Brodie, who has fished from Garrow for thirty years."),
}

# An article that gives no date anywhere (no publication time, no dateline, no day in its text): every view must say
# "date unknown" for it, never make one up. It links to its original page.
UNDATED = {
    "title": "Lifeboat crew rescue two kayakers swept past Garrow pier",
    "outlet": "Garrow Gazette",
    "url": "https://garrow-gazette.example/news/lifeboat-rescue",
    "text": ("The Garrow lifeboat crew rescued two kayakers who had been swept past the north pier by a strong ebb "
             "tide, the coastguard said.\n\n\"They were cold and very lucky, and they did everything right once "
             "they were in the water,\" said Ailsa Munro, the lifeboat's helmsman. She said both kayakers were "
             "brought back to the harbour and checked by paramedics on the slipway.\n\nThe coastguard said "
             "paddlers should check the tide tables before setting out from the beach beside the pier."),
}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives Debian's chromium through Playwright")


@pytest.fixture(scope="session")
def example_db(tmp_path_factory, models) -> Path:
    """The example corpus (examples/ without bad/), one hostile and one undated article, analysed once per session with the
    session's models (the CLI's own `add` is tested in test_cli.py)."""
    import storytrace

    root = tmp_path_factory.mktemp("serve")
    folder = root / "articles"
    folder.mkdir()
    for path in EXAMPLES.iterdir():
        if path.is_file():
            shutil.copy(path, folder / path.name)
    (folder / "hostile.jsonl").write_text(json.dumps(HOSTILE) + "\n")
    (folder / "undated.jsonl").write_text(json.dumps(UNDATED) + "\n")
    db = root / "examples.db"
    with storytrace.open(db, models=models) as corpus:
        report = corpus.add([folder])
    assert report.added and not report.skipped, [(e.source, e.reason) for e in report.skipped]
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(db: Path, *args: str, env: dict[str, str] | None = None) -> Iterator[str]:
    """`storytrace serve` (with extra `args`, and `env` added to the environment) as a separate process on a
    free loopback port; yields its base URL."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([sys.executable, "-m", "storytrace", "serve", "--db", str(db), "--port", str(port), *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, **(env or {})})
    try:
        deadline = time.time() + 60
        while True:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else "server exited"
            try:
                urllib.request.urlopen(f"{base}/api/stories?limit=1", timeout=5).read()
                break
            except OSError:
                assert time.time() < deadline, "server did not start within 60 s"
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.fixture(scope="session")
def server(example_db, tmp_path_factory) -> Iterator[str]:
    """A read-only server over a copy of the example corpus, shared by the API and browser tests."""
    db = tmp_path_factory.mktemp("read") / "copy.db"
    shutil.copy(example_db, db)
    with serving(db) as base:
        yield base


@pytest.fixture(scope="session")
def start_server():
    """The `serving` context manager, for tests that need a server of their own (writes)."""
    return serving


@pytest.fixture(scope="session")
def hostile() -> dict:
    return HOSTILE


@pytest.fixture(scope="session")
def undated() -> dict:
    return UNDATED
