"""/api/entities: people, organisations and places merged across articles."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from storytrace.serve.api.deps import MAX_FILTER_CHARS, CorpusDep, PagingDep
from storytrace.serve.api.errors import not_found
from storytrace.serve.api.schemas import EntityOut, PageOut, page
from storytrace.store.base import Query as Filters

router = APIRouter(prefix="/api/entities", tags=["entities"])


@router.get("", response_model=PageOut[EntityOut], summary="List entities")
def list_entities(corpus: CorpusDep, paging: PagingDep,
                  name: Annotated[str | None, Query(max_length=MAX_FILTER_CHARS, description="substring of the name or an alias")] = None,
                  type: Annotated[str | None, Query(max_length=MAX_FILTER_CHARS, description="spaCy label: PERSON, ORG, GPE, ...")] = None
                  ) -> dict:
    query = Filters(speaker=name, kind=type, limit=paging.limit, offset=paging.offset)
    return page(corpus.entities(query), EntityOut.from_model)


@router.get("/{entity_id}", response_model=EntityOut, summary="One entity")
def get_entity(corpus: CorpusDep, entity_id: str) -> EntityOut:
    entity = corpus.entity(entity_id)
    if entity is None:
        raise not_found("entity", entity_id)
    return EntityOut.from_model(entity)
