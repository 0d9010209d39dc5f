"""The models a pipeline needs, loaded once, explicitly, and passed to the stages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from storytrace.settings import Settings

if TYPE_CHECKING:  # importing spaCy, lingua or torch costs seconds: only the loader below does it
    from lingua import LanguageDetector
    from spacy.language import Language

    from storytrace.link.claims import ClaimModels

# storytrace's own spaCy components, added after the parser and NER of the loaded pipeline.
OWN_COMPONENTS = ("storytrace_attribution", "storytrace_lead_vector")


@dataclass
class Models:
    nlp: Language  # the spaCy pipeline with storytrace's components added
    detector: LanguageDetector
    claims: ClaimModels  # claim grouping (WordLlama propositions) and the stance model

    @property
    def encoder(self):
        """The sentence encoder (inside the lead-vector component), for other uses of embeddings."""
        return self.nlp.get_pipe("storytrace_lead_vector").encoder

    @property
    def backend(self) -> str:
        meta = self.nlp.meta
        return f"spaCy {meta.get('lang')}_{meta.get('name')} {meta.get('version')}; {self.encoder.name}"


def load_models(settings: Settings) -> Models:
    from storytrace.analyze.nlp import import_spacy, load_nlp

    import_spacy()  # first, before any module below imports spaCy with torch
    from storytrace.analyze import component  # noqa: F401 - registers the attribution factory
    from storytrace.clean.language import build_detector
    from storytrace.link import embed  # noqa: F401 - registers the lead-vector factory
    from storytrace.link.claims import load_claim_models

    nlp = load_nlp(settings)
    nlp.add_pipe("storytrace_attribution")
    nlp.add_pipe("storytrace_lead_vector", config={"max_tokens": settings.embedding_max_tokens,
                                                   "threads": settings.embedding_threads,
                                                   "batch_size": settings.batch_size})
    encoder = nlp.get_pipe("storytrace_lead_vector").encoder
    return Models(nlp=nlp, detector=build_detector(), claims=load_claim_models(encoder.encode, settings))
