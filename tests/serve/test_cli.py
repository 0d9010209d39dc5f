"""The CLI end to end, as a user runs it: a real SQLite file and the JSON export contract. Commands run in this
process through `main` (what a subprocess would add is the interpreter's start); the exit-code, Ctrl-C and kill
tests run real processes, where the process is what they test."""

from __future__ import annotations

import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass

import pytest

from storytrace.serve.cli import main

AGENCY = """Norland denies proposing liaison office to Veskaria
Posted December. 19, 2009 01:52

WASHINGTON, Dec. 18 (Yonhap) -- Norland's presidential office on Friday denied it had proposed opening a liaison
office in Veskaria in a letter to the country's leadership.

"No such proposal has been made," said Nathan Ellery, deputy spokesman for the National Security Council.
He said the letter restated Norland's position on the regional talks and contained nothing new.

Ellery declined to comment on how the letter was delivered to Korvask or who had carried it there.
"""

PAPER = """<html><head><title>Norland proposed liaison office, agency says</title></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Norland proposed liaison office, agency says</h1>
<p>By Dana Whitfield</p>
<p>President Tomas Arendt proposed opening a liaison office in Veskaria in a letter to the country's leadership,
Yonhap said on Thursday, citing diplomatic sources in Beijing.</p>
<p>The letter was carried to Korvask by the special envoy Stephen Marsh earlier this month, the agency said.
Officials in Aldwick have not commented on the report, and the envoy has said only that his talks were useful.</p>
<p>"A liaison office is cheap to offer and very hard to refuse," said Miriam Okafor, a specialist at the
Harcourt Institute, who has followed relations between the two countries for two decades.</p>
</article><footer>Copyright 2009 The Capitol Ledger. All rights reserved.</footer></body></html>
"""

CONTRACT = {
    "articles": {"id", "source", "outlet", "title", "byline", "dateline", "published", "language", "text"},
    "entities": {"id", "name", "type", "aliases"},
    "statements": {"id", "article_id", "text", "direct", "speaker", "cue", "said_on", "chain", "polarity",
                   "start", "end"},
    "stories": {"id", "title", "article_ids", "first_seen", "last_seen"},
    "claims": {"id", "story_id", "summary", "statement_ids", "status"},
    "disputes": {"id", "claim_id", "statement_ids", "kind", "explanation", "confidence", "evidence", "reported_by"},
}


@dataclass
class Done:
    returncode: int
    stdout: str
    stderr: str


def run(*args, db, check=None) -> Done:
    """`storytrace ARGS --db DB` in this process, with its exit code and what it printed."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main([*args, "--db", str(db)])
        except SystemExit as exc:  # argparse's usage errors
            code = exc.code
    done = Done(code, out.getvalue(), err.getvalue())
    if check is not None:
        assert done.returncode == check, done.stderr
    return done


def run_process(*args, db, env=None) -> subprocess.CompletedProcess:
    """`python -m storytrace ARGS --db DB` as a real process."""
    return subprocess.run([sys.executable, "-m", "storytrace", *args, "--db", str(db)], capture_output=True,
                          text=True, timeout=600, env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("cli")
    articles = root / "articles"
    articles.mkdir()
    (articles / "agency.txt").write_text(AGENCY)
    (articles / "paper.html").write_text(PAPER)
    (articles / "empty.txt").write_text("")
    (articles / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (articles / "bad.jsonl").write_text('{"text": \n')
    db = root / "cli.db"
    first = run("add", "--quiet", str(articles), db=db)
    return root, db, first


def test_add_reports_skipped_inputs_and_exits_3(corpus):
    """Bad inputs are each named with a reason on stderr; good ones are stored; exit code 3 says so."""
    _, _, first = corpus
    assert first.returncode == 3, first.stderr
    assert "added 2 article(s)" in first.stdout
    errors = first.stderr.strip().splitlines()
    assert len(errors) == 3
    assert any("empty.txt: empty file" in e for e in errors)
    assert any("photo.txt: binary content" in e for e in errors)
    assert any("bad.jsonl#1: malformed JSON" in e for e in errors)


def test_readding_is_a_no_op(corpus):
    """The same articles added again are recognised by content hash and not stored twice."""
    root, db, _ = corpus
    again = run("add", "--quiet", str(root / "articles" / "agency.txt"), str(root / "articles" / "paper.html"),
                db=db, check=0)
    assert "added 0 article(s); 2 already stored" in again.stdout


def test_json_export_follows_the_contract(corpus):
    """Every table and field named in DESIGN.md is present, with the denial and the chain through the agency."""
    _, db, _ = corpus
    data = json.loads(run("export", "--format", "json", db=db, check=0).stdout)
    for table, fields in CONTRACT.items():
        assert data[table], table
        assert all(set(row) == fields for row in data[table]), table
    statements = data["statements"]
    denial = next(s for s in statements if s["text"] == "No such proposal has been made")
    assert denial["polarity"] == "denies" and denial["direct"] is True
    assert denial["speaker"]["name"] == "Nathan Ellery"
    assert denial["speaker"]["role"] == "deputy spokesman for the National Security Council"
    assert any(s["polarity"] == "declines_comment" for s in statements)
    chained = [s for s in statements if s["chain"][-1:] == ["diplomatic sources in Beijing"]]
    assert chained and "Yonhap" in chained[0]["chain"]
    agency = next(a for a in data["articles"] if a["outlet"] == "Yonhap")
    assert agency["dateline"] == {"place": "Washington", "date": "2009-12-18"}
    for s in statements:
        article = next(a for a in data["articles"] if a["id"] == s["article_id"])
        assert article["text"][s["start"]:s["end"]] == s["text"]


def test_story_disputes_and_lists(corpus):
    """Both articles form one story whose denial dispute is listed and explained."""
    _, db, _ = corpus
    data = json.loads(run("export", db=db, check=0).stdout)
    [story] = data["stories"]
    assert len(story["article_ids"]) == 2
    kinds = [d["kind"] for d in data["disputes"]]
    assert "denial" in kinds
    out = run("disputes", db=db, check=0).stdout
    assert "denial" in out and "presidential office" in out
    story_out = run("story", story["id"], db=db, check=0).stdout
    assert "Nathan Ellery" in story_out
    assert "Ellery" in run("statements", "--speaker", "Ellery", db=db, check=0).stdout
    assert "liaison" in run("search", "liaison office", db=db, check=0).stdout
    csv_out = run("export", "--format", "csv", "--table", "disputes", db=db, check=0).stdout
    assert csv_out.splitlines()[0] == ("id,claim_id,statement_ids,kind,explanation,confidence,evidence.rule,"
                                       "evidence.cues,evidence.stance_against,reported_by")


def test_each_dispute_shows_why_in_the_export_and_the_listings(corpus):
    """A denial's confidence, the rule and each side's cue, and the article reporting it are exported; `disputes`
    and `story` print them with each side's speaker, cue, span and chain."""
    _, db, _ = corpus
    data = json.loads(run("export", db=db, check=0).stdout)
    denial = next(d for d in data["disputes"] if d["kind"] == "denial")
    statements = {s["id"]: s for s in data["statements"]}
    first, second = (statements[i] for i in denial["statement_ids"][:2])
    assert 0 < denial["confidence"] < 1 and denial["evidence"]["rule"] in {"cue", "words", "stance"}
    assert denial["evidence"]["cues"] == [first["cue"], second["cue"]]
    outlets = {a["id"]: a["outlet"] for a in data["articles"]}
    assert {"article_id": first["article_id"], "outlet": outlets[first["article_id"]]} == denial["reported_by"][0]
    [story] = data["stories"]
    for out in (run("disputes", db=db, check=0).stdout, run("story", story["id"], db=db, check=0).stdout):
        flat = " ".join(out.split())
        assert f"confidence {denial['confidence']:.2f}" in flat
        assert (f"denial: {first['speaker']['name']}" in flat and f"cue “{first['cue']}”" in flat
                and f"characters {first['start']}–{first['end']}" in flat and " → ".join(first["chain"]) in flat)
        assert f"reported by: {first['article_id']} ({outlets[first['article_id']]})" in flat


def test_an_article_without_a_date_says_date_unknown(example_db, undated):
    """An undated article (a feed line with no date) is never given one: the story list and the story say so."""
    data = json.loads(run("export", db=example_db, check=0).stdout)
    undated = next(a for a in data["articles"] if a["title"] == undated["title"])
    assert (undated["published"], undated["dateline"]["date"]) == (None, None)
    story = next(s for s in data["stories"] if s["article_ids"] == [undated["id"]])
    assert (story["first_seen"], story["last_seen"]) == (None, None)
    row = next(line for line in run("stories", db=example_db, check=0).stdout.splitlines() if story["id"] in line)
    assert row.count("date unknown") == 2
    shown = run("story", story["id"], db=example_db, check=0).stdout
    assert "date unknown – date unknown" in shown
    article_row = next(line for line in shown.splitlines() if undated["id"] in line)
    assert "date unknown" in article_row


def test_errors_and_usage_exit_codes(corpus, tmp_path):
    """A missing story is a one-line error (exit 1); a bad option is a usage error (exit 2); real processes."""
    _, db, _ = corpus
    missing = run_process("story", "nope", db=db)
    assert missing.returncode == 1
    assert missing.stderr.strip() == "storytrace: error: no story with id 'nope' (see `storytrace stories`)"
    assert run_process("export", "--format", "xml", db=db).returncode == 2
    (tmp_path / "junk.db").write_bytes(b"not a database" * 200)
    junk = run("stories", db=tmp_path / "junk.db", check=1)
    assert "junk.db" in junk.stderr and len(junk.stderr.strip().splitlines()) == 1
    typo = run_process("stories", db=db, env={"STORYTRACE_N_PROCES": "1"})
    assert typo.returncode == 1 and typo.stderr.startswith("storytrace: error: STORYTRACE_N_PROCES: no such setting")


def test_reading_commands_refuse_a_database_that_does_not_exist(tmp_path):
    """A mistyped --db is an error naming it, and no empty database is left behind."""
    for command in (["stories"], ["disputes"], ["export"], ["search", "x"], ["statements"], ["story", "S1"]):
        done = run(*command, db=tmp_path / "typo.db", check=1)
        assert "typo.db: no such database" in done.stderr
    assert not (tmp_path / "typo.db").exists()


def test_story_accepts_a_unique_id_prefix_and_never_cuts_ids(corpus):
    """`story` takes an unambiguous prefix; `stories` prints whole ids even in a narrow terminal."""
    _, db, _ = corpus
    [story] = json.loads(run("export", db=db, check=0).stdout)["stories"]
    assert "Nathan Ellery" in run("story", story["id"][:5], db=db, check=0).stdout
    from storytrace.serve import render

    narrow = render.console.width
    try:
        render.console.width = 40
        listing = run("stories", db=db, check=0).stdout
    finally:
        render.console.width = narrow
    assert story["id"] in listing


def _dispatches(tmp_path, count: int):
    """A folder of `count` distinct agency dispatches: enough files for `add` to start spaCy workers."""
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(count):
        (folder / f"a{n:02d}.txt").write_text(AGENCY.replace("Korvask", f"Korvask {n}")
                                               + f"\nThis is dispatch number {n} of the series.\n")
    return folder


def _start_add(folder, db) -> subprocess.Popen:
    """`storytrace add` as a real process in a session of its own (as a terminal's Ctrl-C reaches a whole
    process group), with Ctrl-C's default handling."""
    return subprocess.Popen([sys.executable, "-m", "storytrace", "add", "--quiet", str(folder), "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["kill", "ctrl-c"])
def test_interrupted_add_leaves_a_consistent_database_and_rerun_completes(tmp_path, sig):
    """A kill or Ctrl-C in the middle of `add` keeps every stored article whole; running again finishes the job."""
    folder = _dispatches(tmp_path, 12)
    db = tmp_path / "stop.db"
    proc = _start_add(folder, db)
    deadline = time.time() + 300
    stored = 0
    while time.time() < deadline and proc.poll() is None and stored == 0:
        time.sleep(0.2)
        try:
            stored = sqlite3.connect(db).execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        except sqlite3.Error:
            stored = 0
    if proc.poll() is None:
        os.killpg(proc.pid, sig)
    _, err = proc.communicate(timeout=60)
    if sig == signal.SIGINT and stored < 12:
        assert proc.returncode == 130
        assert "interrupted; everything stored before the interruption is kept" in err.decode()
    check = sqlite3.connect(db)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    orphans = check.execute("SELECT COUNT(*) FROM statements WHERE article_id NOT IN (SELECT id FROM articles)")
    assert orphans.fetchone()[0] == 0
    check.close()
    run("add", "--quiet", str(folder), db=db, check=0)
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 12


def _children(pid: int) -> set[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as handle:
            return {int(p) for p in handle.read().split()}
    except OSError:
        return set()


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT], ids=["kill", "term", "int"])
def test_spacy_workers_die_with_the_add_process(tmp_path, sig):
    """A signal to the main `add` process alone (an OOM killer, a supervisor, kill -INT) ends its workers too."""
    proc = _start_add(_dispatches(tmp_path, 16), tmp_path / "w.db")
    workers: set[int] = set()
    try:
        deadline = time.time() + 300
        while time.time() < deadline and proc.poll() is None and len(workers) < 2:
            time.sleep(0.2)
            workers = _children(proc.pid)
        assert len(workers) >= 2, f"the spaCy workers never started: {proc.stderr.read().decode() if proc.poll() else ''}"
        os.kill(proc.pid, sig)
        proc.wait(timeout=60)
        deadline = time.time() + 30
        while time.time() < deadline and any(_alive(w) for w in workers):
            time.sleep(0.2)
        assert not any(_alive(w) for w in workers)
    finally:  # a failed run must not leave an `add` and its workers behind, busy for minutes
        for pid in [proc.pid, *workers]:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        proc.wait(timeout=60)


def test_an_output_path_that_is_the_database_is_refused(corpus, tmp_path):
    """`export --out` or `report --out` naming the corpus's own file fails before touching it."""
    _, db, _ = corpus
    before = db.read_bytes()
    for command in (["export", "--out", str(db)], ["report", "--out", str(db)],
                    ["export", "--out", f"{db}-wal"]):
        done = run(*command, db=db, check=1)
        assert "that is a file of the corpus itself" in done.stderr
    assert db.read_bytes() == before
