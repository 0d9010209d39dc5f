"""The time budget of one article (`Settings.article_seconds`): a deadline that storytrace's own loops check.

spaCy's share of an article is bounded by its size (`Settings.max_article_chars`). Attribution and claim
linking grow faster than the text (each statement is weighed against the others), so each checks a
`Deadline` as it loops: when the article's seconds are spent it stops, keeps what it has found, and records
what it left out; the article is stored with that as a warning.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field


@dataclass
class Deadline:
    seconds: float
    started: float = field(default_factory=time.monotonic)
    cuts: list[str] = field(default_factory=list)  # what the loops that ran out of time left out

    @classmethod
    def none(cls) -> Deadline:
        return cls(math.inf)

    def expired(self, share: float = 1.0) -> bool:
        """Whether the time is spent (or this `share` of it: a loop whose results need work after it)."""
        return time.monotonic() - self.started > self.seconds * share

    def cut(self, left_out: str) -> None:
        self.cuts.append(left_out)

    def warning(self, work: str) -> str | None:
        """The article's warning when `work` (attribution, linking) stopped at the budget, else None."""
        if not self.cuts:
            return None
        return f"{work} stopped at the {self.seconds:g}-second budget (article_seconds): {'; '.join(self.cuts)}"
