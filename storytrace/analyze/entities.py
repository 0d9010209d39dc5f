"""Entity mentions from the parse, and the name normalisation used to merge them across articles."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from storytrace.model import Mention

if TYPE_CHECKING:  # the name normalisation below is used by linking, which must not import spaCy
    from spacy.tokens import Doc

KEPT_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"}
# Honorifics and titles dropped from a name before comparing ("Mr. Obama" ~ "Obama").
_TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "president", "vice", "prime", "minister", "secretary",
    "gen", "general", "col", "lt", "sen", "senator", "rep", "gov", "governor", "chairman", "premier", "king",
    "queen", "prince", "pope", "ambassador", "spokesman", "spokeswoman", "leader", "deputy", "the",
}
_NON_WORD = re.compile(r"[^\w\s]")
# Distinct names remembered by entity_key: linking asks for the same few names hundreds of times per article.
_KEY_CACHE_SIZE = 100_000


@lru_cache(maxsize=_KEY_CACHE_SIZE)
def entity_key(name: str) -> str:
    """A comparison key: accents, punctuation, hyphens, case, leading titles and possessives removed.

    "Kim Jong-il", "Kim Jong Il" and "KIM JONG IL" share a key; so do "Mr. Obama" and "Obama".
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['’]s\b", "", text)
    words = _NON_WORD.sub(" ", text.replace("-", " ")).lower().split()
    while len(words) > 1 and words[0] in _TITLES:
        words = words[1:]
    return " ".join(words)


def surname_key(key: str) -> str | None:
    """The key under which a full personal name can be found from its surname alone."""
    words = key.split()
    return f"~{words[-1]}" if len(words) > 1 else None


def doc_mentions(doc: Doc) -> list[Mention]:
    """Named-entity mentions worth linking (people, organisations, places, groups, events)."""
    return [Mention(ent.text, ent.label_, ent.start_char, ent.end_char)
            for ent in doc.ents if ent.label_ in KEPT_LABELS and entity_key(ent.text)]


def canonical_names(mentions: list[Mention]) -> dict[str, str]:
    """Map each mention text to the fullest name it refers to within one article.

    A one-word person mention ("Obama", "Mr. Obama") takes the longest earlier-or-later full name in the
    article ending in that word, because news style introduces a person once by full name.
    """
    full_by_last: dict[str, str] = {}
    for m in mentions:
        key = entity_key(m.text)
        if m.label == "PERSON" and len(key.split()) > 1:
            last = key.split()[-1]
            if len(m.text) > len(full_by_last.get(last, "")):
                full_by_last[last] = m.text
    names: dict[str, str] = {}
    for m in mentions:
        key = entity_key(m.text)
        single = len(key.split()) == 1
        names[m.text] = full_by_last.get(key, m.text) if single and m.label == "PERSON" else m.text
    return names
