"""Would a date taken from an undated article's own text date its statements as its publication date does?

Issue 11, item 4 asks that an article with no known date take one from the dates its text states. Stories do not
use such a date (it made ECB+ clustering worse); this measures the other use, dating statements. Each PolNeAR
article of the split is read twice as plain text: once with the publication date metadata.tsv records, once
without any. For the articles that then have no date but state a full date (day, month and year), the statements
are dated against the text's latest full date, and against its first, and compared with the reading that had
the publication date (right on about nine in ten of the statements read by hand; docs/said-on-sample.md).

    python scripts/text_date_check.py --data ../shared/data/polnear --split train
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")  # a TIMEX3 value naming one day of one year


@dataclass
class Agreement:
    same: int = 0  # dated, and on the day the publication date gave
    other: int = 0  # dated on another day
    extra: int = 0  # dated where the publication date gave no day


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the PolNeAR folder (metadata.tsv, dev/, train/)")
    parser.add_argument("--split", default="train", choices=("train", "dev"))
    args = parser.parse_args()
    compare(args.data, args.split)


def compare(data: Path, split: str) -> None:
    from storytrace.analyze.stage import article_context
    from storytrace.analyze.time.tagger import tag_timexes
    from storytrace.bench.polnear import attribution_nlp, publication_dates
    from storytrace.clean.language import build_detector
    from storytrace.clean.stage import clean_article
    from storytrace.model import RawArticle
    from storytrace.settings import Settings

    published = publication_dates(data, split)
    settings = Settings()
    detector = build_detector()
    nlp = attribution_nlp(settings)

    def days(text: str, context: dict) -> list[date | None]:
        doc = next(iter(nlp.pipe([(text, context)], as_tuples=True)))[0]
        return [statement.said_on for statement in doc._.storytrace_statements]

    by_anchor = {"latest": Agreement(), "first": Agreement()}
    undated_with_dates = 0
    for name, day in sorted(published.items()):
        text = (data / split / "text" / f"{name}.txt").read_text(encoding="utf-8")
        dated = clean_article(RawArticle(source=name, content=text, kind="text", published=day), settings, detector)
        undated = clean_article(RawArticle(source=name, content=text, kind="text"), settings, detector)
        stated = [date.fromisoformat(t.value) for t in tag_timexes(undated.text, None) if _FULL_DATE.match(t.value)]
        if undated.anchor_date is not None or not stated:
            continue  # a dateline gave a date, or the text states no full date: nothing to take
        undated_with_dates += 1
        reference = days(dated.text, article_context(dated))
        for key, anchor in (("latest", max(stated)), ("first", stated[0])):
            found = days(undated.text, {**article_context(undated), "anchor": anchor.isoformat()})
            if len(found) != len(reference):
                continue  # the two readings found different statements: not comparable one by one
            _count(by_anchor[key], reference, found)
    print(f"{split}: {len(published)} articles, {undated_with_dates} of them undated without the publication date "
          "but stating a full date")
    for key, agreement in by_anchor.items():
        judged = agreement.same + agreement.other
        share = f"{agreement.same / judged:.2f}" if judged else "-"
        print(f"  the text's {key} full date: same day as with the publication date {agreement.same} of {judged} "
              f"({share}); dated where the publication date gave no day {agreement.extra}")


def _count(agreement: Agreement, reference: list[date | None], found: list[date | None]) -> None:
    for expected, got in zip(reference, found):
        if expected and got:
            if expected == got:
                agreement.same += 1
            else:
                agreement.other += 1
        elif got:
            agreement.extra += 1


if __name__ == "__main__":
    main()
