"""Dependencies as `Annotated` aliases: a read-only corpus per request, the one writer, paging and dates.

Reads never wait for writes: each request in flight borrows a read-only corpus (a store connection of its own,
which in SQLite's WAL mode reads the last committed state while the writer works). Articles are added one batch
at a time, under a lock: by the adding process (`storytrace serve`), or by the app's own corpus (an app given
its models, as tests and library users build it). Request bodies are read and URLs fetched before the lock is
taken, so a slow client or a slow site holds nothing but its own request."""

from __future__ import annotations

import queue
import threading
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated

from fastapi import Depends, Query, Request

from storytrace.corpus import AddReport, Corpus
from storytrace.errors import IngestError
from storytrace.model import RawArticle
from storytrace.scale.apart import AddingProcess
from storytrace.serve.api.cache import Generation
from storytrace.serve.api.errors import ApiError

# Deeper than any page a person reads; past this an offset is a probe (SQLite cannot even bind 2**63).
MAX_OFFSET = 10_000_000
MAX_LIMIT = 500
# Longest text filter (a speaker, an outlet, an id): names are short; a long one is a mistake or a probe.
MAX_FILTER_CHARS = 300


@dataclass
class AppState:
    writer: Corpus
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    models_lock: threading.Lock = field(default_factory=threading.Lock)
    # Idle read-only corpora; a request takes one (or opens a new one) and puts it back when done.
    idle: queue.SimpleQueue = field(default_factory=queue.SimpleQueue)
    opened: list[Corpus] = field(default_factory=list)
    pages: Generation = field(default_factory=Generation)
    # Where articles are added: a process of their own (`storytrace serve`), or this one (None).
    adding: AddingProcess | None = None

    def borrow(self) -> Corpus:
        try:
            return self.idle.get_nowait()
        except queue.Empty:
            reader = self.writer.reader()
            self.opened.append(reader)
            return reader

    def generation(self) -> int | None:
        """The data's generation for the page cache (None: do not cache)."""
        if not self.writer.settings.page_cache:
            return None
        reader = self.borrow()
        try:
            return self.pages.check(id(reader), reader.store.data_version(), self.write_lock.locked())
        finally:
            self.idle.put(reader)

    def add(self, raws: Iterable[RawArticle | IngestError]) -> AddReport:
        """Analyse, store and link articles already read; one writer at a time."""
        raws = list(raws)
        if not any(isinstance(r, RawArticle) for r in raws):
            # Nothing to analyse: no reason to load models or wait for the writer.
            return AddReport(skipped=[r for r in raws if isinstance(r, IngestError)])
        self.load_models()  # before the write lock is taken: a first POST's model loading blocks no other write
        with self.write_lock:  # one batch at a time; while it is held, the page cache knows a write is under way
            report = self.writer.add_raw(raws, None, False) if self.adding is None else self.adding.add(raws)
        self.pages.write_ended()
        return report

    def load_models(self) -> None:
        """Load every model the app's own corpus adds with, once (a preload at start-up and a first POST share
        the work); an adding process loads its own."""
        if self.adding is None:
            with self.models_lock:
                self.writer.models.load_all()

    def close(self) -> None:
        if self.adding is not None:
            self.adding.close()
        for reader in self.opened:
            reader.close()
        self.writer.close()


async def get_state(request: Request) -> AppState:
    return request.app.state.storytrace


StateDep = Annotated[AppState, Depends(get_state)]


async def get_corpus(request: Request) -> AsyncIterator[Corpus]:
    state: AppState = request.app.state.storytrace
    reader = state.borrow()
    try:
        yield reader
    finally:
        state.idle.put(reader)


CorpusDep = Annotated[Corpus, Depends(get_corpus)]


# The small dependencies are `async def`: they do not block, and a sync one would cost a thread-pool hop.
@dataclass
class Paging:
    limit: int
    offset: int


async def get_paging(limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="items per page")] = 50,
               offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip")] = 0) -> Paging:
    return Paging(limit, offset)


PagingDep = Annotated[Paging, Depends(get_paging)]


@dataclass
class DateRange:
    since: date | None
    until: date | None


async def get_date_range(since: Annotated[date | None, Query(description="on or after this day (YYYY-MM-DD)")] = None,
                   until: Annotated[date | None, Query(description="on or before this day (YYYY-MM-DD)")] = None
                   ) -> DateRange:
    if since and until and since > until:
        raise ApiError(422, "invalid_request", f"since ({since}) is after until ({until})")
    return DateRange(since, until)


DateRangeDep = Annotated[DateRange, Depends(get_date_range)]
