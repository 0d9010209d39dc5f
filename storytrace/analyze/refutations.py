"""Refutations in the writer's own voice: the outlet denying what others report.

"The report that the mayor resigned is false", "There is no evidence that the mayor resigned", "The video
turned out to be a hoax", "The story has been debunked", "He did not, as some places report, resign", "It did not,
contrary to some reports, hit the town": no one is quoted, yet the outlet rejects a claim as plainly as a
spokesman would. Each becomes a denial by the outlet whose content is what is rejected: the
"that" clause of the report, or the thing called false. A refutation someone is quoted as making ("officials
said the report is false") is that person's, found by the reported-speech rules, and is left to them.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from storytrace.analyze.clauses import Candidate, clause_end, token_end, trim_mark, trim_span
from storytrace.analyze.cues import CLAIM_NOUNS, cue_lemma
from storytrace.analyze.speakers import child_of
from storytrace.analyze.stance_words import REFUTING_PREDICATES, TRUTH_PREDICATES

# Nouns whose absence refutes the clause they take: "there is no evidence that ...".
EVIDENCE_NOUNS = frozenset({"evidence", "proof", "truth", "indication", "sign", "basis", "confirmation"})
# Things besides claim nouns that a writer calls fake or a hoax: the image, not a proposition, is rejected,
# but what it shows is what was claimed.
_SHOWN = frozenset({"video", "videos", "photo", "photos", "photograph", "image", "images", "picture", "pictures",
                    "footage", "tweet", "post", "letter", "document", "news", "article", "headline"})
_COPULAS = frozenset({"be", "is", "are", "was", "were", "been", "being", "turn", "turned", "prove", "proved",
                      "proven", "appear", "seem"})


def refutation_candidates(doc: Doc, text: str, taken: list[tuple[int, int]]) -> list[Candidate]:
    """Refutations no attributed statement already covers (`taken`: the character spans of the others)."""
    found = []
    for token in doc:
        span, cue, anchor = _refuted(token, text), None, token
        # "is false" refutes unless turned round ("is not false"); "is true" refutes only turned round
        if span is not None and (_negated(token) != (token.lower_ in TRUTH_PREDICATES) or _hedged(token)):
            continue
        if span is None:
            # the marker names others' reports, which may be statements of their own: the negation is the writer's
            span, cue, anchor = _against_reports(token, text)
        if span is None:
            continue
        if any(start <= anchor.idx < end for start, end in taken):
            continue  # part of what someone said: theirs, not the writer's
        if cue is None and (pointing := _pointing_subject(token)) is not None and any(
                start < span[1] and span[0] < end for start, end in taken):
            # "This is false" after a reported statement: terse, it stands for that statement (link.targets)
            span = (pointing.idx, token_end(pointing))
        start, end = cue or _cue_span(token)
        # the parse joined a heading to the next paragraph; a refutation of the sentence before it ("This is
        # false.") may open a paragraph of its own
        between = [(span[0], span[1]), (start, end)] if span[1] <= start else [(min(span[0], start),
                                                                               max(span[1], end))]
        if any("\n" in text[a:b] for a, b in between):
            continue
        found.append(Candidate(span[0], span[1], False, start, end, token, None, sourceless=True, refutes=True))
    return found


def _refuted(token: Token, text: str) -> tuple[int, int] | None:
    """The span a refuting word rejects, or None when `token` refutes nothing."""
    lower = token.lower_
    if lower in REFUTING_PREDICATES | TRUTH_PREDICATES and token.dep_ in ("acomp", "attr", "ROOT", "oprd", "xcomp",
                                                                          "conj"):
        subject = _subject_of(token)
        if subject is None:
            return None
        if subject.lower_ == "it":
            return _extraposed(token, text)
        if subject.lower_ in _POINTING:
            return _told_before(token, text)
        if subject.lower_ == "there" or subject.pos_ == "PRON":
            return None
        return _what_it_says(subject, text)
    if lower in EVIDENCE_NOUNS and _in_no_exists(token):
        clause = child_of(token, "acl") or child_of(token, "ccomp")
        if clause is not None and any(c.lower_ == "that" and c.dep_ == "mark" for c in clause.children):
            return trim_mark(clause, text)
        claim = _claim_object(token)
        return _what_it_says(claim, text) if claim is not None else None
    return None


# Verbs of an "as" clause that sets a negated clause against what others said: "she has not been killed, as was
# claimed"; "report" only where the clause interrupts the negated verb ("he did not, as some places report, resign"):
# "the bridge did not open, as reported" agrees with the report.
_REPORTING_LEMMAS = frozenset({"report", "claim", "allege", "suggest"})


def _against_reports(token: Token, text: str) -> tuple[tuple[int, int] | None, tuple[int, int] | None, Token]:
    """A negated clause the writer sets against reports, the words that do it and the negation: "It did not,
    contrary to some reports, break off" ("contrary to some reports"), "He did not, as some places report, write"
    ("as some places report"). (None, None, token) unless `token` is such a marker on a negated, unhedged clause."""
    if token.lower_ == "contrary":
        to = child_of(token, "prep")
        reports = child_of(to, "pobj") if to is not None and to.lower_ == "to" else None
        if reports is None or reports.lower_ not in CLAIM_NOUNS:
            return None, None, token
    elif not (token.dep_ == "advcl" and cue_lemma(token.lower_) in _REPORTING_LEMMAS
              and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children)):
        return None, None, token
    verb = token.head.head if token.head.dep_ == "aux" else token.head  # "did not, as ..., write"
    if token.lower_ != "contrary" and cue_lemma(token.lower_) == "report" and token.i > verb.i:
        return None, None, token  # "the bridge did not open, as reported": the report said so too
    negation = _clause_negation(verb) if verb is not token else None
    if negation is None or _hedged(verb) or any(c.dep_ == "advmod" and c.lower_ in _HEDGING_ADVERBS
                                                for c in verb.children):
        return None, None, token
    if token.i < negation.i:
        # "As reported, the bridge did not open" agrees with the report; "Contrary to published reports, there was
        # no panel" opens an official statement quoted without marks far more often than a writer's own refutation
        return None, None, token
    span = trim_span(text, verb.left_edge.idx, clause_end(verb.right_edge, verb))
    return span, (token.left_edge.idx, token_end(token.right_edge)), negation


# Adverbs that make a negated clause a guess: "has apparently not been captured".
_HEDGING_ADVERBS = frozenset({"apparently", "probably", "perhaps", "possibly", "reportedly", "seemingly", "likely"})


def _clause_negation(verb: Token) -> Token | None:
    """The word that negates a clause: "did not break off", "has not been killed" (on the verb or its auxiliary),
    "there was no panel"; None when nothing does."""
    heads = [verb] + [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    for negation in (c for h in heads for c in h.children if c.dep_ == "neg"):
        return negation
    for c in verb.children:
        if c.dep_ in ("attr", "nsubj", "dobj"):
            for d in c.children:
                if d.dep_ == "det" and d.lower_ == "no":
                    return d
    return None


def _subject_of(predicate: Token) -> Token | None:
    """The subject a predicate is said of: "the report is false", "the story has been debunked", "the video
    turned out to be a hoax"."""
    head = predicate
    for _ in range(3):  # a predicate under "to be" under "turned out" under the root
        subject = child_of(head, "nsubj") or child_of(head, "nsubjpass")
        if subject is not None:
            return subject
        if head.dep_ in ("acomp", "attr", "xcomp", "oprd") and head.head is not head:
            head = head.head
        else:
            return None
    return None


# Subjects that point back at what the article has just told: "This is false", "That turned out to be a hoax".
_POINTING = frozenset({"this", "that"})
# Tokens of a refutation that is a sentence of its own ("This is simply not true either."): a longer sentence
# beginning "This is false" goes on to say what it means.
_POINTING_WORDS = 8


def _pointing_subject(predicate: Token) -> Token | None:
    """"This" of "This is false"."""
    if predicate.lower_ not in REFUTING_PREDICATES | TRUTH_PREDICATES:
        return None
    subject = _subject_of(predicate)
    return subject if subject is not None and subject.lower_ in _POINTING else None


def _told_before(token: Token, text: str) -> tuple[int, int] | None:
    """What "This is false" points back at: the sentence before it, when the refutation is a sentence of its own
    ("The story on the site claims that a solar storm will darken the Earth. This is false."); None when
    "this" opens a longer sentence or nothing comes before it."""
    sentence = token.sent
    if len(sentence) > _POINTING_WORDS or sentence.start == 0:
        return None
    before = token.doc[sentence.start - 1].sent
    while not before.text.strip() and before.start > 0:  # a paragraph break parsed as a sentence of its own
        before = token.doc[before.start - 1].sent
    return trim_span(text, before.start_char, before.end_char - (before[-1].is_punct and before[-1].text == "."))


def _extraposed(predicate: Token, text: str) -> tuple[int, int] | None:
    """"It is false that the mayor resigned" -> "the mayor resigned"; None for "it is false" alone, whose "it"
    may be anything."""
    for head in (predicate, predicate.head):
        clause = child_of(head, "ccomp")
        if clause is not None and clause.i > predicate.i and any(
                c.lower_ == "that" and c.dep_ == "mark" for c in clause.children):
            return trim_mark(clause, text)
    return None


def _what_it_says(subject: Token, text: str) -> tuple[int, int] | None:
    """A report's "that" clause ("the report that talks resumed" -> "talks resumed"), else the subject phrase
    when it names a claim or something shown ("the video of the rescue"), else None: "the minister is wrong"
    rejects a person, not a claim."""
    clause = child_of(subject, "acl") or child_of(subject, "ccomp") or child_of(subject, "relcl")
    if clause is not None and any(c.lower_ == "that" and c.dep_ == "mark" for c in clause.children):
        return trim_mark(clause, text)
    if subject.lower_ not in CLAIM_NOUNS and subject.lower_ not in _SHOWN:
        return None
    # "the story is a hoax" alone is terse: like "This is false", it denies the report its article tells beside it
    return trim_span(text, subject.left_edge.idx, clause_end(subject.right_edge, subject))


def _in_no_exists(noun: Token) -> bool:
    """"there is no evidence", "no evidence has emerged", "without evidence" does not count (it qualifies)."""
    return any(c.lower_ == "no" and c.dep_ == "det" for c in noun.children)


def _claim_object(noun: Token) -> Token | None:
    """"no truth to the report that ...", "no evidence for the claim that ...": the claim noun it is about."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "for", "of", "behind", "supporting"):
            obj = child_of(prep, "pobj")
            if obj is not None and obj.lower_ in CLAIM_NOUNS:
                return obj
    return None


# Words that negate a predicate, whatever the parse made of them: a curly "isn’t" leaves "n’t" as punctuation.
_NEGATIONS = frozenset({"not", "n't", "n’t", "never"})


def _negated(token: Token) -> bool:
    """"is not false", "is no hoax": a refutation turned round ("is not true": a truth turned into a refutation)."""
    scope = [token] + ([token.head] if token.dep_ in ("acomp", "attr", "oprd", "xcomp") else [])
    return any(c.dep_ == "neg" or c.lower_ in _NEGATIONS
               or (c.lower_ == "no" and c.dep_ == "det" and token.lower_ not in EVIDENCE_NOUNS)
               for t in scope for c in t.children)


# Adverbs that make a refutation a guess ("maybe the report is inaccurate"), and nouns of odds that make it one
# outcome among others ("there is still a small chance the video will prove to have been fake").
_GUESSING_ADVERBS = frozenset({"maybe", "perhaps", "possibly", "probably"})
_ODDS_NOUNS = frozenset({"chance", "chances", "possibility", "likelihood", "odds", "risk"})


def _hedged(token: Token) -> bool:
    """"may be false", "could be a hoax", "maybe the report is inaccurate", "a small chance the video will prove to
    have been fake": a doubt, not a refutation."""
    scope = [token, token.head]
    return any((c.dep_ == "aux" and c.lower_ in ("may", "might", "could")) or c.lower_ in _GUESSING_ADVERBS
               for t in scope for c in t.children) or any(a.lower_ in _ODDS_NOUNS for a in token.ancestors)


def _cue_span(token: Token) -> tuple[int, int]:
    """The refuting words as the cue: the copula and predicate ("is false", "has been debunked"), or "no
    evidence"."""
    words = [token] + [c for c in token.children if c.dep_ in ("det", "auxpass", "aux") or c.lower_ in _NEGATIONS]
    if token.head.lower_ in _COPULAS and token.dep_ in ("acomp", "attr", "oprd"):
        words += [token.head] + [c for c in token.head.children if c.lower_ in _NEGATIONS and c.i < token.i]
    return min(w.idx for w in words), max(token_end(w) for w in words)
