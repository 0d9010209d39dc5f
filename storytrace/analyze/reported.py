"""Reported speech: statements found from cue verbs and their clauses ("X said that ...", "X denied
reports that ...", "..., X said Friday.") and from "according to X"."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from storytrace.analyze import cues
from storytrace.analyze.clauses import (
    decline_object, COMPLEMENT_DEPS, COMPLEMENT_PREPS, Candidate, OBJECT_CUES, clause_end, cue_extent, is_cue_verb, is_unsaid, overlaps_any, text_between, token_end, trim_mark, trim_span,
)
from storytrace.analyze.speakers import can_speak, child_of, is_relayed_saying, relayed_saying, source_of


def reported_candidates(
    doc: Doc, text: str, in_quote: set[int], used_cues: set[int], direct_spans: list[tuple[int, int]]
) -> list[Candidate]:
    found: list[Candidate] = []
    for token in doc:
        if token.i in in_quote or token.i in used_cues or not is_cue_verb(token):
            continue
        lemma = cues.cue_lemma(token.lower_) or ""
        if is_relayed_saying(token):
            continue  # "X quoted Y as saying ...": made from the "quoted" verb below
        if is_unsaid(token) and decline_object(token, lemma) is None:
            continue
        content = _reported_content(token, lemma, text)
        if content is None or overlaps_any(content, direct_spans):
            continue
        if "\n" in text[min(content[0], token.idx):max(content[1], token_end(token))]:
            continue  # the parse joined paragraphs: cue and content must share one
        cue_token = relayed_saying(token) or token
        speaker, relays = source_of(cue_token)
        if speaker is None or speaker.i in in_quote or not can_speak(speaker) or "\n" in text_between(text, speaker, token):
            continue
        start, end = cue_extent(cue_token)
        found.append(Candidate(content[0], content[1], False, start, end, cue_token, speaker, relays))
    return found


def _reported_content(cue: Token, lemma: str, text: str) -> tuple[int, int] | None:
    """Character span of what the cue verb reports, or None when it reports nothing."""
    relayed = relayed_saying(cue)
    if relayed is not None:
        cue = relayed
    decline = decline_object(cue, lemma)
    if decline is not None:
        topic = _topic_of(decline)
        end = decline.idx + len(decline.text)
        return trim_span(text, topic[0], topic[1]) if topic else (end, end)
    clause = _near_child(cue, "ccomp", text) or _near_child(cue, "xcomp" if lemma == "predict" else "", text)
    if clause is not None:
        return trim_mark(clause, text)
    obj = _near_child(cue, "dobj", text)
    if obj is not None and obj.lower_ in cues.CLAIM_NOUNS:
        that_clause = child_of(obj, "acl") or child_of(obj, "ccomp") or child_of(obj, "relcl")
        if that_clause is not None and any(c.lower_ == "that" and c.dep_ == "mark" for c in that_clause.children):
            return trim_mark(that_clause, text)
    if obj is not None and (lemma in OBJECT_CUES or obj.lower_ in cues.CLAIM_NOUNS):
        # "denied the allegations", "confirmed the visit"; but "rejected his attempts" is no speech
        return trim_span(text, obj.left_edge.idx, clause_end(obj.right_edge, obj))
    if cue.dep_ == "parataxis" and lemma in ("say", "tell", "add", "report", "write", "claim"):
        return _content_before(cue, text)
    if lemma in cues.BROAD_LEMMAS:
        return _complement_content(cue, text)
    return None


def _complement_content(cue: Token, text: str) -> tuple[int, int] | None:
    """What a finding, evaluation or intention is about: its complements after the verb, as one span.

    "called him reckless" -> "him reckless"; "criticized Obama for the deal" -> "Obama for the deal".
    """
    parts = [c for c in cue.children if c.i > cue.i and "\n" not in text_between(text, cue, c.right_edge) and (
        c.dep_ in COMPLEMENT_DEPS or (c.dep_ == "prep" and c.lower_ in COMPLEMENT_PREPS))]
    if not parts:
        return None
    first, last = parts[0], parts[-1]
    if first.dep_ == "prep" and first.i == cue.i + 1 and first.i < last.i or (first.dep_ == "prep" and first is last):
        # the preposition is part of the cue ("called for", "referring to"): the content is its object
        first = next((c for c in first.children if c.dep_ in ("pobj", "pcomp")), first)
    return trim_span(text, first.left_edge.idx, clause_end(last.right_edge, last))


def _near_child(cue: Token, dep: str, text: str) -> Token | None:
    """The cue's `dep` child in the cue's own paragraph, the one after the cue first.

    The parser often joins a quoted paragraph to the next one ("...one." <newline> Obama said the
    accord ...) and hangs the quote on the next paragraph's "said" as a second clause.
    """
    found = [c for c in cue.children if c.dep_ == dep and "\n" not in text_between(text, c, cue)
             and "\n" not in text[c.left_edge.idx:token_end(c.right_edge)].strip()]
    after = [c for c in found if c.i > cue.i]
    return (after or found or [None])[0]




def _topic_of(verb: Token) -> tuple[int, int] | None:
    """"on the report" in "declined to comment on the report": the object, without the preposition."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("on", "about", "regarding"):
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objs:
                return objs[0].left_edge.idx, token_end(objs[0].right_edge)
        if child.dep_ in ("dobj", "ccomp") and child.i > verb.i:
            return child.left_edge.idx, token_end(child.right_edge)
    return None


def _content_before(cue: Token, text: str) -> tuple[int, int] | None:
    """`President X proposed an office, Yonhap said.`: the clause the parenthetical cue follows."""
    head = cue.head
    if cue.left_edge.i > head.right_edge.i or cue.left_edge.i > head.i:
        if cue.right_edge.i >= head.right_edge.i:
            return trim_span(text, head.left_edge.idx, cue.left_edge.idx)
    if head.left_edge.i < cue.left_edge.i and cue.right_edge.i < head.right_edge.i:
        # "It was, he said, one of the bitterest failures": the content runs on both sides of the
        # cue; its span is the whole clause, the parenthetical inside it.
        return trim_span(text, head.left_edge.idx, clause_end(head.right_edge, head))
    return None


def according_candidates(doc: Doc, text: str, in_quote: set[int]) -> list[Candidate]:
    """`According to X, ...` / `..., according to X.`"""
    found: list[Candidate] = []
    for token in doc:
        if token.lower_ != "according" or token.i in in_quote or token.i + 1 >= len(doc):
            continue
        to = doc[token.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if to.lower_ != "to" or pobj is None:
            continue
        clause = token.head if token.head.i != token.i else None
        if clause is None:
            continue
        left, right = clause.left_edge.idx, clause_end(clause.right_edge, clause)
        phrase_start, phrase_end = token.idx, token_end(token.right_edge if token.right_edge.i > to.i else to.right_edge)
        if phrase_start <= left + 1:
            content = trim_span(text, phrase_end, right)
        elif phrase_end >= right - 1:
            content = trim_span(text, left, phrase_start)
        else:
            content = trim_span(text, left, right)  # "X, according to Y, did Z": the clause around the phrase
        if content is None or "\n" in text[min(content[0], token.idx):max(content[1], token_end(pobj))]:
            continue
        found.append(Candidate(content[0], content[1], False, token.idx, token_end(to), token, pobj))
    return found
