"""Attributed statements: direct quotes and reported speech, with speaker, cue, stance, day and chain.

Works on a parsed article (`spacy.tokens.Doc`). It reads only `lower_`, `tag_`, `dep_`, `head`
and `ents`, so it also runs on a pipeline without lemmatizer. Candidates are found first (quotes,
then cue verbs, then "according to"), then speakers are resolved in reading order, so that
"he", "the spokesman" and "Mr. Chang" can point back to speakers already met.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Token

from storytrace.analyze import cues
from storytrace.analyze.polarity import statement_polarity
from storytrace.analyze.quotes import QUOTE_CHARS, QuoteSpan, find_quotes, is_quote_mark
from storytrace.analyze.speakers import SpeakerResolver, can_speak, child_of, is_relayed_saying, relayed_saying, source_of
from storytrace.analyze.timex import WEEKDAYS, resolve_said_on
from storytrace.model import Speaker, Statement

_SENTENCE_END = frozenset({".", "!", "?", ";"})
_TIME_WORDS = frozenset({"today", "yesterday", "tonight", "tomorrow", "earlier", "later"})
_OBJECT_CUES = frozenset({"deny", "confirm", "acknowledge", "admit", "announce"})
_GO_ON = frozenset({"went", "goes", "go", "continued", "continues", "proceeded", "began"})
_EDGE_PUNCT = " ,;:—–-\n\t" + QUOTE_CHARS


@dataclass
class _Candidate:
    """A statement before its speaker is resolved."""

    start: int
    end: int
    direct: bool
    cue_start: int
    cue_end: int
    cue_token: Token
    speaker: Token | None
    relays: list[Token] = field(default_factory=list)
    inherit: bool = False  # a quote with no cue of its own: same speaker as the quote before it
    nested: bool = False  # said inside another statement: "Song said Clinton had said ..."


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
    text = doc.text  # built from the tokens on every access: read it once
    quotes = find_quotes(text)
    in_quote = _tokens_in_quotes(doc, quotes)
    candidates = _quote_candidates(doc, text, quotes)
    used_cues = {c.cue_token.i for c in candidates}
    candidates += _reported_candidates(doc, text, in_quote, used_cues, _spans(candidates))
    candidates += _according_candidates(doc, text, in_quote)
    candidates.sort(key=lambda c: (c.start, c.end))
    _mark_nested(candidates)
    return _resolve(doc, text, candidates, in_quote, outlet=outlet, agency=agency, anchor=anchor)


# --- direct quotes -------------------------------------------------------------------------


def _tokens_in_quotes(doc: Doc, quotes: list[QuoteSpan]) -> set[int]:
    inside: set[int] = set()
    for quote in quotes:
        span = doc.char_span(quote.start, quote.end, alignment_mode="contract")
        if span is not None:
            inside.update(range(span.start, span.end))
    return inside


def _quote_candidates(doc: Doc, text: str, quotes: list[QuoteSpan]) -> list[_Candidate]:
    found: list[_Candidate] = []
    for quote in quotes:
        content = _trim(text, quote.start, quote.end)
        if content is None:
            continue
        words = len(text[content[0]:content[1]].split())
        cue = _cue_after_quote(doc, len(text), quote) or _cue_before_quote(doc, quote, words)
        if cue is not None and _is_unsaid(cue) and cue.head.lower_ not in _GO_ON:
            cue = None  # "required staff to promise: ..." is no statement; "went on to say: ..." is
        if cue is not None:
            if words < 2 and not text[content[0]:content[1]].endswith(("!", "?", ".")):
                continue  # a one-word scare quote even with a cue nearby is too often a label
            speaker, relays = source_of(cue)
            if speaker is not None and ("\n" in _between(text, speaker, cue) or not can_speak(speaker)):
                speaker = None  # the parse joined two paragraphs, or the "speaker" is the writer
            start, end = _cue_extent(cue)
            found.append(_Candidate(content[0], content[1], True, start, end, cue, speaker, relays))
        elif words >= 4 and _starts_sentence(text, quote.open_at):
            # A standalone quoted sentence after an attributed one: "...," he said. "..."
            found.append(_Candidate(content[0], content[1], True, -1, -1, doc[0], None, inherit=True))
    return found


def _cue_after_quote(doc: Doc, text_length: int, quote: QuoteSpan) -> Token | None:
    """`"...," said X.` / `"...," X said Friday.`: a cue verb among the few tokens after the quote."""
    after = doc.char_span(quote.close_at, text_length, alignment_mode="expand")
    if after is None:
        return None
    for n, token in enumerate(after):
        if n > 8 or token.text in _SENTENCE_END or "\n" in token.text or (n > 0 and is_quote_mark(token)):
            return None
        if n == 0 and token.is_punct:
            continue
        if _is_cue_verb(token):
            # `..." She announced that ...` opens a statement of its own instead of attributing the quote.
            return None if any(c.dep_ == "ccomp" and c.i > token.i for c in token.children) else token
    return None


def _cue_before_quote(doc: Doc, quote: QuoteSpan, words: int) -> Token | None:
    """`X said: "..."` / `X said, "..."` / `he said, "...` (the second half of a split quote)."""
    before = doc.char_span(0, quote.open_at, alignment_mode="contract")
    if before is None or len(before) == 0:
        return None
    last = before[-1]
    if last.text not in (":", ","):
        # `said "We will win."` only when the quote reads as a full utterance
        return last if _is_cue_verb(last) and words >= 4 else None
    reach = 12 if last.text == ":" else 5
    for token in reversed(before[max(0, len(before) - reach - 1):-1]):
        if token.text in _SENTENCE_END or "\n" in token.text or is_quote_mark(token):
            return None
        if _is_cue_verb(token):
            return token
    return None


def _starts_sentence(text: str, open_at: int) -> bool:
    before = text[:open_at].rstrip(" \t")
    return not before or before.endswith(("\n", ".", "!", "?", "”", '"'))


# --- reported speech -----------------------------------------------------------------------


def _reported_candidates(
    doc: Doc, text: str, in_quote: set[int], used_cues: set[int], direct_spans: list[tuple[int, int]]
) -> list[_Candidate]:
    found: list[_Candidate] = []
    for token in doc:
        if token.i in in_quote or token.i in used_cues or not _is_cue_verb(token):
            continue
        lemma = cues.cue_lemma(token.lower_) or ""
        if is_relayed_saying(token):
            continue  # "X quoted Y as saying ...": made from the "quoted" verb below
        if _is_unsaid(token) and _decline_object(token, lemma) is None:
            continue
        content = _reported_content(token, lemma, text)
        if content is None or _overlaps(content, direct_spans):
            continue
        if "\n" in text[min(content[0], token.idx):max(content[1], _end(token))]:
            continue  # the parse joined paragraphs: cue and content must share one
        cue_token = relayed_saying(token) or token
        speaker, relays = source_of(cue_token)
        if speaker is None or speaker.i in in_quote or not can_speak(speaker) or "\n" in _between(text, speaker, token):
            continue
        start, end = _cue_extent(cue_token)
        found.append(_Candidate(content[0], content[1], False, start, end, cue_token, speaker, relays))
    return found


def _reported_content(cue: Token, lemma: str, text: str) -> tuple[int, int] | None:
    """Character span of what the cue verb reports, or None when it reports nothing."""
    relayed = relayed_saying(cue)
    if relayed is not None:
        cue = relayed
    decline = _decline_object(cue, lemma)
    if decline is not None:
        topic = _topic_of(decline)
        end = decline.idx + len(decline.text)
        return _trim(text, topic[0], topic[1]) if topic else (end, end)
    clause = child_of(cue, "ccomp") or child_of(cue, "xcomp" if lemma == "predict" else "")
    if clause is not None:
        return _trim_mark(clause, text)
    obj = child_of(cue, "dobj")
    if obj is not None and obj.lower_ in cues.CLAIM_NOUNS:
        that_clause = child_of(obj, "acl") or child_of(obj, "ccomp") or child_of(obj, "relcl")
        if that_clause is not None and any(c.lower_ == "that" and c.dep_ == "mark" for c in that_clause.children):
            return _trim_mark(that_clause, text)
    if obj is not None and (lemma in _OBJECT_CUES or obj.lower_ in cues.CLAIM_NOUNS):
        # "denied the allegations", "confirmed the visit"; but "rejected his attempts" is no speech
        return _trim(text, obj.left_edge.idx, _clause_end(obj.right_edge, obj))
    if cue.dep_ == "parataxis" and lemma in ("say", "tell", "add", "report", "write", "claim"):
        return _content_before(cue, text)
    return None


def _decline_object(cue: Token, lemma: str) -> Token | None:
    """The "comment" in "declined to comment" / "would not comment", else None."""
    if lemma in cues.DECLINE_LEMMAS:
        obj = child_of(cue, "xcomp")
        return obj if obj is not None and obj.lower_ in cues.DECLINE_OBJECTS else None
    if lemma == "comment" and any(c.dep_ == "neg" for c in cue.children):
        return cue
    return None


def _topic_of(verb: Token) -> tuple[int, int] | None:
    """"on the report" in "declined to comment on the report": the object, without the preposition."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("on", "about", "regarding"):
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objs:
                return objs[0].left_edge.idx, _end(objs[0].right_edge)
        if child.dep_ in ("dobj", "ccomp") and child.i > verb.i:
            return child.left_edge.idx, _end(child.right_edge)
    return None


def _content_before(cue: Token, text: str) -> tuple[int, int] | None:
    """`President X proposed an office, Yonhap said.`: the clause the parenthetical cue follows."""
    head = cue.head
    if cue.left_edge.i <= head.i:
        return None  # the cue does not follow its clause; a split clause is left for later
    return _trim(text, head.left_edge.idx, cue.left_edge.idx)


def _according_candidates(doc: Doc, text: str, in_quote: set[int]) -> list[_Candidate]:
    """`According to X, ...` / `..., according to X.`"""
    found: list[_Candidate] = []
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
        left, right = clause.left_edge.idx, _clause_end(clause.right_edge, clause)
        phrase_start, phrase_end = token.idx, _end(token.right_edge if token.right_edge.i > to.i else to.right_edge)
        if phrase_start <= left + 1:
            content = _trim(text, phrase_end, right)
        elif phrase_end >= right - 1:
            content = _trim(text, left, phrase_start)
        else:
            continue  # "X, according to Y, did Z": split content, not handled yet
        if content is None or "\n" in text[min(content[0], token.idx):max(content[1], _end(pobj))]:
            continue
        found.append(_Candidate(content[0], content[1], False, token.idx, _end(to), token, pobj))
    return found


# --- resolution and assembly ---------------------------------------------------------------


def _resolve(
    doc: Doc,
    text: str,
    candidates: list[_Candidate],
    in_quote: set[int],
    *,
    outlet: str | None, agency: str | None, anchor: date | None
) -> list[Statement]:
    resolver = SpeakerResolver(doc, agency=agency, quoted=in_quote)
    statements: list[Statement] = []
    last_direct: Statement | None = None
    for candidate in candidates:
        if candidate.inherit:
            statement = _inherited(text, candidate, last_direct)
        else:
            statement = _assemble(doc, text, candidate, resolver, outlet=outlet, agency=agency, anchor=anchor)
        if statement is None:
            continue
        statements.append(statement)
        if statement.direct:
            last_direct = statement
    return statements


def _assemble(
    doc: Doc,
    text: str,
    candidate: _Candidate,
    resolver: SpeakerResolver,
    *,
    outlet: str | None,
    agency: str | None,
    anchor: date | None,
) -> Statement | None:
    if candidate.speaker is None:
        return None
    speaker = resolver.resolve(candidate.speaker, nested=candidate.nested)
    if speaker is None:
        return None
    relays = [resolver.resolve(relay, remember=False) for relay in candidate.relays]
    cue_text = text[candidate.cue_start:candidate.cue_end]
    content = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
    said = text[candidate.start:candidate.end]
    return Statement(
        text=said,
        start=candidate.start,
        end=candidate.end,
        direct=candidate.direct,
        speaker=speaker,
        cue=cue_text,
        polarity=statement_polarity(cue_text, content if content is not None else said),
        said_on=_said_on(candidate.cue_token, text, anchor),
        chain=_chain(outlet, agency, [r.name for r in relays if r is not None], speaker.name),
        cue_start=candidate.cue_start,
        cue_end=candidate.cue_end,
    )


def _mark_nested(candidates: list[_Candidate]) -> None:
    for candidate in candidates:
        candidate.nested = any(o is not candidate and o.start <= candidate.cue_start < o.end for o in candidates)


def _inherited(text: str, candidate: _Candidate, previous: Statement | None) -> Statement | None:
    """A continuation quote takes the speaker of the direct quote just before it, in the same or the previous paragraph."""
    if previous is None or not _continues(text, previous, candidate.start):
        return None
    said = text[candidate.start:candidate.end]
    return Statement(
        text=said, start=candidate.start, end=candidate.end, direct=True,
        speaker=Speaker(previous.speaker.name, previous.speaker.entity_id, previous.speaker.role),
        cue=previous.cue, polarity=statement_polarity(previous.cue, said), said_on=previous.said_on,
        chain=list(previous.chain), cue_start=previous.cue_start, cue_end=previous.cue_end,
    )


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


def _said_on(cue: Token, text: str, anchor: date | None) -> date | None:
    """The day from the cue's own time modifier: "said Friday", "on Thursday denied", "told reporters yesterday"."""
    if cue.i < 0 or anchor is None:
        return None
    past = not any(c.dep_ == "aux" and c.lower_ in ("will", "'ll") for c in cue.children)
    for child in cue.children:
        phrase = _time_phrase(child, text)
        if phrase is not None:
            day = resolve_said_on(phrase, anchor, past)
            if day is not None:
                return day
    following = cue.doc[cue.i + 1] if cue.i + 1 < len(cue.doc) else None
    if following is not None and (following.lower_ in _TIME_WORDS or following.lower_ in WEEKDAYS):
        return resolve_said_on(following.text, anchor, past)
    return None


def _time_phrase(child: Token, text: str) -> str | None:
    if child.dep_ in ("npadvmod", "tmod") or (child.dep_ == "advmod" and child.lower_ in _TIME_WORDS):
        return _subtree_text(child, text)
    if child.dep_ == "prep" and child.lower_ == "on":
        pobj = child_of(child, "pobj")
        return _subtree_text(pobj, text) if pobj is not None else None
    return None


# --- small helpers -------------------------------------------------------------------------


def _is_cue_verb(token: Token) -> bool:
    # An untagged pipeline leaves tag_ empty: then the word form alone decides.
    return cues.is_cue_form(token.lower_) and (not token.tag_ or token.tag_.startswith("VB"))


def _is_unsaid(cue: Token) -> bool:
    """"to declare", "will say": an intended or future statement, not one that was made."""
    return any(c.dep_ == "aux" and (c.tag_ == "TO" or c.lower_ in ("to", "will", "'ll", "shall")) for c in cue.children)


def _cue_extent(cue: Token) -> tuple[int, int]:
    """The cue as written: with its negation and auxiliaries ("did not deny") and, for a refusal, "to comment"."""
    start, end = cue.idx, _end(cue)
    for child in cue.children:
        if child.dep_ in ("neg", "aux") and child.i < cue.i and cue.i - child.i <= 3:
            start = min(start, child.idx)
    obj = _decline_object(cue, cues.cue_lemma(cue.lower_) or "")
    if obj is not None and obj.i != cue.i:
        end = _end(obj)
    return start, end


def _trim_mark(clause: Token, text: str) -> tuple[int, int] | None:
    """The clause's text without a leading "that"."""
    start = clause.left_edge
    if start.lower_ == "that" and start.dep_ == "mark" and start.i < clause.i:
        start = start.doc[start.i + 1]
    return _trim(text, start.idx, _clause_end(clause.right_edge, clause))


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Shrink a span past edge punctuation, spaces and quote marks; None when nothing is left."""
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCT:
        end -= 1
    return (start, end) if end > start else None


def _end(token: Token) -> int:
    return token.idx + len(token.text)


def _clause_end(right_edge: Token, floor: Token) -> int:
    """End of a reported clause without its sentence-final punctuation token ("U.S." keeps its dot)."""
    token = right_edge
    while token.i > floor.i and token.is_punct:
        token = token.doc[token.i - 1]
    return _end(token)


def _subtree_text(token: Token, text: str) -> str:
    return text[token.left_edge.idx:_end(token.right_edge)]


def _between(text: str, a: Token, b: Token) -> str:
    first, second = (a, b) if a.i <= b.i else (b, a)
    return text[first.idx:second.idx]


def _spans(candidates: list[_Candidate]) -> list[tuple[int, int]]:
    return [(c.start, c.end) for c in candidates]


def _overlaps(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    """Whether a reported content mostly repeats a direct quote already taken."""
    length = span[1] - span[0]
    for start, end in others:
        shared = min(span[1], end) - max(span[0], start)
        if shared > 0 and shared >= 0.5 * min(length, end - start):
            return True
    return False
