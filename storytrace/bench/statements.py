"""Statements a journalist would sign: a read sample of storytrace's statements on PolNeAR dev.

No gold annotation says whether a statement is one a reader would accept, so this benchmark is judged by
reading. It analyses PolNeAR's dev articles as the relation bench reads them (`polnear.read_split`, raw text,
the publisher from `metadata.tsv` as the outlet and its wire credit as the agency), draws a fixed sample of
statements, writes them to a sheet to read (`--sheet`), and scores the verdicts recorded for them
(`--judgments`).

Sampling is stable across code changes as far as it can be: the *sentences* of the dev articles are put in a
fixed order first (a hash of the seed, the article name and the sentence's start, so neither the extractor nor
the number of articles moves them; spaCy's sentence split is the same whatever storytrace's rules do), then
the statements storytrace finds in those sentences are taken in that order (within a sentence, in reading
order) until `sample` are taken. A statement belongs to the sentence its text starts in. A change in the rules
only changes what is found in the sentences already drawn, plus a few sentences at the end when the count
shifts; statements with no verdict yet are reported as unjudged and listed, to be read and judged.

Verdicts (a TSV file with a header, one line per statement) are keyed by what was judged: article name,
statement text, speaker, role, cue, stance and chain, so a statement whose speaker or stance changes is judged
again. The file records the text as a digest (`text_digest`): PolNeAR states no licence, so the repository
keeps none of its sentences; a sheet shows the text, and a verdict line may give it either way. `attributed` is ok when the text is what the speaker said (a clause, a quotation, or a noun phrase only
where the cue takes one, "denied the report"), wrong for a deed, a bare object of a verb of doing, page clutter
or a cut-off fragment; `speaker` is ok when the speaker and role are who said it (the first speaker when one
person recalls another's words, the second in the chain); `polarity` is ok when the stance is right. `speaker`
and `polarity` may be `na` where there is nothing to judge (the stance of a deed); accuracy is ok / (ok +
wrong). `class` names the error class(es) of a wrong verdict, comma-separated (deed, object, clutter, fragment,
span, unsaid, role, nested, speaker, polarity), counted in the result's details.
"""

from __future__ import annotations

import csv
import hashlib
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from storytrace.analyze.attribution import Attribution, extract_attributions
from storytrace.bench import BenchResult
from storytrace.bench.polnear import read_split
from storytrace.errors import BenchError
from storytrace.settings import Settings

# What was judged (the statement as storytrace gave it), then the verdict on it.
JUDGED_COLUMNS = ("article", "text", "speaker_name", "role", "cue", "stance", "chain")
VERDICT_COLUMNS = (*JUDGED_COLUMNS, "attributed", "speaker", "polarity", "class", "reason")
_VALUES = {"attributed": ("ok", "wrong"), "speaker": ("ok", "wrong", "na"), "polarity": ("ok", "wrong", "na")}
SAMPLE = 60  # statements read per sample: what one person reads carefully in an hour


@dataclass(frozen=True)
class Drawn:
    """One sampled statement with what a reader needs to judge it."""

    article: str
    found: Attribution
    context: str  # its sentence(s), the cue marked ⟨…⟩ and the text «…»

    @property
    def judged(self) -> tuple[str, ...]:
        """The statement as the verdict columns record it."""
        statement = self.found.statement
        return (self.article, normalize(statement.text), statement.speaker.name, statement.speaker.role or "",
                statement.cue, statement.polarity, " → ".join(statement.chain))

    @property
    def key(self) -> tuple[str, ...]:
        return verdict_key(self.judged)


@dataclass(frozen=True)
class Verdict:
    attributed: str
    speaker: str
    polarity: str
    error_class: str
    reason: str


def normalize(text: str) -> str:
    return " ".join(text.split())


def verdict_key(judged: tuple[str, ...]) -> tuple[str, ...]:
    """A verdict's key: every judged column, white space collapsed, the text without the edge punctuation and
    quote marks that span rules move in and out ("said." / "said"). A change in speaker, role, cue, stance or
    chain leaves the statement unjudged: the old verdict was about something else."""
    fields = [normalize(field) for field in judged]
    fields[1] = text_digest(fields[1])
    return tuple(fields)


def text_digest(text: str) -> str:
    """How the verdict file records a statement's text: a digest, not the words of an article whose licence
    does not let the repository carry it (a digest given stays as it is)."""
    if text.startswith(_DIGEST):
        return text
    return _DIGEST + hashlib.sha1(text.strip(_EDGES).encode()).hexdigest()[:16]


_DIGEST = "sha1:"


_EDGES = " .,;:!?—–-\"'“”‘’`"


# --- the sample ------------------------------------------------------------------------------


def _order(seed: int, article: str, start: int) -> str:
    return hashlib.sha256(f"{seed}:{article}:{start}".encode()).hexdigest()


def draw(articles: list[tuple[str, Doc, list[Attribution]]], seed: int, size: int) -> list[Drawn]:
    """`size` statements from sentences taken in a fixed, seeded order (see the module docstring)."""
    sentences = []
    for name, doc, found in articles:
        starts = [sent.start_char for sent in doc.sents]
        by_sentence: dict[int, list[Attribution]] = {}
        for attribution in found:
            first = max((s for s in starts if s <= attribution.statement.start), default=0)
            by_sentence.setdefault(first, []).append(attribution)
        for sent in doc.sents:
            sentences.append((_order(seed, name, sent.start_char), name, doc, by_sentence.get(sent.start_char, [])))
    sentences.sort(key=lambda s: s[0])
    drawn: list[Drawn] = []
    for _, name, doc, found in sentences:
        for attribution in sorted(found, key=lambda a: (a.statement.start, a.statement.end)):
            if len(drawn) == size:
                return drawn
            drawn.append(Drawn(name, attribution, _context(doc, attribution)))
    return drawn


def _context(doc: Doc, found: Attribution) -> str:
    """The sentences from the speaker's mention or cue to the end of the text, with cue and text marked."""
    statement = found.statement
    points = [statement.start, statement.end - 1]
    if statement.cue_start >= 0:
        points += [statement.cue_start, statement.cue_end - 1]
    if found.source_start >= 0:
        points += [found.source_start, found.source_end - 1]
    first, last = min(points), max(points)
    sents = [s for s in doc.sents if s.end_char > first and s.start_char <= last]
    start, end = sents[0].start_char, sents[-1].end_char
    marks = [(statement.start, "«"), (statement.end, "»")]
    if statement.cue_start >= 0:
        marks += [(statement.cue_start, "⟨"), (statement.cue_end, "⟩")]
    text = doc.text
    pieces, at = [], start
    for offset, mark in sorted(marks, key=lambda m: (m[0], m[1] in "»⟩")):
        offset = min(max(offset, start), end)
        pieces += [text[at:offset], mark]
        at = offset
    pieces.append(text[at:end])
    return normalize("".join(pieces))


# --- verdicts --------------------------------------------------------------------------------


def read_judgments(path: Path) -> dict[tuple[str, ...], Verdict]:
    """Verdicts keyed by what was judged (`verdict_key`); a malformed line is a one-line error naming it."""
    verdicts: dict[tuple[str, ...], Verdict] = {}
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = [c for c in VERDICT_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise BenchError(f"{path}: missing column(s) {', '.join(missing)}")
        for line, row in enumerate(reader, start=2):
            for column, allowed in _VALUES.items():
                if row[column] not in allowed:
                    raise BenchError(f"{path}:{line}: {column} must be one of {', '.join(allowed)}, "
                                     f"not {row[column]!r}")
            verdicts[verdict_key(tuple(row[c] or "" for c in JUDGED_COLUMNS))] = Verdict(
                row["attributed"], row["speaker"], row["polarity"], row["class"] or "", row["reason"] or "")
    return verdicts


def write_sheet(path: Path, drawn: list[Drawn], verdicts: dict[tuple[str, ...], Verdict]) -> None:
    """One row per sampled statement: what was found, in context, and the verdict recorded so far (blank when
    none), in the verdict file's columns first so that a read sheet can become the verdict file."""
    columns = (*VERDICT_COLUMNS, "context")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\t".join(columns) + "\n")
        for item in drawn:
            verdict = verdicts.get(item.key)
            marks = ([verdict.attributed, verdict.speaker, verdict.polarity, verdict.error_class, verdict.reason]
                     if verdict else ["", "", "", "", ""])
            row = [*item.judged, *marks, item.context]
            handle.write("\t".join(normalize(str(v)) for v in row) + "\n")


def score(drawn: list[Drawn], verdicts: dict[tuple[str, ...], Verdict]) -> tuple[dict[str, float], dict]:
    judged = [verdicts[d.key] for d in drawn if d.key in verdicts]
    unjudged = [d for d in drawn if d.key not in verdicts]

    def accuracy(field: str) -> float:
        marks = [getattr(v, field) for v in judged if getattr(v, field) != "na"]
        return round(marks.count("ok") / len(marks), 4) if marks else 0.0

    errors = Counter(name.strip() for v in judged if "wrong" in (v.attributed, v.speaker, v.polarity)
                     for name in (v.error_class or "unnamed").split(","))
    metrics = {"text_attributed": accuracy("attributed"), "speaker": accuracy("speaker"),
               "polarity": accuracy("polarity"), "judged": len(judged), "unjudged": len(unjudged)}
    details = {"errors_by_class": dict(sorted(errors.items())),
               "unjudged_statements": [f"{d.article}: {normalize(d.found.statement.text)[:80]}" for d in unjudged]}
    return metrics, details


# --- the benchmark ---------------------------------------------------------------------------


_NO_WIRE = frozenset({None, "", "None", "NA"})  # how metadata.tsv writes "no wire credit"


def read_outlets(data: Path) -> dict[str, tuple[str | None, str | None]]:
    """Article name -> (publisher, wire credit) from PolNeAR's metadata.tsv, when it is there."""
    path = data / "metadata.tsv"
    if not path.is_file():
        return {}
    outlets = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            wire = row.get("wire")
            outlets[row["filename"]] = (row.get("publisher") or None, wire if wire not in _NO_WIRE else None)
    return outlets


def analyse(data: Path, nlp: Language) -> list[tuple[str, Doc, list[Attribution]]]:
    """Every dev article parsed and attributed as the product would, with its outlet and agency."""
    items = read_split(data / "dev")
    outlets = read_outlets(data)
    docs = nlp.pipe(text for _, text, _ in items)
    analysed = []
    for (name, _, _), doc in zip(items, docs):
        outlet, agency = outlets.get(name, (None, None))
        analysed.append((name, doc, extract_attributions(doc, outlet=outlet, agency=agency)))
    return analysed


def bench_statements(data: Path, judgments: Path, seed: int = 1, sample: int = SAMPLE, sheet: Path | None = None,
                     settings: Settings | None = None, nlp: Language | None = None) -> BenchResult:
    """Score read verdicts on a seeded sample of statements from PolNeAR dev (`data/dev`)."""
    from storytrace.analyze.nlp import load_nlp

    started = time.perf_counter()
    data = Path(data)
    if sample < 1:
        raise BenchError(f"--sample must be at least 1, not {sample}")
    verdicts = read_judgments(Path(judgments))
    nlp = nlp or load_nlp(settings or Settings())
    drawn = draw(analyse(data, nlp), seed, sample)
    if sheet is not None:
        write_sheet(Path(sheet), drawn, verdicts)
    metrics, details = score(drawn, verdicts)
    details["sample"] = f"seed {seed}, {len(drawn)} statements"
    return BenchResult("statements", str(data / "dev"), len(drawn), "text_attributed", metrics,
                       f"rules on spaCy {nlp.meta.get('lang', '')}_{nlp.meta.get('name', '?')} "
                       f"{nlp.meta.get('version', '')}, read by hand", time.perf_counter() - started,
                       details=details)
