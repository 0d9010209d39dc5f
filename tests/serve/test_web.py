"""The web UI in Debian's chromium, driven by Playwright, against a real server over the example corpus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not CHROMIUM.exists(),
                                 reason="Debian's chromium is not installed at /usr/bin/chromium "
                                        "(apt-get install chromium)")]


@pytest.fixture(scope="module")
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page that records every dialog (an alert() would mean injected script ran) and script error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.dialogs, page.errors = [], []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    context.close()


def open_liaison_story(page, server: str) -> None:
    """Go to the story list and follow the link of the story with the most disputes, as a reader would."""
    page.goto(server + "/")
    rows = page.locator("table.stories tbody tr")
    counts = [int(rows.nth(i).locator("td").last.inner_text()) for i in range(rows.count())]
    rows.nth(counts.index(max(counts))).locator("a").click()
    page.wait_for_load_state()
    assert "liaison office" in page.locator("h1.story-title").inner_text()


def test_story_page_timeline_is_in_date_order(page, server):
    """The story's timeline shows its statements day by day, earliest first, each with its chain drawn."""
    open_liaison_story(page, server)
    days = page.locator("ol.timeline > li.day").evaluate_all("els => els.map(e => e.dataset.day)")
    assert len(days) >= 3 and all(days) and days == sorted(days) and len(set(days)) == len(days)
    assert days[0] <= "2009-12-17" <= days[-1]  # the first report is of Dec. 17; some statements recall earlier days
    first_day = page.locator("ol.timeline > li.day").first
    assert first_day.locator("article.statement").count() >= 1
    headings = page.locator("ol.timeline > li.day h3 time").all_inner_texts()
    assert headings[days.index("2009-12-18")] == "Fri 18 Dec 2009"
    chain = page.locator("ol.timeline svg.chain").filter(has=page.locator("g.intermediary")).first
    labels = [t.strip() for t in chain.locator("g.node text").all_text_contents()]
    assert len(labels) >= 3 and labels[0] in {"The Capitol Ledger", "The Seoul Tribune", "The Meridian Post"}


def test_dispute_card_sets_two_statements_side_by_side(page, server):
    """A denial card shows the denial and the denied report next to each other, evidence marked, explained."""
    open_liaison_story(page, server)
    card = page.locator("section.dispute.denial").filter(has_text="presidential office").first
    left = card.locator(".side.left article.statement")
    right = card.locator(".side.right article.statement")
    assert left.count() == 1 and right.count() == 1
    assert left.locator(".stance").inner_text().lower() == "denies"
    assert right.locator(".stance").inner_text().lower() in {"asserts", "confirms"}
    for side in (left, right):
        assert side.locator("blockquote.evidence mark.said").inner_text().strip()
        assert side.locator("svg.chain g.node").count() >= 2
    lbox, rbox = left.bounding_box(), right.bounding_box()
    assert lbox["x"] + lbox["width"] <= rbox["x"] and abs(lbox["y"] - rbox["y"]) < 5
    denied = card.locator(".side.right mark.said").inner_text()
    assert "liaison office" in denied
    assert "denies" in card.locator("p.explanation").inner_text()


def test_dispute_card_says_how_far_to_trust_it_and_who_reports_the_denial(page, server):
    """Under the explanation: the confidence with the rule behind it, and every article that reports the denial,
    each a link to its page."""
    open_liaison_story(page, server)
    card = page.locator("section.dispute.denial").filter(has_text="presidential office").first
    trust = card.locator("p.trust")
    confidence = float(trust.get_attribute("data-confidence"))
    assert 0 < confidence < 1 and trust.inner_text().startswith(f"confidence {confidence:.2f}")
    assert "a denial" in trust.inner_text()
    reporters = card.locator("p.reported-by .reporter")
    assert reporters.count() >= 3 and {"Yonhap", "Associated Press"} <= set(reporters.all_inner_texts())
    reporters.filter(has_text="Associated Press").locator("a").click()
    page.wait_for_load_state()
    assert page.locator(".facts dd").first.inner_text() == "Associated Press"


def test_an_article_without_a_date_says_date_unknown_on_every_page(page, server, undated):
    """The story list, the story page (its dates, the timeline, the article list) and the article page say "date
    unknown" for an undated article; no date is shown for it anywhere."""
    page.goto(server + "/")
    row = page.locator("table.stories tbody tr").filter(has_text=undated["title"])
    assert [row.locator("td").nth(i).inner_text() for i in (3, 4)] == ["date unknown", "date unknown"]
    row.locator("a").click()
    page.wait_for_load_state()
    assert page.locator("p.sub .date-unknown").count() == 2
    assert page.locator("ol.timeline > li.day h3").all_inner_texts() == ["date unknown"]
    listed = page.locator("ul.articles li")
    assert "date unknown" in listed.inner_text() and page.locator("main time").count() == 0
    assert listed.locator("a.original").get_attribute("href") == undated["url"]
    listed.locator("a").first.click()
    page.wait_for_load_state()
    facts = dict(zip(page.locator(".facts dt").all_inner_texts(), page.locator(".facts dd").all_inner_texts()))
    assert facts["published"] == "date unknown" and page.locator("main time").count() == 0


def test_script_in_an_article_is_shown_as_text_and_never_run(page, server, hostile):
    """A <script> in a title and in the text, and an onerror handler, appear as text on every page showing them."""
    found = httpx.get(server + "/api/search", params={"q": "mooring fees"}, timeout=30).json()
    article_id = next(h["id"] for h in found if h["kind"] == "article")
    story_id = httpx.get(server + "/api/stories", params={"limit": 500}, timeout=30).json()["items"]
    story_id = next(s["id"] for s in story_id if article_id in s["article_ids"])
    for path in (f"/articles/{article_id}", f"/stories/{story_id}", "/", "/search?q=harbour+board",
                 "/speakers?name=Moira+Tulloch"):
        page.goto(server + path)
        assert page.evaluate("typeof window.__pwned") == "undefined", path
        assert page.locator("script").count() == 0, path
        assert page.locator("main img").count() == 0, path
    page.goto(server + f"/articles/{article_id}")
    assert page.locator("h1.article-title").inner_text() == hostile["title"]
    text = page.locator(".article-body .text").inner_text()
    assert "<script>window.__pwned = 2</script>" in text
    assert '<img src=x onerror="window.__pwned = 3">' in text
    assert page.locator(".facts dd").first.inner_text() == "Garrow <b>Gazette</b>"
    quoted = page.locator("mark.said").filter(has_text="We had no choice")
    assert "<script>" in quoted.inner_text()
    assert page.dialogs == [] and page.errors == []


def test_article_page_highlights_statements_and_speaker_page_collects_them(page, server):
    """Each statement is marked in the article text; the speaker page lists what one speaker said across stories."""
    page.goto(server + "/speakers?name=Ellery")
    cards = page.locator("article.statement")
    assert cards.count() >= 2
    assert all("Ellery" in name for name in page.locator("article.statement .meta .speaker").all_inner_texts())
    cards.first.locator(".source a").click()
    page.wait_for_load_state()
    listed = page.locator("aside.statements article.statement").evaluate_all(
        "els => els.map(e => e.dataset.statementId)")
    anchored = page.locator(".article-body .text .anchor").evaluate_all("els => els.map(e => e.id.slice(3))")
    assert listed and sorted(listed) == sorted(anchored)
    marked = set(page.locator(".article-body .text mark.said").evaluate_all(
        "els => els.map(e => e.dataset.statementId)"))
    assert marked and marked <= set(listed)
    target = page.evaluate("location.hash")
    assert target.startswith("#st-") and page.locator(target).count() == 1


def test_api_docs_render_their_operations_offline(page, server):
    """/docs draws every resource's operations with the packaged Swagger UI (it cannot read an OpenAPI 3.1 label)."""
    page.goto(server + "/docs")
    page.wait_for_selector(".opblock", timeout=30_000)
    assert "Unable to render this definition" not in page.content()
    paths = page.locator(".opblock-summary-path").evaluate_all("els => els.map(e => e.textContent)")
    assert "/api/stories" in paths and "/api/articles" in paths


ADDED_ARTICLE = """Ferry operator denies it will cut winter sailings

HARROWAY, Jan. 8 -- The Harroway ferry operator on Thursday denied a report that it would cut its winter
sailings to the outer islands, saying the timetable would stay as published. "No sailing will be cut this
winter," a spokeswoman for the operator said. The Island Courier had reported on Wednesday, citing two crew
members, that the last evening crossing would be dropped from February because of staff shortages.
"""


def test_add_page_takes_pasted_text_and_uploaded_files(page, tmp_path, start_server):
    """A reader pastes one article and uploads a bad file: the result names what was added and what was skipped."""
    empty = tmp_path / "blank.txt"
    empty.write_text("")
    with start_server(tmp_path / "added.db") as base:
        page.goto(base + "/")
        page.get_by_role("link", name="Add").click()
        page.fill("textarea[name=text]", ADDED_ARTICLE)
        page.set_input_files("input[name=files]", str(empty))
        page.get_by_role("button", name="Add").click()
        page.wait_for_selector(".add-report")
        assert "Added 1 article(s); 0 already stored; 1 skipped." in page.locator(".add-report .summary").inner_text()
        assert "blank.txt: empty file" in page.locator(".add-report .skipped").inner_text()
        page.locator(".add-report .added a").first.click()
        page.wait_for_load_state()
        assert "ferry operator" in page.locator(".article-body").inner_text().lower()
