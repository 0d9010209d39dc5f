"""The parse's batches are bounded by characters, its worker processes keep order, and no failure, interrupt or
dead worker leaves a process behind or a wait without end. A blank spaCy pipeline stands in for the models."""

from __future__ import annotations

import multiprocessing
import os
import signal

import pytest

from storytrace.analyze.nlp import import_spacy
from storytrace.analyze.workers import WorkerFailed, Workers, char_batches, parse

spacy = import_spacy()


@spacy.Language.component("test_workers_refuse_boom")
def _refuse_boom(doc):
    if doc.text == "boom":
        raise ValueError("this text is refused")
    return doc


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("test_workers_refuse_boom")
    return nlp


def _alive_children() -> list[multiprocessing.Process]:
    return [p for p in multiprocessing.active_children() if p.is_alive()]


def test_batches_end_at_the_character_budget_or_the_count():
    """Short texts fill a batch up to the count; a long one ends the batch before it; one over the budget is alone."""
    texts = ["a" * 10] * 5 + ["b" * 95] + ["c" * 300] + ["d" * 10] * 2
    batches = list(char_batches(texts, len, budget=100, most=4))
    assert [[len(t) for t in batch] for batch in batches] == [[10] * 4, [10], [95], [300], [10, 10]]
    assert [t for batch in batches for t in batch] == texts


def test_batches_are_taken_lazily():
    """A batch is read from the stream only when asked for: the parse never holds the whole stream."""
    taken = []

    def stream():
        for n in range(10):
            taken.append(n)
            yield "x" * 40

    first = next(char_batches(stream(), len, budget=100, most=16))
    assert len(first) == 2 and taken == [0, 1, 2]  # the third ended the batch and waits for the next one


@pytest.mark.parametrize("n_process", [1, 2])
def test_docs_come_back_in_order_with_their_contexts(nlp, n_process):
    """In this process or in two workers, each text's doc comes back in input order, with its context."""
    pairs = [(f"text number {n} " * (1 + n % 7), {"n": n}) for n in range(40)]
    out = list(parse(nlp, iter(pairs), n_process, batch_size=3, budget=120))
    assert [(doc.text, context) for doc, context in out] == pairs
    assert _alive_children() == []


def test_a_batch_that_fails_in_a_worker_is_an_error_and_no_worker_is_left(nlp):
    """The worker's error reaches the caller, with its message; the workers are ended."""
    pairs = [("fine", 1), ("boom", 2), ("fine too", 3)]
    with pytest.raises(WorkerFailed, match="this text is refused"):
        list(parse(nlp, iter(pairs), 2, batch_size=1))
    assert _alive_children() == []


def test_a_dead_worker_is_an_error_not_a_wait_without_end(nlp):
    """A worker killed from outside (the OOM killer) ends the parse with an error naming it."""
    pool = Workers(nlp, 2)
    try:
        os.kill(pool.processes[0].pid, signal.SIGKILL)
        with pytest.raises(WorkerFailed, match="ended"):
            list(pool.parse(iter([[("one", 1)], [("two", 2)]])))
    finally:
        pool.stop()
    assert _alive_children() == []


def test_a_parse_left_unfinished_ends_its_workers(nlp):
    """A consumer that stops early (an interrupt, an error downstream) closes the parse: its workers end."""
    docs = parse(nlp, iter([(f"text {n}", n) for n in range(50)]), 2, batch_size=2)
    next(docs)
    assert len(_alive_children()) == 2
    docs.close()
    assert _alive_children() == []


def test_workers_ignore_ctrl_c_sent_to_the_process_group(nlp):
    """Ctrl-C reaches every process of the group: the workers leave the decision to their parent."""
    pool = Workers(nlp, 2)
    try:
        for process in pool.processes:
            os.kill(process.pid, signal.SIGINT)
        docs = list(pool.parse(iter([[("one", 1)], [("two", 2)]])))
        assert [doc.text for doc, _ in docs] == ["one", "two"]
    finally:
        pool.stop()
