"""List and score a fixed sample of PolNeAR dev statements near a day-level time expression, by their said_on.

    nice .venv/bin/python scripts/said_on_sample.py --data ../shared/data/polnear [--seed 11] [--n 40] [--split dev]

Each dev article is read as plain text with the publication date metadata.tsv records (as a user adding
the text with that date would), cleaned and analysed by storytrace; every statement whose text, or the
sentence around its cue, holds a weekday, "yesterday", "today", "tonight", "last night", "this morning" or
a month-and-day is listed, and a seeded sample of them is printed for a reader to judge: on which day was
it said, as a careful reader of the article can tell (the expression may date it, or date something else).

The verdicts are in `--judgments` (default storytrace/bench/data/polnear-dev-said-on-judgments.tsv), one line
per statement: `article`, `text` (a digest of the statement's text: PolNeAR states no licence, so the
repository keeps none of its sentences), `cue`, `day` (the day it was said, or `-` when the text does not
tell it: the statement is outside the population) and `reason`. A verdict records the day, not whether
storytrace got it, so it scores any later version: the script prints the share of statements inside the
population whose said_on is that day, how many outside it were given a day all the same, and lists the
statements with no verdict yet (to be read and added). Every statement of the net has a verdict now, so
`--n` at least the net's size (201) scores all of it, each once. The readings and their figures (blind
first, then after the fixes each prompted) are in docs/said-on-sample.md. `--split train` lists the train
articles instead, for a check on statements no fix has seen (verdicts in a file of their own). `--blind` prints
only the sample's statements with no verdict yet, with the article's lead and the paragraphs around each, and
never storytrace's said_on: the view to judge a new sample from before its figure is known.

A seeded shuffle of the net is a different sample as soon as the net gains or loses one statement (another
stage's change can do that), so `--samples` keeps each drawn sample's members by key (article, digest, cue; no
text): a seed listed there is read back as drawn, whatever the net holds now, and a seed not listed is drawn and
added. Members the current net no longer holds are reported as gone. `--recorded` scores every statement of every
recorded seed, each once. `--listing FILE` keeps the analysed net (the 9 minutes of a train run) in a JSON file, read
back by later runs on the same tree: a blind view and its score share one listing (delete the file after a change).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from storytrace.bench.statements import text_digest

# Day-level time expressions (a rough net: the reader decides which ones date the statement).
DAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|last night|"
                 r"this (?:morning|afternoon|evening)|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b)")
# Characters read before a statement (back to its sentence's start) and after it for the cue's modifiers.
BEFORE, AFTER = 200, 60
# What the blind view shows: the article's first paragraphs (headline, lead) and the paragraphs either side.
LEAD_PARAGRAPHS, NEIGHBOURS = 3, 2
SEED = 11  # the seed of the first judged sample
JUDGMENTS = Path(__file__).resolve().parents[1] / "storytrace" / "bench" / "data" / "polnear-dev-said-on-judgments.tsv"
COLUMNS = ("article", "text", "cue", "day", "reason")
OUTSIDE = "-"  # the `day` of a statement whose day the text does not tell
SAMPLE_COLUMNS = ("seed", "number", "article", "text", "cue")


@dataclass(frozen=True)
class Listed:
    """One statement of the net, with what a reader needs to judge it."""

    article: str
    published: str
    text: str
    cue: str
    said_on: date | None
    expression: str
    context: str

    @property
    def key(self) -> tuple[str, str, str]:
        return self.article, text_digest(" ".join(self.text.split())), " ".join(self.cue.split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--judgments", type=Path, default=JUDGMENTS)
    parser.add_argument("--split", default="dev", choices=("dev", "train"))
    parser.add_argument("--blind", action="store_true", help="show unjudged statements to judge, said_on hidden")
    parser.add_argument("--samples", type=Path, help="drawn samples by key: read a listed seed back, add a new one")
    parser.add_argument("--recorded", action="store_true",
                        help="score every statement of every seed recorded in --samples, each once")
    parser.add_argument("--listing", type=Path,
                        help="a JSON file of the net: read when it exists (no analysis), else written after listing")
    args = parser.parse_args()

    found = cached_listing(args.listing, args.data, args.split)
    print(f"{len(found)} statements near a day-level expression, {sum(s.said_on is not None for s in found)} with said_on")
    sample = recorded(found, args.samples) if args.recorded else draw(found, args.seed, args.n, args.samples)
    verdicts = read_verdicts(args.judgments) if args.judgments.exists() else {}
    if args.blind:
        show_blind(sample, verdicts, args.data / args.split / "text")
        return
    for number, item in enumerate(sample):
        verdict = verdicts.get(item.key)
        mark = "UNJUDGED" if verdict is None else f"day {verdict[0]}" + (f" ({verdict[1]})" if verdict[1] else "")
        print(f"{number}\t{item.article}\tpublished {item.published}\tcue {item.cue!r}\tsaid_on {item.said_on}\t"
              f"{item.expression}\t{mark}")
        print(f"    key: {item.key[1]}")
        print(f"    text: {item.text[:160]}")
        print(f"    around: {item.context[:300]}")
    report(sample, verdicts, "all recorded" if args.recorded else args.seed)


def cached_listing(listing: Path | None, data: Path, split: str) -> list[Listed]:
    """The net, from `listing` when that file exists (a listing of the same tree: delete it after a change),
    else analysed (and written to `listing` when given): a blind read and its score then share one listing."""
    if listing is not None and listing.exists():
        rows = json.loads(listing.read_text(encoding="utf-8"))
        return [Listed(**{**row, "said_on": date.fromisoformat(row["said_on"]) if row["said_on"] else None})
                for row in rows]
    found = list_statements(data, split)
    if listing is not None:
        rows = [{**asdict(item), "said_on": item.said_on.isoformat() if item.said_on else None} for item in found]
        listing.write_text(json.dumps(rows), encoding="utf-8")
    return found


def recorded(found: list[Listed], samples: Path | None) -> list[Listed]:
    """Every statement of every recorded seed still in the net, each once, in the order first drawn."""
    if samples is None or not samples.exists():
        raise SystemExit("--recorded needs --samples FILE")
    by_key = {item.key: item for item in found}
    keys = dict.fromkeys(key for drawn in read_samples(samples).values() for key in drawn)
    gone = [key for key in keys if key not in by_key]
    if gone:
        print(f"{len(gone)} of the {len(keys)} recorded statements are no longer in the net")
    return [by_key[key] for key in keys if key in by_key]


def draw(found: list[Listed], seed: int, n: int, samples: Path | None) -> list[Listed]:
    """The sample of `seed`: as recorded in `samples` when it is listed there, else the first `n` of a seeded
    shuffle (then recorded, when `samples` is given)."""
    recorded = read_samples(samples).get(seed) if samples is not None and samples.exists() else None
    if recorded is not None:
        by_key = {item.key: item for item in found}
        gone = [key for key in recorded if key not in by_key]
        if gone:
            print(f"{len(gone)} of seed {seed}'s {len(recorded)} statements are no longer in the net")
        return [by_key[key] for key in recorded if key in by_key]
    shuffled = list(found)
    random.Random(seed).shuffle(shuffled)
    sample = shuffled[:n]
    if samples is not None:
        new = not samples.exists()
        with samples.open("a", encoding="utf-8") as handle:
            if new:
                handle.write("\t".join(SAMPLE_COLUMNS) + "\n")
            for number, item in enumerate(sample):
                handle.write("\t".join((str(seed), str(number), *item.key)) + "\n")
    return sample


def read_samples(path: Path) -> dict[int, list[tuple[str, str, str]]]:
    """Each recorded seed's statements by key, in their drawn order."""
    samples: dict[int, list[tuple[str, str, str]]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            samples.setdefault(int(row["seed"]), []).append((row["article"], row["text"], row["cue"]))
    return samples


def show_blind(sample: list[Listed], verdicts: Mapping[tuple[str, str, str], tuple[str, str]], texts: Path) -> None:
    """The unjudged statements of a sample as a reader judges them: no said_on, the article's lead and the
    paragraphs around the statement (its number is the one a verdict is recorded under)."""
    for number, item in enumerate(sample):
        if item.key in verdicts:
            continue
        paragraphs = [" ".join(line.split()) for line in (texts / f"{item.article}.txt").read_text(encoding="utf-8")
                      .splitlines() if line.strip()]
        probe = " ".join(item.text.split())[:40]
        at = next((i for i, paragraph in enumerate(paragraphs) if probe in paragraph), None)
        weekday = date.fromisoformat(item.published).strftime("%A")
        print(f"=== #{number} {item.article} published {item.published} ({weekday}) cue {item.cue!r}")
        print(f"    key: {item.key[1]}\n    text: {' '.join(item.text.split())}")
        print(f"    lead: {' | '.join(paragraphs[:LEAD_PARAGRAPHS])}")
        around = [item.context] if at is None else paragraphs[max(0, at - NEIGHBOURS):at + NEIGHBOURS]
        for paragraph in around:
            print(f"    > {paragraph}")


def list_statements(data: Path, split: str = "dev") -> list[Listed]:
    """Every statement of the split near a day-level expression, by article and reading order."""
    from storytrace.analyze.stage import article_context
    from storytrace.bench.polnear import attribution_nlp, publication_dates
    from storytrace.clean.language import build_detector
    from storytrace.clean.stage import clean_article
    from storytrace.errors import IngestError
    from storytrace.model import RawArticle
    from storytrace.settings import Settings

    dates = publication_dates(data, split)
    settings = Settings()
    detector = build_detector()
    nlp = attribution_nlp(settings)
    found = []
    for name, published in sorted(dates.items()):
        text = (data / split / "text" / f"{name}.txt").read_text(encoding="utf-8")
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
                found.append(Listed(name, published, statement.text, statement.cue, statement.said_on,
                                    match.group(0), context))
    return found


def read_verdicts(path: Path) -> dict[tuple[str, str, str], tuple[str, str]]:
    """(day or OUTSIDE, reason) keyed by article, text digest and cue; a malformed line stops with its number."""
    verdicts = {}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise SystemExit(f"{path}: the columns must be {', '.join(COLUMNS)}")
        for line, row in enumerate(reader, start=2):
            if row["day"] != OUTSIDE:
                try:
                    date.fromisoformat(row["day"])
                except ValueError:
                    raise SystemExit(f"{path}:{line}: day must be an ISO date or {OUTSIDE}, not {row['day']!r}") from None
            key = (row["article"], text_digest(" ".join(row["text"].split())), " ".join(row["cue"].split()))
            verdicts[key] = (row["day"], row["reason"] or "")
    return verdicts


def report(sample: list[Listed], verdicts: dict[tuple[str, str, str], tuple[str, str]], seed: int | str) -> None:
    inside = [(item, verdicts[item.key][0]) for item in sample if item.key in verdicts and verdicts[item.key][0] != OUTSIDE]
    outside = [item for item in sample if item.key in verdicts and verdicts[item.key][0] == OUTSIDE]
    unjudged = [number for number, item in enumerate(sample) if item.key not in verdicts]
    right = [item for item, day in inside if item.said_on is not None and item.said_on.isoformat() == day]
    share = f"{len(right) / len(inside):.2f}" if inside else "n/a"
    print(f"\nseed {seed}: said_on right for {len(right)} of {len(inside)} statements inside the population ({share}); "
          f"{len(outside)} outside it, of which {sum(i.said_on is not None for i in outside)} given a day all the same; "
          f"{len(unjudged)} unjudged" + (f" (#{', #'.join(map(str, unjudged))})" if unjudged else ""))
    for number, item in enumerate(sample):
        if item.key in verdicts and verdicts[item.key][0] != OUTSIDE and item not in right:
            print(f"  wrong #{number}: said_on {item.said_on}, said on {verdicts[item.key][0]} ({verdicts[item.key][1]})")


if __name__ == "__main__":
    main()
