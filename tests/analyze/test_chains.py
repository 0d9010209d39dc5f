"""Chains of sources followed across clauses and sentences, from small hand-written fictional news text."""

from __future__ import annotations

import pytest

from storytrace.analyze.attribution import extract_statements
from storytrace.analyze.chains import is_press_name, same_name
from storytrace.model import Statement

OUTLET = "The Seoul Tribune"


def statements(nlp, text: str, **kwargs) -> list[Statement]:
    kwargs.setdefault("outlet", OUTLET)
    return extract_statements(nlp(text), **kwargs)


def said(nlp, text: str, words: str, **kwargs) -> Statement:
    """The one statement whose text holds `words`."""
    found = [s for s in statements(nlp, text, **kwargs) if words in s.text]
    assert len(found) == 1, [(s.text, s.chain) for s in statements(nlp, text, **kwargs)]
    return found[0]


def test_quoted_as_saying_in_the_sentence_after_the_agency_spoke(nlp):
    """"X said …. X quoted Y as saying …": the agency speaks, then passes on its sources' words."""
    text = ("Yonhap said the envoy had arrived in Beijing on Tuesday. "
            "Yonhap quoted diplomatic sources as saying that the letter proposed a liaison office.")
    first, second = statements(nlp, text)
    assert first.chain == [OUTLET, "Yonhap"]
    assert second.speaker.name == "diplomatic sources"
    assert second.chain == [OUTLET, "Yonhap", "diplomatic sources"]


def test_according_to_an_agency_which_cited_sources(nlp):
    """"according to X, which cited Y": Y is the speaker, through X."""
    s = said(nlp, "The envoy carried a letter, according to Yonhap, which cited diplomatic sources in Beijing.",
             "letter")
    assert s.speaker.name == "diplomatic sources in Beijing"
    assert s.chain == [OUTLET, "Yonhap", "diplomatic sources in Beijing"]


def test_sources_quoted_by_an_agency_said(nlp):
    """"the sources quoted by X said": the participle names the relay."""
    s = said(nlp, "The sources quoted by Yonhap said the letter proposed a liaison office.", "letter")
    assert s.chain == [OUTLET, "Yonhap", "The sources"]


def test_agency_citing_sources_said(nlp):
    """"X, citing Y, said": Y speaks through X."""
    s = said(nlp, "Yonhap, citing diplomatic sources, said the letter proposed a liaison office.", "letter")
    assert s.chain == [OUTLET, "Yonhap", "diplomatic sources"]


def test_agentless_passive_takes_the_relay_of_the_sources_named_before(nlp):
    """The demo's third sentence: "The sources were quoted as saying" names no relay and no sources of its own;
    it is a statement of the sources introduced before, through the agency that cited them."""
    text = ("Norland offered a liaison office, Yonhap News Agency reported Thursday. "
            "Yonhap, citing diplomatic sources in Beijing, said the offer was made in a letter. "
            "The sources were quoted as saying that Veskaria had not yet replied.")
    s = said(nlp, text, "not yet replied")
    assert s.speaker.name == "diplomatic sources in Beijing"
    assert s.cue == "saying"
    assert s.chain == [OUTLET, "Yonhap", "diplomatic sources in Beijing"]


def test_agentless_passive_with_new_sources_takes_the_agency_last_met(nlp):
    """Sources met for the first time in an agentless passive were quoted by the agency the article last cited."""
    text = ("Norland offered a liaison office, Yonhap reported Thursday. "
            "Officials in Korvask were quoted as saying that the letter had arrived.")
    s = said(nlp, text, "letter had arrived")
    assert s.chain == [OUTLET, "Yonhap", "Officials in Korvask"]


def test_sources_who_told_the_agency_stay_the_agencys(nlp):
    """"diplomatic sources told Yonhap": the agency is the relay, and a later "the sources said" or "they said"
    goes through it too."""
    text = ("Diplomatic sources told Yonhap that the envoy had carried a letter. "
            "The sources said the letter proposed a liaison office. "
            "They said Veskaria had not replied.")
    found = statements(nlp, text)
    assert [s.chain for s in found] == [[OUTLET, "Yonhap", "Diplomatic sources"]] * 3


def test_told_reporters_is_no_relay(nlp):
    """Words told to reporters, a crowd or a committee were not passed on by anyone."""
    assert said(nlp, "Ellery told reporters that no proposal had been made.", "proposal").chain == [OUTLET, "Ellery"]
    assert said(nlp, "Ellery told the committee that no proposal had been made.", "proposal").chain == [
        OUTLET, "Ellery"]


def test_told_a_news_conference_is_no_relay_but_a_papers_reporter_is(nlp):
    """"a news conference" is an occasion despite its "news"; "a Politico reporter" and "CNN's Jake Tapper" took
    the words for their organisation; someone else's aides did not."""
    s = said(nlp, "Ellery told a news conference that no proposal had been made.", "proposal")
    assert s.chain == [OUTLET, "Ellery"]
    s = said(nlp, "Ellery told a Politico reporter that no proposal had been made.", "proposal")
    assert s.chain == [OUTLET, "Politico", "Ellery"]
    s = said(nlp, "Ellery told CNN's Jake Tapper that no proposal had been made.", "proposal")
    assert s.chain == [OUTLET, "CNN", "Ellery"]
    s = said(nlp, "Ellery told Brandt's aides that no proposal had been made.", "proposal")
    assert s.chain == [OUTLET, "Ellery"]


def test_he_said_goes_on_with_the_interview_only_nearby_and_only_in_speech(nlp):
    """"He said" right after "X told the Post" is more of the interview; far later, or "he believes", is not."""
    told = "Nathan Ellery told the Meridian Post that no proposal had been made. "
    near = said(nlp, told + "He said the letter restated old positions.", "restated")
    assert near.chain == [OUTLET, "the Meridian Post", "Nathan Ellery"]
    far = said(nlp, told + "The letter was delivered on Dec. 9. The envoy stayed three days. Talks have been frozen "
               "since 2006. Veskaria's harvest failed. At a briefing on Monday, he said the letter restated old "
               "positions.", "restated")
    assert far.speaker.name == "Nathan Ellery" and far.chain == [OUTLET, "Nathan Ellery"]
    belief = said(nlp, told + "He believes the letter restated old positions.", "restated")
    assert belief.speaker.name == "Nathan Ellery" and belief.chain == [OUTLET, "Nathan Ellery"]


def test_interview_with_a_newspaper_is_a_relay(nlp):
    """"said in an interview with the Meridian Post": the newspaper passed the words on."""
    s = said(nlp, "Ellery said in an interview with the Meridian Post that no proposal had been made.", "proposal")
    assert s.chain == [OUTLET, "the Meridian Post", "Ellery"]


def test_named_speaker_later_speaks_for_himself(nlp):
    """A person named again by name is not assumed to speak through the paper he once told something to."""
    text = ("Ellery told the Meridian Post that no proposal had been made. "
            "At a rally on Friday, Ellery said the talks would go ahead.")
    assert [s.chain for s in statements(nlp, text)] == [[OUTLET, "the Meridian Post", "Ellery"], [OUTLET, "Ellery"]]


def test_the_newspaper_said_resolves_to_the_paper_named_before(nlp):
    """"The newspaper said" is the newspaper the article named, not a speaker called "The newspaper"."""
    text = ("The Meridian Post reported that Arendt had proposed an office. "
            "The newspaper said the letter was delivered in Korvask.")
    s = said(nlp, text, "delivered")
    assert s.speaker.name == "The Meridian Post"
    assert s.chain == [OUTLET, "The Meridian Post"]


@pytest.mark.parametrize("first", [
    "Yonhap News Agency reported that Arendt had proposed an office. ",
    "Diplomatic sources told Yonhap News Agency that Arendt had proposed an office. ",
])
def test_the_agency_said_is_the_agency_named_before(nlp, first):
    """"The agency said" is the agency the article named, whether it spoke or relayed its sources first."""
    s = said(nlp, first + "The agency said the letter was delivered in Korvask.", "delivered")
    assert s.speaker.name == "Yonhap News Agency"
    assert s.chain == [OUTLET, "Yonhap News Agency"]


def test_a_report_that_quoted_sources_is_its_publishers(nlp):
    """Responding to a report is no relay; the report's sources speak through its publisher, not "a report"."""
    text = ("Ellery was responding to a Yonhap news agency report that quoted diplomatic sources in Beijing "
            "as saying Arendt had proposed liaison offices.")
    found = statements(nlp, text, outlet="Associated Press")
    sources = [s for s in found if s.speaker.name == "diplomatic sources in Beijing"]
    assert [s.chain for s in sources] == [["Associated Press", "Yonhap news agency", "diplomatic sources in Beijing"]]
    assert all("report" not in name for s in found for name in s.chain)


def test_agency_story_does_not_repeat_the_agency(nlp):
    """In Yonhap's own story, "sources told Yonhap" ends at Yonhap's sources; "told the AP" in an AP story too."""
    s = said(nlp, "Diplomatic sources told Yonhap that the envoy had carried a letter.", "envoy", outlet="Yonhap")
    assert s.chain == ["Yonhap", "Diplomatic sources"]
    s = said(nlp, "Brandt told The Associated Press that she had not been briefed.", "briefed", outlet="AP")
    assert s.chain == ["AP", "Brandt"]


@pytest.mark.parametrize(("a", "b", "same"), [
    ("AP", "The Associated Press", True),
    ("the Post", "The Washington Post", True),
    ("Yonhap", "Yonhap News Agency", True),
    ("Kim", "Kim Jong Un", False),
    ("Reuters", "Yonhap", False),
])
def test_same_name(a, b, same):
    """Shortened names of one news organisation are one link of a chain; different names are not."""
    assert same_name(a, b) is same


def test_press_names():
    """News organisations by their names; a bare "the newspaper" or a person is none."""
    assert is_press_name("The Post and Courier newspaper") and is_press_name("Fox News") and is_press_name("Yonhap")
    assert not is_press_name("the newspaper") and not is_press_name("Nathan Ellery")
