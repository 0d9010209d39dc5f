"""The reliability bench's hostile corpus: at least 60 inputs of every class, and the input side of `add`
(ingest and clean, no spaCy) gives each the verdict it is owed."""

from __future__ import annotations

import os
import random
import stat

from storytrace.bench import hostile
from storytrace.bench.reliability import Run, Tally, _judge, can_test_unreadable
from storytrace.clean.language import build_detector
from storytrace.clean.stage import CleanStage
from storytrace.errors import DuplicateArticle, IngestError
from storytrace.ingest import iter_inputs
from storytrace.ingest.names import display_name
from storytrace.settings import Settings

SYLLABLES = ["ar", "ben", "cor", "dal", "ev", "fin", "gar", "hol", "ir", "jan", "kel", "lor", "mar", "nor",
             "ost", "pel", "quin", "ros", "sel", "tor", "ul", "ven", "wen", "yar", "zel"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NOUNS = ["bridge", "budget", "contract", "hospital", "school", "railway", "harbour", "tax", "museum", "road",
         "pension", "license", "reservoir", "market", "stadium", "airport", "library", "tunnel", "farm", "port"]


def fictional_articles(count: int) -> list[str]:
    """Distinct made-up news articles of about 100 words, with no sentence repeated inside one and varied
    enough (invented names and places) to compress like real prose."""
    rng = random.Random(14)

    def name() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).title()

    articles = []
    for i in range(count):
        place, other, person = name(), name(), f"{name()} {name()}"
        thing, second = rng.sample(NOUNS, 2)
        articles.append(
            f"The council of {place} denied on {rng.choice(DAYS)} that it had approved a new {thing} near the "
            f"{name()} estate for {other}, after {name()} and {name()} asked about it. "
            f"{person}, a spokesman, said no decision on the {second} would be taken before {rng.randint(2, 28)} "
            f"March. Residents of {other} had told the {name()} Courier that work on {rng.randint(3, 90)} sites "
            f"was due to begin soon. An opposition member, {name()} {name()}, said the council owed the public a "
            f"clear account of the {rng.randint(2, 40)} contracts it had signed, and she called for a hearing. "
            f"The mayor declined to comment, saying only that talks with {name()} about the {thing} continued.")
    return articles


def test_corpus_has_every_class_and_each_input_gets_its_verdict(tmp_path):
    """Every SKIP input is refused with a reason and every valid input is cleaned into an article."""
    folder = tmp_path / "hostile"
    cases = hostile.build(folder, fictional_articles(1000))
    try:
        kinds = " ".join(c.kind for c in cases)
        assert sum(max(c.lines, 1) for c in cases) >= 60
        for needed in ("FIFO", "symlink loop", "unreadable file", "unreadable folder", "gzip bomb",
                       "truncated gzip", "odd file name", "lorem", "JavaScript", "word salad", "repeated",
                       "'said'", "French", "leaving the folder", "UTF-16", "cp1252", "nested"):
            assert needed in kinds, needed
        assert stat.S_ISFIFO(os.lstat(folder / "pipe.txt").st_mode)
        stage = CleanStage(Settings(), build_detector, lambda _: False)
        results = {}
        for item in stage(iter_inputs([folder], Settings())):
            results.setdefault(item.source, []).append(item)
    finally:
        hostile.cleanup(folder)
    for case in cases:
        if case.needs_unprivileged and (os.geteuid() == 0):
            continue  # root reads it: the bench drops root's capabilities for these
        source = display_name(folder / case.path)
        units = [f"{source}#{n}" for n in range(1, case.lines + 1)] if case.lines else [source]
        for unit in units:
            got = results.get(unit) or results.get(source) or []
            assert len(got) == 1, (case.kind, got)
            [item] = got
            if case.expect == hostile.SKIP:
                assert isinstance(item, IngestError) and item.reason, case.kind
            else:
                assert not isinstance(item, IngestError) or isinstance(item, DuplicateArticle), (case.kind, item)
                if case.expect == hostile.WARN:
                    assert item.warnings, case.kind


def test_judge_counts_refusals_silent_accepts_and_exit_codes():
    """A verdict check flags a valid input refused, garbage stored, and exit 0 despite skips."""
    cases = [hostile.Case("good.txt", "valid", hostile.ACCEPT), hostile.Case("junk.txt", "junk", hostile.SKIP)]
    root = "/corpus"
    run = Run(0, "added 1 article(s); 0 already stored; 1 skipped\n",
              f"skipped {root}/good.txt: only 3 words\n", 1.0, 10.0, False)
    tally = Tally()
    _judge(cases, __import__("pathlib").Path(root), run, [f"{root}/junk.txt"], tally, can_test_unreadable(), "t")
    assert tally.checked == 2 and tally.clean == 0
    assert tally.count("valid input refused") == 1
    assert tally.count("garbage accepted") == 1
    assert tally.count("wrong exit code") == 1
