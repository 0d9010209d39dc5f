"""/api/stories: stories with outlets and dispute counts, and one story's timeline, claims and disputes."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from storytrace.serve.api.deps import MAX_FILTER_CHARS, CorpusDep, DateRangeDep, PagingDep
from storytrace.serve.api.errors import not_found
from storytrace.serve.api.schemas import PageOut, StoryDetailOut, StoryOut, page
from storytrace.store.base import Query as Filters

router = APIRouter(prefix="/api/stories", tags=["stories"])


@router.get("", response_model=PageOut[StoryOut], summary="List stories")
def list_stories(corpus: CorpusDep, paging: PagingDep, dates: DateRangeDep,
                 outlet: Annotated[str | None, Query(max_length=MAX_FILTER_CHARS, description="stories with an article from this outlet")] = None
                 ) -> dict:
    query = Filters(outlet=outlet, since=dates.since, until=dates.until, limit=paging.limit, offset=paging.offset)
    return page(corpus.find_stories(query), StoryOut.from_model)


@router.get("/{story_id}", response_model=StoryDetailOut, summary="One story: articles, timeline, claims, disputes")
def get_story(corpus: CorpusDep, story_id: str) -> StoryDetailOut:
    view = corpus.story(story_id)
    if view is None:
        raise not_found("story", story_id)
    [summary] = corpus.find_stories(Filters(story_id=story_id, limit=1)).items
    return StoryDetailOut.from_view(view, summary)
