"""Hand-made inputs the linking tests share: a statement, an article of one statement, and sentence vectors that
set one text at a chosen cosine to every other."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from storytrace.model import Article, Speaker, Statement


def said(text: str, speaker: str, article: str, polarity: str = "asserts", cue: str = "said",
         start: int = 0) -> Statement:
    return Statement(text=text, start=start, end=start + len(text), direct=False, speaker=Speaker(speaker), cue=cue,
                     polarity=polarity, chain=[speaker], id=f"{article}:{start}", article_id=article)


def one_statement_article(article_id: str, outlet: str, text: str, speaker: str) -> Article:
    """An article whose whole text is one statement its speaker plainly said."""
    return Article(id=article_id, source=f"{article_id}.txt", text=text, outlet=outlet,
                   statements=[said(text, speaker, article_id)], dateline=None, published=None)


def embed_at(reference: str, cosine: float) -> Callable[[list[str]], np.ndarray]:
    """Sentence vectors by hand: `reference` at `cosine` to every other text."""
    angle = np.arccos(cosine)

    def embed(texts: list[str]) -> np.ndarray:
        return np.array([[1.0, 0.0] if t == reference else [np.cos(angle), np.sin(angle)] for t in texts])
    return embed


class MeaningByHand:
    """Claim models with the packaged proposition encoder and sentence vectors set by hand (`embed_at`)."""

    def __init__(self, claim_models, reference: str, cosine: float):
        self.propositions, self._embed = claim_models.propositions, embed_at(reference, cosine)

    def vectors(self, texts: list[str]) -> dict[str, np.ndarray]:
        return dict(zip(texts, self._embed(texts)))
