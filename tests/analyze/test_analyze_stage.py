"""The analyze stage runs spaCy with storytrace's components and copies their results onto articles in order."""

from __future__ import annotations

from datetime import date

import numpy as np

from storytrace.analyze.stage import AnalyzeStage
from storytrace.errors import IngestError
from storytrace.model import Article, Dateline

LEAD = ("BEIJING, Dec. 17 (Yonhap) -- President Tomas Arendt proposed opening a liaison office in Korvask, "
        "diplomatic sources in Beijing said Thursday.")
OTHER = '"We will not comment on that," said Ingrid Halloran, the ministry\'s spokeswoman, on Friday.'


def test_stage_keeps_order_sets_statements_vectors_and_trims_datelines(models):
    """Errors pass in place; each article gets mentions, numbered statements, a unit vector; no dateline in content."""
    first = Article("a1", "a1.txt", LEAD, outlet="Yonhap", title="Arendt proposed liaison office",
                    dateline=Dateline("Beijing", date(2009, 12, 17), "Yonhap"))
    second = Article("a2", "a2.txt", OTHER, outlet="Reuters", dateline=Dateline("Aldwick", date(2009, 12, 18)))
    stage = AnalyzeStage(lambda: models.nlp, n_process=1, batch_size=4)
    out = list(stage(iter([first, IngestError("bad.txt", "empty file"), second])))
    assert [type(item).__name__ for item in out] == ["Article", "IngestError", "Article"]
    [claim] = first.statements
    assert claim.text.startswith("President Tomas Arendt proposed")
    assert first.text[claim.start:claim.end] == claim.text
    assert claim.id == "a1-1" and claim.article_id == "a1"
    assert claim.speaker.name == "diplomatic sources in Beijing"
    assert claim.said_on == date(2009, 12, 17)
    assert any(m.text == "Tomas Arendt" and m.label == "PERSON" for m in first.mentions)
    assert second.statements[0].speaker.name == "Ingrid Halloran"
    assert second.statements[0].polarity == "declines_comment"
    for article in (first, second):
        assert article.embedding.shape == (384,)
        assert abs(float(np.linalg.norm(article.embedding)) - 1.0) < 1e-3
