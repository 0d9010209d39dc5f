"""Rival figures contradict only when they are told of one subject that one statement names and the other names
too: a figure of "he", or of nobody named, may be anyone's. Hand-written texts."""

from __future__ import annotations

import pytest

from storytrace.link.stage import link
from storytrace.settings import Settings
from tests.link.hand_made import one_statement_article



@pytest.mark.parametrize("first, second, contradiction", [
    ("the Orrin ferry fare will rise to $12 in March", "the Orrin ferry fare will rise to $15 in March", True),
    ("he had almost $5 million in cash at the start of March",
     "the mayor had $1.3 million in cash at the start of March", False),
    ("among harbour workers alone, the mayor leads the governor 49 percent to 41 percent",
     "the mayor with a small lead over the governor, 46 percent to 44 percent, among likely voters", False),
])
def test_rival_figures_need_one_named_subject(store, claim_models, first, second, contradiction):
    for article in (one_statement_article("a", "Orrin Gazette", first, "a clerk"), one_statement_article("b", "Harbour Wire", second, "a poll")):
        store.apply(link(article, [], store.link_context("S1"), Settings(), claim_models))
    assert any(d.kind == "contradiction" for d in store.disputes()) is contradiction
