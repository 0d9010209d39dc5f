"""The web UI: server-rendered Jinja2 pages (autoescaped; article text and titles are untrusted) and one CSS file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from storytrace.serve import DATE_UNKNOWN

STATIC_DIR = Path(__file__).parent / "static"
TEMPLATES_DIR = Path(__file__).parent / "templates"


@lru_cache(maxsize=1)
def environment() -> Environment:
    # autoescape=True for every template, whatever its name: nothing from an article is ever trusted markup.
    env = Environment(loader=FileSystemLoader(TEMPLATES_DIR), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.globals["DATE_UNKNOWN"] = DATE_UNKNOWN
    return env


def compile_templates() -> None:
    """Compile every template now (a server's start-up does), so no reader waits for a first compilation."""
    env = environment()
    for path in sorted(TEMPLATES_DIR.glob("*.html")):
        env.get_template(path.name)


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)


def error_page(status: int, message: str) -> str:
    """The HTML page of an error, for a browser; the API's error handlers use it (so it lives apart from the
    page routes, which depend on the API's dependencies)."""
    from storytrace.serve.web.links import WebLinks

    return render("error.html", links=WebLinks(), title=f"Error {status}", status=status, message=message)
