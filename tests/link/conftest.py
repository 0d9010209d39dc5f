"""Fixtures shared by the linking tests: the claim models, loaded once per run, and a fresh store.

(`claim_models`, not `models`: tests/conftest.py's `models` is the whole pipeline's.)"""

from __future__ import annotations

import pytest

from storytrace.store import open_store


@pytest.fixture(scope="session")
def claim_models():
    from storytrace.analyze.embed import Encoder
    from storytrace.link.claims import load_claim_models

    return load_claim_models(Encoder(max_tokens=128, threads=1).encode)


@pytest.fixture
def store(tmp_path):
    db = open_store(tmp_path / "t.db")
    yield db
    db.close()
