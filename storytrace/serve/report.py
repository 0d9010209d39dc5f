"""The static report: one self-contained HTML file (inline CSS, no scripts, no external references) of the
story list and every story's disputes, timeline and claims, to mail or archive."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from storytrace.corpus import Corpus
from storytrace.serve.web import STATIC_DIR, present, render
from storytrace.serve.web.links import ReportLinks
from storytrace.store.base import Query

# Enough for any corpus one would mail; the web UI pages through larger ones.
_MAX_STORIES = 10_000


def build_report(corpus: Corpus) -> str:
    links = ReportLinks(inline_css=(STATIC_DIR / "style.css").read_text(encoding="utf-8"))
    summaries = corpus.story_summaries(Query(limit=_MAX_STORIES)).items
    # Disputed stories first: they are why one opens the report.
    summaries.sort(key=lambda s: (-s.dispute_count, s.story.first_seen is None, s.story.first_seen or "", s.story.id))
    stories = []
    for summary in summaries:
        view = corpus.story(summary.story.id)
        if view is None:
            continue
        stories.append(present.story_context(corpus, view))
    generated = datetime.now(timezone.utc).strftime("generated %Y-%m-%d %H:%M UTC")
    return render("report.html", links=links, title="storytrace report", summaries=summaries, stories=stories,
                  generated=generated, dispute_total=sum(s.dispute_count for s in summaries))


def write_report(corpus: Corpus, out: str | Path) -> Path:
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(build_report(corpus), encoding="utf-8")
    return path.resolve()
