"""A paragraph break starts a sentence: the parser must not run a subtitle into the lead sentence."""

from __future__ import annotations

from storytrace.analyze.attribution import extract_statements

OUTLET = "The Capitol Ledger"


def test_subtitle_without_full_stop_does_not_swallow_the_lead(nlp):
    """The case study's newspaper: a subtitle line, a blank line, then `..., the agency said, citing Y.` The lead
    keeps its own statement, reached through the agency, and "the agency reported" in the next sentence is it."""
    text = ("Letter carried by special envoy is said to offer first permanent presence in Korvask in decades\n\n"
            "President Tomas Arendt proposed opening a liaison office in the Veskarian capital, Korvask, in a letter "
            "delivered by his special envoy earlier this month, South Korea's Yonhap news agency said, citing "
            "diplomatic sources in Beijing.\n\n"
            "The letter was handed over during a three-day visit to Korvask by Stephen Marsh, the agency reported "
            "Thursday.\n")
    doc = nlp(text)
    assert any(s.text.startswith("President Tomas Arendt") for s in doc.sents)
    found = extract_statements(doc, outlet=OUTLET)
    [lead] = [s for s in found if s.text.startswith("President Tomas Arendt proposed")]
    assert lead.chain == [OUTLET, "South Korea's Yonhap news agency", "diplomatic sources in Beijing"]
    [handover] = [s for s in found if s.text.startswith("The letter was handed over")]
    assert handover.speaker.name == "South Korea's Yonhap news agency"


def test_hard_wrapped_line_stays_one_sentence(nlp):
    """A single line break inside a sentence (hard-wrapped text) is no sentence start."""
    doc = nlp("The envoy carried a letter from the president\nto Korvask earlier this month, the agency said.\n")
    assert len([s for s in doc.sents if s.text.strip()]) == 1
