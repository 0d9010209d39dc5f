"""/api/stories: stories with outlets and dispute counts, and one story's timeline, claims and disputes."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Query

from storytrace.serve.api.deps import MAX_FILTER_CHARS, MAX_LIMIT, MAX_OFFSET, CorpusDep, DateRangeDep, PagingDep
from storytrace.serve.api.errors import not_found
from storytrace.serve.api.schemas import (ArticleSummaryOut, ClaimOut, DisputeOut, PageOut, StatementOut,
                                          StoryDetailOut, StoryOut, page)
from storytrace.store.base import Query as Filters

# Timeline items in one story answer unless asked otherwise: a few hundred KB at most.
TIMELINE_PAGE = 200
# A story's articles, claims and disputes come whole (their count grows with the story, but slowly).
_ALL = 1_000_000

router = APIRouter(prefix="/api/stories", tags=["stories"])


@router.get("", response_model=PageOut[StoryOut], summary="List stories")
def list_stories(corpus: CorpusDep, paging: PagingDep, dates: DateRangeDep,
                 outlet: Annotated[str | None, Query(max_length=MAX_FILTER_CHARS, description="stories with an article from this outlet")] = None
                 ) -> dict:
    query = Filters(outlet=outlet, since=dates.since, until=dates.until, limit=paging.limit, offset=paging.offset)
    return page(corpus.story_summaries(query), StoryOut.from_model)


@router.get("/{story_id}", response_model=StoryDetailOut,
            summary="One story: articles, a page of its timeline, claims, disputes")
def get_story(corpus: CorpusDep, story_id: str,
              timeline_offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="timeline items to skip")] = 0,
              timeline_limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="timeline items")] = TIMELINE_PAGE
              ) -> StoryDetailOut:
    """The story's articles (summaries), claims and disputes, and one page of its timeline: a story of hundreds
    of articles holds thousands of statements, so they come `timeline_limit` at a time."""
    found = corpus.story_summaries(Filters(story_id=story_id, limit=1)).items
    if not found:
        # Not an exact id: perhaps a unique prefix of one.
        view = corpus.story(story_id)
        found = corpus.story_summaries(Filters(story_id=view.story.id, limit=1)).items if view else []
    if not found:
        raise not_found("story", story_id)
    summary = found[0]
    every = Filters(story_id=summary.story.id, limit=_ALL)
    timeline = corpus.statements(replace(every, by_day=True, limit=timeline_limit, offset=timeline_offset))
    return StoryDetailOut(story=StoryOut.from_model(summary),
                          articles=[ArticleSummaryOut.from_model(a) for a in corpus.articles(every).items],
                          timeline=[StatementOut.from_model(s) for s in timeline.items],
                          timeline_total=timeline.total, timeline_offset=timeline_offset,
                          timeline_limit=timeline_limit,
                          claims=[ClaimOut.from_model(c) for c in corpus.claims(every).items],
                          disputes=[DisputeOut.from_model(d) for d in corpus.disputes(every).items])
