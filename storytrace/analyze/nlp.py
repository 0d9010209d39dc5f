"""Loading the spaCy pipeline: done once, explicitly, and passed to the stages that need it."""

from __future__ import annotations

import spacy
from spacy.language import Language

from storytrace.errors import StorytraceError
from storytrace.settings import Settings


def load_nlp(settings: Settings) -> Language:
    """Load the configured spaCy pipeline from its installed package (never a download)."""
    try:
        return spacy.load(settings.spacy_model, exclude=list(settings.spacy_exclude))
    except OSError as exc:
        raise StorytraceError(f"spaCy pipeline {settings.spacy_model!r} is not installed: {exc}") from exc
