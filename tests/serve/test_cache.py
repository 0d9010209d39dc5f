"""The page cache renders a page once for readers arriving together, and never shares a response it cannot keep."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

from storytrace.serve.api import cache as cache_module
from storytrace.serve.api.cache import WRITING_REFRESH_S, Generation, PageCache


class _Corpus:
    """What the cache asks of the app's state: the data's generation (fixed: nothing is written here)."""

    def generation(self) -> int:
        return 1


class _SlowPage:
    """An ASGI app that takes a while to render each page and counts its renderings."""

    def __init__(self, status: int = 200):
        self.status = status
        self.rendered = 0
        self.state = SimpleNamespace(storytrace=_Corpus())

    async def __call__(self, scope, receive, send) -> None:
        self.rendered += 1
        number = self.rendered
        await asyncio.sleep(0.05)
        await send({"type": "http.response.start", "status": self.status, "headers": []})
        await send({"type": "http.response.body", "body": f"page {number}".encode()})


async def _get(cache: PageCache, app: _SlowPage, path: str) -> tuple[int, bytes]:
    scope = {"type": "http", "method": "GET", "path": path, "query_string": b"", "app": app}
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    await cache(scope, receive, send)
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])


def _together(app: _SlowPage, paths: list[str]) -> list[tuple[int, bytes]]:
    cache = PageCache(app)

    async def run() -> list[tuple[int, bytes]]:
        return list(await asyncio.gather(*(_get(cache, app, p) for p in paths)))

    return asyncio.run(run())


def test_readers_arriving_together_share_one_rendering():
    """Six requests for one uncached page cost one rendering; another page is rendered on its own."""
    app = _SlowPage()
    answers = _together(app, ["/a"] * 6 + ["/b"])
    assert app.rendered == 2
    assert answers[:6] == [(200, b"page 1")] * 6 and answers[6] == (200, b"page 2")


def test_a_response_that_is_not_kept_is_rendered_for_each_reader():
    """An error is never cached, so each waiting reader gets a rendering of its own, not another's error."""
    app = _SlowPage(status=404)
    answers = _together(app, ["/missing"] * 3)
    assert app.rendered == 3
    assert sorted(body for _, body in answers) == [b"page 1", b"page 2", b"page 3"]


def test_generation_moves_with_each_commit_seen_when_no_one_writes():
    generation = Generation()
    first = generation.check(1, 10)
    assert generation.check(1, 10) == first  # nothing committed
    assert generation.check(1, 11) == first + 1  # a commit seen by that connection
    # A connection never seen before cannot tell what it missed: the generation moves.
    assert generation.check(2, 11) == first + 2


def test_while_a_batch_is_written_pages_move_at_most_every_refresh(monkeypatch):
    """Commits during a write do not send each reader to a fresh render; the refresh interval and the end of
    the write do."""
    now = [100.0]
    monkeypatch.setattr(cache_module.time, "monotonic", lambda: now[0])
    generation = Generation()
    before = generation.check(1, 1)
    held = generation.check(1, 2, writing=True)  # the first commit of a batch
    assert held == before + 1
    now[0] += WRITING_REFRESH_S / 2
    assert generation.check(1, 3, writing=True) == held  # later commits: the page of `held` is still served
    now[0] += WRITING_REFRESH_S
    refreshed = generation.check(1, 4, writing=True)
    assert refreshed > held
    assert generation.check(1, 5, writing=True) == refreshed
    generation.write_ended()  # the writer's client reads its own batch at once, even if another write follows
    assert generation.check(1, 5, writing=True) > refreshed
