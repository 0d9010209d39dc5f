"""The clean stage: raw inputs to clean, dated, English articles with a content-hash id; duplicates dropped."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator

from lingua import LanguageDetector

from storytrace.clean.html import extract_html
from storytrace.clean.language import check_language, detect_language
from storytrace.clean.meta import copyright_holder, extract_meta, holder_as_site
from storytrace.clean.quality import MAX_RUN_CHARS, break_long_runs, check_article, cut_to_budget
from storytrace.clean.text import clean_scraped_text, repair_text
from storytrace.errors import DuplicateArticle, ExtractionRejected, IngestError
from storytrace.model import Article, RawArticle
from storytrace.pipeline import Item, failure
from storytrace.settings import Settings


class CleanStage:
    name = "clean"
    requires = frozenset({"raw"})
    assigns = frozenset({"text", "metadata", "language"})

    def __init__(self, settings: Settings, load_detector: Callable[[], LanguageDetector],
                 is_stored: Callable[[str], bool]):
        self.settings = settings
        self.load_detector = load_detector  # called for the first new article: re-adding stored files loads none
        self.is_stored = is_stored

    def __call__(self, items: Iterator[RawArticle | IngestError]) -> Iterator[Item]:
        seen: set[str] = set()
        for item in items:
            if isinstance(item, IngestError):
                yield item
                continue
            try:
                article = extract_article(item, self.settings)
                if article.id in seen or self.is_stored(article.id):  # known by its hash: no need to judge it again
                    yield DuplicateArticle(item.source, f"already stored as article {article.id}")
                    continue
                article = judge_article(article, self.settings, self.load_detector())
            except IngestError as exc:
                yield exc
                continue
            except Exception as exc:  # noqa: BLE001 - one input's failure is its verdict, never the batch's end
                yield failure(item.source, "cleaning", exc)
                continue
            seen.add(article.id)
            yield article


# Inputs with at most this many non-empty lines are short notes, taken whole when the boilerplate cleaner
# keeps nothing (a site page has dozens of lines of chrome around its article).
SHORT_INPUT_LINES = 8


def content_id(text: str) -> str:
    """Article id: a hash of the whitespace-normalised clean text, so the same article is stored once."""
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()[:16]


def clean_article(raw: RawArticle, settings: Settings, detector: LanguageDetector) -> Article:
    """Extract, clean and date one raw input; raise ExtractionRejected with the reason when it is unusable."""
    return judge_article(extract_article(raw, settings), settings, detector)


def extract_article(raw: RawArticle, settings: Settings) -> Article:
    """The article text, its metadata and its content-hash id (language not yet known); ExtractionRejected
    when too little text is left."""
    if raw.kind == "html":
        page = extract_html(raw.content, raw.url, source=raw.source)
        url = raw.url or page.url  # where it was fetched from, else where the page says it lives
        text = repair_text(page.text)
        hints = dict(title=raw.title or page.title, author=page.author, published=raw.published or page.date,
                     sitename=page.sitename)
    else:
        url = raw.url
        # Scraped text: what the cleaner keeps is at most the whole input, so twice the budget is plenty.
        content = repair_text(cut_to_budget(raw.content, 2 * settings.max_article_chars))
        text = clean_scraped_text(content)
        if not text.strip() and sum(1 for line in content.splitlines() if line.strip()) <= SHORT_INPUT_LINES:
            # A headline and a sentence or two (a wire item) holds no site chrome to remove, but too little
            # prose for the cleaner to find an article region: the text is the article, and the
            # not-an-article checks judge it.
            text = content
        hints = dict(title=raw.title, published=raw.published, sitename=holder_as_site(copyright_holder(content)),
                     page=content)
    meta = extract_meta(text, url=url, outlet=raw.outlet, **hints)
    body, title = meta.body.strip(), meta.title
    if len(body.split()) < settings.min_words <= len(text.split()):
        # The metadata step took a lone long paragraph for the headline: that paragraph is the article.
        body, title = text.strip(), None
    warnings = list(raw.warnings)
    body, runs = break_long_runs(body)
    if runs:
        warnings.append(f"{runs:,} run(s) of over {MAX_RUN_CHARS} characters without a space broken up (the "
                        f"parser's time grows with the square of their length)")
    if len(body) > settings.max_article_chars:
        whole = len(body)
        body = cut_to_budget(body, settings.max_article_chars)
        warnings.append(f"article text cut to {len(body):,} of {whole:,} characters (max_article_chars)")
    words = len(body.split())
    if words < settings.min_words:
        raise ExtractionRejected(raw.source, f"only {words} words of article text (at least {settings.min_words} needed)")
    return Article(id=content_id(body), source=raw.source, text=body, url=url, outlet=meta.outlet,
                   title=title, byline=meta.byline, dateline=meta.dateline, published=meta.published,
                   warnings=warnings)


def judge_article(article: Article, settings: Settings, detector: LanguageDetector) -> Article:
    """`article` with its language, or ExtractionRejected when it is no article (filler, code, a table) or not
    in a configured language."""
    # What the text is (filler, code, a table) says more than which language it resembles, so it comes first.
    check_article(article.text, detect_language(detector, article.text)[0], article.source)
    article.language = check_language(detector, article.text, settings.languages, article.source)
    return article
