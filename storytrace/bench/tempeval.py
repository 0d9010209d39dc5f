"""Time expressions on TempEval-3 TimeML: recognition (strict and relaxed spans) and normalization.

Reading: every `.tml` file under the folder (recursively, sorted by path). The plain text is the
character content of `<TEXT>` with all inline tags removed and XML entities decoded; each inline
`<TIMEX3>` there is a gold span with its `type` and `value`. The anchor is the document's creation
time (the TIMEX3 with functionInDocument="CREATION_TIME"), cut to its date.

Scoring, as the TempEval-3 scorer defines it (UzZaman et al. 2013), over all documents pooled:
strict precision / recall count spans whose extent equals a span on the other side, relaxed ones
spans that share at least one character with one. Attributes are compared on relaxed matched
pairs (each gold span paired with the first system span overlapping it, one to one):
`type_accuracy` and `value_accuracy` are the share of pairs that agree, and `value_f1` =
value accuracy × relaxed F1 (the primary metric); `type_f1` likewise. Values are compared as exact
strings, as the official scorer does ("2000-W7" and "2000-W07" differ).

Error analysis: `list_errors(dir, split)` gives every error with its kind, the gold and system spans
(the system span names the rule that found it) and the text around it;
`python -m storytrace.bench.tempeval DIR [--split dev|train] [--kind TEXT]` prints them by kind.

Dev split of TimeBank (tuning only, never a test set): a file belongs to the dev split when the
first byte of the MD5 of its file name (e.g. `wsj_0026.tml`) is below 64, i.e. about a quarter of
the files; `in_dev_split(name)` applies it, and `split="dev"` / `split="train"` choose one side.
"""

from __future__ import annotations

import hashlib
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from storytrace.analyze.time import Timex, tag_timexes
from storytrace.bench import BenchResult
from storytrace.errors import BenchError


@dataclass(frozen=True)
class GoldDoc:
    """One TimeML document: its plain text, creation date and gold time expressions."""

    name: str
    text: str
    anchor: date | None
    timexes: tuple[Timex, ...]


def in_dev_split(name: str) -> bool:
    """The dev-split rule: first byte of MD5(file name) below 64 (about one file in four)."""
    return hashlib.md5(name.encode("utf-8")).digest()[0] < 64


def read_tml(path: Path) -> GoldDoc:
    """Parse one `.tml` file into its plain text, anchor and gold spans."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise BenchError(f"{path}: not well-formed TimeML ({exc})") from exc
    text_el = root.find(".//TEXT")
    if text_el is None:
        raise BenchError(f"{path}: no <TEXT> element")
    pieces: list[str] = []
    spans: list[Timex] = []
    _walk(text_el, pieces, spans, [0])
    return GoldDoc(path.name, "".join(pieces), _creation_date(root), tuple(spans))


def _walk(element: ET.Element, pieces: list[str], spans: list[Timex], length: list[int]) -> None:
    """Append `element`'s text to `pieces`, recording each TIMEX3's character extent."""
    start = length[0]
    _append(element.text, pieces, length)
    for child in element:
        _walk(child, pieces, spans, length)
        _append(child.tail, pieces, length)
    if element.tag == "TIMEX3":
        extent = "".join(pieces)[start:length[0]]
        spans.append(Timex(start, length[0], extent, element.get("type", ""), element.get("value", "")))


def _append(text: str | None, pieces: list[str], length: list[int]) -> None:
    if text:
        pieces.append(text)
        length[0] += len(text)


def _creation_date(root: ET.Element) -> date | None:
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            value = timex.get("value", "")[:10]
            try:
                return date.fromisoformat(value)
            except ValueError:
                return None
    return None


@dataclass
class Tally:
    """Pooled counts for the TempEval-3 timex measures."""

    gold: int = 0
    system: int = 0
    strict_gold: int = 0  # gold spans with an exactly equal system span
    strict_system: int = 0
    relaxed_gold: int = 0  # gold spans overlapping some system span
    relaxed_system: int = 0
    pairs: int = 0
    type_ok: int = 0
    value_ok: int = 0


@dataclass(frozen=True)
class TimexError:
    """One scoring error: its kind ("missed", "spurious", "span differs", "type DATE as TIME", "value
    wrong (DATE)"), the document, and the gold and system spans involved (either may be None)."""

    kind: str
    doc: str
    gold: Timex | None
    system: Timex | None


def score_document(gold: list[Timex], system: list[Timex], tally: Tally, errors: Counter[str],
                   found: list[TimexError] | None = None, doc: str = "") -> None:
    """Add one document's matches to `tally`, its error kinds to `errors` and, given `found`, each error there."""
    def record(kind: str, g: Timex | None, s: Timex | None) -> None:
        errors[kind] += 1
        if found is not None:
            found.append(TimexError(kind, doc, g, s))

    tally.gold += len(gold)
    tally.system += len(system)
    extents = {(t.start, t.end) for t in gold}
    tally.strict_system += sum((t.start, t.end) in extents for t in system)
    tally.strict_gold += sum((t.start, t.end) in {(s.start, s.end) for s in system} for t in gold)
    tally.relaxed_system += sum(any(_overlap(s, g) for g in gold) for s in system)
    used: set[int] = set()
    for g in gold:
        partner = next((i for i, s in enumerate(system) if i not in used and _overlap(s, g)), None)
        if partner is None:
            if any(_overlap(s, g) for s in system):
                tally.relaxed_gold += 1  # overlaps a span already paired: found, but no attribute pair
            else:
                record("missed", g, None)
            continue
        used.add(partner)
        s = system[partner]
        tally.relaxed_gold += 1
        tally.pairs += 1
        tally.type_ok += s.type == g.type
        tally.value_ok += s.value == g.value
        if (s.start, s.end) != (g.start, g.end):
            record("span differs", g, s)
        if s.type != g.type:
            record(f"type {g.type} as {s.type}", g, s)
        elif s.value != g.value:
            record(f"value wrong ({g.type})", g, s)
    for s in system:
        if not any(_overlap(s, g) for g in gold):
            record("spurious", None, s)


def _overlap(a: Timex, b: Timex) -> bool:
    return a.start < b.end and b.start < a.end


def metrics(tally: Tally) -> dict[str, float]:
    """The TempEval-3 figures from pooled counts."""
    strict_p, strict_r = _ratio(tally.strict_system, tally.system), _ratio(tally.strict_gold, tally.gold)
    relaxed_p, relaxed_r = _ratio(tally.relaxed_system, tally.system), _ratio(tally.relaxed_gold, tally.gold)
    relaxed_f1 = _f1(relaxed_p, relaxed_r)
    type_accuracy, value_accuracy = _ratio(tally.type_ok, tally.pairs), _ratio(tally.value_ok, tally.pairs)
    return {
        "value_f1": round(value_accuracy * relaxed_f1, 4),
        "relaxed_f1": round(relaxed_f1, 4),
        "strict_f1": round(_f1(strict_p, strict_r), 4),
        "type_accuracy": round(type_accuracy, 4),
        "value_accuracy": round(value_accuracy, 4),
        "type_f1": round(type_accuracy * relaxed_f1, 4),
        "relaxed_precision": round(relaxed_p, 4),
        "relaxed_recall": round(relaxed_r, 4),
        "strict_precision": round(strict_p, 4),
        "strict_recall": round(strict_r, 4),
    }


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def tml_files(folder: Path, split: str | None = None) -> list[Path]:
    """The `.tml` files under `folder`, sorted; `split` "dev" or "train" keeps one side of the dev rule."""
    paths = sorted(folder.rglob("*.tml"))
    if split == "dev":
        return [p for p in paths if in_dev_split(p.name)]
    if split == "train":
        return [p for p in paths if not in_dev_split(p.name)]
    if split is not None:
        raise BenchError(f"unknown split {split!r}; choose dev or train")
    return paths


def bench_tempeval(dir: Path, limit: int | None = None, split: str | None = None) -> BenchResult:
    """Score storytrace's time tagger on the TimeML files under `dir` (see the module docstring)."""
    started = time.perf_counter()
    paths = _chosen_files(Path(dir), limit, split)
    tally, errors = Tally(), Counter[str]()
    for path in paths:
        doc = read_tml(path)
        score_document(list(doc.timexes), tag_timexes(doc.text, doc.anchor), tally, errors)
    return BenchResult(
        benchmark="tempeval", data=f"{dir} ({len(paths)} documents{', ' + split + ' split' if split else ''})",
        n=tally.gold, primary="value_f1", metrics=metrics(tally), backend="storytrace rules (no model)",
        seconds=round(time.perf_counter() - started, 2), details={"errors": dict(errors.most_common())},
    )


def _chosen_files(folder: Path, limit: int | None, split: str | None) -> list[Path]:
    paths = tml_files(folder, split)[:limit] if limit is not None else tml_files(folder, split)
    if not paths:
        raise BenchError(f"{folder}: no .tml files")
    return paths


def list_errors(dir: Path, split: str | None = None, limit: int | None = None) -> list[tuple[TimexError, str]]:
    """Every scoring error on the files under `dir`, each with the sentence-sized text around it."""
    listed: list[tuple[TimexError, str]] = []
    for path in _chosen_files(Path(dir), limit, split):
        doc = read_tml(path)
        found: list[TimexError] = []
        score_document(list(doc.timexes), tag_timexes(doc.text, doc.anchor), Tally(), Counter(), found, doc.name)
        for error in found:
            span = error.gold or error.system
            assert span is not None
            context = " ".join(doc.text[max(0, span.start - 70):span.end + 40].split())
            listed.append((error, context))
    return listed


def _describe(timex: Timex | None) -> str:
    if timex is None:
        return "-"
    return f"[{timex.text}] {timex.type} {timex.value}" + (f" ({timex.rule})" if timex.rule else "")


def main(argv: list[str] | None = None) -> int:
    """`python -m storytrace.bench.tempeval DIR [--split dev|train] [--kind TEXT]`: the errors, grouped by kind."""
    import argparse

    parser = argparse.ArgumentParser(description="list the time tagger's errors on TimeML files, by kind")
    parser.add_argument("dir", type=Path)
    parser.add_argument("--split", choices=("dev", "train"))
    parser.add_argument("--kind", help="only kinds containing this text (e.g. 'value', 'missed')")
    args = parser.parse_args(argv)
    by_kind: dict[str, list[str]] = {}
    for error, context in list_errors(args.dir, args.split):
        if args.kind is None or args.kind in error.kind:
            line = f"  {error.doc}: gold {_describe(error.gold)} | system {_describe(error.system)} | {context}"
            by_kind.setdefault(error.kind, []).append(line)
    for kind, lines in sorted(by_kind.items(), key=lambda item: -len(item[1])):
        print(f"{kind} ({len(lines)})")
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
