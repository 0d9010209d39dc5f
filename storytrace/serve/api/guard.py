"""Who may talk to the server, and how much: checks made on every request before any route runs or any body
byte is read (pure ASGI, so they cost microseconds).

- Host: only the address the server is bound to, 127.0.0.1 and localhost (a page on another site whose name
  was pointed at this machine, "DNS rebinding", sends its own name and is refused).
- Writes (POST, PUT, PATCH, DELETE): refused when a browser says they come from another site (Origin, or
  Sec-Fetch-Site without it), so a page the user visits cannot add to their corpus; and when a token is set
  (always, when bound to anything but loopback) they must carry it as `Authorization: Bearer TOKEN`.
- Sizes: a declared body over the limit is 413 before it is read; a query string over the limit, or one holding
  a NUL, is 422.
Every response also gets the security headers (no MIME sniffing; a script-free Content-Security-Policy)."""

from __future__ import annotations

import hmac
import ipaddress
import json
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

from storytrace.serve.api.errors import error_body

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]

# A JSON body of many articles is the largest thing anyone posts; the per-article limit is Settings.max_bytes.
MAX_BODY_BYTES = 50_000_000
# Far above any real filter combination; a longer query string is an attack or a mistake.
MAX_QUERY_BYTES = 8192
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})
_WILDCARDS = frozenset({"", "0.0.0.0", "::"})
_WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# Pages never need script: even if escaping were ever missed, a browser would refuse to run injected code.
# /docs is the exception: Swagger UI is a script.
_CSP = b"default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'"


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class Policy:
    """What the guard lets in. `hosts` None: any Host (the server listens on every interface)."""

    hosts: frozenset[str] | None
    token: str | None
    max_body: int = MAX_BODY_BYTES
    max_query: int = MAX_QUERY_BYTES

    @classmethod
    def for_bind(cls, host: str, token: str | None) -> "Policy":
        bound = host.strip("[]").lower()
        return cls(None if bound in _WILDCARDS else LOOPBACK_NAMES | {bound}, token or None)

    def refusal(self, scope: Scope) -> tuple[int, str, str] | None:
        """(status, code, message) when the request must be refused, else None."""
        headers = _headers(scope)
        host = headers.get("host", "")
        if self.hosts is not None and _hostname(host) not in self.hosts:
            return 403, "forbidden_host", f"this server does not answer to the host name {host[:100]!r}"
        query = scope.get("query_string", b"")
        if len(query) > self.max_query:
            return 422, "query_too_long", f"query string longer than {self.max_query:,} bytes"
        if b"%00" in query or b"\x00" in query or "\x00" in scope.get("path", ""):
            return 422, "invalid_request", "the request holds a NUL character"
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_body:
            return 413, "too_large", f"request body larger than {self.max_body:,} bytes"
        if scope.get("method", "GET") in _WRITES:
            origin = headers.get("origin")
            if origin is not None and origin.lower() not in (f"http://{host}".lower(), f"https://{host}".lower()):
                return 403, "cross_origin", "writes are only accepted from this server's own pages"
            site = headers.get("sec-fetch-site")
            if origin is None and site is not None and site not in ("same-origin", "none"):
                return 403, "cross_origin", "writes are only accepted from this server's own pages"
            if self.token and not _bearer_matches(headers.get("authorization", ""), self.token):
                return 401, "unauthorized", "writes need the server's token: Authorization: Bearer TOKEN"
        return None


class Guard:
    """ASGI middleware applying a Policy and adding the security headers."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]], policy: Policy):
        self.app, self.policy = app, policy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refused = self.policy.refusal(scope)
        if refused is not None:
            await _refuse(send, *refused)
            return
        docs = scope.get("path", "").startswith("/docs")

        async def send_with_headers(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                if b"x-content-type-options" not in names:
                    headers.append((b"x-content-type-options", b"nosniff"))
                if not docs and b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", _CSP))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _headers(scope: Scope) -> dict[str, str]:
    return {name.decode("latin-1").lower(): value.decode("latin-1") for name, value in scope.get("headers", [])}


def _hostname(host: str) -> str:
    """The name in a Host header, without its port ("[::1]:8000" -> "::1")."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _bearer_matches(authorization: str, token: str) -> bool:
    scheme, _, given = authorization.partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode())


async def _refuse(send: Send, status: int, code: str, message: str) -> None:
    body = json.dumps(error_body(code, message)).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"x-content-type-options", b"nosniff"), (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})
