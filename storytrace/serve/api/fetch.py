"""Reading the inputs of POST /api/articles: the request body (with a size and time limit), then a JSON body,
a bare text or HTML body, or a list of URLs (fetched by `storytrace.ingest.urls`, as `storytrace add URL` does).

Each input becomes a RawArticle, or an IngestError naming what was wrong with it, exactly as files do in
`storytrace.ingest`, so the pipeline treats API input and files alike. Nothing here holds the corpus lock."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

from fastapi import Request

from storytrace.errors import ExtractionRejected, IngestError
from storytrace.ingest.decode import decode_bytes
from storytrace.ingest.files import jsonl_record
from storytrace.ingest.urls import fetch_urls, parse_url_list
from storytrace.model import RawArticle
from storytrace.serve.api.errors import ApiError
from storytrace.serve.api.schemas import AddArticlesIn
from storytrace.settings import Settings

# A client must finish sending its body within this long: one trickling a byte at a time holds only its own
# request, and not for ever.
BODY_DEADLINE_S = 120.0
# As many URLs as a JSON body's `urls` may hold: each is fetched in turn before the request is answered.
MAX_URLS = 50


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused (413) as soon as it passes `limit` bytes and (408) if it takes too long."""
    chunks, size = [], 0

    async def collect() -> None:
        nonlocal size
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise ApiError(413, "too_large", f"request body larger than {limit:,} bytes")
            chunks.append(chunk)

    try:
        await asyncio.wait_for(collect(), BODY_DEADLINE_S)
    except TimeoutError:
        raise ApiError(408, "timeout", f"the request body took longer than {BODY_DEADLINE_S:.0f} s") from None
    return b"".join(chunks)


def from_body(body: AddArticlesIn, settings: Settings) -> Iterator[RawArticle | IngestError]:
    for number, article in enumerate(body.articles, start=1):
        try:
            yield jsonl_record(article.model_dump(exclude_none=True), f"request#{number}")
        except IngestError as exc:
            yield exc
    yield from fetch_urls([str(u) for u in body.urls], settings)


def from_bare(content: bytes, kind: str, settings: Settings) -> list[RawArticle | IngestError]:
    """A request body that is itself one article (text/plain or text/html)."""
    source = "request"
    if len(content) > settings.max_bytes:
        return [ExtractionRejected(source, f"body larger than {settings.max_bytes:,} bytes")]
    if not content.strip():
        return [ExtractionRejected(source, "empty body")]
    try:
        return [RawArticle(source=source, content=decode_bytes(content, source), kind=kind)]
    except IngestError as exc:
        return [exc]


def from_uri_list(content: bytes, settings: Settings) -> list[RawArticle | IngestError]:
    """text/uri-list (RFC 2483): one URL a line, '#' lines are comments."""
    urls = parse_url_list(content.decode("utf-8", errors="replace"))
    if not urls:
        raise ApiError(422, "invalid_request", "the URL list is empty")
    if len(urls) > MAX_URLS:
        raise ApiError(422, "invalid_request", f"{len(urls)} URLs; at most {MAX_URLS} per request")
    return list(fetch_urls(urls, settings))
