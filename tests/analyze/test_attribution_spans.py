"""A statement's text is all that was said, no less: "A, but B, the source added" reports the whole sentence,
with the words of anyone recalled in it kept as a nested statement. Hand-written sentences for the span and
nested classes read on PolNeAR dev."""

from __future__ import annotations

from storytrace.analyze.attribution import extract_attributions


def found(nlp, text: str) -> dict[str, tuple[str, str]]:
    """Statement text -> (speaker name, chain)."""
    return {a.statement.text: (a.statement.speaker.name, " → ".join(a.statement.chain))
            for a in extract_attributions(nlp(text), outlet="The Gazette")}


def test_a_closing_cue_reports_the_whole_sentence_before_it(nlp):
    """"..., but the port overruled that request, the aide added": the aide added both halves, and the mayor's
    words in the first are hers, told by the aide."""
    said = found(nlp, "Mayor Ines Volk had told harbour officials that she did not want the escort at all, but the "
                      "port overruled that request, the aide added.")
    whole = ("Mayor Ines Volk had told harbour officials that she did not want the escort at all, but the port "
             "overruled that request")
    assert said[whole] == ("the aide", "The Gazette → the aide")
    assert said["she did not want the escort at all"] == ("Mayor Ines Volk", "The Gazette → the aide → Mayor Ines Volk")


def test_a_closing_cue_on_one_clause_keeps_it(nlp):
    """Must not change: "The ferry left late, a crew member said." and a cue that opens its sentence."""
    assert found(nlp, "The ferry left late, a crew member said.") == {
        "The ferry left late": ("a crew member", "The Gazette → a crew member")}
    assert found(nlp, "A crew member said the ferry left late because of the fog.") == {
        "the ferry left late because of the fog": ("A crew member", "The Gazette → A crew member")}


def test_a_contrasting_saying_is_a_statement_apart(nlp):
    """"said X, though she noted Y" / "although the council insisted Y": the second saying is not part of the
    first statement's text, and is found on its own."""
    said = found(nlp, "Mayor Ines Volk said the new ferry fees hurt small traders, though she noted that the "
                      "harbour needs the money.")
    assert set(said) == {"the new ferry fees hurt small traders", "the harbour needs the money"}
    said = found(nlp, "Mayor Ines Volk said the new ferry fees hurt small traders, although the council insisted "
                      "they were fair.")
    assert said == {"the new ferry fees hurt small traders": ("Ines Volk", "The Gazette → Ines Volk"),
                    "they were fair": ("the council", "The Gazette → the council")}


def test_a_contrast_without_a_saying_stays_in_the_statement(nlp):
    """Must not change: "said X, though the harbour needs the money" is her own concession, all of it hers."""
    said = found(nlp, "Mayor Ines Volk said the new ferry fees hurt small traders, though the harbour needs the money.")
    assert list(said) == ["the new ferry fees hurt small traders, though the harbour needs the money"]


def test_a_second_saying_joined_without_a_subject_is_not_in_the_text(nlp):
    """"said she would order a review and warned against delays": warning is a second thing the mayor did, not part
    of what she said she would do."""
    said = found(nlp, "Mayor Ines Volk said she would order a review of the ferry contracts and warned against delays.")
    assert "she would order a review of the ferry contracts" in said


def test_a_joined_deed_or_a_reported_saying_stays_in_the_text(nlp):
    """Must not change: "the company expanded and hired pilots" is one report; "says Volk promised X and said Y"
    reports both of Volk's sayings."""
    assert list(found(nlp, "Tom Reed said the company expanded and hired new pilots.")) == [
        "the company expanded and hired new pilots"]
    said = found(nlp, "Her spokesman says Volk promised to keep the ferry running and said she would fight the cuts.")
    assert "Volk promised to keep the ferry running and said she would fight the cuts" in said
