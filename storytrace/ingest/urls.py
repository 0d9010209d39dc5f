"""Articles from URLs: `storytrace add URL...`, `.urls` list files and the REST API all fetch through here.

Only http(s) to public addresses is fetched. The address check happens when a connection is opened, on the
address the connection then uses: a host that resolves to a loopback, private, link-local or reserved address
(including one a redirect points to, or one a DNS answer switches to after a first check) is refused. Redirects
are followed by hand so each hop's scheme is checked too. A page has a size limit (`Settings.max_bytes`) and the
whole fetch, redirects included, a time limit. `Settings.allow_private_urls` lifts the address check (tests
against a local server, or a newsroom's own intranet)."""

from __future__ import annotations

import ipaddress
import re
import socket
import time
from collections.abc import Iterable, Iterator
from typing import Any

from storytrace.errors import ExtractionRejected, IngestError
from storytrace.ingest.decode import decode_bytes
from storytrace.model import RawArticle
from storytrace.settings import Settings

# A file of these suffixes lists URLs to fetch, one a line ('#' starts a comment line). Only these: a .txt file
# is an article in scraped text, and guessing from its content would turn an article into fetches.
URL_LIST_SUFFIXES = {".urls"}
SCHEMES = ("http", "https")
# News sites redirect once or twice (http -> https, www, a canonical path); more is a loop or a trap.
MAX_REDIRECTS = 5
CONNECT_TIMEOUT_S = 10.0
# Longest wait for the next bytes of a response.
READ_TIMEOUT_S = 15.0
# Longest a whole fetch may take, redirects included: a server trickling bytes cannot hold a batch for long.
FETCH_DEADLINE_S = 60.0
_REDIRECTS = {301, 302, 303, 307, 308}
_HEADERS = [(b"User-Agent", b"storytrace"), (b"Accept", b"text/html, text/plain;q=0.9, */*;q=0.5"),
            (b"Accept-Encoding", b"identity")]
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")


def is_url(text: str | object) -> bool:
    """True for anything written as `scheme://...` (http, https, but also file:// and others, refused later)."""
    return isinstance(text, str) and bool(_SCHEME.match(text))


def parse_url_list(text: str) -> list[str]:
    """The URLs of a list (a `.urls` file, an RFC 2483 text/uri-list): one a line, '#' lines are comments."""
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def fetch_urls(urls: Iterable[str], settings: Settings) -> Iterator[RawArticle | IngestError]:
    """Each URL fetched in turn as a RawArticle, or the IngestError saying why it was not."""
    import httpcore

    urls = list(urls)
    if not urls:
        return
    with httpcore.ConnectionPool(network_backend=_address_guard(settings.allow_private_urls),
                                 max_connections=4) as pool:
        for url in urls:
            yield _fetch(url, settings, pool)


def _fetch(url: str, settings: Settings, pool: Any) -> RawArticle | IngestError:
    """One URL as a RawArticle (kind from the Content-Type), or an IngestError naming the reason."""
    try:
        data, content_type, final = _get(url, settings, pool)
    except IngestError as exc:
        return exc
    if not data.strip():
        return ExtractionRejected(url, "empty page")
    try:
        text = decode_bytes(data, url)
    except IngestError as exc:
        return exc
    kind = "text" if content_type.startswith("text/plain") else "html"
    return RawArticle(source=url, content=text, kind=kind, url=final)


def _get(url: str, settings: Settings, pool: Any) -> tuple[bytes, str, str]:
    """Body, Content-Type and final URL of a GET, redirects followed and every limit applied."""
    import httpcore
    import httpx

    deadline = time.monotonic() + FETCH_DEADLINE_S
    try:
        target = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise IngestError(url, f"not a valid URL ({exc})") from None
    for hop in range(MAX_REDIRECTS + 1):
        where = f" (redirected to {target})" if hop else ""
        if target.scheme not in SCHEMES:
            raise IngestError(url, f"only http(s) URLs are fetched, not {target.scheme}://{where}")
        if not target.host:
            raise IngestError(url, "the URL names no host")
        remaining = deadline - time.monotonic()
        timeout = {"connect": min(CONNECT_TIMEOUT_S, remaining), "read": min(READ_TIMEOUT_S, remaining),
                   "write": min(READ_TIMEOUT_S, remaining), "pool": min(CONNECT_TIMEOUT_S, remaining)}
        try:
            with pool.stream("GET", str(target), headers=_HEADERS, extensions={"timeout": timeout}) as response:
                headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in response.headers}
                if response.status in _REDIRECTS and "location" in headers:
                    try:
                        target = target.join(headers["location"])
                    except (httpx.InvalidURL, ValueError) as exc:
                        raise IngestError(url, f"redirected to an invalid URL ({exc})") from None
                    continue
                if response.status >= 400:
                    raise IngestError(url, f"HTTP {response.status}")
                length = headers.get("content-length", "")
                if length.isdigit() and int(length) > settings.max_bytes:
                    raise ExtractionRejected(url, f"page larger than {settings.max_bytes:,} bytes")
                data = _read_limited(response, url, settings.max_bytes, deadline)
                return data, headers.get("content-type", "text/html").lower(), str(target)
        except _RefusedAddress as exc:
            raise IngestError(url, f"refused: {exc}{where}; only public addresses are fetched") from None
        except httpcore.TimeoutException:
            raise IngestError(url, "timed out") from None
        except (httpcore.NetworkError, httpcore.ProtocolError, httpcore.UnsupportedProtocol,
                httpcore.ProxyError, OSError) as exc:
            raise IngestError(url, f"cannot fetch ({type(exc).__name__}: {exc or 'no detail'})") from None
    raise IngestError(url, f"more than {MAX_REDIRECTS} redirects")


def _read_limited(response: Any, url: str, limit: int, deadline: float) -> bytes:
    chunks, size = [], 0
    for chunk in response.iter_stream():
        size += len(chunk)
        if size > limit:
            raise ExtractionRejected(url, f"page larger than {limit:,} bytes")
        if time.monotonic() > deadline:
            raise IngestError(url, f"took longer than {FETCH_DEADLINE_S:.0f} s")
        chunks.append(chunk)
    return b"".join(chunks)


class _RefusedAddress(Exception):
    """A connection was about to reach an address that is not public."""


def refusal(address: str) -> str | None:
    """What kind of address `address` (an IP address) is when it must not be fetched from ("a loopback
    address"), or None when it is a public unicast address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        # IPv4 inside IPv6 (mapped, 6to4, NAT64) reaches that IPv4 address: judge it instead.
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            return refusal(str(embedded))
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_multicast:
        return "a multicast address"
    if not ip.is_global:
        return "a private or reserved address"
    return None


_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def _address_guard(allow_private: bool) -> Any:
    """An httpcore network backend that resolves the host itself and connects only to a checked address."""
    import httpcore

    class AddressGuard(httpcore.SyncBackend):
        def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                        local_address: str | None = None, socket_options: Any = None) -> Any:
            try:
                infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            except (socket.gaierror, UnicodeError) as exc:
                raise httpcore.ConnectError(f"cannot resolve {host} ({exc})") from None
            addresses = list(dict.fromkeys(info[4][0] for info in infos))
            if not allow_private:
                # Every answer must be public: a host answering with one public and one internal address
                # could otherwise be reached at the internal one by a later connection.
                for address in addresses:
                    kind = refusal(address)
                    if kind:
                        raise _RefusedAddress(f"{address} is {kind}" if address == host
                                              else f"{host} resolves to {address}, {kind}")
            last: Exception | None = None
            for address in addresses:
                try:
                    return super().connect_tcp(address, port, timeout, local_address, socket_options)
                except httpcore.ConnectError as exc:
                    last = exc
            raise last or httpcore.ConnectError(f"no address for {host}")

    return AddressGuard()
