"""storytrace's attribution as a spaCy pipeline component, for NLP users and for storytrace's own workers.

    nlp.add_pipe("storytrace_attribution")
    doc = nlp(text)
    doc._.storytrace_statements   # list[storytrace.model.Statement]
    doc._.storytrace_attribution_cut   # None, or what was left out when config "seconds" ran out

Results live in `doc.user_data` as plain records, so they survive spaCy's multiprocessing (docs travel
between processes as bytes); the `storytrace_statements` extension turns them back into Statements.
Per-document context (outlet, agency, anchor date) comes from `nlp.pipe(..., as_tuples=True)` contexts
given as `DocContext` dicts; without one, chains start at the speaker and `said_on` stays unresolved.
"""

from __future__ import annotations

import math
from dataclasses import asdict
from datetime import date
from typing import TypedDict

from spacy.language import Language
from spacy.tokens import Doc

from storytrace.analyze.attribution import Attribution, extract_attributions
from storytrace.budget import Deadline
from storytrace.model import Speaker, Statement

_RECORDS = "storytrace_statement_records"
_CUT = "storytrace_attribution_cut"  # what attribution left out when the document's time ran out, or None


class DocContext(TypedDict, total=False):
    title: str | None
    outlet: str | None
    agency: str | None
    anchor: str | None  # ISO date


def install_extensions() -> None:
    """Register the `Doc._.storytrace_*` extensions once per process (idempotent)."""
    if not Doc.has_extension(_RECORDS):
        Doc.set_extension(_RECORDS, default=None)
    if not Doc.has_extension(_CUT):
        Doc.set_extension(_CUT, default=None)
    if not Doc.has_extension("storytrace_statements"):
        Doc.set_extension("storytrace_statements", getter=_statements)


def doc_context(doc: Doc) -> DocContext:
    context = getattr(doc, "_context", None)
    return context if isinstance(context, dict) else {}


@Language.factory("storytrace_attribution", requires=["token.dep", "token.tag", "doc.ents"],
                  assigns=[f"doc._.{_RECORDS}", f"doc._.{_CUT}"], default_config={"seconds": math.inf})
def make_attribution(nlp: Language, name: str, seconds: float) -> "AttributionComponent":
    return AttributionComponent(seconds)


class AttributionComponent:
    def __init__(self, seconds: float = math.inf) -> None:
        install_extensions()
        self.seconds = seconds  # per document (Settings.article_seconds)

    def __call__(self, doc: Doc) -> Doc:
        context = doc_context(doc)
        anchor = date.fromisoformat(context["anchor"]) if context.get("anchor") else None
        deadline = Deadline(self.seconds)
        found = extract_attributions(doc, outlet=context.get("outlet"), agency=context.get("agency"), anchor=anchor,
                                     deadline=deadline)
        doc._.set(_RECORDS, [_record(a) for a in found])
        doc._.set(_CUT, deadline.warning("attribution"))
        return doc


def _record(found: Attribution) -> dict:
    record = asdict(found.statement)
    record["said_on"] = found.statement.said_on.isoformat() if found.statement.said_on else None
    # The speaker's mention span travels with the record until model.Statement has fields for it.
    record["speaker_start"], record["speaker_end"] = found.source_start, found.source_end
    return record


_RECORD_ONLY = ("speaker_start", "speaker_end")


def _statements(doc: Doc) -> list[Statement]:
    records = doc._.get(_RECORDS) or []
    return [Statement(**{**{k: v for k, v in r.items() if k not in _RECORD_ONLY},
                         "speaker": Speaker(**r["speaker"]),
                         "said_on": date.fromisoformat(r["said_on"]) if r["said_on"] else None})
            for r in records]
