"""Ingest turns files and folders into raw articles, and every bad input into one named error."""

from __future__ import annotations

import gzip
import json

from storytrace.errors import ExtractionRejected, IngestError
from storytrace.ingest import iter_inputs
from storytrace.model import RawArticle
from storytrace.settings import Settings


def _read(*paths, settings=None):
    return list(iter_inputs(paths, settings or Settings()))


def test_formats_by_extension_including_gzip(tmp_path):
    """Each supported extension, plain or gzipped, yields one raw article of the right kind."""
    (tmp_path / "a.html").write_text("<html><body><p>Hello</p></body></html>")
    (tmp_path / "b.txt").write_text("Plain words here.")
    with gzip.open(tmp_path / "c.htm.gz", "wt") as handle:
        handle.write("<p>zipped page</p>")
    items = _read(tmp_path)
    assert [(type(i).__name__, i.kind) for i in items] == [("RawArticle", "html"), ("RawArticle", "text"),
                                                          ("RawArticle", "html")]
    assert items[2].content == "<p>zipped page</p>"


def test_jsonl_lines_with_optional_fields_and_a_malformed_line(tmp_path):
    """A malformed JSONL line is reported with its line number while the good lines are kept."""
    lines = [json.dumps({"text": "Body one.", "url": "https://example.org/1", "title": "One", "outlet": "X"}),
             "{not json",
             json.dumps({"html": "<p>Body two</p>", "published": "2009-12-19T01:52:00+09:00"}),
             json.dumps({"title": "no body"}),
             json.dumps(["a", "list"])]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    items = _read(tmp_path / "feed.jsonl")
    good = [i for i in items if isinstance(i, RawArticle)]
    bad = [i for i in items if isinstance(i, IngestError)]
    assert [(g.kind, g.title, g.url, g.published) for g in good] == [
        ("text", "One", "https://example.org/1", None), ("html", None, None, "2009-12-19T01:52:00+09:00")]
    assert [b.source.rsplit("#", 1)[1] for b in bad] == ["2", "4", "5"]
    assert "malformed JSON" in bad[0].reason
    assert "no non-empty 'text' or 'html'" in bad[1].reason


def test_bad_files_each_get_one_reason(tmp_path):
    """Empty, binary, unknown-extension, missing and broken-gzip inputs are named with their reason."""
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "image.html").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "broken.txt.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    items = _read(tmp_path, tmp_path / "missing.txt")
    reasons = {i.source.rsplit("/", 1)[-1]: i.reason for i in items}
    assert all(isinstance(i, IngestError) for i in items)
    assert reasons["empty.txt"] == "empty file"
    assert reasons["image.html"] == "binary content, not text"
    assert "unsupported file type '.docx'" in reasons["notes.docx"]
    assert reasons["broken.txt.gz"].startswith("truncated gzip data")
    assert reasons["missing.txt"] == "no such file or folder"


def test_non_utf8_text_is_decoded_not_rejected(tmp_path):
    """A cp1252 file (curly quotes, accents) is decoded to the right characters."""
    text = "“We will not comment,” said José Müller, the café owner, on Friday afternoon in the old town."
    (tmp_path / "latin.txt").write_bytes(text.encode("cp1252"))
    [item] = _read(tmp_path / "latin.txt")
    assert isinstance(item, RawArticle)
    assert item.content == text


def test_too_large_file_is_rejected(tmp_path):
    """Files above the size limit are refused before they are read into memory."""
    (tmp_path / "big.txt").write_text("word " * 100)
    [item] = _read(tmp_path / "big.txt", settings=Settings().with_overrides(max_bytes=100))
    assert isinstance(item, ExtractionRejected)
    assert "larger than 100 bytes" in item.reason
