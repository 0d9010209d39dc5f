"""The Python API end to end: incremental adds update stories, claims and disputes without a rebuild."""

from __future__ import annotations

import pytest

import storytrace
from storytrace.model import RawArticle

DENIAL = """Norland denies proposing liaison office
Posted December. 19, 2009 01:52

ALDWICK, Dec. 18 (Yonhap) -- Norland's presidential office on Friday denied it had proposed opening a liaison
office in Veskaria in a letter carried to Korvask by the special envoy Stephen Marsh earlier this month.

"No such proposal has been made," said Nathan Ellery, deputy spokesman for the National Security Council.
He said the letter restated Norland's position that Veskaria should return to the regional security talks.
"""

REPORT = """Norland proposed liaison office to Veskaria, agency says
Posted December. 18, 2009 17:05

SEOUL, Dec. 18 (Yonhap) -- President Tomas Arendt proposed opening a liaison office in Veskaria in a letter
carried to Korvask by the special envoy Stephen Marsh earlier this month, diplomatic sources in Beijing said.

The sources said Veskaria had not yet replied to the letter, which was handed to a vice foreign minister.
Officials in Aldwick would not discuss the contents of the letter with reporters on Friday.
"""

UNRELATED = """Astronomers find water ice on a small asteroid
Posted December. 16, 2009 14:00

HARWICK, Dec. 16 (Reuters) -- Astronomers using a ground-based telescope have found frost on the surface of a
small asteroid, the first such detection on a body that size, the research team said on Wednesday.

"It tells us that ice can survive much closer to the sun than we thought," said Elena Varga, who led the study.
The team said further observations were planned for next year when the asteroid passes close to Earth again.
"""


@pytest.fixture
def corpus(tmp_path, models):
    with storytrace.open(tmp_path / "c.db", models=models) as opened:
        yield opened


def _add(corpus, name, text):
    return corpus.add_raw([RawArticle(source=name, content=text, kind="text")], parallel=False)


def test_later_denial_turns_a_single_source_claim_into_a_dispute(corpus):
    """Adding the denial afterwards updates the existing story, its claim status and its disputes."""
    assert _add(corpus, "report.txt", REPORT).added
    [story] = corpus.stories()
    assert list(corpus.disputes()) == []
    assert _add(corpus, "denial.txt", DENIAL).added
    [story_now] = corpus.stories()
    assert story_now.id == story.id and len(story_now.article_ids) == 2
    [dispute] = corpus.disputes()
    assert dispute.kind == "denial"
    claim = next(c for c in corpus.claims() if c.id == dispute.claim_id)
    assert claim.status == "disputed" and claim.story_id == story.id
    view = corpus.story(story.id)
    assert [s.said_on for s in view.timeline if s.said_on] == sorted(s.said_on for s in view.timeline if s.said_on)


def test_unrelated_article_starts_its_own_story_and_duplicates_are_not_stored(corpus):
    """An article about something else is a new story; the same text again is recognised and skipped."""
    _add(corpus, "report.txt", REPORT)
    report = _add(corpus, "ice.txt", UNRELATED)
    assert report.added and corpus.stories().total == 2
    again = _add(corpus, "copy-of-ice.txt", UNRELATED)
    assert again.added == [] and len(again.duplicates) == 1
    assert corpus.articles().total == 2


def test_entities_merge_and_speaker_search(corpus):
    """The same person in two articles is one entity; statements are found by speaker."""
    _add(corpus, "report.txt", REPORT)
    _add(corpus, "denial.txt", DENIAL)
    marsh = [e for e in corpus.entities() if e.name == "Stephen Marsh"]
    assert len(marsh) == 1
    ellery = list(corpus.statements(storytrace.Query(speaker="Ellery")))
    assert ellery and all("Ellery" in s.speaker.name for s in ellery)
    assert any(kind == "statement" for kind, _, _ in corpus.search("proposal"))


def test_an_article_another_writer_stored_is_a_candidate_for_this_one(tmp_path, models):
    """Two corpora on one database (two processes adding in turn): the second sees what the first stored since
    its own story index was built, so the denial joins the report's story instead of starting its own."""
    with storytrace.open(tmp_path / "shared.db", models=models) as first, \
            storytrace.open(tmp_path / "shared.db", models=models) as second:
        assert _add(second, "ice.txt", UNRELATED).added  # builds the second corpus's index: ice only
        assert _add(first, "report.txt", REPORT).added
        assert _add(second, "denial.txt", DENIAL).added
        stories = {len(s.article_ids) for s in second.stories()}
        assert stories == {1, 2}
        assert [d.kind for d in second.disputes()] == ["denial"]
