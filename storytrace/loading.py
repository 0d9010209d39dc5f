"""The models a pipeline needs, each loaded once, when a stage first needs it, and passed to the stages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storytrace.settings import Settings

if TYPE_CHECKING:  # importing spaCy or lingua costs seconds: only the loaders below do it
    from lingua import LanguageDetector
    from spacy.language import Language

    from storytrace.link.claims import ClaimModels
    from storytrace.analyze.embed import Encoder

# storytrace's own spaCy components, added after the parser and NER of the loaded pipeline.
OWN_COMPONENTS = ("storytrace_attribution", "storytrace_lead_vector")


class Models:
    """spaCy with storytrace's components, the language detector and the claim models, for one Settings.

    Each is loaded the first time it is asked for, then kept: a command that only re-adds stored files, or
    rejects every input before analysis, loads no parser or encoder. `load_all()` loads everything at once
    (a server, a benchmark that times work without start-up)."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._nlp: Language | None = None
        self._detector: LanguageDetector | None = None
        self._claims: ClaimModels | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = _load_nlp(self.settings)
        return self._nlp

    @property
    def detector(self) -> LanguageDetector:
        if self._detector is None:
            from storytrace.clean.language import build_detector

            self._detector = build_detector()
        return self._detector

    @property
    def claims(self) -> ClaimModels:
        """Claim grouping (WordLlama propositions) and the stance model, which embeds with the encoder."""
        if self._claims is None:
            from storytrace.link.claims import load_claim_models

            self._claims = load_claim_models(self.encoder.encode, self.settings)
        return self._claims

    @property
    def encoder(self) -> Encoder:
        """The sentence encoder (inside the lead-vector component), for other uses of embeddings."""
        return self.nlp.get_pipe("storytrace_lead_vector").encoder

    @property
    def backend(self) -> str:
        meta = self.nlp.meta
        return f"spaCy {meta.get('lang')}_{meta.get('name')} {meta.get('version')}; {self.encoder.name}"

    def load_all(self) -> Models:
        for _ in (self.nlp, self.detector, self.claims):
            pass
        return self


def load_models(settings: Settings) -> Models:
    """Every model, loaded now."""
    return Models(settings).load_all()


def _load_nlp(settings: Settings) -> Language:
    from storytrace.analyze.nlp import import_spacy, load_nlp

    import_spacy()  # first, before any module below imports spaCy with torch
    from storytrace.analyze import component  # noqa: F401 - registers the attribution factory
    from storytrace.analyze import embed  # noqa: F401 - registers the lead-vector factory

    nlp = load_nlp(settings)
    nlp.add_pipe("storytrace_attribution", config={"seconds": settings.article_seconds})
    nlp.add_pipe("storytrace_lead_vector", config={"max_tokens": settings.embedding_max_tokens,
                                                   "threads": settings.embedding_threads,
                                                   "batch_size": settings.batch_size})
    return nlp
