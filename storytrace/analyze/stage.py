"""The analyze stage: one streaming spaCy pass over all articles, with storytrace's own components
(attribution, lead embedding) running inside spaCy's worker processes beside the parser."""

from __future__ import annotations

import itertools
import multiprocessing
import multiprocessing.util
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from storytrace.errors import IngestError
from storytrace.model import Article
from storytrace.pipeline import Item, failure

if TYPE_CHECKING:  # spaCy is imported by the model loader, and only when an article needs analysing
    from spacy.language import Language
    from spacy.tokens import Doc

    from storytrace.analyze.component import DocContext


class AnalyzeStage:
    name = "analyze"
    requires = frozenset({"text", "metadata"})
    assigns = frozenset({"mentions", "statements", "embedding"})

    def __init__(self, load_nlp: Callable[[], Language], n_process: int, batch_size: int):
        self.load_nlp = load_nlp  # called when the first article arrives: a stream of rejects loads no model
        self.n_process = n_process
        self.batch_size = batch_size

    def __call__(self, items: Iterator[Item]) -> Iterator[Item]:
        # One nlp.pipe call for the whole stream: worker processes start once, not once per batch.
        # nlp.pipe keeps input order, so articles and errors wait in one queue in input order rather
        # than travel to the workers; each parsed doc releases the errors queued before its article.
        # When the pipe fails on some article it cannot say which: the articles it had taken are then
        # analysed one at a time here, the failing one becomes its own error, and a new pipe goes on.
        source = iter(items)
        for item in source:  # errors ahead of the first article pass before any model is loaded
            if not isinstance(item, IngestError):
                source = itertools.chain([item], source)
                break
            yield item
        else:
            return
        waiting: deque[Item] = deque()
        while True:
            failed = yield from self._pipe(source, waiting)
            if not failed:
                return
            while waiting:
                item = waiting.popleft()
                yield item if isinstance(item, IngestError) else self._analyse_alone(item)

    def _pipe(self, source: Iterator[Item], waiting: deque[Item]) -> Generator[Item, None, bool]:
        """Stream `source` through nlp.pipe; True when the pipe failed (what it had taken stays in `waiting`)."""

        def inputs() -> Iterator[tuple[str, DocContext]]:
            for item in source:
                waiting.append(item)
                if not isinstance(item, IngestError):
                    yield item.text, article_context(item)

        before = set(multiprocessing.active_children())
        finished = False
        if self.n_process > 1:
            _workers_die_with_this_process()
        try:
            with _interrupt_stops_workers(before):
                for doc, _ in self.load_nlp().pipe(inputs(), as_tuples=True, n_process=self.n_process,
                                                   batch_size=self.batch_size):
                    while isinstance(waiting[0], IngestError):
                        yield waiting.popleft()
                    yield _annotated(waiting.popleft(), doc)
            finished = True
        except Exception:  # noqa: BLE001 - the articles taken are retried one by one; the culprit gets the reason
            return True
        finally:
            if not finished:
                _stop_workers(before)
        while waiting:
            yield waiting.popleft()
        return False

    def _analyse_alone(self, article: Article) -> Item:
        try:
            [(doc, _)] = list(self.load_nlp().pipe([(article.text, article_context(article))], as_tuples=True,
                                            n_process=1))
        except Exception as exc:  # noqa: BLE001 - this article's failure is its verdict
            return failure(article.source, "analysis", exc)
        return _annotated(article, doc)


def _annotated(article: Article, doc: Doc) -> Item:
    try:
        return annotate(article, doc)
    except Exception as exc:  # noqa: BLE001 - this article's failure is its verdict
        return failure(article.source, "analysis", exc)


@contextmanager
def _interrupt_stops_workers(before: set[multiprocessing.Process]) -> Iterator[None]:
    """While the workers run, Ctrl-C (SIGINT to this process alone) ends them before it interrupts: spaCy's
    clean-up joins its workers without a time limit, and a worker blocked sending a parsed batch would never
    end (its siblings hold copies of the pipe it writes to)."""
    previous = signal.getsignal(signal.SIGINT)
    if threading.current_thread() is not threading.main_thread() or previous is signal.SIG_IGN:
        yield
        return

    def interrupt(signum, frame):
        _stop_workers(before)
        if callable(previous):
            previous(signum, frame)  # the caller's own handling (the CLI's, a test runner's) comes next
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


class _Parent:
    """Registered once per process: every worker forked from it arranges to die with it (below)."""

    def __init__(self) -> None:
        self.pid = os.getpid()


_PARENT: _Parent | None = None


def _workers_die_with_this_process() -> None:
    """Make spaCy's worker processes die when this process does, however it ends (SIGKILL from an OOM killer,
    SIGTERM from a supervisor): left alone they would run on, holding their memory. Linux only (prctl)."""
    global _PARENT  # noqa: PLW0603 - one registration per process; a fork inherits it with the right pid
    if _PARENT is None or _PARENT.pid != os.getpid():
        _PARENT = _Parent()
        multiprocessing.util.register_after_fork(_PARENT, _die_with_parent)


def _die_with_parent(parent: _Parent) -> None:
    """Runs in each forked worker: ask the kernel for SIGKILL when the parent exits, and leave at once if it
    already has (between the fork and this call)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent.pid:
        os._exit(1)


# prctl(2) option: the signal the calling process gets when its parent dies.
_PR_SET_PDEATHSIG = 1


def _stop_workers(before: set[multiprocessing.Process]) -> None:
    """End the spaCy workers this stage started when it is interrupted (Ctrl-C, an error downstream):
    left alone they block on their output pipes and the interpreter waits for them forever at exit."""
    for worker in set(multiprocessing.active_children()) - before:
        worker.terminate()
        worker.join(timeout=5)


def article_context(article: Article) -> DocContext:
    from storytrace.analyze.component import DocContext

    anchor = article.anchor_date
    return DocContext(title=article.title, outlet=article.outlet,
                      agency=article.dateline.agency if article.dateline else None,
                      anchor=anchor.isoformat() if anchor else None)


def annotate(article: Article, doc: Doc) -> Article:
    """Copy mentions, statements and the lead vector from the processed doc onto the article."""
    from storytrace.analyze.embed import doc_vector
    from storytrace.analyze.entities import doc_mentions

    article.mentions = doc_mentions(doc)
    article.statements = doc._.storytrace_statements
    for number, statement in enumerate(article.statements, start=1):
        statement.id = f"{article.id}-{number}"
        statement.article_id = article.id
    article.embedding = doc_vector(doc)
    if doc._.storytrace_attribution_cut:  # the article's time ran out: it says what was left unread
        article.warnings.append(doc._.storytrace_attribution_cut)
    return article
