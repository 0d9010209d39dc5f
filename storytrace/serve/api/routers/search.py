"""/api/search: full-text search over articles and statements."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from storytrace.serve.api.deps import CorpusDep
from storytrace.serve.api.schemas import SearchHitOut

router = APIRouter(prefix="/api/search", tags=["search"])


@router.get("", response_model=list[SearchHitOut], summary="Search articles and statements")
def search(corpus: CorpusDep, q: Annotated[str, Query(min_length=1, max_length=500, description="words to find")],
           limit: Annotated[int, Query(ge=1, le=200)] = 20) -> list[SearchHitOut]:
    return [SearchHitOut(kind=kind, id=ref, snippet=snippet) for kind, ref, snippet in corpus.search(q, limit)]
