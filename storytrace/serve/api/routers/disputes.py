"""/api/disputes: denials and contradictions with the statements in conflict."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from storytrace.serve.api.deps import MAX_FILTER_CHARS, CorpusDep, PagingDep
from storytrace.serve.api.errors import not_found
from storytrace.serve.api.schemas import DisputeDetailOut, DisputeKind, DisputeOut, PageOut, StatementOut, page
from storytrace.store.base import Query as Filters

router = APIRouter(prefix="/api/disputes", tags=["disputes"])


@router.get("", response_model=PageOut[DisputeOut], summary="List disputes")
def list_disputes(corpus: CorpusDep, paging: PagingDep,
                  kind: Annotated[DisputeKind | None, Query(description="denial or contradiction")] = None,
                  story_id: Annotated[str | None, Query(max_length=MAX_FILTER_CHARS)] = None) -> dict:
    query = Filters(story_id=story_id, kind=kind, limit=paging.limit, offset=paging.offset)
    return page(corpus.disputes(query), DisputeOut.from_model)


@router.get("/{dispute_id}", response_model=DisputeDetailOut, summary="One dispute with its statements")
def get_dispute(corpus: CorpusDep, dispute_id: str) -> DisputeDetailOut:
    dispute = corpus.dispute(dispute_id)
    if dispute is None:
        raise not_found("dispute", dispute_id)
    said = corpus.statements_by_id(dispute.statement_ids)
    return DisputeDetailOut(**DisputeOut.from_model(dispute).model_dump(),
                            statements=[StatementOut.from_model(said[i]) for i in dispute.statement_ids if i in said])
