"""Attributions carried by a noun rather than a verb: "Rubio's claim to be the strongest alternative",
"Trump's attacks on Curiel", and findings placed in a document: "In a Des Moines Register poll, Cruz led".
"""

from __future__ import annotations

from typing import Final

from spacy.tokens import Doc, Token

from storytrace.analyze.clauses import (
    Candidate, around_phrase, clause_end, cue_extent, is_cue_verb, names_a_topic, token_end, trim_mark,
    trim_span,
)

# Nouns that name a statement of whoever owns them ("her claim that", "Rubio's pledge to", "his criticism
# of"). Evaluative nouns ("support", "attacks", "remarks", "views") are left out: on train their owners and
# complements are PolNeAR relations half the time or less, and "Trump's attacks on X" is often a deed.
NOUN_CUES: Final[frozenset[str]] = frozenset({
    "claim", "claims", "assertion", "assertions", "argument", "insistence", "contention", "suggestion",
    "pledge", "pledges", "vow", "vows", "embrace", "promise", "promises", "criticism", "critique",
})
_NOUN_PREPS: Final[frozenset[str]] = frozenset({"of", "on", "for", "to", "about", "against", "that"})
# Documents that findings are "in": the document is the source of what the clause around it says.
# A single poll; "in polls", "in his book" are too often background, not a source.
DOCUMENT_NOUNS: Final[frozenset[str]] = frozenset({"poll", "survey", "study"})


def noun_candidates(doc: Doc, text: str, in_quote: set[int]) -> list[Candidate]:
    """`X's claim that ...` / `his call for ...`: an owned statement noun and its complement."""
    found: list[Candidate] = []
    for token in doc:
        if token.i in in_quote or token.lower_ not in NOUN_CUES or not token.tag_.startswith("NN"):
            continue
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is None or owner.i in in_quote:
            continue
        content = _noun_content(token, text)
        if content is None or "\n" in text[min(owner.idx, content[0]):content[1]]:
            continue
        start, end = cue_extent(token)
        found.append(Candidate(content[0], content[1], False, start, end, token, owner))
    return found


def _noun_content(noun: Token, text: str) -> tuple[int, int] | None:
    for child in noun.children:
        if child.i < noun.i:
            continue
        if child.dep_ in ("acl", "ccomp") and child.tag_.startswith("VB"):
            return trim_mark(child, text)
        if child.dep_ == "prep" and child.lower_ in _NOUN_PREPS:
            if names_a_topic(child):
                return None  # "its claims about the test": what the claims concern, not what they say
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                return trim_span(text, objects[0].left_edge.idx, clause_end(objects[0].right_edge, objects[0]))
    return None


def document_candidates(doc: Doc, text: str, in_quote: set[int]) -> list[Candidate]:
    """`In a Des Moines Register poll last month, Cruz had a 10-point lead`: the poll is the source."""
    found: list[Candidate] = []
    for token in doc:
        if token.lower_ != "in" or token.dep_ != "prep" or token.i in in_quote:
            continue
        document = next((c for c in token.children if c.dep_ == "pobj"), None)
        clause = _clause_of(token.head)
        if document is None or document.lower_ not in DOCUMENT_NOUNS or not clause.tag_.startswith("VB"):
            continue
        if is_cue_verb(clause) or clause.dep_ not in ("ROOT", "ccomp", "conj"):
            continue  # "said in a statement": the verb is the cue, the statement its channel
        content = around_phrase(text, clause, token.idx, token_end(token.right_edge))
        if content is None or "\n" in text[min(content[0], token.idx):max(content[1], token_end(document))]:
            continue
        found.append(Candidate(content[0], content[1], False, token.idx, token_end(token), token, document))
    return found


def _clause_of(word: Token) -> Token:
    """The verb whose clause a phrase belongs to: "her approval rating in the poll stands at 53%" -> "stands"."""
    for _ in range(3):
        if word.tag_.startswith("VB") or word.dep_ not in ("nsubj", "dobj", "pobj", "attr", "prep", "compound"):
            return word
        word = word.head
    return word
