"""spaCy's parse of a stream of texts, in batches bounded by characters, in this process or in worker processes.

spaCy's own `nlp.pipe(n_process=...)` batches by count: a worker holds a whole batch of docs with the parser's
activations at once, so sixteen articles at the size limit (`Settings.max_article_chars`) cost a worker
gigabytes where sixteen news articles cost megabytes. Here a batch ends at `BATCH_CHARS` characters (or
`batch_size` texts), so a worker's memory follows characters, not luck in what arrives together.

The worker processes are this module's own (forked once per stream, after the models are loaded), and every wait
on them is bounded: an interrupt or an error ends them at once, and they die with this process however it ends.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from typing import TYPE_CHECKING, Any, TypeVar

from storytrace.errors import StorytraceError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

T = TypeVar("T")
Pair = tuple[str, Any]  # a text and its context (nlp.pipe's `as_tuples`)

# Characters of text in one batch. A batch's docs and the parser's activations over them are held together,
# about 3 MB a 1,000 characters at the peak (measured with the default pipeline: one 100,000-character article
# +311 MB, four +1,151 MB, sixteen of 4,000 characters +160 MB). At 100,000 an article at the size limit is a
# batch of its own, while typical news (2,000-5,000 characters) still fills batches of `Settings.batch_size`.
BATCH_CHARS = 100_000
# Batches queued ahead per worker: one being parsed, one waiting, so a worker never waits for the next.
AHEAD = 2
# Seconds a worker may take to leave after its last batch, or after it is told to stop, before it is killed.
STOP_SECONDS = 5.0
# prctl(2) option: the signal the calling process gets when its parent dies.
_PR_SET_PDEATHSIG = 1


class WorkerFailed(StorytraceError):
    """A worker could not parse a batch (the message ends with its error), or died."""


def char_batches(items: Iterable[T], size: Callable[[T], int], budget: int, most: int) -> Iterator[list[T]]:
    """`items` in order, in batches of at most `most` items and `budget` of `size` (an item over the budget is a
    batch of its own). Lazy: a batch is taken from `items` only when asked for."""
    batch: list[T] = []
    total = 0
    for item in items:
        n = size(item)
        if batch and (total + n > budget or len(batch) >= most):
            yield batch
            batch, total = [], 0
        batch.append(item)
        total += n
    if batch:
        yield batch


def parse(nlp: Language, pairs: Iterable[Pair], n_process: int, batch_size: int,
          budget: int = BATCH_CHARS) -> Iterator[tuple[Doc, Any]]:
    """(doc, context) for each (text, context) in `pairs`, in order; in `n_process` worker processes when more
    than one."""
    batches = char_batches(pairs, lambda pair: len(pair[0]), budget, batch_size)
    if n_process <= 1:
        for batch in batches:
            yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))
        return
    pool = Workers(nlp, n_process)
    try:
        yield from pool.parse(batches)
        pool.finish()
    finally:
        pool.stop()


class Workers:
    """Worker processes that each parse the batches sent to it and send back serialised docs, in order."""

    def __init__(self, nlp: Language, n_process: int):
        self.nlp = nlp
        # Forked on Linux: the loaded models are shared, not pickled. Elsewhere the platform's default start
        # method (spawn on macOS, as spaCy's own workers use there) pickles the pipeline to each worker.
        context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
        # Queues carry the batches: their feeder threads send while this process reads results, so a large
        # batch waiting for a busy worker never blocks the reading. None of them is joined at exit.
        self.inboxes = [context.Queue() for _ in range(n_process)]
        for inbox in self.inboxes:
            inbox.cancel_join_thread()
        pipes = [context.Pipe(duplex=False) for _ in range(n_process)]
        self.outboxes: list[Connection] = [receive for receive, _ in pipes]
        sends = [send for _, send in pipes]
        parent = os.getpid()
        # Started before anything is queued: no feeder thread exists to hold a lock across the fork.
        self.processes = [context.Process(target=_work, args=(nlp, number, self.inboxes, self.outboxes, sends, parent),
                                          daemon=True)
                          for number in range(n_process)]
        for process in self.processes:
            process.start()
        for send in sends:
            send.close()  # the workers hold the only writing ends: a dead worker reads as end of file

    def parse(self, batches: Iterable[list[Pair]]) -> Iterator[tuple[Doc, Any]]:
        from spacy.tokens import Doc

        batches = iter(batches)
        pending: deque[int] = deque()  # the worker of each batch sent, in stream order

        def send(worker: int) -> None:
            batch = next(batches, None)
            if batch is not None:
                self.inboxes[worker].put(batch)
                pending.append(worker)

        for _ in range(AHEAD):
            for worker in range(len(self.processes)):
                send(worker)
        while pending:
            worker = pending.popleft()
            parsed = self._receive(worker)
            send(worker)
            for data, context in parsed:
                yield Doc(self.nlp.vocab).from_bytes(data), context

    def _receive(self, worker: int) -> list[tuple[bytes, Any]]:
        outbox, process = self.outboxes[worker], self.processes[worker]
        wait([outbox, process.sentinel])
        try:
            parsed = outbox.recv()
        except (EOFError, OSError) as exc:
            raise WorkerFailed(f"spaCy worker {worker + 1} ended (exit code {process.exitcode})") from exc
        if isinstance(parsed, str):
            raise WorkerFailed(parsed)
        return parsed

    def finish(self) -> None:
        """Tell each worker the stream is over and give it `STOP_SECONDS` to leave."""
        for inbox in self.inboxes:
            inbox.put(None)
        for process in self.processes:
            process.join(STOP_SECONDS)

    def stop(self) -> None:
        """End every worker still running, at once (an interrupt, an error, a stream left unfinished)."""
        for process in self.processes:
            if process.exitcode is None:
                process.kill()
        for process in self.processes:
            process.join(STOP_SECONDS)
        for inbox in self.inboxes:
            inbox.close()
        for outbox in self.outboxes:
            outbox.close()


def _work(nlp: Language, number: int, inboxes: list, outboxes: list[Connection], sends: list[Connection],
          parent: int) -> None:
    """A worker: parse each batch from its inbox and send back the docs as bytes, or the error as text."""
    _die_with(parent)
    # Ctrl-C reaches the whole process group: the parent decides, and ends the workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for connection in [*outboxes, *(send for other, send in enumerate(sends) if other != number)]:
        connection.close()  # another worker's pipe held open here would hide that worker's death from the parent
    inbox, send = inboxes[number], sends[number]
    while (batch := inbox.get()) is not None:
        try:
            parsed = [(doc.to_bytes(), context) for doc, context in
                      nlp.pipe(batch, as_tuples=True, batch_size=len(batch))]
        except Exception:  # noqa: BLE001 - the parent retries the batch's articles one by one and names the culprit
            parsed = traceback.format_exc()
        send.send(parsed)


def _die_with(parent: int) -> None:
    """Ask the kernel to SIGKILL this worker when its parent dies (an OOM killer's SIGKILL, a supervisor's
    SIGTERM), and leave at once if the parent already has. Linux only (prctl)."""
    if sys.platform.startswith("linux"):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)
