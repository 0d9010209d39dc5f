"""The Python API: `storytrace.open(db)` returns a Corpus; the CLI, REST API and web UI are thin layers over it."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import IO, TYPE_CHECKING, Generic, TypeVar

from storytrace.errors import DuplicateArticle, IngestError, StoreError, StorytraceError
from storytrace.ingest import expand_paths, iter_inputs
from storytrace.model import Article, Claim, Dispute, Entity, LinkResult, RawArticle, Statement, Story
from storytrace.pipeline import Pipeline, failure
from storytrace.settings import Settings
from storytrace.store import Store, open_store
from storytrace.store.base import Query

if TYPE_CHECKING:
    from storytrace.link.stage import LinkStage
    from storytrace.loading import Models

# An ambiguous story id prefix lists this many of its matches.
_PREFIX_MATCHES_SHOWN = 5
# Below this many inputs, starting spaCy worker processes costs more than it saves.
_PARALLEL_FROM = 8
# Items read at once when a listing is iterated: each read also counts the matches, so a page this large keeps
# that count's share small, and a page of articles (their texts) stays a few megabytes.
_STREAM_PAGE = 2000


@dataclass
class AddReport:
    added: list[str] = field(default_factory=list)
    duplicates: list[DuplicateArticle] = field(default_factory=list)
    skipped: list[IngestError] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (source, what was repaired or cut) of added ones


@dataclass
class StoryView:
    """Everything shown for one story: its articles, a dated timeline of statements, claims and disputes."""

    story: Story
    articles: list[Article]
    timeline: list[Statement]
    claims: list[Claim]
    disputes: list[Dispute]


T = TypeVar("T")
U = TypeVar("U")


@dataclass
class Listing(Generic[T]):
    """What a Query selects: `items` is its one page (`query.limit` items from `query.offset`) and `total` how
    many match in all, for pagination; iterating yields every match from `query.offset` on, read a page at a
    time (`pages()`), so a million articles are never one list. Nothing is read until one of them is used.

    An iteration reads pages one after another: what an add commits meanwhile may be included (articles and
    statements are appended after the ones already read)."""

    query: Query
    read: Callable[[Query], tuple[list[T], int]]  # a store's find_* (one page and the count of all matches)

    @cached_property
    def _page(self) -> tuple[list[T], int]:
        return self.read(self.query)

    @property
    def items(self) -> list[T]:
        return self._page[0]

    @property
    def total(self) -> int:
        return self._page[1]

    def pages(self, size: int = _STREAM_PAGE) -> Iterator[list[T]]:
        """Every match from `query.offset` on, `size` at a time (for a lookup per page)."""
        query = replace(self.query, limit=size)
        while True:
            items, _ = self.read(query)
            if items:
                yield items
            if len(items) < query.limit:
                return
            query = replace(query, offset=query.offset + len(items))

    def __iter__(self) -> Iterator[T]:
        for page in self.pages():
            yield from page

    def map(self, convert: Callable[[list[T]], list[U]]) -> "Listing[U]":
        """The same selection with each page read converted (`convert` gets and returns one page's items)."""
        def read(query: Query) -> tuple[list[U], int]:
            items, total = self.read(query)
            return convert(items), total

        return Listing(self.query, read)


@dataclass
class StorySummary:
    """A story with what its list entry shows: its outlets and how many disputes it holds."""

    story: Story
    outlets: list[str]
    dispute_count: int


class Corpus:
    def __init__(self, store: Store, settings: Settings, models: Models | None = None):
        self.store = store
        self.settings = settings
        self._models = models
        self._linker = None

    def __enter__(self) -> "Corpus":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    def reader(self) -> "Corpus":
        """A corpus for reading only, on a store connection of its own: it reads committed data while this one
        adds, without waiting for it (the REST API gives each concurrent request one)."""
        return Corpus(self.store.reader(), self.settings)

    @property
    def models(self) -> Models:
        if self._models is None:
            from storytrace.loading import Models

            self._models = Models(self.settings)  # each model loads when a stage first needs it
        return self._models

    def pipeline(self, parallel: bool = True) -> Pipeline:
        """clean -> analyze -> link; the caller commits each LinkResult (`_commit`) before pulling the next."""
        from storytrace.analyze.stage import AnalyzeStage
        from storytrace.clean.stage import CleanStage

        models, s = self.models, self.settings
        return Pipeline([
            CleanStage(s, lambda: models.detector, self.store.has_article),
            AnalyzeStage(lambda: models.nlp, s.n_process if parallel else 1, s.batch_size),
            self._link_stage(),
        ])

    def _link_stage(self) -> LinkStage:
        from storytrace.link.stage import LinkStage
        from storytrace.link.stories import StoryLinker

        if self._linker is None:
            self._linker = StoryLinker(self.store, self.settings)
        return LinkStage(self.store, self.settings, lambda: self.models.claims, self._linker)

    def add(self, paths: Iterable[str | Path], progress: Callable[[str], None] | None = None,
            on_wait: Callable[[str], None] | None = None) -> AddReport:
        """Ingest, analyse and link every article under `paths`; bad inputs are reported, never fatal. One add
        writes to a corpus at a time, across processes: `on_wait` hears why this one waits, if it must."""
        paths = list(paths)
        files = sum(1 for p in expand_paths(paths) if isinstance(p, Path))
        return self.add_raw(iter_inputs(paths, self.settings), progress, parallel=files >= _PARALLEL_FROM,
                            on_wait=on_wait)

    def add_raw(self, raws: Iterable[RawArticle | IngestError], progress: Callable[[str], None] | None = None,
                parallel: bool = True, on_wait: Callable[[str], None] | None = None) -> AddReport:
        """Add articles already read (by ingest, the REST API or a benchmark)."""
        with self.store.exclusive_writer(on_wait):
            return self._collect(self.pipeline(parallel).run(raws), progress)

    def add_analysed(self, articles: Iterable[Article], progress: Callable[[str], None] | None = None,
                     on_wait: Callable[[str], None] | None = None) -> AddReport:
        """Link and store articles analysed elsewhere (another engine's workers, a benchmark), in their order."""
        linking = Pipeline([self._link_stage()], given=frozenset({"text", "metadata", "mentions", "statements",
                                                                  "embedding"}))
        with self.store.exclusive_writer(on_wait):
            return self._collect(linking.run(articles), progress)

    def _collect(self, results: Iterable, progress: Callable[[str], None] | None) -> AddReport:
        """Commit each result as it comes (inside `exclusive_writer`)."""
        self._linker.catch_up()  # another process may have added articles since this corpus last did
        report = AddReport()
        for item in results:
            if isinstance(item, DuplicateArticle):
                report.duplicates.append(item)
            elif isinstance(item, IngestError):
                report.skipped.append(item)
            elif self._commit(item, report):
                report.added.append(item.article.id)
                report.warnings.extend((item.article.source, warning) for warning in item.article.warnings)
            if progress:
                progress(item.article.source if isinstance(item, LinkResult) else item.source)
        return report

    def _commit(self, result: LinkResult, report: AddReport) -> bool:
        """Store one article and its links; a failure (rolled back) is that article's error, and the batch goes on."""
        try:
            self.store.apply(result)
        except StoreError:
            raise
        except Exception as exc:  # noqa: BLE001 - one input's failure is its verdict, never the batch's end
            # The linker's in-memory index may hold part of what was rolled back: rebuild it from the store.
            self._linker.reset()
            report.skipped.append(failure(result.article.source, "storing", exc))
            return False
        # Only after the commit: the in-memory index must never hold an article the database lacks.
        self._linker.index(result.article)
        return True

    def check_output(self, path: str | Path) -> None:
        """Refuse to write an export or report over a file this corpus is stored in."""
        target = os.path.realpath(path)
        if any(os.path.realpath(used) == target for used in self.store.files()):
            raise StorytraceError(f"{path}: that is a file of the corpus itself; choose another output path")

    # reading: every collection is read through a Query (filters and paging) into a lazy Listing; the other
    # methods look items up by id
    def articles(self, query: Query | None = None) -> Listing[Article]:
        """Articles in the order they were added, without their mentions and statements (`article(id)` has them)."""
        return Listing(query or Query(), self.store.find_articles)

    def entities(self, query: Query | None = None) -> Listing[Entity]:
        """Entities by name; `query.speaker` matches a name or an alias, `query.kind` the type."""
        return Listing(query or Query(), self.store.find_entities)

    def statements(self, query: Query | None = None) -> Listing[Statement]:
        """Statements in article order (`query.by_day`: in timeline order)."""
        return Listing(query or Query(), self.store.find_statements)

    def stories(self, query: Query | None = None) -> Listing[Story]:
        """Stories by the day they were first seen (undated ones last)."""
        return Listing(query or Query(), self.store.find_stories)

    def story_summaries(self, query: Query | None = None) -> Listing[StorySummary]:
        """The stories of `stories(query)`, each with the outlets and the dispute count its list entry shows."""
        return self.stories(query).map(self._summarize)

    def _summarize(self, stories: list[Story]) -> list[StorySummary]:
        ids = [s.id for s in stories]
        outlets, disputes = self.store.story_outlets(ids), self.store.story_dispute_counts(ids)
        return [StorySummary(s, outlets.get(s.id, []), disputes.get(s.id, 0)) for s in stories]

    def claims(self, query: Query | None = None) -> Listing[Claim]:
        return Listing(query or Query(), self.store.find_claims)

    def disputes(self, query: Query | None = None) -> Listing[Dispute]:
        return Listing(query or Query(), self.store.find_disputes)

    def story(self, story_id: str) -> StoryView | None:
        """One story by its id (a folded story's id gives the story it was folded into) or a unique prefix of an
        id; None when none matches (StorytraceError when several do)."""
        story = self.store.story(story_id) or self._moved_story(story_id) or self._story_by_prefix(story_id)
        if story is None:
            return None
        story_id = story.id
        articles = self.store.articles(story_id)
        statements = self.store.statements(story_id=story_id)
        dated = {a.id: a.anchor_date for a in articles}
        timeline = sorted(statements, key=lambda s: (s.said_on or dated.get(s.article_id) or date.max, s.start))
        return StoryView(story, articles, timeline, self.store.claims(story_id), self.store.disputes(story_id))

    def story_moved_to(self, story_id: str) -> str | None:
        """The story that a story folded into another now lives in (None for any other id)."""
        return self.store.story_moved_to(story_id)

    def _moved_story(self, story_id: str) -> Story | None:
        moved = self.store.story_moved_to(story_id)
        return self.store.story(moved) if moved else None

    def _story_by_prefix(self, prefix: str) -> Story | None:
        if not prefix:
            return None
        matches = self.store.story_ids_starting(prefix, limit=_PREFIX_MATCHES_SHOWN + 1)
        if len(matches) > 1:
            shown = ", ".join(matches[:_PREFIX_MATCHES_SHOWN]) + (", ..." if len(matches) > _PREFIX_MATCHES_SHOWN else "")
            raise StorytraceError(f"story id prefix {prefix!r} matches several stories: {shown}")
        return self.store.story(matches[0]) if matches else None

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str, str]]:
        return list(self.store.search(query, limit))

    def export(self, format: str = "json", out: IO[str] | None = None, table: str = "statements") -> str | None:
        from storytrace.export import export

        return export(self, format, out, table)

    def article(self, article_id: str) -> Article | None:
        return self.store.article(article_id)

    def article_summaries(self, article_ids: list[str]) -> dict[str, Article]:
        """Articles by id without their mentions and statements (what a page quoting statements shows of them)."""
        return self.store.article_summaries(article_ids) if article_ids else {}

    def article_stories(self, article_ids: list[str]) -> dict[str, tuple[str, str]]:
        """For each article id: the id and title of its story (articles in none left out)."""
        return self.store.article_stories(article_ids) if article_ids else {}

    def statement(self, statement_id: str) -> Statement | None:
        found = self.store.statements(ids=[statement_id])
        return found[0] if found else None

    def statements_by_id(self, statement_ids: list[str]) -> dict[str, Statement]:
        return {s.id: s for s in self.store.statements(ids=statement_ids)} if statement_ids else {}

    def entity(self, entity_id: str) -> Entity | None:
        return self.store.entity(entity_id)

    def claim(self, claim_id: str) -> Claim | None:
        return self.store.claim(claim_id)

    def dispute(self, dispute_id: str) -> Dispute | None:
        return self.store.dispute(dispute_id)

    def story_of(self, article_id: str) -> Story | None:
        """The story an article was placed in."""
        story_id = self.store.article_story(article_id)
        return self.store.story(story_id) if story_id else None

    def statement_claims(self, statement_ids: list[str]) -> dict[str, str | None]:
        """The claim each statement belongs to (None when it was grouped into none)."""
        return self.store.statement_claims(statement_ids) if statement_ids else {}


def open(db: str | Path | None = None, settings: Settings | None = None, models: Models | None = None,
         create: bool = True) -> Corpus:
    """Open (or create) the corpus stored at `db`: a SQLite file or a `postgresql://` URL; None means
    $STORYTRACE_DB, else storytrace.db in the working folder. `create=False` (for reading) refuses a SQLite
    file that does not exist instead of creating an empty one."""
    return Corpus(open_store(db, create=create), settings or Settings(), models)
