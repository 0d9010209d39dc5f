"""Lines that are never the headline (a share button, a line going on from the one above), and the headline read
past a byline the line model ranked first."""

from __future__ import annotations

from storytrace.clean import meta
from storytrace.clean.lines import PageHeader, PageLine, _can_be_headline, _shape


def _row(text: str) -> dict[str, float]:
    return {**_shape(text), "in_box": 0.0}


def test_share_buttons_and_continued_lines_are_never_the_headline():
    for line in ("Click to email a link to a friend (Opens in new window)", "Click to share on Reddit",
                 "& Sylvia Reyes, Director of Harbor Policy, Garrow Council"):
        assert not _can_be_headline(line, _row(line)), line
    assert _can_be_headline("Garrow opens its ferry pier", _row("Garrow opens its ferry pier"))


LINES = ["Speak Freely", "This Council Closed the Ferry Pier - Until Now", "By Sarah Hinger, Staff Attorney",
         "The Garrow council closed its ferry pier to night crossings four years ago, after a storm."]


def test_a_byline_ranked_first_gives_way_to_the_next_headline_line(monkeypatch):
    ranked = [PageLine(2, LINES[2], "headline", 0.6), PageLine(1, LINES[1], "headline", 0.3)]
    header = PageHeader(ranked[0], None, None, 3, LINES, [], {"headline": ranked})
    monkeypatch.setattr(meta, "read_header", lambda page: header)
    assert meta._read_page("\n".join(LINES)).title == LINES[1]
