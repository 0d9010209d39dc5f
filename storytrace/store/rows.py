"""Row ↔ carrier conversions shared by the SQLite and PostgreSQL stores (both store dates as ISO text)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime

import numpy as np

from storytrace.model import EMBEDDING_DIM, Dispute, DisputeEvidence, Reporter, Speaker, Statement


def statement_from_row(row: Mapping) -> Statement:
    return Statement(text=row["text"], start=row["start"], end=row["end"], direct=bool(row["direct"]),
                     speaker=Speaker(row["speaker_name"], row["speaker_entity_id"], row["speaker_role"]),
                     cue=row["cue"], polarity=row["polarity"], said_on=to_date(row["said_on"]),
                     chain=json.loads(row["chain"]), cue_start=row["cue_start"], cue_end=row["cue_end"],
                     id=row["id"], article_id=row["article_id"])


# The columns a dispute is written to, in the order of `dispute_row`'s values.
DISPUTE_COLUMNS = "id, claim_id, kind, statement_ids, explanation, confidence, evidence, reported_by"


def dispute_row(d: Dispute) -> tuple:
    """A dispute's values for DISPUTE_COLUMNS; its evidence and reporting articles as JSON text."""
    evidence = (None if d.evidence is None else
                json.dumps({"rule": d.evidence.rule, "cues": d.evidence.cues, "stance_against": d.evidence.stance_against}))
    reported_by = (None if d.reported_by is None else
                   json.dumps([{"article_id": r.article_id, "outlet": r.outlet} for r in d.reported_by]))
    return (d.id, d.claim_id, d.kind, json.dumps(d.statement_ids), d.explanation, d.confidence, evidence, reported_by)


def dispute_from_row(row: Mapping) -> Dispute:
    """A stored dispute; one stored before migration 10 has no confidence, evidence or reporting articles (None)."""
    evidence = json.loads(row["evidence"]) if row["evidence"] is not None else None
    reported_by = json.loads(row["reported_by"]) if row["reported_by"] is not None else None
    return Dispute(row["id"], row["claim_id"], json.loads(row["statement_ids"]), row["kind"], row["explanation"],
                   row["confidence"], DisputeEvidence(**evidence) if evidence is not None else None,
                   [Reporter(**r) for r in reported_by] if reported_by is not None else None)


# An article's own dates in SQL (`Article.own_dates`), each with an index of its own (migration 12).
DATELINE_DAY = "a.dateline_date"
PUBLISHED_DAY = "substr(a.published, 1, 10)"
# The earliest and latest own date of any stored article, from the two indexes.
OWN_DATE_RANGE = (f"SELECT MIN(first) AS first, MAX(last) AS last FROM ("
                  f"SELECT MIN({DATELINE_DAY}) AS first, MAX({DATELINE_DAY}) AS last FROM articles a UNION ALL "
                  f"SELECT MIN({PUBLISHED_DAY}), MAX({PUBLISHED_DAY}) FROM articles a) AS own")


def own_dates_within(first: date | None, last: date | None, mark: str) -> tuple[str, tuple[str, ...]]:
    """The condition (with `mark` placeholders) and values selecting articles one of whose own dates lies in
    [first, last]; with no bounds, those with neither date."""
    if first is None:
        return f"{DATELINE_DAY} IS NULL AND {PUBLISHED_DAY} IS NULL", ()
    bounds = (first.isoformat(), last.isoformat())
    return f"({DATELINE_DAY} BETWEEN {mark} AND {mark} OR {PUBLISHED_DAY} BETWEEN {mark} AND {mark})", bounds * 2


def own_dates(dateline_day: str | None, published_day: str | None) -> tuple[date, ...]:
    """`Article.own_dates` from the two stored columns."""
    return tuple(sorted({d for d in (to_date(dateline_day), to_date(published_day)) if d}))


def iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def to_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def to_datetime(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def vectors_from_rows(rows) -> tuple[list[str], np.ndarray]:
    """Ids and one matrix of stored (id, float32 vector bytes) rows, filled in place: no second copy of every
    vector, which at a million articles would cost another 1.5 GB."""
    matrix = np.empty((len(rows), EMBEDDING_DIM), dtype=np.float32)
    for i, row in enumerate(rows):
        matrix[i] = np.frombuffer(row[1], dtype=np.float32)
    return [row[0] for row in rows], matrix
