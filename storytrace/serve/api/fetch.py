"""Reading the inputs of POST /api/articles: a JSON body, a bare text or HTML body, or a list of URLs to fetch.

Each input becomes a RawArticle, or an IngestError naming what was wrong with it, exactly as files do in
`storytrace.ingest`, so the pipeline treats API input and files alike."""

from __future__ import annotations

from collections.abc import Iterator

import httpx

from storytrace.errors import ExtractionRejected, IngestError
from storytrace.ingest.decode import decode_bytes
from storytrace.ingest.files import jsonl_record
from storytrace.model import RawArticle
from storytrace.serve.api.schemas import AddArticlesIn
from storytrace.settings import Settings

_FETCH_TIMEOUT_S = 15.0


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


def parse_uri_list(content: bytes) -> list[str]:
    """text/uri-list (RFC 2483): one URL a line, '#' lines are comments."""
    lines = content.decode("utf-8", errors="replace").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def fetch_urls(urls: list[str], settings: Settings) -> Iterator[RawArticle | IngestError]:
    if not urls:
        return
    with httpx.Client(timeout=_FETCH_TIMEOUT_S, follow_redirects=True,
                      headers={"User-Agent": "storytrace"}) as client:
        for url in urls:
            yield _fetch(client, url, settings)


def _fetch(client: httpx.Client, url: str, settings: Settings) -> RawArticle | IngestError:
    if not url.startswith(("http://", "https://")):
        return IngestError(url, "not an http(s) URL")
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                return IngestError(url, f"HTTP {response.status_code}")
            data = _read_limited(response, settings.max_bytes)
            kind = "html" if "html" in response.headers.get("content-type", "html") else "text"
    except ExtractionRejected as exc:
        return exc
    except httpx.HTTPError as exc:
        return IngestError(url, f"cannot fetch ({type(exc).__name__}: {exc})")
    if not data.strip():
        return ExtractionRejected(url, "empty page")
    try:
        return RawArticle(source=url, content=decode_bytes(data, url), kind=kind, url=url)
    except IngestError as exc:
        return exc


def _read_limited(response: httpx.Response, limit: int) -> bytes:
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise ExtractionRejected(str(response.url), f"page larger than {limit:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)
