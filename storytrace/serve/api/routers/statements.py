"""/api/statements: attributed statements filtered by speaker, outlet, polarity, date range, story or article."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from storytrace.serve.api.deps import MAX_FILTER_CHARS, CorpusDep, DateRangeDep, PagingDep
from storytrace.serve.api.errors import not_found
from storytrace.serve.api.schemas import PageOut, Polarity, StatementOut, page
from storytrace.store.base import Query as Filters

router = APIRouter(prefix="/api/statements", tags=["statements"])


@router.get("", response_model=PageOut[StatementOut], summary="List statements")
def list_statements(
        corpus: CorpusDep, paging: PagingDep, dates: DateRangeDep,
        speaker: Annotated[str | None, Query(max_length=MAX_FILTER_CHARS, description="substring of the speaker's name or an alias")] = None,
        entity_id: Annotated[str | None, Query(max_length=MAX_FILTER_CHARS, description="statements by this entity")] = None,
        outlet: Annotated[str | None, Query(max_length=MAX_FILTER_CHARS, description="statements in this outlet's articles")] = None,
        polarity: Annotated[Polarity | None, Query(description="stance of the statement")] = None,
        story_id: Annotated[str | None, Query(max_length=MAX_FILTER_CHARS)] = None,
        article_id: Annotated[str | None, Query(max_length=MAX_FILTER_CHARS)] = None) -> dict:
    query = Filters(story_id=story_id, article_id=article_id, outlet=outlet, speaker=speaker, entity_id=entity_id,
                    polarity=polarity, since=dates.since, until=dates.until, limit=paging.limit,
                    offset=paging.offset)
    return page(corpus.statements(query), StatementOut.from_model)


@router.get("/{statement_id}", response_model=StatementOut, summary="One statement")
def get_statement(corpus: CorpusDep, statement_id: str) -> StatementOut:
    statement = corpus.statement(statement_id)
    if statement is None:
        raise not_found("statement", statement_id)
    return StatementOut.from_model(statement)
