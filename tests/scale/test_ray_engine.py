"""The Ray engine on a real local Ray: the same inputs give the same corpus and verdicts as the default engine."""

from __future__ import annotations

import json

import pytest

import storytrace
from storytrace.scale.ray_engine import RayOptions, add_with_ray

ray = pytest.importorskip("ray")

ARTICLES = {
    "2021-05-03_tollmere_times_ferry.txt": (
        "Tollmere Times\nCouncil proposes ferry link to Kessick Island\n"
        "TOLLMERE, May 3 -- The Tollmere council has proposed a ferry link to Kessick Island, officials said on "
        "Monday. \"We have asked the harbour board to run a daily service from June,\" said council leader Ada "
        "Brennock. The harbour board said it had received the request and would reply within a month.\n"),
    "2021-05-04_kessick_post_ferry_denial.txt": (
        "Kessick Post\nHarbour board denies ferry plan\n"
        "KESSICK, May 4 -- The Tollmere harbour board on Tuesday denied that it had agreed to run a daily ferry "
        "to Kessick Island. \"No such service has been agreed,\" said board chairman Piet Varga. Varga said the "
        "board had not received a formal request from the council.\n"),
    "2021-05-05_lowfield_gazette_orchard.txt": (
        "Lowfield Gazette\nOrchard festival returns to Lowfield\n"
        "LOWFIELD, May 5 -- The spring orchard festival will return to Lowfield this weekend after a two-year "
        "break, organisers said on Wednesday. \"We expect more than four thousand visitors,\" said organiser "
        "June Malloy. Stalls will sell cider, pies and seedlings.\n"),
}


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False,
             _node_ip_address="127.0.0.1")
    yield
    ray.shutdown()


@pytest.mark.slow
def test_ray_engine_matches_the_default_engine(tmp_path, models, local_ray):
    """Order is kept and linking happens once in the driver, so story ids, claims, disputes and every
    skipped or duplicate verdict are the default engine's; a second add answers all as already stored."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text)
    (folder / "2021-05-06_copy_of_ferry.txt").write_text(ARTICLES["2021-05-03_tollmere_times_ferry.txt"])
    (folder / "2021-05-07_scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")

    with storytrace.open(tmp_path / "ray.db", models=models) as corpus:
        on_ray = add_with_ray(corpus, [folder], RayOptions(workers=1))
        ray_export = json.loads(corpus.export("json"))
        again = add_with_ray(corpus, [folder], RayOptions(workers=1))
    with storytrace.open(tmp_path / "local.db", models=models) as corpus:
        local = corpus.add([folder])
        local_export = json.loads(corpus.export("json"))

    verdicts = lambda report: ([(e.source, e.reason) for e in report.skipped],  # noqa: E731
                               [(e.source, e.reason) for e in report.duplicates])
    assert len(on_ray.added) == 3 and on_ray.added == local.added
    assert verdicts(on_ray) == verdicts(local) and len(on_ray.skipped) == len(on_ray.duplicates) == 1
    assert ray_export["statements"] and ray_export["claims"] and ray_export["stories"]
    for table in ("articles", "stories", "claims", "disputes", "statements", "entities"):
        assert ray_export[table] == local_export[table], table
    assert not again.added and len(again.duplicates) == 4
