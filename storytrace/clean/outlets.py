"""A small curated table of news outlets and agencies, looked up by web address or by name.

The table gives clean.meta three things it cannot guess from an article alone: the canonical
name of the publisher (so "AP", "The Associated Press" and apnews.com are one outlet), whether
it is an agency (whose copy other outlets carry), and its home time zone (to place a printed
time that names no zone).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal
from urllib.parse import urlsplit

OutletKind = Literal["agency", "newspaper", "broadcaster", "magazine", "online", "unknown"]


@dataclass(frozen=True)
class Outlet:
    name: str  # canonical name, as shown in attribution chains
    kind: OutletKind
    timezone: str | None  # IANA zone of the newsroom; None when unknown
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()


def _o(name: str, kind: OutletKind, tz: str, aliases: tuple[str, ...], domains: tuple[str, ...]) -> Outlet:
    return Outlet(name=name, kind=kind, timezone=tz, aliases=aliases, domains=domains)


_SEOUL, _TOKYO, _BEIJING = "Asia/Seoul", "Asia/Tokyo", "Asia/Shanghai"
_NY, _LONDON, _PARIS = "America/New_York", "Europe/London", "Europe/Paris"

OUTLETS: tuple[Outlet, ...] = (
    # News agencies: their tags appear in datelines ("SEOUL, Sept. 25 (Yonhap) --").
    _o("Reuters", "agency", _LONDON, ("Thomson Reuters", "Reuters News"), ("reuters.com",)),
    _o("Associated Press", "agency", _NY, ("AP", "The Associated Press", "AP News"), ("apnews.com", "ap.org")),
    _o("Agence France-Presse", "agency", _PARIS, ("AFP", "Agence France Presse", "France-Presse", "France Presse"), ("afp.com",)),
    _o("Yonhap", "agency", _SEOUL, ("Yonhap News Agency", "Yonhap News", "Yonhap News TV"), ("yna.co.kr", "yonhapnews.co.kr", "yonhapnewstv.co.kr")),
    _o("Xinhua", "agency", _BEIJING, ("Xinhua News Agency", "New China News Agency", "Xinhuanet"), ("xinhuanet.com", "news.cn")),
    _o("Kyodo", "agency", _TOKYO, ("Kyodo News", "Kyodo News Agency"), ("kyodonews.net", "kyodonews.jp")),
    _o("KCNA", "agency", "Asia/Pyongyang", ("Korean Central News Agency",), ("kcna.kp",)),
    _o("dpa", "agency", "Europe/Berlin", ("Deutsche Presse-Agentur", "Deutsche Presse Agentur"), ("dpa.com", "dpa-international.com")),
    _o("Bloomberg", "agency", _NY, ("Bloomberg News", "Bloomberg L.P."), ("bloomberg.com",)),
    _o("United Press International", "agency", _NY, ("UPI",), ("upi.com",)),
    _o("TASS", "agency", "Europe/Moscow", ("ITAR-TASS", "Itar-Tass"), ("tass.com", "tass.ru")),
    _o("RIA Novosti", "agency", "Europe/Moscow", ("RIA",), ("ria.ru",)),
    _o("Interfax", "agency", "Europe/Moscow", (), ("interfax.com", "interfax.ru")),
    _o("ANSA", "agency", "Europe/Rome", (), ("ansa.it",)),
    _o("EFE", "agency", "Europe/Madrid", ("Agencia EFE",), ("efe.com",)),
    _o("Jiji Press", "agency", _TOKYO, ("Jiji",), ("jiji.com",)),
    _o("Press Trust of India", "agency", "Asia/Kolkata", ("PTI",), ("ptinews.com",)),
    _o("Asian News International", "agency", "Asia/Kolkata", ("ANI",), ("aninews.in",)),
    _o("Anadolu Agency", "agency", "Europe/Istanbul", ("Anadolu",), ("aa.com.tr",)),
    _o("Central News Agency", "agency", "Asia/Taipei", ("Focus Taiwan",), ("focustaiwan.tw", "cna.com.tw")),
    _o("Australian Associated Press", "agency", "Australia/Sydney", ("AAP",), ("aap.com.au",)),
    _o("The Canadian Press", "agency", "America/Toronto", ("Canadian Press",), ("thecanadianpress.com",)),
    _o("Dow Jones Newswires", "agency", _NY, ("Dow Jones",), ("dowjones.com",)),
    _o("Newsis", "agency", _SEOUL, (), ("newsis.com",)),
    _o("News1", "agency", _SEOUL, ("News1 Korea",), ("news1.kr",)),
    _o("Bernama", "agency", "Asia/Kuala_Lumpur", (), ("bernama.com",)),
    _o("Antara", "agency", "Asia/Jakarta", ("Antara News",), ("antaranews.com",)),
    # Korea
    _o("The Korea Herald", "newspaper", _SEOUL, ("Korea Herald", "Herald Corporation"), ("koreaherald.com",)),
    _o("The Korea Times", "newspaper", _SEOUL, ("Korea Times",), ("koreatimes.co.kr",)),
    _o("JoongAng Daily", "newspaper", _SEOUL, ("Korea JoongAng Daily", "JoongAng Ilbo", "Joongang Daily"), ("koreajoongangdaily.joins.com", "joins.com", "joongang.co.kr")),
    _o("Dong-A Ilbo", "newspaper", _SEOUL, ("The Dong-A Ilbo", "Donga Ilbo", "DongA Ilbo"), ("donga.com",)),
    _o("The Chosun Ilbo", "newspaper", _SEOUL, ("Chosun Ilbo", "Chosun"), ("chosun.com",)),
    _o("The Hankyoreh", "newspaper", _SEOUL, ("Hankyoreh",), ("hani.co.kr",)),
    _o("Rodong Sinmun", "newspaper", "Asia/Pyongyang", (), ("rodong.rep.kp",)),
    _o("NK News", "online", _SEOUL, (), ("nknews.org",)),
    _o("Daily NK", "online", _SEOUL, (), ("dailynk.com",)),
    _o("KBS", "broadcaster", _SEOUL, ("Korean Broadcasting System", "KBS World"), ("kbs.co.kr",)),
    _o("MBC", "broadcaster", _SEOUL, ("Munhwa Broadcasting Corporation",), ("imbc.com",)),
    _o("Arirang", "broadcaster", _SEOUL, ("Arirang TV", "Arirang News"), ("arirang.com", "arirang.co.kr")),
    # Japan, China, rest of Asia
    _o("The Japan Times", "newspaper", _TOKYO, ("Japan Times",), ("japantimes.co.jp",)),
    _o("The Asahi Shimbun", "newspaper", _TOKYO, ("Asahi Shimbun", "Asahi"), ("asahi.com",)),
    _o("The Yomiuri Shimbun", "newspaper", _TOKYO, ("Yomiuri Shimbun", "Yomiuri", "The Japan News"), ("yomiuri.co.jp",)),
    _o("The Mainichi", "newspaper", _TOKYO, ("Mainichi Shimbun", "Mainichi"), ("mainichi.jp",)),
    _o("Nikkei", "newspaper", _TOKYO, ("Nikkei Asia", "Nikkei Asian Review", "Nihon Keizai Shimbun"), ("nikkei.com",)),
    _o("NHK", "broadcaster", _TOKYO, ("NHK World", "Japan Broadcasting Corporation"), ("nhk.or.jp",)),
    _o("China Daily", "newspaper", _BEIJING, (), ("chinadaily.com.cn",)),
    _o("Global Times", "newspaper", _BEIJING, (), ("globaltimes.cn",)),
    _o("People's Daily", "newspaper", _BEIJING, ("People's Daily Online", "Renmin Ribao"), ("people.com.cn", "people.cn")),
    _o("CGTN", "broadcaster", _BEIJING, ("China Global Television Network", "CCTV"), ("cgtn.com", "cctv.com")),
    _o("South China Morning Post", "newspaper", "Asia/Hong_Kong", ("SCMP",), ("scmp.com",)),
    _o("The Straits Times", "newspaper", "Asia/Singapore", ("Straits Times",), ("straitstimes.com",)),
    _o("CNA", "broadcaster", "Asia/Singapore", ("Channel NewsAsia", "Channel News Asia"), ("channelnewsasia.com",)),
    _o("The Times of India", "newspaper", "Asia/Kolkata", ("Times of India",), ("indiatimes.com",)),
    _o("The Hindu", "newspaper", "Asia/Kolkata", (), ("thehindu.com",)),
    # United States
    _o("The New York Times", "newspaper", _NY, ("New York Times", "NYT", "NY Times"), ("nytimes.com",)),
    _o("The Washington Post", "newspaper", _NY, ("Washington Post",), ("washingtonpost.com",)),
    _o("The Washington Times", "newspaper", _NY, ("Washington Times",), ("washingtontimes.com",)),
    _o("The Wall Street Journal", "newspaper", _NY, ("Wall Street Journal", "WSJ"), ("wsj.com",)),
    _o("USA Today", "newspaper", _NY, (), ("usatoday.com",)),
    _o("Los Angeles Times", "newspaper", "America/Los_Angeles", ("LA Times", "L.A. Times"), ("latimes.com",)),
    _o("Chicago Tribune", "newspaper", "America/Chicago", (), ("chicagotribune.com",)),
    _o("The Boston Globe", "newspaper", _NY, ("Boston Globe",), ("bostonglobe.com",)),
    _o("The Christian Science Monitor", "newspaper", _NY, ("Christian Science Monitor",), ("csmonitor.com",)),
    _o("Politico", "online", _NY, (), ("politico.com", "politico.eu")),
    _o("The Hill", "newspaper", _NY, (), ("thehill.com",)),
    _o("Axios", "online", _NY, (), ("axios.com",)),
    _o("HuffPost", "online", _NY, ("Huffington Post", "The Huffington Post"), ("huffpost.com", "huffingtonpost.com")),
    _o("Newsweek", "magazine", _NY, (), ("newsweek.com",)),
    _o("Time", "magazine", _NY, ("Time magazine",), ("time.com",)),
    _o("Foreign Policy", "magazine", _NY, (), ("foreignpolicy.com",)),
    _o("CNN", "broadcaster", _NY, ("Cable News Network", "CNN International"), ("cnn.com",)),
    _o("Fox News", "broadcaster", _NY, ("Fox News Channel",), ("foxnews.com",)),
    _o("NBC News", "broadcaster", _NY, ("NBC",), ("nbcnews.com",)),
    _o("CBS News", "broadcaster", _NY, ("CBS",), ("cbsnews.com",)),
    _o("ABC News", "broadcaster", _NY, ("ABC",), ("abcnews.go.com", "abcnews.com")),
    _o("CNBC", "broadcaster", _NY, (), ("cnbc.com",)),
    _o("NPR", "broadcaster", _NY, ("National Public Radio",), ("npr.org",)),
    _o("Voice of America", "broadcaster", _NY, ("VOA", "VOA News"), ("voanews.com",)),
    _o("Radio Free Asia", "broadcaster", _NY, ("RFA",), ("rfa.org",)),
    # Europe, Middle East, Oceania
    _o("BBC", "broadcaster", _LONDON, ("BBC News", "British Broadcasting Corporation", "BBC World Service"), ("bbc.co.uk", "bbc.com")),
    _o("Sky News", "broadcaster", _LONDON, (), ("news.sky.com",)),
    _o("The Guardian", "newspaper", _LONDON, ("Guardian", "The Observer"), ("theguardian.com", "guardian.co.uk")),
    _o("The Times", "newspaper", _LONDON, ("The Times of London", "The Sunday Times"), ("thetimes.co.uk", "thetimes.com")),
    _o("The Daily Telegraph", "newspaper", _LONDON, ("The Telegraph", "Daily Telegraph"), ("telegraph.co.uk",)),
    _o("The Independent", "newspaper", _LONDON, ("Independent",), ("independent.co.uk",)),
    _o("Financial Times", "newspaper", _LONDON, ("FT", "The Financial Times"), ("ft.com",)),
    _o("The Economist", "magazine", _LONDON, ("Economist",), ("economist.com",)),
    _o("Daily Mail", "newspaper", _LONDON, ("Mail Online", "MailOnline"), ("dailymail.co.uk",)),
    _o("Le Monde", "newspaper", _PARIS, (), ("lemonde.fr",)),
    _o("France 24", "broadcaster", _PARIS, ("France24",), ("france24.com",)),
    _o("Euronews", "broadcaster", _PARIS, (), ("euronews.com",)),
    _o("Der Spiegel", "magazine", "Europe/Berlin", ("Spiegel", "Spiegel Online"), ("spiegel.de",)),
    _o("Deutsche Welle", "broadcaster", "Europe/Berlin", ("DW",), ("dw.com",)),
    _o("RT", "broadcaster", "Europe/Moscow", ("Russia Today",), ("rt.com",)),
    _o("Al Jazeera", "broadcaster", "Asia/Qatar", ("Al Jazeera English", "Aljazeera"), ("aljazeera.com", "aljazeera.net")),
    _o("Al Arabiya", "broadcaster", "Asia/Dubai", (), ("alarabiya.net",)),
    _o("Haaretz", "newspaper", "Asia/Jerusalem", (), ("haaretz.com",)),
    _o("The Jerusalem Post", "newspaper", "Asia/Jerusalem", ("Jerusalem Post",), ("jpost.com",)),
    _o("The Sydney Morning Herald", "newspaper", "Australia/Sydney", ("Sydney Morning Herald", "SMH"), ("smh.com.au",)),
    _o("Australian Broadcasting Corporation", "broadcaster", "Australia/Sydney", ("ABC Australia", "ABC News Australia"), ("abc.net.au",)),
)

# Host prefixes that say nothing about the outlet ("www.reuters.com" is reuters.com).
_HOST_NOISE = re.compile(r"^(?:www\d*|m|mobile|amp|edition|english|en|news)\.")
_NAME_PUNCT = re.compile(r"[\s\u00a0]+")
_DOMAIN_LIKE = re.compile(r"^(?:https?://)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/.*)?$", re.IGNORECASE)


def _name_key(text: str) -> str:
    """Lower-case, collapse spaces, drop a leading "the" and trailing punctuation, so that
    "The Korea Herald", "korea herald" and "Korea  Herald." share one key."""
    key = _NAME_PUNCT.sub(" ", text).strip().strip(".,;:|-–—").strip().lower()
    key = key.replace("’", "'")
    return key[4:] if key.startswith("the ") else key


@lru_cache(maxsize=1)
def _indexes() -> tuple[dict[str, Outlet], dict[str, Outlet]]:
    """Build the name and domain indexes once, on first use (not at import time)."""
    by_name: dict[str, Outlet] = {}
    by_domain: dict[str, Outlet] = {}
    for outlet in OUTLETS:
        for alias in (outlet.name, *outlet.aliases):
            by_name.setdefault(_name_key(alias), outlet)
        for domain in outlet.domains:
            by_domain[domain] = outlet
    return by_name, by_domain


def _host(url: str) -> str | None:
    """The lower-case host of a URL (scheme optional), or None when it has none."""
    text = url.strip()
    if "://" not in text:
        text = "http://" + text
    try:
        host = urlsplit(text).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host.lower().rstrip(".")


def outlet_from_url(url: str, *, fallback: bool = False) -> Outlet | None:
    """The outlet publishing at `url`, matching the host or any parent domain against the table.

    With `fallback`, an unknown host still gives an outlet named after its domain
    ("www.examplenews.com" -> "examplenews.com", kind "unknown", no time zone).
    """
    host = _host(url)
    if host is None:
        return None
    _, by_domain = _indexes()
    labels = host.split(".")
    # Try "english.yonhapnews.co.kr", then "yonhapnews.co.kr", then "co.kr" (never in the table).
    for start in range(len(labels) - 1):
        outlet = by_domain.get(".".join(labels[start:]))
        if outlet is not None:
            return outlet
    if not fallback:
        return None
    readable = host
    while _HOST_NOISE.match(readable) and readable.count(".") > 1:
        readable = _HOST_NOISE.sub("", readable, count=1)
    return Outlet(name=readable, kind="unknown", timezone=None, domains=(host,))


def outlet_from_name(text: str) -> Outlet | None:
    """The outlet whose name or alias is `text` (case-insensitive, "The" optional), or one
    whose domain it is ("koreaherald.com", as trafilatura's sitename sometimes gives)."""
    if not text or len(text) > 120:
        return None
    by_name, _ = _indexes()
    outlet = by_name.get(_name_key(text))
    if outlet is None and _DOMAIN_LIKE.match(text.strip()):
        outlet = outlet_from_url(text)
    return outlet


# Company suffixes on copyright holders ("The Washington Times, LLC").
_COMPANY_SUFFIX = re.compile(r"[,\s]+(?:llc|inc|ltd|limited|corp|corporation|company|co|plc|gmbh|s\.a)\.?$", re.IGNORECASE)


def outlet_in_text(text: str) -> Outlet | None:
    """The outlet named inside a short phrase such as a copyright holder ("Thomson Reuters",
    "Yonhap News Agency. All rights reserved"): an exact alias first, then the longest alias
    found as whole words."""
    holder = _COMPANY_SUFFIX.sub("", text.strip())
    outlet = outlet_from_name(text) or outlet_from_name(holder)
    if outlet is not None:
        return outlet
    by_name, _ = _indexes()
    key = " " + re.sub(r"[^\w'&-]+", " ", holder.lower()).strip() + " "
    best: tuple[int, Outlet] | None = None
    for alias, candidate in by_name.items():
        # Short aliases ("ap", "ft", "rt") only count as a whole phrase, never inside one.
        if len(alias) < 4:
            continue
        if f" {alias} " in key and (best is None or len(alias) > best[0]):
            best = (len(alias), candidate)
    return best[1] if best else None
