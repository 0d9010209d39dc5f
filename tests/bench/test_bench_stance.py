"""Stance benchmarks: FNC-1's weighted score arithmetic, the held-out body split, and Emergent fold heads."""

from __future__ import annotations

import csv

import pytest

from storytrace.bench.stance import (CLAIM_HELDOUT_FRACTION, bench_emergent, bench_fnc1, confusion, fnc_claim_split,
                                     fnc_claims, fnc_heldout, fnc_score, score_report)
from storytrace.link.stance import FNC_LABELS

AGREEMENT = ("Apple has agreed to buy Tesla for $75 billion, the two companies announced on Monday. The deal, "
             "confirmed by both boards, makes the electric-car maker a unit of Apple. Tesla shares rose 20 percent "
             "after the announcement.")
HEDGE = ("Apple may be in talks to buy Tesla, according to unconfirmed reports. A blog claimed on Monday, citing "
         "an unnamed source, that the companies could reach a deal worth $75 billion. Neither company responded "
         "to requests for comment, and it is unclear whether talks are taking place.")
RECIPE = ("Preheat the oven to 200 degrees. Mix the flour, butter and sugar in a bowl until smooth. "
          "Bake the cookies for twelve minutes and let them cool on a rack.")


def test_fnc_score_follows_the_official_weights():
    """+0.25 right label, +0.5 more if related; +0.25 for related-vs-related; max is the gold's own score."""
    gold = ["agree", "disagree", "discuss", "unrelated", "unrelated", "agree"]
    pred = ["agree", "discuss", "unrelated", "unrelated", "agree", "disagree"]
    score, best = fnc_score(gold, pred)
    assert (score, best) == (1.0 + 0.25 + 0.0 + 0.25 + 0.0 + 0.25, 4 * 1.0 + 2 * 0.25)
    report = score_report(gold, pred, FNC_LABELS)
    assert report["fnc_score_pct"] == pytest.approx(100 * 1.75 / 4.5)
    assert report["accuracy"] == pytest.approx(2 / 6)
    # F1: agree 2*1/(2+2)=0.5, disagree 0, discuss 0, unrelated 2*1/(2+2)=0.5
    assert report["macro_f1"] == pytest.approx(0.25)
    assert confusion(gold, pred, FNC_LABELS)["agree"] == {"agree": 1, "disagree": 1, "discuss": 0, "unrelated": 0}


def test_heldout_split_is_deterministic_and_about_a_fifth():
    """The split is a hash of the Body ID, the same in training and in the benchmark."""
    held = [fnc_heldout(str(i)) for i in range(2000)]
    assert 0.15 < sum(held) / len(held) < 0.25 and held == [fnc_heldout(str(i)) for i in range(2000)]


def _write(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def _fnc_files(tmp_path, stances_name, body_ids):
    bodies = tmp_path / "bodies.csv"
    _write(bodies, ["Body ID", "articleBody"], [[body_ids[0], AGREEMENT], [body_ids[1], HEDGE], [body_ids[2], RECIPE]])
    stances = tmp_path / stances_name
    headline = "Apple to buy Tesla for $75 billion"
    # The hedged body is labelled agree on purpose: the model reads it as discuss, which earns partial credit.
    _write(stances, ["Headline", "Body ID", "Stance"], [
        [headline, body_ids[0], "agree"], [headline, body_ids[1], "agree"], [headline, body_ids[2], "unrelated"]])
    return bodies, stances


def test_bench_fnc1_scores_a_small_file(tmp_path):
    """agree->agree 1.0, agree->discuss 0.25, unrelated->unrelated 0.25, out of 1 + 1 + 0.25."""
    bodies, stances = _fnc_files(tmp_path, "stances.csv", ["1", "2", "3"])
    result = bench_fnc1(bodies, stances)
    assert result.n == 3 and result.primary == "fnc_score_pct"
    assert result.metrics["fnc_score_pct"] == pytest.approx(100 * 1.5 / 2.25)
    assert result.metrics["accuracy"] == pytest.approx(2 / 3)
    # F1: agree 2*1/(1+2), disagree 0, discuss 0, unrelated 1
    assert result.metrics["macro_f1"] == pytest.approx((2 / 3 + 0 + 0 + 1) / 4)
    assert result.details["confusion (gold -> predicted)"]["agree"] == {
        "agree": 1, "disagree": 0, "discuss": 1, "unrelated": 0}


def test_bench_fnc1_split_by_body_scores_only_heldout_bodies(tmp_path):
    """Named train_stances.csv with split="body", only pairs of the old split's held-out bodies count."""
    held = [str(i) for i in range(100) if fnc_heldout(str(i))][:2]
    seen = next(str(i) for i in range(100) if not fnc_heldout(str(i)))
    bodies, stances = _fnc_files(tmp_path, "train_stances.csv", [held[0], seen, held[1]])
    result = bench_fnc1(bodies, stances, split="body")
    assert result.n == 2 and "held-out Body IDs" in result.data and result.metrics["fnc_score_pct"] == 100.0


def _claim_rows(n: int) -> list[dict[str, str]]:
    """n claims of two headlines and two bodies each, plus unrelated pairs of each claim's headline with the next
    claim's body (which may cross the split)."""
    rows = []
    for i in range(n):
        rows += [{"Headline": f"claim {i} a", "Body ID": f"{i}-1", "Stance": "agree"},
                 {"Headline": f"claim {i} b", "Body ID": f"{i}-1", "Stance": "discuss"},
                 {"Headline": f"claim {i} b", "Body ID": f"{i}-2", "Stance": "disagree"},
                 {"Headline": f"claim {i} a", "Body ID": f"{(i + 1) % n}-2", "Stance": "unrelated"}]
    return rows


def test_claims_are_components_of_related_pairs():
    """Headlines and bodies joined by related pairs are one claim; an unrelated pair joins nothing."""
    claim = fnc_claims(_claim_rows(3))
    assert claim["h:claim 0 a"] == claim["h:claim 0 b"] == claim["b:0-1"] == claim["b:0-2"] != claim["b:1-2"]
    assert len(set(claim.values())) == 3


def test_claim_split_shares_no_headline_or_body_and_drops_crossing_pairs():
    """No headline or body of a held-out claim is in training; unrelated pairs across the sides are dropped,
    the split is deterministic, and about CLAIM_HELDOUT_FRACTION of the claims are held out."""
    rows = _claim_rows(200)
    split = fnc_claim_split(rows)
    seen = {r["Headline"] for r in split.train} | {r["Body ID"] for r in split.train}
    assert not seen & ({r["Headline"] for r in split.heldout} | {r["Body ID"] for r in split.heldout})
    claim = fnc_claims(rows)
    held = {claim["h:" + r["Headline"]] for r in split.heldout}
    crossing = sum((claim["h:" + r["Headline"]] in held) != (claim["b:" + r["Body ID"]] in held) for r in rows)
    assert split.dropped == crossing > 0 and len(split.train) + len(split.heldout) + split.dropped == len(rows)
    assert abs(split.heldout_claims / split.claims - CLAIM_HELDOUT_FRACTION) < 0.07
    assert {id(r) for r in split.dev} <= {id(r) for r in split.train} and 0 < split.dev_claims < split.claims
    assert fnc_claim_split(rows).heldout == split.heldout


def test_bench_emergent_uses_the_fold_head_and_reports_accuracy(tmp_path):
    """A test-fold file is scored by the head trained without that fold."""
    pairs = tmp_path / "url-versions-2015-06-14-clean-test-fold-3.csv"
    claim = "Apple will buy Tesla for $75 billion"
    _write(pairs, ["", "claimHeadline", "articleHeadline", "claimId", "articleId", "articleHeadlineStance"], [
        [0, claim, "Apple denies it is buying Tesla, calls report a hoax", "c", "a1", "against"],
        [1, claim, "Apple to buy Tesla for $75 billion, report says", "c", "a2", "observing"],
    ])
    result = bench_emergent(pairs)
    assert result.n == 2 and result.primary == "accuracy" and "fold 3" in result.data
    assert result.metrics["accuracy"] == 1.0 and result.metrics["macro_f1"] == pytest.approx((1 + 0 + 1) / 3)
