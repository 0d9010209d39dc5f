"""The analyze stage: one streaming spaCy pass over all articles, with storytrace's own components
(attribution, lead embedding) running inside spaCy's worker processes beside the parser."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc

from storytrace.analyze.component import DocContext
from storytrace.analyze.entities import doc_mentions
from storytrace.errors import IngestError
from storytrace.model import Article
from storytrace.pipeline import Item


class AnalyzeStage:
    name = "analyze"
    requires = frozenset({"text", "metadata"})
    assigns = frozenset({"mentions", "statements", "embedding"})

    def __init__(self, nlp: Language, n_process: int, batch_size: int):
        self.nlp = nlp
        self.n_process = n_process
        self.batch_size = batch_size

    def __call__(self, items: Iterator[Item]) -> Iterator[Item]:
        # One nlp.pipe call for the whole stream: worker processes start once, not once per batch.
        # nlp.pipe keeps input order, so articles and errors wait in one queue in input order rather
        # than travel to the workers; each parsed doc releases the errors queued before its article.
        waiting: deque[Item] = deque()

        def inputs() -> Iterator[tuple[str, DocContext]]:
            for item in items:
                waiting.append(item)
                if not isinstance(item, IngestError):
                    yield item.text, article_context(item)

        before = set(multiprocessing.active_children())
        finished = False
        try:
            for doc, _ in self.nlp.pipe(inputs(), as_tuples=True, n_process=self.n_process,
                                        batch_size=self.batch_size):
                while isinstance(waiting[0], IngestError):
                    yield waiting.popleft()
                yield annotate(waiting.popleft(), doc)
            finished = True
        finally:
            if not finished:
                _stop_workers(before)
        yield from waiting


def _stop_workers(before: set[multiprocessing.Process]) -> None:
    """End the spaCy workers this stage started when it is interrupted (Ctrl-C, an error downstream):
    left alone they block on their output pipes and the interpreter waits for them forever at exit."""
    for worker in set(multiprocessing.active_children()) - before:
        worker.terminate()
        worker.join(timeout=5)


def article_context(article: Article) -> DocContext:
    anchor = article.anchor_date
    return DocContext(title=article.title, outlet=article.outlet,
                      agency=article.dateline.agency if article.dateline else None,
                      anchor=anchor.isoformat() if anchor else None)


def annotate(article: Article, doc: Doc) -> Article:
    """Copy mentions, statements and the lead vector from the processed doc onto the article."""
    from storytrace.analyze.embed import doc_vector

    article.mentions = doc_mentions(doc)
    article.statements = doc._.storytrace_statements
    for number, statement in enumerate(article.statements, start=1):
        statement.id = f"{article.id}-{number}"
        statement.article_id = article.id
    article.embedding = doc_vector(doc)
    return article
