"""Disputes inside a claim: a denial of what others assert, or asserting statements with conflicting facts."""

from __future__ import annotations

import hashlib

from storytrace.link.propositions import concrete_values
from storytrace.link.sources import same_source, source_key
from storytrace.model import Claim, Dispute, Statement

_ASSERTING = {"asserts", "confirms", "speculates"}
# A guess ("talks may be held on Jan. 5") does not contradict a fact stated elsewhere; only firm
# statements can, because a false dispute costs more than a missed one.
_FIRM = {"asserts", "confirms"}


def find_disputes(claim: Claim, statements: list[Statement], outlets: dict[str, str | None]) -> list[Dispute]:
    """Denials first (one per denying statement), then factual contradictions between asserting statements."""
    disputes = [_denial(claim, d, statements, outlets) for d in statements if d.polarity == "denies"]
    disputes = [d for d in disputes if d is not None]
    disputes.extend(_contradictions(claim, statements, outlets))
    return disputes


def _denial(claim: Claim, denial: Statement, statements: list[Statement],
            outlets: dict[str, str | None]) -> Dispute | None:
    # A speaker re-stating their own denial elsewhere is not in conflict with itself.
    denier = source_key(denial)
    asserted = [s for s in statements if s.polarity in _ASSERTING and not same_source(source_key(s), denier)]
    if not asserted:
        return None
    ids = [denial.id] + [s.id for s in asserted]
    sides = "; ".join(_describe(s, outlets) for s in asserted[:3])
    more = f" (and {len(asserted) - 3} more)" if len(asserted) > 3 else ""
    explanation = (f"{_describe(denial, outlets)} denies what {len(asserted)} other statement(s) assert: "
                   f"{sides}{more}.")
    return Dispute(_dispute_id(claim.id, "denial", ids), claim.id, ids, "denial", explanation)


def _contradictions(claim: Claim, statements: list[Statement], outlets: dict[str, str | None]) -> list[Dispute]:
    asserting = [s for s in statements if s.polarity in _FIRM]
    values = {s.id: concrete_values(s.text) for s in asserting}
    found = []
    for i, first in enumerate(asserting):
        for second in asserting[i + 1:]:
            if first.article_id == second.article_id or same_source(source_key(first), source_key(second)):
                continue
            conflict = _conflict(values[first.id], values[second.id])
            if conflict:
                kind, a, b = conflict
                ids = [first.id, second.id]
                explanation = (f"They give different {kind}s for the same claim: {', '.join(sorted(a))} in "
                               f"{_describe(first, outlets)} against {', '.join(sorted(b))} in "
                               f"{_describe(second, outlets)}.")
                found.append(Dispute(_dispute_id(claim.id, "contradiction", ids), claim.id, ids, "contradiction",
                                     explanation))
    return found


def _conflict(a: dict[str, set[str]], b: dict[str, set[str]]) -> tuple[str, set[str], set[str]] | None:
    for kind in ("date", "number"):
        if a[kind] and b[kind] and not a[kind] & b[kind]:
            return kind, a[kind], b[kind]
    return None


def _describe(statement: Statement, outlets: dict[str, str | None]) -> str:
    via = " → ".join(statement.chain) if len(statement.chain) > 1 else (outlets.get(statement.article_id) or "?")
    when = f", {statement.said_on.isoformat()}" if statement.said_on else ""
    text = " ".join(statement.text.split())
    text = text if len(text) <= 140 else text[:139] + "…"
    return f"{statement.speaker.name} ({via}{when}): “{text}”"


def _dispute_id(claim_id: str, kind: str, ids: list[str]) -> str:
    return "D" + hashlib.sha1(f"{claim_id}:{kind}:{','.join(sorted(ids))}".encode()).hexdigest()[:11]
