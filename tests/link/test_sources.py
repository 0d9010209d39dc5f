"""Independent sources are counted by the end of each chain: papers repeating one agency's sources are one source."""

from __future__ import annotations

import pytest

import storytrace
from storytrace.link.claims import claim_status
from storytrace.link.sources import count_sources, source_key
from storytrace.model import RawArticle, Speaker, Statement


def _statement(chain: list[str], n: int = 1) -> Statement:
    return Statement(text="Arendt proposed a liaison office", start=0, end=32, direct=False,
                     speaker=Speaker(chain[-1]), cue="said", chain=chain, id=f"a{n}-1", article_id=f"a{n}")


def test_papers_quoting_one_agencys_anonymous_sources_are_one_source():
    """Three papers, each naming the agency's sources in its own words, and the agency itself: one source."""
    keys = {source_key(_statement(chain, n)) for n, chain in enumerate([
        ["The Seoul Tribune", "Yonhap", "diplomatic sources in Beijing"],
        ["The Capitol Ledger", "Yonhap News Agency", "diplomatic sources"],
        ["The Meridian Post", "Yonhap", "sources familiar with the letter"],
        ["Yonhap", "Diplomatic sources in Beijing"],
    ])}
    assert count_sources(keys) == 1


def test_named_sources_behind_one_relay_stay_distinct():
    """Named speakers are their own sources, whoever passed their words on; two relays' sources are two."""
    keys = {source_key(_statement(chain, n)) for n, chain in enumerate([
        ["The Seoul Tribune", "Yonhap", "Nathan Ellery"],
        ["The Seoul Tribune", "Yonhap", "Alice Brandt"],
        ["The Meridian Post", "Kyodo", "diplomatic sources"],
        ["The Meridian Post", "Yonhap", "diplomatic sources"],
    ])}
    assert count_sources(keys) == 4


def test_one_agencys_sources_do_not_corroborate_a_claim():
    """A claim asserted only through one agency's anonymous sources stays single-source, however many papers."""
    through_yonhap = [_statement(["The Seoul Tribune", "Yonhap", "diplomatic sources in Beijing"], 1),
                      _statement(["The Capitol Ledger", "Yonhap", "diplomatic sources"], 2)]
    assert claim_status(through_yonhap) == "single_source"
    independent = [*through_yonhap, _statement(["The Meridian Post", "a Veskarian diplomat"], 3)]
    assert claim_status(independent) == "corroborated"


PAPERS = {
    "The Seoul Tribune": (
        "Norland President Tomas Arendt offered to open a liaison office in Korvask, Yonhap News Agency reported "
        "Thursday. Yonhap, citing diplomatic sources in Beijing, said the offer was made in a letter carried by "
        "envoy Stephen Marsh. The sources were quoted as saying that Veskaria had not yet replied to the letter.\n"),
    "The Capitol Ledger": (
        "Diplomatic sources told Yonhap that President Tomas Arendt offered to open a liaison office in Korvask. "
        "The sources said the offer was made in a letter carried by envoy Stephen Marsh earlier this month.\n"),
    "The Harbour Courier": (
        "President Tomas Arendt offered to open a liaison office in Korvask, according to Yonhap, which cited "
        "diplomatic sources in Beijing. The offer was made in a letter carried by envoy Stephen Marsh, the agency "
        "said.\n"),
}


@pytest.mark.slow
def test_three_papers_quoting_one_agencys_sources_make_a_single_source_claim(tmp_path, models):
    """End to end: three hand-written papers each report the agency's sources; the claim they share is not
    corroborated, because all three chains end at the one agency's anonymous sources."""
    with storytrace.open(tmp_path / "c.db", models=models) as corpus:
        for outlet, text in PAPERS.items():
            raw = RawArticle(source=f"{outlet}.txt", content=text, kind="text", outlet=outlet)
            assert corpus.add_raw([raw], parallel=False).added
        statements = [s for s in corpus.statements() if "liaison office" in s.text]
        assert {s.chain[1] for s in statements} <= {"Yonhap", "Yonhap News Agency"}
        assert {s.article_id for s in statements} == {a.id for a in corpus.articles()}
        claim_ids = set(corpus.statement_claims([s.id for s in statements]).values())
        assert len(claim_ids) == 1 and None not in claim_ids, "the three reports of one offer make one claim"
        [claim] = [c for c in corpus.claims() if c.id in claim_ids]
        assert claim.status == "single_source"
        assert count_sources({source_key(s) for s in statements}) == 1
