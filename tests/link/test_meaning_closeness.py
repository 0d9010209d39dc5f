"""A denial and an assertion that say one thing in different words are close enough to be in dispute: by their
sentence vectors (MiniLM), not only their shared words."""

from __future__ import annotations

import numpy as np
import pytest

from storytrace.link.claims import SAME_MEANING, _closeness, load_claim_models
from storytrace.model import Speaker, Statement
from storytrace.settings import Settings

DENIAL = Statement(text="the crater was made by a piece of the passing asteroid", start=0, end=55, direct=False,
                   speaker=Speaker("the observatory"), cue="denied", polarity="denies", id="w:0", article_id="w")
ASSERTION = Statement(text="the blast near the airport is linked with the asteroid that flew by on Sunday", start=0,
                      end=77, direct=False, speaker=Speaker("a geologist"), cue="said", id="p:0", article_id="p")


def _embed(cosine):
    """Sentence vectors by hand: the denial and the assertion at the given cosine."""
    def embed(texts):
        angle = np.arccos(cosine)
        return np.array([[1.0, 0.0] if t == DENIAL.text else [np.cos(angle), np.sin(angle)] for t in texts])
    return embed


@pytest.mark.parametrize("cosine, close", [(0.9, True), (0.6, False)])
def test_a_denial_is_close_to_an_assertion_of_the_same_meaning_in_other_words(cosine, close):
    models = load_claim_models(_embed(cosine))
    assert _closeness([DENIAL, ASSERTION], models, Settings())(DENIAL, ASSERTION) is close
    assert (cosine >= SAME_MEANING) is close
