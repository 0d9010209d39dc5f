"""Attributions with no one named as their source: "X seemed to", "X is expected to", "it was reported
that", "X reportedly did", "Asked about X, ...".

PolNeAR annotates these as source-less relations: the writer reports an impression, an expectation or
hearsay without saying whose. Their content is the whole proposition, subject included ("Sanders is
expected to win"); the cue is the raising verb or the passive with its auxiliaries.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from storytrace.analyze.clauses import Candidate, clause_end, cue_extent, token_end, trim_mark, trim_span
from storytrace.analyze.cues import CLAIM_NOUNS, HEARSAY_ADVERBS, RAISING_FORMS
from storytrace.analyze.speakers import child_of

# Passives that report hearsay or an expectation when no agent ("by X") is named.
HEARSAY_PASSIVES = frozenset({
    "expected", "said", "believed", "reported", "thought", "rumored", "rumoured", "alleged", "considered",
    "estimated", "projected", "predicted", "announced", "understood", "seen", "viewed", "regarded",
    "revealed", "disclosed",
})
# Of these, the ones whose passive subject alone is what was made known: "The breach had been reported".
_SUBJECT_IS_CONTENT = frozenset({"reported", "announced", "revealed", "disclosed"})
_COMPLEMENTS = ("xcomp", "ccomp", "acomp", "attr", "oprd")


def sourceless_candidates(doc: Doc, text: str, in_quote: set[int], used_cues: set[int]) -> list[Candidate]:
    found: list[Candidate] = []
    for token in doc:
        if token.i in in_quote or token.i in used_cues:
            continue
        if token.lower_ in HEARSAY_ADVERBS and token.dep_ == "advmod":
            content = _clause_without(token.head, token, text)
            start, end = token.idx, token_end(token)
        elif token.lower_ in RAISING_FORMS and token.tag_.startswith("VB"):
            content = _raised_content(token, text)
            start, end = cue_extent(token)
        elif token.lower_ in HEARSAY_PASSIVES and token.tag_ == "VBN" and _is_agentless_passive(token):
            content = _raised_content(token, text)
            start, end = cue_extent(token)
        elif token.lower_ == "asked" and _is_asked_passive(token):
            content = _asked_content(token, text)
            start, end = cue_extent(token)
        else:
            continue
        if content is None or "\n" in text[min(content[0], start):max(content[1], end)]:
            continue
        found.append(Candidate(content[0], content[1], False, start, end, token, None, sourceless=True))
    return found


def _is_agentless_passive(verb: Token) -> bool:
    deps = {c.dep_ for c in verb.children}
    return "auxpass" in deps and "agent" not in deps


def _is_asked_passive(verb: Token) -> bool:
    """"X was asked about ...", "Asked about ..., X said", "when asked about ...": whoever asked goes unnamed."""
    if verb.tag_ != "VBN" or child_of(verb, "agent") is not None:
        return False
    deps = {c.dep_ for c in verb.children}
    return "auxpass" in deps or (verb.dep_ in ("advcl", "acl", "ROOT") and not deps & {"nsubj", "aux"})


def _asked_content(verb: Token, text: str) -> tuple[int, int] | None:
    """What was asked about: "Asked about the vote, X said" -> "the vote".

    Only a topic: a question ("asked if he would run") or a reported claim ("asked about a report that
    talks would resume") given to nobody would read as the writer asserting it.
    """
    about = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "about" and c.i > verb.i), None)
    topic = child_of(about, "pobj") if about is not None else None
    if topic is None or topic.lower_ in CLAIM_NOUNS or any(c.dep_ in ("acl", "relcl", "ccomp") for c in topic.children):
        return None
    return trim_span(text, topic.left_edge.idx, clause_end(topic.right_edge, topic))


def _raised_content(verb: Token, text: str) -> tuple[int, int] | None:
    """"Sanders is expected to win" -> "Sanders is expected to win"; "it appears that X" -> "X"."""
    complement = next((c for c in verb.children if c.dep_ in _COMPLEMENTS and c.i > verb.i), None)
    subject = child_of(verb, "nsubj") or child_of(verb, "nsubjpass")
    if complement is None:
        if verb.lower_ in _SUBJECT_IS_CONTENT and subject is not None and subject.lower_ not in ("it", "there"):
            return trim_span(text, subject.left_edge.idx, token_end(subject.right_edge))
        return None
    if subject is None or subject.lower_ in ("it", "there") or complement.dep_ == "ccomp":
        return trim_mark(complement, text) if complement.dep_ == "ccomp" else None
    return trim_span(text, subject.left_edge.idx, clause_end(complement.right_edge, complement))


def _clause_without(head: Token, adverb: Token, text: str) -> tuple[int, int] | None:
    """The clause an adverb like "reportedly" modifies, as one span."""
    if not head.tag_.startswith("VB") and head.dep_ not in ("ROOT", "ccomp", "conj"):
        return None
    return trim_span(text, head.left_edge.idx, clause_end(head.right_edge, head))
