"""The server's adding process: a batch comes back added and stored, and a dead process is each input's error,
then replaced (a real spawned process, real models)."""

from __future__ import annotations

import os
import signal

import pytest

import storytrace
from storytrace.errors import IngestError
from storytrace.model import RawArticle
from storytrace.scale.apart import AddingProcess
from storytrace.settings import Settings

TEXT = ("GARROW, Dec. 14 (Coastline News) -- The harbour authority denied on Monday that it had sold the ferry "
        "pier. \"No sale has been agreed,\" said its spokeswoman, Ines Marlow, responding to a newspaper report.")


@pytest.mark.slow
def test_a_killed_adding_process_is_each_inputs_error_and_is_replaced(tmp_path):
    db = tmp_path / "apart.db"
    storytrace.open(db).close()
    adding = AddingProcess(str(db), Settings())
    try:
        report = adding.add([RawArticle(source="pier.txt", content=TEXT, kind="text"),
                             IngestError("broken.json", "not JSON")])
        assert len(report.added) == 1 and [e.source for e in report.skipped] == ["broken.json"]
        with storytrace.open(db, create=False) as corpus:
            [denial] = [s for s in corpus.statements() if s.polarity == "denies"]
            assert denial.speaker.name == "The harbour authority"
        os.kill(adding._process.pid, signal.SIGKILL)
        adding._process.join(30)
        lost = adding.add([RawArticle(source="again.txt", content=TEXT.replace("pier", "quay"), kind="text")])
        [error] = lost.skipped
        assert not lost.added and error.source == "again.txt" and "adding process ended" in error.reason
        again = adding.add([RawArticle(source="again.txt", content=TEXT.replace("pier", "quay"), kind="text")])
        assert len(again.added) == 1
        duplicate = adding.add([RawArticle(source="pier-copy.txt", content=TEXT, kind="text")])
        assert not duplicate.added and [d.source for d in duplicate.duplicates] == ["pier-copy.txt"]
    finally:
        adding.close()
    assert not adding._process.is_alive()
