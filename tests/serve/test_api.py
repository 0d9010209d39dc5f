"""The REST API against a real `storytrace serve` process on loopback, over the example corpus."""

from __future__ import annotations

import http.server
import shutil
import socket
import threading
import xml.etree.ElementTree as ET

import httpx
import pytest

LIAISON = "liaison office"


def get(base: str, path: str, **params) -> httpx.Response:
    return httpx.get(base + path, params=params, timeout=30)


def assert_error(response: httpx.Response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}, body
    assert body["error"]["code"] == code and body["error"]["message"]
    return body["error"]["message"]


@pytest.fixture(scope="module")
def liaison(server) -> dict:
    stories = get(server, "/api/stories", limit=500).json()["items"]
    return max(stories, key=lambda s: len(s["article_ids"]))


def test_openapi_lists_every_resource_and_docs_work_offline(server):
    """The OpenAPI schema covers each resource, and /docs loads Swagger UI from this server, not a CDN."""
    paths = get(server, "/openapi.json").json()["paths"]
    for resource in ("articles", "stories", "statements", "claims", "disputes", "entities", "search", "export"):
        assert f"/api/{resource}" in paths, resource
    assert "post" in paths["/api/articles"]
    docs = get(server, "/docs").text
    assert "/docs-assets/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    assert get(server, "/docs-assets/swagger-ui-bundle.js").status_code == 200


def test_story_list_has_outlets_and_dispute_counts(liaison):
    """The liaison story gathers its seven articles from six outlets and carries its disputes."""
    assert LIAISON in liaison["title"]
    assert len(liaison["article_ids"]) == 7
    assert {"Yonhap", "The Capitol Ledger", "Associated Press"} <= set(liaison["outlets"])
    assert liaison["dispute_count"] >= 2


def test_story_detail_has_a_dated_timeline_claims_and_disputes(server, liaison):
    """One story's timeline is in date order; its disputes name statements of that story."""
    detail = get(server, f"/api/stories/{liaison['id']}").json()
    articles = {a["id"]: a for a in detail["articles"]}
    days = [s["said_on"] or articles[s["article_id"]]["dateline"]["date"] or articles[s["article_id"]]["published"][:10]
            for s in detail["timeline"]]
    assert days == sorted(days) and len(set(days)) >= 3
    timeline_ids = {s["id"] for s in detail["timeline"]}
    assert any(d["kind"] == "denial" for d in detail["disputes"])
    for dispute in detail["disputes"]:
        assert set(dispute["statement_ids"]) <= timeline_ids
    assert any(c["status"] == "disputed" for c in detail["claims"])


def test_filters_narrow_every_listing(server, liaison):
    """Outlet, speaker, polarity, date range, status and kind filters return only what they name."""
    denials = get(server, "/api/statements", polarity="denies", limit=500).json()
    assert denials["total"] > 0 and all(s["polarity"] == "denies" for s in denials["items"])
    yonhap = get(server, "/api/statements", outlet="yonhap", limit=500).json()["items"]
    yonhap_articles = {a["id"] for a in get(server, "/api/articles", outlet="Yonhap").json()["items"]}
    assert yonhap and {s["article_id"] for s in yonhap} <= yonhap_articles and len(yonhap_articles) == 2
    ellery = get(server, "/api/statements", speaker="Ellery").json()["items"]
    assert ellery and all("Ellery" in s["speaker"]["name"] for s in ellery)
    august = get(server, "/api/statements", since="2009-08-01", until="2009-08-31", limit=500).json()["items"]
    assert august and all(s["said_on"] is None or s["said_on"].startswith("2009-08") for s in august)
    in_dec = get(server, "/api/stories", since="2009-12-17", until="2009-12-17").json()["items"]
    assert liaison["id"] in {s["id"] for s in in_dec}
    assert all(s["last_seen"] >= "2009-12-17" and s["first_seen"] <= "2009-12-17" for s in in_dec)
    disputed = get(server, "/api/claims", status="disputed").json()["items"]
    assert disputed and all(c["status"] == "disputed" for c in disputed)
    denial_disputes = get(server, "/api/disputes", kind="denial", story_id=liaison["id"]).json()["items"]
    assert denial_disputes and all(d["kind"] == "denial" for d in denial_disputes)


def test_pagination_is_stable_and_complete(server):
    """Pages of three walk every statement once, in the same order as one big page, with a constant total."""
    everything = get(server, "/api/statements", limit=500).json()
    ids, offset = [], 0
    while offset < everything["total"]:
        page = get(server, "/api/statements", limit=3, offset=offset).json()
        assert page["total"] == everything["total"] and page["limit"] == 3 and page["offset"] == offset
        ids += [s["id"] for s in page["items"]]
        offset += 3
    assert ids == [s["id"] for s in everything["items"]] and len(set(ids)) == len(ids)
    again = get(server, f"/api/statements/{ids[5]}").json()
    assert again == everything["items"][5]


def test_single_resources_by_stable_id(server, liaison):
    """Articles, claims, disputes and entities are fetched by the ids the listings give."""
    article = get(server, f"/api/articles/{liaison['article_ids'][0]}").json()
    for s in article["statements"]:
        assert article["text"][s["start"]:s["end"]] == s["text"]
    dispute = get(server, "/api/disputes", kind="denial").json()["items"][0]
    detail = get(server, f"/api/disputes/{dispute['id']}").json()
    assert [s["id"] for s in detail["statements"]] == dispute["statement_ids"]
    assert detail["statements"][0]["polarity"] == "denies"
    claim = get(server, f"/api/claims/{dispute['claim_id']}").json()
    assert set(dispute["statement_ids"]) <= set(claim["statement_ids"])
    [entity] = [e for e in get(server, "/api/entities", name="Nathan Ellery").json()["items"] if e["type"] == "PERSON"]
    assert get(server, f"/api/entities/{entity['id']}").json()["name"] == "Nathan Ellery"


def test_each_dispute_says_why_and_its_statements_carry_cue_span_and_chain(server, liaison):
    """Every dispute carries its confidence, its rule with each side's cue, and (a denial) the articles reporting
    it, the denial's own first; its detail gives each side's cue, span and chain; the story detail carries the same."""
    disputes = get(server, "/api/disputes", limit=100).json()["items"]
    assert {d["kind"] for d in disputes} == {"denial", "contradiction"}
    for dispute in disputes:
        assert 0 < dispute["confidence"] < 1 and dispute["evidence"]["rule"] in {"cue", "words", "stance", "figures"}
        sides = get(server, f"/api/disputes/{dispute['id']}").json()["statements"][:2]
        assert dispute["evidence"]["cues"] == [s["cue"] for s in sides]
        assert all(s["chain"] and 0 <= s["start"] < s["end"] for s in sides)
        reporters = [r["article_id"] for r in dispute["reported_by"]]
        if dispute["kind"] == "denial":
            assert reporters[0] == sides[0]["article_id"] and len(set(reporters)) == len(reporters)
        else:
            assert dispute["evidence"]["rule"] == "figures" and reporters == []
    denial = next(d for d in disputes if "presidential office" in d["explanation"] and d["kind"] == "denial")
    assert {"Yonhap", "Associated Press"} <= {r["outlet"] for r in denial["reported_by"]}
    in_story = get(server, f"/api/stories/{liaison['id']}").json()["disputes"]
    assert next(d for d in in_story if d["id"] == denial["id"]) == denial


def test_an_article_without_a_date_has_null_dates(server, undated):
    """An undated article is served with null dates (never a made-up one), and so is its story."""
    found = get(server, "/api/search", q="kayakers").json()
    article_id = next(h["id"] for h in found if h["kind"] == "article")
    article = get(server, f"/api/articles/{article_id}").json()
    assert (article["published"], article["dateline"]["date"], article["source"]) == (None, None, undated["url"])
    story = next(s for s in get(server, "/api/stories", limit=500).json()["items"] if article_id in s["article_ids"])
    assert (story["first_seen"], story["last_seen"]) == (None, None)


def test_search_finds_articles_and_statements(server):
    """Full-text search returns both kinds of hit with the match marked."""
    hits = get(server, "/api/search", q="liaison office", limit=50).json()
    assert {h["kind"] for h in hits} == {"article", "statement"}
    assert all("[" in h["snippet"] for h in hits)


def test_exports_over_http(server):
    """The API serves the GraphML attribution graph and ClaimReview JSON-LD."""
    graphml = get(server, "/api/export", format="graphml")
    assert graphml.headers["content-type"].startswith("application/graphml+xml")
    ET.fromstring(graphml.content)
    reviews = get(server, "/api/export", format="claimreview").json()
    assert reviews["@context"] == "https://schema.org" and reviews["@graph"]


def test_every_error_has_the_one_shape(server):
    """Unknown ids and routes, bad parameters and wrong methods all answer {"error": {code, message}}."""
    assert "nope" in assert_error(get(server, "/api/stories/nope"), 404, "not_found")
    assert_error(get(server, "/api/nothing-here"), 404, "not_found")
    assert "limit" in assert_error(get(server, "/api/statements", limit=0), 422, "invalid_request")
    assert "polarity" in assert_error(get(server, "/api/statements", polarity="maybe"), 422, "invalid_request")
    assert "after" in assert_error(get(server, "/api/articles", since="2010-01-01", until="2009-01-01"), 422,
                                   "invalid_request")
    assert_error(get(server, "/api/search"), 422, "invalid_request")
    assert_error(get(server, "/api/export", format="csv", table="nope"), 422, "invalid_request")
    assert_error(httpx.delete(server + "/api/stories", timeout=30), 405, "method_not_allowed")


AGENCY = """Harbour pilots vote to strike at Port of Garrow

GARROW, Dec. 16 -- Harbour pilots at the Port of Garrow voted on Wednesday to strike from next Monday over
staffing levels, their union said.

"Ships will not move in or out of Garrow without a pilot," said Fergus Rae, the union's regional organiser.
He said the port authority had ignored three warnings about fatigue among its pilots.

A spokeswoman for the port authority declined to comment on the vote.
"""


class _Page(http.server.BaseHTTPRequestHandler):
    """Serves one article page at /article.html and 404 elsewhere (a stand-in for a news site)."""

    def do_GET(self) -> None:
        if self.path != "/article.html":
            self.send_error(404)
            return
        html = ("<html><head><title>Ferry crews accept pay offer</title></head><body><article>"
                "<h1>Ferry crews accept pay offer</h1><p>Ferry crews on the Garrow Island route accepted a new pay "
                "offer on Thursday, ending a dispute that had cancelled sailings for a week, their union said.</p>"
                "<p>\"This is a fair deal and our members have backed it,\" said Isla Munro, the union's branch "
                "secretary. She said the first sailings would leave on Friday morning.</p></article></body></html>")
        body = html.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def writable(example_db, tmp_path_factory, start_server):
    """A server of its own over another copy of the corpus, since these tests add articles; it may fetch from
    this machine (the test-only allowance), since the test's news site runs on 127.0.0.1."""
    db = tmp_path_factory.mktemp("write") / "copy.db"
    shutil.copy(example_db, db)
    with start_server(db, env={"STORYTRACE_ALLOW_PRIVATE_URLS": "1"}) as base:
        yield base


def post(base: str, content: bytes | str, content_type: str) -> httpx.Response:
    return httpx.post(base + "/api/articles", content=content, headers={"Content-Type": content_type}, timeout=300)


def test_post_text_adds_once_then_reports_a_duplicate(writable):
    """A bare text/plain article is analysed and stored (201); the same text again stores nothing (200)."""
    first = post(writable, AGENCY, "text/plain")
    assert first.status_code == 201, first.text
    [article_id] = first.json()["added"]
    article = get(writable, f"/api/articles/{article_id}").json()
    assert any(s["speaker"]["name"] == "Fergus Rae" for s in article["statements"])
    again = post(writable, AGENCY, "text/plain; charset=utf-8")
    assert again.status_code == 200 and again.json()["added"] == [] and len(again.json()["duplicates"]) == 1


def test_post_json_and_url_list(writable):
    """JSON bodies carry articles inline or URLs; a text/uri-list is fetched; a dead URL is named as skipped."""
    site = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    threading.Thread(target=site.serve_forever, daemon=True).start()
    page_url = f"http://127.0.0.1:{site.server_address[1]}/article.html"
    try:
        listed = post(writable, f"# one page\n{page_url}\n", "text/uri-list")
        assert listed.status_code == 201, listed.text
        article = get(writable, f"/api/articles/{listed.json()['added'][0]}").json()
        assert article["title"] == "Ferry crews accept pay offer" and article["source"] == page_url
        mixed = httpx.post(writable + "/api/articles", timeout=300, json={
            "articles": [{"text": AGENCY.replace("Garrow", "Kessling"), "outlet": "Kessling Evening Post",
                          "published": "2009-12-16T18:00:00+00:00"}],
            "urls": [page_url.replace("article", "missing")]})
        assert mixed.status_code == 201, mixed.text
        body = mixed.json()
        assert len(body["added"]) == 1 and body["skipped"][0]["reason"] == "HTTP 404"
        assert get(writable, f"/api/articles/{body['added'][0]}").json()["outlet"] == "Kessling Evening Post"
    finally:
        site.shutdown()


def test_post_bad_input_gets_clear_4xx(writable):
    """Malformed JSON, missing fields, empty bodies, unusable articles and unknown types are 4xx, one shape."""
    assert_error(post(writable, "{not json", "application/json"), 422, "invalid_request")
    assert "at least one" in assert_error(post(writable, "{}", "application/json"), 422, "invalid_request")
    assert "exactly one" in assert_error(post(writable, '{"articles": [{"title": "x"}]}', "application/json"), 422,
                                         "invalid_request")
    assert_error(post(writable, '{"articles": [], "extra": 1}', "application/json"), 422, "invalid_request")
    assert "empty body" in assert_error(post(writable, "   ", "text/plain"), 422, "no_usable_article")
    assert "words of article text" in assert_error(post(writable, "Too short.", "text/plain"), 422,
                                                   "no_usable_article")
    assert_error(post(writable, b"\x89PNG\r\n\x1a\n" + bytes(300), "text/plain"), 422, "no_usable_article")
    assert_error(post(writable, "a,b", "text/csv"), 415, "unsupported_media_type")
    assert_error(post(writable, "# nothing\n", "text/uri-list"), 422, "invalid_request")


def _ferry_article(place: str) -> str:
    return (f"Ferry crews strike at {place}\n\n{place.upper()}, Dec. 18 -- Ferry crews at {place} walked out on "
            f"Friday over rosters, their union said.\n\n\"We gave the company every chance,\" said Rhona Kerr, the "
            f"union's organiser at {place}. She said sailings would stop until the rosters were withdrawn.\n\n"
            f"The ferry company said it regretted the action and would run a reduced timetable.")


def test_a_slow_request_body_holds_no_lock(writable):
    """While one client trickles a POST body, another client's article is analysed and stored (201)."""
    host, port = writable.removeprefix("http://").split(":")
    slow = socket.create_connection((host, int(port)), timeout=30)
    try:
        slow.sendall(b"POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
                     b"Content-Length: 100000\r\n\r\nHarbour pilots")
        added = post(writable, _ferry_article("Brackwater"), "text/plain")
        assert added.status_code == 201, added.text
    finally:
        slow.close()


def test_reads_are_answered_while_articles_are_added(writable):
    """GETs made while a POST is analysing and storing articles answer at once, not after the POST."""
    outcome = {}

    def writer() -> None:
        body = {"articles": [{"text": _ferry_article(place)} for place in ("Kessling", "Aldwick", "Ferncombe")]}
        outcome["status"] = httpx.post(writable + "/api/articles", json=body, timeout=600).status_code

    thread = threading.Thread(target=writer)
    thread.start()
    latencies = []
    while thread.is_alive() and len(latencies) < 500:
        response = httpx.get(writable + "/api/stories", params={"limit": 5}, timeout=60)
        assert response.status_code == 200
        latencies.append(response.elapsed.total_seconds())
    thread.join()
    assert outcome["status"] == 201
    assert len(latencies) >= 3 and max(latencies) < 5, latencies
