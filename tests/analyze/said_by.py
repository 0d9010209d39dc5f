"""One home for the test helper that reads a hand-written text's statements as text -> speaker name."""

from __future__ import annotations

from storytrace.analyze.attribution import extract_attributions


def speakers(nlp, text: str) -> dict[str, str]:
    """Statement text -> speaker name."""
    return {a.statement.text: a.statement.speaker.name for a in extract_attributions(nlp(text))}
