"""The clean stage: raw inputs to clean, dated, English articles with a content-hash id; duplicates dropped."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator

from lingua import LanguageDetector

from storytrace.clean.html import extract_html
from storytrace.clean.language import detect_language
from storytrace.clean.meta import copyright_holder, extract_meta
from storytrace.clean.text import clean_scraped_text, repair_text
from storytrace.errors import DuplicateArticle, ExtractionRejected, IngestError
from storytrace.model import Article, RawArticle
from storytrace.pipeline import Item
from storytrace.settings import Settings


class CleanStage:
    name = "clean"
    requires = frozenset({"raw"})
    assigns = frozenset({"text", "metadata", "language"})

    def __init__(self, settings: Settings, detector: LanguageDetector, is_stored: Callable[[str], bool]):
        self.settings = settings
        self.detector = detector
        self.is_stored = is_stored

    def __call__(self, items: Iterator[RawArticle | IngestError]) -> Iterator[Item]:
        seen: set[str] = set()
        for item in items:
            if isinstance(item, IngestError):
                yield item
                continue
            try:
                article = clean_article(item, self.settings, self.detector)
            except IngestError as exc:
                yield exc
                continue
            if article.id in seen or self.is_stored(article.id):
                yield DuplicateArticle(item.source, f"already stored as article {article.id}")
                continue
            seen.add(article.id)
            yield article


def content_id(text: str) -> str:
    """Article id: a hash of the whitespace-normalised clean text, so the same article is stored once."""
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()[:16]


def clean_article(raw: RawArticle, settings: Settings, detector: LanguageDetector) -> Article:
    """Extract, clean and date one raw input; raise ExtractionRejected with the reason when it is unusable."""
    if raw.kind == "html":
        page = extract_html(raw.content, raw.url, source=raw.source)
        text = repair_text(page.text)
        hints = dict(title=raw.title or page.title, author=page.author, published=raw.published or page.date,
                     sitename=page.sitename)
    else:
        content = repair_text(raw.content)
        text = clean_scraped_text(content)
        hints = dict(title=raw.title, published=raw.published, sitename=copyright_holder(content))
    meta = extract_meta(text, url=raw.url, outlet=raw.outlet, **hints)
    body = meta.body.strip()
    words = len(body.split())
    if words < settings.min_words:
        raise ExtractionRejected(raw.source, f"only {words} words of article text (at least {settings.min_words} needed)")
    code, name = detect_language(detector, body)
    if code not in settings.languages:
        raise ExtractionRejected(raw.source, f"language is {name or 'unknown'}, not one of {', '.join(settings.languages)}")
    return Article(id=content_id(body), source=raw.source, text=body, url=raw.url, outlet=meta.outlet,
                   title=meta.title, byline=meta.byline, dateline=meta.dateline, published=meta.published,
                   language=code)
