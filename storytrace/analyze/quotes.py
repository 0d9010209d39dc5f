"""Pairing quotation marks in article text, one paragraph at a time.

Curly and straight double quotes are both used in scraped news, often mixed, and some archives
write them as two apostrophes (''...'') or TeX-style (``...''). A quote never crosses a
paragraph break: news style reopens a quote in each paragraph of a long quotation, and an
unbalanced mark must not swallow the rest of the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from spacy.tokens import Token

QUOTE_CHARS: Final[str] = "\"“”‘’'`"  # every character a quote-mark token may be made of
_PARAGRAPH: Final[re.Pattern[str]] = re.compile(r"[^\n]+")
_MARK: Final[re.Pattern[str]] = re.compile(r"“|”|\"|''|``")
_OPEN_ONLY: Final[frozenset[str]] = frozenset({"“", "``"})
_CLOSE_ONLY: Final[frozenset[str]] = frozenset({"”"})


@dataclass(frozen=True)
class QuoteSpan:
    """Text between a pair of quote marks. `open_at`/`close_at` bound the marks themselves."""

    open_at: int  # offset of the opening mark
    close_at: int  # offset just after the closing mark (the paragraph end when unclosed)
    start: int  # content start (after the opening mark)
    end: int  # content end (before the closing mark)
    closed: bool


def find_quotes(text: str) -> list[QuoteSpan]:
    """Every double-quoted span in `text`, in order; unclosed ones end at their paragraph."""
    quotes: list[QuoteSpan] = []
    for paragraph in _PARAGRAPH.finditer(text):
        marks = list(_MARK.finditer(text, paragraph.start(), paragraph.end()))
        quotes.extend(_pair(text, marks, paragraph.end()))
    return quotes


def _pair(text: str, marks: list[re.Match[str]], paragraph_end: int) -> list[QuoteSpan]:
    found: list[QuoteSpan] = []
    opening: re.Match[str] | None = None
    for mark in marks:
        if opening is None:
            if _can_open(text, mark):
                opening = mark
            continue
        if mark.group() in _OPEN_ONLY:
            # A new opener before any closer: the first quote was never closed; it ends here.
            found.append(QuoteSpan(opening.start(), mark.start(), opening.end(), mark.start(), closed=False))
            opening = mark
            continue
        found.append(QuoteSpan(opening.start(), mark.end(), opening.end(), mark.start(), closed=True))
        opening = None
    if opening is not None:
        found.append(QuoteSpan(opening.start(), paragraph_end, opening.end(), paragraph_end, closed=False))
    return found


def _can_open(text: str, mark: re.Match[str]) -> bool:
    """A curly opener anywhere; a symmetric mark only at a word start (not the inch mark in 5'10")."""
    if mark.group() in _OPEN_ONLY:
        return True
    if mark.group() in _CLOSE_ONLY:
        return False
    before = text[mark.start() - 1] if mark.start() > 0 else " "
    after = text[mark.end()] if mark.end() < len(text) else " "
    return not before.isalnum() and not after.isspace()


def is_quote_mark(token: Token) -> bool:
    return all(ch in QUOTE_CHARS for ch in token.text)
