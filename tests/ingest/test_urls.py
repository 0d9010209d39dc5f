"""URL fetching (storytrace.ingest.urls) against a real HTTP server on 127.0.0.1: public addresses only unless
the test-only allowance is on; redirects re-checked; size limits; `.urls` files and URL arguments through ingest."""

from __future__ import annotations

import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator

import pytest

from storytrace.errors import IngestError
from storytrace.ingest import iter_inputs
from storytrace.ingest.urls import MAX_REDIRECTS, fetch_urls, is_url, parse_url_list, refusal
from storytrace.model import RawArticle
from storytrace.settings import Settings

PAGE = ("<html><head><title>Ferry crews accept pay offer</title></head><body><article><h1>Ferry crews accept pay "
        "offer</h1><p>Ferry crews on the Garrow Island route accepted a new pay offer on Thursday, ending a dispute "
        "that had cancelled sailings for a week, their union said.</p><p>\"This is a fair deal and our members "
        "have backed it,\" said Isla Munro, the union's branch secretary. She said the first sailings would leave "
        "on Friday morning.</p></article></body></html>").encode()
ALLOWED = Settings(allow_private_urls=True)


class _Site(http.server.BaseHTTPRequestHandler):
    """A small news site: /article.html, /plain.txt, /big.html, redirects (/hop/N, /to-file), 404 elsewhere."""

    def do_GET(self) -> None:
        if self.path == "/article.html":
            return self._send(PAGE, "text/html; charset=utf-8")
        if self.path == "/plain.txt":
            return self._send(b"Ferry crews accept pay offer\n\nFerry crews accepted a new offer.", "text/plain")
        if self.path == "/big.html":
            return self._send(b"<p>" + b"word " * 4000 + b"</p>", "text/html")
        if self.path.startswith("/hop/"):
            left = int(self.path.rsplit("/", 1)[1])
            return self._redirect(f"/hop/{left - 1}" if left else "/article.html")
        if self.path == "/to-file":
            return self._redirect("file:///etc/passwd")
        self.send_error(404)

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def fetch_one(url: str, settings: Settings = ALLOWED) -> RawArticle | IngestError:
    [result] = list(fetch_urls([url], settings))
    return result


def test_loopback_and_localhost_are_refused_by_default(site):
    """Without the allowance, a URL on this machine is never fetched, by address or by name."""
    for url in (f"{site}/article.html", site.replace("127.0.0.1", "localhost") + "/article.html"):
        result = fetch_one(url, Settings())
        assert isinstance(result, IngestError) and "loopback" in result.reason and "refused" in result.reason


def test_private_link_local_and_reserved_addresses_are_refused():
    """Every non-public address class is named; IPv4 hidden in IPv6 is judged as the IPv4 it reaches."""
    assert refusal("127.0.0.1") == refusal("::1") == refusal("::ffff:127.0.0.1") == "a loopback address"
    assert refusal("169.254.169.254") == refusal("fe80::1") == "a link-local address"
    for address in ("10.1.2.3", "192.168.0.1", "172.16.0.1", "100.64.0.1", "0.0.0.0", "fc00::1",
                    "64:ff9b::a01:203", "2002:c0a8:1::1"):
        assert refusal(address) == "a private or reserved address", address
    assert refusal("224.0.0.1") == "a multicast address"
    assert refusal("93.184.216.34") is None and refusal("2606:2800:220:1::1") is None


def test_fetch_with_the_allowance_reads_page_and_kind(site):
    """With the test allowance, a page is fetched as HTML and a text/plain one as text, each keeping its URL."""
    page = fetch_one(f"{site}/article.html")
    assert isinstance(page, RawArticle) and page.kind == "html" and page.url == f"{site}/article.html"
    assert "Isla Munro" in page.content
    plain = fetch_one(f"{site}/plain.txt")
    assert isinstance(plain, RawArticle) and plain.kind == "text"


def test_redirects_are_followed_and_rechecked(site):
    """A short redirect chain is followed; a redirect to file:// is refused, and so is an endless chain."""
    followed = fetch_one(f"{site}/hop/2")
    assert isinstance(followed, RawArticle) and followed.url == f"{site}/article.html"
    to_file = fetch_one(f"{site}/to-file")
    assert isinstance(to_file, IngestError) and "file://" in to_file.reason and "redirected" in to_file.reason
    assert "redirects" in fetch_one(f"{site}/hop/{MAX_REDIRECTS + 2}").reason


def test_bad_urls_and_limits_get_a_reason(site):
    """file://, other schemes, HTTP errors and pages over the size limit each get a one-line reason."""
    assert "only http(s)" in fetch_one("file:///etc/passwd").reason
    assert "only http(s)" in fetch_one("gopher://example.org/").reason
    assert fetch_one(f"{site}/missing").reason == "HTTP 404"
    assert "larger than" in fetch_one(f"{site}/big.html", Settings(allow_private_urls=True, max_bytes=1000)).reason


def test_url_arguments_and_url_list_files_go_through_ingest(site, tmp_path):
    """`add URL` and a `.urls` file (comments and blank lines skipped) read the same pages as fetching does."""
    listing = tmp_path / "reading.urls"
    listing.write_text(f"# weekend reading\n\n{site}/article.html\n{site}/missing\n")
    assert parse_url_list(listing.read_text()) == [f"{site}/article.html", f"{site}/missing"]
    assert is_url(f"{site}/x") and is_url("file:///etc/passwd") and not is_url(str(listing))
    results = list(iter_inputs([str(listing), f"{site}/plain.txt"], ALLOWED))
    assert [type(r) for r in results] == [RawArticle, IngestError, RawArticle]
    assert results[0].url == f"{site}/article.html" and results[1].reason == "HTTP 404"
    refused = list(iter_inputs([str(listing)], Settings()))
    assert all(isinstance(r, IngestError) and "loopback" in r.reason for r in refused) and len(refused) == 2


@pytest.mark.slow
def test_cli_add_url(site, tmp_path):
    """`storytrace add URL` stores the fetched page; without the allowance it exits 3 naming the refusal."""
    db = tmp_path / "urls.db"
    env = {**os.environ, "STORYTRACE_ALLOW_PRIVATE_URLS": "1", "STORYTRACE_N_PROCESS": "1"}
    added = subprocess.run([sys.executable, "-m", "storytrace", "add", "--quiet", "--db", str(db),
                            f"{site}/article.html"], capture_output=True, text=True, timeout=600, env=env)
    assert added.returncode == 0 and "added 1 article" in added.stdout, added.stderr
    env.pop("STORYTRACE_ALLOW_PRIVATE_URLS")
    refused = subprocess.run([sys.executable, "-m", "storytrace", "add", "--quiet", "--db", str(db),
                              f"{site}/plain.txt"], capture_output=True, text=True, timeout=600, env=env)
    assert refused.returncode == 3 and "loopback" in refused.stderr, refused.stderr
