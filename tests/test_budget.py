"""The per-article time budget: a deadline that loops can ask, and the warning an article gets when it ran out."""

from __future__ import annotations

from storytrace.budget import Deadline


def test_a_spent_deadline_expires_and_names_its_cuts():
    """A zero-second deadline is past at once; its warning names the work, the budget and every cut."""
    deadline = Deadline(0.0)
    assert deadline.expired() and deadline.warning("attribution") is None
    deadline.cut("statements from character 120 of 900 on not read")
    assert deadline.warning("attribution") == ("attribution stopped at the 0-second budget (article_seconds): "
                                               "statements from character 120 of 900 on not read")


def test_no_deadline_never_expires():
    """Code called without a budget (the spaCy component used alone, a benchmark) reads everything."""
    assert not Deadline.none().expired() and not Deadline(60.0).expired()
