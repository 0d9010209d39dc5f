"""Attributed statements: direct quotes and reported speech, with speaker, cue, stance, day and chain.

Works on a parsed article (`spacy.tokens.Doc`). It reads only `lower_`, `tag_`, `dep_`, `head`
and `ents`, so it also runs on a pipeline without lemmatizer. Candidates are found first (quotes,
then cue verbs, "according to", headline colons, "in a poll", claim nouns, then statements with no
source named: "X seemed to", "X is expected to", "reportedly"), then speakers are resolved in reading
order, so that "he", "the spokesman" and "Mr. Chang" can point back to speakers already met. A
statement with no source named, or in the writer's own "I"/"we", has the outlet as its speaker (or
`UNNAMED` when the outlet is not known) and no mention span.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Token

from storytrace.analyze import cues
from storytrace.analyze.chains import ChainTracer
from storytrace.analyze.clauses import (
    Candidate,
    candidate_spans,
    clause_of_a_noun,
    cue_extent,
    describes_a_kind,
    evidence_without_source,
    is_adverbial,
    is_cue_verb,
    is_unsaid,
    makes_a_deal,
    names_a_thing,
    text_between,
    trim_span,
)
from storytrace.analyze.nouns import document_candidates, noun_candidates
from storytrace.analyze.polarity import statement_polarity
from storytrace.analyze.quotes import QuoteSpan, find_quotes, is_quote_mark
from storytrace.analyze.refutations import refutation_candidates
from storytrace.analyze.reported import according_candidates, colon_candidates, reported_candidates
from storytrace.analyze.sourceless import sourceless_candidates
from storytrace.analyze.speakers import (
    SpeakerResolver,
    author_of,
    can_speak,
    is_writer,
    mention_span,
    source_of,
)
from storytrace.analyze.timex import is_live_report, said_on
from storytrace.budget import Deadline
from storytrace.clean.meta import dateline_length
from storytrace.model import Speaker, Statement

_SENTENCE_END = frozenset({".", "!", "?", ";"})
_FREE_RELATIVES = frozenset({"what", "whose", "whatever"})
UNNAMED = "the writer"  # the speaker of a source-less or first-person statement when the outlet is not known


@dataclass
class Attribution:
    """A statement with the character span of its speaker's mention as written ("he" for "he said").

    `source_start`/`source_end` are -1 when the speaker has no mention in the text.
    """

    statement: Statement
    source_start: int = -1
    source_end: int = -1


def extract_statements(
    doc: Doc,
    *,
    outlet: str | None = None,
    agency: str | None = None,
    anchor: date | None = None,
) -> list[Statement]:
    """Every attributed statement in one parsed article, in reading order.

    `outlet` heads each chain; `agency` (the wire credit of an agency story the outlet carries)
    follows it, and lets "the agency said" name the agency; `anchor` (dateline or publication
    date) resolves "said Friday".
    """
    return [found.statement for found in extract_attributions(doc, outlet=outlet, agency=agency, anchor=anchor)]


def extract_attributions(
    doc: Doc,
    *,
    outlet: str | None = None,
    agency: str | None = None,
    anchor: date | None = None,
    deadline: Deadline | None = None,
) -> list[Attribution]:
    """As `extract_statements`, with each speaker's mention span. Past `deadline` the statements found so far
    are returned, and the deadline records where reading stopped."""
    text = doc.text  # built from the tokens on every access: read it once
    quotes = find_quotes(text)
    in_quote = _tokens_in_quotes(doc, quotes)
    candidates, answered = _quote_candidates(doc, text, quotes)
    candidates = _join_split_quotes(candidates, text)
    used_cues = {c.cue_token.i for c in candidates} | answered
    candidates += reported_candidates(doc, text, in_quote, used_cues, candidate_spans(candidates))
    candidates += according_candidates(doc, text, in_quote)
    candidates += colon_candidates(doc, text, in_quote)
    candidates += document_candidates(doc, text, in_quote)
    candidates += noun_candidates(doc, text, in_quote)
    used_cues = {c.cue_token.i for c in candidates}
    candidates += sourceless_candidates(doc, text, in_quote, used_cues)
    candidates += refutation_candidates(doc, text, [_taken(c) for c in candidates])
    for candidate in candidates:
        _with_antecedent(candidate, doc)
    candidates.sort(key=lambda c: (c.start, c.end))
    _mark_nested(candidates)
    # A finding or opinion verb inside another statement is part of what was said, not a statement of its own.
    candidates = [c for c in candidates if not (c.nested and cues.cue_lemma(c.cue_token.lower_) in cues.BROAD_LEMMAS)]
    # "she's glad Clinton appeared to be better": a hedge inside someone's words is theirs, not the outlet's
    candidates = [c for c in candidates if not (c.nested and c.sourceless and not c.refutes)]
    # "they found a way", "he didn't see the irony", "the ad mentions X": a thing found, seen or named, not said;
    # its doer is still a name the next "they" or "he" may stand for
    doers = [c for c in candidates if not c.direct and is_cue_verb(c.cue_token) and names_a_thing(c.cue_token)]
    candidates = [c for c in candidates if c.direct or not is_cue_verb(c.cue_token) or not names_a_thing(c.cue_token)]
    # "nations that oppose radical Islamic ideology": a relative clause saying what kind of nations, no statement
    candidates = [c for c in candidates if c.direct or not is_cue_verb(c.cue_token) or not describes_a_kind(c.cue_token)]
    # "his performance confirms where he stands": a quality or an event is no source of evidence
    candidates = [c for c in candidates if c.direct or not is_cue_verb(c.cue_token)
                  or not evidence_without_source(c.cue_token)]
    # "decided to trade despite concerns, even inside his administration, that it might ...": the concerns' clause
    candidates = [c for c in candidates if c.direct or not is_cue_verb(c.cue_token) or not clause_of_a_noun(doc, c.start)]
    # "defended the remark, saying ...", "spoke out about the death, arguing that ...": the first names the topic,
    # the participle after it carries what was said
    candidates = _without_topics(candidates, doc)
    # "agreed to share a single currency": a deal made, not a view held
    doers += [c for c in candidates if not c.direct and is_cue_verb(c.cue_token) and makes_a_deal(c.cue_token)]
    candidates = [c for c in candidates if c.direct or not is_cue_verb(c.cue_token) or not makes_a_deal(c.cue_token)]
    # "what the senators said was gerrymandering": a free relative holding its own cue names what was said, but
    # is no statement itself
    candidates = [c for c in candidates if not (not c.direct and c.start <= c.cue_start < c.end
                                                and text[c.start:c.end].split(" ", 1)[0].lower() in _FREE_RELATIVES)
                  and not _in_free_relative(c)]  # a quotation split by its cue ("What makes ...," X said, "...") is kept
    return _resolve(doc, text, candidates, in_quote, outlet=outlet, agency=agency, anchor=anchor,
                    deadline=deadline or Deadline.none(), doers=doers)


# --- direct quotes -------------------------------------------------------------------------


def _taken(candidate: Candidate) -> tuple[int, int]:
    """The characters a statement takes, its cue included when it has one (a quote going on from the one before
    has none: its cue_start is -1, which would otherwise stretch the span back to the text's start and hide every
    refutation before the quote)."""
    start = candidate.start if candidate.cue_start < 0 else min(candidate.start, candidate.cue_start)
    return start, max(candidate.end, candidate.cue_end)


def _tokens_in_quotes(doc: Doc, quotes: list[QuoteSpan]) -> set[int]:
    inside: set[int] = set()
    for quote in quotes:
        span = doc.char_span(quote.start, quote.end, alignment_mode="contract")
        if span is not None:
            inside.update(range(span.start, span.end))
    return inside


def _quote_candidates(doc: Doc, text: str, quotes: list[QuoteSpan]) -> tuple[list[Candidate], set[int]]:
    """Statements from quotations, and the cue verbs found after a quote that say something else ("said yes"):
    no statement is made from those either."""
    found: list[Candidate] = []
    answered: set[int] = set()
    for quote in quotes:
        content = trim_span(text, quote.start, quote.end)
        if content is None:
            continue
        words = len(text[content[0]:content[1]].split())
        cue = _cue_after_quote(doc, text, quote) or _cue_before_quote(doc, quote, words)
        if cue is not None and cue.dep_ == "ccomp" and is_cue_verb(cue.head) and cue.head.idx < min(cue.idx, quote.open_at):
            continue  # `X said he believes "..."`: the quote is part of what X said, found from "said"
        if cue is not None and _reported_by_earlier_cue(doc, quote, cue):
            continue  # `X said they want "justice for T," but pledged ...`: the quote is inside what X said
        if cue is not None and is_unsaid(cue):
            cue = None  # "required staff to promise: ..." is no statement; "went on to say: ..." is
        if cue is not None:
            one_word = words < 2 and not text[content[0]:content[1]].endswith(("!", "?", "."))
            if one_word and not _closes_with_comma(text, quote):
                continue  # a one-word scare quote even with a cue nearby is too often a label
            speaker, relays = source_of(cue)
            if speaker is not None and quote.open_at <= speaker.idx < quote.close_at <= cue.idx:
                speaker = _name_before(doc, quote, cue)  # a bad parse took a subject inside the quote for the speaker
            if speaker is not None and ("\n" in text_between(text, speaker, cue) or not can_speak(speaker)):
                speaker = None  # the parse joined two paragraphs, or the "speaker" is the writer
            if cue.idx >= quote.close_at and _answers_otherwise(cue):
                answered.add(cue.i)
                continue  # `..."our own citizens," Melanie said yes`: the verb has its own object, not the quote
            start, end = cue_extent(cue)
            opening = _clause_opening(doc, text, quote, cue)
            found.append(Candidate(opening if opening is not None else content[0], content[1], True, start, end, cue,
                                   speaker, relays))
        elif (signed := _signature(doc, text, quote)) is not None:
            dash_start, dash_end, name = signed
            found.append(Candidate(content[0], content[1], True, dash_start, dash_end, name, name))
        elif words >= 4 and _starts_sentence(text, quote.open_at):
            # A standalone quoted sentence after an attributed one: "...," he said. "..."
            found.append(Candidate(content[0], content[1], True, -1, -1, doc[0], None, inherit=True))
    return found, answered


def _name_before(doc: Doc, quote: QuoteSpan, cue: Token) -> Token | None:
    """`"... We will achieve justice," Tulsa police Chief Chuck Jordan said`: when the parse gives the cue a
    subject inside the quotation (the "We"), the speaker is the noun right before the cue, after the quote."""
    before = doc[cue.i - 1] if cue.i > 0 else None
    if before is None or before.idx < quote.close_at or not before.tag_.startswith("NN"):
        return None
    return before


def _join_split_quotes(found: list[Candidate], text: str) -> list[Candidate]:
    """`"That," he added, "promises to make life a lot more difficult."`: one quoted sentence split by its cue is one
    statement, the cue inside it, when the second part goes on in lower case ("promises", "but the attempt",
    "what does he think of you?"); a second part that opens a sentence of its own stays a statement of its own."""
    joined: list[Candidate] = []
    for candidate in found:
        before = joined[-1] if joined else None
        if (before is not None and before.direct and candidate.direct and before.cue_token.i == candidate.cue_token.i
                and before.end <= before.cue_start and candidate.start >= before.cue_end
                and text[candidate.start:candidate.start + 1].islower()):
            before.end = candidate.end
            continue
        joined.append(candidate)
    return joined


def _answers_otherwise(cue: Token) -> bool:
    """`..., Melanie said yes`: a cue after its subject with an object of its own says that, not the quote before
    it ("told reporters" names whom it was said to, and still reports the quote)."""
    subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.i < cue.i and cues.cue_lemma(cue.lower_) not in cues.ADDRESSING_LEMMAS and any(
        c.dep_ in ("dobj", "ccomp", "intj") and c.i > cue.i and not is_adverbial(c) for c in cue.children)


def _clause_opening(doc: Doc, text: str, quote: QuoteSpan, cue: Token) -> int | None:
    """`The summit accomplished "too little," he added`: a quotation that ends a clause begun outside the quote
    marks is only part of what was said; the statement is the clause, from the sentence's start. None when the
    quote opens the sentence, or when a cue verb before it reports the clause itself."""
    if cue.idx < quote.close_at or not _closes_with_comma(text, quote):
        return None
    inside = doc.char_span(quote.start, quote.end, alignment_mode="contract")
    if inside is None or len(inside) == 0:
        return None
    sentence = inside[0].sent
    before = doc[sentence.start:inside.start]
    words = [t for t in before if not (t.is_punct or t.is_space or is_quote_mark(t))]
    if not words or "\n" in text[sentence.start_char:quote.open_at] or any(
            is_cue_verb(t) or is_quote_mark(t) or t.text in (":", ";") for t in before[:-1]):
        return None
    return words[0].idx


def _reported_by_earlier_cue(doc: Doc, quote: QuoteSpan, cue: Token) -> bool:
    """Whether the quotation sits inside the clause a speech verb before it reports (not `cue` itself): then it is
    part of that statement, found from that verb, and the cue after it belongs to another clause."""
    inside = doc.char_span(quote.start, quote.end, alignment_mode="contract")
    if inside is None or len(inside) == 0:
        return False
    token = inside.root
    while token.head.i != token.i:
        head = token.head
        if head.i == cue.i:
            return False
        if head.i < inside.start and is_cue_verb(head) and token.dep_ in ("ccomp", "xcomp", "dobj") and (
                head.sent.start == inside.sent.start):
            return True
        token = head
    return False


def _signature(doc: Doc, text: str, quote: QuoteSpan) -> tuple[int, int, Token] | None:
    """`“...” ― Sonya Herridge`: a paragraph that is one quotation signed with a dash and a name, as readers'
    letters and roundups print them. The dash is the cue, the name's head the speaker."""
    paragraph_start = text.rfind("\n", 0, quote.open_at) + 1
    if text[paragraph_start:quote.open_at].strip():
        return None
    end = text.find("\n", quote.end)
    end = len(text) if end < 0 else end
    signed = _SIGNATURE.match(text, quote.end, end)
    if signed is None:
        return None
    name_end = signed.end("name") - (signed.group("name").endswith(".") and len(signed.group("name").split()[-1]) > 4)
    name = doc.char_span(signed.start("name"), name_end, alignment_mode="contract")
    if name is None or len(name) == 0 or not (any(t.ent_type_ in ("PERSON", "ORG") for t in name)
                                              or all(t.tag_ == "NNP" for t in name)):
        return None  # a name the recogniser knows, or proper nouns all through
    return signed.start("dash"), signed.end("dash"), name.root


# After a closing quote mark: a dash, a name of up to five capitalised words, an optional ", place" and a stop.
_SIGNATURE = re.compile(r"[\"”’']*\s*(?P<dash>[―—–]|--)\s*(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})"
                        r"\s*(?:,\s*[A-Z][^\n,]{0,40})?\.?\s*$")


def _cue_after_quote(doc: Doc, text: str, quote: QuoteSpan) -> Token | None:
    """`"...," said X.` / `"...," X said Friday.` / `"...," the 71-year-old diplomat said`: the cue verb
    after the quote, inverted or with a subject that starts right after the quote."""
    after = doc.char_span(quote.close_at, len(text), alignment_mode="expand")
    if after is None:
        return None
    closes_sentence = text_ends_sentence(text, quote)
    for n, token in enumerate(after):
        if n > 30 or token.text in _SENTENCE_END or "\n" in token.text or (n > 0 and is_quote_mark(token)):
            return None
        if (n == 0 and token.is_punct) or not is_cue_verb(token):
            continue
        if any(c.dep_ == "ccomp" and c.i > token.i and not is_adverbial(c) for c in token.children):
            return None  # `..." She announced that ...` opens a statement of its own
        if token.dep_ == "conj" and token.head.idx < quote.open_at and not _closes_with_comma(text, quote):
            return None  # `used the phrase "Islamic terrorism" often, and criticized Obama`: a second verb of a
            # clause begun before the quote, which names the quote as a thing
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        starts_after = subject is not None and subject.left_edge.i <= after.start + 1
        if n <= 1 or (starts_after and not (closes_sentence and _has_object(token))) or (n <= 8 and not closes_sentence):
            return token
        return None  # `"... it." The star then recalled an incident`: a new sentence of its own
    return None


def _has_object(verb: Token) -> bool:
    return any(c.dep_ in ("dobj", "xcomp", "ccomp", "attr") and c.i > verb.i for c in verb.children)


def text_ends_sentence(text: str, quote: QuoteSpan) -> bool:
    return text[quote.start:quote.end].rstrip().endswith(".")


def _closes_with_comma(text: str, quote: QuoteSpan) -> bool:
    """`"Savage," she said`: the comma inside the closing mark hands the quote to the cue after it."""
    return text[quote.start:quote.end].rstrip().endswith(",")


def _cue_before_quote(doc: Doc, quote: QuoteSpan, words: int) -> Token | None:
    """`X said: "..."` / `X said, "..."` / `he said, "...` (the second half of a split quote)."""
    before = doc.char_span(0, quote.open_at, alignment_mode="contract")
    if before is None or len(before) == 0:
        return None
    if before[-1].is_space and len(before) > 1 and before[-2].text == ":":
        before = before[:-1]  # `He said:` <paragraph> `"..."`: a block quotation the colon introduces
    last = before[-1]
    if last.text not in (":", ","):
        # `said "We will win."` only when the quote reads as a full utterance
        return last if is_cue_verb(last) and words >= 4 else None
    for token in reversed(before[max(0, len(before) - 13):-1]):
        if token.text in _SENTENCE_END or "\n" in token.text or is_quote_mark(token):
            return None
        if is_cue_verb(token):
            near = last.i - token.i <= 5 or last.text == ":"
            # `said last week in Tel Aviv, "..."`: farther back only over the cue's own modifiers
            return token if near or _only_modifiers(token, last) else None
    return None


def _only_modifiers(cue: Token, stop: Token) -> bool:
    between = cue.doc[cue.i + 1:stop.i]
    return all(t.dep_ not in ("dobj", "ccomp", "xcomp", "dative") and not t.tag_.startswith("VB")
               and cue.is_ancestor(t) for t in between)


def _starts_sentence(text: str, open_at: int) -> bool:
    before = text[:open_at].rstrip(" \t")
    return not before or before.endswith(("\n", ".", "!", "?", "”", '"'))


# --- resolution and assembly ---------------------------------------------------------------


def _resolve(
    doc: Doc,
    text: str,
    candidates: list[Candidate],
    in_quote: set[int],
    *,
    outlet: str | None, agency: str | None, anchor: date | None, deadline: Deadline,
    doers: list[Candidate] | None = None,
) -> list[Attribution]:
    """Statements from the candidates in reading order; the doers of deeds that are no statements (`doers`) are
    remembered as they come, as a reader remembers who acted, for the references after them."""
    reported = {token.i for c in candidates if not c.direct
                for token in (doc.char_span(c.start, c.end, alignment_mode="expand") or ())}
    resolver = SpeakerResolver(doc, agency=agency, quoted=in_quote, reported=reported)
    tracer = ChainTracer(doc, resolver, outlet=outlet, agency=agency)
    live = is_live_report(text)
    found: list[Attribution] = []
    last_direct: Attribution | None = None
    pending = sorted((c for c in doers or () if c.speaker is not None), key=lambda c: c.cue_start)
    for candidate in candidates:
        while pending and pending[0].cue_start < candidate.start:
            _remember_doer(resolver, pending.pop(0))
        if deadline.expired():
            deadline.cut(f"statements from character {candidate.start:,} of {len(text):,} on not read")
            break
        if candidate.inherit:
            attribution = _inherited(doc, text, candidate, last_direct, anchor)
        else:
            attribution = _assemble(doc, text, candidate, resolver, outlet=outlet, agency=agency, anchor=anchor,
                                    live=live)
            if attribution is not None and not candidate.sourceless:
                tracer.trace(attribution.statement, candidate.cue_token, candidate.speaker, candidate.relays)
            if attribution is not None and candidate.nested:
                _through_reporter(attribution.statement, found)
        if attribution is None:
            continue
        found.append(attribution)
        if attribution.statement.direct:
            last_direct = attribution
    return found


def _remember_doer(resolver: SpeakerResolver, doer: Candidate) -> None:
    """"Twenty-seven states are challenging the rules. They argue ...": the states are who "they" are, though
    challenging the rules is no statement; a pronoun doer is resolved too, as it would be for a statement."""
    head = doer.speaker
    if head is None or not can_speak(head) or is_writer(head) or head.lower_ in _NO_DOERS:
        return  # "The statement also referenced ...": a document is no one a later "it said" stands for
    resolver.resolve(author_of(head), nested=doer.nested)


# Documents that "reference" or "highlight" things: no one a later "it said" or "they argue" stands for.
_NO_DOERS = cues.STATEMENT_NOUNS | frozenset({
    "report", "reports", "study", "poll", "survey", "document", "documents", "ad", "ads", "video", "book", "article",
    "film", "memo", "record", "records"})


def _assemble(
    doc: Doc,
    text: str,
    candidate: Candidate,
    resolver: SpeakerResolver,
    *,
    outlet: str | None,
    agency: str | None,
    anchor: date | None,
    live: bool,
) -> Attribution | None:
    by_writer = candidate.sourceless or (candidate.speaker is not None and is_writer(candidate.speaker))
    if by_writer:
        # Nobody is named, or the writer speaks ("I think", "we know"): the outlet stands as the speaker.
        speaker = Speaker(outlet or agency or UNNAMED)
    elif candidate.speaker is None:
        return None
    else:
        speaker = resolver.resolve(author_of(candidate.speaker), nested=candidate.nested)
    if speaker is None:
        return None
    if candidate.speaker is not None and candidate.speaker.lower_ == "it" and speaker.name.lower() == "it" and (
            cues.cue_lemma(candidate.cue_token.lower_) in cues.BROAD_LEMMAS):
        return None  # "It showed that ...", "It shows an officer ...": a thing that shows is no source to trace
    relays = [resolver.resolve(relay, remember=False) for relay in candidate.relays]
    cue_text = text[candidate.cue_start:candidate.cue_end]
    # A lead sentence's content starts after its dateline: "BEIJING, Dec. 17 (Yonhap) --" is nobody's words.
    cut = dateline_length(text[candidate.start:candidate.end])
    start = candidate.start + cut if cut < candidate.end - candidate.start else candidate.start
    content = doc.char_span(start, candidate.end, alignment_mode="expand")
    said = text[start:candidate.end]
    statement = Statement(
        text=said,
        start=start,
        end=candidate.end,
        direct=candidate.direct,
        speaker=speaker,
        cue=cue_text,
        polarity=("denies" if candidate.refutes
                  else statement_polarity(cue_text, content if content is not None else said)),
        said_on=said_on(candidate.cue_token, text, anchor, content=None if candidate.direct else content,
                        quote=content if candidate.direct else None, by_writer=by_writer,
                        live=live and not candidate.nested),
        chain=_chain(outlet, agency, [r.name for r in relays if r is not None], speaker.name),
        cue_start=candidate.cue_start,
        cue_end=candidate.cue_end,
    )
    if candidate.speaker is None:
        return Attribution(statement)
    source_start, source_end = mention_span(candidate.speaker, candidate.cue_token, (candidate.start, candidate.end), text)
    return Attribution(statement, source_start, source_end)


def _with_antecedent(candidate: Candidate, doc: Doc) -> None:
    """"the funding system, which advocates say disadvantages needy schools": said inside a relative clause, the
    content's subject is the relative pronoun, so the statement starts at the noun it stands for."""
    cue = candidate.cue_token
    if candidate.direct or candidate.sourceless or cue.dep_ != "relcl" or not cue.head.tag_.startswith("NN"):
        return
    relative = next((t for t in doc[cue.head.i + 1:cue.i] if t.lower_ in ("which", "that", "who")), None)
    subjects = [c for c in cue.children if c.dep_ == "nsubj"]
    if relative is None or subjects == [relative]:
        return  # "an architect who said ...": the pronoun is the speaker, not what was said of
    if relative.idx <= candidate.start:
        antecedent = cue.head.left_edge
        if "\n" not in doc.text[antecedent.idx:candidate.start]:
            candidate.start = antecedent.idx


_TOPIC_LEMMAS = frozenset({"defend", "speak", "talk", "respond", "comment"})  # their object is what they were about


def _without_topics(candidates: list[Candidate], doc: Doc) -> list[Candidate]:
    """Drops a topic verb's noun-phrase statement when a participle of saying hung on the same verb gives the
    content ("He defended the remark, saying, '...'"); the topic alone is no statement a reader would sign."""
    cue_ids = {c.cue_token.i for c in candidates}

    def topic_only(candidate: Candidate) -> bool:
        cue = candidate.cue_token
        if candidate.direct or cues.cue_lemma(cue.lower_) not in _TOPIC_LEMMAS:
            return False
        if not any(c.dep_ in ("advcl", "conj") and c.tag_ == "VBG" and c.i in cue_ids for c in cue.children):
            return False
        content = doc.char_span(candidate.start, candidate.end, alignment_mode="expand") or ()
        return not any(t.tag_.startswith("VB") for t in content)

    return [c for c in candidates if not topic_only(c)]


def _in_free_relative(candidate: Candidate) -> bool:
    """"What Mr. Pike considers 'smart' might be seen as evasive": the cue's object is "what", so the verb names a
    thing inside another sentence, and its complement is a fragment."""
    cue = candidate.cue_token
    return cue.i >= 0 and any(c.dep_ in ("dobj", "nsubj", "attr") and c.lower_ in _FREE_RELATIVES and c.i < cue.i
                              for c in cue.children)


def _through_reporter(statement: Statement, found: list[Attribution]) -> None:
    """A statement made inside another's words ("Brisk recalled that the governor told her ...") keeps its own
    speaker, and the one who reports it joins its chain: outlet → Brisk → the governor."""
    if not _speech_cue(statement.cue):
        return  # "Trump (according to Factcheck.org)", "strategists' view": no one reports anyone's words
    reporters = [a.statement for a in found if a.statement.start <= statement.cue_start < a.statement.end
                 and _speech_cue(a.statement.cue)]
    if not reporters:
        return
    reporter = min(reporters, key=lambda s: s.end - s.start)  # the innermost report
    if reporter.speaker.name.lower() == statement.speaker.name.lower():
        return  # "he said he had said": one speaker
    chain = list(reporter.chain)
    for name in statement.chain:
        if name.lower() not in {c.lower() for c in chain}:
            chain.append(name)
    statement.chain = chain


def _speech_cue(cue: str) -> bool:
    """Whether a cue is a verb of speech ("recalled", "told", "said"), not a finding, a view or "according to"."""
    return any(cues.cue_lemma(word) in cues.SPEECH_LEMMAS for word in cue.lower().split())


def _mark_nested(candidates: list[Candidate]) -> None:
    """A candidate is nested when its cue lies inside another candidate's span. `candidates` are in order of
    start, so the spans starting at or before a cue are a prefix of them, and the two of that prefix reaching
    furthest decide (one may be the candidate itself): n log n, where comparing every pair took seconds on
    an article of thousands of quotes."""
    starts = [c.start for c in candidates]
    furthest: list[tuple[int, int, int]] = []  # per prefix: furthest end, whose it is, the second furthest end
    first, owner, second = -1, -1, -1
    for number, candidate in enumerate(candidates):
        if candidate.end > first:
            first, owner, second = candidate.end, number, first
        elif candidate.end > second:
            second = candidate.end
        furthest.append((first, owner, second))
    for number, candidate in enumerate(candidates):
        last = bisect_right(starts, candidate.cue_start) - 1
        if last < 0:
            candidate.nested = False
            continue
        first, owner, second = furthest[last]
        candidate.nested = (first if owner != number else second) > candidate.cue_start


def _inherited(doc: Doc, text: str, candidate: Candidate, previous: Attribution | None,
               anchor: date | None) -> Attribution | None:
    """A continuation quote takes the speaker of the direct quote just before it, in the same or the previous paragraph;
    and its day, unless the speaker's own words in it tell one ("the decision today")."""
    if previous is None or not _continues(text, previous.statement, candidate.start):
        return None
    before = previous.statement
    said = text[candidate.start:candidate.end]
    cue = doc.char_span(before.cue_start, before.cue_end, alignment_mode="expand")
    quote = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
    day = before.said_on or (said_on(cue.root, text, anchor, quote=quote) if cue and quote is not None
                             else None)
    statement = Statement(
        text=said, start=candidate.start, end=candidate.end, direct=True,
        speaker=Speaker(before.speaker.name, before.speaker.entity_id, before.speaker.role),
        cue=before.cue, polarity=statement_polarity(before.cue, quote if quote is not None else said), said_on=day,
        chain=list(before.chain), cue_start=before.cue_start, cue_end=before.cue_end,
    )
    return Attribution(statement, previous.source_start, previous.source_end)


def _continues(text: str, previous: Statement, start: int) -> bool:
    """Whether a quote at `start` goes on from `previous`: only its own attribution may sit between them.

    `"...," he said Friday. "..."` and a quotation reopened in the next paragraph continue;
    `"..." She is 45. "..."` does not.
    """
    if text.count("\n", previous.end, start) > 2:
        return False
    between = text[previous.end:start]
    if not between.split() or not any(ch.isalnum() for ch in between):
        return True
    if not previous.end <= previous.cue_start < start:
        return False
    return len(text[previous.cue_end:start].split()) <= 3


def _chain(outlet: str | None, agency: str | None, relays: list[str], speaker: str) -> list[str]:
    """Outlet, then the wire agency it carries, then relays, then the speaker; repeats collapse."""
    chain: list[str] = []
    for name in [outlet, agency, *relays, speaker]:
        if name and (not chain or chain[-1].lower() != name.lower()):
            chain.append(name)
    return chain
