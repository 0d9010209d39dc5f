"""Where the headline is looked for: above the article's first run of text (not above comments that outweigh it),
under a section label rather than on it, above its deck rather than under it."""

from __future__ import annotations

from storytrace.clean.lines import (PageLine, _can_be_headline, _deck_gives_way, _label_gives_way, _shape, find_anchor,
                                    first_anchor, read_header)
from storytrace.clean.text import label_lines

_COMMENT = ("I have driven that road every morning for twenty years and the new lights have made the junction "
            "slower, not safer, whatever the council says about its own figures.")

PAGE = "\n".join([
    "Harbor Notes",
    "Home",
    "Roads",
    "Council",
    "Garrow council approves new lights at the mill junction",
    "By Tomas Ferreira",
    "March 9, 2010",
    "The Garrow council on Tuesday approved new traffic lights at the mill junction, after a year in which the "
    "junction saw more collisions than any other crossing in the town.",
    "The lights will be installed in the spring and cost about 80,000 pounds, the council's roads officer said, "
    "paid for from the harbour fees rather than from a new charge.",
    "Share",
    "Tweet",
    "Email",
    "Print",
    "24 Comments",
    *[line for n in range(4) for line in (f"Reader {n}", "March 10, 2010", f"{_COMMENT} (my {n + 2}th letter)")],
])


def test_the_first_run_of_article_text_is_the_article_when_comments_outweigh_it():
    lines = label_lines(PAGE)
    article = next(i for i, line in enumerate(lines) if line.text.startswith("The Garrow council on Tuesday"))
    assert find_anchor(lines) > article  # the comments hold the most text
    assert first_anchor(lines) <= article  # the run may open with a long headline line


def test_the_headline_above_the_article_is_read():
    header = read_header(PAGE)
    assert header.headline is not None
    assert header.headline.text == "Garrow council approves new lights at the mill junction"


def test_a_section_label_over_the_headline_gives_way():
    label = PageLine(4, "Community", "headline", 0.55)
    headline = PageLine(5, "Leader spotlight: Alma Reyes", "headline", 0.10)
    elsewhere = PageLine(9, "Harbor council opens its ferry pier", "headline", 0.08)
    assert _label_gives_way([label, headline])[0] is headline
    assert _label_gives_way([label, elsewhere])[0] is label  # not right under the label
    assert _label_gives_way([PageLine(4, "Ferry pier reopens after storm", "headline", 0.5), headline])[0].index == 4


def test_a_deck_gives_way_to_the_shorter_headline_right_above_it():
    headline = PageLine(4, "Garrow ferry pier reopens after storm", "headline", 0.2)
    deck = PageLine(5, "The council spent a year and its harbour fees on repairs to the landing stage", "headline", 0.6)
    assert _deck_gives_way([deck, headline])[0] is headline
    assert _deck_gives_way([deck, PageLine(3, "Garrow ferry pier reopens", "headline", 0.2)])[0] is deck  # not adjacent
    assert _deck_gives_way([deck, PageLine(4, "Harbor", "headline", 0.2)])[0] is deck  # a label, not a headline


def test_reading_prompts_are_never_the_headline():
    assert not _can_be_headline("Continue reading the main story", {**_shape("Continue reading the main story"),
                                                                    "in_box": 0.0})
