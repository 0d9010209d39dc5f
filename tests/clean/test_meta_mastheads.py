"""Headline shapes the line model's hard rules must let through or keep out, and the site named by the page's
masthead; every page is a short fictional text written for the test."""

from __future__ import annotations

import pytest

from storytrace.clean.lines import _can_be_headline, _shape
from storytrace.clean.meta import _masthead, extract_meta, holder_as_site, copyright_holder
from storytrace.clean.outlets import outlet_from_name, outlet_from_url
from storytrace.clean.text import clean_scraped_text

from tests.clean.test_meta_pages import HEADLINE, PARAGRAPHS


def can_be_headline(line: str) -> bool:
    return _can_be_headline(line, _shape(line))


@pytest.mark.parametrize("line", ["iOS 14 will fix the Harbor ferry app's login problem",
                                  "eBay sellers in Harbor report a record season",
                                  "Harbor Noodle Soup (Slow Cooker Version)"])
def test_brand_starts_and_closing_parentheses_can_be_headlines(line: str) -> None:
    """A brand written "iOS" or "eBay" opens many headlines, and a recipe title ends with a parenthesis: neither is
    a fragment or code."""
    assert can_be_headline(line)


@pytest.mark.parametrize("line", ["continued from the previous page of the report", "init_ferry_schedule()",
                                  "Harbor Media, a Coastline company", "Ferncombe Herald, part of the Coastline Group",
                                  "Ferry Talk Forum 12 points · 6 years ago", "Harbor Times Latest 16 hours ago",
                                  "This website uses cookies to improve your experience on the Harbor pages"])
def test_fragments_code_and_ownership_lines_are_never_headlines(line: str) -> None:
    assert not can_be_headline(line)


def read(lines: list[str]) -> object:
    text = "\n".join(lines)
    return extract_meta(clean_scraped_text(text), page=text, sitename=holder_as_site(copyright_holder(text)))


TOP_MENU = ["Blog", "About", "Now", "Contact"]


@pytest.mark.parametrize("masthead", ["HarborFX", "Jane Doe's blog", "Ferncombe Harbor Wiki - Notes on the pier"])
def test_site_named_by_its_masthead_above_the_menu(masthead: str) -> None:
    """A blog with no copyright line prints its name on its first line, above the menu: that is the outlet."""
    meta = read(["Skip to main content", "Toggle navigation", masthead, *TOP_MENU, HEADLINE, "Nov. 19, 2019",
                 *PARAGRAPHS, "Contact"])
    assert meta.outlet == masthead.split(" - ")[0]


@pytest.mark.parametrize("first", ["Product", "Categories", "My Reviews", HEADLINE])
def test_menu_entries_and_the_headline_are_no_masthead(first: str) -> None:
    """An everyday word, a menu entry or the headline itself on the first line names no site."""
    assert _masthead([first, *TOP_MENU, HEADLINE], HEADLINE) is None


def test_copyright_holder_beats_the_masthead() -> None:
    """The copyright line states who publishes the page; the first line is only a guess."""
    meta = read(["HarborFX", *TOP_MENU, HEADLINE, "Nov. 19, 2019", *PARAGRAPHS, "Contact",
                 "© 2019 Ferncombe Herald. All rights reserved."])
    assert meta.outlet == "Ferncombe Herald"


@pytest.mark.parametrize(("text", "name"), [("Kuwait News Agency", "Kuwait News Agency"), ("KUNA", "Kuwait News Agency"),
                                           ("ČTK", "Czech News Agency"), ("Sputnik News", "Sputnik"),
                                           ("Agencia Brasil", "Agência Brasil"), ("ANA-MPA", "Athens-Macedonian News Agency")])
def test_more_wires_are_known_by_name(text: str, name: str) -> None:
    outlet = outlet_from_name(text)
    assert outlet is not None and outlet.name == name and outlet.kind == "agency"


@pytest.mark.parametrize("word", ["Map", "App", "Uni", "Petra", "Sana"])
def test_wire_acronyms_that_are_words_or_names_are_not_aliases(word: str) -> None:
    """A menu entry "Map" or a person called Petra must never read as a news agency."""
    assert outlet_from_name(word) is None


def test_sites_of_the_evaluation_pages_have_a_home_zone() -> None:
    outlet = outlet_from_url("https://www.phillyvoice.com/some-story/")
    assert outlet is not None and outlet.name == "PhillyVoice" and outlet.timezone == "America/New_York"


@pytest.mark.parametrize(("title", "expected"), [("Penny - Ferncombe Wiki", "Penny"),
                                                ("News - Ferncombe Wiki", "News - Ferncombe Wiki"),
                                                ("Penny - Ferncombe Wiki Fans", "Penny - Ferncombe Wiki Fans")])
def test_one_word_title_loses_the_exact_site_name_only(title: str, expected: str) -> None:
    """A wiki page's title is one word before the site's name; a section word, or a name only like the site's, stays."""
    meta = extract_meta("\n\n".join(PARAGRAPHS), title=title, sitename="Ferncombe Wiki")
    assert meta.title == expected


def test_parent_company_footer_with_the_site_promoting_itself_in_kept_lines() -> None:
    """Under a footer naming a company of several sites, the site's own promotion lines name it, even where the
    cleaner kept them with the article; a sister paper named in prose is not the site."""
    meta = read(["News", "Sport", HEADLINE, "Nov. 19, 2019", *PARAGRAPHS,
                 "The ferry operator told the Daily Mirror last year that the crossings would return.",
                 "Sign up for the CorkBeo newsletter", "Contact", "© 2019 Reach plc. All rights reserved."])
    assert meta.outlet == "Cork Beo"


def test_site_title_with_its_tagline_under_the_menu_names_the_site() -> None:
    """"Ferncombe Notes - Indie music from the harbour" printed under the menu is the site's title and tagline."""
    meta = read(["Home", "Music", "Reviews", "Ferncombe Notes - Indie music from the harbour", "Search", "Archives",
                 "Contact", HEADLINE, "By Jane Doe", "Nov. 19, 2019", *PARAGRAPHS, "Contact"])
    assert meta.outlet == "Ferncombe Notes"


def test_masthead_with_a_parenthesised_part() -> None:
    assert _masthead(["HarborTalks Hamburg (Harbor-Satellite)", *TOP_MENU], HEADLINE) == \
        "HarborTalks Hamburg (Harbor-Satellite)"


def test_blog_name_line_under_a_domain_masthead_is_not_the_headline() -> None:
    """"The Harborpress.com Blog" names the site the first line names by its domain: the headline is the next line."""
    meta = read(["Harborpress.com", "Menu", "Features", "Themes", "The Harborpress.com Blog", "The Harborpress.com Blog",
                 HEADLINE, *PARAGRAPHS, "Contact"])
    assert meta.title == HEADLINE
    assert meta.outlet == "harborpress.com"
