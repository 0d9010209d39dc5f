"""Claims group statements of one proposition across articles; denials and conflicting facts become disputes."""

from __future__ import annotations


import numpy as np

from storytrace.link.claims import ClaimModels, claim_status, stances
from storytrace.link.stage import link
from storytrace.link.propositions import concrete_values, coverage, proposition_similarity, stems
from storytrace.model import Article, Speaker, Statement
from storytrace.settings import Settings


def _statement(text, speaker, polarity="asserts", chain=None, article_id="a1", n=1):
    return Statement(text=text, start=0, end=len(text), direct=False, speaker=Speaker(speaker), cue="said",
                     polarity=polarity, chain=chain or [speaker], id=f"{article_id}-{n}", article_id=article_id)


def _add(store, claim_models, article_id, outlet, *statements, story="S1", settings=None):
    article = Article(id=article_id, source=f"{article_id}.txt", text=" ".join(s.text for s in statements),
                      outlet=outlet, statements=list(statements), dateline=None, published=None)
    store.apply(link(article, [], store.link_context(story), settings or Settings(), claim_models))
    return article


def test_propositions_meet_across_wording_and_ignore_stance_words(claim_models):
    """Denial words are not content; a restated proposition is close, another one on the same topic is not."""
    assert stems("The White House denied it had proposed a liaison office") == {"white", "house", "propos",
                                                                                 "liaiso", "office"}
    claim, restated, other = claim_models.propositions.encode([
        "Obama proposed a liaison office in Pyongyang", "no such liaison office in Pyongyang was proposed",
        "bilateral talks in Pyongyang were imminent"])
    assert proposition_similarity(claim, restated) > 0.6 > 0.3 > proposition_similarity(claim, other)
    assert coverage(restated, claim) > 0.6 > coverage(other, claim)


def test_a_statement_without_words_neither_breaks_nor_joins_a_claim(store, claim_models):
    """A text that embeds to nothing must give a zero vector, not NaN: a NaN in a claim's running sum would
    stop every later statement from joining that claim."""
    empty, = claim_models.propositions.encode([""])
    assert np.isfinite(empty.vector).all() and not empty.vector.any()
    _add(store, claim_models, "a1", "Yonhap", _statement("Obama proposed a liaison office in Pyongyang", "Yonhap"))
    _add(store, claim_models, "a2", "Kyodo", _statement("...", "Kyodo", article_id="a2"))
    _add(store, claim_models, "a3", "AP", _statement("Obama proposed opening a liaison office in Pyongyang", "AP",
                                               article_id="a3"))
    claims = store.statement_claims(["a1-1", "a2-1", "a3-1"])
    assert claims["a1-1"] == claims["a3-1"] != claims.get("a2-1")


def test_denial_in_one_article_disputes_the_claim_asserted_in_another(store, claim_models):
    """The case storytrace exists for: an assertion via an agency, a denial by the spokesman."""
    _add(store, claim_models, "paper", "The Washington Times",
         _statement("President Obama proposed a liaison office in Pyongyang", "diplomatic sources in Beijing",
                    chain=["The Washington Times", "Yonhap", "diplomatic sources in Beijing"], article_id="paper"))
    _add(store, claim_models, "agency", "Yonhap",
         _statement("it had proposed a liaison office in Pyongyang", "the White House", "denies",
                    chain=["Yonhap", "the White House"], article_id="agency"))
    [claim] = [c for c in store.claims() if len(c.statement_ids) == 2]
    assert claim.status == "disputed"
    [dispute] = store.disputes()
    assert dispute.kind == "denial"
    assert dispute.statement_ids == ["agency-1", "paper-1"]
    assert "the White House" in dispute.explanation and "Yonhap → diplomatic sources" in dispute.explanation


def test_same_agency_repeated_is_one_source_and_unrelated_denial_is_no_dispute(store, claim_models):
    """Two papers quoting one agency's source are not corroboration; a denial of something else is no dispute."""
    for n, outlet in enumerate(["Paper A", "Paper B"]):
        _add(store, claim_models, f"p{n}", outlet,
             _statement("the ministry will cut fuel subsidies by 20 percent next year", "officials",
                        chain=[outlet, "Yonhap", "officials"], article_id=f"p{n}"))
    _add(store, claim_models, "d", "Paper C", _statement("the minister plans to resign", "the ministry", "denies", article_id="d"))
    grouped = [c for c in store.claims() if len(c.statement_ids) > 1]
    assert [c.status for c in grouped] == ["single_source"]
    assert store.disputes() == []


def test_conflicting_dates_in_one_claim_are_a_contradiction(store, claim_models):
    """Two outlets giving different dates for the same talks are flagged, with both values explained."""
    _add(store, claim_models, "x", "Outlet X", _statement("the bilateral talks will be held in Geneva on Jan. 5", "a diplomat",
                                            article_id="x"))
    _add(store, claim_models, "y", "Outlet Y", _statement("the bilateral talks will be held in Geneva on Jan. 12",
                                            "an official", article_id="y"))
    [dispute] = store.disputes()
    assert dispute.kind == "contradiction"
    assert "jan 5" in dispute.explanation and "jan 12" in dispute.explanation
    facts = concrete_values("20 people died on Dec. 9, 2009")
    assert facts["date"] == {"dec 9"} and [(q.low, q.high, q.unit) for q in facts["number"]] == [(20, 20, "people")]


def test_a_hedge_does_not_contradict_a_firm_date(store, claim_models):
    """'may be held on Jan. 5' is a guess: against 'will be held on Jan. 12' it is no contradiction."""
    _add(store, claim_models, "x", "Outlet X", _statement("the bilateral talks may be held in Geneva on Jan. 5", "an analyst",
                                            "speculates", article_id="x"))
    _add(store, claim_models, "y", "Outlet Y", _statement("the bilateral talks will be held in Geneva on Jan. 12",
                                            "an official", article_id="y"))
    assert [len(c.statement_ids) for c in store.claims() if len(c.statement_ids) > 1] == [2]
    assert store.disputes() == []


def test_claim_status_rules():
    """Status follows the sources: denied alone, disputed, corroborated by independent sources, single source."""
    deny = _statement("x y z", "the ministry", "denies")
    a = _statement("x y z", "Yonhap")
    b = _statement("x y z", "Reuters")
    assert claim_status([deny]) == "denied"
    assert claim_status([deny, a]) == "disputed"
    assert claim_status([a, b]) == "corroborated"
    assert claim_status([a, _statement("x y z", "Yonhap", chain=["Paper", "Yonhap"])]) == "single_source"
    assert claim_status([a, _statement("x y", "Reuters", "declines_comment")]) == "single_source"


def test_a_denial_of_something_near_the_claim_is_no_dispute(store, claim_models):
    """Trap: the ministry denies the minister discussed subsidies with the IMF; that is not a denial of the cut."""
    for n, source in enumerate(["Reuters", "AP"]):
        _add(store, claim_models, f"p{n}", source, _statement("the ministry will cut fuel subsidies by 20 percent next year",
                                                        source, article_id=f"p{n}"))
    _add(store, claim_models, "d", "Paper D", _statement("the minister discussed fuel subsidies with the IMF", "the ministry",
                                                   "denies", article_id="d"))
    assert store.disputes() == []
    assert "disputed" not in [c.status for c in store.claims()]
    assert "corroborated" in [c.status for c in store.claims()]


def test_same_claim_re_reported_with_other_details_is_no_dispute(store, claim_models):
    """Trap: a second outlet repeats the claim and adds a figure of another kind; numbers of different units
    do not conflict, and two independent sources corroborate."""
    _add(store, claim_models, "r", "Reuters", _statement("Apple is buying Tesla for $75 billion", "people familiar with the deal",
                                                   article_id="r"))
    _add(store, claim_models, "a", "AP", _statement("Apple will buy Tesla for $75 billion, affecting 13,000 employees",
                                              "a banker", article_id="a"))
    [claim] = store.claims()
    assert claim.status == "corroborated" and store.disputes() == []


def test_rival_figures_of_one_unit_are_a_contradiction(store, claim_models):
    """Two firm statements of one claim giving different prices are flagged; the explanation names both."""
    _add(store, claim_models, "r", "Reuters", _statement("Apple is buying Tesla for $75 billion", "a banker", article_id="r"))
    _add(store, claim_models, "a", "AP", _statement("Apple is buying Tesla for $60 billion", "an analyst", article_id="a"))
    [dispute] = store.disputes()
    assert dispute.kind == "contradiction" and "75 billion" in dispute.explanation and "60 billion" in dispute.explanation


def test_negated_restatement_with_a_plain_cue_is_read_as_a_denial(store, claim_models):
    """The stance model: 'Apple is not buying Tesla ...', merely 'said', denies the claim another outlet asserts."""
    _add(store, claim_models, "b", "Blog", _statement("Apple is buying Tesla for $75 billion", "a blogger", article_id="b"))
    _add(store, claim_models, "w", "Wire", _statement("Apple is not buying Tesla and there is no truth to the report",
                                                "an Apple spokesman", article_id="w"))
    [claim] = store.claims()
    assert claim.status == "disputed"
    [dispute] = store.disputes()
    assert dispute.kind == "denial" and dispute.statement_ids == ["w-1", "b-1"]


def test_hedged_restatement_with_a_plain_cue_does_not_contradict(store, claim_models):
    """The stance model: 'may cut ... possibly by 30 percent' is a guess, so its figure is no contradiction."""
    _add(store, claim_models, "x", "Outlet X", _statement("the ministry will cut fuel subsidies by 20 percent next year",
                                                    "an official", article_id="x"))
    _add(store, claim_models, "y", "Outlet Y", _statement("the ministry may cut fuel subsidies next year, possibly by 30 percent",
                                                    "an analyst", article_id="y"))
    [claim] = store.claims()
    assert claim.statement_ids == ["x-1", "y-1"] and store.disputes() == []


def test_confirmation_and_declining_comment(store, claim_models):
    """A confirmation by another source corroborates; declining to comment neither asserts nor denies."""
    _add(store, claim_models, "a", "Paper A", _statement("the central bank will raise interest rates in March", "analysts",
                                                   article_id="a"))
    _add(store, claim_models, "b", "Paper B", _statement("the central bank will raise interest rates in March", "the governor",
                                                   "confirms", article_id="b"))
    _add(store, claim_models, "c", "Paper C", _statement("the central bank will raise interest rates in March",
                                                   "the finance ministry", "declines_comment", article_id="c"))
    [claim] = store.claims()
    assert len(claim.statement_ids) == 3 and claim.status == "corroborated" and store.disputes() == []


class _Recorder:
    """A stance backend that says 'against' to everything and records what it was asked."""

    name, labels = "recorder", ("for", "against", "observing")

    def __init__(self):
        self.asked = []

    def predict_proba(self, pairs):
        self.asked.extend(pairs)
        return np.array([[0.0, 1.0, 0.0]] * len(pairs))


def test_stance_backend_reads_only_where_a_dispute_could_follow():
    """Any backend fits the protocol; with stance denials on, it is asked only about statements whose reading
    can make or unmake a dispute (a negated one beside another source's assertion, a hedged one with a rival
    figure), against the plain assertion it would be set against; a negative reading needs a negator in the text
    to become a denial. Off (the default), only the hedged one is asked and nothing becomes a denial."""
    plain = _statement("rates will rise by 1 percent in March", "analysts")
    negated = _statement("rates will not rise by 1 percent in March", "a banker", n=2)
    hedged = _statement("rates might rise by 2 percent in March", "a trader", article_id="a2", n=3)
    hedged_agreeing = _statement("rates might rise in March", "a broker", article_id="a3", n=4)
    own_doubt = _statement("rates will not rise by 1 percent this March", "analysts", n=5)
    denial = _statement("rates will rise by 1 percent in March", "the bank", "denies", n=6)
    backend = _Recorder()
    claim_models = ClaimModels(propositions=None, stance=backend, embed=None)
    statements = [plain, negated, hedged, hedged_agreeing, own_doubt, denial]
    result, against = stances(statements, claim_models, Settings(stance_denials=True))
    assert backend.asked == [(plain.text, negated.text), (plain.text, hedged.text), (plain.text, own_doubt.text)]
    assert result == {plain.id: "asserts", negated.id: "denies", hedged.id: "asserts", hedged_agreeing.id: "asserts",
                      own_doubt.id: "denies", denial.id: "denies"}
    assert against == {negated.id: 1.0, own_doubt.id: 1.0}  # the model's probability, for the dispute's evidence
    backend = _Recorder()  # and fresh models: they keep what was read
    result, against = stances(statements, ClaimModels(propositions=None, stance=backend, embed=None), Settings())
    assert backend.asked == [(plain.text, hedged.text)]
    assert [s.id for s in statements if result[s.id] == "denies"] == [denial.id] and against == {}


def test_denial_grouped_elsewhere_joins_and_disputes_the_claim_it_denies(store, claim_models):
    """A denial may land in another claim than the assertion it denies (here grouping is made so strict
    that every statement is its own claim); the two claims become one, disputed by the denial, and a
    negated remark about the same proposal stays apart and out of the dispute."""
    strict = Settings().with_overrides(claim_candidate_similarity=0.99)
    _add(store, claim_models, "p", "The Post",
         _statement("President Arendt proposed a liaison office in Veskaria", "diplomatic sources", article_id="p"),
         _statement("lawmakers had not been briefed on any proposal for a liaison office", "Alice Brandt",
                    article_id="p", n=2), settings=strict)
    _add(store, claim_models, "w", "Wire", _statement("no proposal for a liaison office had been made", "the spokesman",
                                                "denies", article_id="w"), settings=strict)
    assert sorted(c.statement_ids for c in store.claims()) == [["p-1", "w-1"], ["p-2"]]
    [dispute] = store.disputes()
    assert dispute.kind == "denial" and dispute.statement_ids == ["w-1", "p-1"]
    [claim] = [c for c in store.claims() if c.statement_ids == ["p-1", "w-1"]]
    assert claim.status == "disputed" and store.claim(dispute.claim_id) == claim


def test_one_denial_re_reported_by_three_outlets_is_one_dispute(store, claim_models):
    """The spokesman's denial, carried by three outlets, is one dispute with every report of it; the first
    two statements are the denial and the assertion it answers."""
    _add(store, claim_models, "y", "Yonhap", _statement("Arendt proposed a liaison office in Veskaria", "diplomatic sources",
                                                  chain=["Yonhap", "diplomatic sources"], article_id="y"))
    for outlet in ["AP", "Reuters", "The Post"]:
        _add(store, claim_models, outlet, outlet, _statement("Arendt never proposed a liaison office in Veskaria",
                                                       "Nathan Ellery", "denies", chain=[outlet, "Nathan Ellery"],
                                                       article_id=outlet))
    [dispute] = store.disputes()
    assert dispute.kind == "denial" and len(dispute.statement_ids) == 4
    assert dispute.statement_ids[:2] == ["AP-1", "y-1"]
    assert "reported in 2 more article(s)" in dispute.explanation


def test_one_refutation_copied_by_two_sites_is_one_dispute_but_alike_short_denials_are_two(store, claim_models):
    """A refutation in the writer's voice that a second site republished word for word (each copy names its own
    site as the writer, and uses its own quotation marks) is one denial; two spokesmen who each say "no such
    letter was sent" in so few words are two."""
    _add(store, claim_models, "y", "Yonhap", _statement("Arendt sent a letter proposing a liaison office in Veskaria",
                                                        "diplomatic sources", chain=["Yonhap", "diplomatic sources"],
                                                        article_id="y"))
    copied = "the story claims that Arendt sent a \"personal letter\" proposing a liaison office in Veskaria"
    for site, text in (("Site A", copied), ("Site B", copied.replace('"', "\u201d"))):
        _add(store, claim_models, site, site, _statement(text, site, "denies", chain=[site], article_id=site))
    [dispute] = store.disputes()
    assert len(dispute.reported_by) == 2
    for office in ("the Norland office", "the Veskarian office"):
        _add(store, claim_models, office, office, _statement("no such letter was sent", office, "denies",
                                                             chain=[office], article_id=office))
    reporters = sorted([r.article_id for r in d.reported_by] for d in store.disputes() if d.kind == "denial")
    assert reporters == [["Site A", "Site B"], ["the Norland office"], ["the Veskarian office"]]


def test_a_date_given_with_more_context_still_contradicts(store, claim_models):
    """One outlet reports the talks' date inside a longer account; another gives a rival date and place."""
    _add(store, claim_models, "x", "Outlet X", _statement(
        "the two sides had agreed to hold a first round of exploratory talks, and the talks will be held in Geneva "
        "on Jan. 5", "a diplomat", article_id="x"))
    _add(store, claim_models, "y", "Outlet Y", _statement("The talks will be held in Oslo on Jan. 12", "an official",
                                                    article_id="y"))
    [dispute] = store.disputes()
    assert dispute.kind == "contradiction" and "jan 5" in dispute.explanation and "jan 12" in dispute.explanation


def test_a_denial_of_two_claims_worded_apart_makes_them_one(store, claim_models):
    """Two outlets' reports the grouper kept apart, both closely denied by one spokesman, are one claim: the
    reader sees the denial once, against both reports."""
    strict = Settings().with_overrides(claim_candidate_similarity=0.99)
    _add(store, claim_models, "y", "Yonhap", _statement("Arendt proposed a liaison office in Veskaria in a letter",
                                                  "diplomatic sources", article_id="y"), settings=strict)
    _add(store, claim_models, "t", "Tribune", _statement("Arendt offered Veskaria a liaison office in a personal letter",
                                                   "Yonhap", article_id="t"), settings=strict)
    assert len(store.claims()) == 2
    _add(store, claim_models, "w", "Wire", _statement("Arendt proposed a liaison office in Veskaria", "the presidential office",
                                                "denies", article_id="w"), settings=strict)
    [claim] = store.claims()
    assert claim.statement_ids == ["y-1", "t-1", "w-1"] and claim.status == "disputed"
    [dispute] = store.disputes()
    assert dispute.statement_ids[0] == "w-1" and set(dispute.statement_ids) == {"y-1", "t-1", "w-1"}


def test_a_report_arriving_after_the_denial_joins_its_claim(store, claim_models):
    """The order of arrival does not matter: a report the grouper keeps apart, filed after the spokesman's
    denial, still ends up in the denial's claim, with one dispute against it."""
    strict = Settings().with_overrides(claim_candidate_similarity=0.99)
    _add(store, claim_models, "y", "Yonhap", _statement("Arendt proposed a liaison office in Veskaria in a letter",
                                                  "diplomatic sources", article_id="y"), settings=strict)
    _add(store, claim_models, "w", "Wire", _statement("Arendt proposed a liaison office in Veskaria", "the presidential office",
                                                "denies", article_id="w"), settings=strict)
    _add(store, claim_models, "t", "Tribune", _statement("Arendt offered Veskaria a liaison office in a personal letter",
                                                   "Yonhap", article_id="t"), settings=strict)
    [claim] = store.claims()
    assert claim.statement_ids == ["y-1", "w-1", "t-1"] and claim.status == "disputed"
    [dispute] = store.disputes()
    assert dispute.statement_ids[0] == "w-1" and set(dispute.statement_ids) == {"y-1", "t-1", "w-1"}
