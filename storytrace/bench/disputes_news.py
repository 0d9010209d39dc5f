"""Disputes on real political news, read: PolNeAR's articles (seven US publishers, Nov 2015 - Nov 2016) added to
one fresh corpus as a user would add them, and every dispute storytrace raises among them judged by a reader.

No dispute rule was developed on these articles (the rules were tuned on FNC-1 bodies; PolNeAR served only the
attribution of statements and their days), so the judged share is a held-out precision on the product's core case:
candidates, campaigns and officials denying what outlets report of them. There is no gold list of disputes, so
there is no recall here.

Each article of the split is added with its text (headline line included), the publication date `metadata.tsv`
records, and a url on its publisher's site (`PUBLISHER_SITES`), so outlets are told apart as a reader tells them.
`--sheet FILE` writes every dispute, both sides in context, for reading; `--judgments FILE` (the format of
`storytrace.bench.disputes`: `KEY<TAB>real|false<TAB>reason`, keyed by the pair's two statement texts) turns the
reading into `precision_read`, with the false verdicts counted by class and each rule's confidence beside the
share read real. Reported besides: articles stored, stories, disputes by kind, disputes inside one article, and
disputes per distinct denial.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from storytrace.bench import BenchResult, bench_db
from storytrace.bench.disputes import DenialGroups, Reading, context, dispute_key, normalise, read_judgments
from storytrace.bench.polnear import publication_dates
from storytrace.errors import BenchError
from storytrace.model import Dispute, RawArticle, Statement
from storytrace.settings import Settings

# PolNeAR's publisher names and the site each publishes on: the outlet a reader sees, and one source per outlet
# for its anonymous sources.
PUBLISHER_SITES = {"breitbart": "www.breitbart.com", "huff-post": "www.huffingtonpost.com",
                   "nyt": "www.nytimes.com", "politico": "www.politico.com", "usa-today": "www.usatoday.com",
                   "wash-post": "www.washingtonpost.com", "west-journal": "www.westernjournalism.com"}
URL = "https://{site}/polnear/{name}"


@dataclass
class _Read:
    """What the corpus made of the articles, read back."""

    name_of: dict[str, str]  # article id -> PolNeAR file name
    texts: dict[str, str]  # article id -> clean text
    statements: dict[str, Statement]
    disputes: list[Dispute]
    stories: int


def polnear_articles(data: Path, split: str) -> list[RawArticle]:
    """The split's articles as raw text with their publication date and a url on their publisher's site."""
    import csv

    folder = Path(data) / split / "text"
    if not folder.is_dir():
        raise BenchError(f"{folder}: no such folder (expected PolNeAR's {split}/text)")
    dates = publication_dates(Path(data), split)
    with (Path(data) / "metadata.tsv").open(encoding="utf-8") as handle:
        publishers = {row["filename"]: row["publisher"] for row in csv.DictReader(handle, delimiter="\t")}
    raws = []
    for path in sorted(folder.glob("*.txt")):
        name = path.stem
        site = PUBLISHER_SITES.get(publishers.get(name, ""))
        if site is None or name not in dates:
            raise BenchError(f"{path}: no publisher or date for it in metadata.tsv")
        url = URL.format(site=site, name=name)
        raws.append(RawArticle(source=url, content=path.read_text(encoding="utf-8"), kind="text", url=url,
                               published=dates[name]))
    if not raws:
        raise BenchError(f"{folder}: no article texts")
    return raws


def score(read: _Read, judgments: dict | None) -> tuple[dict[str, float], dict[str, str]]:
    """Counts of what was raised and, with verdicts, the share read real (see the module docstring)."""
    kinds = Counter(d.kind for d in read.disputes)
    inside = 0
    denial_groups = DenialGroups()
    reading = Reading()
    for dispute in read.disputes:
        first, second = (read.statements[sid] for sid in dispute.statement_ids[:2])
        inside += first.article_id == second.article_id
        if dispute.kind == "denial":
            denial_groups.join([normalise(first.text)] + [
                normalise(read.statements[sid].text) for sid in dispute.statement_ids[2:]
                if read.statements[sid].polarity == "denies"])
        verdict = (judgments or {}).get(dispute_key(first.text, second.text))
        if verdict is not None:
            reading.add(dispute, verdict)
    distinct = denial_groups.count()
    metrics = {"articles_stored": float(len(read.name_of)), "stories": float(read.stories),
               "disputes_total": float(len(read.disputes)), "denials": float(kinds["denial"]),
               "contradictions": float(kinds["contradiction"]),
               "disputes_inside_one_article": float(inside),
               "disputes_per_denial": kinds["denial"] / distinct if distinct else 0.0}
    details: dict[str, str] = {}
    if judgments is not None:
        reading.report(len(read.disputes), metrics, details)
    return metrics, details


def write_sheet(path: Path, read: _Read) -> None:
    """Every dispute, both sides in context, for a reader to judge (Markdown)."""
    out = [f"# Disputes on PolNeAR articles: {len(read.disputes)} disputes", "",
           "Judge each one: add `KEY<TAB>real|false<TAB>reason` to the judgments file (for a false one the reason "
           "starts with its class and a colon). «…» marks the statement inside its sentences.", ""]
    for number, dispute in enumerate(sorted(read.disputes, key=lambda d: d.id), start=1):
        sides = [read.statements[sid] for sid in dispute.statement_ids]
        out += [f"## {number}. `{dispute_key(sides[0].text, sides[1].text)}` · {dispute.kind} · {dispute.id}", ""]
        labels = ("denial", "assertion") if dispute.kind == "denial" else ("one side", "other side")
        for label, s in zip(labels, sides[:2]):
            role = f" ({s.speaker.role})" if s.speaker.role else ""
            out.append(f"- **{label}**: {read.name_of[s.article_id]} · speaker: {s.speaker.name}{role} · cue: {s.cue}"
                       f" · polarity: {s.polarity} · said on: {s.said_on or '-'} · chain: {' → '.join(s.chain) or '-'}")
            out.append(f"  - statement: “{normalise(s.text)}”")
            out.append(f"  - context: {context(read.texts[s.article_id], s.start, s.end)}")
        if len(sides) > 2:
            out.append(f"- and {len(sides) - 2} more statement(s) in "
                       f"{', '.join(sorted({read.name_of[s.article_id] for s in sides[2:]}))}")
        out += [f"- explanation: {dispute.explanation}", ""]
    Path(path).write_text("\n".join(out), encoding="utf-8")


def bench_disputes_news(data: Path, split: str = "train", limit: int | None = None,
                        settings: Settings | None = None, db: Path | None = None, sheet: Path | None = None,
                        judgments: Path | None = None) -> BenchResult:
    """Add PolNeAR's `split` articles (the first `limit`) to one fresh corpus and count, and with `judgments`
    score, the disputes storytrace raises among them; write them to `sheet` when given."""
    from storytrace.corpus import Corpus
    from storytrace.loading import load_models
    from storytrace.store import open_store

    verdicts = read_judgments(Path(judgments)) if judgments is not None else None
    if sheet is not None and not Path(sheet).parent.is_dir():  # known before minutes of analysis, not after
        raise BenchError(f"{sheet}: no such folder for the sheet")
    raws = polnear_articles(Path(data), split)[:limit]
    settings = settings or Settings()
    models = load_models(settings)
    started = time.perf_counter()
    with bench_db(db, "disputes-news") as path:
        corpus = Corpus(open_store(path), settings, models)
        report = corpus.add_raw(raws, parallel=True)
        articles = list(corpus.articles())
        read = _Read({a.id: a.source.rsplit("/", 1)[-1] for a in articles}, {a.id: a.text for a in articles},
                     {s.id: s for s in corpus.statements()}, list(corpus.disputes()), len(list(corpus.stories())))
        corpus.close()
    metrics, details = score(read, verdicts)
    if sheet is not None:
        write_sheet(Path(sheet), read)
    details["articles"] = (f"{len(raws)} articles of PolNeAR {split}: {len(read.name_of)} stored, "
                           f"{len(report.skipped)} rejected, {len(report.duplicates)} duplicate texts")
    return BenchResult("disputes-news", f"{data} ({split})", len(raws), "precision_read" if verdicts else
                       "disputes_total", metrics, models.backend, time.perf_counter() - started, details=details)
