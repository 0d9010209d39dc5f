"""Token and clause helpers shared by the quote and reported-speech finders: candidate statements,
cue extents, clause edges and trimming."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from storytrace.analyze import cues
from storytrace.analyze.quotes import QUOTE_CHARS, is_quote_mark
from storytrace.analyze.speakers import child_of, sayers_participle, statement_issuer
from storytrace.analyze.stance_words import QUESTION_WORDS

OBJECT_CUES = frozenset({"deny", "confirm", "acknowledge", "admit", "announce"})
EDGE_PUNCT = " ,;:—–-\n\t" + QUOTE_CHARS
CUE_ADVERBS = frozenset({"also", "later", "now", "then", "again", "further", "once"})
GO_ON = frozenset({"went", "goes", "go", "continued", "continues", "continuing", "continue", "proceeded",
                   "began", "begins", "started", "starts", "keeps", "kept"})
CUE_PREPS = frozenset({"for", "on", "to", "with", "of", "about"})
_ABOUT = frozenset({"about"})
SPEECH_PREPS = {"respond": frozenset({"to", "about"}), "reply": frozenset({"to", "about"})}
COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "oprd", "dative", "attr", "acomp"})
COMPLEMENT_PREPS = frozenset({"to", "for", "about", "on", "of", "as", "that", "with"})


@dataclass
class Candidate:
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
    sourceless: bool = False  # no one is named as the source: "X is expected to", "reportedly"
    refutes: bool = False  # the writer rejects the content ("the report that ... is false"): a denial




def is_cue_verb(token: Token) -> bool:
    # An untagged pipeline leaves tag_ empty: then the word form alone decides.
    return cues.is_cue_form(token.lower_) and (not token.tag_ or token.tag_.startswith("VB"))


_WH_OPENERS = QUESTION_WORDS | {"if"}  # "talked about if the plan fails" asks too


def names_a_topic(preposition: Token) -> bool:
    """"spoke about her deep ties to black churches", "claims about the potency of its test": "about" gives what
    was talked of, not what was said of it; a clause after it ("talked about how the plan fails", "about wanting
    to leave", "about Trump being unfit") says something."""
    if preposition.lower_ != "about":
        return False
    objects = [c for c in preposition.children if c.dep_ in ("pobj", "pcomp")]
    if not objects:
        return True
    obj = objects[0]
    if obj.dep_ == "pcomp" and obj.tag_.startswith("VB") or obj.left_edge.lower_ in _WH_OPENERS:
        return False
    return not any(c.dep_ in ("acl", "ccomp") and c.tag_ in ("VBG", "VBN") for c in obj.children)


def is_adverbial(clause: Token) -> bool:
    """`he said as the crowd booed`: a clause the parser hung on the cue as its object but that its
    conjunction marks as a circumstance, not what was said."""
    return any(c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in clause.children)


SUBORDINATORS = frozenset({"as", "when", "while", "after", "before", "because", "since", "until", "though",
                           "although"})


def is_unsaid(cue: Token) -> bool:
    """"to declare", "will say", "would ask": an intended or future statement, not one that was made.

    "went on to say", "continued to insist" were made: the verb above only says they went on.
    """
    if going_on(cue):
        return False
    if _names_a_noun(cue):
        return True  # "his nonprofit group, called the Legacy Fund,": a name given, nothing said
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in cue.children):
        return True  # "if the Chinese pledged to cap ...": a condition, not a pledge made
    if _asked(cue):
        return True  # "But has he called for changing any of them?": a question, nothing he said
    if cue.head.lower_ == "let" and cue.head.i < cue.i and any(
            c.dep_ == "nsubj" and c.lower_ in ("'s", "’s", "us") for c in cue.children):
        return True  # "Let's say you think ...": a supposition of the writer's, not a statement
    if cue.tag_ == "VBG" and cue.dep_ == "advcl" and cue.head.i < cue.i and _under_modal(cue.head):
        return True  # "the campaign would do well to target voters, emphasizing ...": advice, not a statement
    negated = any(c.dep_ == "neg" for c in cue.children)  # "would not say" is a refusal made
    # "will say", "would ask": a statement to be made; "may highlight", "could show": a finding that might be
    # (a speech verb's "could say" is kept: reporters use it for what a source is able to say)
    possible = _POSSIBLE if cues.cue_lemma(cue.lower_) in cues.BROAD_LEMMAS else frozenset({"would"})
    return any(c.dep_ == "aux" and (c.tag_ == "TO" or c.lower_ in ("to", "will", "'ll", "shall")
                                    or (c.lower_ in possible and not negated)) for c in cue.children)


_NAMING = frozenset({"called", "named", "dubbed", "titled", "entitled", "nicknamed"})  # a past participle on a noun


def _names_a_noun(cue: Token) -> bool:
    """"the group, called the Legacy Fund,": a participle naming the noun before it (however the parser tagged it),
    with no one said to call it so ("called a scam by critics" is the critics' word)."""
    if cue.lower_ not in _NAMING or any(c.dep_ in ("agent", "aux", "auxpass") for c in cue.children):
        return False
    if not any(c.dep_ in ("oprd", "dobj", "attr") and c.tag_ == "NNP" for c in cue.children):
        return False  # the name given is a proper noun: "called for more investment" calls for something
    if cue.dep_ == "acl" and cue.head.i < cue.i:
        return True
    # a comma right after the noun it names ("group, called ..."), which the parser made its subject; not
    # "Blair, executive director of AROS, called ...", whose subject stands before an apposition
    doc = cue.doc
    subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    return cue.i >= 2 and doc[cue.i - 1].text == "," and doc[cue.i - 2].tag_.startswith("NN") and (
        subject is None or subject.i == cue.i - 2)


def _asked(cue: Token) -> bool:
    """A question about the cue: its auxiliary before its subject, and the sentence ends with a question mark ("has
    he called for ...?", "did she say ...?")."""
    subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if subject is None or not any(c.dep_ == "aux" and c.i < subject.i for c in cue.children):
        return False
    last = [t for t in cue.sent if not (t.is_space or is_quote_mark(t))][-1:]
    return bool(last) and last[0].text == "?"


# Nouns whose "that"-clause is their own content ("concerns that X", "the fact that X"), and the prepositions that
# make such a noun a circumstance of the sentence ("despite concerns that ...", "amid reports that ..."), not what
# its subject said.
_CONTENT_NOUNS = cues.CLAIM_NOUNS | frozenset({
    "concern", "concerns", "fear", "fears", "worry", "worries", "warning", "warnings", "hope", "hopes", "fact",
    "evidence", "news", "word", "sign", "signs", "belief", "beliefs", "suspicion", "suspicions", "possibility",
    "prospect", "expectation", "expectations", "doubt", "doubts", "questions", "criticism"})
_CIRCUMSTANCE_PREPS = frozenset({"despite", "amid", "amidst", "notwithstanding", "given", "over"})
_CIRCUMSTANCE_OF = frozenset({"because", "spite", "light"})  # "because of", "in spite of", "in light of"
_ASIDE_WORDS = 10  # "despite concerns, even inside his own administration, that ...": an aside between is short


def clause_of_a_noun(doc: Doc, start: int) -> bool:
    """Whether the clause starting at character `start` is the "that"-clause of a noun of circumstance ("decided
    ... despite concerns that X", "resigned amid reports that X"), however the parser attached it: nobody's
    statement by the sentence's subject."""
    before = [t for t in doc if t.idx + len(t) <= start and not t.is_space][-1:]
    if not before or before[0].lower_ != "that" or before[0].i == 0:
        return False
    at = before[0].i - 1
    if doc[at].text == ",":
        opening = next((i for i in range(at - 1, max(at - _ASIDE_WORDS, 0) - 1, -1) if doc[i].text == ","), None)
        if opening is None:
            return False
        at = opening - 1
    noun = doc[at]
    if noun.lower_ not in _CONTENT_NOUNS or noun.dep_ != "pobj":
        return False
    preposition = noun.head
    return preposition.lower_ in _CIRCUMSTANCE_PREPS or (
        preposition.lower_ == "of" and preposition.head.lower_ in _CIRCUMSTANCE_OF)


_POSSIBLE = frozenset({"would", "may", "might", "could", "should"})
# Modals that make a clause a wish, a plan or advice rather than something that happened.
_HYPOTHETICAL = frozenset({"would", "should", "could", "might", "must", "may", "will", "'ll", "'d"})


def _under_modal(verb: Token) -> bool:
    """Whether the main clause above `verb` (through infinitives and circumstances) is a wish or advice: "would
    do well to target", "should try to reach"."""
    while True:
        if any(c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL for c in verb.children):
            return True
        if verb.dep_ not in ("xcomp", "advcl") or verb.head.i == verb.i or cues.is_cue_form(verb.head.lower_):
            return False
        verb = verb.head


def going_on(cue: Token) -> bool:
    return cue.dep_ in ("xcomp", "advcl") and cue.head.lower_ in GO_ON and cue.head.i < cue.i


def cue_extent(cue: Token) -> tuple[int, int]:
    """The cue as written: with its negation, auxiliaries and adverbs ("also did not deny", "repeatedly said"),
    its particle or bound preposition ("pointed out", "called for", "talked about"), the verb it goes on from
    ("went on to say"), the statement it comes in ("issued a statement saying") and, for a refusal, "to comment".
    """
    start, end = cue.idx, token_end(cue)
    if going_on(cue):
        start = cue_extent(cue.head)[0]  # "continued to insist", "went on to say": one cue
    issuer = statement_issuer(cue)
    if issuer is not None:
        start = issuer.idx  # "issued a statement saying": one cue
    for child in cue.children:
        if child.i < cue.i and cue.i - child.i <= 3 and _leads_cue(child, cue):
            start = min(start, child.idx)
    lemma = cues.cue_lemma(cue.lower_) or ""
    obj = decline_object(cue, lemma)
    if obj is not None and obj.i != cue.i:
        end = token_end(obj)
    for token in cue.doc[cue.i + 1:cue.i + 3]:
        if token.head.i != cue.i or not (bound_to_cue(token, lemma) or (token.dep_ == "advmod" and _cue_adverb(token))):
            break
        end = token_end(token)
    return start, end


def _leads_cue(child: Token, cue: Token) -> bool:
    """Negation, auxiliaries and an adverb of the cue before it: "has not", "still believes", "repeatedly said"."""
    if child.dep_ in ("neg", "aux", "auxpass"):
        return True
    if child.dep_ != "advmod":
        return False
    right_before = child.i == cue.i - 1 and child.tag_ == "RB" and child.lower_ not in cues.HEARSAY_ADVERBS
    return _cue_adverb(child) or right_before


def _cue_adverb(token: Token) -> bool:
    """"also", "then", "repeatedly", "initially": how or when it was said, part of the cue as written."""
    if token.lower_ in cues.HEARSAY_ADVERBS:
        return False  # "reportedly" attributes to someone else: a cue of its own
    return token.lower_ in CUE_ADVERBS or (token.tag_ == "RB" and token.lower_.endswith("ly") and len(token) > 4)


def bound_to_cue(token: Token, lemma: str = "") -> bool:
    """A particle or a preposition that belongs to the verb ("out", "called for", "talked about"), not a time
    phrase ("on Friday") nor what a speech verb is said of or to ("said of him", "wrote to them")."""
    if token.dep_ == "prt":
        return True
    preps = SPEECH_PREPS.get(lemma, _ABOUT) if lemma in cues.SPEECH_LEMMAS else CUE_PREPS
    return token.dep_ == "prep" and token.lower_ in preps and not any(
        t.ent_type_ in ("DATE", "TIME") for t in token.subtree)


def trim_mark(clause: Token, text: str) -> tuple[int, int] | None:
    """The clause's text without a leading "that", and without a second saying after it."""
    start = clause.left_edge
    if start.lower_ == "that" and start.dep_ == "mark" and start.i < clause.i:
        start = start.doc[start.i + 1]
    second = second_saying(clause)
    last = clause.right_edge if second is None else clause.doc[second.left_edge.i - 1]
    return trim_span(text, start.idx, clause_end(last, clause))


def _with_conjunction(verb: Token) -> Token:
    """The conjunct's first token, taking in the "and" before it: what the first statement ends before."""
    before = verb.doc[verb.left_edge.i - 1] if verb.left_edge.i > 0 else None
    return before if before is not None and before.dep_ == "cc" and before.head.i == verb.head.i else verb.left_edge


# Conjunctions that set a second saying against the first: "said X, though she noted Y".
_CONTRAST_MARKS = frozenset({"though", "although", "while", "whereas"})


# Verbs of saying that, joined to a reported clause with no subject of their own, go on from the speaker's cue, not
# from the clause: "said he would order a review and warned against hackers", "said it was opposed to the test and
# warned North Korea to refrain".
_GOES_ON_SAYING = frozenset({"say", "tell", "add", "note", "warn", "insist", "argue", "stress", "deny", "dismiss",
                             "reject", "urge", "vow", "pledge", "promise", "complain", "accuse"})


def second_saying(clause: Token) -> Token | None:
    """"Lynch said the demands erase the barriers, though she noted clients are beginning to ...": a contrasting
    clause whose verb says something with a subject of its own is a statement apart, not part of the first; so is
    a verb of saying joined to the clause without a subject ("... and warned North Korea to refrain"), which is a
    second thing the speaker did."""
    for child in clause.children:
        # (not where the clause itself reports a saying: "says Machado promised X and said Y" is all his report)
        if child.dep_ == "conj" and child.i > clause.i and clause.head.i != clause.i and not is_cue_verb(clause) and (
                is_cue_verb(child)) and (
                cues.cue_lemma(child.lower_) in _GOES_ON_SAYING) and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
            return _with_conjunction(child)
    for child in clause.children:
        if sayers_participle(child) is not None:
            return child  # "said rents rose, citing a closure": the citing is the sayer's, not the clause's
        if child.dep_ != "advcl" or child.i < clause.i or not is_cue_verb(child):
            continue
        if cues.cue_lemma(child.lower_) not in cues.SPEECH_LEMMAS:
            continue
        marked = any(c.dep_ == "mark" and c.lower_ in _CONTRAST_MARKS for c in child.children)
        if marked and any(c.dep_ == "nsubj" for c in child.children):
            return child
    return None


def trim_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Shrink a span past edge punctuation, spaces and quote marks; None when nothing is left."""
    while start < end and text[start] in EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in EDGE_PUNCT:
        end -= 1
    return (start, end) if end > start else None


def token_end(token: Token) -> int:
    return token.idx + len(token.text)


def clause_end(right_edge: Token, floor: Token) -> int:
    """End of a reported clause without its sentence-final punctuation token ("U.S." keeps its dot)."""
    token = right_edge
    # the paragraph break the parser hangs on a sentence's last word is no part of the clause either
    # nor a conjunction left at its end, which opens the next statement ("... more intense — and he noted")
    while token.i > floor.i and ((token.is_punct or token.is_space) and token.text != "%"  # "53%" keeps its sign
                                 or token.dep_ == "cc"):
        token = token.doc[token.i - 1]
    return token_end(token)


def subtree_text(token: Token, text: str) -> str:
    return text[token.left_edge.idx:token_end(token.right_edge)]


def text_between(text: str, a: Token, b: Token) -> str:
    first, second = (a, b) if a.i <= b.i else (b, a)
    return text[first.idx:second.idx]


def candidate_spans(candidates: list[Candidate]) -> list[tuple[int, int]]:
    return [(c.start, c.end) for c in candidates]


# A reported content sharing at least this share of its characters with a quote repeats it; less, and the
# quote is only part of what was said.
QUOTE_REPEAT_SHARE = 0.5


def overlaps_any(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    """Whether a reported content mostly repeats a direct quote already taken.

    A content that holds a quote and more ("said he wants \"a total shutdown\" of ...") is a statement of
    its own: the quote is part of what was said.
    """
    length = span[1] - span[0]
    for start, end in others:
        shared = min(span[1], end) - max(span[0], start)
        if shared > 0 and shared >= QUOTE_REPEAT_SHARE * length:
            return True
    return False


def decline_object(cue: Token, lemma: str) -> Token | None:
    """The "comment" in "declined to comment" / "would not comment", else None."""
    if lemma in cues.DECLINE_LEMMAS:
        obj = child_of(cue, "xcomp")
        return obj if obj is not None and obj.lower_ in cues.DECLINE_OBJECTS else None
    if lemma == "comment" and any(c.dep_ == "neg" for c in cue.children):
        return cue
    return None


def around_phrase(text: str, clause: Token, phrase_start: int, phrase_end: int) -> tuple[int, int] | None:
    """The clause's text without an attributing phrase at its start or end; the whole clause when the
    phrase sits inside it ("X, according to Y, did Z")."""
    left, right = clause.left_edge.idx, clause_end(clause.right_edge, clause)
    if phrase_start <= left + 1:
        return trim_span(text, phrase_end, right)
    if phrase_end >= right - 1:
        return trim_span(text, left, phrase_start)
    return trim_span(text, left, right)


# Complements that make a verb of finding or naming say something: a clause, a predicate, "as" ("sees it as a
# threat"), a small clause on its object ("showed Clinton leading").
_SAYING_DEPS = frozenset({"ccomp", "xcomp", "oprd", "acomp", "attr"})
_SAYING_PREPS = frozenset({"as", "that"})


def names_a_thing(cue: Token) -> bool:
    """Whether a verb of finding, seeing or naming (`cues.THING_LEMMAS`) reports only a thing: "they found a way",
    "he didn't see the irony", "the ad mentions Percy Walton". A poll or a report that
    shows or finds something ("polls show a tight race") states a finding even in a noun phrase; so does a
    claim noun ("revealed the report that ...") or a bare pronoun that stands for one ("knew it")."""
    lemma = cues.cue_lemma(cue.lower_)
    if lemma in cues.SIDING_LEMMAS:
        obj = child_of(cue, "dobj")
        return obj is not None and obj.ent_type_ in ("PERSON", "ORG", "NORP")  # "voters supporting Trump"
    if lemma not in cues.THING_LEMMAS:
        return False
    subject = child_of(cue, "nsubj")
    if subject is not None and subject.lower_ in ("that", "which") and cue.dep_ == "relcl":
        subject = cue.head  # "records that showed large losses"
    if subject is not None and subject.lower_ in cues.FINDING_SOURCES:
        return False
    after = [c for c in cue.children if c.i > cue.i]
    if any(c.dep_ in _SAYING_DEPS or (c.dep_ == "prep" and c.lower_ in _SAYING_PREPS)
           or (c.dep_ == "advmod" and any(True for _ in c.children)) for c in after):
        return False
    objects = [c for c in after if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in _THING_PREPS)]
    if not objects:
        return False
    return not any(_predicated(obj) for obj in objects)


# Prepositions whose object is the thing a verb of finding or feeling is about: "wondering about his ability",
# "identified with the others", "looking out on the crowd".
_THING_PREPS = frozenset({"about", "of", "on", "with"})
# "indicated as much", "said so": a pro-form that stands for something said.
_SAID_PRO_FORMS = frozenset({"much", "so"})


def _predicated(obj: Token) -> bool:
    """Whether an object carries what is said of it: a claim noun ("revealed reports that ..."), a small clause
    ("showed Clinton leading"), a predicate after it ("saw the comment as a dig", "found the rule unlawful")."""
    if obj.lower_ in cues.CLAIM_NOUNS or obj.lower_ in _SAID_PRO_FORMS:
        return True
    return any((c.dep_ == "acl" and c.tag_ == "VBG") or (c.dep_ == "prep" and c.lower_ == "as" and not _such_as(c))
               or (c.dep_ in ("amod", "acomp") and c.i > obj.i) for c in obj.children)


def _such_as(preposition: Token) -> bool:
    """"other points of focus, such as the devil's hand": examples of the thing, not a predicate on it."""
    return any(c.lower_ == "such" for c in preposition.children) or (
        preposition.i > 0 and preposition.doc[preposition.i - 1].lower_ == "such")


# Endings of nouns for people who act: "researcher", "investigator", "economist", "historian", "applicant", "trustee".
_AGENT_ENDINGS = ("er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ant", "ants", "ee", "ees")


def evidence_without_source(cue: Token) -> bool:
    """Whether a verb of evidence (`cues.EVIDENCE_LEMMAS`) has for subject a common noun that cannot be a source: "Mr.
    Trump's performance confirms where he stands", "brain cancer, which confirmed what I always knew". People,
    roles, names, pronouns, records and bodies (`cues.RECORD_SOURCES`, `cues.FINDING_SOURCES`) can."""
    if cues.cue_lemma(cue.lower_) not in cues.EVIDENCE_LEMMAS:
        return False
    subject = child_of(cue, "nsubj")
    if subject is not None and subject.lower_ in _RELATIVES and cue.dep_ == "relcl":
        subject = cue.head  # "brain cancer, which confirmed"
    if subject is None or subject.tag_ not in ("NN", "NNS") or subject.ent_type_:
        return False
    word = subject.lower_
    known = (cues.FINDING_SOURCES | cues.RECORD_SOURCES | cues.STATEMENT_NOUNS | cues.CLAIM_NOUNS
             | cues.PERSON_NOUNS | cues.ROLE_NOUNS)
    return not (word in known or word.rstrip("s") in known or word.endswith(_AGENT_ENDINGS))


def makes_a_deal(cue: Token) -> bool:
    """"The company agreed to clean up the mines", "Lynch agreed a 30-minute interview": consent to act is a deed,
    whatever PolNeAR marks; "agreed that the plan fails" and "agreed with Matthews" hold a view (`cues.CONSENT_LEMMAS`)."""
    if cues.cue_lemma(cue.lower_) not in cues.CONSENT_LEMMAS or child_of(cue, "ccomp") is not None:
        return False
    infinitive = next((c for c in cue.children if c.dep_ == "xcomp" and any(a.tag_ == "TO" for a in c.children)),
                      None)
    thing = child_of(cue, "dobj")
    return infinitive is not None or (thing is not None and thing.tag_ in ("NN", "NNS"))  # "agreed Pence won": a clause


# Heads of a relative clause that make it describe a kind of people or things, not report anyone's words:
# "those who question bias", "nations that oppose radical Islamic ideology".
_KIND_HEADS = frozenset({"those", "anyone", "anybody", "everyone", "everybody", "people", "whoever"})
_RELATIVES = frozenset({"who", "that", "which"})


def describes_a_kind(cue: Token) -> bool:
    """Whether a verb of opinion or finding (not of speech) sits in a relative clause on a bare plural or "those",
    with the relative pronoun as its subject: "nations that oppose radical Islamic ideology", "those who question
    bias in policing" say what kind of nations or people, and nobody said anything. "an architect who said" and
    "the nations that have warned" keep their statements: speech verbs are not read here."""
    if cues.cue_lemma(cue.lower_) not in cues.BROAD_LEMMAS or cue.dep_ != "relcl":
        return False
    subject = child_of(cue, "nsubj")
    if subject is None or subject.lower_ not in _RELATIVES:
        return False
    head = cue.head
    if head.lower_ in _KIND_HEADS:
        return True
    bare = not any(c.dep_ in ("det", "poss", "nummod") for c in head.children)
    return head.tag_ == "NNS" and bare
