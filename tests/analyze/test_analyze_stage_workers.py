"""The analyze stage in worker processes: order kept, and an article the parse refuses is its own error while
the others are analysed."""

from __future__ import annotations

from storytrace.analyze.stage import AnalyzeStage
from storytrace.errors import IngestError
from storytrace.model import Article

SAID = '"The pier will close in March," said Ingrid Halloran, the harbour master, on Friday.'


def test_an_article_the_workers_refuse_is_its_own_error_and_the_rest_are_analysed(models):
    """An article over spaCy's own length limit fails in a worker; it alone becomes an error, in its place."""
    articles = [Article(f"a{n}", f"a{n}.txt", SAID.replace("March", f"month {n}")) for n in range(3)]
    too_long = Article("big", "big.txt", "word " * (models.nlp.max_length // 5 + 1))
    stage = AnalyzeStage(lambda: models.nlp, n_process=2, batch_size=2)
    out = list(stage(iter([articles[0], too_long, articles[1], IngestError("bad.txt", "empty file"), articles[2]])))
    assert [item.source for item in out] == ["a0.txt", "big.txt", "a1.txt", "bad.txt", "a2.txt"]
    assert isinstance(out[1], IngestError) and out[1].reason.startswith("analysis failed")
    assert all(isinstance(out[n], Article) and out[n].statements[0].speaker.name == "Ingrid Halloran"
               for n in (0, 2, 4))
