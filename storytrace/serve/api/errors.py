"""The one JSON error shape of the API, `{"error": {"code": ..., "message": ...}}`, and the handlers that produce it.

Web pages get the same information as a small HTML page, so a browser never shows raw JSON for a missing story."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from storytrace.errors import IngestError, StoreError, StorytraceError
from storytrace.serve.web import error_page

# Codes for errors raised by Starlette itself (unknown route, wrong method, ...).
_HTTP_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 413: "too_large",
               415: "unsupported_media_type", 422: "invalid_request"}


class ApiError(Exception):
    """An error a route raises on purpose: HTTP status, a stable machine code and a sentence for people."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def not_found(kind: str, ident: str) -> ApiError:
    return ApiError(404, "not_found", f"no {kind} with id {ident!r}")


def error_body(code: str, message: str) -> dict:
    return {"error": {"code": code, "message": message}}


def install(app: FastAPI) -> None:
    """Route every error, expected or not, through `_respond`."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StorytraceError, _library_error)
    app.add_exception_handler(Exception, _unexpected)


def _respond(request: Request, status: int, code: str, message: str) -> Response:
    if request.url.path.startswith("/api") or "text/html" not in request.headers.get("accept", ""):
        return JSONResponse(error_body(code, message), status_code=status)
    return HTMLResponse(error_page(status, message), status_code=status)


async def _api_error(request: Request, exc: ApiError) -> Response:
    return _respond(request, exc.status, exc.code, exc.message)


async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
    return _respond(request, exc.status_code, _HTTP_CODES.get(exc.status_code, "http_error"), str(exc.detail))


async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
    problems = []
    for err in exc.errors():
        where = ".".join(str(part) for part in err.get("loc", ()))
        problems.append(f"{where}: {err.get('msg', 'invalid')}" if where else err.get("msg", "invalid"))
    return _respond(request, 422, "invalid_request", "; ".join(problems) or "invalid request")


async def _library_error(request: Request, exc: StorytraceError) -> Response:
    if isinstance(exc, IngestError):
        return _respond(request, 422, "unreadable_input", str(exc))
    if isinstance(exc, StoreError):
        return _respond(request, 503, "store_unavailable", str(exc))
    return _respond(request, 400, "bad_request", str(exc))


async def _unexpected(request: Request, exc: Exception) -> Response:
    # No traceback or message leaks to the client; the server log has them.
    return _respond(request, 500, "internal_error", "an unexpected error occurred")
