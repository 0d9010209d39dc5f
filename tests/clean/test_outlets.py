"""Outlet table lookups: by web address, by name or alias, and inside copyright holders."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from storytrace.clean.outlets import OUTLETS, outlet_from_name, outlet_from_url, outlet_in_text


@pytest.mark.parametrize(
    ("url", "name", "zone"),
    [
        ("https://www.reuters.com/world/asia-pacific/story-idUSKBN1", "Reuters", "Europe/London"),
        ("http://english.yonhapnews.co.kr/national/2009/09/25/0301000000AEN.HTML", "Yonhap", "Asia/Seoul"),
        ("https://en.yna.co.kr/view/AEN20091218000100315", "Yonhap", "Asia/Seoul"),
        ("http://www.koreaherald.com/view.php?ud=20091219000012", "The Korea Herald", "Asia/Seoul"),
        ("https://m.washingtontimes.com/news/2009/dec/18/liaison/", "The Washington Times", "America/New_York"),
        ("https://apnews.com/article/abc", "Associated Press", "America/New_York"),
        ("koreajoongangdaily.joins.com/news/article/article.aspx?aid=1", "JoongAng Daily", "Asia/Seoul"),
    ],
)
def test_outlet_from_url_matches_host_and_parent_domains(url: str, name: str, zone: str) -> None:
    """Subdomains (www., m., english.) must resolve to the outlet that owns the domain."""
    outlet = outlet_from_url(url)
    assert outlet is not None
    assert outlet.name == name
    assert outlet.timezone == zone


def test_unknown_domain_gives_none_unless_fallback_is_asked() -> None:
    """A made-up domain is not a known outlet; the fallback names it after the bare domain."""
    assert outlet_from_url("https://www.examplenews.com/2009/12/19/story") is None
    fallback = outlet_from_url("https://www.examplenews.com/2009/12/19/story", fallback=True)
    assert fallback is not None
    assert fallback.name == "examplenews.com"
    assert fallback.kind == "unknown"
    assert fallback.timezone is None


@pytest.mark.parametrize("url", ["", "not a url", "http://", "file:///tmp/article.txt", "http://[::1"])
def test_outlet_from_url_never_raises_on_junk(url: str) -> None:
    """Ingest passes whatever URL field it found; junk must give None, not an exception."""
    assert outlet_from_url(url) is None
    assert outlet_from_url(url, fallback=True) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("AP", "Associated Press"),
        ("associated press", "Associated Press"),
        ("The Associated Press", "Associated Press"),
        ("AFP", "Agence France-Presse"),
        ("Agence France-Presse", "Agence France-Presse"),
        ("Yonhap News Agency", "Yonhap"),
        ("Korea Herald", "The Korea Herald"),
        ("THE WASHINGTON TIMES", "The Washington Times"),
        ("Korea JoongAng Daily", "JoongAng Daily"),
        ("The Dong-A Ilbo", "Dong-A Ilbo"),
        ("Al Jazeera", "Al Jazeera"),
        ("koreaherald.com", "The Korea Herald"),
        ("dpa", "dpa"),
    ],
)
def test_outlet_from_name_resolves_aliases_case_insensitively(text: str, name: str) -> None:
    """Datelines, bylines and sitenames spell outlets many ways; all must meet one canonical name."""
    outlet = outlet_from_name(text)
    assert outlet is not None
    assert outlet.name == name


def test_outlet_kinds_distinguish_agencies() -> None:
    """Attribution chains treat agencies differently from the papers that carry their copy."""
    assert outlet_from_name("Reuters").kind == "agency"
    assert outlet_from_name("Kyodo").kind == "agency"
    assert outlet_from_name("The New York Times").kind == "newspaper"
    assert outlet_from_name("BBC").kind == "broadcaster"


@pytest.mark.parametrize("text", ["", "Kim Soo-jin", "Staff Reporter", "officials said", "x" * 500])
def test_outlet_from_name_rejects_non_outlets(text: str) -> None:
    """People, roles and prose must not be mistaken for outlets."""
    assert outlet_from_name(text) is None


@pytest.mark.parametrize(
    ("holder", "name"),
    [
        ("Thomson Reuters", "Reuters"),
        ("The Washington Times, LLC", "The Washington Times"),
        ("The New York Times Company", "The New York Times"),
        ("Yonhap News Agency", "Yonhap"),
        ("Herald Corporation", "The Korea Herald"),
    ],
)
def test_outlet_in_text_reads_copyright_holders(holder: str, name: str) -> None:
    """Copyright lines name the company, not the masthead; the outlet inside must still be found."""
    outlet = outlet_in_text(holder)
    assert outlet is not None
    assert outlet.name == name


def test_outlet_in_text_ignores_short_aliases_inside_words() -> None:
    """"AP" or "FT" inside a longer holder phrase must not match by accident."""
    assert outlet_in_text("Happy Software Ltd.") is None


def test_table_is_consistent() -> None:
    """Every zone must load and no alias or domain may point at two outlets."""
    aliases: dict[str, str] = {}
    domains: dict[str, str] = {}
    for outlet in OUTLETS:
        assert outlet.timezone is not None
        ZoneInfo(outlet.timezone)
        for alias in (outlet.name, *outlet.aliases):
            key = alias.lower().removeprefix("the ")
            assert aliases.setdefault(key, outlet.name) == outlet.name, alias
        for domain in outlet.domains:
            assert domains.setdefault(domain, outlet.name) == outlet.name, domain
    assert 200 <= len(OUTLETS) <= 400
