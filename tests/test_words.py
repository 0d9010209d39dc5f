"""Stop words: negators stay content for stance, and prose detection knows the function words of several
languages."""

from __future__ import annotations

from storytrace.link.stance_features import content_stems
from storytrace.words import ENGLISH_STOPWORDS, FUNCTION_WORDS


def test_negators_are_not_english_stopwords():
    """"not" decides a stance; it is dropped from content stems as a negator, never as a stop word."""
    assert not {"not", "no", "never"} & ENGLISH_STOPWORDS
    assert content_stems("the officials said the report was not true".split()) == ["official", "report", "true"]


def test_prose_function_words_cover_german_and_french():
    """A German or French article is prose too: its function words are counted like English ones."""
    assert {"und", "nicht", "dans", "the"} <= FUNCTION_WORDS
