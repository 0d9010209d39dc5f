"""The one storage interface: SQLite implements it today, PostgreSQL can implement it later."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import AbstractContextManager
from datetime import date

import numpy as np

from storytrace.model import Article, Claim, Dispute, Entity, Statement, Story


class Store(ABC):
    """All reads and writes of storytrace data. Writes happen inside `transaction()`."""

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """Everything written inside commits together or not at all."""

    @abstractmethod
    def close(self) -> None: ...

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
    def article_vectors(self) -> tuple[list[str], np.ndarray]:
        """Ids and unit embedding vectors of every stored article, in insertion order."""

    @abstractmethod
    def article_features(self, article_ids: list[str]) -> dict[str, tuple[set[str], date | None, str]]:
        """For each id: its entity ids, its anchor date (dateline date, else publication date) and its story."""

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
    def story(self, story_id: str) -> Story | None: ...

    @abstractmethod
    def stories(self) -> list[Story]: ...

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
    def claims(self, story_id: str | None = None) -> list[Claim]: ...

    @abstractmethod
    def replace_disputes(self, claim_id: str, disputes: list[Dispute]) -> None: ...

    @abstractmethod
    def disputes(self, story_id: str | None = None) -> list[Dispute]: ...

    # search
    @abstractmethod
    def search(self, query: str, limit: int = 20) -> Iterator[tuple[str, str, str]]:
        """(kind, id, snippet) of articles and statements matching a full-text query."""
