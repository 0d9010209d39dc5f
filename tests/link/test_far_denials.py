"""A denial far in words from what it denies (another outlet tells the same fact in its own words) still denies it
when both tell one thing of one subject: shared content words besides names, meaning alike, and the denied clause's
subject named in the assertion. A denial is never set against the assertion its own sentence names."""

from __future__ import annotations

from dataclasses import replace

import pytest

from storytrace.link.claims import FAR_MEANING, SAME_MEANING, _closeness, load_claim_models
from storytrace.link.disputes import find_disputes
from storytrace.link.propositions import subject_head, tells_of_subject
from storytrace.model import Claim
from storytrace.settings import Settings
from tests.link.hand_made import embed_at, said


def _said(text, speaker, article, polarity="asserts", start=0):
    return said(text, speaker, article, polarity, "denied" if polarity == "denies" else "said", start)


DENIAL = _said("port authorities were to blame for the thick oil slick fouling the northern beaches round the old quay",
               "the port", "wire", "denies")
# The same fact in other words: the subject (authorities) named, three words besides names shared.
ASSERTION = _said("witnesses say the authorities pumped oil from a tanker and the slick reached several beaches",
                  "a fisherman", "paper")
# Three words shared, but not the subject: the clean-up, not who spilt the oil.
ELSEWHERE = _said("volunteers were clearing the oil slick from the beaches while the port stayed shut", "a volunteer",
                  "blog")


def _embed(cosine):
    """Sentence vectors by hand: the denial at the given cosine to every other text."""
    return embed_at(DENIAL.text, cosine)


@pytest.mark.parametrize("text, head", [
    ("at least six smugglers have been caught crossing the river", "smuggler"),
    ("Ivo Lind ripped up a contract for the tour", "lind"),
    ("the harbour authorities were responsible for the oil", "authority"),
    ("there is no policy on the word", None),  # no subject to name
    ("it was never planned", None),  # a pronoun says nothing of what
    ("the mayor of the old port town by the northern sea sold the pier", None),  # no verb within reach
])
def test_the_subject_of_a_denied_clause(text, head):
    assert subject_head(text) == head


def test_the_subject_must_be_named_in_the_assertion():
    assert tells_of_subject(DENIAL.text, ASSERTION.text)
    assert not tells_of_subject(DENIAL.text, ELSEWHERE.text)


@pytest.mark.parametrize("cosine, close", [(0.6, True), (0.4, False)])
def test_a_denial_far_in_words_is_close_to_the_same_fact_of_its_subject(cosine, close):
    """Below SAME_MEANING, a denial meets an assertion of the same fact of its subject from FAR_MEANING on."""
    assert FAR_MEANING <= 0.6 < SAME_MEANING
    models = load_claim_models(_embed(cosine))
    assert _closeness([DENIAL, ASSERTION], models, Settings())(DENIAL, ASSERTION) is close


def test_shared_words_without_the_subject_are_not_enough():
    models = load_claim_models(_embed(0.6))
    assert not _closeness([DENIAL, ELSEWHERE], models, Settings())(DENIAL, ELSEWHERE)


def test_a_denial_is_not_set_against_the_assertion_its_own_sentence_names():
    """The port "denied the union's claim that X" (one sentence, the claim a fragment of it) and the port's denial
    told again elsewhere: the union's words in that sentence are no side of the dispute; another outlet's are."""
    sentence = "the port denied the union's claim that the harbour authorities were responsible for the oil"
    inside = replace(_said("the harbour authorities were responsible for the oil", "the union", "wire",
                           start=sentence.index("the harbour")), id="wire:union")
    denial = _said("the harbour authorities were responsible for the oil", "the port", "wire", "denies",
                   start=sentence.index("the harbour"))
    again = _said("its authorities were responsible for the oil", "the port", "radio", "denies")
    other = _said("the harbour authorities let the oil out", "a fisherman", "paper")
    [dispute] = find_disputes(Claim("C1", "S1", "", []), [denial, inside, again, other], {})
    assert inside.id not in dispute.statement_ids
    assert dispute.statement_ids[1] == other.id
