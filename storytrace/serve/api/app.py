"""The application: REST API under /api (OpenAPI docs at /docs) and the server-rendered web UI under /."""

from __future__ import annotations

import secrets
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

import storytrace
from storytrace.loading import Models
from storytrace.scale.apart import AddingProcess
from storytrace.serve.api import errors
from storytrace.serve.api.cache import PageCache
from storytrace.serve.api.deps import AppState
from storytrace.serve.api.guard import Guard, Policy, is_loopback
from storytrace.serve.api.routers import articles, claims, disputes, entities, export, search, statements, stories
from storytrace.settings import Settings

OPENAPI_VERSION = "3.0.3"
ROUTERS = (articles, stories, statements, claims, disputes, entities, search, export)


def create_app(db: str | Path, settings: Settings | None = None, models: Models | None = None,
               host: str = "127.0.0.1", preload_models: bool = False, add_apart: bool = False) -> FastAPI:
    """An app serving the corpus at `db` to clients reaching it at `host` (the address it is bound to); the
    corpus opens at start-up and closes at shutdown. Bound to anything but loopback, writes need a token:
    `settings.api_token`, or one made here and left in `app.state.api_token` for the caller to show.
    `preload_models` loads the models in the background at start-up, so the first article added does not wait
    for them (reads never need them). `add_apart` adds articles (cleaning, analysis, linking, storing) in a
    process of its own (`scale.apart`) that loads its own models, so that reads go on at full speed while articles
    are added."""
    settings = settings or Settings()
    token = settings.api_token or (None if is_loopback(host) else secrets.token_urlsafe(24))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        state = AppState(storytrace.open(db, settings, models),
                         adding=AddingProcess(str(db), settings) if add_apart else None)
        app.state.storytrace = state
        if preload_models:
            threading.Thread(target=state.load_models, name="storytrace-preload", daemon=True).start()
        # Before the first request (a fraction of a second of start-up), not during the first readers' requests.
        from storytrace.serve.web import compile_templates

        compile_templates()
        try:
            yield
        finally:
            state.close()

    # docs_url=None, redoc_url=None: FastAPI's defaults load their UI from a CDN; our /docs serves the pinned
    # swagger-ui-bundle package's files, so the docs work offline.
    app = FastAPI(title="storytrace", version=storytrace.__version__, docs_url=None, redoc_url=None,
                  description="Who said what, who repeated it, and who denied it: articles, stories, attributed "
                              "statements, claims and disputes. Errors are always "
                              '`{"error": {"code": ..., "message": ...}}`.',
                  lifespan=lifespan)
    # The packaged Swagger UI (4.x) refuses to render a document labelled OpenAPI 3.1, FastAPI's default; the
    # schema uses nothing 3.0 readers cannot show, so it is labelled 3.0.3 and /docs renders offline.
    app.openapi_version = OPENAPI_VERSION
    app.state.api_token = token
    errors.install(app)
    # The guard is outermost (added last): nothing it refuses reaches the cache.
    app.add_middleware(PageCache)
    app.add_middleware(Guard, policy=Policy.for_bind(host, token))
    for module in ROUTERS:
        app.include_router(module.router)
    from storytrace.serve.web import STATIC_DIR, add, pages

    app.include_router(pages.router)
    app.include_router(add.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    _mount_docs(app)
    return app


def _mount_docs(app: FastAPI) -> None:
    import swagger_ui_bundle

    app.mount("/docs-assets", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url=app.openapi_url or "/openapi.json", title="storytrace API",
                                   swagger_js_url="/docs-assets/swagger-ui-bundle.js",
                                   swagger_css_url="/docs-assets/swagger-ui.css",
                                   swagger_favicon_url="/docs-assets/favicon-32x32.png")
