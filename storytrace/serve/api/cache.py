"""Responses to GET requests kept until the data changes: the corpus only changes when articles are added, so
a page rendered once (a story's timeline, a listing with its counts) serves every reader until the next commit.

The key is the request (path and query) and a generation number that moves whenever the store reports a commit
since the connection that checks last looked (`Store.data_version`); a store that cannot tell (None) is never
cached. While a batch of articles is being written (one commit per article), the generation readers are served
moves at most every `WRITING_REFRESH_S`: otherwise every commit would send every reader to a fresh render while
the writer holds the CPU. A reader then sees the corpus as it stood at most that long ago, and the end of a write
moves it at once, so a client whose POST has been answered reads what it added.

Only complete 200 responses up to `MAX_ENTRY_BYTES` are kept, up to `MAX_BYTES` in all, least recently used first
out. Requests for a page that another request is rendering wait for that rendering instead of doing it again
(after a write, readers arriving together would otherwise each render the same page at once). Pure ASGI: a hit
costs a dictionary lookup and one PRAGMA."""

from __future__ import annotations

import asyncio
import threading
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]

# Enough for every page of a busy newsroom's day; a 10,000-article corpus's listings and story parts fit.
MAX_BYTES = 64_000_000
# Larger responses (a whole export) are rare and cheap to stream again relative to the memory they would hold.
MAX_ENTRY_BYTES = 1_000_000
# How stale a page may be while a batch is being written. A site's pages rendered afresh cost about 10 ms each;
# once per 10 s, a few hundred pages in use take a third of a core, leaving the rest to readers and the writer
# (at 2 s they took more than the whole core: 340 pages in the load bench). A batch of 200 articles takes minutes.
WRITING_REFRESH_S = 10.0
# Never cached: the docs and static files (served from disk by Starlette) and exports (large, rarely repeated).
_PASS = ("/docs", "/static", "/openapi.json", "/api/export")


class Generation:
    """A number that moves when any connection sees a commit it had not seen before; while a write is under way,
    the number served moves at most every `WRITING_REFRESH_S`."""

    def __init__(self) -> None:
        self.value = 0
        self._seen: dict[int, int] = {}
        self._lock = threading.Lock()
        self._held: tuple[int, float] | None = None  # (value served, since when) while a write is under way

    def check(self, connection_key: int, version: int | None, writing: bool = False) -> int | None:
        if version is None:
            return None
        with self._lock:
            # A connection not seen before cannot say whether a commit came since the last render: move on too.
            if self._seen.get(connection_key) != version:
                self.value += 1
            self._seen[connection_key] = version
            if not writing:
                self._held = None
                return self.value
            now = time.monotonic()
            if self._held is None or now - self._held[1] >= WRITING_REFRESH_S:
                self._held = (self.value, now)
            return self._held[0]

    def write_ended(self) -> None:
        """Serve the current generation from now on: the writer's client reads its own batch."""
        with self._lock:
            self._held = None


class PageCache:
    """ASGI middleware keeping GET responses per (path, query, generation)."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]]):
        self.app = app
        self._entries: OrderedDict[tuple, tuple[int, list, bytes]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        # Pages being rendered now, each with the event its waiting requests are woken by. Only the event loop's
        # thread touches this.
        self._rendering: dict[tuple, asyncio.Event] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or scope.get("method") != "GET" or path.startswith(_PASS):
            await self.app(scope, receive, send)
            return
        generation = scope["app"].state.storytrace.generation()
        if generation is None:
            await self.app(scope, receive, send)
            return
        key = (path, scope.get("query_string", b""), generation)
        rendering = self._rendering.get(key)
        if rendering is not None:
            await rendering.wait()
            # Its response is kept when it can be; if not (an error, too large), this request renders its own.
            if not await self._replay(key, send):
                await self._render(scope, receive, send, key)
            return
        # No await suspends between the lookup above and the registration below: one renderer per key.
        if await self._replay(key, send):
            return
        done = self._rendering[key] = asyncio.Event()
        try:
            await self._render(scope, receive, send, key)
        finally:
            del self._rendering[key]
            done.set()

    async def _replay(self, key: tuple, send: Send) -> bool:
        """Send the kept response of `key`, if there is one."""
        with self._lock:
            hit = self._entries.get(key)
            if hit is not None:
                self._entries.move_to_end(key)
        if hit is None:
            return False
        status, headers, body = hit
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})
        return True

    async def _render(self, scope: Scope, receive: Receive, send: Send, key: tuple) -> None:
        """Run the app for this request, keeping its response under `key` when it is a complete 200."""
        start: dict = {}
        chunks: list[bytes] = []
        keep = True

        async def capture(message: MutableMapping[str, Any]) -> None:
            nonlocal keep
            if message["type"] == "http.response.start":
                start.update(message)
                keep = message.get("status") == 200
            elif message["type"] == "http.response.body" and keep:
                chunks.append(message.get("body", b""))
                keep = sum(len(c) for c in chunks) <= MAX_ENTRY_BYTES
            await send(message)

        await self.app(scope, receive, capture)
        if keep and start:
            self._store(key, start["status"], list(start.get("headers", [])), b"".join(chunks))

    def _store(self, key: tuple, status: int, headers: list, body: bytes) -> None:
        with self._lock:
            if key in self._entries:
                return
            self._entries[key] = (status, headers, body)
            self._bytes += len(body)
            while self._bytes > MAX_BYTES and self._entries:
                _, (_, _, old) = self._entries.popitem(last=False)
                self._bytes -= len(old)
