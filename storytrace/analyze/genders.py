"""Whom "he" and "she" can mean: each person's gender as the article itself tells it.

No list of given names is needed: news style gives a person's gender away in the article, through an
honorific ("Mr. Trump", "Mrs. Clinton") or the subject pronouns of sentences that name that person alone
("Fowler said he expects ..."). Votes are counted per surname; the people talked about inside quotations do not
vote, since the pronouns there are the speaker's own.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span

_HE = frozenset({"he"})
_SHE = frozenset({"she"})
_MALE_TITLES = frozenset({"mr.", "mr"})
_FEMALE_TITLES = frozenset({"mrs.", "mrs", "ms.", "ms"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
HONORIFIC_VOTES = 3  # an honorific is near certain; a sentence's pronouns may be someone else's
DOMINANCE = 2  # one gender's votes must be more than twice the other's to decide


def surname(name: str) -> str:
    words = name.split()
    return words[-1].lower().removesuffix("'s").removesuffix("’s") if words else ""


def document_genders(doc: Doc, people: list[Span], quoted: set[int]) -> dict[str, str]:
    """Surname (lower case) -> "m" or "f", for the people whose gender the article makes plain."""
    votes: dict[str, Counter] = {}
    for person in people:
        if person.start > 0 and person.start not in quoted:
            title = doc[person.start - 1].lower_
            gender = "m" if title in _MALE_TITLES else "f" if title in _FEMALE_TITLES else ""
            if gender:
                votes.setdefault(surname(person.text), Counter())[gender] += HONORIFIC_VOTES
    # a surname alone counts even where the recogniser missed it ("Trump" read as an organisation)
    surnames = {surname(p.text) for p in people}
    for sentence in doc.sents:
        named = [t for t in sentence if t.i not in quoted and t.text[:1].isupper() and t.lower_ in surnames]
        if len({t.lower_ for t in named}) != 1 or not any(t.dep_ in _SUBJECTS for t in named):
            continue  # "He added a caution, should Clinton return": the pronoun may be someone else's
        # the subject pronouns after the subject named ("Fowler said he expects"); a possessive is often another's
        words = [t.lower_ for t in sentence if t.i not in quoted and t.i > named[0].i and t.dep_ in _SUBJECTS]
        he, she = sum(w in _HE for w in words), sum(w in _SHE for w in words)
        if bool(he) != bool(she):
            votes.setdefault(named[0].lower_, Counter())["m" if he else "f"] += 1
    genders = {}
    for name, count in votes.items():
        if count["m"] > DOMINANCE * count["f"]:
            genders[name] = "m"
        elif count["f"] > DOMINANCE * count["m"]:
            genders[name] = "f"
    return genders
