"""Walking folders and reading files: every trap (pipes, loops, links out, unreadable, bombs, odd names,
deep JSON) is one named reason, never a hang or a crash."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys

import pytest

from storytrace.errors import IngestError
from storytrace.ingest import iter_inputs
from storytrace.model import RawArticle
from storytrace.settings import Settings

BODY = "The ministry denied on Friday that it had proposed a liaison office, a spokesman said in Seoul."


def _reasons(*paths, settings=None):
    return {os.path.basename(i.source): i.reason for i in iter_inputs(paths, settings or Settings())
            if isinstance(i, IngestError)}


def test_fifo_symlink_loop_dangling_link_and_links_leaving_the_folder(tmp_path):
    """A FIFO is refused without blocking; loops, dangling links and links out of the folder are named."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(BODY)
    os.mkfifo(folder / "pipe.txt")
    os.symlink("a.txt", folder / "b.txt")
    os.symlink("b.txt", folder / "a.txt")
    os.symlink("nowhere.txt", folder / "dangling.txt")
    (tmp_path / "secret.txt").write_text(BODY)
    os.symlink(tmp_path / "secret.txt", folder / "out.txt")
    os.symlink("good.txt", folder / "inside.txt")
    reasons = _reasons(folder)
    assert reasons["pipe.txt"] == "not a regular file: a named pipe (FIFO)"
    assert reasons["a.txt"] == reasons["b.txt"] == "symlink loop"
    assert reasons["dangling.txt"] == "broken symlink (its target does not exist)"
    assert reasons["out.txt"].startswith("symlink leads outside the folder given (to ")
    assert "inside.txt" not in reasons and "good.txt" not in reasons


def test_gzip_bomb_and_truncated_gzip(tmp_path):
    """A gzip that decompresses past the size limit stops at the limit; a cut-off gzip is named truncated."""
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b" " * 2_000_000))
    whole = gzip.compress(BODY.encode() * 20)
    (tmp_path / "cut.txt.gz").write_bytes(whole[: len(whole) // 2])
    reasons = _reasons(tmp_path, settings=Settings().with_overrides(max_bytes=100_000))
    assert reasons["bomb.txt.gz"] == "decompresses to more than 100,000 bytes (a gzip bomb?)"
    assert reasons["cut.txt.gz"] == "truncated gzip data (the file ends before the archive does)"


def test_non_utf8_and_control_character_file_names_print_on_one_line(tmp_path):
    """A file name that is not UTF-8, or holds a newline, becomes an escaped, storable one-line source."""
    odd = os.path.join(os.fsencode(tmp_path), b"caf\xe9\nname.txt")
    with open(odd, "wb") as handle:
        handle.write(BODY.encode())
    [item] = list(iter_inputs([tmp_path], Settings()))
    assert isinstance(item, RawArticle)
    assert item.source.endswith("caf\\xe9\\nname.txt")
    item.source.encode("utf-8")  # storable: no surrogate escapes left


def test_deep_json_and_lone_surrogate_lines(tmp_path):
    """A JSON line nested 100,000 deep is that line's error; a lone surrogate escape is replaced with a warning."""
    lines = ["[" * 100_000 + "]" * 100_000, json.dumps({"text": BODY})[:-2] + '\\udc00."}']
    (tmp_path / "feed.jsonl").write_text("\n".join(lines))
    error, article = list(iter_inputs([tmp_path / "feed.jsonl"], Settings()))
    assert isinstance(error, IngestError) and error.source.endswith("#1")
    assert error.reason == "JSON nested too deeply to read"
    assert isinstance(article, RawArticle) and "\ufffd" in article.content
    assert article.warnings == ["1 invalid character(s) (lone surrogate escapes) replaced"]


_UNREADABLE_PROBE = """
import sys
from storytrace.errors import IngestError
from storytrace.ingest import iter_inputs
from storytrace.settings import Settings
for item in iter_inputs(sys.argv[1:], Settings()):
    print(f"{item.source}|{item.reason}" if isinstance(item, IngestError) else f"{item.source}|read")
"""


def test_unreadable_file_and_folder_are_named(tmp_path):
    """An unreadable file and an unreadable folder each get a 'permission denied' reason (as root, with the
    capabilities that bypass permissions dropped)."""
    (tmp_path / "locked.txt").write_text(BODY)
    (tmp_path / "locked.txt").chmod(0)
    (tmp_path / "closed").mkdir()
    (tmp_path / "closed" / "inside.txt").write_text(BODY)
    (tmp_path / "closed").chmod(0)
    command = [sys.executable, "-c", _UNREADABLE_PROBE, str(tmp_path)]
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("root without setpriv reads every file")
        command = ["setpriv", "--bounding-set=-dac_override,-dac_read_search",
                   "--inh-caps=-dac_override,-dac_read_search", *command]
    try:
        out = subprocess.run(command, capture_output=True, text=True, timeout=60, check=True).stdout
    finally:
        (tmp_path / "closed").chmod(0o700)
    lines = dict(line.rsplit("|", 1) for line in out.splitlines())
    assert lines[str(tmp_path / "locked.txt")] == "cannot read file (permission denied)"
    assert lines[str(tmp_path / "closed")] == "cannot read folder (permission denied)"
