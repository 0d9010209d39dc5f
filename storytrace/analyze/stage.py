"""The analyze stage: one streaming spaCy pass over all articles, with storytrace's own components
(attribution, lead embedding) running inside the worker processes beside the parser (analyze.workers)."""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable, Generator, Iterator
from typing import TYPE_CHECKING

from storytrace.analyze.workers import parse
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
        # One parse for the whole stream: worker processes start once, not once per batch.
        # The parse keeps input order, so articles and errors wait in one queue in input order rather
        # than travel to the workers; each parsed doc releases the errors queued before its article.
        # When the parse fails on some article it cannot say which: the articles it had taken are then
        # analysed one at a time here, the failing one becomes its own error, and a new parse goes on.
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
        """Stream `source` through spaCy (batches bounded by characters, see analyze.workers); True when the
        parse failed (what it had taken stays in `waiting`)."""

        def inputs() -> Iterator[tuple[str, DocContext]]:
            for item in source:
                waiting.append(item)
                if not isinstance(item, IngestError):
                    yield item.text, article_context(item)

        try:
            for doc, _ in parse(self.load_nlp(), inputs(), self.n_process, self.batch_size):
                while isinstance(waiting[0], IngestError):
                    yield waiting.popleft()
                yield _annotated(waiting.popleft(), doc)
        except Exception:  # noqa: BLE001 - the articles taken are retried one by one; the culprit gets the reason
            return True
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
