"""The carrier of the time tagger: one recognized, normalized time expression."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Timex:
    """A TIMEX3-style time expression: character span, surface text, type and normalized value.

    `type` is DATE, TIME, DURATION or SET; `value` an ISO-8601-style TIMEX3 value such as
    "2009-12-18", "2009-W51", "2009-SU", "2009-12-18TMO", "P3M", "PRESENT_REF" or "XXXX-12-09".
    `rule` names the recognition rule that found it (for error analysis; not part of equality).
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    rule: str = field(default="", compare=False, repr=False)
