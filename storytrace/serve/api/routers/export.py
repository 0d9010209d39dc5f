"""/api/export: the corpus exports (JSON contract, CSV of one table, GraphML, ClaimReview JSON-LD)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from storytrace.export import TABLES
from storytrace.serve.api.deps import MAX_FILTER_CHARS, CorpusDep
from storytrace.serve.api.errors import ApiError

router = APIRouter(prefix="/api/export", tags=["export"])

_MEDIA = {"json": "application/json", "csv": "text/csv; charset=utf-8", "graphml": "application/graphml+xml",
          "claimreview": "application/ld+json"}


@router.get("", summary="Export the corpus", response_class=Response,
            responses={200: {"content": {m.split(";")[0]: {} for m in _MEDIA.values()}}})
def export(corpus: CorpusDep,
           format: Annotated[Literal["json", "csv", "graphml", "claimreview"], Query()] = "json",
           table: Annotated[str, Query(max_length=MAX_FILTER_CHARS, description=f"CSV table: {', '.join(TABLES)}")] = "statements") -> Response:
    if table not in TABLES:
        raise ApiError(422, "invalid_request", f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    return Response(corpus.export(format, None, table), media_type=_MEDIA[format])
