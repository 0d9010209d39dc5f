"""A box of other stories between a page's headline and its article: its entries are never the headline."""

from __future__ import annotations

from pathlib import Path

from storytrace.clean.lines import page_features, read_header
from storytrace.clean.stage import extract_article
from storytrace.model import RawArticle
from storytrace.settings import Settings

PAGE = """Harbour Wire
Edition: U.S.
Home | Business | Markets | World | Politics | Technology | Opinion | Sports | Life
World News
Garrow denies plans to sell its ferry pier
Tue Mar 9, 2010 6:12pm EST
Text size
Share this
Email
Print
Related News
Garrow council frees funds for ferry repairs after storm
Analysis: the pier sale that keeps coming back, and why
By Tomas Ferreira

GARROW, March 9 (Harbour Wire) - Garrow on Tuesday denied reports that it planned to sell its ferry pier, a week after the council voted extra funds for repairs to the ferries damaged in last month's storm.

"There are no plans to sell the pier," council spokeswoman Alma Reyes told reporters at a regular briefing. "We have seen the reports, and that is all they are."

The council's finance committee spent two days last week on the repair budget and returned on Saturday with a plan to borrow against the harbour's fees rather than sell any of its land.
"""


def test_an_entry_under_related_news_is_not_the_headline():
    header = read_header(PAGE)
    assert header.headline is not None
    assert header.headline.text == "Garrow denies plans to sell its ferry pier"


def test_the_lines_under_a_box_heading_are_marked_as_its_entries_and_the_headline_is_not():
    lines, _, indices, rows = page_features(PAGE)
    in_box = {lines[i].text for i, row in zip(indices, rows) if row["in_box"]}
    assert "Garrow council frees funds for ferry repairs after storm" in in_box
    assert "Garrow denies plans to sell its ferry pier" not in in_box


def test_a_section_label_in_breadcrumbs_opens_no_box():
    """"Editors Pick" over a page's own headline is its section, not a box of other stories."""
    page = PAGE.replace("Related News", "Editors Pick")
    lines, _, indices, rows = page_features(page)
    assert not any(row["in_box"] for row in rows)


def test_the_demo_wire_page_keeps_its_headline_over_its_related_news():
    """The example corpus's wire page has a "Related News" box between its headline and byline."""
    path = Path(__file__).parents[2] / "examples" / "2009-08-14_reuters_talks_speculation.txt"
    article = extract_article(RawArticle(source=path.name, content=path.read_text(), kind="text"), Settings())
    assert article.title == "Norland denies talks with Veskaria are imminent"
