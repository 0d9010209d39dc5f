"""`storytrace add --server URL`: read inputs here, send each article to a running `storytrace serve`.

The server keeps its models loaded, so an article costs its analysis and nothing else; reading files and the
verdicts on bad ones stay local, exactly as in a local `add`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from storytrace.corpus import AddReport
from storytrace.errors import DuplicateArticle, IngestError, StorytraceError
from storytrace.ingest import iter_inputs
from storytrace.model import RawArticle
from storytrace.settings import Settings

# Seconds one article may take on the server (its analysis, and waiting for another writer).
REQUEST_TIMEOUT_S = 300.0


def add_through_server(server: str, paths: Iterable[str | Path], settings: Settings, token: str | None = None,
                       progress: Callable[[str], None] | None = None) -> AddReport:
    """Add every article under `paths` to the corpus a server at `server` (its base URL) holds."""
    import httpx

    report = AddReport()
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    base = server.rstrip("/")
    with httpx.Client(base_url=base, headers=headers, timeout=REQUEST_TIMEOUT_S) as client:
        for item in iter_inputs(list(paths), settings):
            if isinstance(item, IngestError):
                report.skipped.append(item)
            else:
                _send(client, base, item, report)
            if progress:
                progress(item.source)
    return report


def _send(client, base: str, raw: RawArticle, report: AddReport) -> None:
    import httpx

    article = {raw.kind: raw.content, "url": raw.url, "title": raw.title, "published": raw.published,
               "outlet": raw.outlet}
    try:
        response = client.post("/api/articles", json={"articles": [{k: v for k, v in article.items() if v}]})
    except httpx.HTTPError as exc:
        raise StorytraceError(f"cannot reach storytrace server at {base}: {exc}") from exc
    body = _json(response)
    if response.status_code in (200, 201):
        report.added.extend(body.get("added", []))
        report.duplicates.extend(DuplicateArticle(raw.source, "already stored") for _ in body.get("duplicates", []))
        report.skipped.extend(IngestError(raw.source, s.get("reason", "refused")) for s in body.get("skipped", []))
        report.warnings.extend((raw.source, w) for w in raw.warnings)
    elif response.status_code in (413, 422):  # this article is refused; the next one may be fine
        report.skipped.append(IngestError(raw.source, _message(body, response)))
    else:  # refused as a client (token, origin) or a failing server: every further article would be too
        raise StorytraceError(f"storytrace server at {base} answered {response.status_code}: "
                              f"{_message(body, response)}")


def _json(response) -> dict:
    try:
        parsed = response.json()
    except ValueError:
        return {}
    return parsed if isinstance(parsed, dict) else {}


def _message(body: dict, response) -> str:
    error = body.get("error")
    if isinstance(error, dict) and error.get("message"):
        return str(error["message"])
    return response.reason_phrase or "no reason given"
