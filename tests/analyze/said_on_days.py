"""What the said_on tests share: the article's day (a Friday) the week's days resolve against, and the statements
of a text by their cue."""

from __future__ import annotations

from datetime import date

from storytrace.analyze.attribution import extract_statements
from storytrace.model import Statement

FRIDAY = date(2009, 12, 18)  # the anchor: the article's day, a Friday
MONDAY, TUESDAY, WEDNESDAY, THURSDAY = (date(2009, 12, d) for d in (14, 15, 16, 17))


def by_cue(nlp, text: str) -> dict[str, Statement]:
    return {s.cue: s for s in extract_statements(nlp(text), outlet="The Dayton Ledger", anchor=FRIDAY)}
