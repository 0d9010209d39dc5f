"""The central case, on hand-built articles and no database: an agency reports an office's denial and its
spokesman's terse quote, answering a report that a newspaper carried from the agency's anonymous sources.
All of it is one claim and one dispute."""

from __future__ import annotations

from datetime import date


from storytrace.link.stage import link
from storytrace.model import Article, LinkContext, Speaker, Statement, Story
from storytrace.settings import Settings


def _said(text, speaker, start, polarity="asserts", article="wire", chain=None, direct=False):
    return Statement(text=text, start=start, end=start + len(text), direct=direct, speaker=Speaker(speaker),
                     cue="denied" if polarity == "denies" else "said", polarity=polarity,
                     chain=chain or ["Harbour Wire", speaker], id=f"{article}-{start}", article_id=article,
                     cue_start=start + len(text) + 2, cue_end=start + len(text) + 6)


REPORT = _said("President Arendt proposed opening a liaison office in Korvask in a letter to its leaders",
               "diplomatic sources", 40, article="paper", chain=["Daily Ledger", "Harbour Wire", "diplomatic sources"])


def test_the_office_its_spokesman_and_the_report_they_answer_make_one_claim_and_one_dispute(claim_models):
    lead = _said("President Arendt had proposed opening a liaison office in Korvask", "the presidential office", 30,
                 "denies")
    quote = _said("No such proposal has been made", "Nathan Ellery", 130, "denies", direct=True)
    answered = _said("the president made the proposal in a letter", "a media report", 215)
    article = Article(id="wire", source="wire.txt", text="...", outlet="Harbour Wire", statements=[lead, quote, answered])
    context = LinkContext(story_id="S1", story=Story("S1", "Liaison office", ["paper"], date(2010, 1, 5),
                                                     date(2010, 1, 5)),
                          statements=[REPORT], claim_of={REPORT.id: "Cpaper"}, outlets={"paper": "Daily Ledger"})
    result = link(article, [], context, Settings(), claim_models)
    claim_of = {**context.claim_of, **result.claim_of}
    assert claim_of[quote.id] == claim_of[lead.id] == claim_of[REPORT.id]
    disputes = [d for ds in result.disputes.values() for d in ds]
    assert len(disputes) == 1, [d.explanation for d in disputes]
    [dispute] = disputes
    assert dispute.kind == "denial" and {lead.id, quote.id, REPORT.id} <= set(dispute.statement_ids)
