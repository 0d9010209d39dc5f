"""Statements a journalist would sign: one fictional sentence for each error class found by reading PolNeAR dev
(deeds, bare objects, roles that are no roles, wrong speakers, nested speakers, fragments, advice, hedges)."""

from __future__ import annotations

from storytrace.analyze.attribution import extract_attributions


def statements(nlp, text: str) -> list[tuple[str, str, str]]:
    return [(a.statement.speaker.name, a.statement.cue, a.statement.text) for a in extract_attributions(nlp(text))]


def only(nlp, text: str):
    found = extract_attributions(nlp(text), outlet="The Gazette")
    assert len(found) == 1, [(a.statement.speaker.name, a.statement.text) for a in found]
    return found[0].statement


# --- deeds are not speech ----------------------------------------------------------------------


def test_a_vote_a_signature_and_a_release_are_deeds(nlp):
    """"voted for", "signed", "released" report what was done: no statement, no content "the levy"."""
    text = ("Councillor Mara Quill voted for the harbour levy on Tuesday. Governor Ted Olin signed the ferry bill. "
            "The senator released his tax returns.")
    assert statements(nlp, text) == []


def test_backing_a_side_and_championing_a_cause_are_deeds_but_backing_a_claim_says_it(nlp):
    """"backed opposing sides", "has championed equal pay" report support given; "backed the claim that ..."
    still says what was backed."""
    assert statements(nlp, "Senator Vale has championed equal pay for women for a decade. Two of the permanent "
                           "members have backed opposing sides in the war.") == []
    statement = only(nlp, "The union backed the claim that the port had broken the agreement.")
    assert statement.text == "the port had broken the agreement"


def test_refusing_to_act_is_no_refusal_to_speak(nlp):
    """"refused to keep his hands up" is a deed; "declined to comment" stays a refusal to speak."""
    assert statements(nlp, "The driver had refused to keep his hands on the wheel.") == []
    statement = only(nlp, "The harbour master declined to comment on the closure.")
    assert statement.polarity == "declines_comment"


def test_a_thing_that_shows_is_no_source(nlp):
    """"It shows an officer ...": an unresolved "it" that shows or finds is evidence, not someone speaking."""
    text = "A clip surfaced on Friday. It shows a guard waving a torch at the crowd."
    assert statements(nlp, text) == []


def test_a_verbless_fragment_has_no_speaker(nlp):
    """A heading the parser reads without a finite verb ("Ostrander avoids naming ...") names no speaker."""
    assert all(speaker != "Ostrander avoids" for speaker, _, _ in
               statements(nlp, "Ostrander avoids naming the Veskarian invasion of Lumen, including its blockade."))


# --- content is a clause, a quotation, or an object only where the cue takes one ----------------------


def test_a_bare_pronoun_object_is_no_content(nlp):
    """"I write this because ...": nothing said; "The ministry denied it" is still a denial."""
    assert statements(nlp, "Nonetheless, I write this because the harbour matters to me.") == []
    denial = [a.statement for a in extract_attributions(nlp("The ministry denied it."))]
    assert [(s.cue, s.text, s.polarity) for s in denial] == [("denied", "it", "denies")]


def test_describe_needs_what_it_was_described_as(nlp):
    """"described the plan" names a topic; "described the blast as an accident" says something."""
    assert statements(nlp, "Professor Lina Vos described the mayor's approach in terms of lowering costs.") == []
    statement = only(nlp, "Mayor Ona Brisk described the blast as an intentional act.")
    assert statement.text == "the blast as an intentional act"


def test_calling_a_meeting_is_a_deed_calling_it_a_disaster_is_not(nlp):
    """"called an emergency meeting" convenes; "called the plan a disaster" says something of the plan."""
    assert statements(nlp, "The council called an emergency meeting.") == []
    assert only(nlp, "Critics called the bridge plan a disaster.").text == "the bridge plan a disaster"


def test_rejecting_an_offer_is_a_deed_rejecting_a_report_is_a_denial(nlp):
    """"rejected the offer" turns something down; "rejected the report" and "dismissed it as a hoax" deny."""
    assert statements(nlp, "The union rejected the ferry company's offer.") == []
    rejected = only(nlp, "The union rejected the report.")
    assert (rejected.polarity, rejected.text) == ("denies", "the report")
    assert only(nlp, "Viewers dismissed it as a hoax.").polarity == "denies"


# --- roles are roles ----------------------------------------------------------------------------------


def test_an_age_is_not_a_role(nlp):
    """"Hanna Vell, 59, of Ashby, said": 59 is her age, no role."""
    statement = only(nlp, "Hanna Vell, 59, of Ashby, said the ferry was always late.")
    assert (statement.speaker.name, statement.speaker.role) == ("Hanna Vell", None)


def test_a_time_stamp_is_not_a_role(nlp):
    """A live blog's "11:05 a.m." over a paragraph is no title of the speaker."""
    statement = only(nlp, "11:05 a.m.\n\nRoland Pike is telling a veterans group that the fleet is depleted.")
    assert statement.speaker.role is None and "11:05" not in statement.speaker.name


def test_a_role_noun_with_a_name_behind_a_preposition_speaks_itself(nlp):
    """"A spokeswoman for Ona Brisk says ...": the spokeswoman speaks, not Brisk."""
    statement = only(nlp, "A spokeswoman for Ona Brisk says neither the mayor nor her staff helped the developer.")
    assert statement.speaker.name == "A spokeswoman for Ona Brisk"


def test_a_proper_name_keeps_its_apposition_as_role(nlp):
    """"Rendle, a Brisk surrogate, said": Rendle is the name even when the tagger misses him as a person."""
    statement = only(nlp, "Rendle, a Brisk surrogate, said he had survived three winters of campaigning.")
    assert statement.speaker.name == "Rendle"


# --- the right speaker -------------------------------------------------------------------------------


def test_a_surname_is_one_person_not_a_pair(nlp):
    """After "Pike and Brisk traded jabs", "Brisk said" is Ona Brisk, not the pair."""
    text = ("Pike and Brisk point out each other's failings at the forum. Mayor Ona Brisk spoke first. "
            '"I have taken responsibility for my decision," Brisk said.')
    quote = [s for s in extract_attributions(nlp(text)) if s.statement.direct][0].statement
    assert quote.speaker.name == "Ona Brisk"


def test_he_is_the_speaker_not_someone_he_talked_about(nlp):
    """"Fenwick said he expects Brisk to recover. ... he said": he is Fenwick, not Brisk named in his words."""
    text = ("Dale Fenwick said he expects Ona Brisk to fully recover from her illness. "
            '"It is something you would be a fool not to prepare for," he said.')
    quote = [a.statement for a in extract_attributions(nlp(text)) if a.statement.direct][0]
    assert quote.speaker.name == "Dale Fenwick"


# --- nested speakers kept ----------------------------------------------------------------------------


def test_words_recalled_by_another_are_the_first_speakers(nlp):
    """"Brisk recalled the governor saying ...": the governor's words, Brisk second in the chain; no content
    "the governor" for "recalled"."""
    found = extract_attributions(nlp('Ona Brisk recalled the governor saying "We will pay for every bolt."'),
                                 outlet="The Gazette")
    assert [(a.statement.speaker.name, a.statement.chain) for a in found] == [
        ("the governor", ["The Gazette", "Ona Brisk", "the governor"])]


def test_a_statement_inside_another_keeps_its_reporter_in_the_chain(nlp):
    """"Brisk said the governor had promised to fund it": the promise is the governor's, told by Brisk."""
    found = extract_attributions(nlp("Ona Brisk said the governor had promised to fund the repairs."),
                                 outlet="The Gazette")
    chains = {a.statement.speaker.name: a.statement.chain for a in found}
    assert chains["the governor"] == ["The Gazette", "Ona Brisk", "the governor"]
    assert chains["Ona Brisk"] == ["The Gazette", "Ona Brisk"]


# --- fragments, page layout and advice ----------------------------------------------------------------


def test_a_quote_inside_what_was_said_is_not_a_statement_of_the_next_verb(nlp):
    """"said they want "justice for Terrell," but pledged ...": the quote belongs to "said", not to "pledged"."""
    found = statements(nlp, 'Marchers said they want "justice for Terrell," but pledged to remain calm.')
    assert ("Marchers", "said", "they want \u201cjustice for Terrell".replace("\u201c", '"')) in found or any(
        cue == "said" and text.startswith("they want") for _, cue, text in found)
    assert not any(cue == "pledged" and "justice" in text for _, cue, text in found)


def test_a_quotation_signed_with_a_dash(nlp):
    """A paragraph that is one quotation and a dash with a name is that person's statement."""
    text = "Readers wrote in.\n\n\u201cThe ferry fare is a scandal. Nobody can pay it.\u201d \u2015 Ines Marlow\n"
    statement = only(nlp, text)
    assert (statement.speaker.name, statement.text) == ("Ines Marlow", "The ferry fare is a scandal. Nobody can pay it.")


def test_a_colon_introduces_the_next_paragraph(nlp):
    """"Pike added:" at a paragraph's end gives him the paragraph after it, quoted or not."""
    found = statements(nlp, "Roland Pike added:\n\nAnd from a supposed front-runner, this reeks of fear.\n")
    assert found == [("Roland Pike", "added", "And from a supposed front-runner, this reeks of fear.")]
    quoted = statements(nlp, 'Roland Pike said:\n\n"We have a harbour where nobody fishes. The nets rot."\n')
    assert quoted == [("Roland Pike", "said", "We have a harbour where nobody fishes. The nets rot.")]


def test_according_to_at_the_end_is_not_part_of_the_content(nlp):
    """"..., according to the journal." after a dash: the attribution is cut off the content."""
    statement = only(nlp, "And half of his advice is unproven \u2014 according to the leading medical journal.\n\n"
                          "Others agreed.")
    assert statement.text == "And half of his advice is unproven"


def test_advice_to_someone_is_not_their_statement(nlp):
    """"The campaign would do well to target voters, emphasizing ...": the writer's advice, nothing said."""
    text = "The Brisk campaign would do well to target harbour voters, emphasizing the threat a Pike victory poses."
    assert statements(nlp, text) == []


def test_a_finding_that_may_be_is_not_made(nlp):
    """"The endorsements may highlight ...": a possible reading, not a statement."""
    assert statements(nlp, "But the endorsements may highlight more than the editors' disdain for Pike.") == []


# --- polarity -----------------------------------------------------------------------------------------


def test_a_hedge_about_other_people_does_not_hedge_the_claim(nlp):
    """"a process for those who might seek the post" hedges those people, not Fenwick's argument."""
    statement = only(nlp, "Dale Fenwick argued that the party would be wise to set up a process for those who "
                          "might seek to be her successor.")
    assert statement.polarity == "asserts"
    hedged = only(nlp, "Dale Fenwick said the council could be on a knife's edge.")
    assert hedged.polarity == "speculates"


# --- found on a second, fresh sample --------------------------------------------------------------------


def test_a_hedge_inside_someones_words_is_theirs(nlp):
    """"Brisk said she is glad Pike appeared to be better": "appeared" is part of Brisk's words, not the outlet's."""
    found = extract_attributions(nlp("Ona Brisk said she is glad Roland Pike appeared to be feeling better."),
                                 outlet="The Gazette")
    assert [(a.statement.speaker.name, a.statement.cue) for a in found] == [("Ona Brisk", "said")]


def test_a_free_relative_is_no_statement(nlp):
    """"what the councillors said was gerrymandering", "What Pike considers 'smart'": a thing named, not said."""
    assert statements(nlp, "The map amounts to what the councillors said was gerrymandering.") == []
    assert statements(nlp, "What Mr. Pike considers 'smart' might be seen by others as evasive.") == []


def test_a_pledge_under_if_is_not_made(nlp):
    """"if the islanders pledged to cap their catch": a condition, not a pledge."""
    assert statements(nlp, "The deal holds only if the islanders pledged to cap their catch.") == []


def test_an_account_or_a_speech_speaks_for_its_author(nlp):
    """"according to a speech Brisk delivered": Brisk is the speaker, not "a speech"."""
    statement = only(nlp, "Ona Brisk spoke at the harbour. The levy is not a tax, according to a speech Brisk "
                          "delivered on Friday.")
    assert statement.speaker.name.endswith("Brisk") and statement.text == "The levy is not a tax"


def test_a_possessive_affiliation_is_the_role(nlp):
    """"NBC's Dana Chin noted": the role is NBC, not "NBC's"."""
    statement = only(nlp, "NBC's Dana Chin noted that debates rarely change a race.")
    assert (statement.speaker.name, statement.speaker.role) == ("Dana Chin", "NBC")


def test_cited_as_keeps_what_it_was_cited_as(nlp):
    """"cited the audit as the reason he ...": the content is all of it, not "the audit"."""
    statement = only(nlp, "Mr. Pike has repeatedly cited the audit as the reason he is not releasing his returns.")
    assert statement.text == "the audit as the reason he is not releasing his returns"


def test_an_announced_plan_keeps_what_was_planned(nlp):
    """"announced plans this week to give $15 million": the plan is the content, not the bare word "plans"."""
    statement = only(nlp, "Steyer announced plans this week to give an additional 15 million dollars to the group.")
    assert statement.text.startswith("plans") and "to give an additional 15 million dollars" in statement.text
