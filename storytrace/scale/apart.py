"""Cleaning and analysis in a process of their own, for a server: parsing an article holds the interpreter for
seconds, and in the server's own process every reader would wait for it. The process is spawned once, loads its
models once, and analyses one batch at a time; the server only links and stores what comes back.
"""

from __future__ import annotations

import multiprocessing
import threading
from multiprocessing.connection import Connection

from storytrace.errors import IngestError
from storytrace.model import RawArticle
from storytrace.pipeline import Item
from storytrace.scale.work import analyse_raws, pack, unpack
from storytrace.settings import Settings

# Seconds to let the process finish its batch and exit when the server stops, before it is terminated.
_STOP_GRACE_S = 10


class AnalysisProcess:
    """One analysing process for the corpus at `db`, started at once so its models load in the background."""

    def __init__(self, db: str, settings: Settings):
        self._db, self._settings = db, settings
        self._lock = threading.Lock()  # one batch on the pipe at a time
        self._start()

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")  # never fork a process that runs server threads
        self._conn, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child, self._db, self._settings),
                                        name="storytrace-analysis", daemon=True)
        self._process.start()
        child.close()

    def analyse(self, raws: list[RawArticle | IngestError]) -> list[Item]:
        """The batch cleaned and analysed, in order; if the process died (out of memory, killed), each input of the
        batch is an error saying so, and the next batch gets a new process."""
        with self._lock:
            try:
                self._conn.send([pack(raw) for raw in raws])
                return [unpack(data) for data in self._conn.recv()]
            except (EOFError, OSError) as exc:
                self._process.join(1)
                reason = (f"the analysis process ended (exit code {self._process.exitcode}) while reading it: "
                          f"{type(exc).__name__}")
                self._start()
        return [raw if isinstance(raw, IngestError) else IngestError(raw.source, reason) for raw in raws]

    def close(self) -> None:
        with self._lock:
            try:
                self._conn.send(None)
            except OSError:
                pass
            self._process.join(_STOP_GRACE_S)
            if self._process.is_alive():
                self._process.terminate()
            self._conn.close()


def _serve(conn: Connection, db: str, settings: Settings) -> None:
    """The process's loop: batches in, analysed items out, until told to stop or the server is gone (EOF)."""
    from storytrace.loading import Models
    from storytrace.store import open_store

    models = Models(settings).load_analysis()  # now, while no batch waits
    store = open_store(db, create=False)  # to answer re-added articles without analysing them
    try:
        while (batch := _receive(conn)) is not None:
            raws = [unpack(data) for data in batch]
            items = analyse_raws(raws, settings, models, lambda ids: {i for i in ids if store.has_article(i)})
            conn.send([pack(item) for item in items])
    finally:
        store.close()


def _receive(conn: Connection) -> list[bytes] | None:
    try:
        return conn.recv()
    except EOFError:  # the server exited or was killed: nothing more will come
        return None
