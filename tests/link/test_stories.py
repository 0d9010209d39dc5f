"""Story placement: instance evidence from the whole text keeps two events of one kind apart, cheaply."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import numpy as np

from storytrace.link.stories import _LOADED_PERIODS, StoryLinker, same_event_scores, story_for, text_profile
from storytrace.model import Article, Dateline, Entity, Mention
from storytrace.settings import Settings
from storytrace.store import open_store

QUAKE_A = ("A magnitude 6.1 earthquake struck Qeshm island on Sunday, killing 12 people in the village of Tourian, "
           "Iranian state television said. Rescue teams from Bandar Abbas reached Qeshm by boat.")
QUAKE_A2 = ("Rescuers on Qeshm island searched the rubble of Tourian after Sunday's 6.1 earthquake, which killed 12 "
            "people. Boats from Bandar Abbas carried tents to the island, state television said.")
QUAKE_B = ("A magnitude 7.3 earthquake struck near Padang on Wednesday, killing 800 people, Indonesian officials "
           "said. Rescue teams from Jakarta reached the city by plane.")


def _vector(seed: int, base: np.ndarray | None = None, weight: float = 0.0) -> np.ndarray:
    v = np.random.default_rng(seed).standard_normal(384)
    v = v / np.linalg.norm(v)
    if base is not None:
        v = base + weight * v
    return (v / np.linalg.norm(v)).astype(np.float32)


def _article(article_id: str, text: str, vector: np.ndarray, entities: list[str],
             published: datetime | None = datetime(2008, 12, 18, tzinfo=timezone.utc)) -> Article:
    mentions = [Mention(e, "GPE", 0, 1, f"E{e}") for e in entities]
    return Article(id=article_id, source=article_id, text=text, title=text.split(",")[0], mentions=mentions,
                   published=published, embedding=vector)


def _place_and_store(store, linker: StoryLinker, article: Article) -> str:
    with store.transaction():
        for name in {m.text for m in article.mentions}:
            store.put_entity(Entity(f"E{name}", name, "GPE"), [(name, name.lower())])
        story_id = linker.place(article).story_id
        store.put_article(article, story_id)
        store.put_story(story_for(article, story_id, store.story(story_id)))
    linker.index(article)
    return story_id


def test_shared_names_and_numbers_outweigh_shared_kind_of_event():
    """Two reports of one quake score far above a report of another quake, even at the same vector cosine."""
    own = text_profile(None, QUAKE_A2, {"Qeshm", "Tourian", "Bandar Abbas"})
    same = text_profile(None, QUAKE_A, {"Qeshm", "Tourian", "Bandar Abbas"})
    other = text_profile(None, QUAKE_B, {"Padang", "Jakarta"})
    scores = same_event_scores(own, {"same": (0.7, same), "other": (0.7, other)})
    assert scores["same"] > 0 > scores["other"]


def test_another_instance_of_the_same_kind_of_event_starts_its_own_story(tmp_path):
    """The second report of the Qeshm quake joins its story; the Padang quake, as close in vector, does not."""
    store = open_store(tmp_path / "s.db")
    linker = StoryLinker(store, Settings())
    base = _vector(1)
    first = _article("a", QUAKE_A, base, ["Qeshm", "Tourian", "Bandar Abbas"])
    stories = {}
    for article in (first, _article("b", QUAKE_B, _vector(2, base, 1.0), ["Padang", "Jakarta"]),
                    _article("c", QUAKE_A2, _vector(3, base, 1.0), ["Qeshm", "Tourian", "Bandar Abbas"])):
        stories[article.id] = _place_and_store(store, linker, article)
    assert stories["c"] == stories["a"] and stories["b"] != stories["a"]
    # A fresh linker (a reopened corpus) reads the candidates' text from the store and decides the same way.
    again = StoryLinker(store, Settings()).place(_article("d", QUAKE_A2 + " More to follow.",
                                                          _vector(4, base, 1.0), ["Qeshm", "Tourian"]))
    assert again.story_id == stories["a"] and again.matched_article in {"a", "c"}
    store.close()


def test_candidates_come_from_the_days_within_the_window_and_memory_holds_a_few_periods(tmp_path):
    """Placement searches the periods an article's time window touches: a report nine days on (in the next period)
    joins, one two months on does not; an undated one may join any story; and a year of stories leaves only a few
    periods' vectors in memory."""
    store = open_store(tmp_path / "s.db")
    linker, base, places = StoryLinker(store, Settings()), _vector(1), ["Qeshm", "Tourian", "Bandar Abbas"]
    day = datetime(2008, 12, 18, tzinfo=timezone.utc)
    first = _place_and_store(store, linker, _article("a", QUAKE_A, base, places, day))
    later = _place_and_store(store, linker, _article("b", QUAKE_A2, _vector(2, base, 1.0), places,
                                                     day + timedelta(days=9)))
    months_on = _place_and_store(store, linker, _article("c", QUAKE_A2, _vector(3, base, 1.0), places,
                                                         day + timedelta(days=60)))
    assert later == first and months_on != first
    for week in range(52):
        _place_and_store(store, linker, _article(f"w{week}", QUAKE_B, _vector(10 + week), ["Padang"],
                                                 day + timedelta(days=90 + 7 * week)))
    assert len(linker._periods) <= _LOADED_PERIODS
    undated = linker.place(_article("d", QUAKE_A, _vector(4, base, 0.3), places, None))
    assert undated.story_id in {first, months_on} and undated.matched_article in {"a", "b", "c"}
    store.close()


def test_a_page_whose_dateline_and_publication_date_lie_months_apart_may_join_a_story_near_either(tmp_path):
    """A wire report datelined in September but published in March (a republished piece, or a page given the
    date of its copy) joins the quake's story of either month, from a fresh linker too; a report whose own dates
    are both months away from the story's does not."""
    store = open_store(tmp_path / "s.db")
    places, base = ["Qeshm", "Tourian", "Bandar Abbas"], _vector(1)
    september, march = datetime(2008, 9, 7, tzinfo=timezone.utc), datetime(2009, 3, 2, tzinfo=timezone.utc)
    linker = StoryLinker(store, Settings())
    in_march = _place_and_store(store, linker, _article("a", QUAKE_A, base, places, march))
    both = _article("b", QUAKE_A2, _vector(2, base, 1.0), places, march)
    both.dateline = Dateline("Qeshm", september.date(), "Reuters")
    assert _place_and_store(store, linker, both) == in_march
    in_september = StoryLinker(store, Settings()).place(_article("c", QUAKE_A, _vector(3, base, 1.0), places,
                                                                 september + timedelta(days=2)))
    assert in_september.story_id == in_march and in_september.matched_article == "b"
    in_june = StoryLinker(store, Settings()).place(_article("d", QUAKE_A, _vector(4, base, 1.0), places,
                                                            datetime(2008, 6, 1, tzinfo=timezone.utc)))
    assert in_june.story_id != in_march
    store.close()


def test_a_report_matching_two_stories_of_one_event_folds_them_and_never_another_event(tmp_path):
    """Two reports of the Qeshm quake that began stories of their own (as arrival order can make them) are
    bridged by a third that matches both strongly; the Padang quake's story, as close in vector, is not."""
    store = open_store(tmp_path / "s.db")
    base = _vector(1)
    places = ["Qeshm", "Tourian", "Bandar Abbas"]
    apart = {"a": _article("a", QUAKE_A, base, places), "c": _article("c", QUAKE_A2, _vector(3, base, 0.5), places),
             "b": _article("b", QUAKE_B, _vector(2, base, 0.5), ["Padang", "Jakarta"])}
    with store.transaction():
        for name in places + ["Padang", "Jakarta"]:
            store.put_entity(Entity(f"E{name}", name, "GPE"), [(name, name.lower())])
        for article in apart.values():
            store.put_article(article, "S" + article.id)
            store.put_story(story_for(article, "S" + article.id, None))
    bridge = _article("d", QUAKE_A + " " + QUAKE_A2, _vector(4, base, 0.5), places)
    placement = StoryLinker(store, Settings()).place(bridge)
    assert {placement.story_id, *placement.merged} == {"Sa", "Sc"}
    # With the bar for folding above the evidence, the same report only joins its likelier story.
    alone = StoryLinker(store, Settings().with_overrides(story_merge_evidence=99.0)).place(bridge)
    assert alone.story_id == placement.story_id and alone.merged == ()
    store.close()
