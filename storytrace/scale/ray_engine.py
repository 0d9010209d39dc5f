"""`storytrace add --engine ray`: ingest, clean and analyze as Ray Data map batches on an actor pool (each actor
loads its models once), the results streamed back in input order to the one linker, in this process, which
stores them. The same inputs give the same stories, claims and verdicts as the default engine: linking sees
the articles in the same order.
"""

from __future__ import annotations

import logging
import pickle
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from storytrace.errors import StorytraceError
from storytrace.pipeline import Item
from storytrace.scale.work import Task, analyse_tasks, pack, plan_tasks, unpack
from storytrace.settings import Settings

if TYPE_CHECKING:
    from storytrace.corpus import AddReport, Corpus

# Inputs per map batch: big enough that spaCy and the encoder batch well, small enough that two workers share
# a few dozen articles and that results start flowing soon.
TASKS_PER_BATCH = 8
# Ray's own start-up and Ray Data's execution reports say nothing a user of `add` needs.
_RAY_LOGGERS = ("ray", "ray.data")
# Seconds to wait for a cluster's address to accept a connection before saying it is not there.
_CONNECT_TIMEOUT_S = 5


@dataclass(frozen=True)
class RayOptions:
    address: str | None = None  # a running cluster ("HOST:6379", "auto"); None starts a local one
    workers: int | None = None  # analysing actors; default: settings.n_process locally, every CPU of a cluster
    tasks_per_batch: int = TASKS_PER_BATCH


def add_with_ray(corpus: Corpus, paths: Iterable[str | Path], options: RayOptions | None = None,
                 progress: Callable[[str], None] | None = None) -> AddReport:
    """Add every article under `paths` to `corpus`, analysed on Ray; bad inputs are reported, never fatal."""
    options = options or RayOptions()
    if options.workers is not None and options.workers < 1:
        raise StorytraceError(f"the Ray engine needs at least one worker, not {options.workers}")
    tasks = plan_tasks(paths)
    with ray_session(options, corpus.settings) as workers:
        return corpus.add_analysed(analysed_on_ray(tasks, corpus, workers, options.tasks_per_batch), progress)


class ray_session:
    """Connect to the cluster at `options.address`, or start a local one on 127.0.0.1 (shut down on exit); the
    value is the number of analysing actors to run."""

    def __init__(self, options: RayOptions, settings: Settings):
        self.options, self.settings = options, settings
        self.started = False

    def __enter__(self) -> int:
        ray = import_ray()
        if ray.is_initialized():  # a caller (a test, a benchmark) runs Ray itself
            return self.options.workers or self.settings.n_process
        if self.options.address:
            _check_reachable(self.options.address)
            try:
                ray.init(address=self.options.address, log_to_driver=False, configure_logging=False)
            except (ConnectionError, RuntimeError, ValueError) as exc:
                raise StorytraceError(f"no Ray cluster at {self.options.address} ({exc})") from exc
            self.started = True
            return self.options.workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        workers = self.options.workers or self.settings.n_process
        ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False, configure_logging=False,
                 _node_ip_address="127.0.0.1")
        self.started = True
        return workers

    def __exit__(self, *exc) -> None:
        if self.started:
            import_ray().shutdown()


def _check_reachable(address: str) -> None:
    """Fail at once on a HOST:PORT nobody listens on: Ray itself retries such an address for minutes."""
    import socket

    host, _, port = address.rpartition(":")
    if not host or not port.isdigit():
        return  # "auto" and other forms Ray resolves itself
    try:
        socket.create_connection((host, int(port)), timeout=_CONNECT_TIMEOUT_S).close()
    except OSError as exc:
        raise StorytraceError(f"no Ray cluster at {address} ({exc.strerror or exc})") from exc


def import_ray():
    """Ray, or a clear error saying how to install it (it is the optional `scale` extra)."""
    try:
        import ray
    except ImportError as exc:
        raise StorytraceError("the Ray engine needs Ray: pip install 'storytrace[scale]'") from exc
    return ray


def analysed_on_ray(tasks: list[Task], corpus: Corpus, workers: int,
                    tasks_per_batch: int = TASKS_PER_BATCH) -> Iterator[Item]:
    """Analysed articles and errors, in input order, from `workers` actors of an initialised Ray."""
    for batch, _ in timed_batches(tasks, corpus, workers, tasks_per_batch):
        yield from (unpack(packed) for packed in batch)


def timed_batches(tasks: list[Task], corpus: Corpus, workers: int,
                  tasks_per_batch: int = TASKS_PER_BATCH) -> Iterator[tuple[list[bytes], float]]:
    """The results batch by batch, in input order, as the bytes workers sent, each batch with the moment it
    reached this process (the scale bench times the workers by it)."""
    if not tasks:
        return
    import_ray()
    import ray
    import ray.data
    from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy

    for name in _RAY_LOGGERS:  # after importing ray.data, which sets its loggers up
        logging.getLogger(name).setLevel(logging.ERROR)
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True  # the linker must see articles in input order
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    # Pinned to this node: a SQLite corpus is a file here; PostgreSQL would do from anywhere.
    here = NodeAffinitySchedulingStrategy(ray.get_runtime_context().get_node_id(), soft=False)
    checker = ray.remote(num_cpus=0)(StoredIds).options(scheduling_strategy=here).remote(_store_address(corpus))
    dataset = ray.data.from_items([{"task": pickle.dumps(task)} for task in tasks],
                                  override_num_blocks=max(1, -(-len(tasks) // tasks_per_batch)))
    dataset = dataset.map_batches(Analyser, batch_size=tasks_per_batch, num_cpus=1, batch_format="numpy",
                                  compute=ray.data.ActorPoolStrategy(size=workers),
                                  fn_constructor_kwargs={"settings": corpus.settings, "checker": checker})
    for batch in dataset.iter_batches(batch_size=None, batch_format="numpy"):
        yield list(batch["item"]), time.perf_counter()


def _store_address(corpus: Corpus) -> str:
    """Where another process opens this corpus's store: its PostgreSQL URL or its SQLite file's full path."""
    store = corpus.store
    return getattr(store, "url", None) or str(Path(store.path).resolve())


class StoredIds:
    """A Ray actor beside the store that tells workers which article ids it holds, on a read connection."""

    def __init__(self, address: str):
        from storytrace.store import open_store

        self.store = open_store(address, create=False).reader()

    def stored(self, ids: list[str]) -> set[str]:
        return {article_id for article_id in ids if self.store.has_article(article_id)}


class Analyser:
    """One actor of the pool: models loaded once, then batch after batch of tasks read, cleaned and analysed."""

    def __init__(self, settings: Settings, checker):
        from storytrace.loading import Models

        self.settings = settings
        self.models = Models(settings)
        self.checker = checker

    def __call__(self, batch: dict) -> dict:
        import numpy as np

        ray = import_ray()
        tasks = [pickle.loads(data) for data in batch["task"]]
        items = analyse_tasks(tasks, self.settings, self.models,
                              lambda ids: ray.get(self.checker.stored.remote(ids)) if ids else set())
        column = np.empty(len(items), dtype=object)
        column[:] = [pack(item) for item in items]
        return {"item": column}
