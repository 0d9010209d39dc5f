"""Terminal rendering of corpus views with rich: tables for lists, panels for disputes."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Column, Table

from storytrace.corpus import Corpus, StoryView
from storytrace.link.disputes import trust
from storytrace.model import Claim, Dispute, Statement
from storytrace.serve import DATE_UNKNOWN

# Story ids are "S" and 11 hex digits.
_STORY_ID_WIDTH = 12
# Piped output (files, CI logs, the README) gets a readable width instead of rich's 80-column default.
console = Console(highlight=False, width=None if Console().is_terminal else 150)

# Characters that drive a terminal rather than print: C0 controls (ESC starts every escape sequence), DEL and
# C1 controls, and the bidirectional overrides that can make text read differently from what it is. Data from
# articles never prints them: a title cannot set the window title or clear the screen.
_CONTROLS = {c: None for c in (*range(0x00, 0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A))}
_CONTROLS.update({ord("\t"): " ", ord("\n"): " ", ord("\r"): " "})


def plain(text: str) -> str:
    """Text from data, safe to print on a terminal: control characters dropped, line breaks and tabs as spaces."""
    return text.translate(_CONTROLS)


def safe(text: str) -> str:
    """Text from data, safe to print through rich: `plain`, with rich's markup escaped."""
    return escape(plain(text))


@contextmanager
def progress(total_files: int, enabled: bool = True) -> Iterator[Callable[[str], None]]:
    """A progress bar over input files; JSONL lines advance it when their file is done."""
    if not enabled:
        yield lambda source: None
        return
    seen: set[str] = set()
    columns = [TextColumn("adding"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
               TextColumn("{task.description}")]
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("", total=total_files)

        def advance(source: str) -> None:
            path = source.split("#", 1)[0]
            if path not in seen:
                seen.add(path)
                bar.update(task, advance=1, description=safe(path[-50:]))

        yield advance


def stories_table(corpus: Corpus) -> None:
    # The id is what a reader copies into `storytrace story ID`: never wrapped or cut, however narrow the terminal.
    # A date, or "date unknown", stays on one line.
    table = Table(Column("id", no_wrap=True, min_width=_STORY_ID_WIDTH), "title", "articles", "outlets",
                  Column("first seen", no_wrap=True), Column("last seen", no_wrap=True), "disputes")
    for summary in corpus.story_summaries():
        story = summary.story
        table.add_row(story.id, safe(story.title), str(len(story.article_ids)),
                      safe(", ".join(summary.outlets) or "?"), _day(story.first_seen), _day(story.last_seen),
                      str(summary.dispute_count))
    console.print(table)


def story_view(view: StoryView, corpus: Corpus) -> None:
    story = view.story
    console.print(f"[bold]{safe(story.title)}[/bold]  ({story.id}, {_day(story.first_seen)} – {_day(story.last_seen)})")
    articles = Table("article", "outlet", Column("published", no_wrap=True), "title", title="Articles")
    for a in view.articles:
        articles.add_row(a.id, safe(a.outlet or "?"), a.published.isoformat() if a.published else _day(a.anchor_date),
                         safe(a.title or ""))
    console.print(articles)
    outlets = {a.id: a.outlet for a in view.articles}
    dated = {a.id: a.anchor_date for a in view.articles}
    timeline = Table("said on", "speaker", "stance", "statement", "via",
                     title="Timeline (~ marks the article's date where the statement gives no day of its own)")
    for s in view.timeline:
        anchor = dated.get(s.article_id)
        when = _day(s.said_on) if s.said_on else f"~{_day(anchor)}" if anchor else DATE_UNKNOWN
        timeline.add_row(when, safe(_speaker(s)), s.polarity, safe(_short(s.text)),
                         safe(" → ".join(s.chain) or outlets.get(s.article_id) or ""))
    console.print(timeline)
    claims = Table("claim", "status", "statements", "summary", title="Claims (with more than one statement)")
    for c in view.claims:
        if len(c.statement_ids) > 1:
            claims.add_row(c.id, c.status, str(len(c.statement_ids)), safe(_short(c.summary)))
    console.print(claims)
    said = corpus.statements_by_id([i for d in view.disputes for i in d.statement_ids[:2]])
    for d in view.disputes:
        console.print(f"[bold red]{d.kind}[/bold red] {d.id} (claim {d.claim_id}): {safe(d.explanation)}")
        _dispute_evidence(d, said)


def disputes_list(corpus: Corpus) -> None:
    shown = False
    for disputes in corpus.disputes().pages():  # each page's statements looked up at once
        said = corpus.statements_by_id([i for d in disputes for i in d.statement_ids[:2]])
        for d in disputes:
            _dispute_entry(d, corpus.claim(d.claim_id), said)
        shown = True
    if not shown:
        console.print("no disputes")


def _dispute_entry(d: Dispute, claim: Claim | None, said: dict[str, Statement]) -> None:
    console.print(f"[bold red]{d.kind}[/bold red] {d.id}  story {claim.story_id if claim else '?'}  "
                  f"claim {d.claim_id} ({claim.status if claim else '?'})")
    console.print(f"  {safe(d.explanation)}")
    _dispute_evidence(d, said)
    console.print()


# What the two sides of a dispute are called, by its kind.
_SIDES = {"denial": ("denial", "asserted"), "contradiction": ("one side", "other side")}


def _dispute_evidence(d: Dispute, said: dict[str, Statement]) -> None:
    """Under a dispute's explanation: its confidence and rule, each side's cue, span and chain, and the articles
    that report its denial."""
    console.print(f"  {safe(trust(d))}")
    for label, statement_id in zip(_SIDES.get(d.kind, ("side", "side")), d.statement_ids[:2]):
        s = said.get(statement_id)
        if s is not None:
            console.print(f"  {label}: {safe(_speaker(s))}, cue “{safe(s.cue)}”, article {s.article_id} "
                          f"characters {s.start}–{s.end}, via {safe(' → '.join(s.chain) or '?')}")
    if d.reported_by:
        reporters = ", ".join(f"{r.article_id} ({r.outlet or '?'})" for r in d.reported_by)
        console.print(f"  reported by: {safe(reporters)}")


def statements_table(statements: Iterable[Statement], corpus: Corpus) -> None:
    table = Table("id", "speaker", "cue", "stance", "said on", "statement")
    for s in statements:
        # No day of its own is not an unknown date: its article may well have one.
        table.add_row(s.id, safe(_speaker(s)), safe(s.cue), s.polarity, s.said_on.isoformat() if s.said_on else "—",
                      safe(_short(s.text)))
    console.print(table)


def search_results(results: list[tuple[str, str, str]]) -> None:
    table = Table("kind", "id", "match")
    for kind, ref, snippet in results:
        table.add_row(kind, ref, safe(" ".join(snippet.split())))
    console.print(table if results else "no matches")


def _speaker(s: Statement) -> str:
    return f"{s.speaker.name} ({s.speaker.role})" if s.speaker.role else s.speaker.name


def _short(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _day(value) -> str:
    """A story's or article's date, or the marker that it is not known."""
    return value.isoformat() if value else DATE_UNKNOWN
