"""The stance cross-encoder in numpy (analyze.minilm.PairClassifier) against a torch reference, and its artefact."""

from __future__ import annotations

import numpy as np
import pytest

from storytrace.analyze.minilm import PairClassifier, model_folder
from storytrace.link.stance import XENC_LABELS, load_cross_encoder
from storytrace.link.stance_features import relevant_passage

PAIRS = [("Apple is buying Tesla", "Apple has denied reports that it is buying Tesla. The claim was fabricated."),
         ("A cat was found alive after a month", "The cat, missing since May, was found alive by a neighbour."),
         ("Short", "x")]


def _tuned(seed: int) -> dict[str, np.ndarray]:
    """The packaged top layer, moved by noise, and a random head: stands in for a fine-tuned artefact."""
    from safetensors.numpy import load_file

    rng = np.random.default_rng(seed)
    weights = load_file(str(model_folder() / "model.safetensors"))
    tuned = {k: (v + rng.normal(0, 0.02, v.shape)).astype(np.float16) for k, v in weights.items()
             if k.startswith("encoder.layer.5.")}
    tuned["head.weight"] = rng.normal(0, 0.5, (3, 384)).astype(np.float16)
    tuned["head.bias"] = rng.normal(0, 0.1, 3).astype(np.float16)
    return tuned


@pytest.mark.slow
def test_numpy_logits_match_a_torch_bert():
    """The numpy forward pass (tanh GELU, token type 0, mean pooling, linear head) gives the logits of
    transformers' BertModel with the same weights, so the exported training result runs as trained."""
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    tuned = _tuned(0)
    numpy_logits = PairClassifier(tuned, max_tokens=64).logits(PAIRS)

    bert = transformers.BertModel.from_pretrained(str(model_folder()), add_pooling_layer=False).eval()
    state = {k: torch.from_numpy(v.astype(np.float32)) for k, v in tuned.items() if k.startswith("encoder.")}
    bert.load_state_dict(state, strict=False)
    from storytrace.analyze.minilm import pair_tokenizer

    encodings = pair_tokenizer(64).encode_batch(PAIRS)
    ids = torch.tensor([e.ids for e in encodings])
    mask = torch.tensor([e.attention_mask for e in encodings], dtype=torch.float32)
    with torch.no_grad():
        hidden = bert(input_ids=ids, attention_mask=mask, token_type_ids=torch.zeros_like(ids)).last_hidden_state
        pooled = (hidden * mask[:, :, None]).sum(1) / mask.sum(1, keepdim=True)
        torch_logits = (pooled @ torch.from_numpy(tuned["head.weight"].astype(np.float32)).T
                        + torch.from_numpy(tuned["head.bias"].astype(np.float32))).numpy()
    # BERT's exact erf GELU against the tanh form: differences of a few thousandths.
    assert np.abs(numpy_logits - torch_logits).max() < 2e-2
    assert not np.allclose(numpy_logits, PairClassifier(_tuned(1), max_tokens=64).logits(PAIRS), atol=0.1)


def test_packaged_cross_encoder_loads_with_its_labels():
    """The shipped artefact holds the related labels in the order the fnc1 head combines them."""
    model = load_cross_encoder()
    logits = model.logits(PAIRS[:2])
    assert logits.shape == (2, len(XENC_LABELS)) and np.isfinite(logits).all()


def test_passage_takes_the_sentences_closest_to_the_claim_first():
    """The cross-encoder reads the k sentences sharing most words with the claim, best first."""
    sentences = ["The weather was fine.", "Tesla shares rose.", "Apple denied it is buying Tesla."]
    assert relevant_passage("Apple is buying Tesla", sentences, k=2) == (
        "Apple denied it is buying Tesla. Tesla shares rose.")
