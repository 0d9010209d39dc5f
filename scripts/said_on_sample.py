"""List a fixed sample of PolNeAR dev statements near a day-level time expression, with their said_on, to judge.

    nice .venv/bin/python scripts/said_on_sample.py --data ../shared/data/polnear [--n 40]

Each dev article is read as plain text with the publication date metadata.tsv records (as a user adding
the text with that date would), cleaned and analysed by storytrace; every statement whose text, or the
sentence around its cue, holds a weekday, "yesterday", "today", "tonight", "last night", "this morning" or
a month-and-day is listed, and a seeded sample of them is printed for a reader to judge (is the time
expression in the statement's text or on its cue, and which day was it said on). The verdicts of one
run are in docs/said-on-sample.md.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
from pathlib import Path

# Day-level time expressions (a rough net: the reader decides which ones date the statement).
DAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|last night|"
                 r"this (?:morning|afternoon|evening)|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b)")
# Characters read before a statement (back to its sentence's start) and after it for the cue's modifiers.
BEFORE, AFTER = 200, 60
SEED = 11


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--n", type=int, default=40)
    args = parser.parse_args()

    from storytrace.analyze.nlp import import_spacy, load_nlp

    import_spacy()
    from storytrace.analyze import component  # noqa: F401 - registers the attribution factory
    from storytrace.analyze.stage import article_context
    from storytrace.clean.language import build_detector
    from storytrace.clean.stage import clean_article
    from storytrace.errors import IngestError
    from storytrace.model import RawArticle
    from storytrace.settings import Settings

    with (args.data / "metadata.tsv").open(encoding="utf-8") as handle:
        dates = {row["filename"]: row["publication_date"] for row in csv.DictReader(handle, delimiter="\t")
                 if row["compartment"] == "dev"}
    settings = Settings()
    detector = build_detector()
    nlp = load_nlp(settings)
    nlp.add_pipe("storytrace_attribution")
    found = []
    for name, published in sorted(dates.items()):
        text = (args.data / "dev" / "text" / f"{name}.txt").read_text(encoding="utf-8")
        try:
            article = clean_article(RawArticle(source=name, content=text, kind="text", published=published),
                                    settings, detector)
        except IngestError as exc:
            print(f"skipped {name}: {exc}")
            continue
        doc = next(iter(nlp.pipe([(article.text, article_context(article))], as_tuples=True)))[0]
        for statement in doc._.storytrace_statements:
            start = max(article.text.rfind(".", 0, statement.start) + 1, statement.start - BEFORE)
            context = " ".join(article.text[start:statement.end + AFTER].split())
            match = DAY.search(statement.text) or DAY.search(context)
            if match:
                found.append((name, published, statement, match.group(0), context))
    print(f"{len(found)} statements near a day-level expression, {sum(s.said_on is not None for _, _, s, _, _ in found)} "
          f"with said_on")
    random.Random(SEED).shuffle(found)
    for number, (name, published, statement, expression, context) in enumerate(found[:args.n]):
        print(f"{number}\t{name}\tpublished {published}\tcue {statement.cue!r}\tsaid_on {statement.said_on}\t{expression}")
        print(f"    text: {statement.text[:160]}")
        print(f"    around: {context[:300]}")


if __name__ == "__main__":
    main()
