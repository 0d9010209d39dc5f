"""Typed carriers passed between pipeline stages and returned by the public API."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal, get_args

import numpy as np

Polarity = Literal["asserts", "denies", "confirms", "declines_comment", "speculates"]
POLARITIES: tuple[str, ...] = ("asserts", "denies", "confirms", "declines_comment", "speculates")
ClaimStatus = Literal["disputed", "corroborated", "single_source", "denied"]
DisputeKind = Literal["denial", "contradiction"]
# What raised a dispute. cue: the denial's cue denies ("denied", "rejected"); words: its words deny under a denying
# polarity ("said it was untrue"); stance: a plainly cued statement the stance model read as against the others;
# figures: rival dates or numbers in two assertions (a contradiction); opposites: two assertions of opposite facts
# ("he is alive" against "he died", a contradiction).
DisputeRule = Literal["cue", "words", "stance", "figures", "opposites"]
DISPUTE_RULES: tuple[str, ...] = get_args(DisputeRule)


EMBEDDING_DIM = 384  # all-MiniLM-L6-v2's sentence vectors: an article's headline-and-lead embedding


@dataclass
class RawArticle:
    """One input document as ingest found it, before cleaning."""

    source: str  # path, path#line for JSONL, or URL
    content: str
    kind: Literal["html", "text"]
    url: str | None = None
    title: str | None = None
    published: str | None = None  # as given by the input (JSONL field), parsed by clean.meta
    outlet: str | None = None
    warnings: list[str] = field(default_factory=list)  # what was repaired or cut on the way, for the user


@dataclass
class Dateline:
    place: str | None = None
    date: date | None = None
    agency: str | None = None  # "(Reuters)" in "WASHINGTON, Dec. 18 (Reuters) --"


@dataclass
class Mention:
    """An entity mention in an article's clean text."""

    text: str
    label: str  # spaCy label: PERSON, ORG, GPE, NORP, ...
    start: int
    end: int
    entity_id: str | None = None


@dataclass
class Speaker:
    name: str  # a name, or a description such as "a South Korean official"
    entity_id: str | None = None
    role: str | None = None


@dataclass
class Statement:
    """Something attributed to a speaker in one article."""

    text: str
    start: int  # character offsets of `text` in the article's clean text
    end: int
    direct: bool
    speaker: Speaker
    cue: str
    polarity: str = "asserts"
    said_on: date | None = None
    chain: list[str] = field(default_factory=list)  # outlet -> ... -> original speaker
    cue_start: int = -1
    cue_end: int = -1
    id: str = ""
    article_id: str = ""


@dataclass
class Article:
    """A cleaned article with its metadata, and, after analysis, its mentions and statements."""

    id: str  # content hash of the clean text
    source: str
    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    byline: str | None = None
    dateline: Dateline | None = None
    published: datetime | None = None  # timezone-aware when the input gave a zone
    language: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    embedding: np.ndarray | None = None  # unit-length document vector of EMBEDDING_DIM, set by analyze.embed
    warnings: list[str] = field(default_factory=list)  # repairs and cuts made while reading it (not stored)

    @property
    def anchor_date(self) -> date | None:
        """The date relative expressions are resolved against: dateline date, else publication date."""
        if self.dateline and self.dateline.date:
            return self.dateline.date
        return self.published.date() if self.published else None

    @property
    def own_dates(self) -> tuple[date, ...]:
        """Every date the article gives itself (dateline date, publication date), earliest first.

        They usually agree within a day; when they lie months apart (a wire piece republished, a page's date
        that is its update or its copy's), either may be the one its events belong to."""
        days = {self.dateline.date if self.dateline else None, self.published.date() if self.published else None}
        return tuple(sorted(d for d in days if d))


@dataclass
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)


@dataclass
class Story:
    id: str
    title: str
    article_ids: list[str]
    first_seen: date | None = None
    last_seen: date | None = None


@dataclass
class Claim:
    id: str
    story_id: str | None
    summary: str
    statement_ids: list[str]
    status: str = "single_source"


@dataclass
class DisputeEvidence:
    """What a dispute rests on, for a reader to weigh: the rule that raised it and the cue of each side."""

    rule: str  # one of DISPUTE_RULES
    cues: list[str] = field(default_factory=list)  # the cues of the dispute's first two statements, in its order
    stance_against: float | None = None  # rule "stance": the stance model's probability that the denial is against


@dataclass
class Reporter:
    """An article that reports a dispute's denial."""

    article_id: str
    outlet: str | None = None


@dataclass
class Dispute:
    id: str
    claim_id: str
    statement_ids: list[str]
    kind: str  # "denial" | "contradiction"
    explanation: str
    # The share of disputes raised by the same rule that a reader found real (link.disputes.CONFIDENCE). None, as
    # are `evidence` and `reported_by`, for a dispute stored before they were recorded (until its claim is relinked).
    confidence: float | None = None
    evidence: DisputeEvidence | None = None
    reported_by: list[Reporter] | None = None  # a denial's articles, the first side's first; [] for a contradiction


@dataclass
class LinkContext:
    """What linking one article reads, loaded from the store beforehand (`Store.link_context`); linking itself
    reads nothing else, so its rules run on hand-built contexts as well as on a database's."""

    story_id: str  # the story the article was placed in
    story: Story | None  # that story as stored; None when the article starts it
    statements: list[Statement]  # the story's stored statements, in story order (article, then offset)
    claim_of: dict[str, str | None]  # each of those statements' claim
    outlets: dict[str, str | None]  # the outlet of each article of the story
    merged: list[Story] = field(default_factory=list)  # other stories the article bridges, to fold into this one


@dataclass
class LinkResult:
    """Everything linking one article decided, for `Store.apply` to commit in one transaction."""

    article: Article  # with entity ids on its mentions and speakers
    story: Story  # the article's story, created or with its date range refreshed
    entities: list[tuple[Entity, list[tuple[str, str]]]]  # entities to store, each with its (alias, key) pairs
    claim_of: dict[str, str]  # statement -> claim, for every statement whose claim is new or changed
    deleted_claims: list[str]  # claims merged into another
    claims: list[Claim]  # claims created or refreshed
    disputes: dict[str, list[Dispute]]  # the disputes of each claim in `claims`
    merged_stories: list[str] = field(default_factory=list)  # stories folded into `story`, to delete
