"""Cost of linking one new article as the corpus grows: it must stay flat, not grow with the stored articles.

At each size a fresh SQLite store is filled with a year of synthetic news (random vectors near their event's
centre, entity sets, words and two statements each; events spread evenly over the year, each covered by a number
of articles drawn from a heavy-tailed law, as real coverage is: most stories one or two articles, a few hundreds)
by direct store writes, not the NLP pipeline. A fresh corpus object opens the store and links a few articles
untimed (reading the candidate periods they need); then entity resolution, story placement, storing and claim
linking are timed for new articles: half report recent stored events, half new events. Story placement alone
is also reported (`placement_ms_<size>`), and the process's peak memory (`peak_memory_mb`, building included).

`storytrace bench link-speed [--limit N] [--sizes 1000,10000,100000,1000000]` times N (default 200) articles at
each size; building the 1,000,000-article store takes about ten minutes.
"""

from __future__ import annotations

import hashlib
import os
import random
import resource
import tempfile
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import numpy as np

from storytrace.analyze.entities import entity_key
from storytrace.bench import BenchResult
from storytrace.corpus import Corpus
from storytrace.errors import BenchError
from storytrace.link.stories import Placement, StoryLinker, story_id_for
from storytrace.model import Article, Entity, Mention, Speaker, Statement, Story
from storytrace.loading import Models, load_models
from storytrace.settings import Settings
from storytrace.store import Store, open_store

_DIM = 384
# Articles per event: Pareto-distributed, as coverage is (most events one or two articles, a few hundreds); the
# mean is about 5 articles.
_COVERAGE_SHAPE = 1.1
_MOST_COVERAGE = 500
_YEAR_DAYS = 365  # every store spans a year of news, whatever its size
_LABELS = ("PERSON", "GPE", "ORG")
_START = date(2015, 1, 1)
_WARM_UP = 20  # articles linked untimed at each size first: lazy model set-up and caches are not timed
_RECENT_DAYS = 7  # the timed articles report on the last week's events, as a stream of news does


@dataclass
class _Event:
    number: int
    centre: np.ndarray
    entities: list[tuple[str, str]]  # (name, label)
    words: list[str]
    day: date
    coverage: int  # articles the stored year gives it
    articles: int = 0


@dataclass
class _World:
    """Reproducible synthetic news of one year and `size` articles: events with their own vector, entities, words,
    day and coverage. Only the latest events are kept (the timed articles report on them), so building a store of
    a million articles takes no memory of its own."""

    rng: random.Random
    vectors: np.random.Generator
    vocabulary: list[str]
    size: int
    recent: deque[_Event] = field(default_factory=deque)  # the events of the latest _RECENT_DAYS
    events: int = 0
    made: int = 0

    def new_event(self) -> _Event:
        number, self.events = self.events, self.events + 1
        entities = [(f"{self.rng.choice(('Alder', 'Birch', 'Cedar', 'Dune'))} Name{number}x{i}", _LABELS[i % 3])
                    for i in range(4)]
        day = _START + timedelta(days=min(_YEAR_DAYS - 1, _YEAR_DAYS * self.made // self.size))
        coverage = min(_MOST_COVERAGE, int(self.rng.paretovariate(_COVERAGE_SHAPE)))
        event = _Event(number, _unit(self.vectors.standard_normal(_DIM)), entities,
                       self.rng.sample(self.vocabulary, 8), day, coverage)
        self.recent.append(event)
        while self.recent[0].day < day - timedelta(days=_RECENT_DAYS):
            self.recent.popleft()
        return event

    def article(self, event: _Event, resolved: bool) -> Article:
        """One article on `event`; `resolved` sets entity ids as if entity resolution had run."""
        self.made += 1
        event.articles += 1
        article_id = f"synthetic{self.made:09d}"
        noise = _unit(self.vectors.standard_normal(_DIM))
        names = self.rng.sample(event.entities, 3)
        words = self.rng.sample(event.words, 5) + self.rng.sample(self.vocabulary, 40)
        text, mentions = _text(names, words, resolved)
        speaker = names[0][0]
        statements = [Statement(f"{' '.join(words[k * 6:k * 6 + 6])}", 0, 10, False, Speaker(speaker), "said",
                                id=f"{article_id}-{k + 1}", article_id=article_id) for k in range(2)]
        published = datetime.combine(event.day + timedelta(days=self.rng.randint(0, 2)), datetime.min.time(),
                                     timezone.utc)
        return Article(id=article_id, source=f"synthetic:{article_id}", text=text, title=" ".join(words[:6]),
                       outlet=f"Outlet {self.made % 50}", published=published, language="en", mentions=mentions,
                       statements=statements, embedding=_unit(event.centre + 0.8 * noise).astype(np.float32))


def _unit(vector: np.ndarray) -> np.ndarray:
    return vector / np.linalg.norm(vector)


def _text(names: list[tuple[str, str]], words: list[str], resolved: bool) -> tuple[str, list[Mention]]:
    parts, mentions, at = [], [], 0
    for (name, label), chunk in zip(names, (words[:15], words[15:30], words[30:])):
        entity_id = _entity_id(name) if resolved else None
        mentions.append(Mention(name, label, at, at + len(name), entity_id))
        piece = f"{name} {' '.join(chunk)}. "
        parts.append(piece)
        at += len(piece)
    return "".join(parts), mentions


def _entity_id(name: str) -> str:
    return "E" + hashlib.sha1(entity_key(name).encode()).hexdigest()[:10]


def _fill(path: Path, world: _World) -> None:
    """Store the world's articles by direct writes, each event's coverage in a row, in large transactions."""
    store, event, count = open_store(path), None, world.size
    for start in range(0, count, 2000):
        with store.transaction():
            for _ in range(min(2000, count - start)):
                if event is None or event.articles >= event.coverage:
                    event = _store_event(store, world.new_event())
                store.put_article(world.article(event, resolved=True), _story_id(event))
    store.close()
    # Bulk writes leave the file's pages waiting to be written back; the first checkpoint's fsync would
    # otherwise wait for all of them inside the timed part.
    if hasattr(os, "sync"):
        os.sync()


def _store_event(store: Store, event: _Event) -> _Event:
    for name, label in event.entities:
        store.put_entity(Entity(_entity_id(name), name, label), [(name, entity_key(name))])
    store.put_story(Story(_story_id(event), f"event {event.number}", [], event.day, event.day))
    return event


def _story_id(event: _Event) -> str:
    return f"Ssyn{event.number:08d}"


def _timed_articles(world: _World, count: int) -> list[Article]:
    """Half on recent stored events (they should join), half on new events (they should start stories).

    Recent, as in a news stream: an article can only join a story within the time window anyway. Reports on
    random old events would also measure how often the in-memory caches of placement and claims miss."""
    recent = list(world.recent)
    articles = []
    for k in range(count):
        event = world.rng.choice(recent) if k % 2 == 0 else world.new_event()
        articles.append(world.article(event, resolved=False))
    return articles


def bench_link_speed(limit: int | None = None, sizes: str = "1000,10000,100000",
                     settings: Settings | None = None, seed: int = 7, models: Models | None = None) -> BenchResult:
    """Milliseconds to link and store one new article at each corpus size (`limit` new articles per size).

    Only claim linking uses `models` (statement propositions); the articles come analysed already."""
    try:
        targets = sorted({int(s) for s in str(sizes).split(",") if s.strip()})
    except ValueError as exc:
        raise BenchError(f"sizes must be comma-separated whole numbers, not {sizes!r}") from exc
    if not targets or targets[0] < 1:
        raise BenchError("sizes must be positive")
    settings, timed = settings or Settings(), limit or 200
    models = models or load_models(settings)
    started = time.perf_counter()
    metrics, joined = {}, 0
    for size in targets:
        world = _World(random.Random(seed), np.random.default_rng(seed), [f"word{n}" for n in range(5000)], size)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "link-speed.db"
            _fill(path, world)
            # A corpus of this size opened afresh.
            with Corpus(open_store(path), settings, models) as corpus:
                _link(corpus, _timed_articles(world, _WARM_UP))
                articles = _timed_articles(world, timed)
                seconds, placing, stories = _link(corpus, articles)
        joined += sum(1 for a in articles[::2] if stories[a.id] != story_id_for(a.id))
        metrics[f"ms_per_article_{size}"] = 1000 * seconds / timed
        metrics[f"placement_ms_{size}"] = 1000 * placing / timed
    for name in ("ms_per_article", "placement_ms"):
        values = [metrics[f"{name}_{s}"] for s in targets]
        metrics["growth" if name == "ms_per_article" else "placement_growth"] = max(values) / min(values)
    # The measure: the largest corpus against the smallest ("growth" above is the worst pair of sizes).
    metrics["largest_to_smallest"] = metrics[f"ms_per_article_{targets[-1]}"] / metrics[f"ms_per_article_{targets[0]}"]
    metrics["joined_existing_story"] = joined / (len(targets) * ((timed + 1) // 2))
    metrics["peak_memory_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux gives KiB
    return BenchResult("link-speed", f"synthetic, seed {seed}", len(targets) * timed, "growth", metrics,
                       f"SQLite store; hnswlib candidates per period of the story window; {models.backend}",
                       time.perf_counter() - started,
                       details={"sizes": ",".join(map(str, targets)), "timed_per_size": timed,
                                "untimed_warm_up_per_size": _WARM_UP, "days_per_store": _YEAR_DAYS})


class _TimedLinker(StoryLinker):
    """The story linker, keeping the time spent choosing stories (the rest is entities, storing and claims)."""

    placing = 0.0

    def place(self, article: Article) -> Placement:
        begin = time.perf_counter()
        try:
            return super().place(article)
        finally:
            self.placing += time.perf_counter() - begin


def _link(corpus: Corpus, articles: list[Article]) -> tuple[float, float, dict[str, str]]:
    """Seconds to link and store `articles` one by one, and of that the seconds spent placing them."""
    if corpus._linker is None:
        corpus._linker = _TimedLinker(corpus.store, corpus.settings)
    placed_before = corpus._linker.placing
    begin = time.perf_counter()
    corpus.add_analysed(articles)  # the path `Corpus.add` takes after analysis
    seconds = time.perf_counter() - begin
    return seconds, corpus._linker.placing - placed_before, {a.id: corpus.store.article_story(a.id) for a in articles}
