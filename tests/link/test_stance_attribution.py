"""Stance features from analyzed statements: a denial about the claim, where it stands, and how the claim is put."""

from __future__ import annotations

import numpy as np
import pytest

from storytrace.analyze.attribution import UNNAMED
from storytrace.link.stance_attribution import FEATURE_NAMES, attribution_features, sentence_index
from storytrace.link.stance_features import FeatureSpace, split_sentences
from storytrace.model import Speaker, Statement

BODY = ("The report that the mayor of Springfield resigned is false. The city council met on Tuesday. "
        "\"He is at his desk,\" a city spokesman said.")
SPACE = FeatureSpace({}, 1.0, np.zeros(384, np.float32), np.zeros((16, 384), np.float32))


def _statement(text: str, speaker: str, polarity: str) -> Statement:
    start = BODY.index(text)
    return Statement(text=text, start=start, end=start + len(text), direct=False, speaker=Speaker(speaker), cue="said",
                     polarity=polarity)


STATEMENTS = [_statement("The report that the mayor of Springfield resigned", UNNAMED, "denies"),
              _statement("He is at his desk", "a city spokesman", "asserts")]


def _features(claim: str) -> dict[str, float]:
    sentences = split_sentences(BODY)
    sims = np.array([0.9, 0.1, 0.4])  # the first sentence is the one closest to the claim
    row = attribution_features(claim, STATEMENTS, sentence_index(BODY, sentences), sims, SPACE)
    assert row.shape == (len(FEATURE_NAMES),)
    return dict(zip(FEATURE_NAMES, row.tolist()))


def test_sentences_are_found_where_they_start():
    assert sentence_index(BODY, split_sentences(BODY)) == [0, BODY.index("The city"), BODY.index("\"He")]


def test_a_writer_denial_about_a_plain_claim():
    """The writer refutes what the claim says, in the lead and in the sentence closest to it."""
    f = _features("Mayor of Springfield resigned")
    assert f["writer_denials"] == f["writer_denials_about"] == 1.0
    assert f["deny_best_overlap"] == pytest.approx(1.0) and f["deny_best_sim"] == pytest.approx(0.9)
    assert f["closest_denies"] == 1.0 and f["deny_lead"] == f["deny_closest"] == 1.0
    assert f["plain_x_deny"] > 0.0 and f["rejects_x_deny"] == 0.0


def test_the_same_denial_under_a_claim_that_calls_the_report_a_hoax():
    """"The resignation report is a hoax" with a debunking body agrees: the interaction features tell it apart."""
    f = _features("Springfield mayor resigned report is a hoax")
    assert f["claim_rejects"] == 1.0 and f["rejects_x_deny"] > 0.0 and f["plain_x_deny"] == 0.0


def test_no_statements_give_a_row_of_zeros():
    row = attribution_features("Mayor resigned", [], [0], np.array([0.5]), SPACE)
    assert row.shape == (len(FEATURE_NAMES),) and not row[:-7].any()
