"""The cue lexicon: words that mark speech or attribution, and the stance each one carries.

Verbs are listed by lemma with every inflected form, so a cue is found from `token.lower_`
alone: the fast pipeline may run without the lemmatizer.
"""

from __future__ import annotations

from typing import Final

# lemma -> (base polarity, inflected forms). The polarity is the cue's own stance; the content
# can still turn an "asserts" cue into a denial or speculation (see polarity.py).
_VERBS: Final[dict[str, tuple[str, tuple[str, ...]]]] = {
    "say": ("asserts", ("say", "says", "said", "saying")),
    "tell": ("asserts", ("tell", "tells", "told", "telling")),
    "state": ("asserts", ("state", "states", "stated", "stating")),
    "add": ("asserts", ("add", "adds", "added", "adding")),
    "note": ("asserts", ("note", "notes", "noted", "noting")),
    "announce": ("asserts", ("announce", "announces", "announced", "announcing")),
    "claim": ("asserts", ("claim", "claims", "claimed", "claiming")),
    "insist": ("asserts", ("insist", "insists", "insisted", "insisting")),
    "warn": ("asserts", ("warn", "warns", "warned", "warning")),
    "argue": ("asserts", ("argue", "argues", "argued", "arguing")),
    "explain": ("asserts", ("explain", "explains", "explained", "explaining")),
    "report": ("asserts", ("report", "reports", "reported", "reporting")),
    "write": ("asserts", ("write", "writes", "wrote", "written", "writing")),
    "tweet": ("asserts", ("tweet", "tweets", "tweeted", "tweeting")),
    "declare": ("asserts", ("declare", "declares", "declared", "declaring")),
    "stress": ("asserts", ("stress", "stresses", "stressed", "stressing")),
    "emphasize": ("asserts", ("emphasize", "emphasizes", "emphasized", "emphasizing",
                              "emphasise", "emphasises", "emphasised", "emphasising")),
    "reiterate": ("asserts", ("reiterate", "reiterates", "reiterated", "reiterating")),
    "assert": ("asserts", ("assert", "asserts", "asserted", "asserting")),
    "allege": ("asserts", ("allege", "alleges", "alleged", "alleging")),
    "maintain": ("asserts", ("maintain", "maintains", "maintained", "maintaining")),
    "contend": ("asserts", ("contend", "contends", "contended", "contending")),
    "suggest": ("asserts", ("suggest", "suggests", "suggested", "suggesting")),
    "recall": ("asserts", ("recall", "recalls", "recalled", "recalling")),
    "reply": ("asserts", ("reply", "replies", "replied", "replying")),
    "respond": ("asserts", ("respond", "responds", "responded", "responding")),
    "comment": ("asserts", ("comment", "comments", "commented", "commenting")),
    "observe": ("asserts", ("observe", "observes", "observed", "observing")),
    "indicate": ("asserts", ("indicate", "indicates", "indicated", "indicating")),
    "disclose": ("asserts", ("disclose", "discloses", "disclosed", "disclosing")),
    "reveal": ("asserts", ("reveal", "reveals", "revealed", "revealing")),
    "promise": ("asserts", ("promise", "promises", "promised", "promising")),
    "pledge": ("asserts", ("pledge", "pledges", "pledged", "pledging")),
    "vow": ("asserts", ("vow", "vows", "vowed", "vowing")),
    "urge": ("asserts", ("urge", "urges", "urged", "urging")),
    "complain": ("asserts", ("complain", "complains", "complained", "complaining")),
    "charge": ("asserts", ("charge", "charges", "charged", "charging")),
    "accuse": ("asserts", ("accuse", "accuses", "accused", "accusing")),
    "quote": ("asserts", ("quote", "quotes", "quoted", "quoting")),
    "cite": ("asserts", ("cite", "cites", "cited", "citing")),
    "ask": ("asserts", ("ask", "asks", "asked", "asking")),
    "continue": ("asserts", ("continue", "continues", "continued", "continuing")),
    "joke": ("asserts", ("joke", "jokes", "joked", "joking")),
    "boast": ("asserts", ("boast", "boasts", "boasted", "boasting")),
    "testify": ("asserts", ("testify", "testifies", "testified", "testifying")),
    "conclude": ("asserts", ("conclude", "concludes", "concluded", "concluding")),
    "predict": ("speculates", ("predict", "predicts", "predicted", "predicting")),
    "speculate": ("speculates", ("speculate", "speculates", "speculated", "speculating")),
    "forecast": ("speculates", ("forecast", "forecasts", "forecasted", "forecasting")),
    "estimate": ("speculates", ("estimate", "estimates", "estimated", "estimating")),
    "shout": ("asserts", ("shout", "shouts", "shouted", "shouting")),
    "yell": ("asserts", ("yell", "yells", "yelled", "yelling")),
    "exclaim": ("asserts", ("exclaim", "exclaims", "exclaimed")),
    "quip": ("asserts", ("quip", "quips", "quipped")),
    "retort": ("asserts", ("retort", "retorts", "retorted")),
    "muse": ("asserts", ("muses", "mused")),
    "whisper": ("asserts", ("whisper", "whispers", "whispered")),
    "remark": ("asserts", ("remark", "remarks", "remarked", "remarking")),
    "affirm": ("asserts", ("affirm", "affirms", "affirmed", "reaffirm", "reaffirms", "reaffirmed")),
    "proclaim": ("asserts", ("proclaim", "proclaims", "proclaimed")),
    "clarify": ("asserts", ("clarify", "clarifies", "clarified")),
    "remind": ("asserts", ("remind", "reminds", "reminded", "reminding")),
    "repeat": ("asserts", ("repeat", "repeats", "repeated", "repeating")),
    "lament": ("asserts", ("lament", "laments", "lamented", "lamenting")),
    "caution": ("asserts", ("cautions", "cautioned")),
    "advise": ("asserts", ("advise", "advises", "advised")),
    "inform": ("asserts", ("inform", "informs", "informed")),
    "plead": ("asserts", ("plead", "pleads", "pleaded", "pled")),
    "hint": ("speculates", ("hint", "hints", "hinted")),
    "imply": ("asserts", ("imply", "implies", "implied", "implying")),
    "signal": ("asserts", ("signal", "signals", "signaled", "signalled")),
    "threaten": ("asserts", ("threaten", "threatens", "threatened", "threatening")),
    "demand": ("asserts", ("demand", "demands", "demanded", "demanding")),
    "brag": ("asserts", ("brag", "brags", "bragged")),
    "counter": ("asserts", ("countered",)),
    "concur": ("asserts", ("concur", "concurs", "concurred")),
    "read": ("asserts", ("reads",)),
    "talk": ("asserts", ("talk", "talks", "talked", "talking")),
    "speak": ("asserts", ("spoke", "speaks", "speaking")),
    "email": ("asserts", ("emailed",)),
    "answer": ("asserts", ("answer", "answers", "answered")),
    "chant": ("asserts", ("chant", "chants", "chanted", "chanting")),
    "retweet": ("asserts", ("retweeted",)),
    "interject": ("asserts", ("interjected",)),
    "recount": ("asserts", ("recount", "recounts", "recounted", "recounting")),
    "deny": ("denies", ("deny", "denies", "denied", "denying")),
    "reject": ("denies", ("reject", "rejects", "rejected", "rejecting")),
    "dismiss": ("denies", ("dismiss", "dismisses", "dismissed", "dismissing")),
    "refute": ("denies", ("refute", "refutes", "refuted", "refuting")),
    "rebut": ("denies", ("rebut", "rebuts", "rebutted", "rebutting")),
    "dispute": ("denies", ("dispute", "disputes", "disputed", "disputing")),
    "confirm": ("confirms", ("confirm", "confirms", "confirmed", "confirming")),
    "acknowledge": ("confirms", ("acknowledge", "acknowledges", "acknowledged", "acknowledging")),
    "admit": ("confirms", ("admit", "admits", "admitted", "admitting")),
    "concede": ("confirms", ("concede", "concedes", "conceded", "conceding")),
    "verify": ("confirms", ("verify", "verifies", "verified", "verifying")),
    "decline": ("declines_comment", ("decline", "declines", "declined", "declining")),
    "refuse": ("declines_comment", ("refuse", "refuses", "refused", "refusing")),
}

# Attribution beyond speech, as PolNeAR annotates it: findings ("a poll found"), evaluations ("called
# him reckless", "criticized the plan"), beliefs and intentions ("hopes to", "expects that").
# Their content is their complement, whatever its form. Chosen from verbs that train-split
# annotators mark as cues in most of their uses with a subject and a complement. Verbs of doing
# (offer, propose, seek, order, discuss) are left out although PolNeAR marks some of their uses:
# "the president proposed an office" is the event a claim is about, not the president's statement,
# and as a statement it would make his own office's denial look like a dispute with him.
_BROAD_VERBS: Final[dict[str, tuple[str, tuple[str, ...]]]] = {
    "call": ("asserts", ("call", "calls", "called", "calling")),
    "describe": ("asserts", ("describe", "describes", "described", "describing")),
    "find": ("asserts", ("find", "finds", "found")),
    "show": ("asserts", ("show", "shows", "showed", "shown", "showing")),
    "endorse": ("asserts", ("endorse", "endorses", "endorsed", "endorsing")),
    "criticize": ("asserts", ("criticize", "criticizes", "criticized", "criticizing", "criticise", "criticised")),
    "praise": ("asserts", ("praise", "praises", "praised", "praising")),
    "defend": ("asserts", ("defend", "defends", "defended", "defending")),
    "denounce": ("asserts", ("denounce", "denounces", "denounced", "denouncing")),
    "blame": ("asserts", ("blame", "blames", "blamed", "blaming")),
    "blast": ("asserts", ("blast", "blasts", "blasted", "blasting")),
    "mock": ("asserts", ("mock", "mocks", "mocked", "mocking")),
    "attack": ("asserts", ("attacked",)),
    "question": ("asserts", ("questioned", "questions", "question", "questioning")),
    "express": ("asserts", ("express", "expresses", "expressed", "expressing")),
    "mention": ("asserts", ("mention", "mentions", "mentioned", "mentioning")),
    "hope": ("speculates", ("hope", "hopes", "hoped", "hoping")),
    "expect": ("speculates", ("expect", "expects", "expected", "expecting")),
    "point": ("asserts", ("pointed", "points", "point", "pointing")),
    "refer": ("asserts", ("referred", "referring", "refers")),
    "echo": ("asserts", ("echo", "echoes", "echoed", "echoing")),
    "assure": ("asserts", ("assure", "assures", "assured")),
    "oppose": ("asserts", ("oppose", "opposes", "opposed")),
    "support": ("asserts", ("support", "supported", "supports", "supporting")),
    "agree": ("asserts", ("agree", "agrees", "agreed")),
    "believe": ("speculates", ("believe", "believes", "believed", "believing")),
    "think": ("speculates", ("think", "thinks", "thought")),
    "want": ("asserts", ("want", "wants", "wanted")),
    "push": ("asserts", ("pushed", "pushing")),
    "vote": ("asserts", ("voted",)),
    "sign": ("asserts", ("signed",)),
    "back": ("asserts", ("backed", "backing", "backs")),
    "learn": ("asserts", ("learned",)),
    "plan": ("asserts", ("plans", "planned")),
    "issue": ("asserts", ("issued",)),
    "post": ("asserts", ("posted",)),
    "release": ("asserts", ("released",)),
    "name": ("asserts", ("named",)),
    "share": ("asserts", ("shared",)),
    "decide": ("asserts", ("decided",)),
    "consider": ("asserts", ("considered", "considers")),
    "look": ("asserts", ("looking",)),
    "know": ("asserts", ("know", "knows", "knew")),
    "fear": ("speculates", ("fear", "fears", "feared", "fearing")),
    "worry": ("speculates", ("worry", "worries", "worried")),
    "doubt": ("speculates", ("doubt", "doubts", "doubted")),
    "wonder": ("speculates", ("wonder", "wonders", "wondered", "wondering")),
    "realize": ("asserts", ("realize", "realizes", "realized", "realise", "realised")),
    "recognize": ("asserts", ("recognize", "recognizes", "recognized", "recognise", "recognised", "recognizing")),
    "understand": ("asserts", ("understand", "understands", "understood")),
    "suspect": ("speculates", ("suspect", "suspects", "suspected")),
    "imagine": ("speculates", ("imagine", "imagines", "imagined")),
    "see": ("asserts", ("see", "sees", "saw")),
    "decry": ("asserts", ("decry", "decries", "decried", "decrying")),
    "slam": ("asserts", ("slam", "slams", "slammed", "slamming")),
    "condemn": ("asserts", ("condemn", "condemns", "condemned", "condemning")),
    "tout": ("asserts", ("tout", "touts", "touted", "touting")),
    "highlight": ("asserts", ("highlight", "highlights", "highlighted", "highlighting")),
    "challenge": ("asserts", ("challenged", "challenging", "challenges")),
    "portray": ("asserts", ("portray", "portrays", "portrayed", "portraying")),
    "characterize": ("asserts", ("characterize", "characterizes", "characterized", "characterizing")),
    "deem": ("asserts", ("deem", "deems", "deemed")),
    "label": ("asserts", ("labeled", "labelled")),
    "dub": ("asserts", ("dubbed",)),
    "thank": ("asserts", ("thank", "thanks", "thanked", "thanking")),
    "applaud": ("asserts", ("applaud", "applauds", "applauded")),
    "welcome": ("asserts", ("welcomed",)),
    "hail": ("asserts", ("hail", "hails", "hailed")),
    "advocate": ("asserts", ("advocate", "advocates", "advocated", "advocating")),
    "recommend": ("asserts", ("recommend", "recommends", "recommended")),
    "prefer": ("asserts", ("prefer", "prefers", "preferred")),
    "favor": ("asserts", ("favor", "favors", "favored", "favour", "favours", "favoured")),
    "assail": ("asserts", ("assail", "assails", "assailed")),
    "ridicule": ("asserts", ("ridicule", "ridicules", "ridiculed")),
    "lambaste": ("asserts", ("lambaste", "lambastes", "lambasted")),
    "champion": ("asserts", ("championed", "champions")),
    "embrace": ("asserts", ("embraced", "embraces")),
    "voice": ("asserts", ("voiced", "voices")),
    "identify": ("asserts", ("identified",)),
    "list": ("asserts", ("listed", "lists")),
    "compare": ("asserts", ("compared", "compares")),
    "intend": ("speculates", ("intend", "intends", "intended")),
    "rail": ("asserts", ("railed", "rails", "railing")),
    "remember": ("asserts", ("remembered", "remembers")),
    "reference": ("asserts", ("referenced", "referencing")),
    "invoke": ("asserts", ("invoked", "invokes", "invoking")),
    "bemoan": ("asserts", ("bemoaned", "bemoans")),
    "liken": ("asserts", ("likened", "likens")),
    "detail": ("asserts", ("detailed", "detailing")),
    "lash": ("asserts", ("lashed",)),
    "credit": ("asserts", ("credited", "credits")),
    "coin": ("asserts", ("coined",)),
    "rebuke": ("asserts", ("rebuked", "rebukes")),
    "deride": ("asserts", ("derided", "derides")),
    "articulate": ("asserts", ("articulated",)),
    "outline": ("asserts", ("outlined", "outlines", "outlining")),
    "underscore": ("asserts", ("underscore", "underscores", "underscored")),
    "allude": ("asserts", ("alluded", "alludes", "alluding")),
    "disavow": ("asserts", ("disavowed", "disavows")),
    "downplay": ("asserts", ("downplayed", "downplays")),
    "utter": ("asserts", ("uttered",)),
    "congratulate": ("asserts", ("congratulated", "congratulating")),
    "notice": ("asserts", ("noticed",)),
}

# Verbs of doing in the broad list: their object is the deed ("voted for Obama", "signed the bill", "released his
# tax returns", "decided to run"), so only a that-clause makes them say something ("decided that the vote stands").
DEED_LEMMAS: Final[frozenset[str]] = frozenset({
    "vote", "sign", "release", "issue", "post", "share", "name", "decide",
    "back", "champion"})  # "backed opposing sides in the war", "has championed equal pay": support given, not words
# Verbs of consent: with an infinitive or a bare object they make a deal ("agreed to share a single currency",
# "agreed a 30-minute interview"); with a clause or "with" someone they hold a view ("agreed that", "agreed with").
CONSENT_LEMMAS: Final[frozenset[str]] = frozenset({"agree"})

# Verbs of greeting and thanking: "as he welcomed several hundred guests" tells when something happened.
GREETING_LEMMAS: Final[frozenset[str]] = frozenset({"welcome", "thank", "congratulate", "applaud", "hail"})

# Verbs of finding, seeing and naming: with a noun phrase alone they report the thing found, seen or named ("found
# a way", "didn't see the irony", "mentions Percy Walton", "declared bankruptcy"); they say
# something with a clause ("found that ..."), a predicate ("found him guilty", "sees it as a threat") or a small
# clause ("showed Clinton leading"). Verbs of wondering, sympathy and looking are read the same way: "wondering
# about his ability", "identified with the others", "looking out on the crowd", "underscored a weakness" name a
# topic or a thing, "wondered whether ..." says. ("questioned the integrity of the vote" disputes its object, as
# "denied the report" does: kept.) Verbs of taking up or pressing something are read the same way: "echo her
# concerns", "highlights the killings", "pushed the strategy", "has embraced his approach", "are challenging the
# rules" (in court) take up a thing or act on it; "echoed claims that ...", "challenged the claim", "pushed for a
# vote" still say something, and "touting their experience" praises it, as "praised" does.
THING_LEMMAS: Final[frozenset[str]] = frozenset({
    "see", "find", "show", "reveal", "indicate", "know", "learn", "notice", "realize", "recognize", "understand",
    "remember", "clarify", "declare", "mention", "invoke", "reference",
    "wonder", "identify", "look", "underscore",
    "echo", "highlight", "push", "embrace", "challenge"})
# Sources whose findings come as noun phrases: "polls show a tight race", "the study found higher rates".
FINDING_SOURCES: Final[frozenset[str]] = frozenset({
    "poll", "polls", "survey", "surveys", "study", "studies", "report", "reports", "data", "analysis", "analyses",
    "research", "records", "documents", "figures", "results", "audit", "review", "investigation", "tests",
    "estimates", "numbers", "statistics", "census", "paper", "average", "averages", "researchers", "authors",
    "scientists", "investigators", "auditors"})
# Verbs of evidence: a thing may show or confirm only as a record does ("the video shows", "a study found"); a
# quality, an event or an illness is no source ("his performance confirms where he stands", "brain cancer, which
# confirmed what I always knew", "the crisis highlighted differences").
EVIDENCE_LEMMAS: Final[frozenset[str]] = frozenset({
    "confirm", "show", "reveal", "underscore", "highlight", "prove", "demonstrate", "indicate", "suggest", "find"})
# Common nouns that can be the source of a finding besides people, roles and `FINDING_SOURCES`: records, recordings
# and bodies of people.
RECORD_SOURCES: Final[frozenset[str]] = frozenset({
    "video", "videos", "footage", "clip", "clips", "slide", "slides", "transcript", "transcripts", "emails", "ad",
    "ads", "advertisement", "advertisements", "record", "document", "memo", "memos", "letters", "book", "photo",
    "photos", "image", "images", "chart", "charts", "map", "tape", "tapes", "recording", "recordings", "evidence",
    "administration", "panel", "committee", "commission", "court", "jury", "group", "groups", "party", "company",
    "firm", "firms", "board", "everyone", "everybody", "percent", "majority", "people", "voters", "public", "team",
    "staff", "union", "coalition", "organization", "government", "police", "military", "army", "side", "country",
    "countries", "nation", "nations", "state", "states", "city", "family", "families", "crowd", "audience"})
# Verbs of taking a side: their person object is whom the subject backs ("Americans supporting Trump"), a deed.
SIDING_LEMMAS: Final[frozenset[str]] = frozenset({"support"})

# Verbs whose stance is "declines_comment" only with a following "to comment / to confirm / to
# discuss ..."; "declined to attend" is no statement at all.
DECLINE_LEMMAS: Final[frozenset[str]] = frozenset({"decline", "refuse"})
DECLINE_OBJECTS: Final[frozenset[str]] = frozenset({
    "comment", "elaborate", "discuss", "confirm", "say", "speak", "respond", "answer", "specify",
    "disclose", "identify", "detail", "provide",
})

# Writer's cues with no source. "seem"/"appear" raise their subject out of what is seemingly so (the
# subject belongs to the content); the adverbs attribute the clause they modify to unnamed others.
RAISING_FORMS: Final[frozenset[str]] = frozenset({"seem", "seems", "seemed", "appear", "appears", "appeared"})
HEARSAY_ADVERBS: Final[frozenset[str]] = frozenset({"reportedly", "seemingly", "supposedly", "purportedly"})
# Cue words that make a statement a guess: "seemed", "is expected", "is believed".
SPECULATIVE_FORMS: Final[frozenset[str]] = RAISING_FORMS | HEARSAY_ADVERBS | frozenset({
    "expected", "believed", "thought", "rumored", "rumoured", "predicted", "projected", "estimated"})

# Verbs whose first object is whom something was said to: "told reporters" says nothing yet.
ADDRESSING_LEMMAS: Final[frozenset[str]] = frozenset({
    "tell", "ask", "inform", "remind", "advise", "urge", "warn", "assure", "thank", "quote", "cite"})
# Speech verbs whose object or complement is no content: "continued to campaign", "a sign reads".
NO_OBJECT_CONTENT: Final[frozenset[str]] = frozenset({
    "continue", "read", "add", "respond", "reply", "answer", "comment", "maintain", "observe", "advise"})

# Verbs that pass on someone else's words: "X quoted Y as saying", "X, citing Y, said".
RELAY_LEMMAS: Final[frozenset[str]] = frozenset({"quote", "cite"})

FORM_TO_LEMMA: Final[dict[str, str]] = {form: lemma for table in (_BROAD_VERBS, _VERBS)
                                        for lemma, (_, forms) in table.items() for form in forms}
LEMMA_POLARITY: Final[dict[str, str]] = {lemma: polarity for table in (_BROAD_VERBS, _VERBS)
                                         for lemma, (polarity, _) in table.items()}
BROAD_LEMMAS: Final[frozenset[str]] = frozenset(_BROAD_VERBS) - frozenset(_VERBS)
SPEECH_LEMMAS: Final[frozenset[str]] = frozenset(_VERBS)

# Phrases that attribute without a speech verb.
ACCORDING_TO: Final[tuple[str, str]] = ("according", "to")
STATEMENT_NOUNS: Final[frozenset[str]] = frozenset({
    "statement", "interview", "briefing", "release", "communique", "letter", "post", "tweet",
    "email", "e-mail", "speech", "remarks", "conference",
})

# Head nouns of spokesperson-like roles; they let "the spokesman" find the earlier
# "Benjamin Chang, deputy spokesman for ...", and split a role from a name.
ROLE_NOUNS: Final[frozenset[str]] = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "spokespeople", "official", "officials",
    "minister", "secretary", "president", "director", "chairman", "chairwoman", "chair",
    "ambassador", "envoy", "diplomat", "diplomats", "adviser", "advisor", "aide", "aides",
    "senator", "representative", "governor", "mayor", "leader", "chief", "head", "commander",
    "general", "analyst", "analysts", "expert", "experts", "professor", "lawyer", "attorney",
    "prosecutor", "judge", "candidate", "ceo", "executive", "manager", "member", "source",
    "sources", "agency", "ministry", "office", "department", "government", "council", "police",
    "premier", "chancellor", "king", "queen", "prince", "vice", "deputy", "press", "officer",
    "negotiator", "delegate", "lawmaker", "lawmakers", "congressman", "congresswoman", "sen.",
    "rep.", "gov.", "pres.", "gen.", "newspaper", "daily", "broadcaster", "network", "campaign",
})

HONORIFICS: Final[frozenset[str]] = frozenset({
    "mr.", "mrs.", "ms.", "miss", "dr.", "mr", "mrs", "ms", "dr", "prof.", "sir", "dame",
})

PERSON_PRONOUNS: Final[frozenset[str]] = frozenset({"he", "she", "him", "her", "his"})
PLURAL_PRONOUNS: Final[frozenset[str]] = frozenset({"they", "them", "their"})
# Speakers inside a quotation, or the writer: never a resolvable source on their own.
FIRST_SECOND_PERSON: Final[frozenset[str]] = frozenset({"i", "we", "you", "me", "us"})
# Outside a quotation, "I" and "we" are the writer (a column, an editorial): the outlet speaks.
WRITER_PRONOUNS: Final[frozenset[str]] = frozenset({"i", "we"})


def cue_lemma(form: str) -> str | None:
    """The lemma of a speech verb form ("denied" -> "deny"), or None when it is no cue verb."""
    return FORM_TO_LEMMA.get(form.lower())


def is_cue_form(form: str) -> bool:
    return form.lower() in FORM_TO_LEMMA


def base_polarity(lemma: str) -> str:
    """The stance a cue verb carries before its content is read; unknown cues assert."""
    return LEMMA_POLARITY.get(lemma, "asserts")

# Head nouns that denote one or more people, so "he said" may refer back to "a spokesman".
PERSON_NOUNS: Final[frozenset[str]] = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "official", "minister", "secretary", "president",
    "director", "chairman", "chairwoman", "ambassador", "envoy", "diplomat", "adviser", "advisor",
    "aide", "senator", "representative", "governor", "mayor", "leader", "chief", "commander",
    "general", "analyst", "expert", "professor", "lawyer", "attorney", "prosecutor", "judge",
    "candidate", "executive", "manager", "officer", "negotiator", "lawmaker", "congressman",
    "congresswoman", "man", "woman", "source", "premier", "chancellor", "king", "queen", "prince",
    "witness", "resident", "activist", "member", "researcher", "economist", "strategist",
})

# Nouns whose "that"-clause is the content of a denial or confirmation: "denied reports that ...".
CLAIM_NOUNS: Final[frozenset[str]] = frozenset({
    "report", "reports", "speculation", "claim", "claims", "allegation", "allegations", "rumor",
    "rumors", "rumour", "rumours", "suggestion", "suggestions", "accusation", "accusations",
    "assertion", "assertions", "notion", "idea", "charge", "charges", "story", "stories",
    "assessment", "view", "contention",
})

# Wire services; "the agency" / "the news agency" in an agency-credited story points at them.
AGENCY_NOUNS: Final[frozenset[str]] = frozenset({"agency", "wire", "service"})
