"""The Python API: `storytrace.open(db)` returns a Corpus; the CLI, REST API and web UI are thin layers over it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Generic, TypeVar

from storytrace.errors import DuplicateArticle, IngestError
from storytrace.ingest import expand_paths, iter_inputs
from storytrace.model import Article, Claim, Dispute, Entity, RawArticle, Statement, Story
from storytrace.pipeline import Pipeline
from storytrace.settings import Settings
from storytrace.store import Store, open_store
from storytrace.store.base import Query

if TYPE_CHECKING:
    from storytrace.loading import Models

# Below this many inputs, starting spaCy worker processes costs more than it saves.
_PARALLEL_FROM = 8


@dataclass
class AddReport:
    added: list[str] = field(default_factory=list)
    duplicates: list[DuplicateArticle] = field(default_factory=list)
    skipped: list[IngestError] = field(default_factory=list)


@dataclass
class StoryView:
    """Everything shown for one story: its articles, a dated timeline of statements, claims and disputes."""

    story: Story
    articles: list[Article]
    timeline: list[Statement]
    claims: list[Claim]
    disputes: list[Dispute]


T = TypeVar("T")


@dataclass
class Listing(Generic[T]):
    """One page of a filtered listing and how many items match in all (for pagination)."""

    items: list[T]
    total: int
    query: Query


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
            from storytrace.loading import load_models

            self._models = load_models(self.settings)
        return self._models

    def pipeline(self, parallel: bool = True) -> Pipeline:
        from storytrace.analyze.stage import AnalyzeStage
        from storytrace.clean.stage import CleanStage

        models, s = self.models, self.settings
        return Pipeline([
            CleanStage(s, models.detector, self.store.has_article),
            AnalyzeStage(models.nlp, s.n_process if parallel else 1, s.batch_size),
        ])

    def add(self, paths: Iterable[str | Path], progress: Callable[[str], None] | None = None) -> AddReport:
        """Ingest, analyse and link every article under `paths`; bad inputs are reported, never fatal."""
        paths = list(paths)
        files = sum(1 for p in expand_paths(paths) if isinstance(p, Path))
        return self.add_raw(iter_inputs(paths, self.settings), progress, parallel=files >= _PARALLEL_FROM)

    def add_raw(self, raws: Iterable[RawArticle | IngestError], progress: Callable[[str], None] | None = None,
                parallel: bool = True) -> AddReport:
        """Add articles already read (by ingest, the REST API or a benchmark)."""
        report = AddReport()
        for item in self.pipeline(parallel).run(raws):
            if isinstance(item, DuplicateArticle):
                report.duplicates.append(item)
            elif isinstance(item, IngestError):
                report.skipped.append(item)
            elif self._store_and_link(item):
                report.added.append(item.id)
            if progress:
                progress(item.source)
        return report

    def _store_and_link(self, article: Article) -> bool:
        from storytrace.link.claims import link_claims
        from storytrace.link.entities import resolve_entities
        from storytrace.link.stories import StoryLinker

        if self._linker is None:
            self._linker = StoryLinker(self.store, self.settings)
        with self.store.transaction():
            if self.store.has_article(article.id):
                return False
            resolve_entities(article, self.store)
            placement = self._linker.place(article)
            self.store.put_article(article, placement.story_id)
            self._linker.record_story(article, placement.story_id)
            link_claims(article, placement.story_id, self.store, self.settings, self.models.claims)
        # Only after the commit: the in-memory index must never hold an article the database lacks.
        self._linker.index(article)
        return True

    # reading
    def stories(self) -> list[Story]:
        return self.store.stories()

    def story(self, story_id: str) -> StoryView | None:
        story = self.store.story(story_id)
        if story is None:
            return None
        articles = self.store.articles(story_id)
        statements = self.store.statements(story_id=story_id)
        dated = {a.id: a.anchor_date for a in articles}
        timeline = sorted(statements, key=lambda s: (s.said_on or dated.get(s.article_id) or date.max, s.start))
        return StoryView(story, articles, timeline, self.store.claims(story_id), self.store.disputes(story_id))

    def articles(self) -> list[Article]:
        return self.store.articles()

    def statements(self, speaker: str | None = None) -> list[Statement]:
        return self.store.statements(speaker=speaker)

    def claims(self, story_id: str | None = None) -> list[Claim]:
        return self.store.claims(story_id)

    def disputes(self, story_id: str | None = None) -> list[Dispute]:
        return self.store.disputes(story_id)

    def entities(self) -> list[Entity]:
        return self.store.entities()

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str, str]]:
        return list(self.store.search(query, limit))

    def export(self, format: str = "json", out: IO[str] | None = None, table: str = "statements") -> str | None:
        from storytrace.export import export

        return export(self, format, out, table)

    # filtered, paginated reads (REST API and web UI); `query` carries the filters, limit and offset
    def article(self, article_id: str) -> Article | None:
        return self.store.article(article_id)

    def find_articles(self, query: Query) -> Listing[Article]:
        return Listing(*self.store.find_articles(query), query)

    def find_statements(self, query: Query) -> Listing[Statement]:
        return Listing(*self.store.find_statements(query), query)

    def find_stories(self, query: Query) -> Listing[StorySummary]:
        stories, total = self.store.find_stories(query)
        ids = [s.id for s in stories]
        outlets, disputes = self.store.story_outlets(ids), self.store.story_dispute_counts(ids)
        return Listing([StorySummary(s, outlets.get(s.id, []), disputes.get(s.id, 0)) for s in stories], total, query)

    def find_claims(self, query: Query) -> Listing[Claim]:
        return Listing(*self.store.find_claims(query), query)

    def find_disputes(self, query: Query) -> Listing[Dispute]:
        return Listing(*self.store.find_disputes(query), query)

    def find_entities(self, query: Query) -> Listing[Entity]:
        return Listing(*self.store.find_entities(query), query)

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


def open(db: str | Path | None = None, settings: Settings | None = None, models: Models | None = None) -> Corpus:
    """Open (or create) the corpus stored at `db`: a SQLite file or a `postgresql://` URL; None means
    $STORYTRACE_DB, else storytrace.db in the working folder."""
    return Corpus(open_store(db), settings or Settings(), models)
