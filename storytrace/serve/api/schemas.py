"""Pydantic models of the API: inputs (`*In`) are validated request bodies, outputs (`*Out`) what responses carry.

Outputs are built from the library's dataclasses with `from_model`, never returned as store rows; their field
names follow the JSON export contract of DESIGN.md so API and export read the same."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, model_validator

from storytrace.corpus import Listing, StorySummary
from storytrace.model import Article, Claim, ClaimStatus, Dispute, DisputeKind, DisputeRule, Entity, Polarity, Statement

T = TypeVar("T")


# outputs
class PageOut(BaseModel, Generic[T]):
    items: list[T]
    total: int = Field(description="items matching the filters, over all pages")
    limit: int
    offset: int


def page(listing: Listing[Any], convert: Callable[[Any], BaseModel]) -> dict:
    """A listing as the body of a PageOut response."""
    return {"items": [convert(x) for x in listing.items], "total": listing.total,
            "limit": listing.query.limit, "offset": listing.query.offset}


class DatelineOut(BaseModel):
    place: str | None
    date: date | None


class SpeakerOut(BaseModel):
    name: str = Field(description="a name, or a description such as 'a South Korean official'")
    entity_id: str | None
    role: str | None


class StatementOut(BaseModel):
    id: str
    article_id: str
    text: str
    direct: bool
    speaker: SpeakerOut
    cue: str
    said_on: date | None
    chain: list[str] = Field(description="source names from the outlet down to the original speaker")
    polarity: Polarity
    start: int
    end: int

    @classmethod
    def from_model(cls, s: Statement) -> "StatementOut":
        return cls(id=s.id, article_id=s.article_id, text=s.text, direct=s.direct,
                   speaker=SpeakerOut(name=s.speaker.name, entity_id=s.speaker.entity_id, role=s.speaker.role),
                   cue=s.cue, said_on=s.said_on, chain=s.chain, polarity=s.polarity, start=s.start, end=s.end)


class ArticleSummaryOut(BaseModel):
    id: str
    source: str
    outlet: str | None
    title: str | None
    byline: str | None
    dateline: DatelineOut
    published: datetime | None
    language: str | None

    @classmethod
    def from_model(cls, a: Article) -> "ArticleSummaryOut":
        return cls(**_article_fields(a))


class ArticleOut(ArticleSummaryOut):
    text: str
    statements: list[StatementOut]

    @classmethod
    def from_model(cls, a: Article) -> "ArticleOut":
        return cls(**_article_fields(a), text=a.text, statements=[StatementOut.from_model(s) for s in a.statements])


def _article_fields(a: Article) -> dict:
    dateline = DatelineOut(place=a.dateline.place if a.dateline else None,
                           date=a.dateline.date if a.dateline else None)
    return {"id": a.id, "source": a.url or a.source, "outlet": a.outlet, "title": a.title, "byline": a.byline,
            "dateline": dateline, "published": a.published, "language": a.language}


class StoryOut(BaseModel):
    id: str
    title: str
    article_ids: list[str]
    first_seen: date | None
    last_seen: date | None
    outlets: list[str]
    dispute_count: int

    @classmethod
    def from_model(cls, summary: StorySummary) -> "StoryOut":
        s = summary.story
        return cls(id=s.id, title=s.title, article_ids=s.article_ids, first_seen=s.first_seen,
                   last_seen=s.last_seen, outlets=summary.outlets, dispute_count=summary.dispute_count)


class ClaimOut(BaseModel):
    id: str
    story_id: str | None
    summary: str
    statement_ids: list[str]
    status: ClaimStatus

    @classmethod
    def from_model(cls, c: Claim) -> "ClaimOut":
        return cls(id=c.id, story_id=c.story_id, summary=c.summary, statement_ids=c.statement_ids, status=c.status)


class ClaimDetailOut(ClaimOut):
    statements: list[StatementOut]


class DisputeEvidenceOut(BaseModel):
    rule: DisputeRule | None = Field(description="what raised the dispute: the denial's cue, its words, the stance "
                                                 "model's reading, rival figures, or opposite facts; null if not recorded")
    cues: list[str] | None = Field(description="the cues of the dispute's first two statements, in its order")
    stance_against: float | None = Field(description="rule 'stance': the model's probability that the denial is "
                                                     "against the claim")


class ReporterOut(BaseModel):
    article_id: str
    outlet: str | None


class DisputeOut(BaseModel):
    id: str
    claim_id: str
    statement_ids: list[str] = Field(description="the statements in conflict")
    kind: DisputeKind
    explanation: str
    confidence: float | None = Field(ge=0, le=1, description="how often disputes of its rule were read as real "
                                                             "(null: stored before it was recorded)")
    evidence: DisputeEvidenceOut
    reported_by: list[ReporterOut] | None = Field(description="the articles reporting the denial, the first side's "
                                                             "first; [] for a contradiction")

    @classmethod
    def from_model(cls, d: Dispute) -> "DisputeOut":
        evidence = (DisputeEvidenceOut(rule=None, cues=None, stance_against=None) if d.evidence is None else
                    DisputeEvidenceOut(rule=d.evidence.rule, cues=d.evidence.cues,
                                       stance_against=d.evidence.stance_against))
        reported_by = (None if d.reported_by is None else
                       [ReporterOut(article_id=r.article_id, outlet=r.outlet) for r in d.reported_by])
        return cls(id=d.id, claim_id=d.claim_id, statement_ids=d.statement_ids, kind=d.kind,
                   explanation=d.explanation, confidence=d.confidence, evidence=evidence, reported_by=reported_by)


class DisputeDetailOut(DisputeOut):
    statements: list[StatementOut]


class StoryDetailOut(BaseModel):
    story: StoryOut
    articles: list[ArticleSummaryOut]
    timeline: list[StatementOut] = Field(description="one page of the statements, ordered by the day they were "
                                                     "made")
    timeline_total: int = Field(description="statements in the whole timeline")
    timeline_offset: int
    timeline_limit: int
    claims: list[ClaimOut]
    disputes: list[DisputeOut]


class EntityOut(BaseModel):
    id: str
    name: str
    type: str
    aliases: list[str]

    @classmethod
    def from_model(cls, e: Entity) -> "EntityOut":
        return cls(id=e.id, name=e.name, type=e.type, aliases=e.aliases)


class SearchHitOut(BaseModel):
    kind: Literal["article", "statement"]
    id: str
    snippet: str = Field(description="matching text, matches in [brackets]")


class SkippedOut(BaseModel):
    source: str
    reason: str


class AddReportOut(BaseModel):
    added: list[str] = Field(description="ids of the articles stored")
    duplicates: list[str] = Field(description="sources of inputs already stored (same content hash)")
    skipped: list[SkippedOut]


# inputs
class ArticleIn(BaseModel):
    """One article: its plain `text` or its `html`, with optional metadata (as in a JSONL input line)."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(default=None, max_length=5_000_000)
    html: str | None = Field(default=None, max_length=20_000_000)
    url: str | None = None
    title: str | None = None
    published: str | None = Field(default=None, description="publication time, e.g. 2009-12-18T05:30:00-05:00")
    outlet: str | None = None

    @model_validator(mode="after")
    def _one_body(self) -> "ArticleIn":
        given = [name for name in ("text", "html") if (getattr(self, name) or "").strip()]
        if len(given) != 1:
            raise ValueError("give exactly one non-empty 'text' or 'html'")
        return self


class AddArticlesIn(BaseModel):
    """Articles to add, given inline, fetched from URLs, or both."""

    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(default_factory=list, max_length=200)
    urls: list[HttpUrl] = Field(default_factory=list, max_length=50)

    @model_validator(mode="after")
    def _not_empty(self) -> "AddArticlesIn":
        if not self.articles and not self.urls:
            raise ValueError("give at least one article or URL")
        return self
