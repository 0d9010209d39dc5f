"""Adding articles in a process of its own, for a server: cleaning, parsing, linking and storing an article hold
an interpreter for a second or more, and in the server's own process every reader would wait for them (Python
runs one thread at a time). The process is spawned once, loads its models once and adds one batch at a time
through a corpus of its own; the server's process only reads, and loads no model at all.
"""

from __future__ import annotations

import multiprocessing
import pickle
import threading
from multiprocessing.connection import Connection

from storytrace.corpus import AddReport
from storytrace.errors import IngestError
from storytrace.model import RawArticle
from storytrace.scale.work import pack, unpack
from storytrace.settings import Settings

# Seconds to let the process finish its batch and exit when the server stops, before it is terminated.
_STOP_GRACE_S = 10


class AddingProcess:
    """One adding process for the corpus at `db`, started at once so its models load in the background."""

    def __init__(self, db: str, settings: Settings):
        self._db, self._settings = db, settings
        self._lock = threading.Lock()  # one batch on the pipe at a time
        self._start()

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")  # never fork a process that runs server threads
        self._conn, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child, self._db, self._settings),
                                        name="storytrace-adding", daemon=True)
        self._process.start()
        child.close()

    def add(self, raws: list[RawArticle | IngestError]) -> AddReport:
        """The batch added (cleaned, analysed, linked, stored), as `Corpus.add_raw` reports it. If the process
        died (out of memory, killed), the articles it had stored stay stored, each input of the batch is an error
        saying so, and the next batch gets a new process."""
        with self._lock:
            try:
                self._conn.send([pack(raw) for raw in raws])
                return _unpack_report(self._conn.recv())
            except (EOFError, OSError) as exc:
                self._process.join(1)
                reason = (f"the adding process ended (exit code {self._process.exitcode}) during this batch "
                          f"({type(exc).__name__}); what it had stored is kept, and adding the input again "
                          f"reports it as a duplicate if it was stored")
                self._start()
        return AddReport(skipped=[raw if isinstance(raw, IngestError) else IngestError(raw.source, reason)
                                  for raw in raws])

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
    """The process's loop: batches in, reports out, until told to stop or the server is gone (EOF)."""
    import storytrace
    from storytrace.loading import Models

    models = Models(settings).load_all()  # now, while no batch waits
    with storytrace.open(db, settings, models, create=False) as corpus:
        while (batch := _receive(conn)) is not None:
            # In this process, as its only work: the spaCy worker pool would only add its start-up.
            report = corpus.add_raw([unpack(data) for data in batch], parallel=False)
            conn.send(_pack_report(report))


def _receive(conn: Connection) -> list[bytes] | None:
    try:
        return conn.recv()
    except EOFError:  # the server exited or was killed: nothing more will come
        return None


def _pack_report(report: AddReport) -> bytes:
    # Errors go through `pack`: an exception whose constructor takes two arguments does not unpickle by itself.
    return pickle.dumps((report.added, [pack(d) for d in report.duplicates], [pack(s) for s in report.skipped],
                         report.warnings))


def _unpack_report(data: bytes) -> AddReport:
    added, duplicates, skipped, warnings = pickle.loads(data)
    return AddReport(added, [unpack(d) for d in duplicates], [unpack(s) for s in skipped], warnings)
