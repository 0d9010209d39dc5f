"""The Ray engine's parts that need no Ray: planning inputs as tasks, naming, carrying results between processes."""

from __future__ import annotations

import os
from datetime import datetime, timezone

import numpy as np

from storytrace.errors import DuplicateArticle, ExtractionRejected, IngestError
from storytrace.loading import Models
from storytrace.model import Article, RawArticle
from storytrace.scale.work import Task, analyse_tasks, pack, plan_tasks, read_task, unpack
from storytrace.settings import Settings

STORY = ("Harlow Valley council delays vote on river bridge\n"
         "HARLOW, March 3 -- The Harlow Valley council on Tuesday delayed a vote on the new river bridge. "
         '"We need another month to study the costs," said council leader Mira Oduya.\n')


def test_tasks_keep_input_order_and_the_names_given(tmp_path, monkeypatch):
    """The linker sees what the default engine sees: files in name order, a missing path in its place, URLs
    last, and every file named as the user gave it even though workers read it by its absolute path."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "b.txt").write_text(STORY)
    (tmp_path / "in" / "a.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n')
    monkeypatch.chdir(tmp_path)
    tasks = plan_tasks(["in", "missing.txt", "https://example.org/a"])
    assert [t.shown for t in tasks[:2]] == [os.path.join("in", "a.jsonl"), os.path.join("in", "b.txt")]
    assert all(os.path.isabs(t.path) for t in tasks[:2])
    assert isinstance(unpack(tasks[2].error), IngestError) and unpack(tasks[2].error).source == "missing.txt"
    assert tasks[3] == Task(urls=("https://example.org/a",))
    sources = [item.source for item in read_task(tasks[0], Settings())]
    assert sources == [os.path.join("in", "a.jsonl") + "#1", os.path.join("in", "a.jsonl") + "#3"]


def test_errors_and_articles_survive_the_trip_between_processes():
    """An IngestError does not unpickle by itself; packed, every verdict keeps its class, source and reason."""
    for error in (IngestError("a.txt", "empty file"), ExtractionRejected("b.txt", "language is German, not one of en"),
                  DuplicateArticle("c.txt", "already stored as article 0123")):
        back = unpack(pack(error))
        assert (type(back), back.source, back.reason) == (type(error), error.source, error.reason)
    article = Article(id="0123", source="d.txt", text="words", published=datetime(2020, 1, 2, tzinfo=timezone.utc),
                      embedding=np.arange(4, dtype=np.float32))
    back = unpack(pack(article))
    assert back.published == article.published and np.array_equal(back.embedding, article.embedding)
    raw = RawArticle(source="e.txt", content="text", kind="text")
    assert unpack(pack(raw)) == raw


def test_stored_articles_are_answered_without_analysis(tmp_path):
    """A worker asks which clean articles the corpus holds and answers those as duplicates, in their place,
    without loading spaCy; unreadable inputs keep their own verdicts."""
    (tmp_path / "story.txt").write_text(STORY)
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    models = Models(Settings())
    asked = []
    items = analyse_tasks(plan_tasks([tmp_path / "bad.txt", tmp_path / "story.txt"]), Settings(), models,
                          lambda ids: asked.extend(ids) or set(ids))
    assert [type(item) for item in items] == [ExtractionRejected, DuplicateArticle]
    assert len(asked) == 1 and items[1].reason == f"already stored as article {asked[0]}"
    assert models._nlp is None


def test_ray_options_without_the_ray_engine_are_a_usage_error(tmp_path, capsys):
    """`--workers` or `--ray-address` with the default engine would be silently ignored: refuse them instead."""
    from storytrace.serve.cli import EXIT_USAGE, main

    assert main(["add", "--db", str(tmp_path / "c.db"), "--ray-address", "h:6379", str(tmp_path)]) == EXIT_USAGE
    assert "need --engine ray" in capsys.readouterr().err
    assert not (tmp_path / "c.db").exists()
