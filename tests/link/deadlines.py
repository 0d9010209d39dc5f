"""A deadline for tests of the time budget that does not depend on the machine's speed."""

from __future__ import annotations

from storytrace.budget import Deadline


class AfterChecks(Deadline):
    """A deadline that runs out after a number of checks."""

    def __init__(self, checks: int):
        super().__init__(60.0)
        self.checks = checks

    def expired(self, share: float = 1.0) -> bool:
        self.checks -= 1
        return self.checks < 0
