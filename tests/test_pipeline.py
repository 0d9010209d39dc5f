"""The pipeline checks stage order when built and lets errors flow through without stopping the batch."""

from __future__ import annotations

import pytest

from storytrace.errors import IngestError, PipelineError
from storytrace.model import Article
from storytrace.pipeline import Pipeline
from storytrace.settings import Settings


class _Stage:
    def __init__(self, name, requires, assigns):
        self.name, self.requires, self.assigns = name, frozenset(requires), frozenset(assigns)

    def __call__(self, items):
        for item in items:
            if isinstance(item, IngestError):
                yield item
                continue
            try:
                yield self.work(item)
            except IngestError as exc:
                yield exc

    def work(self, article):
        if article.text == "bad":
            raise IngestError(article.source, "refused by stage")
        article.title = (article.title or "") + self.name
        return article


def test_stage_needing_what_nothing_assigns_is_refused():
    """A stage whose requirement no earlier stage assigns fails at build time, naming both."""
    with pytest.raises(PipelineError, match="'embed' requires text"):
        Pipeline([_Stage("embed", {"text"}, {"embedding"}), _Stage("clean", {"raw"}, {"text"})])


def test_errors_flow_through_in_order():
    """An error raised for one article becomes an item; the others still pass every stage."""
    pipeline = Pipeline([_Stage("a", {"raw"}, {"text"}), _Stage("b", {"text"}, {"x"})])
    raws = [Article("1", "one", "ok"), IngestError("two", "unreadable"), Article("3", "three", "bad"),
            Article("4", "four", "ok")]
    out = list(pipeline.run(raws))
    assert [type(i).__name__ for i in out] == ["Article", "IngestError", "IngestError", "Article"]
    assert out[0].title == "ab" and out[2].reason == "refused by stage"


def test_settings_reject_unknown_names_and_carry_help():
    """Settings overrides must name real settings; every setting has help text."""
    with pytest.raises(ValueError, match="unknown settings: nope"):
        Settings().with_overrides(nope=1)
    assert Settings().with_overrides(n_process=1).n_process == 1
    assert all(text for text in Settings.help().values())
