"""One home for the test helpers that read a hand-written text's statements: text -> speaker name, and what the
writer's outlet itself says."""

from __future__ import annotations

from storytrace.analyze.attribution import extract_attributions, extract_statements


def speakers(nlp, text: str) -> dict[str, str]:
    """Statement text -> speaker name."""
    return {a.statement.text: a.statement.speaker.name for a in extract_attributions(nlp(text))}


def said_with_cue(nlp, text: str, outlet: str | None = None) -> list[tuple[str, str, str]]:
    """(speaker name, cue, text) of each statement found, in reading order."""
    return [(a.statement.speaker.name, a.statement.cue, a.statement.text)
            for a in extract_attributions(nlp(text), outlet=outlet)]


def outlet_says(nlp, text: str) -> list[tuple[str, str]]:
    """(polarity, text) of the statements the outlet "The Ledger" makes in its own voice."""
    return [(s.polarity, s.text) for s in extract_statements(nlp(text), outlet="The Ledger")
            if s.speaker.name == "The Ledger"]
