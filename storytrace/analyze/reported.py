"""Reported speech: statements found from cue verbs and their clauses ("X said that ...", "X denied
reports that ...", "..., X said Friday.", "accused Trump of ..."), from "according to X" and from a
paragraph opened by a name and a colon ("Clinton: Time for a new strategy")."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from storytrace.analyze import cues
from storytrace.analyze.clauses import (
    COMPLEMENT_DEPS, COMPLEMENT_PREPS, OBJECT_CUES, Candidate, around_phrase, clause_end, cue_extent,
    decline_object, is_cue_verb, is_unsaid, names_a_topic, overlaps_any, text_between, token_end, trim_mark, trim_span,
)
from storytrace.analyze.speakers import (
    can_speak, child_of, is_relayed_saying, may_be_source, recalls_saying, relayed_saying, source_of,
)

OBJECT_DEPS = frozenset({"dobj", "dative", "xcomp", "oprd", "attr", "acomp"})
OBJECT_PREPS = frozenset({"about", "of", "for", "as", "that"})
_REQUESTS = frozenset({"request", "requests", "inquiry", "inquiries", "question", "questions", "call", "calls",
                       "email", "emails", "message", "messages", "queries", "query"})
# Verbs whose passive subject is what was made known: "The move was first reported by MSNBC".
_MAKING_KNOWN = frozenset({"report", "announce", "reveal", "disclose", "confirm", "tweet", "write", "post"})


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
        if "\n" in text[min(content[0], token.idx):max(content[1], token_end(token))] and (
                _block_after_colon(token, text) is None):
            continue  # the parse joined paragraphs: cue and content must share one (save after "added:")
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
    if recalls_saying(cue):
        return None  # "recalled the governor saying ...": the governor's words are found from "saying"
    decline = decline_object(cue, lemma)
    if decline is not None:
        topic = _topic_of(decline)
        end = decline.idx + len(decline.text)
        return trim_span(text, topic[0], topic[1]) if topic else (end, end)
    if lemma in cues.DECLINE_LEMMAS:
        return None  # "refused to keep his hands up", "declined the invitation": a deed, not a refusal to speak
    block = _block_after_colon(cue, text)
    if block is not None:
        return block
    whole = _whole_sentence_before(cue, lemma, text)
    if whole is not None:
        return whole
    clause = _near_child(cue, "ccomp", text) or _near_child(cue, "xcomp" if lemma == "predict" else "", text)
    if clause is not None:
        return trim_mark(clause, text)
    if _is_as_clause(cue):
        # "As The Atlantic noted, trust is collapsing": what was noted is the clause the "as" phrase opens
        return around_phrase(text, cue.head, cue.left_edge.idx, token_end(cue.right_edge))
    obj = _near_child(cue, "dobj", text)
    if obj is not None and obj.lower_ in cues.CLAIM_NOUNS:
        that_clause = child_of(obj, "acl") or child_of(obj, "ccomp") or child_of(obj, "relcl")
        if that_clause is not None and any(c.lower_ == "that" and c.dep_ == "mark" for c in that_clause.children):
            return trim_mark(that_clause, text)
    if obj is not None and lemma in _MAKING_LEMMAS and obj.lower_ in _WORKS:
        return None  # "artists writing songs about him", "retweeted a photo": a work made or passed on, a deed
    if obj is not None and lemma in _FILING_LEMMAS and obj.lower_ in _FILED:
        return None  # "taxpayers reporting capital gains", "had claimed a loss": a tax filing, a deed
    if obj is not None and _withheld(cue, lemma):
        return None  # "denied him a visa", "could deny them permits": a refusal to grant, a deed
    if obj is not None and (lemma in OBJECT_CUES or obj.lower_ in cues.CLAIM_NOUNS):
        # "denied the allegations", "confirmed the visit"; but "rejected his attempts" is no speech
        last = _infinitive_after(cue, obj) or obj  # "announced plans this week to give $15 million": all of it
        return trim_span(text, obj.left_edge.idx, clause_end(last.right_edge, last))
    if cue.dep_ == "parataxis" and lemma in ("say", "tell", "add", "report", "write", "claim"):
        return _content_before(cue, text)
    passive_subject = child_of(cue, "nsubjpass")
    if passive_subject is not None and child_of(cue, "agent") is not None and lemma in _MAKING_KNOWN:
        # "The move was first reported by MSNBC": what was reported is the passive subject
        return trim_span(text, passive_subject.left_edge.idx, token_end(passive_subject.right_edge))
    if cue.dep_ == "ROOT" and lemma in cues.SPEECH_LEMMAS and _ends_sentence(cue):
        before = _sentence_before(cue, text)
        if before is not None:
            return before
    if lemma in cues.BROAD_LEMMAS:
        if obj is not None and obj.lower_ in cues.STATEMENT_NOUNS and child_of(obj, "acl") is not None:
            return None  # "released a statement saying ...": the statement is found from "saying"
        return _complement_content(cue, text)
    return _object_content(cue, lemma, text)


# Verbs that also mean entering an amount on a return or in accounts, and the amounts so entered: "reporting capital
# gains", "claimed a loss of $900 million" fill in a form; "reported that the loss was large" still reports.
_FILING_LEMMAS = frozenset({"report", "claim", "declare"})
_FILED = frozenset({"gain", "gains", "loss", "losses", "income", "incomes", "deduction", "deductions", "earnings",
                    "profit", "profits", "revenue", "revenues", "exemption", "exemptions", "credit", "credits"})


# Verbs of writing or passing on, and works whose making or sharing says nothing by itself: "wrote songs about him",
# "retweeted a photo" (what a song or a photo says is another matter, found from its own cue if it has one).
_MAKING_LEMMAS = frozenset({"write", "retweet", "tweet"})
_WORKS = frozenset({"song", "songs", "book", "books", "poem", "poems", "music", "novel", "novels", "script", "scripts",
                    "lyrics", "check", "checks", "photo", "photos", "image", "images", "picture", "pictures", "video",
                    "videos", "meme", "memes", "gif", "cartoon", "cartoons"})


def _withheld(cue: Token, lemma: str) -> bool:
    """A denying verb with someone it is denied to ("denied him a visa"): something withheld, not a claim denied."""
    return cues.base_polarity(lemma) == "denies" and any(c.dep_ == "dative" for c in cue.children)


def _infinitive_after(cue: Token, obj: Token) -> Token | None:
    """The to-clause the parser hung on the cue after its object, when it completes the object ("plans ... to give")."""
    return next((c for c in cue.children if c.dep_ in ("xcomp", "advcl") and c.i > obj.i and c.tag_ == "VB"
                 and any(a.tag_ == "TO" for a in c.children)), None)


def _block_after_colon(cue: Token, text: str) -> tuple[int, int] | None:
    """`Limbaugh added:` <paragraph> `And from a supposed front-runner, ...`: a paragraph that ends with a speech verb
    and a colon gives it the next paragraph, as transcripts of remarks are printed."""
    doc = cue.doc
    if cue.i + 1 >= len(doc) or doc[cue.i + 1].text != ":" or cues.cue_lemma(cue.lower_) not in cues.SPEECH_LEMMAS:
        return None
    colon_end = token_end(doc[cue.i + 1])
    gap_end = colon_end + len(text[colon_end:]) - len(text[colon_end:].lstrip())
    if "\n" not in text[colon_end:gap_end] or gap_end >= len(text) or text[gap_end] in "\"“'‘`":
        return None  # nothing after the colon, or a quotation (found from the quote marks)
    paragraph_end = text.find("\n", gap_end)
    return trim_span(text, gap_end, len(text) if paragraph_end < 0 else paragraph_end)


def _is_as_clause(cue: Token) -> bool:
    """"As X reported, ..." / "..., as X noted": an "as" clause with nothing said of its own. "As he welcomed the
    guests, ...", "as they signed the bill": a greeting or a deed tells when, not what was said."""
    lemma = cues.cue_lemma(cue.lower_) or ""
    if lemma in cues.DEED_LEMMAS or lemma in cues.GREETING_LEMMAS:
        return False
    return cue.dep_ == "advcl" and cue.head.tag_.startswith("VB") and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in cue.children) and not any(
        c.dep_ in ("dobj", "ccomp", "xcomp") for c in cue.children)


def _complement_content(cue: Token, text: str) -> tuple[int, int] | None:
    """What a finding, evaluation or intention is about: its complements after the verb, as one span.

    "called him reckless" -> "him reckless"; "criticized Obama for the deal" -> "Obama for the deal".
    """
    parts = [c for c in cue.children if c.i > cue.i and "\n" not in text_between(text, cue, c.right_edge) and (
        c.dep_ in COMPLEMENT_DEPS or (c.dep_ == "prep" and c.lower_ in COMPLEMENT_PREPS)
        or (c.dep_ == "advmod" and any(True for _ in c.children)))]  # "shows Clinton ahead by 3 points"
    if not parts or _no_finding(parts) or _bare_object(parts) or _the_same(parts[0]):
        return None
    lemma = cues.cue_lemma(cue.lower_)
    if lemma in cues.DEED_LEMMAS and not any(p.dep_ == "ccomp" for p in parts):
        return None  # "voted for Obama", "released his tax returns": what was done, not said
    if lemma in _PREDICATIVE and not any(p.dep_ != "dobj" for p in parts):
        return None  # "described Trump's approach": the topic; what was said of it is missing
    if lemma == "call" and len(parts) == 1 and parts[0].dep_ == "dobj" and parts[0].lower_ in _CONVENED:
        return None  # "called a news conference": a deed
    first, last = parts[0], parts[-1]
    if first.dep_ == "prep" and first.i == cue.i + 1 and first.i < last.i or (first.dep_ == "prep" and first is last):
        # the preposition is part of the cue ("called for", "referring to"): the content is its object
        first = next((c for c in first.children if c.dep_ in ("pobj", "pcomp")), first)
    return trim_span(text, first.left_edge.idx, clause_end(last.right_edge, last))


# Verbs that say something of their object only with a predicate: "described the blast as an intentional act",
# "likened the rules to burning the Constitution"; their object alone is the topic.
_PREDICATIVE = frozenset({"describe", "characterize", "portray", "label", "dub", "deem", "liken", "compare"})
# What one calls in the sense of convening: "called an emergency meeting".
_CONVENED = frozenset({"meeting", "meetings", "conference", "hearing", "hearings", "election", "elections", "vote",
                       "session", "summit", "strike", "referendum", "recess", "halt", "truce", "ceasefire", "caucus"})
# Objects that stand for something said elsewhere: "I write this", "she mentioned it" carry nothing themselves.
_PRO_FORMS = frozenset({"this", "that", "it", "these", "those", "them", "him", "her", "so", "something", "one"})


def _bare_object(parts: list[Token]) -> bool:
    """A lone pronoun object ("I write this"): no content a reader could check."""
    return len(parts) == 1 and parts[0].dep_ == "dobj" and parts[0].lower_ in _PRO_FORMS and len(
        list(parts[0].subtree)) == 1


def _the_same(part: Token) -> bool:
    """"has said the same thing", "indicated as much", "said likewise": a pro-form for words given elsewhere, with
    nothing a reader could check in it."""
    word = part.lower_
    if word == "much":
        return any(c.lower_ == "as" for c in part.children)
    if word == "thing" or word == "things":
        return any(c.lower_ == "same" for c in part.children)
    return word in ("same", "likewise")


def _rejected_thing(parts: list[Token], lemma: str) -> bool:
    """A denying verb whose object is a thing, not something said ("rejected a £500m reunion", "dismissed the
    coach"): what was turned down, not a claim denied. A pronoun may stand for a claim ("dismissed it as a hoax")."""
    first = parts[0]
    return (cues.base_polarity(lemma) == "denies" and lemma not in OBJECT_CUES and first.dep_ == "dobj"
            and first.lower_ not in cues.CLAIM_NOUNS | _PRO_FORMS | _SHOWN_THINGS)


# Things whose telling a denying verb may reject as it rejects a claim: "dismissed the video as fake".
_SHOWN_THINGS = frozenset({"video", "videos", "photo", "photos", "image", "images", "picture", "pictures", "footage",
                           "news", "article", "articles", "post", "tweet"})


def _no_finding(parts: list[Token]) -> bool:
    """"released a statement", "released on Wednesday": a bare document or a bare date says nothing of its own."""
    first = parts[0]
    if len(parts) == 1 and first.dep_ == "dobj" and first.lower_ in cues.STATEMENT_NOUNS:
        return not any(c.dep_ in ("acl", "relcl", "prep") for c in first.children)
    words = [t for p in parts for t in p.subtree if not t.is_punct and t.dep_ != "prep"]
    return all(t.ent_type_ in ("DATE", "TIME") for t in words)


def _object_content(cue: Token, lemma: str, text: str) -> tuple[int, int] | None:
    """What a speech verb without a clause reports: its object and complements ("accused Trump of
    buying influence", "stressed bipartisan support", "asked Norton to republish the book").

    The first object of an addressing verb is whom it was said to ("told reporters"): alone, it is no content.
    """
    if lemma in ("respond", "reply") and any(c.dep_ == "neg" for c in cue.children):
        # "did not respond to a request for comment": a refusal whose content is what went unanswered
        # ("had not yet replied to the letter" is news about a reply, not a refusal to comment)
        to = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        asked = child_of(to, "pobj") if to is not None else None
        if asked is None or asked.lower_ not in _REQUESTS:
            return None
        return trim_span(text, asked.left_edge.idx, token_end(asked.right_edge))  # "to" belongs to the cue
    if lemma in cues.NO_OBJECT_CONTENT:
        return None
    if lemma == "cite":
        # "citing fears of terrorism" gives a reason, which is the content; "citing Yonhap" names a source
        # and relays the statement it comes with (see speakers.source_of)
        cited = child_of(cue, "dobj")
        if cited is None or may_be_source(cited):
            return None
        as_what = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > cited.i), None)
        last = as_what if as_what is not None else cited  # "cited the audit as the reason he ...": all of it
        return trim_span(text, cited.left_edge.idx, clause_end(last.right_edge, last))
    # "speaks for the federation" is whom one speaks for; "talked about X" is what was said
    if lemma in ("speak", "talk"):
        preps = frozenset({"about"})
    else:
        preps = OBJECT_PREPS if lemma in ("say", "tell") else OBJECT_PREPS | {"on"}
    parts = [c for c in cue.children if c.i > cue.i and "\n" not in text_between(text, cue, c.right_edge) and (
        c.dep_ in OBJECT_DEPS or (c.dep_ == "prep" and c.lower_ in preps and not _is_time(c)))]
    if parts and parts[0].dep_ == "prep" and names_a_topic(parts[0]):
        return None  # "spoke about her ties to the churches": what was talked of, nothing said of it
    if lemma in cues.ADDRESSING_LEMMAS:
        if not parts or parts[0].dep_ not in ("dobj", "dative"):
            return None  # "asked not to be named" is a wish about the speaker, not something said
        parts = parts[1:]
    if not parts or ((_bare_object(parts) or _the_same(parts[0])) and lemma not in OBJECT_CUES):
        return None  # "denied it" is a denial of what "it" stands for; "wrote this", "said the same thing" say nothing
    if _rejected_thing(parts, lemma):
        return None  # "rejected the offer", "dismissed the coach": a deed; "rejected the claims" is handled above
    first = parts[0]
    if first.dep_ == "prep" and first.i == cue.i + 1:
        # the preposition is part of the cue ("talked about"): the content is its object
        first = next((c for c in first.children if c.dep_ in ("pobj", "pcomp")), first)
    return trim_span(text, first.left_edge.idx, clause_end(parts[-1].right_edge, parts[-1]))


def _is_time(prep: Token) -> bool:
    return any(t.ent_type_ in ("DATE", "TIME") for t in prep.subtree)


def _ends_sentence(cue: Token) -> bool:
    """Nothing but punctuation and a time or place ("Friday", "on Twitter") follows the cue in its sentence."""
    return all(t.is_punct or t.is_space or t.ent_type_ in ("DATE", "TIME")
               or t.dep_ in ("prep", "pobj", "det", "compound", "npadvmod") for t in cue.doc[cue.i + 1:cue.sent.end])


def _whole_sentence_before(cue: Token, lemma: str, text: str) -> tuple[int, int] | None:
    """"She had told officials that she did not want it, but the police overruled her, the source added.": a
    speech verb closing its sentence after a comma reports all that comes before it, however the parser split
    it and hung only the last clause on the cue; the words of others in it become nested statements."""
    if lemma not in cues.SPEECH_LEMMAS or not _ends_sentence(cue):
        return None
    clauses = [c for c in cue.children if c.dep_ == "ccomp" and c.i < cue.i]
    if not clauses or len(clauses) == 1 and clauses[0].left_edge.i <= cue.sent.start:
        return None  # one clause, which already starts the sentence
    return _sentence_before(cue, text)


def _sentence_before(cue: Token, text: str) -> tuple[int, int] | None:
    """`In Chicago, organizers added 160 guards, the Sun-Times reported.`: the sentence up to the comma before
    the cue's subject, when the parse left the cue no clause of its own."""
    subject = child_of(cue, "nsubj")
    first = subject.left_edge if subject is not None else cue
    comma = first.doc[first.i - 1] if first.i > cue.sent.start else None
    if comma is None or comma.text not in (",", "—", "--"):
        return None
    return trim_span(text, cue.sent.start_char, comma.idx)


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
        phrase_end = token_end(token.right_edge if token.right_edge.i > to.i else to.right_edge)
        content = around_phrase(text, clause, token.idx, phrase_end)
        if content is None or "\n" in text[min(content[0], token.idx):max(content[1], token_end(pobj))]:
            continue
        found.append(Candidate(content[0], content[1], False, token.idx, token_end(to), token, pobj))
    return found


def colon_candidates(doc: Doc, text: str, in_quote: set[int]) -> list[Candidate]:
    """`Clinton: Time for a new strategy.` / `Rep. Gowdy: "I have not heard ..."`: a paragraph opened by a
    short name and a colon gives the rest of the paragraph to that name, as headlines and transcripts do."""
    found: list[Candidate] = []
    for token in doc:
        if token.text != ":" or token.i in in_quote or token.i == 0:
            continue
        name = _paragraph_opener(doc, text, token)
        if name is None:
            continue
        paragraph_end = text.find("\n", token.idx)
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        content = trim_span(text, token_end(token), paragraph_end)
        if content is None or len(text[content[0]:content[1]].split()) < 3 or not _reads_as_said(doc, content):
            continue
        last = doc.char_span(content[1] - 1, content[1], alignment_mode="expand")
        if last is not None and last[-1].text == ".":
            content = (content[0], content[1] - 1)  # the headline's own full stop is not said ("U.S." keeps its)
        found.append(Candidate(content[0], content[1], False, token.idx, token_end(token), token, name.root))
    return found


def _reads_as_said(doc: Doc, content: tuple[int, int]) -> bool:
    """A quotation or a clause, not a list ("Aldwick Rovers: Orford; Dunn, Wierzba")."""
    span = doc.char_span(content[0], content[1], alignment_mode="expand")
    if span is None or any(t.text == ";" for t in span):
        return False
    return sum(t.text == "," for t in span) * 3 < len(span)


def _paragraph_opener(doc: Doc, text: str, colon: Token) -> Span | None:
    """The name before `colon` when it alone opens the paragraph: at most six words, no verb, a named
    person or organization ("Marco Rubio", "Judicial Watch") or a poll."""
    name = doc.char_span(text.rfind("\n", 0, colon.idx) + 1, colon.idx, alignment_mode="contract")
    if name is None or not 0 < len(name) <= 6 or not name[0].text[:1].isupper():
        return None
    if any(t.tag_.startswith("VB") or t.like_num or t.text in _CLAUSE_PUNCT for t in name):
        return None
    if name.text.lower().replace("’", "'") in _LABELS:
        return None  # "UPDATE: ...", "Photo: ...": the outlet's label, not a speaker
    named = any(t.ent_type_ in _SPEAKER_ENTITIES for t in name)
    return name if named or name.text.lower() in _SURVEY_WORDS or _written_as_name(name) else None


def _written_as_name(name: Span) -> bool:
    """A transcript's "TAPPER:" or a headline's "Lynch:": capitalised words the tagger takes for no name.

    Up to three words, each capitalised, or all in capitals; a title ("Rep.") may carry its full stop.
    """
    words = [t for t in name if t.text != "."]
    if len(words) > 1 and any(t.lower_ in _HEADLINE_LINKS for t in words):
        return False  # "Stealth Over Health: ...": a headline's kicker, which the outlet itself writes
    return 0 < len(words) <= 3 and all(t.text[:1].isupper() and t.text.rstrip(".").isalpha() for t in words) and (
        len(words) == 1 or all(t.text.isupper() for t in words) or all(t.tag_.startswith("NNP") for t in words))


# Small words a title-case phrase has and a name without an entity tag does not: "Stealth Over Health".
_HEADLINE_LINKS = frozenset({"over", "of", "for", "in", "on", "at", "to", "and", "the", "a", "an", "with", "from",
                             "by", "after", "before", "against", "vs", "is", "are"})
_SPEAKER_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_SURVEY_WORDS = frozenset({"poll", "survey", "study", "report"})
# Section and media labels that open a paragraph with a colon in the outlet's own voice.
_LABELS = frozenset({"update", "updated", "updates", "exclusive", "breaking", "watch", "video", "videos", "photo",
                     "photos", "note", "editor's note", "related", "read more", "more", "source", "sources", "credit",
                     "image", "images", "listen", "analysis", "opinion", "commentary", "transcript", "live", "tags",
                     "share", "via", "correction", "clarification", "advertisement", "subscribe", "follow",
                     "breaking news", "graphic", "map", "chart", "audio", "podcast", "summary", "background",
                     "abstract", "warning", "caption", "contact", "email", "twitter", "facebook", "q", "a", "ps",
                     "p.s", "see also", "also", "watch video", "full transcript", "story", "headline", "look", "boom",
                     "wow", "flashback", "must watch", "must see", "tl;dr", "bonus", "fact check", "recap"})
_CLAUSE_PUNCT = frozenset({".", ",", ";", "!", "?", "—", "–"})
