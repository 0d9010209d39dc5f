"""A negation that affirms what follows it ("it would not surprise me if ...", "not just ... but ...") denies nothing,
while a plain negated restatement of another source's assertion still denies it. Hand-written texts."""

from __future__ import annotations

import pytest

from storytrace.link.claims import main_clause_negated
from storytrace.link.stage import link
from storytrace.settings import Settings
from tests.link.hand_made import one_statement_article


@pytest.mark.parametrize("text", [
    "it would not surprise me at all if the council opened a second ferry terminal in Orrin",
    "I don't doubt that the council will open a second ferry terminal in Orrin",
    "the ferry plan has been not just a failure, but a catastrophe",
    "it's not too early to say it, the ferry captain is a hero",
    "this is not the first time the council has opened a second ferry terminal in Orrin",
])
def test_a_negation_that_affirms_does_not_negate_the_clause(text):
    assert not main_clause_negated(text)


def test_a_plain_negation_still_negates_the_clause():
    assert main_clause_negated("the council will not open a second ferry terminal in Orrin")



@pytest.mark.parametrize("hedge, disputed", [
    ("it would not surprise me if the council opened a second ferry terminal in Orrin", False),
    ("the council will not open a second ferry terminal in Orrin", True),
])
def test_only_the_plain_negation_disputes_the_report(store, claim_models, hedge, disputed):
    report = one_statement_article("r", "Orrin Gazette", "the council will open a second ferry terminal in Orrin", "a councillor")
    reply = one_statement_article("w", "Harbour Wire", hedge, "a harbour watcher")
    for article in (report, reply):
        store.apply(link(article, [], store.link_context("S1"), Settings(), claim_models))
    assert bool(store.disputes()) is disputed
