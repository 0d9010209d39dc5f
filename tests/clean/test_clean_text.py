"""Tests of boilerplate removal from scraped plain text and of encoding repair."""

from __future__ import annotations

from storytrace.clean.text import clean_scraped_text, label_lines, repair_text

ARTICLE = [
    "The city council of Millbrook voted on Tuesday to close the old river bridge to all motor traffic after engineers found deep cracks in two of its supporting piers.",
    "Mayor Ellen Porter said the decision had not been taken lightly, because the bridge carries about nine thousand cars a day between the two halves of the town.",
    "\u201cWe cannot ask people to drive over a structure that our own engineers no longer trust,\u201d Porter told reporters outside the town hall.",
    "A temporary ferry service for pedestrians and cyclists will start next Monday, and buses will be rerouted over the motorway bridge ten kilometres to the north.",
    "Shop owners on Bridge Street warned that the closure could cost them a large part of their trade during the busy autumn market season.",
    "The council expects a report on the cost of repairs by the end of the year and has asked the regional government for emergency funding.",
]

CHROME = [
    "Home | World | Politics | Sports | Business | Weather",
    "Menu",
    "Search",
    "Share this article",
    "Tweet",
    "Email",
    "Send feedback",
    "Report an error",
    "Related articles",
    "Click here to read more",
    "Comments are moderated and will appear after review. Please keep the discussion civil.",
    "\u00a9 2009 Millbrook Gazette. All rights reserved.",
    "Reprinting without permission prohibited.",
    "This site uses cookies to improve your experience.",
    "Advertisement",
    "Impressum | Datenschutz | Kontakt | AGB",
]

PAGE = "\n".join(
    [
        "Millbrook Gazette",
        CHROME[0],
        CHROME[1],
        CHROME[2],
        "Council closes river bridge after engineers find cracks",
        "By Tom Fielding",
        "Posted September. 26, 2009 07:51",
        CHROME[3],
        CHROME[4],
        CHROME[5],
        ARTICLE[0],
        ARTICLE[1],
        CHROME[14],
        ARTICLE[2],
        ARTICLE[3],
        ARTICLE[4],
        ARTICLE[5],
        CHROME[6],
        CHROME[7],
        CHROME[8],
        "Flood warnings issued for the lower valley",
        "School bus timetable changes from October",
        "New library opens its doors in Eastfield",
        CHROME[9],
        CHROME[10],
        CHROME[12],
        CHROME[11],
        CHROME[13],
        CHROME[15],
    ]
)


def test_every_article_sentence_survives() -> None:
    """Recall comes first: losing a sentence of the article is the worst failure of the cleaner."""
    cleaned = clean_scraped_text(PAGE)
    for sentence in ARTICLE:
        assert sentence in cleaned


def test_site_chrome_is_removed() -> None:
    """Menus, share widgets, legal lines and the comment policy must not reach attribution."""
    cleaned = clean_scraped_text(PAGE)
    for line in CHROME:
        assert line not in cleaned, line


def test_other_headlines_are_removed() -> None:
    """A list of other stories after the article would be read as part of it."""
    cleaned = clean_scraped_text(PAGE)
    assert "Flood warnings issued" not in cleaned
    assert "New library opens" not in cleaned


def test_headline_byline_and_dateline_are_kept() -> None:
    """The meta stage parses headline, byline and dateline from the clean text."""
    cleaned = clean_scraped_text(PAGE)
    assert "Council closes river bridge after engineers find cracks" in cleaned
    assert "By Tom Fielding" in cleaned
    assert "Posted September. 26, 2009 07:51" in cleaned


def test_paragraphs_are_separated_by_blank_lines() -> None:
    """Later stages split paragraphs on blank lines."""
    cleaned = clean_scraped_text(PAGE)
    assert ARTICLE[0] + "\n\n" + ARTICLE[1] in cleaned


def test_german_chrome_is_removed() -> None:
    """The evaluation corpus is mostly German; its widgets and legal lines must go too."""
    body = (
        "Die Stadtverwaltung hat am Dienstag beschlossen, die alte Brücke über den Fluss für den Autoverkehr zu sperren, "
        "nachdem Gutachter tiefe Risse in zwei Pfeilern gefunden hatten."
    )
    page = "\n".join(["Startseite", "Teilen", "Drucken", body, body.replace("Dienstag", "Mittwoch"),
                      "Das könnte Sie auch interessieren", "Alle Rechte vorbehalten.", "Impressum"])
    cleaned = clean_scraped_text(page)
    assert body in cleaned
    for chrome in ("Startseite", "Teilen", "Drucken", "interessieren", "Alle Rechte", "Impressum"):
        assert chrome not in cleaned


def test_empty_and_chrome_only_input() -> None:
    """A page with no prose yields no text rather than its menus."""
    assert clean_scraped_text("") == ""
    assert clean_scraped_text("Home\nNews\nSport\nShare\nTweet") == ""


def test_label_lines_explains_decisions() -> None:
    """label_lines is how a developer sees why a line was dropped; it must agree with the cleaner."""
    kept = [line.text for line in label_lines(PAGE) if line.keep]
    assert "\n\n".join(kept) == clean_scraped_text(PAGE)


def test_repair_text_fixes_mojibake() -> None:
    """UTF-8 read as cp1252 ("CafÃ©") is common in scraped text and breaks names."""
    assert repair_text("CafÃ© in MÃ¼nchen") == "Café in München"
    assert repair_text("Café in München") == "Café in München"


def test_hard_wrapped_paragraphs_are_joined_back() -> None:
    """Text dumps wrap lines mid-sentence; a sentence split over two paragraphs would confuse the parser."""
    raw = ("WASHINGTON, Dec. 18 (Yonhap) -- Norland's presidential office on Friday denied it had proposed a liaison\n"
           "office in Veskaria in a letter to the country's leadership, officials in the capital said on Friday.\n\n"
           "\"No such proposal has been made,\" said Nathan Ellery, deputy spokesman for the security council.\n")
    paragraphs = clean_scraped_text(raw).split("\n\n")
    assert paragraphs[0].endswith("proposed a liaison office in Veskaria in a letter to the country's leadership, "
                                  "officials in the capital said on Friday.")
    assert len(paragraphs) == 2


def test_related_headlines_above_the_byline_are_dropped() -> None:
    """Headline-like lines listed under 'Related News' are teasers, not the article's headline."""
    raw = ("Reuters\nHome | Business | Markets | World | Politics | Technology\n"
           "Norland port strike strands ships, threatens holiday imports\nMon Dec 14, 2009 5:02pm EST\n"
           "Share this\nRelated News\nNorland retail sales rise 1.2 pct in November\n"
           "Shipping rates firm as Asia-Europe demand recovers\nBy Daniel Achebe\n\n"
           + ("BRACKWATER, Norland, Dec 14 (Reuters) - A strike by dockworkers at the port left more than a dozen "
              "container ships waiting offshore on Monday and threatened to delay holiday imports, agents said.\n\n") * 3)
    cleaned = clean_scraped_text(raw)
    assert "Norland port strike strands ships" in cleaned
    assert "Mon Dec 14, 2009 5:02pm EST" in cleaned
    assert "retail sales" not in cleaned and "Shipping rates" not in cleaned
