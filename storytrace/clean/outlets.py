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
    parent: str | None = None  # the owning company, which copyright lines often name instead of the site


def _o(name: str, kind: OutletKind, tz: str, aliases: tuple[str, ...], domains: tuple[str, ...],
       parent: str | None = None) -> Outlet:
    return Outlet(name=name, kind=kind, timezone=tz, aliases=aliases, domains=domains, parent=parent)


_SEOUL, _TOKYO, _BEIJING = "Asia/Seoul", "Asia/Tokyo", "Asia/Shanghai"
_NY, _LONDON, _PARIS = "America/New_York", "Europe/London", "Europe/Paris"
_LA, _CHICAGO, _SYDNEY, _TORONTO = "America/Los_Angeles", "America/Chicago", "Australia/Sydney", "America/Toronto"
_CONDE, _DOTDASH, _MEDIANEWS, _HEARST = "Condé Nast", "Dotdash Meredith", "MediaNews Group", "Hearst"
_DOW_JONES, _NEWS_CORP, _VOX, _FUTURE = "Dow Jones & Company", "News Corp", "Vox Media", "Future plc"
_REACH, _POSTMEDIA, _NEXSTAR = "Reach plc", "Postmedia Network", "Nexstar Media Group"

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
    _o("South China Morning Post", "newspaper", "Asia/Hong_Kong", ("SCMP",), ("scmp.com",), "Alibaba Group"),
    _o("The Straits Times", "newspaper", "Asia/Singapore", ("Straits Times",), ("straitstimes.com",)),
    _o("CNA", "broadcaster", "Asia/Singapore", ("Channel NewsAsia", "Channel News Asia"), ("channelnewsasia.com",)),
    _o("The Times of India", "newspaper", "Asia/Kolkata", ("Times of India",), ("indiatimes.com",)),
    _o("The Hindu", "newspaper", "Asia/Kolkata", (), ("thehindu.com",)),
    # United States
    _o("The New York Times", "newspaper", _NY, ("New York Times", "NYT", "NY Times"), ("nytimes.com",), "The New York Times Company"),
    _o("The Washington Post", "newspaper", _NY, ("Washington Post",), ("washingtonpost.com",), "WP Company"),
    _o("The Washington Times", "newspaper", _NY, ("Washington Times",), ("washingtontimes.com",)),
    _o("The Wall Street Journal", "newspaper", _NY, ("Wall Street Journal", "WSJ"), ("wsj.com",), _DOW_JONES),
    _o("USA Today", "newspaper", _NY, (), ("usatoday.com",), "Gannett"),
    _o("Los Angeles Times", "newspaper", "America/Los_Angeles", ("LA Times", "L.A. Times"), ("latimes.com",), "California Times"),
    _o("Chicago Tribune", "newspaper", "America/Chicago", (), ("chicagotribune.com",), "Tribune Publishing"),
    _o("The Boston Globe", "newspaper", _NY, ("Boston Globe",), ("bostonglobe.com",), "Boston Globe Media Partners"),
    _o("The Christian Science Monitor", "newspaper", _NY, ("Christian Science Monitor",), ("csmonitor.com",)),
    _o("Politico", "online", _NY, (), ("politico.com",)),
    _o("The Hill", "newspaper", _NY, (), ("thehill.com",), _NEXSTAR),
    _o("Axios", "online", _NY, (), ("axios.com",), "Axios Media"),
    _o("HuffPost", "online", _NY, ("Huffington Post", "The Huffington Post"), ("huffpost.com", "huffingtonpost.com"), "BuzzFeed"),
    _o("Newsweek", "magazine", _NY, (), ("newsweek.com",)),
    _o("Time", "magazine", _NY, ("Time magazine",), ("time.com",), "Time USA"),
    _o("Foreign Policy", "magazine", _NY, (), ("foreignpolicy.com",)),
    _o("CNN", "broadcaster", _NY, ("Cable News Network", "CNN International"), ("cnn.com",), "Warner Bros. Discovery"),
    _o("Fox News", "broadcaster", _NY, ("Fox News Channel",), ("foxnews.com",), "Fox Corporation"),
    _o("NBC News", "broadcaster", _NY, ("NBC",), ("nbcnews.com",), "NBCUniversal"),
    _o("CBS News", "broadcaster", _NY, ("CBS",), ("cbsnews.com",), "Paramount Global"),
    _o("ABC News", "broadcaster", _NY, ("ABC",), ("abcnews.go.com", "abcnews.com"), "ABC News Internet Ventures"),
    _o("CNBC", "broadcaster", _NY, (), ("cnbc.com",), "NBCUniversal"),
    _o("NPR", "broadcaster", _NY, ("National Public Radio",), ("npr.org",)),
    _o("Voice of America", "broadcaster", _NY, ("VOA", "VOA News"), ("voanews.com",)),
    _o("Radio Free Asia", "broadcaster", _NY, ("RFA",), ("rfa.org",)),
    # Europe, Middle East, Oceania
    _o("BBC", "broadcaster", _LONDON, ("BBC News", "British Broadcasting Corporation", "BBC World Service"), ("bbc.co.uk", "bbc.com")),
    _o("Sky News", "broadcaster", _LONDON, (), ("news.sky.com",)),
    _o("The Guardian", "newspaper", _LONDON, ("Guardian",), ("theguardian.com", "guardian.co.uk"), "Guardian News & Media"),
    _o("The Times", "newspaper", _LONDON, ("The Times of London", "The Sunday Times"), ("thetimes.co.uk", "thetimes.com"), "Times Media"),
    _o("The Daily Telegraph", "newspaper", _LONDON, ("The Telegraph", "Daily Telegraph"), ("telegraph.co.uk",), "Telegraph Media Group"),
    _o("The Independent", "newspaper", _LONDON, ("Independent",), ("independent.co.uk",), "Independent Digital News & Media"),
    _o("Financial Times", "newspaper", _LONDON, ("FT", "The Financial Times"), ("ft.com",)),
    _o("The Economist", "magazine", _LONDON, ("Economist",), ("economist.com",), "The Economist Group"),
    _o("Daily Mail", "newspaper", _LONDON, ("Mail Online", "MailOnline"), ("dailymail.co.uk",), "Associated Newspapers"),
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
    # United States: more newspapers, broadcasters, magazines and sites
    _o("New York Post", "newspaper", _NY, ("NY Post", "The New York Post"), ("nypost.com",), "NYP Holdings"),
    _o("Page Six", "online", _NY, ("PageSix",), ("pagesix.com",), "NYP Holdings"),
    _o("Barron's", "magazine", _NY, ("Barrons", "BarronsOnline", "Barron's Online"), ("barrons.com",), _DOW_JONES),
    _o("MarketWatch", "online", _NY, (), ("marketwatch.com",), _DOW_JONES),
    _o("Newsday", "newspaper", _NY, (), ("newsday.com",), "Newsday Media Group"),
    _o("New York Daily News", "newspaper", _NY, ("Daily News", "NY Daily News"), ("nydailynews.com",), "Tribune Publishing"),
    _o("New York Magazine", "magazine", _NY, ("Intelligencer", "NYMag", "New York Mag"), ("nymag.com",), _VOX),
    _o("The Verge", "online", _NY, ("Verge",), ("theverge.com",), _VOX),
    _o("Vox", "online", _NY, ("Vox.com",), ("vox.com",), _VOX),
    _o("Polygon", "online", _NY, (), ("polygon.com",), _VOX),
    _o("Eater", "online", _NY, (), ("eater.com",), _VOX),
    _o("SB Nation", "online", _NY, (), ("sbnation.com",), _VOX),
    _o("The Atlantic", "magazine", _NY, ("Atlantic",), ("theatlantic.com",), "The Atlantic Monthly Group"),
    _o("The New Yorker", "magazine", _NY, ("New Yorker",), ("newyorker.com",), _CONDE),
    _o("Wired", "magazine", _LA, ("WIRED", "Wired Magazine"), ("wired.com",), _CONDE),
    _o("Vanity Fair", "magazine", _NY, (), ("vanityfair.com",), _CONDE),
    _o("Ars Technica", "online", _NY, (), ("arstechnica.com",), _CONDE),
    _o("Vogue", "magazine", _NY, (), ("vogue.com",), _CONDE),
    _o("The New Republic", "magazine", _NY, ("New Republic", "TNR"), ("newrepublic.com",)),
    _o("Harper's Magazine", "magazine", _NY, ("Harper's", "Harpers"), ("harpers.org",), "Harper's Magazine Foundation"),
    _o("Observer", "newspaper", _NY, ("The New York Observer", "New York Observer"), ("observer.com",), "Observer Media"),
    _o("FiveThirtyEight", "online", _NY, ("538",), ("fivethirtyeight.com",), "ABC News Internet Ventures"),
    _o("ABC7 San Francisco", "broadcaster", _LA, ("ABC7 News", "KGO-TV"), ("abc7news.com",), "The Walt Disney Company"),
    _o("ABC13 Houston", "broadcaster", _CHICAGO, ("ABC13", "KTRK-TV"), ("abc13.com",), "The Walt Disney Company"),
    _o("WSVN", "broadcaster", _NY, ("WSVN 7News", "7News Miami", "WSVN-TV"), ("wsvn.com",), "Sunbeam Television"),
    _o("KXAN", "broadcaster", _CHICAGO, ("KXAN Austin", "KXAN News"), ("kxan.com",), _NEXSTAR),
    _o("Gothamist", "online", _NY, (), ("gothamist.com",), "New York Public Radio"),
    _o("City Limits", "online", _NY, (), ("citylimits.org",)),
    _o("The Intercept", "online", _NY, ("Intercept",), ("theintercept.com",), "First Look Media"),
    _o("Salon", "online", _LA, ("Salon.com",), ("salon.com",), "Salon Media Group"),
    _o("Slate", "magazine", _NY, ("Slate Magazine",), ("slate.com",), "The Slate Group"),
    _o("The Daily Beast", "online", _NY, ("Daily Beast",), ("thedailybeast.com",), "IAC"),
    _o("BuzzFeed News", "online", _NY, ("BuzzFeed",), ("buzzfeednews.com", "buzzfeed.com"), "BuzzFeed"),
    _o("Business Insider", "online", _NY, ("Insider",), ("businessinsider.com", "insider.com"), "Insider Inc."),
    _o("Yahoo News", "online", _NY, ("Yahoo",), ("news.yahoo.com", "yahoo.com"), "Yahoo"),
    _o("MSN", "online", _LA, ("MSN News",), ("msn.com",), "Microsoft"),
    _o("MSNBC", "broadcaster", _NY, (), ("msnbc.com",), "NBCUniversal"),
    _o("PBS NewsHour", "broadcaster", _NY, ("PBS", "PBS News"), ("pbs.org",)),
    _o("Mother Jones", "magazine", _LA, (), ("motherjones.com",)),
    _o("National Review", "magazine", _NY, (), ("nationalreview.com",)),
    _o("Washington Examiner", "newspaper", _NY, (), ("washingtonexaminer.com",), "Clarity Media Group"),
    _o("The Daily Caller", "online", _NY, ("Daily Caller",), ("dailycaller.com",)),
    _o("Breitbart", "online", _LA, ("Breitbart News",), ("breitbart.com",)),
    _o("Roll Call", "newspaper", _NY, (), ("rollcall.com",)),
    _o("Forbes", "magazine", _NY, (), ("forbes.com",), "Forbes Media"),
    _o("Fortune", "magazine", _NY, (), ("fortune.com",)),
    _o("TechCrunch", "online", _LA, (), ("techcrunch.com",)),
    _o("Engadget", "online", _NY, (), ("engadget.com",)),
    _o("Mashable", "online", _NY, (), ("mashable.com",), "Ziff Davis"),
    _o("PCMag", "magazine", _NY, ("PC Magazine", "PCMAG.com"), ("pcmag.com",), "Ziff Davis"),
    _o("Gizmodo", "online", _NY, (), ("gizmodo.com",)),
    _o("Threatpost", "online", _NY, (), ("threatpost.com",)),
    _o("KnowTechie", "online", _NY, (), ("knowtechie.com",)),
    _o("Boing Boing", "online", _LA, ("BoingBoing",), ("boingboing.net",), "Happy Mutants"),
    _o("Vice", "magazine", _NY, ("VICE", "Vice News", "Motherboard"), ("vice.com",), "Vice Media"),
    _o("Variety", "magazine", _LA, (), ("variety.com",), "Penske Media"),
    _o("The Hollywood Reporter", "magazine", _LA, ("Hollywood Reporter",), ("hollywoodreporter.com",), "Penske Media"),
    _o("Deadline", "online", _LA, ("Deadline Hollywood",), ("deadline.com",), "Penske Media"),
    _o("Rolling Stone", "magazine", _NY, (), ("rollingstone.com",), "Penske Media"),
    _o("People", "magazine", _NY, ("People Magazine",), ("people.com",), _DOTDASH),
    _o("InStyle", "magazine", _NY, ("In Style",), ("instyle.com",), _DOTDASH),
    _o("Real Simple", "magazine", _NY, (), ("realsimple.com",), _DOTDASH),
    _o("The Balance", "online", _NY, (), ("thebalance.com", "thebalancemoney.com"), _DOTDASH),
    _o("HelloGiggles", "online", _LA, ("Hello Giggles",), ("hellogiggles.com",), _DOTDASH),
    _o("Healthline", "online", _LA, (), ("healthline.com",), "Healthline Media"),
    _o("Medical News Today", "online", _LONDON, (), ("medicalnewstoday.com",), "Healthline Media"),
    _o("National Geographic", "magazine", _NY, ("Nat Geo", "National Geographic Magazine"),
       ("nationalgeographic.com", "nationalgeographic.co.uk"), "National Geographic Partners"),
    _o("Nature", "magazine", _LONDON, ("Nature News",), ("nature.com",), "Springer Nature"),
    _o("Scientific American", "magazine", _NY, (), ("scientificamerican.com",), "Springer Nature"),
    _o("PC Gamer", "magazine", _LONDON, ("PCGamer", "pcgamer"), ("pcgamer.com",), _FUTURE),
    _o("Tom's Hardware", "online", _NY, ("Toms Hardware",), ("tomshardware.com",), _FUTURE),
    _o("Popsugar", "online", _LA, ("POPSUGAR",), ("popsugar.com", "popsugar.co.uk")),
    _o("The Points Guy", "online", _NY, (), ("thepointsguy.com",)),
    _o("The List", "online", _NY, ("TheList.com", "TheList"), ("thelist.com",), "Static Media"),
    _o("Boston Herald", "newspaper", _NY, (), ("bostonherald.com",), _MEDIANEWS),
    _o("The Mercury News", "newspaper", _LA, ("San Jose Mercury News", "Mercury News"), ("mercurynews.com",), _MEDIANEWS),
    _o("The Denver Post", "newspaper", "America/Denver", ("Denver Post",), ("denverpost.com",), _MEDIANEWS),
    _o("Pioneer Press", "newspaper", _CHICAGO, ("Twin Cities Pioneer Press", "Twin Cities", "St. Paul Pioneer Press"),
       ("twincities.com",), _MEDIANEWS),
    _o("Detroit Metro Times", "newspaper", "America/Detroit", ("Metro Times",), ("metrotimes.com",)),
    _o("Miami Today", "newspaper", _NY, (), ("miamitodaynews.com",)),
    _o("Miami Herald", "newspaper", _NY, (), ("miamiherald.com",), "McClatchy"),
    _o("Rough Draft Atlanta", "newspaper", _NY, (), ("roughdraftatlanta.com",)),
    _o("California Globe", "online", _LA, (), ("californiaglobe.com",)),
    _o("The Haitian Times", "newspaper", _NY, ("Haitian Times",), ("haitiantimes.com",)),
    _o("San Francisco Chronicle", "newspaper", _LA, ("SF Chronicle", "SFGate"), ("sfchronicle.com", "sfgate.com"), _HEARST),
    _o("Houston Chronicle", "newspaper", _CHICAGO, (), ("houstonchronicle.com", "chron.com"), _HEARST),
    _o("Connecticut Post", "newspaper", _NY, ("CT Post",), ("ctpost.com",), _HEARST),
    _o("New Haven Register", "newspaper", _NY, (), ("nhregister.com",), _HEARST),
    _o("Times Union", "newspaper", _NY, ("Albany Times Union",), ("timesunion.com",), _HEARST),
    _o("NJ.com", "online", _NY, ("NJ Advance Media", "The Star-Ledger", "Star-Ledger"), ("nj.com",), "Advance Local"),
    _o("The Philadelphia Inquirer", "newspaper", _NY, ("Philadelphia Inquirer",), ("inquirer.com",)),
    _o("The Seattle Times", "newspaper", _LA, ("Seattle Times",), ("seattletimes.com",)),
    _o("The Dallas Morning News", "newspaper", _CHICAGO, ("Dallas Morning News",), ("dallasnews.com",)),
    _o("Star Tribune", "newspaper", _CHICAGO, ("Minneapolis Star Tribune",), ("startribune.com",)),
    _o("Tampa Bay Times", "newspaper", _NY, (), ("tampabay.com",)),
    _o("The Atlanta Journal-Constitution", "newspaper", _NY, ("Atlanta Journal-Constitution", "AJC"), ("ajc.com",)),
    _o("Daily Kos", "online", _LA, (), ("dailykos.com",)),
    _o("Poynter", "online", _NY, (), ("poynter.org",)),
    _o("The Washington Free Beacon", "online", _NY, ("Washington Free Beacon",), ("freebeacon.com",)),
    # Canada, Caribbean, Latin America
    _o("CBC News", "broadcaster", _TORONTO, ("CBC", "Canadian Broadcasting Corporation"), ("cbc.ca",)),
    _o("CTV News", "broadcaster", _TORONTO, ("CTV",), ("ctvnews.ca",), "Bell Media"),
    _o("Global News", "broadcaster", _TORONTO, (), ("globalnews.ca",), "Corus Entertainment"),
    _o("Toronto Star", "newspaper", _TORONTO, ("The Toronto Star",), ("thestar.com",)),
    _o("The Globe and Mail", "newspaper", _TORONTO, ("Globe and Mail",), ("theglobeandmail.com",)),
    _o("National Post", "newspaper", _TORONTO, (), ("nationalpost.com",), _POSTMEDIA),
    _o("Vancouver Sun", "newspaper", "America/Vancouver", ("The Vancouver Sun",), ("vancouversun.com",), _POSTMEDIA),
    _o("Cayman Compass", "newspaper", "America/Cayman", (), ("caymancompass.com",)),
    _o("Kaieteur News", "newspaper", "America/Guyana", (), ("kaieteurnewsonline.com",)),
    _o("Jamaica Gleaner", "newspaper", "America/Jamaica", ("The Gleaner", "Gleaner"), ("jamaica-gleaner.com", "gleaner.com")),
    _o("Jamaica Observer", "newspaper", "America/Jamaica", (), ("jamaicaobserver.com",)),
    _o("Jamaica Information Service", "online", "America/Jamaica", ("JIS",), ("jis.gov.jm",)),
    _o("Nation News", "newspaper", "America/Barbados", ("Barbados Nation", "The Nation Barbados"), ("nationnews.com",)),
    _o("NOW Grenada", "online", "America/Grenada", (), ("nowgrenada.com",)),
    _o("Searchlight", "newspaper", "America/St_Vincent", ("Searchlight Newspaper",), ("searchlight.vc",)),
    _o("St. Lucia Times", "online", "America/St_Lucia", ("St. Lucia Times News", "St Lucia Times"), ("stluciatimes.com",)),
    _o("The St Kitts Nevis Observer", "newspaper", "America/St_Kitts", ("St Kitts Nevis Observer",),
       ("thestkittsnevisobserver.com",)),
    _o("Breaking Belize News", "online", "America/Belize", (), ("breakingbelizenews.com",)),
    _o("Bahamas Local", "online", "America/Nassau", (), ("bahamaslocal.com",)),
    # UK, Ireland, Europe, Middle East, Oceania
    _o("Evening Standard", "newspaper", _LONDON, ("London Evening Standard", "The Evening Standard", "Standard"),
       ("standard.co.uk",)),
    _o("The Sun", "newspaper", _LONDON, (), ("thesun.co.uk",), "News Group Newspapers"),
    _o("Daily Mirror", "newspaper", _LONDON, ("The Mirror", "Mirror"), ("mirror.co.uk",), _REACH),
    _o("Daily Express", "newspaper", _LONDON, ("Express",), ("express.co.uk",), _REACH),
    _o("Metro", "newspaper", _LONDON, ("Metro UK",), ("metro.co.uk",), "DMG Media"),
    _o("ITV News", "broadcaster", _LONDON, ("ITV",), ("itv.com",)),
    _o("Channel 4 News", "broadcaster", _LONDON, (), ("channel4.com",)),
    _o("The Scotsman", "newspaper", _LONDON, ("Scotsman",), ("scotsman.com",), "National World"),
    _o("New Statesman", "magazine", _LONDON, (), ("newstatesman.com",)),
    _o("The Spectator", "magazine", _LONDON, ("Spectator",), ("spectator.co.uk",)),
    _o("Luxurious Magazine", "magazine", _LONDON, (), ("luxuriousmagazine.com",)),
    _o("The Irish Times", "newspaper", "Europe/Dublin", ("Irish Times",), ("irishtimes.com",)),
    _o("Irish Independent", "newspaper", "Europe/Dublin", ("Independent.ie",), ("independent.ie",), "Mediahuis"),
    _o("RTÉ", "broadcaster", "Europe/Dublin", ("RTE", "RTÉ News", "RTE News"), ("rte.ie",)),
    _o("Cork Beo", "online", "Europe/Dublin", ("CorkBeo",), ("corkbeo.ie",), _REACH),
    _o("The Local Sweden", "online", "Europe/Stockholm", ("The Local", "The Local SE"), ("thelocal.se",)),
    _o("Politico Europe", "online", "Europe/Brussels", ("POLITICO Europe",), ("politico.eu",)),
    _o("The Times of Israel", "newspaper", "Asia/Jerusalem", ("Times of Israel",), ("timesofisrael.com",)),
    _o("Gulf News", "newspaper", "Asia/Dubai", (), ("gulfnews.com",)),
    _o("The National", "newspaper", "Asia/Dubai", ("The National UAE",), ("thenationalnews.com", "thenational.ae")),
    _o("Arab News", "newspaper", "Asia/Riyadh", (), ("arabnews.com",)),
    _o("Hindustan Times", "newspaper", "Asia/Kolkata", (), ("hindustantimes.com",)),
    _o("The Indian Express", "newspaper", "Asia/Kolkata", ("Indian Express",), ("indianexpress.com",)),
    _o("NDTV", "broadcaster", "Asia/Kolkata", (), ("ndtv.com",)),
    _o("The Economic Times", "newspaper", "Asia/Kolkata", ("Economic Times", "ET"), ("economictimes.indiatimes.com",),
       "Bennett, Coleman & Co."),
    _o("Dawn", "newspaper", "Asia/Karachi", (), ("dawn.com",)),
    _o("The Age", "newspaper", "Australia/Melbourne", (), ("theage.com.au",), "Nine Entertainment"),
    _o("news.com.au", "online", _SYDNEY, (), ("news.com.au",), _NEWS_CORP),
    _o("The Australian", "newspaper", _SYDNEY, (), ("theaustralian.com.au",), _NEWS_CORP),
    _o("Tone Deaf", "online", _SYDNEY, (), ("tonedeaf.thebrag.com",), "The Brag Media"),
    _o("The New Zealand Herald", "newspaper", "Pacific/Auckland", ("NZ Herald", "New Zealand Herald"), ("nzherald.co.nz",)),
    _o("Stuff", "online", "Pacific/Auckland", ("Stuff.co.nz",), ("stuff.co.nz",)),
    _o("Wikipedia", "online", _LA, (), ("wikipedia.org",), "Wikimedia Foundation"),
    _o("Betty Crocker", "online", _CHICAGO, ("BettyCrocker.com",), ("bettycrocker.com",), "General Mills"),
    _o("GaijinPot Blog", "online", _TOKYO, ("GaijinPot",), ("blog.gaijinpot.com", "gaijinpot.com"), "GPlusMedia"),
    # More agencies
    _o("PA Media", "agency", _LONDON, ("Press Association", "PA"), ("pa.media", "pressassociation.com")),
    _o("Europa Press", "agency", "Europe/Madrid", (), ("europapress.es",)),
    _o("Austria Presse Agentur", "agency", "Europe/Vienna", ("APA",), ("apa.at",)),
    _o("Belga", "agency", "Europe/Brussels", (), ("belga.be",)),
    _o("Lusa", "agency", "Europe/Lisbon", ("Agência Lusa",), ("lusa.pt",)),
    _o("ANP", "agency", "Europe/Amsterdam", ("Algemeen Nederlands Persbureau",), ("anp.nl",)),
    _o("Polish Press Agency", "agency", "Europe/Warsaw", ("PAP",), ("pap.pl",)),
    _o("Ukrinform", "agency", "Europe/Kyiv", (), ("ukrinform.net", "ukrinform.ua")),
    _o("IRNA", "agency", "Asia/Tehran", ("Islamic Republic News Agency",), ("irna.ir",)),
    _o("Indo-Asian News Service", "agency", "Asia/Kolkata", ("IANS",), ("ians.in",)),
    _o("Prensa Latina", "agency", "America/Havana", (), ("plenglish.com", "prensa-latina.cu")),
    _o("Notimex", "agency", "America/Mexico_City", (), ("notimex.gob.mx",)),
    _o("Philippine News Agency", "agency", "Asia/Manila", ("PNA",), ("pna.gov.ph",)),
    _o("Vietnam News Agency", "agency", "Asia/Ho_Chi_Minh", ("VNA",), ("vnanet.vn",)),
    _o("Saudi Press Agency", "agency", "Asia/Riyadh", ("SPA",), ("spa.gov.sa",)),
    _o("Emirates News Agency", "agency", "Asia/Dubai", ("WAM",), ("wam.ae",)),
    _o("Middle East News Agency", "agency", "Africa/Cairo", ("MENA",), ("mena.org.eg",)),
    _o("News Agency of Nigeria", "agency", "Africa/Lagos", ("NAN",), ("nannews.ng",)),
    _o("Kenya News Agency", "agency", "Africa/Nairobi", ("KNA",), ("kenyanews.go.ke",)),
    # Agencies of the rest of Europe, the Middle East, Africa, South Asia and Latin America. Acronyms that are also
    # words or names ("MAP", "APP", "UNI", "Petra", "Sana") are left out: a menu entry would read as the agency.
    _o("Sputnik", "agency", "Europe/Moscow", ("Sputnik News", "Sputnik International"), ("sputniknews.com", "sputnikglobe.com")),
    _o("Czech News Agency", "agency", "Europe/Prague", ("CTK", "ČTK"), ("ctk.cz",)),
    _o("TT News Agency", "agency", "Europe/Stockholm", ("Tidningarnas Telegrambyrå",), ("tt.se",)),
    _o("NTB", "agency", "Europe/Oslo", ("Norsk Telegrambyrå", "Norwegian News Agency"), ("ntb.no",)),
    _o("Ritzau", "agency", "Europe/Copenhagen", ("Ritzaus Bureau",), ("ritzau.dk",)),
    _o("STT", "agency", "Europe/Helsinki", ("STT-Info", "Finnish News Agency"), ("stt.fi",)),
    _o("Keystone-SDA", "agency", "Europe/Zurich", ("Keystone-ATS", "SDA"), ("keystone-sda.ch",)),
    _o("Athens-Macedonian News Agency", "agency", "Europe/Athens", ("ANA-MPA", "AMNA"), ("amna.gr",)),
    _o("MTI", "agency", "Europe/Budapest", ("Hungarian News Agency", "Magyar Távirati Iroda"), ("mti.hu",)),
    _o("Agerpres", "agency", "Europe/Bucharest", (), ("agerpres.ro",)),
    _o("Bulgarian News Agency", "agency", "Europe/Sofia", ("BTA",), ("bta.bg",)),
    _o("Croatian News Agency", "agency", "Europe/Zagreb", ("Hrvatska izvještajna novinska agencija",), ("hina.hr",)),
    _o("Tanjug", "agency", "Europe/Belgrade", (), ("tanjug.rs",)),
    _o("UNIAN", "agency", "Europe/Kyiv", (), ("unian.info", "unian.net")),
    _o("Interfax-Ukraine", "agency", "Europe/Kyiv", (), ("interfax.com.ua",)),
    _o("AGI", "agency", "Europe/Rome", ("Agenzia Giornalistica Italia",), ("agi.it",)),
    _o("Adnkronos", "agency", "Europe/Rome", (), ("adnkronos.com",)),
    _o("Kuwait News Agency", "agency", "Asia/Kuwait", ("KUNA",), ("kuna.net.kw",)),
    _o("Qatar News Agency", "agency", "Asia/Qatar", ("QNA",), ("qna.org.qa",)),
    _o("Jordan News Agency", "agency", "Asia/Amman", ("Petra News Agency",), ("petra.gov.jo",)),
    _o("Syrian Arab News Agency", "agency", "Asia/Damascus", (), ("sana.sy",)),
    _o("Maghreb Arabe Presse", "agency", "Africa/Casablanca", ("Moroccan News Agency",), ("mapexpress.ma", "map.ma")),
    _o("Associated Press of Pakistan", "agency", "Asia/Karachi", (), ("app.com.pk",)),
    _o("Bangladesh Sangbad Sangstha", "agency", "Asia/Dhaka", ("BSS",), ("bssnews.net",)),
    _o("United News of India", "agency", "Asia/Kolkata", (), ("uniindia.com",)),
    _o("China News Service", "agency", _BEIJING, ("Chinanews",), ("chinanews.com", "ecns.cn")),
    _o("Agência Brasil", "agency", "America/Sao_Paulo", ("Agencia Brasil",), ("agenciabrasil.ebc.com.br",)),
    _o("Télam", "agency", "America/Argentina/Buenos_Aires", ("Telam",), ("telam.com.ar",)),
    # Sites of the English trafilatura-eval pages (the meta-text and meta-html benchmarks) whose newsroom's city is
    # known, by the names the sites give themselves (an unknown site is shown by its own masthead or its domain).
    _o("LA Weekly", "newspaper", _LA, (), ("laweekly.com",)),
    _o("The Village Voice", "newspaper", _NY, ("Village Voice",), ("villagevoice.com",)),
    _o("PhillyVoice", "online", _NY, ("Philly Voice",), ("phillyvoice.com",), "WWB Holdings"),
    _o("Phys.org", "online", "Europe/Isle_of_Man", ("Phys Org",), ("phys.org",), "Science X"),
    _o("The Nervous Breakdown", "online", _LA, (), ("thenervousbreakdown.com",)),
    _o("Hacker Noon", "online", "America/Denver", ("HackerNoon",), ("hackernoon.com",)),
    _o("Wevolver", "online", "Europe/Amsterdam", (), ("wevolver.com",)),
    _o("Tofugu", "online", _LA, (), ("tofugu.com",)),
    _o("Red Tricycle", "online", _LA, ("Red Tri",), ("redtri.com",)),
    _o("Eat What Tonight", "online", "Asia/Singapore", (), ("eatwhattonight.com",)),
    _o("Flawless Food", "online", _LONDON, (), ("flawlessfood.co.uk",)),
    _o("Stack Overflow Blog", "online", _NY, ("The Stack Overflow Blog",), ("stackoverflow.blog",), "Stack Overflow"),
    _o("Wikimedia Foundation", "online", _LA, (), ("wikimediafoundation.org",)),
    _o("American Civil Liberties Union", "online", _NY, ("ACLU",), ("aclu.org",)),
    _o("Caktus Group", "online", _NY, (), ("caktusgroup.com",)),
    _o("Rutgers University", "online", _NY, ("Rutgers",), ("rutgers.edu",)),
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
        # Short aliases ("ap", "ft", "rt") only count as a whole phrase, never inside one, and so do
        # everyday words ("times" is not The Times inside "Harbor Times").
        if len(alias) < 4 or alias in _COMMON_WORDS:
            continue
        if f" {alias} " in key and (best is None or len(alias) > best[0]):
            best = (len(alias), candidate)
    return best[1] if best else None


# Legal forms ending a company name ("NYP Holdings, Inc.", "Vox Media, LLC"): a reader never names a site so.
_LEGAL_FORM = re.compile(
    r"(?:[,\s]+(?:llc|l\.l\.c|inc|incorporated|ltd|limited|corp|corporation|company|co|plc|gmbh|ag|s\.a|lp|llp|"
    r"pty|holdings?|group|enterprises|ventures|internet ventures|media services(?:\s+\w+)?|newspaper|a/s|as|ab|"
    r"bv|nv|sa|srl|spa|kk))+\.?\s*$",
    re.IGNORECASE,
)


def without_legal_form(name: str) -> str:
    """"Tofugu LLC" -> "Tofugu", "The Economist Newspaper Limited" -> "The Economist"."""
    return _LEGAL_FORM.sub("", name.strip()).strip(" ,.;&") or name.strip()


def has_legal_form(name: str) -> bool:
    return bool(_LEGAL_FORM.search(name.strip()))


@lru_cache(maxsize=1)
def _by_parent() -> dict[str, tuple[Outlet, ...]]:
    sites: dict[str, list[Outlet]] = {}
    for outlet in OUTLETS:
        if outlet.parent:
            sites.setdefault(_name_key(without_legal_form(outlet.parent)), []).append(outlet)
    return {key: tuple(found) for key, found in sites.items()}


def outlets_of_holder(holder: str) -> tuple[Outlet, ...]:
    """The outlets a copyright holder may stand for: the outlet it names ("The Washington Times, LLC"),
    else the sites of the company it names ("NYP Holdings, Inc." -> New York Post, Page Six;
    "Hearst Media Services Connecticut" -> Hearst's papers)."""
    named = outlet_in_text(holder)
    key = _name_key(without_legal_form(holder))
    parents = _by_parent()
    words = f" {key} "
    # "Hearst Media Services Connecticut" holds "hearst"; "Meredith Corporation" is held in "dotdash meredith".
    sites = parents.get(key) or next(
        (found for parent, found in parents.items() if len(parent) >= 4 and f" {parent} " in words
         or len(key) >= 6 and f" {key} " in f" {parent} "), ())
    return tuple(dict.fromkeys(((named,) if named else ()) + sites))


# Outlet names that are also everyday capitalised words: counted only where a line is the name alone.
_COMMON_WORDS = frozenset("time times people metro nature salon fortune stuff dawn vice slate deadline variety observer "
                          "express standard insider searchlight mirror guardian independent atlantic verge wired "
                          "national age sun list intercept spectator politico axios local news post herald star "
                          "globe journal chronicle tribune register mail telegraph nation world gleaner".split())


@lru_cache(maxsize=1)
def _mention_pattern() -> tuple[re.Pattern[str], dict[str, Outlet]]:
    by_name, _ = _indexes()
    names: dict[str, Outlet] = {}
    for outlet in OUTLETS:
        for alias in (outlet.name, *outlet.aliases):
            # "WIRED" in capitals is the magazine; "Wired" may open any sentence.
            if len(alias) >= 4 and (alias.isupper() or alias.lower() not in _COMMON_WORDS):
                names[alias] = outlet
    alternation = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alternation})(?![\w])"), names


def outlets_named_in(lines: list[str]) -> dict[Outlet, int]:
    """How often each table outlet is named in `lines` (as its name is written, capitals included);
    a line that is nothing but an outlet's name counts for any name, common words included."""
    pattern, names = _mention_pattern()
    counts: dict[Outlet, int] = {}
    for line in lines:
        # A menu entry "Local" or "Nature" is a section, not the site: one everyday word alone never counts.
        alone = outlet_from_name(line) if len(line) < 60 and _name_key(line) not in _COMMON_WORDS else None
        if alone is not None:
            counts[alone] = counts.get(alone, 0) + 1
            continue
        for match in pattern.finditer(line):
            outlet = names[match.group(0)]
            # An agency named inside a line is a credit for copy the site carries ("Photo: Reuters").
            if outlet.kind != "agency":
                counts[outlet] = counts.get(outlet, 0) + 1
    return counts
