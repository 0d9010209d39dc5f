"""Dispute rules on hand-built statements, no model and no store: what can and cannot be a conflict."""

from __future__ import annotations

from dataclasses import replace

from storytrace.link.disputes import CONFIDENCE, READ_REAL, find_disputes, trust
from storytrace.model import DISPUTE_RULES, Claim, Dispute, DisputeEvidence, Reporter, Speaker, Statement


def _said(text, speaker, polarity="asserts", article="a1", start=0, direct=False, chain=None):
    return Statement(text=text, start=start, end=start + len(text), direct=direct, speaker=Speaker(speaker),
                     cue="denied" if polarity == "denies" else "said", polarity=polarity,
                     chain=chain or [speaker], id=f"{article}:{start}", article_id=article, cue_start=start + len(text) + 2,
                     cue_end=start + len(text) + 8)


CLAIM = Claim("C1", "S1", "", [])


def test_a_denial_against_another_sources_report_is_a_dispute():
    """The baseline the other rules narrow: a ministry denies what a newspaper's sources say."""
    report = _said("the ministry will sell the northern rail line", "officials", article="paper", chain=["Daily", "officials"])
    denial = _said("the ministry will sell the northern rail line", "the ministry", "denies", article="wire")
    [dispute] = find_disputes(CLAIM, [report, denial], {})
    assert dispute.kind == "denial" and dispute.statement_ids[:2] == [denial.id, report.id]


def test_two_fragments_of_one_sentence_are_never_in_dispute():
    """Overlapping spans of one article under one cue are one sentence read twice, not two sides."""
    whole = _said("the northern line will be sold to a freight company in May", "the ministry", "denies", start=100)
    part = _said("the northern line will be sold to a freight company", "officials", start=104)
    part.cue_start, part.cue_end = whole.cue_start, whole.cue_end  # one cue read twice
    assert find_disputes(CLAIM, [whole, part], {}) == []


def test_the_same_quotation_reported_twice_is_not_in_dispute_with_itself():
    """One quote carried by two outlets, its cue read differently and its speaker named differently, is one utterance."""
    first = _said("The rail line will be sold to Harlow Freight, and soon", "Ana Reyes", "denies", article="x",
                  direct=True)
    second = _said("The rail line will be sold to Harlow Freight", "the transport spokeswoman", article="y",
                   direct=True)
    assert find_disputes(CLAIM, [first, second], {}) == []


def test_figures_inside_anothers_range_are_no_contradiction():
    """'At least 50 doctors' and 'between 50 and 60 doctors' both hold; '70 doctors' cannot hold with the range."""
    bound = _said("at least 50 doctors signed the letter to the minister", "the union", article="x")
    ranged = _said("between 50 and 60 doctors signed the letter to the minister", "the hospital", article="y")
    assert find_disputes(CLAIM, [bound, ranged], {}) == []
    rival = _said("70 doctors signed the letter to the minister", "a doctor", article="z")
    assert [d.kind for d in find_disputes(CLAIM, [ranged, rival], {})] == ["contradiction"]


def test_a_report_named_in_its_denial_is_disputed_where_others_tell_it():
    """'The ministry denied a report by the Daily that ...': not set against its own clause, but against the
    Daily's own telling in another article."""
    denial = _said("a report by the Daily that the northern line will be sold in May", "the ministry", "denies",
                   start=0)
    nested = _said("the northern line will be sold in May", "the Daily", start=29)
    nested.cue_start, nested.cue_end = 12, 21  # "the Daily", inside the ministry's words
    assert find_disputes(CLAIM, [denial, nested], {}) == []
    told = _said("the northern line will be sold in May", "the Daily", article="daily")
    [dispute] = find_disputes(CLAIM, [denial, nested, told], {})
    assert dispute.statement_ids[:2] == [denial.id, told.id]


def test_what_a_speaker_did_not_say_is_neither_side():
    """'I am not saying the line will be sold' neither asserts nor denies that it will."""
    unsaid = _said("the northern line will not be sold", "an analyst", "denies", article="x")
    unsaid.cue = "am not saying"
    report = _said("the northern line will be sold", "officials", article="y")
    assert find_disputes(CLAIM, [unsaid, report], {}) == []


def test_a_name_with_its_title_is_the_same_source():
    """'Screenwriter Ana Reyes' and 'Ana Reyes' are one speaker: her own statements are no dispute."""
    denial = _said("the rail line will be sold to Harlow Freight", "Screenwriter Ana Reyes", "denies", article="x")
    claim = _said("the rail line will be sold to Harlow Freight", "Ana Reyes", article="y")
    assert find_disputes(CLAIM, [denial, claim], {}) == []


def test_questions_and_negative_forms_that_affirm_are_no_denial():
    """A question asserts nothing; 'I have no doubt that ...' affirms; 'nowhere near' is a denial's side."""
    question = _said("will the northern line be sold?", "a reporter", article="x")
    sure = _said("I have no doubt the northern line will be sold", "a clerk", article="y", direct=True)
    denial = _said("the northern line will be sold", "the ministry", "denies", article="z")
    [dispute] = find_disputes(CLAIM, [question, sure, denial], {})
    assert dispute.statement_ids[:2] == [denial.id, sure.id]
    elsewhere = _said("the ministry was nowhere near a sale of the northern line", "officials", article="w")
    assert find_disputes(CLAIM, [elsewhere, denial], {}) == []


def test_one_person_under_two_names_does_not_dispute_himself():
    """'Pope Benedict' and 'Benedict XVI' share a name: his two wordings are no dispute; two council people are two."""
    said = _said("only humans are called to eternity in the church's teaching", "Pope Benedict", article="x")
    unsaid = _said("only humans are called to eternity in the church's teaching", "Benedict XVI", "denies", article="y")
    assert find_disputes(CLAIM, [said, unsaid], {}) == []
    member = _said("the council will close the pier", "two council members", article="x")
    spokeswoman = _said("the council will close the pier", "a council spokeswoman", "denies", article="y")
    assert len(find_disputes(CLAIM, [member, spokeswoman], {})) == 1


def test_what_nobody_said_and_bare_infinitives_are_neither_side():
    """'No one reported the sale' says nobody said it; 'claiming to be the buyer' leaves out who claims what."""
    nobody = _said("the northern line will be sold in May", "no one", article="x")
    infinitive = _said("to be the buyer of the northern line in May", "a freight firm", article="w")
    denial = _said("the northern line will be sold in May", "the ministry", "denies", article="y")
    assert find_disputes(CLAIM, [nobody, infinitive, denial], {}) == []


def test_each_denial_says_why_it_is_one_and_who_else_reports_it():
    """A cue, the words, or the stance model: the explanation names the evidence, and the outlets that re-report it."""
    report = _said("the ministry will sell the northern rail line", "officials", article="paper", chain=["Daily", "officials"])
    cue = _said("the ministry will sell the northern rail line", "the ministry", "denies", article="wire")
    echo = _said("the ministry will sell the northern rail line", "the ministry", "denies", article="radio")
    [dispute] = find_disputes(CLAIM, [report, cue, echo], {"radio": "Harbour Radio", "wire": "Harbour Wire"})
    assert "Why a denial: its cue “denied”" in dispute.explanation and "(Harbour Radio)" in dispute.explanation
    flipped = _said("the ministry will not sell the northern rail line", "the ministry", article="wire")
    [dispute] = find_disputes(CLAIM, [report, flipped], {}, stance={flipped.id: "denies"})
    assert "stance model" in dispute.explanation


def test_each_dispute_carries_its_rule_confidence_cues_and_reporting_articles():
    """The rule that raised a dispute sets its confidence (how often a reader found such disputes real); the
    evidence names each side's cue and, for a stance-model reading, its probability; every article reporting the
    denial is listed with its outlet, the first side's article first."""
    report = _said("the ministry will sell the northern rail line", "officials", article="paper")
    cue = _said("the ministry will sell the northern rail line", "the ministry", "denies", article="wire")
    echo = _said("the ministry will sell the northern rail line", "the ministry", "denies", article="radio")
    [dispute] = find_disputes(CLAIM, [report, cue, echo], {"radio": "Harbour Radio", "paper": "Daily"})
    assert dispute.evidence == DisputeEvidence("cue", ["denied", "said"]) and dispute.confidence == CONFIDENCE["cue"]
    assert dispute.reported_by == [Reporter("wire", None), Reporter("radio", "Harbour Radio")]
    worded = replace(cue, cue="said")  # a denial by its words: the cue itself denies nothing
    [dispute] = find_disputes(CLAIM, [report, worded], {})
    assert dispute.evidence.rule == "words" and dispute.confidence == CONFIDENCE["words"]
    flipped = _said("the ministry will not sell the northern rail line", "the ministry", article="wire")
    [dispute] = find_disputes(CLAIM, [report, flipped], {}, stance={flipped.id: "denies"}, against={flipped.id: 0.8})
    assert dispute.evidence == DisputeEvidence("stance", ["said", "said"], 0.8)
    assert dispute.confidence == CONFIDENCE["stance"] < CONFIDENCE["cue"]
    ranged = _said("between 50 and 60 doctors signed the letter to the minister", "the hospital", article="y")
    rival = _said("70 doctors signed the letter to the minister", "a doctor", article="z")
    [dispute] = find_disputes(CLAIM, [ranged, rival], {})
    assert dispute.evidence.rule == "figures" and dispute.reported_by == []
    assert dispute.confidence == CONFIDENCE["figures"] < CONFIDENCE["stance"]


def test_how_far_to_trust_a_dispute_is_told_in_words():
    """The reader sees the confidence with the rule behind it (the cue, the model's probability), and a dispute
    stored before confidence was recorded says so instead of showing a made-up one."""
    report = _said("the ministry will sell the northern rail line", "officials", article="paper")
    cue = _said("the ministry will sell the northern rail line", "the ministry", "denies", article="wire")
    [dispute] = find_disputes(CLAIM, [report, cue], {})
    assert trust(dispute) == (f"confidence {CONFIDENCE['cue']:.2f} (how often such disputes were read as real): "
                              "a denial by its cue “denied”")
    flipped = _said("the ministry will not sell the northern rail line", "the ministry", article="wire")
    [dispute] = find_disputes(CLAIM, [report, flipped], {}, stance={flipped.id: "denies"}, against={flipped.id: 0.8})
    assert trust(dispute).endswith("a denial only the stance model read, the model's probability 0.80")
    assert "not recorded" in trust(Dispute("D1", "C1", [report.id, cue.id], "denial", "stored long ago"))


def test_confidences_are_shares_read_real():
    """Each rule's confidence lies strictly between 0 and 1, at its share of disputes read real, pulled towards
    one half by the rule of succession."""
    assert set(CONFIDENCE) == set(DISPUTE_RULES)
    for rule, (real, read) in READ_REAL.items():
        share = real / read if read else 0.5  # a rule none has read yet: an even chance
        assert 0 < CONFIDENCE[rule] < 1 and abs(CONFIDENCE[rule] - 0.5) <= abs(share - 0.5)


def test_a_speaker_named_and_then_described_in_one_article_does_not_dispute_himself():
    """'Brian Voss, the Harbour TV anchor' and, a paragraph on, 'Harbour's lead anchor' are one man; another
    channel's anchor is someone else."""
    named = _said("the reporter had lost contact with the studio and was calling it", "Brian Voss", "denies",
                  start=0)
    named.speaker.role = "Harbour TV anchor"
    described = _said("the reporter had lost contact with the studio and was calling it", "Harbour's lead anchor",
                      start=300)
    assert find_disputes(CLAIM, [named, described], {}) == []
    rival = replace(described, speaker=Speaker("Coastline's lead anchor"), id="a1:600", start=600, end=660)
    assert [d.kind for d in find_disputes(CLAIM, [named, rival], {})] == ["denial"]


def test_a_denial_is_shown_first_against_the_assertion_clearly_nearest_it_in_meaning():
    """'The woman held is not his wife' is answered by 'the army detained his wife', not by the earlier 'tests show
    the child is his daughter'; a merely somewhat nearer paraphrase does not displace the first telling."""
    denial = _said("the woman held at the border is the wife of the rebel leader", "the ministry", "denies",
                   article="m")
    daughter = _said("tests show the child held at the border is the rebel leader's daughter", "the minister",
                     article="a")
    wife = _said("the army detained the wife of the rebel leader at the border", "security officials", article="b")
    meaning = {daughter.id: 0.69, wife.id: 0.88}
    [dispute] = find_disputes(CLAIM, [denial, daughter, wife], {}, similarity=lambda a, b: meaning[b.id])
    assert dispute.statement_ids[:2] == [denial.id, wife.id]
    meaning[wife.id] = 0.75
    [dispute] = find_disputes(CLAIM, [denial, daughter, wife], {}, similarity=lambda a, b: meaning[b.id])
    assert dispute.statement_ids[:2] == [denial.id, daughter.id]


def test_a_hedged_denial_in_words_alone_is_a_guess_not_a_denial():
    """'He claims it is real paint, but that may not be true' doubts; it denies nothing. With a denying cue the
    same words deny."""
    report = _said("the car was painted by vandals overnight", "the police", article="p")
    hedged = _said("the car was painted by vandals overnight but that may not be true", "a reporter", "denies",
                   article="r")
    hedged.cue = "claims"
    assert find_disputes(CLAIM, [report, hedged], {}) == []
    hedged.cue = "denied"
    assert [d.kind for d in find_disputes(CLAIM, [report, hedged], {})] == ["denial"]


def test_a_denial_answered_in_its_own_article_is_shown_against_another_outlet_saying_nearly_as_much():
    """The ministry's denial is set first against the paper's report, not its own article's near telling; a
    telling elsewhere that says much less does not replace the one it answers."""
    denial = _said("the rebel leader was killed in the strike", "the ministry", "denies", article="m", start=0)
    own = _said("three rebel commanders were killed in the strike", "a source", article="m", start=200)
    paper = _said("the rebel leader has reportedly been killed in a strike", "the Daily", article="p")
    meaning = {own.id: 0.71, paper.id: 0.65}
    [dispute] = find_disputes(CLAIM, [denial, own, paper], {}, similarity=lambda a, b: meaning[b.id])
    assert dispute.statement_ids[:2] == [denial.id, paper.id]
    meaning[paper.id] = 0.5
    [dispute] = find_disputes(CLAIM, [denial, own, paper], {}, similarity=lambda a, b: meaning[b.id])
    assert dispute.statement_ids[:2] == [denial.id, own.id]
