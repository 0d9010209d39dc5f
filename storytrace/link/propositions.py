"""What a statement asserts, reduced to comparable parts: content-word stems and concrete values.

Stems are crude prefixes on purpose: "proposal", "proposed" and "proposing" must meet, and the statements
being compared are short, so a prefix match is both fast and good enough for grouping.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+|\d+(?:[.,]\d+)?")
_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)?\b")
_MONTH_DAY = re.compile(
    r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})\b")
# Words that carry stance or grammar, not the proposition: a denial and an assertion of one claim differ here.
_IGNORED = set("""
a an the and or but if of to in on at by for with from as into about over after before than that this these those
it its it's he she they them their his her we our you your i me my is are was were be been being has have had do
does did will would shall should can could may might must not no never nor none such any some there here which who
whom whose what when where why how also just only very more most said says say saying told tell according deny
denied denies denying confirm confirmed confirms reject rejected dismissed untrue true false report reports
reported statement statements comment comments declined decline spokesman spokeswoman official officials
""".split())


def stems(text: str) -> set[str]:
    """Content-word stems of a statement (lowercased 6-character prefixes; numbers kept whole)."""
    out = set()
    for word in _WORD.findall(text):
        lower = word.lower().strip("'’-")
        if lower in _IGNORED or len(lower) < 3:
            continue
        out.add(lower if lower[0].isdigit() else lower[:6])
    return out


def similarity(a: set[str], b: set[str]) -> float:
    """Overlap coefficient of two stem sets, or 0 unless they share at least three stems (or all of a short one).

    The floor on shared stems keeps two statements that merely mention the same place or person apart.
    """
    shared = len(a & b)
    smaller = min(len(a), len(b))
    if shared < 2 or shared < min(3, smaller):
        return 0.0
    return shared / smaller


def concrete_values(text: str) -> dict[str, set[str]]:
    """Numbers and month-day dates in a statement, the facts a contradiction is made of."""
    dates = {f"{m.group(1)[:3].lower()} {int(m.group(2))}" for m in _MONTH_DAY.finditer(text)}
    date_spans = [m.span() for m in _MONTH_DAY.finditer(text)]
    numbers = {m.group(0) for m in _NUMBER.finditer(text)
               if not any(s <= m.start() < e for s, e in date_spans) and not _is_year(m.group(0))}
    return {"date": dates, "number": numbers}


def _is_year(token: str) -> bool:
    return token.isdigit() and len(token) == 4 and 1900 <= int(token) <= 2100
