"""The ordered pipeline: each stage says what it requires and assigns, and the order is checked when built.

Stages are stream transformers over `Article | IngestError`: errors flow through untouched, so one bad input
is reported in order and never stops the batch.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from storytrace.errors import IngestError, PipelineError
from storytrace.model import Article, RawArticle

Item = Article | IngestError
RAW = frozenset({"raw"})


class Stage(Protocol):
    name: str
    requires: frozenset[str]
    assigns: frozenset[str]

    def __call__(self, items: Iterator) -> Iterator[Item]: ...


@dataclass
class Pipeline:
    stages: list[Stage]
    given: frozenset[str] = RAW  # what the inputs already carry: raw inputs, or e.g. analysed articles

    def __post_init__(self) -> None:
        check_order(self.stages, self.given)
        quiet_library_loggers()

    def run(self, raws: Iterable[RawArticle | IngestError]) -> Iterator[Item]:
        stream: Iterator = iter(raws)
        for stage in self.stages:
            stream = stage(stream)
        return stream


# Libraries whose log records would otherwise reach the user raw ("WARNING ... discarding data: None"):
# what they log about an input is already in that input's one-line verdict.
_LIBRARY_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer", "readability")


def quiet_library_loggers() -> None:
    """Stop the libraries' log records at their own loggers: neither Python's last-resort handler nor a root
    handler some other library configured (one does, with basicConfig) prints them raw to standard error."""
    for name in _LIBRARY_LOGGERS:
        logger = logging.getLogger(name)
        logger.propagate = False
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())


# A reason line is cut here: a library's message can hold a whole traceback.
_REASON_CHARS = 300


def failure(source: str, step: str, exc: BaseException) -> IngestError:
    """An unexpected exception while working on one input, as that input's one-line error."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    # Multi-line messages (spaCy's worker errors carry the worker's traceback) end with the real error.
    message = lines[-1] if lines else ""
    reason = f"{step} failed ({type(exc).__name__}{': ' + message if message else ''})"
    if len(reason) > _REASON_CHARS:
        reason = reason[:_REASON_CHARS - 4] + "...)"
    return IngestError(source, reason)


def check_order(stages: list[Stage], given: frozenset[str] = RAW) -> None:
    """Fail early when a stage needs something no earlier stage assigns (spaCy's analyze_pipes, simplified)."""
    available = set(given)
    for stage in stages:
        missing = stage.requires - available
        if missing:
            raise PipelineError(f"stage {stage.name!r} requires {', '.join(sorted(missing))}, "
                                f"which no earlier stage assigns")
        available |= stage.assigns


