"""Whom "he" and "she" can mean: each person's gender as the article itself tells it.

No list of given names is needed: news style gives a person's gender away in the article, through an
honorific ("Mr. Trump", "Mrs. Clinton"), a gendered noun of the person's title or apposition ("spokeswoman Jane
Roe", "Roe, his wife"), a possessive that looks ahead to the subject ("In her book, Roe wrote"), a reflexive of
the subject ("Roe defended herself"), or the subject pronouns of sentences that name that person alone ("Fowler
said he expects ..."). Votes are counted per surname; the people talked about inside quotations do not vote,
since the pronouns there are the speaker's own.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

_HE = frozenset({"he"})
_SHE = frozenset({"she"})
_ANY_HE = frozenset({"he", "him", "his", "himself"})
_ANY_SHE = frozenset({"she", "her", "hers", "herself"})
_MALE_TITLES = frozenset({"mr.", "mr"})
_FEMALE_TITLES = frozenset({"mrs.", "mrs", "ms.", "ms"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Nouns of a person's title or apposition that say the gender ("chairman" and "actor" are said of women too)
_FEMALE_NOUNS = frozenset({"spokeswoman", "congresswoman", "chairwoman", "businesswoman", "councilwoman",
                           "wife", "mother", "daughter", "sister", "widow", "actress", "girlfriend", "grandmother",
                           "aunt", "niece", "queen", "princess", "woman", "lady", "granddaughter", "stepmother"})
_MALE_NOUNS = frozenset({"spokesman", "congressman", "businessman", "councilman", "husband", "father", "son",
                         "brother", "widower", "boyfriend", "grandfather", "uncle", "nephew", "king", "prince", "man",
                         "grandson", "stepfather"})
_POSSESSIVES = {"his": "m", "her": "f"}
_REFLEXIVES = {"himself": "m", "herself": "f"}
HONORIFIC_VOTES = 3  # an honorific is near certain; a sentence's pronouns may be someone else's
CLAUSE_VOTES = 2  # a possessive ahead of the subject or the subject's reflexive: its own clause, near certain
DOMINANCE = 2  # one gender's votes must be more than twice the other's to decide


def surname(name: str) -> str:
    words = name.split()
    return words[-1].lower().removesuffix("'s").removesuffix("’s") if words else ""


def document_genders(doc: Doc, people: list[Span], quoted: set[int]) -> dict[str, str]:
    """Surname (lower case) -> "m" or "f", for the people whose gender the article makes plain."""
    votes: dict[str, Counter] = {}
    for person in people:
        if person.start not in quoted:
            title = doc[person.start - 1].lower_ if person.start > 0 else ""
            gender = "m" if title in _MALE_TITLES else "f" if title in _FEMALE_TITLES else _noun_gender(person)
            if gender:
                votes.setdefault(surname(person.text), Counter())[gender] += HONORIFIC_VOTES
    # a surname alone counts even where the recogniser missed it ("Trump" read as an organisation)
    surnames = {surname(p.text) for p in people}
    for token in doc:
        if token.i not in quoted and token.text[:1].isupper() and token.lower_ in surnames:
            gender = _clause_gender(token)
            if gender:
                votes.setdefault(token.lower_, Counter())[gender] += CLAUSE_VOTES
    for sentence in doc.sents:
        named = [t for t in sentence if t.i not in quoted and t.text[:1].isupper() and t.lower_ in surnames]
        if len({t.lower_ for t in named}) != 1 or not any(t.dep_ in _SUBJECTS for t in named):
            continue  # "He added a caution, should Clinton return": the pronoun may be someone else's
        # the subject pronouns after the subject named ("Fowler said he expects"); a possessive is often another's
        words = [t.lower_ for t in sentence if t.i not in quoted and t.i > named[0].i and t.dep_ in _SUBJECTS]
        he, she = sum(w in _HE for w in words), sum(w in _SHE for w in words)
        # "Shelby said he refused to follow her commands": pronouns of both genders, so "he" is another's
        pronouns = {t.lower_ for t in sentence if t.i not in quoted}
        mixed = bool(pronouns & _ANY_HE) and bool(pronouns & _ANY_SHE)
        if bool(he) != bool(she) and not mixed:
            votes.setdefault(named[0].lower_, Counter())["m" if he else "f"] += 1
    genders = {}
    for name, count in votes.items():
        if count["m"] > DOMINANCE * count["f"]:
            genders[name] = "m"
        elif count["f"] > DOMINANCE * count["m"]:
            genders[name] = "f"
    return genders


def noun_gender(word: str) -> str:
    """"spokeswoman" -> "f", "husband" -> "m", "senator" -> "" (lower case)."""
    return "f" if word in _FEMALE_NOUNS else "m" if word in _MALE_NOUNS else ""


def _noun_gender(person: Span) -> str:
    """"spokeswoman Jane Roe", "Jane Roe, his wife", "his wife, Jane Roe": the gender a noun beside the name
    says (its title words, its apposition, or the noun it stands in apposition to)."""
    root = person.root
    # the title as written before the name, inside the recognised name or not ("Spokeswoman Dana Pryce")
    beside = [t for t in root.doc[min(root.left_edge.i, person.start):root.i] if t.dep_ in ("compound", "amod", "nmod")]
    beside += [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        beside.append(root.head)
    said = {noun_gender(t.lower_) for t in beside} - {""}
    return said.pop() if len(said) == 1 else ""


def _clause_gender(name: Token) -> str:
    """The gender of the subject's own clause: "In her 2003 book, Roe wrote ..." (a possessive in a phrase ahead
    of the subject, before any other noun a reader could take it for) or "Roe defended herself"."""
    if name.dep_ not in _SUBJECTS:
        return ""
    verb = name.head
    for child in verb.children:
        if child.dep_ in ("dobj", "pobj") and child.lower_ in _REFLEXIVES:
            return _REFLEXIVES[child.lower_]
    ahead = [t for child in verb.children if child.dep_ == "prep" and child.i < name.i for t in child.subtree]
    for token in ahead:
        if token.tag_ == "PRP$" and token.lower_ in _POSSESSIVES:
            if any(t.tag_.startswith("NNP") and t.ent_type_ == "PERSON" for t in ahead if t.i < token.i):
                return ""  # "In Trump's view of her plan": the possessive may look back to that person
            return _POSSESSIVES[token.lower_]
    return ""
