"""Who relays a speaker's words: a news organisation the speaker spoke to does; a television set or an audience
does not."""

from __future__ import annotations

from storytrace.analyze.attribution import extract_attributions


def test_a_set_or_an_audience_is_no_relay(nlp):
    """"said to the TV", "told his radio audience": a television set and a public relay nothing; "told Harbour
    Radio" still names the station that carried the words."""
    text = ("“I would,” Ilse said to the TV. The host told his radio audience that the mayor was lying. "
            "“The pier is safe,” the mayor told Harbour Radio on Monday.")
    chains = [a.statement.chain for a in extract_attributions(nlp(text), outlet="The Courier")]
    assert chains == [["The Courier", "Ilse"], ["The Courier", "The host"],
                      ["The Courier", "Harbour Radio", "the mayor"]]
