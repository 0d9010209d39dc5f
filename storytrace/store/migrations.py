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
    # A story page lists its claims and disputes: without this, each read scanned every claim of the corpus.
    (2, "claims by story", "CREATE INDEX IF NOT EXISTS claims_story ON claims(story_id);"),
    # Nothing to do in SQLite, whose PRAGMA data_version already tells readers that a write was committed.
    (3, "corpus version", ""),
    # Statement pages walk articles in order and each one's statements by start without a sort; a speaker
    # filter matches the distinct names in a narrow index instead of reading every statement row.
    (4, "statement order and speaker names", "CREATE INDEX IF NOT EXISTS statements_article_start ON "
                                             "statements(article_id, start);\n"
                                             "CREATE INDEX IF NOT EXISTS statements_speaker_name ON "
                                             "statements(speaker_name);"),
    # Reads of a large corpus in index steps, not scans: a speaker filter matches the distinct speaker names (a
    # small table) instead of every statement's; each article records how many statements come before its own in
    # the listing order, so a deep page is found by index instead of by stepping over every statement it skips;
    # a story's outlets are read from an index instead of from its articles' rows.
    (5, "speaker names, statement positions, story outlets", """
CREATE TABLE IF NOT EXISTS speaker_names (name TEXT PRIMARY KEY) WITHOUT ROWID;
INSERT OR IGNORE INTO speaker_names SELECT DISTINCT speaker_name FROM statements;
ALTER TABLE articles ADD COLUMN statements_before INTEGER;
WITH counted AS (
    SELECT a.rowid AS article, COALESCE(SUM(COALESCE(n.said, 0)) OVER (
        ORDER BY a.rowid ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
    FROM articles a LEFT JOIN (SELECT article_id, COUNT(*) AS said FROM statements GROUP BY article_id) n
        ON n.article_id = a.id)
UPDATE articles SET statements_before = counted.before FROM counted WHERE counted.article = articles.rowid;
CREATE INDEX IF NOT EXISTS articles_statements_before ON articles(statements_before);
CREATE INDEX IF NOT EXISTS articles_story_outlet ON articles(story_id, outlet);
"""),
    # A story page lists its claims by status and counts its disputes: both read this index alone, where the
    # story index alone read every claim row of the story (hundreds in a long story) to test its status.
    (6, "claims by story and status", "CREATE INDEX IF NOT EXISTS claims_story_status ON claims(story_id, status, id);"),
    # Nothing to do in SQLite: two statements starting at one offset already come in the order they were stored
    # (rowid, the last key of every index).
    (7, "statement order as stored", ""),
    # Story and entity listings walk an index in their display order instead of sorting every story or entity for
    # each page (the expression is the listing's ORDER BY, word for word, or the index goes unused).
    (8, "story and entity order", "CREATE INDEX IF NOT EXISTS stories_listing ON stories(first_seen IS NULL, "
                                  "first_seen, id);\n"
                                  "CREATE INDEX IF NOT EXISTS entities_listing ON entities(name, id);"),
    # Story placement reads the candidate vectors of one period of anchor dates at a time (and their range):
    # an index on the anchor date's expression, the same words as the queries', so they read no other rows.
    (9, "articles by anchor date", "CREATE INDEX IF NOT EXISTS articles_anchor_day ON "
                                   "articles(COALESCE(dateline_date, substr(published, 1, 10)));"),
    # Why each dispute was raised: its confidence, its evidence (rule, each side's cue, the stance model's
    # probability) and the articles reporting its denial (JSON text). Rows stored before keep NULL: unknown, not
    # invented, until their claim is linked again.
    (10, "dispute confidence and evidence", "ALTER TABLE disputes ADD COLUMN confidence REAL;\n"
                                            "ALTER TABLE disputes ADD COLUMN evidence TEXT;\n"
                                            "ALTER TABLE disputes ADD COLUMN reported_by TEXT;"),
    # A story folded into another (an article bridged them) leaves its id here, so a link to it still leads
    # to the story its articles are in.
    (11, "story moves", "CREATE TABLE IF NOT EXISTS story_moves (id TEXT PRIMARY KEY, moved_to TEXT NOT NULL);"),
    # Story placement reads the articles either of whose own dates (dateline, publication) falls in a period.
    (12, "articles by each own date", "CREATE INDEX IF NOT EXISTS articles_dateline_day ON articles(dateline_date);\n"
                                      "CREATE INDEX IF NOT EXISTS articles_published_day ON "
                                      "articles(substr(published, 1, 10));"),
]

# The same schema for PostgreSQL, numbered alike so both stores stay at one version. Dates stay ISO text, as in
# SQLite, so filters and exports compare them identically; every short text column sorts and compares byte-wise
# (COLLATE "C", SQLite's BINARY), whatever collation the server's database was created with.
POSTGRES_MIGRATIONS: list[tuple[int, str, str]] = [
    (1, "initial schema", """
CREATE TABLE articles (
    id TEXT COLLATE "C" PRIMARY KEY,
    source TEXT COLLATE "C" NOT NULL,
    url TEXT COLLATE "C",
    outlet TEXT COLLATE "C",
    title TEXT COLLATE "C",
    byline TEXT COLLATE "C",
    dateline_place TEXT COLLATE "C",
    dateline_date TEXT COLLATE "C",
    dateline_agency TEXT COLLATE "C",
    published TEXT COLLATE "C",
    language TEXT COLLATE "C",
    text TEXT NOT NULL,
    embedding BYTEA,
    story_id TEXT COLLATE "C",
    seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE
);
CREATE INDEX articles_story ON articles(story_id);
CREATE TABLE entities (
    id TEXT COLLATE "C" PRIMARY KEY,
    name TEXT COLLATE "C" NOT NULL,
    type TEXT COLLATE "C" NOT NULL
);
CREATE TABLE entity_aliases (
    entity_id TEXT COLLATE "C" NOT NULL REFERENCES entities(id),
    alias TEXT COLLATE "C" NOT NULL,
    key TEXT COLLATE "C" NOT NULL,
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY (entity_id, alias, key)
);
CREATE INDEX entity_aliases_key ON entity_aliases(key);
CREATE TABLE mentions (
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id),
    entity_id TEXT COLLATE "C" REFERENCES entities(id),
    text TEXT COLLATE "C" NOT NULL,
    label TEXT COLLATE "C" NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    seq BIGINT GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX mentions_entity ON mentions(entity_id);
CREATE TABLE statements (
    id TEXT COLLATE "C" PRIMARY KEY,
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id),
    text TEXT COLLATE "C" NOT NULL,
    direct BOOLEAN NOT NULL,
    speaker_name TEXT COLLATE "C" NOT NULL,
    speaker_entity_id TEXT COLLATE "C" REFERENCES entities(id),
    speaker_role TEXT COLLATE "C",
    cue TEXT COLLATE "C" NOT NULL,
    said_on TEXT COLLATE "C",
    chain TEXT NOT NULL,
    polarity TEXT COLLATE "C" NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    cue_start INTEGER NOT NULL,
    cue_end INTEGER NOT NULL,
    claim_id TEXT COLLATE "C"
);
CREATE INDEX statements_article ON statements(article_id);
CREATE INDEX statements_claim ON statements(claim_id);
CREATE INDEX statements_speaker ON statements(speaker_entity_id);
CREATE TABLE stories (
    id TEXT COLLATE "C" PRIMARY KEY,
    title TEXT COLLATE "C" NOT NULL,
    first_seen TEXT COLLATE "C",
    last_seen TEXT COLLATE "C"
);
CREATE TABLE claims (
    id TEXT COLLATE "C" PRIMARY KEY,
    story_id TEXT COLLATE "C",
    summary TEXT COLLATE "C" NOT NULL,
    status TEXT COLLATE "C" NOT NULL
);
CREATE INDEX claims_story ON claims(story_id);
CREATE TABLE disputes (
    id TEXT COLLATE "C" PRIMARY KEY,
    claim_id TEXT COLLATE "C" NOT NULL REFERENCES claims(id),
    kind TEXT COLLATE "C" NOT NULL,
    statement_ids TEXT NOT NULL,
    explanation TEXT NOT NULL
);
CREATE INDEX disputes_claim ON disputes(claim_id);
CREATE TABLE search_index (
    kind TEXT COLLATE "C" NOT NULL,
    ref TEXT COLLATE "C" NOT NULL,
    body TEXT NOT NULL,
    document TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', body)) STORED
);
CREATE INDEX search_index_document ON search_index USING GIN (document);
"""),
    # PostgreSQL had this index from the start; the number keeps both stores at one schema version.
    (2, "claims by story", "CREATE INDEX IF NOT EXISTS claims_story ON claims(story_id);"),
    # A number every write transaction moves, so readers' caches can tell cheaply that the corpus changed.
    (3, "corpus version", """
CREATE TABLE corpus_version (
    one BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (one),
    version BIGINT NOT NULL
);
INSERT INTO corpus_version (version) VALUES (0);
"""),
    # Statement pages walk articles in order and each one's statements by start without a sort; a speaker
    # filter matches the distinct names in a narrow index instead of reading every statement row.
    (4, "statement order and speaker names", "CREATE INDEX IF NOT EXISTS statements_article_start ON "
                                             "statements(article_id, start);\n"
                                             "CREATE INDEX IF NOT EXISTS statements_speaker_name ON "
                                             "statements(speaker_name);"),
    # As in SQLite: distinct speaker names, each article's count of statements before its own (in seq order), an
    # index for a story's outlets.
    (5, "speaker names, statement positions, story outlets", """
CREATE TABLE IF NOT EXISTS speaker_names (name TEXT COLLATE "C" PRIMARY KEY);
INSERT INTO speaker_names SELECT DISTINCT speaker_name FROM statements ON CONFLICT DO NOTHING;
ALTER TABLE articles ADD COLUMN statements_before BIGINT;
WITH counted AS (
    SELECT a.id, COALESCE(SUM(COALESCE(n.said, 0)) OVER (
        ORDER BY a.seq ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
    FROM articles a LEFT JOIN (SELECT article_id, COUNT(*) AS said FROM statements GROUP BY article_id) n
        ON n.article_id = a.id)
UPDATE articles SET statements_before = counted.before FROM counted WHERE counted.id = articles.id;
CREATE INDEX IF NOT EXISTS articles_statements_before ON articles(statements_before, seq);
CREATE INDEX IF NOT EXISTS articles_story_outlet ON articles(story_id, outlet);
"""),
    # A story page lists its claims by status and counts its disputes: both read this index alone, where the
    # story index alone read every claim row of the story (hundreds in a long story) to test its status.
    (6, "claims by story and status", "CREATE INDEX IF NOT EXISTS claims_story_status ON claims(story_id, status, id);"),
    # Two statements may start at one offset: they come in the order they were stored, as in SQLite (rowid), so
    # both stores list them alike. Rows stored before this migration are numbered in the table's order.
    (7, "statement order as stored", """
ALTER TABLE statements ADD COLUMN seq BIGINT GENERATED ALWAYS AS IDENTITY;
CREATE INDEX IF NOT EXISTS statements_article_start_seq ON statements(article_id, start, seq);
DROP INDEX IF EXISTS statements_article_start;
"""),
    # As in SQLite: listings in display order from an index, not a sort of every row per page.
    (8, "story and entity order", "CREATE INDEX IF NOT EXISTS stories_listing ON stories((first_seen IS NULL), "
                                  "first_seen, id);\n"
                                  "CREATE INDEX IF NOT EXISTS entities_listing ON entities(name, id);"),
    # As in SQLite: story placement reads one period of anchor dates at a time.
    (9, "articles by anchor date", "CREATE INDEX IF NOT EXISTS articles_anchor_day ON "
                                   "articles((COALESCE(dateline_date, substr(published, 1, 10))));"),
    # As in SQLite: why each dispute was raised; NULL for rows stored before.
    (10, "dispute confidence and evidence", "ALTER TABLE disputes ADD COLUMN confidence DOUBLE PRECISION, "
                                            "ADD COLUMN evidence TEXT, ADD COLUMN reported_by TEXT;"),
    # As in SQLite: where a folded story's id leads.
    (11, "story moves", 'CREATE TABLE IF NOT EXISTS story_moves (id TEXT COLLATE "C" PRIMARY KEY, '
                        'moved_to TEXT COLLATE "C" NOT NULL);'),
    # As in SQLite: story placement reads the articles either of whose own dates falls in a period.
    (12, "articles by each own date", "CREATE INDEX IF NOT EXISTS articles_dateline_day ON articles(dateline_date);\n"
                                      "CREATE INDEX IF NOT EXISTS articles_published_day ON "
                                      "articles((substr(published, 1, 10)));"),
]
