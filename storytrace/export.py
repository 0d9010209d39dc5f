"""Exports of a whole corpus: JSON (the public field contract in DESIGN.md), CSV per table, GraphML of the
attribution graph (for Gephi) and schema.org ClaimReview JSON-LD of disputed claims (what fact-checkers publish)."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from collections.abc import Iterable, Iterator
from typing import IO, Protocol

from storytrace.errors import StorytraceError
from storytrace.link.disputes import trust
from storytrace.model import Article, Claim, Dispute, Entity, Statement, Story
from storytrace.store.base import Query


class Tables(Protocol):
    """What an export reads (a Corpus; the corpus module imports this one): each table's rows as a stream (a
    Listing, read a page at a time), and statements and articles by id."""

    def articles(self, query: Query | None = None) -> Iterable[Article]: ...
    def entities(self, query: Query | None = None) -> Iterable[Entity]: ...
    def statements(self, query: Query | None = None) -> Iterable[Statement]: ...
    def stories(self, query: Query | None = None) -> Iterable[Story]: ...
    def claims(self, query: Query | None = None) -> Iterable[Claim]: ...
    def disputes(self, query: Query | None = None) -> Iterable[Dispute]: ...
    def statements_by_id(self, statement_ids: list[str]) -> dict[str, Statement]: ...
    def article_summaries(self, article_ids: list[str]) -> dict[str, Article]: ...

FORMATS = ("json", "csv", "graphml", "claimreview")
TABLES = ("articles", "entities", "statements", "stories", "claims", "disputes")


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def article_record(a: Article) -> dict:
    dateline = {"place": a.dateline.place, "date": _iso(a.dateline.date)} if a.dateline else {"place": None, "date": None}
    return {"id": a.id, "source": a.url or a.source, "outlet": a.outlet, "title": a.title, "byline": a.byline,
            "dateline": dateline, "published": _iso(a.published), "language": a.language, "text": a.text}


def entity_record(e: Entity) -> dict:
    return {"id": e.id, "name": e.name, "type": e.type, "aliases": e.aliases}


def statement_record(s: Statement) -> dict:
    return {"id": s.id, "article_id": s.article_id, "text": s.text, "direct": s.direct,
            "speaker": {"name": s.speaker.name, "entity_id": s.speaker.entity_id, "role": s.speaker.role},
            "cue": s.cue, "said_on": _iso(s.said_on), "chain": s.chain, "polarity": s.polarity,
            "start": s.start, "end": s.end}


def story_record(s: Story) -> dict:
    return {"id": s.id, "title": s.title, "article_ids": s.article_ids, "first_seen": _iso(s.first_seen),
            "last_seen": _iso(s.last_seen)}


def claim_record(c: Claim) -> dict:
    return {"id": c.id, "story_id": c.story_id, "summary": c.summary, "statement_ids": c.statement_ids,
            "status": c.status}


def dispute_record(d: Dispute) -> dict:
    """The contract's fields, then why the dispute was raised: `confidence` (0-1, the share of disputes of its rule
    a reader found real), `evidence` ({rule, cues, stance_against}) and `reported_by` (the articles reporting its
    denial, [{article_id, outlet}]); null (in evidence, each field) for a dispute stored before they were recorded."""
    evidence = ({"rule": None, "cues": None, "stance_against": None} if d.evidence is None else
                {"rule": d.evidence.rule, "cues": d.evidence.cues, "stance_against": d.evidence.stance_against})
    reported_by = None if d.reported_by is None else [{"article_id": r.article_id, "outlet": r.outlet}
                                                      for r in d.reported_by]
    return {"id": d.id, "claim_id": d.claim_id, "statement_ids": d.statement_ids, "kind": d.kind,
            "explanation": d.explanation, "confidence": d.confidence, "evidence": evidence,
            "reported_by": reported_by}


def table_records(corpus: Tables, table: str) -> Iterator[dict]:
    """The records of one table, streamed: an export never holds a whole table."""
    rows, record = {
        "articles": (corpus.articles, article_record),
        "entities": (corpus.entities, entity_record),
        "statements": (corpus.statements, statement_record),
        "stories": (corpus.stories, story_record),
        "claims": (corpus.claims, claim_record),
        "disputes": (corpus.disputes, dispute_record),
    }[table]
    return map(record, rows())


def _write_json(corpus: Tables, target: IO[str]) -> None:
    """The JSON export written record by record, laid out as `json.dump(..., indent=1)` lays out the whole."""
    target.write("{")
    for n, table in enumerate(TABLES):
        target.write(f"{',' if n else ''}\n {json.dumps(table)}: [")
        empty = True
        for record in table_records(corpus, table):
            text = json.dumps(record, ensure_ascii=False, indent=1).replace("\n", "\n  ")
            target.write(f"{'' if empty else ','}\n  {text}")
            empty = False
        target.write("]" if empty else "\n ]")
    target.write("\n}\n")


def export(corpus: Tables, format: str, out: IO[str] | None = None, table: str = "statements") -> str | None:
    """Write the export to `out`, or return it as a string when `out` is None."""
    if format not in FORMATS:
        raise StorytraceError(f"unknown export format {format!r}; choose one of {', '.join(FORMATS)}")
    if table not in TABLES:
        raise StorytraceError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    target = out or io.StringIO()
    if format == "json":
        _write_json(corpus, target)
    elif format == "graphml":
        target.write(attribution_graphml(corpus))
    elif format == "claimreview":
        json.dump(claim_reviews(corpus), target, ensure_ascii=False, indent=1)
        target.write("\n")
    else:
        _write_csv(table_records(corpus, table), target)
    return target.getvalue() if out is None else None


# A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets (=HYPERLINK(...) sends
# data away, +cmd|... once ran programs); tab and carriage return hide such a start. Such a cell gets a leading
# apostrophe, which spreadsheets show as text (OWASP's advice for CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """A CSV cell a spreadsheet will not read as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _write_csv(rows: Iterable[dict], target: IO[str]) -> None:
    """One CSV row per record, its header from the first record's columns; nothing at all for no records."""
    writer = None
    for row in rows:
        flat = {k: spreadsheet_safe(v) for k, v in _flatten(row).items()}
        if writer is None:
            writer = csv.DictWriter(target, fieldnames=list(flat))
            writer.writeheader()
        writer.writerow(flat)


def _flatten(row: dict, prefix: str = "") -> dict:
    """Nested objects become dotted columns; lists become ' | '-joined cells (chains, ids, aliases; an object in a
    list as its first field with the others in parentheses: "a1 (Harbour Wire)")."""
    flat = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{name}."))
        elif isinstance(value, list):
            flat[name] = " | ".join(_item(v) for v in value)
        else:
            flat[name] = value
    return flat


def _item(value: object) -> str:
    if not isinstance(value, dict):
        return str(value)
    first, *rest = [str(v) for v in value.values() if v is not None] or [""]
    return f"{first} ({', '.join(rest)})" if rest else first


def export_tables(corpus: Tables, folder: str | Path) -> list[Path]:
    """Write one CSV file per table (`articles.csv`, `statements.csv`, ...) into `folder`; return their paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        path = folder / f"{table}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            _write_csv(table_records(corpus, table), handle)
        written.append(path)
    return written


# GraphML keys: Gephi reads `label` as the node label and `weight` as the edge weight.
_GRAPHML_KEYS = (("label", "node", "string"), ("role", "node", "string"), ("statements", "node", "int"),
                 ("weight", "edge", "double"))


def attribution_graph(corpus: Tables) -> tuple[dict[str, Counter], Counter]:
    """Nodes (name -> counts of the roles it plays) and weighted edges (teller, source) from every chain.

    A chain "The Capitol Ledger -> Yonhap -> diplomatic sources" gives two edges; the first name is an
    outlet, the last the original speaker, and any between an intermediary (usually an agency)."""
    roles: dict[str, Counter] = {}
    edges: Counter = Counter()
    for statement in corpus.statements():
        chain = statement.chain or [statement.speaker.name]
        for position, name in enumerate(chain):
            role = "outlet" if position == 0 else "speaker" if position == len(chain) - 1 else "intermediary"
            roles.setdefault(name, Counter())[role] += 1
        for teller, source in zip(chain, chain[1:]):
            edges[(teller, source)] += 1
    return roles, edges


def attribution_graphml(corpus: Tables) -> str:
    """The attribution graph as GraphML: who passed on whose words, weighted by how many statements."""
    roles, edges = attribution_graph(corpus)
    root = ET.Element("graphml", xmlns="http://graphml.graphdrawing.org/xmlns")
    for name, domain, kind in _GRAPHML_KEYS:
        ET.SubElement(root, "key", {"id": name, "for": domain, "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, "graph", id="attribution", edgedefault="directed")
    ids = {name: f"n{i}" for i, name in enumerate(sorted(roles))}
    for name, node_id in ids.items():
        node = ET.SubElement(graph, "node", id=node_id)
        _data(node, "label", name)
        _data(node, "role", roles[name].most_common(1)[0][0])
        _data(node, "statements", str(sum(roles[name].values())))
    for i, ((teller, source), count) in enumerate(sorted(edges.items())):
        edge = ET.SubElement(graph, "edge", id=f"e{i}", source=ids[teller], target=ids[source])
        _data(edge, "weight", str(float(count)))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _data(parent: ET.Element, key: str, value: str) -> None:
    ET.SubElement(parent, "data", key=key).text = value


# ClaimReview ratings: storytrace does not rule on truth, it reports that a claim is disputed or denied.
_RATING_NAMES = {"disputed": "Disputed", "denied": "Denied"}


def claim_reviews(corpus: Tables) -> dict:
    """schema.org ClaimReview JSON-LD for every disputed or denied claim, with the articles it appeared in. Claims
    are streamed, and only a rated claim's statements, articles and disputes are read with it."""
    reviews = []
    for claim in corpus.claims():
        if claim.status not in _RATING_NAMES:
            continue
        statements = corpus.statements_by_id(claim.statement_ids)
        articles = corpus.article_summaries(sorted({s.article_id for s in statements.values()}))
        disputes = [d for d in corpus.disputes(Query(story_id=claim.story_id)) if d.claim_id == claim.id]
        reviews.append(_claim_review(claim, [statements[i] for i in claim.statement_ids if i in statements],
                                     articles, disputes))
    return {"@context": "https://schema.org", "@graph": reviews}


def _claim_review(claim: Claim, said: list[Statement], articles: dict[str, Article], disputes: list[Dispute]) -> dict:
    asserted = [s for s in said if s.polarity in ("asserts", "confirms", "speculates")] or said
    seen = sorted({s.article_id for s in said if s.article_id in articles},
                  key=lambda i: (articles[i].published is None, _iso(articles[i].published) or "", i))
    appearances = [_appearance(articles[i]) for i in seen]
    # Rating has no field for how sure a rating is (ratingValue would read as a verdict on truth): each dispute's
    # confidence goes into the explanation, in words.
    explanation = (" ".join(f"{d.explanation} ({trust(d)}.)" for d in disputes)
                   or f"The claim is {claim.status.replace('_', ' ')}.")
    review = {
        "@type": "ClaimReview",
        "identifier": claim.id,
        "claimReviewed": claim.summary,
        "itemReviewed": {"@type": "Claim", "appearance": appearances,
                         "author": {"@type": "Thing", "name": asserted[0].speaker.name} if asserted else None,
                         "firstAppearance": appearances[0] if appearances else None},
        "reviewRating": {"@type": "Rating", "alternateName": _RATING_NAMES[claim.status],
                         "ratingExplanation": explanation},
        "reviewBody": explanation,
        "author": {"@type": "Organization", "name": "storytrace"},
    }
    dates = [d for d in (_iso(articles[i].published) for i in seen) if d]
    if dates:
        review["datePublished"] = max(dates)[:10]
    return review


def _appearance(article: Article) -> dict:
    work = {"@type": "NewsArticle", "headline": article.title, "url": article.url or article.source,
            "datePublished": _iso(article.published)}
    if article.outlet:
        work["publisher"] = {"@type": "Organization", "name": article.outlet}
    return {k: v for k, v in work.items() if v is not None}
