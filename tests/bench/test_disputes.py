"""The FNC-1 dispute bench: claims as components of related pairs, strict recall, disputes across claims and per
denial, the reading sheet, and verdicts turned into precision."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from storytrace.bench.disputes import (Produced, context, contested_claims, dispute_key, fnc_claims,
                                       other_claims, read_judgments, score, unrefuted_claims, write_sheet)
from storytrace.errors import BenchError
from storytrace.model import Dispute, DisputeEvidence, Speaker, Statement

# Related pairs of two claims and one unrelated pair between them. Claim "port" (bodies 1-4): headline P1 has two
# agreeing bodies and one refuting one; P2 links body 4 in. Claim "mayor" (bodies 5-7): its agreeing bodies are
# spread over two headlines, so it is not contested. Body 1's unrelated pair to M1 must not join the claims.
STANCES = [
    ("Port of Velmora to close in March", 1, "agree"),
    ("Port of Velmora to close in March", 2, "agree"),
    ("Port of Velmora to close in March", 3, "disagree"),
    ("Velmora port closure confirmed", 3, "discuss"),
    ("Velmora port closure confirmed", 4, "discuss"),
    ("Mayor of Corlan resigns", 5, "agree"),
    ("Corlan mayor steps down", 6, "agree"),
    ("Mayor of Corlan resigns", 7, "disagree"),
    ("Corlan mayor steps down", 7, "discuss"),
    ("Mayor of Corlan resigns", 1, "unrelated"),
]


def _rows() -> list[dict[str, str]]:
    return [{"Headline": h, "Body ID": str(b), "Stance": s} for h, b, s in STANCES]


def _write_csvs(folder: Path) -> tuple[Path, Path]:
    bodies, stances = folder / "bodies.csv", folder / "stances.csv"
    with bodies.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Body ID", "articleBody"])
        for body in range(1, 8):
            writer.writerow([body, f"Body {body} text."])
    with stances.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Headline", "Body ID", "Stance"])
        writer.writerows(STANCES)
    return bodies, stances


def test_claims_are_components_of_related_pairs_read_from_csv(tmp_path):
    """Headlines sharing a related body are one claim; an unrelated pair joins nothing."""
    from storytrace.bench.stance import read_fnc

    _, rows = read_fnc(*_write_csvs(tmp_path))
    claims = fnc_claims(rows)
    assert [c.bodies for c in claims] == [["1", "2", "3", "4"], ["5", "6", "7"]]
    assert [c.id for c in claims] == ["C1", "C2"]
    assert claims[0].stances["3"] == {"Port of Velmora to close in March": "disagree",
                                      "Velmora port closure confirmed": "discuss"}
    assert claims[0].refuting("3") and claims[0].agreeing("3") and not claims[0].refuting("4")


def test_only_claims_with_one_headline_of_two_agreeing_and_one_refuting_body_are_kept():
    """Two agreeing bodies spread over two headlines do not make a claim contested."""
    claims = contested_claims(_rows())
    assert [c.bodies for c in claims] == [["1", "2", "3", "4"]]
    assert claims[0].contested == ["Port of Velmora to close in March"]


def test_the_held_out_claims_are_the_others_with_refuting_and_agreeing_bodies():
    """The mayor claim has a refuting and agreeing bodies on no one headline: held out, with its most paired
    headline as reference; a claim with no refuting body is in neither set."""
    rows = _rows() + [{"Headline": "Lighthouse of Orrin repainted", "Body ID": "8", "Stance": "agree"}]
    claims = other_claims(rows)
    assert [c.bodies for c in claims] == [["5", "6", "7"]]
    assert claims[0].contested == [] and claims[0].reference == "Corlan mayor steps down"


def test_the_unrefuted_claims_are_those_no_body_refutes():
    """A claim with agreeing bodies only is unrefuted; the port and mayor claims each have a refuting body."""
    rows = _rows() + [{"Headline": "Lighthouse of Orrin repainted", "Body ID": "8", "Stance": "agree"},
                      {"Headline": "Lighthouse of Orrin repainted", "Body ID": "9", "Stance": "discuss"}]
    assert [c.bodies for c in unrefuted_claims(rows)] == [["8", "9"]]
    assert unrefuted_claims(_rows()) == []


def _statement(sid: str, article: str, text: str, polarity: str = "asserts", speaker: str = "a source",
               start: int = 0) -> Statement:
    return Statement(text=text, start=start, end=start + len(text), direct=False, speaker=Speaker(speaker),
                     cue="said", polarity=polarity, id=sid, article_id=article, chain=["Outlet", speaker])


def _produced(disputes: list[Dispute], statements: list[Statement]) -> Produced:
    """Articles a1..a7 for bodies 1..7, all in one story; each text holds its statements, offsets set."""
    articles = {f"a{body}": str(body) for body in range(1, 8)}
    texts = {}
    for article in articles:
        text = "Intro sentence here. "
        for s in (s for s in statements if s.article_id == article):
            s.start, s.end = len(text), len(text) + len(s.text)
            text += s.text + ". "
        texts[article] = text + "Last one."
    return Produced(articles, {a: "s1" for a in articles}, texts, {s.id: s for s in statements}, disputes)


DENIAL = _statement("d3", "a3", "the port will not close", "denies", "the harbour master")
ASSERTION = _statement("s1", "a1", "the port will close in March", speaker="the minister")


def test_strict_recall_needs_a_refuting_body_against_an_agreeing_one_of_the_claim():
    """A refuting body against an agreeing one counts, whichever side denies (a claim's headlines may state
    opposite facts); two agreeing bodies, or one body against itself, do not."""
    claims = fnc_claims(_rows())
    hit = Dispute("D1", "c", ["d3", "s1"], "denial", "")
    metrics, details = score(claims, _produced([hit], [DENIAL, ASSERTION]))
    assert metrics["dispute_recall_strict"] == 0.5  # one of the two claims
    assert details["claims_with_strict_dispute"].endswith("C1")
    agreeing = _statement("d2", "a2", "the port is not closing", "denies")  # body 2 agrees only
    same_body = _statement("s3", "a3", "the port will close in March")  # body 3 refutes one headline, discusses one
    misses = [Dispute("D2", "c", ["d2", "s1"], "denial", ""), Dispute("D3", "c", ["d3", "s3"], "denial", "")]
    metrics, _ = score(claims, _produced(misses, [DENIAL, ASSERTION, agreeing, same_body]))
    assert metrics["dispute_recall_strict"] == 0.0
    from_the_agreeing_side = Dispute("D4", "c", ["d2", "s3"], "denial", "")
    metrics, _ = score(claims, _produced([from_the_agreeing_side], [agreeing, same_body]))
    assert metrics["dispute_recall_strict"] == 0.5


def test_a_report_of_the_same_denial_in_a_refuting_body_counts_for_the_reported_recall():
    """The dispute leads with the denial as an agreeing body reports it; the refuting body's report of the same
    denial, which the dispute also holds, makes the pair for `dispute_recall_strict_reported` only."""
    claims = fnc_claims(_rows())
    lead = _statement("d2", "a2", "the port will not close", "denies", "the harbour master")
    dispute = Dispute("D1", "c", ["d2", "s1", "d3"], "denial", "")
    metrics, details = score(claims, _produced([dispute], [lead, ASSERTION, DENIAL]))
    assert (metrics["dispute_recall_strict"], metrics["dispute_recall_strict_reported"]) == (0.0, 0.5)
    assert details["claims_only_through_a_report"] == "C1"
    metrics, _ = score(claims, _produced([Dispute("D2", "c", ["d2", "s1"], "denial", "")], [lead, ASSERTION]))
    assert metrics["dispute_recall_strict_reported"] == 0.0


def test_on_the_reference_headline_each_body_takes_one_side():
    """Body 3 refutes the claim's reference headline and only discusses another: against body 1 (agreeing with
    the reference) it counts; body 4, never paired with the reference, takes no side on it."""
    claims = fnc_claims(_rows())
    assert claims[0].reference == "Port of Velmora to close in March"
    other = _statement("s4", "a4", "the port closes in March")
    metrics, _ = score(claims, _produced([Dispute("D1", "c", ["d3", "s1"], "denial", "")], [DENIAL, ASSERTION]))
    assert metrics["dispute_recall_strict_one_headline"] == 0.5
    metrics, _ = score(claims, _produced([Dispute("D2", "c", ["d3", "s4"], "denial", "")], [DENIAL, other]))
    assert (metrics["dispute_recall_strict"], metrics["dispute_recall_strict_one_headline"]) == (0.5, 0.0)


def test_disputes_across_claims_inside_one_article_and_per_denial_are_counted():
    """Any statement of another claim makes a dispute cross claims; one denial text opening two disputes is one
    denial; a pair from one article is counted apart."""
    claims = fnc_claims(_rows())
    echo = _statement("d4", "a4", "the port  will not\nclose", "denies", "the harbour master")
    mayor = _statement("s5", "a5", "the mayor has resigned")
    inner = _statement("s3", "a3", "the port closes in March")
    disputes = [Dispute("D1", "c", ["d3", "s1", "s5"], "denial", ""),
                Dispute("D2", "c", ["d4", "s1"], "denial", ""),
                Dispute("D3", "c", ["d3", "s3"], "denial", ""),
                Dispute("D4", "c", ["s1", "inner"], "contradiction", "")]
    inner_pair = _statement("inner", "a1", "the port closes in April")
    metrics, _ = score(claims, _produced(disputes, [DENIAL, ASSERTION, echo, mayor, inner, inner_pair]))
    assert metrics["disputes_total"] == 4.0
    assert metrics["disputes_across_claims"] == 1.0
    assert metrics["disputes_inside_one_article"] == 2.0
    assert metrics["disputes_per_denial"] == 3.0  # three denial disputes, one denial (same words)


def test_story_bcubed_is_scored_on_stored_bodies_against_claims():
    """Bodies of two claims in one story cost precision; bodies the store lacks are not scored."""
    claims = fnc_claims(_rows())
    produced = _produced([], [])
    del produced.body_of["a7"]
    metrics, _ = score(claims, produced)
    assert metrics["story_bcubed_recall"] == 1.0
    assert abs(metrics["story_bcubed_precision"] - (4 * 4 / 6 + 2 * 2 / 6) / 6) < 1e-9


def test_sheet_shows_both_sides_in_context_with_a_stable_key(tmp_path):
    """A reader sees the key, both statements marked in their sentences, gold stances and a cross-claim flag."""
    claims = fnc_claims(_rows())
    mayor = _statement("s5", "a5", "the mayor has resigned")
    disputes = [Dispute("D1", "c", ["d3", "s1"], "denial", "The harbour master denies it."),
                Dispute("D2", "c", ["d3", "s5"], "denial", "Across.")]
    sheet = tmp_path / "sheet.md"
    write_sheet(sheet, claims, _produced(disputes, [DENIAL, ASSERTION, mayor]))
    text = sheet.read_text()
    assert f"`{dispute_key(DENIAL.text, ASSERTION.text)}` · denial · D1" in text
    assert "Intro sentence here. «the port will not close». Last one." in text
    assert "body 3 (disagree, discuss)" in text and "body 1 (agree)" in text
    assert "“Port of Velmora to close in March”" in text
    assert text.count("**ACROSS CLAIMS: C1, C2**") == 1
    assert "- explanation: The harbour master denies it." in text


def test_key_ignores_whitespace_and_order():
    """A verdict survives a rerun that reflows a statement or swaps the sides of a contradiction."""
    assert dispute_key("a  b\nc", "d") == dispute_key("d", "a b c")
    assert dispute_key("a b c", "d") != dispute_key("a b", "c d")


def test_judgments_give_precision_and_count_false_classes(tmp_path):
    """Judged disputes give precision by reading; unjudged ones are counted apart, false ones by class."""
    claims = fnc_claims(_rows())
    other = _statement("s2", "a2", "the port closes in spring")
    disputes = [Dispute("D1", "c", ["d3", "s1"], "denial", ""), Dispute("D2", "c", ["d3", "s2"], "denial", ""),
                Dispute("D3", "c", ["s1", "s2"], "contradiction", "")]
    path = tmp_path / "judgments.tsv"
    path.write_text("# key\tverdict\treason\n\n"
                    f"{dispute_key(DENIAL.text, ASSERTION.text)}\treal\tdenial against the report\n"
                    f"{dispute_key(DENIAL.text, other.text)}\tfalse\tdifferent-topic: spring is not March\n")
    metrics, details = score(claims, _produced(disputes, [DENIAL, ASSERTION, other]), read_judgments(path))
    assert (metrics["judged"], metrics["unjudged"], metrics["precision_read"]) == (2.0, 1.0, 0.5)
    assert metrics["dispute_recall_strict_real"] == 0.5  # D1, a strict hit of claim C1, was judged real
    metrics, _ = score(claims, _produced(disputes[1:], [DENIAL, ASSERTION, other]), read_judgments(path))
    assert (metrics["dispute_recall_strict"], metrics["dispute_recall_strict_real"]) == (0.5, 0.0)
    assert details["false_by_class"] == "different-topic 1"


@pytest.mark.parametrize("line, message", [
    ("0123456789abcdef\treal", r"judgments.tsv:2: expected KEY<TAB>VERDICT<TAB>REASON, found 2"),
    ("0123456789abcdef\tmaybe\tunsure", r"judgments.tsv:2: verdict 'maybe' is not one of real, false"),
    ("D1234\treal\tok", r"judgments.tsv:2: key 'D1234' is not 16 hex digits"),
    ("0123456789abcdef\tfalse\tsame-speaker: x", r"judgments.tsv:2: key 0123456789abcdef was already judged real"),
])
def test_a_malformed_judgments_file_is_a_clear_error(tmp_path, line, message):
    """A bad line is named with its number and what is wrong, never skipped."""
    path = tmp_path / "judgments.tsv"
    path.write_text(f"0123456789abcdef\treal\tfine\n{line}\n")
    with pytest.raises(BenchError, match=message):
        read_judgments(path)


def test_context_is_the_sentences_around_the_statement():
    """One sentence before and after the statement's own, with the statement marked."""
    text = "First one. Second one.\nThird, he said the port will close. Fourth one! Fifth one."
    start = text.index("the port")
    shown = context(text, start, start + len("the port will close"))
    assert shown == "Second one. Third, he said «the port will close». Fourth one!"


_AGREE = ("The port of Velmora will close in March for two years of repairs, the regional transport minister "
          "Elena Marsh said on Tuesday. \"The northern pier is no longer safe and the port will close on March 1,\" "
          "Marsh told reporters in the capital. Ferry operators said they had been told to move their ships south.")
_AGREE_TOO = ("Velmora's harbour will shut in March, minister Elena Marsh announced on Tuesday, citing the state of "
              "the northern pier. Shipping companies said the closure of the port would cost them months of trade, "
              "and the fishing cooperative asked for help for its members.")
_REFUTE = ("The harbour authority of Velmora denied on Wednesday that the port would close in March. \"The port "
           "will not close. Repairs will be done one berth at a time,\" said Anna Derwent, a spokeswoman for the "
           "authority, responding to reports that the minister had announced a closure.")


@pytest.mark.slow
def test_bench_runs_end_to_end_on_hand_written_bodies(tmp_path):
    """Bodies go through the product's pipeline: the short one is rejected and counted, the sheet holds every
    dispute, and the figures follow the contract."""
    from storytrace.bench.run import run_benchmark

    bodies, stances = tmp_path / "bodies.csv", tmp_path / "stances.csv"
    with bodies.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["Body ID", "articleBody"], [1, _AGREE], [2, _AGREE_TOO], [3, _REFUTE],
                                      [4, "Port shut, says minister."]])
    with stances.open("w", encoding="utf-8", newline="") as handle:
        headline = "Port of Velmora to close in March"
        csv.writer(handle).writerows([["Headline", "Body ID", "Stance"], [headline, 1, "agree"],
                                      [headline, 2, "agree"], [headline, 3, "disagree"], [headline, 4, "agree"]])
    sheet, judgments = tmp_path / "sheet.md", tmp_path / "judgments.tsv"
    judgments.write_text("# no verdicts yet\n")
    result = run_benchmark("disputes", bodies=bodies, stances=stances, sheet=sheet, judgments=judgments)
    assert result.primary == "dispute_recall_strict" and result.n == 1
    assert result.details["bodies"] == "4 bodies of 1 contested claims: 3 stored, 1 rejected, 0 duplicate texts"
    assert "words of article text" in result.details["rejected"]
    assert result.details["headline_guessed"].endswith(" of 3 stored bodies")
    assert result.metrics["disputes_across_claims"] == 0.0
    assert result.metrics["unjudged"] == result.metrics["disputes_total"]
    assert sheet.read_text().count("\n## ") == result.metrics["disputes_total"]


def test_a_sheet_in_a_missing_folder_is_refused_before_any_work(tmp_path):
    """The sheet is written after minutes of analysis: a path that cannot be written is refused first."""
    from storytrace.bench.disputes import bench_disputes

    bodies, stances = _write_csvs(tmp_path)
    with pytest.raises(BenchError, match="no such folder for the sheet"):
        bench_disputes(bodies, stances, sheet=tmp_path / "missing" / "sheet.md")


def test_judged_disputes_are_counted_by_rule_and_their_confidence_set_beside_the_share_read_real(tmp_path):
    """Precision by reading per rule that raised the disputes, and the calibration line: each rule's mean
    confidence beside its share read real, their gap averaged over the judged disputes."""
    claims = fnc_claims(_rows())
    other = _statement("s2", "a2", "the port closes in spring")
    disputes = [Dispute("D1", "c", ["d3", "s1"], "denial", "", 0.7, DisputeEvidence("cue", ["denied", "said"])),
                Dispute("D2", "c", ["d3", "s2"], "denial", "", 0.5, DisputeEvidence("stance", ["said", "said"], 0.9)),
                Dispute("D3", "c", ["s1", "s2"], "contradiction", "", 0.1, DisputeEvidence("figures"))]
    path = tmp_path / "judgments.tsv"
    path.write_text(f"{dispute_key(DENIAL.text, ASSERTION.text)}\treal\tdenial against the report\n"
                    f"{dispute_key(DENIAL.text, other.text)}\tfalse\tdifferent-topic: spring is not March\n"
                    f"{dispute_key(ASSERTION.text, other.text)}\tfalse\tvalues-agree: one month\n")
    metrics, details = score(claims, _produced(disputes, [DENIAL, ASSERTION, other]), read_judgments(path))
    assert details["real_by_evidence"] == "cue 1 of 1, figures 0 of 1, stance 0 of 1"
    assert details["calibration"] == ("cue: mean confidence 0.70, read real 1.00 (1 of 1); figures: mean confidence "
                                      "0.10, read real 0.00 (0 of 1); stance: mean confidence 0.50, read real 0.00 "
                                      "(0 of 1)")
    assert abs(metrics["calibration_error"] - (0.3 + 0.1 + 0.5) / 3) < 1e-9
