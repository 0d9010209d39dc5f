"""What the Ray engine's workers do, without Ray: inputs planned in the driver as tasks, each task read, cleaned
and analysed on a worker, and the results carried back to the driver as bytes that keep every error's class,
source and reason (an IngestError does not survive pickle on its own: its constructor takes two arguments).
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from storytrace.errors import DuplicateArticle, ExtractionRejected, IngestError
from storytrace.ingest.files import expand_paths, read_file
from storytrace.ingest.names import display_name
from storytrace.ingest.urls import fetch_urls, is_url
from storytrace.model import Article, RawArticle
from storytrace.pipeline import Item
from storytrace.settings import Settings

if TYPE_CHECKING:
    from storytrace.loading import Models

# The error classes a worker may send back, by name; anything else is a plain IngestError.
_ERRORS: dict[str, type[IngestError]] = {cls.__name__: cls for cls in (IngestError, ExtractionRejected,
                                                                       DuplicateArticle)}


@dataclass(frozen=True)
class Task:
    """One unit of input for a worker: a file to read (from `path`, named `shown` as the user gave it), the URLs
    given on the command line (fetched after the files, as the default engine does), or an error found while
    listing the inputs."""

    path: str | None = None
    shown: str | None = None
    urls: tuple[str, ...] = ()
    error: bytes | None = None


def plan_tasks(paths: Iterable[str | Path]) -> list[Task]:
    """The inputs under `paths` as tasks in the order the default engine reads them. Files are read by their
    absolute path (a worker's folder may differ) but keep the name the user gave."""
    paths = list(paths)
    tasks = [Task(error=pack(found)) if isinstance(found, IngestError)
             else Task(path=str(Path(found).absolute()), shown=display_name(found))
             for found in expand_paths(paths)]
    urls = tuple(str(p) for p in paths if is_url(p))
    return tasks + [Task(urls=urls)] if urls else tasks


def read_task(task: Task, settings: Settings) -> Iterator[RawArticle | IngestError]:
    """The raw articles (or errors) of one task, named as the default engine names them."""
    if task.error is not None:
        yield unpack(task.error)
    elif task.urls:
        yield from fetch_urls(list(task.urls), settings)
    else:
        actual = display_name(task.path)
        for item in read_file(Path(task.path), settings):
            yield _renamed(item, actual, task.shown)


def _renamed(item: RawArticle | IngestError, actual: str, shown: str) -> RawArticle | IngestError:
    """`item` with the absolute path at the start of its source (`file` or `file#line`) put back as given."""
    if not item.source.startswith(actual):
        return item
    source = shown + item.source[len(actual):]
    if isinstance(item, IngestError):
        return type(item)(source, item.reason)
    return replace(item, source=source)


def analyse_tasks(tasks: list[Task], settings: Settings, models: Models,
                  stored: Callable[[list[str]], set[str]]) -> list[Item]:
    """Read, clean and analyse a batch of tasks, in order (see `analyse_raws`)."""
    return analyse_raws([item for task in tasks for item in read_task(task, settings)], settings, models, stored)


def analyse_raws(raws: list[RawArticle | IngestError], settings: Settings, models: Models,
                 stored: Callable[[list[str]], set[str]]) -> list[Item]:
    """Clean and analyse a batch of inputs already read, in order. `stored` answers which of the clean articles'
    ids the corpus already holds: those are duplicates, answered without analysis."""
    from storytrace.analyze.stage import AnalyzeStage
    from storytrace.clean.stage import CleanStage

    if not any(isinstance(raw, RawArticle) for raw in raws):
        return list(raws)  # no language detector loaded for a batch of errors
    # Duplicates within the batch are caught here, across batches by the driver's link stage (which checks the
    # store again before linking): the first in input order is the one stored, as with the default engine.
    cleaned = list(CleanStage(settings, lambda: models.detector, lambda _id: False)(iter(raws)))
    known = stored([item.id for item in cleaned if isinstance(item, Article)])
    cleaned = [DuplicateArticle(item.source, f"already stored as article {item.id}")
               if isinstance(item, Article) and item.id in known else item for item in cleaned]
    return list(AnalyzeStage(lambda: models.nlp, 1, settings.batch_size)(iter(cleaned)))


def pack(item: Item | RawArticle) -> bytes:
    """An article or an error as bytes to send between processes."""
    if isinstance(item, IngestError):
        kind = type(item).__name__ if type(item).__name__ in _ERRORS else IngestError.__name__
        return pickle.dumps(("error", kind, item.source, item.reason))
    return pickle.dumps(("item", item))


def unpack(data: bytes) -> Item | RawArticle:
    """What `pack` made, with errors rebuilt as their own class."""
    tag, *fields = pickle.loads(data)
    if tag == "error":
        kind, source, reason = fields
        return _ERRORS[kind](source, reason)
    return fields[0]
