"""The read dispute bench on political news: PolNeAR's articles as a user adds them (date, publisher's site), the
disputes counted, verdicts turned into precision, and the reading sheet. The texts are hand-written."""

from __future__ import annotations

import pytest

from storytrace.bench.disputes import dispute_key
from storytrace.bench.disputes_news import _Read, polnear_articles, score, write_sheet
from storytrace.errors import BenchError
from storytrace.model import Dispute, Speaker, Statement

METADATA = ("compartment\tfilename\tlevel\tannotators\tpublisher\tpublication_date\tauthor\ttitle\ttrump_count\t"
            "clinton_count\tcredit\twire\n"
            "train\tnyt_2016-02-02_port-closes\tNone\ta\tnyt\t2016-02-02\tA. Writer\tPort closes\t0\t0\tNone\tNone\n"
            "train\tpolitico_2016-02-03_port-denial\tNone\ta\tpolitico\t2016-02-03\tB. Writer\tDenial\t0\t0\tNone\t"
            "None\n"
            "dev\tbreitbart_2016-02-04_other\tNone\ta\tbreitbart\t2016-02-04\tC. Writer\tOther\t0\t0\tNone\tNone\n")


def _folder(tmp_path, names=("nyt_2016-02-02_port-closes", "politico_2016-02-03_port-denial")):
    (tmp_path / "metadata.tsv").write_text(METADATA, encoding="utf-8")
    texts = tmp_path / "train" / "text"
    texts.mkdir(parents=True)
    for name in names:
        (texts / f"{name}.txt").write_text(f"Headline of {name}\n\nThe mayor of Velmora said the port will close.",
                                           encoding="utf-8")
    return tmp_path


def test_articles_carry_their_date_and_a_url_on_their_publishers_site(tmp_path):
    raws = polnear_articles(_folder(tmp_path), "train")
    assert [(r.url, r.published) for r in raws] == [
        ("https://www.nytimes.com/polnear/nyt_2016-02-02_port-closes", "2016-02-02"),
        ("https://www.politico.com/polnear/politico_2016-02-03_port-denial", "2016-02-03")]
    assert raws[0].content.startswith("Headline of nyt_2016-02-02_port-closes")


def test_an_article_the_metadata_does_not_know_is_an_error_naming_it(tmp_path):
    with pytest.raises(BenchError, match="unknown-site_2016-01-01_x.txt: no publisher or date"):
        polnear_articles(_folder(tmp_path, ("unknown-site_2016-01-01_x",)), "train")
    with pytest.raises(BenchError, match="no such folder"):
        polnear_articles(tmp_path, "dev")


def _statement(sid: str, article: str, text: str, polarity: str, start: int) -> Statement:
    return Statement(text=text, start=start, end=start + len(text), direct=False, speaker=Speaker("a source"),
                     cue="said", polarity=polarity, id=sid, article_id=article, chain=["Outlet"])


def _read() -> _Read:
    denial = _statement("d1", "a2", "the port will not close", "denies", 0)
    echo = _statement("d2", "a3", "the port will not close", "denies", 0)
    assertion = _statement("s1", "a1", "the port will close", "asserts", 0)
    inside = _statement("s2", "a2", "the port closes in June", "asserts", 29)
    disputes = [Dispute("D1", "c", ["d1", "s1", "d2"], "denial", "why one"),
                Dispute("D2", "c", ["d2", "s1"], "denial", "why two"),
                Dispute("D3", "c", ["d1", "s2"], "contradiction", "why three")]
    texts = {"a1": "the port will close.", "a2": "the port will not close. And the port closes in June.",
             "a3": "the port will not close."}
    return _Read({"a1": "one", "a2": "two", "a3": "three"}, texts,
                 {s.id: s for s in (denial, echo, assertion, inside)}, disputes, 2)


def test_disputes_are_counted_and_verdicts_make_precision():
    """One denial text in two disputes is one denial; a pair from one article is counted; an unread dispute is
    unjudged, a false one counted by its class."""
    from storytrace.bench.disputes import Verdict

    read = _read()
    metrics, details = score(read, None)
    assert (metrics["disputes_total"], metrics["denials"], metrics["contradictions"]) == (3, 2, 1)
    assert metrics["disputes_inside_one_article"] == 1 and metrics["disputes_per_denial"] == 2.0
    assert "precision_read" not in metrics
    verdicts = {dispute_key("the port will not close", "the port will close"): Verdict("real", "ok"),
                dispute_key("the port will not close", "the port closes in June"): Verdict("false", "fragment: x")}
    metrics, details = score(read, verdicts)
    assert (metrics["precision_read"], metrics["judged"], metrics["unjudged"]) == (2 / 3, 3, 0)
    assert details["false_by_class"] == "fragment 1"


def test_the_sheet_shows_both_sides_in_context_with_the_key(tmp_path):
    sheet = tmp_path / "sheet.md"
    write_sheet(sheet, _read())
    text = sheet.read_text(encoding="utf-8")
    assert text.startswith("# Disputes on PolNeAR articles: 3 disputes")
    assert f"`{dispute_key('the port will not close', 'the port will close')}` · denial · D1" in text
    assert "«the port closes in June»" in text and "- and 1 more statement(s) in three" in text


_REPORT = ("Port of Velmora to close in March\n\nThe port of Velmora will close in March, the harbour authority's "
           "director, Ines Marlow, told reporters on Monday. The closure would end two centuries of trade through "
           "the town, and dock workers said they had not been consulted about the plan.")
_DENIAL = ("Velmora denies port closure\n\nThe town council of Velmora on Tuesday denied that the port of Velmora "
           "will close in March. \"There is no such plan,\" a council spokesman said, adding that ferries and "
           "freight would keep running through the spring and the summer as they always have.")


@pytest.mark.slow
def test_bench_runs_end_to_end_on_hand_written_articles(tmp_path):
    """The articles go through the product's pipeline; the council's denial of the director's report is a
    dispute across two outlets, shown in the sheet, and unjudged until read."""
    from storytrace.bench.run import run_benchmark

    data = _folder(tmp_path)
    texts = data / "train" / "text"
    (texts / "nyt_2016-02-02_port-closes.txt").write_text(_REPORT, encoding="utf-8")
    (texts / "politico_2016-02-03_port-denial.txt").write_text(_DENIAL, encoding="utf-8")
    sheet, judgments = tmp_path / "sheet.md", tmp_path / "judgments.tsv"
    judgments.write_text("# no verdicts yet\n")
    result = run_benchmark("disputes-news", data=data, sheet=sheet, judgments=judgments)
    assert result.n == 2 and result.metrics["articles_stored"] == 2
    assert result.metrics["denials"] >= 1 and result.metrics["disputes_inside_one_article"] == 0
    assert result.metrics["unjudged"] == result.metrics["disputes_total"]
    assert "politico_2016-02-03_port-denial · speaker:" in sheet.read_text(encoding="utf-8")
