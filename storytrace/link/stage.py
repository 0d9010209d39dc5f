"""The link stage: an analysed article in, everything linking decides about it out, as plain data.

For each article the stage resolves its names against the stored entities they may match (`resolve_entities`
reads only those), places it in a story (the story linker's nearest neighbours; shared entities are evidence),
has the store load a read-only `LinkContext` (the story's statements with their claims) and calls `link`, which
reads nothing but its arguments. The caller commits each `LinkResult` with `Store.apply` before the next article
is linked, so every context sees the articles before it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from storytrace.budget import Deadline
from storytrace.errors import DuplicateArticle, IngestError
from storytrace.link.claims import ClaimModels, link_claims
from storytrace.link.entities import entity_keys, resolve_entities
from storytrace.link.stories import StoryLinker, fold_stories, story_for
from storytrace.model import Article, Entity, LinkContext, LinkResult
from storytrace.pipeline import failure
from storytrace.settings import Settings

if TYPE_CHECKING:
    from storytrace.store import Store


def link(article: Article, entities: list[tuple[Entity, list[tuple[str, str]]]], context: LinkContext,
         settings: Settings, models: ClaimModels) -> LinkResult:
    """The story's new state, and claims and disputes for `article` (its names resolved: `entities` are the
    ones to store), from `context` alone. Claim linking stops at `settings.article_seconds`, and what it left
    out becomes one of the article's warnings."""
    deadline = Deadline(settings.article_seconds)
    claims = link_claims(article, context, settings, models, deadline)
    if (cut := deadline.warning("claim linking")) is not None:
        article.warnings.append(cut)
    story = fold_stories(story_for(article, context.story_id, context.story), context.merged)
    return LinkResult(article=article, story=story, entities=entities, claim_of=claims.claim_of,
                      deleted_claims=claims.deleted, claims=claims.claims, disputes=claims.disputes,
                      merged_stories=[s.id for s in context.merged])


class LinkStage:
    name = "link"
    requires = frozenset({"mentions", "statements", "embedding"})
    assigns = frozenset({"entities", "story", "claims"})

    def __init__(self, store: Store, settings: Settings, load_models: Callable[[], ClaimModels], linker: StoryLinker):
        self.store = store  # read here; written by whoever applies the results
        self.settings = settings
        self.load_models = load_models  # called for the first article: a stream of rejects loads no model
        self.linker = linker

    def __call__(self, items: Iterator) -> Iterator[LinkResult | IngestError]:
        for item in items:
            if isinstance(item, IngestError):
                yield item
            elif self.store.has_article(item.id):  # stored since it was cleaned (another add, an earlier input)
                yield DuplicateArticle(item.source, f"already stored as article {item.id}")
            else:
                try:
                    yield self.link(item)
                except Exception as exc:  # noqa: BLE001 - one article's failure is its verdict, never the batch's end
                    yield failure(item.source, "linking", exc)

    def link(self, article: Article) -> LinkResult:
        entities = resolve_entities(article, self.store.entities_by_keys(entity_keys(article)))
        placement = self.linker.place(article)
        context = self.store.link_context(placement.story_id, placement.merged)
        return link(article, entities, context, self.settings, self.load_models())
