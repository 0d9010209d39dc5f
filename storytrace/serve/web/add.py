"""The web UI's add page: paste an article, upload files, or list URLs; the result lists what was added.

Inputs are read exactly as `storytrace add` reads them (uploads go through `storytrace.ingest`, URLs through its
guarded fetcher), before the write lock is taken; then the server's loaded models analyse them."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path, PurePath
from typing import Annotated

from fastapi import APIRouter, File, Form, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from storytrace.corpus import AddReport
from storytrace.errors import ExtractionRejected, IngestError
from storytrace.ingest import iter_inputs
from storytrace.ingest.urls import fetch_urls, parse_url_list
from storytrace.model import RawArticle
from storytrace.serve.api.deps import StateDep
from storytrace.serve.web import render
from storytrace.serve.web.links import WebLinks
from storytrace.settings import Settings

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
LINKS = WebLinks()
# As many files and URLs as one form may send: each is read (or fetched) before the answer comes.
MAX_FILES = 50
MAX_URLS = 50
PASTED = "pasted text"


@router.get("/add")
def add_form() -> str:
    return render("add.html", links=LINKS, title="Add articles", report=None, text="", urls="")


@router.post("/add")
async def add_submit(state: StateDep, text: Annotated[str, Form()] = "", urls: Annotated[str, Form()] = "",
                     files: Annotated[list[UploadFile] | None, File()] = None) -> str:
    uploads = [(f.filename or "upload", await f.read()) for f in (files or []) if f.filename][:MAX_FILES]
    settings = state.writer.settings
    raws = await run_in_threadpool(read_form, text, urls, uploads, settings)
    report: AddReport = await run_in_threadpool(state.add, raws) if raws else AddReport()
    if not raws:
        report.skipped.append(ExtractionRejected("form", "nothing given: paste text, choose files or list URLs"))
    return render("add.html", links=LINKS, title="Add articles", report=report, text="", urls="")


def read_form(text: str, urls: str, uploads: list[tuple[str, bytes]],
              settings: Settings) -> list[RawArticle | IngestError]:
    """Every input of the form, as ingest reads files: a RawArticle or the input's one-line error."""
    raws: list[RawArticle | IngestError] = []
    if text.strip():
        raws.append(RawArticle(source=PASTED, content=text, kind="text"))
    raws.extend(_read_uploads(uploads, settings))
    listed = parse_url_list(urls)
    if len(listed) > MAX_URLS:
        raws.append(ExtractionRejected("urls", f"{len(listed)} URLs; at most {MAX_URLS} at once"))
        listed = listed[:MAX_URLS]
    raws.extend(fetch_urls(listed, settings))
    return raws


def _read_uploads(uploads: list[tuple[str, bytes]], settings: Settings) -> list[RawArticle | IngestError]:
    """Uploaded files are written to a private folder and read by ingest, then named by their own names."""
    if not uploads:
        return []
    with tempfile.TemporaryDirectory(prefix="storytrace-upload-") as tmp:
        folder = Path(tmp)
        for number, (name, data) in enumerate(uploads, start=1):
            # Only the base name, and a number to keep two uploads of one name apart: never a path the client chose.
            (folder / f"{number:02d}-{PurePath(name).name or 'upload'}").write_bytes(data)
        prefix = f"{folder}/"
        read = []
        for item in iter_inputs([folder], settings):
            shown = item.source.replace(prefix, "", 1)
            read.append(replace(item, source=shown) if isinstance(item, RawArticle)
                        else IngestError(shown, item.reason))
        return read
