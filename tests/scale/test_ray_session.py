"""The Ray engine's own errors come at once, as one line, before any Ray or model start."""

from __future__ import annotations

import socket

import pytest

import storytrace
from storytrace.errors import StorytraceError
from storytrace.scale.ray_engine import RayOptions, add_with_ray

pytest.importorskip("ray")


def test_an_address_nobody_listens_on_fails_at_once(tmp_path):
    """Ray retries an unreachable cluster address for minutes; the user hears at once that none is there."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # free once closed: nothing listens there
    with storytrace.open(tmp_path / "c.db") as corpus, pytest.raises(StorytraceError, match="no Ray cluster at"):
        add_with_ray(corpus, [tmp_path], RayOptions(address=f"127.0.0.1:{port}"))


def test_zero_workers_is_refused(tmp_path):
    """An actor pool of no actors would wait forever."""
    with storytrace.open(tmp_path / "c.db") as corpus, pytest.raises(StorytraceError, match="at least one worker"):
        add_with_ray(corpus, [tmp_path], RayOptions(workers=0))
