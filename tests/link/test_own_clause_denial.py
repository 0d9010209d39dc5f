"""A terse denial that says what it denies in a clause of its own ("denied any news conference is scheduled") answers
a report told before it, not one told after it; one that points elsewhere ("No such offer was made", "the reports",
"It's untrue") takes its article's report either side. Hand-written texts."""

from __future__ import annotations

import pytest

from storytrace.link.targets import denial_targets, says_its_own_clause
from storytrace.model import Speaker, Statement


def _said(text, speaker, start, polarity="asserts", cue="said"):
    return Statement(text=text, start=start, end=start + len(text), direct=False, speaker=Speaker(speaker), cue=cue,
                     polarity=polarity, chain=[speaker], id=f"a1:{start}", article_id="a1")


@pytest.mark.parametrize("text, own", [
    ("any news conference is scheduled", True),
    ("the ferry strike was called off", True),
    ("No such offer was made", False),  # points back: "such"
    ("It's untrue", False),
    ("that was not the case", False),
    ("the reports were false", False),  # names the report
    ("any involvement", False),  # a noun phrase: what it denies is in its context
    ("he was involved", False),  # one content word says too little
])
def test_a_terse_denial_says_its_own_clause_only_when_it_points_nowhere_else(text, own):
    assert says_its_own_clause(text) is own


def test_a_denial_in_a_clause_of_its_own_answers_a_report_before_it_not_after_it():
    """'Island papers have denied any news conference is scheduled', then a report of something else: the denial
    keeps its own words. 'A paper reported her firm offered her for paid talks, but her team denied that she would be
    giving new talks': the report before it is what it answers."""
    denial = _said("any news conference is scheduled", "island papers", 100, "denies", cue="have denied")
    after = _said("yesterday marked a year since the old governor was last seen in public", "a news site's report", 220)
    assert denial_targets([denial, after]) == {}
    pointing = _said("No such news conference is scheduled", "island papers", 100, "denies", cue="have denied")
    assert denial_targets([pointing, after]) == {pointing.id: after.text}
    before = _said("the old governor's office has called a news conference for Friday", "a news site's report", 0)
    assert denial_targets([before, denial, after]) == {denial.id: before.text}
