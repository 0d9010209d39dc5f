"""The one home of stance words: what negates, rejects, affirms, hedges or asks, read the same way by the
analyzer (a statement's polarity) and the linker (whether a statement may be a side of a dispute).

The trained stance model keeps its own feature vocabulary (`link.stance_features`): it is part of what the
model learned, and changing it would need a retrain.
"""

from __future__ import annotations

import re
from typing import Final

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


def is_hedged(text: str) -> bool:
    """Whether a text carries a hedge that makes it a guess ("may", "reportedly", "is expected to")."""
    return bool(HEDGE_CONTENT.search(text))
