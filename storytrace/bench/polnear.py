"""Attribution relations on PolNeAR (brat standoff): Source, Cue and Content spans and whole relations.

Gold: for each `text/<name>.txt`, one annotation file `attributions/<name>_<annotator>.ann` is read:
the one with the most relations, ties broken by the smallest annotator id, so the choice is
deterministic and prefers the most complete annotation. Every `E` line with a Content is a relation;
`Content2` joins Content as further fragments; a relation without a Source is source-less.

Prediction: storytrace's statements mapped onto PolNeAR's conventions. Content is the statement's
span, widened over the quote marks around it and a leading "that" (PolNeAR's content includes both),
a cue takes a colon right after it ("said:") and the day or statement right after its verb ("said
Tuesday", "said in a statement"); a statement made inside another's content is left out,
since PolNeAR's annotation is exclusive; statements
that share one cue and one source form one relation with several content fragments, as PolNeAR
annotates `"...," he said, "..."`; the source is the speaker's mention as written (the pronoun for
"he said"). A statement whose speaker has no span in the text (an agency known only from the
article's metadata) is source-less.

Matching, one to one and greedy by shared characters: a span matches exactly when its extent (first
to last character of its fragments) equals the gold extent, and by overlap when the two share a
character. A relation matches when its content overlaps the gold content and either both sources
overlap or both relations are source-less.
"""

from __future__ import annotations

import csv
import time
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from storytrace.analyze.attribution import Attribution, extract_attributions
from storytrace.bench import BenchResult
from storytrace.errors import BenchError
from storytrace.settings import Settings

Fragments = tuple[tuple[int, int], ...]  # one span, possibly discontinuous, as (start, end) pieces
_QUOTES = "\"“”"


@dataclass(frozen=True)
class Relation:
    """One attribution relation, gold or predicted, as character spans."""

    content: Fragments
    cue: Fragments | None
    source: Fragments | None


@dataclass(frozen=True)
class Counts:
    tp: int
    predicted: int
    gold: int

    def prf(self) -> tuple[float, float, float]:
        precision = self.tp / self.predicted if self.predicted else 0.0
        recall = self.tp / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


# --- reading brat ------------------------------------------------------------------------------


def pick_annotation(dir: Path, name: str) -> Path | None:
    """The annotation file scored for text `name`: most relations, then smallest annotator id."""
    files = sorted((dir / "attributions").glob(f"{name}_*.ann"))
    if not files:
        return None
    return max(files, key=lambda f: (_relation_lines(f), -files.index(f)))


def _relation_lines(path: Path) -> int:
    return sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("E"))


def read_relations(path: Path) -> list[Relation]:
    """The relations of one brat file; relations lacking a Content are skipped."""
    spans: dict[str, Fragments] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            _label, _, offsets = fields[1].partition(" ")
            spans[fields[0]] = _parse_offsets(offsets)
        elif line.startswith("E") and len(fields) >= 2:
            events.append(dict(arg.split(":", 1) for arg in fields[1].split() if ":" in arg))
    relations = []
    for args in events:
        content = tuple(piece for role in ("Content", "Content2") if args.get(role) in spans
                        for piece in spans[args[role]])
        if not content:
            continue
        cue = spans.get(args.get("Cue", ""))
        source = spans.get(args.get("Source", ""))
        relations.append(Relation(tuple(sorted(content)), cue, source))
    return relations


def _parse_offsets(text: str) -> Fragments:
    pieces = []
    for piece in text.split(";"):
        start, end = piece.split()
        pieces.append((int(start), int(end)))
    return tuple(pieces)


# --- mapping statements onto PolNeAR spans ---------------------------------------------------


def predicted_relations(text: str, attributions: list[Attribution], doc: Doc | None = None) -> list[Relation]:
    """storytrace's attributions as PolNeAR relations (see the module docstring)."""
    grouped: dict[tuple, list[tuple[int, int]]] = {}
    for found in _outermost(attributions):
        statement = found.statement
        source = ((found.source_start, found.source_end),) if found.source_start >= 0 else None
        cue = None
        if statement.cue_start >= 0:
            cue_end = _with_when(doc, statement.cue_end) if doc is not None else statement.cue_end
            cue = ((statement.cue_start, _with_colon(text, cue_end)),)
        content = _with_that(text, *_with_quote_marks(text, statement.start, statement.end))
        grouped.setdefault((cue, source), []).append(content)
    return [Relation(tuple(sorted(contents)), cue, source) for (cue, source), contents in grouped.items()]


def _outermost(attributions: list[Attribution]) -> list[Attribution]:
    """PolNeAR's annotation is exclusive (a token belongs to one attribution at most), so a statement whose
    cue lies inside another statement's content is part of that content, not a relation of its own; and
    every PolNeAR relation has a content, so a bare "declined to comment" is none."""
    def inside_another(found: Attribution) -> bool:
        cue = found.statement.cue_start
        return cue >= 0 and any(o is not found and o.statement.start <= cue < o.statement.end for o in attributions)

    return [a for a in attributions if not inside_another(a) and a.statement.end > a.statement.start]


def _with_quote_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a content over quote marks around it (and the punctuation inside the closing one).

    Marks are curly, straight, or two apostrophes (''...'') as some archives write them.
    """
    for mark in ("''", '"', "“", "``"):
        if text.endswith(mark, 0, start):
            start -= len(mark)
            break
    probe = end
    while probe < len(text) and text[probe] in ".,!?;:":
        probe += 1
    for mark in ("''", '"', "”", "’”", "'”"):
        if text.startswith(mark, probe):
            return start, probe + len(mark)
    return start, end


def _with_that(text: str, start: int, end: int) -> tuple[int, int]:
    """PolNeAR's reported content starts at its complementizer: "said [that the plan failed]"."""
    if text.endswith("that ", 0, start) and (start == 5 or not text[start - 6].isalnum()):
        return start - 5, end
    return start, end


def _with_when(doc: Doc, end: int) -> int:
    """PolNeAR's cue mostly takes the day and the statement right after the verb: "said Tuesday", "said
    Monday night", "said in a statement" (but not "said in an interview", which annotators split on)."""
    after = doc.char_span(end, len(doc.text), alignment_mode="expand")
    if after is None or len(after) == 0 or after.start == 0:
        return end
    verb, first = doc[after.start - 1], after[0]
    day = next((e for e in doc.ents if e.start == first.i and e.label_ in ("DATE", "TIME")), None)
    if day is not None and day.root.head.i == verb.i and day.root.dep_ in ("npadvmod", "tmod", "advmod"):
        return day.end_char
    if first.lower_ == "in" and first.dep_ == "prep" and first.head.i == verb.i:
        said_in = next((c for c in first.children if c.dep_ == "pobj"), None)
        if said_in is not None and said_in.lower_ in _STATEMENTS and said_in.right_edge.i == said_in.i:
            return said_in.idx + len(said_in.text)
    return end


_STATEMENTS = frozenset({"statement", "release"})


def _with_colon(text: str, end: int) -> int:
    """PolNeAR's cue takes the colon that introduces a quotation: "said:"."""
    return end + 1 if text.startswith(":", end) else end


# --- scoring ---------------------------------------------------------------------------------


def _extent(span: Fragments) -> tuple[int, int]:
    return span[0][0], span[-1][1]


def _shared(a: Fragments, b: Fragments) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _match(predicted: list[Fragments], gold: list[Fragments], exact: bool) -> int:
    """How many predicted spans match a gold span, one to one."""
    if exact:
        gold_extents: dict[tuple[int, int], int] = {}
        for span in gold:
            gold_extents[_extent(span)] = gold_extents.get(_extent(span), 0) + 1
        hits = 0
        for span in predicted:
            if gold_extents.get(_extent(span), 0) > 0:
                gold_extents[_extent(span)] -= 1
                hits += 1
        return hits
    pairs = sorted(((_shared(p, g), i, j) for i, p in enumerate(predicted) for j, g in enumerate(gold)),
                   reverse=True)
    return _greedy([(i, j) for shared, i, j in pairs if shared > 0])


def _greedy(pairs: list[tuple[int, int]]) -> int:
    used_p: set[int] = set()
    used_g: set[int] = set()
    for i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    return len(used_p)


def _match_relations(predicted: list[Relation], gold: list[Relation]) -> int:
    pairs = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            shared = _shared(p.content, g.content)
            if shared > 0 and _same_source(p.source, g.source):
                pairs.append((shared, i, j))
    pairs.sort(reverse=True)
    return _greedy([(i, j) for _, i, j in pairs])


def _same_source(predicted: Fragments | None, gold: Fragments | None) -> bool:
    if predicted is None or gold is None:
        return predicted is None and gold is None
    return _shared(predicted, gold) > 0


def score_document(predicted: list[Relation], gold: list[Relation]) -> dict[str, Counts]:
    """Counts for every span kind and match mode, and for whole relations, in one document."""
    counts: dict[str, Counts] = {}
    for kind in ("content", "source", "cue"):
        p = [getattr(r, kind) for r in predicted if getattr(r, kind) is not None]
        g = [getattr(r, kind) for r in gold if getattr(r, kind) is not None]
        if kind != "content":
            p, g = list(dict.fromkeys(p)), list(dict.fromkeys(g))  # a source or cue shared by relations counts once
        for mode in ("exact", "overlap"):
            counts[f"{kind}_{mode}"] = Counts(_match(p, g, mode == "exact"), len(p), len(g))
    counts["relation_overlap"] = Counts(_match_relations(predicted, gold), len(predicted), len(gold))
    return counts


def metrics_from(totals: dict[str, Counts]) -> dict[str, float]:
    metrics: dict[str, float] = {}
    for key in ("relation_overlap", "content_overlap", "content_exact", "source_overlap", "source_exact",
                "cue_exact", "cue_overlap"):
        kind, mode = key.split("_")
        precision, recall, f1 = totals[key].prf()
        metrics[f"{kind}_f1_{mode}"] = round(f1, 4)
        metrics[f"{kind}_precision_{mode}"] = round(precision, 4)
        metrics[f"{kind}_recall_{mode}"] = round(recall, 4)
    return metrics


# --- the benchmark ---------------------------------------------------------------------------


def read_split(dir: Path, limit: int | None = None) -> list[tuple[str, str, list[Relation]]]:
    """(name, text, gold relations) for every annotated text in `dir`, in name order."""
    texts = sorted((dir / "text").glob("*.txt"))
    if not texts:
        raise BenchError(f"{dir}: no text/*.txt files")
    items = []
    for path in texts:
        annotation = pick_annotation(dir, path.stem)
        if annotation is not None:
            items.append((path.stem, path.read_text(encoding="utf-8"), read_relations(annotation)))
    if not items:
        raise BenchError(f"{dir}: no attributions/*.ann file matches a text")
    return items[:limit]


def publication_dates(data: Path, split: str) -> dict[str, str]:
    """Article name -> publication date (ISO) of every article of `split`, from PolNeAR's metadata.tsv in `data`."""
    with (data / "metadata.tsv").open(encoding="utf-8") as handle:
        return {row["filename"]: row["publication_date"] for row in csv.DictReader(handle, delimiter="\t")
                if row["compartment"] == split}


def attribution_nlp(settings: Settings) -> Language:
    """spaCy with storytrace's attribution component, which reads each document's context (outlet, agency,
    anchor date) as `article_context` gives it: statements with `said_on`, as `storytrace add` finds them."""
    from storytrace.analyze import component  # noqa: F401 - registers the attribution factory
    from storytrace.analyze.nlp import load_nlp

    nlp = load_nlp(settings)
    nlp.add_pipe("storytrace_attribution")
    return nlp


def score_docs(docs: list[Doc], golds: list[list[Relation]]) -> tuple[dict[str, Counts], float]:
    """Summed counts over parsed documents, and the seconds attribution itself took."""
    totals: dict[str, Counts] = {}
    spent = 0.0
    for doc, gold in zip(docs, golds):
        started = time.perf_counter()
        attributions = extract_attributions(doc)
        spent += time.perf_counter() - started
        for key, c in score_document(predicted_relations(doc.text, attributions, doc), gold).items():
            old = totals.get(key, Counts(0, 0, 0))
            totals[key] = Counts(old.tp + c.tp, old.predicted + c.predicted, old.gold + c.gold)
    return totals, spent


def bench_polnear(dir: Path, limit: int | None = None, settings: Settings | None = None,
                  nlp: Language | None = None) -> BenchResult:
    """Score storytrace's attribution on a PolNeAR split (`dir/text`, `dir/attributions`)."""
    from storytrace.analyze.nlp import load_nlp

    settings = settings or Settings()
    started = time.perf_counter()
    items = read_split(Path(dir), limit)
    nlp = nlp or load_nlp(settings)
    parse_started = time.perf_counter()
    docs = list(nlp.pipe(text for _, text, _ in items))
    parse_seconds = time.perf_counter() - parse_started
    totals, attribution_seconds = score_docs(docs, [gold for _, _, gold in items])
    details = {
        "gold_relations": totals["relation_overlap"].gold,
        "predicted_relations": totals["relation_overlap"].predicted,
        "annotation": "per text, the .ann with most relations (ties: smallest annotator id)",
        "attribution_share_of_parse": round(attribution_seconds / parse_seconds, 4) if parse_seconds else 0.0,
    }
    return BenchResult("polnear", str(dir), len(items), "relation_f1_overlap", metrics_from(totals),
                       f"rules on spaCy {nlp.meta.get('lang', '')}_{nlp.meta.get('name', '?')} {nlp.meta.get('version', '')}",
                       time.perf_counter() - started, details=details)
