"""Dependencies as `Annotated` aliases: the corpus (one at a time: one SQLite connection, one writer) and paging."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import Depends, Query, Request

from storytrace.corpus import Corpus
from storytrace.serve.api.errors import ApiError


@dataclass
class AppState:
    corpus: Corpus
    # One SQLite connection serves every request, so requests take turns; `add` is the one writer.
    lock: threading.Lock


def get_corpus(request: Request) -> Iterator[Corpus]:
    state: AppState = request.app.state.storytrace
    with state.lock:
        yield state.corpus


CorpusDep = Annotated[Corpus, Depends(get_corpus)]


@dataclass
class Paging:
    limit: int
    offset: int


def get_paging(limit: Annotated[int, Query(ge=1, le=500, description="items per page")] = 50,
               offset: Annotated[int, Query(ge=0, description="items to skip")] = 0) -> Paging:
    return Paging(limit, offset)


PagingDep = Annotated[Paging, Depends(get_paging)]


@dataclass
class DateRange:
    since: date | None
    until: date | None


def get_date_range(since: Annotated[date | None, Query(description="on or after this day (YYYY-MM-DD)")] = None,
                   until: Annotated[date | None, Query(description="on or before this day (YYYY-MM-DD)")] = None
                   ) -> DateRange:
    if since and until and since > until:
        raise ApiError(422, "invalid_request", f"since ({since}) is after until ({until})")
    return DateRange(since, until)


DateRangeDep = Annotated[DateRange, Depends(get_date_range)]
