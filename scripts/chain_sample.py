"""Chains of sources on a fixed sample of PolNeAR articles: how many statements reach a source through a relay.

    python scripts/chain_sample.py --dir ../shared/data/polnear/train --n 150 --sheet chains.txt

Each article is analysed with its publisher as the outlet and its wire credit as the agency (from
`metadata.tsv` beside the split folder); the script prints how many statements have a chain of three or more
names (outlet -> relay -> speaker), how many of those pass through a relay other than the wire credit, and
writes each of them, with its sentence, to `--sheet` for reading.
"""

from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

from storytrace.analyze.attribution import extract_statements
from storytrace.analyze.nlp import load_nlp
from storytrace.settings import Settings

SEED = 10  # the sample is fixed, so counts before and after a change compare the same articles
# metadata.tsv names publishers by slug; a chain starts with the outlet's name as its pages give it
OUTLETS = {"breitbart": "Breitbart", "huff-post": "The Huffington Post", "nyt": "The New York Times",
           "politico": "Politico", "usa-today": "USA Today", "wash-post": "The Washington Post",
           "west-journal": "Western Journal"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, required=True, help="a PolNeAR split folder (text/)")
    parser.add_argument("--n", type=int, default=150, help="articles in the sample")
    parser.add_argument("--sheet", type=Path, help="write every chain of three or more here, in context")
    args = parser.parse_args()
    meta = _metadata(args.dir.parent / "metadata.tsv")
    files = sorted((args.dir / "text").glob("*.txt"))
    sample = sorted(random.Random(SEED).sample(files, min(args.n, len(files))))
    nlp = load_nlp(Settings())
    total = long = relayed = 0
    lines: list[str] = []
    for path in sample:
        publisher, wire = meta.get(path.stem, (None, None))
        doc = nlp(path.read_text(encoding="utf-8"))
        for statement in extract_statements(doc, outlet=publisher, agency=wire):
            total += 1
            if len(statement.chain) < 3:
                continue
            long += 1
            inner = statement.chain[1:-1]
            relayed += any(name != wire for name in inner)  # a relay other than the wire credit
            sentence = doc.char_span(statement.start, statement.end, alignment_mode="expand")
            context = " ".join(s.text for s in doc.sents if sentence is not None and s.start <= sentence.end
                               and s.end >= sentence.start)
            lines.append(f"[{long}] {path.stem}\n  chain: {' -> '.join(statement.chain)}\n  cue: {statement.cue}"
                         f"\n  text: {statement.text}\n  context: {' '.join(context.split())}\n")
    print(f"articles {len(sample)}  statements {total}  chain>=3 {long}  through a relay other than the wire {relayed}")
    if args.sheet:
        args.sheet.write_text("\n".join(lines), encoding="utf-8")


def _metadata(path: Path) -> dict[str, tuple[str | None, str | None]]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {r["filename"]: (OUTLETS.get(r["publisher"], r["publisher"]),
                                None if r["wire"] in ("None", "NA", "") else r["wire"]) for r in rows}


if __name__ == "__main__":
    main()
