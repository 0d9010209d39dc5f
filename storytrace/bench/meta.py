"""Benchmarks of article metadata on real pages: meta-text (the page's visible text) and meta-html.

Gold comes from each page's own markup: the headline from og:title, twitter:title or <title> minus
the site's suffix; the publication time from article:published_time, JSON-LD datePublished or a date
meta tag, else htmldate; authors from meta or JSON-LD; the outlet from og:site_name or the JSON-LD
publisher. Which tag gave each value is kept, to read mistakes by source.

Scoring, on the pages storytrace stores (English, enough words) that have gold for the field:
title right when the normalised token-set F1 is at least 0.8; published right on the same day, or
one day off when either side carries a time zone; byline right when it holds an author's surname;
outlet right when the names agree up to case, "The", punctuation and domain form. Coverage is the
share of those pages where storytrace gave any value.

Pages are split once and for all by a hash of their site (a page's registrable domain name) into
"train" (for tuning and for training the line classifier) and "dev" (held out: sites and templates
never seen); metrics are reported on all pages and on each part.

    python -m storytrace.bench.meta --data DIR [--path text|html] [--split dev] [--field title] --errors
"""

from __future__ import annotations

import argparse
import hashlib
import html as html_lib
import json
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from storytrace.bench import BenchResult
from storytrace.errors import BenchError, IngestError
from storytrace.settings import Settings

Path_ = Literal["text", "html"]
FIELDS = ("title", "published", "byline", "outlet")
# Title right at this normalised token-set F1: a leftover section label or site word is forgiven.
TITLE_F1 = 0.8
# Share of pages hashed into the held-out dev part.
DEV_SHARE = 0.5


@dataclass
class MetaPage:
    """One page of either layout: its id (URL or file id), URL when known, and HTML."""

    id: str
    url: str | None
    html: str

    @property
    def split(self) -> str:
        return page_split(self.id)


# Second-level labels under a country's domain ("co" of bbc.co.uk, "com" of laestrella.com.pa).
_SECOND_LEVEL = frozenset("com net org edu gov co ac".split())


def site_of(page_id: str) -> str:
    """The site a page belongs to, as its registrable name: "wikipedia" for https://en.wikipedia.org/...,
    "kbs" for world.kbs.co.kr, the archived site for a web.archive.org copy, "gleaner" for the file id
    "hard::jamaica.gleaner.com-victims.html"."""
    from urllib.parse import urlsplit

    if "://" not in page_id:  # "hard::iwr.de.IWR-Pressedienst.html": the host runs into the file's name
        labels = re.split(r"[.-]", page_id.split("::")[-1].lower())
        for index in range(1, len(labels)):
            if labels[index] in _SECOND_LEVEL or re.fullmatch(r"[a-z]{2,3}", labels[index]):
                return labels[index - 1]
        return labels[0]
    parts = urlsplit(page_id)
    archived = re.match(r"/web/\d+\w*/(.+)", parts.path) if parts.hostname == "web.archive.org" else None
    if archived:
        target = archived[1]
        return site_of(target if "://" in target else "http://" + target)
    labels = (parts.hostname or "").lower().split(".")[:-1]  # without the top-level domain
    if len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
        labels = labels[:-1]
    return labels[-1] if labels else page_id


def page_split(page_id: str) -> str:
    """"dev" or "train", fixed by a hash of the page's site: every page of a site falls in one part, so the
    held-out part measures pages of sites (and page templates) never seen in training or tuning."""
    digest = int(hashlib.sha1(site_of(page_id).encode("utf-8")).hexdigest()[:8], 16)
    return "dev" if digest / 0xFFFFFFFF < DEV_SHARE else "train"


@dataclass
class Gold:
    """What the page's markup says, and which tag said it."""

    title: str | None = None
    published: datetime | None = None
    published_zoned: bool = False  # the markup gave a time with a zone
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    sources: dict[str, str] = field(default_factory=dict)

    def has(self, name: str) -> bool:
        return bool(self.authors) if name == "byline" else getattr(self, name) is not None


@dataclass
class Predicted:
    title: str | None
    published: datetime | None
    byline: str | None
    outlet: str | None


# ---------------------------------------------------------------------------- reading pages

def _read_gz(path: Path) -> str | None:
    from storytrace.bench.clean import _read_gz as read

    return read(path)


def iter_pages(data_dir: Path) -> Iterator[MetaPage]:
    """Pages of the trafilatura-eval layout (evaldata.json) or of the article-extraction-benchmark layout
    (html/<id>.html.gz with ground-truth.json); unreadable pages are left out."""
    if (data_dir / "evaldata.json").exists():
        from storytrace.bench.clean import iter_trafilatura_eval

        for page in iter_trafilatura_eval(data_dir):
            if page is not None:
                yield MetaPage(page.url, page.url, page.html)
        return
    index = data_dir / "ground-truth.json"
    if not index.exists():
        raise BenchError(f"{data_dir}: neither evaldata.json nor ground-truth.json found")
    try:
        truth = json.loads(index.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BenchError(f"{index}: {exc}") from exc
    for page_id, entry in truth.items():
        path = data_dir / "html" / f"{page_id}.html.gz"
        html = _read_gz(path) if path.exists() else None
        if html and html.strip():
            yield MetaPage(page_id, (entry or {}).get("url"), html)


# ---------------------------------------------------------------------------- gold from markup

_SUFFIX_SPLIT = re.compile(r"\s+[|–—-]\s+|\s*::\s*|\s+»\s+|\s+·\s+")


def _meta(tree, *keys: str) -> tuple[str, str] | None:
    """First non-empty content of <meta property|name|itemprop=key>, with the key that gave it."""
    for key in keys:
        for attr in ("property", "name", "itemprop"):
            for value in tree.xpath(f'//meta[@{attr}="{key}"]/@content'):
                value = " ".join(str(value).split())
                if value:
                    return value, f"meta {key}"
    return None


def _json_ld(tree) -> list[dict]:
    """Every JSON-LD object of the page, @graph members included; malformed blocks are skipped."""
    found: list[dict] = []
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        text = re.sub(r"^\s*(?://)?\s*<!\[CDATA\[|(?://)?\s*\]\]>\s*$", "", script.strip())
        try:
            data = json.loads(text, strict=False)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                found.append(item)
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])
    return found


def _ld_names(value) -> list[str]:
    """Names in a JSON-LD author/publisher value: a string, an object with "name", or a list of them."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip():
            names.append(" ".join(html_lib.unescape(name).split()))
    return names


def _article_ld(objects: list[dict]) -> list[dict]:
    """Objects describing the article (they carry a headline or datePublished), articles first."""
    def article_type(obj: dict) -> bool:
        kind = obj.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        return any(isinstance(k, str) and ("Article" in k or k in ("BlogPosting", "Report")) for k in kinds)
    dated = [o for o in objects if "datePublished" in o or "headline" in o]
    return sorted(dated, key=lambda o: not article_type(o))


def _names_site(part: str, site_keys: set[str]) -> bool:
    """A title part naming the site: its key equals a site key, or one contains the other (long keys only)."""
    key = _norm_name(part)
    return bool(key) and any(key == site or (min(len(key), len(site)) >= 5 and (key.startswith(site) or
                                                                               site.startswith(key)))
                             for site in site_keys)


def _site_suffix_gone(title: str, site_keys: set[str]) -> str:
    """"Headline | Site | Tagline" -> "Headline", "Site » Blog Archive » Headline" -> "Headline": everything
    from the first later part naming the site, and everything up to the last earlier one, goes."""
    parts = [p.strip() for p in _SUFFIX_SPLIT.split(title) if p.strip()]
    if len(parts) < 2:
        return title.strip()
    named = [i for i, part in enumerate(parts) if _names_site(part, site_keys)]
    later = [i for i in named if i > 0]
    if later:
        parts = parts[:later[0]]
    earlier = [i for i in named if i < len(parts) - 1]
    if earlier:
        parts = parts[earlier[-1] + 1:]
    return " - ".join(parts) if parts else title.strip()


def _site_keys(outlet: str | None, url: str | None) -> set[str]:
    keys = set()
    if outlet:
        keys.add(_norm_name(outlet))
    if url:
        from urllib.parse import urlsplit

        host = (urlsplit(url if "://" in url else "http://" + url).hostname or "").lower()
        labels = [label for label in host.split(".") if label not in ("www", "m", "amp", "edition")]
        if labels:
            keys.add(_norm_name(".".join(labels)))
            # The registrable name: "wikipedia" of en.wikipedia.org, "bbc" of bbc.co.uk.
            core = labels[-3] if len(labels) > 2 and labels[-2] in ("co", "com", "org", "net", "ac") else \
                labels[-2] if len(labels) > 1 else labels[0]
            keys.add(_norm_name(core))
    from storytrace.clean.outlets import outlet_from_url

    known = outlet_from_url(url) if url else None
    if known is not None:
        keys.update(_norm_name(n) for n in (known.name, *known.aliases))
    keys.discard("")
    return keys


def _parse_gold_time(value: str) -> tuple[datetime, bool] | None:
    from storytrace.clean.dates import parse_hint

    parsed = parse_hint(value)
    if parsed is None:
        return None
    if isinstance(parsed, datetime):
        return parsed, parsed.tzinfo is not None
    return parsed.local, parsed.zone is not None


def gold_from_html(html: str, url: str | None = None) -> Gold:
    """Title, publication time, authors and outlet as the page's markup states them."""
    from lxml import etree, html as lxml_html

    gold = Gold()
    try:
        tree = lxml_html.document_fromstring(html.encode("utf-8") if html.lstrip().startswith("<?xml") else html)
    except (etree.ParserError, ValueError):
        return gold
    articles = _article_ld(_json_ld(tree))

    site = _meta(tree, "og:site_name")
    if site is None:
        for obj in articles:
            names = _ld_names(obj.get("publisher")) if obj.get("publisher") else []
            if names:
                site = names[0], "json-ld publisher"
                break
    if site is not None:
        # "WSVN 7News | Miami News, Weather, Sports": the name, without its tagline.
        name = _SUFFIX_SPLIT.split(site[0])[0].strip()
        gold.outlet, gold.sources["outlet"] = (name or site[0]), site[1]

    title = _meta(tree, "og:title", "twitter:title")
    if title is None:
        texts = [" ".join(t.split()) for t in tree.xpath("//title/text()")]
        title = (texts[0], "<title>") if texts and texts[0] else None
    if title is not None:
        keys = _site_keys(gold.outlet, url)
        gold.title = _site_suffix_gone(title[0], keys) or None
        gold.sources["title"] = title[1]

    stamp: tuple[str, str] | None = _meta(tree, "article:published_time", "datePublished")
    if stamp is None:
        for obj in articles:
            if isinstance(obj.get("datePublished"), str):
                stamp = obj["datePublished"], "json-ld datePublished"
                break
    stamp = stamp or _meta(tree, "pubdate", "publishdate", "publish-date", "date", "DC.date.issued",
                           "dc.date", "sailthru.date", "parsely-pub-date", "og:article:published_time")
    parsed = _parse_gold_time(stamp[0]) if stamp else None
    if parsed is None:
        from htmldate import find_date

        found = find_date(tree, extensive_search=False, original_date=True)
        stamp = (found, "htmldate") if found else None
        parsed = _parse_gold_time(found) if found else None
    if parsed is not None and stamp is not None:
        gold.published, gold.published_zoned = parsed
        gold.sources["published"] = stamp[1]

    authors: list[str] = []
    source = None
    for obj in articles:
        if obj.get("author"):
            authors, source = _ld_names(obj["author"]), "json-ld author"
            break
    if not authors:
        found_author = _meta(tree, "author", "article:author", "byl", "parsely-author", "sailthru.author",
                             "dc.creator", "DC.creator")
        if found_author is not None:
            authors, source = re.split(r"\s*(?:,|;|\band\b|&)\s*", re.sub(r"^by\s+", "", found_author[0],
                                                                           flags=re.I)), found_author[1]
    if not authors:
        found_names = [" ".join(t.split()) for t in tree.xpath(
            '//*[@itemprop="author"]//*[@itemprop="name"]/text() | //*[@itemprop="author"]/@content'
            ' | //*[@itemprop="author" and not(*)]/text() | //a[@rel="author"]/text()')]
        # Only the first: later ones are often the authors of related-story boxes.
        authors = [name for name in found_names if name][:1]
        source = "microdata author / rel=author"
    site_keys = _site_keys(gold.outlet, url)
    people = [a for a in authors if _is_person(a) and _norm_name(a) not in site_keys]
    if people:
        gold.authors, gold.sources["byline"] = people, source or ""
    return gold


def _is_person(name: str) -> bool:
    """A person's name: 2-5 words, not a URL, not an organisation's staff credit or a placeholder
    ("Contributors to Wikimedia projects", "No Author")."""
    words = name.split()
    return 2 <= len(words) <= 5 and not re.search(r"://|@|www\.|\(", name) \
        and not re.search(r"\b(?:staff|news|desk|team|editors?|agency|press|media|inc|ltd|contributors|no author|"
                          r"anonymous|unknown)\b", name, re.I)


# ---------------------------------------------------------------------------- scoring

_TOKEN = re.compile(r"\w+")


def _tokens(text: str) -> set[str]:
    return set(_TOKEN.findall(text.lower().replace("’", "'")))


def title_right(predicted: str | None, gold: str) -> bool:
    """Normalised token-set F1 of at least TITLE_F1."""
    if not predicted:
        return False
    a, b = _tokens(predicted), _tokens(gold)
    common = len(a & b)
    if not common:
        return False
    precision, recall = common / len(a), common / len(b)
    return 2 * precision * recall / (precision + recall) >= TITLE_F1


def published_right(predicted: datetime | None, gold: datetime, gold_zoned: bool) -> bool:
    """Same day; one day off is forgiven when either side carries a time zone."""
    if predicted is None:
        return False
    zoned = gold_zoned or predicted.tzinfo is not None
    if predicted.tzinfo is not None and gold.tzinfo is not None:
        return abs((predicted.date() - gold.date()).days) <= 1 or predicted.astimezone(gold.tzinfo).date() == gold.date()
    days = abs((predicted.date() - gold.date()).days)
    return days == 0 or (zoned and days <= 1)


def byline_right(predicted: str | None, authors: list[str]) -> bool:
    """The byline holds one gold author's surname as a word."""
    if not predicted:
        return False
    words = _tokens(predicted)
    for author in authors:
        parts = [part for part in _TOKEN.findall(author.lower()) if part not in _CREDENTIALS]
        if parts and parts[-1] in words:
            return True
    return False


# Degrees and suffixes after a name ("Grant Tinsley, PhD"): the surname comes before them.
_CREDENTIALS = frozenset("phd md rd dr mph mba msc ms ma bsc jr sr ii iii".split())


_DOMAIN_TAIL = re.compile(r"\.(?:com|org|net|co|uk|us|ca|au|de|fr|in|io|info|news|tv|eu)(?:\.[a-z]{2})?$")


def _norm_name(name: str) -> str:
    """Lower case, no "The", no punctuation or spaces, no domain ending: "TheVerge.com" ~ "The Verge"."""
    key = name.strip().lower().replace("’", "'")
    key = re.sub(r"^(?:https?://)?(?:www\.)?", "", key)
    key = _DOMAIN_TAIL.sub("", key.split("/")[0]) if re.fullmatch(r"[\w.-]+\.[a-z]{2,}(?:/.*)?", key) else key
    key = re.sub(r"^the\b", "", key)
    return re.sub(r"[\W_]+", "", key)


def outlet_right(predicted: str | None, gold: str) -> bool:
    """Same outlet up to case, "The", punctuation and domain form; or one table entry for both."""
    if not predicted:
        return False
    if _norm_name(predicted) == _norm_name(gold):
        return True
    from storytrace.clean.outlets import outlet_from_name

    a, b = outlet_from_name(predicted), outlet_from_name(gold)
    return a is not None and a == b


def score(predicted: Predicted, gold: Gold) -> dict[str, bool]:
    """Right or wrong per field, for the fields the gold has."""
    verdicts: dict[str, bool] = {}
    if gold.title:
        verdicts["title"] = title_right(predicted.title, gold.title)
    if gold.published:
        verdicts["published"] = published_right(predicted.published, gold.published, gold.published_zoned)
    if gold.authors:
        verdicts["byline"] = byline_right(predicted.byline, gold.authors)
    if gold.outlet:
        verdicts["outlet"] = outlet_right(predicted.outlet, gold.outlet)
    return verdicts


# ---------------------------------------------------------------------------- running

@dataclass
class PageResult:
    page: MetaPage
    gold: Gold
    predicted: Predicted | None  # None: the page was not stored (rejected, not English)
    reason: str | None = None
    verdicts: dict[str, bool] = field(default_factory=dict)


class _System:
    """Runs storytrace's clean stage on one page as text (its visible text) or as HTML."""

    def __init__(self, path: Path_, settings: Settings | None = None):
        from storytrace.clean.language import build_detector

        self.path = path
        self.settings = settings or Settings()
        self.detector = build_detector()

    def __call__(self, page: MetaPage) -> Predicted:
        from storytrace.clean.html import visible_text
        from storytrace.clean.stage import clean_article
        from storytrace.model import RawArticle

        if self.path == "text":
            raw = RawArticle(source=page.id, content=visible_text(page.html), kind="text")
        else:
            raw = RawArticle(source=page.id, content=page.html, kind="html", url=page.url)
        article = clean_article(raw, self.settings, self.detector)
        return Predicted(article.title, article.published, article.byline, article.outlet)


def run_pages(data_dir: Path, path: Path_, split: str | None = None, limit: int | None = None,
              settings: Settings | None = None) -> list[PageResult]:
    """Gold and prediction for every page (of one split when given)."""
    system = _System(path, settings)
    results: list[PageResult] = []
    for page in iter_pages(data_dir):
        if split is not None and page.split != split:
            continue
        if limit is not None and len(results) >= limit:
            break
        gold = gold_from_html(page.html, page.url)
        try:
            predicted = system(page)
        except IngestError as exc:
            results.append(PageResult(page, gold, None, str(exc)))
            continue
        results.append(PageResult(page, gold, predicted, None, score(predicted, gold)))
    return results


def _given(predicted: Predicted, name: str) -> bool:
    return getattr(predicted, name) is not None


def summarise(results: list[PageResult], suffix: str = "") -> dict[str, float]:
    """Accuracy and coverage per field over stored pages with gold, and their mean accuracy."""
    metrics: dict[str, float] = {}
    accuracies = []
    for name in FIELDS:
        scored = [r for r in results if r.predicted is not None and name in r.verdicts]
        right = sum(r.verdicts[name] for r in scored)
        given = sum(_given(r.predicted, name) for r in scored)
        accuracy = right / len(scored) if scored else 0.0
        accuracies.append(accuracy)
        metrics[f"{name}_accuracy{suffix}"] = accuracy
        metrics[f"{name}_coverage{suffix}"] = given / len(scored) if scored else 0.0
        metrics[f"{name}_n{suffix}"] = len(scored)
    metrics[f"mean_accuracy{suffix}"] = sum(accuracies) / len(accuracies)
    metrics[f"stored{suffix}"] = sum(r.predicted is not None for r in results)
    return metrics


def _bench(data: Path, path: Path_, limit: int | None, settings: Settings | None) -> BenchResult:
    data_dir = Path(data)
    start = time.perf_counter()
    results = run_pages(data_dir, path, limit=limit, settings=settings)
    metrics = summarise(results)
    for part in ("dev", "train"):
        metrics.update(summarise([r for r in results if r.page.split == part], f"_{part}"))
    backend = "storytrace clean stage on the visible page text" if path == "text" else \
        f"storytrace clean stage on HTML (trafilatura {_version('trafilatura')})"
    return BenchResult(
        benchmark=f"meta-{path}", data=str(data_dir), n=len(results), primary="mean_accuracy", metrics=metrics,
        backend=backend, seconds=time.perf_counter() - start,
        details={"split": f"dev = sha1(page's site) below {DEV_SHARE}; suffixes _dev and _train",
                 "gold": "page markup (og/twitter/JSON-LD/meta, htmldate)"},
    )


def _version(package: str) -> str:
    from importlib.metadata import version

    return version(package)


def bench_meta_text(data: Path, limit: int | None = None, settings: Settings | None = None) -> BenchResult:
    """Headline, date, byline and outlet read from each page's visible text, against its markup."""
    return _bench(data, "text", limit, settings)


def bench_meta_html(data: Path, limit: int | None = None, settings: Settings | None = None) -> BenchResult:
    """Headline, date, byline and outlet read from each page's HTML, against its markup."""
    return _bench(data, "html", limit, settings)


# ---------------------------------------------------------------------------- error listing

def _show(value) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return repr(value)


def error_lines(results: list[PageResult], fields: tuple[str, ...] = FIELDS) -> list[str]:
    """One line per wrong field: page, what was read, what the markup says and which tag said it."""
    lines = []
    for r in results:
        if r.predicted is None:
            continue
        for name in fields:
            if r.verdicts.get(name) is False:
                gold = r.gold.authors if name == "byline" else getattr(r.gold, name)
                lines.append(f"{name:9s} {r.page.id}\n    got  {_show(getattr(r.predicted, name))}\n"
                             f"    gold {_show(gold)}  [{r.gold.sources.get(name)}]")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m storytrace.bench.meta", description=__doc__.split("\n")[0])
    parser.add_argument("--data", required=True, type=Path)
    parser.add_argument("--path", choices=("text", "html"), default="text")
    parser.add_argument("--split", choices=("dev", "train"))
    parser.add_argument("--field", choices=FIELDS, action="append")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--errors", action="store_true", help="list every wrong field")
    args = parser.parse_args(argv)
    results = run_pages(args.data, args.path, args.split, args.limit)
    if args.errors:
        print("\n".join(error_lines(results, tuple(args.field or FIELDS))))
    for name, value in summarise(results).items():
        print(f"{name:22s} {value:.3f}" if isinstance(value, float) else f"{name:22s} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
