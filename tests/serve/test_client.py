"""`storytrace add --server URL` reads files here and adds them through a running server's API."""

from __future__ import annotations

import io
import json
import urllib.request
from contextlib import redirect_stderr, redirect_stdout

from storytrace.serve.cli import main

ARTICLE = """Harbour authority denies pier closure plan

PORT ELLIS, March 3 (Coastline Wire) - The harbour authority on Tuesday denied a newspaper report that it planned
to close the old fishing pier next year, saying no such decision had been taken. "There is no plan to close the
pier," a spokeswoman said. The Ellis Herald had reported on Monday, citing two council members, that the pier
would shut in the spring because of storm damage.
"""


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def test_add_through_a_running_server(tmp_path, start_server):
    """The article lands in the server's corpus; a bad file is skipped here with its reason; re-adding is a no-op."""
    (tmp_path / "pier.txt").write_text(ARTICLE)
    (tmp_path / "empty.txt").write_text("")
    with start_server(tmp_path / "served.db") as base:
        code, out, err = cli("add", "--quiet", "--server", base, str(tmp_path / "pier.txt"), str(tmp_path / "empty.txt"))
        assert code == 3, err
        assert "added 1 article(s); 0 already stored; 1 skipped" in out
        assert "empty.txt: empty file" in err
        stories = json.load(urllib.request.urlopen(f"{base}/api/stories"))
        assert stories["total"] == 1 and "pier" in stories["items"][0]["title"].lower()
        code, out, _ = cli("add", "--quiet", "--server", base, str(tmp_path / "pier.txt"))
        assert code == 0 and "added 0 article(s); 1 already stored" in out


def test_an_unreachable_server_is_one_error_line(tmp_path):
    """Nothing listening: exit 1 with a message naming the server, not a traceback."""
    (tmp_path / "pier.txt").write_text(ARTICLE)
    code, _, err = cli("add", "--quiet", "--server", "http://127.0.0.1:9", str(tmp_path / "pier.txt"))
    assert code == 1 and err.startswith("storytrace: error: cannot reach storytrace server at http://127.0.0.1:9")
