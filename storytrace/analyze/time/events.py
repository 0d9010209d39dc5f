"""Words that name one occasion of saying, by kind: a reader takes "during a campaign stop in Flint" and "the rally
Monday" of the next sentence for one event, and "a press conference like what we saw yesterday" for the news
conference the article dated Tuesday. Two mentions of one kind near each other name the same event; the day one
of them carries is the other's.
"""

from __future__ import annotations

from typing import Final

# Kind of occasion -> the nouns that name it (lower-cased, singular and plural).
_KINDS: Final[dict[str, tuple[str, ...]]] = {
    "appearance": ("rally", "rallies", "stop", "stops", "speech", "speeches", "appearance", "appearances", "address",
                   "fundraiser", "fundraisers", "event", "events", "remarks"),
    "interview": ("interview", "interviews"),
    "press": ("conference", "conferences", "briefing", "briefings", "presser"),
    "debate": ("debate", "debates", "forum", "forums"),
    "hearing": ("hearing", "hearings", "testimony"),
    "release": ("statement", "statements", "release", "releases", "announcement", "announcements"),
}
OCCASION_KIND: Final[dict[str, str]] = {noun: kind for kind, nouns in _KINDS.items() for noun in nouns}


def occasion_kind(noun: str) -> str | None:
    """The kind of occasion a noun names ("rally" and "stop" are both an appearance), or None."""
    return OCCASION_KIND.get(noun.lower())
