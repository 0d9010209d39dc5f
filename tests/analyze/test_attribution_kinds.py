"""Verbs that are no speech in the sentence they sit in: a wondering, a sympathy or a look at a thing, a relative
clause that says what kind of people, a deal made, a greeting that tells when; and a quote's speaker that a bad
parse put inside the quote."""

from __future__ import annotations

from storytrace.analyze.attribution import extract_attributions


def said(nlp, text: str) -> list[tuple[str, str, str]]:
    return [(a.statement.speaker.name, a.statement.cue, a.statement.text) for a in extract_attributions(nlp(text))]


def test_wondering_about_a_thing_or_looking_at_one_says_nothing(nlp):
    """"wondering about his stamina", "identified with the strikers", "looking out on the crowd": a topic or a thing,
    no words; "such as ..." gives examples of the thing, not a predicate on it."""
    text = ("The long recess had councillors wondering about his stamina. "
            "We identified with the strikers at the gate. "
            "The anger stayed but found other targets, such as the harbour board. "
            "The mayor waved, looking out on the crowd.")
    assert [cue for _, cue, _ in said(nlp, text)] == []


def test_wondering_whether_still_says(nlp):
    """A clause after the verb is what was wondered: kept."""
    found = said(nlp, "Councillor Brant wondered whether the levy would pass.")
    assert [text for _, _, text in found] == ["whether the levy would pass"]


def test_a_relative_clause_on_a_kind_of_people_is_no_statement(nlp):
    """"those who doubt the figures", "towns that oppose the tunnel": what kind of people or towns, said by none."""
    text = ("The mayor said those who doubt the figures insult the clerks. "
            "The tunnel would run under towns that oppose the tunnel plan.")
    assert [(speaker, text) for speaker, _, text in said(nlp, text)] == [
        ("The mayor", "those who doubt the figures insult the clerks")]


def test_consent_to_act_is_a_deal_not_a_view(nlp):
    """"agreed to repair the pier" is a deal made; "agreed that the pier was unsafe" holds a view."""
    found = said(nlp, "The ferry company agreed to repair the pier. The inspectors agreed that the pier was unsafe.")
    assert [(speaker, text) for speaker, _, text in found] == [("The inspectors", "the pier was unsafe")]


def test_as_he_welcomed_tells_when(nlp):
    """"As he welcomed the guests, ..." dates the main clause; nobody said the main clause."""
    found = said(nlp, "As the mayor welcomed, Ulrich Brant was launching his bid.")
    assert not any("launching" in text for _, _, text in found)


def test_as_a_speech_verb_still_reports(nlp):
    """"As the clerk noted, ..." still reports the main clause as the clerk's."""
    found = said(nlp, "As the clerk noted, the levy has never been collected.")
    assert [text for _, _, text in found] == ["the levy has never been collected"]


def test_a_quote_speaker_is_never_inside_the_quote(nlp):
    """`"... We will rebuild the pier," Harbour police Chief Tomas Vidal said`: a parse that gives the cue the
    quote's "We" as subject must not make the outlet the speaker; the name before the cue speaks."""
    text = ("The inquiry opened on Friday.\n"
            "“I make this promise to you: We will rebuild the pier this year,” Harbour police Chief Tomas Vidal said "
            "Monday.")
    found = extract_attributions(nlp(text), outlet="The Courier")
    assert [a.statement.speaker.name for a in found] == ["Tomas Vidal"]


def test_many_of_whom_speaks_for_the_noun_before(nlp):
    """"the ferry workers, many of whom say ...": the workers speak, not "many of whom"."""
    found = said(nlp, "The plan angered the ferry workers, many of whom say the board's promises are hollow.")
    assert [(speaker, text) for speaker, _, text in found] == [("the ferry workers", "the board's promises are hollow")]


def test_a_source_keeps_its_whole_name(nlp):
    """"Data from the 2019 Harbour Survey" names its survey though a year dates it; "the Alliance to Save Our Piers"
    is one name though the parser cuts it at "to"; "the union on Friday" still leaves the day out."""
    text = ("Data from the 2019 Harbour Survey show that ferries carried 4 million people. "
            "More than 2,000 people marched, according to the organizer Alliance to Save Our Piers. "
            "The union on Friday denied that it had called the strike.")
    assert [speaker for speaker, _, _ in said(nlp, text)] == [
        "Data from the 2019 Harbour Survey", "the organizer Alliance to Save Our Piers", "The union"]


def test_an_aside_after_the_verb_is_no_role(nlp):
    """"A union ... endorsed Brant on Thursday, another example of labor backing her": the aside is on the clause."""
    found = extract_attributions(nlp(
        "A union representing dock workers endorsed Ilse Brant for mayor on Thursday, another example of organized "
        "labor throwing its support behind the candidate."))
    assert [(a.statement.speaker.name, a.statement.speaker.role) for a in found] == [("A union", None)]


def test_a_quoted_phrase_inside_a_clause_is_no_later_verbs_quote(nlp):
    """`used the phrase "harbour tax" often, and criticized Brant for not doing so`: the quote is a phrase named
    by the first verb; the second verb criticizes Brant, it does not say "harbour tax"."""
    found = said(nlp, "Vidal has used the phrase “harbour tax” often in his campaign, and criticized Brant for not "
                      "doing so.")
    assert [text for _, _, text in found] == ["Brant for not doing so"]


def test_a_quality_or_an_event_is_no_source_of_evidence(nlp):
    """"his performance confirms where he stands", "the storm highlighted the gaps": a quality or an event shows
    nothing as a record does; "the video shows" and "a study found" still state findings."""
    text = ("Mr. Vidal's performance on the night confirms where he stands. The storm highlighted sharp differences "
            "between the towns. The video shows that the gate was open. A study found that ferries were late.")
    assert [(speaker, text) for speaker, _, text in said(nlp, text)] == [
        ("The video", "the gate was open"), ("A study", "ferries were late")]


def test_a_report_by_someone_speaks_for_its_maker(nlp):
    """"according to a new report by the Courier", "a poll by Harbour University found": the maker speaks."""
    text = ("According to a new report by the Courier, dock workers are trying to mobilize voters. "
            "A poll by Harbour University found that the mayor leads.")
    assert [speaker for speaker, _, _ in said(nlp, text)] == ["the Courier", "Harbour University"]


def test_a_title_used_alone_is_the_person_last_named_with_it(nlp):
    """"Democratic presidential nominee Maria Lopez ... The Democratic presidential nominee noted": Lopez."""
    text = ("Democratic presidential nominee Maria Lopez spoke in Ohio on Friday. The Democratic presidential nominee "
            "noted that her campaign has not spent much on ads.")
    assert [speaker for speaker, _, _ in said(nlp, text)] == ["Maria Lopez"]


def test_a_question_is_no_statement(nlp):
    """"But has he called for changing the rules?": the writer asks; the mayor said nothing. The answer after it is
    a statement."""
    found = said(nlp, "But has he called for changing any of the rules that benefit him? The mayor has said that "
                      "the pier is safe.")
    assert [(speaker, text) for speaker, _, text in found] == [("The mayor", "the pier is safe")]


def test_each_speaks_for_the_subject_it_distributes(nlp):
    """"Maria Lopez and Ana Ruiz vied for the post, each touting her record and saying the other lacks the
    judgment": the two speak, not "each"."""
    found = extract_attributions(nlp("Maria Lopez and Ana Ruiz vied for the post on Wednesday, each touting her own "
                                     "record and saying the other lacks the judgment to lead the city."))
    assert [a.statement.speaker.name for a in found] == ["Maria Lopez and Ana Ruiz"] * 2


def test_a_quotation_split_by_its_cue_is_one_statement(nlp):
    """`"That," he added, "promises to make life harder."`: one sentence, one statement (the cue inside it); a second
    quotation that opens a sentence of its own stays a statement of its own."""
    found = said(nlp, '"That," the mayor added, "promises to make life harder for the ferries." '
                      '"What we owe the dockers," she said, "is the truth." "We checked it twice."')
    assert [text for _, _, text in found] == [
        'That," the mayor added, "promises to make life harder for the ferries.',
        'What we owe the dockers," she said, "is the truth.', "We checked it twice."]
