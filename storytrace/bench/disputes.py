"""Disputes on real news: FNC-1 bodies about contested claims, added to one fresh corpus, and the disputes
storytrace raises among them scored against the claims the bodies are about.

Claims. The related (headline, body) pairs of the stances file (stance not `unrelated`) form a graph; each
connected component is one claim (its headlines and bodies). A claim is kept when one of its headlines has at
least 2 agreeing and 1 refuting (`disagree`) body: only then can a refuting article meet an agreeing one. A body's
gold stance is its stance towards the headlines of its claim; it is *refuting* when one of them is `disagree`,
*agreeing or discussing* when one is `agree` or `discuss` (a body can be both, towards two headlines). The bodies
of all kept claims are added, by Body ID, as articles with their text only (no headline: the bodies carry none),
one fixed publication date and a url `https://outlet-<id>.fnc1.example/body/<id>` (each its own outlet), through the product's pipeline and
settings; rejected and duplicate bodies are counted, and only stored bodies are scored.

`--claims others` runs the same on the held-out claims instead: the 23 claims of the training table that have a
refuting and an agreeing or discussing body but are not contested (no headline of theirs has 2 agreeing and 1
refuting body; 199 bodies). The dispute rules were developed on the contested claims only, so the others' disputes,
read once and judged before any change is made for them, measure what the figures mean on unseen claims.
`--claims unrefuted` runs it on the remaining 131 claims, which have no refuting body at all (991 bodies): a check
of false alarms on unseen claims. A dispute there is not false by construction (a discussing body may report a
denial), so its disputes are read too; strict recall means nothing there and the primary figure is `precision_read`
(with `--judgments`), else `disputes_total`.

What is scored. A dispute's first two statement ids are the two sides a reader sees first (for a denial: the
denial, then the first assertion it denies); they are the *pair* of the dispute.
- `dispute_recall_strict` (primary): the share of claims for which some dispute's pair has one statement from a
  refuting body and the other from an agreeing or discussing body of that claim, two different bodies (either
  side may be the denial: a claim's headlines can state opposite facts, "X died" beside "X's death is a hoax").
- `dispute_recall_strict_reported`: the same, where the denial side may also be any other report of the same
  denial the dispute holds (one dispute per denial, however many articles report it: the refuting body may be
  one of its reports rather than the one the dispute leads with).
- `dispute_recall_strict_one_headline`: the same as the primary, with each body's side read from its stance to one headline,
  the claim's *reference* (the contested headline paired with most of its bodies): a claim's headlines may state
  opposite facts, so most bodies (210 of the 493) refute one headline of their claim and agree with another,
  which makes the strict reading lenient; on one headline each body has one side (480 of the 493 have one).
- `story_bcubed_precision/recall/f1`: stories against claims, over the stored bodies.
- `disputes_total`; `disputes_across_claims`: disputes holding statements (any of theirs, not only the pair) of
  bodies of two different claims, always false; `disputes_inside_one_article`: pairs from one article.
- `disputes_per_denial`: denial disputes divided by the distinct denials that open them. Denial statements are
  one denial when their whitespace-normalised texts are equal, or when one dispute holds both (the linker then
  says they are one source's denial reported twice). One denial reported in several articles that raises a
  dispute in each thus counts >1; a reworded re-report counts as a second denial, so the figure is a lower
  bound. 0 when there is no denial dispute.
- With `--judgments FILE`: `judged` (disputes whose key has a verdict), `precision_read` (real / judged) and
  `unjudged`; `dispute_recall_strict_real`, strict recall counting only disputes judged real; the false verdicts
  are counted by class in the details. Calibration: per rule that raised the disputes (their evidence: cue, words,
  stance, figures), the mean of their confidence beside the share judged real (detail `calibration`), and
  `calibration_error`, the judged disputes' mean gap between the two over the rules (weighted by disputes).

`--sheet FILE` writes every dispute for a reader (Markdown): its key, id and kind, the claim's contested gold
headlines, and for each side the statement, speaker, chain, polarity, body id, the body's gold stance and the
sentences around the statement in the body, then the explanation.

The judgments file (e.g. `storytrace/bench/data/fnc1-dispute-judgments.tsv`) is UTF-8 text, one verdict a line:
`KEY<TAB>VERDICT<TAB>REASON`. KEY is the dispute's key as the sheet prints it: 16 hex digits of the SHA-1 of the
pair's two statement texts, whitespace-normalised and sorted, so a verdict survives reruns that renumber or
re-identify disputes. VERDICT is `real` or `false`. REASON is a short note; for a false verdict it starts with
its class and a colon (`same-speaker: ...`), and the classes are counted. Blank lines and lines starting with `#`
are ignored. Anything else is an error naming the line.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from storytrace.bench import BenchResult, bench_db
from storytrace.bench.stories import bcubed
from storytrace.errors import BenchError
from storytrace.model import Dispute, RawArticle, Statement
from storytrace.settings import Settings

# Every body gets this publication date: FNC-1 gives none, and one date keeps the story time window out of play.
PUBLISHED = "2015-01-15T12:00:00+00:00"
# Each body on a host of its own: FNC-1 does not say which outlet published a body, and one shared outlet would
# make every outlet's anonymous sources one source (they count as the outlet that quotes them).
URL = "https://outlet-{0}.fnc1.example/body/{0}"
# A claim is contested when one headline has at least this many agreeing and refuting bodies.
MIN_AGREE = 2
MIN_DISAGREE = 1
REFUTING = frozenset({"disagree"})
AGREEING = frozenset({"agree", "discuss"})
VERDICTS = ("real", "false")
# Sentences shown on each side of a statement in the sheet: enough to see what it answers.
CONTEXT_SENTENCES = 1
# Contested headlines shown per claim in the sheet.
HEADLINES_SHOWN = 3
_KEY = re.compile(r"[0-9a-f]{16}")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+|\n+")


@dataclass
class FncClaim:
    """One claim: a connected component of related (headline, body) pairs."""

    id: str
    stances: dict[str, dict[str, str]]  # body id -> {headline: stance}, related pairs only
    contested: list[str] = field(default_factory=list)  # headlines with enough agreeing and refuting bodies

    @property
    def bodies(self) -> list[str]:
        return sorted(self.stances, key=_body_order)

    def refuting(self, body: str) -> bool:
        return bool(REFUTING & set(self.stances.get(body, {}).values()))

    def agreeing(self, body: str) -> bool:
        return bool(AGREEING & set(self.stances.get(body, {}).values()))

    @property
    def reference(self) -> str | None:
        """The contested headline paired with most of the claim's bodies (ties: the first in text order); of a
        claim with no contested headline (a held-out one), its headline paired with most bodies."""
        paired = Counter(h for headlines in self.stances.values() for h in headlines)
        return min(self.contested or paired, key=lambda h: (-paired[h], h)) if paired else None


def _body_order(body: str) -> tuple[int, str]:
    return (int(body), body) if body.isdigit() else (10**12, body)


def fnc_claims(rows: list[dict[str, str]]) -> list[FncClaim]:
    """Every claim of an FNC-1 stances table, ordered by its first Body ID; ids `C1`, `C2`, ... in that order."""
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def root(node: tuple[str, str]) -> tuple[str, str]:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    related = [r for r in rows if r["Stance"] != "unrelated"]
    for row in related:
        a, b = root(("headline", row["Headline"])), root(("body", row["Body ID"]))
        if a != b:
            parent[a] = b
    stances: dict[tuple[str, str], dict[str, dict[str, str]]] = defaultdict(lambda: defaultdict(dict))
    for row in related:
        stances[root(("body", row["Body ID"]))][row["Body ID"]][row["Headline"]] = row["Stance"]
    claims = [FncClaim("", {body: dict(h) for body, h in component.items()}) for component in stances.values()]
    claims.sort(key=lambda c: _body_order(c.bodies[0]))
    for number, claim in enumerate(claims, start=1):
        claim.id = f"C{number}"
        by_headline: dict[str, Counter] = defaultdict(Counter)
        for headlines in claim.stances.values():
            for headline, stance in headlines.items():
                by_headline[headline][stance] += 1
        claim.contested = sorted(h for h, n in by_headline.items()
                                 if n["agree"] >= MIN_AGREE and n["disagree"] >= MIN_DISAGREE)
    return claims


def contested_claims(rows: list[dict[str, str]]) -> list[FncClaim]:
    """The claims a refuting article can meet agreeing ones in (see MIN_AGREE, MIN_DISAGREE)."""
    return [claim for claim in fnc_claims(rows) if claim.contested]


def other_claims(rows: list[dict[str, str]]) -> list[FncClaim]:
    """The claims with a refuting body and an agreeing or discussing one that are not contested: no headline of
    theirs has enough of both (the refuting and the agreeing bodies answer different headlines, or one headline has
    a single agreeing body). Nothing was tuned on them, so their disputes, read, are a held-out check."""
    return [claim for claim in fnc_claims(rows) if not claim.contested
            and any(claim.refuting(body) for body in claim.bodies) and any(claim.agreeing(body) for body in claim.bodies)]


def unrefuted_claims(rows: list[dict[str, str]]) -> list[FncClaim]:
    """The claims no body refutes: only agreeing or discussing bodies (a false-alarm check; nothing tuned on them)."""
    return [claim for claim in fnc_claims(rows) if not any(claim.refuting(body) for body in claim.bodies)]


# The claim sets `bench disputes --claims` takes: the contested ones the work was developed on, or the held-out
# others with a refuting body, or the held-out ones without any.
CLAIM_SETS = {"contested": contested_claims, "others": other_claims, "unrefuted": unrefuted_claims}


@dataclass
class Produced:
    """What the corpus made of the bodies, read back from the store."""

    body_of: dict[str, str]  # article id -> body id
    story_of: dict[str, str]  # article id -> story id
    texts: dict[str, str]  # article id -> clean text
    statements: dict[str, Statement]  # every statement of those articles, by id
    disputes: list[Dispute]
    titled: int = 0  # articles the cleaner gave a headline


@dataclass(frozen=True)
class Verdict:
    verdict: str  # real | false
    reason: str

    @property
    def false_class(self) -> str:
        head, colon, _ = self.reason.partition(":")
        return head.strip() if colon and head.strip() else "unclassed"


def normalise(text: str) -> str:
    return " ".join(text.split())


def dispute_key(first: str, second: str) -> str:
    """The key of a dispute's verdict: the pair's two texts, whitespace-normalised, in either order."""
    joined = "\n".join(sorted((normalise(first), normalise(second))))
    return hashlib.sha1(joined.encode()).hexdigest()[:16]


def read_judgments(path: Path) -> dict[str, Verdict]:
    """Verdicts by key (the format is in this module's docstring); BenchError naming the first bad line."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise BenchError(f"{path}: cannot read judgments ({exc})") from exc
    verdicts: dict[str, Verdict] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise BenchError(f"{path}:{number}: expected KEY<TAB>VERDICT<TAB>REASON, found {len(parts)} field(s)")
        key, verdict, reason = (part.strip() for part in parts)
        if not _KEY.fullmatch(key):
            raise BenchError(f"{path}:{number}: key {key!r} is not 16 hex digits")
        if verdict not in VERDICTS:
            raise BenchError(f"{path}:{number}: verdict {verdict!r} is not one of {', '.join(VERDICTS)}")
        if key in verdicts and verdicts[key].verdict != verdict:
            raise BenchError(f"{path}:{number}: key {key} was already judged {verdicts[key].verdict}")
        verdicts[key] = Verdict(verdict, reason)
    return verdicts


@dataclass(frozen=True)
class Side:
    statement: Statement
    body: str
    claim: FncClaim


def _sides(dispute: Dispute, produced: Produced, claim_of_body: dict[str, FncClaim]) -> list[Side]:
    """Every statement of a dispute with its body and claim, in the dispute's order."""
    sides = []
    for statement_id in dispute.statement_ids:
        statement = produced.statements.get(statement_id)
        if statement is None:
            raise BenchError(f"dispute {dispute.id} names statement {statement_id}, which the store lacks")
        body = produced.body_of[statement.article_id]
        sides.append(Side(statement, body, claim_of_body[body]))
    if len(sides) < 2:
        raise BenchError(f"dispute {dispute.id} has fewer than two statements")
    return sides


def strict_hit(first: Side, second: Side) -> bool:
    """Whether the pair sets a refuting body against an agreeing or discussing body of the same claim, either
    side denying: a claim's headlines may state opposite facts ("X died" beside "X's death is a hoax"), so a
    body refuting one may well assert what a denial in an agreeing body rejects."""
    if first.claim.id != second.claim.id or first.body == second.body:
        return False
    claim = first.claim
    return ((claim.refuting(first.body) and claim.agreeing(second.body))
            or (claim.refuting(second.body) and claim.agreeing(first.body)))


def reference_hit(first: Side, second: Side) -> bool:
    """Whether the pair's two bodies take opposite sides on the claim's reference headline: one refutes it, the
    other agrees with or discusses it (bodies not paired with it take no side)."""
    if first.claim.id != second.claim.id or first.body == second.body:
        return False
    reference = first.claim.reference
    stances = {first.claim.stances[side.body].get(reference) for side in (first, second)}
    return bool(stances & REFUTING) and bool(stances & AGREEING)


def score(claims: list[FncClaim], produced: Produced,
          judgments: dict[str, Verdict] | None = None) -> tuple[dict[str, float], dict[str, str]]:
    """The metrics (see the module docstring) and the details shown beside them."""
    claim_of_body = {body: claim for claim in claims for body in claim.stances}
    hits: set[str] = set()
    reported_hits: set[str] = set()  # claims with a strict hit, any report of the denial standing for it
    real_hits: set[str] = set()  # claims with a strict hit that a reader judged real
    reference_hits: set[str] = set()
    across = inside = 0
    denial_disputes = 0
    denial_groups = DenialGroups()
    reading = Reading()
    for dispute in produced.disputes:
        sides = _sides(dispute, produced, claim_of_body)
        first, second = sides[0], sides[1]
        verdict = (judgments or {}).get(dispute_key(first.statement.text, second.statement.text))
        if strict_hit(first, second):
            hits.add(first.claim.id)
            if verdict is not None and verdict.verdict == "real":
                real_hits.add(first.claim.id)
        if reference_hit(first, second):
            reference_hits.add(first.claim.id)
        reports = [first] + ([s for s in sides[2:] if s.statement.polarity == "denies"]
                             if dispute.kind == "denial" else [])
        reported_hits.update(first.claim.id for report in reports if strict_hit(report, second))
        across += len({side.claim.id for side in sides}) > 1
        inside += first.statement.article_id == second.statement.article_id
        if dispute.kind == "denial":
            denial_disputes += 1
            texts = [normalise(first.statement.text)] + [normalise(s.statement.text) for s in sides[2:]
                                                         if s.statement.polarity == "denies"]
            denial_groups.join(texts)
        if verdict is not None:
            reading.add(dispute, verdict)
    stored = {body: produced.story_of[article] for article, body in produced.body_of.items()
              if body in claim_of_body and article in produced.story_of}
    gold = {body: claim_of_body[body].id for body in stored}
    precision, recall, f1 = bcubed(stored, gold) if gold else (0.0, 0.0, 0.0)
    distinct_denials = denial_groups.count()
    metrics = {
        "dispute_recall_strict": len(hits) / len(claims) if claims else 0.0,
        "dispute_recall_strict_reported": len(reported_hits) / len(claims) if claims else 0.0,
        "dispute_recall_strict_one_headline": len(reference_hits) / len(claims) if claims else 0.0,
        "story_bcubed_f1": f1, "story_bcubed_precision": precision, "story_bcubed_recall": recall,
        "disputes_total": float(len(produced.disputes)),
        "disputes_across_claims": float(across),
        "disputes_inside_one_article": float(inside),
        "disputes_per_denial": denial_disputes / distinct_denials if distinct_denials else 0.0,
    }
    details = {"claims_with_strict_dispute": f"{len(hits)} of {len(claims)}: {', '.join(sorted(hits, key=_claim_order))}",
               "claims_only_through_a_report": ", ".join(sorted(reported_hits - hits, key=_claim_order)) or "none",
               "stories": str(len(set(stored.values()))),
               "denials": f"{denial_disputes} denial disputes, {distinct_denials} distinct denials"}
    if judgments is not None:
        reading.report(len(produced.disputes), metrics, details)
        metrics["dispute_recall_strict_real"] = len(real_hits) / len(claims) if claims else 0.0
    return metrics, details


class Reading:
    """The verdicts met while scoring disputes: how many were judged and read real, the false ones by class, and
    per rule the verdicts and the judged disputes' confidence summed (for the calibration line)."""

    def __init__(self) -> None:
        self.judged = self.real = 0
        self.false_classes: Counter = Counter()
        self.by_evidence: dict[str, Counter] = defaultdict(Counter)
        self.confidence_sum: Counter = Counter()

    def add(self, dispute: Dispute, verdict: Verdict) -> None:
        self.judged += 1
        self.real += verdict.verdict == "real"
        rule = evidence(dispute)
        self.by_evidence[rule][verdict.verdict] += 1
        self.confidence_sum[rule] += dispute.confidence or 0.0
        if verdict.verdict == "false":
            self.false_classes[verdict.false_class] += 1

    def report(self, disputes: int, metrics: dict[str, float], details: dict[str, str]) -> None:
        """Adds precision by reading, the judged and unjudged counts, and the calibration (of `disputes` in all)."""
        metrics.update({"precision_read": self.real / self.judged if self.judged else 0.0,
                        "judged": float(self.judged), "unjudged": float(disputes - self.judged)})
        details["false_by_class"] = ", ".join(f"{name} {n}" for name, n in self.false_classes.most_common()) or "none"
        details["real_by_evidence"] = ", ".join(f"{kind} {n['real']} of {n['real'] + n['false']}"
                                                for kind, n in sorted(self.by_evidence.items())) or "none"
        metrics["calibration_error"], details["calibration"] = calibration(self.by_evidence, self.confidence_sum)


def evidence(dispute: Dispute) -> str:
    """The rule a dispute rests on (model.DISPUTE_RULES): a denial by its cue, by its words, one only the stance
    model read into a plainly cued statement, or rival figures."""
    return dispute.evidence.rule if dispute.evidence is not None else "unrecorded"


def calibration(verdicts: dict[str, Counter], confidence_sum: Counter) -> tuple[float, str]:
    """The judged disputes' mean gap between confidence and the share read real, over the rules (weighted by
    disputes), and a line setting the two side by side per rule."""
    judged = sum(n["real"] + n["false"] for n in verdicts.values())
    parts, gap = [], 0.0
    for rule, n in sorted(verdicts.items()):
        read = n["real"] + n["false"]
        confidence, precision = confidence_sum[rule] / read, n["real"] / read
        gap += abs(confidence - precision) * read / judged
        parts.append(f"{rule}: mean confidence {confidence:.2f}, read real {precision:.2f} ({n['real']} of {read})")
    return gap, "; ".join(parts) or "none"


def _claim_order(claim_id: str) -> int:
    return int(claim_id[1:])


class DenialGroups:
    """Union-find over denial texts: texts joined once are one denial from then on."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def root(self, text: str) -> str:
        while self.parent.setdefault(text, text) != text:
            self.parent[text] = self.parent[self.parent[text]]
            text = self.parent[text]
        return text

    def join(self, texts: list[str]) -> None:
        first = self.root(texts[0])
        for text in texts[1:]:
            other = self.root(text)
            if other != first:
                self.parent[other] = first

    def count(self) -> int:
        return len({self.root(text) for text in self.parent})


def context(text: str, start: int, end: int, around: int = CONTEXT_SENTENCES) -> str:
    """The sentences holding text[start:end] and `around` more on each side, whitespace-normalised, with the
    statement marked «like this»."""
    bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    first = max(i for i, b in enumerate(bounds) if b <= start)
    last = min((i for i, b in enumerate(bounds) if b >= end), default=len(bounds) - 1)
    lo, hi = bounds[max(first - around, 0)], bounds[min(last + around, len(bounds) - 1)]
    marked = text[lo:start] + "«" + text[start:end] + "»" + text[end:hi]
    return normalise(marked)


def write_sheet(path: Path, claims: list[FncClaim], produced: Produced) -> None:
    """Every dispute, both sides in context, for a reader to judge (Markdown)."""
    claim_of_body = {body: claim for claim in claims for body in claim.stances}
    entries = []
    for dispute in produced.disputes:
        sides = _sides(dispute, produced, claim_of_body)
        entries.append((_claim_order(sides[0].claim.id), dispute.id, dispute, sides))
    entries.sort(key=lambda e: e[:2])
    out = [f"# Disputes on FNC-1 bodies: {len(entries)} disputes",
           "",
           "Judge each one: add `KEY<TAB>real|false<TAB>reason` to the judgments file (for a false one the reason "
           "starts with its class and a colon). «…» marks the statement inside its sentences.", ""]
    for number, (_, _, dispute, sides) in enumerate(entries, start=1):
        first, second = sides[0], sides[1]
        key = dispute_key(first.statement.text, second.statement.text)
        out.append(f"## {number}. `{key}` · {dispute.kind} · {dispute.id}")
        out.append("")
        claim_ids = sorted({s.claim.id for s in sides}, key=_claim_order)
        if len(claim_ids) > 1:
            out.append(f"**ACROSS CLAIMS: {', '.join(claim_ids)}**")
            out.append("")
        for claim_id in claim_ids:
            claim = next(s.claim for s in sides if s.claim.id == claim_id)
            headlines = claim.contested or sorted({h for pairs in claim.stances.values() for h in pairs})
            shown = "; ".join(f"“{h}”" for h in headlines[:HEADLINES_SHOWN])
            more = f" (+{len(headlines) - HEADLINES_SHOWN} more)" if len(headlines) > HEADLINES_SHOWN else ""
            out.append(f"Claim {claim_id}: {shown}{more}")
        out.append("")
        labels = ("denial", "assertion") if dispute.kind == "denial" else ("one side", "other side")
        for label, side in zip(labels, (first, second)):
            s = side.statement
            stances = ", ".join(sorted(set(side.claim.stances[side.body].values())))
            out.append(f"- **{label}**: body {side.body} ({stances}) · speaker: {s.speaker.name}"
                       f"{f' ({s.speaker.role})' if s.speaker.role else ''} · cue: {s.cue} · polarity: {s.polarity}"
                       f" · chain: {' → '.join(s.chain) or '-'}")
            out.append(f"  - statement: “{normalise(s.text)}”")
            out.append(f"  - context: {context(produced.texts[s.article_id], s.start, s.end)}")
        if len(sides) > 2:
            out.append(f"- and {len(sides) - 2} more statement(s) in bodies "
                       f"{', '.join(sorted({s.body for s in sides[2:]}, key=_body_order))}")
        out.append(f"- explanation: {dispute.explanation}")
        out.append("")
    Path(path).write_text("\n".join(out), encoding="utf-8")


def bench_disputes(bodies: Path, stances: Path, limit: int | None = None, settings: Settings | None = None,
                   db: Path | None = None, sheet: Path | None = None,
                   judgments: Path | None = None, claims: str = "contested") -> BenchResult:
    """Add the bodies of the contested FNC-1 claims (with `claims="others"`, of the held-out others; the first
    `limit` claims) to one fresh corpus and score the disputes it raises; write them to `sheet`, and score
    `judgments`, when given."""
    from storytrace.bench.stance import read_fnc
    from storytrace.corpus import Corpus
    from storytrace.loading import load_models
    from storytrace.store import open_store

    verdicts = read_judgments(Path(judgments)) if judgments is not None else None
    if sheet is not None and not Path(sheet).parent.is_dir():  # known before minutes of analysis, not after
        raise BenchError(f"{sheet}: no such folder for the sheet")
    if claims not in CLAIM_SETS:
        raise BenchError(f"--claims {claims}: one of {', '.join(CLAIM_SETS)}")
    texts, rows = read_fnc(Path(bodies), Path(stances))
    chosen = CLAIM_SETS[claims](rows)[:limit]
    if not chosen:
        raise BenchError(f"{stances}: no claim with a headline of {MIN_AGREE} agreeing and {MIN_DISAGREE} "
                         "refuting bodies" if claims == "contested" else
                         f"{stances}: no claim of the set '{claims}'")
    order = sorted((body for claim in chosen for body in claim.stances), key=_body_order)
    raws = [RawArticle(source=URL.format(body), content=texts[body], kind="text", url=URL.format(body),
                       published=PUBLISHED) for body in order]
    settings = settings or Settings()
    models = load_models(settings)
    started = time.perf_counter()
    with bench_db(db, "disputes") as path:
        corpus = Corpus(open_store(path), settings, models)
        report = corpus.add_raw(raws, parallel=True)
        produced = _read_back(corpus)
        corpus.close()
    metrics, details = score(chosen, produced, verdicts)
    if sheet is not None:
        write_sheet(Path(sheet), chosen, produced)
    rejected = Counter(re.sub(r"\d+", "#", error.reason) for error in report.skipped)
    details.update({
        "bodies": f"{len(order)} bodies of {len(chosen)} {claims} claims: {len(produced.body_of)} stored, "
                  f"{len(report.skipped)} rejected, {len(report.duplicates)} duplicate texts",
        "rejected": ", ".join(f"{reason} ({n})" for reason, n in rejected.most_common()) or "none",
        # The bodies carry no headline: one the cleaner guesses from the first line takes that line off the text.
        "headline_guessed": f"{produced.titled} of {len(produced.body_of)} stored bodies",
    })
    backend = f"{models.backend}; stance {'endpoint ' + settings.stance_endpoint if settings.stance_endpoint else 'packaged model'}"
    primary = ("dispute_recall_strict" if claims != "unrefuted" else
               "precision_read" if verdicts is not None else "disputes_total")
    return BenchResult("disputes", f"{bodies}, {stances}", len(chosen), primary, metrics, backend,
                       time.perf_counter() - started, details=details)


def _read_back(corpus) -> Produced:
    articles = list(corpus.articles())
    body_of = {a.id: a.source.rsplit("/", 1)[-1] for a in articles}
    story_of = {article_id: story.id for story in corpus.stories() for article_id in story.article_ids}
    statements = {s.id: s for s in corpus.statements()}
    return Produced(body_of, story_of, {a.id: a.text for a in articles}, statements, list(corpus.disputes()),
                    sum(1 for a in articles if a.title))
