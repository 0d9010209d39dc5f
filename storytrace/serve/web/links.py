"""Where a page links to: the web app links to its pages; the static report links inside itself or nowhere."""

from __future__ import annotations

from urllib.parse import quote, urlencode

from markupsafe import Markup


class WebLinks:
    static = True  # pages link the stylesheet at /static rather than inlining it
    inline_css = ""

    def story(self, story_id: str) -> str:
        return f"/stories/{quote(story_id, safe='')}"

    def article(self, article_id: str, statement_id: str | None = None) -> str | None:
        return f"/articles/{quote(article_id, safe='')}" + (f"#st-{statement_id}" if statement_id else "")

    def speaker(self, name: str) -> str | None:
        return "/speakers?" + urlencode({"name": name})

    def page(self, path: str, **params: object) -> str:
        kept = {k: v for k, v in params.items() if v not in (None, "")}
        return path + ("?" + urlencode(kept) if kept else "")


class ReportLinks(WebLinks):
    """One self-contained file: stories are sections of it; articles and speakers have no page of their own."""

    static = False

    def __init__(self, inline_css: str):
        # Our own stylesheet, never article data: it goes into <style> unescaped (escaping would break its
        # quoted font names), and must not be able to close the element.
        if "</" in inline_css:
            raise ValueError("the stylesheet must not contain '</'")
        self.inline_css = Markup(inline_css)

    def story(self, story_id: str) -> str:
        return f"#story-{story_id}"

    def article(self, article_id: str, statement_id: str | None = None) -> str | None:
        return None

    def speaker(self, name: str) -> str | None:
        return None
