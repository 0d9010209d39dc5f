"""Loading the spaCy pipeline: done once, explicitly, and passed to the stages that need it."""

from __future__ import annotations

import sys
from types import ModuleType
from typing import TYPE_CHECKING

from storytrace.errors import StorytraceError
from storytrace.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language


def import_spacy() -> ModuleType:
    """spaCy, imported without torch when nothing imported torch before.

    thinc (under spaCy) imports torch, when it is installed, only to offer torch-backed layers; the English
    pipelines and storytrace never use them (embeddings run in numpy), and the import costs seconds at every
    start. A `None` in sys.modules makes thinc's `import torch` fail, so it records "no torch"; the entry is
    removed at once, so anything that imports torch later gets it as usual.
    """
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    block = "torch" not in sys.modules
    if block:
        sys.modules["torch"] = None  # type: ignore[assignment]
    try:
        import spacy
    finally:
        if block:
            del sys.modules["torch"]
    return spacy


def load_nlp(settings: Settings) -> Language:
    """Load the configured spaCy pipeline from its installed package (never a download)."""
    spacy = import_spacy()
    from storytrace.analyze import paragraphs  # noqa: F401 - registers the paragraph-break component

    try:
        nlp = spacy.load(settings.spacy_model, exclude=list(settings.spacy_exclude))
    except OSError as exc:
        raise StorytraceError(f"spaCy pipeline {settings.spacy_model!r} is not installed: {exc}") from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("storytrace_paragraphs", before="parser")
    return nlp
