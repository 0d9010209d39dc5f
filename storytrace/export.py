"""Exports of a whole corpus: JSON (the public field contract in DESIGN.md) and CSV per table."""

from __future__ import annotations

import csv
import io
import json
from typing import IO, TYPE_CHECKING

from storytrace.errors import StorytraceError
from storytrace.model import Article, Claim, Dispute, Entity, Statement, Story

if TYPE_CHECKING:
    from storytrace.corpus import Corpus

FORMATS = ("json", "csv")
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
    return {"id": d.id, "claim_id": d.claim_id, "statement_ids": d.statement_ids, "kind": d.kind,
            "explanation": d.explanation}


def corpus_records(corpus: "Corpus") -> dict[str, list[dict]]:
    return {
        "articles": [article_record(a) for a in corpus.articles()],
        "entities": [entity_record(e) for e in corpus.entities()],
        "statements": [statement_record(s) for s in corpus.statements()],
        "stories": [story_record(s) for s in corpus.stories()],
        "claims": [claim_record(c) for c in corpus.claims()],
        "disputes": [dispute_record(d) for d in corpus.disputes()],
    }


def export(corpus: "Corpus", format: str, out: IO[str] | None = None, table: str = "statements") -> str | None:
    """Write the export to `out`, or return it as a string when `out` is None."""
    if format not in FORMATS:
        raise StorytraceError(f"unknown export format {format!r}; choose one of {', '.join(FORMATS)}")
    if table not in TABLES:
        raise StorytraceError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    target = out or io.StringIO()
    if format == "json":
        json.dump(corpus_records(corpus), target, ensure_ascii=False, indent=1)
        target.write("\n")
    else:
        _write_csv(corpus_records(corpus)[table], target)
    return target.getvalue() if out is None else None


def _write_csv(rows: list[dict], target: IO[str]) -> None:
    flat = [_flatten(row) for row in rows]
    if not flat:
        return
    writer = csv.DictWriter(target, fieldnames=list(flat[0]))
    writer.writeheader()
    writer.writerows(flat)


def _flatten(row: dict, prefix: str = "") -> dict:
    """Nested objects become dotted columns; lists become ' | '-joined cells (chains, ids, aliases)."""
    flat = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{name}."))
        elif isinstance(value, list):
            flat[name] = " | ".join(str(v) for v in value)
        else:
            flat[name] = value
    return flat
