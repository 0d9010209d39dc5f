"""Incremental story clustering: each new article joins the best-matching stored article's story or starts one.

Candidates come from an approximate-nearest-neighbour index (hnswlib), so the cost of placing one article
does not grow with the corpus; the index is rebuilt from stored vectors when a corpus is opened.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import hnswlib
import numpy as np

from storytrace.model import Article, Story
from storytrace.settings import Settings
from storytrace.store import Store

_DIM = 384


@dataclass
class Placement:
    story_id: str
    matched_article: str | None  # the stored article that decided it, or None for a new story
    score: float


class StoryLinker:
    def __init__(self, store: Store, settings: Settings):
        self.store = store
        self.settings = settings
        self._index: hnswlib.Index | None = None
        self._labels: list[str] = []

    def _ensure_index(self) -> hnswlib.Index:
        if self._index is None:
            ids, vectors = self.store.article_vectors()
            self._index = hnswlib.Index(space="ip", dim=_DIM)
            self._index.init_index(max_elements=max(1024, 2 * len(ids)), ef_construction=100, M=16)
            self._index.set_ef(64)
            self._labels = []
            if ids:
                self._add(ids, vectors)
        return self._index

    def _add(self, ids: list[str], vectors: np.ndarray) -> None:
        index = self._index
        assert index is not None
        needed = len(self._labels) + len(ids)
        if needed > index.get_max_elements():
            index.resize_index(2 * needed)
        index.add_items(vectors, np.arange(len(self._labels), needed))
        self._labels.extend(ids)

    def place(self, article: Article) -> Placement:
        """Choose the story for a new article (it is not stored or indexed yet)."""
        index = self._ensure_index()
        fallback = Placement(story_id_for(article.id), None, 0.0)
        if article.embedding is None or not self._labels:
            return fallback
        k = min(self.settings.story_candidates, len(self._labels))
        labels, distances = index.knn_query(article.embedding, k=k)
        candidates = [(self._labels[i], 1.0 - float(d)) for i, d in zip(labels[0], distances[0])]
        features = self.store.article_features([cid for cid, _ in candidates])
        own_entities = {m.entity_id for m in article.mentions if m.entity_id}
        best = fallback
        for cid, cosine in candidates:
            entity_ids, when, story_id = features[cid]
            if _too_far_apart(article, when, self.settings.story_window_days):
                continue
            shared = len(own_entities & entity_ids)
            score = cosine + 0.03 * min(shared, 5)
            if score >= self.settings.story_similarity and score > best.score:
                best = Placement(story_id, cid, score)
        return best

    def index(self, article: Article) -> None:
        """Make a stored article a candidate for the articles that follow."""
        if article.embedding is not None:
            self._ensure_index()
            self._add([article.id], article.embedding.reshape(1, -1))

    def record_story(self, article: Article, story_id: str) -> None:
        """Create the article's story or refresh its date range."""
        existing = self.store.story(story_id)
        when = article.anchor_date
        if existing is None:
            story = Story(story_id, article.title or _first_words(article.text), [article.id], when, when)
        else:
            dates = [d for d in (existing.first_seen, existing.last_seen, when) if d]
            story = Story(story_id, existing.title, existing.article_ids, min(dates, default=None),
                          max(dates, default=None))
        self.store.put_story(story)


def _too_far_apart(article: Article, other_date, window_days: int) -> bool:
    mine = article.anchor_date
    return bool(mine and other_date and abs((mine - other_date).days) > window_days)


def _first_words(text: str, n: int = 12) -> str:
    words = text.split()
    return " ".join(words[:n]) + ("…" if len(words) > n else "")


def story_id_for(article_id: str) -> str:
    return "S" + hashlib.sha1(article_id.encode()).hexdigest()[:11]
