"""Incremental story clustering: each new article joins the stored story it most likely reports on, or starts one.

Candidates come from an approximate-nearest-neighbour index (hnswlib) over headline-and-lead vectors, so the
cost of placing one article does not grow with the corpus; the index is rebuilt from stored vectors when a
corpus is opened.

Similar vectors say two articles are about the same *kind* of event; they do not tell two earthquakes or two
shootings apart. That needs instance evidence from the whole text: the same people and places, the same numbers
(death tolls, ages, dates), the same rare words. Each candidate gets a same-event log-odds from both kinds of
evidence (see `same_event_scores`), and a story is joined on the mean of its best few candidates' log-odds, so
one borderline look-alike cannot pull an article into another instance's story by itself.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, OrderedDict
from dataclasses import dataclass
from datetime import date, timedelta

import hnswlib
import numpy as np

from storytrace.model import EMBEDDING_DIM, Article, Story
from storytrace.settings import Settings
from storytrace.store import Store
from storytrace.words import ENGLISH_STOPWORDS

_WORD = re.compile(r"[a-z][a-z'-]+|\d[\d,.]*\d|\d")  # applied to lower-cased text
_NUMBER = re.compile(r"\b\d[\d,.]*\d\b|\b\d\b")
# Same-event log-odds = bias + weights . (cosine, entity Jaccard, number Jaccard, local tf-idf cosine).
# Fitted by logistic regression on the top-20 candidate pairs of the odd-numbered ECB+ topics, then rounded;
# the even-numbered topics were held out.
_WEIGHTS = (6.0, 10.0, 6.0, 12.0)
_BIAS = -6.5
# Profiles of recently placed articles kept in memory: the next articles' candidates are mostly recent ones.
_CACHED_PROFILES = 4096


@dataclass(frozen=True)
class Profile:
    """What identifies one instance of an event in an article: its words, numbers and entities.

    Words are kept as hashes with their log term frequencies, in arrays, so that weighting and comparing the
    twenty-odd candidates of one placement is a few vectorised operations. The hashes are only compared within
    one process (profiles are never stored).
    """

    terms: np.ndarray  # int64 hashes of the distinct words
    weights: np.ndarray  # 1 + log(count) of each word
    numbers: frozenset[str]
    entities: frozenset[str]


@dataclass
class Placement:
    story_id: str
    matched_article: str | None  # the stored article that decided it, or None for a new story
    score: float
    merged: tuple[str, ...] = ()  # other stored stories the article bridges, to fold into `story_id`


def profile(article: Article) -> Profile:
    """The article's instance evidence over its whole text (headline included)."""
    return text_profile(article.title, article.text, {m.entity_id for m in article.mentions if m.entity_id})


def text_profile(title: str | None, text: str, entity_ids: set[str]) -> Profile:
    # Counting every word and then dropping the function words keeps the per-word work inside C code.
    counts = Counter(_WORD.findall(f"{title or ''} {text}".lower()))
    for word in ENGLISH_STOPWORDS.intersection(counts):  # function words carry no instance evidence
        del counts[word]
    terms = np.fromiter(map(hash, counts), dtype=np.int64, count=len(counts))
    weights = 1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))
    numbers = frozenset(n.replace(",", "").rstrip(".") for n in _NUMBER.findall(text))
    return Profile(terms, weights, numbers, frozenset(entity_ids))


def same_event_scores(own: Profile, others: dict[str, tuple[float, Profile]]) -> dict[str, float]:
    """Log-odds that `own` reports the same event instance as each other article (id -> (cosine, profile)).

    Word weights come from the candidates themselves (the stored articles close in vector and time): a word all
    of them share ("earthquake", "Microsoft") names the kind of event, a word only some share ("Qeshm",
    "Thompson") tells instances apart. So the weighting needs no corpus-wide statistics and costs the same at
    any corpus size.
    """
    if not others:
        return {}
    words = _word_similarities([own] + [p for _, p in others.values()])
    scores = {}
    for (article_id, (cosine, other)), word_similarity in zip(others.items(), words):
        evidence = (cosine, _jaccard(own.entities, other.entities), _jaccard(own.numbers, other.numbers),
                    word_similarity)
        scores[article_id] = _BIAS + sum(w * x for w, x in zip(_WEIGHTS, evidence))
    return scores


def _word_similarities(profiles: list[Profile]) -> np.ndarray:
    """Cosine of the first profile's tf-idf vector with each other's, idf taken over these profiles only."""
    sizes = np.array([len(p.terms) for p in profiles])
    vocabulary, column = np.unique(np.concatenate([p.terms for p in profiles]), return_inverse=True)
    frequency = np.bincount(column, minlength=len(vocabulary))  # a word counts once per profile
    rarity = np.log((len(profiles) + 1) / frequency)
    values = np.concatenate([p.weights for p in profiles]) * rarity[column]
    row = np.repeat(np.arange(len(profiles)), sizes)
    norms = np.sqrt(np.bincount(row, weights=values * values, minlength=len(profiles)))
    norms[norms == 0] = 1.0
    own = np.zeros(len(vocabulary))
    own[column[:sizes[0]]] = values[:sizes[0]] / norms[0]
    dots = np.bincount(row, weights=values * own[column], minlength=len(profiles))
    return (dots / norms)[1:]


def _jaccard(a: frozenset, b: frozenset) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


@dataclass
class _Period:
    """The candidate index of the stored articles one of whose own dates falls in one period (or have none)."""

    index: hnswlib.Index
    labels: list[str]  # article id of each index label


# Stored articles further apart in time than the story window never join one story, so the candidate index is
# kept per period of the window's length: a dated article searches the periods its window touches, and however
# large the corpus, memory holds only the periods that recent placements needed. An article whose dateline and
# publication date differ is in the period of each, since either may be when its events happened.
# A stream in date order touches 2-3 periods at a time; a few more keep an archive added out of order from
# reloading the same periods.
_LOADED_PERIODS = 8
_UNDATED = None  # the period key of articles with no date


class StoryLinker:
    def __init__(self, store: Store, settings: Settings):
        self.store = store
        self.settings = settings
        self._periods: OrderedDict[int | None, _Period] = OrderedDict()  # loaded, least recently used first
        self._dated: tuple[date, date] | None = None  # the first and last own dates stored, once read
        self._stored: int | None = None  # the store's last article seq as the loaded periods know it
        self._profiles: OrderedDict[str, Profile] = OrderedDict()

    def reset(self) -> None:
        """Forget the in-memory index (reloaded from the store when next needed), after a failed commit."""
        self._periods.clear()
        self._dated = None
        self._stored = None

    def catch_up(self) -> None:
        """Forget the index if another process stored articles since it was read, so they are candidates too."""
        if self._stored is not None and self.store.last_article_seq() != self._stored:
            self.reset()

    def _period_days(self) -> int:
        return max(1, self.settings.story_window_days)

    def _period_key(self, day: date | None) -> int | None:
        return None if day is None else day.toordinal() // self._period_days()

    def _period_dates(self, key: int) -> tuple[date, date]:
        first = date.fromordinal(key * self._period_days())
        return first, first + timedelta(days=self._period_days() - 1)

    def _search_keys(self, days: tuple[date, ...]) -> list[int | None]:
        """The periods whose articles may join a story with an article of these own `days`: the undated ones, and
        those within the story window of one of the days, or every dated period for an undated article (it may
        join any story)."""
        if self._stored is None:
            self._stored = self.store.last_article_seq()
            self._dated = self.store.own_date_range()
        window = timedelta(days=self.settings.story_window_days)
        if days:
            spans = [(self._period_key(day - window), self._period_key(day + window)) for day in days]
        elif self._dated is not None:
            spans = [(self._period_key(self._dated[0]), self._period_key(self._dated[1]))]
        else:
            return [_UNDATED]
        return [_UNDATED] + sorted({key for first, last in spans for key in range(first, last + 1)})

    def _period(self, key: int | None) -> _Period:
        """The period's index, read from the store the first time it is needed."""
        if key in self._periods:
            self._periods.move_to_end(key)
            return self._periods[key]
        ids, vectors = self.store.article_vectors(*(self._period_dates(key) if key is not None else (None, None)))
        index = hnswlib.Index(space="ip", dim=EMBEDDING_DIM)
        index.init_index(max_elements=max(1024, 2 * len(ids)), ef_construction=100, M=16)
        index.set_ef(64)
        period = self._periods[key] = _Period(index, [])
        if ids:
            _add(period, ids, vectors)
        while len(self._periods) > _LOADED_PERIODS:
            self._periods.popitem(last=False)
        return period

    def nearest(self, article: Article) -> dict[str, float]:
        """Cosine of the article's vector with its `story_candidates` nearest stored articles in time reach.

        A dated article's few periods are indexed in memory. An undated one reaches every period: those not in
        memory are read once and compared exactly, without indexing them, so an undated page added to an archive
        costs a pass over the stored vectors but never holds the archive in memory."""
        found: dict[str, float] = {}
        k = self.settings.story_candidates
        days = article.own_dates
        for key in self._search_keys(days):
            passing = not days and key is not _UNDATED and key not in self._periods
            if passing:  # an undated article's look at a period not in memory: exact, and not kept
                ids, vectors = self.store.article_vectors(*self._period_dates(key))
                cosines = vectors @ article.embedding
                found.update((ids[i], float(cosines[i])) for i in np.argsort(-cosines)[:k])
                continue
            period = self._period(key)
            if period.labels:
                labels, distances = period.index.knn_query(article.embedding, k=min(k, len(period.labels)))
                found.update((period.labels[i], 1.0 - float(d)) for i, d in zip(labels[0], distances[0]))
        return dict(sorted(found.items(), key=lambda item: (-item[1], item[0]))[:k])

    def place(self, article: Article) -> Placement:
        """Choose the story for a new article (it is not stored or indexed yet)."""
        fallback = Placement(story_id_for(article.id), None, 0.0)
        if article.embedding is None:
            return fallback
        cosines = self.nearest(article)
        own = profile(article)
        self._remember(article.id, own)  # for `index`, once the article is stored
        # Only candidates close enough in vector and time are weighed, and only theirs are read from the store.
        close = [cid for cid, cosine in cosines.items() if cosine >= self.settings.story_similarity]
        features = self.store.article_features(close) if close else {}
        eligible = {cid: f for cid, f in features.items()
                    if not _too_far_apart(article.own_dates, f[1], self.settings.story_window_days)}
        if not eligible:
            return fallback
        profiles = self._candidate_profiles(eligible)
        scores = same_event_scores(own, {cid: (cosines[cid], profiles[cid]) for cid in eligible})
        return self._best_story(list(eligible), scores, {cid: f[2] for cid, f in eligible.items()}) or fallback

    def _best_story(self, eligible: list[str], scores: dict[str, float], story_of: dict[str, str]) -> Placement | None:
        """The story whose best `story_support` candidates have the highest mean log-odds, if it is high enough,
        with the other stories the article matches at `story_merge_evidence` or more.

        Stories grow in arrival order: when a story's first reports share little, two stories of one event can
        start and then grow side by side, since each new report joins only the likelier one. A report that
        matches both strongly shows they are one."""
        by_story: dict[str, list[str]] = {}
        for cid in sorted(eligible, key=scores.__getitem__, reverse=True):
            by_story.setdefault(story_of[cid], []).append(cid)
        means = {story_id: sum(scores[m] for m in members[:self.settings.story_support])
                 / len(members[:self.settings.story_support]) for story_id, members in by_story.items()}
        story_id = max(means, key=means.__getitem__, default=None)  # ties: the story of the best candidate
        if story_id is None or means[story_id] < self.settings.story_evidence:
            return None
        merged = tuple(sorted(s for s, mean in means.items()
                              if s != story_id and mean >= self.settings.story_merge_evidence))
        return Placement(story_id, by_story[story_id][0], means[story_id], merged)

    def _candidate_profiles(self, features: dict[str, tuple[set[str], tuple[date, ...], str]]) -> dict[str, Profile]:
        """Profiles of the candidates: recent ones from memory, the others from their stored text (one query)."""
        found = {cid: self._profiles[cid] for cid in features if cid in self._profiles}
        for cid in found:
            self._profiles.move_to_end(cid)
        missing = [cid for cid in features if cid not in found]
        texts = self.store.article_texts(missing) if missing else {}
        for cid in missing:
            title, text = texts.get(cid, (None, ""))
            found[cid] = text_profile(title, text, features[cid][0])
            self._remember(cid, found[cid])
        return found

    def _remember(self, article_id: str, article_profile: Profile) -> None:
        self._profiles[article_id] = article_profile
        self._profiles.move_to_end(article_id)
        while len(self._profiles) > _CACHED_PROFILES:
            self._profiles.popitem(last=False)

    def index(self, article: Article) -> None:
        """Make a stored article a candidate for the articles that follow."""
        if self._stored is None:
            return  # read from the store, which holds the article, when next needed
        self._stored = self.store.last_article_seq()
        days = article.own_dates
        if days:
            known = (self._dated or ()) + days
            self._dated = (min(known), max(known))
        if article.embedding is None:
            return
        for key in {self._period_key(day) for day in days} if days else {_UNDATED}:
            period = self._periods.get(key)
            if period is not None:  # an unloaded period reads it from the store when next needed
                _add(period, [article.id], article.embedding.reshape(1, -1))
        self._remember(article.id, self._profiles.get(article.id) or profile(article))


def _add(period: _Period, ids: list[str], vectors: np.ndarray) -> None:
    needed = len(period.labels) + len(ids)
    if needed > period.index.get_max_elements():
        # Doubling keeps the cost of resizing constant per article on average.
        period.index.resize_index(2 * needed)
    period.index.add_items(vectors, np.arange(len(period.labels), needed))
    period.labels.extend(ids)


def story_for(article: Article, story_id: str, existing: Story | None) -> Story:
    """The article's story: created with its headline as title, or `existing` with its date range refreshed."""
    when = article.anchor_date
    if existing is None:
        return Story(story_id, article.title or _first_words(article.text), [article.id], when, when)
    dates = [d for d in (existing.first_seen, existing.last_seen, when) if d]
    return Story(story_id, existing.title, existing.article_ids + [article.id], min(dates, default=None),
                 max(dates, default=None))


def fold_stories(story: Story, merged: list[Story]) -> Story:
    """`story` with the articles and date ranges of the `merged` stories folded in (it keeps its id and title)."""
    folded = [story] + merged
    dates = [d for s in folded for d in (s.first_seen, s.last_seen) if d]
    return Story(story.id, story.title, [a for s in folded for a in s.article_ids], min(dates, default=None),
                 max(dates, default=None))


def _too_far_apart(mine: tuple[date, ...], theirs: tuple[date, ...], window_days: int) -> bool:
    """Whether two articles' own dates are all further apart than the story window (an undated one never is)."""
    return bool(mine and theirs) and all(abs((a - b).days) > window_days for a in mine for b in theirs)


def _first_words(text: str, n: int = 12) -> str:
    words = text.split()
    return " ".join(words[:n]) + ("…" if len(words) > n else "")


def story_id_for(article_id: str) -> str:
    return "S" + hashlib.sha1(article_id.encode()).hexdigest()[:11]
