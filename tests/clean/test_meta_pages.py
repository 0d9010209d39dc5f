"""Metadata read from whole scraped pages (menus, mastheads and footers included), one test per page
shape the meta stage must read right; every page is a short fictional text written for the test."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from storytrace.clean.meta import copyright_holder, extract_meta, holder_as_site
from storytrace.clean.text import clean_scraped_text

HEADLINE = "Harbor council approves new ferry terminal after two years of debate"

MENU = ["Skip to content", "Home", "News", "Local", "Business", "Sport", "Opinion", "Subscribe", "Sign in"]

PARAGRAPHS = [
    "The Harbor council voted seven to two on Tuesday night to approve a new ferry terminal on the east pier, "
    "ending a debate that has divided the town since the old terminal flooded two winters ago.",
    "Supporters said the terminal would bring back the weekend crossings that were cut when the old building "
    "closed, and with them the visitors that the shops along the waterfront depend on.",
    "Opponents on the council said the cost had doubled since the plan was first drawn up and warned that the "
    "town would be paying off the loan for the next thirty years without a clear plan for repairs.",
    "Construction is expected to begin in the spring, and the council said the first ferries could dock at "
    "the new pier before the end of next summer if the weather holds and the steel arrives on time.",
]

FOOTER = ["Related stories", "Storm closes coastal road for a second day", "School board names new principal",
          "About us", "Contact", "Privacy policy", "© 2019 Harbor Times. All rights reserved."]


def page(header: list[str], *, top: list[str] = (), footer: list[str] = FOOTER) -> str:
    """A whole page as a person copying it gets it: menu, header lines, article, related links, footer."""
    return "\n".join([*top, *MENU, *header, *PARAGRAPHS, *footer])


def read(text: str):
    """What the clean stage does with scraped text: clean it, then read the metadata with the whole page."""
    return extract_meta(clean_scraped_text(text), page=text, sitename=holder_as_site(copyright_holder(text)))


EST = timedelta(hours=-5)


def test_furniture_lines_above_the_headline_are_not_the_title() -> None:
    """Share bars and company lines come first on many pages; the headline is the line above the byline."""
    meta = read(page(["Follow Harbor Times", "All sharing options", "Harbor Media, a Coastline company",
                      HEADLINE, "By Jane Doe", "Nov. 19, 2019, 8:41 AM UTC"]))
    assert meta.title == HEADLINE
    assert meta.byline == "Jane Doe"


@pytest.mark.parametrize(
    ("line", "local", "offset"),
    [
        ("Nov. 19, 2019, 8:41 AM UTC", datetime(2019, 11, 19, 8, 41), timedelta(0)),
        ("Mon 18 Nov 2019 18.54 GMT", datetime(2019, 11, 18, 18, 54), timedelta(0)),
        ("PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:20, Tue, Nov 19, 2019", datetime(2019, 11, 19, 10, 48), None),
        ("Updated 12:01 PM Nov 20, 2019 Published 9:00 AM Nov 19, 2019", datetime(2019, 11, 19, 9, 0), None),
        ("2019-11-19T08:41:00Z", datetime(2019, 11, 19, 8, 41), timedelta(0)),
        ("11.14.2019 09:00 AM", datetime(2019, 11, 14, 9, 0), None),
    ],
)
def test_date_line_shapes_under_the_headline(line: str, local: datetime, offset: timedelta | None) -> None:
    """Each printed shape gives the publication time; "Published" beats "Updated" whatever their order."""
    meta = read(page([HEADLINE, "By Jane Doe", line]))
    assert meta.published is not None
    assert meta.published.replace(tzinfo=None) == local
    assert meta.published.utcoffset() == offset
    assert meta.title == HEADLINE


def test_byline_with_numeric_date_and_zone() -> None:
    """"By X - 11/18/19 11:04 PM EST": one line gives both the author and the time with its zone."""
    meta = read(page([HEADLINE, "By Justine Carter - 11/18/19 11:04 PM EST"]))
    assert meta.byline == "Justine Carter"
    assert meta.published is not None
    assert meta.published.replace(tzinfo=None) == datetime(2019, 11, 18, 23, 4)
    assert meta.published.utcoffset() == EST
    assert meta.title == HEADLINE


def test_masthead_today_date_is_not_the_article_date() -> None:
    """A masthead prints the day the page was copied; the article's own date line is under its headline."""
    meta = read(page([HEADLINE, "By Jane Doe", "Published Dec. 19, 2019 at 7:30 a.m."],
                     top=["Saturday, December 21, 2019", "Harbor Times"]))
    assert meta.published is not None
    assert meta.published.date() == date(2019, 12, 19)


def test_by_and_name_on_separate_lines() -> None:
    """Some pages render "By" and the author's name as two blocks."""
    meta = read(page([HEADLINE, "By", "Maria Santos", "Nov. 19, 2019"]))
    assert meta.byline == "Maria Santos"
    assert meta.title == HEADLINE


def test_name_and_agency_in_capitals() -> None:
    """"NAME, AGENCY" in capitals is a byline: the name comes back in normal case, the agency stays out."""
    meta = read(page([HEADLINE, "JANE DOE, REUTERS", "Nov. 19, 2019"]))
    assert meta.byline == "Jane Doe"


def test_author_box_sentence_gives_only_the_name() -> None:
    """"X is a reporter for ..." names the author; the rest of the sentence is not part of the byline."""
    meta = read(page([HEADLINE, "Nov. 19, 2019", "Tom Becker is a reporter for the Harbor Times."]))
    assert meta.byline == "Tom Becker"


def test_wire_credit_in_the_byline_is_not_the_outlet() -> None:
    """A site carrying agency copy is the outlet; the agency named in the byline is the author's employer."""
    meta = read(page([HEADLINE, "By Jane Doe, Associated Press", "Nov. 19, 2019"]))
    assert meta.byline == "Jane Doe"
    assert meta.outlet == "Harbor Times"


def test_parent_company_copyright_gives_the_site_the_page_names() -> None:
    """"© Vox Media, LLC" owns several sites: the outlet is the one the page's chrome names."""
    footer = ["About The Verge", "Contact", "© 2019 Vox Media, LLC. All rights reserved."]
    meta = read(page([HEADLINE, "By Jane Doe", "Nov. 19, 2019"], top=["The Verge"], footer=footer))
    assert meta.outlet == "The Verge"


def test_single_site_parent_company_gives_that_site() -> None:
    """A copyright holder that owns one known site stands for that site, never for itself."""
    footer = ["Contact", "© 2019 The Economist Newspaper Limited. All rights reserved."]
    meta = read(page([HEADLINE, "Nov. 19, 2019"], footer=footer))
    assert meta.outlet == "The Economist"


def test_unknown_holder_loses_its_legal_form() -> None:
    """An unknown site is named as readers name it: "Ferncombe Herald, LLC" is "Ferncombe Herald"."""
    footer = ["Contact", "Copyright © 2019 Ferncombe Herald, LLC. All rights reserved."]
    meta = read(page([HEADLINE, "Nov. 19, 2019"], footer=footer))
    assert meta.outlet == "Ferncombe Herald"


def test_unknown_site_named_by_its_domain() -> None:
    """With no copyright line, the site's own domain printed on the page names it, never a URL."""
    footer = ["Read more local news at ferncombeherald.com", "Tips: visit www.ferncombeherald.com/tips", "Contact"]
    meta = read(page([HEADLINE, "Nov. 19, 2019"], footer=footer))
    assert meta.outlet == "ferncombeherald.com"


def test_quotes_around_the_headline_are_dropped() -> None:
    """Typographic quotes wrapping a whole headline are page styling, not part of the title."""
    meta = read(page([f"“{HEADLINE}”", "By Jane Doe", "Nov. 19, 2019"]))
    assert meta.title == HEADLINE


def test_dateline_year_comes_from_the_publication_date() -> None:
    """"SEOUL, Dec. 18 (Yonhap) --" prints no year; the page's publication date gives it."""
    article = ["SEOUL, Dec. 18 (Yonhap) -- " + PARAGRAPHS[0], *PARAGRAPHS[1:]]
    text = "\n".join([*MENU, HEADLINE, "By Jane Doe", "Dec. 19, 2009 10:02 KST", *article, *FOOTER])
    meta = read(text)
    assert meta.dateline is not None
    assert (meta.dateline.place, meta.dateline.date, meta.dateline.agency) == ("Seoul", date(2009, 12, 18), "Yonhap")


def test_dateline_year_from_the_nearest_full_date_when_undated() -> None:
    """Without a publication date the dateline takes the year of a full date the article prints."""
    text = ("WASHINGTON, Dec. 18 (Reuters) -- The White House on Friday denied it had proposed a liaison office.\n\n"
            "The proposal was first discussed on Dec. 1, 2009, officials said.")
    meta = extract_meta(text)
    assert meta.published is None
    assert meta.dateline is not None and meta.dateline.date == date(2009, 12, 18)


def test_blog_headline_with_its_author_on_one_line() -> None:
    """"<headline> by A" on one line: the title without the author, the author as the byline."""
    meta = read(page([f"{HEADLINE} by Nora Lindqvist", "Nov. 19, 2019"]))
    assert meta.title == HEADLINE
    assert meta.byline == "Nora Lindqvist"


def test_byline_list_ending_in_a_station_credit() -> None:
    """"By A, B, 7 News XYZ": the people before the credit are the byline."""
    meta = read(page([HEADLINE, "By Jessica Hale, Gail Lomax, 7 News Harbor", "Nov. 19, 2019"]))
    assert meta.byline == "Jessica Hale and Gail Lomax"


def test_subsidiary_footer_names_the_parent_and_the_page_the_site() -> None:
    """"© 2019 a Vox Media subsidiary" points at the parent; the chrome's "About The Verge" picks its site."""
    footer = ["About The Verge", "© 2019 a Vox Media subsidiary"]
    meta = read(page([HEADLINE, "Nov. 19, 2019"], footer=footer))
    assert meta.outlet == "The Verge"


def test_site_named_by_its_own_chrome_phrases() -> None:
    """An unknown site without a copyright line still says its name: "About X", "Subscribe to X"."""
    footer = ["About Ferncombe Herald", "Subscribe to Ferncombe Herald", "Contact"]
    meta = read(page([HEADLINE, "Nov. 19, 2019"], footer=footer))
    assert meta.outlet == "Ferncombe Herald"


def test_agency_photo_credits_are_not_the_outlet() -> None:
    """An agency named in credits ("Photo: Reuters") is copy the site carries; the site's own chrome names it."""
    footer = ["Photo: Reuters", "Video: Reuters", "About Ferncombe Herald", "Subscribe to Ferncombe Herald"]
    meta = read(page([HEADLINE, "Nov. 19, 2019"], footer=footer))
    assert meta.outlet == "Ferncombe Herald"


def test_copyright_menu_entry_names_no_holder() -> None:
    """"Copyright & Permissions" is a link in a menu: no outlet comes of it."""
    footer = ["Contact", "Copyright & Permissions", "Privacy policy"]
    meta = read(page([HEADLINE, "Nov. 19, 2019"], footer=footer))
    assert meta.outlet is None


def test_parent_of_several_sites_is_never_the_outlet() -> None:
    """A company owning several known sites, none named on the page, leaves the outlet unknown."""
    footer = ["Contact", "© 2019 MediaNews Group, Inc. All rights reserved."]
    meta = read(page([HEADLINE, "Nov. 19, 2019"], footer=footer))
    assert meta.outlet is None


def test_name_picked_under_a_lone_by_line() -> None:
    """"By" alone above the name, and a first name that is also a month: the name is the byline."""
    meta = read(page([HEADLINE, "By", "April Lindqvist", "@aprillindqvist", "Nov. 19, 2019"]))
    assert meta.byline == "April Lindqvist"


@pytest.mark.parametrize("line", ["By Jane Doe@JaneDoeWrites", "By Jane Doe | jdoe@harbortimes.example"])
def test_handle_or_address_after_the_name_is_not_part_of_it(line: str) -> None:
    """A Twitter handle glued to the name, or an e-mail address after a bar, is left out of the byline."""
    meta = read(page([HEADLINE, line, "Nov. 19, 2019"]))
    assert meta.byline == "Jane Doe"


def test_by_inside_a_title_case_headline_is_not_an_author() -> None:
    """"... Collection by Hyatt Officially Opens": in a Title Case headline "by" belongs to the headline."""
    headline = "Harbor Hotel, The Waterfront Collection by Marlow Officially Opens"
    meta = read(page([headline, "Nov. 19, 2019"]))
    assert meta.title == headline


def test_date_line_is_never_the_headline() -> None:
    """The line the model likes best may be the date under the headline: the headline is another line."""
    meta = read(page(["Local news", HEADLINE, "July 30, 2019 1:16 pm"]))
    assert meta.title == HEADLINE
    assert meta.published is not None and meta.published.date() == date(2019, 7, 30)


@pytest.mark.parametrize(
    ("line", "holder"),
    [
        ("©2019 | ALL RIGHTS RESERVED | FERNCOMBE HERALD — Theme by Someone", "FERNCOMBE HERALD"),
        ("Ferncombe Herald® © 2013-2020, background by Jane Doe", "Ferncombe Herald"),
        ("© 2023 - Ferncombe Herald. All Rights Reserved. Write for Us", "Ferncombe Herald"),
    ],
)
def test_copyright_holder_shapes(line: str, holder: str) -> None:
    """Footers put the rights notice first, a trademark sign after the name, or a dash after the year."""
    assert copyright_holder("\n".join([*PARAGRAPHS, line])) == holder


def test_copyright_holder_found_above_a_long_footer() -> None:
    """A footer of dozens of links can push the copyright line far from the page's end."""
    links = [f"Section {i}" for i in range(40)]
    assert copyright_holder("\n".join([*PARAGRAPHS, "© 2019 Ferncombe Herald.", *links])) == "Ferncombe Herald"


def test_menu_entry_before_the_mark_names_no_holder() -> None:
    """"Image Usage and Copyright" is a menu link, not a holder; the real notice above it counts."""
    text = "\n".join([*PARAGRAPHS, "Copyright FERNCOMBE 2014 - 2020", "Contact", "Image Usage and Copyright"])
    assert copyright_holder(text) == "FERNCOMBE"


def test_site_named_by_its_own_links_and_addresses() -> None:
    """With no copyright line, the site's own links and contact addresses name its domain."""
    footer = ["https://www.ferncombeherald.com/author/staff/", "Contact us: news@ferncombeherald.com",
              "Share on https://twitter.com/ferncombe"]
    meta = read(page([HEADLINE, "Nov. 19, 2019"], footer=footer))
    assert meta.outlet == "ferncombeherald.com"


def test_published_stamp_below_the_article_beats_an_updated_line() -> None:
    """"Published: <date>" states the date wherever the page prints it; "Updated" under the headline is later."""
    footer = ["Published: 19 November 2019", *FOOTER]
    meta = read(page([HEADLINE, "Updated: November 21, 2019"], footer=footer))
    assert meta.published is not None and meta.published.date() == date(2019, 11, 19)


def test_ranked_lines_put_the_best_first() -> None:
    """The reader's fallback list holds each class's likeliest lines in order, the chosen line first."""
    from storytrace.clean.lines import read_header

    header = read_header(page([HEADLINE, "By Jane Doe", "Nov. 19, 2019"]))
    for label, best in (("headline", header.headline), ("date", header.date), ("byline", header.byline)):
        ranked = header.ranked[label]
        assert ranked and [line.probability for line in ranked] == sorted((line.probability for line in ranked), reverse=True)
        assert best is None or ranked[0].index == best.index


def test_byline_with_slashes_between_name_and_dates() -> None:
    """"By A/June 12, 2020 9:49 am EST/Updated: ..." names A."""
    meta = read(page([HEADLINE, "By Jane Doe/June 12, 2020 9:49 am EST/Updated: Aug. 18, 2020 4:17 pm EST"]))
    assert meta.byline == "Jane Doe"


def test_agency_credited_alone_under_pictures_is_not_the_outlet() -> None:
    """"PA" alone under every picture credits photos; the site the chrome names is the outlet."""
    footer = ["PA", "PA", "PA", "PA", "About The Independent", "The Independent", "Contact"]
    meta = read(page([HEADLINE, "Nov. 19, 2019"], footer=footer))
    assert meta.outlet == "The Independent"


def test_links_inside_prose_do_not_name_the_site() -> None:
    """Links written inside a sentence point at other sites: they never name the page's own."""
    footer = ["Read the study at https://www.journal.example/paper and its data at https://www.journal.example/data.",
              "Contact"]
    meta = read(page([HEADLINE, "Nov. 19, 2019"], footer=footer))
    assert meta.outlet != "journal.example"


@pytest.mark.parametrize("footer", [["Learn about Ferncombe Herald", "Contact", "Learn about Ferncombe Herald"],
                                    ["From Ferncombe Herald", "About Ferncombe Herald"]])
def test_site_named_by_learn_about_and_from_lines(footer: list[str]) -> None:
    """"Learn about X" menus and a wiki's "From X" credit line name the site when said twice."""
    meta = read(page([HEADLINE, "Nov. 19, 2019"], footer=footer))
    assert meta.outlet == "Ferncombe Herald"


def test_line_naming_the_site_is_not_the_headline() -> None:
    """"Harbor Times Newsletters" promotes the site's own products: the headline is the article's line."""
    footer = ["Harbor Times Newsletters", "Contact", "© 2019 Harbor Times. All rights reserved."]
    meta = read(page(["Harbor Times Newsletters", HEADLINE, "By Jane Doe", "Nov. 19, 2019"], footer=footer))
    assert meta.outlet == "Harbor Times"
    assert meta.title == HEADLINE


@pytest.mark.parametrize("holder", ["Ferncombe Holdings, LLC", "Ferncombe Media Group"])
def test_unknown_company_holder_is_not_the_outlet(holder: str) -> None:
    """A holding company or group owning the site is no name readers know it by: no outlet comes of it."""
    footer = ["Contact", f"© 2019 {holder}. All rights reserved."]
    meta = read(page([HEADLINE, "Nov. 19, 2019"], footer=footer))
    assert meta.outlet is None


def test_a_bar_separated_menu_is_never_the_headline() -> None:
    """'Sport | Football | Rugby' is navigation: under a masthead naming the site, the demo's football report keeps
    its own headline."""
    text = (Path(__file__).parents[2] / "examples" / "2009-12-13_northern_sentinel_football.txt").read_text()
    assert read(text).title == "Harlow Vale 3 Aldwick Rovers 1: Kettering double sinks Rovers in the snow"


def test_a_text_pasted_without_its_headline_keeps_its_lead() -> None:
    """A long sentence ending with its full stop opens the article: it is no headline to cut off the text."""
    lead = ("An article saying the harbour council will close the ferry terminal next spring is fake and it is merely "
            "an old hoax.")
    meta = read("\n".join([lead, *PARAGRAPHS]))
    assert meta.title is None and meta.body.startswith(lead)
