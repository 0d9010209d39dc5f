"""Schema migrations, applied in order; each number is recorded once it has run."""

from __future__ import annotations

MIGRATIONS: list[tuple[int, str, str]] = [
    (1, "initial schema", """
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    url TEXT,
    outlet TEXT,
    title TEXT,
    byline TEXT,
    dateline_place TEXT,
    dateline_date TEXT,
    dateline_agency TEXT,
    published TEXT,
    language TEXT,
    text TEXT NOT NULL,
    embedding BLOB,
    story_id TEXT,
    seq INTEGER NOT NULL
);
CREATE INDEX articles_story ON articles(story_id);
CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL
);
CREATE TABLE entity_aliases (
    entity_id TEXT NOT NULL REFERENCES entities(id),
    alias TEXT NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (entity_id, alias, key)
);
CREATE INDEX entity_aliases_key ON entity_aliases(key);
CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles(id),
    entity_id TEXT REFERENCES entities(id),
    text TEXT NOT NULL,
    label TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX mentions_entity ON mentions(entity_id);
CREATE TABLE statements (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    text TEXT NOT NULL,
    direct INTEGER NOT NULL,
    speaker_name TEXT NOT NULL,
    speaker_entity_id TEXT REFERENCES entities(id),
    speaker_role TEXT,
    cue TEXT NOT NULL,
    said_on TEXT,
    chain TEXT NOT NULL,
    polarity TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    cue_start INTEGER NOT NULL,
    cue_end INTEGER NOT NULL,
    claim_id TEXT
);
CREATE INDEX statements_article ON statements(article_id);
CREATE INDEX statements_claim ON statements(claim_id);
CREATE INDEX statements_speaker ON statements(speaker_entity_id);
CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    first_seen TEXT,
    last_seen TEXT
);
CREATE TABLE claims (
    id TEXT PRIMARY KEY,
    story_id TEXT,
    summary TEXT NOT NULL,
    status TEXT NOT NULL
);
CREATE TABLE disputes (
    id TEXT PRIMARY KEY,
    claim_id TEXT NOT NULL REFERENCES claims(id),
    kind TEXT NOT NULL,
    statement_ids TEXT NOT NULL,
    explanation TEXT NOT NULL
);
CREATE INDEX disputes_claim ON disputes(claim_id);
CREATE VIRTUAL TABLE search_index USING fts5(kind UNINDEXED, ref UNINDEXED, body);
"""),
]
