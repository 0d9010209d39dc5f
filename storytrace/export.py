"""Exports of a whole corpus: JSON (the public field contract in DESIGN.md), CSV per table, GraphML of the
attribution graph (for Gephi) and schema.org ClaimReview JSON-LD of disputed claims (what fact-checkers publish)."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import IO, Protocol

from storytrace.errors import StorytraceError
from storytrace.link.disputes import trust
from storytrace.model import Article, Claim, Dispute, Entity, Statement, Story


class Tables(Protocol):
    """What an export reads: every row of each table (a Corpus; the corpus module imports this one)."""

    def articles(self) -> list[Article]: ...
    def entities(self) -> list[Entity]: ...
    def statements(self) -> list[Statement]: ...
    def stories(self) -> list[Story]: ...
    def claims(self) -> list[Claim]: ...
    def disputes(self) -> list[Dispute]: ...

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


def corpus_records(corpus: Tables) -> dict[str, list[dict]]:
    return {
        "articles": [article_record(a) for a in corpus.articles()],
        "entities": [entity_record(e) for e in corpus.entities()],
        "statements": [statement_record(s) for s in corpus.statements()],
        "stories": [story_record(s) for s in corpus.stories()],
        "claims": [claim_record(c) for c in corpus.claims()],
        "disputes": [dispute_record(d) for d in corpus.disputes()],
    }


def export(corpus: Tables, format: str, out: IO[str] | None = None, table: str = "statements") -> str | None:
    """Write the export to `out`, or return it as a string when `out` is None."""
    if format not in FORMATS:
        raise StorytraceError(f"unknown export format {format!r}; choose one of {', '.join(FORMATS)}")
    if table not in TABLES:
        raise StorytraceError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    target = out or io.StringIO()
    if format == "json":
        json.dump(corpus_records(corpus), target, ensure_ascii=False, indent=1)
        target.write("\n")
    elif format == "graphml":
        target.write(attribution_graphml(corpus))
    elif format == "claimreview":
        json.dump(claim_reviews(corpus), target, ensure_ascii=False, indent=1)
        target.write("\n")
    else:
        _write_csv(corpus_records(corpus)[table], target)
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


def _write_csv(rows: list[dict], target: IO[str]) -> None:
    flat = [{k: spreadsheet_safe(v) for k, v in _flatten(row).items()} for row in rows]
    if not flat:
        return
    writer = csv.DictWriter(target, fieldnames=list(flat[0]))
    writer.writeheader()
    writer.writerows(flat)


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
    records = corpus_records(corpus)
    written = []
    for table in TABLES:
        path = folder / f"{table}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            _write_csv(records[table], handle)
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
    """schema.org ClaimReview JSON-LD for every disputed or denied claim, with the articles it appeared in."""
    articles = {a.id: a for a in corpus.articles()}
    statements = {s.id: s for s in corpus.statements()}
    disputes: dict[str, list[Dispute]] = {}
    for dispute in corpus.disputes():
        disputes.setdefault(dispute.claim_id, []).append(dispute)
    reviews = [_claim_review(claim, [statements[i] for i in claim.statement_ids if i in statements], articles,
                             disputes.get(claim.id, []))
               for claim in corpus.claims() if claim.status in _RATING_NAMES]
    return {"@context": "https://schema.org", "@graph": reviews}


def _claim_review(claim: Claim, said: list[Statement], articles: dict[str, Article], disputes: list[Dispute]) -> dict:
    asserted = [s for s in said if s.polarity in ("asserts", "confirms", "speculates")] or said
    seen = sorted({s.article_id for s in said if s.article_id in articles},
                  key=lambda i: (articles[i].published is None, _iso(articles[i].published) or ""))
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
