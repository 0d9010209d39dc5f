"""The application: REST API under /api (OpenAPI docs at /docs) and the server-rendered web UI under /."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

import storytrace
from storytrace.loading import Models
from storytrace.serve.api import errors
from storytrace.serve.api.deps import AppState
from storytrace.serve.api.routers import articles, claims, disputes, entities, export, search, statements, stories
from storytrace.settings import Settings

# Pages never need script: even if escaping were ever missed, a browser would refuse to run injected code.
# /docs is the exception: Swagger UI is a script.
_CSP = "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'"

ROUTERS = (articles, stories, statements, claims, disputes, entities, search, export)


def create_app(db: str | Path, settings: Settings | None = None, models: Models | None = None) -> FastAPI:
    """An app serving the corpus at `db`; the corpus opens at start-up and closes at shutdown."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        corpus = storytrace.open(db, settings, models)
        app.state.storytrace = AppState(corpus, threading.Lock())
        try:
            yield
        finally:
            corpus.close()

    # docs_url=None, redoc_url=None: FastAPI's defaults load their UI from a CDN; our /docs serves the pinned
    # swagger-ui-bundle package's files, so the docs work offline.
    app = FastAPI(title="storytrace", version=storytrace.__version__, docs_url=None, redoc_url=None,
                  description="Who said what, who repeated it, and who denied it: articles, stories, attributed "
                              "statements, claims and disputes. Errors are always "
                              '`{"error": {"code": ..., "message": ...}}`.',
                  lifespan=lifespan)
    errors.install(app)
    app.middleware("http")(_security_headers)
    for module in ROUTERS:
        app.include_router(module.router)
    from storytrace.serve.web import STATIC_DIR, pages

    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    _mount_docs(app)
    return app


async def _security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    response = await call_next(request)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    if not request.url.path.startswith("/docs"):
        response.headers.setdefault("Content-Security-Policy", _CSP)
    return response


def _mount_docs(app: FastAPI) -> None:
    import swagger_ui_bundle

    app.mount("/docs-assets", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url=app.openapi_url or "/openapi.json", title="storytrace API",
                                   swagger_js_url="/docs-assets/swagger-ui-bundle.js",
                                   swagger_css_url="/docs-assets/swagger-ui.css",
                                   swagger_favicon_url="/docs-assets/favicon-32x32.png")
