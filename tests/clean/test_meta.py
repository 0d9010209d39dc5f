"""Article metadata from hand-written (fictional) article texts: one test per shape the meta
stage must read, each asserting the values it must produce."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from storytrace.clean.meta import extract_meta

KST = timedelta(hours=9)
EST = timedelta(hours=-5)

SCRAPED_YONHAP = """N. Korean envoy heads to Beijing for talks
By Kim Soo-jin, Staff Reporter
Posted September. 26, 2009 07:51

SEOUL, Sept. 25 (Yonhap) -- A senior North Korean envoy left for Beijing on Friday, officials said.

"The visit was planned weeks ago," a ministry spokesman said."""

WASHINGTON_TIMES = """The Washington Times
Saturday, December 19, 2009

Obama proposed liaison office, agency says

By Jane Doe and John Roe

SEOUL, Dec. 18 (Yonhap) -- President Obama proposed a liaison office in Pyongyang, diplomatic sources said.

The White House did not comment.

© 2009 The Washington Times, LLC. All rights reserved."""

REUTERS_BODY = """WASHINGTON, Dec. 18 (Reuters) -- The White House on Friday denied it had proposed a liaison office.

"No such proposal has been made," a National Security Council spokesman said.

(Reporting by John Smith in Washington and Lee Min-ho in Seoul; Editing by Mary Major)"""


def test_scraped_header_is_read_and_removed() -> None:
    """A scraped page opens with headline, byline and "Posted" lines that must become metadata."""
    meta = extract_meta(SCRAPED_YONHAP)
    assert meta.title == "N. Korean envoy heads to Beijing for talks"
    assert meta.byline == "Kim Soo-jin"
    assert meta.outlet == "Yonhap"  # nothing else names the outlet, so the dateline's agency does
    assert meta.published == datetime.fromisoformat("2009-09-26T07:51:00+09:00")
    assert meta.published.utcoffset() == KST  # Yonhap's home zone, as no zone was printed
    assert meta.dateline is not None
    assert (meta.dateline.place, meta.dateline.date, meta.dateline.agency) == ("Seoul", date(2009, 9, 25), "Yonhap")
    assert meta.body.startswith("SEOUL, Sept. 25 (Yonhap) -- A senior North Korean envoy")
    assert "Posted" not in meta.body and "Staff Reporter" not in meta.body and "heads to Beijing" not in meta.body
    assert meta.body.endswith('"The visit was planned weeks ago," a ministry spokesman said.')


def test_masthead_outlet_keeps_agency_in_dateline() -> None:
    """A paper carrying agency copy stays the outlet; the agency goes to the dateline only."""
    meta = extract_meta(WASHINGTON_TIMES)
    assert meta.outlet == "The Washington Times"
    assert meta.dateline is not None and meta.dateline.agency == "Yonhap"
    assert meta.dateline.date == date(2009, 12, 18)
    assert meta.title == "Obama proposed liaison office, agency says"
    assert meta.byline == "Jane Doe and John Roe"
    # A date without a time is midnight in the outlet's home zone (New York, EST in December).
    assert meta.published == datetime.fromisoformat("2009-12-19T00:00:00-05:00")
    assert meta.published.utcoffset() == EST
    assert meta.body == (
        "SEOUL, Dec. 18 (Yonhap) -- President Obama proposed a liaison office in Pyongyang, diplomatic sources said."
        "\n\nThe White House did not comment."
    )


def test_reuters_footer_reporters_and_hints() -> None:
    """HTML articles come with trafilatura hints; the Reuters footer names the reporters."""
    meta = extract_meta(
        REUTERS_BODY,
        url="https://www.reuters.com/world/us/white-house-denies-idUS1",
        title="White House denies liaison office proposal - Reuters",
        published="2009-12-18T22:05:00Z",
        sitename="Reuters",
    )
    assert meta.outlet == "Reuters"
    assert meta.title == "White House denies liaison office proposal"
    assert meta.byline == "John Smith and Lee Min-ho"  # the editor is not a reporter
    assert meta.published == datetime.fromisoformat("2009-12-18T22:05:00+00:00")
    assert meta.published.utcoffset() == timedelta(0)
    assert meta.dateline is not None
    assert (meta.dateline.place, meta.dateline.date, meta.dateline.agency) == ("Washington", date(2009, 12, 18), "Reuters")
    assert "Editing by" not in meta.body
    assert meta.body.endswith('"No such proposal has been made," a National Security Council spokesman said.')


def test_dateline_year_rolls_back_over_new_year() -> None:
    """A Dec. 31 dateline published on Jan. 1 belongs to the previous year."""
    text = "Year-end talks end without deal\nPosted January 1, 2010 07:51\n\nSEOUL, Dec. 31 (Yonhap) -- Talks ended without a deal late on Thursday, officials said."
    meta = extract_meta(text)
    assert meta.published is not None and meta.published.date() == date(2010, 1, 1)
    assert meta.dateline is not None and meta.dateline.date == date(2009, 12, 31)


def test_ap_dateline_with_em_dash_and_date_only_hint() -> None:
    """AP writes "BEIJING (AP) —" with no date; a date-only hint is midnight in the outlet's zone."""
    meta = extract_meta("BEIJING (AP) — China said Friday it was studying the proposal closely.",
                        url="https://apnews.com/article/china-proposal-1", published="2009-12-19")
    assert meta.outlet == "Associated Press"
    assert meta.dateline is not None
    assert (meta.dateline.place, meta.dateline.date, meta.dateline.agency) == ("Beijing", None, "Associated Press")
    assert meta.published == datetime.fromisoformat("2009-12-19T00:00:00-05:00")
    assert meta.body == "BEIJING (AP) — China said Friday it was studying the proposal closely."


def test_multiword_place_without_agency() -> None:
    """"UNITED NATIONS, Dec. 3 —" gives a title-cased place and a date, and no agency."""
    meta = extract_meta("UNITED NATIONS, Dec. 3 — The council met behind closed doors, diplomats said.",
                        url="https://www.nytimes.com/2009/12/04/world/council.html", published="2009-12-04")
    assert meta.outlet == "The New York Times"
    assert meta.dateline is not None
    assert (meta.dateline.place, meta.dateline.date, meta.dateline.agency) == ("United Nations", date(2009, 12, 3), None)


def test_title_case_afp_dateline_with_printed_zone() -> None:
    """AFP writes "Seoul, December 18 (AFP) -"; a zone printed in the hint ("EST") is kept."""
    meta = extract_meta("Seoul, December 18 (AFP) - South Korea said it would study the offer carefully.",
                        published="Dec 19, 2009 4:12pm EST")
    assert meta.outlet == "Agence France-Presse"
    assert meta.dateline is not None
    assert (meta.dateline.place, meta.dateline.date, meta.dateline.agency) == ("Seoul", date(2009, 12, 18), "Agence France-Presse")
    assert meta.published == datetime.fromisoformat("2009-12-19T16:12:00-05:00")
    assert meta.published.utcoffset() == EST


def test_pipe_dateline_gives_place_only() -> None:
    """Korean papers write "SEOUL |" with neither date nor agency."""
    meta = extract_meta("SEOUL | The ruling party proposed a new bill on Monday, lawmakers said.",
                        url="http://www.koreaherald.com/view.php?ud=1")
    assert meta.dateline is not None
    assert (meta.dateline.place, meta.dateline.date, meta.dateline.agency) == ("Seoul", None, None)
    assert meta.outlet == "The Korea Herald"


@pytest.mark.parametrize(
    ("url", "line", "expected", "offset"),
    [
        ("http://www.donga.com/en/article/1", "01:52 December 19, 2009", "2009-12-19T01:52:00", KST),
        ("http://www.koreaherald.com/view.php?ud=2", "Updated: 2009-12-19 10:31 KST", "2009-12-19T10:31:00", KST),
        ("https://www.washingtontimes.com/news/1", "Updated: 2009-12-19 10:31 KST", "2009-12-19T10:31:00", KST),
        ("https://www.bbc.co.uk/news/world-1", "Published 19 December 2009 14:05 GMT", "2009-12-19T14:05:00", timedelta(0)),
        ("https://www.washingtontimes.com/news/2", "Dec 19, 2009 4:12pm EST", "2009-12-19T16:12:00", EST),
        ("http://www.koreatimes.co.kr/www/nation/1", "Posted September. 26, 2009 07:51", "2009-09-26T07:51:00", KST),
    ],
)
def test_publication_line_shapes(url: str, line: str, expected: str, offset: timedelta) -> None:
    """Each printed publication-time shape is parsed; a printed zone beats the outlet's home zone."""
    text = f"Ministers agree on new trade rules\n{line}\n\nThe ministers agreed on the new rules after two days of talks, officials said."
    meta = extract_meta(text, url=url)
    assert meta.published is not None
    assert meta.published.replace(tzinfo=None) == datetime.fromisoformat(expected)
    assert meta.published.utcoffset() == offset
    assert meta.title == "Ministers agree on new trade rules"
    assert meta.body == "The ministers agreed on the new rules after two days of talks, officials said."


def test_text_time_refines_date_only_hint() -> None:
    """trafilatura often gives only a date; the page's own line with a clock time on that day wins."""
    text = "Posted December 19, 2009 07:51\n\nThe ministers agreed on the new rules after two days of talks, officials said."
    meta = extract_meta(text, url="http://www.koreatimes.co.kr/www/nation/2", published="2009-12-19")
    assert meta.published == datetime.fromisoformat("2009-12-19T07:51:00+09:00")


@pytest.mark.parametrize("hint", ["0001-01-01", "1850-06-01", "3009-05-01", "not a date", "2 hours ago", "2009-02-30"])
def test_absurd_or_malformed_dates_are_dropped(hint: str) -> None:
    """Bad dates must give None rather than a wrong time or an exception."""
    text = "Posted January 1, 1850 07:51\n\nThe ministers agreed on the new rules after two days of talks, officials said."
    meta = extract_meta(text, published=hint)
    assert meta.published is None
    assert meta.body == "The ministers agreed on the new rules after two days of talks, officials said."


def test_unknown_domain_is_last_resort_and_leaves_time_naive() -> None:
    """An unknown site is named after its domain and has no home zone, so an unzoned time stays naive."""
    meta = extract_meta("Posted December 19, 2009 07:51\n\nThe council approved the budget late on Friday, members said.",
                        url="https://www.examplenews.com/2009/12/19/budget")
    assert meta.outlet == "examplenews.com"
    assert meta.published == datetime(2009, 12, 19, 7, 51)
    assert meta.published.tzinfo is None


def test_explicit_outlet_hint_wins_over_url_and_text() -> None:
    """A JSONL outlet field is the caller's word and beats every guess."""
    meta = extract_meta("© 2009 The Korea Herald\n\nThe council approved the budget late on Friday, members said.",
                        url="https://www.examplenews.com/a", outlet="Korea Times", published="2009-12-19 09:00")
    assert meta.outlet == "The Korea Times"
    assert meta.published == datetime.fromisoformat("2009-12-19T09:00:00+09:00")
    assert meta.body == "The council approved the budget late on Friday, members said."


def test_copyright_line_names_outlet() -> None:
    """A copyright footer names the publisher when nothing earlier does, and is removed."""
    text = "The council approved the budget late on Friday, members said.\n\nCopyright Yonhap News Agency"
    meta = extract_meta(text)
    assert meta.outlet == "Yonhap"
    assert meta.body == "The council approved the budget late on Friday, members said."


@pytest.mark.parametrize(
    ("line", "byline", "outlet"),
    [
        ("By Kim Soo-jin and Lee Min-ho", "Kim Soo-jin and Lee Min-ho", None),
        ("Kim Soo-jin, Staff Writer", "Kim Soo-jin", None),
        ("By Jane Doe | Reuters", "Jane Doe", "Reuters"),
        ("By JANE DOE, THE WASHINGTON TIMES", "Jane Doe", "The Washington Times"),
        ("By Park Ji-won (jwpark@example.com)", "Park Ji-won", None),
        ("By Kim Soo-jin, Lee Min-ho and Park Ji-won", "Kim Soo-jin, Lee Min-ho and Park Ji-won", None),
    ],
)
def test_byline_shapes(line: str, byline: str, outlet: str | None) -> None:
    """Bylines come in many shapes; the people are kept and roles and employers left out."""
    text = f"Council approves budget after long debate\n{line}\n\nThe council approved the budget late on Friday, members said."
    meta = extract_meta(text)
    assert meta.byline == byline
    assert meta.outlet == outlet
    assert meta.title == "Council approves budget after long debate"
    assert meta.body == "The council approved the budget late on Friday, members said."


def test_by_sentence_is_not_a_byline() -> None:
    """Prose opening with "By" ("By the end of the year ...") is body text, not a byline."""
    text = "By the end of the year, the council expects to approve the budget, members said."
    meta = extract_meta(text)
    assert meta.byline is None
    assert meta.title is None
    assert meta.body == text


def test_author_hint_loses_its_role() -> None:
    """trafilatura's author field may carry the role; the byline keeps only the person."""
    meta = extract_meta("The council approved the budget late on Friday, members said.",
                        author="Kim Soo-jin, Staff Reporter", url="http://www.koreaherald.com/view.php?ud=3")
    assert meta.byline == "Kim Soo-jin"


def test_html_body_without_header_is_left_alone() -> None:
    """Text from HTML starts with the body: with a title hint nothing may be consumed."""
    text = "Officials met on Friday\n\nThe council approved the budget late on Friday, members said."
    meta = extract_meta(text, title="Council approves budget", url="http://www.koreaherald.com/view.php?ud=4")
    assert meta.title == "Council approves budget"
    assert meta.body == text
    assert meta.dateline is None


def test_byline_and_date_on_one_pipe_separated_line() -> None:
    """Some pages print "By NAME | date" on one line; both parts must be read and the line removed."""
    text = "Talks resume in Geneva\nBy Kim Soo-jin | December 19, 2009 10:00 KST\n\nThe talks resumed on Friday after a pause of two months, officials said."
    meta = extract_meta(text)
    assert meta.byline == "Kim Soo-jin"
    assert meta.published == datetime.fromisoformat("2009-12-19T10:00:00+09:00")
    assert meta.body == "The talks resumed on Friday after a pause of two months, officials said."


def test_agency_rights_footer_is_removed_but_copyright_prose_is_not() -> None:
    """The AP rights line is chrome; a sentence that merely starts with "Copyright" is article text."""
    ap = "BEIJING (AP) — China said Friday it was studying the proposal closely.\n\nCopyright 2009 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed."
    meta = extract_meta(ap)
    assert meta.outlet == "Associated Press"
    assert meta.body == "BEIJING (AP) — China said Friday it was studying the proposal closely."
    prose = "The council met on Friday, members said.\n\nCopyright laws were changed in 2009, officials said."
    assert extract_meta(prose).body == prose


def test_title_hint_loses_site_suffix() -> None:
    """HTML titles end with " | Site name"; the headline must not carry it."""
    meta = extract_meta("The council approved the budget late on Friday, members said.",
                        title="Council approves budget | The Korea Herald", sitename="The Korea Herald")
    assert meta.title == "Council approves budget"
    assert meta.outlet == "The Korea Herald"


def test_masthead_tagline_and_related_headlines_are_not_the_headline() -> None:
    """A scraped page opens with masthead and tagline; the headline is the line just above the date and byline."""
    from storytrace.clean.meta import copyright_holder

    raw = ("Ferncombe Herald\nYour town, your news\nPettigrew's Bakery to open fourth shop, add 20 jobs\n"
           "Tuesday, December 15, 2009 at 9:14 AM\nBy Megan Ashby\n"
           "Pettigrew's Bakery, the family firm that has sold bread on the High Street since 1952, will open "
           "its fourth shop in the spring, the company said on Monday.\n(c) 2009 Ferncombe Herald. All rights reserved.")
    site = copyright_holder(raw)
    assert site == "Ferncombe Herald"
    meta = extract_meta(raw.rsplit("\n", 1)[0], sitename=site)
    assert meta.outlet == "Ferncombe Herald"
    assert meta.title == "Pettigrew's Bakery to open fourth shop, add 20 jobs"
    assert meta.byline == "Megan Ashby"
    assert meta.body.startswith("Pettigrew's Bakery, the family firm")
    assert "Your town" not in meta.body


def test_copyright_holder_variants() -> None:
    """Copyright lines name the publisher in several orders; prose starting with 'Copyright' is not one."""
    from storytrace.clean.meta import copyright_holder

    assert copyright_holder("Body.\n(c) The Northern Sentinel 2009") == "The Northern Sentinel"
    assert copyright_holder("Body.\nCopyright (c) 2009 The Seoul Tribune. All rights reserved.") == "The Seoul Tribune"
    assert copyright_holder("Body.\ncopyright laws changed in 2009 and publishers objected.") is None


def test_dateline_length_marks_only_real_datelines() -> None:
    """The dateline prefix is measured so statements can start after it; ordinary openings measure 0."""
    from storytrace.clean.meta import dateline_length

    text = "BEIJING, Dec. 17 (Yonhap) -- President Tomas Arendt proposed"
    assert text[dateline_length(text):] == "President Tomas Arendt proposed"
    assert dateline_length("President Tomas Arendt proposed") == 0
