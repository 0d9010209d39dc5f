"""Walk files and folders and turn each readable input into RawArticle records.

Errors are yielded as values (IngestError) rather than raised so one bad file never stops a batch: an
unreadable folder, a symlink loop or a link leaving the folder given, a named pipe, a gzip bomb, a
truncated archive, a JSON line nested ten thousand deep are each one named reason.
"""

from __future__ import annotations

import errno
import gzip
import json
import os
import stat
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from storytrace.errors import ExtractionRejected, IngestError
from storytrace.ingest.decode import decode_text, repair_string
from storytrace.ingest.names import display_name
from storytrace.ingest.urls import URL_LIST_SUFFIXES, fetch_urls, is_url, parse_url_list
from storytrace.model import RawArticle
from storytrace.settings import Settings

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED = HTML_SUFFIXES | TEXT_SUFFIXES | JSONL_SUFFIXES | URL_LIST_SUFFIXES

# What stat calls the file types that are not regular files, for the reason line.
_FILE_TYPES = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
               (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def iter_inputs(paths: Iterable[str | Path], settings: Settings) -> Iterator[RawArticle | IngestError]:
    """Yield raw articles from every supported file under `paths` and every URL among them (fetched after the
    files), and an IngestError for each bad input."""
    paths = list(paths)
    for path in expand_paths(paths):
        if isinstance(path, IngestError):
            yield path
            continue
        yield from read_file(path, settings)
    yield from fetch_urls([p for p in paths if is_url(p)], settings)


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | IngestError]:
    """Every file named, or found under a named folder (hidden names skipped), in name order; an error for a
    missing or unreadable path, a symlink loop, and a symlink under a folder that leads outside it.
    URLs are left out: `iter_inputs` fetches them."""
    for raw in paths:
        if is_url(raw):
            continue
        path = Path(raw)
        try:
            info = path.stat()
        except OSError as exc:
            yield IngestError(display_name(path), _os_reason(exc, path))
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk(path)
        else:
            yield path


def _walk(top: Path) -> Iterator[Path | IngestError]:
    root = top.resolve()
    pending = [top]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except OSError as exc:
            yield IngestError(display_name(folder), _os_reason(exc, folder, "folder"))
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            if entry.is_symlink():
                problem = _link_problem(path, root)
                if problem:
                    yield IngestError(display_name(path), problem)
                elif not path.is_dir():
                    yield path
                # A link to a folder inside the tree is walked through its real path already.
            elif entry.is_dir(follow_symlinks=False):
                subfolders.append(path)
            else:
                yield path
        pending.extend(reversed(subfolders))


def _link_problem(path: Path, root: Path) -> str | None:
    """Why a symlink under a folder is not followed, or None when it stays inside the folder."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        return _os_reason(exc, path) if isinstance(exc, OSError) else "symlink loop"
    if target != root and root not in target.parents:
        return f"symlink leads outside the folder given (to {display_name(target)}); not followed"
    return None


def _os_reason(exc: BaseException, path: Path, kind: str = "file") -> str:
    """A one-line reason for an operating-system error on `path`."""
    code = getattr(exc, "errno", None)
    if code == errno.ENOENT:
        return "broken symlink (its target does not exist)" if path.is_symlink() else "no such file or folder"
    if code == errno.ELOOP:
        return "symlink loop"
    if code in (errno.EACCES, errno.EPERM):
        return f"cannot read {kind} (permission denied)"
    return f"cannot read {kind} ({getattr(exc, 'strerror', None) or exc})"


def _format_of(path: Path) -> tuple[str | None, bool]:
    """The article format named by the file's suffixes, and whether it is gzip-compressed."""
    suffixes = [s.lower() for s in path.suffixes]
    gzipped = bool(suffixes) and suffixes[-1] == ".gz"
    if gzipped:
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    return (last if last in SUPPORTED else None), gzipped


def read_file(path: Path, settings: Settings) -> Iterator[RawArticle | IngestError]:
    """The raw articles of one file (one, or one per JSONL line), or the error that stops it being read."""
    source = display_name(path)
    fmt, gzipped = _format_of(path)
    if fmt is None:
        suffix = display_name(Path("".join(path.suffixes))) if path.suffixes else "(no extension)"
        yield IngestError(source, f"unsupported file type {suffix!r}; "
                          f"expected one of {', '.join(sorted(SUPPORTED))} (optionally .gz)")
        return
    try:
        data = read_bytes(path, gzipped, settings)
        if not data.strip():
            raise ExtractionRejected(source, "empty file")
        decoded = decode_text(data, source)
    except IngestError as exc:
        yield exc
        return
    if fmt in JSONL_SUFFIXES:
        yield from jsonl_articles(decoded.text, source, decoded.warnings)
    elif fmt in URL_LIST_SUFFIXES:
        yield from fetch_urls(parse_url_list(decoded.text), settings)
    else:
        yield RawArticle(source=source, content=decoded.text, kind="html" if fmt in HTML_SUFFIXES else "text",
                         warnings=decoded.warnings)


def read_bytes(path: Path, gzipped: bool, settings: Settings) -> bytes:
    """The file's bytes (decompressed), at most settings.max_bytes of them; never blocks on a pipe or device."""
    source = display_name(path)
    limit = settings.max_bytes
    try:
        kind = _special_kind(os.stat(path).st_mode)
        if kind:
            raise ExtractionRejected(source, f"not a regular file: {kind}")
        # O_NONBLOCK: a FIFO swapped in after the check above must not hang the batch waiting for a writer.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(descriptor, "rb") as handle:
            info = os.fstat(handle.fileno())
            kind = _special_kind(info.st_mode)
            if kind:
                raise ExtractionRejected(source, f"not a regular file: {kind}")
            if info.st_size > limit:
                raise ExtractionRejected(source, f"file larger than {limit:,} bytes")
            if not gzipped:
                return handle.read(limit + 1)[:limit]
            data = gzip.GzipFile(fileobj=handle, mode="rb").read(limit + 1)
        if len(data) > limit:
            raise ExtractionRejected(source, f"decompresses to more than {limit:,} bytes (a gzip bomb?)")
        return data
    except EOFError as exc:
        raise IngestError(source, "truncated gzip data (the file ends before the archive does)") from exc
    except (gzip.BadGzipFile, zlib.error) as exc:
        raise IngestError(source, f"broken gzip data ({exc})") from exc
    except OSError as exc:
        raise IngestError(source, _os_reason(exc, path)) from exc


def _special_kind(mode: int) -> str | None:
    for test, name in _FILE_TYPES:
        if test(mode):
            return name
    return None if stat.S_ISREG(mode) else ("a folder" if stat.S_ISDIR(mode) else "an unknown file type")


def jsonl_articles(text: str, source: str, warnings: list[str] | None = None) -> Iterator[RawArticle | IngestError]:
    """One raw article per JSON line, or one error naming the line (`file#N`); warnings go to every article."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}#{number}"
        try:
            article = jsonl_record(json.loads(line), where)
        except json.JSONDecodeError as exc:
            yield IngestError(where, f"malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        except RecursionError:
            yield IngestError(where, "JSON nested too deeply to read")
            continue
        except IngestError as exc:
            yield exc
            continue
        article.warnings = list(warnings or []) + article.warnings
        yield article


def jsonl_record(record: object, source: str) -> RawArticle:
    """One JSON object with `text` or `html` (and optional url, title, published, outlet) as a RawArticle."""
    if not isinstance(record, dict):
        raise IngestError(source, "JSON line is not an object")
    html, text = record.get("html"), record.get("text")
    content = html if isinstance(html, str) and html.strip() else text
    if not isinstance(content, str) or not content.strip():
        raise ExtractionRejected(source, "JSON object has no non-empty 'text' or 'html' field")
    kind = "html" if content is html else "text"
    content, lone = repair_string(content)
    optional = {}
    for key in ("url", "title", "published", "outlet"):
        value = record.get(key)
        if isinstance(value, str):
            value, bad = repair_string(value)
            lone += bad
        optional[key] = value if isinstance(value, str) else None
    warnings = [f"{lone} invalid character(s) (lone surrogate escapes) replaced"] if lone else []
    return RawArticle(source=source, content=content, kind=kind, warnings=warnings, **optional)
