"""The one storage interface, which SQLite and PostgreSQL implement."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date

import numpy as np

from storytrace.model import Article, Claim, Dispute, Entity, LinkContext, LinkResult, Statement, Story


@dataclass(frozen=True)
class Query:
    """Filters for the paginated listings (the REST API and web UI); None means "any".

    `since`/`until` bound a statement's date (said_on, else its article's anchor date), an article's anchor
    date, or a story's date range (stories overlapping the range)."""

    story_id: str | None = None
    article_id: str | None = None
    outlet: str | None = None  # exact outlet name, case-insensitive
    speaker: str | None = None  # substring of the speaker's name or of one of its entity's aliases
    entity_id: str | None = None
    polarity: str | None = None
    status: str | None = None  # claim status
    kind: str | None = None  # dispute kind, or entity type
    since: date | None = None
    until: date | None = None
    limit: int = 50
    offset: int = 0
    by_day: bool = False  # statements in timeline order (by their day, undated last) instead of article order


class Store(ABC):
    """All reads and writes of storytrace data. Writes happen inside `transaction()`."""

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """Everything written inside commits together or not at all."""

    # the link stage's read and write (built on the methods below, so every store has them)
    def files(self) -> list[str]:
        """The files this store reads and writes (none for a server-backed store): never an output path."""
        return []

    @abstractmethod
    def last_article_seq(self) -> int:
        """The insertion number of the newest stored article (0 when none): articles are only ever appended, so it
        moves exactly when one is stored. One index step, where a count would read every row."""

    def entities_by_keys(self, keys: set[str]) -> dict[str, list[Entity]]:
        """The stored entities under each alias key (what resolving an article's names reads)."""
        return {key: self.entities_by_key(key) for key in sorted(keys)}

    def link_context(self, story_id: str, merged: tuple[str, ...] = ()) -> LinkContext:
        """What linking an article placed in `story_id` reads: the story, its statements with their claims and
        its articles' outlets, and the `merged` stories the article bridges (their statements stay out: the
        article's claims are linked within its own story, and the next article sees them all)."""
        statements = self.statements(story_id=story_id)
        claim_of = self.statement_claims([s.id for s in statements]) if statements else {}
        article_ids = list(dict.fromkeys(s.article_id for s in statements))
        return LinkContext(story_id=story_id, story=self.story(story_id), statements=statements, claim_of=claim_of,
                           outlets={a: self.article_outlet(a) for a in article_ids},
                           merged=[s for s in map(self.story, merged) if s is not None])

    def apply(self, result: LinkResult) -> None:
        """Commit one article and everything linking decided about it, in one transaction."""
        with self.transaction():
            for entity, keys in result.entities:
                self.put_entity(entity, keys)
            self.put_article(result.article, result.story.id)
            for story_id in result.merged_stories:
                self.fold_story(story_id, result.story.id)
            self.put_story(result.story)
            for statement_id, claim_id in result.claim_of.items():
                self.set_statement_claim(statement_id, claim_id)
            for claim_id in result.deleted_claims:
                self.delete_claim(claim_id)
            for claim in result.claims:
                self.put_claim(claim)
                self.replace_disputes(claim.id, result.disputes.get(claim.id, []))

    @abstractmethod
    def exclusive_writer(self, on_wait: Callable[[str], None] | None = None) -> AbstractContextManager[None]:
        """Held by one adding process at a time for the whole of its `add`, across processes: two adds to one
        corpus then give what one add of both would. `on_wait` is told (once, with a reason) when another
        holder makes this one wait."""

    @abstractmethod
    def close(self) -> None: ...

    def data_version(self) -> int | None:
        """A number that changes when another connection commits a write, for caches of what was read; None
        when the backend cannot tell cheaply (then nothing read is cached)."""
        return None

    def reader(self) -> "Store":
        """A store for reads that run while this one writes (a server's requests). A backend whose connection
        can serve concurrent readers returns itself; SQLite opens another connection."""
        return self

    # articles
    @abstractmethod
    def has_article(self, article_id: str) -> bool: ...

    @abstractmethod
    def put_article(self, article: Article, story_id: str) -> None:
        """Store an analysed article with its mentions and statements (entity ids already resolved)."""

    @abstractmethod
    def article(self, article_id: str) -> Article | None: ...

    @abstractmethod
    def articles(self, story_id: str | None = None) -> list[Article]: ...

    @abstractmethod
    def article_vectors(self, first: date | None, last: date | None) -> tuple[list[str], np.ndarray]:
        """Ids and unit embedding vectors of the stored articles one of whose own dates (dateline date,
        publication date) lies in [first, last], in insertion order; with no bounds, of the articles with neither."""

    @abstractmethod
    def own_date_range(self) -> tuple[date, date] | None:
        """The earliest and latest own dates (dateline or publication) of the stored articles; None when none has
        one."""

    @abstractmethod
    def article_features(self, article_ids: list[str]) -> dict[str, tuple[set[str], tuple[date, ...], str]]:
        """For each id: its entity ids, its own dates (`Article.own_dates`: dateline, publication) and its story."""

    @abstractmethod
    def article_texts(self, article_ids: list[str]) -> dict[str, tuple[str | None, str]]:
        """For each id: its title and clean text (what story placement compares), without mentions or statements."""

    @abstractmethod
    def article_summaries(self, article_ids: list[str]) -> dict[str, Article]:
        """The articles of these ids (unknown ids left out) as a page quoting their statements shows them: title,
        outlet, source, url, dateline, publication date and text, without mentions, statements or embedding."""

    @abstractmethod
    def article_stories(self, article_ids: list[str]) -> dict[str, tuple[str, str]]:
        """For each id: the id and title of the story the article was placed in (articles in none left out)."""

    @abstractmethod
    def article_outlet(self, article_id: str) -> str | None: ...

    @abstractmethod
    def article_story(self, article_id: str) -> str | None: ...

    # entities
    @abstractmethod
    def entities_by_key(self, key: str) -> list[Entity]:
        """Entities having an alias whose normalised key is `key`."""

    @abstractmethod
    def put_entity(self, entity: Entity, keys: list[tuple[str, str]]) -> None:
        """Insert or extend an entity with (alias, normalised key) pairs."""

    @abstractmethod
    def entities(self) -> list[Entity]: ...

    # stories
    @abstractmethod
    def put_story(self, story: Story) -> None:
        """Insert or replace a story's title and date range (membership lives on articles)."""

    @abstractmethod
    def fold_story(self, story_id: str, into: str) -> None:
        """Move a story's articles and claims to the story `into`, delete it, and record where its id leads
        (`story_moved_to`)."""

    @abstractmethod
    def story_moved_to(self, story_id: str) -> str | None:
        """The story a folded story's articles are in now; None for an id never folded."""

    @abstractmethod
    def story(self, story_id: str) -> Story | None: ...

    @abstractmethod
    def stories(self) -> list[Story]: ...

    @abstractmethod
    def story_ids_starting(self, prefix: str, limit: int = 2) -> list[str]:
        """Story ids beginning with `prefix` (at most `limit`), so a reader may type a unique prefix."""

    # statements, claims, disputes
    @abstractmethod
    def statements(self, *, story_id: str | None = None, speaker: str | None = None,
                   claim_id: str | None = None, ids: list[str] | None = None,
                   article_id: str | None = None) -> list[Statement]: ...

    @abstractmethod
    def statement_claims(self, statement_ids: list[str]) -> dict[str, str | None]: ...

    @abstractmethod
    def set_statement_claim(self, statement_id: str, claim_id: str) -> None: ...

    @abstractmethod
    def put_claim(self, claim: Claim) -> None:
        """Insert or replace a claim's summary, story and status (membership lives on statements)."""

    @abstractmethod
    def delete_claim(self, claim_id: str) -> None:
        """Remove a claim and its disputes once its statements have moved to another claim."""

    @abstractmethod
    def claims(self, story_id: str | None = None) -> list[Claim]: ...

    @abstractmethod
    def replace_disputes(self, claim_id: str, disputes: list[Dispute]) -> None: ...

    @abstractmethod
    def disputes(self, story_id: str | None = None) -> list[Dispute]: ...

    # search
    @abstractmethod
    def search(self, query: str, limit: int = 20) -> Iterator[tuple[str, str, str]]:
        """(kind, id, snippet) of articles and statements matching a full-text query."""

    # read-only listings and lookups for the REST API and web UI
    @abstractmethod
    def find_articles(self, query: Query) -> tuple[list[Article], int]:
        """One page of articles matching `query` (story, outlet, date range) and the total matching. A listing
        shows summaries: the articles may come without their mentions, statements and embedding."""

    @abstractmethod
    def find_statements(self, query: Query) -> tuple[list[Statement], int]:
        """One page of statements (story, article, outlet, speaker, entity, polarity, date range) and the total."""

    @abstractmethod
    def find_stories(self, query: Query) -> tuple[list[Story], int]:
        """One page of stories (having an article from `outlet`, overlapping the date range) and the total."""

    @abstractmethod
    def find_claims(self, query: Query) -> tuple[list[Claim], int]:
        """One page of claims (story, status) and the total."""

    @abstractmethod
    def find_disputes(self, query: Query) -> tuple[list[Dispute], int]:
        """One page of disputes (story, kind) and the total."""

    @abstractmethod
    def find_entities(self, query: Query) -> tuple[list[Entity], int]:
        """One page of entities (`speaker` as a name/alias substring, `kind` as the type) and the total."""

    @abstractmethod
    def entity(self, entity_id: str) -> Entity | None: ...

    @abstractmethod
    def claim(self, claim_id: str) -> Claim | None: ...

    @abstractmethod
    def dispute(self, dispute_id: str) -> Dispute | None: ...

    @abstractmethod
    def story_outlets(self, story_ids: list[str] | None = None) -> dict[str, list[str]]:
        """Each story's distinct outlets, sorted (only of `story_ids` when given)."""

    @abstractmethod
    def story_dispute_counts(self, story_ids: list[str] | None = None) -> dict[str, int]:
        """Number of disputes per story (stories without any are left out; only `story_ids` when given)."""
