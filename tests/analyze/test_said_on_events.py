"""The day of a saying reached by reckoning across clauses and sentences (the largest class of misses left on PolNeAR
train): "later that day" after a named day, the occasion of the saying named again with its day ("during a campaign
stop" and "the rally Monday"), a speaker's "yesterday" on an occasion the article dates, a message that says as it
goes out ("fired back a response saying"), a clause right before the saying ("soon after she was booed Monday").
Each class has a case the rule must leave undated."""

from __future__ import annotations

import pytest

from tests.analyze.said_on_days import MONDAY, THURSDAY, by_cue


@pytest.mark.parametrize("text, cue, day", [
    # "that day" points back to the day named last
    ("On Thursday, the mayor said he was not ready to back the plan. Later that day, the governor fired back a "
     "response saying he would veto it.", "saying", THURSDAY),
    # a message says what it says as its verb sends it out
    ("The governor on Thursday fired back a response saying he would veto the plan.", "saying", THURSDAY),
    # an event right before the saying, told as a clause
    ("Soon after the mayor was booed Monday during a breakfast in Dayton, his rival wrote to his followers, "
     "\"Enough is enough.\"", "wrote", MONDAY),
    # the occasion of the saying, named again with its day in the next sentence
    ("The mayor criticized the tax plan as a costly mistake during a campaign stop in Dayton. During the rally "
     "Monday, he also promised new roads.", "criticized", MONDAY),
    # the same named person's occasion
    ("During a campaign stop in Dayton, Mayor Smith criticized the tax plan. During the rally Monday, Smith also "
     "promised new roads.", "criticized", MONDAY),
    # a speaker's "yesterday" on an occasion the article dates: the day after it
    ("The chief held a surprise news conference on Wednesday.\n\n\"Nobody has ever seen a chief hold a press "
     "conference like what we saw yesterday,\" the aide said.", "said", THURSDAY),
])
def test_day_reached_from_another_clause_or_sentence(nlp, text, cue, day):
    """A saying whose day is told by a clause or sentence nearby takes it."""
    assert by_cue(nlp, text)[cue].said_on == day


@pytest.mark.parametrize("text, cue", [
    # "that day" with no day named before it
    ("Later that day, the governor fired back a response saying he would veto the plan.", "saying"),
    # a message received is not said as the verb happens
    ("The governor received a letter on Thursday saying the plan would be vetoed.", "saying"),
    # an event before the saying, with nothing that puts them close together
    ("After the mayor was booed Monday during a breakfast in Dayton, his rival has written to his followers that "
     "it is time to end his career.", "has written"),
    # an occasion of another kind next to it
    ("The mayor criticized the tax plan as a costly mistake during a campaign stop in Dayton. In an interview Monday, "
     "her aide defended the plan.", "criticized"),
    # an occasion of the same kind held by another named person
    ("In his speech, Mayor Smith praised the council and said the budget was sound. During a speech Monday in "
     "Dayton, Governor Jones attacked the plan.", "said"),
    # the speaker's words carry "today" ("Jobs today"): not the day of the signs
    ("Angry workers amassed at the center, carrying signs saying, \"Jobs today, none tomorrow.\"", "saying"),
])
def test_no_day_from_an_unrelated_clause_or_sentence(nlp, text, cue):
    """No day named before "that day", a message received, a clause not close by, another kind of occasion or
    another person's, or the speaker's own "today" dates nothing."""
    statements = by_cue(nlp, text)
    assert cue in statements
    assert statements[cue].said_on is None
