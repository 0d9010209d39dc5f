"""/api/articles: list with filters, one article with its statements, and adding articles by POST."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import ValidationError

from storytrace.corpus import AddReport
from storytrace.errors import IngestError
from storytrace.model import RawArticle
from storytrace.serve.api import fetch
from storytrace.serve.api.deps import MAX_FILTER_CHARS, CorpusDep, DateRangeDep, PagingDep, StateDep
from storytrace.serve.api.errors import ApiError, not_found
from storytrace.serve.api.guard import MAX_BODY_BYTES
from storytrace.serve.api.schemas import (AddArticlesIn, AddReportOut, ArticleOut, ArticleSummaryOut, PageOut,
                                          SkippedOut, page)
from storytrace.settings import Settings
from storytrace.store.base import Query as Filters

router = APIRouter(prefix="/api/articles", tags=["articles"])

_BODY_TYPES = {
    "application/json": {"schema": AddArticlesIn.model_json_schema(ref_template="#/components/schemas/{model}")},
    "text/plain": {"schema": {"type": "string", "description": "one article as scraped page text"}},
    "text/html": {"schema": {"type": "string", "description": "one article as an HTML page"}},
    "text/uri-list": {"schema": {"type": "string", "description": "URLs to fetch, one a line"}},
}


@router.get("", response_model=PageOut[ArticleSummaryOut], summary="List articles")
def list_articles(corpus: CorpusDep, paging: PagingDep, dates: DateRangeDep,
                  outlet: Annotated[str | None, Query(max_length=MAX_FILTER_CHARS,
                                                      description="outlet name (case-insensitive)")] = None,
                  story_id: Annotated[str | None, Query(max_length=MAX_FILTER_CHARS,
                                                        description="only this story's articles")] = None) -> dict:
    query = Filters(story_id=story_id, outlet=outlet, since=dates.since, until=dates.until,
                    limit=paging.limit, offset=paging.offset)
    return page(corpus.articles(query), ArticleSummaryOut.from_model)


@router.get("/{article_id}", response_model=ArticleOut, summary="One article with its clean text and statements")
def get_article(corpus: CorpusDep, article_id: str) -> ArticleOut:
    article = corpus.article(article_id)
    if article is None:
        raise not_found("article", article_id)
    return ArticleOut.from_model(article)


@router.post("", response_model=AddReportOut, status_code=201, summary="Add articles",
             responses={200: {"description": "nothing new: every article was already stored"},
                        413: {"description": "body too large"},
                        415: {"description": "unsupported Content-Type"},
                        422: {"description": "invalid body, or no input held a usable article"}},
             openapi_extra={"requestBody": {"required": True, "content": _BODY_TYPES}})
async def add_articles(state: StateDep, request: Request, response: Response) -> AddReportOut:
    """Ingest, analyse and link articles given as JSON (`articles` inline and/or `urls` to fetch), as one bare
    text/plain or text/html body, or as a text/uri-list. Re-adding an article stores nothing (content hash)."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type not in _BODY_TYPES:
        raise ApiError(415, "unsupported_media_type",
                       f"Content-Type {content_type or '(none)'!r} is not one of {', '.join(_BODY_TYPES)}")
    # Body read and URLs fetched first, with no lock held; only analysis and storing take the write lock.
    body = await fetch.read_body(request, MAX_BODY_BYTES)
    raws = await run_in_threadpool(_read_inputs, content_type, body, state.writer.settings)
    report: AddReport = await run_in_threadpool(state.add, raws)
    if not report.added and not report.duplicates:
        reasons = "; ".join(f"{p.source}: {p.reason}" for p in report.skipped) or "no input"
        raise ApiError(422, "no_usable_article", f"no article could be added ({reasons})")
    if not report.added:
        response.status_code = 200
    return AddReportOut(added=report.added, duplicates=[d.source for d in report.duplicates],
                        skipped=[SkippedOut(source=p.source, reason=p.reason) for p in report.skipped])


def _read_inputs(content_type: str, body: bytes, settings: Settings) -> list[RawArticle | IngestError]:
    if content_type == "application/json":
        try:
            parsed = AddArticlesIn.model_validate_json(body)
        except ValidationError as exc:
            raise ApiError(422, "invalid_request", _describe(exc)) from exc
        return list(fetch.from_body(parsed, settings))
    if content_type in ("text/plain", "text/html"):
        return fetch.from_bare(body, "html" if content_type == "text/html" else "text", settings)
    return fetch.from_uri_list(body, settings)


def _describe(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()))
        parts.append(f"body.{where}: {err['msg']}" if where else f"body: {err['msg']}")
    return "; ".join(parts)
