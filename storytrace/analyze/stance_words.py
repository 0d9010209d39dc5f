"""The one home of stance words: what negates, rejects, affirms, hedges or asks, read the same way by the
analyzer (a statement's polarity) and the linker (whether a statement may be a side of a dispute).

The trained stance model keeps its own feature vocabulary (`link.stance_features`): it is part of what the
model learned, and changing it would need a retrain.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from storytrace.words import ENGLISH_STOPWORDS

# Words that turn a cue round: "did not say", "never claimed", "am not saying".
CUE_NEGATORS: Final[frozenset[str]] = frozenset({"not", "n't", "never", "neither", "nor", "no"})
# Words that negate what a statement says: "Rosenberg was nowhere near Kobani", "the link is unrelated".
NEGATION_WORDS: Final[frozenset[str]] = frozenset({
    "not", "no", "never", "nothing", "none", "nobody", "neither", "nor", "without", "cannot", "nowhere", "no-one",
    "unable", "unrelated", "unclear", "unlikely", "unconfirmed", "unverified", "impossible", "skeptical",
    "sceptical", "doubtful",
})
# Words that reject what a text reports. Narrower than the stance model's refuting features, which also count
# words that only lean against a claim ("actually", "however", "doubt", "joke"): "Officials, however, said ..."
# asserts.
REJECTING_WORDS: Final[frozenset[str]] = frozenset({
    "false", "falsely", "untrue", "deny", "denies", "denied", "denying", "refute", "refutes", "refuted", "hoax",
    "hoaxes", "fake", "fakes", "bogus", "debunk", "debunked", "debunks", "unfounded", "baseless", "groundless",
    "fabricated", "fabrication", "myth", "incorrect", "inaccurate", "nonsense", "retracted", "doctored",
    "photoshopped", "propaganda",
})
# Predicates that call a claim untrue ("the report is false", "the video turned out to be a hoax"). "Wrong" and
# "misleading" are left out: they grade a claim more often than they reject it ("the wrong approach").
REFUTING_PREDICATES: Final[frozenset[str]] = frozenset({
    "false", "untrue", "hoax", "fake", "bogus", "baseless", "unfounded", "groundless", "fabricated", "fabrication",
    "fiction", "myth", "satire", "inaccurate", "incorrect", "debunked",
})
# Predicates that call a claim true, so that negated they call it untrue ("the report is not true", "the article
# saying the chain drops its burger isn't real", "it is not true that ..."); alone they refute nothing.
TRUTH_PREDICATES: Final[frozenset[str]] = frozenset({"true", "real", "genuine", "authentic", "accurate"})
# Negative forms that affirm: "I have no doubt that ...", "no question that ...", "nothing but", "not only".
AFFIRMING: Final[re.Pattern[str]] = re.compile(
    r"\b(?:no|little|without)\s+(?:doubt|question)\b|\bnothing\s+but\b|\bnot\s+only\b", re.IGNORECASE)
# A rejecting word that describes a thing someone carries or goes under, not a claim it rejects: "travelling with a
# fake ID", "on a false passport", "under a false name". ("It is a fake video" rejects the video.)
DESCRIBING: Final[re.Pattern[str]] = re.compile(
    r"\b(?:with|using|carrying|on|under|bearing)\s+(?:an?\s+)?(?:fake|false|bogus|forged)\b", re.IGNORECASE)
# Cues of a question: asking whether something is so neither asserts nor denies it.
QUESTION_CUES: Final[frozenset[str]] = frozenset({
    "ask", "asks", "asked", "asking", "wonder", "wonders", "wondered", "wondering", "question", "questions",
    "questioned", "questioning", "inquired"})
# Words that open a question named inside a clause ("talked about how the plan fails", "to determine who could take
# part"): what follows names a question, and neither says nor hedges what it asks.
QUESTION_WORDS: Final[frozenset[str]] = frozenset({"how", "why", "whether", "what", "when", "where", "who"})
# Hearsay: what the speaker has heard or what people are saying, which the speaker does not assert ("we have heard
# that people are saying we launched it"); and a story or rumour told as a thing someone tells ("asked him to stop
# telling the story"), which says nothing of what the story says.
HEARSAY: Final[re.Pattern[str]] = re.compile(
    r"\b(?:heard|hearing)\s+(?:that|people|reports?|rumou?rs?|talk)\b"
    r"|\b(?:people|some|many|others|everyone|users|fans)\s+(?:are|were|have\s+been)\s+"
    r"(?:saying|claiming|suggesting|speculating)\b"
    r"|\b(?:tell|tells|telling|told|retell\w*|repeat\w*|spread\w*)\s+(?:the|this|that|his|her|their|a)\s+"
    r"(?:\w+\s+)?(?:story|stories|tale|rumou?rs?|anecdote)\b", re.IGNORECASE)
# Cues of a directive: urging or daring someone to do a thing asserts nothing of it ("challenging people to find
# a gold watch under $20,000").
DIRECTIVE_CUES: Final[frozenset[str]] = frozenset({
    "challenge", "challenges", "challenged", "challenging", "urge", "urges", "urged", "urging", "dare", "dares",
    "dared", "daring", "invite", "invites", "invited", "inviting", "implore", "implored", "imploring", "encourage",
    "encourages", "encouraged", "encouraging"})

# Content that itself rejects a claim. Kept to phrases that deny, not every negation: "there is
# no plan yet" is a statement of fact, "there is no truth to the report" is a denial.
DENIAL_CONTENT: Final[re.Pattern[str]] = re.compile(
    r"\buntrue\b|\bnot\s+(?:\w+\s+)?true\b|\bno\s+truth\b|\bbaseless\b|\bgroundless\b|\bunfounded\b"
    r"|\bwithout\s+(?:any\s+)?(?:basis|foundation)\b|\bno\s+basis\b|\bfabricat\w+\b"
    r"|\bnot\s+accurate\b|\binaccurate\b|\bnonsense\b|\bfake\s+news\b"
    r"|\bno\s+such\b|\bnever\s+(?:been\s+)?(?:propos|suggest|offer|discuss|plan|made|said|agreed|consider)\w*"
    r"|\b(?:is|are|was|were|be|been|completely|totally|entirely|patently|absolutely|simply)\s+false\b"
    r"|^\W*false\b|\bnot\s+the\s+case\b"
    r"|\bno\s+(?:such\s+)?(?:proposal|plan|offer|request)\b(?:\s+\w+){0,5}?\s+(?:has|had|have|was|were)\s+(?:ever\s+)?(?:been\s+)?made\b"
    r"|\bno\s+(?:such\s+)?(?:proposal|plan|offer|request)\s+(?:has|had|was|were)\b"
    # set against the reports: "contrary to reports, she has not been captured"; "she is not his wife, as officials
    # had claimed"
    r"|\bcontrary\s+to\s+(?:[\w'’]+\s+){0,3}(?:reports?|claims?|rumou?rs?|allegations?|speculation)\b"
    r"|(?:\bnot|\bnever|n't)\b[^.;]{0,120}?\bas\s+(?:[\w'’]+\s+){0,4}(?:claimed|alleged|suggested)\b",
    re.IGNORECASE,
)

# Hedges that make the content a guess rather than a claim of fact.
HEDGE_CONTENT: Final[re.Pattern[str]] = re.compile(
    r"\b(?:may|might)\b(?!\s+\d)|\bcould\b(?!\s+not\b|n't)|\bwould\s+(?:\w+\s+)?likely\b|\blikely\s+to\b"
    r"|\b(?:is|are|was|were)\s+expected\s+to\b|\bpossibly\b|\breportedly\b|\bappears?\s+to\b"
    r"|\bapparently\b|\bperhaps\b|\bprobably\b|\bseems?\s+to\b",
    re.IGNORECASE,
)



# Words that call what follows impossible or say there is no such thing: "it is not plausible that ...", "there is
# no policy dictating that ...", "no such woman exists". What they reject is in their own words, not negated word for
# word, so the linker matches it by meaning (link.claims.negated_restatements). "Not the first time" and "no way"
# of a plan ("there is no way they can go ahead without him") need an assertion they restate to deny anything.
UNTENABLE: Final[re.Pattern[str]] = re.compile(
    r"^\W*(?:\w+\s+){0,3}?there\s+(?:is|are|was|were)\s+no\b(?!\s+(?:doubt|question|way|chance|going)\b)"
    r"|\bno\s+such\b|\b(?:impossible|implausible)\b|\bnot\s+(?:\w+\s+)?(?:plausible|possible)\b",
    re.IGNORECASE)

_WORD = re.compile(r"[a-z0-9][a-z0-9'-]*")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


def cue_is_negated(cue: str) -> bool:
    """"did not deny", "am not saying", "didn't mention": the cue says the speaker did not."""
    return any(w in CUE_NEGATORS or w.endswith("n't") for w in _words(cue))


def is_negated(text: str) -> bool:
    """Whether a text negates or rejects what it says ("not", "nowhere", "false", "denied"), negative forms
    that affirm ("no doubt") and rejecting words that describe a thing ("with a fake ID") aside."""
    words = _words(DESCRIBING.sub(" ", AFFIRMING.sub(" ", text)))
    return any(w in NEGATION_WORDS or w in REJECTING_WORDS or w.endswith("n't") for w in words)


# A negation that tells a change of state asserts the new state: "will no longer serve customers over 170 lbs" tells
# a new policy as plainly as "will stop serving them".
CHANGE_OF_STATE: Final[re.Pattern[str]] = re.compile(r"\bno\s+longer\b", re.IGNORECASE)


# Words by which a statement that negates nothing word for word still rejects or doubts: it calls someone a liar
# or a claim absurd ("they're lying", "the claim was illogical"), finds a thing hard to believe or relate ("it is
# hard to relate his absence to his health"), or sets one thing in place of another ("tickets rather than
# arrests"). Such a statement is on a denial's side, or beside it, never what the denial rejects. "Lying" of a body
# or a place ("lying on the road") is no lie.
OWN_NEGATIVE: Final[re.Pattern[str]] = re.compile(
    r"\b(?:liars?|lied|illogical|absurd|ridiculous|preposterous|laughable|rubbish|bullshit)\b"
    r"|\blying\b(?!\s+(?:on|in|at|under|down|face|next|beside|near|dead|low|around|there)\b)"
    r"|\b(?:hard|difficult)\s+to\s+(?:believe|relate|link|connect|say|see|imagine|tell|confirm|verify|prove|know)\b"
    r"|\brather\s+than\b|\binstead\s+of\b", re.IGNORECASE)


def negatively_worded(text: str) -> bool:
    """Whether a text negates what it tells (`is_negated`), a change of state ("no longer") aside, or rejects or
    doubts in its own words (OWN_NEGATIVE)."""
    return is_negated(CHANGE_OF_STATE.sub(" ", text)) or bool(OWN_NEGATIVE.search(text))


# A negation of a feeling tells the feeling's opposite, and rejects no claim: "Apple isn't happy with the battery
# life yet" says Apple is unhappy with it, as a report that Apple is working on it does too.
NEGATED_FEELING: Final[re.Pattern[str]] = re.compile(
    r"(?:\bnot|n['’]t)\s+(?:\w+\s+){0,2}?(?:happy|pleased|satisfied|thrilled|content|comfortable|impressed|amused)\b",
    re.IGNORECASE)


def negates_a_feeling(text: str) -> bool:
    """Whether a text's negation is of a feeling ("isn't happy with ..."), not of a claim (NEGATED_FEELING)."""
    return bool(NEGATED_FEELING.search(text))


def untenable(text: str) -> bool:
    """Whether a text calls what it tells impossible or says there is no such thing (UNTENABLE)."""
    return bool(UNTENABLE.search(text))


def hedged_before_negation(text: str) -> bool:
    """Whether a hedge comes before the text's first negating word ("that may not be true" guesses), not only
    inside what the negation rejects ("it is not plausible that a spider might crawl under skin" rejects)."""
    words = _words(text)
    first = next((i for i, w in enumerate(words) if w in NEGATION_WORDS or w in REJECTING_WORDS
                  or w.endswith("n't")), len(words))
    return is_hedged(" ".join(words[:first]))


def is_hedged(text: str) -> bool:
    """Whether a text carries a hedge that makes it a guess ("may", "reportedly", "is expected to")."""
    return bool(HEDGE_CONTENT.search(text))


# Opposite facts: predicates that cannot both hold of one subject, so that two independent sources telling one and
# the other contradict each other ("he is alive and well" against "he died"). Each opposition is (name, one side,
# the other side, why they exclude each other); a side is a pattern of the predicate as news words it. A side's
# words negated elsewhere in the text ("he is not dead") do not count: that is a denial, read as such elsewhere.
# The copula before a predicate ("is", "was", "it's") and the few adverbs that may stand between ("is absolutely
# authentic", "was all staged"); any other word between leaves the pattern unmatched: "is this authentic" asks.
# ("it's", "he's"; never a possessive: "Banksy's real name").
_BE = r"(?:is|was|are|were|be|been|(?:it|he|she|that|this|what|who)['’]s|(?:they|you|we)['’]re)"
_ADVERB = (r"(?:[\"“]?(?:absolutely|completely|totally|entirely|clearly|simply|actually|really|definitely|indeed|"
           r"all|just|100\s*%|in\s+fact)[\"”]?\s+)?")
OPPOSITE_PREDICATES: Final[tuple[tuple[str, re.Pattern[str], re.Pattern[str], str], ...]] = (
    ("alive", re.compile(rf"\b(?:{_BE}|still|found|remains?|stays?)\s+{_ADVERB}(?:still\s+)?alive\b"
                         r"|\balive\s+and\s+(?:well|kicking)\b", re.IGNORECASE),
     re.compile(r"\b(?:died|dies|dead|passed\s+away|was\s+killed|were\s+killed|been\s+killed)\b", re.IGNORECASE),
     "one cannot be alive and have died"),
    ("genuine", re.compile(rf"\b{_BE}\s+{_ADVERB}[\"“]?(?:real|genuine|authentic)\b", re.IGNORECASE),
     re.compile(rf"\b{_BE}\s+{_ADVERB}(?:an?\s+)?(?:(?:elaborate|complete|total|clever)\s+)?[\"“]?"
                r"(?:fake|faked|hoax|staged|doctored|photoshopped|fabricated|forged|fabrication)\b", re.IGNORECASE),
     "a thing is either what it shows or made up"),
    ("released", re.compile(r"\b(?:has|have|had)\s+been\s+(?:released|freed)\b|\bwere\s+(?:released|freed)\b",
                            re.IGNORECASE),
     re.compile(r"\bstill\s+(?:being\s+)?(?:held|captive|in\s+captivity)\b"
                r"|\b(?:has|have|had)\s+not\s+(?:yet\s+)?been\s+(?:released|freed)\b", re.IGNORECASE),
     "one released is no longer held"),
    ("ruled out", re.compile(r"\b(?:has|have|had)\s+(?:been\s+)?confirmed\b", re.IGNORECASE),
     re.compile(r"\bruled\s+out\b", re.IGNORECASE),
     "what is ruled out has not been confirmed"),
)


# Words that open a clause in which a predicate is not asserted but supposed, reported or feigned: "if it is
# authentic", "whether he died", "laughing away reports that he had died", "pretended he was alive".
_NOT_ASSERTED: Final[re.Pattern[str]] = re.compile(
    r"\b(?:if|whether|unless|reports?|claims?|rumou?rs?|allegations?|speculation|pretend(?:s|ed|ing)?|"
    r"feign(?:s|ed|ing)?|as\s+though)\b", re.IGNORECASE)
# Where a clause opens: what came before these marks belongs to another clause.
_CLAUSE_MARK: Final[re.Pattern[str]] = re.compile(r"[,;:(\u2014\u2013]|\s-\s")
_SENTENCE_END: Final[re.Pattern[str]] = re.compile(r"[.!?;]\s")
_SINGULAR, _PLURAL = frozenset({"is", "was"}), frozenset({"are", "were"})


@lru_cache(maxsize=50_000)  # a claim's statements are compared pair by pair
def _sides(text: str) -> dict[tuple[str, int], re.Match[str]]:
    taken: dict[tuple[str, int], re.Match[str]] = {}
    for name, *sides, _reason in OPPOSITE_PREDICATES:
        found = [(side, match) for side, pattern in enumerate(sides) if (match := pattern.search(text))]
        if len(found) != 1:
            continue
        side, match = found[0]
        clause = _CLAUSE_MARK.split(text[:match.start()])[-1]
        # The rest of the match's sentence: a statement of several sentences may deny something else elsewhere.
        before = _SENTENCE_END.split(text[:match.start()])[-1]
        rest = before + " " + _SENTENCE_END.split(text[match.end():])[0]
        if not is_negated(rest) and not is_hedged(rest) and not _NOT_ASSERTED.search(clause):
            taken[(name, side)] = match
    return taken


def opposite_sides(text: str) -> set[tuple[str, int]]:
    """The sides of OPPOSITE_PREDICATES a text asserts, as (opposition, 0 or 1): "the video was staged" takes
    ("genuine", 1). A text taking both sides of one opposition takes neither; one whose other words negate or
    hedge it ("he may be alive", "it is not true he was found alive") takes none, nor one that only supposes or
    reports it in its clause ("if it is authentic", "reports that he had died")."""
    return set(_sides(text))


def _copula(match: re.Match[str]) -> str:
    """The copula a predicate opens with, contractions spelt out ("it's" is "is"): its number is its subject's."""
    verb = match.group(0).split()[0].lower().replace("’", "'")
    return "is" if verb.endswith("'s") else "are" if verb.endswith("'re") else verb


def opposite_facts(a: str, b: str) -> str | None:
    """The opposition two texts take opposite sides of ("alive": "he is alive" and "he died"), if any. A singular
    subject against a plural one ("the video is real", "many prank videos are staged") is two subjects, and so are
    two subjects named by names neither text has in common ("Kasasbeh was still alive" against "an American
    hostage was killed in Raqqa")."""
    mine, theirs = _sides(a), _sides(b)
    for (name, side), match in sorted(mine.items()):
        other = theirs.get((name, 1 - side))
        if other is None:
            continue
        verbs = {_copula(match), _copula(other)}
        if not (verbs & _SINGULAR and verbs & _PLURAL) and not _named_apart(a, match, b, other):
            return name
    return None


# A capitalised word: a name, or a word made from one ("American"); stop words opening a sentence are not.
_NAME_WORD: Final[re.Pattern[str]] = re.compile(r"\b[A-Z][\w'’-]+")


def _subject_names(text: str, match: re.Match[str]) -> set[str]:
    """The names in the predicate's sentence before it (its subject, and what leads up to it)."""
    before = _SENTENCE_END.split(text[:match.start()])[-1]
    return {n.lower() for n in _NAME_WORD.findall(before) if n.lower() not in ENGLISH_STOPWORDS}


def _named_apart(a: str, a_match: re.Match[str], b: str, b_match: re.Match[str]) -> bool:
    """Whether each predicate's subject is named and neither text names the other's: two people, not one. A
    pronoun or a description ("he", "the actor") may be anyone, so it never sets two subjects apart."""
    mine, theirs = _subject_names(a, a_match), _subject_names(b, b_match)
    return bool(mine and theirs) and not (mine & set(_words(b)) or theirs & set(_words(a)))
