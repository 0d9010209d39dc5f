"""A local Ray started as `storytrace add --engine ray` starts it, on inputs that never reach a model: the
actors read and judge them, the verdicts stream back in input order and match the default engine's. (The
whole pipeline on Ray is test_ray_engine.py, marked slow.)"""

from __future__ import annotations

import pytest

import storytrace
from storytrace.scale.ray_engine import RayOptions, add_with_ray

pytest.importorskip("ray")


def test_a_local_ray_gives_the_default_engines_verdicts_in_order(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    (folder / "b_empty.txt").write_text("")
    (folder / "c_blank.html").write_text("<html><body>   </body></html>")
    with storytrace.open(tmp_path / "ray.db") as corpus:
        on_ray = add_with_ray(corpus, [folder], RayOptions(workers=1))
    with storytrace.open(tmp_path / "local.db") as corpus:
        local = corpus.add([folder])
    verdicts = [(e.source, e.reason) for e in on_ray.skipped]
    assert [source.rsplit("/", 1)[-1] for source, _ in verdicts] == ["a_scan.txt", "b_empty.txt", "c_blank.html"]
    assert verdicts == [(e.source, e.reason) for e in local.skipped] and not on_ray.added
