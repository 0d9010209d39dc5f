"""Tense around a time expression: whether "Friday", "May" or "Dec. 9" points back or ahead.

Read from the words of the expression's own clause: future markers ("will", "plans to", "by"), the
governing verb's form ("met Friday", "will meet Monday"), and a past verb just before a date ("ended
Sept. 30").
"""

from __future__ import annotations

import re
from typing import Final

_FUTURE = re.compile(r"(?:\b(?:will|won't|shall|going to|is scheduled|are scheduled|is expected to|are expected to|is due|are due)|'ll)\b", re.IGNORECASE)
# Only on the left: "plans to leave Thursday", "would be traveling Thursday", "as soon as Tuesday".
_FUTURE_LEFT = re.compile(r"\b(?:plan(?:s|ned)? to|scheduled|would be \w+ing|is to|are to)\b", re.IGNORECASE)
_FUTURE_NEAR = re.compile(r"\b(?:as soon as|as early as|until|by)\s+(?:\w+\s+)?$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"”']?\s+(?=[A-Z\"“])|\n\s*\n")


def _clause_around(text: str, start: int, end: int, right_width: int) -> tuple[str, str]:
    """The text of the span's own sentence up to 80 characters before it and `right_width` after it."""
    left = text[max(0, start - 80):start]
    ends = list(_SENTENCE_END.finditer(left))
    if ends:
        left = left[ends[-1].end():]
    right = text[end:end + right_width]
    stop = _SENTENCE_END.search(right)
    return left, (right[:stop.start()] if stop else right)


def tense_at(text: str, start: int, end: int) -> str | None:
    """"future" when a future marker stands in the clause around the span, else None (unknown).

    Only the future is marked reliably in text; normalizers read None as the nearer date leaning to
    the past (calendar dates) or as past (weekdays): news reports what happened.
    """
    left, right = _clause_around(text, start, end, 40)
    if _FUTURE.search(left) or _FUTURE_LEFT.search(left) or _FUTURE_NEAR.search(left[-20:]) or _FUTURE.search(right):
        return "future"
    return None


_PAST_WORDS: Final = frozenset({
    "said", "told", "was", "were", "had", "did", "met", "went", "came", "made", "took", "left", "began", "gave",
    "held", "won", "lost", "fell", "rose", "sent", "saw", "got", "found", "brought", "struck", "shot", "spoke",
    "wrote", "broke", "ran", "led", "paid", "quit", "flew", "drove", "fought", "sought", "thought", "knew", "felt",
    "heard", "kept", "stood", "sold", "bought", "became", "chose", "threw", "taught", "caught", "hit",
})
# Words that point ahead: "will meet Monday", "were planning to drive ... on Monday".
_FUTURE_WORDS: Final = frozenset({"will", "shall", "won't", "planning", "scheduled", "expects",
                                  "intends", "intend"})
# Present-tense verbs of scheduled events: in news "the leaders meet Monday" is the coming Monday.
_SCHEDULED_PRESENT: Final = frozenset({
    "meet", "meets", "begin", "begins", "start", "starts", "open", "opens", "resume", "resumes", "arrive",
    "arrives", "visit", "visits", "vote", "votes", "travel", "travels", "convene", "convenes", "return", "returns",
})
# Words before one of those that make it an infinitive, a negation or a noun ("a return to").
_NOT_PRESENT_BEFORE: Final = frozenset({"to", "will", "would", "could", "did", "not", "a", "an", "the", "its", "his",
                                        "her", "their"})
_WORD: Final = re.compile(r"[A-Za-z']+|[$\d][\d.,%]*")
# Words after which "to" + verb points ahead: "is to arrive", "decided to admit Poland in March".
_TO_HEADS: Final = frozenset({
    "is", "are", "going", "plan", "plans", "planned", "planning", "expected", "expects", "scheduled", "set", "due",
    "decided", "agreed", "intends", "intend", "intended", "wants", "want", "hopes", "hope", "hoped", "likely",
    "ready", "promised", "vowed", "threatened", "prepared", "preparing", "aims", "seeks", "sought",
    # nouns of intent: "an agreement to acquire the bank in January"
    "agreement", "proposal", "offer", "bid", "deal", "pact", "decision",
})
# Words after "to" that make it a preposition ("went to the airport"), not an infinitive ("to admit").
_NOT_VERBS: Final = frozenset({
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these", "those", "him",
    "them", "us", "me", "it", "some", "all", "date", "power", "death", "office", "court", "work", "school",
    "about", "more", "less", "nearly", "almost", "around",
})


def verb_tense(text: str, start: int, end: int) -> str | None:
    """The tense governing a weekday or bare month name: the nearest marker on its left decides, then the right.

    A past-tense verb ("was announced Wednesday", "met Friday") -> "past"; a future marker ("will meet
    Monday", "were planning to drive there on Monday", "is to arrive Monday") -> "future"; "until"/"by" point ahead
    unless the clause is pluperfect ("had filed reports by Wednesday"); a pluperfect before it is past.
    None when nothing marks it.
    """
    left, right = _clause_around(text, start, end, 50)
    clause_had = re.search(r"\bhad\b", left + " " + right, re.IGNORECASE) is not None
    if _FUTURE_NEAR.search(left[-20:]):
        return "past" if clause_had else "future"
    if re.search(r"\bhad\b", left, re.IGNORECASE):  # pluperfect: "it had been due to expire Friday"
        return "past"
    if re.search(r"\bwould be \w+ing\s+(?:\w+\s+){0,6}$", left, re.IGNORECASE):  # "would be traveling ... Thursday"
        return "future"
    if re.match(r"['’]s\b", text[end:end + 3]):  # "Wednesday's ruling": an event already named
        return "past"
    words = [w.lower() if not w[0].isupper() else "^" + w.lower() for w in _WORD.findall(left)]
    for i in range(len(words) - 1, -1, -1):
        tense = _marker(words, i)
        if tense:
            return tense
    # On the right only a verb of the same clause counts, and only an auxiliary or a past form marks it:
    # "On Friday, when Albright set aside vacation plans to fly ..." is not a plan for Friday.
    for word in [w.lower() for w in _WORD.findall(right)][:6]:
        if word in ("will", "shall", "won't") or word.endswith("'ll"):
            return "future"
        if word in _PAST_WORDS or (len(word) > 4 and word.endswith("ed")):
            return "past"
    return None


def _marker(words: list[str], i: int) -> str | None:
    word = words[i].lstrip("^")
    after = words[i + 1] if i + 1 < len(words) else ""
    if word == "to":  # "is to arrive", "plans to leave", "decided to admit": an infinitive points ahead
        verb = re.fullmatch(r"[a-z]+", after) is not None and after not in _NOT_VERBS  # not "to Washington", "to $16"
        return "future" if verb and i > 0 and words[i - 1].lstrip("^") in _TO_HEADS else None
    if word in ("planned", "scheduled", "set", "expected", "due") and after in ("for", "to"):
        return "future"  # "the accession was planned for early March"
    before = words[i - 1].lstrip("^") if i > 0 else ""
    if word in _FUTURE_WORDS or word.endswith("'ll"):
        return "future"
    if word in _SCHEDULED_PRESENT and before not in _NOT_PRESENT_BEFORE:
        return "future"
    if word == "be" and before in ("to", "would"):  # "to be published in November", "would be paid in January"
        return "future"
    if (word in _PAST_WORDS or (len(word) > 4 and word.endswith("ed"))) and before in ("is", "are", "be", "been", "being"):
        # a passive participle takes its tense from the auxiliary: "is expected in December" points ahead,
        # "will be named ... in December" is decided further left
        return "future" if before in ("is", "are") and word in ("expected", "scheduled", "planned", "set") else None
    if word in _PAST_WORDS or (len(word) > 4 and word.endswith("ed")):
        return "past"
    return None


def near_past(text: str, start: int) -> str | None:
    """The tense a word right before a date gives it: "past" after a past-tense verb ("ended Sept. 30",
    "was last seen Nov. 3", "issued July 1"), "future" after "payable" or "effective"; None otherwise. A
    passive after "will be" or "to be" is not past ("will be paid Dec. 14"), and a verb farther back often
    governs something else ("declared a dividend, payable Dec. 15")."""
    left, _ = _clause_around(text, start, start, 0)
    words = [w.lower() for w in _WORD.findall(left)]
    while words and words[-1] in ("on", "last", "since", "of", "as"):
        words.pop()
    if not words:
        return None
    verb, before = words[-1], (words[-2] if len(words) > 1 else "")
    if verb in ("payable", "effective"):
        return "future"
    if before in ("be", "been", "being", "is", "are", "will", "to", "would"):
        return None
    return "past" if verb in _PAST_WORDS or verb == "seen" or (len(verb) > 4 and verb.endswith("ed")) else None
