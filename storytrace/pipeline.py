"""The ordered pipeline: each stage says what it requires and assigns, and the order is checked when built.

Stages are stream transformers over `Article | IngestError`: errors flow through untouched, so one bad input
is reported in order and never stops the batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from storytrace.errors import IngestError, PipelineError
from storytrace.model import Article, RawArticle

Item = Article | IngestError


class Stage(Protocol):
    name: str
    requires: frozenset[str]
    assigns: frozenset[str]

    def __call__(self, items: Iterator) -> Iterator[Item]: ...


@dataclass
class Pipeline:
    stages: list[Stage]

    def __post_init__(self) -> None:
        check_order(self.stages)

    def run(self, raws: Iterable[RawArticle | IngestError]) -> Iterator[Item]:
        stream: Iterator = iter(raws)
        for stage in self.stages:
            stream = stage(stream)
        return stream


def check_order(stages: list[Stage]) -> None:
    """Fail early when a stage needs something no earlier stage assigns (spaCy's analyze_pipes, simplified)."""
    available = {"raw"}
    for stage in stages:
        missing = stage.requires - available
        if missing:
            raise PipelineError(f"stage {stage.name!r} requires {', '.join(sorted(missing))}, "
                                f"which no earlier stage assigns")
        available |= stage.assigns


def per_item(items: Iterator, work: Callable[[object], Item]) -> Iterator[Item]:
    """Apply `work` to each non-error item, turning a raised IngestError into an error item."""
    for item in items:
        if isinstance(item, IngestError):
            yield item
            continue
        try:
            yield work(item)
        except IngestError as exc:
            yield exc


def batched_articles(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    """Group a stream into lists of at most `size` articles, errors riding along in place."""
    batch: list[Item] = []
    count = 0
    for item in items:
        batch.append(item)
        if isinstance(item, Article):
            count += 1
        if count >= size:
            yield batch
            batch, count = [], 0
    if batch:
        yield batch
