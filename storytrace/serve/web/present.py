"""View models: what the pages show, computed from the library's dataclasses (no SQL, no markup here).

Templates receive plain values and segments of text; marking and escaping happen in the templates, so
article text is never turned into markup."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from storytrace.corpus import Corpus, StoryView
from storytrace.link.disputes import trust
from storytrace.model import Article, Claim, Dispute, Statement
from storytrace.store.base import Query

# Characters of article text shown either side of a statement in a dispute card.
_CONTEXT_CHARS = 160


@dataclass
class Segment:
    """A run of text, marked as a statement (`said`) or its cue (`cue`) or plain (`None`)."""

    text: str
    mark: str | None = None
    statement: Statement | None = None
    starts: list[str] = field(default_factory=list)  # ids of statements that begin here (page anchors)


@dataclass
class ChainNode:
    label: str
    full: str
    role: str  # outlet | intermediary | speaker
    x: int
    width: int


@dataclass
class ChainGraph:
    """The chain of attribution laid out left to right: outlet -> agency -> ... -> original speaker."""

    nodes: list[ChainNode]
    width: int
    height: int = 30


@dataclass
class StatementCard:
    statement: Statement
    article: Article | None
    graph: ChainGraph
    context: list[Segment] = field(default_factory=list)

    @property
    def approximate(self) -> bool:
        """The statement gives no day of its own; it is placed on its article's day."""
        return self.statement.said_on is None

    @property
    def day(self) -> date | None:
        return self.statement.said_on or (self.article.anchor_date if self.article else None)


@dataclass
class DisputeCard:
    dispute: Dispute
    claim: Claim | None
    left: StatementCard | None
    right: StatementCard | None
    others: list[StatementCard]

    @property
    def trust(self) -> str:
        return trust(self.dispute)


@dataclass
class TimelineDay:
    day: date | None
    cards: list[StatementCard]


# chain graph geometry, in SVG user units
_CHAR_W, _PAD, _GAP, _MAX_LABEL = 6.6, 12, 26, 34


def chain_graph(statement: Statement, outlet: str | None) -> ChainGraph:
    names = statement.chain or [n for n in (outlet, statement.speaker.name) if n]
    nodes, x = [], 1
    for position, name in enumerate(names):
        role = "outlet" if position == 0 else "speaker" if position == len(names) - 1 else "intermediary"
        label = name if len(name) <= _MAX_LABEL else name[: _MAX_LABEL - 1] + "…"
        width = int(len(label) * _CHAR_W + 2 * _PAD)
        nodes.append(ChainNode(label, name, role, x, width))
        x += width + _GAP
    return ChainGraph(nodes, max(x - _GAP + 1, 10))


def segments(text: str, spans: list[tuple[int, int, str, Statement | None]], lo: int = 0,
             hi: int | None = None) -> list[Segment]:
    """Cut text[lo:hi] into plain and marked runs; overlapping spans after the first are left unmarked."""
    hi = len(text) if hi is None else hi
    out, at = [], lo
    for start, end, mark, statement in sorted(spans, key=lambda s: (s[0], -s[1])):
        start, end = max(start, lo), min(end, hi)
        if start < at or start >= end:
            continue
        if start > at:
            out.append(Segment(text[at:start]))
        out.append(Segment(text[start:end], mark, statement))
        at = end
    if at < hi:
        out.append(Segment(text[at:hi]))
    return out


def evidence(statement: Statement, article: Article | None) -> list[Segment]:
    """The statement in its surrounding words, with the statement and its cue marked."""
    if article is None or not (0 <= statement.start < statement.end <= len(article.text)):
        return [Segment(statement.text, "said", statement)]
    text = article.text
    lo = max(0, min(statement.start, statement.cue_start if statement.cue_start >= 0 else statement.start)
             - _CONTEXT_CHARS)
    hi = min(len(text), max(statement.end, statement.cue_end) + _CONTEXT_CHARS)
    # Start and end on word boundaries so the excerpt does not open mid-word.
    while lo > 0 and not text[lo - 1].isspace():
        lo += 1
    while hi < len(text) and not text[hi].isspace():
        hi -= 1
    spans = [(statement.start, statement.end, "said", statement)]
    if 0 <= statement.cue_start < statement.cue_end:
        spans.append((statement.cue_start, statement.cue_end, "cue", statement))
    body = segments(text, spans, lo, hi)
    if lo > 0:
        body.insert(0, Segment("… "))
    if hi < len(text):
        body.append(Segment(" …"))
    return body


def article_segments(article: Article) -> list[Segment]:
    """The whole text cut at every statement boundary. Statements nest (a quote inside reported speech), so each
    run is marked with the innermost statement covering it, and every statement gets an anchor where it starts."""
    text, spans = article.text, [s for s in article.statements if 0 <= s.start < s.end <= len(article.text)]
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out = []
    for lo, hi in zip(cuts, cuts[1:]):
        covering = [s for s in spans if s.start <= lo and s.end >= hi]
        inner = min(covering, key=lambda s: s.end - s.start) if covering else None
        out.append(Segment(text[lo:hi], "said" if inner else None, inner, [s.id for s in spans if s.start == lo]))
    return out


def card(statement: Statement, article: Article | None, with_context: bool = False) -> StatementCard:
    return StatementCard(statement, article, chain_graph(statement, article.outlet if article else None),
                         evidence(statement, article) if with_context else [])


def timeline(view: StoryView) -> list[TimelineDay]:
    """The story's statements by day, in the library's timeline order; undated ones take their article's day."""
    articles = {a.id: a for a in view.articles}
    days: list[TimelineDay] = []
    for statement in view.timeline:
        article = articles.get(statement.article_id)
        day = statement.said_on or (article.anchor_date if article else None)
        if not days or days[-1].day != day:
            days.append(TimelineDay(day, []))
        days[-1].cards.append(card(statement, article))
    return days


def dispute_cards(corpus: Corpus, disputes: list[Dispute]) -> list[DisputeCard]:
    """Each dispute as its first two statements side by side (the denial or first report against the other),
    with any further statements of the same dispute listed below."""
    wanted = [i for d in disputes for i in d.statement_ids]
    said = corpus.statements_by_id(wanted)
    # Summaries carry the text a card quotes around its statement; mentions and statements are not needed.
    articles = corpus.article_summaries(list(dict.fromkeys(s.article_id for s in said.values())))
    cards = []
    for dispute in disputes:
        made = []
        for statement_id in dispute.statement_ids:
            statement = said.get(statement_id)
            if statement is None:
                continue
            made.append(card(statement, articles.get(statement.article_id), with_context=True))
        left, right = (made + [None, None])[:2]
        cards.append(DisputeCard(dispute, corpus.claim(dispute.claim_id), left, right, made[2:]))
    return cards


def shown_claims(claims: list[Claim]) -> list[Claim]:
    """Claims worth a row: those made in more than one statement or not single-sourced; disputed ones first."""
    order = {"disputed": 0, "denied": 1, "corroborated": 2, "single_source": 3}
    kept = [c for c in claims if len(c.statement_ids) > 1 or c.status != "single_source"]
    return sorted(kept, key=lambda c: (order.get(c.status, 9), -len(c.statement_ids), c.id))


def snippet_segments(snippet: str) -> list[Segment]:
    """A search snippet with its [matches] marked; the brackets come from the store's snippet()."""
    out: list[Segment] = []
    for i, part in enumerate(snippet.replace("]", "[").split("[")):
        if part:
            out.append(Segment(part, "match" if i % 2 else None))
    return out


# A web page shows a long story in parts, so no page grows past a few hundred KB whatever the story's size
# (a statement card is about 2 KB of HTML, a dispute card about 5 KB).
STATEMENTS_PER_PART = 50
ARTICLES_PER_PART = 50
DISPUTES_PER_PAGE = 25
CLAIMS_PER_PAGE = 100
# Claims a story page lists, in this order; single-source ones are counted, not listed.
_LISTED_STATUSES = ("disputed", "denied", "corroborated")


@dataclass
class Fold:
    """Which part of a long story a web page shows: timeline and articles in slices, disputes and claims on
    the first part only, up to a limit."""

    part: int  # 1-based
    parts: int
    statements: int  # in the whole story
    first: int  # index of the first statement shown


def story_context(corpus: Corpus, view: StoryView) -> dict:
    """Everything of one story, as the static report shows it."""
    claims = shown_claims(view.claims)
    return {"view": view, "days": timeline(view), "claims": claims, "hidden_claims": len(view.claims) - len(claims),
            "disputes": dispute_cards(corpus, view.disputes), "articles": view.articles, "fold": None,
            "article_count": len(view.articles), "dispute_count": len(view.disputes),
            "outlets": sorted({a.outlet for a in view.articles if a.outlet})}


def story_part(corpus: Corpus, story_id: str, part: int) -> dict | None:
    """One part of a story for its web page (None when there is no such story). Only that part is read: a page
    of the timeline in day order, article summaries, and on the first part the disputes and listed claims."""
    found = corpus.story_summaries(Query(story_id=story_id, limit=1)).items
    if not found:
        return None
    summary = found[0]
    story = summary.story
    articles = corpus.articles(Query(story_id=story_id, limit=max(1, len(story.article_ids)))).items
    statements = corpus.statements(Query(story_id=story_id, limit=1)).total
    parts = max(1, -(-statements // STATEMENTS_PER_PART), -(-len(articles) // ARTICLES_PER_PART))
    part = min(max(part, 1), parts)
    first = (part - 1) * STATEMENTS_PER_PART
    said = corpus.statements(Query(story_id=story_id, by_day=True, limit=STATEMENTS_PER_PART,
                                        offset=first)).items
    claims, claim_total, disputes = [], 0, []
    if part == 1:
        for status in _LISTED_STATUSES:
            listing = corpus.claims(Query(story_id=story_id, status=status, limit=CLAIMS_PER_PAGE))
            claims += listing.items
        claims = sorted(claims, key=lambda c: (_LISTED_STATUSES.index(c.status), -len(c.statement_ids), c.id))
        claims = claims[:CLAIMS_PER_PAGE]
        claim_total = corpus.claims(Query(story_id=story_id, limit=1)).total
        disputes = corpus.disputes(Query(story_id=story_id, limit=DISPUTES_PER_PAGE)).items
    view = StoryView(story, articles, said, claims, disputes)
    return {"view": view, "days": timeline(view), "claims": claims, "hidden_claims": claim_total - len(claims),
            "disputes": dispute_cards(corpus, disputes), "fold": Fold(part, parts, statements, first),
            "articles": articles[(part - 1) * ARTICLES_PER_PART:part * ARTICLES_PER_PART], "shown": len(said),
            "article_count": len(articles), "dispute_count": summary.dispute_count,
            "outlets": summary.outlets}
