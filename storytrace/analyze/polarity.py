"""The stance of one statement: asserts, denies, confirms, declines_comment or speculates.

Read from the cue first ("denied", "declined to comment"), then from the content ("It's
untrue", "may resume"). A negated cue ("did not deny") loses its own stance.
"""

from __future__ import annotations

import re
from typing import Final

from spacy.tokens import Span, Token

from storytrace.analyze.cues import DECLINE_OBJECTS, SPECULATIVE_FORMS, base_polarity, cue_lemma
from storytrace.analyze.stance_words import DENIAL_CONTENT, HEDGE_CONTENT, QUESTION_WORDS, cue_is_negated

# "declined to comment", "would not comment on", "refused to comment", "no comment", "could not explain why",
# "did not respond to a request for comment", "would neither confirm nor deny".
_DECLINE_CUE: Final[re.Pattern[str]] = re.compile(
    r"\b(?:declin\w*|refus\w*)\s+to\s+(?:" + "|".join(sorted(DECLINE_OBJECTS)) + r")\b"
    r"|(?:\bnot|n't|n’t|\bnever)\s+(?:immediately\s+)?(?:comment|confirm|respond|answer|discuss|elaborate|say|explain)(?:ing)?\b"
    r"|\bneither\s+confirm\w*\s+nor\s+den\w*\b"
    r"|\bno\s+comment\b",
    re.IGNORECASE,
)
_DECLINE_CONTENT: Final[re.Pattern[str]] = re.compile(
    r"^\W*no\s+comment\b|\bwe\s+(?:do|will|would)\s+not\s+comment\b|\bwe\s+(?:don't|won't)\s+comment\b"
    r"|\bcannot\s+(?:confirm|comment)\b|\bcan't\s+(?:confirm|comment)\b",
    re.IGNORECASE,
)

# The words just before a content that leave it unanswered when the cue caught is only their last verb: "declined to
# confirm or deny that ...", "would not confirm or deny whether ...".
_UNANSWERED_BEFORE: Final[re.Pattern[str]] = re.compile(
    r"\b(?:declin\w*|refus\w*|not|n't|n’t|never)\s+(?:to\s+)?confirm\s+or\s+den\w*\s*(?:that|whether|if)?\s*$",
    re.IGNORECASE)


def _unanswered(content: Span | str) -> bool:
    """Whether the words before the content in its sentence decline to confirm or deny it."""
    if isinstance(content, str):
        return False
    return bool(_UNANSWERED_BEFORE.search(content.doc[content.sent.start:content.start].text))


def statement_polarity(cue: str, content: Span | str, *, negated: bool | None = None) -> str:
    """The polarity of a statement (one of model.POLARITIES) from its cue phrase and content.

    `cue` is the cue as written, auxiliaries included ("denied", "did not deny", "declined to
    comment"); `negated` overrides the negation read from the cue text when the caller knows it.
    """
    cue_text = cue.strip()
    content_text = content.text if isinstance(content, Span) else content
    if _DECLINE_CUE.search(cue_text) or _DECLINE_CONTENT.search(content_text) or _unanswered(content):
        return "declines_comment"
    is_negated = cue_is_negated(cue_text) if negated is None else negated
    if is_negated and _cue_lemma_of(cue_text) in _ADVOCACY:
        return "denies"  # "did not recommend prosecution": the speaker is against it, not for it
    cue_stance = "asserts" if is_negated else _cue_stance(cue_text)
    if cue_stance == "denies":
        return "denies"
    if DENIAL_CONTENT.search(content_text):
        # "confirmed that no such proposal had been made" denies the proposal all the same.
        return "denies"
    if cue_stance in ("confirms", "speculates"):
        return cue_stance
    if _is_hedged(content):
        return "speculates"
    return "asserts"


# Verbs of being for something: negated ("did not recommend", "does not support") they are against it.
_ADVOCACY: Final[frozenset[str]] = frozenset({"recommend", "support", "endorse", "favor", "advocate", "agree"})


def _cue_lemma_of(cue_text: str) -> str | None:
    """The lemma of the cue's last word that is a cue verb ("did not recommend" -> "recommend")."""
    return next((lemma for word in reversed(cue_text.split()) if (lemma := cue_lemma(word.strip(".,:;")))), None)


def _cue_stance(cue_text: str) -> str:
    """The stance of the cue's verb: its last word that is a known cue form."""
    for word in reversed(cue_text.split()):
        if word.lower() in SPECULATIVE_FORMS:
            return "speculates"
        lemma = cue_lemma(word.strip(".,:;"))
        if lemma is not None:
            # "decline" without "to comment" is not a refusal to comment: treat as a plain cue.
            stance = base_polarity(lemma)
            return "asserts" if stance == "declines_comment" else stance
    return "asserts"


def _is_hedged(content: Span | str) -> bool:
    """Whether the content carries a hedge; with a parse, "May" the month is told apart by its tag."""
    if isinstance(content, Span) and content.doc.has_annotation("TAG"):
        own = _outside_relative_clauses(content)
        for token in own:
            if token.lower_ in ("may", "might") and token.tag_ == "MD" and not _concedes(token):
                return True
        text = "".join(t.text_with_ws for t in own)
        text = re.sub(r"\b(?:may|might)\b", "", text, flags=re.IGNORECASE)
        return bool(HEDGE_CONTENT.search(text))
    text = content.text if isinstance(content, Span) else content
    return bool(HEDGE_CONTENT.search(text))


def _concedes(modal: Token) -> bool:
    """"My name may not be on the ballot, but our progress is": a concession the "but" clause answers, no hedge."""
    verb = modal.head
    return any(c.dep_ == "cc" and c.lower_ == "but" and c.i > modal.i for c in verb.children) or any(
        c.dep_ == "conj" and any(g.lower_ == "but" for g in verb.children) for c in verb.children)


def _outside_relative_clauses(content: Span) -> list:
    """The content's tokens without its relative clauses about people: "a process for those who might seek the
    post" hedges what those people would do, not the speaker's claim ("a Senate that could be on a knife's edge"
    is the claim itself, hedged)."""
    inside: set[int] = set()
    for token in content:
        if token.dep_ == "relcl" and content.start <= token.head.i < content.end and (any(
                c.lower_ in ("who", "whom", "whose") for c in token.subtree) or _added_which(token)):
            inside.update(t.i for t in token.subtree)
        elif _not_the_claim(token, content):
            inside.update(t.i for t in token.subtree)
    return [t for t in content if t.i not in inside]


def _added_which(clause: Token) -> bool:
    """", which could have let him ...": a relative clause set off by a comma adds a consequence to the claim;
    its "could" hedges the consequence, not the claim ("a Senate that could be on a knife's edge" is hedged)."""
    first = clause.left_edge
    before = clause.doc[first.i - 1] if first.i > 0 else None
    return first.lower_ == "which" and before is not None and before.text == ","


# Conjunctions of a purpose or a condition: "so they could use the funds", "if the court were to deprive him".
_PURPOSE_OR_CONDITION = frozenset({"so", "if", "unless"})
# Verbs of wishing: what is wished for may be out of reach without the claim being hedged ("wish they could go back").
_WISHING = frozenset({"wish", "wishes", "wished", "want", "wants", "wanted"})
_WH_WORDS = QUESTION_WORDS | {"which"}  # "to decide which could take part" names a question too


def _not_the_claim(clause: Token, content: Span) -> bool:
    """A clause inside the content whose "could" or "may" is not the speaker's hedge: a purpose or a condition
    ("adding low-income areas so they could use the funds", "if the court were to ..."), what someone wishes
    ("wish they could go back") or a question named ("too ambiguous to determine who could participate")."""
    if clause.i == content.root.i or not content.start <= clause.head.i < content.end:
        return False
    if clause.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in _PURPOSE_OR_CONDITION for c in clause.children)
    if clause.dep_ in ("ccomp", "xcomp") and clause.head.lower_ in _WISHING:
        return True
    return clause.dep_ in ("ccomp", "xcomp", "pcomp", "acl") and clause.left_edge.lower_ in _WH_WORDS and (
        clause.left_edge.i > content.start)
