"""Who a statement's source is: the speaker's name and role, and what "he" or "the spokesman" points back to.

The name is the subject's noun phrase cut at relative clauses and appositions; an apposition,
or the words before a person's name ("National Security Council spokesman Benjamin Chang"),
gives the role. Short references are resolved to the most recent compatible speaker met earlier
in the same article, because news style names a source in full once and then shortens it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from storytrace.analyze import cues
from storytrace.analyze.genders import document_genders, noun_gender, surname
from storytrace.analyze.quotes import is_quote_mark
from storytrace.model import Speaker

# Dependents that belong to a name or description; relative clauses, appositions (roles) and
# clause-level attachments do not.
_LEFT_DEPS = frozenset({"det", "amod", "compound", "poss", "nummod", "nmod", "case", "quantmod", "punct", "advmod", "predet"})
_RIGHT_DEPS = frozenset({"prep", "amod", "cc", "conj", "case", "nummod", "compound", "punct"})
_RIGHT_PREPS = frozenset({"of", "for", "in", "at", "from", "with", "on", "to", "close", "familiar", "inside", "within", "near"})
_CUT_DEPS = frozenset({"relcl", "acl", "appos", "advcl", "parataxis", "ccomp"})
_RELAY_PARTICIPLES = frozenset({"citing", "quoting"})
# Statement nouns that also name an event: "the release of prisoners" is no press release.
_EVENT_READINGS = frozenset({"release", "releases"})
_BE_FORMS = frozenset({"is", "was", "are", "were", "be", "been", "'s", "’s"})
_NOT_SPEAKERS = frozenset({"what", "there"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Anyone at all: a speaker ("someone asked"), never what "it" points back to.
_INDEFINITE = frozenset({"everyone", "everybody", "someone", "somebody", "anyone", "anybody", "no one", "nobody"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_DEFINITE = frozenset({"the", "this", "that"})


_MALE = frozenset({"he", "him", "his", "mr.", "mr", "sir"})
_FEMALE = frozenset({"she", "her", "mrs.", "mrs", "ms.", "ms", "miss", "dame"})


@dataclass
class _Known:
    """A speaker already met in the article, in the form later references resolve to."""

    speaker: Speaker
    person: bool
    plural: bool
    at: int = -1  # token index of the mention, so "he" looks back from where it stands
    gender: str = ""  # "m" / "f" when an honorific or pronoun told it, else unknown
    nested: bool = False  # a source reported by another source: never what "he" points back to


def speaker_parts(head: Token, people: list[Span]) -> tuple[str, str | None, bool, bool]:
    """(name, role, is_person, is_plural) of the noun phrase headed by `head`; `people` are the doc's PERSON entities."""
    span = _name_span(head)
    role = None
    appos = _appos(head) or _name_after_place(head)
    person_ent = _person_entity(span, people)
    if person_ent is not None and _behind_preposition(person_ent, head):
        person_ent = None  # "a spokeswoman for Hillary Clinton" speaks, not Clinton: the whole phrase is the speaker
    if appos is not None:
        appos_span = _name_span(appos)
        if person_ent is None and head.tag_ != "NNP" and (
                _person_entity(appos_span, people) is not None or _names_the_person(head, appos_span)):
            # "a spokesman, Benjamin Chang," : the apposition is the name, the head the role
            # ("Rendell, a Clinton surrogate,": a proper noun the tagger missed is still the name)
            span, appos_span = appos_span, span
            person_ent = _person_entity(span, people)
            if head.lower_ not in cues.ROLE_NOUNS | cues.PERSON_NOUNS:
                appos_span = None  # "until the election, Minyon Moore,": a misparse, the noun is no title of hers
        role = _as_role(appos_span) if appos_span is not None else None
        bracketed = _in_brackets(appos)
        if role is not None and bracketed is not None:
            role = bracketed  # "(D-Vt.)": the party and state whole, however the parser split them
    if person_ent is not None:
        span, before = _split_title(span, person_ent)
        # "Libertarian candidate Gary Johnson's doctor": a title before a possessor is the possessor's
        if before is not None and role is None and head.i < person_ent.end:
            role = _as_role(before)
    name = _text(span)
    listed = _listed_people(head, people) if person_ent is not None else []
    if len(listed) > 1 and not all(_last_word(n) in name.split() for n in listed):
        # "X (D-Ore.), Y (D-Ohio) and Z (D-N.J.) all suggested": the parser hung the others on X as appositions
        return ", ".join(listed[:-1]) + " and " + listed[-1], None, True, True
    person = person_ent is not None or head.lower_ in cues.PERSON_PRONOUNS or head.lower_ in cues.PERSON_NOUNS
    plural = head.tag_ in _PLURAL_TAGS or head.lower_ in cues.PLURAL_PRONOUNS or " and " in name
    return name, role, person, plural


def _listed_people(head: Token, people: list[Span]) -> list[str]:
    """The people named in a list headed by `head`, its others coordinated or taken by the parser for appositions,
    each perhaps with a bracket between ("X (D-Ore.), Y (D-Ohio) and Z"): their names, or [] when there are no
    other people ("Jeff Roe, the mayor,")."""
    listed, frontier = [head], [head]
    while frontier:
        found = [c for t in frontier for c in t.children if c.dep_ in ("appos", "conj") and c.ent_type_ == "PERSON"]
        listed += found
        frontier = found
    names = [_text(_without_possessive(e)) for t in listed for e in people if e.start <= t.i < e.end]
    if len(names) < 2 or len({_last_word(n) for n in names}) < len(names):
        return []  # "Jeff Roe, known as Roe,": one person written twice
    return names


# --- the source of a cue ----------------------------------------------------------------------


def source_of(cue: Token) -> tuple[Token | None, list[Token]]:
    """The speaker's head token and the relays between the outlet and the speaker.

    "Yonhap quoted sources as saying" -> (sources, [Yonhap]); "X said, citing Y" -> (Y, [X]).
    """
    recalled = recalled_speaker(cue)
    if recalled is not None:
        speaker, reporter = recalled
        return speaker, [reporter] if reporter is not None else []
    relay_verb = relay_verb_of_saying(cue)
    if relay_verb is not None:
        obj = child_of(relay_verb, "dobj")
        passive_subject = child_of(relay_verb, "nsubjpass")
        if obj is None and passive_subject is not None:
            # "The sources were quoted (by Yonhap) as saying": the passive subject spoke; without a "by"
            # phrase the relay is named in another sentence (see analyze.chains)
            agent = child_of(relay_verb, "agent")
            relay = child_of(agent, "pobj") if agent is not None else None
            return passive_subject, [relay] if relay is not None else []
        subject = _subject(relay_verb)
        return obj, [subject] if subject is not None else []
    issuer = statement_issuer(cue)
    if issuer is not None:
        return _subject(issuer), []
    agent = child_of(cue, "agent")
    passive = child_of(cue, "auxpass") is not None or cue.tag_ == "VBN"
    if agent is not None and passive and child_of(agent, "pobj") is not None:
        return child_of(agent, "pobj"), []  # "was first reported by MSNBC", "as reported by MSNBC"
    owner = sayers_participle(cue)
    if owner is not None:
        return _subject(owner), []  # "said rents rose, citing a closure": the sayer cites
    subject = _subject(cue)
    for child in _relay_participles(cue):
        cited = child_of(child, "dobj")
        if cited is not None and may_be_source(cited):
            return cited, [subject] if subject is not None else []
    return subject, []


def _relay_participles(cue: Token) -> list[Token]:
    """The "citing"/"quoting" participles that go with a cue: its own, and those the parse hung on its reported
    clause that are the sayer's (see `sayers_participle`)."""
    own = [c for c in cue.children if c.dep_ == "advcl" and c.lower_ in _RELAY_PARTICIPLES]
    clauses = [c for c in cue.children if c.dep_ == "ccomp"]
    moved = [p for clause in clauses for p in clause.children if sayers_participle(p) is cue]
    return own + moved


def sayers_participle(participle: Token) -> Token | None:
    """For "citing" in "Economists said rents have hurt shops, citing a closure", the verb "said"; else None.

    The parse hangs the participle on the reported clause, but rents cite nothing: a participle whose clause's
    subject could not cite belongs to the one who said the clause. Where that subject could ("said the minister
    resigned, citing ill health") the participle stays the clause's."""
    clause = participle.head
    if participle.dep_ != "advcl" or participle.lower_ not in _RELAY_PARTICIPLES or participle.i < clause.i:
        return None
    if clause.dep_ != "ccomp" or not cues.is_cue_form(clause.head.lower_):
        return None
    subject = child_of(clause, "nsubj") or child_of(clause, "nsubjpass")
    if subject is None or subject.pos_ == "PRON" or may_be_source(subject):
        return None
    return clause.head


# Verbs by which one person passes on another's words: "Brisk recalled the governor saying ...".
_RECALL_FORMS = frozenset({"recall", "recalls", "recalled", "recalling", "remember", "remembers", "remembered",
                           "remembering", "recount", "recounts", "recounted", "heard", "hears", "hear"})


def recalled_speaker(cue: Token) -> tuple[Token, Token | None] | None:
    """For "saying" in "Brisk recalled the governor saying ...": (the governor, Brisk); else None. The words are the
    governor's, and Brisk, who recalls them, stands between the outlet and the governor in the chain."""
    if cue.tag_ != "VBG":
        return None
    if cue.dep_ == "acl" and cue.head.dep_ == "dobj" and cue.head.head.lower_ in _RECALL_FORMS:
        return cue.head, _subject(cue.head.head)
    if cue.dep_ in ("advcl", "xcomp", "ccomp") and cue.head.lower_ in _RECALL_FORMS:
        said_by = next((c for c in cue.head.children if c.dep_ == "dobj" and c.i < cue.i), None) or child_of(cue, "nsubj")
        if said_by is not None:
            return said_by, _subject(cue.head)
    return None


def recalls_saying(verb: Token) -> bool:
    """Whether `verb` recalls someone saying something: its object is a speaker, not what was said."""
    return verb.lower_ in _RECALL_FORMS and any(
        c.tag_ == "VBG" and cues.is_cue_form(c.lower_) and recalled_speaker(c) is not None
        for t in (verb, child_of(verb, "dobj")) if t is not None for c in t.children)


def author_of(source: Token) -> Token:
    """"according to her account", "according to a speech Mrs. Clinton delivered": the person whose account or
    speech it is speaks; any other source is its own speaker."""
    if source.lower_ in _CARRIERS:
        sender = next((c for c in source.children if c.dep_ == "prep" and c.lower_ == "from"), None)
        named = child_of(sender, "pobj") if sender is not None else None
        if named is not None and named.ent_type_ in ("PERSON", "ORG", "NORP"):
            return named  # "A lesson from Loretta Lynch: ...": Lynch speaks
    if source.lower_ in _AUTHORED or source.lower_ in cues.FINDING_SOURCES:
        maker = next((child_of(c, "pobj") for c in source.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        if maker is not None and (maker.ent_type_ in ("PERSON", "ORG", "NORP") or maker.tag_ == "NNP"):
            return maker  # "according to a new report by Politico": Politico speaks
    if source.lower_ not in _AUTHORED:
        return source
    sender = _sender_of(source)
    if sender is not None:
        return sender
    owner = child_of(source, "poss")
    if owner is not None and owner.ent_type_ in ("PERSON", "ORG", "") and owner.tag_ in ("PRP$", "NNP", "NNPS", "NN"):
        return owner
    clause = child_of(source, "relcl")
    maker = child_of(clause, "nsubj") if clause is not None else None
    return maker if maker is not None and maker.lower_ not in ("that", "which") else source


def _sender_of(document: Token) -> Token | None:
    """"Trump unleashed a series of tweets criticizing X": the subject of the verb that sends the document out."""
    token = document
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.dep_ == "dobj":
        token = token.head.head  # "a series of tweets"
    if token.dep_ != "dobj" or not token.head.tag_.startswith("VB"):
        return None
    subject = child_of(token.head, "nsubj")
    return subject if subject is not None and subject.lower_ not in ("it", "that", "which", "who") else None


# What carries someone's words from them: "a lesson from Lynch", "a message from the president".
_CARRIERS = frozenset({"lesson", "lessons", "message", "messages", "word", "words", "warning", "plea", "advice",
                       "note", "letter", "statement"})
# What a person writes or gives: "her account", "a speech she delivered" are that person's words.
_AUTHORED = frozenset({"brief", "filing", "memo", "affidavit", "essay",
                       "account", "accounts", "speech", "speeches", "memoir", "memoirs", "testimony", "remarks",
                       "statement", "letter", "tweet", "tweets", "post", "book", "op-ed", "column", "interview"})


def statement_issuer(cue: Token) -> Token | None:
    """For "saying" in "X issued a statement saying ...", the verb "issued"; else None."""
    noun = cue.head
    if cue.dep_ != "acl" or cue.tag_ != "VBG" or noun.lower_ not in cues.STATEMENT_NOUNS or noun.dep_ not in ("dobj", "pobj"):
        return None
    verb = noun.head if noun.dep_ == "dobj" else noun.head.head
    return verb if verb.tag_.startswith("VB") and verb.i < noun.i else None


def may_be_source(cited: Token) -> bool:
    """"citing sources", "citing Yonhap": a source; "citing Trump's appeal": a reason, not a source."""
    lower = cited.lower_
    if lower in _EVENT_READINGS and _of_a_thing(cited):
        return False  # "citing the release of prisoners": an event, not a press release
    return (_names_someone(cited) or lower in cues.STATEMENT_NOUNS
            or lower in ("report", "reports", "people", "documents", "data", "figures", "records"))


def _names_someone(noun: Token) -> bool:
    """A named person, organisation or group, or a noun of a role or a person ("the minister", "officials")."""
    lower = noun.lower_
    return (noun.ent_type_ in _NAMED or lower in cues.ROLE_NOUNS or lower in cues.PERSON_NOUNS
            or lower.rstrip("s") in cues.PERSON_NOUNS)


def _of_a_thing(noun: Token) -> bool:
    """Whether an "of" phrase after the noun names no one: "the release of prisoners", not "the report of the
    commission"."""
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    owner = child_of(of, "pobj") if of is not None else None
    return owner is not None and not _names_someone(owner)


def can_speak(speaker: Token) -> bool:
    """Generic "you" and bare demonstratives ("that says") are no sources to trace; the writer's "I" and
    "we" are (see `is_writer`)."""
    lower = speaker.lower_
    if lower in ("that", "this") and not any(True for _ in speaker.children):
        return False  # "That said, ...": a bare demonstrative is no one
    return (lower not in cues.FIRST_SECOND_PERSON or lower in cues.WRITER_PRONOUNS) and lower not in _NOT_SPEAKERS


def is_writer(speaker: Token) -> bool:
    return speaker.lower_ in cues.WRITER_PRONOUNS


def _subject(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects:
        # Two subjects mean a bad parse; the one nearest the verb is the more likely.
        child = min(subjects, key=lambda c: abs(c.i - verb.i))
        if child.lower_ in _DISTRIBUTIVES and verb.dep_ == "advcl" and child_of(verb.head, "nsubj") is not None:
            return child_of(verb.head, "nsubj")  # "Trump and Clinton vied ..., each touting": the two speak
        if _partitive_relative(child):
            # "family members of victims, many of whom say": the members speak
            return _first_conjunct(verb.head) if verb.dep_ == "relcl" else (_noun_before(child) or child)
        if child.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
            antecedent = _first_conjunct(verb.head)  # "Chang, who said ..." speaks as Chang
            before = verb.doc[child.i - 1] if child.i > 0 else None
            if antecedent.tag_.startswith("VB") and before is not None and before.tag_.startswith("NN"):
                antecedent = before  # "turned to the Police Department which reported": the clause hung on the verb
            if child.lower_ == "who" and _place(antecedent):
                antecedent = _people_at(antecedent) or antecedent  # "Democrats on Capitol Hill, who have argued"
            if antecedent.dep_ == "appos" and antecedent.head.ent_type_ in _NAMED and not antecedent.ent_type_:
                # "China and the United States, the two biggest polluters, which vowed": the ones named
                antecedent = antecedent.head
            if antecedent.dep_ == "attr" and antecedent.head.lower_ in _BE_FORMS:
                # "Trump is a serial liar ... who has pledged": the liar is the copula's subject
                copula = antecedent.head
                while copula.dep_ == "conj" and child_of(copula, "nsubj") is None:
                    copula = copula.head  # "incites violence and is a liar": the subject of the first verb
                return child_of(copula, "nsubj") or antecedent
            return antecedent
        if child.lower_ in ("who", "which") and child.i > 0 and verb.doc[child.i - 1].tag_.startswith("NN"):
            return verb.doc[child.i - 1]  # a relative clause misread as adverbial: its noun is right before it
        return child
    # "arrived and said", "warned, saying"; but not "declined to comment when asked": a bare past
    # participle is passive, so the subject above it is who was asked, not who spoke.
    if verb.dep_ in ("conj", "advcl") and _may_share_subject(verb.head) and not _bare_participle(verb):
        # "was joined on stage by Franken and joked": a passive head's subject is the one who joked
        return _subject(verb.head) or (child_of(verb.head, "nsubjpass") if verb.dep_ == "conj" else None)
    if verb.tag_ == "VBG" and verb.dep_ == "acl" and (verb.head.tag_.startswith("NN") or verb.head.lower_ in ("those", "anyone")):
        if verb.head.dep_ == "ROOT" and not any(t.tag_ in _FINITE for t in verb.sent):
            return None  # "Trump avoids condemning ..." read as a verbless phrase: the "noun" is a misread verb
        return verb.head  # "voters saying ...", "those backing other candidates": the noun speaks
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "pcomp"):
        # "she said, blaming ...", "ended the meeting by announcing ...": the participle speaks for
        # the clause it hangs from.
        return _participle_subject(verb)
    if verb.dep_ == "xcomp" and verb.head.i != verb.i:
        # "X declined to say": X; but "led Y to declare" or "called on Y to retract": Y, the object controls the
        # infinitive.
        obj = child_of(verb.head, "dobj")
        return (obj is not None and _recorded_person(obj)) or obj or _object_of_on(verb.head) or _subject(verb.head)
    # Inverted order mis-parsed as an object: `"...," said a spokesman.`
    if _follows_quote(verb) and cues.cue_lemma(verb.lower_) != "tell":
        return _inverted_subject(verb)
    return None


def _partitive_relative(subject: Token) -> bool:
    """"many of whom", "some of which", "most of whom": a part of the noun the relative clause is on."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(o.lower_ in ("whom", "which") for o in c.children)
               for c in subject.children)


def _noun_before(subject: Token) -> Token | None:
    """The noun a relative clause misread as a main clause is on: "the families of the crew, many of whom say"
    -> "families" (up through "of" phrases)."""
    at = subject.left_edge.i - 1
    while at >= 0 and subject.doc[at].is_punct:
        at -= 1
    if at < 0 or not subject.doc[at].tag_.startswith("NN"):
        return None
    noun = subject.doc[at]
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.tag_.startswith("NN"):
        noun = noun.head.head
    return noun


def _inverted_subject(verb: Token) -> Token | None:
    """`"...," said Robert Reich, who ...`: the first noun after the verb, however the parser attached it."""
    for child in verb.children:
        if child.i > verb.i and child.dep_ not in ("prep", "punct", "advmod", "npadvmod", "ccomp", "cc") and (
                child.tag_.startswith("NN") or child.tag_ == "PRP"):
            return child
    return None


def _participle_subject(verb: Token) -> Token | None:
    """The subject of the nearest verb above a participle, through "by"/"after" ("by announcing")."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        head = head.head
        if head.dep_ == "advmod" and not head.tag_.startswith("VB"):
            head = head.head  # "aside from saying": the verb "aside" hangs from
    if head.i == verb.i or not head.tag_.startswith("VB") or head.lower_ in _BE_FORMS:
        return None
    if verb.dep_ == "pcomp" and verb.head.lower_ in _REASON_PREPS:
        # "criticized Trump for saying ...": the one criticized said it; "was criticized for saying": the subject
        blamed = child_of(head, "dobj") or child_of(head, "nsubjpass")
        if blamed is not None and _may_be_doer(blamed):
            return blamed
    if any(c.dep_ == "nsubj" for c in head.children):
        subject = _subject(head)
        return subject if subject is None or subject.lower_ not in ("it", "there") else None
    return _subject(head) if head.dep_ in ("conj", "advcl", "relcl", "xcomp") or _follows_quote(head) else None


_PLACES = frozenset({"GPE", "LOC", "FAC", "ORG"})  # "who" is no place or body: the people of the phrase are meant


def _place(token: Token) -> bool:
    """A place after a preposition ("on Capitol Hill", "in Ohio"): a place name, or a proper noun no person."""
    return token.dep_ == "pobj" and (token.ent_type_ in _PLACES or (token.tag_ == "NNP" and not token.ent_type_))


def _people_at(place: Token) -> Token | None:
    """The people the place's phrase is about: the noun it modifies ("Democrats on Capitol Hill"), or the object
    before it of the verb it hangs on ("placate Democrats on Capitol Hill")."""
    owner = place.head.head
    if owner.tag_.startswith("NN"):
        return owner
    obj = child_of(owner, "dobj") if owner.tag_.startswith("VB") else None
    return obj if obj is not None and obj.i < place.i else None


_REASON_PREPS = frozenset({"for"})  # "blamed X for saying": the reason is X's deed, not the blamer's


def _object_of_on(verb: Token) -> Token | None:
    """"called on Dean to apologize": the one called on (a noun, not a day: "said on Monday to ...")."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("on", "upon") and prep.i > verb.i:
            target = child_of(prep, "pobj")
            if target is not None and target.ent_type_ not in ("DATE", "TIME") and _may_be_doer(target):
                return target
    return None


_ORGANISATION_NOUNS = frozenset({"group", "organization", "organisation", "company", "committee", "firm", "union",
                                 "party", "newspaper", "network", "campaign", "association", "coalition", "council"})


def _organisation(token: Token) -> bool:
    """A singular name or noun of an organisation, which news calls "they" ("PolitiFact ... they published")."""
    if token.tag_ == "NNP":
        return token.ent_type_ in ("ORG", "")
    return token.tag_ == "NN" and token.lower_ in _ORGANISATION_NOUNS


def _lone_name(token: Token, surnames: set[str]) -> bool:
    """A one-word name the recogniser took for a person that no full name in the article ends in ("Politifact"):
    an organisation misread, as far as "they" can tell."""
    return token.ent_type_ == "PERSON" and token.ent_iob_ == "B" and (
        token.i + 1 == len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I") and token.text not in surnames


_RECORDINGS = frozenset({"footage", "video", "videos", "clip", "clips", "recording", "recordings", "audio", "tape",
                         "tapes", "images", "photo", "photos", "film"})


def _recorded_person(obj: Token) -> Token | None:
    """"uses footage of Clinton asking ...": the one recorded speaks, not the footage."""
    if obj.lower_ not in _RECORDINGS:
        return None
    of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    person = child_of(of, "pobj") if of is not None else None
    return person if person is not None and (person.ent_type_ == "PERSON" or person.tag_ == "PRP") else None


def _may_be_doer(token: Token) -> bool:
    """A noun or personal pronoun that may do the saying (not "it", not "you")."""
    return (token.tag_.startswith("NN") or token.tag_ == "PRP") and token.lower_ != "it" and can_speak(token)


def _bare_participle(verb: Token) -> bool:
    return verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "nsubj") for c in verb.children)


def _first_conjunct(token: Token) -> Token:
    """"Jeb Bush and Chris Christie, who say": the relative clause speaks for the whole coordination."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token


def _follows_quote(verb: Token) -> bool:
    """`..." said X` or `...," said X`: the verb comes right after a closing quote."""
    doc = verb.doc
    previous = doc[verb.i - 1] if verb.i > 0 else None
    if previous is not None and previous.text == "," and verb.i > 1:
        previous = doc[verb.i - 2]
    return previous is not None and is_quote_mark(previous)


def _may_share_subject(head: Token) -> bool:
    """Whether a coordinated or participial cue takes its subject from `head`.

    Only from a main-clause verb or another cue: when the head sits inside a reported clause
    ("said the party was calm, and urged ..."), the parse has attached the cue to the wrong verb.
    """
    if head.i == head.head.i or cues.is_cue_form(head.lower_):
        return head.tag_.startswith("VB") and head.lower_ not in _BE_FORMS
    return head.dep_ == "conj" and _may_share_subject(head.head)


def relay_verb_of_saying(token: Token) -> Token | None:
    """For "saying" in "X quoted Y as saying", the "quoted" verb; else None."""
    prep = token.head
    if token.lower_ != "saying" or prep.lower_ != "as":
        return None
    verb = prep.head
    return verb if cues.cue_lemma(verb.lower_) in cues.RELAY_LEMMAS else None


def is_relayed_saying(token: Token) -> bool:
    return relay_verb_of_saying(token) is not None


def relayed_saying(verb: Token) -> Token | None:
    """For "quoted" in "X quoted Y as saying", the "saying" token; else None."""
    if cues.cue_lemma(verb.lower_) not in cues.RELAY_LEMMAS:
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            for child in prep.children:
                if child.lower_ == "saying":
                    return child
    return None


def child_of(token: Token, dep: str) -> Token | None:
    if not dep:
        return None
    return next((c for c in token.children if c.dep_ == dep), None)


# --- resolving references ----------------------------------------------------------------------


class SpeakerResolver:
    """Resolves speaker heads in reading order, remembering each resolved speaker for later references."""

    def __init__(self, doc: Doc, *, agency: str | None = None, quoted: set[int] | None = None,
                 reported: set[int] | None = None):
        self.doc = doc
        self.agency = agency
        self.known: list[_Known] = []
        self.people = [ent for ent in doc.ents if ent.label_ == "PERSON"]
        # People named inside quotations are talked about, not the narrative's subjects; so are the people in
        # what a source said ("Fowler said he expects Clinton to recover. But he said ...": "he" is Fowler).
        self.quoted = quoted or set()
        talked_about = self.quoted | (reported or set())
        self.narrated_people = [ent for ent in self.people if ent.start not in talked_about]
        self.genders = document_genders(doc, self.people, self.quoted)
        # The narrative's centre, what "he" most likely goes on about: a person who is the subject of a main clause
        # ("Trump has record low support. He recently pitched ..."), by name, even where the recogniser missed the
        # name ("Trump" tagged an organisation) but knows it from elsewhere in the article.
        surnames = {_last_word(ent.text) for ent in self.people}
        self.narrated_subjects = [t for t in doc if t.dep_ in ("nsubj", "nsubjpass") and t.i not in talked_about
                                  and (t.ent_type_ == "PERSON" or (t.tag_.startswith("NN") and t.text in surnames))
                                  and not _subordinate(t)]

    def resolve(self, head: Token, *, remember: bool = True, nested: bool = False) -> Speaker | None:
        """The speaker the noun phrase at `head` denotes, after following short references back."""
        name, role, person, plural = speaker_parts(head, self.people)
        if not name:
            return None
        gender = _gender(name.split()[0].lower()) or (noun_gender(head.lower_) if head.tag_ == "NN" else "")
        found = self._antecedent(head, name, gender)
        if found is not None:
            speaker = Speaker(found.speaker.name, found.speaker.entity_id, found.speaker.role)
            person, plural, gender = found.person, found.plural, found.gender or gender
        else:
            speaker = Speaker(name, None, role)
        if remember:
            self.known.append(_Known(speaker, person, plural, head.i, gender, nested))
        return speaker

    def _antecedent(self, head: Token, name: str, gender: str) -> _Known | None:
        lower = head.lower_
        if lower in cues.PERSON_PRONOUNS or lower in cues.PLURAL_PRONOUNS:
            plural = lower in cues.PLURAL_PRONOUNS
            local = self._sentence_subject(head, plural, gender)
            if local is not None:
                return local
            if plural:
                found = self._latest(head, lambda k: k.plural and not k.nested)
                return self._organisation_before(head, found) or found
            return self._latest_person(head, gender)
        if lower == "it":
            return self._latest(head, lambda k: not k.person and not k.plural
                                and k.speaker.name.lower() not in _INDEFINITE)
        surname = _surname_reference(head, name)
        if surname is not None:
            def fits(known: _Known) -> bool:
                # "Clinton said" is one person: never a pair met earlier ("Trump and Clinton point out ...")
                return (known.person and not known.plural and _last_word(known.speaker.name) == surname
                        and _same_gender(known.gender, gender))

            return self._latest(head, fits) or self._person_entity_before(head, surname)
        titled = self._titled_before(head, name)
        if titled is not None:
            return titled
        noun = _definite_reference(head, name)
        if noun is not None:
            if noun in cues.AGENCY_NOUNS and self.agency:
                return _Known(Speaker(self.agency), False, False)
            found = self._latest(head, lambda k: _mentions(k.speaker, noun))
            if found is not None:
                return found
        return self._described_person(head, name)

    def _titled_before(self, head: Token, name: str) -> _Known | None:
        """"The Republican presidential nominee noted": the person last named with that title before
        ("Republican presidential nominee Donald Trump"), as a reader takes it. Only a definite description of a
        common noun, every word of which the title has."""
        words = name.lower().split()
        if not (2 <= len(words) <= 5) or words[0] not in _DEFINITE or head.tag_ != "NN" or head.ent_type_:
            return None
        wanted = set(words[1:])
        titled = [e for e in self.narrated_people if e.end <= head.i and wanted <= _title_words(e)]
        if not titled:
            return None
        person = titled[-1]
        return self._person_entity_before(head, _last_word(person.text)) or _Known(
            Speaker(person.text), True, False, person.root.i)

    def _described_person(self, head: Token, name: str) -> _Known | None:
        """"Donald Trump says he has big plans. The Republican presidential nominee noted ...": a definite
        description of one person as a subject goes on about the person the narrative was just about (the last
        person speaker or named subject, within a few sentences), as a reader takes it, unless another person
        before is given that title: then it is not plain which one is meant."""
        words = name.lower().split()
        if not (2 <= len(words) <= _DESCRIPTION_WORDS) or words[0] != "the" or head.dep_ not in ("nsubj", "nsubjpass"):
            return None
        if head.tag_ not in ("NN", "NNP") or head.lower_ not in _DESCRIPTION_NOUNS or head.ent_type_ == "PERSON":
            return None
        if any(t.ent_type_ == "PERSON" or (t.ent_type_ == "ORG" and t.tag_ == "NNP") for t in head.subtree) or any(
                c.dep_ in ("relcl", "acl", "appos") for c in head.children):
            # "the senator who ...", "the nominee, Jane Roe,", "the FBI director": not a plain reference back
            return None
        found = self._latest_person(head, noun_gender(head.lower_))
        if found is None or not self._within(found, head) or found.speaker.name.split()[0].lower() in _ARTICLES:
            return None  # nobody near, or a description itself ("the mayor ... the congressman"): not a name
        titled = {_last_word(e.text) for e in self.narrated_people if e.end <= head.i and head.lower_ in _title_words(e)}
        if titled - {_last_word(found.speaker.name)}:
            return None  # another person before bears that title
        if head.lower_ in _TITLES:
            # an office only for the person the article gives it ("Vermont Sen. Bernie Sanders ... The senator"):
            # "Rep. Adam Schiff" is no "mayor", and a person of no office told may be anyone but the mayor
            known = self._known_titles(found)
            if not (head.lower_ in known or _LAWMAKERS & known and head.lower_ in _LAWMAKERS):
                return None
        return found

    def _known_titles(self, found: _Known) -> set[str]:
        """The words of the role and titles the article gives the person `found` stands for."""
        words = set((found.speaker.role or "").lower().replace(",", " ").split())
        for person in self.narrated_people:
            if _last_word(person.text) == _last_word(found.speaker.name):
                words |= _title_words(person) | {t.lower_ for t in person if t.lower_ in _TITLES}
                if person.start > 0 and self.doc[person.start - 1].lower_ in _TITLES:
                    words.add(self.doc[person.start - 1].lower_)
        return words

    def _within(self, found: _Known, head: Token) -> bool:
        """Whether the mention `found` stands within `_DESCRIPTION_REACH` sentences before `head`."""
        sentences = [s.start for s in self.doc.sents if found.at < s.start <= head.sent.start]
        return 0 <= found.at < head.i and len(sentences) <= _DESCRIPTION_REACH

    def _organisation_before(self, head: Token, found: _Known | None) -> _Known | None:
        """"PolitiFact did a fact-check. On Tuesday they published it": an organisation named as the subject of the
        sentence before (or earlier in this one), nearer than any plural speaker, is what "they" stands for."""
        sentences = [s for s in self.doc.sents if s.start <= head.i][-2:]
        start = sentences[0].start if sentences else head.sent.start
        surnames = {_last_word(e.text) for e in self.people if len(e) >= 2}
        named = [t for t in self.doc[start:head.i] if t.dep_ == "nsubj" and t.i not in self.quoted
                 and (found is None or t.i > found.at) and (_organisation(t) or _lone_name(t, surnames))]
        if not named:
            return None
        name, role, _, _ = speaker_parts(named[-1], self.people)
        return _Known(Speaker(name, None, role), False, False, named[-1].i) if name else None

    def _sentence_subject(self, head: Token, plural: bool, gender: str = "") -> _Known | None:
        """"Democrats focused on what they said": an earlier subject of the pronoun's own sentence, when its gender
        does not contradict the pronoun's."""
        sentence = head.sent
        for token in reversed(sentence[: head.i - sentence.start]):
            if token.dep_ != "nsubj" or token.i in self.quoted or token.lower_ in cues.PERSON_PRONOUNS | cues.PLURAL_PRONOUNS:
                continue
            name, role, person, is_plural = speaker_parts(token, self.people)
            if plural == is_plural and (plural or (token.ent_type_ == "PERSON" and self._may_be(token.text, gender))):
                told = self._told_in_sentence(head, gender) if gender and not self._told(token.text) else None
                if told is not None:
                    return told  # "Christie described Clinton as a disgrace after she attacked": she is Clinton
                return self._antecedent(token, name, "") or _Known(Speaker(name, None, role), person, is_plural, token.i)
            return None  # the nearest subject does not fit: do not reach past it
        return None

    def _latest(self, head: Token, accept) -> _Known | None:
        """The speaker mentioned last before `head` that `accept` allows."""
        before = [k for k in self.known if k.at < head.i and accept(k)]
        return max(before, key=lambda k: k.at) if before else None

    def _latest_person(self, head: Token, gender: str) -> _Known | None:
        """For he/she: the nearer of the last person speaker and the last person named as a subject."""
        speaker = self._latest(head, lambda k: k.person and not k.plural and not k.nested
                               and _same_gender(k.gender, gender) and self._may_be(k.speaker.name, gender))
        subjects = [t for t in self.narrated_subjects if t.i < head.i and (speaker is None or t.i > speaker.at)
                    and self._may_be(t.text, gender)]
        if subjects:
            named = self._full_name_at(subjects[-1]) or self._person_entity_before(head, subjects[-1].text)
            if named is not None:
                return named
        return speaker

    def _told_in_sentence(self, head: Token, gender: str) -> _Known | None:
        """The one person named earlier in the pronoun's sentence whom the article gives the pronoun's gender, when
        there is just one: a reader takes "she" for the woman there over a subject of no gender told."""
        named = [e for e in self.people if head.sent.start <= e.start and e.end <= head.i and e.start not in self.quoted
                 and self._told(e.text) == gender]
        if len({_last_word(_without_possessive(e).text) for e in named}) != 1:
            return None
        person = _without_possessive(named[-1])
        return self._person_entity_before(head, _last_word(person.text)) or _Known(
            Speaker(person.text), True, False, person.root.i, gender)

    def _told(self, name: str) -> str:
        """The gender the article gives the person of that name, or ""."""
        last = surname(name)
        return self.genders.get(last) or next((k.gender for k in reversed(self.known)
                                               if k.gender and surname(k.speaker.name) == last), "")

    def _may_be(self, name: str, gender: str) -> bool:
        """Whether the person of that name may be "he" (gender "m") or "she" ("f"), as the article tells."""
        return _same_gender(self._told(name), gender)

    def _full_name_at(self, token: Token) -> _Known | None:
        """The full name a subject is written with ("Rakeyia Scott can be heard"): that person, whoever else in
        the article shares the surname."""
        for person in map(_without_possessive, self.people):
            if person.start <= token.i < person.end and len(person) >= 2 and person[-1].i == token.i:
                return self._latest(token, lambda k: k.person and k.speaker.name == person.text) or _Known(
                    Speaker(person.text), True, False, person.root.i)
        return None

    def _person_entity_before(self, head: Token, surname: str) -> _Known | None:
        """The usual full PERSON name with this surname before `head` (or a speaker of that name)."""
        known = self._latest(head, lambda k: k.person and not k.plural and _last_word(k.speaker.name) == surname)
        if known is not None:
            return known
        same = [e for e in map(_without_possessive, self.people) if e.start < head.i and _last_word(e.text) == surname]
        if not same:
            return None
        full = [e for e in same if len(e) >= 2]
        if not full:
            return None  # "Chang" only ever appears alone: nothing fuller to resolve to
        # the full name the article uses most, counting the given name alone ("Hillary" for "Hillary Clinton" where
        # a "Bill Clinton" is also named), the shorter on a tie: a headline's "Rip Donald Trump" is a misread
        forms = Counter(e.text for e in full)
        given = Counter(t.text for t in self.doc[:head.i] if t.tag_ == "NNP"
                        and (t.i + 1 == len(self.doc) or self.doc[t.i + 1].text != surname))
        usual = max(full, key=lambda e: (forms[e.text] + given[e[0].text], -len(e)))
        return _Known(Speaker(usual.text), True, False, usual.root.i)


# --- noun phrase pieces ----------------------------------------------------------------------


def _without_possessive(person: Span) -> Span:
    """"Hillary Clinton’s" as the recogniser cuts it -> "Hillary Clinton"."""
    return person[:-1] if len(person) > 1 and person[-1].tag_ == "POS" else person


def _name_span(head: Token) -> Span:
    """The contiguous run of the head's name tokens around it."""
    keep = {head.i}
    for child in head.children:
        if child.dep_ in _CUT_DEPS and not (child.i > head.i and _hyphenated(child)):
            continue
        if child.i < head.i and child.dep_ in _LEFT_DEPS and child.lower_ not in _FOCUS_ADVERBS:
            keep.update(_subtree_ids(child))
        elif child.i > head.i and (child.dep_ in _RIGHT_DEPS and _right_ok(child) or _hyphenated(child)):
            keep.update(_subtree_ids(child))
    start = end = head.i
    while start - 1 in keep:
        start -= 1
    while end + 1 in keep:
        end += 1
    while head.ent_type_ in _NAMED and end + 1 < len(head.doc) and _name_goes_on(head.doc[end], head.doc[end + 1]):
        end += 1  # "the event organizer Alliance to Reclaim Our Schools": the parser cut the name at "to"
    while end > start and head.doc[end].dep_ == "case":
        end -= 1  # "Trump's claim": the owner is "Trump"
    span = head.doc[start:end + 1]
    return _strip_punct(span)


# Adverbs that stress a name without being part of it: "Even China, Pyongyang's only ally, said".
_FOCUS_ADVERBS = frozenset({"even", "only", "also", "just", "too"})
_DISTRIBUTIVES = frozenset({"each", "both"})  # "X and Y ..., each saying": X and Y speak
_NAMED = frozenset({"ORG", "PERSON", "NORP", "GPE"})  # entities whose name runs on however the parser cut it


def _name_goes_on(last: Token, following: Token) -> bool:
    """Whether `following` is more of the entity `last` is in: a capitalised word or a small word of a name ("to",
    "of"); a verb, a possessive or a quote mark ends it, whatever the recogniser joined ("Obama Sees", "Trump's")."""
    verb = following.tag_.startswith("VB") and last.lower_ != "to"  # "Committee to Protect Journalists" goes on
    return (last.ent_iob_ in ("B", "I") and following.ent_iob_ == "I" and following.tag_ not in _NOT_NAME_TAGS
            and not verb and (following.text[:1].isupper() or following.tag_ in ("TO", "IN")))


_NOT_NAME_TAGS = frozenset({"POS", "``", "''", ",", ":", "-LRB-", "-RRB-", "HYPH"})


# Nouns of a point in time: "the mayor at the time said", "the minister at that point said" (the time of the
# saying, not the speaker's name; on PolNeAR, "Trump at the time" was held for another person than "Trump").
_WHEN_NOUNS = frozenset({"time", "moment", "point", "outset", "start", "beginning", "end"})


def _right_ok(child: Token) -> bool:
    if child.dep_ == "prep":
        # "the office on Friday denied": a time phrase is when it spoke, not part of who spoke; "data from the 2014
        # survey" names its source, the year only dates the survey.
        return child.lower_ in _RIGHT_PREPS and not any(
            o.ent_type_ in ("DATE", "TIME") or o.lower_ in _WHEN_NOUNS
            for o in child.children if o.dep_ in ("pobj", "pcomp"))
    if child.dep_ == "punct":
        return child.text in ("-", "–", ".")  # hyphenated names: "Lee Myung-bak"
    return True


def _hyphenated(child: Token) -> bool:
    """"R-Tex": a word joined to the one before by a hyphen is part of it, however the parser attached it."""
    before = child.left_edge.i - 1
    return before > 0 and child.doc[before].tag_ == "HYPH" and not child.doc[before].whitespace_ and (
        child.doc[before - 1].whitespace_ == "")


def _subtree_ids(token: Token) -> set[int]:
    """Token ids under `token`, not descending into relative clauses or appositions."""
    ids = {token.i}
    for child in token.children:
        if child.dep_ not in _CUT_DEPS:
            ids |= _subtree_ids(child)
    return ids


def _strip_punct(span: Span) -> Span:
    start, end = span.start, span.end
    # a token with no letter or digit is punctuation, however the tagger read it ("”―" before a signed name)
    while start < end and (span.doc[start].is_punct or not any(ch.isalnum() for ch in span.doc[start].text)) and \
            span.doc[start].text not in ("'s",):
        start += 1
    # a full stop of its own ends the sentence ("― Jorge Falcon."); one inside a token belongs to it ("Jr.")
    while end > start and span.doc[end - 1].is_punct and (span.doc[end - 1].text != "." or span.doc[end - 1].is_sent_end):
        end -= 1
    return span.doc[start:end]


def _appos(head: Token) -> Token | None:
    # "Lynch: No outside influence": what follows a colon is what was said, not the speaker's title
    # nor is a quotation after a signed name ("― Stephanie Egan “Tonight's debate ...”": the next reader's words)
    # nor an aside after the verb ("A union endorsed Clinton, another example of labor backing her"): it is on the
    # whole clause, however the parser hung it
    return next((c for c in head.children if c.dep_ == "appos" and head.doc[c.left_edge.i - 1].text != ":"
                 and not any(is_quote_mark(t) for t in head.doc[min(head.i, c.left_edge.i):max(head.i, c.i) + 1])
                 and not head.i < head.head.i < c.i),
                None)


_BRACKET_WORDS = 4  # "(D-N.Y.)", "(R-S.C.)": a party and a state are a few tokens


def _in_brackets(token: Token) -> str | None:
    """The text between the round brackets around `token`, when they are close around it."""
    doc = token.doc
    opening = next((t for t in reversed(doc[max(token.i - _BRACKET_WORDS, 0):token.i]) if t.text in ("(", ")")),
                   None)
    closing = next((t for t in doc[token.i + 1:token.i + 1 + _BRACKET_WORDS] if t.text in ("(", ")")), None)
    if opening is None or closing is None or opening.text != "(" or closing.text != ")":
        return None
    return doc.text[opening.idx + 1:closing.idx].strip() or None


def _name_after_place(head: Token) -> Token | None:
    """"His former partner at Lenox, Lawrence Cummings, called": the parser hangs the name on the place; it names
    the partner (a common noun with no name of its own)."""
    if not head.tag_.startswith("NN") or head.tag_.startswith("NNP"):
        return None
    for prep in head.children:
        place = child_of(prep, "pobj") if prep.dep_ == "prep" else None
        name = child_of(place, "appos") if place is not None else None
        if name is not None and name.ent_type_ == "PERSON":
            return name
    return None


def _behind_preposition(person: Span, head: Token) -> bool:
    """Whether the person hangs from the head through a preposition ("an aide to Obama"), so is not the head."""
    if person.start <= head.i < person.end:
        return False
    token = person.root
    while token.i != head.i and token.head.i != token.i:
        if token.dep_ == "pobj":
            return True
        token = token.head
    return False


# Words in a person's name set beside a role ("its spokeswoman, Ines Marlow"): a given name and a surname, or
# with a middle name or initial; longer runs of proper nouns are titles or organisations.
_NAME_WORDS = (2, 4)
# Fine tags, as the pipeline runs without the attribute ruler (no coarse `pos_`); "Ines" is often tagged NNPS.
_PROPER_TAGS = frozenset({"NNP", "NNPS"})


def _names_the_person(head: Token, appos: Span) -> bool:
    """Whether `appos` is the name of the person `head` ("spokeswoman") denotes even though the recogniser did
    not call it a PERSON (unfamiliar names are often taken for organisations): a noun that only denotes a person,
    set beside a short run of capitalised proper nouns."""
    words = [t for t in appos if not t.is_punct]
    return (head.lower_ in cues.PERSON_NOUNS and _NAME_WORDS[0] <= len(words) <= _NAME_WORDS[1]
            and all(t.tag_ in _PROPER_TAGS and t.text[:1].isupper() for t in words))


def _person_entity(span: Span, people: list[Span]) -> Span | None:
    # `people` are in document order: start at the first that reaches the span (an article can name thousands).
    for number in range(bisect_left(people, span.start, key=_start), len(people)):
        ent = people[number]
        if ent.start >= span.end:
            return None
        if ent.label_ == "PERSON" and ent.end <= span.end:
            return ent
    return None


def _start(span: Span) -> int:
    return span.start


def _split_title(span: Span, person: Span) -> tuple[Span, Span | None]:
    """"Foreign Minister Yu Myung-hwan" -> (Yu Myung-hwan, "Foreign Minister"); honorifics stay with the name."""
    doc = span.doc
    start = span.start
    while start < person.start and doc[start].dep_ in ("det", "punct"):
        start += 1
    title = doc[start:person.start]
    if len(title) == 0:
        return doc[person.start:span.end], None
    if title[-1].lower_ in cues.HONORIFICS:
        honorific_start = person.start - 1
        rest = doc[start:honorific_start]
        return doc[honorific_start:span.end], (rest if len(rest) else None)
    return doc[person.start:span.end], title


def _as_role(span: Span) -> str | None:
    """The span's text when it describes what someone is; None for an age, a time or a date ("Donna Rawlings,
    59,", "11:05 a.m. Donald Trump"), which sit where roles sit but are none, or for a cut phrase ending in a
    preposition ("footage of")."""
    if any("\n" in t.text for t in span):
        return None  # "11:05 a.m." <paragraph> "Donald Trump": a time stamp over the paragraph, not a title
    words = [t for t in span if not (t.is_punct or t.like_num or t.ent_type_ in _NOT_ROLE_ENTITIES
                                     or t.dep_ in ("det", "case", "cc", "prep"))]
    if not words or span[-1].dep_ == "prep" or span[-1].tag_ == "IN":
        return None
    if span[-1].dep_ == "case" and len(span) > 1:
        span = span[:-1]  # "NBC's Dante Chinni": the role is the affiliation, NBC
    return _text(span) or None


# Entities that stand beside a name without describing the person: an age, a time, a date.
_NOT_ROLE_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY"})


def _surname_reference(head: Token, name: str) -> str | None:
    """"Mr. Chang" or a bare "Chang" -> "Chang"; None for anything longer."""
    words = name.split()
    if len(words) == 2 and words[0].lower() in cues.HONORIFICS:
        return words[1]
    # The parser's NER often misses a bare surname ("Ellery confirmed"); a proper noun is enough here,
    # since it resolves only to an earlier person whose name ends in that word.
    if len(words) == 1 and (head.ent_type_ == "PERSON" or head.tag_ == "NNP"):
        return words[0]
    return None


def _definite_reference(head: Token, name: str) -> str | None:
    """"the spokesman", "the South Korean official", "the agency" -> the head noun."""
    words = name.lower().split()
    if 2 <= len(words) <= 4 and words[0] in _DEFINITE and head.lower_ in cues.ROLE_NOUNS | cues.AGENCY_NOUNS:
        return head.lower_
    return None


# Head nouns of a description that stands for the one person the narrative is about ("the nominee", "the
# senator"); an aide, a spokesman or a director is as a rule someone else than the person named before.
_DESCRIPTION_NOUNS = frozenset({
    "nominee", "candidate", "senator", "governor", "mayor", "president", "congressman", "congresswoman", "lawmaker",
    "businessman", "businesswoman", "billionaire", "mogul", "republican", "democrat", "incumbent", "challenger",
    "hopeful", "frontrunner", "front-runner"})
_LAWMAKERS = frozenset({"senator", "sen.", "rep.", "representative", "congressman", "congresswoman", "lawmaker"})
_TITLES = _LAWMAKERS | frozenset({"gov.", "governor", "mayor", "president", "pres.", "secretary", "judge", "gen."})
_ARTICLES = frozenset({"the", "a", "an"})
_DESCRIPTION_WORDS = 6  # "the former secretary of state": a longer phrase is a description of its own
_DESCRIPTION_REACH = 3  # sentences back a description may reach: further, the narrative has moved on


def _title_words(person: Span) -> set[str]:
    """The words of a name's title as written before it: "Republican presidential nominee Donald Trump" ->
    {"republican", "presidential", "nominee"}."""
    root = person.root
    return {t.lower_ for t in root.doc[root.left_edge.i:person.start]
            if t.dep_ in ("compound", "amod") and not t.ent_type_ == "PERSON"} | {
        t.lower_ for t in root.doc[root.left_edge.i:person.start] if t.ent_type_ in ("NORP", "ORG")}


def _subordinate(subject: Token) -> bool:
    """Whether a subject's clause is not the narrative's own: relative, or conditional or questioning by
    inversion ("should Clinton attempt a return", the auxiliary before the subject)."""
    verb = subject.head
    return verb.dep_ in ("relcl", "acl", "csubj") or any(c.dep_ == "aux" and c.i < subject.i for c in verb.children)


def _gender(word: str) -> str:
    return "m" if word in _MALE else "f" if word in _FEMALE else ""


def _same_gender(known: str, wanted: str) -> bool:
    return not known or not wanted or known == wanted


def _mentions(speaker: Speaker, noun: str) -> bool:
    words = f"{speaker.name} {speaker.role or ''}".lower().split()
    return noun in words or (noun.endswith("s") and noun[:-1] in words)


def _last_word(name: str) -> str:
    return name.split()[-1] if name.split() else ""


def _text(span: Span) -> str:
    return span.text.strip()


def mention_span(head: Token, cue: Token, content: tuple[int, int], text: str) -> tuple[int, int]:
    """Character span of the speaker's noun phrase as written, appositions and relative clauses included.

    PolNeAR-style sources are the whole phrase ("Howard Dean, the former governor of Vermont");
    when a bad parse puts the cue or the content under the speaker, the phrase is cut back to its name.
    """
    relative = next((c for c in cue.children if c.dep_ == "nsubj" and c.lower_ in ("who", "which", "that")), None)
    if relative is not None and relative.i != head.i:
        return relative.idx, relative.idx + len(relative.text)  # "Chang, who said": the mention is "who"
    verb = cue
    while verb.dep_ == "conj" and child_of(verb, "nsubj") is None:
        verb = verb.head  # "each touting ... and saying": the subject of the first verb
    part = next((c for c in verb.children if c.dep_ == "nsubj" and (_partitive_relative(c)
                                                                    or c.lower_ in _DISTRIBUTIVES)), None)
    if part is not None and part.i != head.i:  # "victims' families, many of whom say": the mention is "many of whom"
        return part.left_edge.idx, part.right_edge.idx + len(part.right_edge.text)
    left, right = head.left_edge, head.right_edge
    start, end = left.idx, right.idx + len(right.text)
    if left.i <= cue.i <= right.i or (start < content[1] and content[0] < end):
        span = _name_span(head)
        if len(span) == 0:
            return head.idx, head.idx + len(head.text)
        start, end = span.start_char, span.end_char
    while end > start and text[end - 1] in " ,;:—–-\"“”'’":
        end -= 1
    while start < end and text[start] in " ,;:—–-\"“”'‘":
        start += 1
    return start, end
