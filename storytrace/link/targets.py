"""What a terse denial denies.

"It's untrue. No such proposal has been made" says too little to be matched with what it rejects. Its
article says what that is, nearby: the same source's fuller denial just before ("the office denied that the
president had proposed a liaison office"), or the report it answers, given beside it ("responding to a report
that ..."; "denied reports that ..."). The denial then stands for that proposition when claims are grouped and
when it is set against assertions: matched by meaning across articles and outlets, not by its own few words.
Only the statements of one article are read, so a stored denial gets the same target each time its claim
is refreshed.
"""

from __future__ import annotations

from collections import defaultdict

from storytrace.link.propositions import names_a_report, stems
from storytrace.link.sources import same_source, source_key
from storytrace.model import Statement

TERSE = 3  # content stems: a statement this short names too little to be compared word for word
# Characters between a terse denial and the statement that says what it denies: its own sentence, or
# the one before or after it (news sentences run 100-250 characters).
ANSWER_WINDOW = 300
_ASSERTING = frozenset({"asserts", "confirms", "speculates"})


def is_terse(statement: Statement) -> bool:
    return len(stems(statement.text)) <= TERSE


def denial_targets(statements: list[Statement]) -> dict[str, str]:
    """For each terse denial among `statements` (any articles), the text of what it denies, where its
    article says so nearby."""
    by_article: dict[str, list[Statement]] = defaultdict(list)
    for statement in statements:
        by_article[statement.article_id].append(statement)
    targets = {}
    for members in by_article.values():
        for denial in members:
            if denial.polarity == "denies" and is_terse(denial):
                target = _target(denial, members)
                if target is not None:
                    targets[denial.id] = target.text
    return targets


def _target(denial: Statement, members: list[Statement]) -> Statement | None:
    """A fuller denial just before it (the same source's first: a spokesman's "No such proposal has been
    made" after his office "denied that ..."), else the nearest report beside it by another source."""
    near = [s for s in members if s is not denial and not is_terse(s) and gap(denial, s) <= ANSWER_WINDOW]
    mine = source_key(denial)
    before = [s for s in near if s.polarity == "denies" and s.start < denial.start]
    if before:
        return max(before, key=lambda s: (same_source(source_key(s), mine), s.start))
    answered = [s for s in near if s.polarity in _ASSERTING and not same_source(source_key(s), mine)
                and _is_report(s)]
    return min(answered, key=lambda s: (gap(denial, s), s.start)) if answered else None


def _is_report(statement: Statement) -> bool:
    """Whether a statement is told as a report ("a media report", "a Yonhap report citing sources"): what a terse
    denial beside it answers. A neighbour told by anyone else is as likely a side remark."""
    return any(names_a_report(name) for name in [statement.speaker.name, *statement.chain])


def gap(a: Statement, b: Statement) -> int:
    """Characters between two statements of one article (0 when they overlap)."""
    return max(0, max(a.start, b.start) - min(a.end, b.end))
