"""/api/claims: propositions grouped across statements, with their status."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from storytrace.serve.api.deps import MAX_FILTER_CHARS, CorpusDep, PagingDep
from storytrace.serve.api.errors import not_found
from storytrace.serve.api.schemas import ClaimDetailOut, ClaimOut, ClaimStatus, PageOut, StatementOut, page
from storytrace.store.base import Query as Filters

router = APIRouter(prefix="/api/claims", tags=["claims"])


@router.get("", response_model=PageOut[ClaimOut], summary="List claims")
def list_claims(corpus: CorpusDep, paging: PagingDep,
                status: Annotated[ClaimStatus | None, Query(description="claim status")] = None,
                story_id: Annotated[str | None, Query(max_length=MAX_FILTER_CHARS)] = None) -> dict:
    query = Filters(story_id=story_id, status=status, limit=paging.limit, offset=paging.offset)
    return page(corpus.claims(query), ClaimOut.from_model)


@router.get("/{claim_id}", response_model=ClaimDetailOut, summary="One claim with its statements")
def get_claim(corpus: CorpusDep, claim_id: str) -> ClaimDetailOut:
    claim = corpus.claim(claim_id)
    if claim is None:
        raise not_found("claim", claim_id)
    said = corpus.statements_by_id(claim.statement_ids)
    return ClaimDetailOut(**ClaimOut.from_model(claim).model_dump(),
                          statements=[StatementOut.from_model(said[i]) for i in claim.statement_ids if i in said])
