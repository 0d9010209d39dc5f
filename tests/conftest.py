"""Shared fixtures: the spaCy pipeline is loaded once per test session, never at import time."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    from storytrace.analyze.nlp import load_nlp
    from storytrace.settings import Settings

    return load_nlp(Settings())


@pytest.fixture(scope="session")
def models():
    """spaCy with storytrace's components, the sentence encoder and the language detector."""
    from storytrace.loading import load_models
    from storytrace.settings import Settings

    return load_models(Settings())
