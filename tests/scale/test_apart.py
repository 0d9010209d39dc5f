"""The server's analysis process: articles come back analysed, and a dead process is each input's error, then
replaced (a real spawned process, real models)."""

from __future__ import annotations

import os
import signal

import pytest

from storytrace.errors import IngestError
from storytrace.model import Article, RawArticle
from storytrace.scale.apart import AnalysisProcess
from storytrace.settings import Settings
from storytrace.store import open_store

TEXT = ("GARROW, Dec. 14 (Coastline News) -- The harbour authority denied on Monday that it had sold the ferry "
        "pier. \"No sale has been agreed,\" said its spokeswoman, Ines Marlow, responding to a newspaper report.")


@pytest.mark.slow
def test_a_killed_analysis_process_is_each_inputs_error_and_is_replaced(tmp_path):
    db = tmp_path / "apart.db"
    open_store(db).close()
    analysis = AnalysisProcess(str(db), Settings())
    try:
        [article] = analysis.analyse([RawArticle(source="pier.txt", content=TEXT, kind="text")])
        assert isinstance(article, Article) and article.statements and article.embedding is not None
        os.kill(analysis._process.pid, signal.SIGKILL)
        analysis._process.join(30)
        [lost] = analysis.analyse([RawArticle(source="again.txt", content=TEXT, kind="text")])
        assert isinstance(lost, IngestError) and "analysis process ended" in lost.reason and lost.source == "again.txt"
        [again] = analysis.analyse([RawArticle(source="again.txt", content=TEXT, kind="text")])
        assert isinstance(again, Article)
    finally:
        analysis.close()
    assert not analysis._process.is_alive()
