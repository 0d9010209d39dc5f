"""The web pages: story list, story (timeline, claims, disputes), article, speaker, search, disputes.

Each route reads through the Corpus, builds view models in `present`, and renders one template."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse, RedirectResponse

from storytrace.serve.api.deps import MAX_FILTER_CHARS, MAX_OFFSET, CorpusDep, DateRangeDep
from storytrace.serve.api.errors import ApiError
from storytrace.serve.web import present, render
from storytrace.serve.web.links import WebLinks
from storytrace.store.base import Query as Filters

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
LINKS = WebLinks()
_PAGE = 50


@router.get("/")
def story_list(corpus: CorpusDep, dates: DateRangeDep,
               outlet: Annotated[str | None, Query(max_length=MAX_FILTER_CHARS)] = None,
               offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> str:
    query = Filters(outlet=outlet or None, since=dates.since, until=dates.until, limit=_PAGE, offset=offset)
    listing = corpus.story_summaries(query)
    return render("stories.html", links=LINKS, title="Stories", listing=listing, outlet=outlet or "",
                  since=dates.since, until=dates.until)


@router.get("/stories/{story_id}", response_model=None)  # a page, or a redirect for a folded story
def story_page(corpus: CorpusDep, story_id: str,
               part: Annotated[int, Query(ge=1, le=MAX_OFFSET)] = 1) -> str | RedirectResponse:
    shown = present.story_part(corpus, story_id, part)
    if shown is None and (moved := corpus.story_moved_to(story_id)) is not None:
        return RedirectResponse(LINKS.story(moved), status_code=308)  # folded into another: links still lead on
    if shown is None:
        raise ApiError(404, "not_found", f"no story with id {story_id!r}")
    return render("story.html", links=LINKS, title=shown["view"].story.title, s=shown)


@router.get("/articles/{article_id}")
def article_page(corpus: CorpusDep, article_id: str) -> str:
    article = corpus.article(article_id)
    if article is None:
        raise ApiError(404, "not_found", f"no article with id {article_id!r}")
    cards = [present.card(s, article) for s in article.statements]
    return render("article.html", links=LINKS, title=article.title or article.source, article=article,
                  segments=present.article_segments(article), cards=cards, story=corpus.story_of(article.id))


@router.get("/speakers")
def speaker_page(corpus: CorpusDep, name: Annotated[str, Query(max_length=MAX_FILTER_CHARS)] = "",
                 offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> str:
    if not name.strip():
        return render("speaker.html", links=LINKS, title="Speakers", name="", listing=None, groups={},
                      story_titles={})
    listing = corpus.statements(Filters(speaker=name.strip(), limit=_PAGE, offset=offset))
    # Summaries, not whole articles: a card shows its article's outlet, title and date, never its analysis.
    quoted = list(dict.fromkeys(s.article_id for s in listing.items))
    articles = corpus.article_summaries(quoted)
    stories = corpus.article_stories(quoted)
    titles = dict(stories.values())
    groups: dict[str | None, list[present.StatementCard]] = {}
    for statement in listing.items:
        story = stories.get(statement.article_id)
        groups.setdefault(story[0] if story else None, []).append(
            present.card(statement, articles.get(statement.article_id)))
    return render("speaker.html", links=LINKS, title=f"Said by {name}", name=name, listing=listing,
                  groups=groups, story_titles=titles)


@router.get("/search")
def search_page(corpus: CorpusDep, q: Annotated[str, Query(max_length=500)] = "") -> str:
    hits = []
    found = corpus.search(q, 50) if q.strip() else []
    said = corpus.statements_by_id([ref for kind, ref, _ in found if kind == "statement"])
    for kind, ref, snippet in found:
        statement = said.get(ref) if kind == "statement" else None
        article_id = statement.article_id if statement else ref
        hits.append({"kind": kind, "href": LINKS.article(article_id, statement.id if statement else None),
                     "segments": present.snippet_segments(" ".join(snippet.split())), "statement": statement})
    return render("search.html", links=LINKS, title=f"Search: {q}" if q else "Search", q=q, hits=hits)


@router.get("/disputes")
def disputes_page(corpus: CorpusDep, story_id: Annotated[str | None, Query(max_length=MAX_FILTER_CHARS)] = None,
                  offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> str:
    listing = corpus.disputes(Filters(story_id=story_id or None, limit=present.DISPUTES_PER_PAGE,
                                           offset=offset))
    return render("disputes.html", links=LINKS, title="Disputes", listing=listing, story_id=story_id or "",
                  disputes=present.dispute_cards(corpus, listing.items))
