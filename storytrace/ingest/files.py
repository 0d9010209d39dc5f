"""Walk files and folders and turn each readable input into RawArticle records.

Errors are yielded as values (IngestError) rather than raised so one bad file never stops a batch.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from storytrace.errors import ExtractionRejected, IngestError
from storytrace.ingest.decode import decode_bytes
from storytrace.ingest.urls import URL_LIST_SUFFIXES, fetch_urls, is_url, parse_url_list
from storytrace.model import RawArticle
from storytrace.settings import Settings

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED = HTML_SUFFIXES | TEXT_SUFFIXES | JSONL_SUFFIXES | URL_LIST_SUFFIXES


def iter_inputs(paths: Iterable[str | Path], settings: Settings) -> Iterator[RawArticle | IngestError]:
    """Yield raw articles from every supported file under `paths` and every URL among them (fetched after the
    files), and an IngestError for each bad input."""
    paths = list(paths)
    for path in expand_paths(paths):
        if isinstance(path, IngestError):
            yield path
            continue
        yield from _read_file(path, settings)
    yield from fetch_urls([p for p in paths if is_url(p)], settings)


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | IngestError]:
    """Every file named or found under a named folder (hidden files skipped), or an error for a missing path.
    URLs are left out: `iter_inputs` fetches them."""
    for raw in paths:
        if is_url(raw):
            continue
        path = Path(raw)
        if path.is_dir():
            yield from (p for p in sorted(path.rglob("*")) if p.is_file() and not p.name.startswith("."))
        elif path.is_file():
            yield path
        else:
            yield IngestError(str(path), "no such file or folder")


def _format_of(path: Path) -> tuple[str | None, bool]:
    """The article format named by the file's suffixes, and whether it is gzip-compressed."""
    suffixes = [s.lower() for s in path.suffixes]
    gzipped = bool(suffixes) and suffixes[-1] == ".gz"
    if gzipped:
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    return (last if last in SUPPORTED else None), gzipped


def _read_file(path: Path, settings: Settings) -> Iterator[RawArticle | IngestError]:
    source = str(path)
    fmt, gzipped = _format_of(path)
    if fmt is None:
        yield IngestError(source, f"unsupported file type {''.join(path.suffixes) or '(no extension)'!r}; "
                          f"expected one of {', '.join(sorted(SUPPORTED))} (optionally .gz)")
        return
    try:
        data = _read_bytes(path, gzipped, settings)
        if not data.strip():
            raise ExtractionRejected(source, "empty file")
        text = decode_bytes(data, source)
    except IngestError as exc:
        yield exc
        return
    if fmt in JSONL_SUFFIXES:
        yield from _jsonl_articles(text, source)
    elif fmt in URL_LIST_SUFFIXES:
        yield from fetch_urls(parse_url_list(text), settings)
    else:
        yield RawArticle(source=source, content=text, kind="html" if fmt in HTML_SUFFIXES else "text")


def _read_bytes(path: Path, gzipped: bool, settings: Settings) -> bytes:
    source = str(path)
    try:
        if path.stat().st_size > settings.max_bytes:
            raise ExtractionRejected(source, f"file larger than {settings.max_bytes:,} bytes")
        if not gzipped:
            return path.read_bytes()
        with gzip.open(path, "rb") as handle:
            data = handle.read(settings.max_bytes + 1)
        if len(data) > settings.max_bytes:
            raise ExtractionRejected(source, f"decompresses to more than {settings.max_bytes:,} bytes")
        return data
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise IngestError(source, f"broken gzip data ({exc})") from exc
    except OSError as exc:
        raise IngestError(source, f"cannot read file ({exc.strerror or exc})") from exc


def _jsonl_articles(text: str, source: str) -> Iterator[RawArticle | IngestError]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}#{number}"
        try:
            yield jsonl_record(json.loads(line), where)
        except json.JSONDecodeError as exc:
            yield IngestError(where, f"malformed JSON ({exc.msg} at column {exc.colno})")
        except IngestError as exc:
            yield exc


def jsonl_record(record: object, source: str) -> RawArticle:
    """One JSON object with `text` or `html` (and optional url, title, published, outlet) as a RawArticle."""
    if not isinstance(record, dict):
        raise IngestError(source, "JSON line is not an object")
    html, text = record.get("html"), record.get("text")
    content = html if isinstance(html, str) and html.strip() else text
    if not isinstance(content, str) or not content.strip():
        raise ExtractionRejected(source, "JSON object has no non-empty 'text' or 'html' field")
    optional = {key: record.get(key) if isinstance(record.get(key), str) else None
                for key in ("url", "title", "published", "outlet")}
    return RawArticle(source=source, content=content, kind="html" if content is html else "text", **optional)
